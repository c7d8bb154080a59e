/*
 * The matchers of search.h.
 *
 * A fixed string is found by its two rarest bytes (by the byte
 * frequencies of English text): with memchr on the rarest when it is rare
 * (a capital, a digit, z, q, x, j), else, with SSE2, by comparing both
 * bytes at sixteen places at once, as GNU grep and the memchr crate do;
 * a candidate is then compared whole.  Case folding of ASCII text
 * compares letters in either case; text with other characters is folded
 * into a scratch buffer with a map back to the original offsets, so that
 * matches are reported in the original text.  More strings than
 * MAX_ONE_BY_ONE are found all at once by an Aho-Corasick automaton
 * (lib/aho.c).
 *
 * Word patterns are compiled into a list of elements per pattern (one per
 * word of a phrase), each a glob whose only wildcard is *.  A text is
 * tokenized once with lib/token.c and the patterns are tried at every
 * token: those whose first element is a plain word through a hash table
 * of first words, the others one by one.  Before tokenizing, a text is
 * rejected quickly when it lacks the longest ASCII literal of every
 * pattern, where that answer can be trusted (see prefilter_trusts).  Where
 * it can, every match also holds one of those literals, so only the
 * stretches of text around the literals' occurrences are tokenized (see
 * search_windows); and search_scan can skip whole lines of input that
 * have neither a literal nor a character that makes the answer unsure.
 *
 * A regular expression that is only a set of strings (relit_exact:
 * Jerusalem, "the people", (Jerusalem|Babylon)) is searched as fixed
 * strings are.  Others run through regexec(3) on lines that hold one of
 * their required literals (lib/relit.c), which search_scan finds as it
 * finds fixed strings; an expression without such literals is run on
 * every line.
 *
 * With sp_reference (lib/reference.h) a string is tried at every place,
 * many strings are looked for one by one, every regular expression runs
 * through regexec, a text searched with case folding is always folded
 * first, and word patterns tokenize every text whole.
 */
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aho.h"
#include "buf.h"
#include "err.h"
#include "hash.h"
#include "reference.h"
#include "relit.h"
#include "search.h"
#include "swar.h"
#include "token.h"
#include "unicode.h"
#include "utf8.h"

#define NONE ((size_t)-1)

/*
 * More strings than this are looked for all at once with an Aho-Corasick
 * automaton (lib/aho.c) rather than one by one: fixed strings, the
 * literals of word patterns and what regular expressions require.
 */
#define MAX_ONE_BY_ONE 8

/*
 * A string found by its two rarest bytes: with memchr on the rarest if it
 * is rare in English text, else (with SSE2) sixteen places at a time
 * where both bytes are where the string has them.
 */
struct literal {
	char *s;
	size_t n;
	size_t rare, rare2;	/* the rarest byte and a second one */
	int icase;		/* ASCII letters in any case */
	int by_memchr;		/* look for the rarest byte with memchr */
	unsigned char vec_a[16], vec_b[16];	/* the two bytes, sixteen
						   times each */
	unsigned char fold_a, fold_b;	/* 0x20 for a letter under icase */
	size_t next;		/* search_scan's cache: next place, or NONE */
};

/* Bytes of this rank or below (see byte_rank) are rare enough for memchr. */
#define RARE_RANK 50

/* One word of a word pattern: a glob (only * is special). */
struct element {
	char *glob;
	size_t len;
	int wild;
};

struct pattern {
	unsigned group;
	size_t origin;		/* the number of the pattern as added (a
				   regular expression that is a set of
				   strings becomes a fixed one for each) */
	size_t first, count;	/* its elements in s->elems */
	struct literal lit;	/* fixed: the string; words: the prefilter */
	regex_t re;
	int has_re;
	size_t chain;		/* next pattern with the same first word */
	size_t next_start, next_end;	/* cache while searching a text */
};

struct tokspan {
	size_t off, len;	/* the token's text in s->arena */
	size_t start, end;	/* its span in the source */
};

struct search {
	struct search_opts opts;
	int no_index;			/* search_no_index */
	struct pattern *pats;
	size_t npats, patcap;
	struct element *elems;
	size_t nelems, elemcap;
	unsigned ngroups;

	/* Word patterns. */
	struct tokenizer tok;
	struct strtab first_words;	/* plain first word -> chain head */
	size_t *chain_head;
	size_t *wild_first;		/* patterns whose first word has a *,
					   other than those of prefixes */
	size_t nwild_first;
	struct strtab prefixes;		/* "lit" of a first word "lit*" */
	size_t *prefix_head;		/* prefix -> chain head */
	unsigned char prefix_len[64];	/* their lengths, ascending */
	size_t nprefix_len;
	struct tokspan *toks;
	size_t ntoks, tokcap;
	char *arena;
	size_t arenalen, arenacap;
	size_t *busy;			/* per group: first free token */
	size_t *best;			/* per group: pattern chosen */
	unsigned *touched;
	struct literal *prefilter;	/* distinct literals, or NULL */
	size_t nprefilter;
	struct aho *prefilter_aho;	/* them all at once, if many */
	int flank_skip;			/* each a whole word of its
					   patterns, of ASCII letters and
					   digits: see next_literal */
	int prefilter_punct;		/* a literal has a non-alphanumeric */
	size_t reach;			/* most words of a phrase, less one */
	unsigned char *unsure;		/* per BMP code point: 0 unknown,
					   1 harmless, 2 makes the prefilter
					   unsure */
	size_t unsure_next;		/* search_scan's cache */
	size_t *scan_next;		/* next_literal's caches: scan */
	size_t *text_next;		/* and search_windows */
	int ready;

	/* Fixed strings and regular expressions. */
	char *ftext;			/* folded or NUL-terminated copy */
	size_t *fmap;
	size_t fcap;
	struct literal *relits;		/* what the expressions require */
	size_t nrelits, relitcap;
	int relit_none;			/* an expression requires nothing */
	int has_regex;			/* a pattern needs regexec */
	size_t added;			/* patterns added */
	struct literal *scanlits;	/* search_scan's literals */
	size_t nscanlits;
	struct aho *scan_aho;		/* them all at once, if many */
	const char *scanbuf;
	size_t scanlen, scanfrom;
	struct aho *exact;		/* many fixed strings at once */
	struct aho_hit *hits;
	size_t hitcap;
	size_t *starts;			/* the places of one string */
	size_t startcap;

	struct search_match *matches;
	size_t nmatches, matchcap;
};

/*
 * How common a byte is in English text, higher for commoner: letters by
 * their frequency, capitals and the rest below them.
 */
static unsigned char byte_rank[256];

/* 1 for the ASCII letters and digits. */
static unsigned char alnum_byte[256];

