/*
 * Unit tests of the tally's count of a run of records (tally_run over
 * record_run_item): it must count what tally_add counts of the payloads
 * that record_split finds line by line, whatever the keys, their changes,
 * the fields' lengths and the line ends, and wherever the run ends; and of
 * its sorted table (tally_sorted), against a sort of the strings by count
 * and bytes, across its two tables (strings of up to 8 bytes without NUL,
 * and the others).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "count.h"
#include "io.h"
#include "record.h"
#include "unit.h"

static uint32_t seed = 11;

static uint32_t
rnd(uint32_t n)
{
	seed = seed * 1103515245 + 12345;
	return (seed >> 8) % n;
}

/* Whether two tallies hold the same counts. */
static int
same_counts(struct tally *a, struct tally *b)
{
	struct count_table ca, cb;
	struct cell *x, *y;
	size_t n, m, i;
	uint32_t id;
	int ok;

	count_init(&ca);
	count_init(&cb);
	tally_move(a, &ca);
	tally_move(b, &cb);
	x = count_cells(&ca, &n);
	y = count_cells(&cb, &m);
	ok = n == m;
	for (i = 0; ok && i < n; i++) {
		id = strtab_find(&cb.items, strtab_key(&ca.items, x[i].item),
		    strtab_len(&ca.items, x[i].item));
		ok = id != STRTAB_NONE &&
		    count_cell(&cb, COUNT_NOGROUP, id)->count == x[i].count;
	}
	free(x);
	free(y);
	count_free(&ca);
	count_free(&cb);
	return ok;
}

/* Count buf[0..len) both ways, from every start in the first lines. */
static void
check_run(const char *buf, size_t len, const char *what)
{
	struct tally a, b;
	struct record rec;
	struct record_run run;
	struct record_stretch st[2];
	const char *p, *nl, *end = buf + len;
	size_t lines = 0, got;
	int ok = 1, k;

	for (k = 0; k < 3 && len > 0; k++) {
		tally_init(&a);
		tally_init(&b);
		for (p = buf, lines = 0; p < end; p = nl + 1, lines++) {
			nl = memchr(p, '\n', (size_t)(end - p));
			record_split(&rec, p,
				     reader_drop_crs(p, (size_t)(nl - p)));
			if (rec.len > 0)
				tally_add(&a, rec.payload, rec.len);
		}
		record_run_init(&run, st, buf, len);
		tally_run(&b, &run);
		got = (size_t)run.lines;
		if (got != lines || !same_counts(&a, &b)) {
			ok = 0;
			fprintf(stderr, "%s: %zu lines, %zu counted\n", what,
			    lines, got);
		}
		tally_free(&a);
		tally_free(&b);
		/* The same run without its first line. */
		nl = memchr(buf, '\n', len);
		len -= (size_t)(nl + 1 - buf);
		buf = nl + 1;
	}
	CHECK(ok);
}

static const char *const keys[] = {
	"", "d\t", "corpus-100\t1\t1\t", "corpus-100\t384285\t1044387\t",
	"doc\t12\t345\t", "a-rather-long-document-name-2018-06-04\t12\t345\t",
	"key-of-exactly-sixty-four-bytes-with-its-tab-at-the-end-1234567\t",
	"a-key-of-more-than-sixty-four-bytes-which-is-never-remembered-at-all\t",
	"x\ty\t", "\t", "\t\t", "a\x01\tb\t", "with\rcr\t"
};

/* A line: a key, often the last one or one of the same shape. */
static size_t
make_line(char *out, size_t *key)
{
	static const char fields[][24] = {
		"the", "a", "and", "1234567", "12345678", "123456789",
		"123456789012345", "1234567890123456", "12345678901234567",
		"it\x01s", "a\tb", "", "x\ry", "\t", "abcdefghijklmnopqrstuvw"
	};
	size_t n = 0, k, i, len;
	char *p;

	if (rnd(10) == 0)
		*key = rnd(sizeof(keys) / sizeof(*keys));
	k = strlen(keys[*key]);
	memcpy(out, keys[*key], k);
	/* The same shape: another digit in the key. */
	if (rnd(4) == 0 && (p = memchr(out, '1', k)) != NULL)
		*p = (char)('0' + rnd(10));
	n = k;
	if (rnd(3) == 0) {
		len = rnd(20);
		for (i = 0; i < len; i++)
			out[n++] = (char)('a' + rnd(26));
	} else {
		i = rnd(sizeof(fields) / sizeof(*fields));
		memcpy(out + n, fields[i], strlen(fields[i]));
		n += strlen(fields[i]);
	}
	switch (rnd(12)) {
	case 0:
		out[n++] = '\r';
		break;
	case 1:
		out[n++] = '\r';
		out[n++] = '\r';
		break;
	default:
		break;
	}
	out[n++] = '\n';
	return n;
}

