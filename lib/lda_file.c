/*
 * The model file: a text format, so a model can be read, diffed and checked
 * with the usual tools, and so that it is the same on every machine.  See
 * FILES in sp-topics(1):
 *
 *	sp-topics model 1
 *	topics	K
 *	words	V
 *	tokens	N
 *	beta	B
 *	alpha	0	A_0	(one line per topic, in order)
 *
 * then, for a model fitted with covariates (DMR, lda_dmr.h):
 *	covariates	C
 *	covariate	NAME	numeric	MEAN	SD
 *	covariate	NAME	categorical	L
 *	level	LEVEL	(L lines, the reference first)
 *	lambda	F	L_0 L_1 ... L_K-1	(one line per feature, in order)
 *
 * then
 *	word	WORD	T:C T:C ...
 *
 * with one word line per word, in bytewise order, its nonzero counts by
 * ascending topic.
 *	end
 *
 * Real numbers are written with 17 significant digits, so they read back
 * exactly.  Loading checks everything it reads and stops at the first
 * problem with the file name and line.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "err.h"
#include "io.h"
#include "lda.h"
#include "lda_dmr.h"

#define MODEL_MAGIC "sp-topics model "
#define MODEL_VERSION 1

void
lda_write_model(struct writer *w, const struct lda_model *m)
{
	uint32_t *ids = lda_sorted_words(m), *topic, *count, id;
	size_t i, j, n;
	int k;

	topic = xmalloc(((size_t)m->ntopics + 1) * sizeof(uint32_t));
	count = xmalloc(((size_t)m->ntopics + 1) * sizeof(uint32_t));
	writer_printf(w, "%s%d\ntopics\t%d\nwords\t%lu\ntokens\t%zu\n"
	    "beta\t%.17g\n", MODEL_MAGIC, MODEL_VERSION, m->ntopics,
	    (unsigned long)m->nwords, m->ntokens, m->beta);
	for (k = 0; k < m->ntopics; k++)
		writer_printf(w, "alpha\t%d\t%.17g\n", k, m->alpha[k]);
	if (m->dmr != NULL)
		lda_dmr_write_model(w, m->dmr);
	for (i = 0; i < m->nwords; i++) {
		id = ids[i];
		writer_str(w, "word\t");
		writer_write(w, strtab_key(m->vocab, id),
		    strtab_len(m->vocab, id));
		writer_byte(w, '\t');
		n = lda_word_topics(m, id, topic, count);
		for (j = 0; j < n; j++)
			writer_printf(w, "%s%u:%u", j ? " " : "",
			    (unsigned)topic[j], (unsigned)count[j]);
		writer_byte(w, '\n');
	}
	writer_str(w, "end\n");
	free(topic);
	free(count);
	free(ids);
}

void
lda_save(const struct lda_model *m, const char *path)
{
	struct writer w;

	writer_open(&w, path);
	lda_write_model(&w, m);
	writer_close(&w);
}

struct model_reader {
	struct reader r;
	const char *path;
	char *line;
	size_t len;
};

static _Noreturn void
bad(struct model_reader *mr, const char *what)
{
	sp_die_at(mr->path, mr->r.lineno, "%s", what);
}

/* The next line, which must exist. */
static void
next_line(struct model_reader *mr, const char *expecting)
{
	int rc = reader_next(&mr->r, &mr->line, &mr->len);

	if (rc < 0)
		sp_die("%s: cannot read the model", mr->path);
	if (rc == 0)
		sp_die("%s: truncated model file: expected %s after line "
		    "%llu", mr->path, expecting, mr->r.lineno);
}

/* Parse a whole number in [0, max] at *p, moving *p past it. */
static int
parse_count(const char **p, const char *end, unsigned long long max,
    unsigned long long *v)
{
	const char *s = *p;
	unsigned long long x = 0;

	if (s == end || *s < '0' || *s > '9')
		return -1;
	for (; s < end && *s >= '0' && *s <= '9'; s++) {
		x = x * 10 + (unsigned long long)(*s - '0');
		if (x > max)
			return -1;
	}
	*p = s;
	*v = x;
	return 0;
}

