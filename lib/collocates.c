/*
 * Window collocates (collocates.h).  Each run is kept until it ends, then
 * counted: with the number of tokens before each position, the pairs of
 * every token and the times each token is the second of a pair are a
 * subtraction each, so the run costs O(len) plus O(L + R) for each token
 * of the node.
 */
#include <stdlib.h>
#include <string.h>

#include "colloc.h"
#include "collocates.h"
#include "count.h"
#include "err.h"
#include "search.h"

#define GAP UINT32_MAX

const char *
collocates_init(struct collocates *c, const char *node, size_t left,
		size_t right)
{
	struct search_opts so = {SEARCH_WORDS, 1, 0};
	const char *err;

	memset(c, 0, sizeof(*c));
	c->left = left;
	c->right = right;
	c->node = search_new(&so);
	if ((err = search_add(c->node, node, 0)) != NULL)
		return err;
	strtab_init(&c->items);
	/* Never NULL, so that an empty key is copied and compared. */
	c->keycap = 64;
	c->key = xmalloc(c->keycap);
	return NULL;
}

void
collocates_free(struct collocates *c)
{
	search_free(c->node);
	strtab_free(&c->items);
	free(c->isnode);
	free(c->freq);
	free(c->second);
	free(c->fl);
	free(c->fr);
	free(c->key);
	free(c->run);
	free(c->prefix);
}

/* Whether the whole token s[0..n) matches the node's pattern. */
static int
is_node(struct collocates *c, const char *s, size_t n)
{
	const struct search_match *m;
	size_t k = search_text(c->node, s, n, 0, &m), i;

	for (i = 0; i < k; i++)
		if (m[i].start == 0 && m[i].end == n)
			return 1;
	return 0;
}

/* The id of a token, its counters made (zero) when it is new. */
static uint32_t
item_of(struct collocates *c, const char *s, size_t n)
{
	size_t before = c->items.n, cap;
	uint32_t id = strtab_intern(&c->items, s, n, NULL);

	if (id >= c->cap) {
		cap = c->cap ? 2 * c->cap : 1024;
		c->isnode = xreallocarray(c->isnode, cap, sizeof(*c->isnode));
		c->freq = xreallocarray(c->freq, cap, sizeof(*c->freq));
		c->second = xreallocarray(c->second, cap, sizeof(*c->second));
		c->fl = xreallocarray(c->fl, cap, sizeof(*c->fl));
		c->fr = xreallocarray(c->fr, cap, sizeof(*c->fr));
		c->cap = cap;
	}
	if (c->items.n > before) {
		/* New: ids are dense, one at a time. */
		c->isnode[id] = (uint8_t)is_node(c, s, n);
		c->freq[id] = c->second[id] = c->fl[id] = c->fr[id] = 0;
	}
	return id;
}

/* Tokens in positions [a, b] of the run (clipped to it). */
static uint64_t
tokens_in(const struct collocates *c, size_t i, size_t back, size_t ahead)
{
	size_t a = i >= back ? i - back : 0;
	size_t b = i + ahead < c->len ? i + ahead + 1 : c->len;

	return c->prefix[b] - c->prefix[a];
}

/* Count the pairs of the run, and empty it. */
static void
flush(struct collocates *c)
{
	size_t i, k, a, b, len = c->len;
	uint64_t w;
	uint32_t t;

	if (len == 0)
		return;
	c->prefix[0] = 0;
	for (i = 0; i < len; i++)
		c->prefix[i + 1] = c->prefix[i] + (c->run[i] != GAP);
	for (i = 0; i < len; i++) {
		if ((t = c->run[i]) == GAP)
			continue;
		/* Token i's window, and the windows that hold token i. */
		w = tokens_in(c, i, c->left, c->right) - 1;
		c->pairs += w;
		c->second[t] += tokens_in(c, i, c->right, c->left) - 1;
		if (!c->isnode[t])
			continue;
		c->first += w;
		a = i >= c->left ? i - c->left : 0;
		b = i + c->right < len ? i + c->right : len - 1;
		for (k = a; k <= b; k++) {
			if (k == i || c->run[k] == GAP)
				continue;
			if (k < i)
				c->fl[c->run[k]]++;
			else
				c->fr[c->run[k]]++;
		}
	}
	c->len = 0;
}

