/*
 * UTF-8 decoding and encoding, strict per RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF.  Invalid bytes become U+FFFD one byte
 * at a time, as the Unicode standard recommends ("maximal subpart" is not
 * attempted; one replacement per bad byte is simpler and never loses more).
 */
#include <string.h>

#include "swar.h"
#include "utf8.h"

size_t
utf8_valid_prefix(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		return 2;
	}
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0; /* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0; /* surrogate */
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0; /* overlong */
		if (c == 0xF4 && s[1] >= 0x90)
			return 0; /* above U+10FFFF */
		return 4;
	}
	return 0;
}

size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	switch (utf8_valid_prefix(s, n)) {
	case 1:
		*cp = s[0];
		return 1;
	case 2:
		*cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	case 3:
		*cp = (uint32_t)(s[0] & 0x0F) << 12 |
		    (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		return 3;
	case 4:
		*cp = (uint32_t)(s[0] & 0x07) << 18 |
		    (uint32_t)(s[1] & 0x3F) << 12 |
		    (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		return 4;
	default:
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
utf8_count(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

int
utf8_all_ascii(const char *s, size_t n)
{
	uint64_t acc = 0;
	size_t i = 0;

	for (; i + 8 <= n; i += 8)
		acc |= swar_load(s + i);
	for (; i < n; i++)
		acc |= (unsigned char)s[i];
	return (acc & SWAR_HIGHS) == 0;
}

/*
 * Sixteen bytes at a time with SSE2 (one instruction finds their top
 * bits), eight at a time in a word elsewhere; blocks of 64 bytes take one
 * branch.
 */
size_t
utf8_ascii_prefix(const char *s, size_t n)
{
	size_t i = 0;
#ifdef SP_SSE2
	__m128i a, b, c, d;
	unsigned m;

	for (; i + 64 <= n; i += 64) {
		a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		b = _mm_loadu_si128((const __m128i *)(const void *)(s + i +
		    16));
		c = _mm_loadu_si128((const __m128i *)(const void *)(s + i +
		    32));
		d = _mm_loadu_si128((const __m128i *)(const void *)(s + i +
		    48));
		if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b),
		    _mm_or_si128(c, d))) != 0)
			break;
	}
	for (; i + 16 <= n; i += 16) {
		a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		if ((m = (unsigned)_mm_movemask_epi8(a)) != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#else
	for (; i + 64 <= n; i += 64)
		if (((swar_load(s + i) | swar_load(s + i + 8) |
		    swar_load(s + i + 16) | swar_load(s + i + 24) |
		    swar_load(s + i + 32) | swar_load(s + i + 40) |
		    swar_load(s + i + 48) | swar_load(s + i + 56)) &
		    SWAR_HIGHS) != 0)
			break;
	for (; i + 8 <= n; i += 8)
		if ((swar_load(s + i) & SWAR_HIGHS) != 0)
			break;
#endif
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

size_t
utf8_first_invalid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k;

	while ((i += utf8_ascii_prefix(s + i, n - i)) < n) {
		if ((k = utf8_valid_prefix(u + i, n - i)) == 0)
			return i;
		i += k;
		/* Text with one non-ASCII character often has more nearby. */
		while (i < n && u[i] >= 0x80) {
			if ((k = utf8_valid_prefix(u + i, n - i)) == 0)
				return i;
			i += k;
		}
	}
	return n;
}

size_t
utf8_count_invalid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k, bad = 0;

	while ((i += utf8_ascii_prefix(s + i, n - i)) < n)
		while (i < n && u[i] >= 0x80) {
			if ((k = utf8_valid_prefix(u + i, n - i)) == 0) {
				bad++;
				k = 1;
			}
			i += k;
		}
	return bad;
}

size_t
utf8_sanitize(const char *s, size_t n, char *out, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, k;

	while (i < n) {
		if (u[i] < 0x80) {
			out[o++] = s[i++];
			continue;
		}
		if ((k = utf8_valid_prefix(u + i, n - i)) == 0) {
			o += utf8_encode(UTF8_REPLACEMENT, out + o);
			(*bad)++;
			i++;
			continue;
		}
		memcpy(out + o, s + i, k);
		o += k;
		i += k;
	}
	return o;
}