/* A line "NAME TAB NUMBER" with the number in [min, max]. */
static unsigned long long
header_count(struct model_reader *mr, const char *name,
    unsigned long long min, unsigned long long max)
{
	size_t n = strlen(name);
	const char *p, *end;
	unsigned long long v;

	next_line(mr, name);
	p = mr->line + n + 1;
	end = mr->line + mr->len;
	if (mr->len <= n + 1 || memcmp(mr->line, name, n) != 0 ||
	    mr->line[n] != '\t' || parse_count(&p, end, max, &v) < 0 ||
	    p != end || v < min)
		sp_die_at(mr->path, mr->r.lineno, "expected '%s' and a "
		    "whole number from %llu to %llu", name, min, max);
	return v;
}

/* A finite real number filling [s, end), of any sign. */
static int
parse_any_real(const char *s, const char *end, double *v)
{
	char buf[64], *stop;
	size_t n = (size_t)(end - s);

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*v = strtod(buf, &stop);	/* ERANGE on a subnormal: accepted */
	return *stop != '\0' || !isfinite(*v) ? -1 : 0;
}

/* A positive, finite real number filling [s, end). */
static int
parse_real(const char *s, const char *end, double *v)
{
	return parse_any_real(s, end, v) < 0 || !(*v > 0) ? -1 : 0;
}

/* The field of the line from p to the next TAB or the end, NUL-ended. */
static char *
field_copy(const char **p, const char *end)
{
	const char *tab = memchr(*p, '\t', (size_t)(end - *p));
	char *f;

	if (tab == NULL)
		tab = end;
	f = xmemdup(*p, (size_t)(tab - *p));
	*p = tab < end ? tab + 1 : end;
	return f;
}

/*
 * The DMR section, whose first line ("covariates TAB C") is the current
 * one: the encoding and lambda into a new struct lda_dmr.
 */
static struct lda_dmr *
load_dmr(struct model_reader *mr, int k)
{
	struct lda_dmr *d = xcalloc(1, sizeof(*d));
	struct lda_dmr_covariate *cv;
	const char *p, *end;
	unsigned long long v;
	int j, l, f, t;
	char *kind;

	p = mr->line + 11;
	end = mr->line + mr->len;
	if (parse_count(&p, end, 1000, &v) < 0 || p != end || v == 0)
		bad(mr, "expected 'covariates' and a number from 1 to 1000");
	d->ntopics = k;
	d->ncovariates = (int)v;
	d->cov = xcalloc((size_t)v, sizeof(*d->cov));
	d->nx = d->ncovariates + 1;
	for (j = 0, f = 1; j < d->ncovariates; j++) {
		cv = &d->cov[j];
		next_line(mr, "a 'covariate' line");
		p = mr->line;
		end = mr->line + mr->len;
		if (mr->len < 11 || memcmp(p, "covariate\t", 10) != 0)
			bad(mr, "expected 'covariate', a name and its kind");
		p += 10;
		cv->name = field_copy(&p, end);
		kind = field_copy(&p, end);
		cv->first = f;
		if (strcmp(kind, "numeric") == 0) {
			const char *tab = memchr(p, '\t', (size_t)(end - p));

			cv->numeric = 1;
			if (tab == NULL || parse_any_real(p, tab,
			    &cv->mean) < 0 || parse_any_real(tab + 1, end,
			    &cv->sd) < 0 || !(cv->sd > 0))
				bad(mr, "expected a numeric covariate's mean "
				    "and standard deviation");
			cv->level = xcalloc(1, sizeof(char *));
			cv->value = xcalloc(1, sizeof(double));
		} else if (strcmp(kind, "categorical") == 0) {
			if (parse_count(&p, end, 100000000, &v) < 0 ||
			    p != end || v < 2)
				bad(mr, "expected a categorical covariate's "
				    "number of levels, at least 2");
			cv->nlevels = (int)v;
			cv->level = xcalloc((size_t)v, sizeof(char *));
			cv->value = xcalloc((size_t)v, sizeof(double));
			for (l = 0; l < cv->nlevels; l++) {
				next_line(mr, "a 'level' line");
				if (mr->len < 6 ||
				    memcmp(mr->line, "level\t", 6) != 0)
					bad(mr, "expected 'level' and a level");
				cv->level[l] = xmemdup(mr->line + 6,
				    mr->len - 6);
			}
		} else
			bad(mr, "expected 'numeric' or 'categorical'");
		free(kind);
		f += lda_dmr_nfeatures(cv);
	}
	d->nfeatures = f;
	d->lambda = xcalloc((size_t)f * (size_t)k, sizeof(double));
	for (j = 0; j < f; j++) {
		char expect[32];
		size_t n;

		next_line(mr, "a 'lambda' line");
		snprintf(expect, sizeof(expect), "lambda\t%d\t", j);
		n = strlen(expect);
		if (mr->len <= n || memcmp(mr->line, expect, n) != 0)
			sp_die_at(mr->path, mr->r.lineno, "expected 'lambda', "
			    "feature %d and %d numbers", j, k);
		p = mr->line + n;
		end = mr->line + mr->len;
		for (t = 0; t < k; t++) {
			const char *sp = memchr(p, ' ', (size_t)(end - p));

			if (sp == NULL)
				sp = end;
			if ((t + 1 < k) != (sp < end) || parse_any_real(p, sp,
			    &d->lambda[(size_t)j * (size_t)k + t]) < 0)
				sp_die_at(mr->path, mr->r.lineno, "expected "
				    "'lambda', feature %d and %d numbers", j,
				    k);
			p = sp + 1;
		}
	}
	d->saved = xcalloc(LDA_DMR_SAVED * (size_t)f * (size_t)k,
	    sizeof(double));
	return d;
}

