/*
 * UTF-8 decoding and encoding.  The decoder never fails: an invalid or
 * truncated sequence, an overlong form or a surrogate decodes as U+FFFD and
 * consumes exactly one byte, so a caller always makes progress and never
 * splits a valid multibyte sequence.
 */
#ifndef SP_UTF8_H
#define SP_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decode one code point from s[0..n) (n >= 1); return the bytes used (1-4). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Whether s[0..n) starts with a valid sequence; return its length or 0. */
size_t utf8_valid_prefix(const unsigned char *s, size_t n);

/* Encode cp into out (4 bytes of room); return the bytes written. */
size_t utf8_encode(uint32_t cp, char *out);

/*
 * Copy s[0..n) to out (room for 3 * n bytes), replacing every invalid
 * sequence by U+FFFD.  Return the bytes written; add the number of
 * replacements to *bad.
 */
size_t utf8_sanitize(const char *s, size_t n, char *out, size_t *bad);

/* The number of code points in s[0..n) (valid UTF-8). */
size_t utf8_count(const char *s, size_t n);

/* Whether s[0..n) is all ASCII (checked a word at a time). */
int utf8_all_ascii(const char *s, size_t n);

/* Index of the first byte of an invalid sequence in s[0..n), or n. */
size_t utf8_first_invalid(const char *s, size_t n);

/* The length of the ASCII prefix of s[0..n): the index of its first byte
   with the top bit set, or n. */
size_t utf8_ascii_prefix(const char *s, size_t n);

/*
 * The number of U+FFFD that utf8_sanitize would put in s[0..n): the same
 * count for a run of lines as for each of its lines in turn, since a LF or
 * a CR is never part of a multibyte sequence.
 */
size_t utf8_count_invalid(const char *s, size_t n);

#endif
