/*
 * The dispersion measures of dispersion.h.  A count table is sparse (most
 * items are in few parts), so the parts without the item are accounted
 * for in bulk: they add their sizes to DP's sum and their zero frequencies
 * to D's variance, without being visited.  DP is summed in tokens, not
 * proportions, so that N - (sizes of the parts visited) is exact.
 */
#include <math.h>

#include "dispersion.h"

void
dispersion_measures(const struct dispersion_parts *parts, const double *count,
		    const double *size, size_t k, struct dispersion *out)
{
	double n = parts->total, p = parts->nparts, f = 0, seen = 0, dev = 0;
	double mean = 0, var, cv;
	size_t j;

	out->freq = out->range = out->dp = out->dpnorm = out->juilland = 0;
	for (j = 0; j < k; j++) {
		f += count[j];
		out->range += count[j] > 0;
		mean += count[j] / size[j];
	}
	out->freq = f;
	if (f <= 0 || n <= 0 || p < 1)
		return;
	if (p < 2) {
		out->juilland = 1;
		return;
	}
	/* DP = 1/2 sum |v_i N / f - size_i| / N, in tokens. */
	for (j = 0; j < k; j++) {
		dev += fabs(count[j] * (n / f) - size[j]);
		seen += size[j];
	}
	out->dp = (dev + (n - seen)) / (2 * n);
	if (n > parts->min_size)
		out->dpnorm = out->dp * (n / (n - parts->min_size));
	/* The parts not passed hold r_i = 0, each (0 - mean)^2 from it. */
	mean /= p;
	var = (p - (double)k) * mean * mean;
	for (j = 0; j < k; j++)
		var +=
		    (count[j] / size[j] - mean) * (count[j] / size[j] - mean);
	cv = sqrt(var / p) / mean;
	out->juilland = 1 - cv / sqrt(p - 1);
	/* Only roundings take it out of [0, 1]. */
	out->juilland = fmin(fmax(out->juilland, 0), 1);
}
