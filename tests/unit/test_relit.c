/*
 * Unit tests of the required literals of regular expressions (lib/relit.c):
 * what each kind of expression requires, that what cannot be trusted
 * requires nothing, and, for a set of expressions and texts, that every
 * text regexec matches holds one of the literals.
 */
#include <regex.h>
#include <string.h>

#include "relit.h"
#include "unit.h"

/* The set for re as "a|b|c" in the order found, or "" for none. */
static const char *
lits(const char *re)
{
	static char out[RELIT_MAX * (RELIT_LEN + 1) + 1];
	struct relit r;
	size_t i;

	out[0] = '\0';
	relit_find(re, &r);
	for (i = 0; i < r.n; i++) {
		if (i > 0)
			strcat(out, "|");
		strcat(out, r.s[i]);
	}
	return out;
}

static void
test_sets(void)
{
	CHECK_STR(lits("Jerusalem"), "Jerusalem");
	CHECK_STR(lits("(Jerusalem|Babylon|Egypt)[a-z]*"),
	    "Jerusalem|Babylon|Egypt");
	CHECK_STR(lits("a(b|c)d"), "abd|acd");
	CHECK_STR(lits("^The end$"), "The end");
	CHECK_STR(lits("colou?r"), "colo");
	CHECK_STR(lits("x.*longer"), "longer");
	CHECK_STR(lits("ab[0-9]+cdef"), "cdef");
	CHECK_STR(lits("(ab)+c"), "ab");
	CHECK_STR(lits("ab{2,3}c"), "a");
	CHECK_STR(lits("(ab){2}c"), "ab");
	CHECK_STR(lits("x{0,2}yz"), "yz");
	CHECK_STR(lits("a\\.b"), "a.b");
	CHECK_STR(lits("\\(1\\)"), "(1)");
	CHECK_STR(lits("\\bterror\\w*"), "terror");
	CHECK_STR(lits("[]a]bc"), "bc");
	CHECK_STR(lits("[[:alpha:]]+ism"), "ism");
	CHECK_STR(lits("[^]x]y"), "y");
	CHECK_STR(lits("Zoë|José"), "Zoë|José");
	CHECK_STR(lits("((a|b)(c|d))(e|f)"), "ace|acf|ade|adf|bce|bcf|bde|bdf");
	/* Alternatives that each require something, but not alike. */
	CHECK_STR(lits("foo.*bar|baz"), "foo|baz");
	/* Too many products: the run starts again after them. */
	CHECK_STR(lits("(a|b|c|d|e)(f|g|h|i)(j|k)"),
	    "fj|fk|gj|gk|hj|hk|ij|ik");
	/* A long literal is cut, not lost. */
	CHECK(strlen(lits("aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeee"
	    "ffffffffffgggggggggg")) == RELIT_LEN);
}

static void
test_nothing(void)
{
	CHECK_STR(lits(""), "");
	CHECK_STR(lits("a*"), "");
	CHECK_STR(lits("a?"), "");
	CHECK_STR(lits("."), "");
	CHECK_STR(lits("x|.*"), "");
	CHECK_STR(lits("a|"), "");
	CHECK_STR(lits("()"), "");
	CHECK_STR(lits("^$"), "");
	CHECK_STR(lits("(abc)*"), "");
	CHECK_STR(lits("[abc"), "");		/* not understood */
	CHECK_STR(lits("a{,2}"), "");
	CHECK_STR(lits("a{2"), "");
	CHECK_STR(lits("*a"), "");
	CHECK_STR(lits("a)"), "");
	CHECK_STR(lits("(a"), "");
	CHECK_STR(lits("ab\\"), "");
	CHECK_STR(lits("a\xC3"), "");		/* not UTF-8 */
	/* Too many alternatives to be worth it. */
	CHECK_STR(lits("a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q"), "");
	CHECK_STR(lits("((((((((((((((((((((((a))))))))))))))))))))))"), "");
	CHECK_STR(lits("(((((a)))))"), "a");
}

/* Whether text holds one of the literals of re. */
static int
holds(const struct relit *r, const char *text)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strstr(text, r->s[i]) != NULL)
			return 1;
	return 0;
}

