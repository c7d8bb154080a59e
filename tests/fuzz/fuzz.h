/*
 * What the fuzz harnesses share: turning arbitrary bytes into the valid
 * UTF-8 the parsers are promised, a temporary file to feed the readers,
 * and FUZZ_ASSERT, which aborts (so libFuzzer saves the input) when a
 * parser breaks a promise made in its header.  Each harness is one
 * LLVMFuzzerTestOneInput; tests/fuzz/replay.c runs the same function over
 * saved inputs without libFuzzer.
 */
#ifndef SP_FUZZ_H
#define SP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond)                                                  \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "%s:%d: broken promise: %s\n",     \
			    __FILE__, __LINE__, #cond);                    \
			abort();                                           \
		}                                                          \
	} while (0)

/*
 * A copy of data[0..n) as the reader would deliver it: invalid UTF-8
 * replaced by U+FFFD, and NUL bytes (which the reader refuses) made
 * spaces; free it.  *len is its length.  The copy is exactly *len bytes,
 * with no NUL after it, so that AddressSanitizer sees a read at *len.
 */
static inline char *
fuzz_utf8(const uint8_t *data, size_t n, size_t *len)
{
	char *wide = malloc(3 * n + 1), *s;
	size_t bad = 0, i;

	if (wide == NULL)
		abort();
	*len = utf8_sanitize((const char *)data, n, wide, &bad);
	for (i = 0; i < *len; i++)
		if (wide[i] == '\0')
			wide[i] = ' ';
	if ((s = malloc(*len > 0 ? *len : 1)) == NULL)
		abort();
	memcpy(s, wide, *len);
	free(wide);
	return s;
}

static inline int
fuzz_valid_utf8(const char *s, size_t n)
{
	return utf8_first_invalid(s, n) == n;
}

static char fuzz_path[512];

static inline void
fuzz_remove_file(void)
{
	if (fuzz_path[0] != '\0')
		unlink(fuzz_path);
}

/*
 * Write data[0..n) to this process's temporary file in $TMPDIR or /tmp
 * (the same one every time, removed at a normal exit) and return its path.
 */
static inline const char *
fuzz_file(const uint8_t *data, size_t n)
{
	const char *dir = getenv("TMPDIR");
	FILE *f;
	int fd;

	if (fuzz_path[0] == '\0') {
		if (dir == NULL || *dir == '\0' || strlen(dir) > 400)
			dir = "/tmp";
		snprintf(fuzz_path, sizeof(fuzz_path), "%s/sp-fuzz-XXXXXX",
		    dir);
		if ((fd = mkstemp(fuzz_path)) < 0)
			abort();
		close(fd);
		atexit(fuzz_remove_file);
	}
	if ((f = fopen(fuzz_path, "wb")) == NULL)
		abort();
	if (n > 0 && fwrite(data, 1, n, f) != n)
		abort();
	if (fclose(f) != 0)
		abort();
	return fuzz_path;
}

#endif
