/*
 * Inference of the topics of new documents with a model held fixed, as
 * MALLET's TopicInferencer does it: only the new documents' topic
 * assignments are sampled, with the same three buckets as in training but
 * with the topic-word counts frozen, so the s bucket is a constant and the
 * word bucket needs no updates.  Documents are independent: each has its
 * own random stream (the seed and the document's number), so the result
 * does not depend on anything but the model, the document and the seed.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lda.h"
#include "record.h"

enum { INFER_BURN_IN = 10, INFER_THINNING = 10 };

struct inferer {
	const struct lda_model *m;
	double *inv;		/* 1 / (beta V + n_t), fixed */
	double smoothing;	/* the s bucket, fixed */
	double *coef;
	double *qscore;
	int32_t *local;
	uint16_t *present;
	uint16_t *topic;	/* the current document's assignments */
	uint32_t *word;		/* its known words, as model word ids */
	size_t cap;
	double *sum;		/* accumulated proportions */
	double *proportion;
};

static void
infer_document(struct inferer *in, size_t n, long iterations,
    struct lda_rng *rng, const double *alpha)
{
	const struct lda_model *m = in->m;
	const uint32_t mask = m->topic_mask;
	const uint32_t one = (uint32_t)1 << m->topic_bits;
	const double beta = m->beta, *inv = in->inv;
	int32_t *local = in->local;
	uint16_t *present = in->present;
	double *coef = in->coef, r, q, u;
	const uint32_t *e;
	uint32_t v, old, new;
	size_t i, j, cap;
	long iter, samples = 0;
	int npresent = 0, k;

	if (alpha != m->alpha) {
		/* A prior of its own (DMR): its s bucket and coefficients. */
		in->smoothing = 0;
		for (k = 0; k < m->ntopics; k++) {
			coef[k] = alpha[k] * inv[k];
			in->smoothing += alpha[k] * beta * inv[k];
		}
	}
	for (i = 0; i < n; i++) {
		/* Start from the word's most frequent topic. */
		old = m->counts[m->word_start[in->word[i]]] & mask;
		in->topic[i] = (uint16_t)old;
		if (local[old]++ == 0)
			present[npresent++] = (uint16_t)old;
	}
	r = 0;
	for (k = 0; k < npresent; k++) {
		old = present[k];
		r += beta * local[old] * inv[old];
		coef[old] = (alpha[old] + local[old]) * inv[old];
	}
	for (k = 0; k < m->ntopics; k++)
		in->sum[k] = 0;

	for (iter = 1; iter <= iterations; iter++) {
		for (i = 0; i < n; i++) {
			old = in->topic[i];
			e = m->counts + m->word_start[in->word[i]];
			cap = m->word_start[in->word[i] + 1] -
			    m->word_start[in->word[i]];
			r -= beta * inv[old];
			local[old]--;
			coef[old] = (alpha[old] + local[old]) * inv[old];
			if (local[old] == 0) {
				for (k = 0; present[k] != old; k++)
					;
				present[k] = present[--npresent];
			}
			q = 0;
			for (j = 0; j < cap && (v = e[j]) >= one; j++) {
				in->qscore[j] = coef[v & mask] *
				    (double)(v >> m->topic_bits);
				q += in->qscore[j];
			}
			u = lda_rng_uniform(rng) * (in->smoothing + r + q);
			if (u < q) {
				for (j = 0; (u -= in->qscore[j]) > 0 &&
				    j + 1 < cap && e[j + 1] >= one; j++)
					;
				new = e[j] & mask;
			} else
				new = lda_draw_doc_or_smoothing(u - q, r, beta,
				    local, present, npresent, alpha, inv,
				    m->ntopics);
			r += beta * inv[new];
			if (local[new]++ == 0)
				present[npresent++] = (uint16_t)new;
			coef[new] = (alpha[new] + local[new]) * inv[new];
			in->topic[i] = (uint16_t)new;
		}
		if (iter > INFER_BURN_IN &&
		    (iter - INFER_BURN_IN) % INFER_THINNING == 0) {
			for (k = 0; k < m->ntopics; k++)
				in->sum[k] += alpha[k] + local[k];
			samples++;
		}
	}
	if (samples == 0)
		for (k = 0; k < m->ntopics; k++)
			in->sum[k] = alpha[k] + local[k];
	u = 0;
	for (k = 0; k < m->ntopics; k++)
		u += in->sum[k];
	for (k = 0; k < m->ntopics; k++)
		in->proportion[k] = in->sum[k] / u;

	for (k = 0; k < npresent; k++) {
		old = present[k];
		local[old] = 0;
		coef[old] = alpha[old] * inv[old];
	}
}

void
lda_infer(const struct lda_model *m, const struct lda_corpus *c,
    long iterations, uint64_t seed, struct writer *w, double threshold)
{
	struct inferer in;
	struct lda_rng rng;
	struct record_writer rw;
	size_t k = (size_t)m->ntopics, d, i, n;
	uint32_t *known, cw;

	memset(&in, 0, sizeof(in));
	in.m = m;
	in.inv = xcalloc(k, sizeof(double));
	in.coef = xcalloc(k, sizeof(double));
	in.qscore = xcalloc(k, sizeof(double));
	in.local = xcalloc(k, sizeof(int32_t));
	in.present = xcalloc(k, sizeof(uint16_t));
	in.sum = xcalloc(k, sizeof(double));
	in.proportion = xcalloc(k, sizeof(double));
	for (i = 0; i < k; i++) {
		in.inv[i] = 1 / (m->beta_sum + (double)m->topic_tokens[i]);
		in.coef[i] = m->alpha[i] * in.inv[i];
		in.smoothing += m->alpha[i] * m->beta * in.inv[i];
	}

	/* The model's id of each of the corpus's words, or none. */
	known = xmalloc(((size_t)c->words.n + 1) * sizeof(uint32_t));
	for (cw = 0; cw < c->words.n; cw++)
		known[cw] = strtab_find(m->vocab, strtab_key(&c->words, cw),
		    strtab_len(&c->words, cw));

	record_writer_init(&rw, w);
	for (d = 0; d < c->docs.n; d++) {
		n = 0;
		for (i = c->doc_start[d]; i < c->doc_start[d + 1]; i++) {
			if (known[c->word[i]] == STRTAB_NONE)
				continue;
			if (n == in.cap) {
				in.cap = in.cap ? 2 * in.cap : 1024;
				in.word = xreallocarray(in.word, in.cap,
				    sizeof(uint32_t));
				in.topic = xreallocarray(in.topic, in.cap,
				    sizeof(uint16_t));
			}
			in.word[n++] = known[c->word[i]];
		}
		lda_rng_seed(&rng, seed, (uint64_t)d);
		infer_document(&in, n, iterations, &rng,
		    m->doc_alpha != NULL ? m->doc_alpha + d * k : m->alpha);
		lda_write_doc_row(&rw, strtab_key(&c->docs, (uint32_t)d),
				  strtab_len(&c->docs, (uint32_t)d), m->ntopics,
				  in.proportion, threshold);
	}
	record_writer_free(&rw);
	free(known);
	free(in.inv);
	free(in.coef);
	free(in.qscore);
	free(in.local);
	free(in.present);
	free(in.sum);
	free(in.proportion);
	free(in.word);
	free(in.topic);
}
