/*
 * Line reader and checked, buffered writer; see io.h for what they promise.
 * Reading uses read(2) into a growing buffer and memchr to find line ends,
 * so the cost per line is a few library calls however long the line is.
 * Most input is plain ASCII, so the reader checks the buffer ahead of the
 * lines a word at a time and gives the exact check of each line (NUL,
 * UTF-8) only to the lines that are not plain.  Its reference
 * (SP_REFERENCE, reference.h) gives that check to every line and checks
 * nothing ahead, so reader_plain_lines never has lines to hand over.
 */
/* For F_SETPIPE_SZ on Linux; elsewhere the pipes keep their size. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "io.h"
#include "outfile.h"
#include "reference.h"
#include "swar.h"
#include "utf8.h"

#define NONE ((size_t)-1)

enum {
	READ_CHUNK = 1 << 18,
	WRITE_BUF = READ_CHUNK,	/* as much as a reader takes at once: fewer
				   writes and wake-ups on a pipe */
	CLEAN_AHEAD = 1 << 14,	/* bytes checked ahead of the lines at once */
	PIPE_SIZE = 1 << 20
};

struct writer sp_out;

/*
 * A pipe holds 64 KB by default, so a filter reading or writing one does
 * a system call and often a context switch every 64 KB.  Where Linux lets
 * an unprivileged process enlarge it, do so (never shrink it); if it
 * refuses, nothing is lost.
 */
static void
pipe_enlarge(int fd, const struct stat *st)
{
#ifdef F_SETPIPE_SZ
	if (S_ISFIFO(st->st_mode) && fcntl(fd, F_GETPIPE_SZ) < PIPE_SIZE)
		(void)fcntl(fd, F_SETPIPE_SZ, PIPE_SIZE);
#else
	(void)fd;
	(void)st;
#endif
}

int
reader_open(struct reader *r, const char *path)
{
	struct stat st;

	memset(r, 0, sizeof(*r));
	if (strcmp(path, "-") == 0) {
		r->fd = 0;
		r->name = "(standard input)";
	} else {
		r->name = path;
		if ((r->fd = open(path, O_RDONLY)) < 0) {
			sp_warn("%s: %s", path, strerror(errno));
			return -1;
		}
	}
	if (fstat(r->fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			sp_warn("%s: is a directory", r->name);
			if (r->fd != 0)
				close(r->fd);
			return -1;
		}
		pipe_enlarge(r->fd, &st);
		if (S_ISREG(st.st_mode) &&
		    (r->base = lseek(r->fd, 0, SEEK_CUR)) >= 0)
			r->seekable = 1;
	}
	if (!r->seekable)
		r->base = 0;
	r->counted = r->base;
	r->nul_line = NONE;
	r->cap = READ_CHUNK;
	r->buf = xmalloc(r->cap);
	return 0;
}

/* Make room for at least one more chunk after the unread bytes. */
static void
reader_room(struct reader *r)
{
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->base += (off_t)r->start;
		r->end -= r->start;
		r->clean = r->clean > r->start ? r->clean - r->start : 0;
		r->start = 0;
	}
	if (r->cap - r->end < READ_CHUNK) {
		r->cap = r->cap * 2 > r->end + READ_CHUNK ? r->cap * 2 :
		    r->end + READ_CHUNK;
		r->buf = xrealloc(r->buf, r->cap);
	}
}

static int
reader_fill(struct reader *r)
{
	ssize_t n;

	reader_room(r);
	do
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		sp_warn("%s: %s", r->name, strerror(errno));
		r->failed = 1;
		r->clean = 0;
		return -1;
	}
	if (n == 0)
		r->eof = 1;
	r->end += (size_t)n;
	return 0;
}

static void
nul_byte(struct reader *r, unsigned long long lineno)
{
	sp_warn_at(r->name, lineno,
	    "NUL byte: not a text file; rest of file skipped");
	r->failed = 1;
	r->clean = 0;
}

/* Replace invalid UTF-8 in *line, counting the replacements. */
static void
repair_line(struct reader *r, char **line, size_t *len)
{
	char *s = *line;
	size_t n = *len, bad = 0;
	size_t k = sp_reference ? 0 : utf8_ascii_prefix(s, n);

	if (k == n || k + utf8_first_invalid(s + k, n - k) == n)
		return;
	if (r->fixcap < 3 * n + 1) {
		r->fixcap = 3 * n + 1;
		free(r->fix);
		r->fix = xmalloc(r->fixcap);
	}
	*len = utf8_sanitize(s, n, r->fix, &bad);
	*line = r->fix;
	r->bad_utf8 += bad;
}

