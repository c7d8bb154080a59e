/*
 * The sparse document-word table of scale.h.
 */
#include <stdlib.h>
#include <string.h>

#include "count.h"
#include "err.h"
#include "scale.h"

/*
 * Number the keys of s that are marked in has[] in bytewise order: index[id]
 * is the new number (or -1), and names and lengths are copied out.
 */
static size_t
number_keys(const struct strtab *s, const char *has, long *index, char ***names,
	    size_t **lens)
{
	uint32_t *rank = count_ranks(s), *byrank, id;
	size_t n = 0, r;

	byrank = xreallocarray(NULL, (size_t)s->n + 1, sizeof(*byrank));
	for (id = 0; id < s->n; id++)
		byrank[rank[id]] = id;
	for (r = 0; r < s->n; r++)
		n += has[byrank[r]] != 0;
	*names = xreallocarray(NULL, n + 1, sizeof(**names));
	*lens = xreallocarray(NULL, n + 1, sizeof(**lens));
	n = 0;
	for (r = 0; r < s->n; r++) {
		id = byrank[r];
		index[id] = -1;
		if (!has[id])
			continue;
		index[id] = (long)n;
		(*lens)[n] = strtab_len(s, id);
		(*names)[n] = xmemdup(strtab_key(s, id), (*lens)[n]);
		n++;
	}
	free(byrank);
	free(rank);
	return n;
}

void
scale_cells_init(struct scale_cells *sc, int merge)
{
	memset(sc, 0, sizeof(*sc));
	sc->merge = merge;
	strtab_init(&sc->groups);
	strtab_init(&sc->items);
}

static int
cmp_cells(const void *pa, const void *pb)
{
	const struct scale_cell *a = pa, *b = pb;

	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return (a->word > b->word) - (a->word < b->word);
}

/* Sort the cells by (doc, word) and add up the repeated ones. */
static void
compact(struct scale_cells *sc)
{
	size_t i, n = 0;

	qsort(sc->c, sc->n, sizeof(*sc->c), cmp_cells);
	for (i = 0; i < sc->n; i++) {
		if (n > 0 && sc->c[n - 1].doc == sc->c[i].doc &&
		    sc->c[n - 1].word == sc->c[i].word)
			sc->c[n - 1].count += sc->c[i].count;
		else
			sc->c[n++] = sc->c[i];
	}
	sc->n = n;
}

uint32_t
scale_cells_add(struct scale_cells *sc, const char *group, size_t glen,
		const char *item, size_t ilen, double count)
{
	uint32_t g = strtab_intern(&sc->groups, group, glen, NULL);
	uint32_t w = strtab_intern(&sc->items, item, ilen, NULL);

	if (sc->n == sc->cap) {
		if (sc->n > 0 && sc->merge)
			compact(sc);
		if (sc->n * 2 >= sc->cap) {
			sc->cap = sc->cap ? 2 * sc->cap : 4096;
			sc->c = xreallocarray(sc->c, sc->cap, sizeof(*sc->c));
		}
	}
	sc->c[sc->n].doc = g;
	sc->c[sc->n].word = w;
	sc->c[sc->n].count = count;
	sc->n++;
	return g;
}

void
scale_cells_free(struct scale_cells *sc)
{
	strtab_free(&sc->groups);
	strtab_free(&sc->items);
	free(sc->c);
	memset(sc, 0, sizeof(*sc));
}

