/*
 * Unicode character properties and NFC normalisation over the tables that
 * lib/gen-unicode.sh generates into lib/unitab.c.  The per-character
 * lookups (class, case, folding, combining class) are two array accesses so
 * that they can sit in loops over every character of a large corpus; NFC
 * does real work only around code points that are not NFC-inert.
 */
#include <stdlib.h>
#include <string.h>

#include "unicode.h"

#define UC_MAX 0x10FFFFu

/*
 * The property byte of a code point: its uc_class in the low four bits and
 * the flags below.  uc_prop_index maps cp >> 8 to a block of
 * uc_prop_block, identical blocks being shared; uc_fold and uc_ccc are laid
 * out the same way.
 */
#define PROP_CLASS	0x0F
#define PROP_UPPER	0x10	/* Lu or Lt */
#define PROP_LOWER	0x20	/* Ll */
#define PROP_NONINERT	0x40	/* NFC_QC is not Yes, or ccc is not 0 */
#define PROP_DECOMPOSES	0x80	/* has a canonical decomposition */

extern const char uc_tab_version[];
extern const uint16_t uc_prop_index[4352];
extern const unsigned char uc_prop_block[][256];
extern const unsigned char uc_fold_index[4352];
extern const int32_t uc_fold_block[][256];
extern const unsigned char uc_ccc_index[4352];
extern const unsigned char uc_ccc_block[][256];

/*
 * Full canonical decompositions: uc_decomp_cp is sorted, and the
 * decomposition of uc_decomp_cp[i] is uc_decomp_pool[uc_decomp_at[i]] up
 * to uc_decomp_pool[uc_decomp_at[i + 1]].
 */
extern const size_t uc_decomp_count;
extern const uint32_t uc_decomp_cp[];
extern const uint16_t uc_decomp_at[];
extern const uint32_t uc_decomp_pool[];

/*
 * Primary composites: uc_comp_first[i] followed by uc_comp_second[i]
 * composes to uc_comp_to[i], sorted by first then second.  Composition
 * exclusions are already left out.
 */
extern const size_t uc_comp_count;
extern const uint32_t uc_comp_first[];
extern const uint32_t uc_comp_second[];
extern const uint32_t uc_comp_to[];

/* Hangul syllable arithmetic, from chapter 3.12 of the Unicode standard. */
#define HANGUL_S	0xAC00u
#define HANGUL_L	0x1100u
#define HANGUL_V	0x1161u
#define HANGUL_T	0x11A7u
#define HANGUL_LCOUNT	19u
#define HANGUL_VCOUNT	21u
#define HANGUL_TCOUNT	28u
#define HANGUL_NCOUNT	(HANGUL_VCOUNT * HANGUL_TCOUNT)
#define HANGUL_SCOUNT	(HANGUL_LCOUNT * HANGUL_NCOUNT)

/* Runs of combining marks longer than this are sorted with a buffer. */
#define SHORT_RUN 32

static inline unsigned
prop(uint32_t cp)
{
	if (cp > UC_MAX)
		return 0;
	return uc_prop_block[uc_prop_index[cp >> 8]][cp & 0xFF];
}

int
uc_class(uint32_t cp)
{
	if (cp < 0x80)
		return uc_ascii_class[cp];
	return (int)(prop(cp) & PROP_CLASS);
}

int
uc_is_upper(uint32_t cp)
{
	return (prop(cp) & PROP_UPPER) != 0;
}

int
uc_is_lower(uint32_t cp)
{
	return (prop(cp) & PROP_LOWER) != 0;
}

uint32_t
uc_fold(uint32_t cp)
{
	if (cp < 0x80)
		return cp - 'A' < 26 ? cp + ('a' - 'A') : cp;
	if (cp > UC_MAX)
		return cp;
	return cp + (uint32_t)uc_fold_block[uc_fold_index[cp >> 8]][cp & 0xFF];
}

int
uc_ccc(uint32_t cp)
{
	if (cp > UC_MAX)
		return 0;
	return uc_ccc_block[uc_ccc_index[cp >> 8]][cp & 0xFF];
}

int
uc_nfc_inert(uint32_t cp)
{
	return (prop(cp) & PROP_NONINERT) == 0;
}

const char *
uc_version(void)
{
	return uc_tab_version;
}

/*
 * Write the full canonical decomposition of cp to out (room for
 * UC_NFC_GROWTH code points) and return its length.
 */
static size_t
decompose(uint32_t cp, uint32_t *out)
{
	size_t lo, hi, mid, n;

	if ((prop(cp) & PROP_DECOMPOSES) == 0) {
		out[0] = cp;
		return 1;
	}
	if (cp - HANGUL_S < HANGUL_SCOUNT) {
		uint32_t s = cp - HANGUL_S;

		out[0] = HANGUL_L + s / HANGUL_NCOUNT;
		out[1] = HANGUL_V + s % HANGUL_NCOUNT / HANGUL_TCOUNT;
		if (s % HANGUL_TCOUNT == 0)
			return 2;
		out[2] = HANGUL_T + s % HANGUL_TCOUNT;
		return 3;
	}
	lo = 0;
	hi = uc_decomp_count;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (uc_decomp_cp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == uc_decomp_count || uc_decomp_cp[lo] != cp) {
		out[0] = cp;	/* cannot happen with consistent tables */
		return 1;
	}
	n = (size_t)(uc_decomp_at[lo + 1] - uc_decomp_at[lo]);
	memcpy(out, uc_decomp_pool + uc_decomp_at[lo], n * sizeof *out);
	return n;
}

