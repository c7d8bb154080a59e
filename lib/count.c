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

/*
 * The tally.  A string of 1 to 16 bytes is kept as its length and two
 * words holding its bytes in little-endian order (byte i of the string is
 * bits 8i to 8i+7 of k0, byte 8 + i those of k1, the rest zero), so that
 * comparing keys is comparing three integers and the bytes can be rebuilt.
 * A longer string keeps its arena offset in k0 and its hash in k1.
 *
 * Tokens are short and of every length, so a branch on the length or a
 * loop over the bytes is mispredicted for one token in two or three, which
 * costs more than the rest of the lookup.  On a little-endian machine the
 * last field of a line is therefore found and loaded from the line's last
 * 8 or 16 bytes with a few word operations and no such branch.
 */
enum { TALLY_SHORT = 16, TALLY_SLOTS = 1 << 12 };

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)
#define LOWS UINT64_C(0x7F7F7F7F7F7F7F7F)

static uint64_t
load64(const char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return w;
}

static int
little_endian(void)
{
	const uint16_t one = 1;
	unsigned char c;

	memcpy(&c, &one, 1);
	return c == 1;
}

/*
 * The top bit of every byte of w that is a TAB (exactly: no carry crosses
 * from one byte to the next), the other bits clear.
 */
static uint64_t
tab_bytes(uint64_t w)
{
	uint64_t x = w ^ ONES * '\t';

	return ~(((x & LOWS) + LOWS) | x | LOWS);
}

/*
 * The number of bytes of a word up to and including the last (most
 * significant) one flagged in z, which is not 0: the flags are spread to
 * every byte below, then counted with a multiplication.
 */
static size_t
through_last_flag(uint64_t z)
{
	z |= z >> 8;
	z |= z >> 16;
	z |= z >> 32;
	return (size_t)(((z >> 7) * ONES) >> 56);
}

static size_t
tally_index(const struct tally *t, uint64_t k0, uint64_t k1, size_t len)
{
	uint64_t h = (k0 ^ len) * UINT64_C(0x9E3779B97F4A7C15);

	h = (h ^ h >> 29 ^ k1) * UINT64_C(0xBF58476D1CE4E5B9);
	return (size_t)(h >> 32 ^ h) & t->mask;
}

static struct tally_slot *
tally_new_slots(size_t n)
{
	return xcalloc(n, sizeof(struct tally_slot));
}

void
tally_init(struct tally *t)
{
	t->slots = tally_new_slots(TALLY_SLOTS);
	t->mask = TALLY_SLOTS - 1;
	t->n = 0;
	t->nbatch = 0;
	t->sink = 0;
	t->arena = NULL;
	t->arenalen = t->arenacap = 0;
}

void
tally_free(struct tally *t)
{
	free(t->slots);
	free(t->arena);
	memset(t, 0, sizeof(*t));
}

static size_t
slot_index(const struct tally *t, const struct tally_slot *e)
{
	return e->len > TALLY_SHORT ? tally_index(t, e->k1, 0, e->len) :
	    tally_index(t, e->k0, e->k1, e->len);
}

/* Double the slots when three in four are taken. */
static void
tally_grow(struct tally *t)
{
	struct tally_slot *old = t->slots;
	size_t oldmask = t->mask, i, j;

	t->mask = (oldmask + 1) * 2 - 1;
	t->slots = tally_new_slots(t->mask + 1);
	for (i = 0; i <= oldmask; i++) {
		if (old[i].len == 0)
			continue;
		j = slot_index(t, &old[i]);
		while (t->slots[j].len != 0)
			j = (j + 1) & t->mask;
		t->slots[j] = old[i];
	}
	free(old);
}

static void
tally_taken(struct tally *t)
{
	if (++t->n * 4 > (t->mask + 1) * 3)
		tally_grow(t);
}

/*
 * Count the string of len (1 to 16) bytes whose words are k0 and k1,
 * starting at slot j.
 */
static void
tally_short_at(struct tally *t, uint64_t k0, uint64_t k1, size_t len,
    size_t j)
{
	struct tally_slot *e;

	for (;;) {
		e = &t->slots[j];
		if (e->k0 == k0 && e->k1 == k1 && e->len == len) {
			e->count++;
			return;
		}
		if (e->len == 0)
			break;
		j = (j + 1) & t->mask;
	}
	e->k0 = k0;
	e->k1 = k1;
	e->len = (uint32_t)len;
	e->count = 1;
	tally_taken(t);
}