static void
init_ranks(void)
{
	static const char common[] = " etaoinsrhldcumfpgwyb,.vk\t";
	size_t i;
	int c;

	if (byte_rank[' '] != 0)
		return;
	for (c = 0; c < 256; c++) {
		byte_rank[c] = c >= 0x80 ? 20 : 30;
		alnum_byte[c] = (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}
	for (c = '0'; c <= '9'; c++)
		byte_rank[c] = 40;
	for (c = 'A'; c <= 'Z'; c++)
		byte_rank[c] = 45;
	byte_rank['x'] = 50;
	byte_rank['j'] = byte_rank['q'] = byte_rank['z'] = 44;
	for (i = 0; common[i] != '\0'; i++)
		byte_rank[(unsigned char)common[i]] =
		    (unsigned char)(100 - i);
}

static inline unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static inline unsigned char
upper(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? (unsigned char)(c - 32) : c;
}

static void
literal_init(struct literal *l, const char *s, size_t n, int icase)
{
	size_t i;
	unsigned r1 = 256, r2 = 256, r;

	init_ranks();
	l->s = xmemdup(s, n);
	l->n = n;
	l->icase = icase;
	l->rare = l->rare2 = 0;
	l->next = NONE;
	for (i = 0; i < n; i++) {
		r = byte_rank[(unsigned char)s[i]];
		if (r < r1) {
			r2 = r1;
			l->rare2 = l->rare;
			r1 = r;
			l->rare = i;
		} else if (r < r2) {
			r2 = r;
			l->rare2 = i;
		}
	}
#ifdef SP_SSE2
	l->by_memchr = n < 2 || r1 <= RARE_RANK;
	if (n > 0) {
		memset(l->vec_a, s[l->rare], 16);
		memset(l->vec_b, s[l->rare2], 16);
		l->fold_a = s[l->rare] >= 'a' && s[l->rare] <= 'z' ? 0x20 : 0;
		l->fold_b = s[l->rare2] >= 'a' && s[l->rare2] <= 'z' ? 0x20 :
		    0;
	}
#else
	l->by_memchr = 1;
#endif
}

/* Whether hay[0..m) equals needle, ASCII letters in any case. */
static inline int
equal_icase(const unsigned char *hay, const unsigned char *needle, size_t m)
{
	size_t i;

	for (i = 0; i < m; i++)
		if (lower(hay[i]) != needle[i])
			return 0;
	return 1;
}

/* Whether the literal is at h (which has room for it). */
static inline int
literal_at(const struct literal *l, const unsigned char *h, int icase)
{
	const unsigned char *p = (const unsigned char *)l->s;
	size_t i;

	if (icase)
		return equal_icase(h, p, l->n);
	if (l->n > 16)
		return memcmp(h, p, l->n) == 0;
	for (i = 0; i < l->n; i++)
		if (h[i] != p[i])
			return 0;
	return 1;
}

#ifdef SP_SSE2
/*
 * The literal's two rarest bytes, compared at sixteen places at once, 32
 * places a round; a letter is compared in any case under icase by setting
 * bit 5 of the text's byte, which makes only its capital equal to it.
 * The last places are looked at sixteen at once too, from a block that
 * overlaps the ones before.  Return the first place where the whole
 * literal is, or n + 1.
 */
#define PAIR_LOAD(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define PAIR_BODY(MASK)                                                  \
	for (; i + 32 <= places; i += 32) {                              \
		mask = MASK(i) | MASK(i + 16) << 16;                     \
		for (; mask != 0; mask &= mask - 1)                      \
			if (literal_at(l, h + i +                        \
			    (size_t)__builtin_ctz(mask), icase))         \
				return i + (size_t)__builtin_ctz(mask);  \
	}                                                                \
	if (places >= 16)                                                \
		for (; i < places; i += 16) {                            \
			/* The last sixteen, less those done. */         \
			mask = i + 16 > places ? MASK(places - 16) >>    \
			    (i + 16 - places) : MASK(i);                 \
			for (; mask != 0; mask &= mask - 1)              \
				if (literal_at(l, h + i +                \
				    (size_t)__builtin_ctz(mask), icase)) \
					return i +                       \
					    (size_t)__builtin_ctz(mask); \
		}

static size_t
pair_find(const struct literal *l, const unsigned char *h, size_t n,
    int icase)
{
	const unsigned char *a = h + l->rare, *b = h + l->rare2;
	size_t places = n - l->n + 1, i = 0;
	unsigned char ca = (unsigned char)l->s[l->rare];
	unsigned char cb = (unsigned char)l->s[l->rare2];
	unsigned char fa = icase ? l->fold_a : 0, fb = icase ? l->fold_b : 0;
	unsigned mask;
	__m128i va = PAIR_LOAD(l->vec_a), vb = PAIR_LOAD(l->vec_b);
	__m128i vfa, vfb;

	if (fa == 0 && fb == 0) {
#define PLAIN_MASK(at) ((unsigned)_mm_movemask_epi8(_mm_and_si128(      \
	_mm_cmpeq_epi8(va, PAIR_LOAD(a + (at))),                         \
	_mm_cmpeq_epi8(vb, PAIR_LOAD(b + (at))))))
		PAIR_BODY(PLAIN_MASK)
#undef PLAIN_MASK
	} else {
		vfa = _mm_set1_epi8((char)fa);
		vfb = _mm_set1_epi8((char)fb);
#define FOLD_MASK(at) ((unsigned)_mm_movemask_epi8(_mm_and_si128(       \
	_mm_cmpeq_epi8(va, _mm_or_si128(vfa, PAIR_LOAD(a + (at)))),      \
	_mm_cmpeq_epi8(vb, _mm_or_si128(vfb, PAIR_LOAD(b + (at)))))))
		PAIR_BODY(FOLD_MASK)
#undef FOLD_MASK
	}
	for (; i < places; i++)
		if ((a[i] | fa) == ca && (b[i] | fb) == cb &&
		    literal_at(l, h + i, icase))
			return i;
	return n + 1;
}
/*
 * Every place of the literal in h[0..n) that does not overlap the one
 * before, in order, into starts (room for n / l->n + 1); the same as
 * pair_find from the end of each one found, without starting again.
 * Return the number.
 */
static size_t
pair_find_all(const struct literal *l, const unsigned char *h, size_t n,
    int icase, size_t *starts)
{
	const unsigned char *a = h + l->rare, *b = h + l->rare2;
	size_t places = n - l->n + 1, i = 0, next = 0, k = 0, at;
	unsigned char ca = (unsigned char)l->s[l->rare];
	unsigned char cb = (unsigned char)l->s[l->rare2];
	unsigned char fa = icase ? l->fold_a : 0, fb = icase ? l->fold_b : 0;
	unsigned mask;
	__m128i va = PAIR_LOAD(l->vec_a), vb = PAIR_LOAD(l->vec_b);
	__m128i vfa = _mm_set1_epi8((char)fa), vfb = _mm_set1_epi8((char)fb);

#define ALL_MASK(at) ((unsigned)_mm_movemask_epi8(_mm_and_si128(         \
	_mm_cmpeq_epi8(va, _mm_or_si128(vfa, PAIR_LOAD(a + (at)))),      \
	_mm_cmpeq_epi8(vb, _mm_or_si128(vfb, PAIR_LOAD(b + (at)))))))
#define ALL_TAKE(base)                                                   \
	for (; mask != 0; mask &= mask - 1) {                            \
		at = (base) + (size_t)__builtin_ctz(mask);               \
		if (at >= next && literal_at(l, h + at, icase)) {        \
			starts[k++] = at;                                \
			next = at + l->n;                                \
		}                                                        \
	}
	for (; i + 32 <= places; i += 32) {
		mask = ALL_MASK(i) | ALL_MASK(i + 16) << 16;
		ALL_TAKE(i)
	}
	if (places >= 16)
		for (; i < places; i += 16) {
			mask = i + 16 > places ? ALL_MASK(places - 16) >>
			    (i + 16 - places) : ALL_MASK(i);
			ALL_TAKE(i)
		}
#undef ALL_MASK
#undef ALL_TAKE
	for (; i < places; i++)
		if (i >= next && (a[i] | fa) == ca && (b[i] | fb) == cb &&
		    literal_at(l, h + i, icase)) {
			starts[k++] = i;
			next = i + l->n;
		}
	return k;
}
#undef PAIR_BODY
#undef PAIR_LOAD
#endif

/* The reference of find_case: the literal tried at every place. */
static size_t
find_every_place(const struct literal *l, const unsigned char *h, size_t n,
    int icase)
{
	size_t i;

	for (i = 0; i + l->n <= n; i++)
		if (literal_at(l, h + i, icase))
			return i;
	return n + 1;
}

/*
 * The first place of the literal in hay[0..n), or n + 1; with icase its
 * ASCII letters in any case (the literal being in lower case).
 */
