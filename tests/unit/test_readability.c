/*
 * Unit tests of the readability indices (lib/readability.c): small texts
 * tokenized and counted here, with every index worked out by hand in the
 * comments, to the four decimals sp prints; a group without words, a
 * one-word document without a sentence end; the published Coleman-Liau
 * example; and the C against tests/ref/readability.awk, an independent
 * implementation from the formulas, on many generated groups.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "readability.h"
#include "token.h"
#include "unit.h"

/* Count the words of text into c (sentences are the caller's). */
static void
count_text(const char *text, struct rd_counts *c)
{
	struct tokenizer t;
	struct tok_opts o = {0, 0};
	struct token tok;
	struct rd_word w;

	tok_init(&t, &o);
	tok_start(&t, text, strlen(text));
	while (tok_next(&t, &tok)) {
		readability_word(tok.text, tok.len, &w);
		readability_add(c, &w);
	}
	tok_free(&t);
}

/* The indices as sp prints them: four decimals, NA for none. */
static void
check_scores(const struct rd_counts *c, const char *const want[RD_NINDEX],
	     int line)
{
	double x[RD_NINDEX];
	char got[64];
	int i;

	readability_scores(c, x);
	for (i = 0; i < RD_NINDEX; i++) {
		if (isnan(x[i]))
			snprintf(got, sizeof(got), "NA");
		else
			snprintf(got, sizeof(got), "%.4f",
				 fabs(x[i]) < 0.00005 ? 0 : x[i]);
		if (strcmp(got, want[i]) == 0)
			unit_passed++;
		else {
			unit_failed++;
			fprintf(stderr, "line %d: %s is %s, want %s\n", line,
				readability_names[i], got, want[i]);
		}
	}
}

static void
test_cat(void)
{
	/*
	 * "The cat sat on the mat.": W 6, S 1, Y 6, L 17, P 0, C 0, G 0,
	 * M 6.  Flesch 206.835 - 1.015*6 - 84.6*1 = 116.145; FK 0.39*6 +
	 * 11.8 - 15.59 = -1.45; Fog 0.4*6 = 2.4; SMOG 3.1291; CLI 0.0588 *
	 * 1700/6 - 0.296 * 100/6 - 15.8 = 16.66 - 4.93333 - 15.8 = -4.07333;
	 * ARI 4.71*17/6 + 3 - 21.43 = -5.085; LIX 6; RIX 0; FORCAST 20 -
	 * 150/10 = 5; Linsear r = 6, (6 - 2)/2 = 2.
	 */
	static const char *const want[RD_NINDEX] = {
	    "116.1450", "-1.4500", "2.4000", "3.1291", "-4.0733",
	    "-5.0850",	"6.0000",  "0.0000", "5.0000", "2.0000"};
	struct rd_counts c;

	memset(&c, 0, sizeof(c));
	count_text("The cat sat on the mat.", &c);
	c.sentences = 1;
	CHECK_INT(c.words, 6);
	CHECK_INT(c.syllables, 6);
	CHECK_INT(c.letters, 17);
	CHECK_INT(c.mono, 6);
	check_scores(&c, want, __LINE__);
}

static void
test_numbers_and_compounds(void)
{
	/*
	 * "In 1990, the counter-terrorism unit was created.  It works.":
	 * in 1, 1990 4 (nineteen ninety), the 1, counter-terrorism 6, unit
	 * 2, was 1, created 3, it 1, works 1: W 9, S 2, Y 20; letters 2 + 4
	 * + 3 + 16 + 4 + 3 + 7 + 2 + 5 = 46; P 3 (1990, counter-terrorism,
	 * created); C 2 (created is 2 without -ed); G 2; M 5.
	 * Flesch 206.835 - 1.015*4.5 - 84.6*20/9 = 206.835 - 4.5675 - 188 =
	 * 14.2675.  FK 1.755 + 26.22222 - 15.59 = 12.38722.  Fog 0.4 * (4.5
	 * + 22.22222) = 10.68889.  SMOG 1.043 * sqrt(45) + 3.1291 = 10.12576.
	 * CLI 0.0588 * 511.11111 - 0.296 * 22.22222 - 15.8 = 7.67556.  ARI
	 * 4.71 * 46/9 + 2.25 - 21.43 = 4.89333.  LIX 4.5 + 22.22222 =
	 * 26.72222.  RIX 1.  FORCAST 20 - 83.33333/10 = 11.66667.  Linsear r
	 * = (6 + 9)/2 = 7.5, (7.5 - 2)/2 = 2.75.
	 */
	static const char *const want[RD_NINDEX] = {
	    "14.2675", "12.3872", "10.6889", "10.1258", "7.6756",
	    "4.8933",  "26.7222", "1.0000",  "11.6667", "2.7500"};
	struct rd_counts c;

	memset(&c, 0, sizeof(c));
	count_text("In 1990, the counter-terrorism unit was created.", &c);
	count_text("It works.", &c);
	c.sentences = 2;
	CHECK_INT(c.words, 9);
	CHECK_INT(c.syllables, 20);
	CHECK_INT(c.letters, 46);
	CHECK_INT(c.poly, 3);
	CHECK_INT(c.complex, 2);
	CHECK_INT(c.longwords, 2);
	CHECK_INT(c.mono, 5);
	check_scores(&c, want, __LINE__);
}

