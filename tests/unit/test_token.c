/*
 * Unit tests of the tokenizer: what sp-tokens cannot show, the source span
 * and kind of every token (sp-grep builds its matches and contexts from
 * them), and folding for patterns.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io.h"
#include "record.h"
#include "reference.h"
#include "token.h"
#include "unit.h"

struct expect {
	const char *text;
	size_t start, end;
	int kind;
};

/*
 * The text is copied to a buffer of its exact size, so that the sanitizer
 * build catches a read past its end (the tokenizer reads eight bytes at a
 * time where it can).
 */
static void
check_tokens_opts(const char *src, const struct expect *want, size_t nwant,
    const struct tok_opts *o)
{
	struct tokenizer t;
	struct token tok;
	size_t i = 0, n = strlen(src);
	char *copy = malloc(n > 0 ? n : 1);

	memcpy(copy, src, n);
	tok_init(&t, o);
	tok_start(&t, copy, n);
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
	free(copy);
}

static void
check_tokens(const char *src, const struct expect *want, size_t nwant,
    int punct)
{
	struct tok_opts o = { 0, punct };

	check_tokens_opts(src, want, nwant, &o);
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

/*
 * Where the plain start of a word (ASCII letters and digits, read eight
 * bytes at a time) stops: at a mark that joins or not, a multibyte
 * letter, a mark, an invisible character, the ends of groups of eight and
 * of the text, and the ASCII neighbours of the letter and digit ranges.
 */
static void
test_plain_runs(void)
{
	static const struct expect e1[] = {
		{ "counter-terrorism", 0, 17, TOK_WORD },
		{ "rock'n'roll", 18, 29, TOK_WORD },
		{ "u.k", 30, 33, TOK_WORD },
		{ "1,000.5", 35, 42, TOK_NUMBER },
		{ "abcdefgh", 43, 51, TOK_WORD },
		{ "abcdefghi", 52, 61, TOK_WORD },
		{ "abcdefghijklmnop7", 62, 79, TOK_WORD },
		{ "x", 80, 81, TOK_WORD },
	};
	static const struct expect e2[] = {
		{ "straßenbahn", 0, 12, TOK_WORD },
		{ "abcdefg's", 13, 24, TOK_WORD },
		{ "abcdefgh", 25, 33, TOK_WORD },
		{ "12345678abc", 35, 46, TOK_WORD },
		{ "1234567890", 47, 57, TOK_NUMBER },
		{ "abcdefgh7", 58, 67, TOK_WORD },
	};
	static const struct expect e3[] = {
		{ "abc", 1, 4, TOK_WORD },
		{ "def", 6, 9, TOK_WORD },
		{ "ghi", 10, 13, TOK_WORD },
		{ "0123456789", 16, 26, TOK_NUMBER },
		{ "x.y", 28, 31, TOK_WORD },
		{ "a", 32, 33, TOK_WORD },
		{ "b", 34, 35, TOK_WORD },
		{ "7:45", 36, 40, TOK_NUMBER },
		{ "\xC3\xA9", 41, 44, TOK_WORD },	/* e + U+0301 in NFC */
		{ "abcdefghij-2030s", 45, 61, TOK_WORD },
		{ "word", 62, 66, TOK_WORD },	/* ZWSP dropped */
	};
	static const struct expect e4[] = {
		{ "AbCdEfGhIjKl", 0, 12, TOK_WORD },
		{ "MNOPQRST9", 13, 22, TOK_WORD },
		{ "xY", 23, 25, TOK_WORD },
	};
	struct tok_opts keep = { 1, 0 };

	check_tokens("Counter-Terrorism rock'n'roll U.K. 1,000.5 ABCDEFGH "
	    "ABCDEFGHI abcdefghijklmnop7 x", e1, 8, 0);
	check_tokens("Straßenbahn abcdefg’s abcdefgh' 12345678abc 1234567890 "
	    "abcdefgh7", e2, 6, 0);
	check_tokens("[abc]`def{ghi}@/0123456789: x.y a:b 7:45 e\xCC\x81 "
	    "ABCDEFGHIJ-2030s word\xE2\x80\x8B", e3, 11, 0);
	check_tokens_opts("AbCdEfGhIjKl MNOPQRST9 xY", e4, 3, &keep);
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

/*
 * The tokens of src as tok_words (max at a time) and tok_next give them
 * together, joined by spaces into out; return how many tok_words gave.
 */
static size_t
mixed_tokens(const char *src, const struct tok_opts *o, size_t max,
    char *out, size_t outcap)
{
	struct tokenizer t;
	struct token tok;
	struct tok_word w[64];
	size_t n = strlen(src), o_len = 0, fast = 0, k, i;
	char *copy = malloc(n > 0 ? n : 1);

	memcpy(copy, src, n);
	tok_init(&t, o);
	tok_start(&t, copy, n);
	for (;;) {
		k = tok_words(&t, w, max);
		for (i = 0; i < k && o_len + w[i].len + 1 < outcap; i++) {
			memcpy(out + o_len, w[i].text, w[i].len);
			o_len += w[i].len;
			out[o_len++] = ' ';
		}
		fast += k;
		if (k == max)
			continue;
		if (!tok_next(&t, &tok))
			break;
		if (o_len + tok.len + 1 < outcap) {
			memcpy(out + o_len, tok.text, tok.len);
			o_len += tok.len;
			out[o_len++] = ' ';
		}
	}
	out[o_len] = '\0';
	tok_free(&t);
	free(copy);
	return fast;
}

/* The same with tok_next alone. */
static void
plain_tokens(const char *src, const struct tok_opts *o, char *out,
    size_t outcap)
{
	struct tokenizer t;
	struct token tok;
	size_t n = strlen(src), o_len = 0;
	char *copy = malloc(n > 0 ? n : 1);

	memcpy(copy, src, n);
	tok_init(&t, o);
	tok_start(&t, copy, n);
	while (tok_next(&t, &tok))
		if (o_len + tok.len + 1 < outcap) {
			memcpy(out + o_len, tok.text, tok.len);
			o_len += tok.len;
			out[o_len++] = ' ';
		}
	out[o_len] = '\0';
	tok_free(&t);
	free(copy);
}

/*
 * tok_words with tok_next gives what tok_next alone gives: around marks
 * that join or not, URLs, at the ends of 64-byte blocks, with any max;
 * and it leaves to tok_next text that is not ASCII, has an @, or punct.
 */
static void
test_words(void)
{
	static const char *const texts[] = {
		"In the beginning God created the heaven and the earth.",
		"don't stop: 1.9, 100,000 and 20:25 or 7/7; U.S. e.g. x-1 1-x",
		"it's a-b a--b a'b' 'a 5.a a.5 5,a 5:a 5/a a:5 a/5 1.2.3.",
		"see www.gov.uk/x, www. www.- http://a.b https: ftp:x wwwx.",
		"WWW.A.B Http://X.Y HTTPS://Q www.) www http ftp https",
		/* Words across the ends of 64-byte blocks. */
		"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
		    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789abcdefghijklmnopqrstuvwxyz-ABC 7",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaa b cccccccccccccccccccccccccccccccccccccccccc"
		    "cccccccccccccccccccc.d",
		("x                                                     "
		    "          y"),
		"Zoë and Qa’ida 1.9",
		"mail me@x.org now",
		"   ",
		"a",
		"",
		/* The mark after a word and the byte after the mark. */
		"www.(x www.<x www.\"x www.'x www.)y www.,x end.\" end.) "
		    "x.\001y a:\002b a-\037b a'\177b 1,\0132 a.\tb 1.\r2",
		"http:/x ftp:/x ftp://x https:x HTTPS:// wWw.x.y a./b a.-b "
		    "1:a a:1 1/a a-'b 1'a a'1 1-a a-1 1--2 www. http:",
		"ends in a number and a comma 1,",
		"ends in www.",
		/* Marks and URLs at the ends of 64-byte blocks. */
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    " www.x.y bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
		    "bbbbbbbbbbb x'y",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "a 12.5 bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
		    "bbbbbbbbbbbb http://z",
	};
	struct tok_opts o[3] = { { 0, 0 }, { 1, 0 }, { 0, 1 } };
	static const size_t maxes[] = { 1, 2, 3, 64 };
	char want[1024], got[1024], ref[1024];
	size_t i, j, m, fast;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		for (j = 0; j < 3; j++)
			for (m = 0; m < sizeof(maxes) / sizeof(maxes[0]); m++) {
				plain_tokens(texts[i], &o[j], want,
				    sizeof(want));
				fast = mixed_tokens(texts[i], &o[j], maxes[m],
				    got, sizeof(got));
				CHECK_STR(got, want);
				if (j == 2 || i == 8 || i == 9)
					CHECK_INT(fast, 0);
				else if (i < 8)
					CHECK(fast > 0);
				/*
				 * The reference (lib/reference.h): no plain
				 * words from tok_words, and the same tokens
				 * from tok_next taking one character at a
				 * time.
				 */
				sp_reference = 1;
				plain_tokens(texts[i], &o[j], ref, sizeof(ref));
				CHECK_STR(ref, want);
				fast = mixed_tokens(texts[i], &o[j], maxes[m],
						    got, sizeof(got));
				sp_reference = 0;
				CHECK_STR(got, want);
				CHECK_INT(fast, 0);
			}
}

/* The bytes written so far through w, to the file and in its buffer. */
static size_t
written(const struct writer *w)
{
	return (size_t)lseek(w->fd, 0, SEEK_CUR) + w->len;
}

/*
 * The tokens of src as tok_lines and tok_next give them, each written as
 * a record after the key prefix (KEY TAB, or nothing for no key) through
 * a writer whose buffer holds room bytes, into out; return how many bytes
 * tok_lines wrote.
 */
static size_t
line_tokens(const char *src, const struct tok_opts *o, const char *prefix,
    size_t room, char *out, size_t outcap)
{
	struct tokenizer t;
	struct token tok;
	struct writer w;
	struct record_writer rw;
	FILE *f = tmpfile();
	size_t n = strlen(src), plen = strlen(prefix), fast = 0, before, got;
	char *copy = malloc(n > 0 ? n : 1);
	int more;

	if (f == NULL || copy == NULL)
		abort();
	w.fd = fileno(f);
	w.name = "(test)";
	w.buf = malloc(room); /* exactly room: ASan sees a write past it */
	w.cap = room;
	w.len = 0;
	record_writer_init(&rw, &w);
	record_key_set(&rw, plen > 0 ? prefix : NULL, plen > 0 ? plen - 1 : 0);
	memcpy(copy, src, n);
	tok_init(&t, o);
	tok_start(&t, copy, n);
	for (;;) {
		before = written(&w);
		more = tok_lines(&t, &rw);
		fast += written(&w) - before;
		if (more > 0) {
			record_flush(&rw);
			continue;
		}
		/* tok_next agrees that no token is left. */
		if (more < 0)
			CHECK_INT(tok_next(&t, &tok), 0);
		if (more < 0 || !tok_next(&t, &tok))
			break;
		record_put_short(&rw, tok.text, tok.len);
	}
	writer_flush(&w);
	got = (size_t)lseek(w.fd, 0, SEEK_CUR);
	CHECK(got < outcap);
	rewind(f);
	out[fread(out, 1, got < outcap ? got : outcap - 1, f)] = '\0';
	fclose(f);
	tok_free(&t);
	record_writer_free(&rw);
	free(copy);
	free(w.buf);
	return fast;
}

/*
 * tok_lines with tok_next writes the records of what tok_next alone
 * gives, with keys of any length up to RECORD_BLOCK (and longer, which
 * tok_lines leaves to tok_next), words up to it and longer, and little
 * room (down to a record at a time).
 */
static void
test_lines(void)
{
	static const char *const texts[] = {
		"In the beginning God created the heaven and the earth.",
		"don't stop: 1.9, 100,000 and www.x.y e.g. x-1 1-x a'b",
		"a ab abcdefghijklmnop abcdefghijklmnopq "
		    "abcdefghijklmnopqrstuvwxyzabcdef "
		    "abcdefghijklmnopqrstuvwxyzabcdefg "
		    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz x",
		"abcdefghijklmnopqrstuvwxyzabcdef",
		"Zoë and Qa’ida 1.9",
		"",
	};
	static const char *const keys[] = {
	    "", "k\t", "doc\t1\t2\t", "0123456789abcdefghijklmnopqrstu\t",
	    "0123456789abcdefghijklmnopqrstuv\t"};
	/* Room for one record at least, and some more. */
	static const size_t rooms[] = { 0, 1, 7, 38, 39, 100, 400 };
	struct tok_opts o = { 0, 0 };
	char want[2048], got[2048], line[256];
	struct tokenizer t;
	struct token tok;
	size_t i, k, r, n, w;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			tok_init(&t, &o);
			tok_start(&t, texts[i], strlen(texts[i]));
			for (w = 0; tok_next(&t, &tok); w += n) {
				n = (size_t)snprintf(line, sizeof(line),
				    "%s%s\n", keys[k], tok.text);
				memcpy(want + w, line, n);
			}
			want[w] = '\0';
			tok_free(&t);
			for (r = 0; r < sizeof(rooms) / sizeof(rooms[0]); r++) {
				n = line_tokens(texts[i], &o, keys[k],
						strlen(keys[k]) + RECORD_BLOCK +
						    1 + rooms[r],
						got, sizeof(got));
				CHECK_STR(got, want);
				if (i < 4 && strlen(keys[k]) <= RECORD_BLOCK)
					CHECK(n > 0);
				else
					CHECK_INT(n, 0);
			}
		}
}

int
main(void)
{
	test_spans();
	test_plain_runs();
	test_chars();
	test_fold();
	test_words();
	test_lines();
	/* Every token again through the reference (lib/reference.h). */
	sp_reference = 1;
	test_spans();
	test_plain_runs();
	test_chars();
	test_fold();
	sp_reference = 0;
	UNIT_DONE();
}
