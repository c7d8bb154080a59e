/*
 * Wordscores; see wordscores.h and FORMULAS in sp-scale(1).
 */
#include <math.h>
#include <stdlib.h>

#include "err.h"
#include "wordscores.h"

void
wordscores_fit(struct wordscores *ws, const struct scale_table *t,
	       const double *refscore, double smooth)
{
	double *denom = xcalloc(t->ndocs + 1, sizeof(*denom));
	double base0 = 0, base1 = 0, mean = 0, ss = 0, num, den, f;
	double lowsum = 0, highsum = 0, lown = 0, highn = 0, raw, se;
	size_t i, j, k, nref = 0;
	long *idx;

	ws->nwords = t->nwords;
	ws->word = t->word;
	ws->wordlen = t->wordlen;
	ws->score = xreallocarray(NULL, t->nwords + 1, sizeof(*ws->score));
	ws->ref_min = INFINITY;
	ws->ref_max = -INFINITY;
	/*
	 * F_wr = (C_wr + k) / (N_r + k V): a smoothed count of k in every
	 * cell of a reference text adds the same k / (N_r + k V) to every
	 * word of it, kept aside (base0, base1) so that only the cells with
	 * a count are visited.
	 */
	for (i = 0; i < t->ndocs; i++) {
		if (isnan(refscore[i]))
			continue;
		nref++;
		mean += refscore[i];
		denom[i] = t->rowsum[i] + smooth * (double)t->nwords;
		base0 += smooth / denom[i];
		base1 += smooth / denom[i] * refscore[i];
		if (refscore[i] < ws->ref_min)
			ws->ref_min = refscore[i];
		if (refscore[i] > ws->ref_max)
			ws->ref_max = refscore[i];
	}
	mean /= (double)nref;
	for (i = 0; i < t->ndocs; i++)
		if (!isnan(refscore[i]))
			ss += (refscore[i] - mean) * (refscore[i] - mean);
	ws->ref_sd = nref > 1 ? sqrt(ss / (double)(nref - 1)) : 0;
	for (j = 0; j < t->nwords; j++) {
		num = base1;
		den = base0;
		for (k = t->wstart[j]; k < t->wstart[j + 1]; k++) {
			i = t->wdoc[k];
			if (isnan(refscore[i]))
				continue;
			f = t->wcount[k] / denom[i];
			num += f * refscore[i];
			den += f;
		}
		/* P_wr = F_wr / sum_r F_wr, S_w = sum_r P_wr A_r. */
		ws->score[j] = den > 0 ? num / den : NAN;
	}

	/* The reference texts' raw scores, for Martin and Vanberg. */
	idx = xreallocarray(NULL, t->nwords + 1, sizeof(*idx));
	for (j = 0; j < t->nwords; j++)
		idx[j] = (long)j;
	for (i = 0; i < t->ndocs; i++) {
		if (isnan(refscore[i]) ||
		    (refscore[i] != ws->ref_min && refscore[i] != ws->ref_max))
			continue;
		k = t->dstart[i];
		for (j = 0; j < t->dstart[i + 1] - k; j++)
			idx[j] = (long)t->dword[k + j];
		if (wordscores_place(ws, idx, t->dcount + k,
				     t->dstart[i + 1] - k, &raw, &se) == 0)
			continue;
		if (refscore[i] == ws->ref_min) {
			lowsum += raw;
			lown++;
		}
		if (refscore[i] == ws->ref_max) {
			highsum += raw;
			highn++;
		}
	}
	ws->raw_min = lown > 0 ? lowsum / lown : NAN;
	ws->raw_max = highn > 0 ? highsum / highn : NAN;
	free(idx);
	free(denom);
}

double
wordscores_place(const struct wordscores *ws, const long *word,
		 const double *count, size_t n, double *raw, double *se)
{
	double total = 0, sum = 0, var = 0, d;
	size_t k;

	/* Only the scored words count, in N_v as in F_wv. */
	for (k = 0; k < n; k++)
		if (word[k] >= 0 && !isnan(ws->score[word[k]])) {
			total += count[k];
			sum += count[k] * ws->score[word[k]];
		}
	if (total == 0)
		return 0;
	*raw = sum / total;
	for (k = 0; k < n; k++)
		if (word[k] >= 0 && !isnan(ws->score[word[k]])) {
			d = ws->score[word[k]] - *raw;
			var += count[k] / total * d * d;
		}
	*se = sqrt(var) / sqrt(total);
	return total;
}

int
wordscores_rescale(const struct wordscores *ws, enum wordscores_rescale how,
		   double *raw, double *se, size_t n)
{
	double mean = 0, ss = 0, mult, shift;
	size_t i;

	if (how == WS_RAW)
		return 0;
	if (how == WS_LBG) {
		if (n < 2)
			return -1;
		for (i = 0; i < n; i++)
			mean += raw[i];
		mean /= (double)n;
		for (i = 0; i < n; i++)
			ss += (raw[i] - mean) * (raw[i] - mean);
		if (ss == 0)
			return -1;
		/* S*_v = (S_v - mean) SD_r / SD_v + mean. */
		mult = ws->ref_sd / sqrt(ss / (double)(n - 1));
		shift = mean - mean * mult;
	} else {
		if (!(ws->raw_max != ws->raw_min) || isnan(ws->raw_min))
			return -1;
		/* The lowest and highest references back at their scores. */
		mult =
		    (ws->ref_max - ws->ref_min) / (ws->raw_max - ws->raw_min);
		shift = ws->ref_min - ws->raw_min * mult;
	}
	for (i = 0; i < n; i++) {
		raw[i] = raw[i] * mult + shift;
		se[i] *= fabs(mult);
	}
	return 0;
}

void
wordscores_free(struct wordscores *ws)
{
	free(ws->score);
	ws->score = NULL;
}
