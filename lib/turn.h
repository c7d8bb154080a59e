/*
 * Speaker turns in transcripts (sp-split --turns): a line that begins with
 * a speaker label ("Mr SPEAKER:", "The PRESIDENT.", "Q.", "Ms Smith:")
 * starts a new turn.  The label is found by a POSIX extended regular
 * expression, the user's or the built-in one for common English transcript
 * conventions (TURN_AUTO), matched from the line's first byte in the C
 * locale (bytes: a quantifier after a multi-byte character applies to its
 * last byte, as in sp-grep -E).
 */
#ifndef SP_TURN_H
#define SP_TURN_H

#include <regex.h>
#include <stddef.h>

#include "buf.h"

/* The --turns value that asks for the built-in pattern. */
#define TURN_AUTO "auto"

struct turn {
	regex_t re;
	int autopat;	  /* the built-in pattern: labels start A-Z */
	struct buf line;  /* the line's start, NUL-terminated for regexec */
	struct buf label; /* the last label found, normalised */
};

/*
 * Compile pattern (TURN_AUTO for the built-in one).  Return NULL, or what
 * is wrong with the pattern (valid until the next call).
 */
const char *turn_init(struct turn *t, const char *pattern);
void turn_free(struct turn *t);

/* The built-in pattern, as given to regcomp (for the manual and tests). */
const char *turn_auto_pattern(void);

/*
 * If line[0..n) begins with a label, set t->label to it, normalised, and
 * return the offset of the text after it (after the white space that
 * follows it); otherwise return (size_t)-1.  The label is normalised so:
 * white space around it dropped, runs of white space inside it made one
 * space, one final colon or full stop dropped; case is kept.  A match that
 * leaves an empty label is no label.  Only the first TURN_SCAN bytes of a
 * line are looked at.
 */
enum { TURN_SCAN = 512 };

size_t turn_match(struct turn *t, const char *line, size_t n);

#endif
