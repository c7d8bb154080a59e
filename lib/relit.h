/*
 * Required literals of a POSIX extended regular expression: a small set of
 * strings such that every match of the expression contains at least one
 * of them, so that sp-grep -E can skip, as GNU grep does, every line that
 * contains none without running the regular expression on it.
 */
#ifndef SP_RELIT_H
#define SP_RELIT_H

#include <stddef.h>

#define RELIT_MAX 16	/* most strings in a set */
#define RELIT_LEN 64	/* longest string kept */

struct relit {
	size_t n;			/* strings; 0: none known */
	size_t len[RELIT_MAX];
	char s[RELIT_MAX][RELIT_LEN + 1];	/* NUL-terminated */
};

/*
 * Work out a set for the expression re (as regcomp(3) with REG_EXTENDED
 * reads it, bytewise): the one whose shortest string is longest.  Return
 * the number of strings, or 0 when none is known: the expression can match
 * without a literal (a*, x?, a|.), or uses something this reader does not
 * follow (back-references, unusual syntax), or nests too deeply.  A set is
 * only ever a necessary condition; 0 is always a safe answer.
 */
size_t relit_find(const char *re, struct relit *out);

/*
 * Whether the expression re matches exactly the strings of a small set
 * and nothing else (Jerusalem, "the people", (Jerusalem|Babylon)s, a\.b),
 * none of them empty and with no anchor: then searching for re is
 * searching for those strings, leftmost and longest first, as fixed
 * strings are searched.  Return the number of strings in out, or 0.
 */
size_t relit_exact(const char *re, struct relit *out);

#endif
