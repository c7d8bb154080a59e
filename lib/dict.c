/*
 * Dictionaries (dict.h): the two file formats, duplicate entries, and the
 * rule by which a longer match of one category hides the matches of
 * other categories inside it.  Matching itself is lib/search.c's, with a
 * group per category; weights are fixed-point so that sums are exact,
 * whatever the order in which groups or machines add them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dict.h"
#include "err.h"
#include "io.h"
#include "token.h"

#define WEIGHT_MAX ((int64_t)1000000 * DICT_WEIGHT_ONE)

int
dict_parse_weight(const char *s, size_t n, int64_t *w)
{
	int64_t whole = 0, frac = 0, scale = DICT_WEIGHT_ONE;
	size_t i = 0, digits = 0, decimals = 0;
	int neg = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	else if (n >= 3 && memcmp(s, "\xE2\x88\x92", 3) == 0) {
		neg = 1; /* U+2212 MINUS SIGN */
		i = 3;
	}
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
		whole = whole * 10 + (s[i] - '0');
		if (whole > WEIGHT_MAX / DICT_WEIGHT_ONE)
			return -1;
	}
	if (i < n && s[i] == '.') {
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			if (++decimals > 6)
				return -1;
			scale /= 10;
			frac += (s[i] - '0') * scale;
		}
		if (decimals == 0)
			return -1;
	}
	if (i != n || digits + decimals == 0)
		return -1;
	*w = whole * DICT_WEIGHT_ONE + frac;
	if (*w > WEIGHT_MAX)
		return -1;
	if (neg)
		*w = -*w;
	return 0;
}

size_t
dict_format_weight(int64_t w, char *buf)
{
	uint64_t a = w < 0 ? (uint64_t)0 - (uint64_t)w : (uint64_t)w;
	uint64_t frac = a % DICT_WEIGHT_ONE;
	int len, k;

	len = snprintf(buf, 32, "%s%llu", w < 0 ? "-" : "",
		       (unsigned long long)(a / DICT_WEIGHT_ONE));
	if (frac != 0) {
		len += snprintf(buf + len, 32 - (size_t)len, ".%06llu",
				(unsigned long long)frac);
		for (k = len; buf[k - 1] == '0'; k--)
			;
		len = k;
		buf[len] = '\0';
	}
	return (size_t)len;
}

double
dict_per_1000(double x, uint64_t tokens)
{
	return tokens > 0 ? x * 1000 / (double)tokens : NAN;
}

/* ---- loading ---- */

struct loader {
	struct dict *d;
	struct reader r;
	const char *path;
	/* LIWC */
	int state;	   /* 0 before the list, 1 in it, 2 after */
	struct strtab ids; /* category id (no leading zeros) */
	uint32_t *id_cat;  /* id -> category */
	size_t idcap;
	size_t conditional, wordless;
	unsigned long long first_conditional, first_wordless;
};

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

/* s[0..*n) without blanks at either end. */
static const char *
trim(const char *s, size_t *n)
{
	while (*n > 0 && is_blank(s[*n - 1]))
		(*n)--;
	while (*n > 0 && is_blank(*s)) {
		s++;
		(*n)--;
	}
	return s;
}

/*
 * The key of an entry for duplicates: its category, and its pattern
 * folded with runs of blanks as one space.
 */
static uint32_t
entry_key(struct loader *L, uint32_t cat, const char *pat, size_t n, int *added)
{
	struct buf key = {NULL, 0, 0};
	char *folded = xmalloc(2 * n + 1);
	size_t fn = tok_fold(pat, n, folded), i;
	char c4[4];
	uint32_t k;

	memcpy(c4, &cat, sizeof(c4));
	buf_add(&key, c4, sizeof(c4));
	for (i = 0; i < fn; i++) {
		if (is_blank(folded[i])) {
			while (i + 1 < fn && is_blank(folded[i + 1]))
				i++;
			if (key.len > sizeof(c4) && i + 1 < fn)
				buf_add(&key, " ", 1);
			continue;
		}
		buf_add(&key, folded + i, 1);
	}
	k = strtab_intern(&L->d->seen, key.s, key.len, added);
	free(key.s);
	free(folded);
	return k;
}

/*
 * Add pattern pat[0..n) to category cat with weight w.  Return 0, or 1 if
 * the pattern has no words (the caller decides whether that is an error).
 */