static size_t
find_case(const struct literal *l, const char *hay, size_t n, int icase)
{
	const unsigned char *h = (const unsigned char *)hay;
	const unsigned char *p = (const unsigned char *)l->s;
	const unsigned char *lo, *up;
	size_t m = l->n, from, last, i;
	unsigned char c, cu;

	if (m == 0)
		return 0;
	if (m > n)
		return n + 1;
	if (sp_reference)
		return find_every_place(l, h, n, icase);
#ifdef SP_SSE2
	if (!l->by_memchr)
		return pair_find(l, h, n, icase);
#endif
	c = p[l->rare];
	from = l->rare;
	last = n - m + l->rare;	/* the last place the rare byte can be */
	if (!icase || (cu = upper(c)) == c) {
		while (from <= last) {
			lo = memchr(h + from, c, last + 1 - from);
			if (lo == NULL)
				return n + 1;
			i = (size_t)(lo - h) - l->rare;
			if ((icase ? lower(h[i + l->rare2]) :
			    h[i + l->rare2]) == p[l->rare2] &&
			    literal_at(l, h + i, icase))
				return i;
			from = (size_t)(lo - h) + 1;
		}
		return n + 1;
	}
	/* A letter: follow its lower- and upper-case occurrences together. */
	lo = memchr(h + from, c, last + 1 - from);
	up = memchr(h + from, cu, last + 1 - from);
	while (lo != NULL || up != NULL) {
		const unsigned char *q;

		if (up == NULL || (lo != NULL && lo < up)) {
			q = lo;
			from = (size_t)(q - h) + 1;
			lo = from <= last ? memchr(h + from, c, last + 1 - from)
			    : NULL;
		} else {
			q = up;
			from = (size_t)(q - h) + 1;
			up = from <= last ? memchr(h + from, cu, last + 1 -
			    from) : NULL;
		}
		i = (size_t)(q - h) - l->rare;
		if (lower(h[i + l->rare2]) == p[l->rare2] &&
		    equal_icase(h + i, p, m))
			return i;
	}
	return n + 1;
}

static size_t
literal_find(const struct literal *l, const char *hay, size_t n)
{
	return find_case(l, hay, n, l->icase);
}

size_t
search_find(const char *hay, size_t n, const char *needle, size_t m,
    int icase)
{
	struct literal l;

	literal_init(&l, needle, m, icase);
	n = literal_find(&l, hay, n);
	free(l.s);
	return n;
}

/* Whether cp is a word character of the tokenizer. */
static int
is_word_cp(uint32_t cp)
{
	int c = uc_class(cp);

	return c == UC_LETTER || c == UC_MARK || c == UC_DIGIT ||
	    c == UC_NUMBER;
}

/* Whether text[a..b) has no word character right before or after it. */
static int
whole_word(const char *text, size_t n, size_t a, size_t b)
{
	const unsigned char *u = (const unsigned char *)text;
	uint32_t cp;
	size_t i;

	if (a > 0) {
		for (i = a - 1; i > 0 && (u[i] & 0xC0) == 0x80; i--)
			;
		utf8_decode(u + i, n - i, &cp);
		if (is_word_cp(cp))
			return 0;
	}
	if (b < n) {
		utf8_decode(u + b, n - b, &cp);
		if (is_word_cp(cp))
			return 0;
	}
	return 1;
}

static size_t
char_len(const char *s, size_t n, size_t i)
{
	size_t k = 1;

	while (i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80)
		k++;
	return k;
}

static void free_scan(struct search *s);

struct search *
search_new(const struct search_opts *opts)
{
	struct search *s = xcalloc(1, sizeof(*s));
	struct tok_opts to = { 0, 0 };

	s->opts = *opts;
	to.keep_case = !opts->fold;
	tok_init(&s->tok, &to);
	strtab_init(&s->first_words);
	return s;
}

void
search_free(struct search *s)
{
	size_t i;

	for (i = 0; i < s->npats; i++) {
		free(s->pats[i].lit.s);
		if (s->pats[i].has_re)
			regfree(&s->pats[i].re);
	}
	for (i = 0; i < s->nelems; i++)
		free(s->elems[i].glob);
	for (i = 0; i < s->nprefilter; i++)
		free(s->prefilter[i].s);
	for (i = 0; i < s->nrelits; i++)
		free(s->relits[i].s);
	free(s->relits);
	aho_free(s->prefilter_aho);
	free_scan(s);
	aho_free(s->exact);
	free(s->hits);
	free(s->starts);
	free(s->pats);
	free(s->elems);
	free(s->chain_head);
	free(s->wild_first);
	free(s->prefix_head);
	strtab_free(&s->prefixes);
	free(s->toks);
	free(s->arena);
	free(s->busy);
	free(s->best);
	free(s->touched);
	free(s->prefilter);
	free(s->unsure);
	free(s->scan_next);
	free(s->text_next);
	free(s->ftext);
	free(s->fmap);
	free(s->matches);
	tok_free(&s->tok);
	strtab_free(&s->first_words);
	free(s);
}

void
search_no_index(struct search *s)
{
	s->no_index = 1;
	s->ready = 0;
}

unsigned
search_groups(const struct search *s)
{
	return s->ngroups;
}

static struct pattern *
new_pattern(struct search *s, unsigned group)
{
	struct pattern *p;

	if (s->npats == s->patcap) {
		s->patcap = s->patcap ? 2 * s->patcap : 16;
		s->pats = xreallocarray(s->pats, s->patcap, sizeof(*s->pats));
	}
	p = &s->pats[s->npats];
	memset(p, 0, sizeof(*p));
	p->group = group;
	p->origin = s->added;
	p->first = s->nelems;
	p->chain = NONE;
	if (group + 1 > s->ngroups)
		s->ngroups = group + 1;
	return p;
}

static void
add_element(struct search *s, const char *glob, size_t len)
{
	struct element *e;

	if (s->nelems == s->elemcap) {
		s->elemcap = s->elemcap ? 2 * s->elemcap : 16;
		s->elems = xreallocarray(s->elems, s->elemcap,
		    sizeof(*s->elems));
	}
	e = &s->elems[s->nelems++];
	e->glob = xmemdup(glob, len);
	e->len = len;
	e->wild = memchr(glob, '*', len) != NULL;
}

/* Append s[0..n) to b, folded unless the search keeps case. */
static void
buf_add_folded(struct search *s, struct buf *b, const char *t, size_t n)
{
	char *tmp;

	if (!s->opts.fold) {
		buf_add(b, t, n);
		return;
	}
	tmp = xmalloc(2 * n + 1);
	buf_add(b, tmp, tok_fold(t, n, tmp));
	free(tmp);
}

/*
 * Compile one white-space-separated chunk of a word pattern: its tokens
 * (by the tokenizer's rules) are words of the phrase, except that a gap
 * between tokens that holds a * joins them into one word, kept literally
 * (so counter-* and don*t are one word each); a chunk that is only *s is a
 * word that matches any token.
 */
static void
compile_chunk(struct search *s, const char *c, size_t n)
{
	struct buf glob = { NULL, 0, 0 };
	struct token t;
	size_t prev = 0;
	int open = 0;

	tok_start(&s->tok, c, n);
	while (tok_next(&s->tok, &t)) {
		int starry = memchr(c + prev, '*', t.start - prev) != NULL;

		if (open && !starry) {
			add_element(s, glob.s, glob.len);
			glob.len = 0;
		}
		if (starry)
			buf_add_folded(s, &glob, c + prev, t.start - prev);
		if ((t.kind == TOK_URL || t.kind == TOK_EMAIL) && s->opts.fold)
			buf_add_folded(s, &glob, t.text, t.len);
		else
			buf_add(&glob, t.text, t.len);
		open = 1;
		prev = t.end;
	}
	if (memchr(c + prev, '*', n - prev) != NULL) {
		buf_add_folded(s, &glob, c + prev, n - prev);
		open = 1;
	}
	if (open)
		add_element(s, glob.s, glob.len);
	free(glob.s);
}

/* The longest run of ASCII bytes other than * in the pattern's words. */
static void
longest_literal(const struct search *s, const struct pattern *p,
    const char **lit, size_t *len)
{
	const struct element *e;
	size_t i, j, k;

	*lit = NULL;
	*len = 0;
	for (i = p->first; i < p->first + p->count; i++) {
		e = &s->elems[i];
		for (j = 0; j < e->len; j = k + 1) {
			for (k = j; k < e->len && e->glob[k] != '*' &&
			    (unsigned char)e->glob[k] < 0x80; k++)
				;
			if (k - j > *len) {
				*lit = e->glob + j;
				*len = k - j;
			}
		}
	}
}

