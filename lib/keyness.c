/*
 * The keyness measures of keyness.h, with (a, b, c, d) as there and
 * N = c + d, D = ad - bc (the cross product of the table, contingency.h):
 *
 * G2 (Dunning 1993), over the four cells, as quanteda's textstat_keyness
 *	(measure = "lr", correction = "none"; quanteda adds 1e-9 inside each
 *	log) and AntConc 4's default "Log-Likelihood (4-term)":
 *	2 sum O ln(O / E), 0 ln 0 = 0.
 * G2 with Williams' (1976) correction: G2 / q, q as in contingency.h.
 * G2 two-term (Rayson & Garside 2000, the Lancaster log-likelihood
 *	calculator): 2 (a ln(a / E1) + b ln(b / E2)), E1 = c (a+b) / N,
 *	E2 = d (a+b) / N; it leaves out the two cells of the other words.
 * chi2 (Pearson): N D^2 / ((a+b)(N-a-b) c d).
 * chi2 with Yates' correction: N (|D| - N/2)^2 / (...), 0 if |D| < N/2.
 * Log Ratio (Hardie 2014): log2((a / c) / (b / d)), with 0.5 in place of
 *	a zero a or b, as Hardie's CQPweb does, so that it is always finite.
 * %DIFF (Gabrielatos & Marchi 2012): 100 (a/c - b/d) / (b/d), with 0.5 in
 *	place of a zero b (the same stand-in as Log Ratio); -100 when a = 0.
 *
 * The tests are unsigned; each gets the sign of D.  The effect sizes have
 * their own sign, which is that of D except where the 0.5 stands in for a
 * zero count: an item seen once in a target 3 times the size of the
 * reference and never there has a/c = 1/(3d) < 0.5/d, so a negative Log
 * Ratio, while D > 0.
 */
#include <math.h>
#include <string.h>

#include "contingency.h"
#include "keyness.h"

static const char *const names[KEYNESS_NMEASURES] = {
    "g2", "g2-williams", "g2-2term", "chi2", "chi2-yates", "lr", "pctdiff"};

/* The sign of x: -1, 0 or 1. */
static double
sign(double x)
{
	return (x > 0) - (x < 0);
}

/* Whether (a, b, c, d) is a table with something to compare. */
static int
comparable(double a, double b, double c, double d)
{
	return c > 0 && d > 0 && a >= 0 && b >= 0 && a <= c && b <= d &&
	       a + b > 0;
}

/* The two-term G2, unsigned; a - E1 = D / N = E2 - b. */
static double
two_term(double a, double b, double c, double d, double cross)
{
	double n = c + d, delta = cross / n;

	return 2 * (table2_g2_term(c * (a + b) / n, delta) +
		    table2_g2_term(d * (a + b) / n, -delta));
}

static double
log_ratio(double a, double b, double c, double d)
{
	return log2(((a > 0 ? a : 0.5) / c) / ((b > 0 ? b : 0.5) / d));
}

static double
percent_diff(double a, double b, double c, double d)
{
	double rest = (b > 0 ? b : 0.5) / d;

	return 100 * (a / c - rest) / rest;
}

void
keyness_all(double a, double b, double c, double d,
	    double value[KEYNESS_NMEASURES])
{
	struct table2 t = {a, b, c - a, d - b};
	struct table2_tests k;
	double s;
	int m;

	for (m = 0; m < KEYNESS_NMEASURES; m++)
		value[m] = 0;
	if (!comparable(a, b, c, d))
		return;
	table2_all(&t, &k);
	s = sign(k.cross);
	value[KEYNESS_G2] = s * k.g2;
	value[KEYNESS_G2_WILLIAMS] = s * k.g2 / k.williams;
	value[KEYNESS_G2_TWO_TERM] = s * two_term(a, b, c, d, k.cross);
	value[KEYNESS_CHI2] = s * k.chi2;
	value[KEYNESS_CHI2_YATES] = s * k.yates;
	value[KEYNESS_LOG_RATIO] = log_ratio(a, b, c, d);
	value[KEYNESS_PERCENT_DIFF] = percent_diff(a, b, c, d);
}

/* One measure, computing no other: a table of thousands of groups asks
 * for millions. */
double
keyness(enum keyness_measure m, double a, double b, double c, double d)
{
	struct table2 t = {a, b, c - a, d - b};

	if (!comparable(a, b, c, d))
		return 0;
	switch (m) {
	case KEYNESS_G2:
		return sign(table2_cross(&t)) * table2_g2(&t);
	case KEYNESS_G2_WILLIAMS:
		return sign(table2_cross(&t)) * table2_g2(&t) /
		       table2_williams(&t);
	case KEYNESS_G2_TWO_TERM:
		return sign(table2_cross(&t)) *
		       two_term(a, b, c, d, table2_cross(&t));
	case KEYNESS_CHI2:
		return sign(table2_cross(&t)) * table2_chi2(&t);
	case KEYNESS_CHI2_YATES:
		return sign(table2_cross(&t)) * table2_chi2_yates(&t);
	case KEYNESS_LOG_RATIO:
		return log_ratio(a, b, c, d);
	case KEYNESS_PERCENT_DIFF:
		return percent_diff(a, b, c, d);
	default:
		return 0;
	}
}

int
keyness_has_p(enum keyness_measure m)
{
	return m != KEYNESS_LOG_RATIO && m != KEYNESS_PERCENT_DIFF &&
	       m < KEYNESS_NMEASURES;
}

const char *
keyness_name(enum keyness_measure m)
{
	return m < KEYNESS_NMEASURES ? names[m] : "";
}

int
keyness_lookup(const char *s, size_t len, enum keyness_measure *m)
{
	int i;

	for (i = 0; i < KEYNESS_NMEASURES; i++)
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0) {
			*m = (enum keyness_measure)i;
			return 0;
		}
	return -1;
}

enum keyness_measure
keyness_tiebreak(enum keyness_measure m)
{
	return keyness_has_p(m) ? KEYNESS_LOG_RATIO : KEYNESS_G2;
}

int
keyness_rank_cmp(const struct keyness_rank *x, const struct keyness_rank *y)
{
	size_t len = x->len < y->len ? x->len : y->len;
	int r;

	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	if (x->tie != y->tie)
		return x->tie > y->tie ? -1 : 1;
	if ((r = memcmp(x->item, y->item, len)) != 0)
		return r;
	return (x->len > y->len) - (x->len < y->len);
}

int
keyness_rank_qsort(const void *x, const void *y)
{
	return keyness_rank_cmp(x, y);
}
