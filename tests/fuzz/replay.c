/*
 * Run a fuzz harness without libFuzzer: each file named on the command
 * line is read whole and given to LLVMFuzzerTestOneInput, as libFuzzer
 * would.  tests/fuzz/run.sh links it with each harness, built by cc with
 * or without sanitizers, to replay the saved crashes (tests/fuzz/regress)
 * and the seeds, so that a fixed crash stays fixed without clang.
 */
#include "fuzz.h"

static unsigned char *
read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *s = NULL;
	size_t cap = 0, got;

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	*n = 0;
	do {
		if (cap - *n < 4096) {
			cap = 2 * cap + 4096;
			if ((s = realloc(s, cap)) == NULL)
				abort();
		}
		got = fread(s + *n, 1, cap - *n, f);
		*n += got;
	} while (got > 0);
	if (ferror(f)) {
		perror(path);
		exit(2);
	}
	fclose(f);
	return s;
}

int
main(int argc, char *argv[])
{
	unsigned char *data, *exact;
	size_t n;
	int i;

	for (i = 1; i < argc; i++) {
		data = read_file(argv[i], &n);
		/* Exactly n bytes, so that ASan sees a read past the end. */
		if ((exact = malloc(n ? n : 1)) == NULL)
			abort();
		memcpy(exact, data, n);
		free(data);
		LLVMFuzzerTestOneInput(exact, n);
		free(exact);
	}
	printf("%d input%s replayed\n", argc - 1, argc == 2 ? "" : "s");
	return 0;
}
