/*
 * sp-scale: place documents (groups) on a scale from their words, with
 * Wordscores (reference texts of known position score the words), Wordfish
 * (an unsupervised Poisson model) or correspondence analysis, and place new
 * documents with a saved model.  Input is count tables, GROUP TAB ITEM TAB
 * COUNT as sp-count --by writes them, or with --by token records, counted
 * here.  The table is in lib/scale.c and the models in lib/wordscores.c,
 * lib/wordfish.c, lib/ca.c and lib/scale_model.c; this file reads, checks
 * and writes.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ca.h"
#include "count.h"
#include "err.h"
#include "group.h"
#include "io.h"
#include "meta.h"
#include "opt.h"
#include "record.h"
#include "scale.h"
#include "scale_model.h"
#include "wordfish.h"
#include "wordscores.h"

static const char help[] =
    "usage: sp-scale [-v] [-b level] [--wordscores refs | --wordfish | "
    "--ca dims |\n"
    "                --predict model] [--ci level] [--dir doc,doc] "
    "[--max-iter n]\n"
    "                [--priors a,p,b,t] [--rescale lbg|mv] [--save model] "
    "[--smooth k]\n"
    "                [--tol obj,step] [--words file] [--tokens]\n"
    "                [--meta file [--id-column name]] [file ...]\n"
    "\n"
    "Place groups on a scale from a count table GROUP TAB ITEM TAB COUNT (or\n"
    "token records with --by) and write GROUP TAB THETA TAB SE, sorted by\n"
    "group (GROUP TAB DIM1 ... with --ca).\n"
    "\n"
    "  -b, --by=LEVEL          the input is token records: groups are doc,\n"
    "                          para, sent or N key fields, or with --meta a\n"
    "                          column of the table (Date:year for periods)\n"
    "      --tokens            the input is token records (--by doc unless\n"
    "                          --by says otherwise)\n"
    "      --meta=FILE         a metadata table (TSV or CSV, header row)\n"
    "                          whose ids are the records' first key fields\n"
    "      --id-column=NAME    the table's id column (default the first)\n"
    "      --wordscores=REFS   Wordscores with the reference scores in REFS\n"
    "                          (GROUP TAB SCORE)\n"
    "      --wordfish          the Wordfish Poisson scaling model\n"
    "      --ca=N              the first N dimensions of a correspondence\n"
    "                          analysis\n"
    "      --predict=MODEL     place the groups with a saved model\n"
    "      --ci=LEVEL          add LOWER TAB UPPER, a LEVEL confidence "
    "interval\n"
    "      --dir=A,B           Wordfish, CA: orient the scale so that A < B\n"
    "      --max-iter=N        Wordfish: at most N sweeps (default 1000)\n"
    "      --priors=A,P,B,T    Wordfish: prior sds of alpha, psi, beta and\n"
    "                          theta (default inf,inf,3,1)\n"
    "      --rescale=lbg|mv    Wordscores: LBG's or Martin and Vanberg's\n"
    "                          rescaling\n"
    "      --save=MODEL        save the fitted model\n"
    "      --smooth=K          Wordscores: add K to every reference count\n"
    "      --tol=OBJ,STEP      Wordfish: convergence tolerances (default\n"
    "                          1e-10,1e-8)\n"
    "      --words=FILE        write the word parameters to FILE\n"
    "  -v, --verbose           fit statistics on standard error\n"
    "      --help              print this help and exit\n"
    "      --version           print the version and exit\n";

enum {
	OPT_BY = 1,
	OPT_CA,
	OPT_CI,
	OPT_DIR,
	OPT_MAX_ITER,
	OPT_PREDICT,
	OPT_PRIORS,
	OPT_RESCALE,
	OPT_SAVE,
	OPT_SMOOTH,
	OPT_TOL,
	OPT_VERBOSE,
	OPT_WORDFISH,
	OPT_WORDS,
	OPT_WORDSCORES,
	OPT_TOKENS,
	OPT_META,
	OPT_IDCOL
};

static const struct opt_spec specs[] = {
    {OPT_BY, 'b', "by", OPT_REQUIRED},
    {OPT_CA, 0, "ca", OPT_REQUIRED},
    {OPT_CI, 0, "ci", OPT_REQUIRED},
    {OPT_DIR, 0, "dir", OPT_REQUIRED},
    {OPT_IDCOL, 0, "id-column", OPT_REQUIRED},
    {OPT_MAX_ITER, 0, "max-iter", OPT_REQUIRED},
    {OPT_META, 0, "meta", OPT_REQUIRED},
    {OPT_PREDICT, 0, "predict", OPT_REQUIRED},
    {OPT_PRIORS, 0, "priors", OPT_REQUIRED},
    {OPT_RESCALE, 0, "rescale", OPT_REQUIRED},
    {OPT_SAVE, 0, "save", OPT_REQUIRED},
    {OPT_SMOOTH, 0, "smooth", OPT_REQUIRED},
    {OPT_TOKENS, 0, "tokens", OPT_NONE},
    {OPT_TOL, 0, "tol", OPT_REQUIRED},
    {OPT_VERBOSE, 'v', "verbose", OPT_NONE},
    {OPT_WORDFISH, 0, "wordfish", OPT_NONE},
    {OPT_WORDS, 0, "words", OPT_REQUIRED},
    {OPT_WORDSCORES, 0, "wordscores", OPT_REQUIRED},
    {0, 0, NULL, 0}};

enum method { NONE, WORDSCORES, WORDFISH, CA, PREDICT };

static struct {
	enum method method;
	size_t by; /* key fields of a group; 0: count tables */
	const char *by_arg;
	const char *meta_path, *id_column; /* --meta, --id-column */
	int by_column;			   /* --by names a column */
	const char *refs, *model, *save, *words, *dir;
	size_t ndim;
	double ci_z; /* 0: no interval */
	enum wordscores_rescale rescale;
	double smooth;
	int verbose;
	struct wordfish_options wf;
} cf = {.wf = {{0, 0, 1.0 / 9, 1}, 1e-10, 1e-8, 1000, {0, 1}, NULL}};

