/*
 * Fuzz the metadata-table reader (lib/meta.h) and the groups made from it
 * (lib/group.h).  The first byte chooses how the rest is read: bits 0-1
 * the format (0 and 3 detect it, 1 TSV, 2 CSV), bit 2 the id column by
 * the name "id" instead of the first, bit 3 a grouping by the last column
 * with a period (year) instead of as it is.  A table that loads must keep
 * meta.h's promises: every row has the header's number of fields, no
 * field holds a TAB, CR, LF or NUL, every id is found in its own row and
 * no two are the same; the group of every id is its row's value (its
 * year, NA for an empty or "NA" value).  When the input is plain (valid
 * UTF-8 without NUL, CR or byte order mark), a second parser here, which
 * reads the whole input at once rather than line by line, must agree with
 * meta_load on whether the table is good and on every field.  The input
 * reaches meta_load through a pipe on standard input, not a file: writing
 * a file for every input made the harness wait on the disk.
 */

#include "fuzz.h"
#include "group.h"
#include "meta.h"

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

/* Records as the reference reads them: fields joined by NUL. */
struct ref {
	char *s;
	size_t len, cap;
	size_t nrecords;
	size_t *starts;		/* where each record starts in s */
	size_t *nfields;
	size_t reccap;
};

static void
ref_add(struct ref *r, const char *p, size_t n)
{
	if (r->cap - r->len < n + 1) {
		r->cap = 2 * (r->len + n + 1);
		if ((r->s = realloc(r->s, r->cap)) == NULL)
			abort();
	}
	memcpy(r->s + r->len, p, n);
	r->len += n;
}

static void
ref_byte(struct ref *r, char c)
{
	if (c == '\t' || c == '\n')
		c = ' ';
	ref_add(r, &c, 1);
}

static void
ref_end_field(struct ref *r)
{
	ref_add(r, "", 1);
	r->nfields[r->nrecords]++;
}

static void
ref_begin_record(struct ref *r)
{
	if (r->nrecords + 1 >= r->reccap) {
		r->reccap = 2 * r->reccap + 16;
		if ((r->starts = realloc(r->starts, r->reccap *
		    sizeof(*r->starts))) == NULL ||
		    (r->nfields = realloc(r->nfields, r->reccap *
		    sizeof(*r->nfields))) == NULL)
			abort();
	}
	r->starts[r->nrecords] = r->len;
	r->nfields[r->nrecords] = 0;
}

/*
 * Read s[0..n) as TSV or CSV, all at once: 0, or -1 for a quoting error
 * (text after a closing quote, a quote not closed).
 */
static int
ref_parse(struct ref *r, const char *s, size_t n, int csv)
{
	size_t i = 0;

	while (i < n) {
		if (s[i] == '\n') {	/* a blank line */
			i++;
			continue;
		}
		ref_begin_record(r);
		for (;;) {
			/* One field, then a separator or the record's end. */
			if (csv && s[i] == '"') {
				for (i++;; i++) {
					if (i == n)
						return -1;
					if (s[i] != '"') {
						ref_byte(r, s[i]);
						continue;
					}
					if (i + 1 < n && s[i + 1] == '"') {
						ref_byte(r, '"');
						i++;
						continue;
					}
					break;
				}
				i++;
				if (i < n && s[i] != ',' && s[i] != '\n')
					return -1;
			} else
				while (i < n && s[i] != '\n' &&
				    s[i] != (csv ? ',' : '\t'))
					ref_byte(r, s[i++]);
			ref_end_field(r);
			if (i == n || s[i] == '\n')
				break;
			i++;	/* the separator */
			if (i == n) {
				ref_end_field(r);	/* an empty last one */
				break;
			}
		}
		r->nrecords++;
		if (i < n)
			i++;	/* the LF */
	}
	return 0;
}

/* Whether the reference's records make a good table, as meta.h says. */
static int
ref_good(const struct ref *r, size_t idcol_named)
{
	size_t i, j, ncols, idcol = 0, k;
	const char *f, *g;

	if (r->nrecords < 2)
		return 0;
	ncols = r->nfields[0];
	if (idcol_named) {
		idcol = SIZE_MAX;
		f = r->s + r->starts[0];
		for (j = 0; j < ncols; j++, f += strlen(f) + 1)
			if (strcmp(f, "id") == 0) {
				if (idcol != SIZE_MAX)
					return 0;	/* twice */
				idcol = j;
			}
		if (idcol == SIZE_MAX)
			return 0;
	}
	for (i = 1; i < r->nrecords; i++) {
		if (r->nfields[i] != ncols)
			return 0;
		f = r->s + r->starts[i];
		for (j = 0; j < idcol; j++)
			f += strlen(f) + 1;
		if (*f == '\0')
			return 0;
		for (k = 1; k < i; k++) {	/* few rows: a plain search */
			g = r->s + r->starts[k];
			for (j = 0; j < idcol; j++)
				g += strlen(g) + 1;
			if (strcmp(f, g) == 0)
				return 0;
		}
	}
	return 1;
}

