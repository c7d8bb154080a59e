/*
 * Unit tests of sp-scale's library: the sparse table (lib/scale.c), the
 * clustered sums of exponentials (lib/expsum.c) against plain sums,
 * Wordscores on a table worked by hand (lib/wordscores.c), correspondence
 * analysis of a table whose answer is known (lib/ca.c), and Wordfish's
 * placement of a document at the maximum of its log-posterior
 * (lib/wordfish.c).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ca.h"
#include "expsum.h"
#include "scale.h"
#include "wordfish.h"
#include "wordscores.h"
#include "unit.h"

#define CHECK_NEAR(got, want, tol) CHECK(fabs((got) - (want)) <= (tol))

static void
add(struct scale_cells *sc, const char *g, const char *w, double n)
{
	scale_cells_add(sc, g, strlen(g), w, strlen(w), n);
}

static void
test_table(void)
{
	struct scale_cells sc;
	struct scale_table t;

	/* Out of order, a repeated pair, a zero cell, a word of zeros. */
	scale_cells_init(&sc, 0);
	add(&sc, "b", "y", 2);
	add(&sc, "a", "z", 1);
	add(&sc, "b", "x", 1);
	add(&sc, "a", "x", 3);
	add(&sc, "b", "y", 5);
	add(&sc, "a", "y", 0);
	add(&sc, "a", "q", 0);
	CHECK(scale_table_build(&t, &sc) == STRTAB_NONE);
	CHECK_INT(t.ndocs, 2);
	CHECK_INT(t.nwords, 3); /* q has only a zero */
	CHECK_INT(t.ncells, 4);
	CHECK_STR(t.doc[0], "a");
	CHECK_STR(t.word[0], "x");
	CHECK_STR(t.word[2], "z");
	/* Row b: x 1, y 7 in word order. */
	CHECK_INT(t.dstart[1], 2);
	CHECK_INT(t.dword[2], 0);
	CHECK(t.dcount[3] == 7);
	/* Column x: a 3, b 1 in document order. */
	CHECK_INT(t.wdoc[0], 0);
	CHECK(t.wcount[0] == 3 && t.wcount[1] == 1);
	CHECK(t.rowsum[0] == 4 && t.rowsum[1] == 8 && t.total == 12);
	CHECK(t.colsum[1] == 7);
	CHECK_INT(scale_find_word(&t, "y", 1), 1);
	CHECK_INT(scale_find_word(&t, "q", 1), -1);
	CHECK_INT(scale_find_doc(&t, "b", 1), 1);
	scale_table_free(&t);
	scale_cells_free(&sc);

	/* A group with nothing but zeros cannot be placed. */
	scale_cells_init(&sc, 1);
	add(&sc, "b", "x", 0);
	add(&sc, "a", "x", 2);
	add(&sc, "c", "x", 0);
	CHECK(scale_table_build(&t, &sc) == strtab_find(&sc.groups, "b", 1));
	scale_cells_free(&sc);

	/* Merging as it goes (tokens): many repeats, the same table. */
	scale_cells_init(&sc, 1);
	for (int i = 0; i < 100000; i++)
		add(&sc, i % 2 ? "odd" : "even", i % 3 ? "w" : "v", 1);
	CHECK(sc.cap < 100000);
	CHECK(scale_table_build(&t, &sc) == STRTAB_NONE);
	CHECK_INT(t.ncells, 4);
	CHECK(t.total == 100000);
	CHECK(t.dcount[0] == 16667); /* even, v: i = 0, 6, 12, ... */
	scale_table_free(&t);
	scale_cells_free(&sc);
}

static void
test_expsum(void)
{
	struct expsum e;
	double x[500], l[500], f[3], d[3], t, ex, worst = 0, rel;
	uint64_t s = 12345;
	size_t i, n = 500;
	int k, m;

	for (i = 0; i < n; i++) {
		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		x[i] = (double)(s >> 11) / 9007199254740992.0 * 8 - 4;
		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		l[i] = (double)(s >> 11) / 9007199254740992.0 * 6 - 3;
	}
	memset(&e, 0, sizeof(e));
	expsum_build(&e, x, l, n, 3);
	CHECK(e.nclus < n / 4);
	/* Exponents inside the range, and beyond it (smaller clusters). */
	for (k = -40; k <= 40; k++) {
		t = k * 0.25;
		expsum_eval(&e, t, f);
		d[0] = d[1] = d[2] = 0;
		for (i = 0; i < n; i++) {
			ex = exp(l[i] + t * x[i]);
			d[0] += ex;
			d[1] += ex * x[i];
			d[2] += ex * x[i] * x[i];
		}
		for (m = 0; m < 3; m++) {
			/* Relative to the sum of the absolute terms. */
			rel = fabs(f[m] - d[m]) / (m == 1 ? 4 * d[0] : d[m]);
			if (rel > worst)
				worst = rel;
		}
	}
	CHECK(worst < 1e-13);
	expsum_free(&e);
}

