/*
 * The Snowball English ("Porter2") stemmer, written from the published
 * definition: snowballstem.org, "The English (Porter2) stemming algorithm",
 * and english.sbl as of Snowball 3.1.  That version differs from the
 * pre-3.0 one in ways that change stems, all followed here: R1 also starts
 * after the prefixes past, univers, later, emerg, organ and inter; a double
 * is not undoubled after exactly a, e or o ("added" -> "add"); -ogist -> -og;
 * "past" counts as a short syllable; the dying/lying/tying and
 * inning/outing/... and proceed/exceed/succeed exceptions live inside the
 * -ing and -eed rules of Step 1b, which also gives vying -> vie and leaves
 * evening alone; and skis -> ski stays an exception.  Snowball 3.1 added
 * the inter prefix (internal, interval, interfered) and restored skis, so
 * output of Snowball 3.0 differs from this for those words.
 *
 * Words are UTF-8.  Only ASCII letters take part in the rules; any other
 * character counts as one non-vowel letter, as Snowball's UTF-8 mode does,
 * so lengths and positions that the definition counts in letters ("two
 * letters or less", "preceded by more than one letter", "the first letter")
 * are counted in characters here.  The apostrophe is a letter too.
 *
 * The stem is built in place in the caller's buffer.  No rule makes a word
 * longer than the word it came from, so the result always fits.
 */
#include <string.h>

#include "stem.h"

/* Whether c is one of the vowels a e i o u y (a marked consonant Y is not). */
static int
is_vowel(unsigned char c)
{
	switch (c) {
	case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
		return 1;
	default:
		return 0;
	}
}

/* Whether c may come before a suffix li that Step 2 removes. */
static int
valid_li(unsigned char c)
{
	switch (c) {
	case 'c': case 'd': case 'e': case 'g': case 'h':
	case 'k': case 'm': case 'n': case 'r': case 't':
		return 1;
	default:
		return 0;
	}
}

/* Whether c is a letter whose double (bb, dd, ...) Step 1b undoubles. */
static int
undoubles(unsigned char c)
{
	switch (c) {
	case 'b': case 'd': case 'f': case 'g': case 'm':
	case 'n': case 'p': case 'r': case 't':
		return 1;
	default:
		return 0;
	}
}

/*
 * Return where the character that ends at i (i > 0) starts: UTF-8
 * continuation bytes belong to the lead byte before them.
 */
