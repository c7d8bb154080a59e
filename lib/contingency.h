/*
 * The 2x2 contingency table that keyness and collocation statistics share,
 * and the classical tests of independence on it: the log-likelihood ratio
 * G2 (Dunning 1993), with or without Williams' (1976) correction, and
 * Pearson's chi-squared, with or without Yates' (1934) correction.
 *
 *		column 1	column 2
 *	row 1	o11		o12		R1 = o11 + o12
 *	row 2	o21		o22		R2 = o21 + o22
 *		C1 = o11 + o21	C2 = o12 + o22	N = R1 + R2
 *
 * Expected counts are Eij = Ri Cj / N.  Every function takes the cells as
 * doubles, exact up to 2^53, and stays accurate up to there: G2 is summed
 * from terms that are never negative (see contingency.c), so the large
 * cells of a corpus-sized table cancel nothing away.  A table with a
 * negative cell, or with an empty row or column, is degenerate: every
 * statistic of it is 0, which is also the value for independence.
 */
#ifndef SP_CONTINGENCY_H
#define SP_CONTINGENCY_H

struct table2 {
	double o11, o12, o21, o22;
};

/*
 * o11 o22 - o12 o21, exact to a rounding even where the products pass
 * 2^53.  Its sign says which way the table leans: positive when o11 is
 * above its expected count.  It equals N (o11 - E11).
 */
double table2_cross(const struct table2 *t);

/* G2 = 2 sum Oij ln(Oij / Eij), with 0 ln 0 = 0; always >= 0. */
double table2_g2(const struct table2 *t);

/*
 * Williams' correction factor q for G2 of a 2x2 table, G2 / q being the
 * corrected statistic: q = 1 + (N/R1 + N/R2 - 1)(N/C1 + N/C2 - 1) / (6N).
 * Always >= 1; 1 for a degenerate table.
 */
double table2_williams(const struct table2 *t);

/* Pearson's X2 = N (o11 o22 - o12 o21)^2 / (R1 R2 C1 C2); always >= 0. */
double table2_chi2(const struct table2 *t);

/*
 * X2 with Yates' continuity correction, as R's chisq.test(correct = TRUE):
 * N max(0, |o11 o22 - o12 o21| - N/2)^2 / (R1 R2 C1 C2), so that the
 * correction never reverses the sign of a deviation.
 */
double table2_chi2_yates(const struct table2 *t);

/* Every test of one table at once, its margins and cross product once. */
struct table2_tests {
	double cross;	 /* table2_cross */
	double g2;	 /* table2_g2 */
	double williams; /* table2_williams */
	double chi2;	 /* table2_chi2 */
	double yates;	 /* table2_chi2_yates */
};

void table2_all(const struct table2 *t, struct table2_tests *out);

/*
 * One term of G2 with its cell's deviation taken out, written so that it
 * cancels nothing: e h(delta / e) with h(x) = (1 + x) ln(1 + x) - x, which
 * is o ln(o / e) - (o - e) for the count o = e + delta.  It is >= 0, and
 * over cells whose counts and expected counts have equal totals these
 * terms add up to the same sum as the terms o ln(o / e).  The caller
 * passes delta = o - e computed without cancelling (o - e itself is
 * inexact once e is large and rounded).
 */
double table2_g2_term(double e, double delta);

#endif
