/*
 * sp-split: turn plain-text documents into segment records, one sentence
 * (or, with --paragraphs, one paragraph) per line:
 *
 *	DOC TAB PARA TAB SENT TAB TEXT
 *
 * Paragraphs are blocks of lines separated by blank lines (or single lines
 * with --lines).  The sentence rules live in lib/sentence.c.  A paragraph
 * is held back until the next one is read, because a stray blank line may
 * split a sentence in two: then the two paragraphs are one.  Memory is thus
 * bounded by the two longest consecutive paragraphs, never by the file.
 * Runs of plain lines are added in one piece and records written in one,
 * from a key kept in decimal; with SP_REFERENCE (lib/reference.h) every
 * line is added by add_line and every record written by write_record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "io.h"
#include "opt.h"
#include "reference.h"
#include "sentence.h"
#include "unicode.h"
#include "utf8.h"

static const char help[] =
    "usage: sp-split [-a file] [--id id] [--lines] [--paragraphs] "
    "[file ...]\n"
    "\n"
    "Write the sentences of each document as segment records:\n"
    "DOC TAB PARA TAB SENT TAB TEXT.\n"
    "\n"
    "  -a, --abbrevs=FILE  also treat the words in FILE (one a line) as\n"
    "                      abbreviations\n"
    "      --id=ID         document id for standard input (default -)\n"
    "      --lines         every non-blank line is a paragraph\n"
    "      --paragraphs    one record per paragraph, not per sentence\n"
    "      --help          print this help and exit\n"
    "      --version       print the version and exit\n";

enum { OPT_ABBREVS = 1, OPT_ID, OPT_LINES, OPT_PARAGRAPHS };

static const struct opt_spec specs[] = {
	{ OPT_ABBREVS, 'a', "abbrevs", OPT_REQUIRED },
	{ OPT_ID, 0, "id", OPT_REQUIRED },
	{ OPT_LINES, 0, "lines", OPT_NONE },
	{ OPT_PARAGRAPHS, 0, "paragraphs", OPT_NONE },
	{ 0, 0, NULL, 0 }
};

/* The state of the document being split. */
struct doc {
	const char *id;
	size_t idlen;
	unsigned long long para;
	unsigned long long sent; /* sentences so far (--paragraphs and
				    SP_REFERENCE) */
	struct buf pending;	/* the last paragraph read, not yet written */
	struct buf current;	/* the paragraph being read */
	size_t pending_longest;	/* bytes in the longest line of pending */
	size_t current_longest;	/* and of current */
	struct buf normal;	/* scratch for --paragraphs */
	struct buf head;	/* DOC TAB PARA TAB SENT TAB of the last record */
	size_t sent_at;		/* where SENT starts in head */
};

static struct sent_abbrevs *abbrevs;
static int lines_mode, paragraphs_mode;

/* Whether a line holds nothing but white space and invisible characters. */
static int
is_blank(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	int c;

	/* Most lines start with a printable ASCII character. */
	if (n > 0 && (unsigned char)s[0] > ' ' && (unsigned char)s[0] < 0x7F)
		return 0;
	while (i < n) {
		i += utf8_decode((const unsigned char *)s + i, n - i, &cp);
		c = uc_class(cp);
		if (c != UC_SPACE && c != UC_FORMAT)
			return 0;
	}
	return 1;
}

static void
write_record(struct doc *d, unsigned long long sent, const char *text,
    size_t n)
{
	writer_write(&sp_out, d->id, d->idlen);
	writer_byte(&sp_out, '\t');
	writer_u64(&sp_out, d->para);
	writer_byte(&sp_out, '\t');
	writer_u64(&sp_out, sent);
	writer_byte(&sp_out, '\t');
	writer_write(&sp_out, text, n);
	writer_byte(&sp_out, '\n');
}

/*
 * The numbers in a sentence's record are kept in decimal in d->head, and
 * counted there digit by digit rather than converted for each record.
 * Start with paragraph 0 and sentence 0 of the document d->id.
 */
static void
head_reset(struct doc *d)
{
	d->head.len = 0;
	buf_add(&d->head, d->id, d->idlen);
	buf_add(&d->head, "\t0\t", 3);
	d->sent_at = d->head.len;
	buf_add(&d->head, "0\t", 2);
}

/*
 * Add one to the decimal number in head[start..end); return whether it
 * took one more digit (all the rest of head moves up one byte).  Nine
 * times in ten only the last digit changes.
 */
