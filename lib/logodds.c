/*
 * The weighted log-odds ratios of logodds.h.  Both forms are the same
 * computation on pseudo-counts (counts with their prior added): the log of
 * the odds of the item in one set minus the log of its odds in another,
 * over the square root of the sum of the reciprocal pseudo-counts.
 */
#include <math.h>

#include "logodds.h"

/*
 * The item seen y of n times in one set and yy of nn times in the other;
 * the odds are y / (n - y), and the rest of n, n - y, is passed as rest
 * because the caller can compute it without cancelling.
 */
static void
weighted(double y, double rest, double yy, double rest2, struct logodds *out)
{
	out->delta = out->var = out->z = 0;
	if (y <= 0 || rest <= 0 || yy <= 0 || rest2 <= 0)
		return;
	out->delta = log(y / rest) - log(yy / rest2);
	out->var = 1 / y + 1 / yy;
	out->z = out->delta / sqrt(out->var);
}

double
logodds_prior(double count, double total, double alpha0)
{
	return total > 0 ? alpha0 * (count / total) : 0;
}

void
logodds_monroe(double a, double b, double c, double d, double alpha_w,
	       double alpha0, struct logodds *out)
{
	if (c <= 0 || d <= 0 || a > c || b > d) {
		out->delta = out->var = out->z = 0;
		return;
	}
	weighted(a + alpha_w, (c - a) + (alpha0 - alpha_w), b + alpha_w,
		 (d - b) + (alpha0 - alpha_w), out);
}

void
logodds_tidylo(double a, double n_w, double df_w, double c, double prior_i,
	       double total_pseudo, struct logodds *out)
{
	double y_w = n_w * (1 + df_w);

	weighted(a + n_w, (c - a) + (prior_i - n_w), y_w, total_pseudo - y_w,
		 out);
}
