/*
 * sp-grep: search the payload (last field) of records for word patterns,
 * fixed strings or regular expressions, and print the matching records, a
 * keyword-in-context concordance, the matches, counts per document (or
 * --by group), or the documents that match.  The matchers live in
 * lib/search.c; this file reads the input, keeps the counts and writes
 * the layouts.  Searches that have literals to look for (fixed strings,
 * most regular expressions, word patterns with an ASCII literal) read
 * the input in blocks of records, find the literals in the whole block
 * and take only the records that hold them, as grep does (lib/record.c
 * and the reader, lib/io.c, account for the records passed over); -v,
 * and every search under SP_REFERENCE (lib/reference.h), go record by
 * record.  Records are read and written by lib/record.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "dict.h"
#include "err.h"
#include "group.h"
#include "hash.h"
#include "io.h"
#include "meta.h"
#include "opt.h"
#include "record.h"
#include "reference.h"
#include "search.h"
#include "token.h"
#include "utf8.h"

static const char help[] =
    "usage: sp-grep [options] pattern [file ...]\n"
    "       sp-grep [options] -e pattern ... [file ...]\n"
    "\n"
    "Search the last field of records for word patterns (terror*,\n"
    "\"no safe spaces\"), fixed strings (-F) or regular expressions (-E).\n"
    "\n"
    "Patterns:\n"
    "  -e, --regexp=PATTERN  search for PATTERN (may be repeated)\n"
    "  -f, --file=FILE       search for the patterns in FILE, one a line\n"
    "      --dict=FILE       search for the patterns of a dictionary: lines\n"
    "                        CATEGORY TAB pattern [TAB weight], or LIWC .dic\n"
    "      --nested=HOW      dictionary: a longer match of one category hides\n"
    "                        the matches inside it of others (dictionary, the\n"
    "                        default), or categories apart (category)\n"
    "  -F, --fixed-strings   patterns are fixed strings\n"
    "  -E, --extended-regexp patterns are POSIX extended regular "
    "expressions\n"
    "  -w, --word-regexp     -F and -E matches must be whole words\n"
    "  -i, --ignore-case     ignore case (the default for word patterns)\n"
    "      --case            word patterns: do not ignore case\n"
    "\n"
    "Output (default: the matching records):\n"
    "  -v, --invert-match    select the records that do not match\n"
    "  -c, --count           number of matches per document (or group)\n"
    "      --by=BY           group for -c and -l: doc, para, sent or N\n"
    "                        key fields (default doc), or with --meta a\n"
    "                        column (Party, Date:year)\n"
    "      --meta=FILE       metadata table (TSV or CSV with a header row)\n"
    "                        whose ids are the records' first key fields\n"
    "      --id-column=NAME  the table's id column (default the first)\n"
    "      --rate            -c --dict: add the group's tokens and the count\n"
    "                        (and weighted sum) per 1,000 tokens\n"
    "  -o, --only-matching   each match: KEY TAB MATCH\n"
    "  -l, --files-with-matches  the documents (or groups) that match\n"
    "      --kwic[=WIDTH]    concordance: KEY TAB LEFT TAB MATCH TAB RIGHT,\n"
    "                        contexts of WIDTH characters (default 40)\n"
    "      --align           pad the concordance into columns (the default\n"
    "                        on a terminal)\n"
    "      --sort=KEY        sort the concordance by left, right or match\n"
    "  -q, --quiet           no output; exit 0 at the first match\n"
    "      --help            print this help and exit\n"
    "      --version         print the version and exit\n";

enum {
	OPT_ALIGN = 1,
	OPT_BY,
	OPT_CASE,
	OPT_COUNT,
	OPT_DICT,
	OPT_EXTENDED,
	OPT_FILE,
	OPT_FIXED,
	OPT_ICASE,
	OPT_IDCOL,
	OPT_INVERT,
	OPT_KWIC,
	OPT_LIST,
	OPT_META,
	OPT_NESTED,
	OPT_ONLY,
	OPT_QUIET,
	OPT_RATE,
	OPT_REGEXP,
	OPT_SORT,
	OPT_WORD
};

static const struct opt_spec specs[] = {
    {OPT_ALIGN, 0, "align", OPT_NONE},
    {OPT_BY, 0, "by", OPT_REQUIRED},
    {OPT_CASE, 0, "case", OPT_NONE},
    {OPT_COUNT, 'c', "count", OPT_NONE},
    {OPT_DICT, 0, "dict", OPT_REQUIRED},
    {OPT_EXTENDED, 'E', "extended-regexp", OPT_NONE},
    {OPT_FILE, 'f', "file", OPT_REQUIRED},
    {OPT_FIXED, 'F', "fixed-strings", OPT_NONE},
    {OPT_ICASE, 'i', "ignore-case", OPT_NONE},
    {OPT_IDCOL, 0, "id-column", OPT_REQUIRED},
    {OPT_INVERT, 'v', "invert-match", OPT_NONE},
    {OPT_KWIC, 0, "kwic", OPT_OPTIONAL},
    {OPT_LIST, 'l', "files-with-matches", OPT_NONE},
    {OPT_META, 0, "meta", OPT_REQUIRED},
    {OPT_NESTED, 0, "nested", OPT_REQUIRED},
    {OPT_ONLY, 'o', "only-matching", OPT_NONE},
    {OPT_QUIET, 'q', "quiet", OPT_NONE},
    {OPT_RATE, 0, "rate", OPT_NONE},
    {OPT_REGEXP, 'e', "regexp", OPT_REQUIRED},
    {OPT_SORT, 0, "sort", OPT_REQUIRED},
    {OPT_WORD, 'w', "word-regexp", OPT_NONE},
    {0, 0, NULL, 0}};

enum mode { MODE_RECORDS, MODE_COUNT, MODE_ONLY, MODE_KWIC, MODE_LIST,
	MODE_QUIET };
enum sort { SORT_NONE, SORT_LEFT, SORT_RIGHT, SORT_MATCH };

/* Words of context that --sort compares (L1..L8 or R1..R8). */
#define SORT_WORDS 8

