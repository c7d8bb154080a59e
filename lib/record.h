/*
 * The record format shared by every sp tool (README.md, "Record format"):
 * one record per line, fields separated by TAB, no header, no quoting.  The
 * last field is the payload (a sentence, a token, an item, a count) and the
 * fields before it are the key (document, paragraph, sentence, or whatever
 * a user's TSV has).  A line with no TAB is a payload with no key.
 *
 * This module owns the format both ways, so that a program sees records
 * and never bytes:
 *
 *  - Reading: a record reader hands out records already split into key
 *    and payload, with the file's name and the record's line number for
 *    messages (record_warn).  Lines come from lib/io.c's reader, which
 *    owns the bytes (byte order mark, CR, NUL, invalid UTF-8).  For hot
 *    loops there are runs: the records of the bytes the reader has
 *    checked ahead, split without a call per record (record_run_item).
 *
 *  - Writing: a record writer keeps a key and writes KEY TAB FIELD... LF
 *    records after it, short ones as block copies straight into the
 *    output buffer, and keys that count (sp-split's paragraph and sentence
 *    numbers) in decimal, counted in place.
 *
 * Every trick here stands beside its simple reference (lib/reference.h):
 * with SP_REFERENCE, keys are split by record_split alone, there are no
 * runs, and records are written piece by piece with their numbers
 * converted anew.
 */
#ifndef SP_RECORD_H
#define SP_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "io.h"
#include "reference.h"
#include "swar.h"

/*
 * The steps taken for every record are inlined into the loops that call
 * them, whatever the compiler thinks of their size: a call per record
 * costs more than most of them.
 */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(SP_PORTABLE)
#define RECORD_INLINE static inline __attribute__((always_inline))
#else
#define RECORD_INLINE static inline
#endif

struct record {
	const char *key; /* the fields before the payload, TABs kept;
			    where the line starts, also with no key */
	size_t keylen;	 /* 0 and haskey 0 when the line has no TAB */
	int haskey;
	const char *payload;
	size_t len;
};

/* Split a line at its last TAB. */
void record_split(struct record *rec, const char *line, size_t len);

/* The record's line as read: KEY TAB PAYLOAD, or PAYLOAD; its length. */
static inline const char *
record_text(const struct record *rec, size_t *len)
{
	*len = (size_t)(rec->payload + rec->len - rec->key);
	return rec->key;
}

/* Number of key fields (0 when there is no key). */
size_t record_key_fields(const struct record *rec);

/*
 * Length of the first n fields of the key (without the TAB after them), or
 * (size_t)-1 if the key has fewer than n fields.
 */
size_t record_key_prefix(const struct record *rec, size_t n);

/*
 * The offset of the first line of s[0..n) (whole lines, each ending in a
 * LF but perhaps the last) that does not start with prefix[0..len), or n.
 */
size_t record_lines_with_prefix(const char *s, size_t n, const char *prefix,
				size_t len);

/*
 * The offset of the first line of s[0..n) (whole lines) that has a key
 * whose first field is not empty (a TAB, but not as its first byte), or
 * n: the lines before are in the group with the empty name.
 */
size_t record_first_keyed_line(const char *s, size_t n);

/* Whether any of the whole lines s[0..n) has a key (a TAB). */
static inline int
record_lines_keyed(const char *s, size_t n)
{
	return memchr(s, '\t', n) != NULL;
}

/*
 * Parse a --by value: "doc", "para", "sent" (1, 2, 3 key fields) or a whole
 * number of key fields from 1 to 1000; return 0 if it is none of these.
 */
size_t record_parse_by(const char *s);

/*
 * Reading.  record_next gives the records of one file (or standard
 * input) in order.  Keys seldom change length from one record to the
 * next (sp-split's change when a number gains a digit), so the reader
 * first looks where the last key ended: a TAB there and none after it is
 * the last TAB, found without hopping from TAB to TAB through the key.
 */
enum { RECORD_KEY_WORDS = 8, RECORD_LOOKAHEAD = 8 * RECORD_KEY_WORDS + 17 };

