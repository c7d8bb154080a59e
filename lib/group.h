/*
 * Groups of records for --by, the same in every program.  A --by value
 * names either a prefix of the key, as record_parse_by reads it ("doc",
 * "para", "sent" or a number of key fields), or, with a metadata table
 * (meta.h), a column of the table: the group of a record is then that
 * column's value in the row whose id is the record's first key field.
 *
 *	--by doc		the first key field
 *	--by Speaker_party	the column Speaker_party
 *	--by Date:year		a column of ISO dates, by period: year
 *				(2019), month (2019-03), day (2019-03-12)
 *				or decade (2010s)
 *	--by col:doc		the column "doc", not the key level
 *
 * A column whose whole name is given is taken as it is, so a column named
 * "Date:year" is never read as Date by year.  Dates are YYYY, YYYY-MM or
 * YYYY-MM-DD, optionally followed by "T" or a space and a time, which is
 * ignored.
 * Every value of a date column is checked when the grouper is made, so a
 * bad date is an error naming the table's line before any record is read.
 *
 * Records whose id is not in the table, and rows whose value is empty or
 * "NA", go to the group NA.  The grouper counts the distinct ids that were
 * missing, and group_report_missing says so once.
 *
 * Each group has a small integer id, dense from 0 in order of first
 * appearance, and a name: a command keeps per-group data in arrays.
 * Consecutive records almost always share their group's key, so the last
 * key and its group are kept: most records cost one comparison.
 *
 * A command (sp-count, sp-grep -c/-l, sp-topics, sp-scale) takes --by so:
 * without --meta, group_key_level(&o, by_arg) gives the number of key
 * fields (or a usage error), and the command groups by that prefix of the
 * key itself; with --meta,
 *
 *	group_open(&by, &meta, by_arg, meta_path, id_column);
 *	for each record rec, line lineno of file:
 *		g = group_of(&by, &rec);
 *		if (g == GROUP_SHORT)
 *			group_warn_short(&by, file, lineno, &rec), status 2;
 *		else
 *			counts[g]++ (an array grown to group_count(&by)),
 *			or group_name(&by, g, &len) where text is needed;
 *	group_report_missing(&by);
 *
 * Per-document covariates (sp-topics, sp-scale) come from the table
 * itself: meta_row for a document's id, meta_field for a column.
 */
#ifndef SP_GROUP_H
#define SP_GROUP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hash.h"
#include "meta.h"
#include "opt.h"
#include "record.h"

/* group_of for a record with fewer key fields than the grouping needs. */
#define GROUP_SHORT UINT32_MAX

/* The group of missing ids and values. */
#define GROUP_NA "NA"

enum group_kind {
	GROUP_KEY = 1,		/* a prefix of the key */
	GROUP_COLUMN		/* a column of the metadata table */
};

enum group_period {
	GROUP_PERIOD_NONE,
	GROUP_PERIOD_DAY,
	GROUP_PERIOD_MONTH,
	GROUP_PERIOD_YEAR,
	GROUP_PERIOD_DECADE
};

/* Distinct missing ids are counted exactly up to this many. */
#define GROUP_MISSING_MAX 100000

struct grouper {
	const char *arg;	/* the --by value, for messages */
	int kind;		/* enum group_kind */
	size_t fields;		/* key fields that make the key looked at */
	int period;		/* enum group_period */
	const struct meta *meta;	/* GROUP_COLUMN only */
	uint32_t col;
	uint32_t *row_group;	/* the group of each row of the table */
	struct strtab names;	/* group i is named by entry i */
	uint32_t na;		/* the group NA, or GROUP_SHORT before use */
	char *last;		/* the key looked at last, and its group */
	size_t lastlen, lastcap;
	uint32_t lastgroup;
	struct strtab missing;	/* ids not in the table, the first few */
	size_t nmissing;	/* how many distinct, up to the maximum */
	int missing_more;	/* there were more than GROUP_MISSING_MAX */
};

/*
 * Make a grouper for the --by value by: a key level, or with a table m
 * (NULL if none) one of its columns as above.  Return 0, or -1 after
 * reporting what is wrong: a value that is neither (naming --meta if m is
 * NULL), an unknown or ambiguous column (listing the columns), a value
 * that is not a date (naming the table's line), a date without the month
 * or day that its period needs.  by must outlive g.
 */
int group_init(struct grouper *g, const char *by, const struct meta *m);

/*
 * --by without --meta: the key level that by names, or a usage error of o
 * that says a column needs a table.
 */
size_t group_key_level(const struct opt *o, const char *by);

/*
 * --by with --meta (and --id-column, or NULL): load the table into meta
 * and make g for by; an error in either is said and exits with status 2.
 */
void group_open(struct grouper *g, struct meta *meta, const char *by,
    const char *meta_path, const char *id_column);

void group_free(struct grouper *g);

/* What group_of does when the key is not the one looked at last. */
uint32_t group_of_slow(struct grouper *g, const char *key, size_t len);

/*
 * The group of rec, or GROUP_SHORT if its key has too few fields (see
 * group_warn_short).
 */
static inline uint32_t
group_of(struct grouper *g, const struct record *rec)
{
	size_t len = record_key_prefix(rec, g->fields);

	if (len == (size_t)-1)
		return GROUP_SHORT;
	if (len == g->lastlen && memcmp(rec->key, g->last, len) == 0)
		return g->lastgroup;
	return group_of_slow(g, rec->key, len);
}

/*
 * The group of the key whose first g->fields fields are key[0..len): for
 * a column, key is an id.  For callers whose ids do not come as records.
 */
static inline uint32_t
group_of_key(struct grouper *g, const char *key, size_t len)
{
	if (len == g->lastlen && memcmp(key, g->last, len) == 0)
		return g->lastgroup;
	return group_of_slow(g, key, len);
}

/* How many groups there are so far: ids are below this. */
static inline uint32_t
group_count(const struct grouper *g)
{
	return g->names.n;
}

/* The name of group id (NUL-terminated), its length in *len. */
static inline const char *
group_name(const struct grouper *g, uint32_t id, size_t *len)
{
	*len = strtab_len(&g->names, id);
	return strtab_key(&g->names, id);
}

/*
 * Report that rec (line line of file) has too few key fields for the
 * grouping: "FILE:LINE: --by doc needs 1 key field, the record has 0".
 */
void group_warn_short(const struct grouper *g, const char *file,
    unsigned long long line, const struct record *rec);

/*
 * If any id was not in the table, say so once on standard error, as every
 * program does: "sp-NAME: FILE: N ids not in the table (first: ID); their
 * records are counted as NA".  Return the number of such ids.
 */
size_t group_report_missing(const struct grouper *g);

/*
 * Parse an ISO date s[0..len): YYYY, YYYY-MM or YYYY-MM-DD (a real day of
 * the Gregorian calendar), optionally followed by 'T' or ' ' and anything.
 * Return the finest period it has (GROUP_PERIOD_YEAR, _MONTH or _DAY), or
 * 0 if it is not such a date; *year, *month and *day are set (0 where
 * absent).
 */
int group_parse_date(const char *s, size_t len, int *year, int *month,
    int *day);

#endif
