/*
 * Wordscores (Laver, Benoit & Garry 2003): reference texts with known
 * positions give every word a score, and a text's position is the mean
 * score of its words.  The formulas, with where sp follows quanteda and
 * where it does not, are in sp-scale(1).
 */
#ifndef SP_WORDSCORES_H
#define SP_WORDSCORES_H

#include <stddef.h>

#include "scale.h"

struct wordscores {
	size_t nwords;
	char **word; /* bytewise order; owned by whoever made it */
	size_t *wordlen;
	double *score;		 /* S_w, or NAN for a word no reference has */
	double ref_sd;		 /* SD_r: sample sd of the reference scores */
	double ref_min, ref_max; /* the lowest and highest A_r */
	double raw_min, raw_max; /* mean raw score of the references
				  * at ref_min and at ref_max (MV) */
};

/*
 * Score the words of t from the documents whose refscore is a number (the
 * others, NAN, are virgin texts), with smooth added to every count of every
 * reference text for every word of t first.  ws->word points into t.  At
 * least two reference texts with different scores are needed (the caller
 * checks).
 */
void wordscores_fit(struct wordscores *ws, const struct scale_table *t,
		    const double *refscore, double smooth);

/*
 * The raw score and its standard error of a text given as its words (by
 * index in ws, -1 for a word ws does not know) and their counts; return the
 * number of scored tokens (0: no position).
 */
double wordscores_place(const struct wordscores *ws, const long *word,
			const double *count, size_t n, double *raw, double *se);

enum wordscores_rescale { WS_RAW, WS_LBG, WS_MV };

/*
 * Rescale n raw scores and their standard errors in place: LBG's
 * transformation uses the mean and sd of these n scores, Martin and
 * Vanberg's the reference texts' raw scores in ws.  Return -1 if the
 * transformation is not defined (LBG: fewer than two texts, or all with
 * the same raw score).
 */
int wordscores_rescale(const struct wordscores *ws, enum wordscores_rescale how,
		       double *raw, double *se, size_t n);

void wordscores_free(struct wordscores *ws);

#endif
