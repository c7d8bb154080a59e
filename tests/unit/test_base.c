/*
 * Unit tests of the foundation: UTF-8 decoding and repair, record
 * splitting, the string table, the tally, option parsing, how much of a
 * value a message quotes, and the switch to the references of the fast
 * paths with the reader's reference.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "count.h"
#include "err.h"
#include "hash.h"
#include "io.h"
#include "opt.h"
#include "record.h"
#include "reference.h"
#include "unit.h"
#include "utf8.h"

static void
test_utf8_decode(void)
{
	uint32_t cp;

	CHECK_INT(utf8_decode((const unsigned char *)"A", 1, &cp), 1);
	CHECK_INT(cp, 'A');
	CHECK_INT(utf8_decode((const unsigned char *)"\xC3\xAB", 2, &cp), 2);
	CHECK_INT(cp, 0xEB);	/* ë */
	CHECK_INT(utf8_decode((const unsigned char *)"\xE2\x80\x99", 3, &cp),
	    3);
	CHECK_INT(cp, 0x2019);	/* ’ */
	CHECK_INT(utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4,
	    &cp), 4);
	CHECK_INT(cp, 0x1F600);
	/* Lone continuation byte, overlong forms, surrogates, truncation. */
	CHECK_INT(utf8_decode((const unsigned char *)"\x80", 1, &cp), 1);
	CHECK_INT(cp, UTF8_REPLACEMENT);
	CHECK_INT(utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 1);
	CHECK_INT(cp, UTF8_REPLACEMENT);
	CHECK_INT(utf8_decode((const unsigned char *)"\xE0\x80\xAF", 3, &cp),
	    1);
	CHECK_INT(utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp),
	    1);
	CHECK_INT(cp, UTF8_REPLACEMENT);
	CHECK_INT(utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp), 1);
	CHECK_INT(utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4,
	    &cp), 1);
	CHECK_INT(utf8_decode((const unsigned char *)"\xFF", 1, &cp), 1);
}

static void
test_utf8_encode_roundtrip(void)
{
	uint32_t cps[] = { 0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000,
	    0x10FFFF };
	char buf[4];
	uint32_t cp;
	size_t i, n;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		n = utf8_encode(cps[i], buf);
		CHECK_INT(utf8_decode((unsigned char *)buf, n, &cp), n);
		CHECK_INT(cp, cps[i]);
	}
	CHECK_INT(utf8_encode(0xD800, buf), 3);	/* surrogate: U+FFFD */
	CHECK(memcmp(buf, "\xEF\xBF\xBD", 3) == 0);
}