static int
add_entry(struct loader *L, uint32_t cat, const char *pat, size_t n, int64_t w)
{
	struct dict *d = L->d;
	char *p, a[32], b[32];
	const char *why;
	uint32_t k;
	int added;

	k = entry_key(L, cat, pat, n, &added);
	if (!added) {
		if (d->seen_weight[k] == w)
			return 0;
		dict_format_weight(d->seen_weight[k], a);
		dict_format_weight(w, b);
		p = xmemdup(pat, n);
		sp_die_at(L->path, L->r.lineno,
			  "pattern '%s' is in category "
			  "'%s' with weight %s (line %llu) and %s",
			  p, strtab_key(&d->categories, cat), a,
			  d->seen_line[k], b);
	}
	if (k >= d->seencap) {
		d->seencap = d->seencap ? 2 * d->seencap : 256;
		d->seen_weight = xreallocarray(d->seen_weight, d->seencap,
					       sizeof(*d->seen_weight));
		d->seen_line = xreallocarray(d->seen_line, d->seencap,
					     sizeof(*d->seen_line));
	}
	d->seen_weight[k] = w;
	d->seen_line[k] = L->r.lineno;
	p = xmemdup(pat, n);
	why = search_add(d->search, p, cat);
	if (why != NULL && strcmp(why, "has no words") == 0) {
		free(p);
		return 1;
	}
	if (why != NULL)
		sp_die_at(L->path, L->r.lineno, "pattern '%s' %s", p, why);
	free(p);
	if (d->npatterns == d->weightcap) {
		d->weightcap = d->weightcap ? 2 * d->weightcap : 256;
		d->weight =
		    xreallocarray(d->weight, d->weightcap, sizeof(*d->weight));
		d->entry =
		    xreallocarray(d->entry, d->weightcap, sizeof(*d->entry));
	}
	pat = trim(pat, &n);
	d->entry[d->npatterns] = d->entries.len;
	buf_add(&d->entries, pat, n);
	buf_add(&d->entries, "", 1);
	d->weight[d->npatterns++] = w;
	return 0;
}

/* A line of sp's format: CATEGORY TAB pattern [TAB weight]. */
static void
sp_line(struct loader *L, const char *line, size_t n)
{
	const char *tab1, *tab2, *pat;
	size_t catlen, patlen;
	int64_t w = DICT_WEIGHT_ONE;
	uint32_t cat;
	char *p;

	if ((tab1 = memchr(line, '\t', n)) == NULL)
		sp_die_at(L->path, L->r.lineno,
			  "no TAB between category "
			  "and pattern");
	catlen = (size_t)(tab1 - line);
	if (catlen == 0)
		sp_die_at(L->path, L->r.lineno, "empty category");
	pat = tab1 + 1;
	tab2 = memchr(pat, '\t', n - catlen - 1);
	patlen = tab2 != NULL ? (size_t)(tab2 - pat) : n - catlen - 1;
	if (tab2 != NULL) {
		const char *ws = tab2 + 1;
		size_t wn = n - (size_t)(ws - line);

		if (memchr(ws, '\t', wn) != NULL)
			sp_die_at(L->path, L->r.lineno,
				  "more than three "
				  "fields (CATEGORY TAB pattern TAB weight)");
		ws = trim(ws, &wn);
		if (dict_parse_weight(ws, wn, &w) < 0) {
			p = xmemdup(ws, wn);
			sp_die_at(L->path, L->r.lineno,
				  "weight '%s' is not a "
				  "number such as -1.5 (at most 6 decimals, at "
				  "most 1000000)",
				  p);
		}
		L->d->weighted = 1;
	}
	cat = strtab_intern(&L->d->categories, line, catlen, NULL);
	if (add_entry(L, cat, pat, patlen, w) != 0) {
		p = xmemdup(pat, patlen);
		sp_die_at(L->path, L->r.lineno, "pattern '%s' has no words", p);
	}
}

/* A category id without leading zeros, or NULL if s is not a number. */
static const char *
liwc_id(const char *s, size_t n, size_t *len)
{
	size_t i;

	if (n == 0 || n > 9)
		return NULL;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return NULL;
	while (n > 1 && *s == '0') {
		s++;
		n--;
	}
	*len = n;
	return s;
}