/* A concordance line held back for --align or --sort. */
struct kwic_line {
	size_t key, keylen;	/* offsets into the arena */
	size_t left, leftlen, match, matchlen, right, rightlen;
	size_t sortkey, sortlen;
	unsigned cat;
	int haskey;
	size_t order;
};

static enum mode mode = MODE_RECORDS;
static int invert, dict, align, sorting;
static size_t by = 1;		/* key fields that make a group */
static const char *by_name = "doc";	/* as the user wrote it */
static int by_given;

static size_t width = 40;

static struct search *search;
static struct dict dictionary; /* --dict: categories are groups */
static int nesting = DICT_NESTED_DICTIONARY, rates;
static int64_t *sums;	 /* -c --dict: weighted sums */
static uint64_t *tokens; /* -c --rate: tokens per group */
static struct tokenizer counttok;
static struct strtab groups;		/* -c: groups in order of first sight */
static uint64_t *counts;		/* -c: groups x columns */
static size_t countcap;
static struct strtab listed;		/* -l: groups printed */
static int selected_any;

/*
 * --meta with --by COLUMN: a record's group is the column's value in the
 * row of its id, its first key field (lib/group.h).  The scans below then
 * keep the id of the record last counted, not the group, as the prefix
 * that the records passed over are compared with: records with the same
 * id are in the same group, and most runs of records share an id.
 */
static struct meta meta;
static struct grouper column;
static int by_column;
static uint32_t *column_slot; /* a column group's id in groups, + 1 */
static size_t column_slots;

/*
 * The group of the id id[0..len) in the order groups are written in: of
 * first sight, as for key levels (the grouper's order is the table's).
 */
static uint32_t
column_group(const char *id, size_t len)
{
	uint32_t g = group_of_key(&column, id, len);
	size_t old, n;
	const char *name;

	if (g >= column_slots) {
		old = column_slots;
		column_slots = 2 * ((size_t)g + 1);
		column_slot = xreallocarray(column_slot, column_slots,
					    sizeof(*column_slot));
		memset(column_slot + old, 0,
		       (column_slots - old) * sizeof(*column_slot));
	}
	if (column_slot[g] == 0) {
		name = group_name(&column, g, &n);
		column_slot[g] = strtab_intern(&groups, name, n, NULL) + 1;
	}
	return column_slot[g] - 1;
}

static struct record_writer out;

static struct kwic_line *kwic;
static size_t nkwic, kwiccap;
static struct buf arena, scratch;
static struct tokenizer sorttok;
static unsigned char *catseen;

static void
add_pattern(const char *pat, unsigned group, const char *file,
    unsigned long long line)
{
	const char *why = search_add(search, pat, group);

	if (why == NULL)
		return;
	if (file != NULL)
		sp_die_at(file, line, "pattern '%s' %s", pat, why);
	sp_die("pattern '%s' %s", pat, why);
}

/* -f FILE: every non-empty line is a pattern. */
static void
read_patterns(const char *path)
{
	struct reader r;
	char *line, *pat;
	size_t n;
	int got;

	if (reader_open(&r, path) < 0)
		exit(2);
	while ((got = reader_next(&r, &line, &n)) > 0) {
		if (n == 0)
			continue;
		pat = xmemdup(line, n);
		add_pattern(pat, 0, path, reader_lineno(&r));
		free(pat);
	}
	if (reader_close(&r) < 0)
		exit(2);
}

/* Begin an output record with rec's key. */
static void
begin_record(const struct record *rec)
{
	record_key(&out, rec);
	record_begin(&out);
}

static const char *
category(unsigned cat, size_t *len)
{
	return dict_category(&dictionary, cat, len);
}

static void
write_category(unsigned cat)
{
	size_t len;
	const char *name = category(cat, &len);

	record_field(&out, name, len);
}

/*
 * The group of a record for -c and -l: its first `by` key fields.  A line
 * with no key is in the group with the empty name unless --by asked for
 * key fields.  Return 0, or report a record with too few key fields and
 * return 2: the caller skips the rest of the file, as sp-count does.
 */
static int
record_group(const struct record *rec, struct record_reader *rr, size_t *len)
{
	size_t k;

	if (by_column) {
		if ((k = record_key_prefix(rec, 1)) == (size_t)-1) {
			group_warn_short(&column, record_file(rr),
					 record_lineno(rr), rec);
			return 2;
		}
		*len = k;
		return 0;
	}
	if (!rec->haskey && !by_given) {
		*len = 0;
		return 0;
	}
	if ((k = record_by_prefix(rr, rec, by, by_name)) == (size_t)-1)
		return 2;
	*len = k;
	return 0;
}

