/*
 * Splitting a line into key and payload; see record.h.
 */
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "record.h"

void
record_split(struct record *rec, const char *line, size_t len)
{
	const char *p = line, *end = line + len, *t;

	/*
	 * The last TAB: keys are short and texts long, so hop forward from
	 * TAB to TAB with memchr rather than walk back through the text.
	 */
	while ((t = memchr(p, '\t', (size_t)(end - p))) != NULL)
		p = t + 1;
	if (p == line) {
		rec->key = line;
		rec->keylen = 0;
		rec->haskey = 0;
	} else {
		rec->key = line;
		rec->keylen = (size_t)(p - 1 - line);
		rec->haskey = 1;
	}
	rec->payload = p;
	rec->len = (size_t)(line + len - p);
}

size_t
record_key_fields(const struct record *rec)
{
	size_t n = 1, i;

	if (!rec->haskey)
		return 0;
	for (i = 0; i < rec->keylen; i++)
		n += rec->key[i] == '\t';
	return n;
}

size_t
record_key_prefix(const struct record *rec, size_t n)
{
	size_t i, seen = 0;

	if (!rec->haskey || n == 0)
		return n == 0 ? 0 : (size_t)-1;
	for (i = 0; i < rec->keylen; i++)
		if (rec->key[i] == '\t' && ++seen == n)
			return i;
	return seen + 1 == n ? rec->keylen : (size_t)-1;
}

size_t
record_lines_with_prefix(const char *s, size_t n, const char *prefix,
    size_t len)
{
	const char *p = s, *end = s + n, *nl;

	while (p < end) {
		if ((size_t)(end - p) < len || memcmp(p, prefix, len) != 0)
			return (size_t)(p - s);
		if ((nl = memchr(p + len, '\n', (size_t)(end - p) - len)) ==
		    NULL)
			break;
		p = nl + 1;
	}
	return n;
}

size_t
record_parse_by(const char *s)
{
	char *end;
	long v;

	if (strcmp(s, "doc") == 0)
		return 1;
	if (strcmp(s, "para") == 0)
		return 2;
	if (strcmp(s, "sent") == 0)
		return 3;
	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || v < 1 || v > 1000)
		return 0;
	return (size_t)v;
}

size_t
record_opt_by(const struct opt *o, const char *s)
{
	size_t by = record_parse_by(s);

	if (by == 0)
		opt_usage_error(o, "%s: '%s' is not doc, para, sent or a number "
		    "from 1 to 1000", o->name, s);
	return by;
}
