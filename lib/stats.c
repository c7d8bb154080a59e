/*
 * The statistics of stats.h.  The formulas live in keyness.c and colloc.c
 * (zero counts are their only special cases: a term 0 * ln(0 / E) of a
 * log-likelihood sum is 0, and Log Ratio replaces a zero frequency by 0.5
 * as Hardie recommends, so every result is finite); this file picks the
 * ones that sp-count's tables print today.
 */
#include <math.h>

#include "colloc.h"
#include "keyness.h"
#include "stats.h"

void
stats_keyness(double a, double b, double c, double d, struct keyness *k)
{
	k->g2 = keyness(KEYNESS_G2_TWO_TERM, a, b, c, d);
	k->chi2 = fabs(keyness(KEYNESS_CHI2, a, b, c, d));
	k->log_ratio = keyness(KEYNESS_LOG_RATIO, a, b, c, d);
}

void
stats_assoc(double o11, double r1, double c1, double n, struct assoc *s)
{
	struct colloc_counts k = {o11, r1, c1, n, 0, 0};
	struct colloc_stats cs;

	colloc_measures(&k, &cs);
	s->pmi = cs.mi;
	s->t = cs.t;
	s->g2 = cs.g2;
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
