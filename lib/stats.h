/*
 * The statistics of sp-count: keyness of an item in a target against a
 * reference, association of a pair of tokens, relative frequency and
 * tf-idf, as sp-count's tables print them today.  Every function takes
 * counts as doubles (exact up to 2^53) and returns plain numbers; the
 * formulas are written out in cmd/sp-count.1, and the keyness and
 * association ones are computed by keyness.h and colloc.h, which have
 * the other measures too.
 */
#ifndef SP_STATS_H
#define SP_STATS_H

struct keyness {
	double g2;		/* signed log-likelihood, Rayson's form */
	double chi2;		/* Pearson's chi-squared of the 2x2 table */
	double log_ratio;	/* Hardie's Log Ratio, binary log */
};

/*
 * Keyness of an item seen a times among the c tokens of the target and b
 * times among the d tokens of the reference (c and d > 0).  G2 is negative
 * when the item is relatively more frequent in the reference.
 */
void stats_keyness(double a, double b, double c, double d,
    struct keyness *k);

struct assoc {
	double pmi;		/* pointwise mutual information, binary log */
	double t;		/* t-score */
	double g2;		/* signed log-likelihood of the 2x2 table */
};

/*
 * Association of the pair (u, v) seen o11 times among n pairs, where r1
 * pairs have u first and c1 pairs have v second (o11 > 0).
 */
void stats_assoc(double o11, double r1, double c1, double n,
    struct assoc *s);

/* Occurrences per 10,000 tokens: count * 10000 / total. */
double stats_per_10k(double count, double total);

/* tf-idf as quanteda's dfm_tfidf default: count * log10(ngroups / df). */
double stats_tfidf(double count, double ngroups, double df);

#endif