static const char *
add_words(struct search *s, const char *pat, unsigned group)
{
	struct pattern *p = new_pattern(s, group);
	const char *lit;
	size_t i = 0, j, litlen;

	while (pat[i] != '\0') {
		while (pat[i] == ' ' || pat[i] == '\t')
			i++;
		for (j = i; pat[j] != '\0' && pat[j] != ' ' && pat[j] != '\t';
		    j++)
			;
		if (j > i)
			compile_chunk(s, pat + i, j - i);
		i = j;
	}
	p->count = s->nelems - p->first;
	if (p->count == 0)
		return "has no words";
	longest_literal(s, p, &lit, &litlen);
	if (litlen > 0)
		literal_init(&p->lit, lit, litlen, s->opts.fold);
	s->npats++;
	return NULL;
}

static const char *
add_fixed(struct search *s, const char *pat, unsigned group)
{
	struct pattern *p = new_pattern(s, group);
	size_t n = strlen(pat);
	char *f;

	if (s->opts.fold) {
		f = xmalloc(2 * n + 1);
		n = tok_fold_map(pat, n, f, NULL);
		literal_init(&p->lit, f, n, 1);
		free(f);
	} else
		literal_init(&p->lit, pat, n, 0);
	s->npats++;
	return NULL;
}

/* Note the literals that every match of expression re holds. */
static void
add_relits(struct search *s, const char *re)
{
	struct relit r;
	size_t i, j;

	if (s->relit_none || relit_find(re, &r) == 0) {
		s->relit_none = 1;
		return;
	}
	for (i = 0; i < r.n; i++) {
		for (j = 0; j < s->nrelits; j++)
			if (s->relits[j].n == r.len[i] &&
			    memcmp(s->relits[j].s, r.s[i], r.len[i]) == 0)
				break;
		if (j < s->nrelits)
			continue;
		if (s->nrelits == s->relitcap) {
			s->relitcap = s->relitcap ? 2 * s->relitcap : 16;
			s->relits = xreallocarray(s->relits, s->relitcap,
			    sizeof(*s->relits));
		}
		literal_init(&s->relits[s->nrelits++], r.s[i], r.len[i],
		    s->opts.fold);
	}
}

static const char *
add_regex(struct search *s, const char *pat, unsigned group)
{
	static char msg[256];
	struct pattern *p = new_pattern(s, group);
	struct relit r;
	size_t n = strlen(pat), i;
	char *f = NULL;
	int rc;

	if (s->opts.fold) {
		f = xmalloc(2 * n + 1);
		tok_fold_map(pat, n, f, NULL);
		pat = f;
	}
	rc = regcomp(&p->re, pat, REG_EXTENDED);
	if (rc != 0) {
		free(f);
		regerror(rc, &p->re, msg, sizeof(msg));
		return msg;
	}
	add_relits(s, pat);
	if (!sp_reference && relit_exact(pat, &r) > 0) {
		/* A set of strings: searched as fixed strings are. */
		regfree(&p->re);
		for (i = 0; i < r.n; i++) {
			p = i == 0 ? p : new_pattern(s, group);
			literal_init(&p->lit, r.s[i], r.len[i], s->opts.fold);
			s->npats++;
		}
	} else {
		p->has_re = 1;
		s->has_regex = 1;
		s->npats++;
	}
	free(f);
	return NULL;
}

const char *
search_add(struct search *s, const char *pat, unsigned group)
{
	const char *why;

	if (utf8_first_invalid(pat, strlen(pat)) < strlen(pat))
		return "is not valid UTF-8";
	s->ready = 0;
	switch (s->opts.kind) {
	case SEARCH_WORDS:
		why = add_words(s, pat, group);
		break;
	case SEARCH_FIXED:
		why = add_fixed(s, pat, group);
		break;
	default:
		why = add_regex(s, pat, group);
	}
	if (why == NULL)
		s->added++;
	return why;
}

/*
 * Whether a first word is a literal and a final * (terror*), which is
 * found by looking its literal up among the starts of each token instead
 * of trying it at every token: a dictionary of thousands of such
 * patterns costs a few lookups a token.  search_no_index and
 * SP_REFERENCE turn this off, for the tests that compare the two.
 */
static int
prefix_word(const struct search *s, const struct element *e)
{
	return !s->no_index && !sp_reference && e->wild && e->len >= 2 &&
	    e->len <= 65 && memchr(e->glob, '*', e->len - 1) == NULL;
}

/* Index the word patterns by first word and choose the prefilter. */
static void
prepare_words(struct search *s)
{
	struct strtab lits;
	struct pattern *p;
	struct element *e;
	size_t i, j, id;
	int added, usable = 1;
	uint64_t lens = 0;

	free(s->chain_head);
	free(s->wild_first);
	free(s->prefix_head);
	strtab_free(&s->first_words);
	strtab_init(&s->first_words);
	strtab_free(&s->prefixes);
	strtab_init(&s->prefixes);
	s->chain_head = xcalloc(s->npats + 1, sizeof(size_t));
	s->prefix_head = xcalloc(s->npats + 1, sizeof(size_t));
	s->wild_first = xcalloc(s->npats + 1, sizeof(size_t));
	s->nwild_first = 0;
	/* Chains are built backwards so that they run in pattern order. */
	for (i = s->npats; i-- > 0;) {
		p = &s->pats[i];
		e = &s->elems[p->first];
		if (prefix_word(s, e)) {
			id = strtab_intern(&s->prefixes, e->glob, e->len - 1,
			    &added);
			p->chain = added ? NONE : s->prefix_head[id];
			s->prefix_head[id] = i;
			lens |= (uint64_t)1 << (e->len - 2);
			continue;
		}
		if (e->wild)
			continue;
		id = strtab_intern(&s->first_words, e->glob, e->len, &added);
		p->chain = added ? NONE : s->chain_head[id];
		s->chain_head[id] = i;
	}
	for (i = 0; i < s->npats; i++) {
		e = &s->elems[s->pats[i].first];
		if (e->wild && !prefix_word(s, e))
			s->wild_first[s->nwild_first++] = i;
	}
	s->nprefix_len = 0;
	for (i = 0; i < 64; i++)
		if (lens >> i & 1)
			s->prefix_len[s->nprefix_len++] = (unsigned char)(i + 1);

	for (i = 0; i < s->nprefilter; i++)
		free(s->prefilter[i].s);
	free(s->prefilter);
	s->prefilter = NULL;
	s->nprefilter = 0;
	aho_free(s->prefilter_aho);
	s->prefilter_aho = NULL;
	s->prefilter_punct = 0;
	free(s->unsure);
	s->unsure = NULL;
	s->reach = 0;
	for (i = 0; i < s->npats; i++)
		if (s->pats[i].count - 1 > s->reach)
			s->reach = s->pats[i].count - 1;
	strtab_init(&lits);
	for (i = 0; i < s->npats && usable; i++) {
		p = &s->pats[i];
		if (p->lit.n == 0)
			usable = 0;
		else
			strtab_intern(&lits, p->lit.s, p->lit.n, NULL);
	}
	if (usable && lits.n > MAX_ONE_BY_ONE) {
		s->prefilter_aho = aho_new(s->opts.fold);
		for (i = 0; i < lits.n; i++)
			aho_add(s->prefilter_aho, strtab_key(&lits,
			    (uint32_t)i), strtab_len(&lits, (uint32_t)i), i);
		if (aho_build(s->prefilter_aho) < 0) {
			aho_free(s->prefilter_aho);
			s->prefilter_aho = NULL;
			usable = 0;
		}
	}
	if (usable && lits.n > 0) {
		s->prefilter = xcalloc(lits.n, sizeof(*s->prefilter));
		for (i = 0; i < lits.n; i++) {
			const char *k = strtab_key(&lits, (uint32_t)i);
			size_t n = strtab_len(&lits, (uint32_t)i);

			literal_init(&s->prefilter[i], k, n, s->opts.fold);
			for (j = 0; j < n; j++)
				if (uc_ascii_class[(unsigned char)k[j]] !=
				    UC_LETTER && uc_ascii_class[(unsigned
				    char)k[j]] != UC_DIGIT)
					s->prefilter_punct = 1;
		}
		s->nprefilter = lits.n;
	}
	s->flank_skip = s->prefilter != NULL && !s->prefilter_punct;
	for (i = 0; i < s->npats && s->flank_skip; i++) {
		p = &s->pats[i];
		for (j = p->first; j < p->first + p->count; j++) {
			e = &s->elems[j];
			if (!e->wild && e->len == p->lit.n &&
			    memcmp(e->glob, p->lit.s, e->len) == 0)
				break;
		}
		s->flank_skip = j < p->first + p->count;
	}
	free(s->scan_next);
	free(s->text_next);
	s->scan_next = xcalloc(s->nprefilter + 1, sizeof(size_t));
	s->text_next = xcalloc(s->nprefilter + 1, sizeof(size_t));
	s->scanbuf = NULL;
	strtab_free(&lits);
}

