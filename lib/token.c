/*
 * The word tokenizer of token.h.  It walks the text once: the plain start
 * of a word (ASCII letters and digits) eight bytes at a time, other ASCII
 * with a table lookup per byte, and the rest by code point.  It writes
 * each token's normalised text into one growing buffer, so there is no
 * allocation per token.  A mark joins a word (an apostrophe, a hyphen, the
 * dot of 1.9) only when the characters on both sides allow it, which is
 * decided by looking one code point ahead.
 *
 * The fast paths: plain_part takes the plain start of a word eight bytes
 * at a time; a word whose characters all stay as they are in NFC is not
 * normalised; URLs and e-mail addresses are looked for only in a text
 * that has a / or www., or an @; and tok_words and tok_lines find the
 * plain words of a plain ASCII text in a bitmap.  With sp_reference
 * (reference.h) tok_next takes every character of a word one by one,
 * normalises every word, looks for a URL or an e-mail address wherever
 * one could start, and tok_words and tok_lines leave every token to it.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "reference.h"
#include "swar.h"
#include "token.h"
#include "unicode.h"
#include "utf8.h"

/* What a code point is to the tokenizer. */
enum { C_SEP, C_LETTER, C_DIGIT, C_MARK, C_INVISIBLE };

/*
 * What an ASCII byte is to the tokenizer: the same values as for code
 * points (ASCII has no invisible characters), so that a byte's kind can
 * stand for its code point's.
 */
enum {
	A_SEP = C_SEP,		/* white space, controls: never a token */
	A_LETTER = C_LETTER,
	A_DIGIT = C_DIGIT,
	A_MARK = C_MARK,	/* punctuation or symbol */
	A_HIGH = C_INVISIBLE + 1 /* first byte of a multibyte sequence */
};

static unsigned char ascii_kind[256];
static char ascii_lower[128];

/*
 * For the plain part of a word: what a byte adds to it (the byte itself,
 * or its lower case), or 0 if it is not an ASCII letter or digit.
 */
static unsigned char plain_lower[256], plain_same[256];

/* ASCII that ends a word after a letter or digit, whatever follows. */
static unsigned char ends_word[256];

/* The first letters of URLs, and the marks after their first word. */
static unsigned char url_first[256], url_mark[256];

/*
 * For tok_words, indexed by an ASCII mark after a word and the ASCII byte
 * after the mark, the two read as a uint16_t: 1 when the mark may join
 * the word to more, or may end the first word of a URL ("www." or "http:"
 * before anything but white space).  Then one_word looks closer.  Both
 * bytes are below 128, so the index is below 32768 in either byte order;
 * the few entries that text uses most stay in the cache.
 */
static unsigned char may_join[32768];
static int tables_ready;

static inline int joins(uint32_t cp, int prev, int next);

static void
init_tables(void)
{
	unsigned char two[2];
	uint16_t pair;
	int c, b, k, next;

	for (c = 0; c < 256; c++) {
		if (c >= 0x80) {
			ascii_kind[c] = A_HIGH;
			continue;
		}
		ascii_lower[c] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		k = uc_ascii_class[c];
		if (k == UC_LETTER)
			ascii_kind[c] = A_LETTER;
		else if (k == UC_DIGIT)
			ascii_kind[c] = A_DIGIT;
		else if (k == UC_PUNCT || k == UC_SYMBOL)
			ascii_kind[c] = A_MARK;
		else
			ascii_kind[c] = A_SEP;
		if (k == UC_LETTER || k == UC_DIGIT) {
			plain_lower[c] = (unsigned char)ascii_lower[c];
			plain_same[c] = (unsigned char)c;
		}
		ends_word[c] = ascii_kind[c] == A_SEP;
		url_first[c] = strchr("hHfFwW", c) != NULL && c != '\0';
		url_mark[c] = c == ':' || c == '.';
		if (ascii_kind[c] == A_MARK) {
			ends_word[c] = 1;
			for (next = C_SEP; next <= C_INVISIBLE; next++)
				if (joins((uint32_t)c, C_LETTER, next) ||
				    joins((uint32_t)c, C_DIGIT, next))
					ends_word[c] = 0;
		}
	}
	for (c = 0; c < 128; c++)
		for (b = 0; b < 128; b++) {
			next = ascii_kind[b];
			k = uc_ascii_class[b];
			/* url_length stops at white space and controls. */
			if (joins((uint32_t)c, C_LETTER, next) ||
			    joins((uint32_t)c, C_DIGIT, next) ||
			    (url_mark[c] && k != UC_SPACE && k != UC_CONTROL)) {
				two[0] = (unsigned char)c;
				two[1] = (unsigned char)b;
				memcpy(&pair, two, 2);
				may_join[pair] = 1;
			}
		}
	tables_ready = 1;
}

