/*
 * Unit tests of lib/lda*.c: the random number generator, grouping of the
 * corpus, the small-K kernel against its plain C reference, both samplers'
 * bookkeeping (the counts always agree with the token assignments, on one
 * thread and on several) and their stationary distribution against the
 * exact posterior of a tiny corpus, determinism, the digamma function, the
 * alpha optimiser against Dirichlet-multinomial data with a known alpha,
 * and the model file round trip.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "lda.h"
#include "lda_kernel.h"
#include "lda_test.h"
#include "unit.h"

static void
test_rng(void)
{
	struct lda_rng a, b, c;
	double sum = 0, u;
	int i, same = 1, inrange = 1, differ = 0;

	lda_rng_seed(&a, 42, 0);
	lda_rng_seed(&b, 42, 0);
	lda_rng_seed(&c, 42, 1);
	for (i = 0; i < 100000; i++) {
		uint64_t x = lda_rng_next(&a), y = lda_rng_next(&b);

		same &= x == y;
		differ |= x != lda_rng_next(&c);
	}
	CHECK(same);
	CHECK(differ);
	for (i = 0; i < 100000; i++) {
		u = lda_rng_uniform(&a);
		inrange &= u >= 0 && u < 1;
		inrange &= lda_rng_below(&a, 7) < 7;
		sum += u;
	}
	CHECK(inrange);
	CHECK(fabs(sum / 100000 - 0.5) < 0.01);
}

static void
test_grouping(void)
{
	struct lda_corpus c;

	lda_corpus_init(&c);
	add(&c, "b", "x");
	add(&c, "a", "y");
	add(&c, "b", "z");
	add(&c, "a", "x");
	lda_corpus_group(&c);
	CHECK_INT(c.docs.n, 2);
	CHECK_INT(c.words.n, 3);
	CHECK_STR(strtab_key(&c.docs, 0), "b");
	CHECK_INT(c.doc_start[1], 2);
	CHECK_INT(c.doc_start[2], 4);
	CHECK_STR(strtab_key(&c.words, c.word[0]), "x");
	CHECK_STR(strtab_key(&c.words, c.word[1]), "z");
	CHECK_STR(strtab_key(&c.words, c.word[2]), "y");
	CHECK_STR(strtab_key(&c.words, c.word[3]), "x");
	lda_corpus_free(&c);
}

/* Documents from three disjoint vocabularies of eight words each. */
static void
make_corpus(struct lda_corpus *c, int ndocs, int length)
{
	static const char *const stems[] = {"apple", "zebra", "moon"};
	struct lda_rng r;
	char doc[32], word[32];
	int d, i;

	lda_rng_seed(&r, 7, 0);
	lda_corpus_init(c);
	for (d = 0; d < ndocs; d++) {
		snprintf(doc, sizeof(doc), "d%d", d);
		for (i = 0; i < length + d % 5; i++) {
			snprintf(word, sizeof(word), "%s%u", stems[d % 3],
				 lda_rng_below(&r, 8));
			add(c, doc, word);
		}
	}
	lda_corpus_group(c);
}

/*
 * The kernel and its plain C reference give the same bits, and a topic is
 * drawn in proportion to its weight.
 */