static void
ensure_group_arrays(struct search *s)
{
	free(s->busy);
	free(s->best);
	free(s->touched);
	s->busy = xcalloc(s->ngroups + 1, sizeof(size_t));
	s->best = xcalloc(s->ngroups + 1, sizeof(size_t));
	s->touched = xcalloc(s->ngroups + 1, sizeof(unsigned));
}

/*
 * Whether fixed strings or regular expressions can be scanned for: fixed
 * strings, none empty, and with case folding only ASCII ones; or regular
 * expressions that each require one of a few literals (lib/relit.h), the
 * same way.
 */
static int
scannable(const struct search *s)
{
	size_t i, j, n;

	if (s->npats == 0 || (s->opts.kind == SEARCH_REGEX &&
	    (s->relit_none || s->nrelits == 0)))
		return 0;
	n = s->opts.kind == SEARCH_REGEX ? s->nrelits : s->npats;
	for (i = 0; i < n; i++) {
		const struct literal *l = s->opts.kind == SEARCH_REGEX ?
		    &s->relits[i] : &s->pats[i].lit;

		if (l->n == 0)
			return 0;
		/* U+FFFD may stand for invalid input not yet replaced. */
		for (j = 0; j + 3 <= l->n; j++)
			if (memcmp(l->s + j, "\xEF\xBF\xBD", 3) == 0)
				return 0;
		if (s->opts.fold && !utf8_all_ascii(l->s, l->n))
			return 0;
	}
	return 1;
}

static void
free_scan(struct search *s)
{
	size_t i;

	for (i = 0; i < s->nscanlits; i++)
		free(s->scanlits[i].s);
	free(s->scanlits);
	s->scanlits = NULL;
	s->nscanlits = 0;
	aho_free(s->scan_aho);
	s->scan_aho = NULL;
}

/*
 * Many fixed strings (none empty, no regular expression among them) are
 * searched for all at once.
 */
static void
prepare_exact(struct search *s)
{
	size_t i;

	aho_free(s->exact);
	s->exact = NULL;
	if (s->has_regex || s->npats <= MAX_ONE_BY_ONE || sp_reference)
		return;
	for (i = 0; i < s->npats; i++)
		if (s->pats[i].lit.n == 0)
			return;
	s->exact = aho_new(s->opts.fold);
	for (i = 0; i < s->npats; i++)
		aho_add(s->exact, s->pats[i].lit.s, s->pats[i].lit.n, i);
	if (aho_build(s->exact) < 0) {
		aho_free(s->exact);
		s->exact = NULL;
	}
}

/*
 * The literals search_scan looks for: the fixed strings, or what the
 * regular expressions require; under case folding also the characters
 * that fold into their letters.  Many are looked for all at once.
 */
static void
prepare_scan(struct search *s)
{
	const struct literal *from;
	size_t i, n, extra = 0;
	int has_k = 0, has_s = 0, has_quote = 0;

	free_scan(s);
	prepare_exact(s);
	if (!scannable(s))
		return;
	if (s->opts.kind == SEARCH_REGEX) {
		from = s->relits;
		n = s->nrelits;
	} else {
		from = NULL;
		n = s->npats;
	}
	s->scanlits = xcalloc(n + 3, sizeof(*s->scanlits));
	for (i = 0; i < n; i++) {
		const struct literal *l = from != NULL ? &from[i] :
		    &s->pats[i].lit;

		has_k |= memchr(l->s, 'k', l->n) != NULL;
		has_s |= memchr(l->s, 's', l->n) != NULL;
		has_quote |= memchr(l->s, '\'', l->n) != NULL;
		literal_init(&s->scanlits[i], l->s, l->n, l->icase);
	}
	/*
	 * KELVIN SIGN and LONG S fold to ASCII k and s, and the tokenizer's
	 * folding writes RIGHT SINGLE QUOTATION MARK as '.
	 */
	if (s->opts.fold && has_k)
		literal_init(&s->scanlits[i + extra++], "\xE2\x84\xAA", 3, 0);
	if (s->opts.fold && has_s)
		literal_init(&s->scanlits[i + extra++], "\xC5\xBF", 2, 0);
	if (s->opts.fold && has_quote)
		literal_init(&s->scanlits[i + extra++], "\xE2\x80\x99", 3, 0);
	s->nscanlits = n + extra;
	if (s->nscanlits > MAX_ONE_BY_ONE) {
		s->scan_aho = aho_new(s->opts.fold);
		for (i = 0; i < s->nscanlits; i++)
			aho_add(s->scan_aho, s->scanlits[i].s,
			    s->scanlits[i].n, i);
		if (aho_build(s->scan_aho) < 0)
			free_scan(s);	/* no scan: record by record */
	}
}

static void
prepare(struct search *s)
{
	if (s->opts.kind == SEARCH_WORDS)
		prepare_words(s);
	else
		prepare_scan(s);
	ensure_group_arrays(s);
	s->ready = 1;
}

static void
add_match(struct search *s, size_t start, size_t end, unsigned group,
    size_t pattern)
{
	struct search_match *m;

	if (s->nmatches == s->matchcap) {
		s->matchcap = s->matchcap ? 2 * s->matchcap : 16;
		s->matches = xreallocarray(s->matches, s->matchcap,
		    sizeof(*s->matches));
	}
	m = &s->matches[s->nmatches++];
	m->start = start;
	m->end = end;
	m->group = group;
	m->pattern = pattern;
}

/*
 * Whether a text that lacks every prefilter literal surely has no match.
 * The literals are ASCII; the tokenizer can make ASCII out of other
 * characters by case folding (KELVIN SIGN, LONG S), by NFC (KELVIN SIGN,
 * GREEK QUESTION MARK, GREEK VARIA), by writing U+2019 as ' and
 * U+2010/U+2011 as -, and by dropping invisible characters inside a word.
 * A text with none of those characters can be trusted; then, too, every
 * match holds one of the literals within the span of its tokens.
 */
static int
unsure_cp(const struct search *s, uint32_t cp)
{
	int c = uc_class(cp);

	if (c == UC_FORMAT || uc_fold(cp) < 0x80 || cp == 0x212A ||
	    cp == 0x037E || cp == 0x1FEF)
		return 1;
	return s->prefilter_punct && (c == UC_PUNCT || c == UC_SYMBOL);
}

/*
 * The offset of the first character in text[from..n) that makes the
 * prefilter unsure, or of the first invalid UTF-8 sequence (raw input
 * may have them; a line with one must go through the reader's repair), or
 * n if there is none.  ASCII is skipped sixteen bytes at a time, and the
 * answers for the Basic Multilingual Plane are remembered.
 */
static size_t
next_unsure(struct search *s, const char *text, size_t n, size_t from)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = from, k;
	uint32_t cp;
	int v;

	if (s->unsure == NULL)
		s->unsure = xcalloc(0x10000, 1);
	while (i < n) {
		if ((i += utf8_ascii_prefix(text + i, n - i)) >= n)
			break;
		if ((k = utf8_valid_prefix(u + i, n - i)) == 0)
			return i;
		utf8_decode(u + i, k, &cp);
		if (cp < 0x10000) {
			if ((v = s->unsure[cp]) == 0)
				v = s->unsure[cp] = unsure_cp(s, cp) ? 2 : 1;
			if (v == 2)
				return i;
		} else if (unsure_cp(s, cp))
			return i;
		i += k;
	}
	return n;
}

