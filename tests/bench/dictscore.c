/*
 * Dictionary scores of every group of segment records, as sp-grep will
 * compute them with weights (lib/dict.h): a driver to measure the
 * library's speed and to show the calls the wiring needs.  Groups are
 * runs of records with the same first key field; tokens are counted with
 * the tokenizer, for the rates.
 *
 * Build: cc -O2 -Ilib -o build/dictscore tests/bench/dictscore.c \
 *            build/libsp.a -lm
 * Usage: build/dictscore DICT [FILE]
 * Output: GROUP TAB CATEGORY TAB COUNT TAB WEIGHTED-SUM TAB COUNT PER
 * 1,000 TOKENS TAB WEIGHTED SUM PER 1,000 TOKENS.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "err.h"
#include "io.h"
#include "record.h"
#include "token.h"

static struct dict d;
static uint64_t *count, tokens;
static int64_t *sum;

static void
flush_group(const char *g, size_t glen)
{
	size_t c, n;
	const char *name;
	char w[32];

	for (c = 0; c < dict_categories(&d); c++) {
		name = dict_category(&d, (uint32_t)c, &n);
		dict_format_weight(sum[c], w);
		printf("%.*s\t%.*s\t%llu\t%s\t%.4f\t%.4f\n", (int)glen, g,
		       (int)n, name, (unsigned long long)count[c], w,
		       dict_per_1000((double)count[c], tokens),
		       dict_per_1000((double)sum[c] / DICT_WEIGHT_ONE, tokens));
	}
	memset(count, 0, dict_categories(&d) * sizeof(*count));
	memset(sum, 0, dict_categories(&d) * sizeof(*sum));
	tokens = 0;
}

static uint64_t
count_tokens(struct tokenizer *t, const char *text, size_t n)
{
	struct tok_word w[64];
	struct token tok;
	uint64_t k = 0;
	size_t got;

	tok_start(t, text, n);
	for (;;) {
		got = tok_words(t, w, 64);
		k += got;
		if (got == 0) {
			if (!tok_next(t, &tok))
				break;
			k++;
		}
	}
	return k;
}

int
main(int argc, char **argv)
{
	const struct search_match *m;
	struct tok_opts to = {0, 0};
	struct tokenizer t;
	struct reader r;
	struct record rec;
	char *line, *group = NULL;
	size_t n, nm, glen = 0, gcap = 0, k;
	int have = 0;

	sp_setprogname("dictscore");
	if (argc < 2 ||
	    dict_load(&d, argv[1], DICT_AUTO, DICT_NESTED_DICTIONARY) < 0)
		return 2;
	count = xcalloc(dict_categories(&d), sizeof(*count));
	sum = xcalloc(dict_categories(&d), sizeof(*sum));
	tok_init(&t, &to);
	if (reader_open(&r, argc > 2 ? argv[2] : "-") < 0)
		return 2;
	while (reader_next(&r, &line, &n) > 0) {
		record_split(&rec, line, n);
		if ((k = record_key_prefix(&rec, 1)) == (size_t)-1)
			k = rec.keylen;
		if (!have || k != glen || memcmp(rec.key, group, k) != 0) {
			if (have)
				flush_group(group, glen);
			if (k + 1 > gcap)
				group = xrealloc(group, gcap = 2 * k + 16);
			memcpy(group, rec.key, k);
			glen = k;
			have = 1;
		}
		tokens += count_tokens(&t, rec.payload, rec.len);
		nm = dict_match(&d, rec.payload, rec.len, &m);
		if (dict_tally(&d, m, nm, count, sum) < 0)
			sp_die("%s:%llu: a weighted sum overflows", r.name,
			       r.lineno);
	}
	if (have)
		flush_group(group, glen);
	reader_close(&r);
	tok_free(&t);
	dict_free(&d);
	free(count);
	free(sum);
	free(group);
	return fflush(stdout) != 0;
}
