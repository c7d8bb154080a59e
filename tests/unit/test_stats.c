/*
 * Unit tests of the statistics (lib/stats.c) and count tables
 * (lib/count.c): every expected value below is worked out by hand in
 * tests/fixtures/sp-count/README.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "count.h"
#include "record.h"
#include "stats.h"
#include "unit.h"

#define CHECK_NEAR(got, want) CHECK(fabs((got) - (want)) < 1e-4)

static void
test_keyness(void)
{
	struct keyness k;

	/* a=2 of c=3 in the target, b=1 of d=3 in the reference. */
	stats_keyness(2, 1, 3, 3, &k);
	CHECK_NEAR(k.g2, 0.3398);
	CHECK_NEAR(k.chi2, 0.6667);
	CHECK_NEAR(k.log_ratio, 1.0);
	/* Absent from the reference: 0.5 stands in for the zero. */
	stats_keyness(1, 0, 3, 3, &k);
	CHECK_NEAR(k.g2, 1.3863);
	CHECK_NEAR(k.chi2, 1.2);
	CHECK_NEAR(k.log_ratio, 1.0);
	/* Absent from the target: the same G2 with a minus sign. */
	stats_keyness(0, 1, 3, 3, &k);
	CHECK_NEAR(k.g2, -1.3863);
	CHECK_NEAR(k.log_ratio, -1.0);
	/* Equal relative frequencies: no keyness at all. */
	stats_keyness(2, 4, 10, 20, &k);
	CHECK_NEAR(k.g2, 0);
	CHECK_NEAR(k.chi2, 0);
	CHECK_NEAR(k.log_ratio, 0);
}

static void
test_assoc(void)
{
	struct assoc s;

	/* o11=1, r1=2, c1=1, n=3: E11 = 2/3. */
	stats_assoc(1, 2, 1, 3, &s);
	CHECK_NEAR(s.pmi, 0.5850);
	CHECK_NEAR(s.t, 0.3333);
	CHECK_NEAR(s.g2, 1.0465);
	/* A pair less frequent than expected has a negative G2. */
	stats_assoc(1, 5, 5, 10, &s);
	CHECK(s.g2 < 0);
	CHECK_NEAR(s.pmi, -1.3219);
}

static void
test_measures(void)
{
	CHECK_NEAR(stats_per_10k(2, 3), 6666.6667);
	CHECK_NEAR(stats_tfidf(1, 2, 1), 0.3010);
	CHECK_NEAR(stats_tfidf(5, 2, 2), 0);
}

/* A row of a count table as sp-count reads it: a record. */
static enum count_row_status
parse_row(struct count_row *r, const char *s)
{
	struct record rec;

	record_split(&rec, s, strlen(s));
	return count_parse_row(r, &rec);
}

static void
test_rows(void)
{
	struct count_row r;
	const char *s;

	s = "d1\t3\tthe\t12";
	CHECK_INT(parse_row(&r, s), COUNT_ROW_OK);
	CHECK_INT(r.hasgroup, 1);
	CHECK_INT(r.grouplen, 4);
	CHECK_INT(r.itemlen, 3);
	CHECK_INT(r.count, 12);
	s = "the\t18446744073709551615";
	CHECK_INT(parse_row(&r, s), COUNT_ROW_OK);
	CHECK_INT(r.hasgroup, 0);
	CHECK(r.count == UINT64_MAX);
	s = "the\t18446744073709551616";
	CHECK_INT(parse_row(&r, s), COUNT_ROW_TOO_LARGE);
	s = "the";
	CHECK_INT(parse_row(&r, s), COUNT_ROW_MISSING_FIELD);
	s = "\t4";
	CHECK_INT(parse_row(&r, s), COUNT_ROW_EMPTY_ITEM);
	s = "the\t-4";
	CHECK_INT(parse_row(&r, s), COUNT_ROW_NEGATIVE);
	s = "the\t-";
	CHECK_INT(parse_row(&r, s), COUNT_ROW_NOT_NUMBER);
	s = "the\t4.5";
	CHECK_INT(parse_row(&r, s), COUNT_ROW_NOT_NUMBER);
	s = "the\t";
	CHECK_INT(parse_row(&r, s), COUNT_ROW_NOT_NUMBER);
}

static void
test_table(void)
{
	struct count_table t;
	struct cell *cells;
	uint32_t g, i, *rank;
	uint64_t total = UINT64_MAX - 1;
	size_t n, k;

	count_init(&t);
	g = count_group(&t, "d1", 2);
	CHECK_INT(count_group(&t, "d1", 2), g);
	CHECK_INT(count_group(&t, "d2", 2), g + 1);
	/* Enough cells to make the table grow several times. */
	for (k = 0; k < 5000; k++) {
		char buf[16];
		int len = snprintf(buf, sizeof(buf), "w%zu", k % 2500);

		i = strtab_intern(&t.items, buf, (size_t)len, NULL);
		count_cell(&t, (uint32_t)(k % 2), i)->count++;
	}
	cells = count_cells(&t, &n);
	CHECK_INT(n, 2500);
	free(cells);
	i = strtab_find(&t.items, "w7", 2);
	CHECK_INT(count_cell(&t, 1, i)->count, 2);
	rank = count_ranks(&t.items);
	CHECK_INT(rank[strtab_find(&t.items, "w0", 2)], 0);
	CHECK_INT(rank[strtab_find(&t.items, "w1", 2)], 1);
	CHECK_INT(rank[strtab_find(&t.items, "w10", 3)], 2);
	free(rank);
	CHECK_INT(count_add(&total, 1), 0);
	CHECK_INT(count_add(&total, 1), -1);
	CHECK(total == UINT64_MAX);
	count_free(&t);
}

int
main(void)
{
	test_keyness();
	test_assoc();
	test_measures();
	test_rows();
	test_table();
	UNIT_DONE();
}
