/*
 * Unit tests of the lexical diversity measures (lib/lexdiv.c): small
 * token sequences worked out by hand in the comments, to the four
 * decimals sp prints; an empty group and a one-token group; parts of
 * documents added up; a group reset and reused; and the C against
 * tests/ref/lexdiv.awk, an independent brute-force implementation, on
 * generated token streams with several windows, segments and thresholds.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"
#include "lexdiv.h"
#include "unit.h"

static struct strtab types;

/* Add the space-separated tokens of s to the group. */
static void
add_tokens(struct lexdiv *l, const char *s)
{
	size_t n;

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		n = strcspn(s, " ");
		if (n > 0)
			lexdiv_add(l, strtab_intern(&types, s, n, NULL));
		s += n;
	}
}

static void
check_measures(struct lexdiv *l, size_t window, size_t segment,
	       const char *const want[LD_NMEASURE], int line)
{
	struct lexdiv_parts p;
	double x[LD_NMEASURE];
	char got[64];
	int i;

	lexdiv_get_parts(l, &p);
	lexdiv_scores(&p, window, segment, x);
	for (i = 0; i < LD_NMEASURE; i++) {
		if (isnan(x[i]))
			snprintf(got, sizeof(got), "NA");
		else
			snprintf(got, sizeof(got), "%.4f", x[i]);
		if (strcmp(got, want[i]) == 0)
			unit_passed++;
		else {
			unit_failed++;
			fprintf(stderr, "line %d: %s is %s, want %s\n", line,
				lexdiv_names[i], got, want[i]);
		}
	}
}

static void
test_small(void)
{
	/*
	 * "a b a c", window and segment 3: N 4, V 3.  TTR .75; C ln 3 /
	 * ln 4 = .79248; R 3/2; CTTR 3/sqrt(8) = 1.06066; Maas (.60206 -
	 * .47712) / .60206^2 = .34468; K 10^4 (4 + 1 + 1 - 4)/16 = 1250.
	 * MATTR: windows "a b a" 2 and "b a c" 3 types, (2 + 3)/(3 * 2) =
	 * .83333.  MSTTR: one segment "a b a", 2/3; "c" is left out.
	 * MTLD forward: a 1/1, b 2/2, a 2/3 = .667 <= .72 ends a factor; c
	 * 1/1 leaves a partial of (1 - 1)/.28 = 0: 4/1 = 4.  Backward: c
	 * 1/1, a 2/2, b 3/3, a 3/4 = .75: partial (1 - .75)/.28 = .89286,
	 * 4/.89286 = 4.48.  MTLD (4 + 4.48)/2 = 4.24.
	 */
	static const char *const want[LD_NMEASURE] = {
	    "0.7500",	 "0.7925", "1.5000", "1.0607", "0.3447",
	    "1250.0000", "0.8333", "0.6667", "4.2400"};
	/* Window and segment 2: windows ab, ba, ac: 6/6; segments 4/4. */
	static const char *const want2[LD_NMEASURE] = {
	    "0.7500",	 "0.7925", "1.5000", "1.0607", "0.3447",
	    "1250.0000", "1.0000", "1.0000", "4.2400"};
	/*
	 * "a a a a": every second token ends a factor (1/2 = .5), 2 full
	 * factors each way, MTLD 4/2 = 2; K 10^4 (16 - 4)/16 = 7500; C
	 * ln 1 / ln 4 = 0; Maas (.60206 - 0)/.36248 = 1.66096.
	 */
	static const char *const want3[LD_NMEASURE] = {
	    "0.2500",	 "0.0000", "0.5000", "0.3536", "1.6610",
	    "7500.0000", "0.3333", "0.3333", "2.0000"};
	struct lexdiv_opts o = {3, 3, 0, 1};
	struct lexdiv *l = lexdiv_new(&o);

	add_tokens(l, "a b a c");
	check_measures(l, 3, 3, want, __LINE__);
	lexdiv_free(l);
	o.window = o.segment = 2;
	l = lexdiv_new(&o);
	add_tokens(l, "a b a c");
	check_measures(l, 2, 2, want2, __LINE__);
	lexdiv_reset(l);
	o.window = o.segment = 3;
	lexdiv_free(l);
	l = lexdiv_new(&o);
	add_tokens(l, "a a a a");
	check_measures(l, 3, 3, want3, __LINE__);
	lexdiv_free(l);
}