struct record_stretch {
	const char *p, *end; /* the next line, the end of the stretch */
	const char *safe;    /* lines before it are looked at in words */
	size_t keylen;	     /* of the key with its TAB; 0: none */
	size_t keywords;     /* words holding it; KEY_WORDS + 1: too long */
	uint64_t key[RECORD_KEY_WORDS], keymask[RECORD_KEY_WORDS];
	uint64_t tabs[RECORD_KEY_WORDS]; /* bit 7 of each of its TABs */
	struct record rec; /* the last record split the general way */
};

/*
 * What record_split_after knows of the record before: the length of its
 * key (0 if none) and whether its payload was short (at most 7 bytes).
 */
struct record_hint {
	size_t keylen;
	int short_payload;
};

struct record_reader {
	struct reader in;		  /* the lines */
	struct record_hint hint;	  /* on the last record */
	struct record_stretch stretch[2]; /* for runs */
};

/*
 * Open path ("-" is standard input).  On failure report it and return -1.
 */
int record_open(struct record_reader *rr, const char *path);

/*
 * Close; warn about replaced UTF-8; return -1 if the file had an error (a
 * read error or a NUL byte, already reported).
 */
int record_close(struct record_reader *rr);

/* Set rec to the line[0..len) whose last TAB is at line[k]. */
RECORD_INLINE void
record_set(struct record *rec, const char *line, size_t len, size_t k)
{
	rec->key = line;
	rec->keylen = k;
	rec->haskey = 1;
	rec->payload = line + k + 1;
	rec->len = len - k - 1;
}

/*
 * record_split for the record after the one described by *hint, which is
 * then set to describe this one.  Keys seldom change length from one
 * record to the next, so the TAB after the last key's length is looked at
 * first: if there is one there and none after it, it is the last TAB.
 * After a short payload (a token, a count) the next one is likely short
 * too, and is first looked for in the line's last word, whose last TAB is
 * found at once (on a little-endian machine).
 */
RECORD_INLINE void
record_split_after(struct record *rec, const char *line, size_t len,
		   struct record_hint *hint)
{
	size_t k = hint->keylen;
	uint64_t z;

	/* After a line with no key, most often another (plain text). */
	if (!sp_reference && k == 0 && len >= 16 &&
	    memchr(line, '\t', len) == NULL) {
		rec->key = rec->payload = line;
		rec->keylen = 0;
		rec->haskey = 0;
		rec->len = len;
		hint->short_payload = 0;
		return;
	}
	if (!sp_reference && k > 0) {
		if (hint->short_payload && len >= 8 && swar_little_endian() &&
		    (z = swar_bytes_of(swar_load(line + len - 8), '\t')) != 0) {
			hint->keylen = len - 8 + swar_last_flagged(z);
			record_set(rec, line, len, hint->keylen);
			return;
		}
		if (k < len && line[k] == '\t' &&
		    memchr(line + k + 1, '\t', len - k - 1) == NULL) {
			record_set(rec, line, len, k);
			hint->short_payload = rec->len < 8;
			return;
		}
	}
	record_split(rec, line, len);
	hint->keylen = rec->haskey ? rec->keylen : 0;
	hint->short_payload = rec->len < 8;
}

/*
 * The next record: 1 with *rec set (valid UTF-8, no CR or LF), 0 at the
 * end of the input, -1 after an error that was already reported (a read
 * error, or a NUL byte, which ends the file).  The record stays valid
 * until the next call.
 */
RECORD_INLINE int
record_next(struct record_reader *rr, struct record *rec)
{
	char *line;
	size_t len;
	int got = reader_next(&rr->in, &line, &len);

	if (got > 0)
		record_split_after(rec, line, len, &rr->hint);
	return got;
}

/* The file's name for messages: its path or "(standard input)". */
static inline const char *
record_file(const struct record_reader *rr)
{
	return rr->in.name;
}

/*
 * The line number of the record read last (read in blocks, the lines
 * are counted only now).
 */