/* The table's record i (0 the header) as the reference holds it. */
static void
check_same(const struct meta *m, const struct ref *r)
{
	size_t i, len;
	uint32_t c;
	const char *f, *want;

	FUZZ_ASSERT(r->nrecords == (size_t)m->nrows + 1);
	for (i = 0; i < r->nrecords; i++) {
		FUZZ_ASSERT(r->nfields[i] == m->ncols);
		want = r->s + r->starts[i];
		for (c = 0; c < m->ncols; c++) {
			f = i == 0 ? meta_column_name(m, c) :
			    meta_field(m, (uint32_t)i - 1, c, &len);
			FUZZ_ASSERT(strcmp(f, want) == 0);
			want += strlen(want) + 1;
		}
	}
}

static void
check_field(const char *f, size_t len)
{
	FUZZ_ASSERT(strlen(f) == len);
	FUZZ_ASSERT(fuzz_valid_utf8(f, len));
	FUZZ_ASSERT(strpbrk(f, "\t\r\n") == NULL);
}

static void
check_groups(struct meta *m, int period)
{
	struct grouper g;
	char by[64];
	const char *last = meta_column_name(m, m->ncols - 1), *v, *name;
	size_t len, vlen;
	uint32_t row, id;

	if (strlen(last) > 40 || strchr(last, ':') != NULL)
		return;
	snprintf(by, sizeof(by), "col:%s%s", last, period ? ":year" : "");
	/* A column named "NAME:year" is taken as it is. */
	if (period && meta_column(m, by + 4, strlen(by + 4)) != META_NONE)
		period = 0;
	if (group_init(&g, by, m) < 0)
		return;
	for (row = 0; row < m->nrows; row++) {
		v = meta_field(m, row, m->idcol, &vlen);
		id = group_of_key(&g, v, vlen);
		FUZZ_ASSERT(id < group_count(&g));
		name = group_name(&g, id, &len);
		v = meta_field(m, row, m->ncols - 1, &vlen);
		if (vlen == 0 || strcmp(v, "NA") == 0)
			FUZZ_ASSERT(strcmp(name, "NA") == 0);
		else if (!period)
			FUZZ_ASSERT(len == vlen && memcmp(name, v, len) == 0);
		else
			FUZZ_ASSERT(len == 4 && memcmp(name, v, 4) == 0);
	}
	id = group_of_key(&g, "\xFF", 1);	/* never an id: not UTF-8 */
	FUZZ_ASSERT(strcmp(group_name(&g, id, &len), "NA") == 0);
	FUZZ_ASSERT(g.nmissing == 1);
	group_free(&g);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int formats[] = { META_AUTO, META_TSV, META_CSV,
		META_AUTO };
	struct meta m;
	struct ref ref = { 0 };
	const char *path, *text = (const char *)data + 1, *nl;
	size_t n, i, len;
	uint32_t row, c;
	int mode, format, plain, rc, csv, saved = -1;

	if (size == 0)
		return 0;
	mode = data[0];
	format = formats[mode & 3];
	n = size - 1;
	if (n < 65536) {
		saved = pipe_stdin(data + 1, n);
		path = "-";
	} else
		path = fuzz_file(data + 1, n);
	rc = meta_load(&m, path, mode & 4 ? "id" : NULL, format);
	if (saved >= 0) {
		dup2(saved, 0);
		close(saved);
	}

	if (rc == 0) {
		FUZZ_ASSERT(m.nrows >= 1 && m.ncols >= 1 &&
		    m.idcol < m.ncols);
		FUZZ_ASSERT(m.format == META_TSV || m.format == META_CSV);
		for (c = 0; c < m.ncols; c++) {
			const char *name = meta_column_name(&m, c);

			check_field(name, strlen(name));
		}
		for (row = 0; row < m.nrows; row++) {
			for (c = 0; c < m.ncols; c++) {
				const char *f = meta_field(&m, row, c, &len);

				check_field(f, len);
			}
			FUZZ_ASSERT(row == 0 ||
			    m.lines[row] > m.lines[row - 1]);
			meta_field(&m, row, m.idcol, &len);
			FUZZ_ASSERT(len > 0);
			FUZZ_ASSERT(meta_row(&m, meta_field(&m, row, m.idcol,
			    NULL), len) == row);
		}
		check_groups(&m, (mode & 8) != 0);
	}

	plain = n > 0 && fuzz_valid_utf8(text, n) &&
	    memchr(text, '\0', n) == NULL && memchr(text, '\r', n) == NULL &&
	    !(n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0);
	if (plain) {
		/* The format, from the first line that is not blank. */
		for (i = 0; i < n && text[i] == '\n'; i++)
			;
		nl = memchr(text + i, '\n', n - i);
		len = nl ? (size_t)(nl - (text + i)) : n - i;
		csv = format == META_CSV || (format == META_AUTO &&
		    memchr(text + i, '\t', len) == NULL &&
		    memchr(text + i, ',', len) != NULL);
		if (ref_parse(&ref, text, n, csv) == 0 &&
		    ref_good(&ref, (mode & 4) != 0)) {
			FUZZ_ASSERT(rc == 0);
			check_same(&m, &ref);
		} else
			FUZZ_ASSERT(rc == -1);
	}
	if (rc == 0)
		meta_free(&m);
	free(ref.s);
	free(ref.starts);
	free(ref.nfields);
	return 0;
}