static void
test_utf8_sanitize(void)
{
	char out[64];
	size_t bad = 0, n;

	n = utf8_sanitize("ok", 2, out, &bad);
	CHECK_INT(n, 2);
	CHECK_INT(bad, 0);
	n = utf8_sanitize("a\xFF" "b\xC3", 4, out, &bad);
	out[n] = '\0';
	CHECK_STR(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
	CHECK_INT(bad, 2);
	CHECK_INT(utf8_first_invalid("Zo\xC3\xAB", 4), 4);
	CHECK_INT(utf8_first_invalid("Zo\xC3", 3), 2);
}

static unsigned long rand_state = 12345;

static unsigned
next_rand(void)
{
	rand_state = rand_state * 1103515245 + 12345;
	return (unsigned)(rand_state >> 16) & 0x7FFF;
}

/*
 * The fast scans (sixteen or eight bytes at a time) against byte loops, on
 * random text with a few bytes above 0x7F (valid sequences and broken
 * ones) at every place and alignment.
 */
static void
test_utf8_scans(void)
{
	static const char *const pieces[] = { "\xC3\xA9", "\xE2\x80\x99",
	    "\xF0\x9F\x98\x80", "\xFF", "\xC3", "\xE2\x80", "\x80",
	    "\xED\xA0\x80", "\n", "\r" };
	char buf[400], out[1200];
	size_t n, i, k, want, bad, round, off;
	int ok_prefix = 1, ok_count = 1, ok_first = 1;

	for (round = 0; round < 3000; round++) {
		n = next_rand() % 300;
		for (i = 0; i < n; i++)
			buf[i] = (char)('a' + next_rand() % 26);
		for (k = next_rand() % 4; k > 0 && n > 4; k--) {
			const char *p = pieces[next_rand() % 10];
			size_t at = next_rand() % (n - 4), m = strlen(p);

			memcpy(buf + at, p, m);
		}
		for (off = 0; off < 16 && off <= n; off++) {
			for (want = off; want < n &&
			    (unsigned char)buf[want] < 0x80; want++)
				;
			ok_prefix &= utf8_ascii_prefix(buf + off, n - off) ==
			    want - off;
		}
		bad = 0;
		utf8_sanitize(buf, n, out, &bad);
		ok_count &= utf8_count_invalid(buf, n) == bad;
		for (i = 0; i < n; i++)
			if ((unsigned char)buf[i] >= 0x80) {
				k = utf8_valid_prefix((unsigned char *)buf + i,
				    n - i);
				if (k == 0)
					break;
				i += k - 1;
			}
		ok_first &= utf8_first_invalid(buf, n) == i;
	}
	CHECK(ok_prefix);
	CHECK(ok_count);
	CHECK(ok_first);
	CHECK_INT(utf8_count_invalid("a\xFF\n\xC3\r\n\xC3\xA9", 8), 2);
	CHECK_INT(utf8_ascii_prefix("", 0), 0);
}

/* The offset of the first line of s[0..n) not starting with p[0..len). */
static size_t
first_other_line(const char *s, size_t n, const char *p, size_t len)
{
	size_t at = 0;
	const char *nl;

	while (at < n) {
		if (n - at < len || memcmp(s + at, p, len) != 0)
			return at;
		if ((nl = memchr(s + at, '\n', n - at)) == NULL)
			return n;
		at = (size_t)(nl - s) + 1;
	}
	return n;
}

/*
 * record_lines_with_prefix against a line-by-line loop, with keys shorter
 * than a word, of one or two words and longer, over lines of every length
 * around the 64-byte blocks.
 */
static void
test_record_prefix_lines(void)
{
	static const char *const keys[] = { "d1\t1\t", "d1\t2\t",
	    "corpus-100\t", "corpus-101\t", "a-long-document-name\t1\t",
	    "a-long-document-name\t2\t", "d1", "", "\t" };
	static const char *const prefixes[] = { "d1\t1\t", "corpus-100\t",
	    "a-long-document-name\t1\t", "\t" };
	char buf[1200];
	size_t n, i, round, k, pre;
	int ok = 1;

	for (round = 0; round < 4000; round++) {
		pre = round % 4;
		n = 0;
		for (k = next_rand() % 16; k > 0; k--) {
			const char *key = next_rand() % 4 ? prefixes[pre] :
			    keys[next_rand() % 9];

			memcpy(buf + n, key, strlen(key));
			n += strlen(key);
			for (i = next_rand() % 70; i > 0; i--)
				buf[n++] = (char)('a' + next_rand() % 3);
			buf[n++] = '\n';
		}
		if (n > 0 && next_rand() % 2)
			n -= 1 + next_rand() % (n < 30 ? n : 30);
		ok &= record_lines_with_prefix(buf, n, prefixes[pre],
		    strlen(prefixes[pre])) == first_other_line(buf, n,
		    prefixes[pre], strlen(prefixes[pre]));
	}
	CHECK(ok);
	CHECK_INT(record_lines_with_prefix("ab\nab\nac\n", 9, "ab", 2), 6);
	CHECK_INT(record_lines_with_prefix("ab\nab", 5, "ab", 2), 5);
	CHECK_INT(record_lines_with_prefix("ab\na", 4, "ab", 2), 3);
	CHECK_INT(record_lines_with_prefix("", 0, "ab", 2), 0);
}

/* The first line with a TAB after its first byte, line by line. */
static size_t
first_keyed_line(const char *s, size_t n)
{
	size_t at = 0, end;
	const char *tab, *nl;

	while (at < n) {
		nl = memchr(s + at, '\n', n - at);
		end = nl != NULL ? (size_t)(nl - s) : n;
		tab = memchr(s + at, '\t', end - at);
		if (tab != NULL && s[at] != '\t')
			return at;
		at = end + 1;
	}
	return n;
}

/* record_first_keyed_line against a line-by-line loop. */
static void
test_record_keyed_lines(void)
{
	static const char *const starts[] = { "", "\t", "a\t", "\t\t", "ab" };
	char buf[1200];
	size_t n, i, round, k;
	int ok = 1;

	for (round = 0; round < 4000; round++) {
		n = 0;
		for (k = next_rand() % 20; k > 0; k--) {
			const char *st = next_rand() % 5 ? starts[next_rand() %
			    2] : starts[next_rand() % 5];

			memcpy(buf + n, st, strlen(st));
			n += strlen(st);
			for (i = next_rand() % 50; i > 0; i--)
				buf[n++] = next_rand() % 40 ? 'x' : '\t';
			buf[n++] = '\n';
		}
		if (n > 0 && next_rand() % 2)
			n -= 1 + next_rand() % (n < 20 ? n : 20);
		ok &= record_first_keyed_line(buf, n) ==
		    first_keyed_line(buf, n);
	}
	CHECK(ok);
	CHECK_INT(record_first_keyed_line("\ta\tb\nc\n", 7), 7);
	CHECK_INT(record_first_keyed_line("x\n\ta\nb\tc\n", 10), 5);
	CHECK_INT(record_first_keyed_line("", 0), 0);
}

static void
test_record_split(void)
{
	struct record r;
	const char *line = "javid\t3\t4\tthreat";

	record_split(&r, line, strlen(line));
	CHECK(r.haskey);
	CHECK_INT(r.keylen, 9);
	CHECK(memcmp(r.payload, "threat", 6) == 0);
	CHECK_INT(r.len, 6);
	CHECK_INT(record_key_fields(&r), 3);
	CHECK_INT(record_key_prefix(&r, 1), 5);
	CHECK_INT(record_key_prefix(&r, 2), 7);
	CHECK_INT(record_key_prefix(&r, 3), 9);
	CHECK(record_key_prefix(&r, 4) == (size_t)-1);

	record_split(&r, "plain line", 10);
	CHECK(!r.haskey);
	CHECK_INT(r.len, 10);
	CHECK_INT(record_key_fields(&r), 0);
	CHECK(record_key_prefix(&r, 1) == (size_t)-1);

	/* A record with only a key: the payload is empty. */
	record_split(&r, "doc\t", 4);
	CHECK(r.haskey);
	CHECK_INT(r.keylen, 3);
	CHECK_INT(r.len, 0);

	CHECK_INT(record_parse_by("doc"), 1);
	CHECK_INT(record_parse_by("para"), 2);
	CHECK_INT(record_parse_by("sent"), 3);
	CHECK_INT(record_parse_by("4"), 4);
	CHECK_INT(record_parse_by("0"), 0);
	CHECK_INT(record_parse_by("x"), 0);
	CHECK_INT(record_parse_by("2x"), 0);
}

static void
test_strtab(void)
{
	struct strtab t;
	char key[32];
	uint32_t i, id;
	int added;

	strtab_init(&t);
	CHECK_INT(strtab_intern(&t, "the", 3, &added), 0);
	CHECK(added);
	CHECK_INT(strtab_intern(&t, "of", 2, &added), 1);
	CHECK_INT(strtab_intern(&t, "the", 3, &added), 0);
	CHECK(!added);
	CHECK_INT(strtab_find(&t, "of", 2), 1);
	CHECK(strtab_find(&t, "o", 1) == STRTAB_NONE);
	CHECK_STR(strtab_key(&t, 0), "the");
	/* Keys with NUL-free binary content and growth past many rehashes. */
	for (i = 0; i < 100000; i++) {
		snprintf(key, sizeof(key), "w%u", i);
		id = strtab_intern(&t, key, strlen(key), &added);
		if (id != i + 2 || !added)
			break;
	}
	CHECK_INT(i, 100000);
	CHECK_INT(strtab_find(&t, "w77777", 6), 77779);
	CHECK_INT(strtab_len(&t, 77779), 6);
	CHECK(strtab_cmp(&t, 0, 1) > 0);	/* "the" > "of" */
	id = strtab_intern(&t, "th", 2, NULL);
	CHECK(strtab_cmp(&t, id, 0) < 0);	/* prefix sorts first */
	strtab_free(&t);
}

/*
 * The tally of the payloads as record_split_after finds them, against
 * record_split and a string table: last fields of every length from 0 to
 * 40 bytes (any byte but TAB and LF), after keys of several lengths or
 * none, so that the word-at-a-time search meets its TAB in every position
 * of the last 8 bytes and beyond.
 */
static void
test_tally(void)
{
	static const char *const keys[] = { NULL, "", "d", "doc\t1\t2",
	    "a-rather-long-document-name\t12\t345" };
	struct tally t;
	struct count_table c;
	struct strtab want;
	struct record rec, got;
	struct record_hint hint = {0, 0};
	static uint64_t counts[8000];
	char line[128];
	size_t i, k, len, n, kl;
	uint32_t id, seed = 7;
	struct cell *cells;
	int ok = 1;

	tally_init(&t);
	count_init(&c);
	strtab_init(&want);
	for (i = 0; i < 6000; i++) {
		k = i % 5;
		len = i / 5 % 41;
		n = 0;
		if (keys[k] != NULL) {
			kl = strlen(keys[k]);
			memcpy(line, keys[k], kl);
			line[kl] = '\t';
			n = kl + 1;
		}
		for (kl = 0; kl < len; kl++) {
			seed = seed * 1103515245 + 12345;
			/* Few distinct bytes, so that strings repeat. */
			line[n] = "ab\xc3\xa9\x01\xff"[seed >> 16 & 3 ?
			    0 : (seed >> 20) % 6];
			if (i % 3 == 0)
				line[n] = (char)(1 + (seed >> 16) % 250);
			if (line[n] == '\t' || line[n] == '\n')
				line[n] = 'x';
			n++;
		}
		record_split_after(&got, line, n, &hint);
		if (got.len > 0)
			tally_add(&t, got.payload, got.len);
		record_split(&rec, line, n);
		if (rec.len != got.len || rec.payload != got.payload ||
		    rec.haskey != got.haskey || rec.keylen != got.keylen)
			ok = 0;
		if (rec.len > 0) {
			id = strtab_intern(&want, rec.payload, rec.len, NULL);
			counts[id]++;
		}
	}
	tally_add(&t, "added", 5);
	counts[strtab_intern(&want, "added", 5, NULL)]++;
	tally_move(&t, &c);
	cells = count_cells(&c, &n);
	CHECK_INT(n, want.n);
	for (i = 0; i < n; i++) {
		id = strtab_find(&want, strtab_key(&c.items, cells[i].item),
		    strtab_len(&c.items, cells[i].item));
		if (id == STRTAB_NONE || counts[id] != cells[i].count ||
		    cells[i].group != COUNT_NOGROUP)
			ok = 0;
	}
	CHECK(ok);
	free(cells);
	strtab_free(&want);
	count_free(&c);
	tally_free(&t);
}

static void
test_opt(void)
{
	static const struct opt_spec specs[] = {
		{ 1, 'c', "count", OPT_NONE },
		{ 2, 'n', "top", OPT_REQUIRED },
		{ 3, 0, "stop", OPT_OPTIONAL },
		{ 0, 0, NULL, 0 }
	};
	char *argv[] = { "sp-x", "-cn5", "file1", "--top=7", "--stop",
	    "--stop=list", "-n", "9", "--", "-c", NULL };
	struct opt o;
	char *arg;

	opt_init(&o, 10, argv, specs, "usage: sp-x\n");
	CHECK_INT(opt_next(&o, &arg), 1);
	CHECK_INT(opt_next(&o, &arg), 2);
	CHECK_STR(arg, "5");
	CHECK_INT(opt_next(&o, &arg), 2);
	CHECK_STR(arg, "7");
	CHECK_INT(opt_next(&o, &arg), 3);
	CHECK(arg == NULL);
	CHECK_INT(opt_next(&o, &arg), 3);
	CHECK_STR(arg, "list");
	CHECK_INT(opt_next(&o, &arg), 2);
	CHECK_STR(arg, "9");
	CHECK_INT(opt_next(&o, &arg), 0);
	CHECK_INT(o.noperands, 2);
	CHECK_STR(o.operands[0], "file1");
	CHECK_STR(o.operands[1], "-c");
	CHECK_INT(opt_number(&o, "42", 1, 100), 42);
	free(o.operands);
}

/*
 * SP_REFERENCE turns the references on unless it is unset, empty or 0;
 * opt_init reads it.
 */
static void
test_reference_switch(void)
{
	static const struct {
		const char *value; /* NULL: unset */
		int on;
	} cases[] = {
	    {NULL, 0}, {"", 0}, {"0", 0}, {"1", 1}, {"yes", 1}, {"00", 1},
	};
	static const struct opt_spec specs[] = {{0, 0, NULL, 0}};
	char *argv[] = {"sp-x", NULL};
	struct opt o;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (cases[i].value == NULL)
			unsetenv("SP_REFERENCE");
		else
			setenv("SP_REFERENCE", cases[i].value, 1);
		sp_reference = !cases[i].on;
		opt_init(&o, 1, argv, specs, "usage: sp-x\n");
		CHECK_INT(sp_reference, cases[i].on);
		free(o.operands);
	}
	unsetenv("SP_REFERENCE");
	sp_reference = 0;
}