static void
test_kernel(void)
{
	static _Alignas(16) float coef[68];
	static _Alignas(16) float run1[68];
	static _Alignas(16) float run2[68];
	static _Alignas(16) float den[68];
	static _Alignas(16) float alpha[68];
	static _Alignas(16) float c1[68];
	static _Alignas(16) float c2[68];
	static _Alignas(16) int32_t local[68];
	static const int ks[] = {1, 2, 3, 4, 5, 7, 8, 13, 20, 33, 64};
	uint32_t row[68 + 4], a, b;
	double weight[64], total, hits[64], u;
	struct lda_rng r;
	int i, j, k, k4, same = 1, inrange = 1, close = 1;

	lda_rng_seed(&r, 5, 0);
	for (i = 0; i < (int)(sizeof(ks) / sizeof(ks[0])); i++) {
		k = ks[i];
		k4 = (k + 3) / 4 * 4;
		for (j = 0; j < 1000; j++) {
			int t;

			memset(coef, 0, sizeof(coef));
			for (t = 0; t < k; t++) {
				coef[t] =
				    (float)lda_rng_uniform(&r) *
				    (lda_rng_below(&r, 4) == 0 ? 1e-6f : 1);
				row[t] = lda_rng_below(&r, 3) == 0
					     ? 0
					     : lda_rng_below(&r, 1000);
			}
			for (; t < k4 + 4; t++)
				row[t] = lda_rng_below(&r, 100000);
			u = lda_rng_uniform(&r);
			a = lda_dense_draw(coef, j % 2 ? row : NULL, 0.01f, k,
					   k4, run1, u);
			b = lda_dense_draw_ref(coef, j % 2 ? row : NULL, 0.01f,
					       k, k4, run2, u);
			same &= a == b && memcmp(run1, run2, k4 * 4) == 0;
			inrange &= a < (uint32_t)k;
			for (t = 0; t < k4; t++) {
				den[t] = 400 + (float)lda_rng_below(&r, 9000);
				alpha[t] =
				    t < k ? (float)lda_rng_uniform(&r) : 0;
				local[t] =
				    t < k ? (int32_t)lda_rng_below(&r, 30) : 0;
			}
			lda_dense_coef(den, alpha, local, k4, c1);
			lda_dense_coef_ref(den, alpha, local, k4, c2);
			same &= memcmp(c1, c2, k4 * 4) == 0;
		}
	}
	CHECK(same);
	CHECK(inrange);

	/* 200,000 draws from 13 fixed weights: each share within 0.005. */
	k = 13;
	k4 = 16;
	memset(coef, 0, sizeof(coef));
	total = 0;
	for (i = 0; i < k; i++) {
		coef[i] = (float)(i % 5 + 1) / 10;
		row[i] = (uint32_t)(i * 7 % 11);
		weight[i] = coef[i] * ((float)row[i] + 0.5f);
		total += weight[i];
		hits[i] = 0;
	}
	for (j = 0; j < 200000; j++)
		hits[lda_dense_draw(coef, row, 0.5f, k, k4, run1,
				    lda_rng_uniform(&r))]++;
	for (i = 0; i < k; i++)
		close &= fabs(hits[i] / 200000 - weight[i] / total) < 0.005;
	CHECK(close);
}

/*
 * Documents from three vocabularies of eight words each, and a few words
 * from all of them, at random: frequent and rare words for any K.
 */
static void
make_mixed_corpus(struct lda_corpus *c, int ndocs)
{
	static const char *const stems[] = {"apple", "zebra", "moon"};
	struct lda_rng r;
	char doc[32], word[32];
	int d, i;

	lda_rng_seed(&r, 8, 0);
	lda_corpus_init(c);
	for (d = 0; d < ndocs; d++) {
		snprintf(doc, sizeof(doc), "d%d", d);
		for (i = 0; i < 5 + (int)lda_rng_below(&r, 40); i++) {
			if (lda_rng_below(&r, 10) == 0)
				snprintf(word, sizeof(word), "rare%u",
					 lda_rng_below(&r, 300));
			else
				snprintf(word, sizeof(word), "%s%u",
					 stems[d % 3], lda_rng_below(&r, 8));
			add(c, doc, word);
		}
	}
	lda_corpus_group(c);
}

