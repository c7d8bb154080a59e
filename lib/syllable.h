/*
 * English syllables of a word, by rule, for the readability formulas
 * (lib/readability.h).  The rules, their order and the reasons for them
 * are at the top of lib/syllable.c; the word list that tests them is
 * tests/unit/syllables.tsv.  A word is a token of lib/token.h, folded or
 * not; the count depends on nothing but its bytes.
 */
#ifndef SP_SYLLABLE_H
#define SP_SYLLABLE_H

#include <stddef.h>

struct syllables {
	unsigned n;   /* syllables of the whole word, 0 if it has no
			 letter or digit */
	unsigned fog; /* what Gunning's Fog counts: the largest part of
			 a hyphenated word, without the syllable of an
			 -es, -ed or -ing ending */
};

/* Count the syllables of w[0..len) (valid UTF-8). */
void syllable_word(const char *w, size_t len, struct syllables *s);

/* The same, only the count. */
unsigned syllable_count(const char *w, size_t len);

#endif