static int
cp_kind(uint32_t cp)
{
	switch (uc_class(cp)) {
	case UC_LETTER:
	case UC_MARK:
		return C_LETTER;
	case UC_DIGIT:
	case UC_NUMBER:
		return C_DIGIT;
	case UC_PUNCT:
	case UC_SYMBOL:
		return C_MARK;
	case UC_FORMAT:
		return C_INVISIBLE;
	default:
		return C_SEP;
	}
}

/* Decode the code point at t->src[i] into *cp; return its length. */
static inline size_t
peek(const struct tokenizer *t, size_t i, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)t->src + i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	return utf8_decode(s, t->srclen - i, cp);
}

/* The kind of the next visible code point at or after i (C_SEP at end). */
static int
kind_after_slow(const struct tokenizer *t, size_t i)
{
	uint32_t cp;
	int k;

	while (i < t->srclen) {
		i += peek(t, i, &cp);
		if ((k = cp_kind(cp)) != C_INVISIBLE)
			return k;
	}
	return C_SEP;
}

static inline int
kind_after(const struct tokenizer *t, size_t i)
{
	/* Most often it is the next byte, and ASCII. */
	if (i < t->srclen && (unsigned char)t->src[i] < 0x80)
		return ascii_kind[(unsigned char)t->src[i]];
	return kind_after_slow(t, i);
}

void
tok_init(struct tokenizer *t, const struct tok_opts *opts)
{
	if (!tables_ready)
		init_tables();
	memset(t, 0, sizeof(*t));
	if (opts != NULL)
		t->opts = *opts;
	t->cap = 256;	/* at least TOK_TEXT_ROOM, and it never shrinks */
	t->buf = xmalloc(t->cap);
}

void
tok_free(struct tokenizer *t)
{
	free(t->buf);
	free(t->cps);
	free(t->nfc);
	free(t->pad);
	free(t->wordbits);
	memset(t, 0, sizeof(*t));
}

/* Whether s[0..n) contains "www." in any case, looking only at its dots. */
static int
has_www(const char *s, size_t n)
{
	const char *dot = s, *end = s + n;

	while ((dot = memchr(dot, '.', (size_t)(end - dot))) != NULL) {
		if (dot - s >= 3 && (dot[-1] | 0x20) == 'w' &&
		    (dot[-2] | 0x20) == 'w' && (dot[-3] | 0x20) == 'w')
			return 1;
		dot++;
	}
	return 0;
}

void
tok_start(struct tokenizer *t, const char *text, size_t len)
{
	t->src = text;
	t->srclen = len;
	t->pos = 0;
	t->plain = 0;
	t->has_at = t->has_url = -1;	/* looked for when needed */
}

/* Whether the text may hold an e-mail address: it has an @. */
static int
may_have_email(struct tokenizer *t)
{
	if (t->has_at < 0)
		t->has_at = t->srclen > 0 &&
		    memchr(t->src, '@', t->srclen) != NULL;
	return t->has_at;
}

/* Whether the text may hold a URL: it has a / or www. */
static int
may_have_url(struct tokenizer *t)
{
	if (t->has_url < 0)
		t->has_url = memchr(t->src, '/', t->srclen) != NULL ||
		    has_www(t->src, t->srclen);
	return t->has_url;
}

static inline void
room(struct tokenizer *t, size_t len, size_t more)
{
	if (t->cap - len < more + 1) {
		while (t->cap - len < more + 1)
			t->cap *= 2;
		t->buf = xrealloc(t->buf, t->cap);
	}
}

