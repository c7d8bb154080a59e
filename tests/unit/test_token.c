/*
 * Unit tests of the tokenizer: what sp-tokens cannot show, the source span
 * and kind of every token (sp-grep builds its matches and contexts from
 * them), and folding for patterns.
 */
#include <string.h>

#include "token.h"
#include "unit.h"

struct expect {
	const char *text;
	size_t start, end;
	int kind;
};

static void
check_tokens(const char *src, const struct expect *want, size_t nwant,
    int punct)
{
	struct tok_opts o = { 0, punct };
	struct tokenizer t;
	struct token tok;
	size_t i = 0;

	tok_init(&t, &o);
	tok_start(&t, src, strlen(src));
	while (tok_next(&t, &tok)) {
		if (i < nwant) {
			CHECK_STR(tok.text, want[i].text);
			CHECK_INT(tok.start, want[i].start);
			CHECK_INT(tok.end, want[i].end);
			CHECK_INT(tok.kind, want[i].kind);
		}
		i++;
	}
	CHECK_INT(i, nwant);
	tok_free(&t);
}

static void
test_spans(void)
{
	static const struct expect e1[] = {
		{ "qa'ida", 0, 8, TOK_WORD },	/* ’ is 3 bytes */
		{ "1.9", 9, 12, TOK_NUMBER },
		{ "zoë", 13, 17, TOK_WORD },
	};
	static const struct expect e2[] = {
		{ "see", 1, 4, TOK_WORD },
		{ "www.gov.uk/prevent", 5, 23, TOK_URL },
		{ "a@b.org", 25, 32, TOK_EMAIL },
	};
	static const struct expect e3[] = {
		{ "antiterror", 0, 12, TOK_WORD },	/* soft hyphen inside */
	};
	static const struct expect e4[] = {
		{ "“", 0, 3, TOK_PUNCT },
		{ "no", 3, 5, TOK_WORD },
		{ "...", 5, 8, TOK_PUNCT },
		{ "”", 8, 11, TOK_PUNCT },
	};

	check_tokens("Qa’ida 1.9 Zoë", e1, 3, 0);
	check_tokens("(see www.gov.uk/prevent) a@b.org.", e2, 3, 0);
	check_tokens("anti\xC2\xADterror\xC2\xAD", e3, 1, 0);
	check_tokens("“no...”", e4, 4, 1);
	check_tokens("", NULL, 0, 0);
	check_tokens(" \t—–… ", NULL, 0, 0);
}

static void
test_chars(void)
{
	struct tokenizer t;
	struct token tok;

	tok_init(&t, NULL);
	tok_start(&t, "Ёжик", 8);
	CHECK(tok_next(&t, &tok));
	CHECK_INT(tok.len, 8);
	CHECK_INT(tok.chars, 4);
	CHECK_STR(tok.text, "ёжик");
	/* NFC: e + combining acute is one character. */
	tok_start(&t, "e\xCC\x81t\xC3\xA9", 6);
	CHECK(tok_next(&t, &tok));
	CHECK_STR(tok.text, "\xC3\xA9t\xC3\xA9");
	CHECK_INT(tok.chars, 3);
	CHECK_INT(tok.end, 6);
	tok_free(&t);
}

static void
test_fold(void)
{
	char out[64];

	CHECK_INT(tok_fold("ÉCOLE", 6, out), 6);
	CHECK_STR(out, "école");
	tok_fold("Qa’ida", 8, out);
	CHECK_STR(out, "qa'ida");
	tok_fold("\xE2\x84\xAA", 3, out);	/* KELVIN SIGN */
	CHECK_STR(out, "k");
	tok_fold("ΣΟΦΟΣ", 10, out);
	CHECK_STR(out, "σοφοσ");
}

int
main(void)
{
	test_spans();
	test_chars();
	test_fold();
	UNIT_DONE();
}
