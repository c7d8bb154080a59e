/*
 * A minimal unit-test harness: each tests/unit/test_*.c is its own program
 * that uses CHECK and friends and ends with UNIT_DONE(), which prints
 * "N passed, N failed" and exits non-zero on any failure.  tests/unit/run
 * runs them all and prints the grand total in the same form.
 */
#ifndef SP_UNIT_H
#define SP_UNIT_H

#include <stdio.h>
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

#define UNIT_DONE()                                                        \
	do {                                                               \
		printf("%d passed, %d failed\n", unit_passed, unit_failed); \
		return unit_failed != 0;                                   \
	} while (0)

#endif
