/*
 * Unit tests of lib/lda_dmr.c: the encoding of covariates (reference
 * level, standardised numbers, NA), the fit of lambda against data drawn
 * from a known DMR (it recovers lambda, and the fit is a maximum of the
 * objective: no small step from it goes higher), and the samplers with a
 * per-document prior against the exact posterior of a tiny corpus.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "lda.h"
#include "lda_dmr.h"
#include "lda_test.h"
#include "meta.h"
#include "unit.h"

static char dir[] = "/tmp/test_lda_dmr.XXXXXX";

/* Load a table written to a file of dir. */
static void
load_table(struct meta *m, const char *text)
{
	static char path[128]; /* the table keeps its name */
	FILE *f;

	snprintf(path, sizeof(path), "%s/meta.tsv", dir);
	f = fopen(path, "w");
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
	if (meta_load(m, path, NULL, META_AUTO) < 0)
		exit(1);
}

/*
 * Features: Party's reference is the bytewise first level (Left), NA
 * (an id not in the table) is a level of its own; Year is standardised
 * with the mean and sd over the documents that have one; a document
 * without a year gets 0.
 */
static void
test_encoding(void)
{
	struct meta m;
	struct lda_corpus c;
	struct lda_dmr d;
	const char *ids[] = {"a", "b", "c", "d", "e"};
	double sd = sqrt((4.0 + 0 + 4 + 0) / 4);
	int i;

	load_table(&m, "id\tParty\tYear\n"
		       "a\tRight\t2000\n"
		       "b\tLeft\t2002\n"
		       "c\tRight\tNA\n"
		       "d\tLeft\t2004\n"
		       "x\tMiddle\t1990\n");
	lda_corpus_init(&c);
	for (i = 0; i < 5; i++)
		add(&c, ids[i], "w");
	/* The key's first field is the id: document 5 is b's too. */
	lda_corpus_add(&c, "b\t2", 3, "w", 1);
	lda_corpus_group(&c);
	CHECK_INT(lda_dmr_init(&d, &c, &m, "Party,Year", 3, 6.0), 0);
	/* Features: intercept, Party=NA, Party=Right, Year. */
	CHECK_INT(d.nfeatures, 4);
	CHECK_INT(d.cov[0].numeric, 0);
	CHECK_INT(d.cov[0].nlevels, 3); /* Middle has no document */
	CHECK_STR(d.cov[0].level[0], "Left");
	CHECK_STR(d.cov[0].level[1], "NA");
	CHECK_STR(d.cov[0].level[2], "Right");
	CHECK_INT(d.cov[1].numeric, 1);
	CHECK_INT(d.cov[1].nlevels, 3); /* 2000, 2002, 2004 */
	CHECK(fabs(d.cov[1].mean - 2002) < 1e-12);
	CHECK(fabs(d.cov[1].sd - sd) < 1e-12);
	/* a: Right, 2000. */
	CHECK_INT(d.xf[0 * 3 + 1], 2);
	CHECK(d.xv[0 * 3 + 1] == 1);
	CHECK(fabs(d.xv[0 * 3 + 2] - (2000 - 2002) / sd) < 1e-12);
	/* b: Left (no indicator), 2002 (0). */
	CHECK(d.xv[1 * 3 + 1] == 0);
	CHECK(d.xv[1 * 3 + 2] == 0);
	/* c: Right, no year: 0. */
	CHECK(d.xv[2 * 3 + 1] == 1 && d.xv[2 * 3 + 2] == 0);
	/* d: Left, 2004. */
	CHECK(fabs(d.xv[3 * 3 + 2] - (2004 - 2002) / sd) < 1e-12);
	/* e: not in the table, NA; no year. */
	CHECK_INT(d.xf[4 * 3 + 1], 1);
	CHECK(d.xv[4 * 3 + 1] == 1 && d.xv[4 * 3 + 2] == 0);
	/* Every document starts with alpha 6 / 3. */
	for (i = 0; i < 18; i++)
		CHECK(fabs(d.doc_alpha[i] - 2) < 1e-12);
	/* The two documents of b share their features: one pattern. */
	CHECK_INT(d.npatterns, 5);
	CHECK_INT(d.pattern[1], d.pattern[5]);
	lda_dmr_free(&d);
	lda_corpus_free(&c);
	/* A column with one value among the documents is an error. */
	lda_corpus_init(&c);
	add(&c, "a", "w");
	add(&c, "c", "w");
	lda_corpus_group(&c);
	CHECK_INT(lda_dmr_init(&d, &c, &m, "Party", 3, 6.0), -1);
	lda_dmr_free(&d);
	lda_corpus_free(&c);
	meta_free(&m);
}

