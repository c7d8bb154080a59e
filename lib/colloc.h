/*
 * Association of a node word and a collocate seen near it: the measures
 * of collocations in a window (AntConc's Collocate tool, #LancsBox, Brezina,
 * McEnery & Wattam 2015, "Collocations in context", International Journal
 * of Corpus Linguistics 20(2)).
 *
 * Counts are of pairs, one for each token and each position of its window
 * that holds a token of the same run (sentence): with a window of L tokens
 * to the left and R to the right, a token far from the ends of its run
 * makes S = L + R pairs.  Of all n pairs, r1 have the node first (the
 * node's window positions), c1 the collocate second, o both: the table
 *
 *		collocate	other
 *	node	o		r1 - o
 *	other	c1 - o		n - r1 - c1 + o
 *
 * which is consistent whatever the text (no cell is negative), so that G2
 * is well defined, and adds up exactly over parts of a text cut between
 * runs.  Far from run ends r1 = S f_node, c1 = S f_coll and n = S N for
 * token frequencies f and N tokens, so E = r1 c1 / n = S f_node f_coll / N,
 * the expected co-occurrence of AntConc and #LancsBox; sp's counts differ
 * from those only in that a window cut by the end of a run has fewer
 * positions, which they count all the same.
 *
 *	E       = r1 c1 / n
 *	MI      = log2(o / E)			Church & Hanks 1990
 *	t       = (o - E) / sqrt(o)		Church et al. 1991
 *	G2      = 2 sum O ln(O / E) over the table, negative when o < E
 *						Dunning 1993
 *	logDice = 14 + log2(2 o / (f_node + f_coll))	Rychly 2008
 *
 * logDice takes the token frequencies of the two words (the counts of
 * Rychly's definition), not the pair margins.  MI, t and logDice are not
 * defined for o = 0 and are then 0.
 */
#ifndef SP_COLLOC_H
#define SP_COLLOC_H

struct colloc_counts {
	double o;      /* pairs of the node and the collocate */
	double r1;     /* pairs with the node first */
	double c1;     /* pairs with the collocate second */
	double n;      /* all pairs */
	double f_node; /* tokens of the node word */
	double f_coll; /* tokens of the collocate */
};

struct colloc_stats {
	double e, mi, t, g2, logdice;
};

/*
 * The measures of the counts k.  Returns 0, or -1 if the table has a
 * negative cell (counts that no text gives), when g2 is 0.
 */
int colloc_measures(const struct colloc_counts *k, struct colloc_stats *s);

#endif
