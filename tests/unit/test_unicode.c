/*
 * Unit tests for lib/unicode.c: character classes, case and folding,
 * combining classes and NFC.  When the UCD's NormalizationTest.txt is
 * installed (plain or bzip2-compressed, from Debian's unicode-data) it is
 * run in full as well; without it that part is skipped with a note on
 * stderr, and every other expectation stands on its own.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicode.h"
#include "unit.h"
#include "utf8.h"

#ifndef NORMTEST
#define NORMTEST "/usr/share/unicode/NormalizationTest.txt"
#endif
#define MAX_CPS 256

/* Parse hex code points separated by spaces into cps; return the count. */
static size_t
parse_hex(const char *s, uint32_t *cps, size_t max)
{
	size_t n = 0;
	char *end;

	while (n < max) {
		while (*s == ' ')
			s++;
		if (!isxdigit((unsigned char)*s))
			break;
		cps[n++] = (uint32_t)strtoul(s, &end, 16);
		s = end;
	}
	return n;
}

/* Format cps[0..n) as hex code points separated by spaces. */
static const char *
format_hex(const uint32_t *cps, size_t n)
{
	static char buf[MAX_CPS * 9];
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && len + 10 < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%04X",
		    i ? " " : "", (unsigned)cps[i]);
	return buf;
}

/* NFC of hex code points, as hex code points. */
static const char *
nfc_hex(const char *hex)
{
	uint32_t in[MAX_CPS], out[UC_NFC_GROWTH * MAX_CPS];
	size_t n = parse_hex(hex, in, MAX_CPS);

	return format_hex(out, uc_nfc(in, n, out));
}

/* Folded NFC of hex code points, as hex code points. */
static const char *
nfc_fold_hex(const char *hex)
{
	uint32_t in[MAX_CPS], out[UC_NFC_GROWTH * MAX_CPS];
	size_t n = parse_hex(hex, in, MAX_CPS);

	return format_hex(out, uc_nfc_fold(in, n, out));
}

/* NFC of a UTF-8 string, as UTF-8. */
static const char *
nfc_utf8(const char *s)
{
	static char buf[4 * UC_NFC_GROWTH * MAX_CPS + 1];
	uint32_t in[MAX_CPS], out[UC_NFC_GROWTH * MAX_CPS];
	size_t len = strlen(s), n = 0, i, m, at = 0;

	for (i = 0; i < len && n < MAX_CPS; i += m)
		m = utf8_decode((const unsigned char *)s + i, len - i,
		    &in[n++]);
	n = uc_nfc(in, n, out);
	for (i = 0; i < n; i++)
		at += utf8_encode(out[i], buf + at);
	buf[at] = '\0';
	return buf;
}

static void
test_ascii_classes(void)
{
	uint32_t c;
	int agree = 1;

	CHECK_INT(uc_class('a'), UC_LETTER);
	CHECK_INT(uc_class('Z'), UC_LETTER);
	CHECK_INT(uc_class('0'), UC_DIGIT);
	CHECK_INT(uc_class('9'), UC_DIGIT);
	CHECK_INT(uc_class(' '), UC_SPACE);
	CHECK_INT(uc_class('\t'), UC_SPACE);
	CHECK_INT(uc_class('\n'), UC_SPACE);
	CHECK_INT(uc_class('\v'), UC_SPACE);
	CHECK_INT(uc_class('\f'), UC_SPACE);
	CHECK_INT(uc_class('\r'), UC_SPACE);
	CHECK_INT(uc_class('.'), UC_PUNCT);
	CHECK_INT(uc_class(','), UC_PUNCT);
	CHECK_INT(uc_class('-'), UC_PUNCT);
	CHECK_INT(uc_class('\''), UC_PUNCT);
	CHECK_INT(uc_class('"'), UC_PUNCT);
	CHECK_INT(uc_class('_'), UC_PUNCT);
	CHECK_INT(uc_class('+'), UC_SYMBOL);
	CHECK_INT(uc_class('$'), UC_SYMBOL);
	CHECK_INT(uc_class('^'), UC_SYMBOL);
	CHECK_INT(uc_class('`'), UC_SYMBOL);
	CHECK_INT(uc_class('|'), UC_SYMBOL);
	CHECK_INT(uc_class(0), UC_CONTROL);
	CHECK_INT(uc_class(0x1F), UC_CONTROL);
	CHECK_INT(uc_class(0x7F), UC_CONTROL);
	for (c = 0; c < 128; c++)
		if (uc_ascii_class[c] != uc_class(c))
			agree = 0;
	CHECK(agree);
	CHECK(uc_is_upper('A') && !uc_is_lower('A'));
	CHECK(uc_is_lower('z') && !uc_is_upper('z'));
	CHECK(!uc_is_upper('1') && !uc_is_lower('1'));
}

