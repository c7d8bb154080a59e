/*
 * Unit tests for lib/meta.c, the metadata-table reader: every error
 * message exactly as a user sees it, TSV and CSV (quoting, doubled quotes,
 * line breaks inside quotes), CRLF, a byte order mark, blank lines, the id
 * column by name, and a table of a million rows (that it loads and every
 * id is found, not how fast).  The tests run in a fresh temporary folder,
 * so messages name the files as "meta.tsv" and the like.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "meta.h"
#include "unit.h"

static char errbuf[4096];

static void
write_file(const char *name, const char *text, size_t len)
{
	FILE *f = fopen(name, "wb");

	if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		perror(name);
		exit(2);
	}
}

/* Load name holding text; what went to standard error is in errbuf. */
static int
load_n(struct meta *m, const char *name, const char *text, size_t len,
    const char *idcol, int format)
{
	int saved, fd, rc;
	ssize_t n;

	write_file(name, text, len);
	fflush(stderr);
	saved = dup(2);
	fd = open("stderr.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (saved < 0 || fd < 0)
		exit(2);
	dup2(fd, 2);
	rc = meta_load(m, name, idcol, format);
	unlink(name);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, errbuf, sizeof(errbuf) - 1);
	errbuf[n > 0 ? n : 0] = '\0';
	close(fd);
	return rc;
}

static int
load(struct meta *m, const char *name, const char *text, const char *idcol)
{
	return load_n(m, name, text, strlen(text), idcol, META_AUTO);
}

/* A table that fails to load, with its message. */
static void
check_error_n(const char *name, const char *text, size_t len,
    const char *idcol, const char *want)
{
	struct meta m;

	CHECK_INT(load_n(&m, name, text, len, idcol, META_AUTO), -1);
	CHECK_STR(errbuf, want);
	CHECK(m.text == NULL && m.rows == NULL && m.nrows == 0);
}

static void
check_error(const char *name, const char *text, const char *idcol,
    const char *want)
{
	check_error_n(name, text, strlen(text), idcol, want);
}

static void
test_errors(void)
{
	check_error("meta.tsv", "", NULL, "sp: meta.tsv: empty file: a "
	    "metadata table starts with a header row naming its columns\n");
	check_error("meta.tsv", "\n\n\r\n", NULL, "sp: meta.tsv: empty file: "
	    "a metadata table starts with a header row naming its columns\n");
	check_error("meta.tsv", "\xEF\xBB\xBF", NULL, "sp: meta.tsv: empty "
	    "file: a metadata table starts with a header row naming its "
	    "columns\n");
	check_error("meta.tsv", "id\tparty\n", NULL,
	    "sp: meta.tsv:1: a header but no rows\n");
	check_error("meta.tsv", "\nid\tparty\n\n", NULL,
	    "sp: meta.tsv:2: a header but no rows\n");
	check_error("meta.tsv", "id\tparty\tdate\nu1\tLab\t2019\nu2\tCon\n",
	    NULL, "sp: meta.tsv:3: 2 fields, but the header has 3\n");
	check_error("meta.tsv", "id\tparty\nu1\tLab\tx\n", NULL,
	    "sp: meta.tsv:2: 3 fields, but the header has 2\n");
	check_error("meta.tsv", "id\tparty\nu1\n", NULL,
	    "sp: meta.tsv:2: 1 field, but the header has 2\n");
	check_error("meta.tsv", "id\tparty\nu1\tLab\n\tCon\n", NULL,
	    "sp: meta.tsv:3: empty id (column id)\n");
	check_error("meta.tsv", "party\tid\nLab\tu1\nCon\t\n", "id",
	    "sp: meta.tsv:3: empty id (column id)\n");
	check_error("meta.tsv", "id\tparty\nu1\tLab\nu2\tCon\n\nu1\tLD\n",
	    NULL, "sp: meta.tsv:5: id 'u1' (column id) is also on line 2\n");
	check_error("meta.tsv", "id\tparty\nu1\tLab\n", "Speaker_ID",
	    "sp: meta.tsv:1: no column 'Speaker_ID' (the id column); the "
	    "columns are: id, party\n");
	check_error("meta.tsv", "id\tparty\tid\nu1\tLab\tu2\n", "id",
	    "sp: meta.tsv:1: column 'id' (the id column) is in the header "
	    "twice: columns 1 and 3\n");
	check_error_n("meta.tsv", "id\tparty\nu1\tLab\nu2\tC\0n\n", 23, NULL,
	    "sp: meta.tsv:3: NUL byte: not a text file; rest of file "
	    "skipped\n");
	/* CSV */
	check_error("meta.csv", "id,party\n\"u1\",\"Lab\"x\n", NULL,
	    "sp: meta.csv:2: field 2: text after the closing quote (a quote "
	    "inside a quoted field is written \"\")\n");
	check_error("meta.csv", "id,party\nu1,\"Lab\nu2,Con\n", NULL,
	    "sp: meta.csv:2: quoted field not closed before the end of the "
	    "file\n");
	check_error("meta.csv", "id,party\nu1,\"La\nb\",x\nu2,Con\n", NULL,
	    "sp: meta.csv:2: 3 fields, but the header has 2 (the row runs to "
	    "line 3: a quoted field holds a line break)\n");
	check_error("meta.csv", "id,party\nu1,Lab,\n", NULL,
	    "sp: meta.csv:2: 3 fields, but the header has 2\n");
	check_error("meta.csv", "id,party\n\"\",Lab\n", NULL,
	    "sp: meta.csv:2: empty id (column id)\n");
}

