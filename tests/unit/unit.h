/*
 * A minimal unit-test harness: each tests/unit/test_*.c is its own program
 * that uses CHECK and friends and ends with UNIT_DONE(), which prints
 * "N passed, N failed" and exits non-zero on any failure.  tests/unit/run
 * runs them all and prints the grand total in the same form.
 */
#ifndef SP_UNIT_H
#define SP_UNIT_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_passed, unit_failed;

#define CHECK(cond)                                                        \
	do {                                                               \
		if (cond)                                                  \
			unit_passed++;                                     \
		else {                                                     \
			unit_failed++;                                     \
			fprintf(stderr, "%s:%d: failed: %s\n", __FILE__,   \
			    __LINE__, #cond);                              \
		}                                                          \
	} while (0)

#define CHECK_STR(got, want)                                               \
	do {                                                               \
		const char *g_ = (got), *w_ = (want);                      \
		if (g_ && w_ && strcmp(g_, w_) == 0)                       \
			unit_passed++;                                     \
		else {                                                     \
			unit_failed++;                                     \
			fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n",  \
			    __FILE__, __LINE__, g_ ? g_ : "(null)",        \
			    w_ ? w_ : "(null)");                           \
		}                                                          \
	} while (0)

#define CHECK_INT(got, want)                                               \
	do {                                                               \
		long long g_ = (long long)(got), w_ = (long long)(want);   \
		if (g_ == w_)                                              \
			unit_passed++;                                     \
		else {                                                     \
			unit_failed++;                                     \
			fprintf(stderr, "%s:%d: %s is %lld, want %lld\n",  \
			    __FILE__, __LINE__, #got, g_, w_);             \
		}                                                          \
	} while (0)

/*
 * A small deterministic generator (xorshift64, Marsaglia 2003), the same
 * on every platform: the next number below bound (0 if bound is 0) from
 * *state, which must not be 0.
 */
static inline uint64_t
unit_random(uint64_t *state, uint64_t bound)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return bound ? *state % bound : 0;
}

/*
 * The path of a file of the source tree: $SP_SRCDIR/rel, or rel in the
 * current directory when SP_SRCDIR is not set (tests/unit/run sets it).
 */
static inline void
unit_src_path(char *buf, size_t size, const char *rel)
{
	const char *dir = getenv("SP_SRCDIR");

	snprintf(buf, size, "%s%s%s", dir != NULL && *dir != '\0' ? dir : "",
	    dir != NULL && *dir != '\0' ? "/" : "", rel);
}

/*
 * One field of a reference implementation's output, after the TAB at *p,
 * against x: "NA" where x is NaN, else a number equal to x within 1e-9 of
 * its size.  *p is left at the field's end.  Returns 0 if they agree, else
 * 1, having said which (group and name) on standard error.
 */
static inline int
unit_field_differs(char **p, double x, const char *group, const char *name)
{
	char *end;
	double y;

	(*p)++;
	if (strncmp(*p, "NA", 2) == 0) {
		*p += 2;
		if (isnan(x))
			return 0;
		fprintf(stderr, "%s %s: C %.12g, reference NA\n", group, name,
		    x);
		return 1;
	}
	y = strtod(*p, &end);
	*p = end;
	if (!isnan(x) && fabs(x - y) <= 1e-9 * (1 + fabs(y)))
		return 0;
	fprintf(stderr, "%s %s: C %.12g, reference %.12g\n", group, name, x,
	    y);
	return 1;
}

#define UNIT_DONE()                                                        \
	do {                                                               \
		printf("%d passed, %d failed\n", unit_passed, unit_failed); \
		return unit_failed != 0;                                   \
	} while (0)

#endif
