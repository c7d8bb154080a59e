/*
 * The Aho-Corasick automaton of aho.h.  The strings are first put in a
 * trie; a breadth-first walk then gives each state its failure state (the
 * longest proper suffix of its string that is also in the trie) and turns
 * the trie into a complete table of transitions, so that the search never
 * follows a failure link: one lookup per byte.  The table has a column per
 * byte class (the bytes of the strings, each its own class, and one class
 * for every other byte; under icase a capital shares its letter's class),
 * which keeps it small, and the states that end a string are numbered
 * last, so that one comparison tells whether a string ends at a byte.
 * Their strings are listed from the state's own ones along "output" links
 * to the next shorter suffix state that ends a string.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aho.h"
#include "err.h"

#define NONE ((uint32_t)-1)

/* Most table entries allowed: 64 MB, about 50,000 words of English. */
#define MAX_CELLS (16u << 20)

struct aho {
	int icase, built, failed;
	/* The strings as added. */
	char *text;
	size_t textlen, textcap;
	struct entry {
		size_t off, n, id;
	} *strings;
	size_t nstrings, stringcap;
	/* The automaton. */
	unsigned char cls[256];
	size_t ncls;
	uint32_t *delta;	/* state * ncls + class -> next state * ncls */
	uint32_t first_out;	/* states from here on end a string (* ncls) */
	uint32_t *own;		/* per state: its strings in ids[], from own[s] */
	size_t *ids;		/* to own[s + 1] */
	uint32_t *out;		/* per state: next suffix state with strings */
	uint32_t *depth;	/* per state: the length of its string */
	size_t nstates;
	size_t longest;		/* the longest string */
};

struct aho *
aho_new(int icase)
{
	struct aho *a = xcalloc(1, sizeof(*a));

	a->icase = icase;
	return a;
}

void
aho_free(struct aho *a)
{
	if (a == NULL)
		return;
	free(a->text);
	free(a->strings);
	free(a->delta);
	free(a->own);
	free(a->ids);
	free(a->out);
	free(a->depth);
	free(a);
}

