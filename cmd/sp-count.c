/*
 * sp-count: count the items of token records (the last field of each
 * line) and write count tables, per group with --by, with keyness
 * (--keyness) or collocation (--colloc) statistics.  With --merge the
 * operands are count tables written by sp-count itself, added up exactly,
 * so counting the parts of a split input and merging them gives the same
 * bytes as counting the whole.  The counting lives in lib/count.c and the
 * formulas in lib/stats.c; this file reads, checks and writes.
 */
#include <limits.h>
#include <stdio.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "collocates.h"
#include "count.h"
#include "dispersion.h"
#include "err.h"
#include "group.h"
#include "io.h"
#include "keyness.h"
#include "logodds.h"
#include "meta.h"
#include "opt.h"
#include "pvalue.h"
#include "record.h"
#include "reference.h"
#include "stats.h"
#include "textstat.h"

static const char help[] =
    "usage: sp-count [-m] [-b level] [-k target | --keyness-all | --colloc |\n"
    "                --pairs | --dispersion] [-n count]\n"
    "                [-s key] [-w width] [--df] [--min count]\n"
    "                [--measure name [--alpha0 a0]] [--negative] [--rel]\n"
    "                [--tfidf] [--meta file [--id-column name]] [--readability]\n"
    "                [--lexdiv] [--segment n] [--mtld-threshold x]\n"
    "                [--collocates node [--span span]] [file ...]\n"
    "\n"
    "Count the items (the last field of each record) and write a count\n"
    "table, ITEM TAB COUNT (GROUP TAB ITEM TAB COUNT with --by), sorted by\n"
    "group, then count descending, then item.\n"
    "\n"
    "  -b, --by=LEVEL        one table per group: doc, para, sent or N (the\n"
    "                        first N key fields), or with --meta a column\n"
    "                        of the table (Date:year, :month, :day, :decade\n"
    "                        for periods of a date column)\n"
    "      --meta=FILE       a metadata table (TSV or CSV, header row)\n"
    "                        whose ids are the records' first key fields\n"
    "      --id-column=NAME  the table's id column (default the first)\n"
    "  -m, --merge           the operands are count tables written by\n"
    "                        sp-count: add them up (also --from-counts)\n"
    "  -k, --keyness=TARGET  items that distinguish the group TARGET (or\n"
    "                        the groups listed in @FILE; without --by the\n"
    "                        group is the first key field)\n"
    "      --keyness-all     every group against all the others:\n"
    "                        GROUP TAB ITEM TAB TARGET TAB REFERENCE TAB G2\n"
    "                        TAB CHI2 TAB LOG-RATIO\n"
    "                        from the others: ITEM TAB TARGET TAB REFERENCE\n"
    "                        TAB G2 TAB CHI2 TAB LOG-RATIO\n"
    "      --colloc          pairs of tokens of one record run, with\n"
    "                        W1 TAB W2 TAB COUNT TAB PMI TAB T TAB G2\n"
    "      --pairs           the pair count table W1 TAB W2 TAB COUNT\n"
    "      --dispersion      how evenly each item is spread over the groups\n"
    "                        of --by: ITEM TAB COUNT TAB RANGE TAB DP TAB\n"
    "                        DPNORM TAB D\n"
    "      --collocates=NODE words near NODE (a token or word pattern)\n"
    "      --span=Ln,Rm      the window of --collocates (default L5,R5)\n"
    "  -w, --window=W        pair a token with the next W tokens (default 1);\n"
    "                        with --lexdiv, the MATTR window (default 100)\n"
    "      --readability     readability sums and indices per group\n"
    "      --lexdiv          lexical diversity measures per group\n"
    "      --segment=N       the MSTTR segment (default 100)\n"
    "      --mtld-threshold=X  the MTLD factor size (default 0.72)\n"
    "  -n, --top=N           write the first N rows (of each group)\n"
    "      --min=N           drop items (pairs) counted fewer than N times\n"
    "      --rel             add a column: count per 10,000 tokens of the\n"
    "                        group\n"
    "      --df              add a column: number of groups with the item\n"
    "      --tfidf           add a column: count * log10(groups / df)\n"
    "      --measure=M       with --keyness(-all), the one measure written\n"
    "                        and sorted by: g2, g2-williams, g2-2term, chi2,\n"
    "                        chi2-yates (each then with a p-value), lr or\n"
    "                        pctdiff: ITEM TAB TARGET TAB REFERENCE TAB M\n"
    "                        [TAB P]; or logodds, the weighted log-odds\n"
    "                        (Monroe et al.): ... TAB DELTA TAB VAR TAB Z,\n"
    "                        or logodds-tidylo as tidylo's bind_log_odds\n"
    "      --alpha0=A        the prior's total for logodds (default: all\n"
    "                        tokens)\n"
    "      --negative        with --keyness(-all), also write the items that are\n"
    "                        relatively more frequent in the reference\n"
    "  -s, --sort=KEY        order by KEY: count or tfidf; g2 or lr with\n"
    "                        --keyness; g2, pmi, t or count with --colloc\n"
    "      --help            print this help and exit\n"
    "      --version         print the version and exit\n";

enum {
	OPT_BY = 1, OPT_COLLOC, OPT_DF, OPT_KEYNESS, OPT_MERGE, OPT_MIN,
	OPT_NEGATIVE, OPT_PAIRS, OPT_REL, OPT_SORT, OPT_TFIDF, OPT_TOP,
	OPT_WINDOW, OPT_META, OPT_IDCOL, OPT_KEYNESS_ALL, OPT_MEASURE,
	OPT_DISPERSION, OPT_ALPHA0, OPT_READABILITY, OPT_LEXDIV, OPT_SEGMENT,
	OPT_MTLD, OPT_COLLOCATES, OPT_SPAN
};

static const struct opt_spec specs[] = {
	{ OPT_ALPHA0, 0, "alpha0", OPT_REQUIRED },
	{ OPT_BY, 'b', "by", OPT_REQUIRED },
	{ OPT_COLLOC, 0, "colloc", OPT_NONE },
	{ OPT_COLLOCATES, 0, "collocates", OPT_REQUIRED },
	{ OPT_DF, 0, "df", OPT_NONE },
	{ OPT_DISPERSION, 0, "dispersion", OPT_NONE },
	{ OPT_MERGE, 0, "from-counts", OPT_NONE },
	{ OPT_IDCOL, 0, "id-column", OPT_REQUIRED },
	{ OPT_KEYNESS, 'k', "keyness", OPT_REQUIRED },
	{ OPT_KEYNESS_ALL, 0, "keyness-all", OPT_NONE },
	{ OPT_MEASURE, 0, "measure", OPT_REQUIRED },
	{ OPT_LEXDIV, 0, "lexdiv", OPT_NONE },
	{ OPT_MERGE, 'm', "merge", OPT_NONE },
	{ OPT_META, 0, "meta", OPT_REQUIRED },
	{ OPT_MIN, 0, "min", OPT_REQUIRED },
	{ OPT_MTLD, 0, "mtld-threshold", OPT_REQUIRED },
	{ OPT_NEGATIVE, 0, "negative", OPT_NONE },
	{ OPT_PAIRS, 0, "pairs", OPT_NONE },
	{ OPT_READABILITY, 0, "readability", OPT_NONE },
	{ OPT_REL, 0, "rel", OPT_NONE },
	{ OPT_SEGMENT, 0, "segment", OPT_REQUIRED },
	{ OPT_SORT, 's', "sort", OPT_REQUIRED },
	{ OPT_SPAN, 0, "span", OPT_REQUIRED },
	{ OPT_TFIDF, 0, "tfidf", OPT_NONE },
	{ OPT_TOP, 'n', "top", OPT_REQUIRED },
	{ OPT_WINDOW, 'w', "window", OPT_REQUIRED },
	{ 0, 0, NULL, 0 }
};