static void
test_edges(void)
{
	/* One token: no C or Maas (log 1 = 0), no window, no factor. */
	static const char *const one[LD_NMEASURE] = {"1.0000", "NA", "1.0000",
						     "0.7071", "NA", "0.0000",
						     "NA",     "NA", "NA"};
	static const char *const none[LD_NMEASURE] = {
	    "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA"};
	/* No type repeated: the TTR never falls, so MTLD has no factor. */
	static const char *const distinct[LD_NMEASURE] = {
	    "1.0000", "1.0000", "1.7321", "1.2247", "0.0000",
	    "0.0000", "NA",	"NA",	  "NA"};
	struct lexdiv_opts o = {0, 0, 0, 1};
	struct lexdiv *l = lexdiv_new(&o);

	check_measures(l, 0, 0, none, __LINE__);
	add_tokens(l, "speech");
	check_measures(l, 0, 0, one, __LINE__);
	lexdiv_reset(l);
	add_tokens(l, "x y z");
	check_measures(l, 0, 0, distinct, __LINE__);
	lexdiv_free(l);

	/* Without MTLD the tokens are not kept and MTLD is NA. */
	o.mtld = 0;
	l = lexdiv_new(&o);
	add_tokens(l, "a a a a");
	{
		struct lexdiv_parts p;
		double x[LD_NMEASURE];

		lexdiv_get_parts(l, &p);
		lexdiv_scores(&p, 0, 0, x);
		CHECK(isnan(x[LD_MTLD]));
		CHECK_INT(p.mtld_tokens, 0);
	}
	lexdiv_free(l);
}

static void
test_parts_and_reset(void)
{
	struct lexdiv_opts o = {3, 3, 0, 1};
	struct lexdiv *l = lexdiv_new(&o), *fresh;
	struct lexdiv_parts a, b, c;
	double x[LD_NMEASURE];
	char big[16];
	int i;

	/* Two documents pooled: windows 2 + 1, types 5 + 1: 6/9. */
	add_tokens(l, "a b a c");
	lexdiv_get_parts(l, &a);
	lexdiv_reset(l);
	add_tokens(l, "x x x");
	lexdiv_get_parts(l, &b);
	a.window_types += b.window_types;
	a.windows += b.windows;
	a.segment_types += b.segment_types;
	a.segments += b.segments;
	a.factors[0] += b.factors[0];
	a.factors[1] += b.factors[1];
	a.mtld_tokens += b.mtld_tokens;
	lexdiv_scores(&a, 3, 3, x);
	CHECK(fabs(x[LD_MATTR] - 6.0 / 9) < 1e-12);
	/* Segments "a b a" 2 and "x x x" 1: 3/6. */
	CHECK(fabs(x[LD_MSTTR] - 0.5) < 1e-12);
	/* Factors: 1 + 1 forward (x x ends one), .89286 + 1 backward. */
	CHECK(fabs(x[LD_MTLD] - (7 / 2.0 + 7 / (1 + 0.25 / 0.28)) / 2) < 1e-12);

	/* A table grown by one group and reset gives what a fresh one does. */
	lexdiv_reset(l);
	for (i = 0; i < 5000; i++) {
		snprintf(big, sizeof(big), "w%d", i % 3000);
		lexdiv_add(l, strtab_intern(&types, big, strlen(big), NULL));
	}
	lexdiv_get_parts(l, &a);
	CHECK_INT(a.types, 3000);
	CHECK_INT(a.tokens, 5000);
	/* sum of squares: 2000 types twice, 1000 once. */
	CHECK_INT(a.sumsq, 2000 * 4 + 1000);
	lexdiv_reset(l);
	fresh = lexdiv_new(&o);
	add_tokens(l, "the cat and the dog and the bird");
	add_tokens(fresh, "the cat and the dog and the bird");
	lexdiv_get_parts(l, &b);
	lexdiv_get_parts(fresh, &c);
	CHECK(memcmp(&b, &c, sizeof(b)) == 0);
	/* Parts may be taken twice, and the group may go on after. */
	lexdiv_get_parts(l, &b);
	CHECK(memcmp(&b, &c, sizeof(b)) == 0);
	add_tokens(l, "a b");
	add_tokens(fresh, "a b");
	lexdiv_get_parts(l, &b);
	lexdiv_get_parts(fresh, &c);
	CHECK(memcmp(&b, &c, sizeof(b)) == 0);
	lexdiv_free(fresh);
	lexdiv_free(l);
}

