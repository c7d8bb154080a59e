/*
 * Held-out evaluation: the probability of documents the model was not
 * fitted on, p(w | Phi, alpha), with the topic-word distributions Phi
 * fixed at the model's point estimate phi_tw = (n_wt + beta) / (n_t +
 * beta V) and the document's topic proportions integrated out.
 *
 * The estimate is the left-to-right one (Wallach, Murray, Salakhutdinov
 * and Mimno, "Evaluation methods for topic models", ICML 2009): each of R
 * particles goes through the document's tokens in order, and at token n,
 * with its topics z_1 .. z_{n-1} drawn so far,
 *
 *	p_n = sum_t phi_{t,w_n} (N_t + alpha_t) / (n - 1 + sum alpha)
 *
 * (N_t the earlier tokens of topic t) is the probability of the token
 * given those topics, after which z_n is drawn in proportion to the terms
 * of that sum.  A particle's topics are never revisited, so it is a draw
 * from a known proposal, and the product of its p_n is an importance
 * weight whose mean over the particles is an unbiased estimate of p(w).
 * The log of that mean is reported, with a standard error by the delta
 * method: the standard deviation of the weights over their mean, divided
 * by the square root of R.  (Averaging each p_n over the particles first,
 * as MALLET's evaluate-topics does, is not unbiased: it overstates p(w).)
 *
 * Words the model does not know are left out.  Each document has its own
 * random stream, from the seed and the document's number.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lda.h"

struct evaluator {
	const struct lda_model *m;
	int particles;
	double *inv;	 /* 1 / (n_t + beta V) */
	double *coef;	 /* (N_t + alpha_t) / (n_t + beta V) */
	double coef_sum; /* their sum */
	double *qscore;	 /* running sums over a word's cells */
	int32_t *local;	 /* N_t */
	const double *alpha; /* the document's prior */
	double alpha_sum;
	double *logw;	 /* each particle's log weight */
};

/*
 * One particle through the document's n words: the log of the product of
 * the p_n.
 */
static double
particle(struct evaluator *ev, const uint32_t *word, size_t n,
	 struct lda_rng *rng)
{
	const struct lda_model *m = ev->m;
	const double beta = m->beta;
	const uint32_t one = (uint32_t)1 << m->topic_bits;
	double *coef = ev->coef, logw = 0, q, u, before;
	const uint32_t *e;
	uint32_t v, t;
	size_t i, j, cap;
	int k;

	for (i = 0; i < n; i++) {
		e = m->counts + m->word_start[word[i]];
		cap = m->word_start[word[i] + 1] - m->word_start[word[i]];
		/* sum_t (N_t + alpha_t) (n_wt + beta) / (n_t + beta V) */
		q = 0;
		for (j = 0; j < cap && (v = e[j]) >= one; j++) {
			q += coef[lda_cell_topic(m, v)] * lda_cell_count(m, v);
			ev->qscore[j] = q;
		}
		logw += log((q + beta * ev->coef_sum) /
			    ((double)i + ev->alpha_sum));
		u = lda_rng_uniform(rng) * (q + beta * ev->coef_sum);
		if (u < q) {
			for (j = 0; j + 1 < cap && ev->qscore[j] <= u; j++)
				;
			t = lda_cell_topic(m, e[j]);
		} else {
			u = (u - q) / beta;
			for (k = 0; k + 1 < m->ntopics; k++)
				if ((u -= coef[k]) <= 0)
					break;
			t = (uint32_t)k;
		}
		before = coef[t];
		ev->local[t]++;
		coef[t] = (ev->local[t] + ev->alpha[t]) * ev->inv[t];
		ev->coef_sum += coef[t] - before;
	}
	return logw;
}

/*
 * The document's log probability and its standard error, from R
 * particles.
 */
static void
document(struct evaluator *ev, const uint32_t *word, size_t n,
	 struct lda_rng *rng, double *logp, double *se)
{
	const struct lda_model *m = ev->m;
	const int r = ev->particles;
	double max, mean = 0, var = 0, x, sum;
	int p, k;

	for (p = 0; p < r; p++) {
		sum = 0;
		for (k = 0; k < m->ntopics; k++) {
			ev->coef[k] = ev->alpha[k] * ev->inv[k];
			sum += ev->coef[k];
			ev->local[k] = 0;
		}
		ev->coef_sum = sum;
		ev->logw[p] = particle(ev, word, n, rng);
	}
	max = ev->logw[0];
	for (p = 1; p < r; p++)
		if (ev->logw[p] > max)
			max = ev->logw[p];
	for (p = 0; p < r; p++)
		mean += exp(ev->logw[p] - max);
	mean /= r;
	for (p = 0; p < r; p++) {
		x = exp(ev->logw[p] - max) - mean;
		var += x * x;
	}
	var /= r - 1;
	*logp = max + log(mean);
	*se = sqrt(var / r) / mean;
}

void
lda_evaluate(const struct lda_model *m, const struct lda_corpus *c,
	     int particles, uint64_t seed, struct writer *w)
{
	struct evaluator ev;
	struct lda_rng rng;
	size_t k = (size_t)m->ntopics, d, i, n, cap = 0;
	uint32_t *known, *word = NULL, cw;
	double logp, se;

	memset(&ev, 0, sizeof(ev));
	ev.m = m;
	ev.particles = particles;
	ev.inv = xcalloc(k, sizeof(double));
	ev.coef = xcalloc(k, sizeof(double));
	ev.qscore = xcalloc(k, sizeof(double));
	ev.local = xcalloc(k, sizeof(int32_t));
	ev.logw = xcalloc((size_t)particles, sizeof(double));
	for (i = 0; i < k; i++)
		ev.inv[i] = 1 / (m->beta_sum + (double)m->topic_tokens[i]);

	/* The model's id of each of the corpus's words, or none. */
	known = xmalloc(((size_t)c->words.n + 1) * sizeof(uint32_t));
	for (cw = 0; cw < c->words.n; cw++)
		known[cw] = strtab_find(m->vocab, strtab_key(&c->words, cw),
					strtab_len(&c->words, cw));

	for (d = 0; d < c->docs.n; d++) {
		n = 0;
		for (i = c->doc_start[d]; i < c->doc_start[d + 1]; i++) {
			if (known[c->word[i]] == STRTAB_NONE)
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 1024;
				word =
				    xreallocarray(word, cap, sizeof(uint32_t));
			}
			word[n++] = known[c->word[i]];
		}
		logp = se = 0;
		ev.alpha =
		    m->doc_alpha != NULL ? m->doc_alpha + d * k : m->alpha;
		ev.alpha_sum =
		    m->doc_alpha != NULL ? m->doc_alpha_sum[d] : m->alpha_sum;
		if (n > 0) {
			lda_rng_seed(&rng, seed, (uint64_t)d);
			document(&ev, word, n, &rng, &logp, &se);
		}
		writer_write(w, strtab_key(&c->docs, (uint32_t)d),
			     strtab_len(&c->docs, (uint32_t)d));
		writer_printf(w, "\t%zu\t%.6f\t%.6f\n", n, logp, se);
	}
	free(known);
	free(word);
	free(ev.inv);
	free(ev.coef);
	free(ev.qscore);
	free(ev.local);
	free(ev.logw);
}