/*
 * The group of the last record counted, for grep_scan to tell which of
 * the lines it passes over are in the same group: those that start with
 * the group's key fields and a TAB; and when the group has the empty name
 * without --by, also the lines with no TAB (plain text, whose lines
 * indented with a TAB are in that group too).
 */
static enum { LAST_NONE, LAST_EMPTY, LAST_KEYED } last_kind;
static struct buf last_prefix;
static uint32_t last_group;

static void
note_group(const struct record *rec, size_t len, uint32_t id)
{
	last_group = id;
	if (len == 0 && !by_given) {
		last_kind = LAST_EMPTY;
		return;
	}
	last_kind = LAST_KEYED;
	last_prefix.len = 0;
	buf_add(&last_prefix, rec->key, len);
	buf_add(&last_prefix, "\t", 1);
}

/* Whether the record is in the group last counted. */
static inline int
in_last_group(const struct record *rec)
{
	if (last_kind == LAST_KEYED)
		return rec->haskey && rec->keylen + 1 >= last_prefix.len &&
		    memcmp(rec->key, last_prefix.s, last_prefix.len) == 0;
	/* A key's first field is empty when it starts with its TAB. */
	return last_kind == LAST_EMPTY && (!rec->haskey || rec->key[0] == '\t');
}

/* The offset of the first line of s[0..n) not in the group last counted. */
static size_t
same_group_lines(const char *s, size_t n)
{
	switch (last_kind) {
	case LAST_KEYED:
		return record_lines_with_prefix(s, n, last_prefix.s,
		    last_prefix.len);
	case LAST_EMPTY:
		return record_first_keyed_line(s, n);
	default:
		return 0;
	}
}

static size_t
count_columns(void)
{
	return dict && !invert ? dict_categories(&dictionary) : 1;
}

/* The counts of group id, grown to hold it. */
static uint64_t *
group_counts(uint32_t id)
{
	size_t cols = count_columns(), old;

	if ((id + 1) * cols > countcap) {
		old = countcap;
		countcap = 2 * (id + 1) * cols;
		counts = xreallocarray(counts, countcap, sizeof(*counts));
		memset(counts + old, 0, (countcap - old) * sizeof(*counts));
		if (dict) {
			sums = xreallocarray(sums, countcap, sizeof(*sums));
			memset(sums + old, 0, (countcap - old) * sizeof(*sums));
			/* At least as many as groups, since cols >= 1. */
			tokens =
			    xreallocarray(tokens, countcap, sizeof(*tokens));
			memset(tokens + old, 0,
			       (countcap - old) * sizeof(*tokens));
		}
	}
	return counts + id * cols;
}

/*
 * The tokens of text[0..n) as sp-tokens writes them by default (words and
 * numbers, not punctuation): what --rate divides by.
 */
static uint64_t
count_tokens(const char *text, size_t n)
{
	struct tok_word w[64];
	struct token tok;
	uint64_t k = 0;
	size_t got;

	tok_start(&counttok, text, n);
	for (;;) {
		got = tok_words(&counttok, w, 64);
		k += got;
		if (got == 0) {
			if (!tok_next(&counttok, &tok))
				break;
			k++;
		}
	}
	return k;
}

static int
count_record(const struct record *rec, struct record_reader *rr,
	     const struct search_match *m, size_t nm, int selected)
{
	size_t len, i;
	uint32_t id;
	uint64_t *c;

	if (in_last_group(rec))
		id = last_group;
	else {
		if (record_group(rec, rr, &len) != 0)
			return 2;
		id = by_column ? column_group(rec->key, len)
			       : strtab_intern(&groups, rec->key, len, NULL);
		note_group(rec, len, id);
	}
	c = group_counts(id);
	if (invert) {
		c[0] += (uint64_t)selected;
		return 0;
	}
	if (dict) {
		if (rates)
			tokens[id] += count_tokens(rec->payload, rec->len);
		if (dict_tally(&dictionary, m, nm, c, sums + (c - counts)) < 0)
			sp_die_at(record_file(rr), record_lineno(rr),
				  "a weighted sum of the dictionary overflows");
		return 0;
	}
	for (i = 0; i < nm; i++)
		if (m[i].end > m[i].start)
			c[0]++;
	return 0;
}

/*
 * -l: what grep_scan may pass over, having listed it: the plain lines of
 * this file (records with no key), and the records of the group listed
 * last (those whose key starts with its key fields).
 */
static int listed_plain, listed_keyed;
static struct buf listed_prefix;

static int
record_listed(const struct record_at *ra)
{
	if (listed_keyed &&
	    record_at_has_prefix(ra, listed_prefix.s, listed_prefix.len))
		return 1;
	return listed_plain && !record_at_keyed(ra);
}

