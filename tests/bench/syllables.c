/*
 * Print the syllables of each word of standard input (one a line) as
 * "WORD TAB SYLLABLES TAB FOG", for tests/bench/syllables-cmudict.sh.
 * Build: cc -Ilib -o build/syllables tests/bench/syllables.c build/libsp.a
 */
#include <stdio.h>
#include <string.h>

#include "syllable.h"

int
main(void)
{
	char line[4096];
	struct syllables s;
	size_t n;

	while (fgets(line, sizeof(line), stdin) != NULL) {
		n = strcspn(line, "\n");
		line[n] = '\0';
		syllable_word(line, n, &s);
		printf("%s\t%u\t%u\n", line, s.n, s.fog);
	}
	return ferror(stdout) || fflush(stdout) != 0;
}
