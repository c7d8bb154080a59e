/*
 * Unit tests of the sp-grep matchers (lib/search.c): the substring search,
 * folding with a map back to the original text, word patterns with
 * wildcards and phrases, fixed strings and regular expressions with case
 * folding and whole words, dictionary groups, the buffer scan, and the
 * word search that tokenizes only the stretches around a literal.
 */
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "token.h"
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

/*
 * The group-0 matches of the patterns pats (separated by |) in text as
 * "start-end ...", with the prefilter as the patterns give it, or, with
 * no_prefilter, turned off by nine more patterns in group 1 whose literals
 * are too many for it; the text is tokenized whole then.
 */
static const char *
word_spans(const char *pats, const char *text, int no_prefilter)
{
	static char out[2][512];
	static const char *const junk[] = { "qqa", "qqb", "qqc", "qqd", "qqe",
	    "qqf", "qqg", "qqh", "qqi" };
	struct search_opts o = { SEARCH_WORDS, 1, 0 };
	struct search *s = search_new(&o);
	const struct search_match *m;
	char pat[128];
	const char *p, *bar;
	size_t n, i, len = 0;
	char *buf = out[no_prefilter];

	for (p = pats; *p != '\0'; p = *bar ? bar + 1 : bar) {
		bar = strchr(p, '|');
		if (bar == NULL)
			bar = p + strlen(p);
		snprintf(pat, sizeof(pat), "%.*s", (int)(bar - p), p);
		if (search_add(s, pat, 0) != NULL) {
			search_free(s);
			return "error";
		}
	}
	for (i = 0; no_prefilter && i < 9; i++)
		search_add(s, junk[i], 1);
	buf[0] = '\0';
	n = search_text(s, text, strlen(text), 0, &m);
	for (i = 0; i < n && len < 512 - 32; i++)
		if (m[i].group == 0)
			len += (size_t)snprintf(buf + len, 512 - len, "%zu-%zu/%zu ",
			    m[i].start, m[i].end, m[i].pattern);
	search_free(s);
	return buf;
}

/* The stretches around literals must find what the whole text has. */
static void
test_windows(void)
{
	static const char *const cases[][2] = {
		{ "terror*", "Terrorism, terror and counter-terrorism." },
		{ "*ism", "Terrorism and counter-terrorism." },
		{ "counter-*", "counter-terrorism counter counter-" },
		{ "no safe spaces", "No safe spaces, no safe  spaces; no" },
		{ "no safe spaces", "no ,,, safe -- \xE2\x80\x94 spaces" },
		{ "no safe spaces", "no\n,safe,spaces no safe" },
		{ "no * spaces", "x no safe spaces no -- y spaces" },
		{ "the the", "the the the the the" },
		{ "the the|the", "the the the" },
		{ "safe|no safe spaces", "no safe spaces safe" },
		{ "it's", "It\xE2\x80\x99s its it's" },
		{ "kelvin", "the \xE2\x84\xAA" "elvin scale, Kelvin" },
		{ "terror", "ter\xC2\xADror terror" },
		{ "\xC3\xA9" "cole", "L'\xC3\x89" "COLE e\xCC\x81" "cole" },
		{ "cafe", "caf\xC3\xA9 cafe cafe\xCC\x81" },
		{ "mid-2030s", "mid-2030s mid\xE2\x80\x90" "2030s" },
		{ "www.example.com", "see www.example.com. or x" },
		{ "ab@example.com", "mail ab@example.com, ab" },
		{ "1.9", "1.9 21.9 1.95 1.9." },
		{ "london|paris", "London, Paris and London-Paris" },
	};
	static char big[20000];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(word_spans(cases[i][0], cases[i][1], 0),
		    word_spans(cases[i][0], cases[i][1], 1));
	CHECK_STR(word_spans("no safe spaces", "a no ,, safe spaces", 0),
	    "2-19/0 ");
	CHECK_STR(word_spans("the the", "the the the the the", 0),
	    "0-7/0 8-15/0 ");
	/* A long text of overlapping stretches gives the same matches. */
	for (i = 0; i + 3 < sizeof(big) - 16; i += 3)
		memcpy(big + i, i % 2 ? "-- " : "no ", 3);
	strcpy(big + i, "safe spaces");
	CHECK_STR(word_spans("no safe spaces|no -- no", big, 0),
	    word_spans("no safe spaces|no -- no", big, 1));
}