static size_t
char_back(const unsigned char *w, size_t i)
{
	i--;
	while (i > 0 && (w[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Return where the character after the one that starts at i begins. */
static size_t
char_fwd(const unsigned char *w, size_t i, size_t n)
{
	i++;
	while (i < n && (w[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* Whether w[0..n) ends with the k bytes of s. */
static int
ends(const unsigned char *w, size_t n, const char *s, size_t k)
{
	return n >= k && memcmp(w + n - k, s, k) == 0;
}

#define ENDS(w, n, lit) ends((w), (n), (lit), sizeof(lit) - 1)

/* Whether w[0..n) is exactly the string lit. */
#define IS(w, n, lit) \
	((n) == sizeof(lit) - 1 && memcmp((w), (lit), sizeof(lit) - 1) == 0)

/* Whether w[0..n) holds a vowel anywhere. */
static int
has_vowel(const unsigned char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (is_vowel(w[i]))
			return 1;
	return 0;
}

/*
 * Return the end of the first non-vowel that follows a vowel at or after
 * position i, or n if there is none: this is how R1 is found from the start
 * of the word and R2 from the start of R1.  Vowels are ASCII, so scanning
 * byte by byte finds the same vowels as scanning by character.
 */
static size_t
region(const unsigned char *w, size_t i, size_t n)
{
	while (i < n && !is_vowel(w[i]))
		i++;
	if (i == n)
		return n;
	i++;
	while (i < n && is_vowel(w[i]))
		i++;
	if (i == n)
		return n;
	return char_fwd(w, i, n);
}

/*
 * Whether w[0..k) ends in a short syllable: a non-vowel other than w, x or
 * Y, after a vowel, after a non-vowel; or a non-vowel after a vowel that
 * begins the word; or (since Snowball 3.0) the letters "past".
 */
static int
short_syllable(const unsigned char *w, size_t k)
{
	size_t j;

	if (k >= 4 && memcmp(w + k - 4, "past", 4) == 0)
		return 1;
	if (k == 0)
		return 0;
	j = char_back(w, k);
	if (is_vowel(w[j]) || j == 0 || !is_vowel(w[j - 1]))
		return 0;
	if (j == 1)
		return 1;
	if (w[j] == 'w' || w[j] == 'x' || w[j] == 'Y')
		return 0;
	return !is_vowel(w[j - 2]);
}

/*
 * The words that are stemmed as a whole, before anything else happens, and
 * what they become; an invariant word maps to itself.
 */
static const struct {
	const char	*word;
	const char	*stem;
} exceptions[] = {
	{ "skis", "ski" },
	{ "skies", "sky" },
	{ "idly", "idl" },
	{ "gently", "gentl" },
	{ "ugly", "ugli" },
	{ "early", "earli" },
	{ "only", "onli" },
	{ "singly", "singl" },
	{ "sky", "sky" },
	{ "news", "news" },
	{ "howe", "howe" },
	{ "atlas", "atlas" },
	{ "cosmos", "cosmos" },
	{ "bias", "bias" },
	{ "andes", "andes" },
};

/*
 * If w[0..*n) is one of the exceptional words, write its stem in place, set
 * *n to the stem's length and return 1; otherwise return 0.
 */
static int
exception(unsigned char *w, size_t *n)
{
	size_t i, k;

	if (*n < 3 || *n > 6)
		return 0;
	for (i = 0; i < sizeof(exceptions) / sizeof(exceptions[0]); i++) {
		if (strlen(exceptions[i].word) == *n &&
		    memcmp(w, exceptions[i].word, *n) == 0) {
			k = strlen(exceptions[i].stem);
			memcpy(w, exceptions[i].stem, k);
			*n = k;
			return 1;
		}
	}
	return 0;
}

/*
 * The prefixes after which R1 begins, whatever follows them, so that for
 * instance "generous" and "general" are kept apart.
 */
static const struct {
	const char	*s;
	size_t		 len;
} r1_prefixes[] = {
	{ "gener", 5 },
	{ "commun", 6 },
	{ "arsen", 5 },
	{ "past", 4 },
	{ "univers", 7 },
	{ "later", 5 },
	{ "emerg", 5 },
	{ "organ", 5 },
	{ "inter", 5 },
};

/* Return the start of R1 in w[0..n). */
static size_t
region1(const unsigned char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(r1_prefixes) / sizeof(r1_prefixes[0]); i++)
		if (n >= r1_prefixes[i].len &&
		    memcmp(w, r1_prefixes[i].s, r1_prefixes[i].len) == 0)
			return r1_prefixes[i].len;
	return region(w, 0, n);
}

/* Conditions that a suffix rule of Steps 2 to 4 may add. */
enum cond {
	C_NONE,		/* none beyond the step's own region */
	C_R2,		/* the suffix lies in R2 */
	C_L,		/* the suffix follows an l */
	C_LI,		/* the suffix follows a valid li-ending */
	C_ST		/* the suffix follows an s or a t */
};

/* A suffix and what it becomes; each step's table is longest first. */
struct rule {
	const char	*suf;
	unsigned char	 slen;
	const char	*rep;
	unsigned char	 rlen;
	unsigned char	 cond;
};

#define R(suf, rep, cond) { suf, sizeof(suf) - 1, rep, sizeof(rep) - 1, cond }

static const struct rule step2_rules[] = {
	R("ational", "ate", C_NONE),
	R("ization", "ize", C_NONE),
	R("fulness", "ful", C_NONE),
	R("ousness", "ous", C_NONE),
	R("iveness", "ive", C_NONE),
	R("tional", "tion", C_NONE),
	R("biliti", "ble", C_NONE),
	R("lessli", "less", C_NONE),
	R("entli", "ent", C_NONE),
	R("ation", "ate", C_NONE),
	R("alism", "al", C_NONE),
	R("aliti", "al", C_NONE),
	R("ousli", "ous", C_NONE),
	R("iviti", "ive", C_NONE),
	R("fulli", "ful", C_NONE),
	R("ogist", "og", C_NONE),
	R("enci", "ence", C_NONE),
	R("anci", "ance", C_NONE),
	R("abli", "able", C_NONE),
	R("izer", "ize", C_NONE),
	R("ator", "ate", C_NONE),
	R("alli", "al", C_NONE),
	R("bli", "ble", C_NONE),
	R("ogi", "og", C_L),
	R("li", "", C_LI),
};

static const struct rule step3_rules[] = {
	R("ational", "ate", C_NONE),
	R("tional", "tion", C_NONE),
	R("alize", "al", C_NONE),
	R("icate", "ic", C_NONE),
	R("iciti", "ic", C_NONE),
	R("ative", "", C_R2),
	R("ical", "ic", C_NONE),
	R("ness", "", C_NONE),
	R("ful", "", C_NONE),
};

static const struct rule step4_rules[] = {
	R("ement", "", C_NONE),
	R("ance", "", C_NONE),
	R("ence", "", C_NONE),
	R("able", "", C_NONE),
	R("ible", "", C_NONE),
	R("ment", "", C_NONE),
	R("ant", "", C_NONE),
	R("ent", "", C_NONE),
	R("ism", "", C_NONE),
	R("ate", "", C_NONE),
	R("iti", "", C_NONE),
	R("ous", "", C_NONE),
	R("ive", "", C_NONE),
	R("ize", "", C_NONE),
	R("ion", "", C_ST),
	R("al", "", C_NONE),
	R("er", "", C_NONE),
	R("ic", "", C_NONE),
};

#undef R

/*
 * Apply one of Steps 2 to 4: find the longest suffix of w[0..n) in the
 * table and, if it starts at or after reg (the step's region) and meets its
 * own condition, replace it.  As in Snowball, only the longest suffix is
 * tried: if it fails its conditions, shorter ones are not considered.
 */
static size_t
apply_rules(unsigned char *w, size_t n, const struct rule *r, size_t nr,
    size_t reg, size_t p2)
{
	size_t i, s;

	for (i = 0; i < nr; i++, r++)
		if (r->slen <= n &&
		    w[n - 1] == (unsigned char)r->suf[r->slen - 1] &&
		    memcmp(w + n - r->slen, r->suf, r->slen) == 0)
			break;
	if (i == nr)
		return n;
	s = n - r->slen;
	if (s < reg)
		return n;
	switch (r->cond) {
	case C_R2:
		if (s < p2)
			return n;
		break;
	case C_L:
		if (s == 0 || w[s - 1] != 'l')
			return n;
		break;
	case C_LI:
		if (s == 0 || !valid_li(w[s - 1]))
			return n;
		break;
	case C_ST:
		if (s == 0 || (w[s - 1] != 's' && w[s - 1] != 't'))
			return n;
		break;
	default:
		break;
	}
	memcpy(w + s, r->rep, r->rlen);
	return s + r->rlen;
}

/* Step 0 and Step 1a: possessives, then plurals. */
static size_t
step1a(const unsigned char *w, size_t n)
{
	size_t s;

	if (ENDS(w, n, "'s'"))
		n -= 3;
	else if (ENDS(w, n, "'s"))
		n -= 2;
	else if (ENDS(w, n, "'"))
		n -= 1;

	if (ENDS(w, n, "sses"))
		return n - 2;
	if (ENDS(w, n, "ied") || ENDS(w, n, "ies")) {
		/* To i after two or more letters (cries), else to ie (ties). */
		s = n - 3;
		return s > 0 && char_back(w, s) > 0 ? s + 1 : s + 2;
	}
	if (ENDS(w, n, "us") || ENDS(w, n, "ss"))
		return n;
	if (ENDS(w, n, "s")) {
		/* Delete if a vowel comes before the letter before the s. */
		s = n - 1;
		if (s > 0 && has_vowel(w, char_back(w, s)))
			return s;
	}
	return n;
}

/*
 * The tail of Step 1b for -ed, -edly, -ing and -ingly starting at s: delete
 * the suffix if a vowel precedes it, then tidy the end of what is left.
 */
static size_t
step1b_ed(unsigned char *w, size_t n, size_t s, size_t p1)
{
	if (!has_vowel(w, s))
		return n;
	n = s;
	if (ENDS(w, n, "at") || ENDS(w, n, "bl") || ENDS(w, n, "iz")) {
		w[n++] = 'e';
		return n;
	}
	if (n >= 2 && w[n - 1] == w[n - 2] && undoubles(w[n - 1])) {
		/* Leave add, egg, off: a double after exactly a, e or o. */
		if (n == 3 && (w[0] == 'a' || w[0] == 'e' || w[0] == 'o'))
			return n;
		return n - 1;
	}
	/* A short word gets its e back: hop -> hope. */
	if (n == p1 && short_syllable(w, n))
		w[n++] = 'e';
	return n;
}

/* Step 1b: -eed, -eedly, -ed, -edly, -ing, -ingly. */
static size_t
step1b(unsigned char *w, size_t n, size_t p1)
{
	size_t s;

	if (ENDS(w, n, "eedly") || ENDS(w, n, "eed")) {
		s = n - (ENDS(w, n, "eedly") ? 5 : 3);
		/* Proceed, exceed and succeed are not past participles. */
		if (IS(w, s, "proc") || IS(w, s, "exc") || IS(w, s, "succ"))
			return n;
		return s >= p1 ? s + 2 : n;
	}
	if (ENDS(w, n, "ingly"))
		return step1b_ed(w, n, n - 5, p1);
	if (ENDS(w, n, "edly"))
		return step1b_ed(w, n, n - 4, p1);
	if (ENDS(w, n, "ing")) {
		s = n - 3;
		/* One non-vowel then ying: dying -> die, vying -> vie. */
		if (s >= 2 && w[s - 1] == 'y' && char_back(w, s - 1) == 0 &&
		    !is_vowel(w[0])) {
			w[s - 1] = 'i';
			w[s] = 'e';
			return s + 1;
		}
		/* Inning, outing, canning, herring, earring, evening. */
		if (IS(w, s, "inn") || IS(w, s, "out") || IS(w, s, "cann") ||
		    IS(w, s, "herr") || IS(w, s, "earr") || IS(w, s, "even"))
			return n;
		return step1b_ed(w, n, s, p1);
	}
	if (ENDS(w, n, "ed"))
		return step1b_ed(w, n, n - 2, p1);
	return n;
}

/* Step 1c: a final y or Y after a non-vowel that is not the first letter. */
static void
step1c(unsigned char *w, size_t n)
{
	size_t j;

	if (n < 2 || (w[n - 1] != 'y' && w[n - 1] != 'Y'))
		return;
	j = char_back(w, n - 1);
	if (j > 0 && !is_vowel(w[j]))
		w[n - 1] = 'i';
}

/* Step 5: a final e, or the second l of a final ll. */
static size_t
step5(const unsigned char *w, size_t n, size_t p1, size_t p2)
{
	size_t s;

	if (n == 0)
		return n;
	s = n - 1;
	if (w[s] == 'e') {
		if (s >= p2 || (s >= p1 && !short_syllable(w, s)))
			return s;
	} else if (w[s] == 'l') {
		if (s >= p2 && s > 0 && w[s - 1] == 'l')
			return s;
	}
	return n;
}

size_t
stem_english(char *word, size_t len)
{
	unsigned char *w = (unsigned char *)word;
	size_t n = len, i, nch, p1, p2;
	int y_found;

	if (exception(w, &n))
		return n;

	/* Words of two letters or less are left as they are. */
	for (i = 0, nch = 0; i < n && nch < 3; i++)
		if ((w[i] & 0xC0) != 0x80)
			nch++;
	if (nch < 3)
		return n;

	if (w[0] == '\'') {
		memmove(w, w + 1, n - 1);
		n--;
	}

	/*
	 * Mark as consonants, by writing Y, an initial y and a y after a
	 * vowel; a y just marked is no longer a vowel for the y after it.
	 */
	y_found = 0;
	if (n > 0 && w[0] == 'y') {
		w[0] = 'Y';
		y_found = 1;
	}
	for (i = 0; i + 1 < n; i++)
		if (is_vowel(w[i]) && w[i + 1] == 'y') {
			w[i + 1] = 'Y';
			y_found = 1;
			i++;
		}

	p1 = region1(w, n);
	p2 = region(w, p1, n);

	n = step1a(w, n);
	n = step1b(w, n, p1);
	step1c(w, n);
	n = apply_rules(w, n, step2_rules,
	    sizeof(step2_rules) / sizeof(step2_rules[0]), p1, p2);
	n = apply_rules(w, n, step3_rules,
	    sizeof(step3_rules) / sizeof(step3_rules[0]), p1, p2);
	n = apply_rules(w, n, step4_rules,
	    sizeof(step4_rules) / sizeof(step4_rules[0]), p2, p2);
	n = step5(w, n, p1, p2);

	/* As in Snowball, every Y goes back to y once any was marked. */
	if (y_found)
		for (i = 0; i < n; i++)
			if (w[i] == 'Y')
				w[i] = 'y';
	return n;
}