static uint64_t seed = 0x9E3779B97F4A7C15ULL;


/*
 * Generated groups through the C and tests/ref/lexdiv.awk with one set of
 * parameters; each measure equal to 1e-9 of its size.  Return the groups
 * compared.
 */
static int
against_awk(size_t window, size_t segment, double threshold, int ngroups)
{
	char path[4096], cmd[8192], tmp[] = "/tmp/sp-lexdiv-XXXXXX";
	char line[1024], word[32], name[16], *p;
	struct lexdiv_opts o = {window, segment, threshold, 1};
	struct lexdiv *l = lexdiv_new(&o);
	struct lexdiv_parts *parts = calloc((size_t)ngroups, sizeof(*parts));
	double x[LD_NMEASURE];
	FILE *f;
	int fd, g, k, n, i, vocab, rows = 0, bad = 0;

	unit_src_path(path, sizeof(path), "tests/ref/lexdiv.awk");
	if (parts == NULL || (fd = mkstemp(tmp)) < 0 ||
	    (f = fdopen(fd, "w")) == NULL) {
		CHECK(!"temporary file");
		free(parts);
		lexdiv_free(l);
		return 0;
	}
	for (g = 0; g < ngroups; g++) {
		n = 1 + (int)unit_random(&seed, g % 3 ? 400 : 1500);
		vocab = 1 + (int)unit_random(&seed, g % 2 ? 30 : 600);
		lexdiv_reset(l);
		for (i = 0; i < n; i++) {
			/* Squaring skews the draws towards a few words. */
			uint64_t r = unit_random(&seed, (uint64_t)vocab * vocab);

			snprintf(word, sizeof(word), "t%d",
				 vocab - 1 - (int)sqrt((double)r));
			fprintf(f, "g%d\t1\t%s\n", g, word);
			lexdiv_add(
			    l, strtab_intern(&types, word, strlen(word), NULL));
		}
		lexdiv_get_parts(l, &parts[g]);
	}
	fclose(f);
	snprintf(cmd, sizeof(cmd),
		 "awk -F '\t' -v fmt=%%.12g -v window=%zu "
		 "-v segment=%zu -v threshold=%.17g -f '%s' '%s'",
		 window, segment, threshold, path, tmp);
	if ((f = popen(cmd, "r")) == NULL) {
		CHECK(!"popen awk");
		unlink(tmp);
		free(parts);
		lexdiv_free(l);
		return 0;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		g = (int)strtol(line + 1, &p, 10);
		if (g < 0 || g >= ngroups)
			break;
		lexdiv_scores(&parts[g], window, segment, x);
		bad += strtoull(p + 1, &p, 10) != parts[g].tokens;
		bad += strtoull(p + 1, &p, 10) != parts[g].types;
		snprintf(name, sizeof(name), "g%d", g);
		for (k = 0; k < LD_NMEASURE; k++)
			bad += unit_field_differs(&p, x[k], name,
						  lexdiv_names[k]);
		rows++;
	}
	pclose(f);
	unlink(tmp);
	free(parts);
	lexdiv_free(l);
	CHECK_INT(rows, ngroups);
	CHECK_INT(bad, 0);
	return rows;
}

static void
test_against_awk(void)
{
	against_awk(100, 100, 0.72, 40);
	against_awk(1, 1, 0.72, 10);
	against_awk(7, 13, 0.72, 30);
	against_awk(50, 40, 0.5, 30);
}

int
main(void)
{
	strtab_init(&types);
	test_small();
	test_edges();
	test_parts_and_reset();
	test_against_awk();
	strtab_free(&types);
	UNIT_DONE();
}