static void
test_classes(void)
{
	/* Latin: é, É, the ë of Zoë, Latin Extended. */
	CHECK_INT(uc_class(0x00E9), UC_LETTER);
	CHECK(uc_is_lower(0x00E9) && !uc_is_upper(0x00E9));
	CHECK(uc_is_upper(0x00C9));
	CHECK_INT(uc_class(0x00EB), UC_LETTER);
	CHECK_INT(uc_class(0x0142), UC_LETTER);
	CHECK_INT(uc_class(0x01C5), UC_LETTER);	/* Dž, Lt */
	CHECK(uc_is_upper(0x01C5) && !uc_is_lower(0x01C5));
	CHECK_INT(uc_class(0x02B0), UC_LETTER);	/* Lm */
	CHECK(!uc_is_upper(0x02B0) && !uc_is_lower(0x02B0));
	CHECK_INT(uc_class(0x00AA), UC_LETTER);	/* ª, Lo */
	/* Greek. */
	CHECK_INT(uc_class(0x03B1), UC_LETTER);
	CHECK(uc_is_upper(0x03A3));
	CHECK(uc_is_lower(0x03C2));
	CHECK_INT(uc_class(0x037E), UC_PUNCT);	/* Greek question mark */
	/* Cyrillic. */
	CHECK_INT(uc_class(0x0416), UC_LETTER);
	CHECK(uc_is_upper(0x0416) && uc_is_lower(0x0436));
	/* CJK, kana, Hangul, and the far extensions. */
	CHECK_INT(uc_class(0x4E2D), UC_LETTER);
	CHECK_INT(uc_class(0x3042), UC_LETTER);
	CHECK_INT(uc_class(0x30FC), UC_LETTER);	/* prolonged sound, Lm */
	CHECK_INT(uc_class(0xD55C), UC_LETTER);
	CHECK_INT(uc_class(0x20000), UC_LETTER);
	CHECK_INT(uc_class(0x31350), UC_LETTER);
	CHECK_INT(uc_class(0x3000), UC_SPACE);	/* ideographic space */
	CHECK_INT(uc_class(0x3002), UC_PUNCT);	/* ideographic full stop */
	CHECK_INT(uc_class(0xFF0C), UC_PUNCT);	/* fullwidth comma */
	CHECK(!uc_is_upper(0x4E2D) && !uc_is_lower(0x4E2D));
	/* Arabic and Hebrew. */
	CHECK_INT(uc_class(0x0627), UC_LETTER);
	CHECK_INT(uc_class(0x064E), UC_MARK);	/* fatha */
	CHECK_INT(uc_class(0x060C), UC_PUNCT);	/* Arabic comma */
	CHECK_INT(uc_class(0x061F), UC_PUNCT);	/* Arabic question mark */
	CHECK_INT(uc_class(0x05D0), UC_LETTER);
	CHECK_INT(uc_class(0x05B0), UC_MARK);
	/* Combining marks of each kind. */
	CHECK_INT(uc_class(0x0301), UC_MARK);	/* Mn */
	CHECK_INT(uc_class(0x0903), UC_MARK);	/* Mc */
	CHECK_INT(uc_class(0x20DD), UC_MARK);	/* Me */
	CHECK_INT(uc_class(0xFE0F), UC_MARK);	/* variation selector */
	/* Digits in other scripts, and other numbers. */
	CHECK_INT(uc_class(0x0660), UC_DIGIT);
	CHECK_INT(uc_class(0x06F5), UC_DIGIT);
	CHECK_INT(uc_class(0x0966), UC_DIGIT);
	CHECK_INT(uc_class(0x0E51), UC_DIGIT);
	CHECK_INT(uc_class(0xFF10), UC_DIGIT);
	CHECK_INT(uc_class(0x1D7CE), UC_DIGIT);
	CHECK_INT(uc_class(0x00B2), UC_NUMBER);
	CHECK_INT(uc_class(0x00BD), UC_NUMBER);
	CHECK_INT(uc_class(0x2167), UC_NUMBER);	/* Roman numeral, Nl */
	CHECK_INT(uc_class(0x3007), UC_NUMBER);	/* ideographic zero */
	/* White space beyond ASCII. */
	CHECK_INT(uc_class(0x00A0), UC_SPACE);	/* NBSP */
	CHECK_INT(uc_class(0x0085), UC_SPACE);	/* NEL */
	CHECK_INT(uc_class(0x2009), UC_SPACE);
	CHECK_INT(uc_class(0x202F), UC_SPACE);
	CHECK_INT(uc_class(0x2028), UC_SPACE);
	CHECK_INT(uc_class(0x2029), UC_SPACE);
	/* Format characters. */
	CHECK_INT(uc_class(0x00AD), UC_FORMAT);	/* soft hyphen */
	CHECK_INT(uc_class(0x200B), UC_FORMAT);	/* ZWSP */
	CHECK_INT(uc_class(0x200C), UC_FORMAT);	/* ZWNJ */
	CHECK_INT(uc_class(0x200D), UC_FORMAT);	/* ZWJ */
	CHECK_INT(uc_class(0x200E), UC_FORMAT);
	CHECK_INT(uc_class(0x200F), UC_FORMAT);
	CHECK_INT(uc_class(0x2060), UC_FORMAT);	/* word joiner */
	CHECK_INT(uc_class(0xFEFF), UC_FORMAT);	/* BOM */
	CHECK_INT(uc_class(0xE0001), UC_FORMAT);	/* language tag */
	/* Controls, symbols, punctuation. */
	CHECK_INT(uc_class(0x0080), UC_CONTROL);
	CHECK_INT(uc_class(0x009F), UC_CONTROL);
	CHECK_INT(uc_class(0x20AC), UC_SYMBOL);	/* euro */
	CHECK_INT(uc_class(0x00A9), UC_SYMBOL);
	CHECK_INT(uc_class(0x1F600), UC_SYMBOL);	/* emoji */
	CHECK_INT(uc_class(0x2014), UC_PUNCT);	/* em dash */
	CHECK_INT(uc_class(0x00AB), UC_PUNCT);
	CHECK_INT(uc_class(0x201C), UC_PUNCT);
	CHECK_INT(uc_class(0x00BF), UC_PUNCT);
	/* Unassigned, private use, surrogates, out of range. */
	CHECK_INT(uc_class(0x0378), UC_OTHER);
	CHECK_INT(uc_class(0xE000), UC_OTHER);
	CHECK_INT(uc_class(0xD800), UC_OTHER);
	CHECK_INT(uc_class(0xF0000), UC_OTHER);
	CHECK_INT(uc_class(0x10FFFF), UC_OTHER);
	CHECK_INT(uc_class(0x110000), UC_OTHER);
	CHECK_INT(uc_class(0xFFFFFFFF), UC_OTHER);
	CHECK(!uc_is_upper(0x110000) && !uc_is_lower(0xFFFFFFFF));
}