/*
 * Drop the final CRs (a CRLF file converted twice ends lines in CR CR LF),
 * refuse NUL bytes and repair UTF-8 in *line.
 */
static int
check_line(struct reader *r, char **line, size_t *len)
{
	*len = reader_drop_crs(*line, *len);
	if (memchr(*line, '\0', *len) != NULL) {
		nul_byte(r, r->lineno);
		return -1;
	}
	repair_line(r, line, len);
	return 1;
}

/*
 * The number of bytes at the start of s[0..n) that are ASCII and not NUL,
 * the bytes that need no check.  The first byte with its top bit set is
 * found first: the top bits of eight bytes at a time are or-ed together,
 * blocks of 64 bytes with one branch; the block with such a byte is then
 * looked at word by word, and that word byte by byte.  Then memchr looks
 * for a NUL before it.  The two scans take fewer instructions a byte than
 * one scan for both, and neither goes past the first byte that is not
 * plain, which in some text comes every few hundred bytes.
 */
static size_t
plain_prefix(const char *s, size_t n)
{
	const char *nul, *p;
	uint64_t acc;
	size_t i = 0;

	for (; i + 64 <= n; i += 64) {
		p = s + i;
		acc = swar_load(p) | swar_load(p + 8) | swar_load(p + 16) |
		    swar_load(p + 24) | swar_load(p + 32) | swar_load(p + 40) |
		    swar_load(p + 48) | swar_load(p + 56);
		if ((acc & SWAR_HIGHS) != 0)
			break;
	}
	for (; i + 8 <= n; i += 8)
		if ((swar_load(s + i) & SWAR_HIGHS) != 0)
			break;
	while (i < n && (unsigned char)s[i] < 0x80u)
		i++;
	nul = memchr(s, '\0', i);
	return nul != NULL ? (size_t)(nul - s) : i;
}

int
reader_next_slow(struct reader *r, char **line, size_t *len)
{
	char *nl, *s;
	size_t n, scanned = 0;

	if (r->failed)
		return -1;
	for (;;) {
		nl = memchr(r->buf + r->start + scanned, '\n',
		    r->end - r->start - scanned);
		if (nl != NULL || r->eof)
			break;
		scanned = r->end - r->start;
		if (reader_fill(r) < 0)
			return -1;
	}
	if (nl == NULL && r->start == r->end)
		return 0;
	s = r->buf + r->start;
	n = nl ? (size_t)(nl - s) : r->end - r->start;
	r->start += n + (nl != NULL);
	r->lineno++;
	if (r->lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
		/* A file that is only a byte order mark is empty. */
		if (n == 0 && nl == NULL)
			return 0;
	}
	*line = s;
	*len = n;
	if (sp_reference)
		return check_line(r, line, len);
	/*
	 * A line within the checked bytes can only need its final CRs
	 * dropped.  Otherwise check ahead from where the checked bytes end
	 * (or this line starts), a bounded stretch at a time so that the
	 * bytes are still in the cache when their lines are read.
	 */
	if (s + n > r->buf + r->clean) {
		size_t from = (size_t)(s - r->buf), lim;

		if (from < r->clean)
			from = r->clean;
		lim = r->end - from < CLEAN_AHEAD ? r->end : from + CLEAN_AHEAD;
		if (lim < (size_t)(s - r->buf) + n)
			lim = (size_t)(s - r->buf) + n;
		r->clean = from + plain_prefix(r->buf + from, lim - from);
		if (s + n > r->buf + r->clean)
			return check_line(r, line, len);
	}
	*len = reader_drop_crs(s, n);
	return 1;
}

/* The number of LFs in s[0..n). */
static unsigned long long
count_lfs(const char *s, size_t n)
{
	unsigned long long k = 0;
	size_t i = 0;
#ifdef SP_SSE2
	const __m128i lf = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
	__m128i acc, sum;
	size_t lim;

	/* Each byte of acc counts up to 255 LFs, then they are summed. */
	while (i + 16 <= n) {
		acc = zero;
		lim = n - i > 16 * 255 ? i + 16 * 255 : n;
		for (; i + 16 <= lim; i += 16)
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(lf,
			    _mm_loadu_si128((const __m128i *)(const void *)(s +
			    i))));
		sum = _mm_sad_epu8(acc, zero);
		k += (unsigned long long)_mm_cvtsi128_si32(sum) +
		    (unsigned long long)_mm_extract_epi16(sum, 4);
	}
