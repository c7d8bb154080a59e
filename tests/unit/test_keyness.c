/*
 * Unit tests of the 2x2 tests (lib/contingency.c), the keyness measures
 * (lib/keyness.c) and their p-values (lib/pvalue.c).  Every expected value
 * is worked out by hand in the comment beside it, from the formulas in
 * keyness.c; tests/ref/keyness.awk is the second implementation that
 * test_ref compares with on generated tables.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "contingency.h"
#include "keyness.h"
#include "pvalue.h"
#include "unit.h"

/* Within 1e-9 of want, relative to it where it is larger than 1. */
#define CHECK_CLOSE(got, want)                                                 \
	CHECK(fabs((got) - (want)) <= 1e-9 * fmax(1, fabs(want)))

static void
check_all(double a, double b, double c, double d, const double *want)
{
	double got[KEYNESS_NMEASURES];
	int m;

	keyness_all(a, b, c, d, got);
	for (m = 0; m < KEYNESS_NMEASURES; m++) {
		CHECK_CLOSE(got[m], want[m]);
		CHECK_CLOSE(keyness((enum keyness_measure)m, a, b, c, d),
			    want[m]);
	}
}

static void
test_small_tables(void)
{
	/*
	 * a=2 of c=3, b=1 of d=3: cells 2 1 / 1 2, every margin 3, N = 6,
	 * every E = 1.5, D = 4 - 1 = 3.
	 * G2 = 2(2 ln(4/3) + ln(2/3) + ln(2/3) + 2 ln(4/3))
	 *    = 8 ln(4/3) + 4 ln(2/3) = 0.6795961471815899
	 * q = 1 + (2 + 2 - 1)(2 + 2 - 1) / 36 = 1.25: G2 / q = 0.5436769177
	 * two terms: 2(2 ln(4/3) + ln(2/3)) = 0.3397980735907949
	 * chi2 = 6 * 9 / 81 = 2/3; Yates: |D| - N/2 = 0, so 0
	 * LR = log2((2/3) / (1/3)) = 1; %DIFF = 100 (2/3 - 1/3) / (1/3) = 100
	 */
	const double t1[] = {0.6795961471815899,
			     0.5436769177452719,
			     0.3397980735907949,
			     2.0 / 3,
			     0,
			     1,
			     100};
	/*
	 * a=1 of 3, b=0 of 3: cells 1 0 / 2 3, margins R 1 5, C 3 3, E 0.5
	 * 0.5 2.5 2.5, D = 3.
	 * G2 = 2(ln 2 + 0 + 2 ln 0.8 + 3 ln 1.2) = 1.5876494966267794
	 * q = 1 + (6 + 1.2 - 1)(2 + 2 - 1) / 36 = 1.5166..: 1.0468018659
	 * two terms: 2 ln 2 = 1.3862943611198906
	 * chi2 = 6 * 9 / (1 * 5 * 3 * 3) = 1.2; Yates: 3 - 3 = 0
	 * LR: b = 0 counts as 0.5: log2((1/3) / (0.5/3)) = 1
	 * %DIFF = 100 (1/3 - 0.5/3) / (0.5/3) = 100
	 */
	const double t2[] = {1.5876494966267794,
			     1.0468018659077666,
			     1.3862943611198906,
			     1.2,
			     0,
			     1,
			     100};
	/* The same item absent from the target: every sign flips, %DIFF is
	 * -100 (a/c = 0) whatever stands in for zero. */
	const double t3[] = {-1.5876494966267794,
			     -1.0468018659077666,
			     -1.3862943611198906,
			     -1.2,
			     0,
			     -1,
			     -100};
	/* Equal relative frequencies, 2/10 and 4/20: D = 40 - 40 = 0. */
	const double zero[KEYNESS_NMEASURES] = {0};
	/*
	 * a=9 of 10, b=1 of 10: cells 9 1 / 1 9, margins 10, E = 5, D = 80.
	 * Yates: N (|D| - N/2)^2 / 10^4 = 20 * 70^2 / 10^4 = 9.8, beside
	 * chi2 = 20 * 6400 / 10^4 = 12.8.
	 * G2 = 2(9 ln 1.8 + ln 0.2) * 2 = 36 ln 1.8 + 4 ln 0.2
	 *    = 36 * 0.5877866649 - 4 * 1.6094379124 = 14.7225682867
	 * q = 1 + (2 + 2 - 1)^2 / 120 = 1.075
	 * two terms: 2(9 ln 1.8 + ln 0.2) = 7.3612808557
	 * LR = log2(9) = 3.1699250014; %DIFF = 800
	 */
	const double t4[] = {36 * log(1.8) + 4 * log(0.2),
			     (36 * log(1.8) + 4 * log(0.2)) / 1.075,
			     18 * log(1.8) + 2 * log(0.2),
			     12.8,
			     9.8,
			     log2(9),
			     800};

	check_all(2, 1, 3, 3, t1);
	check_all(1, 0, 3, 3, t2);
	check_all(0, 1, 3, 3, t3);
	check_all(2, 4, 10, 20, zero);
	check_all(9, 1, 10, 10, t4);
	CHECK_CLOSE(t4[0], 14.7225682867399);
}

