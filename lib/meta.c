/*
 * The metadata-table reader of meta.h.  Lines come from the reader of
 * io.h; a record (the header or a row) is parsed into the table's text
 * field by field, each field ending in a NUL, and is checked when it is
 * complete.  A CSV record whose quoted field holds a line break goes on
 * over the next lines, so the parser keeps its state between lines.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "io.h"
#include "meta.h"

struct parse {
	struct meta *m;
	struct reader r;
	int csv;
	int in_quote;		/* inside a quoted field going on to the next
				   line */
	unsigned long long quote_line;	/* where that field opened */
	unsigned long long start_line;	/* where the record started */
	size_t start;		/* where its text starts in m->text */
	uint32_t nfields;	/* its fields so far */
	int header_done;
};

static void
text_room(struct meta *m, size_t n)
{
	if (m->textcap - m->textlen < n) {
		m->textcap = m->textcap * 2 > m->textlen + n ? m->textcap * 2 :
		    m->textlen + n;
		m->text = xrealloc(m->text, m->textcap);
	}
}

/*
 * Append s[0..n) to the field being read, with a TAB or CR (which sp's
 * records cannot carry) made a space.
 */
static void
field_add(struct meta *m, const char *s, size_t n)
{
	char *d;
	size_t i;

	text_room(m, n);
	d = m->text + m->textlen;
	for (i = 0; i < n; i++)
		d[i] = s[i] == '\t' || s[i] == '\r' ? ' ' : s[i];
	m->textlen += n;
}

static void
field_end(struct parse *p)
{
	text_room(p->m, 1);
	p->m->text[p->m->textlen++] = '\0';
	if (p->nfields == UINT32_MAX)
		sp_die("%s: too many fields", p->m->name);
	p->nfields++;
}

/* The TSV fields of one line. */
static void
tsv_line(struct parse *p, const char *line, size_t len)
{
	const char *tab, *end = line + len;

	for (;;) {
		tab = memchr(line, '\t', (size_t)(end - line));
		field_add(p->m, line, (size_t)((tab ? tab : end) - line));
		field_end(p);
		if (tab == NULL)
			return;
		line = tab + 1;
	}
}

/*
 * The CSV fields of one line: 1 if the record is complete, 0 if a quoted
 * field goes on to the next line, -1 after reporting an error.
 */
static int
csv_line(struct parse *p, const char *line, size_t len)
{
	size_t i = 0, j;
	const char *q;

	for (;;) {
		if (!p->in_quote) {
			if (i < len && line[i] == '"') {
				p->in_quote = 1;
				p->quote_line = p->r.lineno;
				i++;
			} else {
				/* Unquoted: up to the next comma. */
				for (j = i; j < len && line[j] != ','; j++)
					;
				field_add(p->m, line + i, j - i);
				field_end(p);
				if (j == len)
					return 1;
				i = j + 1;
				continue;
			}
		}
		/* Inside quotes: up to a quote that is not doubled. */
		for (;;) {
			q = memchr(line + i, '"', len - i);
			if (q == NULL) {
				field_add(p->m, line + i, len - i);
				/* The line break. */
				field_add(p->m, " ", 1);
				return 0;
			}
			j = (size_t)(q - line);
			field_add(p->m, line + i, j - i);
			if (j + 1 < len && line[j + 1] == '"') {
				field_add(p->m, "\"", 1);
				i = j + 2;
				continue;
			}
			i = j + 1;
			break;
		}
		p->in_quote = 0;
		field_end(p);
		if (i == len)
			return 1;
		if (line[i] != ',') {
			sp_warn_at(p->m->name, p->r.lineno, "field %lu: text "
			    "after the closing quote (a quote inside a quoted "
			    "field is written \"\")",
			    (unsigned long)p->nfields);
			return -1;
		}
		i++;	/* a comma at the end: then an empty last field */
	}
}

/*
 * The column names for a message, separated by ", ", in b (NUL-terminated;
 * the caller frees b->s).  A header of thousands of columns is cut short.
 */
static void
list_columns(const struct meta *m, struct buf *b)
{
	uint32_t c;
	const char *name;

	for (c = 0; c < m->ncols; c++) {
		if (c > 0)
			buf_add(b, ", ", 2);
		if (b->len > 2000) {
			buf_add(b, "...", 3);
			break;
		}
		name = meta_column_name(m, c);
		buf_add(b, name, strlen(name));
	}
	buf_add(b, "", 1);
}

uint32_t
meta_column(const struct meta *m, const char *name, size_t len)
{
	uint32_t c;
	const char *s = m->text;
	size_t k;

	for (c = 0; c < m->ncols; c++) {
		k = strlen(s);
		if (k == len && memcmp(s, name, len) == 0)
			return c;
		s += k + 1;
	}
	return META_NONE;
}

uint32_t
meta_need_column(const struct meta *m, const char *name, size_t len,
    const char *purpose)
{
	uint32_t c = meta_column(m, name, len), d;
	struct buf cols = { NULL, 0, 0 };
	const char *s;

	if (c == META_NONE) {
		list_columns(m, &cols);
		sp_warn_at(m->name, m->header_line, "no column '%.*s' (%s); "
		    "the columns are: %s", (int)len, name, purpose, cols.s);
		free(cols.s);
		return META_NONE;
	}
	for (d = c + 1; d < m->ncols; d++) {
		s = meta_column_name(m, d);
		if (strlen(s) == len && memcmp(s, name, len) == 0) {
			sp_warn_at(m->name, m->header_line, "column '%.*s' "
			    "(%s) is in the header twice: columns %lu and %lu",
			    (int)len, name, purpose, (unsigned long)c + 1,
			    (unsigned long)d + 1);
			return META_NONE;
		}
	}
	return c;
}