static void
test_one_word(void)
{
	/*
	 * "Readability", no sentence end (0 sentences, counted as 1): W 1,
	 * Y 5 (read-a-bil-i-ty), L 11, P 1, C 1, G 1, M 0.  Flesch 206.835
	 * - 1.015 - 423 = -217.18; FK 0.39 + 59 - 15.59 = 43.8; Fog 0.4 *
	 * 101 = 40.4; SMOG 1.043 * sqrt(30) + 3.1291 = 8.84185; CLI 0.0588
	 * * 1100 - 29.6 - 15.8 = 19.28; ARI 51.81 + 0.5 - 21.43 = 30.88; LIX
	 * 101; RIX 1; FORCAST 20; Linsear r = 3, (3 - 2)/2 = 0.5.
	 */
	static const char *const want[RD_NINDEX] = {
	    "-217.1800", "43.8000",  "40.4000", "8.8418",  "19.2800",
	    "30.8800",	 "101.0000", "1.0000",	"20.0000", "0.5000"};
	struct rd_counts c;

	memset(&c, 0, sizeof(c));
	count_text("Readability", &c);
	CHECK_INT(c.sentences, 0);
	check_scores(&c, want, __LINE__);
}

static void
test_empty(void)
{
	static const char *const want[RD_NINDEX] = {
	    "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA"};
	struct rd_counts c;

	memset(&c, 0, sizeof(c));
	check_scores(&c, want, __LINE__);
	/* Sentences of punctuation only: still no words. */
	count_text("... -- !", &c);
	c.sentences = 3;
	CHECK_INT(c.words, 0);
	check_scores(&c, want, __LINE__);
}

static void
test_coleman_liau_example(void)
{
	/*
	 * Coleman and Liau's index of the paragraph in its Wikipedia
	 * article: 639 letters, 119 words, 5 sentences; 0.0588 * 536.97479
	 * - 0.296 * 4.20168 - 15.8 = 14.53042 (Wikipedia rounds to 14.5).
	 */
	struct rd_counts c;
	double x[RD_NINDEX];

	memset(&c, 0, sizeof(c));
	c.words = 119;
	c.sentences = 5;
	c.letters = 639;
	c.syllables = 119;
	readability_scores(&c, x);
	CHECK(fabs(x[RD_CLI] - 14.53042) < 0.00001);
}

static void
test_merge(void)
{
	struct rd_counts a, b, whole;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	memset(&whole, 0, sizeof(whole));
	count_text("In 1990, the counter-terrorism unit was created.", &a);
	a.sentences = 1;
	count_text("It works.", &b);
	b.sentences = 1;
	count_text("In 1990, the counter-terrorism unit was created.", &whole);
	count_text("It works.", &whole);
	whole.sentences = 2;
	readability_merge(&a, &b);
	CHECK(memcmp(&a, &whole, sizeof(a)) == 0);
}

/* A small deterministic generator, the same on every platform. */
static uint64_t seed = 88172645463325252ULL;


/*
 * The C and tests/ref/readability.awk on generated groups: each index
 * equal to 1e-9 of its size (both use doubles, in different orders).
 */
static void
test_against_awk(void)
{
	char path[4096], cmd[8192], tmp[] = "/tmp/sp-readability-XXXXXX";
	char line[1024], name[24], *p;
	struct rd_counts c[400];
	double x[RD_NINDEX];
	FILE *f;
	size_t i, n = sizeof(c) / sizeof(c[0]);
	int fd, k, rows = 0, bad = 0;

	unit_src_path(path, sizeof(path), "tests/ref/readability.awk");
	if ((fd = mkstemp(tmp)) < 0 || (f = fdopen(fd, "w")) == NULL) {
		CHECK(!"temporary file");
		return;
	}
	for (i = 0; i < n; i++) {
		memset(&c[i], 0, sizeof(c[i]));
		c[i].words = i < 3 ? i : unit_random(&seed, i % 2 ? 50 : 100000);
		c[i].sentences = unit_random(&seed, c[i].words / 3 + 2);
		c[i].syllables = c[i].words + unit_random(&seed, c[i].words + 1);
		c[i].letters = c[i].words + unit_random(&seed, 6 * c[i].words + 1);
		c[i].poly = unit_random(&seed, c[i].words + 1);
		c[i].complex = unit_random(&seed, c[i].poly + 1);
		c[i].longwords = unit_random(&seed, c[i].words + 1);
		c[i].mono = unit_random(&seed, c[i].words - c[i].poly + 1);
		fprintf(
		    f, "g%zu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\n",
		    i, (unsigned long long)c[i].words,
		    (unsigned long long)c[i].sentences,
		    (unsigned long long)c[i].syllables,
		    (unsigned long long)c[i].letters,
		    (unsigned long long)c[i].poly,
		    (unsigned long long)c[i].complex,
		    (unsigned long long)c[i].longwords,
		    (unsigned long long)c[i].mono);
	}
	fclose(f);
	snprintf(cmd, sizeof(cmd), "awk -F '\t' -v fmt=%%.12g -f '%s' '%s'",
		 path, tmp);
	if ((f = popen(cmd, "r")) == NULL) {
		CHECK(!"popen awk");
		unlink(tmp);
		return;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		i = strtoul(line + 1, &p, 10);
		if (i >= n)
			break;
		readability_scores(&c[i], x);
		snprintf(name, sizeof(name), "g%zu", i);
		for (k = 0; k < RD_NINDEX; k++)
			bad += unit_field_differs(&p, x[k], name,
						  readability_names[k]);
		rows++;
	}
	pclose(f);
	unlink(tmp);
	CHECK_INT(rows, (int)n);
	CHECK_INT(bad, 0);
}

int
main(void)
{
	test_cat();
	test_numbers_and_compounds();
	test_one_word();
	test_empty();
	test_coleman_liau_example();
	test_merge();
	test_against_awk();
	UNIT_DONE();
}