static void
test_fold(void)
{
	uint32_t c;
	int stable = 1, lower_kept = 1;

	CHECK_INT(uc_fold('A'), 'a');
	CHECK_INT(uc_fold('Z'), 'z');
	CHECK_INT(uc_fold('a'), 'a');
	CHECK_INT(uc_fold('@'), '@');
	CHECK_INT(uc_fold('['), '[');
	CHECK_INT(uc_fold('0'), '0');
	/* Latin-1 and Latin Extended. */
	CHECK_INT(uc_fold(0x00C9), 0x00E9);	/* É */
	CHECK_INT(uc_fold(0x00CB), 0x00EB);	/* Ë */
	CHECK_INT(uc_fold(0x0178), 0x00FF);	/* Ÿ */
	CHECK_INT(uc_fold(0x00DF), 0x00DF);	/* ß: full folding only */
	CHECK_INT(uc_fold(0x1E9E), 0x00DF);	/* ẞ */
	CHECK_INT(uc_fold(0x212A), 'k');	/* Kelvin sign */
	CHECK_INT(uc_fold(0x212B), 0x00E5);	/* Angstrom sign */
	CHECK_INT(uc_fold(0x017F), 's');	/* long s */
	CHECK_INT(uc_fold(0x00B5), 0x03BC);	/* micro sign */
	CHECK_INT(uc_fold(0x0100), 0x0101);
	CHECK_INT(uc_fold(0x0141), 0x0142);
	CHECK_INT(uc_fold(0x01C4), 0x01C6);	/* Ǆ */
	CHECK_INT(uc_fold(0x01C5), 0x01C6);	/* ǅ */
	CHECK_INT(uc_fold(0x0130), 0x0130);	/* İ: Turkic or full only */
	CHECK_INT(uc_fold(0xA7AE), 0x026A);	/* a large negative delta */
	CHECK_INT(uc_fold(0xFF21), 0xFF41);	/* fullwidth A */
	/* Greek. */
	CHECK_INT(uc_fold(0x03A3), 0x03C3);	/* Σ */
	CHECK_INT(uc_fold(0x03C2), 0x03C3);	/* final ς */
	CHECK_INT(uc_fold(0x03C3), 0x03C3);
	CHECK_INT(uc_fold(0x0386), 0x03AC);	/* Ά */
	CHECK_INT(uc_fold(0x038F), 0x03CE);	/* Ώ */
	CHECK_INT(uc_fold(0x03AA), 0x03CA);	/* Ϊ */
	CHECK_INT(uc_fold(0x2126), 0x03C9);	/* Ohm sign */
	CHECK_INT(uc_fold(0x03D0), 0x03B2);	/* curled beta */
	CHECK_INT(uc_fold(0x1F08), 0x1F00);
	CHECK_INT(uc_fold(0x1F88), 0x1F80);	/* status S */
	/* Cyrillic. */
	CHECK_INT(uc_fold(0x0416), 0x0436);	/* Ж */
	CHECK_INT(uc_fold(0x0401), 0x0451);	/* Ё */
	CHECK_INT(uc_fold(0x0462), 0x0463);
	CHECK_INT(uc_fold(0x0436), 0x0436);
	/* Armenian, Georgian, Cherokee (folds to the capitals), Deseret. */
	CHECK_INT(uc_fold(0x0531), 0x0561);
	CHECK_INT(uc_fold(0x10A0), 0x2D00);
	CHECK_INT(uc_fold(0x1C90), 0x10D0);
	CHECK_INT(uc_fold(0xAB70), 0x13A0);
	CHECK_INT(uc_fold(0x13A0), 0x13A0);
	CHECK_INT(uc_fold(0x13F8), 0x13F0);
	CHECK_INT(uc_fold(0x10400), 0x10428);
	/* No folding elsewhere. */
	CHECK_INT(uc_fold(0x4E2D), 0x4E2D);
	CHECK_INT(uc_fold(0x10FFFF), 0x10FFFF);
	CHECK_INT(uc_fold(0x110000), 0x110000);
	CHECK_INT(uc_fold(0xFFFFFFFF), 0xFFFFFFFF);
	/* Folding is idempotent, and leaves most lower case alone. */
	for (c = 0; c <= 0x10FFFF; c++) {
		if (uc_fold(uc_fold(c)) != uc_fold(c))
			stable = 0;
		if (c >= 'a' && c <= 'z' && uc_fold(c) != c)
			lower_kept = 0;
	}
	CHECK(stable);
	CHECK(lower_kept);
}

