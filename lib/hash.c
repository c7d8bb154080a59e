/*
 * The string table of hash.h.  The hash is a multiply-xorshift over 8-byte
 * words: tokens are short, so hashing costs a few multiplications each.
 * The table doubles when it is half full, which keeps probe runs short.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hash.h"

enum { INITIAL_SLOTS = 1024 };

void
strtab_init(struct strtab *t)
{
	memset(t, 0, sizeof(*t));
	t->mask = INITIAL_SLOTS - 1;
	t->slots = xcalloc(INITIAL_SLOTS, sizeof(*t->slots));
	t->entcap = INITIAL_SLOTS / 2;
	t->entries = xreallocarray(NULL, t->entcap, sizeof(*t->entries));
	t->arenacap = 1 << 16;
	t->arena = xmalloc(t->arenacap);
}

void
strtab_free(struct strtab *t)
{
	free(t->slots);
	free(t->entries);
	free(t->arena);
	memset(t, 0, sizeof(*t));
}

uint32_t
strtab_hash(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ len, w;

	while (len >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
		s += 8;
		len -= 8;
	}
	/*
	 * The last 1 to 7 bytes are gathered with fixed-size loads (two
	 * overlapping ones when there are 4 or more), since copying a
	 * variable number of bytes into a word stalls on store forwarding.
	 */
	if (len >= 4) {
		uint32_t lo, hi;

		memcpy(&lo, s, 4);
		memcpy(&hi, s + len - 4, 4);
		w = (uint64_t)hi << 32 | lo;
		h = (h ^ w) * 0xFF51AFD7ED558CCDull;
	} else if (len > 0) {
		w = (uint64_t)(unsigned char)s[0] << 16 |
		    (uint64_t)(unsigned char)s[len / 2] << 8 |
		    (unsigned char)s[len - 1];
		h = (h ^ w) * 0xFF51AFD7ED558CCDull;
	}
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ull;
	h ^= h >> 29;
	return (uint32_t)h;
}

static void
grow(struct strtab *t)
{
	size_t nslots = (t->mask + 1) * 2, i, j;

	free(t->slots);
	t->slots = xcalloc(nslots, sizeof(*t->slots));
	t->mask = nslots - 1;
	for (i = 0; i < t->n; i++) {
		j = t->entries[i].hash & t->mask;
		while (t->slots[j] != 0)
			j = (j + 1) & t->mask;
		t->slots[j] = (uint32_t)i + 1;
	}
}

uint32_t
strtab_find(const struct strtab *t, const char *s, size_t len)
{
	uint32_t h = strtab_hash(s, len), id;
	size_t j = h & t->mask;
	const struct strtab_entry *e;

	while ((id = t->slots[j]) != 0) {
		e = &t->entries[id - 1];
		if (e->hash == h && e->len == len &&
		    memcmp(t->arena + e->off, s, len) == 0)
			return id - 1;
		j = (j + 1) & t->mask;
	}
	return STRTAB_NONE;
}

uint32_t
strtab_intern(struct strtab *t, const char *s, size_t len, int *added)
{
	uint32_t h = strtab_hash(s, len), id;
	size_t j = h & t->mask;
	struct strtab_entry *e;

	while ((id = t->slots[j]) != 0) {
		e = &t->entries[id - 1];
		if (e->hash == h && e->len == len &&
		    memcmp(t->arena + e->off, s, len) == 0) {
			if (added)
				*added = 0;
			return id - 1;
		}
		j = (j + 1) & t->mask;
	}
	if (t->n == STRTAB_NONE - 1 || len > UINT32_MAX)
		sp_die("too many or too long distinct items");
	while (t->arenacap - t->arenalen < len + 1) {
		t->arenacap *= 2;
		t->arena = xrealloc(t->arena, t->arenacap);
	}
	memcpy(t->arena + t->arenalen, s, len);
	t->arena[t->arenalen + len] = '\0';
	if (t->n == t->entcap) {
		t->entcap *= 2;
		t->entries = xreallocarray(t->entries, t->entcap,
		    sizeof(*t->entries));
	}
	e = &t->entries[t->n];
	e->off = t->arenalen;
	e->len = (uint32_t)len;
	e->hash = h;
	t->arenalen += len + 1;
	t->slots[j] = ++t->n;
	if (added)
		*added = 1;
	if ((size_t)t->n * 2 > t->mask + 1)
		grow(t);
	return t->n - 1;
}

int
strtab_cmp(const struct strtab *t, uint32_t a, uint32_t b)
{
	size_t la = t->entries[a].len, lb = t->entries[b].len;
	int c = memcmp(strtab_key(t, a), strtab_key(t, b), la < lb ? la : lb);

	if (c != 0)
		return c;
	return (la > lb) - (la < lb);
}
