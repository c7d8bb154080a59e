/*
 * The word tokenizer shared by sp-tokens and sp-grep, so that a word means
 * the same thing when it is counted and when it is searched for.
 *
 * A word is a run of letters, marks and digits in any script.  Kept inside
 * it: apostrophes (' and U+2019, both written as ') between word
 * characters; hyphens between letters or a letter and a digit
 * (counter-terrorism, mid-2030s); between digits, the marks of numbers
 * (1.9, 100,000, 20:25, 7/7).  A URL (scheme:// or www.) or an e-mail
 * address is one token, without trailing punctuation.  Invisible characters
 * (soft hyphen, zero-width space and joiners, BOM) are removed.  Tokens are
 * in NFC and, unless keep_case, case-folded.  Everything else separates
 * tokens and is dropped, unless punct: then each punctuation mark or symbol
 * (a run of the same ASCII mark, like "..." or "--", counts as one) is a
 * token of its own, U+2019 written as ' there too.  URL and e-mail tokens
 * keep their case.
 */
#ifndef SP_TOKEN_H
#define SP_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "record.h"

enum tok_kind {
	TOK_WORD = 1,	/* has at least one letter */
	TOK_NUMBER,	/* digits and number marks only */
	TOK_URL,
	TOK_EMAIL,
	TOK_PUNCT
};

struct tok_opts {
	int keep_case;	/* do not fold case */
	int punct;	/* punctuation and symbols as tokens */
};

/*
 * A token's text is at the start of a buffer of at least TOK_TEXT_ROOM
 * bytes, so that a short token can be copied as one block of that size.
 */
#define TOK_TEXT_ROOM 64

struct token {
	const char *text;	/* normalised text, NUL-terminated */
	size_t len;		/* bytes */
	size_t chars;		/* code points */
	size_t start, end;	/* the token's span in the source text */
	int kind;
};

struct tokenizer {
	struct tok_opts opts;
	const char *src;
	size_t srclen, pos;
	int has_at, has_url;	/* worth looking for e-mail, URLs */
	char *buf;		/* the current token's normalised text */
	size_t cap;
	uint32_t *cps, *nfc;	/* scratch for NFC */
	size_t cpcap;
	/* For tok_words. */
	int plain;		/* 0 not looked at yet, 1 the text is plain
				   ASCII and has no @, -1 it is not */
	char *pad;		/* the text folded, with room after it */
	uint64_t *wordbits;	/* bit i set: pad[i] is a letter or digit */
	size_t padcap;
};

void tok_init(struct tokenizer *t, const struct tok_opts *opts);
void tok_free(struct tokenizer *t);

/* Start on a new text (valid UTF-8; it must outlive the tokens). */
void tok_start(struct tokenizer *t, const char *text, size_t len);

/* The next token: 1 and *tok filled, or 0 at the end of the text. */
int tok_next(struct tokenizer *t, struct token *tok);

/*
 * A plain word: a token made of ASCII letters and digits only, whose text
 * is that of its span in the source, folded unless keep_case.
 */
struct tok_word {
	const char *text;	/* not NUL-terminated; TOK_TEXT_ROOM readable */
	size_t len;		/* bytes, and code points */
};

/*
 * For a caller that takes every token as it comes: the next tokens while
 * they are plain words, at most max of them, into w; return how many.  It
 * stops before any other token (and at once for text that is not all
 * ASCII, or that may hold a URL or an e-mail address, or with punct): then
 * tok_next gives the next token, and tok_words can go on after it.  The
 * words are the tokens tok_next would give, in order.
 */
size_t tok_words(struct tokenizer *t, struct tok_word *w, size_t max);

/*
 * For a caller that writes each token as a record of its own after the
 * same key (sp-tokens): what tok_words does, but each plain word of at
 * most RECORD_BLOCK bytes is written by the record writer rw as KEY TAB
 * WORD LF (record.h), straight into its buffer.  Return 1 if it stopped
 * because the buffer is full (then record_flush and call again); -1 if no
 * token is left in the text; 0 if tok_next gives the next token (a
 * longer word too, and every word when the key is longer than
 * RECORD_BLOCK), or tells that the text ends.
 */
int tok_lines(struct tokenizer *t, struct record_writer *rw);

/*
 * Fold s[0..n) (valid UTF-8) the way tokens are folded (ASCII lower case,
 * U+2019 as ', simple case folding), into out (room for 2 * n + 1 bytes,
 * NUL-terminated); return the length.  For patterns and searched text.
 */
size_t tok_fold(const char *s, size_t n, char *out);

/*
 * The same, and if map is not NULL (room for 2 * n + 1 entries), map[i] is
 * the offset in s of the character that gave byte i of out, and map[length]
 * is n: a match in the folded text is mapped back to the original.
 */
size_t tok_fold_map(const char *s, size_t n, char *out, size_t *map);

#endif