uint32_t
scale_table_build(struct scale_table *t, struct scale_cells *sc)
{
	size_t i, j, k, n, nz = 0;
	char *hasg = xcalloc((size_t)sc->groups.n + 1, 1);
	char *hasi = xcalloc((size_t)sc->items.n + 1, 1);
	long *gi, *ii;
	uint32_t first = STRTAB_NONE, *grank;
	size_t *pos;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < sc->n; i++)
		if (sc->c[i].count > 0) {
			hasg[sc->c[i].doc] = 1;
			hasi[sc->c[i].word] = 1;
		}
	grank = count_ranks(&sc->groups);
	for (i = 0; i < sc->groups.n; i++)
		if (!hasg[i] &&
		    (first == STRTAB_NONE || grank[i] < grank[first]))
			first = (uint32_t)i;
	free(grank);
	if (first != STRTAB_NONE) {
		free(hasg);
		free(hasi);
		return first;
	}
	gi = xreallocarray(NULL, (size_t)sc->groups.n + 1, sizeof(*gi));
	ii = xreallocarray(NULL, (size_t)sc->items.n + 1, sizeof(*ii));
	t->ndocs = number_keys(&sc->groups, hasg, gi, &t->doc, &t->doclen);
	t->nwords = number_keys(&sc->items, hasi, ii, &t->word, &t->wordlen);
	t->dstart = xcalloc(t->ndocs + 1, sizeof(*t->dstart));
	free(hasg);
	free(hasi);

	/*
	 * Renumber the cells in bytewise order of their names, bucket them by
	 * word, then from there by document: each document's cells come in
	 * word order, so repeated pairs are neighbours and are added up, and
	 * bucketed back by word they come in document order, whatever the
	 * order of the input.  Every sum over them is taken in the same
	 * order, and output is the same bytes.  Two passes of counting, no
	 * comparisons, and at most 28 bytes a cell at once.
	 */
	nz = 0;
	for (i = 0; i < sc->n; i++)
		if (sc->c[i].count > 0) {
			sc->c[nz].doc = (uint32_t)gi[sc->c[i].doc];
			sc->c[nz].word = (uint32_t)ii[sc->c[i].word];
			sc->c[nz++].count = sc->c[i].count;
		}
	free(gi);
	free(ii);
	t->wstart = xcalloc(t->nwords + 1, sizeof(*t->wstart));
	t->wdoc = xreallocarray(NULL, nz + 1, sizeof(*t->wdoc));
	t->wcount = xreallocarray(NULL, nz + 1, sizeof(*t->wcount));
	for (k = 0; k < nz; k++)
		t->wstart[sc->c[k].word + 1]++;
	for (k = 0; k < t->nwords; k++)
		t->wstart[k + 1] += t->wstart[k];
	pos = xreallocarray(NULL,
			    (t->nwords > t->ndocs ? t->nwords : t->ndocs) + 1,
			    sizeof(*pos));
	memcpy(pos, t->wstart, t->nwords * sizeof(*pos));
	for (k = 0; k < nz; k++) {
		i = pos[sc->c[k].word]++;
		t->wdoc[i] = sc->c[k].doc;
		t->wcount[i] = sc->c[k].count;
	}
	for (k = 0; k < nz; k++)
		t->dstart[sc->c[k].doc + 1]++;
	free(sc->c);
	sc->c = NULL;
	sc->n = sc->cap = 0;
	for (i = 0; i < t->ndocs; i++)
		t->dstart[i + 1] += t->dstart[i];
	t->dword = xreallocarray(NULL, nz + 1, sizeof(*t->dword));
	t->dcount = xreallocarray(NULL, nz + 1, sizeof(*t->dcount));
	memcpy(pos, t->dstart, t->ndocs * sizeof(*pos));
	for (j = 0; j < t->nwords; j++)
		for (k = t->wstart[j]; k < t->wstart[j + 1]; k++) {
			i = pos[t->wdoc[k]]++;
			t->dword[i] = (uint32_t)j;
			t->dcount[i] = t->wcount[k];
		}
	/* Add up repeated pairs, closing the gaps. */
	for (i = 0, k = 0, n = 0; i < t->ndocs; i++) {
		size_t end = t->dstart[i + 1];

		t->dstart[i] = n;
		for (; k < end; k++) {
			if (n > t->dstart[i] && t->dword[n - 1] == t->dword[k])
				t->dcount[n - 1] += t->dcount[k];
			else {
				t->dword[n] = t->dword[k];
				t->dcount[n++] = t->dcount[k];
			}
		}
	}
	t->dstart[t->ndocs] = n;
	t->ncells = n;
	memset(t->wstart, 0, (t->nwords + 1) * sizeof(*t->wstart));
	for (k = 0; k < n; k++)
		t->wstart[t->dword[k] + 1]++;
	for (k = 0; k < t->nwords; k++)
		t->wstart[k + 1] += t->wstart[k];
	memcpy(pos, t->wstart, t->nwords * sizeof(*pos));
	for (i = 0; i < t->ndocs; i++)
		for (k = t->dstart[i]; k < t->dstart[i + 1]; k++) {
			size_t at = pos[t->dword[k]]++;

			t->wdoc[at] = (uint32_t)i;
			t->wcount[at] = t->dcount[k];
		}
	free(pos);

	t->rowsum = xcalloc(t->ndocs + 1, sizeof(*t->rowsum));
	t->colsum = xcalloc(t->nwords + 1, sizeof(*t->colsum));
	for (i = 0; i < t->ndocs; i++)
		for (k = t->dstart[i]; k < t->dstart[i + 1]; k++) {
			t->rowsum[i] += t->dcount[k];
			t->colsum[t->dword[k]] += t->dcount[k];
		}
	for (i = 0; i < t->ndocs; i++)
		t->total += t->rowsum[i];
	return STRTAB_NONE;
}

void
scale_table_free(struct scale_table *t)
{
	size_t i;

	for (i = 0; i < t->ndocs; i++)
		free(t->doc[i]);
	for (i = 0; i < t->nwords; i++)
		free(t->word[i]);
	free(t->doc);
	free(t->word);
	free(t->doclen);
	free(t->wordlen);
	free(t->dstart);
	free(t->dword);
	free(t->dcount);
	free(t->wstart);
	free(t->wdoc);
	free(t->wcount);
	free(t->rowsum);
	free(t->colsum);
	memset(t, 0, sizeof(*t));
}

/* Binary search in names sorted bytewise (shorter first on a prefix). */
static long
find(char *const *names, const size_t *lens, size_t n, const char *s,
     size_t len)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, m = lens[mid];
		int c = memcmp(names[mid], s, m < len ? m : len);

		if (c == 0)
			c = (m > len) - (m < len);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

long
scale_find_doc(const struct scale_table *t, const char *s, size_t len)
{
	return find(t->doc, t->doclen, t->ndocs, s, len);
}

long
scale_find_word(const struct scale_table *t, const char *s, size_t len)
{
	return find(t->word, t->wordlen, t->nwords, s, len);
}
