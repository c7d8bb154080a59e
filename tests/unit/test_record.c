/*
 * Unit tests of lib/record: the record reader gives the records and line
 * numbers that its reference gives (SP_REFERENCE: every line read and
 * split the simple way), one at a time and in runs, across the reader's
 * buffers and check-ahead windows, with CRLF, a byte order mark, invalid
 * UTF-8, a NUL byte, long lines, no final LF and keys that change length;
 * the writer writes what snprintf would, with its block copies landing on
 * the exact end of a buffer of every size (the sanitizer build sees a
 * byte written past it), and counts its keys' numbers as arithmetic does.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "io.h"
#include "record.h"
#include "reference.h"
#include "unit.h"

static char path[] = "/tmp/test_record.XXXXXX";

static uint64_t state = 1;

static uint32_t
rnd(uint32_t n)
{
	state = state * UINT64_C(6364136223846793005) +
		UINT64_C(1442695040888963407);
	return (uint32_t)(state >> 33) % n;
}

static void
write_file(const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(s, 1, n, f) != n || fclose(f) != 0)
		abort();
}

/* A growing text: what was read, one line per record. */
struct text {
	char *s;
	size_t len, cap;
};

static void
text_add(struct text *t, const char *s, size_t n)
{
	if (t->cap - t->len < n + 1) {
		t->cap = 2 * (t->len + n + 1);
		if ((t->s = realloc(t->s, t->cap)) == NULL)
			abort();
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

/* LINE TAB [KEY] | PAYLOAD LF, the key's absence as '-'. */
static void
text_record(struct text *t, unsigned long long line, const struct record *rec)
{
	char num[32];

	text_add(t, num, (size_t)snprintf(num, sizeof(num), "%llu\t", line));
	if (rec->haskey)
		text_add(t, rec->key, rec->keylen);
	else
		text_add(t, "-", 1);
	text_add(t, "|", 1);
	text_add(t, rec->payload, rec->len);
	text_add(t, "\n", 1);
}

/* What a run's item holds: its payload (from its words if short). */
static void
item_payload(const struct record_item *it, int kind, char *out, size_t *len)
{
	size_t i;

	if (kind == RECORD_ITEM_RECORD) {
		*len = it->rec->len;
		memcpy(out, it->rec->payload, *len);
		return;
	}
	*len = it->len;
	for (i = 0; i < it->len; i++)
		out[i] =
		    (char)((i < 8 ? it->w0 >> 8 * i : it->w1 >> 8 * (i - 8)) &
			   0xFF);
	/* The words hold nothing after the payload. */
	CHECK(it->len > 8 || it->w1 == 0);
	CHECK(it->len >= 8 || it->w0 >> 8 * it->len == 0);
	CHECK(it->len <= 8 || it->len >= 16 ||
	      it->w1 >> 8 * (it->len - 8) == 0);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The payload of line n (1-based) of the reference's records. */
static char *
payload_of_line(char **lines, unsigned long long n)
{
	return strchr(lines[n - 1], '|') + 1;
}

/* Standard error into a file, and back: what was written there. */
static int saved_stderr = -1;
static char errpath[] = "/tmp/test_record_err.XXXXXX";

static void
capture_stderr(void)
{
	int fd = mkstemp(errpath);

	if (fd < 0)
		abort();
	fflush(stderr);
	saved_stderr = dup(2);
	dup2(fd, 2);
	close(fd);
}

static char *
captured_stderr(void)
{
	static char msg[4096];
	FILE *f;
	size_t n;

	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	if ((f = fopen(errpath, "r")) == NULL)
		abort();
	n = fread(msg, 1, sizeof(msg) - 1, f);
	msg[n] = '\0';
	fclose(f);
	unlink(errpath);
	memcpy(errpath + strlen(errpath) - 6, "XXXXXX", 6);
	return msg;
}

/*
 * Read the file as the references do, one record at a time, into ref;
 * then one at a time with the fast paths into one, and in runs with
 * record_next between them (as sp-count reads) into mixed; the records
 * of a run are compared with the reference's lines as a set.  Return the
 * number of records that came in runs.
 */
static size_t
read_three_ways(struct text *ref, struct text *one, int *status)
{
	struct record_reader rr;
	struct record_run run;
	struct record_item it;
	struct record rec;
	char **lines = NULL, *p, **got = NULL, *buf, msg[3][4096];
	size_t nlines = 0, cap = 0, inruns = 0, i, n, gotcap = 0, ngot;
	unsigned long long before;
	int kind, st[3];

	ref->len = one->len = 0;
	sp_reference = 1;
	capture_stderr();
	CHECK_INT(record_open(&rr, path), 0);
	while (record_next(&rr, &rec) > 0)
		text_record(ref, record_lineno(&rr), &rec);
	st[0] = record_close(&rr);
	strcpy(msg[0], captured_stderr());
	sp_reference = 0;
	/* The reference's lines, by number. */
	for (p = ref->s; ref->len > 0 && *p != '\0'; p = strchr(p, '\n') + 1) {
		if (nlines == cap) {
			cap = cap ? 2 * cap : 1024;
			lines = realloc(lines, cap * sizeof(*lines));
		}
		lines[nlines++] = p;
	}
	for (i = 0; i < nlines; i++)
		*strchr(lines[i], '\n') = '\0';

	capture_stderr();
	CHECK_INT(record_open(&rr, path), 0);
	while (record_next(&rr, &rec) > 0)
		text_record(one, record_lineno(&rr), &rec);
	st[1] = record_close(&rr);
	strcpy(msg[1], captured_stderr());

	capture_stderr();
	CHECK_INT(record_open(&rr, path), 0);
	buf = malloc(1 << 22);
	for (;;) {
		before = record_lineno(&rr);
		if (record_run_begin(&rr, &run)) {
			ngot = 0;
			while ((kind = record_run_item(&run, &it)) !=
			       RECORD_ITEM_END) {
				item_payload(&it, kind, buf, &n);
				buf[n] = '\0';
				if (ngot == gotcap) {
					gotcap = gotcap ? 2 * gotcap : 1024;
					got =
					    realloc(got, gotcap * sizeof(*got));
				}
				got[ngot++] = strdup(buf);
			}
			record_run_end(&rr, &run);
			CHECK_INT(record_lineno(&rr) - before, ngot);
			CHECK(record_lineno(&rr) <= nlines);
			inruns += ngot;
			if (record_lineno(&rr) > nlines)
				break;
			/* The same payloads as the reference's lines. */
			qsort(got, ngot, sizeof(*got), cmp_str);
			{
				char **want =
				    malloc((ngot + 1) * sizeof(*want));
				size_t bad = 0;

				for (i = 0; i < ngot; i++)
					want[i] = payload_of_line(
					    lines, before + 1 + i);
				qsort(want, ngot, sizeof(*want), cmp_str);
				for (i = 0; i < ngot; i++)
					bad += strcmp(want[i], got[i]) != 0;
				CHECK_INT(bad, 0);
				free(want);
			}
			for (i = 0; i < ngot; i++)
				free(got[i]);
			continue;
		}
		if (record_next(&rr, &rec) <= 0)
			break;
		/* A record out of a run is the reference's line. */
		CHECK(record_lineno(&rr) <= nlines);
		if (record_lineno(&rr) <= nlines) {
			struct text t = {0};

			text_record(&t, record_lineno(&rr), &rec);
			t.s[t.len - 1] = '\0';
			CHECK_STR(t.s, lines[record_lineno(&rr) - 1]);
			free(t.s);
		}
	}
	st[2] = record_close(&rr);
	strcpy(msg[2], captured_stderr());
	CHECK_INT(st[1], st[0]);
	CHECK_INT(st[2], st[0]);
	/* The same warnings: a NUL byte's line, the UTF-8 replaced. */
	CHECK_STR(msg[1], msg[0]);
	CHECK_STR(msg[2], msg[0]);
	*status = st[0];
	for (i = 0; i < nlines; i++)
		lines[i][strlen(lines[i])] = '\n';
	free(lines);
	free(got);
	free(buf);
	return inruns;
}

/* One record of the generated files: keys of 0 to 4 fields. */
static size_t
make_record(char *out, char *key, size_t *keylen)
{
	static const char *const fields[] = {"corpus-10",
					     "d",
					     "1",
					     "12",
					     "345",
					     "6789",
					     "security-minister-2019-10",
					     ""};
	static const char *const odd[] = {"caf\xC3\xA9", "\xC3", "\xFF\xFE",
					  "it\x01s",	 "\r",	 "a\rb",
					  "\xE2\x80\x99"};
	size_t n = 0, k, i, len;

	/* Keys change now and then, often to one of another length. */
	if (rnd(8) == 0) {
		*keylen = 0;
		for (k = rnd(5), i = 0; i < k; i++) {
			const char *f = fields[rnd(8)];

			memcpy(key + *keylen, f, strlen(f));
			*keylen += strlen(f);
			key[(*keylen)++] = '\t';
		}
	}
	memcpy(out, key, *keylen);
	n = *keylen;
	len = rnd(50) == 0 ? 200 + rnd(3000) : rnd(3) == 0 ? rnd(40) : rnd(17);
	for (i = 0; i < len; i++)
		out[n++] = (char)(rnd(6) == 0 ? ' ' : 'a' + rnd(26));
	if (rnd(20) == 0) {
		const char *o = odd[rnd(7)];

		memcpy(out + n, o, strlen(o));
		n += strlen(o);
	}
	switch (rnd(15)) {
	case 0:
		out[n++] = '\r';
		break;
	case 1:
		out[n++] = '\r';
		out[n++] = '\r';
		break;
	}
	out[n++] = '\n';
	return n;
}

/*
 * Generated files: the same records and line numbers every way, and most
 * of them in runs.  Sizes cross the reader's chunks (256 kB) and its
 * check-ahead windows (16 kB); some files start with a byte order mark,
 * end without a LF, or hold a NUL byte, after which the reference and
 * the fast paths stop at the same line with the same status.
 */
static void
test_generated(void)
{
	struct text ref = {0}, one = {0};
	size_t cap = 1 << 21, len, inruns, round, total = 0, keylen = 0;
	char *buf = malloc(cap), key[256];
	int status, nul_files = 0;

	for (round = 0; round < 40; round++) {
		size_t size =
		    round % 5 == 0 ? 700000 + rnd(100000) : 1 + rnd(40000);

		len = 0;
		if (round % 7 == 3) {
			memcpy(buf, "\xEF\xBB\xBF", 3);
			len = 3;
		}
		while (len < size)
			len += make_record(buf + len, key, &keylen);
		if (round % 4 == 1 && buf[len - 1] == '\n')
			len--;
		if (round % 9 == 4) {
			buf[rnd((uint32_t)len)] = '\0';
			nul_files++;
		}
		write_file(buf, len);
		inruns = read_three_ways(&ref, &one, &status);
		total += inruns;
		CHECK(one.len == ref.len && memcmp(one.s, ref.s, ref.len) == 0);
	}
	/* The runs carry most records: the test tests them. */
	CHECK(total > 100000);
	CHECK(nul_files > 0);
	free(ref.s);
	free(one.s);
	free(buf);
}

/* Lines longer than the reader's chunks, and keys of every length. */
static void
test_long_lines(void)
{
	struct text ref = {0}, one = {0};
	size_t len = 0, i, k, cap = 3 << 20;
	char *buf = malloc(cap);
	int status;

	for (k = 0; k < 3; k++) {
		len += (size_t)sprintf(buf + len, "doc\t%zu\t", k);
		for (i = 0; i < 600000; i++)
			buf[len++] = (char)('a' + i % 26);
		buf[len++] = '\n';
		for (i = 0; i < 2000; i++)
			len += (size_t)sprintf(
			    buf + len, "%.*s\t%zu\tw%zu\n", (int)(i % 90),
			    "abcdefghijklmnopqrstuvwxyzabcdefg"
			    "hijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcde"
			    "fgh"
			    "ijklmnopqrstuvwxyz",
			    i / 7, i % 23);
	}
	write_file(buf, len);
	CHECK(read_three_ways(&ref, &one, &status) > 1000);
	CHECK_INT(status, 0);
	CHECK(one.len == ref.len && memcmp(one.s, ref.s, ref.len) == 0);
	free(ref.s);
	free(one.s);
	free(buf);
}

/* record_split_after agrees with record_split, whatever came before. */
static void
test_split_after(void)
{
	static const char *const lines[] = {
	    "doc\t1\t2\tthe",
	    "doc\t1\t2\tlonger payload here",
	    "doc\t1\t22\tx",
	    "doc\t1\t2\tx\ty",
	    "d\tx",
	    "\tx",
	    "\t",
	    "x\t",
	    "no key at all",
	    "",
	    "a\tb\tc\td\te\tf\tg\th",
	    "12345678\t1",
	    "1234567\t12345678",
	    "k\t123456789012345",
	    "k\t1234567890123456",
	    "k\t12345678901234567",
	    "\t\t\t",
	    "doc\t1\t2\t\t",
	    "corpus-100\t384285\t1044387\tword"};
	enum { N = sizeof(lines) / sizeof(*lines) };
	struct record_hint hint = {0, 0};
	struct record a, b;
	char copy[64];
	size_t i, j, n, bad = 0;

	for (i = 0; i < 4000; i++) {
		j = i < N * N ? (i % 2 ? i / N : i % N) : rnd(N);
		n = strlen(lines[j]);
		/* An exact copy, so that a read past the end is seen. */
		memcpy(copy, lines[j], n);
		record_split(&a, copy, n);
		record_split_after(&b, copy, n, &hint);
		bad += a.key != b.key || a.keylen != b.keylen ||
		       a.haskey != b.haskey || a.payload != b.payload ||
		       a.len != b.len;
	}
	CHECK_INT(bad, 0);
	record_split(&a, "d\t1\tw", 5);
	CHECK_INT(record_key_fields(&a), 2);
	CHECK_INT(record_key_prefix(&a, 1), 1);
	CHECK_INT(record_key_prefix(&a, 2), 3);
	CHECK(record_key_prefix(&a, 3) == (size_t)-1);
	CHECK(record_text(&a, &n) == a.key && n == 5);
}

/* A writer into a file through a buffer of exactly cap bytes. */
struct sink {
	FILE *f;
	struct writer w;
	struct record_writer rw;
};

static void
sink_open(struct sink *s, size_t cap)
{
	if ((s->f = tmpfile()) == NULL)
		abort();
	s->w.fd = fileno(s->f);
	s->w.name = "(test)";
	s->w.buf = malloc(cap);
	s->w.cap = cap;
	s->w.len = 0;
	record_writer_init(&s->rw, &s->w);
}

/* Close and return what was written (static, NUL-terminated). */
static const char *
sink_close(struct sink *s)
{
	static char out[1 << 16];
	size_t n;

	writer_flush(&s->w);
	rewind(s->f);
	n = fread(out, 1, sizeof(out) - 1, s->f);
	out[n] = '\0';
	fclose(s->f);
	free(s->w.buf);
	record_writer_free(&s->rw);
	return out;
}

/*
 * Records written whole, as block copies and through a cursor, with
 * buffers of every size from one that holds no short record to several:
 * the bytes are what snprintf makes of them.
 */
static void
test_writer_blocks(void)
{
	static const char *const keys[] = {NULL,
					   "",
					   "k",
					   "doc\t12\t345",
					   "0123456789abcdefghijklmnopqrstu",
					   "0123456789abcdefghijklmnopqrstuv"};
	char want[1 << 16], field[64 + RECORD_BLOCK];
	struct record_cursor c;
	struct sink s;
	const char *got;
	size_t cap, k, i, w, n, bad = 0;
	int put;

	for (k = 0; k < sizeof(keys) / sizeof(*keys); k++)
		for (cap = 1; cap < 140; cap++) {
			sink_open(&s, cap);
			record_key_set(&s.rw, keys[k],
				       keys[k] ? strlen(keys[k]) : 0);
			w = 0;
			/* Every length at every place before the end. */
			for (i = 0; i < 300; i++) {
				n = (i * 13 + cap) % 41;
				memset(field, 'a' + (int)(i % 26), n);
				memset(field + n, '#', RECORD_BLOCK);
				w += (size_t)snprintf(
				    want + w, sizeof(want) - w, "%s%s%.*s\n",
				    keys[k] ? keys[k] : "", keys[k] ? "\t" : "",
				    (int)n, field);
				switch ((i + cap) % 3) {
				case 0:
					record_put(&s.rw, field, n);
					break;
				case 1:
					record_put_short(&s.rw, field, n);
					break;
				default:
					/*
					 * A cursor, as the tokenizer uses it;
					 * a buffer too small for any record
					 * of a block, or a long key, takes
					 * record_put.
					 */
					for (;;) {
						if (!record_cursor_begin(&s.rw,
									 &c)) {
							record_flush(&s.rw);
							if (!record_cursor_begin(
								&s.rw, &c)) {
								record_put(
								    &s.rw,
								    field, n);
								break;
							}
						}
						put = record_cursor_put(
						    &c, field, n);
						record_cursor_end(&s.rw, &c);
						if (put == RECORD_PUT_OK)
							break;
						if (put == RECORD_PUT_LONG) {
							record_put(&s.rw, field,
								   n);
							break;
						}
						record_flush(&s.rw);
					}
					break;
				}
			}
			got = sink_close(&s);
			bad += strcmp(got, want) != 0;
		}
	CHECK_INT(bad, 0);
}

/*
 * The cursor fills a buffer of every size up to its end: a first record
 * of every length, then records of one length, each at most a block,
 * until the cursor says it is full; the last record ends where the
 * buffer does whenever the lengths allow it.
 */
static void
test_cursor_ends(void)
{
	char field[RECORD_BLOCK * 2], want[4096];
	struct record_cursor c;
	struct sink s;
	size_t cap, first, n, w, bad = 0, full = 0;

	memset(field, 'w', sizeof(field));
	for (cap = 3; cap < 140; cap++)
		for (first = 0; first <= RECORD_BLOCK; first++)
			for (n = 0; n <= RECORD_BLOCK; n += 8) {
				sink_open(&s, cap);
				record_key_set(&s.rw, "k", 1);
				w = 0;
				if (record_cursor_begin(&s.rw, &c)) {
					if (record_cursor_put(&c, field,
							      first) ==
					    RECORD_PUT_OK)
						w += (size_t)snprintf(
						    want + w, sizeof(want) - w,
						    "k\t%.*s\n", (int)first,
						    field);
					while (
					    record_cursor_put(&c, field, n) ==
					    RECORD_PUT_OK)
						w += (size_t)snprintf(
						    want + w, sizeof(want) - w,
						    "k\t%.*s\n", (int)n, field);
					record_cursor_end(&s.rw, &c);
					full +=
					    s.w.len + 3 + RECORD_BLOCK > cap;
				}
				want[w] = '\0';
				bad += strcmp(sink_close(&s), want) != 0;
			}
	CHECK_INT(bad, 0);
	CHECK(full > 1000);
}

/* Keys built field by field, their numbers counted in place. */
static void
test_key_count(void)
{
	char want[128];
	struct sink s;
	const char *got;
	uint64_t para, sent;
	size_t bad = 0;
	int ref;

	for (ref = 0; ref < 2; ref++) {
		sp_reference = ref;
		sink_open(&s, 64);
		record_key_set(&s.rw, NULL, 0);
		record_key_field(&s.rw, "doc", 3);
		record_key_number(&s.rw, 0);
		record_key_number(&s.rw, 0);
		para = sent = 0;
		while (sent < 12000) {
			if (sent % 37 == 0) {
				record_key_count(&s.rw, 1);
				para++;
			}
			record_key_count(&s.rw, 2);
			sent++;
			snprintf(want, sizeof(want), "doc\t%llu\t%llu\t",
				 (unsigned long long)para,
				 (unsigned long long)sent);
			bad += s.rw.headlen != strlen(want) ||
			       memcmp(s.rw.head, want, s.rw.headlen) != 0;
		}
		record_key_set_number(&s.rw, 1, 99999);
		record_key_set_number(&s.rw, 2, 7);
		record_key_count(&s.rw, 2);
		record_put(&s.rw, "text", 4);
		record_key_set_number(&s.rw, 0, 5);
		record_put(&s.rw, "x", 1);
		got = sink_close(&s);
		CHECK_STR(got, "doc\t99999\t8\ttext\n5\t99999\t8\tx\n");
		CHECK_INT(bad, 0);
	}
	sp_reference = 0;
}

/* Rows field by field, numbers and reals as sp-count writes them. */
static void
test_fields(void)
{
	struct record rec;
	struct sink s;
	char big[512], want[1024];

	sink_open(&s, 40);
	record_begin(&s.rw);
	record_field(&s.rw, "item", 4);
	record_field_u64(&s.rw, 0);
	record_field_u64(&s.rw, UINT64_MAX);
	record_field_real(&s.rw, -0.00004, 4);
	record_field_real(&s.rw, -0.00005, 4);
	record_field_real(&s.rw, 1.23456, 4);
	record_field_real(&s.rw, -0.0000004, 6);
	record_field_real(&s.rw, 2.5, 0);
	record_field_padded(&s.rw, 2, "ab", 2, 3);
	record_field_padded(&s.rw, 0, NULL, 0, 1);
	record_end(&s.rw);
	record_key_set(&s.rw, "g1\tg2", 5);
	record_begin(&s.rw);
	record_field(&s.rw, "w", 1);
	record_field_real(&s.rw, 1e300, 1);
	record_end(&s.rw);
	record_key_set(&s.rw, NULL, 0);
	record_begin(&s.rw);
	record_end(&s.rw);
	record_split(&rec, "k1\tk2\tpayload", 13);
	record_copy(&s.rw, &rec);
	record_key(&s.rw, &rec);
	record_put(&s.rw, "p", 1);
	record_split(&rec, "no key", 6);
	record_copy(&s.rw, &rec);
	record_key(&s.rw, &rec);
	record_put(&s.rw, "p", 1);
	/* A real too long for the writer's small buffer, as printf has it. */
	snprintf(big, sizeof(big), "%.1f", 1e300);
	snprintf(want, sizeof(want),
		 "item\t0\t18446744073709551615\t0.0000\t-0.0001\t1.2346\t"
		 "0.000000\t2\t  ab   \t "
		 "\ng1\tg2\tw\t%s\n\nk1\tk2\tpayload\nk1\tk2\tp\n"
		 "no key\np\n",
		 big);
	CHECK_STR(sink_close(&s), want);
}

/*
 * Reals are written as printf's "%.*f" writes them (after the rule that
 * makes a value that rounds to 0 print as 0), whether the writer's own
 * formatting or printf makes them: random values of every size and sign,
 * values a hair from a half of the last decimal, and the limits.
 */
static void
test_reals(void)
{
	static const double edge[] = {0.5,
				      1.5,
				      2.5,
				      0.125,
				      0.00015,
				      0.00025,
				      1.00005,
				      2.00015,
				      1e-5,
				      5e-5,
				      1e11,
				      1e12,
				      1e15,
				      1099511627776.0 / 1e4,
				      12345.678949999999,
				      3.999999999,
				      -0.49999999,
				      1e-300};
	struct sink s;
	const char *got;
	char want[1 << 16];
	size_t wantlen, i, batch;
	uint64_t r = 88172645463325252ULL;
	double x;
	int d, k, bad = 0;

	/* Batches of 2,000, whose text fits the sink. */
	for (batch = 0; batch < 100 && !bad; batch++) {
		sink_open(&s, 64);
		wantlen = 0;
		for (i = batch * 2000; i < (batch + 1) * 2000; i++) {
			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			d = (int)(r % 10);
			if (i < 6 * sizeof(edge) / sizeof(*edge)) {
				/* An edge, its neighbours, its negative. */
				x = edge[i / 6];
				x = i % 3 == 0	 ? x
				    : i % 3 == 1 ? nextafter(x, 0)
						 : nextafter(x, 1e308);
				x = i % 6 >= 3 ? -x : x;
				d = 4;
			} else if (i % 2)
				/* k + 1/2 of the last decimal, about */
				x = ((double)(r >> 40) + 0.5) / pow(10, d) *
				    (1 + ((int)(r >> 20 & 3) - 1) * 2.2e-16);
			else
				x = (double)(r >> 11) / 9007199254740992.0 *
				    pow(10, (int)((r >> 3) % 16) - 6);
			if (r & 1 << 9)
				x = -x;
			record_begin(&s.rw);
			record_field_real(&s.rw, x, d);
			record_end(&s.rw);
			k = snprintf(want + wantlen, sizeof(want) - wantlen,
				     "%.*f\n", d,
				     fabs(x) < 0.5 / pow(10, d) ? 0.0 : x);
			wantlen += (size_t)k;
		}
		got = sink_close(&s);
		if (strcmp(got, want) != 0) {
			for (i = 0; got[i] == want[i]; i++)
				;
			fprintf(stderr,
				"first difference at byte %zu: got "
				"'%.40s' want '%.40s'\n",
				i, got + i, want + i);
			bad = 1;
		}
	}
	CHECK_INT(bad, 0);
}

/* The messages about a record name its file and line. */
static void
test_messages(void)
{
	struct record_reader rr;
	struct record rec;
	char want[1024];

	write_file("d\t1\tw\nd\tx\n", 10);
	capture_stderr();
	CHECK_INT(record_open(&rr, path), 0);
	CHECK_INT(record_next(&rr, &rec), 1);
	CHECK_INT(record_by_prefix(&rr, &rec, 2, "para"), 3);
	CHECK_INT(record_next(&rr, &rec), 1);
	CHECK(record_by_prefix(&rr, &rec, 2, "para") == (size_t)-1);
	record_warn(&rr, "count '%s' %s", "x", "is not a whole number");
	CHECK_INT(record_next(&rr, &rec), 0);
	CHECK_INT(record_close(&rr), 0);
	record_split(&rec, "plain", 5);
	record_warn_fields("f", 9, &rec, "doc", 1);
	snprintf(want, sizeof(want),
		 "%s: %s:2: --by para needs 2 key fields, the record has 1\n"
		 "%s: %s:2: count 'x' is not a whole number\n"
		 "%s: f:9: --by doc needs 1 key field, the record has 0\n",
		 sp_progname, path, sp_progname, path, sp_progname);
	CHECK_STR(captured_stderr(), want);
}

int
main(int argc, char *argv[])
{
	int fd = mkstemp(path);

	(void)argc;
	sp_setprogname(argv[0]);
	if (fd < 0)
		abort();
	close(fd);
	test_split_after();
	test_generated();
	test_long_lines();
	test_writer_blocks();
	test_cursor_ends();
	test_key_count();
	test_fields();
	test_reals();
	test_messages();
	unlink(path);
	UNIT_DONE();
}
