/*
 * Unit tests of the sp-grep matchers (lib/search.c): the substring search,
 * folding with a map back to the original text, word patterns with
 * wildcards and phrases, fixed strings and regular expressions with case
 * folding and whole words, dictionary groups, and the buffer scan.
 */
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "unit.h"

/* The matches of pat in text as "start-end/group ..." for comparison. */
static const char *
matches(int kind, int fold, int whole, const char *pat, const char *text)
{
	static char out[512];
	struct search_opts o = { kind, fold, whole };
	struct search *s = search_new(&o);
	const struct search_match *m;
	size_t n, i, len = 0;

	out[0] = '\0';
	if (search_add(s, pat, 0) != NULL) {
		search_free(s);
		return "error";
	}
	n = search_text(s, text, strlen(text), 0, &m);
	for (i = 0; i < n && len < sizeof(out) - 32; i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%.*s",
		    i ? "|" : "", (int)(m[i].end - m[i].start),
		    text + m[i].start);
	search_free(s);
	return out;
}

static void
test_find(void)
{
	CHECK_INT(search_find("the terror of it", 16, "terror", 6, 0), 4);
	CHECK_INT(search_find("the TeRRor of it", 16, "terror", 6, 1), 4);
	CHECK_INT(search_find("the TeRRor of it", 16, "terror", 6, 0), 17);
	CHECK_INT(search_find("abc", 3, "abcd", 4, 0), 4);
	CHECK_INT(search_find("aaab", 4, "aab", 3, 0), 1);
	CHECK_INT(search_find("xx", 2, "", 0, 0), 0);
}

static void
test_fold(void)
{
	char out[64];
	size_t map[64], n;

	n = search_fold("\xC3\x89" "cole It\xE2\x80\x99s", 13, out, map);
	CHECK_STR(out, "\xC3\xA9" "cole it's");
	CHECK_INT(n, 11);
	CHECK_INT(map[2], 2);	/* 'c' */
	CHECK_INT(map[9], 9);	/* the quote came from byte 9 */
	CHECK_INT(map[10], 12);	/* 's' */
	CHECK_INT(map[11], 13);
}

static void
test_words(void)
{
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "terror*",
	    "Terrorism, terror and counter-terrorism."), "Terrorism|terror");
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "*ism",
	    "Terrorism and counter-terrorism."),
	    "Terrorism|counter-terrorism");
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "counter-*",
	    "counter-terrorism counter"), "counter-terrorism");
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "no safe spaces",
	    "No safe spaces, no safe  spaces; no spaces"),
	    "No safe spaces|no safe  spaces");
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "no * spaces",
	    "no safe spaces"), "no safe spaces");
	CHECK_STR(matches(SEARCH_WORDS, 0, 0, "Terror", "terror Terror"),
	    "Terror");
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "it's", "It\xE2\x80\x99s its"),
	    "It\xE2\x80\x99s");
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "-", "a - b"), "error");
	/* Matches do not overlap: "the the the" holds one "the the". */
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "the the", "the the the"),
	    "the the");
}

static void
test_prefilter(void)
{
	/* KELVIN SIGN folds to k: the ASCII prefilter must not reject. */
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "kelvin",
	    "the \xE2\x84\xAA" "elvin scale"), "\xE2\x84\xAA" "elvin");
	/* A soft hyphen inside a word is dropped by the tokenizer. */
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "terror",
	    "ter\xC2\xADror"), "ter\xC2\xADror");
	CHECK_STR(matches(SEARCH_WORDS, 1, 0, "terror", "no match here"), "");
}

static void
test_fixed(void)
{
	CHECK_STR(matches(SEARCH_FIXED, 0, 0, "error", "Terror error"),
	    "error|error");
	CHECK_STR(matches(SEARCH_FIXED, 1, 0, "TERROR", "Terror error"),
	    "Terror");
	CHECK_STR(matches(SEARCH_FIXED, 1, 0, "\xC3\xA9" "cole",
	    "L'\xC3\x89" "COLE"), "\xC3\x89" "COLE");
	CHECK_STR(matches(SEARCH_FIXED, 0, 1, "error", "Terror error"),
	    "error");
	CHECK_STR(matches(SEARCH_FIXED, 0, 1, "terror",
	    "counter-terror terrorism"), "terror");
	CHECK_STR(matches(SEARCH_FIXED, 0, 0, "aa", "aaaaa"), "aa|aa");
}

static void
test_regex(void)
{
	CHECK_STR(matches(SEARCH_REGEX, 0, 0, "terror(ism|ist)",
	    "terrorist terrorism"), "terrorist|terrorism");
	CHECK_STR(matches(SEARCH_REGEX, 1, 0, "^\xC3\xA9.",
	    "\xC3\x89" "COLE"), "\xC3\x89" "C");
	/* A byte-wise . must not split a two-byte character. */
	CHECK_STR(matches(SEARCH_REGEX, 0, 0, "caf.", "caf\xC3\xA9"),
	    "caf\xC3\xA9");
	CHECK_STR(matches(SEARCH_REGEX, 0, 1, "terror[a-z]*",
	    "xterror terrorism"), "terrorism");
	CHECK_STR(matches(SEARCH_REGEX, 0, 0, "(", "x"), "error");
}

static void
test_groups(void)
{
	struct search_opts o = { SEARCH_WORDS, 1, 0 };
	struct search *s = search_new(&o);
	const struct search_match *m;
	const char *t = "terrorists threaten safety";
	size_t n;

	CHECK(search_add(s, "terror*", 0) == NULL);
	CHECK(search_add(s, "threat*", 0) == NULL);
	CHECK(search_add(s, "t*", 1) == NULL);
	CHECK_INT(search_groups(s), 2);
	n = search_text(s, t, strlen(t), 0, &m);
	CHECK_INT(n, 4);
	CHECK_INT(m[0].start, 0);
	CHECK_INT(m[0].group, 0);
	CHECK_INT(m[1].start, 0);
	CHECK_INT(m[1].group, 1);
	CHECK_INT(m[2].start, 11);
	CHECK_INT(m[3].group, 1);
	n = search_text(s, t, strlen(t), 1, &m);
	CHECK_INT(n, 1);
	search_free(s);
}

static void
test_scan(void)
{
	struct search_opts o = { SEARCH_FIXED, 1, 0 };
	struct search *s = search_new(&o);
	const char *buf = "one\nTerror two\nthree\nthe \xE2\x84\xAA\n";
	size_t n = strlen(buf);

	CHECK(search_add(s, "terror", 0) == NULL);
	CHECK(search_add(s, "k", 0) == NULL);
	CHECK(search_can_scan(s));
	CHECK_INT(search_scan(s, buf, n, 0), 4);
	CHECK_INT(search_scan(s, buf, n, 15), 25);
	CHECK_INT(search_scan(s, buf, n, 28), n);
	search_free(s);
	o.fold = 1;
	s = search_new(&o);
	CHECK(search_add(s, "\xC3\xA9", 0) == NULL);
	CHECK(!search_can_scan(s));
	search_free(s);
}

int
main(void)
{
	test_find();
	test_fold();
	test_words();
	test_prefilter();
	test_fixed();
	test_regex();
	test_groups();
	test_scan();
	UNIT_DONE();
}