static int
list_record(const struct record *rec, struct record_reader *rr)
{
	const char *name = rec->key;
	size_t len;
	int added;

	if (record_group(rec, rr, &len) != 0)
		return 2;
	if (by_column) {
		/* The records of this id are passed over: listed already. */
		listed_keyed = 1;
		listed_prefix.len = 0;
		buf_add(&listed_prefix, rec->key, len);
		buf_add(&listed_prefix, "\t", 1);
		name = group_name(&column, group_of_key(&column, rec->key, len),
				  &len);
	} else if (len == 0 && !rec->haskey) {
		/* Plain lines: the file is the document. */
		name = record_file(rr);
		len = strlen(name);
		listed_plain = 1;
	} else {
		listed_keyed = 1;
		listed_prefix.len = 0;
		buf_add(&listed_prefix, rec->key, len);
		buf_add(&listed_prefix, "\t", 1);
	}
	strtab_intern(&listed, name, len, &added);
	if (added) {
		record_key_set(&out, NULL, 0);
		record_put(&out, name, len);
	}
	return 0;
}

/* The record, with the dictionary categories that matched before the text. */
static void
write_record(const struct record *rec, const struct search_match *m, size_t nm)
{
	size_t i, len;
	unsigned c;
	const char *name;

	if (!dict || invert) {
		record_copy(&out, rec);
		return;
	}
	memset(catseen, 0, dict_categories(&dictionary));
	for (i = 0; i < nm; i++)
		catseen[m[i].group] = 1;
	scratch.len = 0;
	for (c = 0; c < dict_categories(&dictionary); c++) {
		if (!catseen[c])
			continue;
		if (scratch.len > 0)
			buf_add(&scratch, ",", 1);
		name = category(c, &len);
		buf_add(&scratch, name, len);
	}
	begin_record(rec);
	record_field(&out, scratch.s, scratch.len);
	record_field(&out, rec->payload, rec->len);
	record_end(&out);
}

/* The start of the last `width` characters of s[0..n). */
static size_t
last_chars(const char *s, size_t n)
{
	size_t i = n, k = 0;

	while (i > 0 && k < width) {
		i--;
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			k++;
	}
	return i;
}

/* The length of the first `width` characters of s[0..n). */
static size_t
first_chars(const char *s, size_t n)
{
	size_t i = 0, k = 0;

	while (i < n) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && k++ == width)
			break;
		i++;
	}
	return i;
}

/*
 * The sort key of a concordance line: the folded words to compare, each
 * followed by a byte 1, which sorts below every character so that a word
 * sorts before its longer forms.
 */
static void
sort_key(const char *text, size_t n, const struct search_match *m)
{
	struct token t;
	size_t spans[SORT_WORDS][2], k = 0, total = 0, i;

	scratch.len = 0;
	if (sorting == SORT_LEFT) {
		/* The last words before the match, nearest first. */
		tok_start(&sorttok, text, m->start);
		while (tok_next(&sorttok, &t)) {
			spans[total % SORT_WORDS][0] = t.start;
			spans[total % SORT_WORDS][1] = t.end;
			total++;
		}
		k = total < SORT_WORDS ? total : SORT_WORDS;
		for (i = 0; i < k; i++) {
			size_t j = (total - 1 - i) % SORT_WORDS;

			tok_start(&sorttok, text + spans[j][0],
			    spans[j][1] - spans[j][0]);
			if (tok_next(&sorttok, &t))
				buf_add(&scratch, t.text, t.len);
			buf_add(&scratch, "\001", 1);
		}
		return;
	}
	if (sorting == SORT_RIGHT)
		tok_start(&sorttok, text + m->end, n - m->end);
	else
		tok_start(&sorttok, text + m->start, m->end - m->start);
	while (k++ < SORT_WORDS && tok_next(&sorttok, &t)) {
		buf_add(&scratch, t.text, t.len);
		buf_add(&scratch, "\001", 1);
	}
}

static void
write_kwic_now(const struct record *rec, const struct search_match *m,
    size_t l0, size_t r1)
{
	const char *p = rec->payload;

	begin_record(rec);
	if (dict)
		write_category(m->group);
	record_field(&out, p + l0, m->start - l0);
	record_field(&out, p + m->start, m->end - m->start);
	record_field(&out, p + m->end, r1 - m->end);
	record_end(&out);
}

static void
hold_kwic(const struct record *rec, const struct search_match *m, size_t l0,
    size_t r1)
{
	const char *p = rec->payload;
	struct kwic_line *k;

	if (nkwic == kwiccap) {
		kwiccap = kwiccap ? 2 * kwiccap : 256;
		kwic = xreallocarray(kwic, kwiccap, sizeof(*kwic));
	}
	k = &kwic[nkwic];
	k->order = nkwic++;
	k->haskey = rec->haskey;
	k->cat = m->group;
	k->key = arena.len;
	k->keylen = rec->keylen;
	buf_add(&arena, rec->key, rec->keylen);
	k->left = arena.len;
	k->leftlen = m->start - l0;
	buf_add(&arena, p + l0, k->leftlen);
	k->match = arena.len;
	k->matchlen = m->end - m->start;
	buf_add(&arena, p + m->start, k->matchlen);
	k->right = arena.len;
	k->rightlen = r1 - m->end;
	buf_add(&arena, p + m->end, k->rightlen);
	k->sortkey = arena.len;
	k->sortlen = 0;
	if (sorting != SORT_NONE) {
		sort_key(p, rec->len, m);
		k->sortlen = scratch.len;
		buf_add(&arena, scratch.s, scratch.len);
	}
}

