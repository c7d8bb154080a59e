/*
 * What the topic model's unit tests (test_lda.c, test_lda_dmr.c) share:
 * adding a token to a corpus by its document's and word's names, and
 * Gamma variates for drawing Dirichlet mixes.
 */
#ifndef SP_LDA_TEST_H
#define SP_LDA_TEST_H

#include <math.h>
#include <string.h>

#include "lda.h"

static inline void
add(struct lda_corpus *c, const char *doc, const char *word)
{
	lda_corpus_add(c, doc, strlen(doc), word, strlen(word));
}

/*
 * A Gamma(shape, 1) variate (Marsaglia and Tsang, "A simple method for
 * generating gamma variables", 2000), with its normal by Box-Muller; the
 * uniforms are drawn in a fixed order.
 */
static inline double
gamma_variate(struct lda_rng *r, double shape)
{
	double d, c, x, v, u, u1, u2;

	if (shape < 1)
		return gamma_variate(r, shape + 1) *
		       pow(lda_rng_uniform(r) + 1e-300, 1 / shape);
	d = shape - 1.0 / 3;
	c = 1 / sqrt(9 * d);
	for (;;) {
		do {
			u1 = lda_rng_uniform(r) + 1e-300;
			u2 = lda_rng_uniform(r);
			x = sqrt(-2 * log(u1)) * cos(6.283185307179586 * u2);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		u = lda_rng_uniform(r);
		if (log(u + 1e-300) < 0.5 * x * x + d - d * v + d * log(v))
			return d * v;
	}
}

#endif
