/*
 * Reading a topic: its FREX words and its exclusivity, as R's stm package
 * computes them, and its most typical documents (stm's findThoughts).
 *
 * With phi_kv = (n_kv + beta) / (n_k + beta V) the topic-word
 * probabilities, a word's exclusivity to topic k is its share
 * phi_kv / sum_j phi_jv, and FREX (Bischof and Airoldi, "Summarizing
 * topical content with word frequency and exclusivity", ICML 2012) is the
 * weighted harmonic mean of the word's ranks in topic k by exclusivity and
 * by frequency, each as an empirical distribution function over the V
 * words (rank / V, ties given their average rank):
 *
 *	FREX_kv = 1 / (w / ECDF_k(excl_kv) + (1 - w) / ECDF_k(phi_kv))
 *
 * stm's labelTopics (calcfrex) first shrinks each word's exclusivities
 * towards 1/K with a James-Stein estimator, by how often the word occurs
 * (c its count; lambda = (1 - sum_k e_k^2) / ((c - 1) sum_k (e_k -
 * 1/K)^2), clamped to [0, 1]; all 1/K when c <= 1), and lists the words by
 * FREX with w = 0.5; so does lda_frex_words.  stm's exclusivity() sums
 * FREX with w = 0.7, without the shrinkage, over a topic's most probable
 * words; so does lda_exclusivity.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lda.h"

/*
 * The model by topic: for each topic its words with a count, and for each
 * word the sums over topics that its exclusivities need.
 */
struct label {
	const struct lda_model *m;
	size_t *start; /* K + 1 offsets into word and count */
	uint32_t *word, *count;
	double *inv;	 /* 1 / (n_k + beta V) */
	double *phi_sum; /* V: sum_k phi_kv */
	double *lambda;	 /* V: James-Stein shrinkage */
	double *phi, *excl, *rank_phi, *rank_excl; /* V, scratch */
	uint32_t *order;			   /* V, scratch */
};

static void
label_init(struct label *l, const struct lda_model *m)
{
	const size_t k = (size_t)m->ntopics, v = m->nwords;
	double base = 0, base2 = 0, s, s2, dev, e, phi;
	size_t *fill, i;
	uint32_t w, t, c, total;

	memset(l, 0, sizeof(*l));
	l->m = m;
	l->start = xcalloc(k + 1, sizeof(size_t));
	l->inv = xcalloc(k, sizeof(double));
	for (t = 0; t < k; t++) {
		l->inv[t] = 1 / ((double)m->topic_tokens[t] + m->beta_sum);
		base += m->beta * l->inv[t];
		base2 += m->beta * m->beta * l->inv[t] * l->inv[t];
	}
	for (i = 0; i < m->word_start[v]; i++)
		if (m->counts[i] != 0)
			l->start[lda_cell_topic(m, m->counts[i]) + 1]++;
	for (t = 0; t < k; t++)
		l->start[t + 1] += l->start[t];
	l->word = xmalloc((l->start[k] + 1) * sizeof(uint32_t));
	l->count = xmalloc((l->start[k] + 1) * sizeof(uint32_t));
	fill = xmalloc((k + 1) * sizeof(size_t));
	memcpy(fill, l->start, (k + 1) * sizeof(size_t));
	l->phi_sum = xcalloc(v + 1, sizeof(double));
	l->lambda = xcalloc(v + 1, sizeof(double));
	for (w = 0; w < v; w++) {
		/* sum_k phi_kv and sum_k phi_kv^2, from the terms of the
		 * topics without the word and corrections for those with. */
		s = base;
		s2 = base2;
		total = 0;
		for (i = m->word_start[w];
		     i < m->word_start[w + 1] && m->counts[i] != 0; i++) {
			t = lda_cell_topic(m, m->counts[i]);
			c = lda_cell_count(m, m->counts[i]);
			l->word[fill[t]] = w;
			l->count[fill[t]++] = c;
			phi = (c + m->beta) * l->inv[t];
			s += phi - m->beta * l->inv[t];
			s2 += phi * phi -
			      m->beta * m->beta * l->inv[t] * l->inv[t];
			total += c;
		}
		l->phi_sum[w] = s;
		/* sum_k e_k^2 of the shares, and their squared distance
		 * from 1/K, which is the same less 1/K. */
		e = s2 / (s * s);
		dev = e - 1.0 / (double)k;
		if (total <= 1)
			l->lambda[w] = 1;
		else if (dev <= 0)
			l->lambda[w] = 0;
		else {
			l->lambda[w] = (1 - e) / ((double)(total - 1) * dev);
			if (l->lambda[w] > 1)
				l->lambda[w] = 1;
			if (l->lambda[w] < 0)
				l->lambda[w] = 0;
		}
	}
	free(fill);
	l->phi = xmalloc((v + 1) * sizeof(double));
	l->excl = xmalloc((v + 1) * sizeof(double));
	l->rank_phi = xmalloc((v + 1) * sizeof(double));
	l->rank_excl = xmalloc((v + 1) * sizeof(double));
	l->order = xmalloc((v + 1) * sizeof(uint32_t));
}

