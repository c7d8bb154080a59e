/*
 * Fuzz the line reader (lib/io.h) and the record splitter (lib/record.h).
 * The first byte chooses how the rest is read: bit 0 from standard input
 * (a pipe) instead of a file; bits 1 to 3 all set, the bytes repeated
 * past 140 kB (rare, as such runs are slow), so that lines cross the
 * reader's 128 kB chunks and its buffer has to grow.  The input is read
 * four times, line by line with reader_next, in blocks with reader_block
 * taking every line or every third, and in runs of plain lines with
 * reader_plain_lines between calls of reader_next, and all must give the
 * same lines, in valid UTF-8 without LF or NUL, the same count of invalid
 * UTF-8 and the same status, as must the reference reader (sp_reference,
 * lib/reference.h), line by line.  Each line is then split as a record,
 * whose key and payload must put the line back together, the same by
 * record_split and by record_split_after; the payloads counted from the
 * runs of records (tally_run) are those counted one by one.
 */
#include <fcntl.h>

#include "count.h"
#include "fuzz.h"
#include "io.h"
#include "record.h"
#include "reference.h"

struct lines {
	char *s;
	size_t len, cap, n;
	int status;	/* 0 at the end of the input, -1 after an error */
	size_t bad;	/* invalid UTF-8 sequences replaced */
	struct tally tally;	/* the last fields, as sp-count counts them */
};

static void
lines_add(struct lines *l, const char *s, size_t n)
{
	if (l->cap - l->len < n + 1) {
		l->cap = 2 * (l->len + n + 1);
		if ((l->s = realloc(l->s, l->cap)) == NULL)
			abort();
	}
	memcpy(l->s + l->len, s, n);
	l->len += n;
	l->s[l->len++] = '\n';
	l->n++;
}

static void
check_record(const char *line, size_t len)
{
	static struct record_hint hint; /* as the last line left it */
	struct record rec, after;
	size_t fields, i, tabs = 0, p;

	record_split(&rec, line, len);
	record_split_after(&after, line, len, &hint);
	FUZZ_ASSERT(after.key == rec.key && after.keylen == rec.keylen &&
		    after.haskey == rec.haskey &&
		    after.payload == rec.payload && after.len == rec.len);
	FUZZ_ASSERT(memchr(rec.payload, '\t', rec.len) == NULL);
	FUZZ_ASSERT(rec.payload + rec.len == line + len);
	if (!rec.haskey) {
		FUZZ_ASSERT(rec.payload == line && rec.len == len);
		FUZZ_ASSERT(record_key_fields(&rec) == 0);
		FUZZ_ASSERT(record_key_prefix(&rec, 1) == (size_t)-1);
		return;
	}
	FUZZ_ASSERT(rec.key == line && rec.keylen + 1 + rec.len == len);
	FUZZ_ASSERT(line[rec.keylen] == '\t');
	for (i = 0; i < rec.keylen; i++)
		tabs += line[i] == '\t';
	fields = record_key_fields(&rec);
	FUZZ_ASSERT(fields == tabs + 1);
	FUZZ_ASSERT(record_key_prefix(&rec, 0) == 0);
	for (i = 1; i <= fields && i < 8; i++) {
		p = record_key_prefix(&rec, i);
		FUZZ_ASSERT(p <= rec.keylen);
		FUZZ_ASSERT(p == rec.keylen || line[p] == '\t');
	}
	FUZZ_ASSERT(record_key_prefix(&rec, fields + 1) == (size_t)-1);
}

static void
check_line(struct lines *l, const char *line, size_t len)
{
	FUZZ_ASSERT(fuzz_valid_utf8(line, len));
	FUZZ_ASSERT(memchr(line, '\n', len) == NULL);
	FUZZ_ASSERT(memchr(line, '\0', len) == NULL);
	check_record(line, len);
	lines_add(l, line, len);
}

