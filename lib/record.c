/*
 * Splitting a line into key and payload; see record.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "record.h"
#include "swar.h"

void
record_split(struct record *rec, const char *line, size_t len)
{
	const char *p = line, *end = line + len, *t;

	/*
	 * The last TAB: keys are short and texts long, so hop forward from
	 * TAB to TAB with memchr rather than walk back through the text.
	 */
	while ((t = memchr(p, '\t', (size_t)(end - p))) != NULL)
		p = t + 1;
	if (p == line) {
		rec->key = line;
		rec->keylen = 0;
		rec->haskey = 0;
	} else {
		rec->key = line;
		rec->keylen = (size_t)(p - 1 - line);
		rec->haskey = 1;
	}
	rec->payload = p;
	rec->len = (size_t)(line + len - p);
}

size_t
record_key_fields(const struct record *rec)
{
	size_t n = 1, i;

	if (!rec->haskey)
		return 0;
	for (i = 0; i < rec->keylen; i++)
		n += rec->key[i] == '\t';
	return n;
}

size_t
record_key_prefix(const struct record *rec, size_t n)
{
	size_t i, seen = 0;

	if (!rec->haskey || n == 0)
		return n == 0 ? 0 : (size_t)-1;
	for (i = 0; i < rec->keylen; i++)
		if (rec->key[i] == '\t' && ++seen == n)
			return i;
	return seen + 1 == n ? rec->keylen : (size_t)-1;
}

/* Whether p[0..avail) starts with prefix[0..len). */
static inline int
starts_with(const char *p, size_t avail, const char *prefix, size_t len)
{
	size_t i;

	if (avail < len)
		return 0;
	if (len < 8) {
		for (i = 0; i < len; i++)
			if (p[i] != prefix[i])
				return 0;
		return 1;
	}
	/* The first eight bytes, then the last eight, then the rest. */
	if (swar_load(p) != swar_load(prefix) ||
	    swar_load(p + len - 8) != swar_load(prefix + len - 8))
		return 0;
	return len <= 16 || memcmp(p + 8, prefix + 8, len - 16) == 0;
}

/*
 * The lines are found from their LFs, 64 bytes at a time with SSE2 (a bit
 * per byte), and each is compared where it starts, a key of up to 16
 * bytes as two overlapping words: no call per line.
 */
size_t
record_lines_with_prefix(const char *s, size_t n, const char *prefix,
    size_t len)
{
	size_t i = 0;
#ifdef SP_SSE2
	const __m128i lf = _mm_set1_epi8('\n');
	size_t at;
	uint64_t mask, head = 0, tail = 0;
	int words = len >= 8 && len <= 16;

	if (words) {
		head = swar_load(prefix);
		tail = swar_load(prefix + len - 8);
	}
#endif

	if (n == 0)
		return 0;
	if (!starts_with(s, n, prefix, len))
		return 0;
#ifdef SP_SSE2
#define LF_BITS(k) ((uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(lf, \
	_mm_loadu_si128((const __m128i *)(const void *)(s + i + (k))))))
	for (; i + 64 <= n; i += 64) {
		mask = LF_BITS(0) | LF_BITS(16) << 16 | LF_BITS(32) << 32 |
		    LF_BITS(48) << 48;
		for (; mask != 0; mask &= mask - 1) {
			at = i + (size_t)__builtin_ctzll(mask) + 1;
			if (words && n - at >= len) {
				if (swar_load(s + at) != head ||
				    swar_load(s + at + len - 8) != tail)
					return at;
			} else if (at < n &&
			    !starts_with(s + at, n - at, prefix, len))
				return at;
		}
	}
#undef LF_BITS
#endif
	for (; i < n; i++)
		if (s[i] == '\n' && i + 1 < n &&
		    !starts_with(s + i + 1, n - i - 1, prefix, len))
			return i + 1;
	return n;
}

/*
 * The first TAB in s[from..n) that is not the first byte of a line, or n.
 * TABs are rare in text but for indenting, so memchr finds each.
 */
static size_t
inner_tab(const char *s, size_t n, size_t from)
{
	const char *t;

	while (from < n && (t = memchr(s + from, '\t', n - from)) != NULL) {
		if (t > s && t[-1] != '\n')
			return (size_t)(t - s);
		from = (size_t)(t - s) + 1;
	}
	return n;
}

/* Only a TAB after the first byte of a line needs its line looked at. */
size_t
record_first_keyed_line(const char *s, size_t n)
{
	size_t t = 0, ls;

	while ((t = inner_tab(s, n, t)) < n) {
		for (ls = t; ls > 0 && s[ls - 1] != '\n'; ls--)
			;
		if (s[ls] != '\t')
			return ls;
		t++;	/* a later TAB of a line that starts with one */
	}
	return n;
}

size_t
record_parse_by(const char *s)
{
	char *end;
	long v;

	if (strcmp(s, "doc") == 0)
		return 1;
	if (strcmp(s, "para") == 0)
		return 2;
	if (strcmp(s, "sent") == 0)
		return 3;
	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || v < 1 || v > 1000)
		return 0;
	return (size_t)v;
}

size_t
record_opt_by(const struct opt *o, const char *s)
{
	size_t by = record_parse_by(s);

	if (by == 0)
		opt_usage_error(o, "%s: '%s' is not doc, para, sent or a number "
		    "from 1 to 1000", o->name, s);
	return by;
}
