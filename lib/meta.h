/*
 * Metadata tables: one reader for every program that takes --meta FILE.
 * A table is TSV or CSV with a header row naming its columns; one column
 * (the first, or one named by the caller) holds ids, and a record's first
 * key field is looked up among them.
 *
 * TSV: fields separated by TAB, no quoting (as in sp's own records).
 * CSV (RFC 4180): fields separated by commas; a field that starts with a
 * double quote is quoted, ends at the next lone quote, and may hold commas,
 * doubled quotes ("" for ") and line breaks; a quote inside an unquoted
 * field is an ordinary character.  The format is CSV when the file name
 * ends in ".csv" (in any case), or when the header row has no TAB but a
 * comma; otherwise TSV.  sp's records cannot carry a TAB, CR or LF inside
 * a field, so each of those inside a field becomes a space.
 *
 * The lines come through lib/io.h's reader, so a byte order mark and CR
 * line ends are dropped, invalid UTF-8 is replaced (one warning), and a NUL
 * byte is an error.  Wholly empty lines are skipped.  Every other problem
 * is an error naming file and line (README, "Diagnostics"): an empty file,
 * a header without rows, a row with another number of fields than the
 * header, an empty or duplicated id, an id column that is not there, an
 * unclosed quote.  Memory is the table's text, its ids again, and about
 * 50 bytes a row.
 */
#ifndef SP_META_H
#define SP_META_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

#define META_NONE UINT32_MAX

enum meta_format {
	META_AUTO,		/* by file name or header, as above */
	META_TSV,
	META_CSV
};

struct meta {
	const char *name;	/* the path as given, for messages */
	int format;		/* META_TSV or META_CSV, as read */
	uint32_t ncols, idcol;
	uint32_t nrows;
	unsigned long long header_line;	/* 1 unless blank lines come first */
	/*
	 * The text of every field, each ending in a NUL: the header's
	 * first, then row by row.  rows[i] is where row i starts.
	 */
	char *text;
	size_t textlen, textcap;
	size_t *rows;
	unsigned long long *lines;	/* the line each row starts on */
	size_t rowcap;
	struct strtab ids;	/* the id of row i has id i */
};

/*
 * Load the table at path ("-" is standard input) in format (META_AUTO to
 * detect it).  idcol names the id column, or is NULL for the first.
 * Return 0, or -1 after reporting what is wrong on standard error (then m
 * holds nothing to free).
 */
int meta_load(struct meta *m, const char *path, const char *idcol,
    int format);

void meta_free(struct meta *m);

/* The column named name[0..len), or META_NONE; the first if it repeats. */
uint32_t meta_column(const struct meta *m, const char *name, size_t len);

/*
 * The column named name[0..len) for purpose (such as "--by Party"), or
 * META_NONE after reporting "FILE:1: no column NAME; the columns are
 * ..." or that the name is in the header twice.
 */
uint32_t meta_need_column(const struct meta *m, const char *name,
    size_t len, const char *purpose);

/* The name of column col (NUL-terminated). */
const char *meta_column_name(const struct meta *m, uint32_t col);

/* The row whose id is id[0..len), or META_NONE. */
static inline uint32_t
meta_row(const struct meta *m, const char *id, size_t len)
{
	return strtab_find(&m->ids, id, len);
}

/* Field col of row (NUL-terminated), its length in *len if not NULL. */
const char *meta_field(const struct meta *m, uint32_t row, uint32_t col,
    size_t *len);

/* The line of the file on which row starts, for messages. */
static inline unsigned long long
meta_line(const struct meta *m, uint32_t row)
{
	return m->lines[row];
}

#endif