static void
test_sampler(int sampler, int threads)
{
	struct lda_options o = {3, 1.0, 0.01, 5, 3, 4, 1, 0, NULL };
	struct lda_corpus c;
	struct lda_model m;
	struct lda_trainer *t;
	int i, ok = 1, separated = 1;
	size_t d, j;

	o.threads = threads;
	o.sampler = sampler;
	make_corpus(&c, 60, 30);
	t = lda_train_new(&c, &o, &m);
	CHECK_INT(lda_train_check(t), 0);
	for (i = 0; i < 40; i++) {
		lda_train_iteration(t);
		ok &= lda_train_check(t) == 0;
	}
	CHECK(ok);
	/* Each document should now sit in one topic. */
	for (d = 0; d < c.docs.n; d++)
		for (j = c.doc_start[d]; j < c.doc_start[d + 1]; j++)
			separated &= lda_train_topics(t)[j] ==
				     lda_train_topics(t)[c.doc_start[d]];
	CHECK(separated);
	CHECK(m.alpha_sum != 1.0); /* it was optimised */
	CHECK(isfinite(lda_train_log_likelihood(t)));
	lda_train_free(t);
	lda_model_free(&m);
	lda_corpus_free(&c);
}

/*
 * The counts agree with the assignments after every iteration, for K that
 * are and are not multiples of 4, frequent and rare words, 1 to 4 threads.
 */
static void
test_bookkeeping(int sampler)
{
	static const int ks[] = {2, 5, 8, 21, 70};
	struct lda_options o = {3, 1.0, 0.01, 5, 4, 6, 1, 0, NULL };
	struct lda_corpus c;
	struct lda_model m;
	struct lda_trainer *t;
	int i, k, threads, ok = 1;

	make_mixed_corpus(&c, 90);
	for (k = 0; k < (int)(sizeof(ks) / sizeof(ks[0])); k++)
		for (threads = 1; threads <= 4; threads++) {
			o.ntopics = ks[k];
			o.threads = threads;
			o.sampler = sampler;
			t = lda_train_new(&c, &o, &m);
			ok &= lda_train_check(t) == 0;
			for (i = 0; i < 12; i++) {
				lda_train_iteration(t);
				ok &= lda_train_check(t) == 0;
			}
			lda_train_free(t);
			lda_model_free(&m);
		}
	CHECK(ok);
	lda_corpus_free(&c);
}

/*
 * The sampler's stationary distribution is the posterior: for one
 * document of 7 tokens and 3 topics (frequent and rare words at that K),
 * the share of sweeps in which each pair of tokens has the same topic
 * matches the exact posterior probability, from all 3^7 assignments,
 * within 0.01 (a token's own topic is no test: by symmetry every topic has
 * a third).  With one document the small-K sampler has a single stream, so
 * it too is exact.
 */
static void
test_posterior(int sampler)
{
	static const char *const words[7] = {"a", "b", "a", "c", "a", "b", "d"};
	struct lda_options o = {3, 0.9, 0.1, 3, 0, 0, 1, 0, NULL };
	struct lda_corpus c;
	struct lda_model m;
	struct lda_trainer *t;
	double alpha = 0.3, beta = 0.1, exact[7][7], seen[7][7], total = 0;
	double lp;
	const uint16_t *z;
	int zs[7], n, p, k, i, state, nd[3], nw[4][3], id[7], ok = 1;
	int sweeps = 150000;

	o.sampler = sampler;
	lda_corpus_init(&c);
	for (n = 0; n < 7; n++)
		add(&c, "doc", words[n]);
	lda_corpus_group(&c);
	for (n = 0; n < 7; n++)
		id[n] = (int)c.word[n];
	memset(exact, 0, sizeof(exact));
	memset(seen, 0, sizeof(seen));
	for (state = 0; state < 2187; state++) {
		memset(nd, 0, sizeof(nd));
		memset(nw, 0, sizeof(nw));
		for (n = 0, i = state; n < 7; n++, i /= 3) {
			zs[n] = i % 3;
			nd[zs[n]]++;
			nw[id[n]][zs[n]]++;
		}
		/* log p(w, z) up to a constant: the two Dirichlet
		 * multinomials, with 4 words. */
		lp = 0;
		for (k = 0; k < 3; k++) {
			lp += lgamma(alpha + nd[k]) - lgamma(4 * beta + nd[k]);
			for (i = 0; i < 4; i++)
				lp += lgamma(beta + nw[i][k]);
		}
		total += exp(lp);
		for (n = 0; n < 7; n++)
			for (p = 0; p < n; p++)
				if (zs[n] == zs[p])
					exact[n][p] += exp(lp);
	}
	t = lda_train_new(&c, &o, &m);
	for (i = 0; i < 100; i++)
		lda_train_iteration(t);
	for (i = 0; i < sweeps; i++) {
		lda_train_iteration(t);
		z = lda_train_topics(t);
		for (n = 0; n < 7; n++)
			for (p = 0; p < n; p++)
				seen[n][p] += z[n] == z[p];
	}
	for (n = 0; n < 7; n++)
		for (p = 0; p < n; p++)
			ok &= fabs(seen[n][p] / sweeps - exact[n][p] / total) <
			      0.01;
	CHECK(ok);
	lda_train_free(t);
	lda_model_free(&m);
	lda_corpus_free(&c);
}

