/*
 * Dictionaries of categories (sentiment, themes, LIWC) for sp-grep: read
 * from sp's own format or LIWC's .dic layout, matched as word patterns
 * (lib/search.h), each match counted once, and scored per group as
 * counts, weighted sums and rates per 1,000 tokens.
 *
 * sp's format: lines "CATEGORY TAB pattern" or "CATEGORY TAB pattern TAB
 * weight"; blank lines and lines starting with # are skipped.  A pattern
 * is a word pattern of sp-grep (terror*, "no safe spaces", not good); the
 * weight a decimal number with at most six decimals, such as -1.5 (a
 * missing weight is 1).  Categories come out in the order of first
 * appearance.  The same pattern twice in a category is one entry, or an
 * error if the weights differ.
 *
 * LIWC's format: a line "%", lines "ID NAME", a line "%", then lines
 * "pattern TAB ID [TAB ID ...]" (ids may be separated by spaces, and a
 * line without a TAB takes its trailing numbers as ids); a pattern of
 * several words is a phrase.  Categories come out in the order of the
 * list; every entry weighs 1.  LIWC2007's conditional entries (an id
 * field with parentheses, < > or /, like "like 02 134(02 134)126/125")
 * and entries without a word (emoticons) are skipped with a warning that
 * counts them, since sp cannot apply them.
 *
 * Which matches count: within a category, the leftmost match, the longest
 * (in words) where several start at one place, then the next match after
 * it, so a token counts at most once per category.  Across categories,
 * by default (DICT_NESTED_DICTIONARY), a match does not count when a
 * match of another category covers all of its words and more: so the
 * negated entries of the Lexicoder Sentiment Dictionary ("not good" in
 * neg_positive) take precedence over the plain word ("good" in positive),
 * and "not good" counts once, as negative.  Matches of the same words in
 * two categories both count.  DICT_NESTED_CATEGORY counts every
 * category's matches independently (quanteda's default nested_scope).
 */
#ifndef SP_DICT_H
#define SP_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hash.h"
#include "search.h"

enum dict_format {
	DICT_AUTO, /* LIWC if named *.dic or *.DIC, or if the first line
		      that is not blank is % */
	DICT_SP,
	DICT_LIWC
};

enum dict_nesting {
	DICT_NESTED_DICTIONARY, /* longer matches win across categories */
	DICT_NESTED_CATEGORY	/* categories counted independently */
};

/* Weights are kept in millionths, so that weighted sums add exactly. */
#define DICT_WEIGHT_ONE 1000000

struct dict {
	struct strtab categories; /* names in output order */
	struct search *search;	  /* a pattern per entry and category; the
				     group is the category */
	int64_t *weight;	  /* per search pattern, in millionths */
	size_t *entry;		  /* per search pattern: its text in entries */
	struct buf entries;	  /* the patterns as written, each NUL-ended */
	size_t npatterns, weightcap;
	int weighted; /* some entry had a weight column */
	int nesting;
	int format; /* the format read: DICT_SP or DICT_LIWC */

	/* Loading: entries already seen, for duplicates. */
	struct strtab seen;
	int64_t *seen_weight;
	unsigned long long *seen_line;
	size_t seencap;

	/* Matching. */
	struct search_match *kept;
	size_t keptcap;
};

/*
 * Read the dictionary at path ("-" is standard input) in the given format
 * (DICT_AUTO decides by the first line).  A file that cannot be read is
 * reported and -1 returned (d holds nothing to free); a malformed line
 * ends the program with a
 * message naming the file and the line, as does a dictionary without a
 * pattern.
 */
int dict_load(struct dict *d, const char *path, int format, int nesting);

void dict_free(struct dict *d);

/* The number of categories; category c's name. */
static inline size_t
dict_categories(const struct dict *d)
{
	return d->categories.n;
}

static inline const char *
dict_category(const struct dict *d, uint32_t c, size_t *len)
{
	*len = strtab_len(&d->categories, c);
	return strtab_key(&d->categories, c);
}

/*
 * The matches of text[0..n) (valid UTF-8) that count, by the rule above,
 * ordered by start, then category (search_match.group); *m stays valid
 * until the next call.
 */
size_t dict_match(struct dict *d, const char *text, size_t n,
		  const struct search_match **m);

/*
 * Add matches to a group's scores: count[c] and sum[c] (in millionths)
 * for every category c.  Return -1 if a weighted sum would overflow
 * (it is then left at its last value), else 0.
 */
int dict_tally(const struct dict *d, const struct search_match *m, size_t nm,
	       uint64_t *count, int64_t *sum);

/* The weight of the pattern a match came from, in millionths. */
static inline int64_t
dict_weight(const struct dict *d, const struct search_match *m)
{
	return d->weight[m->pattern];
}

/*
 * The entry a match came from: its pattern as the file has it (blanks at
 * either end dropped), NUL-terminated, its length in *len.
 */
static inline const char *
dict_entry(const struct dict *d, const struct search_match *m, size_t *len)
{
	const char *s = d->entries.s + d->entry[m->pattern];

	*len = strlen(s);
	return s;
}

/* A count or weighted sum per 1,000 tokens (NAN without tokens). */
double dict_per_1000(double x, uint64_t tokens);

/*
 * Write millionths as a decimal number, without trailing zeros ("-1.5",
 * "2", "0.000001") into buf (at least 32 bytes); return its length.
 */
size_t dict_format_weight(int64_t w, char *buf);

/*
 * Parse a weight (-1.5, +2, 0.25, with ASCII - or U+2212 MINUS SIGN) of
 * at most 6 decimals and at most 1,000,000 in size into millionths;
 * return 0, or -1 if s[0..n) is not such a number.
 */
int dict_parse_weight(const char *s, size_t n, int64_t *w);

#endif