static void
test_tally_run(void)
{
	static char buf[1 << 16];
	size_t len, key = 2, round, n;

	for (round = 0; round < 300; round++) {
		len = 0;
		n = 1 + rnd(round % 3 == 0 ? 3 : 400);
		while (n-- > 0 && len < sizeof(buf) - 300)
			len += make_line(buf + len, &key);
		check_run(buf, len, "random run");
	}
	/* Runs that end just after a line, with nothing after them. */
	for (n = 0; n < 120; n++) {
		char *tail = buf + sizeof(buf) - n - 1;

		memset(tail, 'a', n);
		tail[n] = '\n';
		check_run(tail, n + 1, "run at the end of the memory");
	}
	/* One key throughout, then a new sentence every line. */
	len = 0;
	for (n = 0; n < 2000; n++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
		    "corpus-100\t%zu\t%zu\tw%zu\n", n / 300, n / 7, n % 13);
	check_run(buf, len, "sentences");
	len = 0;
	for (n = 0; n < 2000; n++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
		    "doc\t%zu\tword\r\n", n);
	check_run(buf, len, "CRLF, new key every line");
}

/*
 * Runs too large for the stack buffer: many distinct strings, so that
 * both tables grow while fields wait to be counted; a first stretch of
 * one long line and a second of many short ones.
 */
static void
test_large_runs(void)
{
	size_t cap = 1 << 21, len = 0, n, i;
	char *buf = malloc(cap);

	if (buf == NULL)
		abort();
	for (n = 0; n < 50000; n++) {
		len += (size_t)snprintf(buf + len, cap - len, "d\t%zu\t%zu\t",
		    n / 500, n / 20);
		for (i = 0; i < 1 + n % 19; i++)
			buf[len++] = (char)('a' + (n * 7 + i * (n % 5 + 1)) % 26);
		buf[len++] = '\n';
	}
	check_run(buf, len, "many distinct strings");
	memcpy(buf, "d\t", 2);
	memset(buf + 2, 'x', 100000);
	buf[100002] = '\n';
	len = 100003;
	for (n = 0; n < 20000; n++)
		len += (size_t)snprintf(buf + len, cap - len, "d\tw%zu\n",
		    n % 3000);
	check_run(buf, len, "one long line, then many short ones");
	free(buf);
}

struct counted {
	char s[24];		/* up to 21 bytes */
	size_t len;
	uint64_t count;
};

static int
cmp_counted(const void *pa, const void *pb)
{
	const struct counted *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if ((c = memcmp(a->s, b->s, n)) != 0)
		return c;
	return (a->len > b->len) - (a->len < b->len);
}

/*
 * Strings with NUL bytes, of 8 and 9 bytes, prefixes of each other, and
 * many of one count: tally_sorted gives each its count, in the order of
 * sp-count's table.
 */