static void
test_determinism(int sampler, int threads)
{
	struct lda_options o = {4, 2.0, 0.05, 11, 5, 5, 1, 0, NULL };
	struct lda_corpus c;
	struct lda_model m1, m2;
	struct lda_trainer *t1, *t2;
	int i;

	o.threads = threads;
	o.sampler = sampler;
	make_mixed_corpus(&c, 50);
	t1 = lda_train_new(&c, &o, &m1);
	t2 = lda_train_new(&c, &o, &m2);
	for (i = 0; i < 20; i++) {
		lda_train_iteration(t1);
		lda_train_iteration(t2);
	}
	CHECK(memcmp(lda_train_topics(t1), lda_train_topics(t2),
		     c.ntokens * sizeof(uint16_t)) == 0);
	CHECK(memcmp(m1.alpha, m2.alpha, 4 * sizeof(double)) == 0);
	CHECK(m1.beta == m2.beta);
	lda_train_free(t1);
	lda_train_free(t2);
	lda_model_free(&m1);
	lda_model_free(&m2);
	lda_corpus_free(&c);
}

/* log p(w) by summing over all K^n assignments: exact. */
static double
exact_log_prob(const struct lda_model *m, const uint32_t *word, int n)
{
	double phi[8][3], total = 0, p;
	uint32_t topic[3], count[3];
	int z[8], nt[3], i, j, k, state, states = 1;
	size_t got;

	for (i = 0; i < n; i++) {
		for (k = 0; k < 3; k++)
			phi[i][k] = m->beta;
		got = lda_word_topics(m, word[i], topic, count);
		for (j = 0; j < (int)got; j++)
			phi[i][topic[j]] += count[j];
		for (k = 0; k < 3; k++)
			phi[i][k] /= (double)m->topic_tokens[k] + m->beta_sum;
		states *= 3;
	}
	for (state = 0; state < states; state++) {
		nt[0] = nt[1] = nt[2] = 0;
		p = 1;
		for (i = 0, j = state; i < n; i++, j /= 3) {
			z[i] = j % 3;
			p *= phi[i][z[i]] * (nt[z[i]] + m->alpha[z[i]]) /
			    (i + m->alpha_sum);
			nt[z[i]]++;
		}
		total += p;
	}
	return log(total);
}

/*
 * With many particles the held-out estimate agrees with the exact
 * probability within four of its standard errors, which are small; with
 * the default 10, within 0.05 (its standard error, estimated from the
 * particles, is then itself uncertain).  Words the model does not know
 * are left out.
 */