static void
test_degenerate(void)
{
	const double zero[KEYNESS_NMEASURES] = {0};
	struct table2 t = {0, 0, 3, 4};

	/* One group: no reference (d = 0), or no target. */
	check_all(2, 0, 5, 0, zero);
	check_all(0, 2, 0, 5, zero);
	/* An item in no group, counts beyond their group's size. */
	check_all(0, 0, 5, 5, zero);
	check_all(6, 1, 5, 5, zero);
	/* An item that is every token of both: no "other" row. */
	check_all(5, 5, 5, 5, zero);
	/* An empty row, a negative cell: 0, and q = 1. */
	CHECK(table2_g2(&t) == 0);
	CHECK(table2_chi2(&t) == 0);
	CHECK(table2_williams(&t) == 1);
	t.o11 = -1;
	t.o12 = 2;
	CHECK(table2_g2(&t) == 0);
	CHECK(table2_chi2_yates(&t) == 0);
}

static void
test_huge_counts(void)
{
	double k = 1099511627776.0;    /* 2^40 */
	double c = 4503599627370496.0; /* 2^52 */
	double v[KEYNESS_NMEASURES];
	struct table2 t = {100000004, 100000001, 100000001, 99999998};

	/*
	 * G2 and chi2 grow with the table: (2, 1, 3, 3) times 2^40 has
	 * 2^40 times the G2 and chi2 of (2, 1, 3, 3) (test_small_tables), and
	 * the same Log Ratio and %DIFF; every count is still below 2^53.
	 */
	keyness_all(2 * k, k, 3 * k, 3 * k, v);
	CHECK(fabs(v[KEYNESS_G2] / k - 0.6795961471815899) < 1e-12);
	CHECK(fabs(v[KEYNESS_CHI2] / k - 2.0 / 3) < 1e-12);
	CHECK(fabs(v[KEYNESS_LOG_RATIO] - 1) < 1e-12);
	/*
	 * A rare item in two corpora of 2^52 tokens: a=5, b=10.  E1 = E2 =
	 * 7.5, and the two cells of the other words, 2^52 - 5 and 2^52 - 10
	 * against E = 2^52 - 7.5, add only 2 sum 2.5^2 / (2 * 2^52) = 3e-15:
	 * G2 = 2(5 ln(2/3) + 10 ln(4/3)) = 1.6989903679539747.  (Their
	 * terms o ln(o/E) are each 2.5 in size; summed as the textbook does,
	 * a rounding of o/E, 1e-16, times 2^52 is already 0.45.)
	 * chi2 = N D^2 / (R1 R2 C1 C2) = 2^53 (5 * 2^52)^2 /
	 * (15 (2^53 - 15) 2^104) = 25/15 (1 + 1.7e-15) = 1.6666666666666694
	 */
	keyness_all(5, 10, c, c, v);
	CHECK(fabs(v[KEYNESS_G2] + 1.6989903679539747) < 1e-12);
	CHECK(fabs(v[KEYNESS_G2_TWO_TERM] + 1.6989903679539747) < 1e-12);
	CHECK(fabs(v[KEYNESS_CHI2] + 1.6666666666666694) < 1e-12);
	/*
	 * The cross product past 2^53: (m + 3)(m - 3) - m^2 = -9 for
	 * m = 100000001, whose square 10000000200000001 is odd and above 2^53,
	 * so not a double: subtracting the rounded products gives -8 or -10.
	 */
	CHECK(table2_cross(&t) == -9);
}