/* A line of LIWC's category list: ID NAME. */
static void
liwc_category(struct loader *L, const char *line, size_t n)
{
	const char *id, *name;
	size_t i, idlen, namelen;
	uint32_t k, cat;
	int added;
	char *p;

	for (i = 0; i < n && !is_blank(line[i]); i++)
		;
	name = line + i;
	namelen = n - i;
	name = trim(name, &namelen);
	if (namelen == 0)
		sp_die_at(L->path, L->r.lineno,
			  "a category needs an id and a "
			  "name");
	if ((id = liwc_id(line, i, &idlen)) == NULL) {
		p = xmemdup(line, i);
		sp_die_at(L->path, L->r.lineno,
			  "category id '%s' is not a "
			  "number",
			  p);
	}
	k = strtab_intern(&L->ids, id, idlen, &added);
	if (!added) {
		p = xmemdup(line, i);
		sp_die_at(L->path, L->r.lineno,
			  "category id %s is listed "
			  "twice",
			  p);
	}
	cat = strtab_intern(&L->d->categories, name, namelen, &added);
	if (!added) {
		p = xmemdup(name, namelen);
		sp_die_at(L->path, L->r.lineno,
			  "category '%s' is listed "
			  "twice",
			  p);
	}
	if (k >= L->idcap) {
		L->idcap = L->idcap ? 2 * L->idcap : 64;
		L->id_cat =
		    xreallocarray(L->id_cat, L->idcap, sizeof(*L->id_cat));
	}
	L->id_cat[k] = cat;
}

/* Whether a LIWC entry uses what sp cannot do: conditional categories. */
static int
liwc_conditional(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '(' || s[i] == ')' || s[i] == '<' || s[i] == '>' ||
		    s[i] == '/')
			return 1;
	return 0;
}

/* A LIWC entry: pattern TAB ID [TAB ID ...]. */
static void
liwc_entry(struct loader *L, const char *line, size_t n)
{
	const char *tab = memchr(line, '\t', n), *ids, *f;
	size_t patlen, idsn, i, j, idlen;
	uint32_t k;
	int wordless;
	char *p;

	if (tab != NULL) {
		patlen = (size_t)(tab - line);
		ids = tab + 1;
		idsn = n - patlen - 1;
	} else {
		/* No TAB: the trailing fields that are numbers are the ids. */
		for (i = n; i > 0;) {
			for (j = i; j > 0 && !is_blank(line[j - 1]); j--)
				;
			if (liwc_id(line + j, i - j, &idlen) == NULL)
				break;
			for (i = j; i > 0 && is_blank(line[i - 1]); i--)
				;
		}
		patlen = i;
		ids = line + i;
		idsn = n - i;
	}
	f = trim(line, &patlen);
	if (liwc_conditional(ids, idsn)) {
		if (L->conditional++ == 0)
			L->first_conditional = L->r.lineno;
		return;
	}
	if (patlen == 0)
		sp_die_at(L->path, L->r.lineno, "entry without a pattern");
	wordless = 0;
	for (i = 0, k = 0; i < idsn; i = j) {
		while (i < idsn && is_blank(ids[i]))
			i++;
		for (j = i; j < idsn && !is_blank(ids[j]); j++)
			;
		if (j == i)
			continue;
		{
			const char *id = liwc_id(ids + i, j - i, &idlen);
			uint32_t c;

			if (id == NULL) {
				p = xmemdup(ids + i, j - i);
				sp_die_at(L->path, L->r.lineno,
					  "category id "
					  "'%s' is not a number",
					  p);
			}
			if ((c = strtab_find(&L->ids, id, idlen)) ==
			    STRTAB_NONE) {
				p = xmemdup(ids + i, j - i);
				sp_die_at(L->path, L->r.lineno,
					  "category id %s "
					  "is not in the category list",
					  p);
			}
			wordless |= add_entry(L, L->id_cat[c], f, patlen,
					      DICT_WEIGHT_ONE);
			k++;
		}
	}
	if (k == 0) {
		p = xmemdup(f, patlen);
		sp_die_at(L->path, L->r.lineno, "no category id after '%s'", p);
	}
	if (wordless && L->wordless++ == 0)
		L->first_wordless = L->r.lineno;
}

static void
liwc_line(struct loader *L, const char *line, size_t n)
{
	line = trim(line, &n);
	if (n == 0)
		return;
	if (n == 1 && line[0] == '%' && L->state < 2) {
		L->state++;
		return;
	}
	if (L->state == 1)
		liwc_category(L, line, n);
	else if (n == 1 && line[0] == '%')
		sp_die_at(L->path, L->r.lineno,
			  "a LIWC dictionary has only "
			  "two %% lines");
	else
		liwc_entry(L, line, n);
}

