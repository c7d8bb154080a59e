/*
 * Groups of records for --by (group.h).  For a column, the group of every
 * row of the table is worked out once, when the grouper is made, so that a
 * record costs a hash lookup of its id at most, and a bad date is found
 * before any record is read.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "group.h"
#include "io.h"

static const char *const period_names[] = {
	[GROUP_PERIOD_DAY] = "day",
	[GROUP_PERIOD_MONTH] = "month",
	[GROUP_PERIOD_YEAR] = "year",
	[GROUP_PERIOD_DECADE] = "decade",
};

/* The digits s[0..n) as a number, or -1 if they are not all digits. */
static int
digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

int
group_parse_date(const char *s, size_t len, int *year, int *month, int *day)
{
	size_t n;
	int finest;

	*year = *month = *day = 0;
	/* A time after the date, "T10:30" or " 10:30", is no part of it. */
	for (n = 0; n < len && s[n] != 'T' && s[n] != ' '; n++)
		;
	if (n < 4 || (*year = digits(s, 4)) < 0)
		return 0;
	finest = GROUP_PERIOD_YEAR;
	if (n > 4) {
		if (n < 7 || s[4] != '-' || (*month = digits(s + 5, 2)) < 1 ||
		    *month > 12)
			return 0;
		finest = GROUP_PERIOD_MONTH;
	}
	if (n > 7) {
		if (n != 10 || s[7] != '-' || (*day = digits(s + 8, 2)) < 1 ||
		    *day > days_in_month(*year, *month))
			return 0;
		finest = GROUP_PERIOD_DAY;
	}
	return finest;
}

static uint32_t
name_group(struct grouper *g, const char *s, size_t len)
{
	return strtab_intern(&g->names, s, len, NULL);
}

static uint32_t
na_group(struct grouper *g)
{
	if (g->na == GROUP_SHORT)
		g->na = name_group(g, GROUP_NA, strlen(GROUP_NA));
	return g->na;
}

/*
 * The group of a row's value: the value itself, or its period; NA for an
 * empty value or "NA".  Return GROUP_SHORT after reporting a bad date.
 */
static uint32_t
value_group(struct grouper *g, uint32_t row)
{
	size_t len;
	const char *v = meta_field(g->meta, row, g->col, &len);
	char out[16];
	int year, month, day, finest;

	if (len == 0 || strcmp(v, GROUP_NA) == 0)
		return na_group(g);
	if (g->period == GROUP_PERIOD_NONE)
		return name_group(g, v, len);
	finest = group_parse_date(v, len, &year, &month, &day);
	if (finest == 0) {
		sp_warn_at(g->meta->name, meta_line(g->meta, row), "--by %s: "
		    "'%s' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)",
		    g->arg, v);
		return GROUP_SHORT;
	}
	if (finest > g->period) {
		sp_warn_at(g->meta->name, meta_line(g->meta, row), "--by %s: "
		    "the date '%s' has no %s", g->arg, v,
		    period_names[g->period]);
		return GROUP_SHORT;
	}
	switch (g->period) {
	case GROUP_PERIOD_DAY:
		return name_group(g, v, 10);
	case GROUP_PERIOD_MONTH:
		return name_group(g, v, 7);
	case GROUP_PERIOD_YEAR:
		return name_group(g, v, 4);
	default:
		memcpy(out, v, 3);
		memcpy(out + 3, "0s", 2);
		return name_group(g, out, 5);
	}
}

/*
 * Find the column that by names in g->meta, with its period if it ends in
 * ":year" and the like and the whole is no column.
 */
static int
find_column(struct grouper *g, const char *by)
{
	const struct meta *m = g->meta;
	const char *name = by, *colon;
	char *purpose;
	size_t len;
	int p;

	if (strncmp(name, "col:", 4) == 0)
		name += 4;
	len = strlen(name);
	g->period = GROUP_PERIOD_NONE;
	if (meta_column(m, name, len) == META_NONE &&
	    (colon = strrchr(name, ':')) != NULL) {
		for (p = GROUP_PERIOD_DAY; p <= GROUP_PERIOD_DECADE; p++)
			if (strcmp(colon + 1, period_names[p]) == 0)
				break;
		if (p <= GROUP_PERIOD_DECADE) {
			g->period = p;
			len = (size_t)(colon - name);
		}
	}
	purpose = xmalloc(strlen(by) + 6);
	memcpy(purpose, "--by ", 5);
	strcpy(purpose + 5, by);
	g->col = meta_need_column(m, name, len, purpose);
	free(purpose);
	return g->col == META_NONE ? -1 : 0;
}