static inline int
head_increment(struct doc *d, size_t start, size_t end)
{
	size_t i = end;

	if (d->head.s[end - 1] != '9') {
		d->head.s[end - 1]++;
		return 0;
	}

	while (i > start) {
		i--;
		if (d->head.s[i] != '9') {
			d->head.s[i]++;
			return 0;
		}
		d->head.s[i] = '0';
	}
	buf_add(&d->head, "0", 1);
	memmove(d->head.s + start + 1, d->head.s + start,
	    d->head.len - 1 - start);
	d->head.s[start] = '1';
	return 1;
}

/*
 * The record of a sentence.  It is written in one piece when the writer
 * has room for it; otherwise in the same pieces as by write_record, so
 * that the output is flushed at the same places.
 */
static void
emit_sentence(void *arg, const char *s, size_t n)
{
	struct doc *d = arg;
	const char *h;
	size_t hlen;
	char *p;

	head_increment(d, d->sent_at, d->head.len - 1);
	h = d->head.s;
	hlen = d->head.len;
	if (writer_room(&sp_out) > hlen + n) {
		p = writer_end(&sp_out);
		memcpy(p, h, hlen);
		memcpy(p + hlen, s, n);
		p[hlen + n] = '\n';
		writer_advance(&sp_out, hlen + n + 1);
		return;
	}
	writer_write(&sp_out, h, d->idlen);
	writer_byte(&sp_out, '\t');
	writer_write(&sp_out, h + d->idlen + 1, d->sent_at - d->idlen - 2);
	writer_byte(&sp_out, '\t');
	writer_write(&sp_out, h + d->sent_at, hlen - d->sent_at - 1);
	writer_byte(&sp_out, '\t');
	writer_write(&sp_out, s, n);
	writer_byte(&sp_out, '\n');
}

/* emit_sentence's reference: the numbers converted for each record. */
static void
emit_record(void *arg, const char *s, size_t n)
{
	struct doc *d = arg;

	write_record(d, ++d->sent, s, n);
}

/*
 * In --paragraphs mode the sentences are joined back, one space apart, and
 * still counted, so that the record can carry the number of the
 * paragraph's first sentence.
 */
static void
collect_sentence(void *arg, const char *s, size_t n)
{
	struct doc *d = arg;

	d->sent++;
	if (d->normal.len > 0)
		buf_add(&d->normal, " ", 1);
	buf_add(&d->normal, s, n);
}

/*
 * Split the paragraph held back, d->pending, and write it.  Its longest
 * line saves sent_split_bounded work.
 */
static void
write_paragraph(struct doc *d)
{
	struct buf *p = &d->pending;
	unsigned long long first;

	if (p->len == 0)
		return;
	d->para++;
	d->sent_at += head_increment(d, d->idlen + 1, d->sent_at - 1);
	if (!paragraphs_mode) {
		sent_split_bounded(abbrevs, p->s, p->len, d->pending_longest,
				   sp_reference ? emit_record : emit_sentence,
				   d);
		return;
	}
	d->normal.len = 0;
	first = d->sent + 1;
	sent_split_bounded(abbrevs, p->s, p->len, d->pending_longest,
	    collect_sentence, d);
	if (d->normal.len > 0)
		write_record(d, first, d->normal.s, d->normal.len);
}

/* A paragraph is complete: write the one held back, or join it. */
static void
end_paragraph(struct doc *d)
{
	struct buf tmp;
	size_t longest;
	char *cr;

	if (d->current.len == 0)
		return;
	/* A CR left inside a line (old Mac line ends) is a line break. */
	for (cr = memchr(d->current.s, '\r', d->current.len); cr != NULL;
	    cr = memchr(cr + 1, '\r',
	    d->current.len - (size_t)(cr + 1 - d->current.s)))
		*cr = '\n';
	if (d->pending.len > 0 && !lines_mode &&
	    sent_para_continues(d->pending.s, d->pending.len, d->current.s,
	    d->current.len)) {
		buf_add(&d->pending, "\n", 1);
		buf_add(&d->pending, d->current.s, d->current.len);
		if (d->current_longest > d->pending_longest)
			d->pending_longest = d->current_longest;
	} else {
		write_paragraph(d);
		tmp = d->pending;
		d->pending = d->current;
		d->current = tmp;
		longest = d->pending_longest;
		d->pending_longest = d->current_longest;
		d->current_longest = longest;
	}
	d->current.len = 0;
	d->current_longest = 0;
}

/*
 * Append text[0..n), one or more lines of which none is longer than
 * longest bytes, to the paragraph being read.
 */
static void
add_text(struct doc *d, const char *text, size_t n, size_t longest)
{
	if (longest > d->current_longest)
		d->current_longest = longest;
	if (d->current.cap - d->current.len > n) {
		/* The common case, without calls. */
		if (d->current.len > 0)
			d->current.s[d->current.len++] = '\n';
		memcpy(d->current.s + d->current.len, text, n);
		d->current.len += n;
	} else {
		if (d->current.len > 0)
			buf_add(&d->current, "\n", 1);
		buf_add(&d->current, text, n);
	}
}