#else
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		/* Each LF becomes 0x80 in its byte, nothing else does. */
		w = swar_load(s + i) ^ (SWAR_ONES * '\n');
		w = ~(((w & SWAR_LOWS) + SWAR_LOWS) | w) & SWAR_HIGHS;
		k += (w >> 7) * SWAR_ONES >> 56;
	}
#endif
	for (; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/*
 * Count the lines that end before buf[to] into r->lineno.  Those before
 * the buffer (a regular file read on without counting) are counted from
 * the file.  A read error there only makes the number inexact.
 */
static void
count_lines_to(struct reader *r, size_t to)
{
	off_t at = r->base + (off_t)to;
	char *tmp;
	ssize_t k;
	size_t want;

	if (at <= r->counted)
		return;
	if (r->counted < r->base) {
		tmp = xmalloc(READ_CHUNK);
		while (r->counted < r->base) {
			want = r->base - r->counted > READ_CHUNK ? READ_CHUNK :
			    (size_t)(r->base - r->counted);
			k = pread(r->fd, tmp, want, r->counted);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				break;
			r->lineno += count_lfs(tmp, (size_t)k);
			r->counted += k;
		}
		free(tmp);
		r->counted = r->base;
	}
	r->lineno += count_lfs(r->buf + (r->counted - r->base),
	    (size_t)(at - r->counted));
	r->counted = at;
}

/*
 * Account for the lines of the block up to buf[to] that were passed over:
 * count the replacements their invalid UTF-8 would take.
 */
static void
pass_lines(struct reader *r, size_t to)
{
	size_t n, k;

	if (to <= r->done)
		return;
	n = to - r->done;
	k = utf8_ascii_prefix(r->buf + r->done, n);
	if (k < n)
		r->bad_utf8 += utf8_count_invalid(r->buf + r->done + k, n - k);
	r->done = to;
}

int
reader_block(struct reader *r, char **buf, size_t *len)
{
	size_t i, scanned = 0, at, ls;
	char *nul;
	int first = !r->blocks;

	r->blocks = 1;
	if (r->failed)
		return -1;
	pass_lines(r, r->block_end);
	if (r->nul_line != NONE) {
		r->taken = r->nul_line;
		nul_byte(r, reader_lineno(r));
		return -1;
	}
	/* A pipe's lines are counted before their bytes are gone. */
	if (!r->seekable)
		count_lines_to(r, r->start);
	for (;;) {
		/* Look back from the end for the last LF, once per byte. */
		for (i = r->end; i > r->start + scanned; i--)
			if (r->buf[i - 1] == '\n')
				break;
		if (i > r->start + scanned || r->eof)
			break;
		scanned = r->end - r->start;
		if (reader_fill(r) < 0)
			return -1;
	}
	if (r->eof && r->start == r->end)
		return 0;
	if (r->eof && i <= r->start + scanned)
		i = r->end;	/* a last line with no LF */
	at = r->start;
	if (first && i - at >= 3 && memcmp(r->buf + at, "\xEF\xBB\xBF", 3) ==
	    0) {
		at += 3;
		/* A file that is only a byte order mark is empty. */
		if (at == i) {
			r->start = i;
			return 0;
		}
	}
	r->taken = r->done = at;
	r->block_end = i;
	r->start = i;
	if ((nul = memchr(r->buf + at, '\0', i - at)) != NULL) {
		for (ls = (size_t)(nul - r->buf); ls > at &&
		    r->buf[ls - 1] != '\n'; ls--)
			;
		if (ls == at) {
			nul_byte(r, reader_lineno(r));
			return -1;
		}
		/* The lines before it first; the next call reports it. */
		r->nul_line = r->start = r->block_end = ls;
	}
	*buf = r->buf + at;
	*len = r->block_end - at;
	return 1;
}

int
reader_block_line(struct reader *r, const char *s, size_t n, char **line,
    size_t *len)
{
	size_t at = (size_t)(s - r->buf);

	pass_lines(r, at);
	r->taken = at;
	r->done = at + n < r->block_end ? at + n + 1 : r->block_end;
	*line = r->buf + at;
	*len = reader_drop_crs(*line, n);
	repair_line(r, line, len);
	return 1;
}

/*
 * Lines are short next to a block, so the start is found by looking back
 * sixteen bytes at a time (with SSE2) and the end with memchr.
 */
void
reader_block_bounds(const struct reader *r, const char *at,
    const char **start, const char **end)
{
	const char *lo = r->buf + r->done, *p = at, *nl;
#ifdef SP_SSE2
	const __m128i lf = _mm_set1_epi8('\n');
	unsigned mask;

	while (p - lo >= 16) {
		mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(lf,
		    _mm_loadu_si128((const __m128i *)(const void *)(p - 16))));
		if (mask != 0) {
			p -= __builtin_clz(mask) - 16;
			lo = p;
			break;
		}
		p -= 16;
	}
#endif
	while (p > lo && p[-1] != '\n')
		p--;
	*start = p;
	nl = memchr(at, '\n', (size_t)(r->buf + r->block_end - at));
	*end = nl != NULL ? nl : r->buf + r->block_end;
}

