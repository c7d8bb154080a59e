/*
 * Command-line options, parsed the same way by every tool: short options
 * (-c, -n 5, -n5, clusters like -ci), long options (--count, --top=5,
 * --top 5), "--" to end options, and operands anywhere (GNU-style
 * permutation, so "sp-grep word file -c" works).  An option with an optional
 * value takes it only in the attached forms "--stop=FILE" and "-sFILE".
 * --help and --version are answered here for every tool.
 */
#ifndef SP_OPT_H
#define SP_OPT_H

enum { OPT_NONE, OPT_REQUIRED, OPT_OPTIONAL };

struct opt_spec {
	int id;			/* returned by opt_next; must be > 0 */
	char shortname;		/* 0 if none */
	const char *longname;	/* NULL if none */
	int arg;		/* OPT_NONE, OPT_REQUIRED or OPT_OPTIONAL */
};

struct opt {
	int argc;
	char **argv;
	int index;		/* next argv element to look at */
	const char *cluster;	/* rest of a short-option cluster */
	const struct opt_spec *specs;	/* ends with an entry whose id is 0 */
	const char *help;	/* printed by --help; starts with usage */
	int noperands;
	char **operands;	/* the operands, in order */
	int done;		/* "--" seen */
	char namebuf[64];	/* "-x" or "--name" for messages */
	const char *name;	/* how the last option was spelled */
};

/*
 * Start parsing argv: also sets the program name for messages and reads
 * SP_REFERENCE (reference.h), the two things every program does first.
 */
void opt_init(struct opt *o, int argc, char **argv,
    const struct opt_spec *specs, const char *help);

/*
 * Return the id of the next option, with its value in *arg (NULL if none),
 * or 0 when there are no more.  Unknown options and missing values are
 * reported with the usage and end the program with status 2.
 */
int opt_next(struct opt *o, char **arg);

/* Report a usage error (message, then the usage line) and exit 2. */
_Noreturn void opt_usage_error(const struct opt *o, const char *fmt, ...);

/*
 * Parse s as a whole number in [min, max] for option o->name, or exit 2
 * with a message naming the option and the bad value.
 */
long long opt_number(const struct opt *o, const char *s, long long min,
    long long max);
double opt_real(const struct opt *o, const char *s, double min, double max);

#endif
