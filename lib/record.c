/*
 * Records: splitting lines into key and payload, reading them from files
 * in order or in runs, and writing them; see record.h.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "record.h"
#include "swar.h"

void
record_split(struct record *rec, const char *line, size_t len)
{
	const char *p = line, *end = line + len, *t;

	/*
	 * The last TAB.  Keys are short and texts long, so hop forward from
	 * TAB to TAB with memchr rather than walk back through the text; a
	 * short line is looked at from its end.
	 */
	if (!sp_reference && len < 16)
		for (p = end; p > line && p[-1] != '\t'; p--)
			;
	else
		while ((t = memchr(p, '\t', (size_t)(end - p))) != NULL)
			p = t + 1;
	rec->key = line;
	rec->haskey = p > line;
	rec->keylen = p > line ? (size_t)(p - 1 - line) : 0;
	rec->payload = p;
	rec->len = (size_t)(end - p);
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
#define LF_BITS(k)                                                             \
	((uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(                 \
	    lf,                                                                \
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
		t++; /* a later TAB of a line that starts with one */
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

int
record_open(struct record_reader *rr, const char *path)
{
	rr->hint.keylen = 0;
	rr->hint.short_payload = 0;
	return reader_open(&rr->in, path);
}

int
record_close(struct record_reader *rr)
{
	return reader_close(&rr->in);
}

void
record_warn(struct record_reader *rr, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sp_vwarn_at(record_file(rr), record_lineno(rr), fmt, ap);
	va_end(ap);
}

void
record_warn_fields(const char *file, unsigned long long line,
		   const struct record *rec, const char *by, size_t need)
{
	size_t have = record_key_fields(rec);

	sp_warn_at(file, line,
		   "--by %s needs %zu key field%s, the record "
		   "has %zu",
		   by, need, need == 1 ? "" : "s", have);
}

size_t
record_by_prefix(struct record_reader *rr, const struct record *rec, size_t by,
		 const char *by_arg)
{
	size_t len = record_key_prefix(rec, by);

	if (len == (size_t)-1)
		record_warn_fields(record_file(rr), record_lineno(rr), rec,
				   by_arg, by);
	return len;
}

int
record_block_take(struct record_reader *rr, const struct record_at *ra,
		  struct record *rec)
{
	char *line;
	size_t len;

	reader_block_line(&rr->in, ra->start, (size_t)(ra->end - ra->start),
			  &line, &len);
	record_split_after(rec, line, len, &rr->hint);
	return 1;
}

/* Remember p[0..k), which ends with a TAB (or is empty), as the key. */
static void
stretch_key(struct record_stretch *s, const char *p, size_t k)
{
	char b[8 * RECORD_KEY_WORDS];
	size_t i;

	if (k > sizeof(b)) {
		s->keylen = 0;
		s->keywords = RECORD_KEY_WORDS + 1;
		return;
	}
	memset(b, 0, sizeof(b));
	memcpy(b, p, k);
	s->keylen = k;
	s->keywords = (k + 7) / 8;
	for (i = 0; i < RECORD_KEY_WORDS; i++) {
		s->key[i] = swar_load(b + 8 * i);
		s->keymask[i] = 8 * i + 8 <= k ? ~(uint64_t)0
				: 8 * i >= k
				    ? 0
				    : ((uint64_t)1 << 8 * (k - 8 * i)) - 1;
		s->tabs[i] = swar_bytes_of(s->key[i], '\t') & s->keymask[i];
	}
}

void
record_stretch_slow(struct record_stretch *s)
{
	struct record *rec = &s->rec;
	const char *p = s->p, *nl;
	size_t n, k;

	nl = memchr(p, '\n', (size_t)(s->end - p));
	n = reader_drop_crs(p, (size_t)(nl - p));
	/* The lines here are short as a rule: look back for the TAB. */
	for (k = n; k > 0 && p[k - 1] != '\t'; k--)
		;
	rec->key = p;
	rec->keylen = k > 0 ? k - 1 : 0;
	rec->haskey = k > 0;
	rec->payload = p + k;
	rec->len = n - k;
	stretch_key(s, p, k);
	s->p = nl + 1;
}

/* The lines from p to end; those before safe are looked at in words. */
static void
stretch_init(struct record_stretch *s, const char *p, const char *end,
	     const char *safe)
{
	s->p = p;
	s->end = end;
	s->safe = end < safe ? end : safe;
	stretch_key(s, p, 0);
}

void
record_run_init(struct record_run *run, struct record_stretch *s,
		const char *buf, size_t len)
{
	const char *end = buf + len, *mid = buf + len / 2, *safe;

	if (mid > buf)
		mid = (const char *)memchr(mid - 1, '\n',
					   (size_t)(end - mid + 1)) +
		      1;
	safe = len > RECORD_LOOKAHEAD ? end - RECORD_LOOKAHEAD : buf;
	/* The words are little-endian: elsewhere every line is split. */
	if (!swar_little_endian()) {
		mid = end;
		safe = buf;
	}
	stretch_init(&s[0], buf, mid, safe);
	stretch_init(&s[1], mid, end, safe);
	run->s = s;
	run->a = &s[0];
	run->b = &s[1];
	run->tail = 0;
	run->lines = 0;
}

int
record_run_begin(struct record_reader *rr, struct record_run *run)
{
	char *buf;
	size_t len = reader_plain_lines(&rr->in, &buf);

	if (len == 0)
		return 0;
	record_run_init(run, rr->stretch, buf, len);
	return 1;
}

void
record_run_end(struct record_reader *rr, const struct record_run *run)
{
	reader_count_lines(&rr->in, run->lines);
}

/*
 * The writer.  Its head always has RECORD_BLOCK bytes after it, so that
 * the key can be copied as one block when it is short.
 */
void
record_head_room(struct record_writer *rw, size_t len)
{
	if (rw->headcap < len + RECORD_BLOCK) {
		rw->headcap = 2 * (len + RECORD_BLOCK);
		rw->head = xrealloc(rw->head, rw->headcap);
	}
}

void
record_writer_init(struct record_writer *rw, struct writer *out)
{
	memset(rw, 0, sizeof(*rw));
	rw->out = out;
	record_head_room(rw, 0);
}

void
record_writer_free(struct record_writer *rw)
{
	free(rw->head);
	free(rw->fieldend);
	memset(rw, 0, sizeof(*rw));
}

void
record_key_set(struct record_writer *rw, const char *key, size_t len)
{
	rw->nfields = 0;
	rw->headlen = 0;
	if (key == NULL)
		return;
	record_head_room(rw, len + 1);
	memcpy(rw->head, key, len);
	rw->head[len] = '\t';
	rw->headlen = len + 1;
}

void
record_key_field(struct record_writer *rw, const char *s, size_t n)
{
	if (rw->nfields == rw->fieldcap) {
		rw->fieldcap = rw->fieldcap ? 2 * rw->fieldcap : 4;
		rw->fieldend = xreallocarray(rw->fieldend, rw->fieldcap,
					     sizeof(*rw->fieldend));
	}
	record_head_room(rw, rw->headlen + n + 1);
	memcpy(rw->head + rw->headlen, s, n);
	rw->headlen += n;
	rw->fieldend[rw->nfields++] = rw->headlen;
	rw->head[rw->headlen++] = '\t';
}

/* v in decimal at the end of tmp[0..20); the number of digits. */
static size_t
decimal(char tmp[20], uint64_t v)
{
	size_t i = 20;

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	return 20 - i;
}

void
record_key_number(struct record_writer *rw, uint64_t v)
{
	char tmp[20];
	size_t n = decimal(tmp, v);

	record_key_field(rw, tmp + 20 - n, n);
}

/* Where field i starts in the head. */
static size_t
field_start(const struct record_writer *rw, size_t i)
{
	return i == 0 ? 0 : rw->fieldend[i - 1] + 1;
}

/* Replace field i's text by s[0..n). */
static void
replace_field(struct record_writer *rw, size_t i, const char *s, size_t n)
{
	size_t at = field_start(rw, i), end = rw->fieldend[i], j;
	size_t old = end - at;

	record_head_room(rw, rw->headlen - old + n);
	memmove(rw->head + at + n, rw->head + end, rw->headlen - end);
	memcpy(rw->head + at, s, n);
	rw->headlen = rw->headlen - old + n;
	for (j = i; j < rw->nfields; j++)
		rw->fieldend[j] = rw->fieldend[j] - old + n;
}

void
record_key_set_number(struct record_writer *rw, size_t i, uint64_t v)
{
	char tmp[20];
	size_t n = decimal(tmp, v);

	replace_field(rw, i, tmp + 20 - n, n);
}

void
record_key_count_slow(struct record_writer *rw, size_t i)
{
	size_t start = field_start(rw, i), end = rw->fieldend[i], k;
	char *h = rw->head, *digits;
	uint64_t v = 0;

	if (sp_reference) {
		/* The reference: read the number, write the next one. */
		for (k = start; k < end; k++)
			v = v * 10 + (uint64_t)(h[k] - '0');
		record_key_set_number(rw, i, v + 1);
		return;
	}
	for (k = end; k > start; k--) {
		if (h[k - 1] != '9') {
			h[k - 1]++;
			return;
		}
		h[k - 1] = '0';
	}
	/* All nines, now zeros: one more digit, a 1 before them. */
	digits = xmalloc(end - start + 1);
	digits[0] = '1';
	memset(digits + 1, '0', end - start);
	replace_field(rw, i, digits, end - start + 1);
	free(digits);
}

void
record_put_slow(struct record_writer *rw, const char *s, size_t n)
{
	writer_write(rw->out, rw->head, rw->headlen);
	writer_write(rw->out, s, n);
	writer_byte(rw->out, '\n');
}

void
record_field_u64(struct record_writer *rw, uint64_t v)
{
	char tmp[21];
	size_t n = decimal(tmp + 1, v);

	/* The TAB before it, if any, and the digits in one piece. */
	if (rw->sep)
		tmp[20 - n++] = '\t';
	writer_write(rw->out, tmp + 21 - n, n);
	rw->sep = 1;
}

void
record_field_padded(struct record_writer *rw, size_t before, const char *s,
		    size_t n, size_t after)
{
	if (rw->sep)
		writer_byte(rw->out, '\t');
	while (before-- > 0)
		writer_byte(rw->out, ' ');
	if (n > 0)
		writer_write(rw->out, s, n);
	while (after-- > 0)
		writer_byte(rw->out, ' ');
	rw->sep = 1;
}

/*
 * x with the given decimals as "%.*f" writes it, without printf, which is
 * most of the time of a table of millions of statistics: x * 10^decimals
 * rounded to the nearest integer, whose digits are written with a dot
 * before the last few.  The product may be off by half a unit in its last
 * place, which below 2^40 is under 2^-13; only a fraction that close to a
 * half (or a result that would be -0) could round otherwise than printf
 * rounds x, so those, and larger or non-finite numbers, return 0 and are
 * left to printf.  The length written to buf (32 bytes) otherwise.
 */
static size_t
real_fast(char *buf, double x, int decimals)
{
	static const double scale[] = {1,   1e1, 1e2, 1e3, 1e4,
				       1e5, 1e6, 1e7, 1e8, 1e9};
	char digits[24];
	double y = fabs(x) * scale[decimals], f;
	uint64_t v;
	size_t n = 0, len = 0;

	if (!(y < 1099511627776.0)) /* 2^40; false for NaN too */
		return 0;
	v = (uint64_t)y;
	f = y - (double)v;
	if (fabs(f - 0.5) < 1.0 / 1024)
		return 0;
	v += f > 0.5;
	if (v == 0 && x < 0)
		return 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 || n <= (size_t)decimals);
	if (x < 0)
		buf[len++] = '-';
	while (n > 0) {
		if (n == (size_t)decimals)
			buf[len++] = '.';
		buf[len++] = digits[--n];
	}
	return len;
}

void
record_field_real(struct record_writer *rw, double x, int decimals)
{
	/* Half a unit of the last decimal: below it, the number is 0. */
	static const double half[] = {
	    0.5,      0.05,	 0.005,	     0.0005,	  0.00005,
	    0.000005, 0.0000005, 0.00000005, 0.000000005, 0.0000000005};
	char tmp[64];
	int n;

	if (fabs(x) < half[decimals])
		x = 0;
	if (!sp_reference && (n = (int)real_fast(tmp, x, decimals)) > 0) {
		record_field(rw, tmp, (size_t)n);
		return;
	}
	n = snprintf(tmp, sizeof(tmp), "%.*f", decimals, x);
	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		/* Too large for the buffer: let the writer format it. */
		if (rw->sep)
			writer_byte(rw->out, '\t');
		writer_printf(rw->out, "%.*f", decimals, x);
		rw->sep = 1;
		return;
	}
	record_field(rw, tmp, (size_t)n);
}

void
record_copy(struct record_writer *rw, const struct record *rec)
{
	size_t n;
	const char *s = record_text(rec, &n);

	writer_write(rw->out, s, n);
	writer_byte(rw->out, '\n');
}