/* Whether the text at i starts with prefix (lower-case ASCII), any case. */
static int
starts_ci(const struct tokenizer *t, size_t i, const char *prefix)
{
	size_t m = strlen(prefix), j;

	if (t->srclen - i < m)
		return 0;
	for (j = 0; j < m; j++) {
		unsigned char c = (unsigned char)t->src[i + j];

		if (c >= 0x80 || ascii_lower[c] != prefix[j])
			return 0;
	}
	return 1;
}

/* Length of a URL starting at i, or 0. */
static size_t
url_length(const struct tokenizer *t, size_t i)
{
	static const char *const starts[] = { "https://", "http://",
	    "ftp://", "www." };
	size_t k, end, open = 0, close = 0, n;
	uint32_t cp;
	int cls;

	for (k = 0; k < sizeof(starts) / sizeof(starts[0]); k++)
		if (starts_ci(t, i, starts[k]))
			break;
	if (k == sizeof(starts) / sizeof(starts[0]))
		return 0;
	for (end = i; end < t->srclen; end += n) {
		n = peek(t, end, &cp);
		cls = uc_class(cp);
		if (cls == UC_SPACE || cls == UC_CONTROL || cp == '<' ||
		    cp == '>' || cp == '"' || cp == 0x201C || cp == 0x201D ||
		    cp == 0x2018 || cp == 0x2019)
			break;
		open += cp == '(';
		close += cp == ')';
	}
	/* Trailing punctuation belongs to the sentence, not the URL. */
	while (end > i) {
		unsigned char c = (unsigned char)t->src[end - 1];

		if (c == ')' && close > open) {
			close--;
			end--;
		} else if (strchr(".,;:!?'*]}", c) != NULL && c != '\0')
			end--;
		else
			break;
	}
	return end - i > strlen(starts[k]) ? end - i : 0;
}

static int
email_local(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
	    c == '+' || c == '-';
}

static int
email_domain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-';
}

/* Length of an e-mail address starting at i, or 0. */
static size_t
email_length(const struct tokenizer *t, size_t i)
{
	const unsigned char *s = (const unsigned char *)t->src;
	size_t j = i, at, lastdot = 0, end;

	while (j < t->srclen && email_local(s[j]))
		j++;
	if (j == i || j >= t->srclen || s[j] != '@')
		return 0;
	at = j++;
	end = j;
	while (j < t->srclen) {
		if (email_domain(s[j]))
			j++;
		else if (s[j] == '.' && j > at + 1 && s[j - 1] != '.' &&
		    j + 1 < t->srclen && email_domain(s[j + 1])) {
			lastdot = j;
			j++;
		} else
			break;
		end = j;
	}
	/* A domain needs a dot and a top-level part of two letters or more. */
	if (lastdot == 0 || end - lastdot < 3)
		return 0;
	return end - i;
}

/* Copy src[i..i+n) into the token buffer as it is (URLs, e-mail). */
static void
literal_token(struct tokenizer *t, struct token *tok, size_t i, size_t n,
    int kind)
{
	room(t, 0, n);
	memcpy(t->buf, t->src + i, n);
	t->buf[n] = '\0';
	tok->text = t->buf;
	tok->len = n;
	tok->chars = utf8_count(t->src + i, n);
	tok->start = i;
	tok->end = i + n;
	tok->kind = kind;
	t->pos = i + n;
}

/*
 * Put the token buffer into NFC, folded again unless case is kept (only
 * called when it may not be in NFC).
 */
static size_t
normalise(struct tokenizer *t, size_t len)
{
	size_t n = 0, i = 0, m, o = 0;

	if (t->cpcap < len) {
		t->cpcap = len;
		t->cps = xreallocarray(t->cps, len, sizeof(*t->cps));
		t->nfc = xreallocarray(t->nfc, len * UC_NFC_GROWTH,
		    sizeof(*t->nfc));
	}
	while (i < len)
		i += utf8_decode((unsigned char *)t->buf + i, len - i,
		    &t->cps[n++]);
	m = t->opts.keep_case ? uc_nfc(t->cps, n, t->nfc) :
	    uc_nfc_fold(t->cps, n, t->nfc);
	room(t, 0, 4 * m);
	for (i = 0; i < m; i++)
		o += utf8_encode(t->nfc[i], t->buf + o);
	return o;
}

