/*
 * Keyness: how much more (or less) often an item occurs in a target than
 * in a reference.  An item seen a times among the c tokens of the target
 * and b times among the d tokens of the reference gives the table
 *
 *		target	reference
 *	item	a	b
 *	other	c - a	d - b		N = c + d
 *
 * and every measure below is a function of (a, b, c, d); the formulas, with
 * their references and where they differ from quanteda and AntConc, are
 * in keyness.c and in sp-count(1).  Every measure is signed: negative when
 * the item is relatively more frequent in the reference (a/c < b/d), 0 when
 * the relative frequencies are equal.  With an empty target or reference
 * (c or d 0) there is nothing to compare and every measure is 0.
 */
#ifndef SP_KEYNESS_H
#define SP_KEYNESS_H

#include <stddef.h>

enum keyness_measure {
	KEYNESS_G2,	      /* log-likelihood over the four cells */
	KEYNESS_G2_WILLIAMS,  /* the same with Williams' correction */
	KEYNESS_G2_TWO_TERM,  /* Rayson & Garside's two-term form */
	KEYNESS_CHI2,	      /* Pearson's chi-squared */
	KEYNESS_CHI2_YATES,   /* the same with Yates' correction */
	KEYNESS_LOG_RATIO,    /* Hardie's Log Ratio, binary log */
	KEYNESS_PERCENT_DIFF, /* Gabrielatos & Marchi's %DIFF */
	KEYNESS_NMEASURES
};

/* The measure m of the item (a, b) in a target of c and reference of d. */
double keyness(enum keyness_measure m, double a, double b, double c, double d);

/* Every measure at once, value[m] for each m: the table is built once. */
void keyness_all(double a, double b, double c, double d,
		 double value[KEYNESS_NMEASURES]);

/*
 * Whether the measure is a test statistic with a p-value (pvalue.h, 1 df,
 * of its absolute value): the G2 and chi-squared family, not Log Ratio
 * and %DIFF, which are effect sizes.
 */
int keyness_has_p(enum keyness_measure m);

/*
 * The name of a measure as options and headers spell it: "g2",
 * "g2-williams", "g2-2term", "chi2", "chi2-yates", "lr", "pctdiff".
 */
const char *keyness_name(enum keyness_measure m);

/* The measure named s[0..len); -1 if there is none. */
int keyness_lookup(const char *s, size_t len, enum keyness_measure *m);

/*
 * The measure that orders rows tied on m: Log Ratio for the tests (of two
 * items equally certain, the larger effect first), G2 for the effect sizes
 * (of two equal effects, the better attested first).
 */
enum keyness_measure keyness_tiebreak(enum keyness_measure m);

/*
 * The order of keyness rows: by key descending, then by tie descending,
 * then by item bytewise (C locale) ascending, a prefix first.  key and tie
 * are the measure sorted on and its keyness_tiebreak.  Two rows compare
 * equal only if their items are the same bytes, so the order is total.
 */
struct keyness_rank {
	double key, tie;
	const char *item;
	size_t len;
};

int keyness_rank_cmp(const struct keyness_rank *x,
		     const struct keyness_rank *y);

/* keyness_rank_cmp for qsort on an array of struct keyness_rank. */
int keyness_rank_qsort(const void *x, const void *y);

#endif