enum mode {
	MODE_TABLE, MODE_KEYNESS, MODE_COLLOC, MODE_PAIRS, MODE_DISPERSION
};

/* What to order rows by, after the group; counts are compared exactly. */
enum sort_key {
	SORT_COUNT, SORT_TFIDF, SORT_G2, SORT_LR, SORT_PMI, SORT_T,
	SORT_MI, SORT_LOGDICE
};

static const char *const sort_names[] = {
	"count", "tfidf", "g2", "lr", "pmi", "t", "mi", "logdice"
};

static struct {
	enum mode mode;
	int merge;
	size_t by;		/* key fields in a group; 0: no groups */
	const char *by_arg;	/* as the user wrote it, for messages */
	uint64_t top, min;	/* top 0: no limit */
	int rel, df, tfidf, negative;
	size_t window;
	enum sort_key sort;
	int sort_given;
	char **targets;
	size_t ntargets;
	const char *meta_path, *id_column;	/* --meta, --id-column */
	int by_column;		/* --by names a column of the table */
	int all;		/* --keyness-all (mode MODE_KEYNESS) */
	int measure;		/* --measure (enum keyness_measure), or -1 */
	double alpha0;		/* --alpha0, or 0: the table's total */
	struct textstat_opts text; /* --readability, --lexdiv */
	int window_given;
	const char *node;	   /* --collocates */
	size_t left, right;	   /* --span */
	int span_given;
} cf = { .min = 1, .window = 1, .measure = -1, .left = 5, .right = 5 };

/*
 * --measure logodds and logodds-tidylo: measures of their own, with three
 * columns each; the second only with --keyness-all.
 */
#define MEASURE_LOGODDS KEYNESS_NMEASURES
#define MEASURE_TIDYLO (KEYNESS_NMEASURES + 1)

/*
 * --by COLUMN: the grouper (group.h) gives each record's group a dense id;
 * gmap turns it into the count table's group id, so that the counting is
 * the same as for a key level.  Both grow with the groups only.
 */
static struct meta meta;
static struct grouper grouper;
static uint32_t *gmap;
static size_t ngmap;

static struct count_table table;
static struct record_writer out;

/*
 * The plain count (no groups, no pairs) is the hot path: it counts in a
 * tally, which is written straight out for a table with no measures
 * (write_plain) or else moved to the table at the end.  Its reference
 * (SP_REFERENCE, lib/reference.h) is the general count of count_file and
 * write_table, through a plain hash table and qsort.
 */
static struct tally plain;

/* The run of records with one key that --colloc forms pairs in. */
static struct {
	char *key;
	size_t keylen, keycap;
	int haskey;
	uint32_t *recent;	/* the last cf.window items, a ring */
	uint64_t len;		/* items in the run so far */
} run;

/* The count table's group of the grouper's group g. */
static uint32_t
table_group(uint32_t g)
{
	const char *name;
	size_t len;

	if (g < ngmap)
		return gmap[g];
	gmap = xreallocarray(gmap, group_count(&grouper), sizeof(*gmap));
	for (; ngmap < group_count(&grouper); ngmap++) {
		name = group_name(&grouper, (uint32_t)ngmap, &len);
		gmap[ngmap] = count_group(&table, name, len);
	}
	return gmap[g];
}

static void
add_target(const char *s, size_t n, const struct opt *o)
{
	if (n == 0 || memchr(s, '\t', n) != NULL)
		opt_usage_error(o, "--keyness: '%.*s' is not a key field",
		    (int)n, s);
	cf.targets = xreallocarray(cf.targets, cf.ntargets + 1,
	    sizeof(*cf.targets));
	cf.targets[cf.ntargets++] = xmemdup(s, n);
}

/* --keyness @FILE: one target a line; blank lines are ignored. */
static void
read_targets(const char *path, const struct opt *o)
{
	struct reader r;
	char *line;
	size_t n, before = cf.ntargets;
	int got;

	if (reader_open(&r, path) < 0)
		exit(2);
	while ((got = reader_next(&r, &line, &n)) > 0)
		if (n > 0)
			add_target(line, n, o);
	if (reader_close(&r) < 0)
		exit(2);
	if (cf.ntargets == before)
		sp_die("%s: no keyness target in the file", path);
}

static void
parse_sort(const char *s, const struct opt *o)
{
	size_t i;

	for (i = 0; i < sizeof(sort_names) / sizeof(*sort_names); i++)
		if (strcmp(s, sort_names[i]) == 0) {
			cf.sort = (enum sort_key)i;
			cf.sort_given = 1;
			return;
		}
	opt_usage_error(o, "--sort: '%s' is not count, tfidf, g2, lr, pmi, "
	    "t, mi or logdice", s);
}

/*
 * The --by value: a key level, or with --meta a column of the table (the
 * table is loaded here, so that a bad one is an error before any input is
 * read).  Both options may come in either order, so this waits for all.
 */
