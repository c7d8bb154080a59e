/*
 * The 2x2 tests of contingency.h.  The textbook sum 2 sum O ln(O / E) adds
 * terms of both signs, and in a keyness table the cells of "all other
 * words" hold millions: their terms are millions of times larger than the
 * result, and a rounding of their logarithm's argument (1e-16 of it) is
 * already an error of 1e-10 per million tokens, 1 near 2^53.  So each
 * term is taken with its deviation subtracted, E h((O - E) / E), which is
 * never negative (the deviations add up to 0 over the table), and O - E
 * is not computed from a rounded E but as +-(o11 o22 - o12 o21) / N, the
 * same for all four cells, from a cross product exact to a rounding.
 */
#include <math.h>

#include "contingency.h"

/* Products of whole numbers below this are exact in a double. */
#define EXACT_PRODUCT 9007199254740992.0 /* 2^53 */

struct margins {
	double r1, r2, c1, c2, n;
};

/* The margins of t; 0 if t is degenerate (a negative cell, an empty row
 * or column). */
static int
margins(const struct table2 *t, struct margins *m)
{
	if (t->o11 < 0 || t->o12 < 0 || t->o21 < 0 || t->o22 < 0)
		return 0;
	m->r1 = t->o11 + t->o12;
	m->r2 = t->o21 + t->o22;
	m->c1 = t->o11 + t->o21;
	m->c2 = t->o12 + t->o22;
	m->n = m->r1 + m->r2;
	return m->r1 > 0 && m->r2 > 0 && m->c1 > 0 && m->c2 > 0;
}

double
table2_cross(const struct table2 *t)
{
	double p = t->o12 * t->o21, err;

	if (p < EXACT_PRODUCT && t->o11 * t->o22 < EXACT_PRODUCT)
		return t->o11 * t->o22 - p;
	/* Kahan's 2x2 determinant: err is the rounding error of p, exactly. */
	err = fma(t->o12, t->o21, -p);
	return fma(t->o11, t->o22, -p) - err;
}

/*
 * h(x) = (1 + x) ln(1 + x) - x for x >= -1.  Near 0 it is about x^2 / 2
 * and the two terms of the formula cancel, so there it is summed from its
 * series x^2/2 - x^3/6 + x^4/12 - ... = sum (-x)^k / (k (k - 1)), k >= 2,
 * whose terms shrink at least eightfold each.
 */
static double
excess(double x)
{
	double sum = 0, power = -x, term;
	int k;

	if (x <= -1)
		return 1;
	if (fabs(x) >= 0.125)
		return (1 + x) * log1p(x) - x;
	for (k = 2; k < 40; k++) {
		power *= -x;
		term = power / ((double)k * (k - 1));
		sum += term;
		if (fabs(term) <= 1e-17 * sum)
			break;
	}
	return sum;
}

double
table2_g2_term(double e, double delta)
{
	return e > 0 ? e * excess(delta / e) : 0;
}

double
table2_g2(const struct table2 *t)
{
	struct margins m;
	double delta, sum;

	if (!margins(t, &m))
		return 0;
	delta = table2_cross(t) / m.n;
	sum = table2_g2_term(m.r1 * m.c1 / m.n, delta) +
	      table2_g2_term(m.r1 * m.c2 / m.n, -delta) +
	      table2_g2_term(m.r2 * m.c1 / m.n, -delta) +
	      table2_g2_term(m.r2 * m.c2 / m.n, delta);
	return 2 * sum;
}

double
table2_williams(const struct table2 *t)
{
	struct margins m;

	if (!margins(t, &m))
		return 1;
	return 1 + (m.n / m.r1 + m.n / m.r2 - 1) *
		       (m.n / m.c1 + m.n / m.c2 - 1) / (6 * m.n);
}

/* N x^2 / (R1 R2 C1 C2), taken in steps that cannot overflow. */
static double
pearson(const struct margins *m, double x)
{
	return x / m->r1 * (x / m->c1) * (m->n / m->r2 / m->c2);
}

double
table2_chi2(const struct table2 *t)
{
	struct margins m;

	if (!margins(t, &m))
		return 0;
	return pearson(&m, table2_cross(t));
}

double
table2_chi2_yates(const struct table2 *t)
{
	struct margins m;
	double x;

	if (!margins(t, &m))
		return 0;
	x = fabs(table2_cross(t)) - m.n / 2;
	return x > 0 ? pearson(&m, x) : 0;
}
