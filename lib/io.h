/*
 * Line input and buffered output for the sp tools.
 *
 * A reader delivers one line at a time, without its LF, from a file or
 * standard input, in a buffer that grows with the longest line (no fixed
 * limit, no allocation per line).  On the way it drops a UTF-8 byte order
 * mark at the start of the file and the CR of a CRLF line end, and replaces
 * invalid UTF-8 with U+FFFD, counting the replacements so that
 * reader_close can warn once per file.  A NUL byte means the input is not
 * text: the reader reports it with file and line and stops reading that
 * file, so the caller can go on with the next one.
 *
 * A writer buffers output for a file descriptor and checks every write: a
 * closed pipe ends the program quietly, any other failure (a full disk,
 * /dev/full) is an error with exit status 2.
 */
#ifndef SP_IO_H
#define SP_IO_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

struct reader {
	int fd;
	const char *name;	/* for messages: the path or "(standard input)" */
	char *buf;
	size_t cap, start, end;
	size_t clean;		/* buf[start..clean) is ASCII without NUL */
	int eof;
	unsigned long long lineno;
	char *fix;		/* a line with invalid UTF-8 replaced */
	size_t fixcap;
	size_t bad_utf8;	/* replacements made so far in this file */
	int failed;		/* a read error or a NUL byte was reported */

	/* Block reading (reader_block). */
	int blocks;		/* reader_block has been called */
	size_t block_end;	/* the current block ends at buf[block_end] */
	size_t done;		/* buf[..done) of the block is accounted for */
	size_t taken;		/* the last line taken starts at buf[taken] */
	size_t nul_line;	/* a NUL byte waits to be reported in the line
				   at buf[nul_line], or (size_t)-1 */
	off_t base;		/* the file offset of buf[0] */
	off_t counted;		/* r->lineno lines end before this offset */
	int seekable;		/* a regular file: lines are counted only when
				   a number is needed, from the file if their
				   bytes have left the buffer */
};

/*
 * Open path ("-" is standard input).  On failure report it (a missing or
 * unreadable file, a directory) and return -1.
 */
int reader_open(struct reader *r, const char *path);

/*
 * Next line: 1 with *line and *len set (valid UTF-8, no LF, no final CRs), 0
 * at the end of the input, -1 after an error that was already reported.
 * The line stays valid until the next call.
 */
static inline int reader_next(struct reader *r, char **line, size_t *len);

/* What reader_next does for a line not in the bytes checked ahead. */
int reader_next_slow(struct reader *r, char **line, size_t *len);

/*
 * Block reading, for searches that look at the whole input before its
 * lines and skip the lines without a hit, as grep does (sp-grep).
 * reader_block gives the next block of complete lines as read, in *buf
 * and *len, ending just after a LF or at the end of the input, without a
 * byte order mark at the start of the file and without a NUL byte: a
 * block ends before the line that holds one, and the next call reports it
 * (file and line) and returns -1.  The caller takes the lines it wants, in
 * order, with reader_block_line; the others are passed over.  The reader
 * accounts for every line either way: the invalid UTF-8 of the lines
 * passed over is counted too (found quickly, since only stretches with a
 * byte above 0x7F need looking at), so the warning of reader_close is the
 * one reader_next would give; and line numbers are counted only when
 * reader_lineno asks for one, from the file itself if the lines have left
 * the buffer (a regular file) or as each block is done (a pipe).  Return
 * 1, 0 at the end of the input, or -1 after an error (reported).  Do not
 * mix with reader_next on one reader.
 */
int reader_block(struct reader *r, char **buf, size_t *len);

/*
 * Take the line s[0..n) of the block (s at a line start at or after the
 * end of the last line taken, n up to its LF or the block's end): pass
 * over the lines before it, and do to it what reader_next does to a line
 * (drop its final CRs, replace invalid UTF-8).  Return 1 with *line and
 * *len set; the line stays valid until the next call.
 */
int reader_block_line(struct reader *r, const char *s, size_t n,
    char **line, size_t *len);

/*
 * The line of the block that holds the byte at `at` (a byte after the last
 * line taken, not a LF): its start in *start and its end (its LF, or the
 * block's end) in *end, as they are in the block.
 */
void reader_block_bounds(const struct reader *r, const char *at,
    const char **start, const char **end);

/*
 * The number of the line last given by reader_next or taken by
 * reader_block_line, for messages.
 */
unsigned long long reader_lineno(struct reader *r);

/*
 * For a caller that finds line ends itself, to save a call per line: the
 * run of complete lines at the reader's position that lie in the bytes
 * checked ahead (ASCII without NUL, never the first line), in *buf; its
 * length is returned, 0 if there is none (then reader_next reads on and
 * checks further ahead; with SP_REFERENCE, nothing is checked ahead and
 * there never is).  Every line of the run ends with a LF, before
 * which the caller drops final CRs as reader_next would.  The line
 * numbers are not advanced: the caller tells how many lines it took with
 * reader_count_lines.  The run stays valid
 * until the next call.
 */
static inline size_t reader_plain_lines(struct reader *r, char **buf);

/*
 * The caller is done with the runs of reader_plain_lines it took since the
 * last call, which held n lines: the line numbers go on after them.
 */
