/*
 * Required literals of an extended regular expression (relit.h), in the
 * spirit of GNU grep's "must" strings.  The expression is read once, by
 * recursive descent, and each part gets two sets:
 *
 * - exact: every string the part can match, when they are few and short
 *   ("ab", "(cat|dog)", "^"), or unknown;
 * - must: strings one of which every match of the part contains, or none.
 *
 * A literal character is exact; ".", a bracket expression and a backslash
 * class (\w, \b, \1) are unknown; "^" and "$" match the empty string.  In
 * a concatenation the exact parts next to each other multiply into longer
 * exact strings ("a(b|c)d" gives abd and acd), and the best of those runs
 * and of the other parts' must sets becomes the whole's must set.  An
 * alternation's sets are the union of its branches' (so "x|.*" has none).
 * After * ? or {0,...} nothing is required; after + or {1,...} what the
 * part requires still is.  Whatever this reader does not follow makes it
 * give up on the whole expression, which only means no speed-up.
 *
 * regcomp in the C locale reads bytes: a quantifier after a multi-byte
 * character applies to its last byte.  Taking the character as one atom
 * here only ever asks for less ("é*" requires nothing, where the bytes
 * would require the first one), never for more.
 */
#include <string.h>

#include "relit.h"

#define MAX_DEPTH 20	/* groups within groups */

struct info {
	struct relit exact, must;
	int exact_ok;
};

struct parser {
	const unsigned char *p;
	int depth;
	int failed;
	int anchored;	/* a ^ or $ was seen */
};

static void parse_alt(struct parser *ps, struct info *out);

static void
set_empty_string(struct relit *r)
{
	r->n = 1;
	r->len[0] = 0;
	r->s[0][0] = '\0';
}

/* Whether r holds s[0..n) already. */
static int
set_has(const struct relit *r, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->len[i] == n && memcmp(r->s[i], s, n) == 0)
			return 1;
	return 0;
}

/* Add s[0..n) to r; 0 if it does not fit. */
static int
set_add(struct relit *r, const char *s, size_t n)
{
	if (set_has(r, s, n))
		return 1;
	if (r->n == RELIT_MAX || n > RELIT_LEN)
		return 0;
	memcpy(r->s[r->n], s, n);
	r->s[r->n][n] = '\0';
	r->len[r->n++] = n;
	return 1;
}

/* The union of a and b in out; 0 if it does not fit. */
static int
set_union(struct relit *out, const struct relit *a, const struct relit *b)
{
	size_t i;

	*out = *a;
	for (i = 0; i < b->n; i++)
		if (!set_add(out, b->s[i], b->len[i]))
			return 0;
	return 1;
}

/* Every string of a followed by every one of b, in out; 0 if too many. */
static int
set_product(struct relit *out, const struct relit *a, const struct relit *b)
{
	char tmp[2 * RELIT_LEN];
	size_t i, j;

	out->n = 0;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			if (a->len[i] + b->len[j] > RELIT_LEN)
				return 0;
			memcpy(tmp, a->s[i], a->len[i]);
			memcpy(tmp + a->len[i], b->s[j], b->len[j]);
			if (!set_add(out, tmp, a->len[i] + b->len[j]))
				return 0;
		}
	return 1;
}

static size_t
shortest(const struct relit *r)
{
	size_t i, m = (size_t)-1;

	for (i = 0; i < r->n; i++)
		if (r->len[i] < m)
			m = r->len[i];
	return r->n > 0 ? m : 0;
}

/*
 * Keep c in best if it is better: its shortest string longer, or as long
 * with fewer strings.  A set with an empty string requires nothing.
 */
static void
consider(struct relit *best, const struct relit *c)
{
	size_t sc = shortest(c), sb = shortest(best);

	if (c->n == 0 || sc == 0)
		return;
	if (best->n == 0 || sc > sb || (sc == sb && c->n < best->n))
		*best = *c;
}

static void
unknown(struct info *in)
{
	in->exact_ok = 0;
	in->exact.n = 0;
	in->must.n = 0;
}

static void
literal(struct info *in, const unsigned char *s, size_t n)
{
	in->exact_ok = 1;
	in->exact.n = 0;
	set_add(&in->exact, (const char *)s, n);
	in->must = in->exact;
}

/* Skip a bracket expression, ps->p just past its '['. */
static void
skip_bracket(struct parser *ps)
{
	const unsigned char *p = ps->p;

	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (;;) {
		if (*p == '\0') {
			ps->failed = 1;
			return;
		}
		if (*p == ']')
			break;
		if (*p == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			unsigned char end = p[1];

			p += 2;
			while (*p != '\0' && !(p[0] == end && p[1] == ']'))
				p++;
			if (*p == '\0') {
				ps->failed = 1;
				return;
			}
			p += 2;
			continue;
		}
		p++;
	}
	ps->p = p + 1;
}