/* Compare a[0..na) and b[0..nb) bytewise, shorter first on a common prefix. */
static int
bytewise(const char *a, size_t na, const char *b, size_t nb)
{
	int c = memcmp(a, b, na < nb ? na : nb);

	if (c != 0)
		return c;
	return (na > nb) - (na < nb);
}

/*
 * Fail at once, before anything is allocated for them, if the header asks
 * for more alpha and word lines than the file can hold: an alpha line has
 * at least 10 bytes ("alpha", TAB, a digit, TAB, a digit, LF) and a word
 * line at least 11 ("word", TAB, a byte, TAB, "0:1", LF).  A file that is
 * not a regular one (a pipe) has no size to check against.
 */
static void
check_room(struct model_reader *mr, unsigned long long k,
    unsigned long long nwords)
{
	struct stat st;

	if (fstat(mr->r.fd, &st) < 0 || !S_ISREG(st.st_mode))
		return;
	if (k * 10 + nwords * 11 > (unsigned long long)st.st_size)
		sp_die_at(mr->path, mr->r.lineno, "%llu topics and %llu words "
		    "cannot fit in the file's %lld bytes", k, nwords,
		    (long long)st.st_size);
}

void
lda_load(struct lda_model *m, const char *path)
{
	struct model_reader mr;
	unsigned long long k, nwords, ntokens, v, topic, count, total = 0;
	const char *p, *end, *tab;
	uint32_t *counts = NULL, w, prev;
	size_t ncells = 0, cap = 0, j, n, wordlen, startcap = 1024;
	unsigned bits;
	int added, t, order;
	char expect[32];

	memset(m, 0, sizeof(*m));
	memset(&mr, 0, sizeof(mr));
	mr.path = path;
	if (reader_open(&mr.r, path) < 0)
		exit(2);

	next_line(&mr, "the header");
	if (mr.len < strlen(MODEL_MAGIC) ||
	    memcmp(mr.line, MODEL_MAGIC, strlen(MODEL_MAGIC)) != 0)
		bad(&mr, "not an sp-topics model file");
	p = mr.line + strlen(MODEL_MAGIC);
	end = mr.line + mr.len;
	if (parse_count(&p, end, 1000000, &v) < 0 || p != end)
		bad(&mr, "not an sp-topics model file");
	if (v != MODEL_VERSION)
		sp_die_at(path, 1, "model format version %llu is not "
		    "supported (this program reads version %d)", v,
		    MODEL_VERSION);

	k = header_count(&mr, "topics", 2, LDA_MAX_TOPICS);
	nwords = header_count(&mr, "words", 1, UINT32_MAX - 1);
	check_room(&mr, k, nwords);
	ntokens = header_count(&mr, "tokens", 1, SIZE_MAX / 2);
	next_line(&mr, "beta");
	if (mr.len < 6 || memcmp(mr.line, "beta\t", 5) != 0 ||
	    parse_real(mr.line + 5, mr.line + mr.len, &m->beta) < 0)
		bad(&mr, "expected 'beta' and a positive number");

	lda_set_topics(m, (int)k);
	m->nwords = (uint32_t)nwords;
	m->ntokens = (size_t)ntokens;
	bits = m->topic_bits;
	m->beta_sum = m->beta * (double)nwords;
	m->alpha = xcalloc(k, sizeof(double));
	m->topic_tokens = xcalloc(k, sizeof(int64_t));
	for (t = 0; t < (int)k; t++) {
		next_line(&mr, "alpha");
		snprintf(expect, sizeof(expect), "alpha\t%d\t", t);
		n = strlen(expect);
		if (mr.len <= n || memcmp(mr.line, expect, n) != 0 ||
		    parse_real(mr.line + n, mr.line + mr.len,
		    &m->alpha[t]) < 0)
			sp_die_at(path, mr.r.lineno, "expected 'alpha', "
			    "topic %d and a positive number", t);
		m->alpha_sum += m->alpha[t];
	}

	/* A DMR section, or the first word line. */
	next_line(&mr, "a 'word' line");
	if (mr.len > 11 && memcmp(mr.line, "covariates\t", 11) == 0) {
		m->dmr = load_dmr(&mr, (int)k);
		m->own_dmr = 1;
		next_line(&mr, "a 'word' line");
	}

	strtab_init(&m->own_vocab);
	m->vocab = &m->own_vocab;
	/*
	 * word_start grows with the words read, not with the header's count:
	 * a file that is not a regular one has no size to check that against.
	 */
	m->word_start = xmalloc(startcap * sizeof(size_t));
	m->word_start[0] = 0;
	for (w = 0; w < nwords; w++) {
		if (w > 0)
			next_line(&mr, "a 'word' line");
		end = mr.line + mr.len;
		tab = mr.len > 5 ? memchr(mr.line + 5, '\t', mr.len - 5) :
		    NULL;
		if (memcmp(mr.line, "word\t", mr.len < 5 ? mr.len : 5) != 0 ||
		    mr.len < 5 || tab == NULL || tab == mr.line + 5)
			bad(&mr, "expected 'word', a word and its topic "
			    "counts");
		wordlen = (size_t)(tab - mr.line - 5);
		if (w > 0 && (order = bytewise(mr.line + 5, wordlen,
		    strtab_key(&m->own_vocab, w - 1),
		    strtab_len(&m->own_vocab, w - 1))) <= 0)
			bad(&mr, order == 0 ? "the same word twice" :
			    "the words must be in bytewise order");
		strtab_intern(&m->own_vocab, mr.line + 5, wordlen, &added);
		if (!added)
			bad(&mr, "the same word twice");
		if (w + 2 > startcap) {
			startcap *= 2;
			m->word_start = xreallocarray(m->word_start, startcap,
			    sizeof(size_t));
		}
		p = tab + 1;
		prev = 0;
		n = 0;
		while (p < end) {
			if (n > 0 && *p++ != ' ')
				bad(&mr, "topic counts must be separated by "
				    "one space");
			if (parse_count(&p, end, k - 1, &topic) < 0 ||
			    p == end || *p++ != ':' ||
			    parse_count(&p, end, UINT32_MAX >> bits,
			    &count) < 0 || count == 0)
				bad(&mr, "expected TOPIC:COUNT with a topic "
				    "below the number of topics and a count "
				    "above 0");
			if (n > 0 && topic <= prev)
				bad(&mr, "topics must be in ascending order");
			prev = (uint32_t)topic;
			if (ncells == cap) {
				cap = cap ? 2 * cap : 4096;
				counts = xreallocarray(counts, cap,
				    sizeof(uint32_t));
				/* Reachable from the model if a bad line
				   ends the program. */
				m->counts = counts;
			}
			counts[ncells++] = (uint32_t)count << bits |
			    (uint32_t)topic;
			m->topic_tokens[topic] += (int64_t)count;
			total += count;
			if (total > ntokens)
				sp_die_at(path, mr.r.lineno, "the counts add up "
				    "to more than the %llu tokens of the header",
				    ntokens);
			n++;
		}
		if (n == 0)
			bad(&mr, "a word with no topic counts");
		m->word_start[w + 1] = ncells;
	}
	for (w = 0; w < nwords; w++) {
		j = m->word_start[w];
		n = m->word_start[w + 1] - j;
		/* Descending packed order, as the sampler keeps it. */
		lda_cells_sort(counts + j, n);
	}
	m->counts = counts != NULL ? counts : xcalloc(1, sizeof(uint32_t));
	next_line(&mr, "'end'");
	if (mr.len != 3 || memcmp(mr.line, "end", 3) != 0)
		bad(&mr, "expected 'end' (more words than the header says?)");
	if (reader_next(&mr.r, &mr.line, &mr.len) != 0)
		bad(&mr, "text after 'end'");
	if (total != ntokens)
		sp_die("%s: the counts add up to %llu tokens, the header "
		    "says %llu", path, total, ntokens);
	reader_close(&mr.r);
}