static void
test_ccc_and_inert(void)
{
	uint32_t c;
	int ascii_inert = 1, inert_fixed = 1;
	uint32_t out[UC_NFC_GROWTH];

	CHECK_INT(uc_ccc('a'), 0);
	CHECK_INT(uc_ccc(0x0301), 230);
	CHECK_INT(uc_ccc(0x0323), 220);
	CHECK_INT(uc_ccc(0x0345), 240);
	CHECK_INT(uc_ccc(0x05B0), 10);
	CHECK_INT(uc_ccc(0x094D), 9);
	CHECK_INT(uc_ccc(0x0E38), 103);
	CHECK_INT(uc_ccc(0x1D165), 216);
	CHECK_INT(uc_ccc(0x110000), 0);
	CHECK(uc_nfc_inert('a'));
	CHECK(uc_nfc_inert(0x00E9));
	CHECK(uc_nfc_inert(0x4E00));
	CHECK(uc_nfc_inert(0xD55C));
	CHECK(uc_nfc_inert(0x1100));	/* Hangul L only combines forward */
	CHECK(!uc_nfc_inert(0x0301));
	CHECK(!uc_nfc_inert(0x1161));	/* Hangul V */
	CHECK(!uc_nfc_inert(0x11AB));	/* Hangul T */
	CHECK(!uc_nfc_inert(0x0958));
	CHECK(!uc_nfc_inert(0x212B));
	CHECK(!uc_nfc_inert(0x0CD5));	/* Kannada length mark, a starter */
	for (c = 0; c < 128; c++)
		if (!uc_nfc_inert(c))
			ascii_inert = 0;
	CHECK(ascii_inert);
	/* Every inert code point is its own NFC. */
	for (c = 0; c <= 0x10FFFF; c++)
		if (uc_nfc_inert(c) && (uc_nfc(&c, 1, out) != 1 || out[0] != c))
			inert_fixed = 0;
	CHECK(inert_fixed);
	CHECK(uc_version()[0] >= '1' && uc_version()[0] <= '9');
}

