/*
 * The lexical diversity measures of lexdiv.h.  With N tokens, V types,
 * c(t) the count of type t, a window or segment of w tokens:
 *
 *   TTR              V / N
 *   Herdan's C       log V / log N                    (Herdan 1960)
 *   Guiraud's R      V / sqrt(N)                      (Guiraud 1954)
 *   CTTR             V / sqrt(2 N)                    (Carroll 1964)
 *   Maas a²          (lg N - lg V) / (lg N)²          (Maas 1972), lg
 *                    the decimal logarithm: a² depends on the base,
 *                    and Maas used base 10; quanteda prints a, not a²
 *   Yule's K         10^4 (sum c(t)² - N) / N²        (Yule 1944, as
 *                    Tweedie & Baayen 1998, eq. 16)
 *   MATTR            the mean TTR of every window of w consecutive
 *                    tokens, N - w + 1 of them        (Covington &
 *                    McFall 2010); the default w = 100 is quanteda's, and
 *                    suits speeches of a few hundred words (Covington
 *                    and McFall used 500 on long texts)
 *   MSTTR            the mean TTR of the consecutive segments of w
 *                    tokens; the rest is left out     (Johnson 1944)
 *   MTLD             N / F, F the number of factors: stretches from the
 *                    start (or the end of the last factor) whose running
 *                    TTR falls to 0.72, plus a partial factor for the
 *                    rest, (1 - TTR) / (1 - 0.72); the mean of the
 *                    forward and the backward pass   (McCarthy & Jarvis
 *                    2010)
 *
 * Every window, segment and factor is counted with integers as the
 * tokens pass: a type's count in the window, and the number of the last
 * segment and factor it was seen in, so that each token costs one lookup
 * in the group's table and a few additions.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lexdiv.h"

const char *const lexdiv_names[LD_NMEASURE] = {
    "ttr", "c", "r", "cttr", "maas", "k", "mattr", "msttr", "mtld"};

struct entry {
	uint32_t type;
	uint32_t in_window; /* tokens of this type in the MATTR window */
	uint64_t count;
	uint64_t segment; /* last MSTTR segment seen in, from 1 */
	uint64_t factor;  /* last forward MTLD factor seen in, from 1 */
	uint64_t back;	  /* the same for the backward pass */
};

struct lexdiv {
	struct lexdiv_opts opts;
	struct entry *e;
	size_t ne, ecap;
	uint32_t *slots; /* entry index + 1, or 0 */
	size_t mask;
	uint32_t *ring; /* the MATTR window, as entry indices */
	size_t ringcap; /* grows to the window as tokens come */
	uint32_t *seq;	/* the group's tokens, for MTLD backwards */
	size_t nseq, seqcap;
	uint64_t back_pass; /* stamps used by backward passes so far */

	uint64_t tokens, types, sumsq;
	size_t ringpos; /* where the next token goes in the ring */
	uint64_t in_window, window_types, windows;
	size_t seg_left; /* tokens to the end of the MSTTR segment */
	uint64_t seg_types, segment_types, segments;
	uint64_t factor, factor_types, factor_tokens, factors;
};

struct lexdiv *
lexdiv_new(const struct lexdiv_opts *opts)
{
	struct lexdiv *l = xcalloc(1, sizeof(*l));

	l->opts = *opts;
	if (l->opts.window == 0)
		l->opts.window = 100;
	if (l->opts.segment == 0)
		l->opts.segment = 100;
	if (!(l->opts.threshold > 0 && l->opts.threshold < 1))
		l->opts.threshold = 0.72;
	l->mask = 63;
	l->slots = xcalloc(l->mask + 1, sizeof(*l->slots));
	l->factor = 1;
	l->seg_left = l->opts.segment;
	return l;
}

void
lexdiv_free(struct lexdiv *l)
{
	if (l == NULL)
		return;
	free(l->e);
	free(l->slots);
	free(l->ring);
	free(l->seq);
	free(l);
}