int
dict_load(struct dict *d, const char *path, int format, int nesting)
{
	struct loader L;
	struct search_opts so = {SEARCH_WORDS, 1, 0};
	char *line;
	size_t n, tn;
	const char *t;
	size_t plen = strlen(path);
	int got, decided = format != DICT_AUTO;

	memset(d, 0, sizeof(*d));
	memset(&L, 0, sizeof(L));
	strtab_init(&d->categories);
	strtab_init(&d->seen);
	strtab_init(&L.ids);
	d->search = search_new(&so);
	d->nesting = nesting;
	d->format = format == DICT_LIWC ? DICT_LIWC : DICT_SP;
	/*
	 * A .dic file is LIWC's: without its % lines it would be read,
	 * wrongly and silently, as sp's CATEGORY TAB PATTERN.
	 */
	if (!decided && plen >= 4 &&
	    (strcmp(path + plen - 4, ".dic") == 0 ||
	     strcmp(path + plen - 4, ".DIC") == 0)) {
		d->format = DICT_LIWC;
		decided = 1;
	}
	L.d = d;
	L.path = path;
	if (reader_open(&L.r, path) < 0) {
		strtab_free(&L.ids);
		dict_free(d);
		return -1;
	}
	while ((got = reader_next(&L.r, &line, &n)) > 0) {
		tn = n;
		t = trim(line, &tn);
		if (!decided && tn > 0 && t[0] != '#') {
			d->format =
			    tn == 1 && t[0] == '%' ? DICT_LIWC : DICT_SP;
			decided = 1;
		}
		if (d->format == DICT_LIWC) {
			if (L.state == 0 && tn > 0 && !(tn == 1 && t[0] == '%'))
				sp_die_at(path, L.r.lineno,
					  "a LIWC dictionary "
					  "starts with a %% line");
			liwc_line(&L, line, n);
		} else if (n > 0 && line[0] != '#')
			sp_line(&L, line, n);
	}
	if (reader_close(&L.r) < 0 || got < 0) {
		strtab_free(&L.ids);
		free(L.id_cat);
		dict_free(d);
		return -1;
	}
	if (d->format == DICT_LIWC && L.state < 2)
		sp_die_at(path, 0,
			  "the category list is not closed by a %% "
			  "line");
	if (L.conditional > 0)
		sp_warn_at(
		    path, 0,
		    "%zu conditional entr%s skipped (the "
		    "first on line %llu): sp has no conditional categories",
		    L.conditional, L.conditional == 1 ? "y" : "ies",
		    L.first_conditional);
	if (L.wordless > 0)
		sp_warn_at(path, 0,
			   "%zu entr%s without a word skipped (the "
			   "first on line %llu)",
			   L.wordless, L.wordless == 1 ? "y" : "ies",
			   L.first_wordless);
	strtab_free(&L.ids);
	free(L.id_cat);
	if (d->npatterns == 0)
		sp_die("%s: no patterns", path);
	return 0;
}

void
dict_free(struct dict *d)
{
	strtab_free(&d->categories);
	strtab_free(&d->seen);
	if (d->search != NULL)
		search_free(d->search);
	free(d->weight);
	free(d->entry);
	free(d->entries.s);
	free(d->seen_weight);
	free(d->seen_line);
	free(d->kept);
	memset(d, 0, sizeof(*d));
}

/* ---- matching ---- */

size_t
dict_match(struct dict *d, const char *text, size_t n,
	   const struct search_match **m)
{
	const struct search_match *all;
	size_t nall = search_text(d->search, text, n, 0, &all), i, j, k;
	size_t reach = 0, same;
	int any_before = 0;

	if (d->nesting == DICT_NESTED_CATEGORY || nall < 2) {
		*m = all;
		return nall;
	}
	if (d->keptcap < nall) {
		d->keptcap = nall;
		d->kept = xreallocarray(d->kept, d->keptcap, sizeof(*d->kept));
	}
	/*
	 * Matches come ordered by start.  One is covered when a match that
	 * starts before it ends at or after its end, or one with the same
	 * start ends after it: reach is the furthest end of the matches that
	 * start earlier, same that of the matches with this start.
	 */
	for (i = k = 0; i < nall; i = j) {
		same = all[i].end;
		for (j = i; j < nall && all[j].start == all[i].start; j++)
			if (all[j].end > same)
				same = all[j].end;
		for (; i < j; i++)
			if (!(any_before && reach >= all[i].end) &&
			    all[i].end >= same)
				d->kept[k++] = all[i];
		any_before = 1;
		if (same > reach)
			reach = same;
	}
	*m = d->kept;
	return k;
}

int
dict_tally(const struct dict *d, const struct search_match *m, size_t nm,
	   uint64_t *count, int64_t *sum)
{
	size_t i;
	int64_t w;
	unsigned c;
	int rc = 0;

	for (i = 0; i < nm; i++) {
		c = m[i].group;
		w = d->weight[m[i].pattern];
		count[c]++;
		if ((w > 0 && sum[c] > INT64_MAX - w) ||
		    (w < 0 && sum[c] < INT64_MIN - w))
			rc = -1;
		else
			sum[c] += w;
	}
	return rc;
}