static void
set_by(const struct opt *o)
{
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

/* The options of --readability and --lexdiv (lib/textstat.h). */
static void
check_text_options(const struct opt *o)
{
	struct textstat_opts *t = &cf.text;

	if (cf.mode != MODE_TABLE)
		opt_usage_error(o, "--readability and --lexdiv exclude "
				   "--keyness, --keyness-all, --colloc, "
				   "--pairs and --dispersion");
	if (cf.rel || cf.df || cf.tfidf || cf.negative || cf.top > 0 ||
	    cf.min != 1 || cf.sort_given || cf.measure >= 0)
		opt_usage_error(o, "--rel, --df, --tfidf, --negative, --measure, "
				   "-n, --min and --sort do not apply to "
				   "--readability and --lexdiv");
	if (cf.window_given && !t->lexdiv)
		opt_usage_error(o, "--window applies to --lexdiv, --colloc "
				   "and --pairs");
	if (cf.merge && t->lexdiv)
		opt_usage_error(o, "--lexdiv counts tokens: types do not add "
				   "up across tables (see sp-count(1))");
	t->by = cf.by;
	t->by_arg = cf.by_arg;
	t->grouper = cf.by_column ? &grouper : NULL;
	t->window = cf.window_given ? cf.window : 100;
}

/* --span Ln,Rm (or n: as many on each side). */
static void
parse_span(const struct opt *o, const char *arg)
{
	char l[32], r[32];
	int n;

	cf.span_given = 1;
	if (strchr(arg, ',') == NULL && arg[0] != 'L') {
		cf.left = cf.right = (size_t)opt_number(o, arg, 1, 1000);
		return;
	}
	if (strlen(arg) >= sizeof(l) ||
	    sscanf(arg, "L%31[0-9],R%31[0-9]%n", l, r, &n) != 2 ||
	    arg[n] != '\0')
		opt_usage_error(o, "--span: '%s' is not Ln,Rm (as L5,R5) or a "
		    "number", arg);
	cf.left = (size_t)opt_number(o, l, 0, 1000);
	cf.right = (size_t)opt_number(o, r, 0, 1000);
	if (cf.left + cf.right == 0)
		opt_usage_error(o, "--span: '%s' is an empty window", arg);
}

/* --collocates: what applies to it. */
static void
check_collocates(const struct opt *o)
{
	if (cf.mode != MODE_TABLE || cf.text.readability || cf.text.lexdiv)
		opt_usage_error(o, "--collocates excludes --keyness, "
		    "--keyness-all, --colloc, --pairs, --dispersion, "
		    "--readability and --lexdiv");
	if (cf.merge || cf.by_arg != NULL || cf.rel || cf.df || cf.tfidf ||
	    cf.negative || cf.window_given || cf.measure >= 0)
		opt_usage_error(o, "--collocates counts tokens: --merge, --by, "
		    "--rel, --df, --tfidf, --negative, --measure and --window do "
		    "not apply (--span sets its window)");
	if (!cf.sort_given)
		cf.sort = SORT_G2;
	else if (cf.sort != SORT_COUNT && cf.sort != SORT_G2 &&
	    cf.sort != SORT_PMI && cf.sort != SORT_MI && cf.sort != SORT_T &&
	    cf.sort != SORT_LOGDICE)
		opt_usage_error(o, "--sort: '%s' is not a column of this "
		    "table", sort_names[cf.sort]);
}

/* Refuse combinations that have no meaning, and pick the default order. */
static void
check_options(const struct opt *o)
{
	int measures = cf.rel || cf.df || cf.tfidf;
	enum sort_key s = cf.sort;

	if ((cf.mode == MODE_COLLOC || cf.mode == MODE_PAIRS) && cf.by > 0)
		opt_usage_error(o, "--by applies to count tables, --keyness "
		    "and --keyness-all, not to --colloc or --pairs");
	if (cf.mode != MODE_TABLE && measures)
		opt_usage_error(o, "--rel, --df and --tfidf apply to count "
		    "tables, not to --keyness, --keyness-all, --colloc, "
		    "--pairs or --dispersion");
	if (cf.meta_path != NULL && cf.by_arg == NULL)
		opt_usage_error(o, "--meta applies with --by");
	if (cf.id_column != NULL && cf.meta_path == NULL)
		opt_usage_error(o, "--id-column applies with --meta");
	if (cf.mode == MODE_PAIRS && cf.merge)
		opt_usage_error(o, "--pairs counts tokens; merge pair tables "
		    "with --merge alone");
	if ((cf.text.segment > 0 || cf.text.threshold > 0) && !cf.text.lexdiv)
		opt_usage_error(o, "--segment and --mtld-threshold apply to "
				   "--lexdiv");
	if (cf.span_given && cf.node == NULL)
		opt_usage_error(o, "--span applies to --collocates");
	if (cf.node != NULL) {
		check_collocates(o);
		return;
	}
	if (cf.text.readability || cf.text.lexdiv) {
		check_text_options(o);
		return;
	}
	if (cf.window != 1 && cf.mode != MODE_COLLOC && cf.mode != MODE_PAIRS)
		opt_usage_error(o, "--window applies to --colloc and --pairs");
	if (cf.window != 1 && cf.merge)
		opt_usage_error(o, "--window applies when counting tokens, "
		    "not to count tables");
	if (cf.measure >= 0 && cf.mode != MODE_KEYNESS)
		opt_usage_error(o, "--measure applies to --keyness and "
		    "--keyness-all");
	if (cf.measure == MEASURE_TIDYLO && !cf.all)
		opt_usage_error(o, "--measure logodds-tidylo applies to "
		    "--keyness-all: it compares each group with the whole "
		    "table");
	if (cf.alpha0 > 0 && cf.measure != MEASURE_LOGODDS)
		opt_usage_error(o, "--alpha0 applies to --measure logodds");
	if (cf.measure >= 0 && cf.sort_given)
		opt_usage_error(o, "--sort does not apply with --measure: the "
		    "rows are sorted by the measure");
	if (cf.negative && cf.mode != MODE_KEYNESS)
		opt_usage_error(o, "--negative applies to --keyness and "
		    "--keyness-all");
	if (cf.mode == MODE_DISPERSION && cf.by == 0 && !cf.merge)
		opt_usage_error(o, "--dispersion needs the parts of the "
		    "corpus: use --by");
	if ((cf.df || cf.tfidf) && cf.by == 0 && !cf.merge)
		opt_usage_error(o, "--df and --tfidf need groups: use --by");
	if (!cf.sort_given)
		cf.sort = cf.mode == MODE_KEYNESS || cf.mode == MODE_COLLOC ?
		    SORT_G2 : SORT_COUNT;
	else if ((cf.mode == MODE_TABLE && s != SORT_COUNT &&
	    !(s == SORT_TFIDF && cf.tfidf)) ||
	    ((cf.mode == MODE_PAIRS || cf.mode == MODE_DISPERSION) &&
	    s != SORT_COUNT) ||
	    (cf.mode == MODE_KEYNESS && s != SORT_G2 && s != SORT_LR) ||
	    (cf.mode == MODE_COLLOC && s != SORT_COUNT && s != SORT_G2 &&
	    s != SORT_PMI && s != SORT_T))
		opt_usage_error(o, "--sort: '%s' is not a column of this "
		    "table", sort_names[s]);
}

/*
 * --colloc and --pairs: pair the item with the items before it in the run
 * of records with the same key, then remember it.  A gap record (an empty
 * token: sp-tokens dropped tokens there) is RUN_GAP: it takes a position
 * in the window like a token, so that tokens pair only when they were at
 * most --window positions apart, and pairs with nothing.
 */
#define RUN_GAP UINT32_MAX

static void
add_to_run(const struct record *rec, uint32_t item)
{
	uint64_t j;

	if (run.len > 0 && (rec->haskey != run.haskey ||
	    rec->keylen != run.keylen ||
	    memcmp(rec->key, run.key, rec->keylen) != 0))
		run.len = 0;
	if (run.len == 0) {
		if (run.keycap < rec->keylen) {
			run.keycap = rec->keylen * 2;
			run.key = xrealloc(run.key, run.keycap);
		}
		memcpy(run.key, rec->key, rec->keylen);
		run.keylen = rec->keylen;
		run.haskey = rec->haskey;
	}
	for (j = 1; item != RUN_GAP && j <= cf.window && j <= run.len; j++)
		if (run.recent[(run.len - j) % cf.window] != RUN_GAP)
			count_cell(&table,
				   run.recent[(run.len - j) % cf.window], item)
			    ->count++;
	run.recent[run.len % cf.window] = item;
	run.len++;
}

/*
 * The plain count of one file: only the payloads matter.  Most records
 * come in runs, counted without a call per record.
 */
static void
count_plain(struct record_reader *rr)
{
	struct record_run run;
	struct record rec;

	for (;;) {
		if (record_run_begin(rr, &run)) {
			tally_run(&plain, &run);
			record_run_end(rr, &run);
			continue;
		}
		if (record_next(rr, &rec) <= 0)
			break;
		if (rec.len > 0)
			tally_add(&plain, rec.payload, rec.len);
	}
}

/*
 * Count the records of one file.  A record with fewer key fields than
 * --by asks for ends the file: its counts so far are kept.
 */
static int
count_file(const char *path)
{
	struct record_reader rr;
	struct record rec;
	size_t glen;
	uint32_t item, group = COUNT_NOGROUP;
	int status = 0;

	if (record_open(&rr, path) < 0)
		return 2;
	if (cf.mode == MODE_TABLE && cf.by == 0 && !sp_reference) {
		count_plain(&rr);
		return record_close(&rr) < 0 ? 2 : 0;
	}
	run.len = 0;
	while (record_next(&rr, &rec) > 0) {
		if (rec.len == 0) {
			/* A gap: it takes a position, and is never counted. */
			if (cf.mode == MODE_COLLOC || cf.mode == MODE_PAIRS)
				add_to_run(&rec, RUN_GAP);
			continue;
		}
		item = strtab_intern(&table.items, rec.payload, rec.len, NULL);
		if (cf.mode == MODE_COLLOC || cf.mode == MODE_PAIRS) {
			add_to_run(&rec, item);
			continue;
		}
		if (cf.by_column) {
			group = group_of(&grouper, &rec);
			if (group == GROUP_SHORT) {
				group_warn_short(&grouper, record_file(&rr),
				    record_lineno(&rr), &rec);
				status = 2;
				break;
			}
			group = table_group(group);
		} else if (cf.by > 0) {
			glen = record_by_prefix(&rr, &rec, cf.by, cf.by_arg);
			if (glen == (size_t)-1) {
				status = 2;
				break;
			}
			group = count_group(&table, rec.key, glen);
		} else if (cf.mode == MODE_KEYNESS)
			group = rec.haskey ? count_group(&table, rec.key,
			    record_key_prefix(&rec, 1)) : COUNT_NOGROUP;
		count_cell(&table, group, item)->count++;
	}
	if (record_close(&rr) < 0)
		status = 2;
	return status;
}

static const char *
row_problem(enum count_row_status s)
{
	switch (s) {
	case COUNT_ROW_MISSING_FIELD:
		return "missing field: a count table row is [GROUP TAB] ITEM "
		    "TAB COUNT";
	case COUNT_ROW_EMPTY_ITEM:
		return "empty item";
	case COUNT_ROW_NOT_NUMBER:
		return "is not a whole number";
	case COUNT_ROW_NEGATIVE:
		return "is negative";
	case COUNT_ROW_TOO_LARGE:
		return "does not fit in 64 bits";
	default:
		return NULL;
	}
}

/* The group of a count-table row under the options, or -1 if it has none. */
static int
row_group(const struct count_row *row, struct record_reader *rr,
	  uint32_t *group)
{
	struct record g = { row->group, row->grouplen, row->hasgroup, "", 0 };
	size_t len = row->grouplen, need = cf.by;

	if (cf.by_column) {
		/* The GROUP field's first field is an id of the table. */
		if (!row->hasgroup) {
			record_warn(rr, "--by %s needs a GROUP field whose "
			    "first field is an id of %s, the row has none",
			    cf.by_arg, meta.name);
			return -1;
		}
		*group = table_group(group_of_key(&grouper, row->group,
		    record_key_prefix(&g, 1)));
		return 0;
	}
	if (cf.mode == MODE_KEYNESS && need == 0) {
		*group = row->hasgroup ? count_group(&table, row->group,
		    record_key_prefix(&g, 1)) : COUNT_NOGROUP;
		return 0;
	}
	if (cf.mode == MODE_COLLOC && (!row->hasgroup ||
	    record_key_fields(&g) != 1)) {
		record_warn(rr, "--colloc reads pair tables: a row is W1 TAB "
				"W2 TAB COUNT");
		return -1;
	}
	if (need > 0 && (len = record_key_prefix(&g, need)) == (size_t)-1) {
		record_warn(rr,
			    "--by %s needs %zu group field%s, the row has "
			    "%zu",
			    cf.by_arg, need, need == 1 ? "" : "s",
			    record_key_fields(&g));
		return -1;
	}
	*group = row->hasgroup ? count_group(&table, row->group, len) :
	    COUNT_NOGROUP;
	return 0;
}

/*
 * Add up the rows of one count table.  A malformed row ends the file, so
 * that a damaged table is never half believed without a message.
 */
static int
merge_file(const char *path)
{
	struct record_reader rr;
	struct record rec;
	struct count_row row;
	enum count_row_status s;
	struct cell *c;
	uint32_t group;
	int status = 0;

	if (record_open(&rr, path) < 0)
		return 2;
	while (record_next(&rr, &rec) > 0) {
		s = count_parse_row(&row, &rec);
		if (s == COUNT_ROW_MISSING_FIELD || s == COUNT_ROW_EMPTY_ITEM) {
			record_warn(&rr, "%s", row_problem(s));
			status = 2;
			break;
		}
		if (s != COUNT_ROW_OK) {
			record_warn(&rr, "count '%.*s' %s", (int)row.countlen,
				    row.counttext, row_problem(s));
			status = 2;
			break;
		}
		if (row.count == 0)
			continue;
		if (row_group(&row, &rr, &group) < 0) {
			status = 2;
			break;
		}
		c = count_cell(&table, group, strtab_intern(&table.items,
		    row.item, row.itemlen, NULL));
		if (count_add(&c->count, row.count) < 0) {
			record_warn(&rr,
				    "the count of '%.*s' overflows 64 bits",
				    (int)row.itemlen, row.item);
			status = 2;
			break;
		}
	}
	if (record_close(&rr) < 0)
		status = 2;
	return status;
}

/* One row of output, with what it is sorted by. */
struct row {
	uint32_t group, item;
	uint32_t grank, w1rank, irank;
	uint64_t count;
	double key;		/* the --sort measure, or 0 to sort by count */
	double x[3];		/* the measures written after the counts */
};

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;

	if (a->grank != b->grank)
		return a->grank < b->grank ? -1 : 1;
	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->w1rank != b->w1rank)
		return a->w1rank < b->w1rank ? -1 : 1;
	return (a->irank > b->irank) - (a->irank < b->irank);
}