/*
 * The lines of a file read with reader_plain_lines between calls of
 * reader_next, as sp-split and sp-count read, joined by '|' into out;
 * return how many came in runs of plain lines.
 */
static size_t
read_lines(const char *path, char *out, size_t cap)
{
	struct reader r;
	char *s, *nl;
	size_t n, len = 0, plain = 0, i;

	CHECK_INT(reader_open(&r, path), 0);
	for (;;) {
		if ((n = reader_plain_lines(&r, &s)) > 0) {
			for (i = 0; i < n; i = (size_t)(nl - s) + 1) {
				nl = memchr(s + i, '\n', n - i);
				if (len + (size_t)(nl - s - i) + 1 < cap) {
					memcpy(
					    out + len, s + i,
					    reader_drop_crs(
						s + i, (size_t)(nl - s - i)));
					len += reader_drop_crs(
					    s + i, (size_t)(nl - s - i));
					out[len++] = '|';
				}
				plain++;
			}
			continue;
		}
		if (reader_next(&r, &s, &n) <= 0)
			break;
		if (len + n + 1 < cap) {
			memcpy(out + len, s, n);
			len += n;
			out[len++] = '|';
		}
	}
	out[len] = '\0';
	CHECK_INT(reader_close(&r), 0);
	return plain;
}