/* The length of the UTF-8 sequence at p, or 0 if it is not one. */
static size_t
sequence(const unsigned char *p)
{
	size_t n, i;

	if (*p >= 0xC2 && *p <= 0xDF)
		n = 2;
	else if (*p >= 0xE0 && *p <= 0xEF)
		n = 3;
	else if (*p >= 0xF0 && *p <= 0xF4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

static void
parse_atom(struct parser *ps, struct info *in)
{
	const unsigned char *p = ps->p;
	size_t n;

	switch (*p) {
	case '(':
		if (++ps->depth > MAX_DEPTH) {
			ps->failed = 1;
			return;
		}
		ps->p = p + 1;
		parse_alt(ps, in);
		ps->depth--;
		if (*ps->p != ')')
			ps->failed = 1;
		else
			ps->p++;
		return;
	case '.':
		ps->p = p + 1;
		unknown(in);
		return;
	case '[':
		ps->p = p + 1;
		skip_bracket(ps);
		unknown(in);
		return;
	case '^':
	case '$':
		ps->p = p + 1;
		ps->anchored = 1;
		literal(in, p, 0);
		in->must.n = 0;
		return;
	case '\\':
		if (p[1] != '\0' && strchr(".[]()*+?{}|^$\\", p[1]) != NULL) {
			ps->p = p + 2;
			literal(in, p + 1, 1);
		} else if (p[1] >= 0x21 && p[1] < 0x7F) {
			ps->p = p + 2;	/* \w \b \< \1 and the like */
			unknown(in);
		} else
			ps->failed = 1;
		return;
	case '*': case '+': case '?': case '{': case ')': case '|': case '\0':
		ps->failed = 1;		/* nothing to repeat, or stray */
		return;
	}
	if (*p < 0x80) {
		ps->p = p + 1;
		literal(in, p, 1);
		return;
	}
	if ((n = sequence(p)) == 0) {
		ps->failed = 1;
		return;
	}
	ps->p = p + n;
	literal(in, p, n);
}

/* Read the digits at ps->p as a count; -1 if there are none. */
static long
count(struct parser *ps)
{
	long v = -1;

	while (*ps->p >= '0' && *ps->p <= '9') {
		v = (v < 0 ? 0 : v) * 10 + (*ps->p++ - '0');
		if (v > 10000) {
			ps->failed = 1;
			return -1;
		}
	}
	return v;
}

/* An atom and its quantifiers. */
static void
parse_piece(struct parser *ps, struct info *in)
{
	long lo;

	parse_atom(ps, in);
	while (!ps->failed) {
		switch (*ps->p) {
		case '*':
		case '?':
			ps->p++;
			unknown(in);
			continue;
		case '+':
			ps->p++;
			in->exact_ok = 0;
			continue;
		case '{':
			ps->p++;
			lo = count(ps);
			if (lo < 0) {
				ps->failed = 1;
				return;
			}
			if (*ps->p == ',') {
				ps->p++;
				(void)count(ps);
			}
			if (*ps->p != '}') {
				ps->failed = 1;
				return;
			}
			ps->p++;
			if (lo == 0)
				unknown(in);
			else
				in->exact_ok = 0;
			continue;
		}
		return;
	}
}

/* Pieces up to ')' or '|' or the end. */
static void
parse_concat(struct parser *ps, struct info *out)
{
	struct relit run, next;
	struct info piece;
	int all_exact = 1;

	set_empty_string(&run);
	out->must.n = 0;
	while (!ps->failed && *ps->p != '\0' && *ps->p != ')' &&
	    *ps->p != '|') {
		parse_piece(ps, &piece);
		if (ps->failed)
			return;
		if (piece.exact_ok && set_product(&next, &run, &piece.exact)) {
			run = next;
			continue;
		}
		/* The run ends here: keep it if it is the best so far. */
		consider(&out->must, &run);
		consider(&out->must, &piece.must);
		if (piece.exact_ok)
			run = piece.exact;	/* too many: start again */
		else
			set_empty_string(&run);
		all_exact = 0;
	}
	consider(&out->must, &run);
	out->exact_ok = all_exact;
	out->exact = run;
}

static void
parse_alt(struct parser *ps, struct info *out)
{
	struct info branch;
	struct relit u;

	parse_concat(ps, out);
	while (!ps->failed && *ps->p == '|') {
		ps->p++;
		parse_concat(ps, &branch);
		if (ps->failed)
			return;
		if (out->exact_ok && branch.exact_ok &&
		    set_union(&u, &out->exact, &branch.exact))
			out->exact = u;
		else
			out->exact_ok = 0;
		/* Both branches must require something. */
		if (out->must.n > 0 && branch.must.n > 0 &&
		    set_union(&u, &out->must, &branch.must))
			out->must = u;
		else
			out->must.n = 0;
	}
}

size_t
relit_find(const char *re, struct relit *out)
{
	struct parser ps;
	struct info in;

	ps.p = (const unsigned char *)re;
	ps.depth = 0;
	ps.failed = 0;
	ps.anchored = 0;
	parse_alt(&ps, &in);
	out->n = 0;
	if (ps.failed || *ps.p != '\0')
		return 0;
	if (in.exact_ok)
		consider(&in.must, &in.exact);
	if (shortest(&in.must) == 0)
		return 0;
	*out = in.must;
	return out->n;
}

size_t
relit_exact(const char *re, struct relit *out)
{
	struct parser ps;
	struct info in;
	size_t i;

	ps.p = (const unsigned char *)re;
	ps.depth = 0;
	ps.failed = 0;
	ps.anchored = 0;
	parse_alt(&ps, &in);
	out->n = 0;
	if (ps.failed || *ps.p != '\0' || ps.anchored || !in.exact_ok)
		return 0;
	for (i = 0; i < in.exact.n; i++)
		if (in.exact.len[i] == 0)
			return 0;
	*out = in.exact;
	return out->n;
}