/* A measure with four decimals, never "-0.0000". */
static void
put_real(double x)
{
	record_field_real(&out, x, 4);
}

/* The three statistics that end a keyness or collocation row. */
static void
put_measures(const double x[3])
{
	put_real(x[0]);
	put_real(x[1]);
	put_real(x[2]);
	record_end(&out);
}

static void
put_key(const struct strtab *t, uint32_t id)
{
	record_field(&out, strtab_key(t, id), strtab_len(t, id));
}

/*
 * The sum of an item's counts over groups, which is printed: it must fit
 * in 64 bits, as every count sp-count writes does.
 */
static uint64_t
item_sum(uint64_t total, uint64_t n, uint32_t item, const char *where)
{
	if (count_add(&total, n) < 0)
		sp_die("the count of '%.*s' %s overflows 64 bits",
		    (int)strtab_len(&table.items, item),
		    strtab_key(&table.items, item), where);
	return total;
}

/*
 * Count tables (and --pairs tables): rows ordered by group, then by count
 * (or tf-idf) descending, then by item; --min and -n applied per group.
 * Groups are numbered by name for the arrays, the table's absence of a
 * group (COUNT_NOGROUP) taking the last index and the first rank.
 */
static void
write_table(const struct strtab *gnames)
{
	struct cell *cells;
	struct row *rows;
	struct count_sum *totals;	/* for --rel only, so never printed */
	uint32_t *grank = count_ranks(gnames), *irank;
	uint64_t *df, kept = 0;
	size_t ncells, nrows = 0, i, g, ng = gnames->n;
	double ngroups = 0;

	irank = count_ranks(&table.items);
	cells = count_cells(&table, &ncells);
	totals = xcalloc(ng + 1, sizeof(*totals));
	df = xcalloc(table.items.n + 1, sizeof(*df));
	for (i = 0; i < ncells; i++) {
		g = cells[i].group == COUNT_NOGROUP ? ng : cells[i].group;
		if (count_sum_zero(&totals[g]))
			ngroups++;
		count_sum_add(&totals[g], cells[i].count);
		df[cells[i].item]++;
	}
	rows = xreallocarray(NULL, ncells + 1, sizeof(*rows));
	for (i = 0; i < ncells; i++) {
		struct row *r = &rows[nrows];

		if (cells[i].count < cf.min)
			continue;
		nrows++;
		g = cells[i].group == COUNT_NOGROUP ? ng : cells[i].group;
		r->group = cells[i].group;
		r->item = cells[i].item;
		r->grank = g == ng ? 0 : grank[g] + 1;
		r->w1rank = 0;
		r->irank = irank[cells[i].item];
		r->count = cells[i].count;
		r->x[0] = stats_per_10k((double)r->count,
		    count_sum_double(&totals[g]));
		r->x[1] = (double)df[r->item];
		r->x[2] = stats_tfidf((double)r->count, ngroups, r->x[1]);
		r->key = cf.sort == SORT_TFIDF ? r->x[2] : 0;
	}
	qsort(rows, nrows, sizeof(*rows), cmp_rows);
	for (i = 0; i < nrows; i++) {
		if (i > 0 && rows[i].group != rows[i - 1].group)
			kept = 0;
		if (cf.top > 0 && kept++ >= cf.top)
			continue;
		/* The group is the key of its rows. */
		if (i == 0 || rows[i].group != rows[i - 1].group)
			record_key_set(&out,
				       rows[i].group == COUNT_NOGROUP
					   ? NULL
					   : strtab_key(gnames, rows[i].group),
				       rows[i].group == COUNT_NOGROUP
					   ? 0
					   : strtab_len(gnames, rows[i].group));
		record_begin(&out);
		put_key(&table.items, rows[i].item);
		record_field_u64(&out, rows[i].count);
		if (cf.rel)
			put_real(rows[i].x[0]);
		if (cf.df)
			record_field_u64(&out, df[rows[i].item]);
		if (cf.tfidf)
			put_real(rows[i].x[2]);
		record_end(&out);
	}
	free(rows);
	free(df);
	free(totals);
	free(cells);
	free(irank);
	free(grank);
}