static unsigned char
fold(const struct aho *a, unsigned char c)
{
	return a->icase && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

void
aho_add(struct aho *a, const char *s, size_t n, size_t id)
{
	struct entry *e;
	size_t i;

	if (n == 0)
		return;		/* not a string to look for */
	if (a->textcap - a->textlen < n) {
		a->textcap = 2 * (a->textlen + n) + 64;
		a->text = xrealloc(a->text, a->textcap);
	}
	for (i = 0; i < n; i++)
		a->text[a->textlen + i] = (char)fold(a, (unsigned char)s[i]);
	if (a->nstrings == a->stringcap) {
		a->stringcap = a->stringcap ? 2 * a->stringcap : 16;
		a->strings = xreallocarray(a->strings, a->stringcap,
		    sizeof(*a->strings));
	}
	e = &a->strings[a->nstrings++];
	e->off = a->textlen;
	e->n = n;
	e->id = id;
	if (n > a->longest)
		a->longest = n;
	a->textlen += n;
	a->built = 0;
}

/*
 * Number the byte classes: 0 for the bytes in no string.  A string holds
 * no NUL byte, so 255 classes and class 0 are enough.
 */
static void
make_classes(struct aho *a)
{
	size_t i;
	int c;

	memset(a->cls, 0, sizeof(a->cls));
	a->ncls = 1;
	for (i = 0; i < a->textlen; i++) {
		c = (unsigned char)a->text[i];
		if (c != 0 && a->cls[c] == 0)
			a->cls[c] = (unsigned char)a->ncls++;
	}
	if (a->icase)
		for (c = 'A'; c <= 'Z'; c++)
			a->cls[c] = a->cls[c + 32];
}

/*
 * The trie, as lists of children (its size is not known before), then
 * as the rows of the table: go[state * ncls + class], NONE where the
 * trie has no edge.  Each string's end state is noted in endst.
 */
static uint32_t *
make_trie(struct aho *a, uint32_t *endst, uint32_t **depth)
{
	uint32_t *child, *sibling, *go, st, t;
	unsigned char *label;
	size_t i, j, max = a->textlen + 1;
	unsigned char c;

	child = xreallocarray(NULL, max, sizeof(*child));
	sibling = xreallocarray(NULL, max, sizeof(*sibling));
	label = xmalloc(max);
	*depth = xcalloc(max, sizeof(**depth));
	child[0] = NONE;
	a->nstates = 1;
	for (i = 0; i < a->nstrings; i++) {
		st = 0;
		for (j = 0; j < a->strings[i].n; j++) {
			c = a->cls[(unsigned char)a->text[a->strings[i].off +
			    j]];
			for (t = child[st]; t != NONE && label[t] != c;
			    t = sibling[t])
				;
			if (t == NONE) {
				t = (uint32_t)a->nstates++;
				label[t] = c;
				child[t] = NONE;
				sibling[t] = child[st];
				child[st] = t;
				(*depth)[t] = (*depth)[st] + 1;
			}
			st = t;
		}
		endst[i] = st;
	}
	go = NULL;
	if (a->nstates <= MAX_CELLS / a->ncls) {
		go = xreallocarray(NULL, a->nstates * a->ncls, sizeof(*go));
		for (i = 0; i < a->nstates * a->ncls; i++)
			go[i] = NONE;
		for (i = 0; i < a->nstates; i++)
			for (t = child[i]; t != NONE; t = sibling[t])
				go[i * a->ncls + label[t]] = t;
	}
	free(child);
	free(sibling);
	free(label);
	return go;
}

int
aho_build(struct aho *a)
{
	uint32_t *go, *fail, *queue, *perm, *depth, *own_n, *endst, *inv;
	uint32_t st, t, f;
	size_t i, c, head, tail, k;

	if (a->built)
		return a->failed ? -1 : 0;
	a->built = 1;
	a->failed = 0;
	free(a->delta);
	free(a->own);
	free(a->ids);
	free(a->out);
	free(a->depth);
	a->delta = a->own = a->out = a->depth = NULL;
	a->ids = NULL;
	make_classes(a);
	endst = xreallocarray(NULL, a->nstrings + 1, sizeof(*endst));
	if ((go = make_trie(a, endst, &depth)) == NULL) {
		free(endst);
		free(depth);
		a->failed = 1;
		return -1;
	}

	/* Breadth first: failure states, complete rows, output links. */
	own_n = xcalloc(a->nstates, sizeof(*own_n));
	for (i = 0; i < a->nstrings; i++)
		own_n[endst[i]]++;
	fail = xcalloc(a->nstates, sizeof(*fail));
	queue = xreallocarray(NULL, a->nstates, sizeof(*queue));
	a->out = xreallocarray(NULL, a->nstates, sizeof(*a->out));
	head = tail = 0;
	a->out[0] = NONE;
	for (c = 0; c < a->ncls; c++) {
		if ((t = go[c]) == NONE)
			go[c] = 0;
		else {
			fail[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail) {
		st = queue[head++];
		f = fail[st];
		a->out[st] = own_n[f] > 0 ? f : a->out[f];
		for (c = 0; c < a->ncls; c++) {
			if ((t = go[st * a->ncls + c]) == NONE)
				go[st * a->ncls + c] = go[f * a->ncls + c];
			else {
				fail[t] = go[f * a->ncls + c];
				queue[tail++] = t;
			}
		}
	}

	/*
	 * Number the states that end a string last, and keep the table and
	 * the lists under the new numbers; the table holds each next state
	 * times ncls, its row's start.
	 */
	perm = xreallocarray(NULL, a->nstates, sizeof(*perm));
	inv = xreallocarray(NULL, a->nstates, sizeof(*inv));
	for (st = 0, k = 0; st < a->nstates; st++)
		if (own_n[st] == 0 && a->out[st] == NONE) {
			inv[k] = st;
			perm[st] = (uint32_t)k++;
		}
	a->first_out = (uint32_t)(k * a->ncls);
	for (st = 0; st < a->nstates; st++)
		if (own_n[st] > 0 || a->out[st] != NONE) {
			inv[k] = st;
			perm[st] = (uint32_t)k++;
		}
	a->delta = xreallocarray(NULL, a->nstates * a->ncls,
	    sizeof(*a->delta));
	for (st = 0; st < a->nstates; st++)
		for (c = 0; c < a->ncls; c++)
			a->delta[perm[st] * a->ncls + c] =
			    (uint32_t)(perm[go[st * a->ncls + c]] * a->ncls);
	a->own = xcalloc(a->nstates + 1, sizeof(*a->own));
	a->ids = xreallocarray(NULL, a->nstrings + 1, sizeof(*a->ids));
	a->depth = xreallocarray(NULL, a->nstates, sizeof(*a->depth));
	for (k = 0; k < a->nstates; k++) {
		a->own[k + 1] = a->own[k] + own_n[inv[k]];
		a->depth[k] = depth[inv[k]];
		fail[k] = a->out[inv[k]] == NONE ? NONE : perm[a->out[inv[k]]];
	}
	memcpy(a->out, fail, a->nstates * sizeof(*a->out));
	/* Each state's strings in the order they were added. */
	memset(own_n, 0, a->nstates * sizeof(*own_n));
	for (i = 0; i < a->nstrings; i++) {
		k = perm[endst[i]];
		a->ids[a->own[k] + own_n[k]++] = a->strings[i].id;
	}
	free(go);
	free(fail);
	free(queue);
	free(perm);
	free(inv);
	free(depth);
	free(own_n);
	free(endst);
	return 0;
}

size_t
aho_first(struct aho *a, const char *text, size_t n, size_t from,
    size_t *len)
{
	struct aho_cursor c = { from, 0 };

	return aho_next(a, text, n, &c, len);
}

size_t
aho_next(struct aho *a, const char *text, size_t n, struct aho_cursor *c,
    size_t *len)
{
	const unsigned char *u = (const unsigned char *)text;
	const uint32_t *delta;
	const unsigned char *cls;
	uint32_t st = 0, lim;
	size_t i;

	if (aho_build(a) < 0)
		return n;
	delta = a->delta;
	cls = a->cls;
	lim = a->first_out;
	st = c->state;
	for (i = c->at; i < n; i++)
		if ((st = delta[st + cls[u[i]]]) >= lim) {
			c->at = i + 1;
			c->state = st;
			if (len != NULL) {
				st /= (uint32_t)a->ncls;
				*len = a->depth[a->own[st] < a->own[st + 1] ? st :
				    a->out[st]];
			}
			return i;
		}
	c->at = n;
	c->state = st;
	return n;
}

size_t
aho_all(struct aho *a, const char *text, size_t n, struct aho_hit **hits,
    size_t *cap)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i, k, nh = 0;
	uint32_t st = 0, s;

	if (aho_build(a) < 0)
		return 0;
	for (i = 0; i < n; i++) {
		if ((st = a->delta[st + a->cls[u[i]]]) < a->first_out)
			continue;
		for (s = st / (uint32_t)a->ncls; s != NONE; s = a->out[s])
			for (k = a->own[s]; k < a->own[s + 1]; k++) {
				if (nh == *cap) {
					*cap = *cap ? 2 * *cap : 64;
					*hits = xreallocarray(*hits, *cap,
					    sizeof(**hits));
				}
				(*hits)[nh].start = i + 1 - a->depth[s];
				(*hits)[nh].end = i + 1;
				(*hits)[nh++].id = a->ids[k];
			}
	}
	return nh;
}

int
aho_leftmost(struct aho *a, const char *text, size_t n, struct aho_hit *hit)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i, k, start;
	uint32_t st = 0, s;
	int found = 0;

	if (aho_build(a) < 0)
		return 0;
	for (i = 0; i < n; i++) {
		if ((st = a->delta[st + a->cls[u[i]]]) < a->first_out)
			continue;
		for (s = st / (uint32_t)a->ncls; s != NONE; s = a->out[s]) {
			start = i + 1 - a->depth[s];
			for (k = a->own[s]; k < a->own[s + 1]; k++)
				if (!found || start < hit->start ||
				    (start == hit->start && (i + 1 > hit->end ||
				    (i + 1 == hit->end && a->ids[k] <
				    hit->id)))) {
					hit->start = start;
					hit->end = i + 1;
					hit->id = a->ids[k];
					found = 1;
				}
		}
		/* Nothing ending later can start earlier. */
		if (found && i + 1 >= hit->start + a->longest)
			break;
	}
	return found;
}