static void
test_sorted(void)
{
	static const struct { const char *s; size_t len; } fixed[] = {
		{ "a", 1 }, { "a\0", 2 }, { "\0a", 2 }, { "\0", 1 },
		{ "abcdefg", 7 }, { "abcdefg\0", 8 }, { "abcdefgh", 8 },
		{ "abcdefgh\0", 9 }, { "abcdefghi", 9 }, { "\xff\xfe", 2 },
		{ "abcdefghijklmnop", 16 }, { "abcdefghijklmnopq", 17 },
		{ "abcdefghijklmnopqr", 18 }, { "abcdefghijklmnoq", 16 }
	};
	enum { NFIXED = sizeof(fixed) / sizeof(*fixed), NWANT = 9000 };
	static struct counted want[NWANT];
	struct tally t;
	struct tally_entry *e;
	char text[16];
	const char *got;
	size_t n, i, k, m, bad = 0;

	tally_init(&t);
	for (i = 0; i < NWANT; i++) {
		if (i < NFIXED) {
			memcpy(want[i].s, fixed[i].s, fixed[i].len);
			want[i].len = fixed[i].len;
		} else {
			/* Distinct: the number in base 26, then letters. */
			for (k = i, m = 0; k > 0; k /= 26)
				want[i].s[m++] = (char)('a' + k % 26);
			while (m < 1 + i % 20)
				want[i].s[m++] = 'z';
			want[i].s[m++] = '0';
			want[i].len = m;
		}
		want[i].count = i % 3 == 0 ? 1 : 1 + i % 7;
	}
	/* Counted in turns, so that the counts grow together. */
	for (k = 0; k < 7; k++)
		for (i = 0; i < NWANT; i++)
			if (want[i].count > k)
				tally_add(&t, want[i].s, want[i].len);
	qsort(want, NWANT, sizeof(*want), cmp_counted);
	e = tally_sorted(&t, 1, &n);
	CHECK_INT(n, NWANT);
	for (i = 0; i < n && i < NWANT; i++) {
		got = tally_entry_text(&e[i], text);
		if (e[i].count != want[i].count || e[i].len != want[i].len ||
		    memcmp(got, want[i].s, want[i].len) != 0)
			bad++;
	}
	CHECK_INT(bad, 0);
	free(e);
	/* --min: only the ones counted at least 5 times. */
	e = tally_sorted(&t, 5, &n);
	for (i = m = 0; i < NWANT; i++)
		m += want[i].count >= 5;
	CHECK_INT(n, m);
	for (i = bad = 0; i < n; i++)
		bad += e[i].count != want[i].count;
	CHECK_INT(bad, 0);
	free(e);
	tally_free(&t);
}

/*
 * The longest run of taken slots in the word table: how far a lookup of a
 * new word may have to walk.
 */
static size_t
longest_word_run(const struct tally *t)
{
	size_t i, run = 0, longest = 0;

	for (i = 0; i <= 2 * t->wmask + 1; i++) {
		if (t->words[i & t->wmask].k != 0) {
			if (++run > longest)
				longest = run;
		} else
			run = 0;
	}
	return longest < t->wmask + 1 ? longest : t->wmask + 1;
}

/*
 * Hash flooding: NFLOOD eight-letter words whose little-endian 64-bit
 * values k have the same top 12 bits of k * 0x9E3779B97F4A7C15 (found as
 * tests/bench/flood.c finds them) all fell in one run of slots under the
 * word table's old, unkeyed hash, so every new word walked the whole run.
 * With the keyed hash they spread as any words do.  And the counts come
 * out the same whatever the keys.
 */
enum { NFLOOD = 20000 };

static void
test_flood(void)
{
	static char words[NFLOOD][9];
	const uint64_t golden = UINT64_C(0x9E3779B97F4A7C15);
	struct tally t, other;
	struct count_table ct;
	char w[9] = "aaaaaaaa";
	uint64_t k, h, step[8];
	size_t n = 0, i;
	int j;

	memcpy(&k, w, 8);
	h = k * golden;
	for (j = 0; j < 8; j++)
		step[j] = (UINT64_C(1) << 8 * j) * golden;
	while (n < NFLOOD) {
		if (h >> 52 == 0)
			memcpy(words[n++], w, 9);
		for (j = 0; j < 8 && w[j] == 'z'; j++) {
			w[j] = 'a';
			h -= ('z' - 'a') * step[j];
		}
		w[j]++;
		h += step[j];
	}
	tally_init(&t);
	for (i = 0; i < NFLOOD; i++)
		tally_add(&t, words[i], 8);
	CHECK_INT(t.nwords, NFLOOD);
	/* Unkeyed, the run was NFLOOD long; at load 0.6, it is tens. */
	CHECK(longest_word_run(&t) < 1000);

	/* Other keys, other slots, the same counts. */
	tally_init(&other);
	other.wmul = t.wmul * 3 + 2;
	other.mul0 = t.mul0 * 5 + 4;
	for (i = 0; i < NFLOOD; i++)
		tally_add(&other, words[i], 8);
	tally_add(&other, words[0], 8);
	tally_add(&t, words[0], 8);
	CHECK(same_counts(&t, &other));
	/* The table the counts are moved to is keyed as well. */
	count_init(&ct);
	tally_move(&t, &ct);
	CHECK_INT(ct.ncells, NFLOOD);
	count_free(&ct);
	tally_free(&t);
	tally_free(&other);
}

int
main(void)
{
	test_tally_run();
	test_large_runs();
	test_sorted();
	test_flood();
	UNIT_DONE();
}