/*
 * The plain table straight from the tally: what write_table writes when
 * there are no groups and no measures, without interning every item and
 * sorting twice, which is most of the time on small inputs.
 */
static void
write_plain(void)
{
	struct tally_entry *e;
	size_t n, i;
	char item[16];

	e = tally_sorted(&plain, cf.min, &n);
	for (i = 0; i < n && (cf.top == 0 || i < cf.top); i++) {
		record_begin(&out);
		record_field(&out, tally_entry_text(&e[i], item), e[i].len);
		record_field_u64(&out, e[i].count);
		record_end(&out);
	}
	free(e);
}

/*
 * A keyness row: the item's counts in the target (a) and the reference
 * (b), what it is sorted by (key, then tie, both descending, then the
 * item bytewise: lib/keyness's rule) and the measures it prints.
 */
struct krow {
	uint32_t item, irank;
	uint64_t a, b;
	double key, tie;
	double x[3];
};

static int
cmp_krows(const void *pa, const void *pb)
{
	const struct krow *x = pa, *y = pb;

	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	if (x->tie != y->tie)
		return x->tie > y->tie ? -1 : 1;
	return (x->irank > y->irank) - (x->irank < y->irank);
}

/*
 * Fill r from a log-odds ratio (delta, its variance, z; sorted by z, then
 * delta); 0 if it is not written: without --negative, z is not above 0.
 */
static int
logodds_row(struct krow *r, uint64_t a, uint64_t b, const struct logodds *lo)
{
	if (!cf.negative && !(lo->z > 0))
		return 0;
	r->a = a;
	r->b = b;
	r->x[0] = lo->delta;
	r->x[1] = lo->var;
	r->x[2] = lo->z;
	r->key = lo->z;
	r->tie = lo->delta;
	return 1;
}

/*
 * Fill r for the item of a target of c tokens and a reference of d; 0 if
 * the item is not written: counted fewer than --min times in all, or
 * (without --negative) not relatively more frequent in the target.
 */
static int
keyness_row(struct krow *r, uint64_t a, uint64_t b, double c, double d)
{
	struct logodds lo;
	double g2, lr, a0;

	if (a < cf.min && b < cf.min - a)
		return 0;
	if (cf.measure == MEASURE_LOGODDS) {
		/* The prior is the table's: aw = a0 (a + b) / N. */
		a0 = cf.alpha0 > 0 ? cf.alpha0 : c + d;
		logodds_monroe((double)a, (double)b, c, d,
		    logodds_prior((double)a + (double)b, c + d, a0), a0, &lo);
		return logodds_row(r, a, b, &lo);
	}
	if (!cf.negative && !((double)a * d > (double)b * c))
		return 0;
	r->a = a;
	r->b = b;
	if (cf.measure >= 0) {
		/* One measure, its p-value if it has one, made at writing. */
		r->x[0] = keyness((enum keyness_measure)cf.measure, (double)a,
		    (double)b, c, d);
		r->key = r->x[0];
		r->tie = keyness(keyness_tiebreak((enum keyness_measure)
		    cf.measure), (double)a, (double)b, c, d);
		return 1;
	}
	g2 = keyness(KEYNESS_G2, (double)a, (double)b, c, d);
	lr = keyness(KEYNESS_LOG_RATIO, (double)a, (double)b, c, d);
	r->x[0] = g2;
	r->x[1] = fabs(keyness(KEYNESS_CHI2, (double)a, (double)b, c, d));
	r->x[2] = lr;
	r->key = cf.sort == SORT_LR ? lr : g2;
	r->tie = cf.sort == SORT_LR ? g2 : lr;
	return 1;
}

/*
 * The row of --measure logodds-tidylo for an item counted a times in a
 * group of c tokens, n_w times in the table, in df rows; prior and
 * spseudo as write_keyness_all makes them.  0 if it is not written.
 */
static int
tidylo_row(struct krow *r, uint64_t a, uint64_t n_w, double df, double c,
    double prior, double spseudo)
{
	struct logodds lo;

	if (n_w < cf.min)
		return 0;
	logodds_tidylo((double)a, (double)n_w, df, c, prior, spseudo, &lo);
	return logodds_row(r, a, n_w - a, &lo);
}

/* Sort the rows of one target and write the first -n of them. */
static void
write_krows(struct krow *rows, size_t n)
{
	size_t i;
	char p[32];

	qsort(rows, n, sizeof(*rows), cmp_krows);
	for (i = 0; i < n && (cf.top == 0 || i < cf.top); i++) {
		record_begin(&out);
		put_key(&table.items, rows[i].item);
		record_field_u64(&out, rows[i].a);
		record_field_u64(&out, rows[i].b);
		if (cf.measure < 0 || cf.measure >= MEASURE_LOGODDS) {
			put_measures(rows[i].x);
			continue;
		}
		put_real(rows[i].x[0]);
		if (keyness_has_p((enum keyness_measure)cf.measure)) {
			pvalue_format(p, sizeof(p), fabs(rows[i].x[0]));
			record_field(&out, p, strlen(p));
		}
		record_end(&out);
	}
}

/*
 * --keyness: every item's count in the target groups against its count in
 * all the others.  A target that no record has is an error, since it is
 * most likely a typing mistake that would otherwise give an empty table.
 */