static size_t
home(const struct lexdiv *l, uint32_t type)
{
	return (size_t)((type * 2654435761u) ^ (type >> 15)) & l->mask;
}

void
lexdiv_reset(struct lexdiv *l)
{
	size_t i, s;

	/*
	 * Clear the slots of the entries, the latest first: with linear
	 * probing and no deletions, an entry's probe passes only slots of
	 * earlier entries, so it is still found when the later ones are
	 * gone.  A table mostly full is cleared at once.
	 */
	if (4 * l->ne >= l->mask + 1)
		memset(l->slots, 0, (l->mask + 1) * sizeof(*l->slots));
	else
		for (i = l->ne; i-- > 0;) {
			for (s = home(l, l->e[i].type); l->slots[s] != i + 1;
			     s = (s + 1) & l->mask)
				;
			l->slots[s] = 0;
		}
	l->ne = 0;
	l->nseq = 0;
	l->back_pass = 0;
	l->tokens = l->types = l->sumsq = 0;
	l->ringpos = 0;
	l->in_window = l->window_types = l->windows = 0;
	l->seg_left = l->opts.segment;
	l->seg_types = l->segment_types = l->segments = 0;
	l->factor = 1;
	l->factor_types = l->factor_tokens = l->factors = 0;
}

static void
grow(struct lexdiv *l)
{
	size_t i, s;

	free(l->slots);
	l->mask = 2 * l->mask + 1;
	l->slots = xcalloc(l->mask + 1, sizeof(*l->slots));
	for (i = 0; i < l->ne; i++) {
		for (s = home(l, l->e[i].type); l->slots[s] != 0;
		     s = (s + 1) & l->mask)
			;
		l->slots[s] = (uint32_t)(i + 1);
	}
}

/* The index of type's entry, added if new. */
static size_t
entry_of(struct lexdiv *l, uint32_t type)
{
	size_t s;
	uint32_t k;
	struct entry *e;

	for (s = home(l, type); (k = l->slots[s]) != 0; s = (s + 1) & l->mask)
		if (l->e[k - 1].type == type)
			return k - 1;
	if (l->ne == UINT32_MAX - 1)
		sp_die("more than %u types in one group", UINT32_MAX - 1);
	if (l->ne == l->ecap) {
		l->ecap = l->ecap ? 2 * l->ecap : 64;
		l->e = xreallocarray(l->e, l->ecap, sizeof(*l->e));
	}
	e = &l->e[l->ne];
	memset(e, 0, sizeof(*e));
	e->type = type;
	l->slots[s] = (uint32_t)(++l->ne);
	if (2 * l->ne > l->mask + 1)
		grow(l);
	return l->ne - 1;
}

void
lexdiv_add(struct lexdiv *l, uint32_t type)
{
	size_t i = entry_of(l, type), w = l->opts.window;
	struct entry *e = &l->e[i];
	uint32_t *slot;

	l->tokens++;
	if (e->count++ == 0)
		l->types++;
	l->sumsq += 2 * e->count - 1;

	/* MATTR: the token enters the window, the one w before leaves. */
	if (l->tokens <= w && l->tokens > l->ringcap) {
		l->ringcap = l->ringcap * 2 < w ? l->ringcap * 2 : w;
		if (l->ringcap < l->tokens)
			l->ringcap = l->tokens < 64 && w > 64 ? 64 : l->tokens;
		l->ring = xreallocarray(l->ring, l->ringcap, sizeof(*l->ring));
	}
	slot = &l->ring[l->ringpos];
	if (++l->ringpos == w)
		l->ringpos = 0;
	if (l->tokens > w && --l->e[*slot].in_window == 0)
		l->in_window--;
	*slot = (uint32_t)i;
	if (e->in_window++ == 0)
		l->in_window++;
	if (l->tokens >= w) {
		l->window_types += l->in_window;
		l->windows++;
	}

	/* MSTTR: segments of opts.segment tokens, numbered from 1. */
	if (e->segment != l->segments + 1) {
		e->segment = l->segments + 1;
		l->seg_types++;
	}
	if (--l->seg_left == 0) {
		l->segment_types += l->seg_types;
		l->segments++;
		l->seg_types = 0;
		l->seg_left = l->opts.segment;
	}

	/* MTLD, forward. */
	if (e->factor != l->factor) {
		e->factor = l->factor;
		l->factor_types++;
	}
	l->factor_tokens++;
	if ((double)l->factor_types / (double)l->factor_tokens <=
	    l->opts.threshold) {
		l->factors++;
		l->factor++;
		l->factor_types = l->factor_tokens = 0;
	}
	if (l->opts.mtld) {
		if (l->nseq == l->seqcap) {
			l->seqcap = l->seqcap ? 2 * l->seqcap : 1024;
			l->seq =
			    xreallocarray(l->seq, l->seqcap, sizeof(*l->seq));
		}
		l->seq[l->nseq++] = (uint32_t)i;
	}
}