static int
prefilter_trusts(struct search *s, const char *text, size_t n)
{
	return next_unsure(s, text, n, 0) == n;
}

/*
 * The first occurrence of literal l in text[from..n), or n.  The text is
 * searched in slices that double in size, so that finding a near
 * occurrence costs little however long the text is (literal_find may look
 * for the other case of a letter up to the end of what it is given).
 */
static size_t
find_from(const struct literal *l, const char *text, size_t n, size_t from)
{
	size_t step = 256 + 2 * l->n, end, lim, at;

	while (from < n) {
		end = n - from > step ? from + step : n;
		lim = n - end > l->n ? end + l->n : n;
		at = literal_find(l, text + from, lim - from);
		if (at <= lim - from)
			return from + at;
		if (end == n)
			break;
		from = end;
		step *= 2;
	}
	return n;
}

/* Whether an ASCII letter or digit is right before or after text[a..a+m). */
static inline int
inside_word(const char *text, size_t n, size_t a, size_t m)
{
	const unsigned char *u = (const unsigned char *)text;

	return (a > 0 && alnum_byte[u[a - 1]]) ||
	    (a + m < n && alnum_byte[u[a + m]]);
}

/*
 * The first occurrence of a prefilter literal in text[from..n), or n.
 * next[i] remembers where literal i was found (NONE: not looked for), for
 * calls with growing from on the same text.
 */
static size_t
next_literal(const struct search *s, size_t *next, const char *text,
    size_t n, size_t from)
{
	struct aho_cursor c = { from, 0 };
	size_t i, best, len = 0, which = 0;

	/*
	 * An occurrence inside a longer run of ASCII letters and digits is
	 * inside a longer token, which no pattern matches when each literal
	 * is a whole word of its patterns: it is passed over.  When several
	 * strings end at one byte, the shorter ones are inside the longest,
	 * made of letters and digits too.
	 */
	if (s->prefilter_aho != NULL) {
		while ((best = aho_next(s->prefilter_aho, text, n, &c,
		    &len)) < n)
			if (!s->flank_skip || !inside_word(text, n,
			    best + 1 - len, len))
				return best;
		return n;
	}
	for (;;) {
		best = n;
		for (i = 0; i < s->nprefilter; i++) {
			if (next[i] == NONE || (next[i] < from &&
			    next[i] != n))
				next[i] = find_from(&s->prefilter[i], text, n,
				    from);
			if (next[i] < best) {
				best = next[i];
				which = i;
			}
		}
		if (best == n || !s->flank_skip || !inside_word(text, n, best,
		    s->prefilter[which].n))
			return best;
		/* That one only: another may start at the same place. */
		next[which] = find_from(&s->prefilter[which], text, n,
		    best + 1);
	}
}

static void
forget_literals(const struct search *s, size_t *next)
{
	size_t i;

	for (i = 0; i < s->nprefilter; i++)
		next[i] = NONE;
}

/* Whether a run of bytes between spaces surely holds a token. */
static int
has_word_byte(const char *text, size_t a, size_t b)
{
	int c;

	for (; a < b; a++) {
		if ((unsigned char)text[a] >= 0x80)
			continue;
		c = uc_ascii_class[(unsigned char)text[a]];
		if (c == UC_LETTER || c == UC_DIGIT)
			return 1;
	}
	return 0;
}

/*
 * The stretch of text[0..n) to tokenize for an occurrence of a literal at
 * text[at]: the run of non-spaces around it, and on either side as many
 * more runs that surely hold a token as a phrase has words after its
 * first, so that any match holding the occurrence lies inside.  Tokens
 * never cross a space, so tokenizing the stretch gives exactly the tokens
 * that the whole text has there.  *end is the end of the occurrence's own
 * run, whose other occurrences have the same stretch.  Return the bytes
 * looked at.
 */
static size_t
window(const struct search *s, const char *text, size_t n, size_t at,
    size_t *wa, size_t *wb, size_t *end)
{
	size_t a = at, b = at, k, e;

	while (a > 0 && text[a - 1] != ' ')
		a--;
	while (b < n && text[b] != ' ')
		b++;
	*end = b;
	for (k = 0; k < s->reach && a > 0;) {
		for (e = a; e > 0 && text[e - 1] == ' '; e--)
			;
		for (a = e; a > 0 && text[a - 1] != ' '; a--)
			;
		k += has_word_byte(text, a, e);
	}
	for (k = 0; k < s->reach && b < n;) {
		for (e = b; e < n && text[e] == ' '; e++)
			;
		for (b = e; b < n && text[b] != ' '; b++)
			;
		k += has_word_byte(text, e, b);
	}
	*wa = a;
	*wb = b;
	return b - a;
}

/*
 * Tokenize text[a..b) into s->toks, folding URLs and e-mail addresses too;
 * the spans are offsets in text.
 */
static void
tokenize(struct search *s, const char *text, size_t a, size_t b)
{
	struct token t;
	struct tokspan *ts;
	size_t need;

	s->ntoks = 0;
	s->arenalen = 0;
	tok_start(&s->tok, text + a, b - a);
	while (tok_next(&s->tok, &t)) {
		if (s->ntoks == s->tokcap) {
			s->tokcap = s->tokcap ? 2 * s->tokcap : 64;
			s->toks = xreallocarray(s->toks, s->tokcap,
			    sizeof(*s->toks));
		}
		need = 2 * t.len + 1;
		if (s->arenacap - s->arenalen < need) {
			s->arenacap = s->arenacap * 2 > s->arenalen + need ?
			    s->arenacap * 2 : s->arenalen + need + 256;
			s->arena = xrealloc(s->arena, s->arenacap);
		}
		ts = &s->toks[s->ntoks++];
		ts->off = s->arenalen;
		if ((t.kind == TOK_URL || t.kind == TOK_EMAIL) &&
		    s->opts.fold)
			ts->len = tok_fold(t.text, t.len, s->arena +
			    s->arenalen);
		else {
			memcpy(s->arena + s->arenalen, t.text, t.len);
			ts->len = t.len;
		}
		s->arenalen += ts->len;
		ts->start = a + t.start;
		ts->end = a + t.end;
	}
}

/* Whether glob g[0..gn) (only * is special) matches t[0..tn). */
static int
glob_match(const char *g, size_t gn, const char *t, size_t tn)
{
	size_t gi = 0, ti = 0, star = NONE, mark = 0;

	while (ti < tn) {
		if (gi < gn && g[gi] == '*') {
			star = gi++;
			mark = ti;
		} else if (gi < gn && g[gi] == t[ti]) {
			gi++;
			ti++;
		} else if (star != NONE) {
			gi = star + 1;
			ti = ++mark;
		} else
			return 0;
	}
	while (gi < gn && g[gi] == '*')
		gi++;
	return gi == gn;
}

static int
element_matches(const struct search *s, const struct element *e,
    const struct tokspan *t)
{
	const char *text = s->arena + t->off;

	if (!e->wild)
		return e->len == t->len && memcmp(e->glob, text, t->len) == 0;
	return glob_match(e->glob, e->len, text, t->len);
}

/* Whether pattern p matches the tokens from i on. */
static int
phrase_matches(const struct search *s, const struct pattern *p, size_t i,
    int skip_first)
{
	size_t k;

	if (i + p->count > s->ntoks)
		return 0;
	for (k = skip_first; k < p->count; k++)
		if (!element_matches(s, &s->elems[p->first + k],
		    &s->toks[i + k]))
			return 0;
	return 1;
}

/*
 * Consider pattern number pi at token i for its group, unless the group's
 * last match ends after the token's start.
 */