int
group_init(struct grouper *g, const char *by, const struct meta *m)
{
	uint32_t row;

	memset(g, 0, sizeof(*g));
	g->arg = by;
	g->na = GROUP_SHORT;
	g->lastlen = (size_t)-1;
	strtab_init(&g->names);
	if (strncmp(by, "col:", 4) != 0 && (g->fields = record_parse_by(by))) {
		g->kind = GROUP_KEY;
		return 0;
	}
	if (m == NULL) {
		if (strncmp(by, "col:", 4) == 0)
			sp_warn("--by %s: a column of a metadata table needs "
			    "--meta FILE", by);
		else
			sp_warn("--by %s: not doc, para, sent or a number from "
			    "1 to 1000 (a column of a metadata table needs "
			    "--meta FILE)", by);
		goto fail;
	}
	g->kind = GROUP_COLUMN;
	g->fields = 1;
	g->meta = m;
	if (find_column(g, by) < 0)
		goto fail;
	g->row_group = xreallocarray(NULL, m->nrows ? m->nrows : 1,
	    sizeof(*g->row_group));
	for (row = 0; row < m->nrows; row++)
		if ((g->row_group[row] = value_group(g, row)) == GROUP_SHORT)
			goto fail;
	strtab_init(&g->missing);
	return 0;
fail:
	group_free(g);
	return -1;
}

void
group_free(struct grouper *g)
{
	if (g->names.slots != NULL)
		strtab_free(&g->names);
	if (g->missing.slots != NULL)
		strtab_free(&g->missing);
	free(g->row_group);
	free(g->last);
	g->row_group = NULL;
	g->last = NULL;
	g->lastlen = (size_t)-1;
}

size_t
group_key_level(const struct opt *o, const char *by)
{
	size_t level = strncmp(by, "col:", 4) == 0 ? 0 : record_parse_by(by);

	if (level == 0)
		opt_usage_error(o, "--by: '%s' is not doc, para, sent or a "
		    "number from 1 to 1000 (a column of a metadata table needs "
		    "--meta FILE)", by);
	return level;
}

void
group_open(struct grouper *g, struct meta *meta, const char *by,
    const char *meta_path, const char *id_column)
{
	if (meta_load(meta, meta_path, id_column, META_AUTO) < 0)
		sp_exit(2);
	if (group_init(g, by, meta) < 0) {
		meta_free(meta);
		sp_exit(2);
	}
}

/* Note an id that is not in the table. */
static void
note_missing(struct grouper *g, const char *id, size_t len)
{
	int added;

	if (g->nmissing >= GROUP_MISSING_MAX) {
		/* Memory stays bounded: the rest are only noticed. */
		if (!g->missing_more)
			g->missing_more = strtab_find(&g->missing, id, len) ==
			    STRTAB_NONE;
		return;
	}
	strtab_intern(&g->missing, id, len, &added);
	g->nmissing += added;
}

uint32_t
group_of_slow(struct grouper *g, const char *key, size_t len)
{
	uint32_t row, group;

	if (g->kind == GROUP_KEY)
		group = name_group(g, key, len);
	else if ((row = meta_row(g->meta, key, len)) != META_NONE)
		group = g->row_group[row];
	else {
		note_missing(g, key, len);
		group = na_group(g);
	}
	if (g->lastcap < len) {
		g->lastcap = len > 2 * g->lastcap ? len : 2 * g->lastcap;
		free(g->last);
		g->last = xmalloc(g->lastcap);
	}
	if (len > 0)
		memcpy(g->last, key, len);
	g->lastlen = len;
	g->lastgroup = group;
	return group;
}

void
group_warn_short(const struct grouper *g, const char *file,
    unsigned long long line, const struct record *rec)
{
	size_t have = record_key_fields(rec);

	if (g->kind == GROUP_COLUMN)
		sp_warn_at(file, line, "--by %s needs a key whose first field "
		    "is an id of %s, the record has no key", g->arg,
		    g->meta->name);
	else
		sp_warn_at(file, line, "--by %s needs %zu key field%s, the "
		    "record has %zu", g->arg, g->fields, g->fields == 1 ? "" :
		    "s", have);
}

size_t
group_report_missing(const struct grouper *g)
{
	const char *first;
	size_t len;

	if (g->kind != GROUP_COLUMN || g->nmissing == 0)
		return 0;
	first = strtab_key(&g->missing, 0);
	len = strtab_len(&g->missing, 0);
	sp_warn("%s: %s%zu id%s not in the table (first: %.*s%s); their "
	    "records are counted as " GROUP_NA, g->meta->name,
	    g->missing_more ? "more than " : "", g->nmissing,
	    g->nmissing == 1 && !g->missing_more ? "" : "s",
	    len > 0 ? sp_quote_len(first, len) : 12,
	    len > 0 ? first : "the empty id", sp_quote_more(len));
	return g->nmissing;
}
