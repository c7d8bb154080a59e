/*
 * The string table of hash.h, and the hash keys of every table.  The hash
 * is a multiply-xorshift over 8-byte words: tokens are short, so hashing
 * costs a few multiplications each.  It starts from a random state and
 * multiplies by a random odd number, so that how a string's words are mixed
 * in is unknown outside the process: no set of strings can be built to
 * collide, whatever the seed (as the fixed mixing of MurmurHash allows).
 * The table doubles when it is half full, which keeps probe runs short.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "hash.h"

enum { INITIAL_SLOTS = 1024 };

/* Until hash_keys_init: the constants of the hashes before they had keys. */
struct hash_keys sp_hash_keys = { UINT64_C(0x9E3779B97F4A7C15), {
	UINT64_C(0xFF51AFD7ED558CCD), UINT64_C(0x9E3779B97F4A7C15),
	UINT64_C(0xBF58476D1CE4E5B9), UINT64_C(0x94D049BB133111EB) } };

static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

/* splitmix64: each call a well-mixed 64-bit number from the state. */
static uint64_t
splitmix(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ z >> 30) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ z >> 27) * UINT64_C(0x94D049BB133111EB);
	return z ^ z >> 31;
}

static void
draw_keys(void)
{
	uint64_t buf[5], state;
	struct timespec ts;
	ssize_t got = -1;
	int fd, i, local;

	if ((fd = open("/dev/urandom", O_RDONLY)) >= 0) {
		got = read(fd, buf, sizeof(buf));
		close(fd);
	}
	if (got != (ssize_t)sizeof(buf)) {
		/* Not secret, but not known in advance either. */
		clock_gettime(CLOCK_REALTIME, &ts);
		state = (uint64_t)ts.tv_sec * 1000000000u ^
		    (uint64_t)ts.tv_nsec ^ (uint64_t)getpid() << 32 ^
		    (uint64_t)(uintptr_t)&local ^
		    (uint64_t)(uintptr_t)&sp_hash_keys << 16;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		state ^= splitmix(&state) ^ (uint64_t)ts.tv_nsec;
		for (i = 0; i < 5; i++)
			buf[i] = splitmix(&state);
	}
	sp_hash_keys.seed = buf[0];
	for (i = 0; i < 4; i++)
		sp_hash_keys.mul[i] = buf[i + 1] | 1;
}

void
hash_keys_init(void)
{
	pthread_once(&keys_once, draw_keys);
}

void
strtab_init(struct strtab *t)
{
	hash_keys_init();
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
	uint64_t h = sp_hash_keys.seed ^ len, m = sp_hash_keys.mul[0], w;

	while (len >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * m;
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
		h = (h ^ w) * m;
	} else if (len > 0) {
		w = (uint64_t)(unsigned char)s[0] << 16 |
		    (uint64_t)(unsigned char)s[len / 2] << 8 |
		    (unsigned char)s[len - 1];
		h = (h ^ w) * m;
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
