/*
 * Count tables; see count.h.  The cells are stored in the hash slots
 * themselves, so a lookup touches one cache line in the common case.  The
 * table doubles when it is half full, which keeps probe runs short.
 */
#include <stdlib.h>
#include <string.h>

#include "count.h"
#include "err.h"

enum { INITIAL_SLOTS = 1024 };

#define EMPTY UINT32_MAX

static struct cell *
new_slots(size_t n)
{
	struct cell *s = xreallocarray(NULL, n, sizeof(*s));
	size_t i;

	for (i = 0; i < n; i++)
		s[i].item = EMPTY;
	return s;
}

void
count_init(struct count_table *t)
{
	strtab_init(&t->groups);
	strtab_init(&t->items);
	t->slots = new_slots(INITIAL_SLOTS);
	t->mask = INITIAL_SLOTS - 1;
	t->ncells = 0;
	t->lastgroup = COUNT_NOGROUP;
}

void
count_free(struct count_table *t)
{
	strtab_free(&t->groups);
	strtab_free(&t->items);
	free(t->slots);
	t->slots = NULL;
}

uint32_t
count_group(struct count_table *t, const char *s, size_t len)
{
	uint32_t g = t->lastgroup;

	if (g != COUNT_NOGROUP && strtab_len(&t->groups, g) == len &&
	    memcmp(strtab_key(&t->groups, g), s, len) == 0)
		return g;
	return t->lastgroup = strtab_intern(&t->groups, s, len, NULL);
}

static size_t
cell_hash(uint32_t group, uint32_t item)
{
	uint64_t h = ((uint64_t)group << 32 | item) * 0x9E3779B97F4A7C15ull;

	return (size_t)(h ^ h >> 31);
}

static void
grow(struct count_table *t)
{
	size_t n = (t->mask + 1) * 2, i, j;
	struct cell *old = t->slots;

	t->slots = new_slots(n);
	for (i = 0; i <= t->mask; i++) {
		if (old[i].item == EMPTY)
			continue;
		j = cell_hash(old[i].group, old[i].item) & (n - 1);
		while (t->slots[j].item != EMPTY)
			j = (j + 1) & (n - 1);
		t->slots[j] = old[i];
	}
	t->mask = n - 1;
	free(old);
}

struct cell *
count_cell(struct count_table *t, uint32_t group, uint32_t item)
{
	size_t j = cell_hash(group, item) & t->mask;
	struct cell *c;

	for (;;) {
		c = &t->slots[j];
		if (c->item == item && c->group == group)
			return c;
		if (c->item == EMPTY)
			break;
		j = (j + 1) & t->mask;
	}
	if ((t->ncells + 1) * 2 > t->mask + 1) {
		grow(t);
		return count_cell(t, group, item);
	}
	c->group = group;
	c->item = item;
	c->count = 0;
	t->ncells++;
	return c;
}

int
count_add(uint64_t *total, uint64_t n)
{
	if (*total > UINT64_MAX - n)
		return -1;
	*total += n;
	return 0;
}

struct cell *
count_cells(const struct count_table *t, size_t *n)
{
	struct cell *out = xreallocarray(NULL, t->ncells + 1, sizeof(*out));
	size_t i, k = 0;

	for (i = 0; i <= t->mask; i++)
		if (t->slots[i].item != EMPTY)
			out[k++] = t->slots[i];
	*n = k;
	return out;
}

/* qsort has no context argument, so the table being ranked is kept here. */
static const struct strtab *ranking;

static int
cmp_keys(const void *a, const void *b)
{
	return strtab_cmp(ranking, *(const uint32_t *)a, *(const uint32_t *)b);
}

uint32_t *
count_ranks(const struct strtab *t)
{
	uint32_t *ids = xreallocarray(NULL, t->n + 1, sizeof(*ids));
	uint32_t *rank = xreallocarray(NULL, t->n + 1, sizeof(*rank));
	uint32_t i;

	for (i = 0; i < t->n; i++)
		ids[i] = i;
	ranking = t;
	qsort(ids, t->n, sizeof(*ids), cmp_keys);
	for (i = 0; i < t->n; i++)
		rank[ids[i]] = i;
	free(ids);
	return rank;
}

enum count_row_status
count_parse_row(struct count_row *row, const char *line, size_t len)
{
	const char *tab, *p, *end = line + len;
	uint64_t v = 0;

	for (tab = end; tab > line && tab[-1] != '\t'; tab--)
		;
	row->counttext = tab;
	row->countlen = (size_t)(end - tab);
	if (tab == line)
		return COUNT_ROW_MISSING_FIELD;
	end = tab - 1;
	for (p = end; p > line && p[-1] != '\t'; p--)
		;
	row->item = p;
	row->itemlen = (size_t)(end - p);
	row->group = line;
	row->hasgroup = p > line;
	row->grouplen = row->hasgroup ? (size_t)(p - 1 - line) : 0;
	if (row->itemlen == 0)
		return COUNT_ROW_EMPTY_ITEM;
	p = row->counttext + (row->countlen > 1 && *row->counttext == '-');
	if (p == row->counttext + row->countlen)
		return COUNT_ROW_NOT_NUMBER;
	for (; p < row->counttext + row->countlen; p++) {
		if (*p < '0' || *p > '9')
			return COUNT_ROW_NOT_NUMBER;
		if (*row->counttext == '-')
			continue;
		if (v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return COUNT_ROW_TOO_LARGE;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	row->count = v;
	return *row->counttext == '-' ? COUNT_ROW_NEGATIVE : COUNT_ROW_OK;
}
