/*
 * sp-scale's model file; see scale_model.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "io.h"
#include "scale_model.h"

#define MODEL_HEADER "sp-scale model 1"

/* x without the sign of a negative zero, which would print as "-0". */
static double
nz(double x)
{
	return x + 0.0;
}

static void
put_word(struct writer *w, const char *s, size_t n)
{
	writer_str(w, "word\t");
	writer_write(w, s, n);
}

void
scale_model_save_wordscores(const struct wordscores *ws, const char *path)
{
	struct writer w;
	size_t j;

	writer_open(&w, path);
	writer_printf(&w,
		      "%s\nwordscores\t%.17g\t%.17g\t%.17g\t%.17g\t"
		      "%.17g\n",
		      MODEL_HEADER, nz(ws->ref_sd), nz(ws->ref_min),
		      nz(ws->ref_max), nz(ws->raw_min), nz(ws->raw_max));
	for (j = 0; j < ws->nwords; j++) {
		if (isnan(ws->score[j]))
			continue;
		put_word(&w, ws->word[j], ws->wordlen[j]);
		writer_printf(&w, "\t%.17g\n", nz(ws->score[j]));
	}
	writer_str(&w, "end\n");
	writer_close(&w);
}

void
scale_model_save_wordfish(const struct wordfish_model *m, const char *path)
{
	struct writer w;
	size_t j;

	writer_open(&w, path);
	writer_printf(&w, "%s\nwordfish\t%.17g\t%.17g\t%.17g\t%.17g\n",
		      MODEL_HEADER, nz(m->alpha_prec), nz(m->alpha_mean),
		      nz(m->theta_prec), nz(m->theta_mean));
	for (j = 0; j < m->nwords; j++) {
		put_word(&w, m->word[j], m->wordlen[j]);
		writer_printf(&w, "\t%.17g\t%.17g\n", nz(m->beta[j]),
			      nz(m->psi[j]));
	}
	writer_str(&w, "end\n");
	writer_close(&w);
}

struct loader {
	struct reader r;
	const char *path;
	char *line;
	size_t len;
	const char *field[8];
	size_t flen[8];
	size_t nfields;
};

static _Noreturn void
bad(struct loader *l, const char *what)
{
	sp_die_at(l->path, l->r.lineno, "%s", what);
}

/* The next line, split at its TABs (at most 8 fields). */
static void
next_line(struct loader *l)
{
	const char *p, *end, *tab;
	int rc = reader_next(&l->r, &l->line, &l->len);

	if (rc < 0)
		exit(2);
	if (rc == 0)
		sp_die("%s: truncated model file: no 'end' line", l->path);
	p = l->line;
	end = l->line + l->len;
	for (l->nfields = 0;; p = tab + 1) {
		if (l->nfields == 8)
			bad(l, "too many fields");
		tab = memchr(p, '\t', (size_t)(end - p));
		l->field[l->nfields] = p;
		l->flen[l->nfields++] = (size_t)((tab ? tab : end) - p);
		if (tab == NULL)
			break;
	}
}

/* Field i as a finite number. */
static double
number(struct loader *l, size_t i)
{
	char buf[64], *stop;
	double v;

	if (l->flen[i] == 0 || l->flen[i] >= sizeof(buf))
		bad(l, "expected a number");
	memcpy(buf, l->field[i], l->flen[i]);
	buf[l->flen[i]] = '\0';
	v = strtod(buf, &stop);
	if (*stop != '\0' || !isfinite(v))
		sp_die_at(l->path, l->r.lineno, "'%s' is not a number", buf);
	return v;
}

static int
field_is(const struct loader *l, size_t i, const char *s)
{
	return l->flen[i] == strlen(s) &&
	       memcmp(l->field[i], s, l->flen[i]) == 0;
}

/*
 * Numbers that a fit cannot give, so that a damaged model is an error and
 * not a table of inf and nan.  A Wordscores word score is a weighted mean
 * of the reference scores, so it lies between the least and the greatest
 * (rounding allowed).  Wordfish's word parameters have no such bound (a
 * fit gave |beta| up to 151 and |psi| up to 138 on the bench's 10,000
 * documents); --predict checks the positions they give instead.
 */

/* The header's numbers, once read. */
static void
check_header(struct loader *l, const struct scale_model *m)
{
	if (m->method == SCALE_WORDSCORES &&
	    (m->ws.ref_min > m->ws.ref_max || m->ws.raw_min > m->ws.raw_max ||
	     m->ws.ref_sd < 0))
		bad(l, "the reference scores are not a range");
}