static inline void
reader_count_lines(struct reader *r, unsigned long long n)
{
	r->lineno += n;
}

/* Close; warn about replaced UTF-8; return -1 if the file had an error. */
int reader_close(struct reader *r);

/*
 * Most lines lie in bytes already checked ahead (ASCII, no NUL; no line
 * with a byte order mark is among them), so all that is left to do for
 * them is to find their end and drop their final CRs.
 */
/* The length of s[0..n) without its final CRs (CR LF and CR CR LF ends). */
static inline size_t
reader_drop_crs(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == '\r')
		n--;
	return n;
}

static inline int
reader_next(struct reader *r, char **line, size_t *len)
{
	char *s = r->buf + r->start, *nl;
	size_t n;

	if (r->clean <= r->start ||
	    (nl = memchr(s, '\n', r->clean - r->start)) == NULL)
		return reader_next_slow(r, line, len);
	n = (size_t)(nl - s);
	r->start += n + 1;
	r->lineno++;
	*line = s;
	*len = reader_drop_crs(s, n);
	return 1;
}

/*
 * The checked bytes end inside a line as a rule, so the run ends at the
 * last LF before them, found looking back over that one line.
 */
static inline size_t
reader_plain_lines(struct reader *r, char **buf)
{
	size_t i = r->clean, n;

	while (i > r->start && r->buf[i - 1] != '\n')
		i--;
	if (i <= r->start)
		return 0;
	*buf = r->buf + r->start;
	n = i - r->start;
	r->start = i;
	return n;
}

/*
 * A run of reader_plain_lines taken a line at a time, for a caller that
 * looks at every line (sp-split) without a call per line into the
 * reader: reader_run begins one (0 if there is none), line_run_next gives
 * its lines as reader_next would (without LF and final CRs) and counts
 * them, and reader_run_end counts them for the reader.
 */
struct line_run {
	const char *p, *end;
	unsigned long long lines;
};

static inline int
reader_run(struct reader *r, struct line_run *run)
{
	char *buf;
	size_t n = reader_plain_lines(r, &buf);

	if (n == 0)
		return 0;
	run->p = buf;
	run->end = buf + n;
	run->lines = 0;
	return 1;
}

static inline int
line_run_next(struct line_run *run, const char **line, size_t *len)
{
	const char *nl;

	if (run->p >= run->end)
		return 0;
	nl = memchr(run->p, '\n', (size_t)(run->end - run->p));
	*line = run->p;
	*len = (size_t)(nl - run->p);
	/* Most lines have no CR, and most are not empty. */
	if (*len > 0 && nl[-1] == '\r')
		*len = reader_drop_crs(run->p, *len - 1);
	run->p = nl + 1;
	run->lines++;
	return 1;
}

static inline void
reader_run_end(struct reader *r, const struct line_run *run)
{
	reader_count_lines(r, run->lines);
}

struct writer {
	int fd;
	const char *name;
	char *buf;
	size_t len, cap;
	char *tmp;		/* writer_open's temporary file, or NULL */
};

extern struct writer sp_out;	/* standard output */

void writer_init(struct writer *w, int fd, const char *name);
/*
 * Open path for writing; exit 2 if that fails.  Its old contents are
 * replaced only when writer_close has written the new ones in full: until
 * then they go to a temporary file beside it, removed if the program ends
 * first (see outfile.h).
 */
void writer_open(struct writer *w, const char *path);
void writer_flush(struct writer *w);
/*
 * Flush and close (standard output is flushed, not closed), and put a file
 * from writer_open in place; exit 2 on error.
 */
void writer_close(struct writer *w);

void writer_printf(struct writer *w, const char *fmt, ...);
void writer_u64(struct writer *w, uint64_t v);
void writer_slow(struct writer *w, const void *p, size_t n);

static inline void
writer_write(struct writer *w, const void *p, size_t n)
{
	if (w->cap - w->len < n) {
		writer_slow(w, p, n);
		return;
	}
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

/*
 * For a caller that writes many short pieces itself: writer_room(w) bytes
 * may be stored from writer_end(w) on, and writer_advance(w, n) adds the
 * first n of them to the output.
 */
static inline size_t
writer_room(const struct writer *w)
{
	return w->cap - w->len;
}

static inline char *
writer_end(struct writer *w)
{
	return w->buf + w->len;
}

static inline void
writer_advance(struct writer *w, size_t n)
{
	w->len += n;
}

static inline void
writer_byte(struct writer *w, char c)
{
	if (w->len == w->cap)
		writer_flush(w);
	w->buf[w->len++] = c;
}

static inline void
writer_str(struct writer *w, const char *s)
{
	writer_write(w, s, strlen(s));
}

/*
 * Read a list of words from path: one a line, with the spaces and TABs
 * around it dropped; blank lines and lines starting with '#' are skipped.
 * add is called for each word.  Return 0, or -1 after reporting an error.
 */
int read_word_list(const char *path,
    void (*add)(void *arg, const char *word, size_t len), void *arg);

/*
 * The usual ending of main: flush and check standard output, then exit with
 * status.
 */
_Noreturn void sp_exit(int status);

#endif
