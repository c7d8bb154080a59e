/*
 * Unit tests of the syllable counter (lib/syllable.c): every word of the
 * hand-counted list tests/unit/syllables.tsv (read from
 * $SP_SRCDIR/tests/unit/ or from the current directory), the counts that
 * Gunning's Fog uses, and input that is not a word.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syllable.h"
#include "unit.h"

static int
check_list(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[512], *tab;
	unsigned want;
	int n = 0;

	if (f == NULL) {
		fprintf(stderr, "%s: cannot open\n", path);
		return 0;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if ((tab = strchr(line, '\t')) == NULL) {
			fprintf(stderr, "%s: no TAB in \"%s\"\n", path, line);
			unit_failed++;
			continue;
		}
		*tab = '\0';
		want = (unsigned)strtoul(tab + 1, NULL, 10);
		if (syllable_count(line, strlen(line)) == want)
			unit_passed++;
		else {
			unit_failed++;
			fprintf(stderr, "%s: %u syllables, want %u\n", line,
				syllable_count(line, strlen(line)), want);
		}
		n++;
	}
	fclose(f);
	return n;
}

static void
check_fog(const char *w, unsigned n, unsigned fog)
{
	struct syllables s;

	syllable_word(w, strlen(w), &s);
	if (s.n == n && s.fog == fog)
		unit_passed++;
	else {
		unit_failed++;
		fprintf(stderr, "%s: %u and fog %u, want %u and %u\n", w, s.n,
			s.fog, n, fog);
	}
}

static void
test_fog(void)
{
	/* Gunning does not count -es, -ed, -ing as a syllable... */
	check_fog("created", 3, 2);
	check_fog("processes", 3, 2);
	check_fog("relating", 3, 2);
	check_fog("advantages", 4, 3);
	/* ...only when they add one (developed has three without it). */
	check_fog("developed", 3, 3);
	check_fog("government", 3, 3);
	/* A compound of easy words is easy; one hard part makes it hard. */
	check_fog("well-being", 3, 1);
	check_fog("self-driving", 3, 1);
	check_fog("counter-terrorism", 6, 4);
	check_fog("anti-immigration", 6, 4);
	check_fog("1990", 4, 4);
}

static void
test_not_words(void)
{
	char big[20001];
	size_t i;

	CHECK_INT(syllable_count("", 0), 0);
	CHECK_INT(syllable_count("...", 3), 0);
	CHECK_INT(syllable_count("--", 2), 0);
	CHECK_INT(syllable_count("\xE2\x80\x94", 3), 0); /* em dash */
	CHECK_INT(syllable_count("'", 1), 0);
	/* A URL counts its parts: https, www spelled, gov, uk (2). */
	CHECK_INT(syllable_count("https://www.gov.uk", 18), 5 + 9 + 1 + 2);
	/* A symbol-only token of another script counts nothing. */
	CHECK_INT(syllable_count("\xE2\x82\xAC", 3), 0);
	/* A word of an unmodelled script counts one (Hebrew shalom). */
	CHECK_INT(syllable_count("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", 8), 1);
	/* Very long words are counted in pieces, never out of bounds. */
	for (i = 0; i < sizeof(big) - 1; i++)
		big[i] = "ba"[i % 2];
	big[sizeof(big) - 1] = '\0';
	CHECK_INT(syllable_count(big, sizeof(big) - 1), 10000);
	memset(big, '9', sizeof(big) - 1);
	CHECK(syllable_count(big, sizeof(big) - 1) >= 20000);
	memset(big, 'x', sizeof(big) - 1);
	CHECK_INT(syllable_count(big, sizeof(big) - 1), 20000);
	/* Digits with marks that are not between digits. */
	CHECK_INT(syllable_count("1.", 2), 1);
	CHECK_INT(syllable_count(",5", 2), 1);
	CHECK_INT(syllable_count("1..2", 4), 2);
	/* Not thousands: one, two thousand three hundred forty five. */
	CHECK_INT(syllable_count("1,2345", 6), 1 + 9);
}

int
main(void)
{
	char path[4096];

	test_fog();
	test_not_words();
	unit_src_path(path, sizeof(path), "tests/unit/syllables.tsv");
	/* The list holds 483 words; a missing or cut file must fail. */
	CHECK(check_list(path) >= 480);
	UNIT_DONE();
}