static void
label_free(struct label *l)
{
	free(l->start);
	free(l->word);
	free(l->count);
	free(l->inv);
	free(l->phi_sum);
	free(l->lambda);
	free(l->phi);
	free(l->excl);
	free(l->rank_phi);
	free(l->rank_excl);
	free(l->order);
}

/* qsort has no context argument: the values being ranked. */
static const double *rank_values;

static int
value_ascending(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	if (rank_values[x] != rank_values[y])
		return rank_values[x] < rank_values[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* ECDF of each value among all n: its rank / n, ties averaged. */
static void
ecdf(const double *value, size_t n, uint32_t *order, double *out)
{
	size_t i, j, r;

	for (i = 0; i < n; i++)
		order[i] = (uint32_t)i;
	rank_values = value;
	qsort(order, n, sizeof(*order), value_ascending);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && value[order[j]] == value[order[i]];
		     j++)
			;
		/* Ranks i + 1 .. j share their mean, (i + 1 + j) / 2. */
		for (r = i; r < j; r++)
			out[order[r]] = ((double)(i + 1 + j) / 2) / (double)n;
	}
}

/*
 * Topic k's phi, and ECDFs of phi and of the exclusivities, shrunk or
 * not.
 */
static void
label_topic(struct label *l, int k, int shrink)
{
	const struct lda_model *m = l->m;
	const double base = m->beta * l->inv[k], uniform = 1.0 / m->ntopics;
	size_t i;
	uint32_t w;

	for (w = 0; w < m->nwords; w++)
		l->phi[w] = base;
	for (i = l->start[k]; i < l->start[k + 1]; i++)
		l->phi[l->word[i]] = (l->count[i] + m->beta) * l->inv[k];
	for (w = 0; w < m->nwords; w++) {
		l->excl[w] = l->phi[w] / l->phi_sum[w];
		if (shrink)
			l->excl[w] = l->lambda[w] * uniform +
				     (1 - l->lambda[w]) * l->excl[w];
	}
	ecdf(l->phi, m->nwords, l->order, l->rank_phi);
	ecdf(l->excl, m->nwords, l->order, l->rank_excl);
}

static double
frex(const struct label *l, uint32_t w, double weight)
{
	return 1 / (weight / l->rank_excl[w] + (1 - weight) / l->rank_phi[w]);
}

void
lda_frex_words(const struct lda_model *m, int top, double weight,
	       uint32_t *words, int *nwords)
{
	struct label l;
	double *score, s;
	uint32_t w, *best;
	int k, n, pos;

	label_init(&l, m);
	score = xmalloc(((size_t)top + 1) * sizeof(double));
	for (k = 0; k < m->ntopics; k++) {
		label_topic(&l, k, 1);
		best = words + (size_t)k * (size_t)top;
		n = 0;
		for (w = 0; w < m->nwords; w++) {
			s = frex(&l, w, weight);
			/* Keep the top by score, then bytewise. */
			if (n == top &&
			    !(s > score[n - 1] ||
			      (s == score[n - 1] &&
			       strtab_cmp(m->vocab, w, best[n - 1]) < 0)))
				continue;
			pos = n < top ? n++ : top - 1;
			while (pos > 0 &&
			       (s > score[pos - 1] ||
				(s == score[pos - 1] &&
				 strtab_cmp(m->vocab, w, best[pos - 1]) < 0))) {
				score[pos] = score[pos - 1];
				best[pos] = best[pos - 1];
				pos--;
			}
			score[pos] = s;
			best[pos] = w;
		}
		nwords[k] = n;
	}
	free(score);
	label_free(&l);
}