/* The factor count of a pass that ended with full factors and a rest. */
static double
factor_count(uint64_t full, uint64_t types, uint64_t tokens, double t)
{
	if (tokens == 0)
		return (double)full;
	return (double)full + (1 - (double)types / (double)tokens) / (1 - t);
}

/* MTLD's backward pass over the stored tokens. */
static double
backward(struct lexdiv *l)
{
	uint64_t full = 0, types = 0, tokens = 0, stamp;
	size_t i;
	struct entry *e;

	/* Stamps of this pass start above those of every earlier one. */
	stamp = ++l->back_pass * (l->nseq + 1);
	for (i = l->nseq; i-- > 0;) {
		e = &l->e[l->seq[i]];
		if (e->back != stamp) {
			e->back = stamp;
			types++;
		}
		tokens++;
		if ((double)types / (double)tokens <= l->opts.threshold) {
			full++;
			stamp++;
			types = tokens = 0;
		}
	}
	return factor_count(full, types, tokens, l->opts.threshold);
}

void
lexdiv_get_parts(struct lexdiv *l, struct lexdiv_parts *p)
{
	memset(p, 0, sizeof(*p));
	p->tokens = l->tokens;
	p->types = l->types;
	p->sumsq = l->sumsq;
	p->window_types = l->window_types;
	p->windows = l->windows;
	p->segment_types = l->segment_types;
	p->segments = l->segments;
	if (l->opts.mtld) {
		p->factors[0] =
		    factor_count(l->factors, l->factor_types, l->factor_tokens,
				 l->opts.threshold);
		p->factors[1] = backward(l);
		p->mtld_tokens = l->tokens;
	}
}

void
lexdiv_scores(const struct lexdiv_parts *p, size_t window, size_t segment,
	      double out[LD_NMEASURE])
{
	double n = (double)p->tokens, v = (double)p->types;
	int i;

	for (i = 0; i < LD_NMEASURE; i++)
		out[i] = NAN;
	if (window == 0)
		window = 100;
	if (segment == 0)
		segment = 100;
	if (p->tokens > 0) {
		out[LD_TTR] = v / n;
		out[LD_R] = v / sqrt(n);
		out[LD_CTTR] = v / sqrt(2 * n);
		out[LD_K] = 1e4 * ((double)p->sumsq - n) / (n * n);
	}
	if (p->tokens > 1) {
		out[LD_C] = log(v) / log(n);
		out[LD_MAAS] = (log10(n) - log10(v)) / (log10(n) * log10(n));
	}
	if (p->windows > 0)
		out[LD_MATTR] = (double)p->window_types /
				((double)window * (double)p->windows);
	if (p->segments > 0)
		out[LD_MSTTR] = (double)p->segment_types /
				((double)segment * (double)p->segments);
	if (p->mtld_tokens > 0 && p->factors[0] > 0 && p->factors[1] > 0)
		out[LD_MTLD] = ((double)p->mtld_tokens / p->factors[0] +
				(double)p->mtld_tokens / p->factors[1]) /
			       2;
}
