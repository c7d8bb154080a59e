/*
 * Readability and lexical diversity of every group of a token stream in
 * one pass, as sp-count will compute them (lib/readability.h,
 * lib/lexdiv.h): a driver to measure the libraries' speed and to show the
 * calls the wiring needs.  Groups are runs of records with the same first
 * BY key fields; a change of the whole key is a new sentence.  Each token
 * type is interned once in a table, analysed once for readability, and
 * given to lexdiv by its id.
 *
 * Build: cc -O2 -Ilib -o build/textstats tests/bench/textstats.c \
 *            build/libsp.a -lm
 * Usage: build/textstats [BY [FILE]]
 * Output: GROUP, the readability sums and indices, tokens, types and the
 * lexical diversity measures, TAB-separated, %.4f or NA.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hash.h"
#include "io.h"
#include "lexdiv.h"
#include "readability.h"
#include "record.h"

static struct strtab types;
static struct rd_word *info;
static size_t infocap;

static void
put(double x)
{
	if (isnan(x))
		fputs("\tNA", stdout);
	else
		printf("\t%.4f", fabs(x) < 0.00005 ? 0 : x);
}

static void
flush_group(const char *g, size_t glen, struct rd_counts *c, struct lexdiv *l)
{
	struct lexdiv_parts p;
	double rd[RD_NINDEX], ld[LD_NMEASURE];
	int i;

	readability_scores(c, rd);
	lexdiv_get_parts(l, &p);
	lexdiv_scores(&p, 0, 0, ld);
	printf("%.*s\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu",
	       (int)glen, g, (unsigned long long)c->words,
	       (unsigned long long)c->sentences,
	       (unsigned long long)c->syllables, (unsigned long long)c->letters,
	       (unsigned long long)c->poly, (unsigned long long)c->complex,
	       (unsigned long long)c->longwords, (unsigned long long)c->mono);
	for (i = 0; i < RD_NINDEX; i++)
		put(rd[i]);
	printf("\t%llu\t%llu", (unsigned long long)p.tokens,
	       (unsigned long long)p.types);
	for (i = 0; i < LD_NMEASURE; i++)
		put(ld[i]);
	putchar('\n');
	memset(c, 0, sizeof(*c));
	lexdiv_reset(l);
}

int
main(int argc, char **argv)
{
	struct lexdiv_opts o = {0, 0, 0, 1};
	struct lexdiv *l = lexdiv_new(&o);
	struct rd_counts c;
	struct reader r;
	struct record rec;
	char *line, *group = NULL, *sent = NULL;
	size_t n, glen = 0, slen = 0, gcap = 0, scap = 0, by, k;
	uint32_t id;
	int added, have = 0;

	sp_setprogname("textstats");
	by = argc > 1 ? (size_t)atoi(argv[1]) : 1;
	if (reader_open(&r, argc > 2 ? argv[2] : "-") < 0)
		return 2;
	strtab_init(&types);
	memset(&c, 0, sizeof(c));
	while (reader_next(&r, &line, &n) > 0) {
		record_split(&rec, line, n);
		if ((k = record_key_prefix(&rec, by)) == (size_t)-1)
			k = rec.keylen;
		if (!have || k != glen || memcmp(rec.key, group, k) != 0) {
			if (have)
				flush_group(group, glen, &c, l);
			if (k + 1 > gcap)
				group = xrealloc(group, gcap = 2 * k + 16);
			memcpy(group, rec.key, k);
			glen = k;
			have = 1;
			slen = (size_t)-1;
		}
		if (rec.keylen != slen || memcmp(rec.key, sent, slen) != 0) {
			if (rec.keylen + 1 > scap)
				sent =
				    xrealloc(sent, scap = 2 * rec.keylen + 16);
			memcpy(sent, rec.key, rec.keylen);
			slen = rec.keylen;
			c.sentences++;
		}
		id = strtab_intern(&types, rec.payload, rec.len, &added);
		if (added) {
			if (id >= infocap) {
				infocap = infocap ? 2 * infocap : 4096;
				info =
				    xreallocarray(info, infocap, sizeof(*info));
			}
			readability_word(rec.payload, rec.len, &info[id]);
		}
		if (info[id].letters == 0)
			continue; /* not a word: punctuation */
		readability_add(&c, &info[id]);
		lexdiv_add(l, id);
	}
	if (have)
		flush_group(group, glen, &c, l);
	reader_close(&r);
	lexdiv_free(l);
	free(group);
	free(sent);
	free(info);
	strtab_free(&types);
	return fflush(stdout) != 0;
}