/*
 * Count the batch.  The slots are read first, all of them before any is
 * needed, so that the processor fetches them in parallel; the counting
 * then finds them in the cache.  Their slot indexes are recomputed if the
 * table grew meanwhile.
 */
static void
tally_flush(struct tally *t)
{
	size_t i, mask = t->mask;
	uint32_t sink = 0;

	for (i = 0; i < t->nbatch; i++)
		sink += t->slots[t->batch[i].slot].len;
	t->sink += sink;
	for (i = 0; i < t->nbatch; i++)
		tally_short_at(t, t->batch[i].k0, t->batch[i].k1,
		    t->batch[i].len, t->mask == mask ? t->batch[i].slot :
		    tally_index(t, t->batch[i].k0, t->batch[i].k1,
		    t->batch[i].len));
	t->nbatch = 0;
}

static void
tally_short(struct tally *t, uint64_t k0, uint64_t k1, size_t len)
{
	size_t i = t->nbatch;

	t->batch[i].k0 = k0;
	t->batch[i].k1 = k1;
	t->batch[i].len = len;
	t->batch[i].slot = tally_index(t, k0, k1, len);
	if (++t->nbatch == TALLY_BATCH)
		tally_flush(t);
}

void
tally_add(struct tally *t, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	struct tally_slot *e;
	uint64_t k0 = 0, k1 = 0, h;
	size_t i, j;

	if (len <= TALLY_SHORT) {
		for (i = 0; i < len && i < 8; i++)
			k0 |= (uint64_t)u[i] << 8 * i;
		for (; i < len; i++)
			k1 |= (uint64_t)u[i] << 8 * (i - 8);
		tally_short(t, k0, k1, len);
		return;
	}
	if (len > UINT32_MAX)
		sp_die("too long an item");
	h = strtab_hash(s, len);
	j = tally_index(t, h, 0, len);
	for (;;) {
		e = &t->slots[j];
		if (e->k1 == h && e->len == len &&
		    memcmp(t->arena + e->k0, s, len) == 0) {
			e->count++;
			return;
		}
		if (e->len == 0)
			break;
		j = (j + 1) & t->mask;
	}
	while (t->arenacap - t->arenalen < len) {
		t->arenacap = t->arenacap ? t->arenacap * 2 : 1 << 16;
		t->arena = xrealloc(t->arena, t->arenacap);
	}
	memcpy(t->arena + t->arenalen, s, len);
	e->k0 = t->arenalen;
	e->k1 = h;
	e->len = (uint32_t)len;
	e->count = 1;
	t->arenalen += len;
	tally_taken(t);
}

void
tally_last_field(struct tally *t, const char *line, size_t n)
{
	const char *p;
	uint64_t w, z, k0, k1;
	size_t len;

	if (n >= 16 && little_endian()) {
		w = load64(line + n - 8);
		if ((z = tab_bytes(w)) != 0) {
			len = 8 - through_last_flag(z);
			if (len > 0)
				tally_short(t, w >> (64 - 8 * len), 0, len);
			return;
		}
		if ((z = tab_bytes(load64(line + n - 16))) != 0) {
			len = 16 - through_last_flag(z);
			k0 = load64(line + n - len);
			k1 = len > 8 ? w >> (128 - 8 * len) : 0;
			tally_short(t, k0, k1, len);
			return;
		}
	}
	if (n > 0 && n < 16 && little_endian()) {
		/* A short line, as a bare token stream has: no TAB, no key. */
		char b[16] = { 0 };

		memcpy(b, line, n);
		k0 = load64(b);
		k1 = load64(b + 8);
		if (tab_bytes(k0) == 0 && tab_bytes(k1) == 0) {
			tally_short(t, k0, k1, n);
			return;
		}
	}
	for (p = line + n; p > line && p[-1] != '\t'; p--)
		;
	if (p < line + n)
		tally_add(t, p, (size_t)(line + n - p));
}

void
tally_move(struct tally *t, struct count_table *c)
{
	const struct tally_slot *e;
	char key[TALLY_SHORT];
	const char *s;
	size_t i, k;

	tally_flush(t);
	for (i = 0; i <= t->mask; i++) {
		e = &t->slots[i];
		if (e->len == 0)
			continue;
		s = key;
		if (e->len > TALLY_SHORT)
			s = t->arena + e->k0;
		else
			for (k = 0; k < e->len; k++)
				key[k] = (char)((k < 8 ? e->k0 >> 8 * k :
				    e->k1 >> 8 * (k - 8)) & 0xFF);
		count_cell(c, COUNT_NOGROUP, strtab_intern(&c->items, s,
		    e->len, NULL))->count += e->count;
	}
}