/* A header of many columns is listed up to about 2000 bytes, then "...". */
static void
test_long_header(void)
{
	struct meta m;
	char text[8192], want[4096];
	size_t len = 0, wlen = 0;
	int c;

	wlen = (size_t)sprintf(want, "sp: wide.tsv:1: no column 'nope' (the id "
	    "column); the columns are: ");
	for (c = 0; c < 400; c++) {
		len += (size_t)sprintf(text + len, "%scolumn_%03d",
		    c > 0 ? "\t" : "", c);
		/*
		 * Names are 10 bytes, 12 with ", ": before name k the list
		 * holds 12k bytes, past 2000 first for k = 167.
		 */
		if (c < 167)
			wlen += (size_t)sprintf(want + wlen, "%scolumn_%03d",
			    c > 0 ? ", " : "", c);
	}
	len += (size_t)sprintf(text + len, "\n");
	for (c = 0; c < 400; c++)
		len += (size_t)sprintf(text + len, "%sx", c > 0 ? "\t" : "");
	len += (size_t)sprintf(text + len, "\n");
	sprintf(want + wlen, ", ...\n");
	CHECK_INT(load_n(&m, "wide.tsv", text, len, "nope", META_AUTO), -1);
	CHECK_STR(errbuf, want);
}

static void
test_missing_file(void)
{
	struct meta m;
	int saved = dup(2), fd = open("stderr.txt", O_RDWR | O_CREAT | O_TRUNC,
	    0600);
	ssize_t n;

	fflush(stderr);
	dup2(fd, 2);
	CHECK_INT(meta_load(&m, "no-such.tsv", NULL, META_AUTO), -1);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, errbuf, sizeof(errbuf) - 1);
	errbuf[n > 0 ? n : 0] = '\0';
	close(fd);
	CHECK_STR(errbuf, "sp: no-such.tsv: No such file or directory\n");
}

/* Field col of row as a string, for CHECK_STR. */
static const char *
field(const struct meta *m, uint32_t row, uint32_t col)
{
	return meta_field(m, row, col, NULL);
}

static void
test_tsv(void)
{
	struct meta m;
	size_t len;

	/* A BOM, CRLF, blank lines, a trailing empty field, a lone CR. */
	CHECK_INT(load(&m, "index.tsv", "\xEF\xBB\xBFid\tspeaker\tdate\r\n"
	    "\r\njavid\tSajid Javid\t2018-06-04\r\nkhan\tSadiq Khan\t\r\n"
	    "dick\tCressida\rDick\t2017\r\n\r\n", NULL), 0);
	CHECK_STR(errbuf, "");
	CHECK_INT(m.format, META_TSV);
	CHECK_INT(m.ncols, 3);
	CHECK_INT(m.nrows, 3);
	CHECK_INT(m.idcol, 0);
	CHECK_INT(m.header_line, 1);
	CHECK_STR(meta_column_name(&m, 0), "id");
	CHECK_STR(meta_column_name(&m, 2), "date");
	CHECK_INT(meta_column(&m, "speaker", 7), 1);
	CHECK_INT(meta_column(&m, "Speaker", 7), META_NONE);
	CHECK_INT(meta_column(&m, "spea", 4), META_NONE);
	CHECK_INT(meta_row(&m, "khan", 4), 1);
	CHECK_INT(meta_row(&m, "kha", 3), META_NONE);
	CHECK_INT(meta_row(&m, "khan\r", 5), META_NONE);
	CHECK_STR(field(&m, 0, 1), "Sajid Javid");
	CHECK_STR(meta_field(&m, 1, 1, &len), "Sadiq Khan");
	CHECK_INT(len, 10);
	CHECK_STR(meta_field(&m, 1, 2, &len), "");
	CHECK_INT(len, 0);
	CHECK_STR(field(&m, 2, 1), "Cressida Dick");
	CHECK_INT(meta_line(&m, 0), 3);
	CHECK_INT(meta_line(&m, 2), 5);
	meta_free(&m);

	/* The id column by name; quotes are ordinary characters in TSV. */
	CHECK_INT(load(&m, "meta.txt", "Title\tText_ID\n\"A, B\"\tu1\n"
	    "C\tu2\n", "Text_ID"), 0);
	CHECK_INT(m.idcol, 1);
	CHECK_INT(meta_row(&m, "u2", 2), 1);
	CHECK_STR(field(&m, 0, 0), "\"A, B\"");
	meta_free(&m);

	/* One column; invalid UTF-8 is repaired with a warning. */
	CHECK_INT(load(&m, "ids.tsv", "id\nu\xFF" "1\n", NULL), 0);
	CHECK_STR(errbuf, "sp: ids.tsv: 1 invalid UTF-8 sequence replaced "
	    "by U+FFFD\n");
	CHECK_INT(m.ncols, 1);
	CHECK_INT(meta_row(&m, "u\xEF\xBF\xBD" "1", 5), 0);
	meta_free(&m);

	/* An empty column name (R's write.table row names). */
	CHECK_INT(load(&m, "r.tsv", "\tid\tparty\n1\tu1\tLab\n", "id"), 0);
	CHECK_STR(meta_column_name(&m, 0), "");
	CHECK_INT(meta_row(&m, "u1", 2), 0);
	meta_free(&m);
}

