/*
 * Unicode character properties from our own tables (lib/unitab.c, generated
 * by lib/gen-unicode.sh from the Unicode Character Database): general
 * category classes, simple case folding and NFC normalisation.  Nothing here
 * consults the C library's locale.
 */
#ifndef SP_UNICODE_H
#define SP_UNICODE_H

#include <stddef.h>
#include <stdint.h>

enum uc_class {
	UC_OTHER = 0,	/* unassigned, private use, surrogates (Cn, Co, Cs) */
	UC_LETTER,	/* L* */
	UC_MARK,	/* M* */
	UC_DIGIT,	/* Nd */
	UC_NUMBER,	/* Nl, No */
	UC_PUNCT,	/* P* */
	UC_SYMBOL,	/* S* */
	UC_SPACE,	/* Zs, Zl, Zp, and TAB LF VT FF CR */
	UC_FORMAT,	/* Cf: soft hyphen, ZWSP, ZWJ, ZWNJ, word joiner, BOM */
	UC_CONTROL	/* Cc other than the white space above */
};

/* ASCII classes, for loops that stay on bytes below 0x80. */
extern const unsigned char uc_ascii_class[128];

int uc_class(uint32_t cp);
int uc_is_upper(uint32_t cp);	/* Lu or Lt */
int uc_is_lower(uint32_t cp);	/* Ll */

/* Simple case folding (CaseFolding.txt, status C and S). */
uint32_t uc_fold(uint32_t cp);

/* Canonical combining class. */
int uc_ccc(uint32_t cp);

/*
 * Whether cp can be left alone by NFC whatever surrounds it: NFC_QC=Yes,
 * combining class 0, and it never combines with a preceding character.
 * Text made only of such code points (all ASCII, for instance) is in NFC.
 */
int uc_nfc_inert(uint32_t cp);

/* The most code points NFC can produce per input code point. */
#define UC_NFC_GROWTH 4

/* NFC of in[0..n) into out (room for UC_NFC_GROWTH * n); return its length. */
size_t uc_nfc(const uint32_t *in, size_t n, uint32_t *out);

/*
 * The same with simple case folding of the decomposed text, so that the
 * result folds to itself and is in NFC: what a folded token is.
 */
size_t uc_nfc_fold(const uint32_t *in, size_t n, uint32_t *out);

/* The version of the Unicode Character Database the tables come from. */
const char *uc_version(void);

#endif