static inline unsigned long long
record_lineno(struct record_reader *rr)
{
	return rr->in.blocks ? reader_lineno(&rr->in) : rr->in.lineno;
}

/*
 * Report something wrong with the record read last, on standard error:
 * "sp-NAME: FILE:LINE: message".
 */
void record_warn(struct record_reader *rr, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * The record has fewer key fields than need, which --by (given as by)
 * asks for: "FILE:LINE: --by BY needs N key fields, the record has M".
 */
void record_warn_fields(const char *file, unsigned long long line,
			const struct record *rec, const char *by, size_t need);

/*
 * The length of the first by key fields of rec, the record read last, as
 * record_key_prefix; if it has fewer, report it as record_warn_fields
 * does (by_arg is the --by value as given) and return (size_t)-1.
 */
size_t record_by_prefix(struct record_reader *rr, const struct record *rec,
			size_t by, const char *by_arg);

/*
 * Blocks, for a search that looks at a whole block of records before it
 * takes the ones it wants, as grep does (sp-grep).  record_block gives
 * the next block of whole records as read: its bytes may be searched as
 * they are (final CRs and invalid UTF-8 are still there; a NUL byte ends
 * a block before its line, and the next call reports it).  record_block_at
 * finds the record whose line holds a byte of the block, to look at as it
 * is there; record_block_take takes it, as record_next would give it,
 * after the records before it, which are passed over.  The reader
 * accounts for every record either way (their invalid UTF-8 for the
 * warning, their lines for line numbers, which are counted only when
 * record_lineno asks for one).  record_block returns 1, 0 at the end of
 * the input, or -1 after an error (reported).  Do not mix with record_next
 * on one reader.
 */
struct record_block {
	char *buf; /* whole records as read */
	size_t len;
};

/* A record of a block: its line, as it is there. */
struct record_at {
	const char *start, *end; /* the line, and its LF or the block's
				    end */
};

static inline int
record_block(struct record_reader *rr, struct record_block *b)
{
	return reader_block(&rr->in, &b->buf, &b->len);
}

/*
 * The record whose line holds the byte at `at` (after the records taken,
 * not a LF unless `at` is where an empty line starts).
 */
static inline void
record_block_at(struct record_reader *rr, const char *at, struct record_at *ra)
{
	reader_block_bounds(&rr->in, at, &ra->start, &ra->end);
}

/* Whether the record has a key. */
static inline int
record_at_keyed(const struct record_at *ra)
{
	return memchr(ra->start, '\t', (size_t)(ra->end - ra->start)) != NULL;
}

/*
 * Whether the record's key starts with the key fields and the TAB after
 * them in prefix[0..len) (which ends with that TAB).
 */
static inline int
record_at_has_prefix(const struct record_at *ra, const char *prefix, size_t len)
{
	return (size_t)(ra->end - ra->start) >= len &&
	       memcmp(ra->start, prefix, len) == 0;
}

/*
 * The record split as it is in the block, its final CRs dropped (nothing
 * else checked), for a look at its payload.
 */
RECORD_INLINE void
record_at_split(struct record_reader *rr, const struct record_at *ra,
		struct record *rec)
{
	record_split_after(
	    rec, ra->start,
	    reader_drop_crs(ra->start, (size_t)(ra->end - ra->start)),
	    &rr->hint);
}

/* Take ra's record: 1 with *rec set as by record_next. */
int record_block_take(struct record_reader *rr, const struct record_at *ra,
		      struct record *rec);

/*
 * Runs, for the hot loop of a program to which the order of the records
 * does not matter (sp-count's plain count).  A run is the records in the
 * bytes that the reader has checked ahead (ASCII without NUL): they are
 * split without a call per record.  Records come in runs with one key (a
 * sentence's tokens), so each record's key is compared with the key
 * before a word at a time, and the 8 or 16 bytes after it are loaded: if
 * the first control byte among them (TAB, LF, CR, any byte below 14) is
 * the LF, or a CR before it, the bytes before it are the payload, already
 * in words.  When the next sentence starts, the key changes but its shape
 * seldom does: if the line has TABs where the key has them and no other
 * control byte before its end, it gives the new key at once.  Any other
 * record is split the general way and gives the key for the records after
 * it.
 *
 * Finding where a record ends is a chain of dependent steps, and the next
 * record cannot be looked at before the chain ends.  A run is therefore
 * cut in two stretches of whole lines, taken a record from each in turn,
 * so that the processor works on both chains at once: the records of a
 * run come in that order, not the file's.  A record within
 * RECORD_LOOKAHEAD bytes of the run's end, or any record on a big-endian
 * machine, is split the general way.
 */
/*
 * A run is a small cursor over two stretches kept elsewhere (in the
 * reader): a caller that copies it into a variable of its own, whose
 * address it does not give away, lets the compiler keep it in registers.
 */
struct record_run {
	struct record_stretch *a, *b; /* the stretch whose turn it is */
	struct record_stretch *s;     /* the two stretches */
	int tail; /* the stretch whose last records are split the
		     general way, or 2 when all are taken */
	unsigned long long lines; /* records taken so far */
};

/*
 * What record_run_item gives: a short payload (1 to 15 bytes, ASCII
 * without control bytes) as its bytes in two words, byte i of the payload
 * in bits 8i to 8i + 7 of w0 and byte 8 + i of w1, zeros after its end,
 * and its length; or any other record, split.
 */
enum { RECORD_ITEM_END, RECORD_ITEM_SHORT, RECORD_ITEM_RECORD };

struct record_item {
	uint64_t w0, w1; /* RECORD_ITEM_SHORT */
	size_t len;
	const struct record *rec; /* RECORD_ITEM_RECORD, valid until the
				     next record of the run */
};

/*
 * Begin the run of records at the reader's position: 1 if there is one
 * (take its records with record_run_item, then call record_run_end), 0 if
 * not (record_next reads on and checks further ahead; with SP_REFERENCE
 * there never is a run).
 */
int record_run_begin(struct record_reader *rr, struct record_run *run);

/* The run's records have all been taken: count their lines. */
void record_run_end(struct record_reader *rr, const struct record_run *run);

/*
 * A run of the whole lines buf[0..len), each ending in a LF, ASCII
 * without NUL (what record_run_begin gives, for tests), over the
 * stretches s[0] and s[1].
 */
void record_run_init(struct record_run *run, struct record_stretch *s,
		     const char *buf, size_t len);

/*
 * What record_stretch_step does for a line it cannot take in words: split
 * it into s->rec, take its key, and move on.
 */
void record_stretch_slow(struct record_stretch *s);

/*
 * Whether the line at p has the shape of the key: TABs where it has them,
 * no other control byte, so that the same number of bytes is its key.  If
 * so, that is the new key.  Its words are stored as they are loaded: a
 * line that has not the shape goes to record_stretch_slow, which takes
 * its key anew.
 */
static inline int
record_stretch_same_shape(struct record_stretch *s, const char *p)
{
	uint64_t w, d = 0;
	size_t i;

	if (s->keywords > RECORD_KEY_WORDS)
		return 0;
	for (i = 0; i < s->keywords; i++) {
		w = swar_load(p + 8 * i) & s->keymask[i];
		d |= (swar_control_bytes(w) & s->keymask[i]) ^ s->tabs[i];
		d |= swar_bytes_of(w, '\t') ^ s->tabs[i];
		s->key[i] = w;
	}
	return d == 0;
}

/*
 * For a key of more than 4 words: the bits of its words after the fourth
 * that the line at p does not have, or all if the key is too long to keep.
 */
static inline uint64_t
record_stretch_long_key(const struct record_stretch *s, const char *p)
{
	uint64_t diff = 0;
	size_t i;

	if (s->keywords > RECORD_KEY_WORDS)
		return ~(uint64_t)0;
	for (i = 4; i < s->keywords; i++)
		diff |= (swar_load(p + 8 * i) ^ s->key[i]) & s->keymask[i];
	return diff;
}

/*
 * The payload at q has no control byte in its first 8 bytes: its second
 * word, up to the first, in *w1, and its length (16 if none).
 */
static inline size_t
record_second_word(const char *q, uint64_t *w1)
{
	uint64_t w = swar_load(q + 8), f = swar_control_bytes(w);
	uint64_t m = ((f & (~f + 1)) >> 7) - 1;

	*w1 = w & m;
	return 8 + swar_mask_bytes(m);
}

/*
 * The record at s->p, and move past it; the bytes up to RECORD_LOOKAHEAD
 * after s->p may be loaded.
 */
static inline int
record_stretch_step(struct record_stretch *s, struct record_item *it)
{
	const char *p = s->p, *q = p + s->keylen;
	uint64_t diff, w0, w1 = 0, f, m;
	size_t len;

	diff = ((swar_load(p) ^ s->key[0]) & s->keymask[0]) |
	       ((swar_load(p + 8) ^ s->key[1]) & s->keymask[1]) |
	       ((swar_load(p + 16) ^ s->key[2]) & s->keymask[2]);
	if (s->keywords > 3) {
		/* Most keys (DOC PARA SENT) fit in three words. */
		diff |= (swar_load(p + 24) ^ s->key[3]) & s->keymask[3];
		if (s->keywords > 4)
			diff |= record_stretch_long_key(s, p);
	}
	w0 = swar_load(q);
	if ((f = swar_control_bytes(w0)) != 0) {
		m = ((f & (~f + 1)) >> 7) - 1;
		len = swar_mask_bytes(m);
		w0 &= m;
	} else
		len = record_second_word(q, &w1);
	if ((diff == 0 || record_stretch_same_shape(s, p)) && len - 1 < 15 &&
	    (q[len] == '\n' || (q[len] == '\r' && q[len + 1] == '\n'))) {
		s->p = q + len + 1 + (q[len] == '\r');
		it->w0 = w0;
		it->w1 = w1;
		it->len = len;
		return RECORD_ITEM_SHORT;
	}
	record_stretch_slow(s);
	it->rec = &s->rec;
	return RECORD_ITEM_RECORD;
}

/* What record_run_item does for the last records of the stretches. */
static inline int
record_run_tail(struct record_run *run, struct record_item *it)
{
	struct record_stretch *s;

	for (; run->tail < 2; run->tail++) {
		s = &run->s[run->tail];
		if (s->p < s->end) {
			record_stretch_slow(s);
			it->rec = &s->rec;
			run->lines++;
			return RECORD_ITEM_RECORD;
		}
	}
	return RECORD_ITEM_END;
}

/*
 * The next record of the run into *it: RECORD_ITEM_SHORT or
 * RECORD_ITEM_RECORD, or RECORD_ITEM_END when the run has been taken.
 */
static inline int
record_run_item(struct record_run *run, struct record_item *it)
{
	struct record_stretch *a = run->a;

	if (a->p >= a->safe) {
		/* One stretch is done: the other goes on alone. */
		a = run->b;
		if (a->p >= a->safe)
			return record_run_tail(run, it);
	} else {
		run->a = run->b;
		run->b = a;
	}
	run->lines++;
	return record_stretch_step(a, it);
}

/*
 * Writing.  A record writer writes to a writer (io.h) records made of its
 * key and fields: set the key once for a run of records (record_key, or
 * built field by field), then write each record, as KEY TAB FIELD LF in
 * one piece (record_put) or field by field.  A record with no key has no
 * TAB before its fields.
 */
enum { RECORD_BLOCK = 32 }; /* the size of the block copies */

struct record_writer {
	struct writer *out;
	char *head; /* the key and its TAB (nothing when there is
		       no key), with RECORD_BLOCK readable bytes
		       after them */
	size_t headlen, headcap;
	size_t *fieldend; /* where each field of a key built field by
			     field ends in head (its TAB) */
	size_t nfields, fieldcap;
	int sep; /* a field of the record being written came
		    after the head: the next one needs a TAB */
};

void record_writer_init(struct record_writer *rw, struct writer *out);
void record_writer_free(struct record_writer *rw);

/* Make room in the head for n bytes and a block. */
void record_head_room(struct record_writer *rw, size_t n);

/* The key of the records that follow: rec's (none if rec has none). */
static inline void
record_key(struct record_writer *rw, const struct record *rec)
{
	size_t n = rec->haskey ? rec->keylen + 1 : 0;

	if (rw->headcap < n + RECORD_BLOCK)
		record_head_room(rw, n);
	memcpy(rw->head, rec->key, n);
	if (n > 0)
		rw->head[n - 1] = '\t';
	rw->headlen = n;
	rw->nfields = 0;
}

/* The key key[0..len) (fields separated by TAB), or no key (key NULL). */
void record_key_set(struct record_writer *rw, const char *key, size_t len);

/*
 * Build a key field by field: record_key_set(rw, NULL, 0), then each
 * field as text or as a number.  Its fields can then be changed in place.
 */
void record_key_field(struct record_writer *rw, const char *s, size_t n);
void record_key_number(struct record_writer *rw, uint64_t v);

/* Set field i of a key built field by field to the number v. */
void record_key_set_number(struct record_writer *rw, size_t i, uint64_t v);

/* What record_key_count does when a digit but the last changes. */
void record_key_count_slow(struct record_writer *rw, size_t i);

/*
 * Add one to field i, a number, of a key built field by field.  Numbers
 * are counted in decimal where they are, digit by digit, rather than
 * converted for each record: nine times in ten only the last digit
 * changes.
 */
static inline void
record_key_count(struct record_writer *rw, size_t i)
{
	char *last = rw->head + rw->fieldend[i] - 1;

	if (!sp_reference && *last != '9')
		++*last;
	else
		record_key_count_slow(rw, i);
}

/*
 * Whether the key and its TAB fit in a block, so that records of short
 * fields can be written as block copies (record_put_short, cursors).
 */
static inline int
record_key_is_short(const struct record_writer *rw)
{
	return rw->headlen <= RECORD_BLOCK;
}

/* What record_put does when the record does not fit in the buffer. */
void record_put_slow(struct record_writer *rw, const char *s, size_t n);

/* Write the record KEY TAB s[0..n) LF (s[0..n) LF with no key). */
static inline void
record_put(struct record_writer *rw, const char *s, size_t n)
{
	struct writer *w = rw->out;
	size_t hl = rw->headlen;
	char *p;

	if (sp_reference || writer_room(w) <= hl + n) {
		record_put_slow(rw, s, n);
		return;
	}
	p = writer_end(w);
	memcpy(p, rw->head, hl);
	memcpy(p + hl, s, n);
	p[hl + n] = '\n';
	writer_advance(w, hl + n + 1);
}

/*
 * record_put for a field with RECORD_BLOCK readable bytes (a token's
 * text): with a short key and field, the record is three stores into the
 * output buffer, the key and the field each copied as a block of
 * RECORD_BLOCK bytes (the bytes after them are garbage that the next
 * record overwrites).
 */
static inline void
record_put_short(struct record_writer *rw, const char *s, size_t n)
{
	struct writer *w = rw->out;
	size_t hl = rw->headlen;
	char *p;

	/* A key and a field of a block each, and the LF after them. */
	if (sp_reference || !record_key_is_short(rw) || n > RECORD_BLOCK ||
	    writer_room(w) < 2 * RECORD_BLOCK + 1) {
		record_put(rw, s, n);
		return;
	}
	p = writer_end(w);
	memcpy(p, rw->head, RECORD_BLOCK);
	memcpy(p + hl, s, RECORD_BLOCK);
	p[hl + n] = '\n';
	writer_advance(w, hl + n + 1);
}

/*
 * For a writer of many short records in a row (the tokenizer's plain
 * words): a cursor writes them straight into the output buffer, with no
 * call and no check of the writer per record.  record_cursor_begin
 * returns 0 if the key is longer than RECORD_BLOCK (then use
 * record_put_short) or the buffer has no room for a record (then
 * record_flush); record_cursor_put writes a record and returns
 * RECORD_PUT_OK, or RECORD_PUT_FULL when the room is used up (nothing is
 * written: end the cursor, record_flush and begin anew) or
 * RECORD_PUT_LONG for a field of more than RECORD_BLOCK bytes (nothing is
 * written either).  record_cursor_end hands what was written to the
 * writer.
 */
enum { RECORD_PUT_OK, RECORD_PUT_FULL, RECORD_PUT_LONG };

struct record_cursor {
	const char *head;
	size_t headlen;
	char *p, *last; /* where the next record goes, the last
			   place where a short one fits */
};

static inline int
record_cursor_begin(struct record_writer *rw, struct record_cursor *c)
{
	size_t need = rw->headlen + RECORD_BLOCK + 1;

	if (!record_key_is_short(rw) || writer_room(rw->out) < need)
		return 0;
	c->head = rw->head;
	c->headlen = rw->headlen;
	c->p = writer_end(rw->out);
	c->last = c->p + writer_room(rw->out) - need;
	return 1;
}

/*
 * s[0..n) has RECORD_BLOCK readable bytes.  The key is copied as one
 * block, a short field as two half blocks (the second only when it is
 * needed); the bytes written after the record are garbage that the next
 * one overwrites.
 */
static inline int
record_cursor_put(struct record_cursor *c, const char *s, size_t n)
{
	char *p = c->p;

	if (p > c->last)
		return RECORD_PUT_FULL;
	memcpy(p, c->head, RECORD_BLOCK);
	p += c->headlen;
	memcpy(p, s, RECORD_BLOCK / 2);
	if (n > RECORD_BLOCK / 2) {
		if (n > RECORD_BLOCK)
			return RECORD_PUT_LONG;
		memcpy(p + RECORD_BLOCK / 2, s + RECORD_BLOCK / 2,
		       RECORD_BLOCK / 2);
	}
	p[n] = '\n';
	c->p = p + n + 1;
	return RECORD_PUT_OK;
}

static inline void
record_cursor_end(struct record_writer *rw, const struct record_cursor *c)
{
	writer_advance(rw->out, (size_t)(c->p - writer_end(rw->out)));
}

/* Write out what is buffered, to make room. */
static inline void
record_flush(struct record_writer *rw)
{
	writer_flush(rw->out);
}

/*
 * A record field by field: record_begin writes the key and its TAB, each
 * record_field a field (with a TAB before it unless it is the first after
 * the key), record_end the LF.
 */
static inline void
record_begin(struct record_writer *rw)
{
	if (rw->headlen > 0)
		writer_write(rw->out, rw->head, rw->headlen);
	rw->sep = 0;
}

static inline void
record_field(struct record_writer *rw, const char *s, size_t n)
{
	if (rw->sep)
		writer_byte(rw->out, '\t');
	if (n > 0) /* an empty field may have no bytes at all (NULL) */
		writer_write(rw->out, s, n);
	rw->sep = 1;
}

void record_field_u64(struct record_writer *rw, uint64_t v);

/*
 * A field with spaces before and after it, for columns that line up:
 * before spaces, s[0..n), after spaces.
 */
void record_field_padded(struct record_writer *rw, size_t before, const char *s,
			 size_t n, size_t after);

/*
 * A real number with the given number of decimals (up to 9), never
 * written as a negative zero ("-0.0000").
 */
void record_field_real(struct record_writer *rw, double x, int decimals);

static inline void
record_end(struct record_writer *rw)
{
	writer_byte(rw->out, '\n');
	rw->sep = 0;
}

/* Write rec as it was read: KEY TAB PAYLOAD LF, or PAYLOAD LF. */
void record_copy(struct record_writer *rw, const struct record *rec);

#endif
