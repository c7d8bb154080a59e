/*
 * p-values of the statistics with a chi-squared distribution of one degree
 * of freedom under independence (G2 and X2 of a 2x2 table): the chance of
 * a statistic at least as large, P(X >= x) = erfc(sqrt(x / 2)), and its
 * text form.  In a corpus most keywords have p far below the smallest
 * double (about 1e-308, reached at x = 1410), so the text form is made
 * from the logarithm of p, which is finite for every finite x.
 */
#ifndef SP_PVALUE_H
#define SP_PVALUE_H

#include <stddef.h>

/*
 * P(X >= x) for X chi-squared with 1 df: erfc(sqrt(x / 2)), to a few
 * roundings; 1 for x <= 0, 0 once it is below the smallest double.
 */
double pvalue_chi2(double x);

/*
 * log10 P(X >= x), to about 1e-15 of its size: from erfc where p is a
 * normal double, from the asymptotic series of erfc beyond.
 */
double pvalue_chi2_log10(double x);

/*
 * Write P(X >= x) to buf as "%.3e" would, four significant digits and at
 * least two digits of exponent ("2.535e-05", "1.000e+00"), but for any p,
 * however small: "7.124e-2174".  Returns what snprintf returns.
 */
int pvalue_format(char *buf, size_t size, double x);

#endif