static void
push(struct collocates *c, uint32_t t)
{
	if (c->len == c->runcap) {
		c->runcap = c->runcap ? 2 * c->runcap : 256;
		c->run = xreallocarray(c->run, c->runcap, sizeof(*c->run));
		c->prefix =
		    xreallocarray(c->prefix, c->runcap + 1, sizeof(*c->prefix));
	}
	c->run[c->len++] = t;
}

int
collocates_file(struct collocates *c, const char *path)
{
	struct record_reader rr;
	struct record rec;
	uint32_t t;
	int status = 0;

	if (record_open(&rr, path) < 0)
		return 2;
	c->inrun = 0;
	while (record_next(&rr, &rec) > 0) {
		if (!c->inrun || rec.haskey != c->haskey ||
		    rec.keylen != c->keylen ||
		    memcmp(rec.key, c->key, rec.keylen) != 0) {
			flush(c);
			if (c->keycap < rec.keylen) {
				c->keycap = 2 * rec.keylen;
				c->key = xrealloc(c->key, c->keycap);
			}
			memcpy(c->key, rec.key, rec.keylen);
			c->keylen = rec.keylen;
			c->haskey = rec.haskey;
			c->inrun = 1;
		}
		if (rec.len == 0) {
			push(c, GAP);
			continue;
		}
		t = item_of(c, rec.payload, rec.len);
		c->freq[t]++;
		if (c->isnode[t])
			c->fnode++;
		push(c, t);
	}
	flush(c);
	c->inrun = 0;
	if (record_close(&rr) < 0)
		status = 2;
	return status;
}

struct crow {
	uint32_t item, rank;
	uint64_t o;
	double key, x[4];
};

static int
cmp_crows(const void *pa, const void *pb)
{
	const struct crow *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	if (a->o != b->o)
		return a->o > b->o ? -1 : 1;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

void
collocates_write(struct collocates *c, struct record_writer *out, uint64_t min,
		 uint64_t top, int sortby)
{
	struct crow *rows = xreallocarray(NULL, c->items.n + 1, sizeof(*rows));
	uint32_t *rank = count_ranks(&c->items);
	struct colloc_counts k;
	struct colloc_stats s;
	size_t n = 0, i, j;

	for (i = 0; i < c->items.n; i++) {
		uint64_t o = c->fl[i] + c->fr[i];

		if (o == 0 || o < min)
			continue;
		k.o = (double)o;
		k.r1 = (double)c->first;
		k.c1 = (double)c->second[i];
		k.n = (double)c->pairs;
		k.f_node = (double)c->fnode;
		k.f_coll = (double)c->freq[i];
		colloc_measures(&k, &s);
		rows[n].item = (uint32_t)i;
		rows[n].rank = rank[i];
		rows[n].o = o;
		rows[n].x[0] = s.mi;
		rows[n].x[1] = s.t;
		rows[n].x[2] = s.g2;
		rows[n].x[3] = s.logdice;
		rows[n].key = sortby < 4 ? rows[n].x[sortby] : 0;
		n++;
	}
	qsort(rows, n, sizeof(*rows), cmp_crows);
	record_key_set(out, NULL, 0);
	for (i = 0; i < n && (top == 0 || i < top); i++) {
		uint32_t id = rows[i].item;

		record_begin(out);
		record_field(out, strtab_key(&c->items, id),
			     strtab_len(&c->items, id));
		record_field_u64(out, rows[i].o);
		record_field_u64(out, c->fl[id]);
		record_field_u64(out, c->fr[id]);
		for (j = 0; j < 4; j++)
			record_field_real(out, rows[i].x[j], 4);
		record_end(out);
	}
	free(rank);
	free(rows);
}