static int
write_keyness(void)
{
	struct cell *cells;
	struct krow *rows;
	struct count_sum csum = { 0, 0 }, dsum = { 0, 0 };
	char *istarget = xcalloc(table.groups.n + 1, 1);
	uint32_t *irank, id, item;
	uint64_t *a, *b;
	size_t ncells, nrows = 0, i, nitems = table.items.n;
	double c, d;
	int missing = 0;

	for (i = 0; i < cf.ntargets; i++) {
		id = strtab_find(&table.groups, cf.targets[i],
		    strlen(cf.targets[i]));
		if (id == STRTAB_NONE) {
			if (cf.by_arg != NULL)
				sp_warn("--keyness: no record is in the group "
				    "'%s' of --by %s", cf.targets[i],
				    cf.by_arg);
			else
				sp_warn("--keyness: no record has the first "
				    "key field '%s'", cf.targets[i]);
			missing = 1;
		} else
			istarget[id] = 1;
	}
	if (missing) {
		free(istarget);
		return 2;
	}
	a = xcalloc(nitems + 1, sizeof(*a));
	b = xcalloc(nitems + 1, sizeof(*b));
	cells = count_cells(&table, &ncells);
	for (i = 0; i < ncells; i++) {
		item = cells[i].item;
		if (cells[i].group != COUNT_NOGROUP &&
		    istarget[cells[i].group]) {
			a[item] = item_sum(a[item], cells[i].count, item,
			    "in the target");
			count_sum_add(&csum, cells[i].count);
		} else {
			b[item] = item_sum(b[item], cells[i].count, item,
			    "in the reference");
			count_sum_add(&dsum, cells[i].count);
		}
	}
	if (count_sum_zero(&dsum))
		sp_die("--keyness: no reference: every record belongs to the "
		    "target");
	c = count_sum_double(&csum);
	d = count_sum_double(&dsum);
	irank = count_ranks(&table.items);
	rows = xreallocarray(NULL, nitems + 1, sizeof(*rows));
	for (i = 0; i < nitems; i++)
		if (keyness_row(&rows[nrows], a[i], b[i], c, d)) {
			rows[nrows].item = (uint32_t)i;
			rows[nrows].irank = irank[i];
			nrows++;
		}
	write_krows(rows, nrows);
	free(rows);
	free(irank);
	free(cells);
	free(b);
	free(a);
	free(istarget);
	return 0;
}

/* s - t for s >= t, as a double. */
static double
sum_minus(const struct count_sum *s, const struct count_sum *t)
{
	struct count_sum r;

	r.lo = s->lo - t->lo;
	r.hi = s->hi - t->hi - (s->lo < t->lo);
	return count_sum_double(&r);
}

/*
 * --keyness-all: each group against all the others, in one pass over the
 * cells.  The cells are put in order of group (a counting sort), and each
 * group's rows are made from its own cells, with the item's total over
 * the table giving the reference count: the work is the number of cells,
 * the groups times the distinct items each has, however many groups.
 * With --negative every item of the table is a row of every group (the
 * items a group lacks are its strongest negative keywords), which costs
 * the groups times all the items.  Records without a group (no key) are
 * in every group's reference.
 */
static int
write_keyness_all(void)
{
	struct cell *cells, *byg;
	struct krow *rows;
	struct count_sum *gsum, n = { 0, 0 };
	uint32_t *grank, *order, *irank, g, item;
	uint64_t *total, *ga = NULL;
	uint32_t *df = NULL;
	size_t ncells, i, j, k, ng = table.groups.n, nitems = table.items.n;
	size_t *start, nrows, groups_with_cells = 0;
	double c, d, *prior = NULL, spseudo = 0;
	int nogroup = 0;

	cells = count_cells(&table, &ncells);
	total = xcalloc(nitems + 1, sizeof(*total));
	gsum = xcalloc(ng + 1, sizeof(*gsum));
	start = xcalloc(ng + 2, sizeof(*start));
	for (i = 0; i < ncells; i++) {
		item = cells[i].item;
		total[item] = item_sum(total[item], cells[i].count, item,
		    "over all groups");
		count_sum_add(&n, cells[i].count);
		g = cells[i].group;
		if (g == COUNT_NOGROUP) {
			nogroup = 1;
			continue;
		}
		count_sum_add(&gsum[g], cells[i].count);
		start[g + 1]++;
	}
	for (g = 0; g < ng; g++) {
		groups_with_cells += start[g + 1] > 0;
		start[g + 1] += start[g];
	}
	if (groups_with_cells == 1 && !nogroup)
		sp_die("--keyness-all: no reference: every record is in one "
		    "group");
	if (cf.measure == MEASURE_TIDYLO) {
		/*
		 * tidylo's pseudo-counts: each row of the table gets its
		 * item's total as a prior; df is the rows of an item, prior
		 * the priors of a group's rows, spseudo all of them plus N.
		 */
		df = xcalloc(nitems + 1, sizeof(*df));
		prior = xcalloc(ng + 1, sizeof(*prior));
		spseudo = count_sum_double(&n);
		for (i = 0; i < ncells; i++) {
			item = cells[i].item;
			g = cells[i].group == COUNT_NOGROUP ? (uint32_t)ng :
			    cells[i].group;
			df[item]++;
			prior[g] += (double)total[item];
			spseudo += (double)total[item];
		}
	}
	byg = xreallocarray(NULL, start[ng] + 1, sizeof(*byg));
	for (i = 0; i < ncells; i++)
		if (cells[i].group != COUNT_NOGROUP)
			byg[start[cells[i].group]++] = cells[i];
	/* start[g] is now where group g ends: shift back to its start. */
	for (g = ng; g > 0; g--)
		start[g] = start[g - 1];
	start[0] = 0;
	free(cells);

	grank = count_ranks(&table.groups);
	order = xreallocarray(NULL, ng + 1, sizeof(*order));
	for (g = 0; g < ng; g++)
		order[grank[g]] = g;
	irank = count_ranks(&table.items);
	/* Rows for the largest group only: one group is sorted at a time. */
	for (g = 0, j = 0; g < ng; g++)
		if (start[g + 1] - start[g] > j)
			j = start[g + 1] - start[g];
	rows = xreallocarray(NULL, (cf.negative && cf.measure !=
	    MEASURE_TIDYLO ? nitems : j) + 1, sizeof(*rows));
	if (cf.negative)
		ga = xcalloc(nitems + 1, sizeof(*ga));
	for (k = 0; k < ng; k++) {
		g = order[k];
		if (start[g] == start[g + 1])
			continue;
		c = count_sum_double(&gsum[g]);
		d = sum_minus(&n, &gsum[g]);
		nrows = 0;
		if (cf.measure == MEASURE_TIDYLO)
			for (j = start[g]; j < start[g + 1]; j++) {
				item = byg[j].item;
				if (tidylo_row(&rows[nrows], byg[j].count,
				    total[item], (double)df[item], c, prior[g],
				    spseudo)) {
					rows[nrows].item = item;
					rows[nrows].irank = irank[item];
					nrows++;
				}
			}
		else if (cf.negative) {
			for (j = start[g]; j < start[g + 1]; j++)
				ga[byg[j].item] = byg[j].count;
			for (i = 0; i < nitems; i++) {
				if (total[i] == 0)
					continue;
				if (keyness_row(&rows[nrows], ga[i],
				    total[i] - ga[i], c, d)) {
					rows[nrows].item = (uint32_t)i;
					rows[nrows].irank = irank[i];
					nrows++;
				}
			}
			for (j = start[g]; j < start[g + 1]; j++)
				ga[byg[j].item] = 0;
		} else
			for (j = start[g]; j < start[g + 1]; j++) {
				item = byg[j].item;
				if (keyness_row(&rows[nrows], byg[j].count,
				    total[item] - byg[j].count, c, d)) {
					rows[nrows].item = item;
					rows[nrows].irank = irank[item];
					nrows++;
				}
			}
		if (nrows == 0)
			continue;
		record_key_set(&out, strtab_key(&table.groups, g),
		    strtab_len(&table.groups, g));
		write_krows(rows, nrows);
	}
	free(ga);
	free(df);
	free(prior);
	free(rows);
	free(irank);
	free(order);
	free(grank);
	free(byg);
	free(start);
	free(gsum);
	free(total);
	return 0;
}