static void
consider(struct search *s, size_t pi, size_t i, unsigned *ntouched)
{
	const struct pattern *p = &s->pats[pi];
	unsigned g = p->group;
	size_t b;

	if (s->toks[i].start < s->busy[g])
		return;
	if (s->best[g] == NONE) {
		s->best[g] = pi;
		s->touched[(*ntouched)++] = g;
		return;
	}
	b = s->best[g];
	if (p->count > s->pats[b].count ||
	    (p->count == s->pats[b].count && pi < b))
		s->best[g] = pi;
}

/* The patterns of prefixes (prefix_word) that start token i. */
static void
match_prefixes(struct search *s, size_t i, unsigned *ntouched)
{
	const struct tokspan *t = &s->toks[i];
	size_t k, pi, id;

	for (k = 0; k < s->nprefix_len && s->prefix_len[k] <= t->len; k++) {
		id = strtab_find(&s->prefixes, s->arena + t->off,
		    s->prefix_len[k]);
		if (id == STRTAB_NONE)
			continue;
		for (pi = s->prefix_head[id]; pi != NONE;
		    pi = s->pats[pi].chain)
			if (phrase_matches(s, &s->pats[pi], i, 1))
				consider(s, pi, i, ntouched);
	}
}

/*
 * Try the patterns at every token of s->toks in turn and add the matches.
 * s->busy holds, per group, the end of the group's last match, so that
 * tokens from several stretches of one text can be searched in order.
 * Return 1 if first_only and a match was found.
 */
static int
match_tokens(struct search *s, int first_only)
{
	const struct tokspan *t;
	const struct pattern *p;
	size_t i, pi, k, id;
	unsigned g, ntouched, a, b, tmp;

	for (i = 0; i < s->ntoks; i++) {
		t = &s->toks[i];
		ntouched = 0;
		id = strtab_find(&s->first_words, s->arena + t->off, t->len);
		if (id != STRTAB_NONE)
			for (pi = s->chain_head[id]; pi != NONE;
			    pi = s->pats[pi].chain)
				if (phrase_matches(s, &s->pats[pi], i, 1))
					consider(s, pi, i, &ntouched);
		if (s->nprefix_len > 0)
			match_prefixes(s, i, &ntouched);
		for (k = 0; k < s->nwild_first; k++) {
			pi = s->wild_first[k];
			if (phrase_matches(s, &s->pats[pi], i, 0))
				consider(s, pi, i, &ntouched);
		}
		/* Report in group order; ntouched is small. */
		for (a = 1; a < ntouched; a++)
			for (b = a; b > 0 && s->touched[b - 1] >
			    s->touched[b]; b--) {
				tmp = s->touched[b];
				s->touched[b] = s->touched[b - 1];
				s->touched[b - 1] = tmp;
			}
		for (a = 0; a < ntouched; a++) {
			g = s->touched[a];
			p = &s->pats[s->best[g]];
			add_match(s, t->start, s->toks[i + p->count - 1].end,
			    g, p->origin);
			s->busy[g] = s->toks[i + p->count - 1].end;
			s->best[g] = NONE;
			if (first_only)
				return 1;
		}
	}
	return 0;
}

/*
 * Search a text that the prefilter can be trusted on: tokenize only the
 * stretches around the literals' occurrences (overlapping ones merged),
 * in order.  Every match holds an occurrence, and its stretch holds all
 * of the match's tokens, so the matches are those of the whole text.
 * Return 0 if the stretches cost more than tokenizing the whole text
 * would (long runs without a word between the words of a phrase), which
 * the caller does then.
 */
static int
search_windows(struct search *s, const char *text, size_t n, int first_only)
{
	size_t at, a, b, e, wa = 0, wb = 0, work = 0;
	int open = 0;

	forget_literals(s, s->text_next);
	for (at = next_literal(s, s->text_next, text, n, 0); at < n;
	    at = next_literal(s, s->text_next, text, n, e)) {
		work += window(s, text, n, at, &a, &b, &e);
		if (work > 4 * n + 4096)
			return 0;
		if (open && a <= wb) {
			if (b > wb)
				wb = b;
			continue;
		}
		if (open) {
			tokenize(s, text, wa, wb);
			if (match_tokens(s, first_only))
				return 1;
		}
		wa = a;
		wb = b;
		open = 1;
	}
	if (open) {
		tokenize(s, text, wa, wb);
		match_tokens(s, first_only);
	}
	return 1;
}

static void
search_words(struct search *s, const char *text, size_t n, int first_only)
{
	unsigned g;

	for (g = 0; g < s->ngroups; g++) {
		s->busy[g] = 0;
		s->best[g] = NONE;
	}
	if (!sp_reference && s->prefilter != NULL &&
	    prefilter_trusts(s, text, n)) {
		if (search_windows(s, text, n, first_only))
			return;
		/* Start again on the whole text. */
		s->nmatches = 0;
		for (g = 0; g < s->ngroups; g++) {
			s->busy[g] = 0;
			s->best[g] = NONE;
		}
	}
	tokenize(s, text, 0, n);
	match_tokens(s, first_only);
}

/*
 * Where the search looks: the text itself, or a folded copy with a map
 * back to the text's offsets, or a NUL-terminated copy for regexec.
 */
struct space {
	const char *f;
	size_t fn;
	const size_t *map;	/* NULL when offsets are the text's */
	int icase_ascii;	/* compare ASCII letters in any case */
	const char *text;	/* the original, for the whole-word test */
	size_t n;
};

static inline size_t
original(const struct space *sp, size_t i)
{
	return sp->map != NULL ? sp->map[i] : i;
}

/*
 * The first match of pattern p in the search space at or after from, in
 * *a and *b (offsets in the space); 0 if there is none.
 */
static int
find_one(const struct search *s, const struct pattern *p,
    const struct space *sp, size_t from, size_t *a, size_t *b)
{
	regmatch_t rm;
	size_t at;

	while (from <= sp->fn) {
		if (p->has_re) {
			if (regexec(&p->re, sp->f + from, 1, &rm,
			    from > 0 ? REG_NOTBOL : 0) != 0)
				return 0;
			*a = from + (size_t)rm.rm_so;
			*b = from + (size_t)rm.rm_eo;
			/* A byte-wise match must not split a character. */
			while (*a > 0 && ((unsigned char)sp->f[*a] & 0xC0) ==
			    0x80)
				(*a)--;
			while (*b < sp->fn && ((unsigned char)sp->f[*b] &
			    0xC0) == 0x80)
				(*b)++;
		} else {
			at = find_case(&p->lit, sp->f + from, sp->fn - from,
			    sp->icase_ascii);
			if (at > sp->fn - from)
				return 0;
			*a = from + at;
			*b = *a + p->lit.n;
		}
		if (!s->opts.whole_word || whole_word(sp->text, sp->n,
		    original(sp, *a), original(sp, *b)))
			return 1;
		if (*a >= sp->fn)
			return 0;
		from = *a + char_len(sp->f, sp->fn, *a);
	}
	return 0;
}

static void
make_space(struct search *s, const char *text, size_t n, struct space *sp)
{
	memset(sp, 0, sizeof(*sp));
	sp->text = text;
	sp->n = n;
	if (s->fcap < 2 * n + 1) {
		s->fcap = 2 * n + 1;
		free(s->ftext);
		free(s->fmap);
		s->ftext = xmalloc(s->fcap);
		s->fmap = xreallocarray(NULL, s->fcap, sizeof(size_t));
	}
	if (s->opts.fold && (sp_reference || !utf8_all_ascii(text, n))) {
		sp->fn = tok_fold_map(text, n, s->ftext, s->fmap);
		sp->f = s->ftext;
		sp->map = s->fmap;
	} else if (s->has_regex) {
		if (s->opts.fold)
			sp->fn = tok_fold_map(text, n, s->ftext, NULL);
		else {
			memcpy(s->ftext, text, n);
			s->ftext[n] = '\0';
			sp->fn = n;
		}
		sp->f = s->ftext;
	} else {
		/* Fixed strings search ASCII or unfolded text in place. */
		sp->f = text;
		sp->fn = n;
		sp->icase_ascii = s->opts.fold;
	}
}

