/*
 * Unit tests of the dispersion measures (lib/dispersion.c), worked out by
 * hand for a corpus of three parts of 10, 20 and 70 tokens.
 */
#include <math.h>

#include "dispersion.h"
#include "unit.h"

#define CHECK_CLOSE(got, want) CHECK(fabs((got) - (want)) <= 1e-12)

static void
test_three_parts(void)
{
	struct dispersion_parts parts = {3, 100, 10};
	const double size[] = {10, 20, 70}, sparse_size[] = {10, 70};
	const double v[] = {2, 0, 8}, sparse_v[] = {2, 8};
	const double even[] = {1, 2, 7}, lumped[] = {5};
	struct dispersion d;

	/*
	 * v = (2, 0, 8), f = 10, s = (.1, .2, .7):
	 * DP = (|.2 - .1| + |0 - .2| + |.8 - .7|) / 2 = 0.2,
	 * DPnorm = 0.2 / (1 - .1) = 2/9.
	 * r = (1/5, 0, 4/35), mean 11/105, deviations 10/105, -11/105,
	 * 1/105: sigma^2 = 222 / 11025 / 3 = 74/11025, CV = sqrt(74)/11,
	 * D = 1 - sqrt(74) / (11 sqrt 2) = 1 - sqrt(37)/11 = 0.4470215882
	 */
	dispersion_measures(&parts, v, size, 3, &d);
	CHECK_CLOSE(d.freq, 10);
	CHECK_CLOSE(d.range, 2);
	CHECK_CLOSE(d.dp, 0.2);
	CHECK_CLOSE(d.dpnorm, 2.0 / 9);
	CHECK_CLOSE(d.juilland, 1 - sqrt(37) / 11);
	/* The same from the parts that hold it, as a count table has it. */
	dispersion_measures(&parts, sparse_v, sparse_size, 2, &d);
	CHECK_CLOSE(d.range, 2);
	CHECK_CLOSE(d.dp, 0.2);
	CHECK_CLOSE(d.dpnorm, 2.0 / 9);
	CHECK_CLOSE(d.juilland, 1 - sqrt(37) / 11);
	/* Spread as the sizes are: DP 0, every r_i 0.1 so D = 1. */
	dispersion_measures(&parts, even, size, 3, &d);
	CHECK_CLOSE(d.dp, 0);
	CHECK_CLOSE(d.juilland, 1);
	/*
	 * All in the smallest part: DP = (.9 + .2 + .7) / 2 = .9 = 1 - min s,
	 * DPnorm 1; r = (.5, 0, 0) has CV sqrt 2 = sqrt(p - 1): D = 0.
	 */
	dispersion_measures(&parts, lumped, size, 1, &d);
	CHECK_CLOSE(d.dp, 0.9);
	CHECK_CLOSE(d.dpnorm, 1);
	CHECK_CLOSE(d.juilland, 0);
	CHECK_CLOSE(d.range, 1);
}

static void
test_edges(void)
{
	struct dispersion_parts one = {1, 50, 50}, many = {4, 4e15, 1e15};
	const double fifty[] = {50}, three[] = {3};
	const double big[] = {1e15, 1e15, 1e15, 1e15};
	const double counts[] = {4503599627370496.0, 1, 1, 1};
	const double zero[] = {0};
	struct dispersion d;

	/* One part: nothing to spread over; DP 0, D 1. */
	dispersion_measures(&one, three, fifty, 1, &d);
	CHECK_CLOSE(d.dp, 0);
	CHECK_CLOSE(d.dpnorm, 0);
	CHECK_CLOSE(d.juilland, 1);
	CHECK_CLOSE(d.range, 1);
	/* An absent item. */
	dispersion_measures(&one, zero, fifty, 1, &d);
	CHECK(d.freq == 0 && d.dp == 0 && d.juilland == 0 && d.range == 0);
	/*
	 * Huge counts: 2^52 + 3 of the item over four parts of 1e15, nearly
	 * all in the first: DP = (|f1/f - 1/4| + 3 |1/f - 1/4|) / 2, which is
	 * 3/4 - 3/f to within 1e-16 (f = 2^52 + 3), and DPnorm = DP / (3/4).
	 */
	dispersion_measures(&many, counts, big, 4, &d);
	CHECK_CLOSE(d.dp, 0.75);
	CHECK_CLOSE(d.dpnorm, 1);
	CHECK(d.juilland >= 0 && d.juilland < 1e-12);
}

int
main(void)
{
	test_three_parts();
	test_edges();
	UNIT_DONE();
}