/*
 * --dispersion: how evenly each item is spread over the groups (the
 * parts), lib/dispersion.h, from the cells put in order of item (a
 * counting sort), the parts' sizes being their totals in the table.  A
 * row of a merged table without a group is a part of its own.
 */
static void
write_dispersion(void)
{
	struct cell *cells, *byi;
	struct row *rows;
	struct count_sum *gsum, n = { 0, 0 };
	struct dispersion_parts parts = { 0, 0, 0 };
	struct dispersion ds;
	uint32_t *irank, g, item;
	uint64_t *total;
	size_t ncells, i, j, ng = table.groups.n, nitems = table.items.n;
	size_t *start, nrows = 0, k;
	double *v, *size, *gsize;

	cells = count_cells(&table, &ncells);
	total = xcalloc(nitems + 1, sizeof(*total));
	gsum = xcalloc(ng + 1, sizeof(*gsum));
	start = xcalloc(nitems + 2, sizeof(*start));
	for (i = 0; i < ncells; i++) {
		item = cells[i].item;
		total[item] = item_sum(total[item], cells[i].count, item,
		    "over all groups");
		g = cells[i].group == COUNT_NOGROUP ? (uint32_t)ng :
		    cells[i].group;
		count_sum_add(&gsum[g], cells[i].count);
		count_sum_add(&n, cells[i].count);
		start[item + 1]++;
	}
	gsize = xcalloc(ng + 1, sizeof(*gsize));
	for (g = 0; g <= ng; g++) {
		if (count_sum_zero(&gsum[g]))
			continue;
		gsize[g] = count_sum_double(&gsum[g]);
		if (parts.nparts == 0 || gsize[g] < parts.min_size)
			parts.min_size = gsize[g];
		parts.nparts++;
	}
	parts.total = count_sum_double(&n);
	for (i = 0; i < nitems; i++)
		start[i + 1] += start[i];
	byi = xreallocarray(NULL, ncells + 1, sizeof(*byi));
	for (i = 0; i < ncells; i++)
		byi[start[cells[i].item]++] = cells[i];
	for (i = nitems; i > 0; i--)
		start[i] = start[i - 1];
	start[0] = 0;
	free(cells);

	irank = count_ranks(&table.items);
	rows = xreallocarray(NULL, nitems + 1, sizeof(*rows));
	v = xreallocarray(NULL, ng + 2, sizeof(*v));
	size = xreallocarray(NULL, ng + 2, sizeof(*size));
	for (i = 0; i < nitems; i++) {
		struct row *r = &rows[nrows];

		if (total[i] < cf.min || total[i] == 0)
			continue;
		for (j = start[i], k = 0; j < start[i + 1]; j++, k++) {
			g = byi[j].group == COUNT_NOGROUP ? (uint32_t)ng :
			    byi[j].group;
			v[k] = (double)byi[j].count;
			size[k] = gsize[g];
		}
		dispersion_measures(&parts, v, size, k, &ds);
		nrows++;
		memset(r, 0, sizeof(*r));
		r->item = (uint32_t)i;
		r->irank = irank[i];
		r->count = total[i];
		r->x[0] = ds.dp;
		r->x[1] = ds.dpnorm;
		r->x[2] = ds.juilland;
		r->group = (uint32_t)ds.range;	/* printed, not sorted on */
	}
	/* By count, then item: grank, key and w1rank are all 0. */
	qsort(rows, nrows, sizeof(*rows), cmp_rows);
	for (i = 0; i < nrows && (cf.top == 0 || i < cf.top); i++) {
		record_begin(&out);
		put_key(&table.items, rows[i].item);
		record_field_u64(&out, rows[i].count);
		record_field_u64(&out, rows[i].group);
		put_measures(rows[i].x);
	}
	free(size);
	free(v);
	free(rows);
	free(irank);
	free(byi);
	free(gsize);
	free(start);
	free(gsum);
	free(total);
}

/*
 * --colloc: the association of each pair, from the 2x2 table of all pairs
 * by "first is W1" and "second is W2", so that the statistics of merged
 * pair tables are the statistics of the whole.
 */
static void
write_colloc(const struct strtab *gnames)
{
	struct cell *cells;
	struct row *rows;
	struct assoc s;
	struct count_sum *first, *second, n = { 0, 0 };	/* not printed */
	uint32_t *w1rank = count_ranks(gnames), *irank;
	uint64_t top = 0;
	size_t ncells, nrows = 0, i;

	irank = count_ranks(&table.items);
	cells = count_cells(&table, &ncells);
	first = xcalloc(gnames->n + 1, sizeof(*first));
	second = xcalloc(table.items.n + 1, sizeof(*second));
	for (i = 0; i < ncells; i++) {
		count_sum_add(&first[cells[i].group], cells[i].count);
		count_sum_add(&second[cells[i].item], cells[i].count);
		count_sum_add(&n, cells[i].count);
	}
	rows = xreallocarray(NULL, ncells + 1, sizeof(*rows));
	for (i = 0; i < ncells; i++) {
		struct row *r = &rows[nrows];

		if (cells[i].count < cf.min)
			continue;
		nrows++;
		stats_assoc((double)cells[i].count,
		    count_sum_double(&first[cells[i].group]),
		    count_sum_double(&second[cells[i].item]),
		    count_sum_double(&n), &s);
		r->group = cells[i].group;
		r->item = cells[i].item;
		r->grank = 0;
		r->w1rank = w1rank[cells[i].group];
		r->irank = irank[cells[i].item];
		r->count = cells[i].count;
		r->x[0] = s.pmi;
		r->x[1] = s.t;
		r->x[2] = s.g2;
		r->key = cf.sort == SORT_PMI ? s.pmi : cf.sort == SORT_T ?
		    s.t : cf.sort == SORT_G2 ? s.g2 : 0;
	}
	qsort(rows, nrows, sizeof(*rows), cmp_rows);
	for (i = 0; i < nrows && (cf.top == 0 || top < cf.top); i++, top++) {
		record_begin(&out);
		put_key(gnames, rows[i].group);
		put_key(&table.items, rows[i].item);
		record_field_u64(&out, rows[i].count);
		put_measures(rows[i].x);
	}
	free(rows);
	free(second);
	free(first);
	free(cells);
	free(irank);
	free(w1rank);
}