static void
test_evaluate(void)
{
	static const char *const held[][8] = {
		{ "x", "apple1", "apple2", "zebra3", "apple1", NULL },
		{ "y", "moon5", "zebra2", "moon5", "moon1", "apple7",
		    "moon5", NULL },
		{ "z", "nosuchword", "zebra4", "alsonot", "zebra4", NULL },
		{ "u", "nosuchword", NULL },
	};
	struct lda_options o = { 3, 1.0, 0.05, 5, 0, 0, 1, 0, NULL };
	struct lda_corpus c, h;
	struct lda_model m;
	struct lda_trainer *t;
	struct writer w;
	char path[] = "/tmp/test_lda_eval_XXXXXX", key[16], line[256];
	uint32_t ids[8];
	double logp, se, exact;
	size_t d, ntok;
	int fd, i, j, n, particles, ok = 1, small = 1;
	FILE *f;

	make_corpus(&c, 30, 20);
	t = lda_train_new(&c, &o, &m);
	for (i = 0; i < 20; i++)
		lda_train_iteration(t);
	lda_corpus_init(&h);
	for (i = 0; i < 4; i++)
		for (j = 1; held[i][j] != NULL; j++)
			add(&h, held[i][0], held[i][j]);
	lda_corpus_group(&h);
	for (particles = 20000; particles >= 10; particles /= 2000) {
		fd = mkstemp(path);
		CHECK(fd >= 0);
		writer_init(&w, fd, path);
		lda_evaluate(&m, &h, particles, 7, &w);
		writer_close(&w);
		f = fopen(path, "r");
		for (d = 0; d < 4; d++) {
			CHECK(fgets(line, sizeof(line), f) != NULL);
			CHECK(sscanf(line, "%15s %zu %lf %lf", key, &ntok,
			    &logp, &se) == 4);
			n = 0;
			for (j = 1; held[d][j] != NULL; j++)
				if ((ids[n] = strtab_find(m.vocab, held[d][j],
				    strlen(held[d][j]))) != STRTAB_NONE)
					n++;
			CHECK_INT(ntok, n);
			exact = n > 0 ? exact_log_prob(&m, ids, n) : 0;
			if (particles > 1000) {
				ok &= fabs(logp - exact) <= 4 * se + 1e-6;
				small &= n == 0 || (se > 0 && se < 0.01);
			} else
				ok &= fabs(logp - exact) < 0.05;
			if (getenv("SHOW"))
				fprintf(stderr, "%s %d %.6f %.6f %.6f\n", key,
				    particles, logp, exact, se);
		}
		fclose(f);
		unlink(path);
		strcpy(path, "/tmp/test_lda_eval_XXXXXX");
	}
	CHECK(ok);
	CHECK(small);
	lda_train_free(t);
	lda_model_free(&m);
	lda_corpus_free(&c);
	lda_corpus_free(&h);
}

static void
test_digamma(void)
{
	CHECK(fabs(lda_digamma(1) + 0.5772156649015329) < 1e-12);
	CHECK(fabs(lda_digamma(0.5) + 1.9635100260214235) < 1e-12);
	CHECK(fabs(lda_digamma(10) - 2.2517525890667211) < 1e-12);
	CHECK(fabs(lda_digamma(0.01) + 100.56088545786867) < 1e-9);
}