/* Append code point cp (a word character) to the token, folded. */
static inline size_t
append(struct tokenizer *t, size_t len, uint32_t cp)
{
	if (!t->opts.keep_case)
		cp = uc_fold(cp);
	room(t, len, 4);
	return len + utf8_encode(cp, t->buf + len);
}

/*
 * Whether a joining mark cp, met inside a word after a character of kind
 * prev, joins the word to what follows (of kind next).
 */
static inline int
joins(uint32_t cp, int prev, int next)
{
	switch (cp) {
	case '\'':
	case 0x2019:
		return prev != C_SEP && (next == C_LETTER || next == C_DIGIT);
	case '-':
	case 0x2010:
	case 0x2011:
		return (prev == C_LETTER && (next == C_LETTER ||
		    next == C_DIGIT)) || (prev == C_DIGIT && next == C_LETTER);
	case '.':
		return (prev == C_LETTER && next == C_LETTER) ||
		    (prev == C_DIGIT && next == C_DIGIT);
	case ',':
	case ':':
	case '/':
		return prev == C_DIGIT && next == C_DIGIT;
	default:
		return 0;
	}
}

/*
 * U+2019 (right single quotation mark, the usual typeset apostrophe) is
 * written as ' wherever it goes into a token: inside words, as a
 * punctuation token, and in tok_fold, so that both match.
 */
static inline uint32_t
apostrophe(uint32_t cp)
{
	return cp == 0x2019 ? '\'' : cp;
}

/* The mark written in the token for joining mark cp. */
static uint32_t
joined_as(uint32_t cp)
{
	if (cp == 0x2010 || cp == 0x2011)
		return '-';
	return apostrophe(cp);
}

/*
 * Eight bytes at a time, for the plain part of words: the bytes are read
 * and written as one 64-bit number, the first byte lowest, and each byte
 * is tested by adding a constant to its low seven bits, which sets its
 * bit 7 (and never carries into the next byte) when it is at least the
 * constant's complement.  In Unicode the only ASCII letters are A-Z and
 * a-z and the only ASCII digits 0-9.
 */