/*
 * Folding with NFC gives text that folds to itself: the pieces are folded
 * after decomposition, so a capital that only appears when marks compose
 * (U+0130 with a dot below makes U+1ECA) is folded too.
 */
static void
test_nfc_fold(void)
{
	static const char *const cases[][2] = {
		{ "0130 0323", "1ECB 0307" },
		{ "0049 0323 0307", "1ECB 0307" },
		{ "0130", "0130" },
		{ "0130 0301", "0069 0307 0301" },
		{ "004A 030C", "01F0" },
		{ "00C9 0323", "1EB9 0301" },
		{ "03A9 0345", "03C9 03B9" },
		{ "212B", "00E5" },
		{ "0041 0042", "0061 0062" },
	};
	char first[256];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(first, sizeof(first), "%s", nfc_fold_hex(cases[i][0]));
		CHECK_STR(first, cases[i][1]);
		CHECK_STR(nfc_fold_hex(first), first);
	}
}

static void
test_nfc(void)
{
	uint32_t in[1 + 80], out[UC_NFC_GROWTH * (1 + 80)], want[1 + 80];
	size_t i, n;

	in[0] = 0x0301;
	CHECK_INT(uc_nfc(in, 0, out), 0);
	CHECK_STR(nfc_hex("0065 0301"), "00E9");
	CHECK_STR(nfc_utf8("Jose\xCC\x81"), "Jos\xC3\xA9");
	CHECK_STR(nfc_utf8("Jos\xC3\xA9"), "Jos\xC3\xA9");
	/* Reordering, with and without composition afterwards. */
	CHECK_STR(nfc_hex("0071 0301 0323"), "0071 0323 0301");
	CHECK_STR(nfc_hex("0065 0302 0323"), "1EC7");
	CHECK_STR(nfc_hex("0065 0323 0302"), "1EC7");
	CHECK_STR(nfc_hex("00EA 0323"), "1EC7");
	CHECK_STR(nfc_hex("00E9 0323"), "1EB9 0301");
	CHECK_STR(nfc_hex("03B1 0313 0300 0345"), "1F82");
	CHECK_STR(nfc_hex("03B1 0345 0313 0300"), "1F82");
	CHECK_STR(nfc_hex("03B9 0308 0301"), "0390");
	/* Blocking: a mark of the same class in between, or a starter. */
	CHECK_STR(nfc_hex("0061 0305 0301"), "0061 0305 0301");
	CHECK_STR(nfc_hex("0061 0301 0301"), "00E1 0301");
	CHECK_STR(nfc_hex("0061 0062 0301"), "0061 0062 0301");
	CHECK_STR(nfc_hex("0301 0065"), "0301 0065");
	CHECK_STR(nfc_hex("0301 0301"), "0301 0301");
	/* Composition exclusions and singletons. */
	CHECK_STR(nfc_hex("0958"), "0915 093C");
	CHECK_STR(nfc_hex("0915 093C"), "0915 093C");
	CHECK_STR(nfc_hex("FB1D"), "05D9 05B4");
	CHECK_STR(nfc_hex("212B"), "00C5");
	CHECK_STR(nfc_hex("0041 030A"), "00C5");
	CHECK_STR(nfc_hex("2126"), "03A9");
	CHECK_STR(nfc_hex("0340"), "0300");
	CHECK_STR(nfc_hex("0344"), "0308 0301");
	CHECK_STR(nfc_hex("0F73"), "0F71 0F72");
	/* Hangul. */
	CHECK_STR(nfc_hex("1112 1161 11AB"), "D55C");
	CHECK_STR(nfc_hex("1112 1161"), "D558");
	CHECK_STR(nfc_hex("D558 11AB"), "D55C");
	CHECK_STR(nfc_hex("D55C"), "D55C");
	CHECK_STR(nfc_hex("D55C 11AB"), "D55C 11AB");
	CHECK_STR(nfc_hex("1100 1161 11A7"), "AC00 11A7");
	CHECK_STR(nfc_hex("1112 1161 11AB 1100 1173 11AF"), "D55C AE00");
	/* Starters that compose (Indic two-part vowels). */
	CHECK_STR(nfc_hex("0B47 0B3E"), "0B4B");
	CHECK_STR(nfc_hex("0CC6 0CC2 0CD5"), "0CCB");
	/* Text already in NFC is left alone. */
	CHECK_STR(nfc_utf8("Zo\xC3\xAB"), "Zo\xC3\xAB");
	CHECK_STR(nfc_utf8("plain ASCII text."), "plain ASCII text.");
	CHECK_STR(nfc_utf8("\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1"),
	    "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1");
	CHECK_STR(nfc_utf8("\xE6\x97\xA5\xE6\x9C\xAC"),
	    "\xE6\x97\xA5\xE6\x9C\xAC");
	CHECK_STR(nfc_hex("0041 00E9 0301 0042"), "0041 00E9 0301 0042");
	/* A long run of marks, sorted through the buffer, stays stable. */
	in[0] = 'a';
	for (i = 0; i < 40; i++) {
		in[1 + 2 * i] = 0x0301;
		in[2 + 2 * i] = 0x0323;
	}
	want[0] = 0x1EA1;
	for (i = 0; i < 39; i++)
		want[1 + i] = 0x0323;
	for (i = 0; i < 40; i++)
		want[40 + i] = 0x0301;
	n = uc_nfc(in, 81, out);
	CHECK_INT(n, 80);
	CHECK(n == 80 && memcmp(out, want, sizeof want[0] * 80) == 0);
}