static void
test_alpha_optimiser(void)
{
	enum { K = 3, DOCS = 4000, LEN = 40 };
	static const double truth[K] = {0.3, 1.0, 2.5};
	static uint32_t hist[K][LEN + 1], lengths[LEN + 1];
	const uint32_t *rows[K] = {hist[0], hist[1], hist[2]};
	double alpha[K] = {1, 1, 1}, theta[K], sum, u;
	struct lda_rng r;
	int d, i, k, n[K], iter;

	lda_rng_seed(&r, 3, 0);
	for (d = 0; d < DOCS; d++) {
		sum = 0;
		for (k = 0; k < K; k++)
			sum += theta[k] = gamma_variate(&r, truth[k]);
		for (k = 0; k < K; k++) {
			theta[k] /= sum;
			n[k] = 0;
		}
		for (i = 0; i < LEN; i++) {
			u = lda_rng_uniform(&r);
			for (k = 0; k < K - 1 && (u -= theta[k]) > 0; k++)
				;
			n[k]++;
		}
		for (k = 0; k < K; k++)
			hist[k][n[k]]++;
		lengths[LEN]++;
	}
	/* With no prior (shape 0, infinite scale) it is Minka's MLE. */
	for (iter = 0; iter < 1000; iter++)
		lda_learn_alpha(alpha, K, rows, lengths, LEN + 1, 0, 1e300);
	for (k = 0; k < K; k++)
		CHECK(fabs(alpha[k] - truth[k]) / truth[k] < 0.1);
}

/*
 * One document of one token: the digamma sum over lengths (1/2) is below
 * the prior's 1/scale, so a step would make alpha negative; it is skipped.
 */
static void
test_alpha_optimiser_bounded(void)
{
	static const uint32_t h0[2] = {0, 1}, h1[2] = {1, 0};
	static const uint32_t lengths[2] = {0, 1};
	const uint32_t *rows[2] = {h0, h1};
	double alpha[2] = {1, 1};

	CHECK(lda_learn_alpha(alpha, 2, rows, lengths, 2, 1.001, 1.0) == 2);
	CHECK(alpha[0] == 1 && alpha[1] == 1);
}

/*
 * A topic with no tokens in 1000 documents of 40: its alpha is multiplied
 * by about 1.001/4300 at each step, and a step that would make it
 * subnormal is skipped; the other topic's alpha still moves.
 */
static void
test_alpha_optimiser_normal(void)
{
	static uint32_t h0[41], h1[41], lengths[41];
	const uint32_t *rows[2] = {h0, h1};
	double alpha[2] = {1e-300, 1};
	int i;

	h0[0] = 1000;
	h1[40] = 1000;
	lengths[40] = 1000;
	lda_learn_alpha(alpha, 2, rows, lengths, 41, 1.001, 1.0);
	CHECK(alpha[0] < 1e-303 && alpha[0] > 1e-304);
	CHECK(alpha[1] != 1);
	alpha[0] = 1e-306;
	for (i = 0; i < 3; i++)
		lda_learn_alpha(alpha, 2, rows, lengths, 41, 1.001, 1.0);
	CHECK(alpha[0] == 1e-306);
}

static void
test_model_file(void)
{
	struct lda_options o = {3, 1.0, 0.01, 5, 2, 2, 1, 0, NULL };
	struct lda_corpus c;
	struct lda_model m, back;
	struct lda_trainer *t;
	char path[] = "/tmp/test_lda_model_XXXXXX";
	uint32_t w, id, topic1[3], count1[3], topic2[3], count2[3];
	size_t n1, n2;
	int fd, k, same = 1;

	make_corpus(&c, 30, 20);
	t = lda_train_new(&c, &o, &m);
	for (k = 0; k < 10; k++)
		lda_train_iteration(t);
	fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	lda_save(&m, path);
	lda_load(&back, path);
	unlink(path);
	CHECK_INT(back.ntopics, 3);
	CHECK_INT(back.nwords, m.nwords);
	CHECK_INT(back.ntokens, m.ntokens);
	CHECK(back.beta == m.beta);
	for (k = 0; k < 3; k++) {
		CHECK(back.alpha[k] == m.alpha[k]);
		CHECK_INT(back.topic_tokens[k], m.topic_tokens[k]);
	}
	for (w = 0; w < m.nwords; w++) {
		id = strtab_find(back.vocab, strtab_key(m.vocab, w),
				 strtab_len(m.vocab, w));
		if (id == STRTAB_NONE) {
			same = 0;
			continue;
		}
		n1 = lda_word_topics(&m, w, topic1, count1);
		n2 = lda_word_topics(&back, id, topic2, count2);
		same &= n1 == n2 && memcmp(topic1, topic2, n1 * 4) == 0 &&
			memcmp(count1, count2, n1 * 4) == 0;
	}
	CHECK(same);
	lda_train_free(t);
	lda_model_free(&m);
	lda_model_free(&back);
	lda_corpus_free(&c);
}

