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
 * Runs of plain lines are added in one piece; with SP_REFERENCE
 * (lib/reference.h) every line is added by add_line.  Records are written
 * by lib/record.c, whose key DOC TAB PARA TAB SENT counts the paragraphs
 * and sentences.
 *
 * With --records the input is records KEY TAB TEXT (lib/record.c reads
 * them): each record's text is a paragraph, split where the reader holds
 * it, with nothing held back, and KEY takes DOC's place.  The paragraph
 * and sentence numbers of every key are kept in a table, so that a key
 * that comes back after others goes on where it stopped and no two
 * records share a key.
 *
 * With --turns a line that begins with a speaker label (lib/turn.c) ends
 * the paragraph before it, whatever the lines around it, and starts a
 * turn: the label becomes a fourth key field, DOC TAB PARA TAB SENT TAB
 * SPEAKER, so that doc, para and sent still name the first one, two and
 * three fields.  Lines are then read one by one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "hash.h"
#include "io.h"
#include "opt.h"
#include "record.h"
#include "sentence.h"
#include "turn.h"
#include "unicode.h"
#include "utf8.h"

static const char help[] =
    "usage: sp-split [-a file] [--id id] [--lines] [--paragraphs] "
    "[--records]\n"
    "                [--turns ere] [file ...]\n"
    "\n"
    "Write the sentences of each document as segment records:\n"
    "DOC TAB PARA TAB SENT TAB TEXT.\n"
    "\n"
    "  -a, --abbrevs=FILE  also treat the words in FILE (one a line) as\n"
    "                      abbreviations\n"
    "      --id=ID         document id for standard input (default -)\n"
    "      --lines         every non-blank line is a paragraph\n"
    "      --paragraphs    one record per paragraph, not per sentence\n"
    "      --records       the input is records KEY TAB TEXT, each text a\n"
    "                      paragraph of the document KEY\n"
    "      --turns=ERE     a line that begins with a speaker label matched by\n"
    "                      ERE starts a turn; the label is a fourth key field\n"
    "                      (auto: a built-in pattern for English)\n"
    "      --help          print this help and exit\n"
    "      --version       print the version and exit\n";

enum {
	OPT_ABBREVS = 1,
	OPT_ID,
	OPT_LINES,
	OPT_PARAGRAPHS,
	OPT_RECORDS,
	OPT_TURNS
};

static const struct opt_spec specs[] = {
	{ OPT_ABBREVS, 'a', "abbrevs", OPT_REQUIRED },
	{ OPT_ID, 0, "id", OPT_REQUIRED },
	{ OPT_LINES, 0, "lines", OPT_NONE },
	{ OPT_PARAGRAPHS, 0, "paragraphs", OPT_NONE },
	{ OPT_RECORDS, 0, "records", OPT_NONE },
	{ OPT_TURNS, 0, "turns", OPT_REQUIRED },
	{ 0, 0, NULL, 0 }
};

/* The state of the document being split. */
struct doc {
	unsigned long long para; /* paragraphs so far (--records) */
	unsigned long long sent; /* sentences so far */
	struct buf pending;	/* the last paragraph read, not yet written */
	struct buf current;	/* the paragraph being read */
	size_t pending_longest;	/* bytes in the longest line of pending */
	size_t current_longest;	/* and of current */
	struct buf normal;	/* scratch for --paragraphs */
	const char *id;		/* the document's id */
};

/*
 * The fields of the records' key, DOC TAB PARA TAB SENT (with --records,
 * the input's key, however many fields it has, is the one field DOC).
 */
enum { KEY_DOC, KEY_PARA, KEY_SENT };

static struct record_writer out;

static struct sent_abbrevs *abbrevs;
static int lines_mode, paragraphs_mode, records_mode;

/* --turns: the label pattern, or NULL. */
static struct turn turn_pattern, *turns;

/* The speaker of text before the first label of a document. */
static const char no_speaker[] = "-";

/*
 * --records: the keys met so far, with the numbers of their last
 * paragraph and sentence, and the key of the records being read.
 */
static struct strtab keys;
static unsigned long long *key_para, *key_sent;
static size_t key_cap;
static uint32_t key_now = STRTAB_NONE;
static struct buf key_text;

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