/*
 * 3000 documents of 40 tokens, half with x = 1: theta_d ~
 * Dirichlet(exp(lambda_0 + x lambda_1)), each token's topic drawn from
 * theta_d.  The fit from the topics alone recovers lambda within 0.15 (the
 * prior pulls the coefficients a little towards 0), and no step of 1e-3
 * along any coordinate improves the objective.
 */
static void
test_recovery(void)
{
	static const double truth[2][3] = {{-0.5, 0.3, 0.0}, {1.0, -0.8, 0.2}};
	struct meta m;
	struct lda_corpus c;
	struct lda_dmr d;
	struct lda_rng r;
	char *table = xmalloc(3000 * 16 + 64), doc[16];
	size_t len = 0, i, j;
	uint16_t *topics;
	double theta[3], a, s, u, f, f2, best = 0, diff[2][3];
	int doc_i, t, x, ok = 1, fit;

	len += (size_t)sprintf(table, "id\tx\n");
	for (doc_i = 0; doc_i < 3000; doc_i++)
		len += (size_t)sprintf(table + len, "d%d\t%s\n", doc_i,
				       doc_i % 2 ? "one" : "zero");
	load_table(&m, table);
	lda_corpus_init(&c);
	for (doc_i = 0; doc_i < 3000; doc_i++) {
		snprintf(doc, sizeof(doc), "d%d", doc_i);
		for (i = 0; i < 40; i++)
			add(&c, doc, "w");
	}
	lda_corpus_group(&c);
	topics = xmalloc(c.ntokens * sizeof(uint16_t));
	lda_rng_seed(&r, 3, 0);
	for (doc_i = 0; doc_i < 3000; doc_i++) {
		x = doc_i % 2;
		s = 0;
		for (t = 0; t < 3; t++) {
			a = exp(truth[0][t] + x * truth[1][t]);
			theta[t] = gamma_variate(&r, a);
			s += theta[t];
		}
		for (i = c.doc_start[doc_i]; i < c.doc_start[doc_i + 1]; i++) {
			u = lda_rng_uniform(&r) * s;
			for (t = 0; t < 2 && u >= theta[t]; t++)
				u -= theta[t];
			topics[i] = (uint16_t)t;
		}
	}
	CHECK_INT(lda_dmr_init(&d, &c, &m, "x", 3, 1.0), 0);
	CHECK_STR(d.cov[0].level[0], "one"); /* the reference */
	/* Fit until it stops moving (each fit is at most 20 steps). */
	for (fit = 0; fit < 20; fit++) {
		f = lda_dmr_fit(&d, &c, topics);
		if (fit > 0 && f - best < 1e-9 * fabs(f))
			break;
		best = f;
	}
	CHECK(fit < 20);
	/* The reference is x = 1: its intercept is lambda_0 + lambda_1. */
	for (t = 0; t < 3; t++) {
		diff[0][t] = d.lambda[t] - (truth[0][t] + truth[1][t]);
		diff[1][t] = d.lambda[3 + t] - (-truth[1][t]);
	}
	/* Only differences between topics are identified... */
	for (j = 0; j < 2; j++)
		for (t = 1; t < 3; t++)
			ok &= fabs(diff[j][t] - diff[j][0]) < 0.15;
	CHECK(ok);
	/* ... and the sum is pinned by the scale of alpha. */
	f = lda_dmr_objective(&d, &c, topics);
	ok = 1;
	for (i = 0; i < 6; i++)
		for (s = -1e-3; s <= 1e-3; s += 2e-3) {
			d.lambda[i] += s;
			f2 = lda_dmr_objective(&d, &c, topics);
			d.lambda[i] -= s;
			ok &= f2 <= f + 1e-6;
		}
	CHECK(ok);
	free(topics);
	free(table);
	lda_dmr_free(&d);
	lda_corpus_free(&c);
	meta_free(&m);
}