/* --by COLUMN: the groups of the records, through the table. */
static struct meta meta;
static struct grouper grouper;

static struct scale_cells counts;
static struct record_writer out; /* standard output's rows */

/*
 * Where each group was first seen, for messages about it: by id in counts
 * while reading, then by document of the table.
 */
static struct {
	const char **file;
	unsigned long long *line;
	size_t n, cap;
} seen;

static void
note_group(uint32_t g, const char *file, unsigned long long line)
{
	if (g < seen.n)
		return;
	if (seen.cap <= g) {
		seen.cap = 2 * (size_t)g + 64;
		seen.file =
		    xreallocarray(seen.file, seen.cap, sizeof(*seen.file));
		seen.line =
		    xreallocarray(seen.line, seen.cap, sizeof(*seen.line));
	}
	seen.file[g] = file;
	seen.line[g] = line;
	seen.n = (size_t)g + 1;
}

/* Renumber seen by the documents of t. */
static void
seen_by_doc(const struct scale_table *t)
{
	const char **file = xreallocarray(NULL, t->ndocs + 1, sizeof(*file));
	unsigned long long *line =
	    xreallocarray(NULL, t->ndocs + 1, sizeof(*line));
	uint32_t id;
	size_t i;

	for (i = 0; i < t->ndocs; i++) {
		id = strtab_find(&counts.groups, t->doc[i], t->doclen[i]);
		file[i] = seen.file[id];
		line[i] = seen.line[id];
	}
	free(seen.file);
	free(seen.line);
	seen.file = file;
	seen.line = line;
}

static const char *
row_problem(enum count_row_status s)
{
	switch (s) {
	case COUNT_ROW_MISSING_FIELD:
		return "missing field: a count table row is GROUP TAB ITEM "
		       "TAB COUNT";
	case COUNT_ROW_EMPTY_ITEM:
		return "empty item";
	case COUNT_ROW_NOT_NUMBER:
		return "is not a whole number";
	case COUNT_ROW_NEGATIVE:
		return "is negative";
	default:
		return "does not fit in 64 bits";
	}
}

/*
 * The group and item of one input line: a count-table row, or with --by a
 * token record and its key prefix.  Return the count, or -1 after a
 * message.  (Grouping by a metadata column comes in here.)
 */