static void
kwic_record(const struct record *rec, const struct search_match *m,
    size_t nm)
{
	size_t i, l0, r1;

	for (i = 0; i < nm; i++) {
		if (m[i].end == m[i].start)
			continue;
		l0 = last_chars(rec->payload, m[i].start);
		r1 = m[i].end + first_chars(rec->payload + m[i].end,
		    rec->len - m[i].end);
		if (align || sorting != SORT_NONE)
			hold_kwic(rec, &m[i], l0, r1);
		else
			write_kwic_now(rec, &m[i], l0, r1);
	}
}

/*
 * -o --dict: which entry matched, before the match: its category, its
 * pattern as the dictionary has it, and its weight if the dictionary has
 * weights.
 */
static void
write_entry(const struct search_match *m)
{
	char w[32];
	size_t len;
	const char *entry = dict_entry(&dictionary, m, &len);

	write_category(m->group);
	record_field(&out, entry, len);
	if (dictionary.weighted)
		record_field(
		    &out, w,
		    dict_format_weight(dict_weight(&dictionary, m), w));
}

static void
only_record(const struct record *rec, const struct search_match *m,
    size_t nm)
{
	size_t i;

	for (i = 0; i < nm; i++) {
		if (m[i].end == m[i].start)
			continue;
		begin_record(rec);
		if (dict)
			write_entry(&m[i]);
		record_field(&out, rec->payload + m[i].start,
			     m[i].end - m[i].start);
		record_end(&out);
	}
}

/*
 * Search one record and act on it; return 0, or 2 for a record with too
 * few key fields for --by (reported), after which the file is skipped.
 */
static int
grep_record(struct record_reader *rr, const struct record *rec)
{
	const struct search_match *m;
	size_t nm;
	int first_only, selected;

	first_only = mode == MODE_QUIET || mode == MODE_LIST || invert ||
	    (mode == MODE_RECORDS && !dict);
	/* A dictionary's matches that count (dict.h); any match selects. */
	if (dict && !first_only)
		nm = dict_match(&dictionary, rec->payload, rec->len, &m);
	else
		nm =
		    search_text(search, rec->payload, rec->len, first_only, &m);
	selected = (nm > 0) != invert;
	selected_any |= selected;
	if (mode == MODE_COUNT)
		return count_record(rec, rr, m, nm, selected);
	if (!selected)
		return 0;
	switch (mode) {
	case MODE_QUIET:
		sp_exit(0);
	case MODE_LIST:
		return list_record(rec, rr);
	case MODE_ONLY:
		only_record(rec, m, nm);
		break;
	case MODE_KWIC:
		kwic_record(rec, m, nm);
		break;
	default:
		write_record(rec, m, nm);
	}
	return 0;
}

/*
 * -c: the lines s[0..n) that grep_scan passes over have no match, but
 * every group they hold must be counted, with 0 where it has none.  Most
 * are in the group of the record before them, which needs no more than a
 * look at their first bytes; the others are counted as records.
 */
static int
count_other_groups(struct record_reader *rr, const char *s, const char *end)
{
	struct record_at ra;
	struct record rec;
	size_t off;

	while (s < end && (off = same_group_lines(s, (size_t)(end - s))) <
			      (size_t)(end - s)) {
		record_block_at(rr, s + off, &ra);
		record_block_take(rr, &ra, &rec);
		if (grep_record(rr, &rec) != 0)
			return 2;
		s = ra.end < end ? ra.end + 1 : end;
	}
	return 0;
}

static inline int
count_passed(struct record_reader *rr, const char *s, size_t n)
{
	/* Most often they are all in the group of the record before. */
	if (n == 0 || same_group_lines(s, n) == n)
		return 0;
	return count_other_groups(rr, s, s + n);
}

/*
 * -c where one search of the whole block finds the matches of every
 * record (search_block_exact): each match is counted in the group of its
 * record, if it lies in the record's payload.  A record that is not in
 * the group last counted goes through grep_record, which finds its group;
 * the records without a match through count_passed.
 */
static struct search_match *blockm; /* count_block's matches */
static size_t blockcap;

static int
count_block(struct record_reader *rr, const struct record_block *b)
{
	const struct search_match *m;
	const char *buf = b->buf, *payload;
	struct record_at ra;
	struct record rec;
	size_t nm, k = 0, pos = 0;
	uint64_t *c;

	/*
	 * grep_record searches the records it takes again, which reuses the
	 * array search_text returned: the block's matches are copied first.
	 */
	nm = search_text(search, buf, b->len, 0, &m);
	if (nm > blockcap) {
		blockcap = 2 * nm;
		blockm = xreallocarray(blockm, blockcap, sizeof(*blockm));
	}
	if (nm > 0)
		memcpy(blockm, m, nm * sizeof(*m));
	m = blockm;
	while (k < nm) {
		record_block_at(rr, buf + m[k].start, &ra);
		if (count_passed(rr, buf + pos,
				 (size_t)(ra.start - buf) - pos) != 0)
			return 2;
		pos = (size_t)(ra.end - buf) + 1;
		record_at_split(rr, &ra, &rec);
		if (!in_last_group(&rec)) {
			record_block_take(rr, &ra, &rec);
			if (grep_record(rr, &rec) != 0)
				return 2;
			while (k < nm && buf + m[k].start < ra.end)
				k++;
			continue;
		}
		payload = rec.payload;
		c = group_counts(last_group);
		for (; k < nm && buf + m[k].start < ra.end; k++)
			if (buf + m[k].start >= payload &&
			    buf + m[k].end <= payload + rec.len) {
				c[0]++;
				selected_any = 1;
			}
	}
	if (pos < b->len && count_passed(rr, buf + pos, b->len - pos) != 0)
		return 2;
	return 0;
}