/*
 * With a document's own prior the samplers still draw from the exact
 * posterior: one document of 7 tokens and 3 topics, alpha (0.2, 0.6, 1.5)
 * from lambda; the share of sweeps in which each token has each topic
 * matches the exact marginal from all 3^7 assignments within 0.01.  (The
 * prior is set through DMR for a corpus of two documents, then used for a
 * corpus of one, the first: with one document the small-K sampler has a
 * single stream and is exact.)
 */
static void
test_posterior(int sampler)
{
	static const char *const words[7] = {"a", "b", "a", "c", "a", "b", "d"};
	static const double alpha[3] = {0.2, 0.6, 1.5};
	struct lda_options o = {3, 0.9, 0.1, 3, 0, 0, 1, 0, NULL};
	struct meta m;
	struct lda_corpus two, c;
	struct lda_dmr d;
	struct lda_model model;
	struct lda_trainer *t;
	double beta = 0.1, exact[7][3], seen[7][3], total = 0, lp;
	const uint16_t *z;
	int zs[7], n, k, i, state, nd[3], nw[4][3], id[7], ok = 1;
	int sweeps = 150000;

	load_table(&m, "id\tg\ndoc\tA\nother\tB\n");
	lda_corpus_init(&two);
	add(&two, "doc", "a");
	add(&two, "other", "a");
	lda_corpus_group(&two);
	CHECK_INT(lda_dmr_init(&d, &two, &m, "g", 3, 1.0), 0);
	for (k = 0; k < 3; k++)
		d.lambda[k] = log(alpha[k]);
	lda_dmr_update_alpha(&d);
	o.dmr = &d;
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
		lp = 0;
		for (k = 0; k < 3; k++) {
			lp +=
			    lgamma(alpha[k] + nd[k]) - lgamma(4 * beta + nd[k]);
			for (i = 0; i < 4; i++)
				lp += lgamma(beta + nw[i][k]);
		}
		total += exp(lp);
		for (n = 0; n < 7; n++)
			exact[n][zs[n]] += exp(lp);
	}
	t = lda_train_new(&c, &o, &model);
	for (i = 0; i < 100; i++)
		lda_train_iteration(t);
	for (i = 0; i < sweeps; i++) {
		lda_train_iteration(t);
		z = lda_train_topics(t);
		for (n = 0; n < 7; n++)
			seen[n][z[n]]++;
	}
	for (n = 0; n < 7; n++)
		for (k = 0; k < 3; k++)
			ok &= fabs(seen[n][k] / sweeps - exact[n][k] / total) <
			      0.01;
	CHECK(ok);
	/* The topic keys' alpha is the reference document's. */
	CHECK(fabs(model.alpha[2] - 1.5) < 1e-12);
	/* The model file keeps the encoding and lambda, bit for bit. */
	if (sampler == LDA_SAMPLER_DENSE) {
		struct lda_model back;
		char path[128];
		int same = 1;

		snprintf(path, sizeof(path), "%s/model", dir);
		lda_save(&model, path);
		lda_load(&back, path);
		CHECK(back.dmr != NULL);
		CHECK_INT(back.dmr->ncovariates, 1);
		CHECK_INT(back.dmr->nfeatures, 2);
		CHECK_STR(back.dmr->cov[0].name, "g");
		CHECK_INT(back.dmr->cov[0].numeric, 0);
		CHECK_INT(back.dmr->cov[0].nlevels, 2);
		CHECK_STR(back.dmr->cov[0].level[0], "A");
		CHECK_STR(back.dmr->cov[0].level[1], "B");
		for (i = 0; i < 6; i++)
			same &= back.dmr->lambda[i] == d.lambda[i];
		for (k = 0; k < 3; k++)
			same &= back.alpha[k] == model.alpha[k];
		CHECK(same);
		lda_model_free(&back);
		unlink(path);
	}
	lda_train_free(t);
	lda_model_free(&model);
	lda_corpus_free(&c);
	lda_corpus_free(&two);
	lda_dmr_free(&d);
	meta_free(&m);
}

int
main(void)
{
	char path[128];

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_encoding();
	test_recovery();
	test_posterior(LDA_SAMPLER_DENSE);
	test_posterior(LDA_SAMPLER_SPARSE);
	snprintf(path, sizeof(path), "%s/meta.tsv", dir);
	unlink(path);
	rmdir(dir);
	UNIT_DONE();
}
