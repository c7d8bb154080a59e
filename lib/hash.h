/*
 * A string table: interns byte strings and gives each distinct one a dense
 * id (0, 1, 2, ... in order of first appearance), so callers keep counts or
 * other data in plain arrays indexed by id.  Open addressing with linear
 * probing; every key is stored once, NUL-terminated, in one growing arena.
 * Memory grows with the number and size of distinct keys only.
 */
#ifndef SP_HASH_H
#define SP_HASH_H

#include <stddef.h>
#include <stdint.h>

#define STRTAB_NONE UINT32_MAX

struct strtab_entry {
	size_t off;		/* key's offset in the arena */
	uint32_t len;
	uint32_t hash;
};

struct strtab {
	uint32_t *slots;	/* id + 1, or 0 for an empty slot */
	size_t mask;		/* slot count - 1 (a power of two) */
	struct strtab_entry *entries;
	uint32_t n, entcap;
	char *arena;
	size_t arenalen, arenacap;
};

void strtab_init(struct strtab *t);
void strtab_free(struct strtab *t);

/*
 * The keys of the hash functions of every table fed by input: the string
 * table's and lib/count.c's.  They are drawn once per process (from
 * /dev/urandom, or failing that from the clock, the process id and
 * addresses), so that no input can be made in advance whose keys collide
 * in a table and make every lookup walk them all (hash flooding).  No
 * output is ever in the order of a table's slots, so none depends on them.
 * hash_keys_init is called by every table's init; before it the keys are
 * fixed ones.
 */
struct hash_keys {
	uint64_t seed;		/* strtab_hash's starting state */
	uint64_t mul[4];	/* odd multipliers */
};

extern struct hash_keys sp_hash_keys;

void hash_keys_init(void);

/* A keyed hash of s[0..len) (see sp_hash_keys). */
uint32_t strtab_hash(const char *s, size_t len);

/* The id of s[0..len), adding it if new (and setting *added if not NULL). */
uint32_t strtab_intern(struct strtab *t, const char *s, size_t len,
    int *added);

/* The id of s[0..len), or STRTAB_NONE. */
uint32_t strtab_find(const struct strtab *t, const char *s, size_t len);

static inline const char *
strtab_key(const struct strtab *t, uint32_t id)
{
	return t->arena + t->entries[id].off;
}

static inline size_t
strtab_len(const struct strtab *t, uint32_t id)
{
	return t->entries[id].len;
}

/* Compare keys a and b bytewise, shorter first on a common prefix. */
int strtab_cmp(const struct strtab *t, uint32_t a, uint32_t b);

#endif
