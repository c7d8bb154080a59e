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

/* 1 / (k (k - 1)) for k = 0..23, the coefficients of excess's series. */
static const double coefficient[24] = {
    0,	       0,	  1.0 / 2,   1.0 / 6,	1.0 / 12,  1.0 / 20,
    1.0 / 30,  1.0 / 42,  1.0 / 56,  1.0 / 72,	1.0 / 90,  1.0 / 110,
    1.0 / 132, 1.0 / 156, 1.0 / 182, 1.0 / 210, 1.0 / 240, 1.0 / 272,
    1.0 / 306, 1.0 / 342, 1.0 / 380, 1.0 / 420, 1.0 / 462, 1.0 / 506};

/*
 * h(x) = (1 + x) ln(1 + x) - x for x >= -1.  Near 0 it is about x^2 / 2
 * and the two terms of the formula cancel, so there it is summed from its
 * series x^2/2 - x^3/6 + x^4/12 - ... = sum (-x)^k / (k (k - 1)), k >= 2,
 * whose terms shrink at least eightfold each: below |x| = 1/8 the 22nd
 * is under 1e-17 of the first.  The cells of the other words, with x of
 * 1e-6 or less, need four or five.
 */
static double
excess(double x)
{
	double sum = 0, power = 1, term;
	int k;

	if (x <= -1)
		return 1;
	if (fabs(x) >= 0.125)
		return (1 + x) * log1p(x) - x;
	/* The usual case, the cells of the other words: six terms leave out
	 * x^6/28 of the sum, below 1e-17 for |x| < 1/1024. */
	if (fabs(x) < 0x1p-10)
		return x * x *
		       (1.0 / 2 -
			x * (1.0 / 6 -
			     x * (1.0 / 12 -
				  x * (1.0 / 20 - x * (1.0 / 30 - x / 42)))));
	power = x * x;
	for (k = 2; k < 24; k++) {
		term = power * coefficient[k];
		sum += term;
		if (term <= 1e-17 * sum && term >= -1e-17 * sum)
			break;
		power *= -x;
	}
	return sum;
}

double
table2_g2_term(double e, double delta)
{
	return e > 0 ? e * excess(delta / e) : 0;
}

/* G2 of a table with margins m and cross product cross. */
static double
g2(const struct margins *m, double cross)
{
	double delta = cross / m->n, r1 = m->r1 / m->n, r2 = m->r2 / m->n;

	return 2 * (table2_g2_term(r1 * m->c1, delta) +
		    table2_g2_term(r1 * m->c2, -delta) +
		    table2_g2_term(r2 * m->c1, -delta) +
		    table2_g2_term(r2 * m->c2, delta));
}

static double
williams(const struct margins *m)
{
	return 1 + (m->n / m->r1 + m->n / m->r2 - 1) *
		       (m->n / m->c1 + m->n / m->c2 - 1) / (6 * m->n);
}

/* N x^2 / (R1 R2 C1 C2), taken in steps that cannot overflow. */
static double
pearson(const struct margins *m, double x)
{
	return x / m->r1 * (x / m->c1) * (m->n / m->r2 / m->c2);
}

static double
yates(const struct margins *m, double cross)
{
	double x = fabs(cross) - m->n / 2;

	return x > 0 ? pearson(m, x) : 0;
}

double
table2_g2(const struct table2 *t)
{
	struct margins m;

	return margins(t, &m) ? g2(&m, table2_cross(t)) : 0;
}

double
table2_williams(const struct table2 *t)
{
	struct margins m;

	return margins(t, &m) ? williams(&m) : 1;
}

double
table2_chi2(const struct table2 *t)
{
	struct margins m;

	return margins(t, &m) ? pearson(&m, table2_cross(t)) : 0;
}

double
table2_chi2_yates(const struct table2 *t)
{
	struct margins m;

	return margins(t, &m) ? yates(&m, table2_cross(t)) : 0;
}

void
table2_all(const struct table2 *t, struct table2_tests *out)
{
	struct margins m;

	out->cross = table2_cross(t);
	if (!margins(t, &m)) {
		out->g2 = out->chi2 = out->yates = 0;
		out->williams = 1;
		return;
	}
	out->g2 = g2(&m, out->cross);
	out->williams = williams(&m);
	out->chi2 = pearson(&m, out->cross);
	out->yates = yates(&m, out->cross);
}