/*
 * The reader's reference checks every line and hands over no run of
 * plain lines; the lines are the same.
 */
static void
test_reader_reference(void)
{
	static const char text[] =
	    "first line\nplain two\r\nthree\n"
	    "caf\xC3\xA9 \xC3\xA9\nfour\nfive\nlast without LF";
	char path[] = "/tmp/test_base.XXXXXX", fast[256], ref[256];
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK(write(fd, text, sizeof(text) - 1) == (ssize_t)sizeof(text) - 1);
	close(fd);
	CHECK(read_lines(path, fast, sizeof(fast)) > 0);
	sp_reference = 1;
	CHECK_INT(read_lines(path, ref, sizeof(ref)), 0);
	sp_reference = 0;
	CHECK_STR(ref, fast);
	CHECK_STR(fast, "first line|plain two|three|caf\xC3\xA9 \xC3\xA9|four|"
			"five|last without LF|");
	unlink(path);
}

/* A message quotes up to 64 bytes of a value, never half a character. */
static void
test_quote_len(void)
{
	char s[200];

	memset(s, 'a', sizeof(s));
	CHECK_INT(sp_quote_len(s, 0), 0);
	CHECK_INT(sp_quote_len(s, 64), 64);
	CHECK_STR(sp_quote_more(64), "");
	CHECK_INT(sp_quote_len(s, 65), 64);
	CHECK_STR(sp_quote_more(65), "...");
	/* A 2-byte character over bytes 63 and 64: stop before it. */
	s[63] = '\xC3';
	s[64] = '\xAB';
	CHECK_INT(sp_quote_len(s, 200), 63);
	/* A 4-byte character over bytes 62 to 65. */
	memcpy(s + 62, "\xF0\x9F\x98\x80", 4);
	CHECK_INT(sp_quote_len(s, 200), 62);
	/* A character that ends at byte 64 is quoted whole. */
	memset(s, 'a', sizeof(s));
	memcpy(s + 62, "\xC3\xAB", 2);
	CHECK_INT(sp_quote_len(s, 200), 64);
}

int
main(void)
{
	test_utf8_decode();
	test_utf8_encode_roundtrip();
	test_utf8_sanitize();
	test_utf8_scans();
	test_record_split();
	test_record_prefix_lines();
	test_record_keyed_lines();
	test_strtab();
	test_tally();
	test_opt();
	test_quote_len();
	test_reference_switch();
	test_reader_reference();
	UNIT_DONE();
}
