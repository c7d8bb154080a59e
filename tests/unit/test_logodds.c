/*
 * Unit tests of the weighted log-odds ratio (lib/logodds.c), worked out by
 * hand below; the tidylo values are also what tidylo's bind_log_odds
 * (uninformative = FALSE, unweighted = TRUE) prints for the same tidy
 * tables, run in R 4.2 to check the reading of its code.
 */
#include <math.h>

#include "logodds.h"
#include "unit.h"

#define CHECK_CLOSE(got, want) CHECK(fabs((got) - (want)) <= 1e-12)

static void
test_monroe(void)
{
	struct logodds lo;
	double alpha;

	/*
	 * Groups A (x 3, y 1) and B (x 1, y 3): N = 8, n_x = 4.  With
	 * alpha0 = N the prior of x is alpha0 * 4/8 = 4.  A against B, x:
	 * delta = ln((3 + 4) / (4 + 8 - 3 - 4)) - ln((1 + 4) / (4 + 8 - 1 - 4))
	 *       = ln(7/5) - ln(5/7) = 2 ln 1.4 = 0.6729444732424259
	 * var = 1/7 + 1/5 = 12/35, z = delta / sqrt(12/35) = 1.1492714809
	 */
	alpha = logodds_prior(4, 8, 8);
	CHECK_CLOSE(alpha, 4);
	logodds_monroe(3, 1, 4, 4, alpha, 8, &lo);
	CHECK_CLOSE(lo.delta, 0.6729444732424259);
	CHECK_CLOSE(lo.var, 12.0 / 35);
	CHECK_CLOSE(lo.z, 1.1492714809232924);
	/* y in A is x in B: the same numbers with the sign turned. */
	logodds_monroe(1, 3, 4, 4, alpha, 8, &lo);
	CHECK_CLOSE(lo.z, -1.1492714809232924);
	/*
	 * A (x 2, y 2) against B (y 3, z 1), x, absent from B: alpha_x =
	 * 8 * 2/8 = 2; delta = ln(4 / 8) - ln(2 / 10) = ln 2.5 = 0.9162907319,
	 * var = 1/4 + 1/2, z = 1.0580414014.  The prior keeps it finite.
	 */
	logodds_monroe(2, 0, 4, 4, logodds_prior(2, 8, 8), 8, &lo);
	CHECK_CLOSE(lo.delta, log(2.5));
	CHECK_CLOSE(lo.z, 1.0580414014070053);
	/* A stronger prior (alpha0 = 10 N) shrinks the same z towards 0:
	 * alpha_x = 20, delta = ln(22/62) - ln(20/64) = 0.1271..., smaller. */
	logodds_monroe(2, 0, 4, 4, logodds_prior(2, 8, 80), 80, &lo);
	CHECK_CLOSE(lo.delta, log(22.0 / 62) - log(20.0 / 64));
	CHECK(lo.z > 0 && lo.z < 1.0580414014070053 / 2);
	/* Nothing to compare: an empty reference, an item that is all. */
	logodds_monroe(2, 0, 4, 0, 2, 4, &lo);
	CHECK(lo.delta == 0 && lo.var == 0 && lo.z == 0);
	logodds_monroe(4, 4, 4, 4, 8, 8, &lo);
	CHECK(lo.z == 0);
	CHECK(logodds_prior(3, 0, 8) == 0);
}

static void
test_huge_counts(void)
{
	double k = 1125899906842624.0; /* 2^50 */
	struct logodds lo;

	/*
	 * a = 2^51 of c = 2^52 against b = 2^50 of d = 2^52, alpha0 = N =
	 * 2^53: alpha_w = 3 * 2^50; delta = ln(5/7) - ln(4/8) = ln(10/7),
	 * var = (1/5 + 1/4) / 2^50, z = ln(10/7) 2^25 / sqrt(0.45).
	 */
	logodds_monroe(2 * k, k, 4 * k, 4 * k,
		       logodds_prior(3 * k, 8 * k, 8 * k), 8 * k, &lo);
	CHECK_CLOSE(lo.delta, log(10.0 / 7));
	CHECK(fabs(lo.var * k - 0.45) < 1e-15);
	CHECK(fabs(lo.z / (log(10.0 / 7) * 33554432 / sqrt(0.45)) - 1) < 1e-14);
}

static void
test_tidylo(void)
{
	struct logodds lo;

	/*
	 * The first table: every word in both groups, df = 2, n_w = 4.
	 * P_A = n_x + n_y = 8, S = N + 4 rows * 4 = 24.  A, x:
	 * y_wi = 3 + 4 = 7, n_i = 4 + 8 = 12, y_w = 4 * 3 = 12;
	 * delta = ln(7/5) - ln(12/12) = 0.3364722366212129,
	 * var = 1/7 + 1/12, z = 0.7074765960576860.
	 */
	logodds_tidylo(3, 4, 2, 4, 8, 24, &lo);
	CHECK_CLOSE(lo.delta, 0.3364722366212129);
	CHECK_CLOSE(lo.z, 0.707476596057686);
	/* A, y (count 1): delta = ln(5/7), var = 1/5 + 1/12: -0.6321212635 */
	logodds_tidylo(1, 4, 2, 4, 8, 24, &lo);
	CHECK_CLOSE(lo.z, -0.632121263543861);
	/*
	 * The second: n_x 2 (df 1), n_y 5 (df 2), n_z 1 (df 1), P_A = 7,
	 * P_B = 6, S = 8 + 2 + 5 + 5 + 1 = 21.  A, x: y_wi = 4, n_i = 11,
	 * y_w = 4: delta = ln(4/7) - ln(4/17) = ln(17/7) = 0.8873031950,
	 * z = delta / sqrt(1/2) = 1.2548362123.  B, z: y_wi = 2, n_i = 10,
	 * y_w = 2: delta = ln(2/8) - ln(2/19) = ln(19/8), var = 1, z = delta.
	 */
	logodds_tidylo(2, 2, 1, 4, 7, 21, &lo);
	CHECK_CLOSE(lo.delta, 0.887303195000903);
	CHECK_CLOSE(lo.z, 1.254836212307255);
	logodds_tidylo(1, 1, 1, 4, 6, 21, &lo);
	CHECK_CLOSE(lo.z, 0.864997437486605);
	CHECK_CLOSE(lo.z, log(19.0 / 8));
}

int
main(void)
{
	test_monroe();
	test_tidylo();
	test_huge_counts();
	UNIT_DONE();
}