/* The record of a sentence: the next sentence number, and its text. */
static void
emit_sentence(void *arg, const char *s, size_t n)
{
	struct doc *d = arg;

	d->sent++;
	record_key_count(&out, KEY_SENT);
	record_put(&out, s, n);
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
 * Split the paragraph text[0..n), whose longest line is longest bytes (it
 * saves sent_split_bounded work), and write it.
 */
static void
split_paragraph(struct doc *d, const char *text, size_t n, size_t longest)
{
	unsigned long long first;

	d->para++;
	record_key_count(&out, KEY_PARA);
	if (!paragraphs_mode) {
		sent_split_bounded(abbrevs, text, n, longest, emit_sentence, d);
		return;
	}
	d->normal.len = 0;
	first = d->sent + 1;
	sent_split_bounded(abbrevs, text, n, longest, collect_sentence, d);
	if (d->normal.len > 0) {
		record_key_set_number(&out, KEY_SENT, first);
		record_put(&out, d->normal.s, d->normal.len);
	}
}

/* Split the paragraph held back, d->pending, and write it. */
static void
write_paragraph(struct doc *d)
{
	if (d->pending.len > 0)
		split_paragraph(d, d->pending.s, d->pending.len,
				d->pending_longest);
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
 * Add the lines of a run from the reader's checked bytes (ASCII without
 * NUL) as add_line would add them one by one.  Most lines start with a
 * printable character, so are not blank: a stretch of them that follow
 * one another with a bare LF between them is already what add_line would
 * make of them, the lines joined by LF, and is added in one piece.  Not
 * for --lines.
 */
static void
add_run(struct doc *d, struct line_run *run)
{
	const char *line, *from, *to;
	size_t n, longest;
	int more = line_run_next(run, &line, &n);

	while (more) {
		/* An empty line starts with its LF or CR, not printable. */
		if ((unsigned char)*line <= ' ' ||
		    (unsigned char)*line >= 0x7F) {
			add_line(d, line, n);
			more = line_run_next(run, &line, &n);
			continue;
		}
		from = line;
		to = line + n;
		longest = n;
		while ((more = line_run_next(run, &line, &n)) &&
		       line == to + 1 && (unsigned char)*line > ' ' &&
		       (unsigned char)*line < 0x7F) {
			to = line + n;
			if (n > longest)
				longest = n;
		}
		add_text(d, from, (size_t)(to - from), longest);
	}
}

/*
 * The key of the records that follow: DOC TAB PARA TAB SENT, the numbers
 * so far, and with --turns the speaker speaker[0..n) after them.
 */
static void
set_key(struct doc *d, const char *speaker, size_t n)
{
	record_key_set(&out, NULL, 0);
	record_key_field(&out, d->id, strlen(d->id));
	record_key_number(&out, d->para);
	record_key_number(&out, d->sent);
	if (speaker != NULL)
		record_key_field(&out, speaker, n);
}

/*
 * --turns: a line began with a label (in turns->label), followed by
 * text[0..n).  The paragraphs before are written under the speaker before,
 * and never joined with what follows.
 */
static void
start_turn(struct doc *d, const char *text, size_t n)
{
	end_paragraph(d);
	write_paragraph(d);
	d->pending.len = 0;
	d->pending_longest = 0;
	set_key(d, turns->label.s, turns->label.len);
	if (n > 0)
		add_line(d, text, n);
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
	struct line_run run;
	char *line, *id;
	size_t n, k;
	int status = 0;

	if (reader_open(&r, path) < 0)
		return 2;
	id = strcmp(path, "-") == 0 ? xstrdup(stdin_id) : doc_id(path);
	d->id = id;
	d->para = d->sent = 0;
	set_key(d, turns ? no_speaker : NULL, sizeof(no_speaker) - 1);
	d->pending.len = d->current.len = 0;
	d->pending_longest = d->current_longest = 0;
	for (;;) {
		if (!lines_mode && turns == NULL && reader_run(&r, &run)) {
			add_run(d, &run);
			reader_run_end(&r, &run);
			continue;
		}
		if (reader_next(&r, &line, &n) <= 0)
			break;
		if (turns != NULL &&
		    (k = turn_match(turns, line, n)) != (size_t)-1)
			start_turn(d, line + k, n - k);
		else
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

/*
 * --records: the records that follow have the key key[0..n).  The numbers
 * of the key before are kept, and those of this one taken up where they
 * stopped if it came before.
 */
static void
switch_key(struct doc *d, const char *key, size_t n)
{
	int added;

	if (key_now != STRTAB_NONE) {
		key_para[key_now] = d->para;
		key_sent[key_now] = d->sent;
	}
	key_now = strtab_intern(&keys, key, n, &added);
	if (added) {
		if (key_now >= key_cap) {
			key_cap = key_cap ? 2 * key_cap : 256;
			key_para =
			    xreallocarray(key_para, key_cap, sizeof(*key_para));
			key_sent =
			    xreallocarray(key_sent, key_cap, sizeof(*key_sent));
		}
		key_para[key_now] = key_sent[key_now] = 0;
	}
	d->para = key_para[key_now];
	d->sent = key_sent[key_now];
	key_text.len = 0;
	buf_add(&key_text, key, n);
	record_key_set(&out, NULL, 0);
	record_key_field(&out, key, n);
	record_key_number(&out, d->para);
	record_key_number(&out, d->sent);
}

/*
 * --records: each record KEY TAB TEXT is a paragraph of the document KEY,
 * split as it is in the reader's buffer.  A line with no TAB, or whose key
 * starts with an empty field (no id), is reported and passed over, but
 * for a blank line, which is no record and says nothing.
 */
static int
split_records(const char *path, struct doc *d)
{
	struct record_reader rr;
	struct record rec;
	const char *text;
	size_t n;
	int got, status = 0;

	if (record_open(&rr, path) < 0)
		return 2;
	while ((got = record_next(&rr, &rec)) > 0) {
		if (!rec.haskey || rec.keylen == 0 || rec.key[0] == '\t') {
			text = record_text(&rec, &n);
			if (is_blank(text, n))
				continue;
			record_warn(&rr,
				    "%s: a record is KEY TAB TEXT; "
				    "line skipped",
				    rec.haskey ? "empty id" : "no TAB");
			status = 2;
			continue;
		}
		if (rec.keylen != key_text.len ||
		    memcmp(rec.key, key_text.s, rec.keylen) != 0)
			switch_key(d, rec.key, rec.keylen);
		if (!is_blank(rec.payload, rec.len))
			split_paragraph(d, rec.payload, rec.len, rec.len);
	}
	if (got < 0)
		status = 2;
	if (record_close(&rr) < 0)
		status = 2;
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
	const char *why;
	int id, i, nfiles, id_given = 0, status = 0;

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
			id_given = 1;
			break;
		case OPT_LINES:
			lines_mode = 1;
			break;
		case OPT_PARAGRAPHS:
			paragraphs_mode = 1;
			break;
		case OPT_RECORDS:
			records_mode = 1;
			break;
		case OPT_TURNS:
			if (turns != NULL)
				turn_free(turns);
			if ((why = turn_init(&turn_pattern, arg)) != NULL)
				opt_usage_error(&o, "--turns: '%s': %s", arg,
						why);
			turns = &turn_pattern;
			break;
		}
	}
	if (records_mode && turns != NULL)
		opt_usage_error(&o, "--turns: not with --records, whose "
				    "records are already divided");
	if (records_mode && id_given)
		opt_usage_error(&o, "--id: not with --records, whose records "
				    "carry their ids");
	files = o.noperands > 0 ? o.operands : dash;
	nfiles = o.noperands > 0 ? o.noperands : 1;

	writer_init(&sp_out, 1, "(standard output)");
	record_writer_init(&out, &sp_out);
	memset(&d, 0, sizeof(d));
	strtab_init(&keys);
	for (i = 0; i < nfiles; i++)
		if ((records_mode ? split_records(files[i], &d)
				  : split_file(files[i], stdin_id, &d)) != 0)
			status = 2;
	free(d.pending.s);
	free(d.current.s);
	free(d.normal.s);
	strtab_free(&keys);
	if (turns != NULL)
		turn_free(turns);
	free(key_para);
	free(key_sent);
	free(key_text.s);
	record_writer_free(&out);
	free(o.operands);
	sent_abbrevs_free(abbrevs);
	sp_exit(status);
}