unsigned long long
reader_lineno(struct reader *r)
{
	if (!r->blocks)
		return r->lineno;
	count_lines_to(r, r->taken);
	return r->lineno + 1;
}

int
reader_close(struct reader *r)
{
	if (r->bad_utf8 > 0)
		sp_warn("%s: %zu invalid UTF-8 sequence%s replaced by U+FFFD",
		    r->name, r->bad_utf8, r->bad_utf8 == 1 ? "" : "s");
	if (r->fd > 0)
		close(r->fd);
	free(r->buf);
	free(r->fix);
	r->buf = r->fix = NULL;
	return r->failed ? -1 : 0;
}

int
read_word_list(const char *path,
    void (*add)(void *arg, const char *word, size_t len), void *arg)
{
	struct reader r;
	char *line;
	size_t n, i, j;

	if (reader_open(&r, path) < 0)
		return -1;
	while (reader_next(&r, &line, &n) > 0) {
		for (i = 0; i < n && (line[i] == ' ' || line[i] == '\t'); i++)
			;
		for (j = n; j > i && (line[j - 1] == ' ' ||
		    line[j - 1] == '\t'); j--)
			;
		if (j > i && line[i] != '#')
			add(arg, line + i, j - i);
	}
	return reader_close(&r);
}

void
writer_init(struct writer *w, int fd, const char *name)
{
	struct stat st;

	if (fstat(fd, &st) == 0)
		pipe_enlarge(fd, &st);
	w->fd = fd;
	w->name = name;
	w->cap = WRITE_BUF;
	w->len = 0;
	w->buf = xmalloc(w->cap);
	w->tmp = NULL;
}

void
writer_open(struct writer *w, const char *path)
{
	char *tmp;
	int fd = outfile_open(path, &tmp);

	writer_init(w, fd, path);
	w->tmp = tmp;
}

static void
write_all(struct writer *w, const char *p, size_t n)
{
	ssize_t k;

	while (n > 0) {
		k = write(w->fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && errno == EPIPE)
			exit(2);	/* reader went away: quietly */
		if (k < 0)
			sp_die("%s: write error: %s", w->name,
			    strerror(errno));
		p += k;
		n -= (size_t)k;
	}
}

void
writer_flush(struct writer *w)
{
	if (w->len > 0)
		write_all(w, w->buf, w->len);
	w->len = 0;
}

void
writer_slow(struct writer *w, const void *p, size_t n)
{
	writer_flush(w);
	if (n >= w->cap)
		write_all(w, p, n);
	else {
		memcpy(w->buf, p, n);
		w->len = n;
	}
}

void
writer_close(struct writer *w)
{
	writer_flush(w);
	if (w->tmp != NULL || w->fd > 2)
		outfile_commit(w->fd, w->tmp, w->name);
	w->tmp = NULL;
	free(w->buf);
	w->buf = NULL;
	w->cap = 0;
}

void
writer_printf(struct writer *w, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(w->buf + w->len, w->cap - w->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		sp_die("%s: output error", w->name);
	if ((size_t)n < w->cap - w->len) {
		w->len += (size_t)n;
		return;
	}
	writer_flush(w);
	if ((size_t)n >= w->cap) {
		w->cap = (size_t)n + 1;
		w->buf = xrealloc(w->buf, w->cap);
	}
	va_start(ap, fmt);
	vsnprintf(w->buf, w->cap, fmt, ap);
	va_end(ap);
	w->len = (size_t)n;
}

void
writer_u64(struct writer *w, uint64_t v)
{
	char tmp[20];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	writer_write(w, tmp + i, sizeof(tmp) - i);
}

void
sp_exit(int status)
{
	if (sp_out.buf != NULL)
		writer_close(&sp_out);
	if (fflush(stdout) == EOF || ferror(stdout))
		sp_die("write error: %s", strerror(errno));
	exit(status);
}