/* --collocates: lib/collocates.c counts and writes. */
static _Noreturn void
collocates(const struct opt *o, char **files, int nfiles)
{
	struct collocates c;
	const char *err;
	int i, status = 0, by;

	if ((err = collocates_init(&c, cf.node, cf.left, cf.right)) != NULL)
		opt_usage_error(o, "--collocates: %s", err);
	writer_init(&sp_out, 1, "(standard output)");
	record_writer_init(&out, &sp_out);
	for (i = 0; i < nfiles; i++)
		if (collocates_file(&c, files[i]) != 0)
			status = 2;
	by = cf.sort == SORT_PMI || cf.sort == SORT_MI ? 0 :
	    cf.sort == SORT_T ? 1 : cf.sort == SORT_G2 ? 2 :
	    cf.sort == SORT_LOGDICE ? 3 : 4;
	collocates_write(&c, &out, cf.min, cf.top, by);
	collocates_free(&c);
	record_writer_free(&out);
	sp_exit(status);
}

/* --readability and --lexdiv: lib/textstat.c counts and writes. */
static _Noreturn void
text_stats(char **files, int nfiles)
{
	struct textstat t;
	int i, status = 0;

	writer_init(&sp_out, 1, "(standard output)");
	record_writer_init(&out, &sp_out);
	textstat_init(&t, &cf.text);
	for (i = 0; i < nfiles; i++)
		if ((cf.merge ? textstat_merge_file(&t, files[i])
			      : textstat_file(&t, files[i])) != 0)
			status = 2;
	if (cf.by_column)
		group_report_missing(&grouper);
	textstat_write(&t, &out);
	textstat_free(&t);
	if (cf.meta_path != NULL) {
		group_free(&grouper);
		meta_free(&meta);
	}
	record_writer_free(&out);
	sp_exit(status);
}

int
main(int argc, char *argv[])
{
	struct opt o;
	const struct strtab *gnames;
	char *arg, *dash[] = { "-" }, **files;
	int id, i, nfiles, status = 0, plain_only;
	enum keyness_measure m;
	char *end;
	size_t k;

	opt_init(&o, argc, argv, specs, help);
	while ((id = opt_next(&o, &arg)) != 0) {
		switch (id) {
		case OPT_BY:
			cf.by_arg = arg;
			break;
		case OPT_IDCOL:
			cf.id_column = arg;
			break;
		case OPT_META:
			cf.meta_path = arg;
			break;
		case OPT_COLLOC:
		case OPT_DISPERSION:
		case OPT_KEYNESS:
		case OPT_KEYNESS_ALL:
		case OPT_PAIRS:
			if (cf.mode != MODE_TABLE && (id != OPT_KEYNESS ||
			    cf.mode != MODE_KEYNESS || cf.all))
				opt_usage_error(&o, "--keyness, --keyness-all, "
				    "--colloc, --pairs and --dispersion exclude "
				    "each other");
			cf.mode = id == OPT_COLLOC ? MODE_COLLOC :
			    id == OPT_PAIRS ? MODE_PAIRS :
			    id == OPT_DISPERSION ? MODE_DISPERSION :
			    MODE_KEYNESS;
			cf.all = id == OPT_KEYNESS_ALL;
			if (id == OPT_KEYNESS && arg[0] == '@')
				read_targets(arg + 1, &o);
			else if (id == OPT_KEYNESS)
				add_target(arg, strlen(arg), &o);
			break;
		case OPT_DF:
			cf.df = 1;
			break;
		case OPT_MEASURE:
			if (strcmp(arg, "logodds") == 0)
				cf.measure = MEASURE_LOGODDS;
			else if (strcmp(arg, "logodds-tidylo") == 0)
				cf.measure = MEASURE_TIDYLO;
			else if (keyness_lookup(arg, strlen(arg), &m) < 0)
				opt_usage_error(&o, "--measure: '%s' is not g2, "
				    "g2-williams, g2-2term, chi2, chi2-yates, lr, "
				    "pctdiff, logodds or logodds-tidylo", arg);
			else
				cf.measure = (int)m;
			break;
		case OPT_ALPHA0:
			cf.alpha0 = strtod(arg, &end);
			if (end == arg || *end != '\0' || !(cf.alpha0 > 0) ||
			    !isfinite(cf.alpha0))
				opt_usage_error(&o, "--alpha0: '%s' is not a "
				    "positive number", arg);
			break;
		case OPT_MERGE:
			cf.merge = 1;
			break;
		case OPT_MIN:
			cf.min = (uint64_t)opt_number(&o, arg, 1, LLONG_MAX);
			break;
		case OPT_NEGATIVE:
			cf.negative = 1;
			break;
		case OPT_REL:
			cf.rel = 1;
			break;
		case OPT_SORT:
			parse_sort(arg, &o);
			break;
		case OPT_TFIDF:
			cf.tfidf = 1;
			break;
		case OPT_TOP:
			cf.top = (uint64_t)opt_number(&o, arg, 1, LLONG_MAX);
			break;
		case OPT_WINDOW:
			cf.window = (size_t)opt_number(&o, arg, 1, 1000);
			cf.window_given = 1;
			break;
		case OPT_COLLOCATES:
			cf.node = arg;
			break;
		case OPT_SPAN:
			parse_span(&o, arg);
			break;
		case OPT_READABILITY:
			cf.text.readability = 1;
			break;
		case OPT_LEXDIV:
			cf.text.lexdiv = 1;
			break;
		case OPT_SEGMENT:
			cf.text.segment =
			    (size_t)opt_number(&o, arg, 1, 1000000);
			break;
		case OPT_MTLD:
			cf.text.threshold = opt_real(&o, arg, 0.01, 0.99);
			break;
		}
	}
	set_by(&o);
	check_options(&o);
	files = o.noperands > 0 ? o.operands : dash;
	nfiles = o.noperands > 0 ? o.noperands : 1;
	if (cf.node != NULL)
		collocates(&o, files, nfiles);
	if (cf.text.readability || cf.text.lexdiv)
		text_stats(files, nfiles);

	writer_init(&sp_out, 1, "(standard output)");
	record_writer_init(&out, &sp_out);
	count_init(&table);
	tally_init(&plain);
	run.recent = xreallocarray(NULL, cf.window, sizeof(*run.recent));
	run.keycap = 64;
	run.key = xmalloc(run.keycap);
	for (i = 0; i < nfiles; i++)
		if ((cf.merge ? merge_file(files[i]) : count_file(files[i])) !=
		    0)
			status = 2;
	if (cf.by_column)
		group_report_missing(&grouper);

	plain_only = cf.mode == MODE_TABLE && cf.by == 0 && !cf.merge &&
		     !cf.rel && !cf.df && !cf.tfidf && !sp_reference;
	if (plain_only) {
		write_plain();
		tally_free(&plain);
	} else {
		tally_move(&plain, &table);
		tally_free(&plain);
		/* Pairs counted from tokens name their first word by id. */
		gnames = !cf.merge && (cf.mode == MODE_COLLOC ||
		    cf.mode == MODE_PAIRS) ? &table.items : &table.groups;
		if (cf.mode == MODE_KEYNESS && cf.all)
			write_keyness_all();
		else if (cf.mode == MODE_KEYNESS) {
			if (write_keyness() != 0)
				status = 2;
		} else if (cf.mode == MODE_COLLOC)
			write_colloc(gnames);
		else if (cf.mode == MODE_DISPERSION)
			write_dispersion();
		else
			write_table(gnames);
	}

	for (k = 0; k < cf.ntargets; k++)
		free(cf.targets[k]);
	free(cf.targets);
	free(run.recent);
	free(run.key);
	if (cf.meta_path != NULL) {
		group_free(&grouper);
		meta_free(&meta);
	}
	free(gmap);
	count_free(&table);
	record_writer_free(&out);
	free(o.operands);
	sp_exit(status);
}
