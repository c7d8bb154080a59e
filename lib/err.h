/*
 * Diagnostics and allocation that cannot fail silently.  Every message goes
 * to standard error prefixed with the program name ("sp-count: ..."), and
 * with "FILE:LINE: " where there is a place to point at.  Exit status 2 means
 * an error, as with grep.
 */
#ifndef SP_ERR_H
#define SP_ERR_H

#include <stdarg.h>
#include <stddef.h>

extern const char *sp_progname;

/* Set the name used in messages from argv[0] (its last path component). */
void sp_setprogname(const char *argv0);

void sp_warn(const char *fmt, ...);
void sp_warn_at(const char *file, unsigned long long line, const char *fmt,
    ...);
/* What the family above is made of, for a message built elsewhere. */
void sp_vwarn_at(const char *file, unsigned long long line, const char *fmt,
		 va_list ap);
_Noreturn void sp_die(const char *fmt, ...);
_Noreturn void sp_die_at(const char *file, unsigned long long line,
    const char *fmt, ...);

/*
 * How much of a value from the input to quote in a message: all of it up
 * to SP_QUOTE_MAX bytes, else the longest start of at most that many
 * bytes that does not cut a UTF-8 sequence, which the caller follows with
 * sp_quote_more(len), "...".  An id of a megabyte then gives a line of
 * message, not a megabyte.  Use as "%.*s%s", sp_quote_len(s, len), s,
 * sp_quote_more(len).
 */
#define SP_QUOTE_MAX 64
int sp_quote_len(const char *s, size_t len);
const char *sp_quote_more(size_t len);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xmemdup(const char *s, size_t n);	/* NUL-terminated copy */

#endif