static int64_t
parse_line(struct record_reader *rr, const struct record *rec,
	   const char **group, size_t *glen, const char **item, size_t *ilen)
{
	struct count_row row;
	enum count_row_status s;

	if (cf.by_column) {
		uint32_t g;

		if (rec->len == 0)
			return 0;
		if ((g = group_of(&grouper, rec)) == GROUP_SHORT) {
			group_warn_short(&grouper, record_file(rr),
					 record_lineno(rr), rec);
			return -1;
		}
		*group = group_name(&grouper, g, glen);
		*item = rec->payload;
		*ilen = rec->len;
		return 1;
	}
	if (cf.by > 0) {
		if (rec->len == 0)
			return 0;
		*glen = record_by_prefix(rr, rec, cf.by, cf.by_arg);
		if (*glen == (size_t)-1)
			return -1;
		*group = rec->key;
		*item = rec->payload;
		*ilen = rec->len;
		return 1;
	}
	s = count_parse_row(&row, rec);
	if (s == COUNT_ROW_OK && !row.hasgroup)
		s = COUNT_ROW_MISSING_FIELD;
	if (s == COUNT_ROW_MISSING_FIELD || s == COUNT_ROW_EMPTY_ITEM) {
		record_warn(rr, "%s", row_problem(s));
		return -1;
	}
	if (s != COUNT_ROW_OK || row.count > INT64_MAX) {
		record_warn(rr, "count '%.*s' %s", (int)row.countlen,
			    row.counttext, row_problem(s));
		return -1;
	}
	*group = row.group;
	*glen = row.grouplen;
	*item = row.item;
	*ilen = row.itemlen;
	return (int64_t)row.count;
}

/*
 * Add one file to the counts.  A bad line ends the file (its counts so
 * far are kept), as in sp-count, and the exit status remembers it.
 */
static int
read_input(const char *path)
{
	struct record_reader rr;
	struct record rec;
	const char *group = NULL, *item = NULL;
	size_t glen = 0, ilen = 0;
	int64_t c;
	uint32_t g;
	int status = 0;

	if (record_open(&rr, path) < 0)
		return 2;
	while (record_next(&rr, &rec) > 0) {
		if ((c = parse_line(&rr, &rec, &group, &glen, &item, &ilen)) <
		    0) {
			status = 2;
			break;
		}
		if (c == 0 && cf.by > 0)
			continue;
		g = scale_cells_add(&counts, group, glen, item, ilen,
				    (double)c);
		note_group(g, record_file(&rr), record_lineno(&rr));
	}
	if (record_close(&rr) < 0)
		status = 2;
	return status;
}

/* A finite number filling s[0..n), or -1. */
static int
parse_number(const char *s, size_t n, double *v)
{
	char buf[64], *end;

	if (n == 0 || n >= sizeof(buf) || strspn(s, "0123456789+-.eE") < n)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*v = strtod(buf, &end);
	return *end == '\0' && isfinite(*v) ? 0 : -1;
}

/* "X,Y,..." into exactly n numbers; "inf" allowed if inf_ok. */
static void
parse_list(const struct opt *o, const char *arg, double *v, size_t n,
	   int inf_ok)
{
	const char *p = arg, *comma;
	size_t i, len;

	for (i = 0; i < n; i++, p = comma + 1) {
		comma = strchr(p, ',');
		if ((comma == NULL) != (i == n - 1))
			break;
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (inf_ok && len == 3 && memcmp(p, "inf", 3) == 0)
			v[i] = INFINITY;
		else if (parse_number(p, len, &v[i]) < 0 || !(v[i] > 0))
			break;
		if (comma == NULL)
			return;
	}
	opt_usage_error(o,
			"%s: '%s' is not %zu positive numbers separated "
			"by commas",
			o->name, arg, n);
}

/* A real number with six decimals, never "-0.000000". */
static void
put_real(struct record_writer *w, double x)
{
	record_field_real(w, x, 6);
}

/* The name that starts a row. */
static void
put_name(struct record_writer *w, const char *s, size_t n)
{
	record_begin(w);
	record_field(w, s, n);
}

/* One position row: GROUP TAB THETA TAB SE [TAB LOWER TAB UPPER]. */
static void
put_position(const struct scale_table *t, size_t i, double x, double se)
{
	put_name(&out, t->doc[i], t->doclen[i]);
	put_real(&out, x);
	put_real(&out, se);
	if (cf.ci_z > 0) {
		put_real(&out, x - cf.ci_z * se);
		put_real(&out, x + cf.ci_z * se);
	}
	record_end(&out);
}

