/*
 * Count tables; see count.h.  The cells are stored in the hash slots
 * themselves, so a lookup touches one cache line in the common case.  The
 * table doubles when it is half full, which keeps probe runs short.
 *
 * Every hash here is multiply-shift (Dietzfelbinger, Hagerup, Katajainen
 * and Penttonen, J. Algorithms 25, 1997): the top bits of the key times an
 * odd multiplier, which for a multiplier drawn at random collide for two
 * given keys with probability at most 2 / (the number of slots).  The
 * multipliers are the process's hash keys (hash.h), so no input can be
 * built to collide (hash flooding), and the hashes cost what the fixed
 * multipliers before them did.
 */
#include <stdlib.h>
#include <string.h>

#include "count.h"
#include "err.h"
#include "record.h"
#include "swar.h"

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
	t->shift = 64 - 10;
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

/* The first slot of the cell (group, item). */
static size_t
cell_hash(const struct count_table *t, uint32_t group, uint32_t item)
{
	return (size_t)((((uint64_t)group << 32 | item) *
	    sp_hash_keys.mul[1]) >> t->shift);
}

static void
grow(struct count_table *t)
{
	size_t n = (t->mask + 1) * 2, i, j;
	struct cell *old = t->slots;

	t->slots = new_slots(n);
	t->shift--;
	for (i = 0; i <= t->mask; i++) {
		if (old[i].item == EMPTY)
			continue;
		j = cell_hash(t, old[i].group, old[i].item);
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
	size_t j = cell_hash(t, group, item);
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
count_parse_row(struct count_row *row, const struct record *rec)
{
	const char *p, *end = rec->key + rec->keylen;
	uint64_t v = 0;

	row->counttext = rec->payload;
	row->countlen = rec->len;
	if (!rec->haskey)
		return COUNT_ROW_MISSING_FIELD;
	for (p = end; p > rec->key && p[-1] != '\t'; p--)
		;
	row->item = p;
	row->itemlen = (size_t)(end - p);
	row->group = rec->key;
	row->hasgroup = p > rec->key;
	row->grouplen = row->hasgroup ? (size_t)(p - 1 - rec->key) : 0;
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
 * A longer string keeps its arena offset in k0 and its hash in k1.  A
 * string of 1 to 8 bytes with no NUL needs neither k1 nor its length,
 * which is the number of bytes of k0 that are not 0: it has a table of its
 * own with half the slot size (the word table).  The runs of records
 * (record.h) give most payloads already in such words.
 */
enum { TALLY_SHORT = 16, TALLY_SLOTS = 1 << 12, WORD_SLOTS = 1 << 12 };

/* The number of bytes of w that are not 0. */
static size_t
nonzero_bytes(uint64_t w)
{
	return swar_mask_bytes((((w & SWAR_LOWS) + SWAR_LOWS) | w) >> 7);
}

/*
 * The slot to look in first: the top bits of a product, which depend on
 * every bit of the key (the low bits of a product do not); for two words,
 * of the sum of two products, which are independent and so no slower
 * than one.
 */
static size_t
tally_index(const struct tally *t, uint64_t k0, uint64_t k1)
{
	return (size_t)((k0 * t->mul0 + k1 * t->mul1) >> t->shift);
}

/* The same for the word table: one product for one word. */
static size_t
word_index(const struct tally *t, uint64_t k)
{
	return (size_t)((k * t->wmul) >> t->wshift);
}

static struct tally_slot *
tally_new_slots(size_t n)
{
	return xcalloc(n, sizeof(struct tally_slot));
}

void
tally_init(struct tally *t)
{
	hash_keys_init();
	t->wmul = sp_hash_keys.mul[2];
	t->mul0 = sp_hash_keys.mul[3];
	t->mul1 = sp_hash_keys.mul[1];
	t->words = xcalloc(WORD_SLOTS, sizeof(struct tally_word));
	t->wmask = WORD_SLOTS - 1;
	t->wshift = 64 - 12;
	t->nwords = 0;
	t->slots = tally_new_slots(TALLY_SLOTS);
	t->mask = TALLY_SLOTS - 1;
	t->shift = 64 - 12;
	t->n = 0;
	t->arena = NULL;
	t->arenalen = t->arenacap = 0;
}

void
tally_free(struct tally *t)
{
	free(t->words);
	free(t->slots);
	free(t->arena);
	memset(t, 0, sizeof(*t));
}

static size_t
slot_index(const struct tally *t, const struct tally_slot *e)
{
	return e->len > TALLY_SHORT ? tally_index(t, e->k1, 0) :
	    tally_index(t, e->k0, e->k1);
}

/* Double the slots when three in four are taken. */
static void
tally_grow(struct tally *t)
{
	struct tally_slot *old = t->slots;
	size_t oldmask = t->mask, i, j;

	t->mask = (oldmask + 1) * 2 - 1;
	t->shift--;
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

/* Double the word table when three in four of its slots are taken. */
static void
word_grow(struct tally *t)
{
	struct tally_word *old = t->words;
	size_t oldmask = t->wmask, i, j;

	t->wmask = (oldmask + 1) * 2 - 1;
	t->wshift--;
	t->words = xcalloc(t->wmask + 1, sizeof(struct tally_word));
	for (i = 0; i <= oldmask; i++) {
		if (old[i].k == 0)
			continue;
		j = word_index(t, old[i].k);
		while (t->words[j].k != 0)
			j = (j + 1) & t->wmask;
		t->words[j] = old[i];
	}
	free(old);
}

/*
 * Count the word k, not in its first slot j: look in the slots after it.
 * A word found there that has been counted more often than the one in
 * its first slot changes places with it, so that the common words end up
 * in their first slots, found without this call.  The other word stays
 * where it can be found: every slot from its first to the one it moves
 * to is taken.
 */
static void
tally_word_probe(struct tally *t, uint64_t k, size_t j)
{
	struct tally_word *e, *first = &t->words[j], w;

	for (;;) {
		e = &t->words[j];
		if (e->k == k) {
			e->count++;
			if (e->count > first->count) {
				w = *e;
				*e = *first;
				*first = w;
			}
			return;
		}
		if (e->k == 0)
			break;
		j = (j + 1) & t->wmask;
	}
	e->k = k;
	e->count = 1;
	if (++t->nwords * 4 > (t->wmask + 1) * 3)
		word_grow(t);
}

/*
 * Count the string of 1 to 8 bytes, none of them NUL, whose word is k.
 * Most are found in their first slot; the ones that are not cost a call.
 */
static inline void
tally_word(struct tally *t, uint64_t k)
{
	size_t j = word_index(t, k);
	struct tally_word *e = &t->words[j];

	if (e->k == k)
		e->count++;
	else
		tally_word_probe(t, k, j);
}

/*
 * Count the string of len (1 to 16) bytes whose words are k0 and k1, not
 * in its first slot j: look in the slots after it.
 */
static void
tally_pair_probe(struct tally *t, uint64_t k0, uint64_t k1, size_t len,
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
 * Count the string of len (1 to 16) bytes whose words are k0 and k1 in the
 * table of pairs; it is not a word of the word table.
 */
static inline void
tally_pair(struct tally *t, uint64_t k0, uint64_t k1, size_t len)
{
	size_t j = tally_index(t, k0, k1);
	struct tally_slot *e = &t->slots[j];

	if (e->k0 == k0 && e->k1 == k1 && e->len == len)
		e->count++;
	else
		tally_pair_probe(t, k0, k1, len, j);
}

/* Count the string of len (1 to 16) bytes whose words are k0 and k1. */
static inline void
tally_short(struct tally *t, uint64_t k0, uint64_t k1, size_t len)
{
	if (len <= 8 && nonzero_bytes(k0) == len)
		tally_word(t, k0);
	else
		tally_pair(t, k0, k1, len);
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
	j = tally_index(t, h, 0);
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

/*
 * Counting a string waits for its slot, and with a table larger than the
 * processor's nearer caches (some tens of thousands of words), or in a
 * pipeline whose other programs share those caches, that slot is often
 * far.  So each string found is only noted, with a hint to fetch its slot,
 * and counted when PENDING more (PENDING_PAIRS for strings of 9 to 16
 * bytes) have been found: by then the slot is near.  The order in which
 * strings are counted changes nothing in the counts, and a slot is looked
 * up again when the string is counted, so a table that grew in between
 * does no harm.
 */

enum { PENDING = 16, PENDING_PAIRS = 8 };

struct pending {
	uint64_t k[PENDING];	/* words, a ring */
	size_t n;		/* words noted so far */
	uint64_t k0[PENDING_PAIRS], k1[PENDING_PAIRS];
	size_t len[PENDING_PAIRS];
	size_t npairs;
};

/* Count the word k later, and the word noted PENDING words ago now. */
static inline void
word_later(struct tally *t, struct pending *q, uint64_t k)
{
	size_t i = q->n++ & (PENDING - 1);

	SP_PREFETCH(&t->words[word_index(t, k)]);
	if (q->n > PENDING)
		tally_word(t, q->k[i]);
	q->k[i] = k;
}

/* The same for a string of 9 to 16 bytes, in the table of pairs. */
static inline void
pair_later(struct tally *t, struct pending *q, uint64_t k0, uint64_t k1,
    size_t len)
{
	size_t i = q->npairs++ & (PENDING_PAIRS - 1);

	SP_PREFETCH(&t->slots[tally_index(t, k0, k1)]);
	if (q->npairs > PENDING_PAIRS)
		tally_pair(t, q->k0[i], q->k1[i], q->len[i]);
	q->k0[i] = k0;
	q->k1[i] = k1;
	q->len[i] = len;
}

/* Count what is noted and not yet counted. */
static void
pending_flush(struct tally *t, struct pending *q)
{
	size_t i;

	for (i = 0; i < PENDING && i < q->n; i++)
		tally_word(t, q->k[i]);
	for (i = 0; i < PENDING_PAIRS && i < q->npairs; i++)
		tally_pair(t, q->k0[i], q->k1[i], q->len[i]);
	q->n = q->npairs = 0;
}

void
tally_run(struct tally *t, struct record_run *run)
{
	struct record_run r = *run; /* in registers */
	struct record_item it;
	struct pending q;
	int kind;

	q.n = q.npairs = 0;
	while ((kind = record_run_item(&r, &it)) != RECORD_ITEM_END) {
		if (kind == RECORD_ITEM_SHORT) {
			if (it.len <= 8)
				word_later(t, &q, it.w0);
			else
				pair_later(t, &q, it.w0, it.w1, it.len);
		} else if (it.rec->len > 0)
			tally_add(t, it.rec->payload, it.rec->len);
	}
	pending_flush(t, &q);
	*run = r;
}

/*
 * The string of a taken slot: in the arena if it is long, else its bytes
 * copied out of the slot into out (room for TALLY_SHORT).
 */
static const char *
slot_text(const struct tally *t, const struct tally_slot *e, char *out)
{
	size_t k;

	if (e->len > TALLY_SHORT)
		return t->arena + e->k0;
	for (k = 0; k < e->len; k++)
		out[k] = (char)((k < 8 ? e->k0 >> 8 * k :
		    e->k1 >> 8 * (k - 8)) & 0xFF);
	return out;
}

/*
 * Slot i of the word table and then of the other (i up to tally_nslots),
 * as a slot of the other: 1 with *e set if it is taken, else 0.
 */
static int
tally_at(const struct tally *t, size_t i, struct tally_slot *e)
{
	const struct tally_word *w;

	if (i > t->wmask) {
		*e = t->slots[i - t->wmask - 1];
		return e->len != 0;
	}
	w = &t->words[i];
	e->k0 = w->k;
	e->k1 = 0;
	e->count = w->count;
	e->len = (uint32_t)nonzero_bytes(w->k);
	return w->k != 0;
}

static size_t
tally_nslots(const struct tally *t)
{
	return t->wmask + 1 + t->mask + 1;
}

/* x with its bytes in the opposite order. */
static uint64_t
swap_bytes(uint64_t x)
{
	x = (x & UINT64_C(0x00FF00FF00FF00FF)) << 8 |
	    (x >> 8 & UINT64_C(0x00FF00FF00FF00FF));
	x = (x & UINT64_C(0x0000FFFF0000FFFF)) << 16 |
	    (x >> 16 & UINT64_C(0x0000FFFF0000FFFF));
	return x << 32 | x >> 32;
}

/*
 * Whether a comes before b when their counts and first 16 bytes are the
 * same: a string that has no more comes first; two longer ones are
 * compared on the rest.
 */
static int
rest_before(const struct tally_entry *a, const struct tally_entry *b)
{
	size_t n;
	int c;

	if (a->len > TALLY_SHORT && b->len > TALLY_SHORT) {
		n = a->len < b->len ? a->len : b->len;
		if ((c = memcmp(a->rest + TALLY_SHORT, b->rest + TALLY_SHORT,
		    n - TALLY_SHORT)) != 0)
			return c < 0;
	}
	return a->len < b->len;
}

/* Whether a comes before b: count, largest first, then bytewise. */
static inline int
entry_before(const struct tally_entry *a, const struct tally_entry *b)
{
	if (a->count != b->count)
		return a->count > b->count;
	if (a->hi != b->hi)
		return a->hi < b->hi;
	if (a->lo != b->lo)
		return a->lo < b->lo;
	return rest_before(a, b);
}

static void
swap_entries(struct tally_entry *a, struct tally_entry *b)
{
	struct tally_entry x = *a;

	*a = *b;
	*b = x;
}

/* Heap sort, for sort_entries when its partitions do not shrink. */
static void
sift_down(struct tally_entry *e, size_t i, size_t n)
{
	size_t c;

	for (; (c = 2 * i + 1) < n; i = c) {
		if (c + 1 < n && entry_before(&e[c], &e[c + 1]))
			c++;
		if (!entry_before(&e[i], &e[c]))
			break;
		swap_entries(&e[i], &e[c]);
	}
}

static void
heap_sort(struct tally_entry *e, size_t n)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		sift_down(e, i, n);
	while (n-- > 1) {
		swap_entries(&e[0], &e[n]);
		sift_down(e, 0, n);
	}
}

/*
 * Sort e[0..n), entries that are all different, in place: quicksort with
 * the median of three as the pivot, insertion sort for short ranges, and
 * heap sort where the partitions go too deep.  In place, because every
 * page of memory a program touches first costs a fault, and on some
 * machines (virtual ones) faults cost more than sorting; qsort and a merge
 * sort both take a second array as large.
 */
enum { SORT_SHORT = 12 };

static void
sort_entries(struct tally_entry *e, size_t n, unsigned depth)
{
	struct tally_entry pivot, v;
	size_t i, j;

	while (n > SORT_SHORT) {
		if (depth-- == 0) {
			heap_sort(e, n);
			return;
		}
		/* e[0] <= e[n / 2] <= e[n - 1], and the pivot is the middle. */
		if (entry_before(&e[n / 2], &e[0]))
			swap_entries(&e[n / 2], &e[0]);
		if (entry_before(&e[n - 1], &e[n / 2])) {
			swap_entries(&e[n - 1], &e[n / 2]);
			if (entry_before(&e[n / 2], &e[0]))
				swap_entries(&e[n / 2], &e[0]);
		}
		pivot = e[n / 2];
		/* Hoare's partition: e[0..j] before e[j + 1..n), 0 < j + 1 < n. */
		for (i = 0, j = n - 1;; i++, j--) {
			while (entry_before(&e[i], &pivot))
				i++;
			while (entry_before(&pivot, &e[j]))
				j--;
			if (i >= j)
				break;
			swap_entries(&e[i], &e[j]);
		}
		/* The shorter part by recursion, the longer one in the loop. */
		if (j + 1 < n - j - 1) {
			sort_entries(e, j + 1, depth);
			e += j + 1;
			n -= j + 1;
		} else {
			sort_entries(e + j + 1, n - j - 1, depth);
			n = j + 1;
		}
	}
	for (i = 1; i < n; i++) {
		v = e[i];
		for (j = i; j > 0 && entry_before(&v, &e[j - 1]); j--)
			e[j] = e[j - 1];
		e[j] = v;
	}
}

struct tally_entry *
tally_sorted(const struct tally *t, uint64_t min, size_t *n)
{
	struct tally_entry *out = xreallocarray(NULL, t->nwords + t->n + 1,
	    sizeof(*out));
	struct tally_slot e;
	const unsigned char *s;
	size_t i, k, m = 0;

	for (i = 0; i < tally_nslots(t); i++) {
		if (!tally_at(t, i, &e) || e.count < min)
			continue;
		out[m].count = e.count;
		out[m].len = e.len;
		out[m].rest = NULL;
		if (e.len > TALLY_SHORT) {
			s = (const unsigned char *)(out[m].rest =
			    t->arena + e.k0);
			out[m].hi = out[m].lo = 0;
			for (k = 0; k < 8; k++) {
				out[m].hi = out[m].hi << 8 | s[k];
				out[m].lo = out[m].lo << 8 | s[8 + k];
			}
		} else {
			/* The bytes in little-endian order, wanted in
			 * big-endian. */
			out[m].hi = swap_bytes(e.k0);
			out[m].lo = swap_bytes(e.k1);
		}
		m++;
	}
	for (i = m, k = 0; i > 1; i /= 2)
		k++;
	sort_entries(out, m, 2 * (unsigned)k);
	*n = m;
	return out;
}

const char *
tally_entry_text(const struct tally_entry *e, char *out)
{
	uint64_t hi, lo;
	size_t k;

	if (e->rest != NULL)
		return e->rest;
	if (swar_little_endian()) {
		/* Swapped, the words hold the bytes in memory order. */
		hi = swap_bytes(e->hi);
		lo = swap_bytes(e->lo);
		memcpy(out, &hi, 8);
		memcpy(out + 8, &lo, 8);
		return out;
	}
	/* The first byte is the highest, whatever the machine's order. */
	for (k = 0; k < 8; k++) {
		out[k] = (char)(e->hi >> (56 - 8 * k) & 0xFF);
		out[8 + k] = (char)(e->lo >> (56 - 8 * k) & 0xFF);
	}
	return out;
}

void
tally_move(struct tally *t, struct count_table *c)
{
	struct tally_slot e;
	char key[TALLY_SHORT];
	size_t i;

	for (i = 0; i < tally_nslots(t); i++)
		if (tally_at(t, i, &e))
			count_cell(c, COUNT_NOGROUP, strtab_intern(&c->items,
			    slot_text(t, &e, key), e.len, NULL))->count +=
			    e.count;
}
