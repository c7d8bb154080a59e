/*
 * The chi-squared (1 df) p-values of pvalue.h.  With z = sqrt(x / 2),
 * p = erfc(z).  Where erfc underflows, its asymptotic expansion
 *
 *	erfc(z) = exp(-z^2) / (z sqrt(pi)) (1 - 1/(2z^2) + 1*3/(2z^2)^2 - ...)
 *
 * (Abramowitz & Stegun 7.1.23) gives ln p = -x/2 - ln(z sqrt(pi)) + ln S
 * with S the series in brackets; for z > 26 its terms fall a thousandfold
 * each, so a few give S to a rounding.
 */
#include <math.h>
#include <stdio.h>

#include "pvalue.h"

/* Below this erfc is used no more: p would lose digits to underflow. */
#define SMALLEST_P 1e-300

#define LN_SQRT_PI 0.57236494292470008707 /* ln(sqrt(pi)) */
#define LN_10 2.30258509299404568402

double
pvalue_chi2(double x)
{
	return x > 0 ? erfc(sqrt(x / 2)) : 1;
}

double
pvalue_chi2_log10(double x)
{
	double p = pvalue_chi2(x), term = 1, sum = 1;
	int k;

	if (p >= SMALLEST_P)
		return log10(p);
	/* 2 z^2 is x. */
	for (k = 1; k < 20; k++) {
		term *= -(2 * k - 1) / x;
		sum += term;
		if (fabs(term) < 1e-17)
			break;
	}
	return (-x / 2 - log(sqrt(x / 2)) - LN_SQRT_PI + log(sum)) / LN_10;
}

int
pvalue_format(char *buf, size_t size, double x)
{
	double p = pvalue_chi2(x), l, e, m;
	char digits[16];

	if (p >= SMALLEST_P)
		return snprintf(buf, size, "%.3e", p);
	l = pvalue_chi2_log10(x);
	e = floor(l);
	m = pow(10, l - e);
	/* The mantissa rounded as %.3e would round it: 9.9996 is 1.000e+1. */
	snprintf(digits, sizeof(digits), "%.3f", m);
	if (digits[0] == '1' && digits[1] == '0') {
		snprintf(digits, sizeof(digits), "%.3f", 1.0);
		e += 1;
	}
	return snprintf(buf, size, "%se%.0f", digits, e);
}