/* Open a file of rows for --words. */
static void
words_open(struct writer *w, struct record_writer *rw)
{
	writer_open(w, cf.words);
	record_writer_init(rw, w);
}

static void
words_close(struct writer *w, struct record_writer *rw)
{
	record_writer_free(rw);
	writer_close(w);
}

/* The standard normal quantile at p in (0.5, 1), by bisection on erfc. */
static double
normal_quantile(double p)
{
	double lo = 0, hi = 40, mid;
	int i;

	for (i = 0; i < 200; i++) {
		mid = (lo + hi) / 2;
		if (0.5 * erfc(-mid / sqrt(2)) < p)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

static long
find_group(const struct scale_table *t, const char *s, size_t n,
	   const char *what)
{
	long i = scale_find_doc(t, s, n);

	if (i < 0)
		sp_die("%s: no group '%.*s' in the input", what, (int)n, s);
	return i;
}

/* --dir A,B; the first two groups by default. */
static void
set_direction(const struct scale_table *t)
{
	const char *comma;

	if (cf.dir == NULL)
		return;
	comma = strchr(cf.dir, ',');
	cf.wf.dir[0] = find_group(t, cf.dir, (size_t)(comma - cf.dir), "--dir");
	cf.wf.dir[1] = find_group(t, comma + 1, strlen(comma + 1), "--dir");
	if (cf.wf.dir[0] == cf.wf.dir[1])
		sp_die("--dir: '%s' names one group twice", cf.dir);
}

/* A bad line of REFS ends the program. */
#define refs_die(rr, ...)                                                      \
	do {                                                                   \
		record_warn(rr, __VA_ARGS__);                                  \
		exit(2);                                                       \
	} while (0)

/*
 * The reference scores of REFS (GROUP TAB SCORE, blank lines ignored), by
 * document; the others are NAN.
 */
static double *
read_refs(const struct scale_table *t)
{
	/* Static, so that they are not leaks when an error ends the program. */
	static double *score;
	static unsigned long long *line;
	struct record_reader rr;
	struct record rec;
	double v, lo = INFINITY, hi = -INFINITY;
	size_t i, nref = 0;
	long d;

	score = xreallocarray(NULL, t->ndocs + 1, sizeof(*score));
	line = xcalloc(t->ndocs + 1, sizeof(*line));
	for (i = 0; i < t->ndocs; i++)
		score[i] = NAN;
	if (record_open(&rr, cf.refs) < 0)
		exit(2);
	while (record_next(&rr, &rec) > 0) {
		if (!rec.haskey && rec.len == 0)
			continue;
		if (!rec.haskey || rec.keylen == 0)
			refs_die(&rr, "a reference is GROUP TAB SCORE");
		if (parse_number(rec.payload, rec.len, &v) < 0)
			refs_die(&rr, "score '%.*s' is not a number",
				 (int)rec.len, rec.payload);
		/*
		 * A bound, so that the squares of the SEs and the rescaling
		 * stay finite: a score near DBL_MAX gave inf and nan.
		 */
		if (fabs(v) > 1e6)
			refs_die(&rr,
				 "score '%.*s' is out of range (at most "
				 "1000000 either way)",
				 (int)rec.len, rec.payload);
		if ((d = scale_find_doc(t, rec.key, rec.keylen)) < 0)
			refs_die(&rr, "no group '%.*s' in the input",
				 (int)rec.keylen, rec.key);
		if (line[d] != 0)
			refs_die(&rr,
				 "group '%.*s' has a score already (line "
				 "%llu)",
				 (int)rec.keylen, rec.key, line[d]);
		line[d] = record_lineno(&rr);
		score[d] = v;
		nref++;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	if (record_close(&rr) < 0)
		exit(2);
	if (nref < 2)
		sp_die("%s: %zu reference text%s: Wordscores needs two or "
		       "more",
		       cf.refs, nref, nref == 1 ? "" : "s");
	if (lo == hi)
		sp_die("%s: every reference text has the score %g: they must "
		       "differ",
		       cf.refs, lo);
	free(line);
	return score;
}

/* The words of document i as indices into a model's words (map). */
static size_t
doc_words(const struct scale_table *t, size_t i, const long *map, long *idx)
{
	size_t k, n = t->dstart[i + 1] - t->dstart[i];

	for (k = 0; k < n; k++)
		idx[k] = map[t->dword[t->dstart[i] + k]];
	return n;
}

/*
 * Place every document with word scores and write the positions; a
 * document with no scored word has none, which is an error.
 */
static int
write_wordscores(const struct scale_table *t, const struct wordscores *ws,
		 const long *map)
{
	double *raw = xreallocarray(NULL, t->ndocs + 1, sizeof(*raw));
	double *se = xreallocarray(NULL, t->ndocs + 1, sizeof(*se));
	long *idx = xreallocarray(NULL, t->nwords + 1, sizeof(*idx));
	size_t *doc = xreallocarray(NULL, t->ndocs + 1, sizeof(*doc));
	size_t i, n = 0, k;
	int status = 0;

	for (i = 0; i < t->ndocs; i++) {
		k = doc_words(t, i, map, idx);
		if (wordscores_place(ws, idx, t->dcount + t->dstart[i], k,
				     &raw[n], &se[n]) == 0) {
			sp_warn_at(seen.file[i], seen.line[i],
				   "group '%s' has "
				   "no scored word: no position",
				   t->doc[i]);
			status = 2;
			continue;
		}
		doc[n++] = i;
	}
	if (wordscores_rescale(ws, cf.rescale, raw, se, n) < 0)
		sp_die("--rescale %s: not defined here (%s)",
		       cf.rescale == WS_LBG ? "lbg" : "mv",
		       cf.rescale == WS_LBG
			   ? "it needs "
			     "two or more texts with different raw scores"
			   : "the "
			     "lowest and highest reference texts have the same "
			     "raw "
			     "score");
	for (k = 0; k < n; k++)
		put_position(t, doc[k], raw[k], se[k]);
	free(raw);
	free(se);
	free(idx);
	free(doc);
	return status;
}

static long *
identity_map(size_t n)
{
	long *map = xreallocarray(NULL, n + 1, sizeof(*map));
	size_t j;

	for (j = 0; j < n; j++)
		map[j] = (long)j;
	return map;
}

static int
run_wordscores(const struct scale_table *t)
{
	struct wordscores ws;
	struct writer w;
	struct record_writer wr;
	double *refs = read_refs(t);
	long *map = identity_map(t->nwords);
	size_t j, scored = 0, nref = 0, i;
	int status;

	wordscores_fit(&ws, t, refs, cf.smooth);
	for (j = 0; j < t->nwords; j++)
		scored += !isnan(ws.score[j]);
	for (i = 0; i < t->ndocs; i++)
		nref += !isnan(refs[i]);
	if (cf.verbose)
		fprintf(stderr,
			"sp-scale: %zu reference and %zu virgin "
			"texts; %zu of %zu words scored\n",
			nref, t->ndocs - nref, scored, t->nwords);
	status = write_wordscores(t, &ws, map);
	if (cf.words != NULL) {
		words_open(&w, &wr);
		for (j = 0; j < t->nwords; j++) {
			if (isnan(ws.score[j]))
				continue;
			put_name(&wr, t->word[j], t->wordlen[j]);
			put_real(&wr, ws.score[j]);
			record_end(&wr);
		}
		words_close(&w, &wr);
	}
	if (cf.save != NULL)
		scale_model_save_wordscores(&ws, cf.save);
	wordscores_free(&ws);
	free(map);
	free(refs);
	return status;
}

static int
run_wordfish(const struct scale_table *t)
{
	struct wordfish_model m;
	struct wordfish_fit f;
	struct writer w;
	struct record_writer wr;
	size_t i, j;

	if (cf.verbose)
		cf.wf.verbose = stderr;
	if (wordfish_fit(t, &cf.wf, &m, &f) < 0)
		sp_die("every group has the same proportions of every item: "
		       "there is no scale to find");
	if (cf.verbose)
		fprintf(stderr,
			"sp-scale: %s after %ld iterations; "
			"log-likelihood %.6f, log-posterior %.6f\n",
			f.converged ? "converged" : "stopped", f.iterations,
			f.loglik, f.logpost);
	if (!f.converged)
		sp_warn("Wordfish did not converge in %ld iterations "
			"(--max-iter)",
			f.iterations);
	for (i = 0; i < t->ndocs; i++)
		put_position(t, i, f.theta[i], f.se[i]);
	if (cf.words != NULL) {
		words_open(&w, &wr);
		for (j = 0; j < t->nwords; j++) {
			put_name(&wr, t->word[j], t->wordlen[j]);
			put_real(&wr, m.beta[j]);
			put_real(&wr, m.psi[j]);
			record_end(&wr);
		}
		words_close(&w, &wr);
	}
	if (cf.save != NULL)
		scale_model_save_wordfish(&m, cf.save);
	wordfish_model_free(&m);
	wordfish_fit_free(&f);
	return 0;
}

static void
put_coords(struct record_writer *w, const char *name, size_t len,
	   const double *x, size_t n)
{
	size_t d;

	put_name(w, name, len);
	for (d = 0; d < n; d++)
		put_real(w, x[d]);
	record_end(w);
}

static int
run_ca(const struct scale_table *t)
{
	struct ca_result r;
	struct writer w;
	struct record_writer wr;
	size_t i, j, d, have;

	if (cf.ndim >= (t->ndocs < t->nwords ? t->ndocs : t->nwords))
		sp_die("--ca %zu: a table of %zu groups and %zu items has at "
		       "most %zu dimensions",
		       cf.ndim, t->ndocs, t->nwords,
		       (t->ndocs < t->nwords ? t->ndocs : t->nwords) - 1);
	if ((have = ca_fit(t, cf.ndim, 1e-10, &r)) != cf.ndim)
		sp_die("--ca %zu: the table has only %zu dimension%s", cf.ndim,
		       have, have == 1 ? "" : "s");
	if (cf.dir != NULL && r.rowcoord[cf.wf.dir[0] * r.ndim] >
				  r.rowcoord[cf.wf.dir[1] * r.ndim])
		ca_flip(t, &r, 0);
	if (cf.verbose) {
		fprintf(stderr,
			"sp-scale: total inertia %.6f; %ld "
			"iterations%s\n",
			r.inertia, r.iterations,
			r.converged ? "" : " (not converged)");
		for (d = 0; d < r.ndim; d++)
			fprintf(stderr,
				"sp-scale: dimension %zu: singular "
				"value %.6f, inertia %.6f (%.2f%%)\n",
				d + 1, r.sv[d], r.sv[d] * r.sv[d],
				100 * r.sv[d] * r.sv[d] / r.inertia);
	}
	if (!r.converged)
		sp_warn("--ca: the dimensions did not converge");
	for (i = 0; i < t->ndocs; i++)
		put_coords(&out, t->doc[i], t->doclen[i],
			   r.rowcoord + i * r.ndim, r.ndim);
	if (cf.words != NULL) {
		words_open(&w, &wr);
		for (j = 0; j < t->nwords; j++)
			put_coords(&wr, t->word[j], t->wordlen[j],
				   r.colcoord + j * r.ndim, r.ndim);
		words_close(&w, &wr);
	}
	ca_free(&r);
	return 0;
}

/* --predict: place the groups with the model's words. */
static int
run_predict(const struct scale_table *t)
{
	struct scale_model m;
	char **names;
	size_t *lens, nmodel, i, j, c;
	long *map = xreallocarray(NULL, t->nwords + 1, sizeof(*map));
	double *theta, *se;
	int status = 0;

	scale_model_load(&m, cf.model);
	if (cf.rescale != WS_RAW && m.method != SCALE_WORDSCORES)
		sp_die("--rescale: %s is not a Wordscores model", cf.model);
	names = m.method == SCALE_WORDSCORES ? m.ws.word : m.wf.word;
	lens = m.method == SCALE_WORDSCORES ? m.ws.wordlen : m.wf.wordlen;
	nmodel = m.method == SCALE_WORDSCORES ? m.ws.nwords : m.wf.nwords;
	{
		struct scale_table mt;

		memset(&mt, 0, sizeof(mt));
		mt.word = names;
		mt.wordlen = lens;
		mt.nwords = nmodel;
		for (j = 0; j < t->nwords; j++)
			map[j] =
			    scale_find_word(&mt, t->word[j], t->wordlen[j]);
	}
	if (m.method == SCALE_WORDSCORES) {
		status = write_wordscores(t, &m.ws, map);
	} else {
		theta = xreallocarray(NULL, t->ndocs + 1, sizeof(*theta));
		se = xreallocarray(NULL, t->ndocs + 1, sizeof(*se));
		wordfish_place(&m.wf, t, map, cf.wf.tol_step, theta, se);
		for (i = 0; i < t->ndocs; i++) {
			for (c = t->dstart[i];
			     c < t->dstart[i + 1] && map[t->dword[c]] < 0; c++)
				;
			if (c == t->dstart[i + 1]) {
				sp_warn_at(seen.file[i], seen.line[i],
					   "group "
					   "'%s' has no word of the model: no "
					   "position",
					   t->doc[i]);
				status = 2;
				continue;
			}
			/* Only a damaged model's numbers come to this. */
			if (!isfinite(theta[i]) || !isfinite(se[i])) {
				sp_warn_at(seen.file[i], seen.line[i],
					   "group '%s': the model's numbers "
					   "give no finite position (is %s "
					   "damaged?)",
					   t->doc[i], cf.model);
				status = 2;
				continue;
			}
			put_position(t, i, theta[i], se[i]);
		}
		free(theta);
		free(se);
	}
	scale_model_free(&m);
	free(map);
	return status;
}

static void
set_method(const struct opt *o, enum method m)
{
	if (cf.method != NONE && cf.method != m)
		opt_usage_error(o, "--wordscores, --wordfish, --ca and "
				   "--predict exclude each other");
	cf.method = m;
}

/* Refuse options that the chosen method would ignore. */
static void
check_options(const struct opt *o, int given[])
{
	static const struct {
		int id;
		const char *name;
		unsigned methods; /* bit per enum method */
	} apply[] = {
	    {OPT_CI, "--ci", 1u << WORDSCORES | 1u << WORDFISH | 1u << PREDICT},
	    {OPT_DIR, "--dir", 1u << WORDFISH | 1u << CA},
	    {OPT_MAX_ITER, "--max-iter", 1u << WORDFISH},
	    {OPT_PRIORS, "--priors", 1u << WORDFISH},
	    {OPT_RESCALE, "--rescale", 1u << WORDSCORES | 1u << PREDICT},
	    {OPT_SAVE, "--save", 1u << WORDSCORES | 1u << WORDFISH},
	    {OPT_SMOOTH, "--smooth", 1u << WORDSCORES},
	    {OPT_TOL, "--tol", 1u << WORDFISH | 1u << PREDICT},
	    {OPT_WORDS, "--words",
	     1u << WORDSCORES | 1u << WORDFISH | 1u << CA},
	};
	size_t i;

	if (cf.method == NONE)
		opt_usage_error(o, "choose a method: --wordscores, "
				   "--wordfish, --ca or --predict");
	for (i = 0; i < sizeof(apply) / sizeof(*apply); i++)
		if (given[apply[i].id] &&
		    !(apply[i].methods & (1u << cf.method)))
			opt_usage_error(o, "%s does not apply to %s",
					apply[i].name,
					cf.method == WORDSCORES ? "--wordscores"
					: cf.method == WORDFISH ? "--wordfish"
					: cf.method == CA	? "--ca"
								: "--predict");
	if (cf.dir != NULL &&
	    (strchr(cf.dir, ',') == NULL || strchr(cf.dir, ',') == cf.dir ||
	     cf.dir[strlen(cf.dir) - 1] == ','))
		opt_usage_error(o, "--dir: '%s' is not two groups A,B", cf.dir);
}

/*
 * --by (or --tokens, which is --by doc unless --by is given): a key level,
 * or with --meta a column of the table, which is loaded here so that a bad
 * one is an error before any input is read.
 */
static void
set_by(const struct opt *o)
{
	if (cf.meta_path != NULL && cf.by_arg == NULL)
		opt_usage_error(o, "--meta applies with --by or --tokens");
	if (cf.id_column != NULL && cf.meta_path == NULL)
		opt_usage_error(o, "--id-column applies with --meta");
	if (cf.by_arg == NULL)
		return;
	if (cf.meta_path == NULL) {
		cf.by = group_key_level(o, cf.by_arg);
		return;
	}
	group_open(&grouper, &meta, cf.by_arg, cf.meta_path, cf.id_column);
	cf.by = grouper.fields;
	cf.by_column = grouper.kind == GROUP_COLUMN;
}

int
main(int argc, char *argv[])
{
	struct opt o;
	struct scale_table t;
	char *arg, *dash[] = {"-"}, **files;
	double v[4];
	int id, i, nfiles, status = 0, given[OPT_IDCOL + 1] = {0};
	uint32_t empty;

	opt_init(&o, argc, argv, specs, help);
	while ((id = opt_next(&o, &arg)) != 0) {
		given[id] = 1;
		switch (id) {
		case OPT_BY:
			cf.by_arg = arg;
			break;
		case OPT_TOKENS:
			if (cf.by_arg == NULL)
				cf.by_arg = "doc";
			break;
		case OPT_META:
			cf.meta_path = arg;
			break;
		case OPT_IDCOL:
			cf.id_column = arg;
			break;
		case OPT_CA:
			set_method(&o, CA);
			cf.ndim = (size_t)opt_number(&o, arg, 1, 1000);
			break;
		case OPT_CI:
			cf.ci_z = normal_quantile(
			    0.5 + opt_real(&o, arg, 0.01, 0.9999) / 2);
			break;
		case OPT_DIR:
			cf.dir = arg;
			break;
		case OPT_MAX_ITER:
			cf.wf.max_iter =
			    (long)opt_number(&o, arg, 1, 1000000000);
			break;
		case OPT_PREDICT:
			set_method(&o, PREDICT);
			cf.model = arg;
			break;
		case OPT_PRIORS:
			parse_list(&o, arg, v, 4, 1);
			for (i = 0; i < 4; i++)
				cf.wf.prec[i] =
				    isinf(v[i]) ? 0 : 1 / (v[i] * v[i]);
			if (cf.wf.prec[2] == 0 || cf.wf.prec[3] == 0)
				opt_usage_error(
				    &o,
				    "--priors: the priors of "
				    "beta and theta must be finite: they fix "
				    "the scale");
			break;
		case OPT_RESCALE:
			if (strcmp(arg, "lbg") == 0)
				cf.rescale = WS_LBG;
			else if (strcmp(arg, "mv") == 0)
				cf.rescale = WS_MV;
			else
				opt_usage_error(&o,
						"--rescale: '%s' is not "
						"lbg or mv",
						arg);
			break;
		case OPT_SAVE:
			cf.save = arg;
			break;
		case OPT_SMOOTH:
			cf.smooth = opt_real(&o, arg, 0, 1e9);
			break;
		case OPT_TOL:
			parse_list(&o, arg, v, 2, 0);
			cf.wf.tol_objective = v[0];
			cf.wf.tol_step = v[1];
			break;
		case OPT_VERBOSE:
			cf.verbose = 1;
			break;
		case OPT_WORDFISH:
			set_method(&o, WORDFISH);
			break;
		case OPT_WORDS:
			cf.words = arg;
			break;
		case OPT_WORDSCORES:
			set_method(&o, WORDSCORES);
			cf.refs = arg;
			break;
		}
	}
	set_by(&o);
	check_options(&o, given);
	files = o.noperands > 0 ? o.operands : dash;
	nfiles = o.noperands > 0 ? o.noperands : 1;

	writer_init(&sp_out, 1, "(standard output)");
	record_writer_init(&out, &sp_out);
	scale_cells_init(&counts, cf.by > 0);
	for (i = 0; i < nfiles; i++)
		if (read_input(files[i]) != 0)
			status = 2;
	if (cf.by_column)
		group_report_missing(&grouper);
	/*
	 * As with every sp tool, a bad file is reported and the others are
	 * still used; the exit status remembers the trouble.
	 */
	if (counts.groups.n == 0)
		sp_die("no counts in the input");
	if ((empty = scale_table_build(&t, &counts)) != STRTAB_NONE)
		sp_die_at(seen.file[empty], seen.line[empty],
			  "group '%s' has "
			  "no counts",
			  strtab_key(&counts.groups, empty));
	seen_by_doc(&t);
	scale_cells_free(&counts);
	if (t.ndocs < 2 && cf.method != PREDICT)
		sp_die("only one group ('%s') in the input: a scale needs "
		       "two or more",
		       t.doc[0]);
	set_direction(&t);

	switch (cf.method) {
	case WORDSCORES:
		status |= run_wordscores(&t);
		break;
	case WORDFISH:
		status |= run_wordfish(&t);
		break;
	case CA:
		status |= run_ca(&t);
		break;
	default:
		status |= run_predict(&t);
		break;
	}
	scale_table_free(&t);
	if (cf.meta_path != NULL) {
		group_free(&grouper);
		meta_free(&meta);
	}
	free(seen.file);
	free(seen.line);
	free(o.operands);
	record_writer_free(&out);
	sp_exit(status);
}
