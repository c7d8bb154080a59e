/*
 * A small table-driven option parser, so that every sp tool spells options,
 * values and errors the same way.  See opt.h for the accepted forms.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "opt.h"
#include "reference.h"

#ifndef SP_VERSION
#define SP_VERSION "0"
#endif

void
opt_init(struct opt *o, int argc, char **argv, const struct opt_spec *specs,
    const char *help)
{
	memset(o, 0, sizeof(*o));
	o->argc = argc;
	o->argv = argv;
	o->index = 1;
	o->specs = specs;
	o->help = help;
	o->operands = xcalloc((size_t)argc + 1, sizeof(char *));
	sp_setprogname(argv[0]);
	sp_reference_init();
}

static void
print_usage_line(FILE *f, const char *help)
{
	const char *nl = strstr(help, "\n\n");
	int n = nl ? (int)(nl - help) : (int)strlen(help);

	fprintf(f, "%.*s\n", n, help);
}

void
opt_usage_error(const struct opt *o, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", sp_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	print_usage_line(stderr, o->help);
	exit(2);
}

static void
builtin(const struct opt *o, const char *longname)
{
	if (strcmp(longname, "help") == 0) {
		fputs(o->help, stdout);
		if (fflush(stdout) == EOF || ferror(stdout))
			sp_die("write error");
		exit(0);
	}
	if (strcmp(longname, "version") == 0) {
		printf("%s (sp) %s\n", sp_progname, SP_VERSION);
		if (fflush(stdout) == EOF || ferror(stdout))
			sp_die("write error");
		exit(0);
	}
}

static int
long_option(struct opt *o, const char *word, char **arg)
{
	const char *eq = strchr(word, '=');
	size_t n = eq ? (size_t)(eq - word) : strlen(word);
	const struct opt_spec *s, *found = NULL;
	int matches = 0;

	for (s = o->specs; s->id != 0; s++) {
		if (s->longname == NULL || strncmp(s->longname, word, n) != 0)
			continue;
		if (s->longname[n] == '\0') {	/* exact match wins */
			found = s;
			matches = 1;
			break;
		}
		found = s;
		matches++;
	}
	if (matches == 0) {
		if (eq == NULL && (strcmp(word, "help") == 0 ||
		    strcmp(word, "version") == 0))
			builtin(o, word);
		opt_usage_error(o, "unknown option '--%.*s'", (int)n, word);
	}
	if (matches > 1)
		opt_usage_error(o, "ambiguous option '--%.*s'", (int)n, word);
	snprintf(o->namebuf, sizeof(o->namebuf), "--%s",
	    found->longname);
	o->name = o->namebuf;
	if (found->arg == OPT_NONE && eq != NULL)
		opt_usage_error(o, "option '--%s' takes no value",
		    found->longname);
	if (eq != NULL)
		*arg = (char *)eq + 1;
	else if (found->arg == OPT_REQUIRED) {
		if (o->index >= o->argc)
			opt_usage_error(o, "option '--%s' needs a value",
			    found->longname);
		*arg = o->argv[o->index++];
	}
	return found->id;
}

static int
short_option(struct opt *o, char **arg)
{
	const struct opt_spec *s;
	char c = *o->cluster++;

	o->namebuf[0] = '-';
	o->namebuf[1] = c;
	o->namebuf[2] = '\0';
	o->name = o->namebuf;
	for (s = o->specs; s->id != 0; s++)
		if (s->shortname == c)
			break;
	if (s->id == 0)
		opt_usage_error(o, "unknown option '-%c'", c);
	if (s->arg != OPT_NONE && *o->cluster != '\0') {
		*arg = (char *)o->cluster;
		o->cluster = NULL;
	} else if (s->arg == OPT_REQUIRED) {
		if (o->index >= o->argc)
			opt_usage_error(o, "option '-%c' needs a value", c);
		*arg = o->argv[o->index++];
	}
	if (o->cluster != NULL && *o->cluster == '\0')
		o->cluster = NULL;
	return s->id;
}

int
opt_next(struct opt *o, char **arg)
{
	char *word;

	*arg = NULL;
	if (o->cluster != NULL)
		return short_option(o, arg);
	while (o->index < o->argc) {
		word = o->argv[o->index++];
		if (o->done || word[0] != '-' || word[1] == '\0') {
			o->operands[o->noperands++] = word;
			continue;
		}
		if (word[1] == '-') {
			if (word[2] == '\0') {
				o->done = 1;
				continue;
			}
			return long_option(o, word + 2, arg);
		}
		o->cluster = word + 1;
		return short_option(o, arg);
	}
	return 0;
}

long long
opt_number(const struct opt *o, const char *s, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno == ERANGE || v < min ||
	    v > max)
		opt_usage_error(o, "%s: '%s' is not a whole number from %lld "
		    "to %lld", o->name, s, min, max);
	return v;
}

double
opt_real(const struct opt *o, const char *s, double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || errno == ERANGE || isnan(v) ||
	    v < min || v > max)
		opt_usage_error(o, "%s: '%s' is not a number from %g to %g",
		    o->name, s, min, max);
	return v;
}
