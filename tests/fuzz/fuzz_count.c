/*
 * Fuzz the count-table reader of sp-count --merge (lib/count.h): every
 * line of the input is parsed as a row [GROUP TAB ...] ITEM TAB COUNT and,
 * if it is good, added to a table as merge_file in cmd/sp-count.c does
 * (grouped by the first field).  A row must split where its last two TABs
 * are, a good COUNT must be the decimal number written, and a table must
 * hold, cell by cell, the sums a plain list would, and rank its keys in
 * strtab_cmp order; the 128-bit sum of the counts must agree.
 */
#include "count.h"
#include "fuzz.h"
#include "record.h"

/* The value of a COUNT field, or -1 if it is not a whole number < 2^64. */
static int
decimal(const char *s, size_t n, uint64_t *v)
{
	size_t i;

	*v = 0;
	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (*v > (UINT64_MAX - (uint64_t)(s[i] - '0')) / 10)
			return -1;
		*v = *v * 10 + (uint64_t)(s[i] - '0');
	}
	return 0;
}

static void
check_row(const struct count_row *row, int status, const char *line,
    size_t len)
{
	const char *tab = NULL;
	size_t i;
	uint64_t v;

	for (i = len; i > 0; i--)
		if (line[i - 1] == '\t') {
			tab = line + i - 1;
			break;
		}
	if (tab == NULL) {
		FUZZ_ASSERT(status == COUNT_ROW_MISSING_FIELD);
		return;
	}
	FUZZ_ASSERT(status != COUNT_ROW_MISSING_FIELD);
	FUZZ_ASSERT(row->counttext == tab + 1);
	FUZZ_ASSERT(row->countlen == (size_t)(line + len - tab - 1));
	FUZZ_ASSERT(row->item + row->itemlen == tab);
	FUZZ_ASSERT(memchr(row->item, '\t', row->itemlen) == NULL);
	if (status == COUNT_ROW_EMPTY_ITEM) {
		FUZZ_ASSERT(row->itemlen == 0);
		return;
	}
	FUZZ_ASSERT(row->itemlen > 0);
	if (row->hasgroup) {
		FUZZ_ASSERT(row->group == line);
		FUZZ_ASSERT(row->group + row->grouplen + 1 == row->item);
		FUZZ_ASSERT(row->item[-1] == '\t');
	} else
		FUZZ_ASSERT(row->item == line);
	if (status == COUNT_ROW_OK) {
		FUZZ_ASSERT(decimal(row->counttext, row->countlen, &v) == 0);
		FUZZ_ASSERT(v == row->count);
	} else if (status == COUNT_ROW_NEGATIVE)
		FUZZ_ASSERT(row->countlen > 1 && row->counttext[0] == '-');
	else if (status == COUNT_ROW_NOT_NUMBER ||
	    status == COUNT_ROW_TOO_LARGE)
		FUZZ_ASSERT(decimal(row->counttext, row->countlen, &v) < 0);
	else
		FUZZ_ASSERT(0 && "unknown status");
}

static void
check_ranks(const struct strtab *t)
{
	uint32_t *rank = count_ranks(t), *byrank, i;

	byrank = malloc(((size_t)t->n + 1) * sizeof(*byrank));
	if (byrank == NULL)
		abort();
	for (i = 0; i < t->n; i++)
		byrank[i] = UINT32_MAX;
	for (i = 0; i < t->n; i++) {
		FUZZ_ASSERT(rank[i] < t->n && byrank[rank[i]] == UINT32_MAX);
		byrank[rank[i]] = i;
	}
	for (i = 1; i < t->n; i++)
		FUZZ_ASSERT(strtab_cmp(t, byrank[i - 1], byrank[i]) < 0);
	free(byrank);
	free(rank);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *end = s + size, *nl;
	struct count_table t;
	struct count_row row;
	struct record g, line;
	struct cell *c, *cells;
	struct count_sum wide = { 0, 0 };
	uint64_t total = 0, sum = 0;
	size_t n, i, len, glen;
	uint32_t group;
	int status, overflow = 0;

	count_init(&t);
	for (; s < end; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			nl = end;
		len = (size_t)(nl - s);
		record_split(&line, s, len);
		status = count_parse_row(&row, &line);
		check_row(&row, status, s, len);
		if (status != COUNT_ROW_OK || row.count == 0)
			continue;
		group = COUNT_NOGROUP;
		if (row.hasgroup) {
			g.key = row.group;
			g.keylen = row.grouplen;
			g.haskey = 1;
			glen = record_key_prefix(&g, 1);
			FUZZ_ASSERT(glen != (size_t)-1);
			group = count_group(&t, row.group, glen);
		}
		c = count_cell(&t, group, strtab_intern(&t.items, row.item,
		    row.itemlen, NULL));
		count_sum_add(&wide, row.count);
		if (count_add(&c->count, row.count) < 0 ||
		    count_add(&total, row.count) < 0) {
			overflow = 1;
			break;
		}
	}

	cells = count_cells(&t, &n);
	FUZZ_ASSERT(n == t.ncells);
	for (i = 0; i < n; i++) {
		FUZZ_ASSERT(cells[i].count > 0);
		FUZZ_ASSERT(cells[i].item < t.items.n);
		FUZZ_ASSERT(cells[i].group == COUNT_NOGROUP ||
		    cells[i].group < t.groups.n);
		sum += cells[i].count;
	}
	/*
	 * The 128-bit sum (sp-count's totals for statistics) is the 64-bit
	 * one until that overflows, when it has just passed 2^64.
	 */
	if (!overflow) {
		FUZZ_ASSERT(sum == total);
		FUZZ_ASSERT(wide.hi == 0 && wide.lo == total);
		FUZZ_ASSERT(count_sum_double(&wide) == (double)total);
	} else
		FUZZ_ASSERT(wide.hi == 1 && wide.lo < total);
	free(cells);
	check_ranks(&t.items);
	check_ranks(&t.groups);
	count_free(&t);
	return 0;
}
