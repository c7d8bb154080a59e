/*
 * Dispersion: how evenly an item is spread over the p parts of a corpus
 * (documents, speakers, years: the groups of a count table).  Part i has
 * size_i tokens, s_i = size_i / N of the N tokens of the corpus, and holds
 * the item v_i times, f = sum v_i in all.
 *
 * range		the number of parts with v_i > 0
 * DP			Gries (2008), "Dispersions and adjusted frequencies in
 *			corpora", International Journal of Corpus Linguistics
 *			13(4): 1/2 sum |v_i / f - s_i|.  0 when the item is
 *			spread as the parts' sizes are, up to 1 - min s_i
 *			when all of it is in the smallest part.
 * DPnorm		Lijffijt & Gries (2012), the correction in IJCL 17(1):
 *			DP / (1 - min s_i), which reaches 1.
 * Juilland's D		Juilland & Chang-Rodriguez (1964), Frequency Dictionary
 *			of Spanish Words; for parts of unequal sizes as Gries
 *			(2008) gives it: 1 - CV / sqrt(p - 1), where CV is the
 *			coefficient of variation sigma / mu of the frequencies
 *			per token r_i = v_i / size_i, sigma the population
 *			standard deviation (divided by p).  1 for an even
 *			spread, 0 when all is in one part.  Gries's script and
 *			quanteda.extras divide by p - 1 (R's sd), so their D
 *			is 1 - (1 - D) sqrt(p / (p - 1)), below 0 for an item
 *			of one part.
 *
 * With one part (p = 1) there is no spread to measure: DP and DPnorm are
 * 0 and D is 1.  An item that is absent (f = 0) has every measure 0.
 *
 * Merging: what adds up over parts of the input is the count table, the
 * v_i and size_i; from merged tables every measure here is exact.  The
 * measures themselves do not add up.  Over disjoint sets of whole parts,
 * range adds up, and D can be had from the sums p, sum r_i and sum r_i^2
 * of each set; DP and DPnorm need f and N of the whole corpus inside the
 * absolute value and cannot be combined from the DP of the sets.
 */
#ifndef SP_DISPERSION_H
#define SP_DISPERSION_H

#include <stddef.h>

/* The corpus's parts, as every item's dispersion needs them. */
struct dispersion_parts {
	double nparts;	 /* p, the number of parts */
	double total;	 /* N, the tokens of all parts */
	double min_size; /* the tokens of the smallest part */
};

struct dispersion {
	double freq; /* f */
	double range;
	double dp, dpnorm, juilland;
};

/*
 * The dispersion of an item over parts: count[j] of it in the part of
 * size[j] tokens, for the k parts that hold it (parts that do not may be
 * left out, as in a sparse count table, or passed with count 0).  Every
 * size must be > 0, and the parts passed distinct.
 */
void dispersion_measures(const struct dispersion_parts *parts,
			 const double *count, const double *size, size_t k,
			 struct dispersion *out);

#endif
