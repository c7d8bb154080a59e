/*
 * Diagnostics in the spirit of sbase's eprintf: one prefix, one format, and
 * allocation wrappers that end the program with a message when memory runs
 * out, so callers never have to check.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

const char *sp_progname = "sp";

void
sp_setprogname(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	sp_progname = slash ? slash + 1 : argv0;
}

void
sp_vwarn_at(const char *file, unsigned long long line, const char *fmt,
	    va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", sp_progname);
	if (file != NULL && line > 0)
		fprintf(stderr, "%s:%llu: ", file, line);
	else if (file != NULL)
		fprintf(stderr, "%s: ", file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int
sp_quote_len(const char *s, size_t len)
{
	size_t n = SP_QUOTE_MAX;

	if (len <= SP_QUOTE_MAX)
		return (int)len;
	/* Back off continuation bytes (10xxxxxx) to a character's start. */
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return (int)n;
}

const char *
sp_quote_more(size_t len)
{
	return len > SP_QUOTE_MAX ? "..." : "";
}

void
sp_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sp_vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
}

void
sp_warn_at(const char *file, unsigned long long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sp_vwarn_at(file, line, fmt, ap);
	va_end(ap);
}

void
sp_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sp_vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
	exit(2);
}

void
sp_die_at(const char *file, unsigned long long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sp_vwarn_at(file, line, fmt, ap);
	va_end(ap);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		sp_die("out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		sp_die("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		sp_die("out of memory (%zu bytes)", n);
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		sp_die("out of memory (%zu x %zu bytes)", n, size);
	return xrealloc(p, n * size);
}

char *
xmemdup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}
