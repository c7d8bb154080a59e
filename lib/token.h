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
};

void tok_init(struct tokenizer *t, const struct tok_opts *opts);
void tok_free(struct tokenizer *t);

/* Start on a new text (valid UTF-8; it must outlive the tokens). */
void tok_start(struct tokenizer *t, const char *text, size_t len);

/* The next token: 1 and *tok filled, or 0 at the end of the text. */
int tok_next(struct tokenizer *t, struct token *tok);

/*
 * Fold s[0..n) (valid UTF-8) the way tokens are folded, into out (room for
 * 2 * n + 1 bytes, NUL-terminated); return the length.  For patterns.
 */
size_t tok_fold(const char *s, size_t n, char *out);

#endif