/* The primary composite of first and second, or 0 if there is none. */
static uint32_t
compose_pair(uint32_t first, uint32_t second)
{
	size_t lo, hi, mid;

	if (first - HANGUL_L < HANGUL_LCOUNT &&
	    second - HANGUL_V < HANGUL_VCOUNT)
		return HANGUL_S + ((first - HANGUL_L) * HANGUL_VCOUNT +
		    (second - HANGUL_V)) * HANGUL_TCOUNT;
	if (first - HANGUL_S < HANGUL_SCOUNT &&
	    (first - HANGUL_S) % HANGUL_TCOUNT == 0 &&
	    second - HANGUL_T - 1 < HANGUL_TCOUNT - 1)
		return first + (second - HANGUL_T);
	lo = 0;
	hi = uc_comp_count;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (uc_comp_first[mid] < first ||
		    (uc_comp_first[mid] == first &&
		    uc_comp_second[mid] < second))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < uc_comp_count && uc_comp_first[lo] == first &&
	    uc_comp_second[lo] == second)
		return uc_comp_to[lo];
	return 0;
}

/*
 * Stably sort the run of non-starters mark[0..n) by combining class: by
 * insertion for the usual handful, by counting through a buffer for the
 * long runs that adversarial text can hold, so that time stays linear.
 */
static void
order_marks(uint32_t *mark, size_t n)
{
	size_t i, j, count[256], at;
	uint32_t *copy;
	uint32_t cp;
	int ccc;

	if (n > SHORT_RUN && (copy = malloc(n * sizeof *copy)) != NULL) {
		memcpy(copy, mark, n * sizeof *copy);
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[uc_ccc(copy[i])]++;
		for (at = 0, i = 0; i < 256; i++) {
			size_t here = count[i];

			count[i] = at;
			at += here;
		}
		for (i = 0; i < n; i++)
			mark[count[uc_ccc(copy[i])]++] = copy[i];
		free(copy);
		return;
	}
	for (i = 1; i < n; i++) {
		cp = mark[i];
		ccc = uc_ccc(cp);
		for (j = i; j > 0 && uc_ccc(mark[j - 1]) > ccc; j--)
			mark[j] = mark[j - 1];
		mark[j] = cp;
	}
}

/* Put every run of non-starters in buf[0..n) into canonical order. */
static void
order_canonically(uint32_t *buf, size_t n)
{
	size_t i, start;

	for (i = 0; i < n; i++) {
		if (uc_ccc(buf[i]) == 0)
			continue;
		start = i;
		while (i < n && uc_ccc(buf[i]) != 0)
			i++;
		if (i - start > 1)
			order_marks(buf + start, i - start);
	}
}

/*
 * Canonically compose the decomposed, ordered buf[0..n) in place and return
 * the new length.  A character combines with the last starter unless a
 * character between them has a combining class of zero or of its own or
 * higher (it is "blocked").
 */
static size_t
compose(uint32_t *buf, size_t n)
{
	size_t starter = 0, kept, i;
	int have_starter, last_ccc, ccc;
	uint32_t cp, composite;

	if (n == 0)
		return 0;
	last_ccc = uc_ccc(buf[0]);
	have_starter = last_ccc == 0;
	kept = 1;
	for (i = 1; i < n; i++) {
		cp = buf[i];
		ccc = uc_ccc(cp);
		if (have_starter && (prop(cp) & PROP_NONINERT) != 0 &&
		    (last_ccc == 0 || last_ccc < ccc) &&
		    (composite = compose_pair(buf[starter], cp)) != 0) {
			buf[starter] = composite;
			continue;
		}
		if (ccc == 0) {
			starter = kept;
			have_starter = 1;
		}
		last_ccc = ccc;
		buf[kept++] = cp;
	}
	return kept;
}

/*
 * NFC of a segment in[0..n): decompose into out, fold the pieces if asked,
 * order, compose.  Segments start at an NFC-inert code point (or the start
 * of the text), which nothing before it can reorder past or combine with.
 * Folding the decomposed pieces, not the composed characters, is what makes
 * folding stable: U+0130 (I with dot above) has no simple case folding, but
 * its I does, and after a dot below it composes to U+1ECA, which has one.
 */
static size_t
nfc_segment(const uint32_t *in, size_t n, uint32_t *out, int fold)
{
	size_t len = 0, i;

	for (i = 0; i < n; i++)
		len += decompose(in[i], out + len);
	if (fold)
		for (i = 0; i < len; i++)
			out[i] = uc_fold(out[i]);
	order_canonically(out, len);
	return compose(out, len);
}

static size_t
nfc(const uint32_t *in, size_t n, uint32_t *out, int fold)
{
	size_t len = 0, i = 0, end;

	while (i < n) {
		end = i + 1;
		while (end < n && !uc_nfc_inert(in[end]))
			end++;
		if (end == i + 1 && uc_nfc_inert(in[i]))
			out[len++] = fold ? uc_fold(in[i]) : in[i];
		else
			len += nfc_segment(in + i, end - i, out + len, fold);
		i = end;
	}
	return len;
}

size_t
uc_nfc(const uint32_t *in, size_t n, uint32_t *out)
{
	return nfc(in, n, out, 0);
}

size_t
uc_nfc_fold(const uint32_t *in, size_t n, uint32_t *out)
{
	return nfc(in, n, out, 1);
}