static unsigned long rand_state = 4242;

static unsigned
next_rand(void)
{
	rand_state = rand_state * 1103515245 + 12345;
	return (unsigned)(rand_state >> 16) & 0x7FFF;
}

/* The first place of needle in hay, tried at every place. */
static size_t
naive_find(const char *hay, size_t n, const char *needle, size_t m,
    int icase)
{
	size_t i, k;
	int a, b;

	for (i = 0; i + m <= n; i++) {
		for (k = 0; k < m; k++) {
			a = (unsigned char)hay[i + k];
			b = (unsigned char)needle[k];
			if (icase && a >= 'A' && a <= 'Z')
				a += 32;
			if (a != b)
				break;
		}
		if (k == m)
			return i;
	}
	return n + 1;
}

/*
 * The substring search (memchr on a rare byte, or two bytes compared at
 * sixteen places at once, with the last places from an overlapping block)
 * against the naive search: random needles of common and rare letters,
 * in texts of every length around the block sizes, in either case.
 */
static void
test_find_random(void)
{
	static const char alpha[] = "etaoinzqxJ .,Z\xC3\xA9";
	char hay[200], needle[12];
	size_t n, m, i, round, from;
	int icase, ok = 1;

	for (round = 0; round < 20000; round++) {
		icase = next_rand() % 2;
		m = 1 + next_rand() % 9;
		for (i = 0; i < m; i++) {
			needle[i] = alpha[next_rand() % 16];
			if (icase && needle[i] >= 'A' && needle[i] <= 'Z')
				needle[i] += 32;
		}
		n = next_rand() % 80;
		if (round % 5 == 0)
			n += 100;
		for (i = 0; i < n; i++)
			hay[i] = alpha[next_rand() % (round % 3 ? 16 : 4)];
		/* Plant the needle now and then, in any case. */
		if (n >= m && next_rand() % 2) {
			from = next_rand() % (n - m + 1);
			for (i = 0; i < m; i++)
				hay[from + i] = icase && needle[i] >= 'a' &&
				    needle[i] <= 'z' && next_rand() % 2 ?
				    (char)(needle[i] - 32) : needle[i];
		}
		ok &= search_find(hay, n, needle, m, icase) ==
		    naive_find(hay, n, needle, m, icase);
	}
	CHECK(ok);
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

	n = tok_fold_map("\xC3\x89" "cole It\xE2\x80\x99s", 13, out, map);
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

/*
 * Word patterns scan for their literals and for whatever could make a
 * literal out of other text: here a KELVIN SIGN, a soft hyphen and an
 * invalid byte.
 */
static void
test_scan_words(void)
{
	struct search_opts o = { SEARCH_WORDS, 1, 0 };
	struct search *s = search_new(&o);
	const char *buf = "one\nTerror two\ncaf\xC3\xA9\n\xE2\x84\xAA\n"
	    "ter\xC2\xADror\nbad \xFF\nend\n";
	size_t n = strlen(buf);

	CHECK(search_add(s, "terror*", 0) == NULL);
	CHECK(search_can_scan(s));
	CHECK_INT(search_scan(s, buf, n, 0), 4);
	CHECK_INT(search_scan(s, buf, n, 15), 21);	/* KELVIN SIGN */
	CHECK_INT(search_scan(s, buf, n, 25), 28);	/* soft hyphen */
	CHECK_INT(search_scan(s, buf, n, 34), 38);	/* invalid */
	CHECK_INT(search_scan(s, buf, n, 40), n);
	CHECK_INT(search_scan(s, buf, n, 0), 4);
	search_free(s);
	s = search_new(&o);
	CHECK(search_add(s, "*", 0) == NULL);
	CHECK(!search_can_scan(s));
	search_free(s);
}

int
main(void)
{
	test_find();
	test_find_random();
	test_fold();
	test_words();
	test_prefilter();
	test_fixed();
	test_regex();
	test_groups();
	test_scan();
	test_scan_words();
	test_windows();
	UNIT_DONE();
}
