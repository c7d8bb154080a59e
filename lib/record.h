/*
 * The record format shared by every sp tool (README.md, "Record format"):
 * one record per line, fields separated by TAB, no header, no quoting.  The
 * last field is the payload (a sentence, a token, an item) and the fields
 * before it are the key (document, paragraph, sentence, or whatever a user's
 * TSV has).  A line with no TAB is a payload with an empty key.
 */
#ifndef SP_RECORD_H
#define SP_RECORD_H

#include <stddef.h>
#include <string.h>

struct record {
	const char *key;	/* the fields before the payload, TABs kept */
	size_t keylen;		/* 0 and haskey 0 when the line has no TAB */
	int haskey;
	const char *payload;
	size_t len;
};

/* Split a line at its last TAB. */
void record_split(struct record *rec, const char *line, size_t len);

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

/*
 * Parse a --by value: "doc", "para", "sent" (1, 2, 3 key fields) or a whole
 * number of key fields from 1 to 1000; return 0 if it is none of these.
 */
size_t record_parse_by(const char *s);

struct opt;

/* The same for the value of option o, or a usage error (exit 2). */
size_t record_opt_by(const struct opt *o, const char *s);

#endif