/* For the reference ranking: a topic's words by count, then bytewise. */
static const struct strtab *ref_vocab;

struct ref_word {
	uint32_t count, word;
};

static int
ref_ranks(const void *a, const void *b)
{
	const struct ref_word *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strtab_cmp(ref_vocab, x->word, y->word);
}

/*
 * lda_top_words against a plain reference: every word of each topic,
 * sorted with qsort, cut at top.  Ties in count are common in the small
 * corpus, so the bytewise tie order is checked too.
 */
static void
test_top_words(void)
{
	static const int tops[] = { 1, 2, 3, 7, 1000 };
	struct lda_options o = { 4, 1.0, 0.01, 5, 2, 2, 1, 0, NULL };
	struct lda_corpus c;
	struct lda_model m;
	struct lda_trainer *t;
	struct ref_word *ref;
	uint32_t *words, w, topic[4], count[4];
	size_t *start, n, i, j, want, nref;
	int k, ti, same = 1;

	make_corpus(&c, 40, 15);
	t = lda_train_new(&c, &o, &m);
	for (k = 0; k < 5; k++)
		lda_train_iteration(t);
	ref = xmalloc(m.nwords * sizeof(*ref));
	ref_vocab = m.vocab;
	for (ti = 0; ti < (int)(sizeof(tops) / sizeof(tops[0])); ti++) {
		lda_top_words(&m, tops[ti], &words, &start);
		for (k = 0; k < m.ntopics; k++) {
			nref = 0;
			for (w = 0; w < m.nwords; w++) {
				n = lda_word_topics(&m, w, topic, count);
				for (j = 0; j < n; j++)
					if (topic[j] == (uint32_t)k) {
						ref[nref].count = count[j];
						ref[nref++].word = w;
					}
			}
			qsort(ref, nref, sizeof(*ref), ref_ranks);
			want = nref < (size_t)tops[ti] ? nref :
			    (size_t)tops[ti];
			same &= start[k + 1] - start[k] == want;
			for (i = 0; i < want && start[k] + i < start[k + 1];
			    i++)
				same &= words[start[k] + i] == ref[i].word;
		}
		CHECK(same);
		CHECK(start[m.ntopics] <= (size_t)m.ntopics * (size_t)tops[ti]);
		free(words);
		free(start);
	}
	free(ref);
	lda_train_free(t);
	lda_model_free(&m);
	lda_corpus_free(&c);
}

int
main(void)
{
	test_rng();
	test_grouping();
	test_kernel();
	test_sampler(LDA_SAMPLER_DENSE, 1);
	test_sampler(LDA_SAMPLER_DENSE, 3);
	test_sampler(LDA_SAMPLER_SPARSE, 1);
	test_sampler(LDA_SAMPLER_SPARSE, 3);
	test_bookkeeping(LDA_SAMPLER_DENSE);
	test_bookkeeping(LDA_SAMPLER_SPARSE);
	test_posterior(LDA_SAMPLER_DENSE);
	test_posterior(LDA_SAMPLER_SPARSE);
	test_determinism(LDA_SAMPLER_DENSE, 1);
	test_determinism(LDA_SAMPLER_DENSE, 2);
	test_determinism(LDA_SAMPLER_SPARSE, 1);
	test_determinism(LDA_SAMPLER_SPARSE, 2);
	test_evaluate();
	test_digamma();
	test_alpha_optimiser();
	test_alpha_optimiser_bounded();
	test_alpha_optimiser_normal();
	test_model_file();
	test_top_words();
	UNIT_DONE();
}