static void
test_csv(void)
{
	struct meta m;

	/*
	 * Quoted fields with commas, doubled quotes, an empty quoted field,
	 * a line break (CRLF) inside quotes, and a TAB inside quotes.
	 */
	CHECK_INT(load(&m, "meta.CSV", "id,name,note\r\n"
	    "u1,\"Smith, John\",\"He said \"\"no\"\"\"\r\n"
	    "\"u2\",\"\",\"two\r\nlines\"\r\n"
	    "u3,a\"b,\"x\ty\"\r\n", NULL), 0);
	CHECK_STR(errbuf, "");
	CHECK_INT(m.format, META_CSV);
	CHECK_INT(m.nrows, 3);
	CHECK_STR(field(&m, 0, 1), "Smith, John");
	CHECK_STR(field(&m, 0, 2), "He said \"no\"");
	CHECK_STR(field(&m, 1, 0), "u2");
	CHECK_STR(field(&m, 1, 1), "");
	CHECK_STR(field(&m, 1, 2), "two lines");
	CHECK_STR(field(&m, 2, 1), "a\"b");
	CHECK_STR(field(&m, 2, 2), "x y");
	CHECK_INT(meta_line(&m, 2), 5);
	meta_free(&m);

	/* Detected by the header: commas and no TAB. */
	CHECK_INT(load(&m, "index.txt", "id,party\nu1,Lab\n", NULL), 0);
	CHECK_INT(m.format, META_CSV);
	CHECK_STR(field(&m, 0, 1), "Lab");
	meta_free(&m);
	/* A TAB in the header makes it TSV, commas and all. */
	CHECK_INT(load(&m, "index.txt", "id\tparty,name\nu1\tLab,X\n", NULL),
	    0);
	CHECK_INT(m.format, META_TSV);
	CHECK_STR(field(&m, 0, 1), "Lab,X");
	meta_free(&m);
	/* Asked for: TSV, though the name says CSV. */
	CHECK_INT(load_n(&m, "t.csv", "id,x\tparty\nu1,y\tLab\n", 20, NULL,
	    META_TSV), 0);
	CHECK_INT(m.format, META_TSV);
	CHECK_STR(field(&m, 0, 0), "u1,y");
	meta_free(&m);

	/* A quoted field ending in a blank line, then more. */
	CHECK_INT(load(&m, "b.csv", "id,t\nu1,\"a\n\nb\"\nu2,c\n", NULL), 0);
	CHECK_STR(field(&m, 0, 1), "a  b");
	CHECK_INT(meta_line(&m, 1), 5);
	meta_free(&m);
}

/*
 * A million rows: all load, every id is found in its row, and a few that
 * are not there are not found.
 */
static void
test_million(void)
{
	enum { ROWS = 1000000 };
	struct meta m;
	char *text, id[32];
	size_t len = 0, cap = (size_t)ROWS * 48 + 64;
	uint32_t i, found = 0;
	int n;

	text = xmalloc(cap);
	len += (size_t)sprintf(text, "Text_ID\tSpeaker_party\tDate\n");
	for (i = 0; i < ROWS; i++)
		len += (size_t)sprintf(text + len, "ParlaMint_%07u\tP%u\t"
		    "20%02u-%02u-01\n", i, i % 7, i % 23, 1 + i % 12);
	CHECK_INT(load_n(&m, "big.tsv", text, len, NULL, META_AUTO), 0);
	free(text);
	CHECK_INT(m.nrows, ROWS);
	for (i = 0; i < ROWS; i++) {
		n = sprintf(id, "ParlaMint_%07u", i);
		found += meta_row(&m, id, (size_t)n) == i;
	}
	CHECK_INT(found, ROWS);
	CHECK_INT(meta_row(&m, "ParlaMint_1000000", 17), META_NONE);
	CHECK_INT(meta_row(&m, "ParlaMint_", 10), META_NONE);
	/* 999999 = 7 * 142857 */
	CHECK_STR(field(&m, ROWS - 1, 1), "P0");
	CHECK_INT(meta_line(&m, ROWS - 1), ROWS + 1);
	meta_free(&m);
}

int
main(void)
{
	char dir[] = "/tmp/test_meta.XXXXXX";

	if (mkdtemp(dir) == NULL || chdir(dir) != 0) {
		perror(dir);
		return 2;
	}
	test_errors();
	test_long_header();
	test_missing_file();
	test_tsv();
	test_csv();
	test_million();
	unlink("stderr.txt");
	if (chdir("/") != 0 || rmdir(dir) != 0)
		perror(dir);
	UNIT_DONE();
}