/* Point standard input at a pipe holding data[0..n) (n below 64 kB). */
static int
pipe_stdin(const uint8_t *data, size_t n)
{
	int fds[2], saved = dup(0);

	if (saved < 0 || pipe(fds) < 0)
		abort();
	if (n > 0 && write(fds[1], data, n) != (ssize_t)n)
		abort();
	close(fds[1]);
	dup2(fds[0], 0);
	close(fds[0]);
	return saved;
}

static void
restore_stdin(int saved)
{
	dup2(saved, 0);
	close(saved);
}

/* Count the payload of a line as sp-count does when it is not plain. */
static void
tally_payload(struct tally *t, const char *line, size_t len)
{
	struct record rec;

	record_split(&rec, line, len);
	if (rec.len > 0)
		tally_add(t, rec.payload, rec.len);
}

static void
read_by_line(const char *path, struct lines *l)
{
	struct reader r;
	char *line;
	size_t len;
	int got;

	if (reader_open(&r, path) < 0)
		abort();
	tally_init(&l->tally);
	while ((got = reader_next(&r, &line, &len)) > 0) {
		check_line(l, line, len);
		tally_payload(&l->tally, line, len);
	}
	l->status = got;
	l->bad = r.bad_utf8;
	FUZZ_ASSERT(reader_close(&r) == (got < 0 ? -1 : 0));
}

/*
 * In blocks: take every line with reader_block_line, or with sparse only
 * every third one (each line's number checked against the lines counted
 * so far), passing over the others, whose invalid UTF-8 the reader must
 * count all the same.
 */
static void
read_by_block(const char *path, struct lines *l, int sparse)
{
	struct reader r;
	char *buf, *line, *nl;
	size_t len, len2, n, i, k = 0;
	int got;

	if (reader_open(&r, path) < 0)
		abort();
	while ((got = reader_block(&r, &buf, &len)) > 0) {
		FUZZ_ASSERT(len > 0);
		FUZZ_ASSERT(memchr(buf, '\0', len) == NULL);
		for (i = 0; i < len; i += n + 1) {
			nl = memchr(buf + i, '\n', len - i);
			FUZZ_ASSERT(nl != NULL || r.eof);
			n = nl ? (size_t)(nl - (buf + i)) : len - i;
			if (sparse && ++k % 3 != 0)
				continue;
			reader_block_line(&r, buf + i, n, &line, &len2);
			if (sparse) {
				FUZZ_ASSERT(reader_lineno(&r) == k);
				continue;
			}
			check_line(l, line, len2);
		}
	}
	l->status = got;
	l->bad = r.bad_utf8;
	FUZZ_ASSERT(reader_close(&r) == (got < 0 ? -1 : 0));
}

