/*
 * Fuzz the word tokenizer (lib/token.h).  The first byte chooses the
 * options (bit 0 keep_case, bit 1 punct) and how many words tok_words
 * takes at a time (bits 2 to 7, plus 1); the rest, made valid UTF-8, is
 * tokenized.  Every token must keep token.h's promises: not empty,
 * NUL-terminated, valid UTF-8, its code points counted right, no white
 * space or control character that would break a token record, spans in
 * order and inside the text, a known kind (punctuation only with punct),
 * and, when case is folded, already folded (words and numbers).  tok_words
 * with tok_next must give the tokens tok_next alone gives, and so must
 * tok_next's reference (sp_reference, lib/reference.h).  tok_fold of the
 * whole text must fit the room the header asks for.
 */
#include "fuzz.h"
#include "reference.h"
#include "token.h"

static size_t
count_chars(const char *s, size_t n)
{
	size_t i, chars = 0;

	for (i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return chars;
}

static char *scratch;
static size_t scratchcap;

/* Room for n bytes in the scratch buffer. */
static char *
room(size_t n)
{
	if (scratchcap < n) {
		free(scratch);
		scratchcap = n;
		if ((scratch = malloc(n)) == NULL)
			abort();
	}
	return scratch;
}

/*
 * The tokens' texts, each followed by a LF, in a growing buffer: once as
 * tok_next gives them, once as tok_words and tok_next give them.
 */
struct texts {
	char *buf;
	size_t len, cap;
};

static void
add_text(struct texts *x, const char *s, size_t n)
{
	if (x->cap - x->len < n + 1) {
		x->cap = 2 * (x->len + n + 1);
		if ((x->buf = realloc(x->buf, x->cap)) == NULL)
			abort();
	}
	memcpy(x->buf + x->len, s, n);
	x->len += n;
	x->buf[x->len++] = '\n';
}

/* tok_words, max words at a time, with tok_next for the rest. */
static void
mixed_texts(const struct tok_opts *o, const char *text, size_t len,
    size_t max, struct texts *x)
{
	struct tokenizer t;
	struct token tok;
	struct tok_word w[64];
	size_t k, i;

	tok_init(&t, o);
	tok_start(&t, text, len);
	for (;;) {
		k = tok_words(&t, w, max);
		FUZZ_ASSERT(k <= max);
		for (i = 0; i < k; i++) {
			FUZZ_ASSERT(w[i].len > 0);
			add_text(x, w[i].text, w[i].len);
		}
		if (k == max)
			continue;
		if (!tok_next(&t, &tok))
			break;
		add_text(x, tok.text, tok.len);
	}
	tok_free(&t);
}

static void
check_token(const struct tok_opts *o, const struct token *tok,
    size_t textlen, size_t prev_end)
{
	size_t i;
	unsigned char c;

	FUZZ_ASSERT(tok->len > 0);
	FUZZ_ASSERT(tok->text[tok->len] == '\0');
	FUZZ_ASSERT(fuzz_valid_utf8(tok->text, tok->len));
	FUZZ_ASSERT(tok->chars == count_chars(tok->text, tok->len));
	for (i = 0; i < tok->len; i++) {
		c = (unsigned char)tok->text[i];
		FUZZ_ASSERT(c > ' ' && c != 0x7F);
	}
	FUZZ_ASSERT(tok->start < tok->end && tok->end <= textlen);
	FUZZ_ASSERT(tok->start >= prev_end);
	FUZZ_ASSERT(tok->kind >= TOK_WORD && tok->kind <= TOK_PUNCT);
	FUZZ_ASSERT(tok->kind != TOK_PUNCT || o->punct);
	/*
	 * URLs and e-mail addresses keep their case (sp-tokens(1)).
	 * Punctuation is left out too: a lone U+2019 is a token as it is,
	 * but tok_fold makes it "'" (reported; see the fuzz notes).
	 */
	if (!o->keep_case && (tok->kind == TOK_WORD ||
	    tok->kind == TOK_NUMBER)) {
		room(2 * tok->len + 1);
		i = tok_fold(tok->text, tok->len, scratch);
		FUZZ_ASSERT(i == tok->len &&
		    memcmp(scratch, tok->text, i) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tok_opts o;
	struct tokenizer t;
	struct token tok;
	struct texts want = { NULL, 0, 0 }, got = { NULL, 0, 0 };
	struct texts ref = {NULL, 0, 0};
	char *text;
	size_t len, n, prev_end = 0;

	if (size == 0)
		return 0;
	o.keep_case = data[0] & 1;
	o.punct = (data[0] >> 1) & 1;
	text = fuzz_utf8(data + 1, size - 1, &len);
	tok_init(&t, &o);
	tok_start(&t, text, len);
	while (tok_next(&t, &tok)) {
		check_token(&o, &tok, len, prev_end);
		prev_end = tok.end;
		add_text(&want, tok.text, tok.len);
	}
	tok_free(&t);
	/* Bits 2 to 7 of the first byte choose how many words at a time. */
	mixed_texts(&o, text, len, (size_t)(data[0] >> 2) + 1, &got);
	FUZZ_ASSERT(got.len == want.len &&
	    (want.len == 0 || memcmp(got.buf, want.buf, want.len) == 0));
	sp_reference = 1;
	mixed_texts(&o, text, len, (size_t)(data[0] >> 2) + 1, &ref);
	sp_reference = 0;
	FUZZ_ASSERT(
	    ref.len == want.len &&
	    (want.len == 0 || memcmp(ref.buf, want.buf, want.len) == 0));
	free(want.buf);
	free(got.buf);
	free(ref.buf);

	room(2 * len + 1);
	n = tok_fold(text, len, scratch);
	FUZZ_ASSERT(n <= 2 * len);
	FUZZ_ASSERT(scratch[n] == '\0');
	FUZZ_ASSERT(fuzz_valid_utf8(scratch, n));

	free(text);
	return 0;
}