/*
 * Fixed strings, regular expressions with required literals and
 * prefiltered word patterns: find the hits in each block of records, then
 * the records that hold them; the records in between are passed over (the
 * reader still accounts for them: line numbers, invalid UTF-8), and for -c
 * their groups are counted.
 */
static int
grep_scan(struct record_reader *rr)
{
	struct record_block b;
	struct record_at ra;
	struct record rec;
	size_t pos, hit;
	int got, exact = mode == MODE_COUNT && search_block_exact(search);

	last_kind = LAST_NONE;
	listed_plain = listed_keyed = 0;
	while ((got = record_block(rr, &b)) > 0) {
		if (exact) {
			if (count_block(rr, &b) != 0)
				return 2;
			continue;
		}
		for (pos = 0; pos < b.len; pos = (size_t)(ra.end - b.buf) + 1) {
			/* Listed already, a file of plain lines is done. */
			if (listed_plain && !listed_keyed &&
			    !record_lines_keyed(b.buf + pos, b.len - pos))
				break;
			hit = search_scan(search, b.buf, b.len, pos);
			if (hit >= b.len)
				break;
			record_block_at(rr, b.buf + hit, &ra);
			if (mode == MODE_LIST && record_listed(&ra))
				continue;
			if (mode == MODE_COUNT &&
			    count_passed(rr, b.buf + pos,
					 (size_t)(ra.start - b.buf) - pos) != 0)
				return 2;
			record_block_take(rr, &ra, &rec);
			if (grep_record(rr, &rec) != 0)
				return 2;
		}
		if (mode == MODE_COUNT && pos < b.len &&
		    count_passed(rr, b.buf + pos, b.len - pos) != 0)
			return 2;
	}
	return got < 0 ? 2 : 0;
}

static int
grep_file(const char *path, int scan)
{
	struct record_reader rr;
	struct record rec;
	int got, status = 0;

	if (record_open(&rr, path) < 0)
		return 2;
	if (scan)
		status = grep_scan(&rr);
	else {
		while ((got = record_next(&rr, &rec)) > 0)
			if (grep_record(&rr, &rec) != 0) {
				status = 2;
				break;
			}
		if (got < 0)
			status = 2;
	}
	if (record_close(&rr) < 0)
		status = 2;
	return status;
}

/* A rate per 1,000 tokens, or NA for a group without a token. */
static void
write_rate(double x, uint64_t n)
{
	if (n == 0)
		record_field(&out, "NA", 2);
	else
		record_field_real(&out, dict_per_1000(x, n), 4);
}

/*
 * After a dictionary category's count: its weighted sum if the dictionary
 * has weights, and with --rate the group's tokens and the count (and sum)
 * per 1,000 of them.  at is the cell in counts and sums, or 0 with
 * nothing counted.
 */
static void
write_scores(size_t at, uint64_t ntok)
{
	char w[32];
	uint64_t count = counts != NULL ? counts[at] : 0;
	int64_t sum = sums != NULL ? sums[at] : 0;

	if (dictionary.weighted)
		record_field(&out, w, dict_format_weight(sum, w));
	if (!rates)
		return;
	record_field_u64(&out, ntok);
	write_rate((double)count, ntok);
	if (dictionary.weighted)
		write_rate((double)sum / DICT_WEIGHT_ONE, ntok);
}

static void
write_counts(void)
{
	size_t cols = count_columns(), i, c;

	/* No input at all: a bare 0 (per category), as grep -c prints. */
	record_key_set(&out, NULL, 0);
	if (groups.n == 0)
		for (c = 0; c < cols; c++) {
			record_begin(&out);
			if (dict && !invert)
				write_category((unsigned)c);
			record_field_u64(&out, 0);
			if (dict && !invert)
				write_scores(0, 0);
			record_end(&out);
		}
	/* A group's fields start its rows; the empty name is none. */
	for (i = 0; i < groups.n; i++)
		for (c = 0; c < cols; c++) {
			record_begin(&out);
			if (strtab_len(&groups, (uint32_t)i) > 0)
				record_field(&out,
					     strtab_key(&groups, (uint32_t)i),
					     strtab_len(&groups, (uint32_t)i));
			if (dict && !invert)
				write_category((unsigned)c);
			record_field_u64(&out, counts[i * cols + c]);
			if (dict && !invert)
				write_scores(i * cols + c, tokens[i]);
			record_end(&out);
		}
}

