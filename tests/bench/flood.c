/*
 * Words to flood a hash table with, for tests/bench/flood.sh: N distinct
 * eight-letter lower-case words, one a line, whose bytes read as a
 * little-endian 64-bit k all give the same top ten bits of
 * k * 0x9E3779B97F4A7C15.  That product's top bits were the slot of a
 * word in sp-count's table of short words before its hash was keyed (issue
 * 14): in a table of 2^19 slots, 200,000 such words fell into 512
 * neighbouring slots, one run that every new word walked to its end.
 * With "random", N distinct words whose k instead give the same top ten
 * bits of a good mix (splitmix64's), which is as good as random words, for
 * comparison.  The words are found by walking through all words in order,
 * k and the product kept up to date with an addition each.
 *
 * usage: flood N [random]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN UINT64_C(0x9E3779B97F4A7C15)

static uint64_t
mix(uint64_t x)
{
	x = (x ^ x >> 30) * UINT64_C(0xBF58476D1CE4E5B9);
	x = (x ^ x >> 27) * UINT64_C(0x94D049BB133111EB);
	return x ^ x >> 31;
}

int
main(int argc, char *argv[])
{
	char w[9] = "aaaaaaaa";
	uint64_t k = 0, h, step[8];
	long n, found = 0;
	int random_words, i;

	if (argc < 2 || (n = strtol(argv[1], NULL, 10)) <= 0 ||
	    (argc > 2 && strcmp(argv[2], "random") != 0)) {
		fprintf(stderr, "usage: flood N [random]\n");
		return 2;
	}
	random_words = argc > 2;
	memcpy(&k, w, 8);
	if (((const unsigned char *)&(uint16_t){ 1 })[0] != 1) {
		fprintf(stderr, "flood: needs a little-endian machine\n");
		return 2;
	}
	h = k * GOLDEN;
	for (i = 0; i < 8; i++)
		step[i] = (UINT64_C(1) << 8 * i) * GOLDEN;
	while (found < n) {
		if ((random_words ? mix(k) : h) >> 54 == 0) {
			fwrite(w, 1, 8, stdout);
			putchar('\n');
			found++;
		}
		/* The next word: an odometer whose first letter turns fastest. */
		for (i = 0; i < 8 && w[i] == 'z'; i++) {
			w[i] = 'a';
			k -= (uint64_t)('z' - 'a') << 8 * i;
			h -= ('z' - 'a') * step[i];
		}
		if (i == 8)
			break;
		w[i]++;
		k += UINT64_C(1) << 8 * i;
		h += step[i];
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("flood");
		return 2;
	}
	return found == n ? 0 : 1;
}