static void
add_line(struct doc *d, const char *line, size_t n)
{
	if (is_blank(line, n)) {
		end_paragraph(d);
		return;
	}
	add_text(d, line, n, n);
	if (lines_mode)
		end_paragraph(d);
}

/*
 * Add a run of complete lines from the reader's checked bytes (ASCII
 * without NUL, each line ending in '\n'), buf[0..n), as add_line would
 * add them one by one; return the number of lines.  Most lines start with
 * a printable character, so are not blank, and do not end in CR: a
 * stretch of them is already what add_line would make of it, the lines
 * joined by '\n', and is added in one piece.  Not for --lines.
 */
static size_t
add_plain_lines(struct doc *d, const char *buf, size_t n)
{
	const char *p = buf, *end = buf + n, *from, *nl;
	size_t lines = 0, longest;

	while (p < end) {
		from = p;
		longest = 0;
		while (p < end && (unsigned char)*p > ' ' &&
		    (unsigned char)*p < 0x7F) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (nl[-1] == '\r')
				break;
			if ((size_t)(nl - p) > longest)
				longest = (size_t)(nl - p);
			lines++;
			p = nl + 1;
		}
		if (p > from)
			add_text(d, from, (size_t)(p - 1 - from), longest);
		if (p < end) {
			nl = memchr(p, '\n', (size_t)(end - p));
			add_line(d, p, reader_drop_crs(p, (size_t)(nl - p)));
			lines++;
			p = nl + 1;
		}
	}
	return lines;
}

/* The document id of a path: its last component without the extension. */
static char *
doc_id(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;
	char *id, *p;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	id = xmemdup(base, (size_t)(dot - base));
	for (p = id; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = '_';
	return id;
}

static int
split_file(const char *path, const char *stdin_id, struct doc *d)
{
	struct reader r;
	char *line, *id;
	size_t n;
	int status = 0;

	if (reader_open(&r, path) < 0)
		return 2;
	id = strcmp(path, "-") == 0 ? xstrdup(stdin_id) : doc_id(path);
	d->id = id;
	d->idlen = strlen(id);
	d->para = 0;
	d->sent = 0;
	head_reset(d);
	d->pending.len = d->current.len = 0;
	d->pending_longest = d->current_longest = 0;
	for (;;) {
		if (!lines_mode && !sp_reference &&
		    (n = reader_plain_lines(&r, &line)) > 0) {
			r.lineno += add_plain_lines(d, line, n);
			continue;
		}
		if (reader_next(&r, &line, &n) <= 0)
			break;
		add_line(d, line, n);
	}
	end_paragraph(d);
	write_paragraph(d);
	d->pending.len = 0;
	if (reader_close(&r) < 0)
		status = 2;
	free(id);
	return status;
}

static void
add_abbrev(void *arg, const char *word, size_t len)
{
	sent_abbrevs_add(arg, word, len);
}

int
main(int argc, char *argv[])
{
	struct opt o;
	struct doc d;
	const char *stdin_id = "-";
	char *arg, *dash[] = { "-" }, **files;
	int id, i, nfiles, status = 0;

	abbrevs = sent_abbrevs_new();
	opt_init(&o, argc, argv, specs, help);
	while ((id = opt_next(&o, &arg)) != 0) {
		switch (id) {
		case OPT_ABBREVS:
			if (read_word_list(arg, add_abbrev, abbrevs) < 0)
				exit(2);
			break;
		case OPT_ID:
			if (*arg == '\0' || strpbrk(arg, "\t\n\r") != NULL)
				opt_usage_error(&o, "--id: '%s' is not a valid "
				    "document id", arg);
			stdin_id = arg;
			break;
		case OPT_LINES:
			lines_mode = 1;
			break;
		case OPT_PARAGRAPHS:
			paragraphs_mode = 1;
			break;
		}
	}
	files = o.noperands > 0 ? o.operands : dash;
	nfiles = o.noperands > 0 ? o.noperands : 1;

	writer_init(&sp_out, 1, "(standard output)");
	memset(&d, 0, sizeof(d));
	for (i = 0; i < nfiles; i++)
		if (split_file(files[i], stdin_id, &d) != 0)
			status = 2;
	free(d.pending.s);
	free(d.current.s);
	free(d.normal.s);
	free(d.head.s);
	free(o.operands);
	sent_abbrevs_free(abbrevs);
	sp_exit(status);
}