static void
test_wordscores(void)
{
	struct scale_cells sc;
	struct scale_table t;
	struct wordscores ws;
	double ref[3] = {-1, 1, NAN}, raw[3], se[3];
	long idx[3];
	size_t i, k, n;

	/* As in tests/sp-scale.bats: S_a = -1, S_b = 0, S_c = 1. */
	scale_cells_init(&sc, 0);
	add(&sc, "L", "a", 1);
	add(&sc, "L", "b", 1);
	add(&sc, "R", "b", 1);
	add(&sc, "R", "c", 1);
	add(&sc, "V", "a", 1);
	add(&sc, "V", "b", 2);
	add(&sc, "V", "c", 1);
	CHECK(scale_table_build(&t, &sc) == STRTAB_NONE);
	wordscores_fit(&ws, &t, ref, 0);
	CHECK_NEAR(ws.score[0], -1, 1e-15);
	CHECK_NEAR(ws.score[1], 0, 1e-15);
	CHECK_NEAR(ws.score[2], 1, 1e-15);
	CHECK_NEAR(ws.ref_sd, sqrt(2), 1e-15);
	CHECK_NEAR(ws.raw_min, -0.5, 1e-15);
	CHECK_NEAR(ws.raw_max, 0.5, 1e-15);
	for (i = 0; i < 3; i++) {
		n = t.dstart[i + 1] - t.dstart[i];
		for (k = 0; k < n; k++)
			idx[k] = t.dword[t.dstart[i] + k];
		CHECK(wordscores_place(&ws, idx, t.dcount + t.dstart[i], n,
				       &raw[i], &se[i]) > 0);
	}
	CHECK_NEAR(raw[2], 0, 1e-15);
	CHECK_NEAR(se[2], sqrt(0.5 / 4), 1e-15);
	/* LBG: the mean 0 stays, the spread becomes SD_r: sqrt(2) / 0.5. */
	CHECK(wordscores_rescale(&ws, WS_LBG, raw, se, 3) == 0);
	CHECK_NEAR(raw[0], -sqrt(2), 1e-14);
	CHECK_NEAR(se[2], sqrt(0.5 / 4) * sqrt(2) / 0.5, 1e-14);
	/* Smoothing by 1 scores a word that only V has. */
	wordscores_free(&ws);
	wordscores_fit(&ws, &t, ref, 1);
	CHECK_NEAR(ws.score[1], 0, 1e-15);
	CHECK(ws.score[0] < 0 && ws.score[0] > -1);
	wordscores_free(&ws);
	scale_table_free(&t);
	scale_cells_free(&sc);
}

/*
 * A 3 x 3 table of two blocks: documents a and b use words x and y, c uses
 * z only.  The first dimension separates c (its singular value is 1), with
 * the standard coordinates of a and b equal; the second is the 2 x 2
 * table of a and b, sigma = (2 * 2 - 1 * 1) / 9.
 */
static void
test_ca(void)
{
	struct scale_cells sc;
	struct scale_table t;
	struct ca_result r;

	scale_cells_init(&sc, 0);
	add(&sc, "a", "x", 2);
	add(&sc, "a", "y", 1);
	add(&sc, "b", "x", 1);
	add(&sc, "b", "y", 2);
	add(&sc, "c", "z", 4);
	CHECK(scale_table_build(&t, &sc) == STRTAB_NONE);
	CHECK_INT(ca_fit(&t, 2, 1e-12, &r), 2);
	CHECK_NEAR(r.sv[0], 1, 1e-9);
	/*
	 * Masses 0.3, 0.3, 0.4; sum r phi = 0 and sum r phi^2 = 1 give
	 * -sqrt(2/3) for a and b and sqrt(3/2) for c, the largest, so +.
	 */
	CHECK_NEAR(r.rowcoord[0], -sqrt(2.0 / 3), 1e-9);
	CHECK_NEAR(r.rowcoord[2], -sqrt(2.0 / 3), 1e-9);
	CHECK_NEAR(r.rowcoord[4], sqrt(1.5), 1e-9);
	/* The second: a against b, sigma = (2 - 1) / 3. */
	CHECK_NEAR(r.sv[1], 1.0 / 3, 1e-9);
	CHECK_NEAR(r.rowcoord[1] + r.rowcoord[3], 0, 1e-9);
	CHECK_NEAR(r.rowcoord[5], 0, 1e-9);
	/* Total inertia: 1 + 1/9. */
	CHECK_NEAR(r.inertia, 1 + 1.0 / 9, 1e-12);
	ca_free(&r);
	scale_table_free(&t);
	scale_cells_free(&sc);
}

/*
 * With psi = 0 and beta = (-1, 1) for two words, a document with counts
 * (y1, y2) and flat priors is placed where y1 / y2 = exp(-2 theta):
 * theta = log(y2 / y1) / 2; its SE from the Hessian is sqrt(1/y1 +
 * 1/y2) / 2.
 */
static void
test_place(void)
{
	struct scale_cells sc;
	struct scale_table t;
	struct wordfish_model m;
	char *names[2] = {"w1", "w2"};
	size_t lens[2] = {2, 2};
	double beta[2] = {-1, 1}, psi[2] = {0, 0}, theta[2], se[2];
	long map[3] = {0, 1, -1};

	m.nwords = 2;
	m.word = names;
	m.wordlen = lens;
	m.beta = beta;
	m.psi = psi;
	m.alpha_prec = m.alpha_mean = m.theta_prec = m.theta_mean = 0;
	scale_cells_init(&sc, 0);
	add(&sc, "d", "w1", 3);
	add(&sc, "d", "w2", 12);
	add(&sc, "e", "w3", 5); /* no word of the model */
	CHECK(scale_table_build(&t, &sc) == STRTAB_NONE);
	wordfish_place(&m, &t, map, 1e-12, theta, se);
	CHECK_NEAR(theta[0], log(4) / 2, 1e-9);
	CHECK_NEAR(se[0], sqrt(1.0 / 3 + 1.0 / 12) / 2, 1e-9);
	CHECK(isnan(theta[1]));
	scale_table_free(&t);
	scale_cells_free(&sc);
}

int
main(void)
{
	test_table();
	test_expsum();
	test_wordscores();
	test_ca();
	test_place();
	UNIT_DONE();
}