static int
kwic_compare(const void *a, const void *b)
{
	const struct kwic_line *x = a, *y = b;
	size_t n = x->sortlen < y->sortlen ? x->sortlen : y->sortlen;
	int c = memcmp(arena.s + x->sortkey, arena.s + y->sortkey, n);

	if (c != 0)
		return c;
	if (x->sortlen != y->sortlen)
		return x->sortlen < y->sortlen ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The field s[0..n) padded on the right to w characters with --align. */
static void
padded_field(const char *s, size_t n, size_t w)
{
	record_field_padded(&out, 0, s, n, align ? w - utf8_count(s, n) : 0);
}

/*
 * Write the held concordance, sorted if asked, and with --align every
 * column padded with spaces to its widest entry (in characters): key
 * fields and the match on the right, the left context on the left, so
 * that the matches line up.
 */
static void
write_kwic(void)
{
	size_t *keyw = NULL, nkeyw = 0, catw = 0, leftw = 0, matchw = 0;
	size_t i, f, a, b, w, len;
	struct kwic_line *k;
	const char *name;

	if (sorting != SORT_NONE)
		qsort(kwic, nkwic, sizeof(*kwic), kwic_compare);
	for (i = 0; align && i < nkwic; i++) {
		k = &kwic[i];
		for (f = 0, a = 0; k->haskey && a <= k->keylen; f++) {
			for (b = a; b < k->keylen && arena.s[k->key + b] != '\t';
			    b++)
				;
			if (f == nkeyw) {
				keyw = xreallocarray(keyw, ++nkeyw,
				    sizeof(*keyw));
				keyw[f] = 0;
			}
			w = utf8_count(arena.s + k->key + a, b - a);
			keyw[f] = w > keyw[f] ? w : keyw[f];
			a = b + 1;
		}
		if (dict && (name = category(k->cat, &len)) != NULL &&
		    (w = utf8_count(name, len)) > catw)
			catw = w;
		if ((w = utf8_count(arena.s + k->left, k->leftlen)) > leftw)
			leftw = w;
		if ((w = utf8_count(arena.s + k->match, k->matchlen)) > matchw)
			matchw = w;
	}
	/* Every column a field, padded with --align. */
	record_key_set(&out, NULL, 0);
	for (i = 0; i < nkwic; i++) {
		k = &kwic[i];
		record_begin(&out);
		for (f = 0, a = 0; k->haskey && a <= k->keylen; f++) {
			for (b = a; b < k->keylen && arena.s[k->key + b] != '\t';
			    b++)
				;
			padded_field(arena.s + k->key + a, b - a,
				     align ? keyw[f] : 0);
			a = b + 1;
		}
		if (dict) {
			name = category(k->cat, &len);
			padded_field(name, len, catw);
		}
		/* The left context is padded on the left. */
		record_field_padded(
		    &out,
		    align ? leftw - utf8_count(arena.s + k->left, k->leftlen)
			  : 0,
		    arena.s + k->left, k->leftlen, 0);
		padded_field(arena.s + k->match, k->matchlen, matchw);
		record_field(&out, arena.s + k->right, k->rightlen);
		record_end(&out);
	}
	free(keyw);
}

static void
set_mode(struct opt *o, enum mode m)
{
	if (mode != MODE_RECORDS && mode != m)
		opt_usage_error(o, "only one of -c, -l, -o and --kwic");
	mode = m;
}

int
main(int argc, char *argv[])
{
	struct opt o;
	struct search_opts so = { SEARCH_WORDS, 1, 0 };
	struct tok_opts to = { 0, 0 };
	char *arg, *dash[] = { "-" }, **files, **pats;
	const char *dictfile = NULL, *sortname = NULL, *metafile = NULL;
	const char *idcol = NULL;
	int id, i, nfiles, npats = 0, quiet = 0, fixed = 0, extended = 0;
	int icase = -1, align_opt = 0, scan, status = 0, nested_given = 0;
	char **patfiles;
	int npatfiles = 0;

	opt_init(&o, argc, argv, specs, help);
	pats = xcalloc((size_t)argc + 1, sizeof(*pats));
	patfiles = xcalloc((size_t)argc + 1, sizeof(*patfiles));
	while ((id = opt_next(&o, &arg)) != 0) {
		switch (id) {
		case OPT_ALIGN:
			align_opt = 1;
			break;
		case OPT_BY:
			by_name = arg;
			by_given = 1;
			break;
		case OPT_CASE:
			icase = 0;
			break;
		case OPT_COUNT:
			set_mode(&o, MODE_COUNT);
			break;
		case OPT_DICT:
			dictfile = arg;
			break;
		case OPT_EXTENDED:
			extended = 1;
			break;
		case OPT_FILE:
			patfiles[npatfiles++] = arg;
			break;
		case OPT_FIXED:
			fixed = 1;
			break;
		case OPT_ICASE:
			icase = 1;
			break;
		case OPT_IDCOL:
			idcol = arg;
			break;
		case OPT_INVERT:
			invert = 1;
			break;
		case OPT_KWIC:
			set_mode(&o, MODE_KWIC);
			if (arg != NULL)
				width = (size_t)opt_number(&o, arg, 1, 100000);
			break;
		case OPT_LIST:
			set_mode(&o, MODE_LIST);
			break;
		case OPT_META:
			metafile = arg;
			break;
		case OPT_ONLY:
			set_mode(&o, MODE_ONLY);
			break;
		case OPT_NESTED:
			if (strcmp(arg, "dictionary") == 0)
				nesting = DICT_NESTED_DICTIONARY;
			else if (strcmp(arg, "category") == 0)
				nesting = DICT_NESTED_CATEGORY;
			else
				opt_usage_error(&o,
						"--nested: '%s' is not "
						"dictionary or category",
						arg);
			nested_given = 1;
			break;
		case OPT_QUIET:
			quiet = 1;
			break;
		case OPT_RATE:
			rates = 1;
			break;
		case OPT_REGEXP:
			pats[npats++] = arg;
			break;
		case OPT_SORT:
			sortname = arg;
			break;
		case OPT_WORD:
			so.whole_word = 1;
			break;
		}
	}

	/* Validation: which patterns, and which combinations make sense. */
	if (fixed && extended)
		opt_usage_error(&o, "-F and -E exclude each other");
	if (dictfile != NULL && (fixed || extended || npats > 0 ||
	    npatfiles > 0))
		opt_usage_error(&o, "--dict takes word patterns only, without "
		    "-e, -f, -F or -E");
	if (dictfile != NULL && icase == 0)
		opt_usage_error(&o, "--dict matches words in any case; not "
				    "with --case");
	if (nested_given && dictfile == NULL)
		opt_usage_error(&o, "--nested needs --dict");
	if (rates && (dictfile == NULL || mode != MODE_COUNT || invert))
		opt_usage_error(&o, "--rate needs -c and --dict, without -v");
	if (invert && (mode == MODE_ONLY || mode == MODE_KWIC))
		opt_usage_error(&o, "-v shows no matches for -o or --kwic");
	if (sortname != NULL) {
		if (strcmp(sortname, "left") == 0)
			sorting = SORT_LEFT;
		else if (strcmp(sortname, "right") == 0)
			sorting = SORT_RIGHT;
		else if (strcmp(sortname, "match") == 0)
			sorting = SORT_MATCH;
		else
			opt_usage_error(&o, "--sort: '%s' is not left, right "
			    "or match", sortname);
	}
	if ((sorting != SORT_NONE || align_opt) && mode != MODE_KWIC)
		opt_usage_error(&o, "--sort and --align need --kwic");
	if (by_given && mode != MODE_COUNT && mode != MODE_LIST)
		opt_usage_error(&o, "--by needs -c or -l");
	if (metafile != NULL && mode != MODE_COUNT && mode != MODE_LIST)
		opt_usage_error(&o, "--meta needs -c or -l");
	if (idcol != NULL && metafile == NULL)
		opt_usage_error(&o, "--id-column needs --meta");
	/* A key level as before; with --meta, a column of the table too. */
	if (metafile == NULL)
		by = group_key_level(&o, by_name);
	else {
		group_open(&column, &meta, by_name, metafile, idcol);
		by = column.fields;
		by_column = column.kind == GROUP_COLUMN;
	}
	files = o.operands;
	nfiles = o.noperands;
	if (npats == 0 && npatfiles == 0 && dictfile == NULL) {
		if (nfiles == 0)
			opt_usage_error(&o, "no pattern");
		pats[npats++] = files[0];
		files++;
		nfiles--;
	}
	if (nfiles == 0) {
		files = dash;
		nfiles = 1;
	}
	if (quiet)
		mode = MODE_QUIET;
	dict = dictfile != NULL;
	so.kind = fixed ? SEARCH_FIXED : extended ? SEARCH_REGEX :
	    SEARCH_WORDS;
	so.fold = icase < 0 ? so.kind == SEARCH_WORDS : icase;
	if (so.kind == SEARCH_WORDS)
		so.whole_word = 0;	/* words are whole words anyway */
	align = mode == MODE_KWIC && (align_opt || isatty(1));

	/* The work: compile the patterns, search every file in turn. */
	if (!dict)
		search = search_new(&so);
	strtab_init(&groups);
	strtab_init(&listed);
	tok_init(&sorttok, &to);
	tok_init(&counttok, &to);
	for (i = 0; i < npats && !dict; i++)
		add_pattern(pats[i], 0, NULL, 0);
	for (i = 0; i < npatfiles && !dict; i++)
		read_patterns(patfiles[i]);
	if (dict) {
		if (dict_load(&dictionary, dictfile, DICT_AUTO, nesting) < 0)
			sp_exit(2);
		search = dictionary.search;
	}
	if (search_groups(search) == 0)
		sp_die("no patterns");
	catseen = xcalloc(dict ? dict_categories(&dictionary) + 1 : 1, 1);
	/* --rate counts the tokens of every record, matched or not. */
	scan = search_can_scan(search) && !invert && !rates && !sp_reference;

	writer_init(&sp_out, 1, "(standard output)");
	record_writer_init(&out, &sp_out);
	for (i = 0; i < nfiles; i++)
		if (grep_file(files[i], scan) != 0)
			status = 2;
	if (mode == MODE_COUNT)
		write_counts();
	if (mode == MODE_KWIC && (align || sorting != SORT_NONE))
		write_kwic();

	if (dict)
		dict_free(&dictionary);
	else
		search_free(search);
	strtab_free(&groups);
	strtab_free(&listed);
	if (by_column) {
		group_report_missing(&column);
		free(column_slot);
	}
	if (metafile != NULL) {
		group_free(&column);
		meta_free(&meta);
	}
	tok_free(&sorttok);
	tok_free(&counttok);
	free(sums);
	free(tokens);
	free(counts);
	free(blockm);
	free(kwic);
	free(arena.s);
	free(scratch.s);
	free(last_prefix.s);
	free(listed_prefix.s);
	free(catseen);
	record_writer_free(&out);
	free(pats);
	free(patfiles);
	free(o.operands);
	if (status == 0)
		status = selected_any ? 0 : 1;
	sp_exit(status);
}