/* Compare the NFC of one field of NormalizationTest.txt with another. */
static int
nfc_is(const char *field, const uint32_t *want, size_t want_n)
{
	uint32_t in[64], out[UC_NFC_GROWTH * 64];
	size_t n = parse_hex(field, in, 64);

	n = uc_nfc(in, n, out);
	return n == want_n && memcmp(out, want, n * sizeof *out) == 0;
}

/*
 * Run the official conformance test for NFC: c2 == NFC(c1) == NFC(c2) ==
 * NFC(c3) and c4 == NFC(c4) == NFC(c5), and every code point not listed in
 * part 1 is its own NFC.
 */
static void
test_normalization_file(void)
{
	FILE *f;
	int piped = 0, part1 = 0;
	char line[1024], *field[5], *p;
	uint32_t c2[64], c4[64], out[UC_NFC_GROWTH];
	size_t n2, n4, i;
	long lines = 0, failed = 0;
	unsigned char *listed;
	uint32_t c;

	if ((f = fopen(NORMTEST, "r")) == NULL) {
		f = fopen(NORMTEST ".bz2", "r");
		if (f != NULL) {
			fclose(f);
			f = popen("bzip2 -dc <" NORMTEST ".bz2 2>/dev/null",
			    "r");
			piped = 1;
		}
	}
	if (f == NULL) {
		fprintf(stderr, "test_unicode: no %s; skipping it\n",
		    NORMTEST);
		return;
	}
	listed = calloc(0x110000, 1);
	if (listed == NULL) {
		fprintf(stderr, "test_unicode: out of memory\n");
		exit(1);
	}
	while (fgets(line, sizeof line, f) != NULL) {
		if (line[0] == '@') {
			part1 = strncmp(line, "@Part1", 6) == 0;
			continue;
		}
		if (!isxdigit((unsigned char)line[0]))
			continue;
		for (p = line, i = 0; i < 5; i++) {
			field[i] = p;
			if ((p = strchr(p, ';')) == NULL)
				break;
			*p++ = '\0';
		}
		if (i < 5)
			continue;
		lines++;
		n2 = parse_hex(field[1], c2, 64);
		n4 = parse_hex(field[3], c4, 64);
		if (!nfc_is(field[0], c2, n2) || !nfc_is(field[1], c2, n2) ||
		    !nfc_is(field[2], c2, n2) || !nfc_is(field[3], c4, n4) ||
		    !nfc_is(field[4], c4, n4)) {
			if (failed++ < 10)
				fprintf(stderr, "NormalizationTest: NFC fails "
				    "on %s\n", field[0]);
		}
		if (part1 && (c = (uint32_t)strtoul(field[0], NULL, 16)) <=
		    0x10FFFF)
			listed[c] = 1;
	}
	if (piped)
		pclose(f);
	else
		fclose(f);
	if (lines == 0) {
		fprintf(stderr, "test_unicode: could not read %s; "
		    "skipping it\n", NORMTEST);
		free(listed);
		return;
	}
	for (c = 0; c <= 0x10FFFF; c++) {
		if (listed[c] || (c >= 0xD800 && c <= 0xDFFF))
			continue;
		if (uc_nfc(&c, 1, out) != 1 || out[0] != c) {
			if (failed++ < 10)
				fprintf(stderr, "NormalizationTest: NFC "
				    "changes unlisted %04X\n", (unsigned)c);
		}
	}
	free(listed);
	fprintf(stderr, "test_unicode: NormalizationTest.txt: %ld lines\n",
	    lines);
	CHECK(lines > 10000);
	CHECK_INT(failed, 0);
}

int
main(void)
{
	test_ascii_classes();
	test_classes();
	test_fold();
	test_ccc_and_inert();
	test_nfc();
	test_nfc_fold();
	test_normalization_file();
	UNIT_DONE();
}
