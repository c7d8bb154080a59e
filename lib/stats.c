/*
 * The statistics of stats.h.  Zero counts are the only special cases: a
 * term 0 * ln(0 / E) of a log-likelihood sum is 0, and Log Ratio replaces a
 * zero frequency by 0.5 as Hardie recommends, so every result is finite.
 */
#include <math.h>

#include "stats.h"

/* One term o * ln(o / e) of a log-likelihood sum. */
static double
ll_term(double o, double e)
{
	return o > 0 && e > 0 ? o * log(o / e) : 0;
}

void
stats_keyness(double a, double b, double c, double d, struct keyness *k)
{
	double n = c + d, e1 = c * (a + b) / n, e2 = d * (a + b) / n;
	double denom = (a + b) * (n - a - b) * c * d, diff = a * d - b * c;

	k->g2 = 2 * (ll_term(a, e1) + ll_term(b, e2));
	if (diff < 0)
		k->g2 = -k->g2;
	k->chi2 = denom > 0 ? n * diff * diff / denom : 0;
	k->log_ratio = log2(((a > 0 ? a : 0.5) / c) / ((b > 0 ? b : 0.5) / d));
}

void
stats_assoc(double o11, double r1, double c1, double n, struct assoc *s)
{
	double e11 = r1 * c1 / n, e12 = r1 * (n - c1) / n;
	double e21 = (n - r1) * c1 / n, e22 = (n - r1) * (n - c1) / n;

	s->pmi = log2(o11 / e11);
	s->t = (o11 - e11) / sqrt(o11);
	s->g2 = 2 * (ll_term(o11, e11) + ll_term(r1 - o11, e12) +
	    ll_term(c1 - o11, e21) + ll_term(n - r1 - c1 + o11, e22));
	if (o11 < e11)
		s->g2 = -s->g2;
}

double
stats_per_10k(double count, double total)
{
	return total > 0 ? count * 10000 / total : 0;
}

double
stats_tfidf(double count, double ngroups, double df)
{
	return df > 0 ? count * log10(ngroups / df) : 0;
}