static size_t
count_lfs(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/* Whether two tallies hold the same counts; both are emptied. */
static int
same_tally(struct tally *a, struct tally *b)
{
	struct count_table ca, cb;
	struct cell *x;
	size_t n, i;
	uint32_t id;
	int ok;

	count_init(&ca);
	count_init(&cb);
	tally_move(a, &ca);
	tally_move(b, &cb);
	x = count_cells(&ca, &n);
	ok = n == cb.ncells;
	for (i = 0; ok && i < n; i++) {
		id = strtab_find(&cb.items, strtab_key(&ca.items, x[i].item),
		    strtab_len(&ca.items, x[i].item));
		ok = id != STRTAB_NONE &&
		    count_cell(&cb, COUNT_NOGROUP, id)->count == x[i].count;
	}
	free(x);
	count_free(&ca);
	count_free(&cb);
	tally_free(a);
	tally_free(b);
	return ok;
}

/* As sp-count reads: runs of plain lines, reader_next for the others. */
static void
read_by_plain_run(const char *path, struct lines *l)
{
	struct reader r;
	struct record_run run;
	struct record_stretch st[2];
	char *buf, *nl;
	size_t len, i;
	int got;

	if (reader_open(&r, path) < 0)
		abort();
	tally_init(&l->tally);
	for (;;) {
		if ((len = reader_plain_lines(&r, &buf)) > 0) {
			FUZZ_ASSERT(buf[len - 1] == '\n');
			record_run_init(&run, st, buf, len);
			tally_run(&l->tally, &run);
			FUZZ_ASSERT(run.lines == count_lfs(buf, len));
			for (i = 0; i < len; i = (size_t)(nl - buf) + 1) {
				nl = memchr(buf + i, '\n', len - i);
				r.lineno++;
				check_line(l, buf + i, reader_drop_crs(buf + i,
				    (size_t)(nl - (buf + i))));
			}
			continue;
		}
		if ((got = reader_next(&r, &buf, &len)) <= 0)
			break;
		check_line(l, buf, len);
		tally_payload(&l->tally, buf, len);
	}
	l->status = got;
	FUZZ_ASSERT(reader_close(&r) == (got < 0 ? -1 : 0));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lines byline = { 0 }, bychunk = { 0 }, byrun = { 0 };
	struct lines byref = {0};
	struct lines sparse = { 0 };
	uint8_t *big = NULL;
	const char *path;
	size_t i;
	int saved = -1, mode;

	if (size == 0)
		return 0;
	mode = data[0];
	data++;
	size--;
	if ((mode & 14) == 14 && size > 0) {
		if ((big = malloc(140000 + size)) == NULL)
			abort();
		for (i = 0; i < 140000; i += size)
			memcpy(big + i, data, size);
		data = big;
		size = i;
	}
	if ((mode & 1) && size < 65536) {
		saved = pipe_stdin(data, size);
		path = "-";
	} else
		path = fuzz_file(data, size);
	read_by_line(path, &byline);
	if (saved >= 0) {
		restore_stdin(saved);
		saved = pipe_stdin(data, size);
	}
	read_by_block(path, &bychunk, 0);
	if (saved >= 0) {
		restore_stdin(saved);
		saved = pipe_stdin(data, size);
	}
	read_by_block(path, &sparse, 1);
	if (saved >= 0) {
		restore_stdin(saved);
		saved = pipe_stdin(data, size);
	}
	read_by_plain_run(path, &byrun);
	if (saved >= 0) {
		restore_stdin(saved);
		saved = pipe_stdin(data, size);
	}
	sp_reference = 1;
	read_by_plain_run(path, &byref);
	sp_reference = 0;
	if (saved >= 0)
		restore_stdin(saved);

	FUZZ_ASSERT(byline.status == bychunk.status);
	FUZZ_ASSERT(byline.bad == bychunk.bad);
	FUZZ_ASSERT(byline.status == sparse.status);
	FUZZ_ASSERT(byline.bad == sparse.bad);
	FUZZ_ASSERT(byline.n == bychunk.n && byline.len == bychunk.len);
	FUZZ_ASSERT(byline.len == 0 ||
	    memcmp(byline.s, bychunk.s, byline.len) == 0);
	FUZZ_ASSERT(byline.status == byrun.status);
	FUZZ_ASSERT(byline.n == byrun.n && byline.len == byrun.len);
	FUZZ_ASSERT(byline.len == 0 ||
	    memcmp(byline.s, byrun.s, byline.len) == 0);
	FUZZ_ASSERT(byline.status == byref.status);
	FUZZ_ASSERT(byline.n == byref.n && byline.len == byref.len);
	FUZZ_ASSERT(byline.len == 0 ||
		    memcmp(byline.s, byref.s, byline.len) == 0);
	FUZZ_ASSERT(same_tally(&byline.tally, &byrun.tally));
	tally_free(&byref.tally);
	free(byref.s);
	free(byline.s);
	free(bychunk.s);
	free(sparse.s);
	free(byrun.s);
	free(big);
	return 0;
}
