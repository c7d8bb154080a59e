/*
 * Count tables: how many times each item occurs in each group.  Groups and
 * items are interned in two string tables (hash.h); the counts live in one
 * open-addressing table keyed by the pair (group id, item id), so counting
 * a record costs two string lookups and one integer lookup, and memory
 * grows with the number of distinct cells, never with the input.
 *
 * The same module reads the text form of a table, one row a line:
 *
 *	[GROUP TAB ...] ITEM TAB COUNT
 *
 * which is what sp-count writes and reads back with --merge.
 */
#ifndef SP_COUNT_H
#define SP_COUNT_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

struct record;
struct record_run;

/* The group of cells in a table without groups. */
#define COUNT_NOGROUP UINT32_MAX

struct cell {
	uint32_t group, item;	/* item is UINT32_MAX in an empty slot */
	uint64_t count;
};

struct count_table {
	struct strtab groups, items;
	struct cell *slots;
	size_t mask;		/* slot count - 1 (a power of two) */
	unsigned shift;		/* 64 - log2(slot count) */
	size_t ncells;
	uint32_t lastgroup;	/* the group interned last, or COUNT_NOGROUP */
};

void count_init(struct count_table *t);
void count_free(struct count_table *t);

/*
 * The id of group s[0..len), adding it if new.  Records come in runs of
 * one group, so the last group is checked first.
 */
uint32_t count_group(struct count_table *t, const char *s, size_t len);

/*
 * The cell (group, item), added with count 0 if new.  The pointer stays
 * valid until the next call.
 */
struct cell *count_cell(struct count_table *t, uint32_t group, uint32_t item);

/* Add n to *total; return -1, leaving it unchanged, if the sum overflows. */
int count_add(uint64_t *total, uint64_t n);

/*
 * A sum of counts in 128 bits, which no number of 64-bit counts up to
 * 2^64 of them can overflow: for the totals that only feed statistics,
 * which are printed as real numbers, so that a total above 2^64 - 1 (from
 * merged tables) still gives them.
 */
struct count_sum {
	uint64_t hi, lo;
};

static inline void
count_sum_add(struct count_sum *s, uint64_t n)
{
	s->lo += n;
	s->hi += s->lo < n;
}

static inline int
count_sum_zero(const struct count_sum *s)
{
	return s->hi == 0 && s->lo == 0;
}

/* The sum as a double: 2^64 hi + lo, the same on every machine. */
static inline double
count_sum_double(const struct count_sum *s)
{
	return (double)s->hi * 18446744073709551616.0 + (double)s->lo;
}

/*
 * The cells that are not empty, in an array of *n the caller frees; the
 * table must not change while it is used.
 */
struct cell *count_cells(const struct count_table *t, size_t *n);

/*
 * The position of every key of t in bytewise order, indexed by id, so that
 * sorting cells compares integers, not strings.  The caller frees it.
 */
uint32_t *count_ranks(const struct strtab *t);

/*
 * A tally: counts of byte strings for the plain count (no groups, no
 * pairs), the hot path of sp-count.  A string of up to 8 bytes without
 * NUL, which most tokens are, is kept in a slot of 16 bytes with its count
 * (its length is where its bytes end); one of up to 16 bytes in a slot of
 * 32 with its length; a longer one in an arena.  So counting a string
 * touches one slot and calls no memcmp, and the table of the common
 * strings takes half the cache.  tally_move hands the counts to a count
 * table at the end.
 */
struct tally_word {
	uint64_t k;		/* the bytes, 0 in an empty slot */
	uint64_t count;
};

struct tally_slot {
	uint64_t k0, k1;	/* the bytes, or arena offset and hash */
	uint64_t count;
	uint32_t len;		/* 0 in an empty slot */
	uint32_t pad;
};

struct tally {
	uint64_t wmul, mul0, mul1;	/* the keys of the hashes */
	struct tally_word *words;	/* strings of 1 to 8 bytes */
	size_t wmask;		/* slot count - 1 (a power of two) */
	unsigned wshift;	/* 64 - log2(slot count) */
	size_t nwords;
	struct tally_slot *slots;	/* the others */
	size_t mask;
	unsigned shift;
	size_t n;
	char *arena;
	size_t arenalen, arenacap;
};

void tally_init(struct tally *t);
void tally_free(struct tally *t);

/* Add one to the count of s[0..len) (len > 0). */
void tally_add(struct tally *t, const char *s, size_t len);

/*
 * Count the payloads of the records of a run (record.h) that are not
 * empty, taking them all: the hot loop of sp-count's plain count.  Each
 * string found is noted, with a hint to fetch its slot, and counted a few
 * strings later, when the slot is near.
 */
void tally_run(struct tally *t, struct record_run *run);

/* Add the counts to the cells (COUNT_NOGROUP, item) of c. */
void tally_move(struct tally *t, struct count_table *c);

/*
 * A counted string: its first 16 bytes big-endian in hi and lo (zeros
 * after its end), and where the whole of it is if it is longer.
 */
struct tally_entry {
	uint64_t count, hi, lo;
	const char *rest;	/* the whole string if len > 16, else NULL */
	size_t len;
};

/*
 * The strings counted at least min times, in the order of sp-count's
 * plain table: count, largest first, then bytewise (the first 16 bytes,
 * zero-padded, then the rest and the length, compare as the bytes do).  Longer strings point into t, which must outlive the
 * entries.  The caller frees the array.
 */
struct tally_entry *tally_sorted(const struct tally *t, uint64_t min,
    size_t *n);

/* e's string: where it is if it is long, else copied into out (16 bytes). */
const char *tally_entry_text(const struct tally_entry *e, char *out);

enum count_row_status {
	COUNT_ROW_OK,
	COUNT_ROW_MISSING_FIELD,	/* no TAB: no ITEM before the COUNT */
	COUNT_ROW_EMPTY_ITEM,
	COUNT_ROW_NOT_NUMBER,
	COUNT_ROW_NEGATIVE,
	COUNT_ROW_TOO_LARGE		/* does not fit in 64 bits */
};

struct count_row {
	const char *group;	/* the fields before ITEM, TABs kept */
	size_t grouplen;
	int hasgroup;		/* 0 for a row "ITEM TAB COUNT" */
	const char *item;
	size_t itemlen;
	const char *counttext;	/* the COUNT field as written */
	size_t countlen;
	uint64_t count;
};

/*
 * Check one row of a count table, read as a record: its payload is the
 * COUNT, the last field of its key the ITEM and the others the GROUP.
 */
enum count_row_status count_parse_row(struct count_row *row,
				      const struct record *rec);

#endif