/* Every text that an expression matches holds one of its literals. */
static void
test_sound(void)
{
	static const char *res[] = {
		"(Jerusalem|Babylon|Egypt)[a-z]*", "a(b|c)d", "colou?r",
		"(ab)+c", "ab{2,3}c", "foo.*bar|baz", "x{0,2}yz", "a+b+",
		"(a|b)c(d|e)", "[0-9]+ per cent", "(un)?happ(y|iness)",
		"^(The|A) ", "q(u|v)+", "é+t", "(x|yz){1,}w",
	};
	static const char *texts[] = {
		"Jerusalemites", "the abd", "acd", "color", "colour", "ababc",
		"abbc", "abbbc", "foo and bar", "baz", "yz", "xxyz", "aab",
		"bce", "ace", "50 per cent", "unhappiness", "happy", "The end",
		"A word", "quu", "qvu", "ét", "éét", "yzw", "xxw", "xyzw",
		"Babylon", "Egyptian", "nothing here", "",
	};
	size_t i, j;
	regex_t re;
	struct relit r;

	for (i = 0; i < sizeof(res) / sizeof(res[0]); i++) {
		CHECK(regcomp(&re, res[i], REG_EXTENDED | REG_NOSUB) == 0);
		CHECK(relit_find(res[i], &r) > 0);
		for (j = 0; j < sizeof(texts) / sizeof(texts[0]); j++)
			if (regexec(&re, texts[j], 0, NULL, 0) == 0 &&
			    !holds(&r, texts[j])) {
				CHECK(!"a match without a literal");
				fprintf(stderr, "  %s on %s\n", res[i],
				    texts[j]);
			}
		regfree(&re);
	}
}

/* The exact set of re as "a|b|c", or "" when it is not one. */
static const char *
exact(const char *re)
{
	static char out[RELIT_MAX * (RELIT_LEN + 1) + 1];
	struct relit r;
	size_t i;

	out[0] = '\0';
	relit_exact(re, &r);
	for (i = 0; i < r.n; i++) {
		if (i > 0)
			strcat(out, "|");
		strcat(out, r.s[i]);
	}
	return out;
}

/*
 * The expressions that are sets of strings, and that where regexec finds
 * a match in a text the leftmost, longest string of the set is there.
 */
static void
test_exact(void)
{
	static const char *res[] = {
		"Jerusalem", "(Jerusalem|Babylon)s", "a\\.b", "the people",
		"ab|abc", "(a|b)(c|d)", "é(t|té)", "the|there|then",
	};
	static const char *texts[] = {
		"Jerusalems and Babylons", "a.b axb", "the people's",
		"abcab", "xbdac", "étété", "then there the", "nothing", "",
	};
	struct relit r;
	regex_t re;
	regmatch_t m;
	size_t i, j, k, best, start, len, at;
	const char *p;

	CHECK_STR(exact("Jerusalem"), "Jerusalem");
	CHECK_STR(exact("(Jerusalem|Babylon)s"), "Jerusalems|Babylons");
	CHECK_STR(exact("a\\.b"), "a.b");
	CHECK_STR(exact("ab|abc"), "ab|abc");
	CHECK_STR(exact("(a|b)(c|d)"), "ac|ad|bc|bd");
	CHECK_STR(exact("^the"), "");
	CHECK_STR(exact("the$"), "");
	CHECK_STR(exact("colou?r"), "");
	CHECK_STR(exact("a+"), "");
	CHECK_STR(exact("[ab]"), "");
	CHECK_STR(exact("a.b"), "");
	CHECK_STR(exact("a|"), "");
	CHECK_STR(exact("x{2}"), "");
	CHECK_STR(exact("\\w"), "");
	CHECK_STR(exact(""), "");
	CHECK_STR(exact("()"), "");
	CHECK_STR(exact("é*"), "");
	for (i = 0; i < sizeof(res) / sizeof(res[0]); i++) {
		CHECK(regcomp(&re, res[i], REG_EXTENDED) == 0);
		CHECK(relit_exact(res[i], &r) > 0);
		for (j = 0; j < sizeof(texts) / sizeof(texts[0]); j++) {
			best = r.n;
			start = len = 0;
			for (k = 0; k < r.n; k++)
				if ((p = strstr(texts[j], r.s[k])) != NULL) {
					/* The first place of string k. */
					at = (size_t)(p - texts[j]);
					if (best == r.n || at < start ||
					    (at == start && r.len[k] > len)) {
						best = k;
						start = at;
						len = r.len[k];
					}
				}
			if (regexec(&re, texts[j], 1, &m, 0) != 0)
				CHECK(best == r.n);
			else
				CHECK(best < r.n && (size_t)m.rm_so == start &&
				    (size_t)(m.rm_eo - m.rm_so) == len);
		}
		regfree(&re);
	}
}

int
main(void)
{
	test_sets();
	test_nothing();
	test_sound();
	test_exact();
	UNIT_DONE();
}