const char *
meta_column_name(const struct meta *m, uint32_t col)
{
	const char *s = m->text;

	while (col-- > 0)
		s += strlen(s) + 1;
	return s;
}

const char *
meta_field(const struct meta *m, uint32_t row, uint32_t col, size_t *len)
{
	const char *s = m->text + m->rows[row];

	while (col-- > 0)
		s += strlen(s) + 1;
	if (len != NULL)
		*len = strlen(s);
	return s;
}

/* Whether path ends in ".csv", in any case. */
static int
csv_name(const char *path)
{
	size_t n = strlen(path), i;
	const char *ext = ".csv";

	if (n < 4)
		return 0;
	for (i = 0; i < 4; i++)
		if ((path[n - 4 + i] | 0x20) != ext[i])
			return 0;
	return 1;
}

/* The header is complete: find the id column. */
static int
header_done(struct parse *p, const char *idcol)
{
	struct meta *m = p->m;

	m->ncols = p->nfields;
	m->header_line = p->start_line;
	p->header_done = 1;
	if (idcol == NULL) {
		m->idcol = 0;
		return 0;
	}
	m->idcol = meta_need_column(m, idcol, strlen(idcol), "the id column");
	return m->idcol == META_NONE ? -1 : 0;
}

/* A row is complete: check it and index its id. */
static int
row_done(struct parse *p, unsigned long long end_line)
{
	struct meta *m = p->m;
	const char *id;
	size_t idlen;
	uint32_t row;
	int added;

	if (p->nfields != m->ncols) {
		if (end_line > p->start_line)
			sp_warn_at(m->name, p->start_line, "%lu field%s, but "
			    "the header has %lu (the row runs to line %llu: a "
			    "quoted field holds a line break)",
			    (unsigned long)p->nfields, p->nfields == 1 ? "" :
			    "s", (unsigned long)m->ncols, end_line);
		else
			sp_warn_at(m->name, p->start_line, "%lu field%s, but "
			    "the header has %lu", (unsigned long)p->nfields,
			    p->nfields == 1 ? "" : "s",
			    (unsigned long)m->ncols);
		return -1;
	}
	if (m->nrows == m->rowcap) {
		m->rowcap = m->rowcap ? 2 * m->rowcap : 1024;
		m->rows = xreallocarray(m->rows, m->rowcap, sizeof(*m->rows));
		m->lines = xreallocarray(m->lines, m->rowcap,
		    sizeof(*m->lines));
	}
	m->rows[m->nrows] = p->start;
	m->lines[m->nrows] = p->start_line;
	id = meta_field(m, m->nrows, m->idcol, &idlen);
	if (idlen == 0) {
		sp_warn_at(m->name, p->start_line, "empty id (column %s)",
		    meta_column_name(m, m->idcol));
		return -1;
	}
	row = strtab_intern(&m->ids, id, idlen, &added);
	if (!added) {
		sp_warn_at(m->name, p->start_line, "id '%.*s%s' (column %s) "
		    "is also on line %llu", sp_quote_len(id, idlen), id,
		    sp_quote_more(idlen), meta_column_name(m, m->idcol),
		    m->lines[row]);
		return -1;
	}
	if (m->nrows == META_NONE - 1)
		sp_die("%s: too many rows", m->name);
	m->nrows++;
	return 0;
}

void
meta_free(struct meta *m)
{
	free(m->text);
	free(m->rows);
	free(m->lines);
	if (m->ids.slots != NULL)
		strtab_free(&m->ids);
	memset(m, 0, sizeof(*m));
}

int
meta_load(struct meta *m, const char *path, const char *idcol, int format)
{
	struct parse p;
	char *line;
	size_t len;
	int got, done;

	memset(m, 0, sizeof(*m));
	memset(&p, 0, sizeof(p));
	p.m = m;
	if (reader_open(&p.r, path) < 0)
		return -1;
	m->name = p.r.name;
	m->textcap = 4096;
	m->text = xmalloc(m->textcap);
	strtab_init(&m->ids);
	if (format == META_AUTO && csv_name(path))
		format = META_CSV;
	while ((got = reader_next(&p.r, &line, &len)) > 0) {
		if (len == 0 && !p.in_quote)
			continue;	/* a blank line: no record */
		if (!p.in_quote) {
			if (format == META_AUTO)
				format = memchr(line, '\t', len) == NULL &&
				    memchr(line, ',', len) != NULL ?
				    META_CSV : META_TSV;
			p.csv = format == META_CSV;
			p.start = m->textlen;
			p.start_line = p.r.lineno;
			p.nfields = 0;
		}
		if (p.csv) {
			if ((done = csv_line(&p, line, len)) < 0)
				goto fail;
			if (done == 0)
				continue;
		} else
			tsv_line(&p, line, len);
		if (!p.header_done) {
			if (header_done(&p, idcol) < 0)
				goto fail;
		} else if (row_done(&p, p.r.lineno) < 0)
			goto fail;
	}
	if (got < 0)
		goto fail;
	if (p.in_quote) {
		sp_warn_at(m->name, p.quote_line, "quoted field not closed "
		    "before the end of the file");
		goto fail;
	}
	if (!p.header_done) {
		sp_warn("%s: empty file: a metadata table starts with a header "
		    "row naming its columns", m->name);
		goto fail;
	}
	if (m->nrows == 0) {
		sp_warn_at(m->name, m->header_line, "a header but no rows");
		goto fail;
	}
	m->format = format;
	if (reader_close(&p.r) < 0) {
		meta_free(m);
		return -1;
	}
	return 0;
fail:
	reader_close(&p.r);
	meta_free(m);
	return -1;
}