static void
test_pvalues(void)
{
	char buf[64];

	/* Critical values of chi-squared, 1 df. */
	CHECK(pvalue_chi2(0) == 1);
	CHECK(pvalue_chi2(-3) == 1);
	CHECK(fabs(pvalue_chi2(3.841458820694124) - 0.05) < 1e-15);
	CHECK(fabs(pvalue_chi2(6.634896601021214) - 0.01) < 1e-16);
	/* p = erfc(sqrt(x/2)) ~ 1 - sqrt(2x/pi) for small x: 1 - 7.979e-7. */
	CHECK(fabs(pvalue_chi2(1e-12) - 0.9999992021154392) < 1e-15);
	/*
	 * Past the underflow the series: x = 2000, z^2 = 1000,
	 * ln p = -1000 - ln(sqrt(1000 pi)) + ln(1 - 1/2000 + 3/2000^2)
	 *      = -1000 - 4.0262432 - 0.0004994 = -1004.0267426,
	 * log10 p = -436.04327372.
	 */
	CHECK(pvalue_chi2(2000) == 0);
	CHECK(fabs(pvalue_chi2_log10(2000) + 436.0432737160729) < 1e-9);
	/* Both sides of the switch agree: erfc at 1300, the series at 1500.
	 * 1500: ln p = -750 - ln(sqrt(750 pi)) + ln(1 - 1/1500) */
	CHECK(fabs(pvalue_chi2_log10(1300) - log10(erfc(sqrt(650)))) < 1e-12);
	CHECK(fabs(pvalue_chi2_log10(1500) + 327.4072560441665) < 1e-9);
	CHECK(fabs(pvalue_chi2_log10(1e6) + 217150.33901199872) < 1e-6);
	/* The text form: %.3e as long as p is a double, then from the log. */
	pvalue_format(buf, sizeof(buf), 0);
	CHECK_STR(buf, "1.000e+00");
	pvalue_format(buf, sizeof(buf), 3.841458820694124);
	CHECK_STR(buf, "5.000e-02");
	pvalue_format(buf, sizeof(buf), 2000);
	CHECK_STR(buf, "9.052e-437"); /* 10^0.95672628 = 9.0516 */
	pvalue_format(buf, sizeof(buf), 1e4);
	CHECK_STR(buf, "2.688e-2174"); /* 10^0.42948713 = 2.6884 */
}

static void
test_names(void)
{
	enum keyness_measure m;
	int i;

	for (i = 0; i < KEYNESS_NMEASURES; i++) {
		const char *s = keyness_name((enum keyness_measure)i);

		CHECK_INT(keyness_lookup(s, strlen(s), &m), 0);
		CHECK_INT(m, i);
	}
	CHECK_STR(keyness_name(KEYNESS_G2_TWO_TERM), "g2-2term");
	CHECK_INT(keyness_lookup("g2x", 3, &m), -1);
	CHECK_INT(keyness_lookup("g2-williams", 2, &m), 0);
	CHECK_INT(m, KEYNESS_G2);
	CHECK_INT(keyness_has_p(KEYNESS_CHI2_YATES), 1);
	CHECK_INT(keyness_has_p(KEYNESS_PERCENT_DIFF), 0);
	CHECK_INT(keyness_tiebreak(KEYNESS_G2), KEYNESS_LOG_RATIO);
	CHECK_INT(keyness_tiebreak(KEYNESS_LOG_RATIO), KEYNESS_G2);
}

static void
test_order(void)
{
	/*
	 * Sorted: the larger key first; on equal keys the larger tie first;
	 * on both equal, bytewise, a prefix before what extends it, and a
	 * byte above 127 after ASCII (bytes compare unsigned).
	 */
	struct keyness_rank r[] = {
	    {1, 0, "zz", 2},   {5, 1, "b", 1}, {5, 2, "c", 1},
	    {5, 1, "ab", 2},   {5, 1, "a", 1}, {5, 1, "\303\251", 2},
	    {-2, 9, "neg", 3},
	};
	const char *want[] = {"c", "a", "ab", "b", "\303\251", "zz", "neg"};
	size_t i, n = sizeof(r) / sizeof(r[0]);

	qsort(r, n, sizeof(r[0]), keyness_rank_qsort);
	for (i = 0; i < n; i++)
		CHECK_STR(r[i].item, want[i]);
	CHECK_INT(keyness_rank_cmp(&r[1], &r[1]), 0);
}

int
main(void)
{
	test_small_tables();
	test_degenerate();
	test_huge_counts();
	test_pvalues();
	test_names();
	test_order();
	UNIT_DONE();
}
