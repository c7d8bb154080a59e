/*
 * Unit tests of the Aho-Corasick automaton (lib/aho.c) against a search
 * for each string at each place, on random sets of strings over small
 * alphabets (so that they overlap, nest and share prefixes and suffixes)
 * and random texts, with and without case folding.
 */
#include <stdlib.h>
#include <string.h>

#include "aho.h"
#include "unit.h"

static unsigned long rand_state = 777;

static unsigned
next_rand(void)
{
	rand_state = rand_state * 1103515245 + 12345;
	return (unsigned)(rand_state >> 16) & 0x7FFF;
}

static int
same_char(char a, char b, int icase)
{
	if (icase && a >= 'A' && a <= 'Z')
		a = (char)(a + 32);
	if (icase && b >= 'A' && b <= 'Z')
		b = (char)(b + 32);
	return a == b;
}

static int
occurs_at(const char *text, size_t n, size_t at, const char *s, int icase)
{
	size_t i, m = strlen(s);

	if (at + m > n)
		return 0;
	for (i = 0; i < m; i++)
		if (!same_char(text[at + i], s[i], icase))
			return 0;
	return 1;
}

static int
hit_order(const void *x, const void *y)
{
	const struct aho_hit *a = x, *b = y;

	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static void
test_random(void)
{
	static const char alpha[] = "abcaB. ";
	char strs[40][8], text[300];
	struct aho_hit *hits = NULL, *want = NULL;
	size_t cap = 0, nstr, n, i, j, k, nh, nw, round, first, from;
	int icase, ok_all = 1, ok_first = 1, ok_left = 1, ok_next = 1;
	struct aho_hit one;

	want = malloc(300 * 40 * sizeof(*want));
	for (round = 0; round < 1500; round++) {
		struct aho *a;

		icase = next_rand() % 2;
		a = aho_new(icase);
		nstr = 1 + next_rand() % (round % 3 == 0 ? 40 : 6);
		for (i = 0; i < nstr; i++) {
			k = 1 + next_rand() % 5;
			for (j = 0; j < k; j++) {
				strs[i][j] = alpha[next_rand() % 7];
				/* The strings of a case-folded set are in
				   lower case. */
				if (icase && strs[i][j] == 'B')
					strs[i][j] = 'b';
			}
			strs[i][k] = '\0';
			aho_add(a, strs[i], k, i % 7);
		}
		n = next_rand() % 300;
		for (i = 0; i < n; i++)
			text[i] = alpha[next_rand() % 7];
		nw = 0;
		for (j = 0; j < n; j++)
			for (i = 0; i < nstr; i++)
				if (occurs_at(text, n, j, strs[i], icase)) {
					want[nw].start = j;
					want[nw].end = j + strlen(strs[i]);
					want[nw++].id = i % 7;
				}
		nh = aho_all(a, text, n, &hits, &cap);
		qsort(want, nw, sizeof(*want), hit_order);
		qsort(hits, nh, sizeof(*hits), hit_order);
		ok_all &= nh == nw && (nh == 0 ||
		    memcmp(hits, want, nh * sizeof(*hits)) == 0);
		/* The first by end of those that start at from or later. */
		from = n > 0 ? next_rand() % n : 0;
		first = n;
		for (i = 0; i < nw; i++)
			if (want[i].start >= from && want[i].end - 1 < first)
				first = want[i].end - 1;
		ok_first &= aho_first(a, text, n, from, NULL) == first;
		/* Every end in turn, with its longest string. */
		{
			struct aho_cursor c = { from, 0 };
			size_t got, len, e, longest;

			for (e = from; e < n; e++) {
				longest = 0;
				for (i = 0; i < nw; i++)
					if (want[i].start >= from &&
					    want[i].end == e + 1 &&
					    want[i].end - want[i].start >
					    longest)
						longest = want[i].end -
						    want[i].start;
				if (longest == 0)
					continue;
				got = aho_next(a, text, n, &c, &len);
				ok_next &= got == e && len == longest;
			}
			ok_next &= aho_next(a, text, n, &c, &len) == n;
		}
		/* The leftmost, longest, lowest id. */
		for (i = 0, k = nw; i < nw; i++)
			if (k == nw || want[i].start < want[k].start ||
			    (want[i].start == want[k].start &&
			    (want[i].end > want[k].end ||
			    (want[i].end == want[k].end &&
			    want[i].id < want[k].id))))
				k = i;
		ok_left &= aho_leftmost(a, text, n, &one) == (nw > 0) &&
		    (nw == 0 || (one.start == want[k].start &&
		    one.end == want[k].end && one.id == want[k].id));
		aho_free(a);
	}
	CHECK(ok_all);
	CHECK(ok_first);
	CHECK(ok_left);
	CHECK(ok_next);
	free(hits);
	free(want);
}

static void
test_examples(void)
{
	struct aho *a = aho_new(1);
	struct aho_hit *hits = NULL;
	size_t cap = 0, n;

	aho_add(a, "he", 2, 0);
	aho_add(a, "she", 3, 1);
	aho_add(a, "his", 3, 2);
	aho_add(a, "hers", 4, 3);
	CHECK_INT(aho_build(a), 0);
	n = aho_all(a, "uSHErs", 6, &hits, &cap);
	CHECK_INT(n, 3);
	CHECK_INT(hits[0].end, 4);
	CHECK_INT(hits[0].id + hits[1].id, 1);	/* she and he, at 4 */
	CHECK_INT(hits[2].start, 2);
	CHECK_INT(hits[2].id, 3);
	CHECK_INT(aho_first(a, "uSHErs", 6, 0, &n), 3);
	CHECK_INT(n, 3);	/* she, not he */
	CHECK_INT(aho_first(a, "uSHErs", 6, 2, NULL), 3);
	CHECK_INT(aho_first(a, "uSHErs", 6, 3, NULL), 6);
	CHECK_INT(aho_first(a, "", 0, 0, NULL), 0);
	aho_free(a);
	free(hits);
}

int
main(void)
{
	test_examples();
	test_random();
	UNIT_DONE();
}