#define EXHAUSTED (NONE - 1)

/* Leftmost first, then longest, then the pattern added first. */
static int
hit_order(const void *x, const void *y)
{
	const struct aho_hit *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/*
 * Many fixed strings: every occurrence of every string at once, then the
 * same choice as search_strings makes one pattern at a time: the leftmost,
 * the longest of those, the first added of those, then on after its end.
 */
static void
search_many(struct search *s, const struct space *sp, int first_only)
{
	struct aho_hit *h, one, tmp;
	size_t nh, i, j, k = 0, pos = 0, moves;

	if (first_only && !s->opts.whole_word) {
		if (aho_leftmost(s->exact, sp->f, sp->fn, &one))
			add_match(s, original(sp, one.start),
			    original(sp, one.end), s->pats[one.id].group,
			    s->pats[one.id].origin);
		return;
	}
	nh = aho_all(s->exact, sp->f, sp->fn, &s->hits, &s->hitcap);
	h = s->hits;
	for (i = 0; i < nh; i++)
		if (!s->opts.whole_word || whole_word(sp->text, sp->n,
		    original(sp, h[i].start), original(sp, h[i].end)))
			h[k++] = h[i];
	/*
	 * The hits come in the order of their ends, so by their starts
	 * nearly sorted: a hit moves back past those that end within the
	 * longest string after it.  An insertion sort, unless the strings
	 * overlap so much that it would take long.
	 */
	for (i = 1, moves = 0; i < k && moves <= 16 * k + 1024; i++)
		for (j = i; j > 0 && hit_order(&h[j - 1], &h[j]) > 0; j--) {
			tmp = h[j];
			h[j] = h[j - 1];
			h[j - 1] = tmp;
			moves++;
		}
	if (i < k)
		qsort(h, k, sizeof(*h), hit_order);
	for (i = 0; i < k; i++) {
		if (h[i].start < pos)
			continue;
		add_match(s, original(sp, h[i].start), original(sp, h[i].end),
		    s->pats[h[i].id].group, s->pats[h[i].id].origin);
		if (first_only)
			return;
		pos = h[i].end;
	}
}

static size_t
search_strings(struct search *s, const char *text, size_t n, int first_only)
{
	struct space sp;
	struct pattern *p, *q;
	size_t pos = 0, i, best, a, b;

	make_space(s, text, n, &sp);
	if (s->exact != NULL) {
		search_many(s, &sp, first_only);
		return s->nmatches;
	}
#ifdef SP_SSE2
	p = &s->pats[0];
	if (s->npats == 1 && !first_only && !p->has_re && !s->opts.whole_word &&
	    !p->lit.by_memchr && !sp_reference && sp.fn >= p->lit.n) {
		/* One string: every place in one pass. */
		if (s->startcap < sp.fn / p->lit.n + 1) {
			s->startcap = sp.fn / p->lit.n + 1;
			free(s->starts);
			s->starts = xreallocarray(NULL, s->startcap,
			    sizeof(*s->starts));
		}
		b = pair_find_all(&p->lit, (const unsigned char *)sp.f, sp.fn,
		    sp.icase_ascii, s->starts);
		for (i = 0; i < b; i++)
			add_match(s, original(&sp, s->starts[i]),
			    original(&sp, s->starts[i] + p->lit.n), p->group,
			    p->origin);
		return s->nmatches;
	}
#endif
	for (i = 0; i < s->npats; i++)
		s->pats[i].next_start = NONE;
	while (pos <= sp.fn) {
		best = NONE;
		for (i = 0; i < s->npats; i++) {
			p = &s->pats[i];
			if (p->next_start == EXHAUSTED)
				continue;
			if (p->next_start == NONE || p->next_start < pos) {
				if (!find_one(s, p, &sp, pos, &a, &b)) {
					p->next_start = EXHAUSTED;
					continue;
				}
				p->next_start = a;
				p->next_end = b;
			}
			q = best == NONE ? NULL : &s->pats[best];
			if (q == NULL || p->next_start < q->next_start ||
			    (p->next_start == q->next_start &&
			    p->next_end > q->next_end))
				best = i;
		}
		if (best == NONE)
			break;
		p = &s->pats[best];
		add_match(s, original(&sp, p->next_start),
		    original(&sp, p->next_end), p->group, p->origin);
		if (first_only)
			break;
		if (p->next_end > p->next_start)
			pos = p->next_end;
		else if (p->next_start < sp.fn)
			pos = p->next_start + char_len(sp.f, sp.fn,
			    p->next_start);
		else
			break;
	}
	return s->nmatches;
}

size_t
search_text(struct search *s, const char *text, size_t n, int first_only,
    const struct search_match **matches)
{
	if (!s->ready)
		prepare(s);
	s->nmatches = 0;
	if (s->opts.kind == SEARCH_WORDS)
		search_words(s, text, n, first_only);
	else
		search_strings(s, text, n, first_only);
	*matches = s->matches;
	return s->nmatches;
}

/*
 * A match of such strings lies within one line (no LF), and where it is
 * the same in the raw line as in the line the reader gives: invalid UTF-8
 * is replaced without touching a valid string (which starts with a lead
 * byte and is whole), and no string holds U+FFFD (see scannable).
 */
int
search_block_exact(struct search *s)
{
	size_t i;

	if (!search_can_scan(s) || s->opts.kind == SEARCH_WORDS ||
	    s->has_regex || s->opts.fold || s->opts.whole_word ||
	    sp_reference)
		return 0;
	for (i = 0; i < s->npats; i++)
		if (memchr(s->pats[i].lit.s, '\t', s->pats[i].lit.n) != NULL ||
		    memchr(s->pats[i].lit.s, '\r', s->pats[i].lit.n) != NULL)
			return 0;
	return 1;
}

int
search_can_scan(struct search *s)
{
	if (!s->ready)
		prepare(s);
	if (s->opts.kind == SEARCH_WORDS)
		return s->prefilter != NULL;
	return s->nscanlits > 0;
}

/*
 * search_scan for word patterns: the next occurrence of a literal or of a
 * character that makes the prefilter unsure (or of invalid UTF-8), so
 * that every line the scan passes over is one that search_text would
 * reject, read as it is.
 */
static size_t
scan_words(struct search *s, const char *buf, size_t n, size_t from)
{
	size_t lit;

	if (buf != s->scanbuf || n != s->scanlen || from <= s->scanfrom) {
		forget_literals(s, s->scan_next);
		s->unsure_next = NONE;
	}
	s->scanbuf = buf;
	s->scanlen = n;
	s->scanfrom = from;
	lit = next_literal(s, s->scan_next, buf, n, from);
	if (s->unsure_next == NONE || (s->unsure_next < from &&
	    s->unsure_next != n)) {
		/* Past the next literal there is no need to look yet. */
		s->unsure_next = next_unsure(s, buf, lit, from);
		if (s->unsure_next == lit)
			s->unsure_next = lit < n ? NONE : n;
	}
	return s->unsure_next != NONE && s->unsure_next < lit ?
	    s->unsure_next : lit;
}

size_t
search_scan(struct search *s, const char *buf, size_t n, size_t from)
{
	struct literal *l;
	size_t i, best = n, at;

	if (!s->ready)
		prepare(s);
	if (s->opts.kind == SEARCH_WORDS)
		return scan_words(s, buf, n, from);
	if (s->scan_aho != NULL)
		return aho_first(s->scan_aho, buf, n, from, NULL);
	if (buf != s->scanbuf || n != s->scanlen || from <= s->scanfrom)
		for (i = 0; i < s->nscanlits; i++)
			s->scanlits[i].next = NONE;
	s->scanbuf = buf;
	s->scanlen = n;
	s->scanfrom = from;
	for (i = 0; i < s->nscanlits; i++) {
		l = &s->scanlits[i];
		if (l->next == NONE || (l->next < from && l->next != n)) {
			at = literal_find(l, buf + from, n - from);
			l->next = at > n - from ? n : from + at;
		}
		if (l->next < best)
			best = l->next;
	}
	return best;
}
