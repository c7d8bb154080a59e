/*
 * Unit tests of the window collocation measures (lib/colloc.c), worked out
 * by hand from the pairs of a four-token text.
 */
#include <math.h>

#include "colloc.h"
#include "unit.h"

#define CHECK_CLOSE(got, want) CHECK(fabs((got) - (want)) <= 1e-12)

static void
test_window(void)
{
	struct colloc_counts k;
	struct colloc_stats s;

	/*
	 * "a b a c", one run, window L1 R1: the pairs (token, neighbour) are
	 * a-b; b-a, b-a; a-b, a-c; c-a: n = 6 (not S N = 8: the ends have
	 * one neighbour).  Node a: r1 = 3; collocate b: c1 = 2, o = 2.
	 * E = 3 * 2 / 6 = 1, MI = log2 2 = 1, t = (2 - 1) / sqrt 2.
	 * Table 2 1 / 0 3, margins R 3 3, C 2 4, E 1 2 / 1 2:
	 * G2 = 2(2 ln 2 + ln(1/2) + 3 ln(3/2)) = 3.8190850097688769.
	 * logDice with f_a = 2, f_b = 1: 14 + log2(4/3) = 14.4150374992788
	 */
	k = (struct colloc_counts){2, 3, 2, 6, 2, 1};
	CHECK_INT(colloc_measures(&k, &s), 0);
	CHECK_CLOSE(s.e, 1);
	CHECK_CLOSE(s.mi, 1);
	CHECK_CLOSE(s.t, 1 / sqrt(2));
	CHECK_CLOSE(s.g2, 3.8190850097688769);
	CHECK_CLOSE(s.logdice, 14.415037499278844);
	/*
	 * Collocate c: o = 1, c1 = 1, E = 0.5, MI = 1, t = 0.5; table
	 * 1 2 / 0 3 with E .5 2.5 / .5 2.5:
	 * G2 = 2(ln 2 + 2 ln 0.8 + 3 ln 1.2) = 1.5876494966267794;
	 * logDice = 14 + log2(2/3) = 13.415037499278844
	 */
	k = (struct colloc_counts){1, 3, 1, 6, 2, 1};
	CHECK_INT(colloc_measures(&k, &s), 0);
	CHECK_CLOSE(s.e, 0.5);
	CHECK_CLOSE(s.t, 0.5);
	CHECK_CLOSE(s.g2, 1.5876494966267794);
	CHECK_CLOSE(s.logdice, 13.415037499278844);
	/* Less often together than apart: MI, t and G2 negative. */
	k = (struct colloc_counts){1, 5, 5, 10, 5, 5};
	CHECK_INT(colloc_measures(&k, &s), 0);
	CHECK_CLOSE(s.e, 2.5);
	CHECK_CLOSE(s.mi, log2(0.4));
	CHECK(s.t < 0 && s.g2 < 0);
	/* Never together: MI, t and logDice are not defined and are 0. */
	k = (struct colloc_counts){0, 5, 5, 10, 5, 5};
	CHECK_INT(colloc_measures(&k, &s), 0);
	CHECK(s.mi == 0 && s.t == 0 && s.logdice == 0 && s.g2 < 0);
	/* Counts no text gives (o > c1): a negative cell, G2 0, reported. */
	k = (struct colloc_counts){3, 4, 2, 10, 2, 1};
	CHECK_INT(colloc_measures(&k, &s), -1);
	CHECK(s.g2 == 0);
	/*
	 * Huge counts: the first table times 2^40 has 2^40 times the G2,
	 * 2^20 times the t, and the same E ratio, MI and logDice.
	 */
	k = (struct colloc_counts){2 * 0x1p40, 3 * 0x1p40, 2 * 0x1p40,
				   6 * 0x1p40, 2 * 0x1p40, 0x1p40};
	CHECK_INT(colloc_measures(&k, &s), 0);
	CHECK(fabs(s.g2 / 0x1p40 - 3.8190850097688769) < 1e-12);
	CHECK(fabs(s.t / 0x1p20 - 1 / sqrt(2)) < 1e-12);
	CHECK_CLOSE(s.mi, 1);
	CHECK_CLOSE(s.logdice, 14.415037499278844);
	/* No pairs at all. */
	k = (struct colloc_counts){0, 0, 0, 0, 0, 0};
	colloc_measures(&k, &s);
	CHECK(s.e == 0 && s.mi == 0 && s.g2 == 0);
}

int
main(void)
{
	test_window();
	UNIT_DONE();
}