static inline uint64_t
load8(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	    (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	    (uint64_t)p[7] << 56;
}

static inline void
store8(unsigned char *p, uint64_t x)
{
	p[0] = (unsigned char)x;
	p[1] = (unsigned char)(x >> 8);
	p[2] = (unsigned char)(x >> 16);
	p[3] = (unsigned char)(x >> 24);
	p[4] = (unsigned char)(x >> 32);
	p[5] = (unsigned char)(x >> 40);
	p[6] = (unsigned char)(x >> 48);
	p[7] = (unsigned char)(x >> 56);
}

/* Bit 7 set in each byte of x that is at least lo (x's bytes ASCII). */
#define AT_LEAST(x, lo)	(((x) + SWAR_ONES * (0x80 - (lo))) & SWAR_HIGHS)

/* Bit 7 set in each byte of x that is an ASCII letter. */
static inline uint64_t
letters8(uint64_t x)
{
	uint64_t v = (x & ~SWAR_HIGHS) | SWAR_ONES * 0x20;	/* lower case */

	return AT_LEAST(v, 'a') & ~AT_LEAST(v, 'z' + 1) & ~x;
}

/* Bit 7 set in each byte of x that is an ASCII digit. */
static inline uint64_t
digits8(uint64_t x)
{
	uint64_t v = x & ~SWAR_HIGHS;

	return AT_LEAST(v, '0') & ~AT_LEAST(v, '9' + 1) & ~x;
}

/*
 * The first bytes of a group of eight that have bit 7 set in mask, as
 * all ones (and the rest as zeros): the bits below the lowest clear one.
 */
static inline uint64_t
leading8(uint64_t mask)
{
	uint64_t clear = ~mask & SWAR_HIGHS;

	return ((clear & -clear) >> 7) - 1;
}

/*
 * Copy the plain part of a word, the ASCII letters and digits from i, into
 * the token buffer, letters folded unless keep_case; return its length and
 * tell in *letter whether it has a letter.
 */
static size_t
plain_part(struct tokenizer *t, size_t i, int *letter)
{
	const unsigned char *s = (const unsigned char *)t->src;
	const unsigned char *plain = t->opts.keep_case ? plain_same :
	    plain_lower;
	unsigned char *out, c, seenc = 0;
	uint64_t x, l, run, seen = 0;
	size_t len = 0, n, srclen = t->srclen;
	int fold = !t->opts.keep_case;

	while (srclen - i >= 8) {
		room(t, len, 8);
		out = (unsigned char *)t->buf;
		x = load8(s + i);
		l = letters8(x);
		run = leading8(l | digits8(x));
		n = (size_t)(((run & SWAR_ONES) * SWAR_ONES) >> 56);
		/* Upper-case letters get bit 0x20; what follows is spare. */
		store8(out + len, fold ? x | l >> 2 : x);
		seen |= l & run;
		len += n;
		i += n;
		if (n < 8) {
			*letter = seen != 0;
			return len;
		}
	}
	room(t, len, 8);	/* fewer than eight bytes are left */
	out = (unsigned char *)t->buf;
	while (i < srclen && (c = plain[s[i]]) != 0) {
		out[len++] = c;
		seenc |= c;
		i++;
	}
	/* Letters have bit 0x40 set and digits do not. */
	*letter = seen != 0 || (seenc & 0x40) != 0;
	return len;
}

/* Hand out the word in t->buf[0..len), which ends at end in the text. */
static inline void
word_done(struct tokenizer *t, struct token *tok, size_t len, size_t chars,
    size_t end, int letter)
{
	t->buf[len] = '\0';
	tok->text = t->buf;
	tok->len = len;
	tok->chars = chars;
	tok->end = end;
	tok->kind = letter ? TOK_WORD : TOK_NUMBER;
	t->pos = end;
}

/* Scan a word starting at i. */
static void
word_token(struct tokenizer *t, struct token *tok, size_t i)
{
	const unsigned char *s = (const unsigned char *)t->src;
	size_t len, chars = 0, n, end = i, srclen = t->srclen;
	uint32_t cp;
	int k, prev = C_SEP, letter = 0, inert = 1;

	tok->start = i;
	/* The plain start of a word, one byte each in the token. */
	len = sp_reference ? 0 : plain_part(t, i, &letter);
	if (len > 0) {
		i += len;
		/*
		 * Most words end here, where no mark can join them to more:
		 * the plain part is the whole token.
		 */
		if (i == srclen || ends_word[s[i]]) {
			word_done(t, tok, len, len, i, letter);
			return;
		}
		/* Letters have bit 0x40 set and digits do not. */
		prev = (s[i - 1] & 0x40) != 0 ? C_LETTER : C_DIGIT;
		chars = len;
		end = i;
	}
	/*
	 * The rest, one character at a time: marks that may join, other
	 * scripts, invisible characters.
	 */
	while (i < srclen) {
		if (s[i] < 0x80) {
			switch (ascii_kind[s[i]]) {
			case A_LETTER:
				room(t, len, 1);
				t->buf[len++] = t->opts.keep_case ? (char)s[i] :
				    ascii_lower[s[i]];
				letter = 1;
				prev = C_LETTER;
				chars++;
				end = ++i;
				continue;
			case A_DIGIT:
				room(t, len, 1);
				t->buf[len++] = (char)s[i];
				prev = C_DIGIT;
				chars++;
				end = ++i;
				continue;
			case A_MARK:
				if (!joins(s[i], prev, kind_after(t, i + 1)))
					goto done;
				room(t, len, 1);
				t->buf[len++] = (char)s[i];
				prev = C_MARK;
				chars++;
				i++;
				continue;
			default:
				goto done;
			}
		}
		n = utf8_decode(s + i, srclen - i, &cp);
		k = cp_kind(cp);
		if (k == C_LETTER || k == C_DIGIT) {
			len = append(t, len, cp);
			inert &= uc_nfc_inert(cp);
			letter |= k == C_LETTER;
			prev = k;
			chars++;
			end = i += n;
		} else if (k == C_INVISIBLE) {
			k = kind_after(t, i + n);
			if (k != C_LETTER && k != C_DIGIT && k != C_MARK)
				goto done;
			i += n;	/* dropped, word goes on */
		} else if (k == C_MARK && joins(cp, prev,
		    kind_after(t, i + n))) {
			len = append(t, len, joined_as(cp));
			prev = C_MARK;
			chars++;
			i += n;
		} else
			goto done;
	}
done:
	/* A joining mark always has a word character after it. */
	if (!inert || sp_reference) {
		len = normalise(t, len);
		chars = utf8_count(t->buf, len);
	}
	word_done(t, tok, len, chars, end, letter);
}

int
tok_next(struct tokenizer *t, struct token *tok)
{
	const unsigned char *s = (const unsigned char *)t->src;
	size_t i = t->pos, n, m, srclen = t->srclen;
	uint32_t cp;
	int k;

	while (i < srclen) {
		if (plain_same[s[i]] != 0)
			break;	/* an ASCII letter or digit */
		if (s[i] < 0x80) {
			k = ascii_kind[s[i]];
			if (k == A_MARK && t->opts.punct) {
				/* A run of one ASCII mark is one token. */
				for (m = i + 1; m < srclen && s[m] == s[i];
				    m++)
					;
				literal_token(t, tok, i, m - i, TOK_PUNCT);
				return 1;
			}
			i++;
			continue;
		}
		n = utf8_decode(s + i, srclen - i, &cp);
		k = cp_kind(cp);
		if (k == C_LETTER || k == C_DIGIT)
			break;
		if (k == C_MARK && t->opts.punct) {
			literal_token(t, tok, i, n, TOK_PUNCT);
			if (apostrophe(cp) != cp) {
				t->buf[0] = (char)apostrophe(cp);
				t->buf[1] = '\0';
				tok->len = 1;
			}
			return 1;
		}
		i += n;
	}
	if (i >= srclen) {
		t->pos = i;
		return 0;
	}
	if (url_first[s[i]] && (sp_reference || may_have_url(t)) &&
	    (n = url_length(t, i)) > 0) {
		literal_token(t, tok, i, n, TOK_URL);
		return 1;
	}
	if (s[i] < 0x80 && (sp_reference || may_have_email(t)) &&
	    (n = email_length(t, i)) > 0) {
		literal_token(t, tok, i, n, TOK_EMAIL);
		return 1;
	}
	word_token(t, tok, i);
	return 1;
}

/* Bits 7 of the bytes of m (all other bits clear) as eight low bits. */
static inline uint64_t
gather8(uint64_t m)
{
	/* Each bit lands on its own place: no two products overlap. */
	return ((m >> 7) * UINT64_C(0x0102040810204080)) >> 56;
}

/* The number of zeros below the lowest set bit of x (not 0). */
static inline unsigned
lowest_bit(uint64_t x)
{
#if (defined(__GNUC__) || defined(__clang__)) && !defined(SP_PORTABLE)
	return (unsigned)__builtin_ctzll(x);	/* one instruction */
#else
	static const unsigned char debruijn[64] = {
		0, 1, 2, 53, 3, 7, 54, 27, 4, 38, 41, 8, 34, 55, 48, 28,
		62, 5, 39, 46, 44, 42, 22, 9, 24, 35, 59, 56, 49, 18, 29, 11,
		63, 52, 6, 26, 37, 40, 33, 47, 61, 45, 43, 21, 23, 58, 17, 10,
		51, 25, 36, 32, 60, 20, 57, 16, 50, 31, 19, 15, 30, 14, 13, 12
	};

	return debruijn[((x & -x) * UINT64_C(0x022FDD63CC95386D)) >> 58];
#endif
}

/*
 * For tok_words: copy the text to t->pad, folded unless keep_case, with
 * zeros after it to the end of its last 64-byte block and TOK_TEXT_ROOM
 * more, and set a bit in t->wordbits for each ASCII letter and digit, in
 * one pass eight bytes at a time.  Return whether the text is all ASCII
 * and has no @: text with an @ is not padded at all, and the pass stops at
 * the first block with a byte that is not ASCII, since the rest is not
 * used.
 */
static int
pad_text(struct tokenizer *t)
{
	size_t n = t->srclen, blocks = n / 64 + 1, need, b, i, m;
	unsigned char *p;
	uint64_t x, u, l, d, high = 0, bits;
	uint64_t fold = t->opts.keep_case ? 0 : SWAR_ONES * 0x20;

	if (may_have_email(t))
		return 0;
	/* Bit n is there and clear, so that every word has an end. */
	need = blocks * 64 + TOK_TEXT_ROOM;
	if (t->padcap < need) {
		t->padcap = need * 2;
		free(t->pad);
		free(t->wordbits);
		t->pad = xmalloc(t->padcap);
		t->wordbits = xreallocarray(NULL, t->padcap / 64 + 1,
		    sizeof(*t->wordbits));
	}
	if (n > 0)
		memcpy(t->pad, t->src, n);
	memset(t->pad + n, 0, need - n);
	for (b = 0; b < blocks; b++) {
		p = (unsigned char *)t->pad + 64 * b;
		/* The groups after the one with byte n are all zeros. */
		m = b + 1 < blocks ? 8 : n % 64 / 8 + 1;
		for (bits = 0, i = 0; i < m; i++) {
			x = load8(p + 8 * i);
			high |= x;
			/*
			 * As letters8 and digits8, but for ASCII only (text
			 * with other bytes is not used): no byte can carry
			 * into the next.
			 */
			u = x | SWAR_ONES * 0x20;
			l = (u + SWAR_ONES * (0x80 - 'a')) &
			    ~(u + SWAR_ONES * (0x80 - 'z' - 1)) & SWAR_HIGHS;
			d = (x + SWAR_ONES * (0x80 - '0')) &
			    ~(x + SWAR_ONES * (0x80 - '9' - 1)) & SWAR_HIGHS;
			store8(p + 8 * i, x | (l >> 2 & fold));
			bits |= gather8(l | d) << 8 * i;
		}
		t->wordbits[b] = bits;
		/* Text that is not plain goes to tok_next: stop at once. */
		if ((high & SWAR_HIGHS) != 0)
			return 0;
	}
	return 1;
}

/*
 * For tok_words: whether the run s[start..end) of t->pad goes on: the mark
 * after it joins it to more, or it starts a URL (www. http: https: ftp:).
 */
static int
run_goes_on(const struct tokenizer *t, const unsigned char *s, size_t start,
    size_t end)
{
	/* Letters have bit 0x40 set and digits do not. */
	return joins(s[end], (s[end - 1] & 0x40) ? C_LETTER : C_DIGIT,
	    ascii_kind[s[end + 1]]) || (url_first[s[start]] &&
	    end - start - 3 <= 2 && url_length(t, start) > 0);
}

/* What a taker tells scan_words: go on, or stop before or after a word. */
enum { TAKE_ON, TAKE_STOP_BEFORE, TAKE_STOP_AFTER };

/*
 * For scan_words: give the run s[start..end) of t->pad to take and return
 * 1 to go on, or return 0 with t->pos set where to go on: before the run
 * if it goes on (the mark after it joins it to more, or it starts a URL)
 * or take said so, after it if take said so.  Whether a run may go on is
 * looked up in may_join from the mark and the byte after it, read as one
 * number (its byte order does not matter: may_join was made with it); a
 * branch on the mark alone would be mispredicted after many words
 * ("word," "word.").
 */
static inline int
one_word(struct tokenizer *t, const unsigned char *s,
    int (*take)(void *, const char *, size_t), void *sink, size_t start,
    size_t end)
{
	uint16_t pair;

	memcpy(&pair, s + end, 2);
	if (may_join[pair] && run_goes_on(t, s, start, end)) {
		t->pos = start;
		return 0;
	}
	switch (take(sink, (const char *)s + start, end - start)) {
	case TAKE_STOP_BEFORE:
		t->pos = start;
		return 0;
	case TAKE_STOP_AFTER:
		t->pos = end;
		return 0;
	}
	return 1;
}

/*
 * The plain words from t->pos on, each given to take(sink, text, len)
 * until it says stop or a word must be left to tok_next; t->pos is left
 * where to go on.  The words are the runs of set bits in t->wordbits,
 * found a 64-bit block at a time: a word starts at a set bit after a clear
 * one and ends at a clear bit after a set one, and the n-th start goes
 * with the n-th end.  So the work for one word does not wait on the last
 * word's, as a scan from byte to byte would.  Inlined into tok_words and
 * tok_lines, so that take is too.
 */
static inline void
scan_words(struct tokenizer *t, int (*take)(void *, const char *, size_t),
    void *sink)
{
	const unsigned char *s = (const unsigned char *)t->pad;
	const uint64_t *bitmap = t->wordbits;
	size_t n = t->srclen, k, last = n / 64, base, start = 0;
	uint64_t bits, starts, ends, carry = 0;

	/*
	 * From t->pos on, as if the text started there: tok_next would
	 * start a word there too.
	 */
	k = t->pos / 64;
	bits = bitmap[k] & ~UINT64_C(0) << t->pos % 64;
	for (;;) {
		base = k * 64;
		starts = bits & ~(bits << 1 | carry);
		ends = ~bits & (bits << 1 | carry);
		/* The first end may be that of a word from an earlier block. */
		if (carry && ends != 0) {
			if (!one_word(t, s, take, sink, start,
			    base + lowest_bit(ends)))
				return;
			ends &= ends - 1;
		}
		/* Then every end has its start in this block. */
		while (ends != 0) {
			start = base + lowest_bit(starts);
			starts &= starts - 1;
			if (!one_word(t, s, take, sink, start,
			    base + lowest_bit(ends)))
				return;
			ends &= ends - 1;
		}
		/* A start left over begins a word that ends later. */
		if (starts != 0)
			start = base + lowest_bit(starts);
		carry = bits >> 63;
		if (++k > last)
			break;
		bits = bitmap[k];
	}
	t->pos = n;
}

/* Whether tok_words and tok_lines have plain words to give at t->pos. */
static int
has_plain_words(struct tokenizer *t)
{
	if (t->plain == 0)
		t->plain =
		    !sp_reference && !t->opts.punct && pad_text(t) ? 1 : -1;
	return t->plain > 0 && t->pos < t->srclen;
}

struct word_list {
	struct tok_word *w;
	size_t n, max;
};

static inline int
take_word(void *sink, const char *text, size_t len)
{
	struct word_list *l = sink;

	l->w[l->n].text = text;
	l->w[l->n].len = len;
	return ++l->n == l->max ? TAKE_STOP_AFTER : TAKE_ON;
}

size_t
tok_words(struct tokenizer *t, struct tok_word *w, size_t max)
{
	struct word_list l = { w, 0, max };

	if (max == 0 || !has_plain_words(t))
		return 0;
	scan_words(t, take_word, &l);
	return l.n;
}

_Static_assert(RECORD_BLOCK <= TOK_TEXT_ROOM,
	       "a token's text can be copied as a block");

struct line_sink {
	struct record_cursor cursor;
	int full;
};

/* A word as a record; a word too long for a block is left to tok_next. */
static inline int
take_line(void *sink, const char *text, size_t len)
{
	struct line_sink *o = sink;

	switch (record_cursor_put(&o->cursor, text, len)) {
	case RECORD_PUT_FULL:
		o->full = 1;
		return TAKE_STOP_BEFORE;
	case RECORD_PUT_LONG:
		return TAKE_STOP_BEFORE;
	}
	return TAKE_ON;
}

int
tok_lines(struct tokenizer *t, struct record_writer *rw)
{
	struct line_sink o;

	if (!has_plain_words(t))
		return t->plain > 0 ? -1 : 0;
	if (!record_cursor_begin(rw, &o.cursor))
		return record_key_is_short(rw) ? 1 : 0;
	o.full = 0;
	scan_words(t, take_line, &o);
	record_cursor_end(rw, &o.cursor);
	return o.full ? 1 : t->pos < t->srclen ? 0 : -1;
}

size_t
tok_fold(const char *s, size_t n, char *out)
{
	return tok_fold_map(s, n, out, NULL);
}

size_t
tok_fold_map(const char *s, size_t n, char *out, size_t *map)
{
	size_t i = 0, o = 0, k, j;
	uint32_t cp;

	if (!tables_ready)
		init_tables();
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			if (map != NULL)
				map[o] = i;
			out[o++] = ascii_lower[(unsigned char)s[i++]];
			continue;
		}
		k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		j = utf8_encode(uc_fold(apostrophe(cp)), out + o);
		if (map != NULL)
			while (j-- > 0)
				map[o++] = i;
		else
			o += j;
		i += k;
	}
	if (map != NULL)
		map[o] = n;
	out[o] = '\0';
	return o;
}