/* Word n, just read. */
static void
check_word(struct loader *l, const struct scale_model *m, size_t n)
{
	double slack, v;

	if (m->method != SCALE_WORDSCORES)
		return;
	slack = 1e-9 * (m->ws.ref_max - m->ws.ref_min);
	v = m->ws.score[n];
	if (!(v >= m->ws.ref_min - slack && v <= m->ws.ref_max + slack))
		sp_die_at(l->path, l->r.lineno,
			  "score %g is outside the reference scores, %g to %g",
			  v, m->ws.ref_min, m->ws.ref_max);
}

void
scale_model_load(struct scale_model *m, const char *path)
{
	struct loader l;
	size_t n = 0, cap = 0, want;
	char ***names;
	size_t **lens;
	double **x, **y = NULL;

	memset(m, 0, sizeof(*m));
	memset(&l, 0, sizeof(l));
	l.path = path;
	if (reader_open(&l.r, path) < 0)
		exit(2);
	next_line(&l);
	if (l.len != strlen(MODEL_HEADER) ||
	    memcmp(l.line, MODEL_HEADER, l.len) != 0)
		bad(&l, "not an sp-scale model file");
	next_line(&l);
	if (field_is(&l, 0, "wordscores") && l.nfields == 6) {
		m->method = SCALE_WORDSCORES;
		m->ws.ref_sd = number(&l, 1);
		m->ws.ref_min = number(&l, 2);
		m->ws.ref_max = number(&l, 3);
		m->ws.raw_min = number(&l, 4);
		m->ws.raw_max = number(&l, 5);
		names = &m->ws.word;
		lens = &m->ws.wordlen;
		x = &m->ws.score;
		want = 3;
	} else if (field_is(&l, 0, "wordfish") && l.nfields == 5) {
		m->method = SCALE_WORDFISH;
		m->wf.alpha_prec = number(&l, 1);
		m->wf.alpha_mean = number(&l, 2);
		m->wf.theta_prec = number(&l, 3);
		m->wf.theta_mean = number(&l, 4);
		if (m->wf.alpha_prec < 0 || m->wf.theta_prec < 0)
			bad(&l, "a prior precision is negative");
		names = &m->wf.word;
		lens = &m->wf.wordlen;
		x = &m->wf.beta;
		y = &m->wf.psi;
		want = 4;
	} else
		bad(&l, "expected 'wordscores' or 'wordfish' and the model's "
			"numbers");
	check_header(&l, m);
	for (;;) {
		next_line(&l);
		if (l.nfields == 1 && field_is(&l, 0, "end"))
			break;
		if (l.nfields != want || !field_is(&l, 0, "word") ||
		    l.flen[1] == 0)
			bad(&l, want == 3
				    ? "expected 'word', ITEM and SCORE"
				    : "expected 'word', ITEM, BETA and PSI");
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			*names = xreallocarray(*names, cap, sizeof(char *));
			*lens = xreallocarray(*lens, cap, sizeof(size_t));
			*x = xreallocarray(*x, cap, sizeof(double));
			if (y)
				*y = xreallocarray(*y, cap, sizeof(double));
		}
		(*names)[n] = xmemdup(l.field[1], l.flen[1]);
		(*lens)[n] = l.flen[1];
		(*x)[n] = number(&l, 2);
		if (y)
			(*y)[n] = number(&l, 3);
		check_word(&l, m, n);
		/* Bytewise order, no repeats: the words are looked up. */
		if (n > 0) {
			size_t a = (*lens)[n - 1], b = l.flen[1];
			int c =
			    memcmp((*names)[n - 1], l.field[1], a < b ? a : b);

			if (c > 0 || (c == 0 && a >= b))
				bad(&l, "the words are not in bytewise order "
					"without repeats");
		}
		n++;
	}
	if (n == 0)
		bad(&l, "the model has no words");
	if (reader_close(&l.r) < 0)
		exit(2);
	m->ws.nwords = m->wf.nwords = n;
}

void
scale_model_free(struct scale_model *m)
{
	size_t i;
	char **names = m->method == SCALE_WORDSCORES ? m->ws.word : m->wf.word;
	size_t n = m->method == SCALE_WORDSCORES ? m->ws.nwords : m->wf.nwords;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(m->method == SCALE_WORDSCORES ? m->ws.wordlen : m->wf.wordlen);
	free(m->ws.score);
	free(m->wf.beta);
	free(m->wf.psi);
	memset(m, 0, sizeof(*m));
}
