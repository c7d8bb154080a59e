/*
 * The index of word patterns like terror* (lib/search.c, prefix_word)
 * against the simple reference that tries every pattern with a * at every
 * token (search_no_index): generated dictionaries of prefixes, plain
 * words, other wildcards and phrases, in several groups, on generated
 * texts, must give the same matches, byte for byte, for many seeds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "unit.h"

static uint64_t seed;


/* Words made of few letters, so that patterns and texts meet often. */
static void
random_word(char *w, size_t max)
{
	static const char letters[] = "abcdeé";
	size_t n = 1 + (size_t)unit_random(&seed, max), i, k = 0;

	for (i = 0; i < n; i++) {
		const char *c = letters + unit_random(&seed, 6);

		if (*c == '\0' || (unsigned char)*c >= 0x80) {
			memcpy(w + k, "\xC3\xA9", 2); /* é */
			k += 2;
		} else
			w[k++] = *c;
	}
	w[k] = '\0';
}

static void
random_pattern(char *p)
{
	char w[64];
	size_t words = 1 + (size_t)unit_random(&seed, 3), i;

	p[0] = '\0';
	for (i = 0; i < words; i++) {
		random_word(w, 4);
		if (i > 0)
			strcat(p, " ");
		switch (unit_random(&seed, 6)) {
		case 0:
		case 1:
			strcat(w, "*"); /* a prefix */
			break;
		case 2:
			memmove(w + 1, w, strlen(w) + 1);
			w[0] = '*'; /* a suffix */
			break;
		case 3:
			if (strlen(w) > 1)
				w[1] = '*'; /* a star inside */
			break;
		default:
			break;
		}
		strcat(p, w);
	}
	if (unit_random(&seed, 8) == 0)
		strcpy(p, "c-*"); /* a hyphen before the star */
}

static int
same(const struct search_match *a, size_t na, const struct search_match *b,
     size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (a[i].start != b[i].start || a[i].end != b[i].end ||
		    a[i].group != b[i].group || a[i].pattern != b[i].pattern)
			return 0;
	return 1;
}

static void
one_seed(uint64_t s0, int *texts, int *matches)
{
	struct search_opts o = {SEARCH_WORDS, 1, 0};
	struct search *fast = search_new(&o), *ref = search_new(&o);
	const struct search_match *m1, *m2;
	char pat[256], text[2048], w[64];
	size_t npat, i, n1, n2, len;
	int t, bad = 0;

	seed = s0;
	search_no_index(ref);
	npat = 1 + (size_t)unit_random(&seed, 300);
	for (i = 0; i < npat; i++) {
		unsigned group = (unsigned)unit_random(&seed, 4);
		const char *why1, *why2;

		random_pattern(pat);
		why1 = search_add(fast, pat, group);
		why2 = search_add(ref, pat, group);
		CHECK((why1 == NULL) == (why2 == NULL));
	}
	for (t = 0; t < 40; t++) {
		len = 0;
		text[0] = '\0';
		while (len < 300) {
			random_word(w, 7);
			if (unit_random(&seed, 9) == 0)
				strcat(w, unit_random(&seed, 2) ? "-c" : ",");
			len += (size_t)snprintf(
			    text + len, sizeof(text) - len, "%s%s",
			    len ? (unit_random(&seed, 5) ? " " : ". ") : "", w);
		}
		n1 = search_text(fast, text, len, 0, &m1);
		n2 = search_text(ref, text, len, 0, &m2);
		if (!same(m1, n1, m2, n2)) {
			bad++;
			if (bad == 1)
				fprintf(stderr,
					"seed %llu: \"%s\": %zu and %zu "
					"matches\n",
					(unsigned long long)s0, text, n1, n2);
		}
		*matches += (int)n1;
		(*texts)++;
		/* The first match alone agrees too. */
		n1 = search_text(fast, text, len, 1, &m1);
		n2 = search_text(ref, text, len, 1, &m2);
		bad += !same(m1, n1, m2, n2);
	}
	CHECK_INT(bad, 0);
	search_free(fast);
	search_free(ref);
}

int
main(void)
{
	uint64_t s;
	int texts = 0, matches = 0;

	for (s = 1; s <= 60; s++)
		one_seed(s * 0x9E3779B97F4A7C15ULL, &texts, &matches);
	/* The texts must have matched something for the test to mean much. */
	CHECK(texts == 2400);
	CHECK(matches > 10000);
	UNIT_DONE();
}