void
lda_exclusivity(const struct lda_model *m, const uint32_t *words,
		const size_t *start, double *exclusivity)
{
	struct label l;
	size_t i;
	int k;

	label_init(&l, m);
	for (k = 0; k < m->ntopics; k++) {
		label_topic(&l, k, 0);
		exclusivity[k] = 0;
		for (i = start[k]; i < start[k + 1]; i++)
			exclusivity[k] += frex(&l, words[i], 0.7);
	}
	label_free(&l);
}

/*
 * Most typical documents.
 */

/* Whether (proportion a of document da) ranks before (b of db). */
static int
typical_before(double a, size_t da, double b, size_t db)
{
	if (a != b)
		return a > b;
	return da < db;
}

void
lda_typical_documents(const struct lda_model *m, const struct lda_corpus *c,
		      const uint16_t *topics, int n, uint32_t *docs,
		      double *proportion, int *ndocs)
{
	size_t k = (size_t)m->ntopics, d, i, len;
	int32_t *local = xcalloc(k, sizeof(int32_t));
	uint32_t *best;
	double p, *bp;
	int t, have, pos;

	for (t = 0; t < (int)k; t++)
		ndocs[t] = 0;
	for (d = 0; d < c->docs.n; d++) {
		len = c->doc_start[d + 1] - c->doc_start[d];
		for (i = c->doc_start[d]; i < c->doc_start[d + 1]; i++)
			local[topics[i]]++;
		for (t = 0; t < (int)k; t++) {
			p = m->doc_alpha == NULL
				? (m->alpha[t] + local[t]) /
				      ((double)len + m->alpha_sum)
				: (m->doc_alpha[d * k + (size_t)t] + local[t]) /
				      ((double)len + m->doc_alpha_sum[d]);
			best = docs + (size_t)t * (size_t)n;
			bp = proportion + (size_t)t * (size_t)n;
			have = ndocs[t];
			if (have == n &&
			    !typical_before(p, d, bp[n - 1], best[n - 1]))
				continue;
			pos = have < n ? have : n - 1;
			while (pos > 0 && typical_before(p, d, bp[pos - 1],
							 best[pos - 1])) {
				bp[pos] = bp[pos - 1];
				best[pos] = best[pos - 1];
				pos--;
			}
			bp[pos] = p;
			best[pos] = (uint32_t)d;
			if (have < n)
				ndocs[t]++;
		}
		for (i = c->doc_start[d]; i < c->doc_start[d + 1]; i++)
			local[topics[i]] = 0;
	}
	free(local);
}

void
lda_write_typical(struct writer *w, const struct lda_model *m,
		  const struct lda_corpus *c, const uint16_t *topics, int n,
		  char *const *text)
{
	size_t k = (size_t)m->ntopics;
	uint32_t *docs = xmalloc((k * (size_t)n + 1) * sizeof(uint32_t)), d;
	double *proportion = xmalloc((k * (size_t)n + 1) * sizeof(double));
	int *ndocs = xcalloc(k, sizeof(int)), t, i;

	lda_typical_documents(m, c, topics, n, docs, proportion, ndocs);
	for (t = 0; t < (int)k; t++)
		for (i = 0; i < ndocs[t]; i++) {
			d = docs[(size_t)t * (size_t)n + (size_t)i];
			writer_printf(
			    w, "%d\t%d\t%.6f\t", t, i + 1,
			    proportion[(size_t)t * (size_t)n + (size_t)i]);
			writer_write(w, strtab_key(&c->docs, d),
				     strtab_len(&c->docs, d));
			writer_byte(w, '\t');
			if (text != NULL && text[d] != NULL)
				writer_str(w, text[d]);
			writer_byte(w, '\n');
		}
	free(docs);
	free(proportion);
	free(ndocs);
}
