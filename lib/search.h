/*
 * The matchers of sp-grep: word patterns (the words of lib/token.h, with *
 * wildcards and phrases), fixed strings and POSIX extended regular
 * expressions, one or many at a time, optionally case-insensitive and, for
 * fixed strings and regular expressions, restricted to whole words.
 *
 * A search finds the matches in one text (a record's payload): leftmost
 * first, the longest of the patterns that match at the same place, and not
 * overlapping one another within a group (patterns of a dictionary category
 * form a group; categories are searched independently, so one word may
 * match in two categories).  For fixed strings and most word patterns it
 * can also scan a whole input buffer for the places where a match may be,
 * so that a caller only looks at the lines around them.
 */
#ifndef SP_SEARCH_H
#define SP_SEARCH_H

#include <stddef.h>

enum search_kind {
	SEARCH_WORDS,	/* word patterns: terror*, "no safe spaces" */
	SEARCH_FIXED,	/* -F: fixed strings */
	SEARCH_REGEX	/* -E: POSIX extended regular expressions */
};

struct search_opts {
	int kind;
	int fold;	/* compare with the tokenizer's case folding */
	int whole_word;	/* fixed and regex: the match is a whole word */
};

struct search_match {
	size_t start, end;	/* byte span of the match in the text */
	unsigned group;		/* the group of the pattern that matched */
	size_t pattern;		/* its number, in the order added */
};

struct search;

struct search *search_new(const struct search_opts *opts);
void search_free(struct search *s);

/*
 * Add pattern pat (valid UTF-8, NUL-terminated) to group.  Return NULL, or
 * a message saying what is wrong with the pattern.
 */
const char *search_add(struct search *s, const char *pat, unsigned group);

/*
 * Word patterns whose first word is a literal and a final * (terror*) are
 * found through an index of those literals; after this call every pattern
 * with a * is tried at every token instead: the simple reference that the
 * tests compare the index with.
 */
void search_no_index(struct search *s);

/* The number of groups: one more than the largest group added. */
unsigned search_groups(const struct search *s);

/*
 * All matches in text[0..n) (valid UTF-8), ordered by start, then group;
 * with first_only, stop after the first.  An empty match (a regular
 * expression or fixed string that matches nothing) is reported with start
 * equal to end.  Return the count; *matches stays valid until the next
 * call.
 */
size_t search_text(struct search *s, const char *text, size_t n,
    int first_only, const struct search_match **matches);

/*
 * Whether search_scan may be used: fixed strings, none empty, and with
 * case folding only ASCII ones; or regular expressions that each require
 * one of a few literals (lib/relit.h), the same way; or word patterns that
 * each have an ASCII literal (a run of ASCII other than *).
 */
int search_can_scan(struct search *s);

/*
 * Whether search_text, given a whole block of raw input lines (not yet
 * checked for UTF-8) at once, finds exactly the matches it finds in each
 * line's text, each in its line: fixed strings (or regular expressions
 * that are sets of strings) without case folding or whole words, none
 * holding a TAB or a CR.  Then a count of matches needs one
 * search per block, not one per line.
 */
int search_block_exact(struct search *s);

/*
 * The offset of the first place in buf[from..n) where a match may start,
 * or n if there is none.  buf is raw input (not yet checked for UTF-8);
 * every match that search_text would find in a line of buf starts at such
 * a place, so lines without one can be skipped.  For word patterns the
 * place is only somewhere in the line of a possible match: an occurrence
 * of a pattern's literal, a character that could turn into one (KELVIN
 * SIGN, a soft hyphen, ...), or an invalid UTF-8 sequence (so that every
 * line the reader would repair is looked at).  Consecutive calls on the
 * same buffer with growing from reuse earlier work.
 */
size_t search_scan(struct search *s, const char *buf, size_t n, size_t from);

/*
 * Find needle[0..m) in hay[0..n) (ASCII letters in any case if icase, the
 * needle being in lower case): the offset of the first occurrence, or n + 1
 * if there is none.
 */
size_t search_find(const char *hay, size_t n, const char *needle, size_t m,
    int icase);

#endif
