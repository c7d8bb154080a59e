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

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xmemdup(const char *s, size_t n);	/* NUL-terminated copy */

#endif
