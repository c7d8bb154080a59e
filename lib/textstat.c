/*
 * Readability and lexical diversity per group (textstat.h).  Each type is
 * analysed once (readability_word) and kept by its id, so a token costs a
 * string lookup, a few additions and the lexdiv step; the group of a
 * record is looked up only when its key changes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lexdiv.h"
#include "readability.h"
#include "textstat.h"

struct textstat_group {
	struct rd_counts rd;
	/* The order-dependent parts of lexdiv, added over stretches. */
	uint64_t window_types, windows, segment_types, segments;
	uint64_t mtld_tokens;
	double factors[2];
};

/* The sums of a readability row, in its order. */
static void
rd_sums(const struct rd_counts *c, uint64_t v[TEXTSTAT_RD_SUMS])
{
	v[0] = c->words;
	v[1] = c->sentences;
	v[2] = c->syllables;
	v[3] = c->letters;
	v[4] = c->poly;
	v[5] = c->complex;
	v[6] = c->longwords;
	v[7] = c->mono;
}

static void
rd_set(struct rd_counts *c, const uint64_t v[TEXTSTAT_RD_SUMS])
{
	c->words = v[0];
	c->sentences = v[1];
	c->syllables = v[2];
	c->letters = v[3];
	c->poly = v[4];
	c->complex = v[5];
	c->longwords = v[6];
	c->mono = v[7];
}

void
textstat_init(struct textstat *t, const struct textstat_opts *o)
{
	struct lexdiv_opts lo;

	memset(t, 0, sizeof(*t));
	t->o = *o;
	count_init(&t->ct);
	t->stretch = COUNT_NOGROUP;
	/* Never NULL, so that an empty key is copied and compared. */
	t->keycap = 64;
	t->key = xmalloc(t->keycap);
	if (o->lexdiv) {
		lo.window = o->window;
		lo.segment = o->segment;
		lo.threshold = o->threshold;
		lo.mtld = 1;
		t->ld = lexdiv_new(&lo);
	}
}

void
textstat_free(struct textstat *t)
{
	count_free(&t->ct);
	free(t->g);
	free(t->words);
	free(t->key);
	lexdiv_free(t->ld);
}

/* The group's entry, made (zero) if new. */
static struct textstat_group *
group_entry(struct textstat *t, uint32_t id)
{
	size_t n;

	if (id >= t->gcap) {
		n = t->gcap ? 2 * t->gcap : 64;
		while (n <= id)
			n *= 2;
		t->g = xreallocarray(t->g, n, sizeof(*t->g));
		memset(t->g + t->gcap, 0, (n - t->gcap) * sizeof(*t->g));
		t->gcap = n;
	}
	return &t->g[id];
}

/* End the lexdiv stretch: its windows, segments and factors go to its group. */
static void
end_stretch(struct textstat *t)
{
	struct lexdiv_parts p;
	struct textstat_group *g;

	if (t->ld == NULL || t->stretch == COUNT_NOGROUP)
		return;
	lexdiv_get_parts(t->ld, &p);
	g = &t->g[t->stretch];
	g->window_types += p.window_types;
	g->windows += p.windows;
	g->segment_types += p.segment_types;
	g->segments += p.segments;
	g->mtld_tokens += p.mtld_tokens;
	g->factors[0] += p.factors[0];
	g->factors[1] += p.factors[1];
	lexdiv_reset(t->ld);
	t->stretch = COUNT_NOGROUP;
}

/* The readability analysis of type id, made when the type is new. */
static const struct rd_word *
word_of(struct textstat *t, uint32_t id, const char *s, size_t n)
{
	size_t cap;

	if (id >= t->nwords) {
		/* Ids are dense and new ones come one at a time. */
		if (t->nwords == t->wordcap) {
			cap = t->wordcap ? 2 * t->wordcap : 1024;
			t->words =
			    xreallocarray(t->words, cap, sizeof(*t->words));
			t->wordcap = cap;
		}
		readability_word(s, n, &t->words[t->nwords++]);
	}
	return &t->words[id];
}

/*
 * Whether rec starts a new sentence: its key is not the last record's
 * (records of one file only).  The key is remembered.
 */
static int
new_key(struct textstat *t, const struct record *rec)
{
	if (t->inrun && rec->haskey == t->haskey && rec->keylen == t->keylen &&
	    memcmp(rec->key, t->key, rec->keylen) == 0)
		return 0;
	if (t->keycap < rec->keylen) {
		t->keycap = 2 * rec->keylen;
		t->key = xrealloc(t->key, t->keycap);
	}
	memcpy(t->key, rec->key, rec->keylen);
	t->keylen = rec->keylen;
	t->haskey = rec->haskey;
	t->inrun = 1;
	return 1;
}

/* Whether the documents (first key fields) of rec and the last key differ. */
static int
new_document(const struct textstat *t, const struct record *rec,
	     const char *lastkey, size_t lastlen)
{
	size_t a = record_key_prefix(rec, 1);
	const char *tab = memchr(lastkey, '\t', lastlen);
	size_t b = tab != NULL ? (size_t)(tab - lastkey) : lastlen;

	(void)t;
	return a != b || memcmp(rec->key, lastkey, a) != 0;
}

int
textstat_file(struct textstat *t, const char *path)
{
	struct record_reader rr;
	struct record rec;
	struct textstat_group *g = NULL;
	char *last = xmalloc(64);
	const char *name;
	size_t glen, lastlen = 0, lastcap = 64;
	uint32_t item, gid, group = COUNT_NOGROUP;
	int status = 0, newdoc;

	if (record_open(&rr, path) < 0)
		return 2;
	t->inrun = 0;
	end_stretch(t);
	while (record_next(&rr, &rec) > 0) {
		if (rec.len == 0)
			continue; /* a gap, or a blank line */
		if (new_key(t, &rec)) {
			name = rec.key;
			glen = 0;
			if (t->o.grouper != NULL) {
				gid = group_of(t->o.grouper, &rec);
				if (gid == GROUP_SHORT) {
					group_warn_short(t->o.grouper,
							 record_file(&rr),
							 record_lineno(&rr),
							 &rec);
					status = 2;
					t->inrun = 0;
					break;
				}
				name = group_name(t->o.grouper, gid, &glen);
			} else if (t->o.by > 0) {
				glen = record_by_prefix(&rr, &rec, t->o.by,
							t->o.by_arg);
				if (glen == (size_t)-1) {
					status = 2;
					t->inrun = 0;
					break;
				}
			}
			newdoc = group == COUNT_NOGROUP ||
				 new_document(t, &rec, last, lastlen);
			group = count_group(&t->ct, name, glen);
			g = group_entry(t, group);
			g->rd.sentences++;
			if (t->ld != NULL && (newdoc || group != t->stretch)) {
				end_stretch(t);
				t->stretch = group;
			}
			/* The last key, for the document of the next one. */
			if (lastcap < rec.keylen) {
				lastcap = 2 * rec.keylen;
				last = xrealloc(last, lastcap);
			}
			memcpy(last, rec.key, rec.keylen);
			lastlen = rec.keylen;
		}
		item = strtab_intern(&t->ct.items, rec.payload, rec.len, NULL);
		if (t->o.readability)
			readability_add(&g->rd,
					word_of(t, item, rec.payload, rec.len));
		if (t->ld != NULL) {
			lexdiv_add(t->ld, item);
			count_cell(&t->ct, group, item)->count++;
		}
	}
	free(last);
	end_stretch(t);
	t->inrun = 0;
	if (record_close(&rr) < 0)
		status = 2;
	return status;
}

/* A whole number of up to 64 bits, digits only; -1 if it is not. */
static int
parse_u64(const char *s, size_t n, uint64_t *v)
{
	uint64_t x = 0;
	size_t i;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (x > (UINT64_MAX - (uint64_t)(s[i] - '0')) / 10)
			return -1;
		x = x * 10 + (uint64_t)(s[i] - '0');
	}
	*v = x;
	return 0;
}

int
textstat_merge_file(struct textstat *t, const char *path)
{
	struct record_reader rr;
	struct record rec;
	const char *f[TEXTSTAT_RD_FIELDS], *p, *end, *tab;
	size_t flen[TEXTSTAT_RD_FIELDS], nf, i, glen, gfields;
	uint64_t v[TEXTSTAT_RD_SUMS], sum[TEXTSTAT_RD_SUMS];
	const char *name;
	uint32_t gid;
	struct textstat_group *g;
	int status = 0;

	if (record_open(&rr, path) < 0)
		return 2;
	while (record_next(&rr, &rec) > 0) {
		/* The last 18 fields: the key's last 17 and the payload. */
		nf = rec.haskey ? record_key_fields(&rec) + 1 : 1;
		if (nf < TEXTSTAT_RD_FIELDS) {
			record_warn(&rr,
				    "a readability row has %d fields after its "
				    "group, this one %zu in all",
				    TEXTSTAT_RD_FIELDS, nf);
			status = 2;
			break;
		}
		gfields = nf - TEXTSTAT_RD_FIELDS;
		glen = gfields > 0 ? record_key_prefix(&rec, gfields) : 0;
		p = gfields > 0 ? rec.key + glen + 1 : rec.key;
		end = rec.key + rec.keylen;
		for (i = 0; i + 1 < TEXTSTAT_RD_FIELDS; i++) {
			tab = memchr(p, '\t', (size_t)(end - p));
			f[i] = p;
			flen[i] =
			    tab != NULL ? (size_t)(tab - p) : (size_t)(end - p);
			p += flen[i] + 1;
		}
		f[i] = rec.payload;
		flen[i] = rec.len;
		for (i = 0; i < TEXTSTAT_RD_SUMS; i++)
			if (parse_u64(f[i], flen[i], &v[i]) < 0)
				break;
		if (i < TEXTSTAT_RD_SUMS) {
			record_warn(&rr,
				    "field %zu, '%.*s', is not a whole "
				    "number of 64 bits",
				    gfields + i + 1, (int)flen[i], f[i]);
			status = 2;
			break;
		}
		name = rec.key;
		if (t->o.grouper != NULL) {
			/* The first group field is an id. */
			if (gfields < t->o.grouper->fields) {
				record_warn(&rr,
					    "--by %s needs %zu group field%s, "
					    "the row has %zu",
					    t->o.by_arg, t->o.grouper->fields,
					    t->o.grouper->fields == 1 ? "" : "s",
					    gfields);
				status = 2;
				break;
			}
			glen = record_key_prefix(&rec, t->o.grouper->fields);
			gid = group_of_key(t->o.grouper, rec.key, glen);
			name = group_name(t->o.grouper, gid, &glen);
		} else if (t->o.by > 0) {
			if (gfields < t->o.by) {
				record_warn(&rr,
					    "--by %s needs %zu group field%s, "
					    "the row has %zu",
					    t->o.by_arg, t->o.by,
					    t->o.by == 1 ? "" : "s", gfields);
				status = 2;
				break;
			}
			glen = record_key_prefix(&rec, t->o.by);
		}
		g = group_entry(t, count_group(&t->ct, name, glen));
		rd_sums(&g->rd, sum);
		for (i = 0; i < TEXTSTAT_RD_SUMS; i++)
			if (count_add(&sum[i], v[i]) < 0)
				break;
		if (i < TEXTSTAT_RD_SUMS) {
			record_warn(&rr,
				    "the sum of field %zu overflows 64 "
				    "bits",
				    gfields + i + 1);
			status = 2;
			break;
		}
		rd_set(&g->rd, sum);
	}
	if (record_close(&rr) < 0)
		status = 2;
	return status;
}

/* A measure with four decimals, or NA where it is not defined. */
static void
put_measure(struct record_writer *out, double x)
{
	if (isnan(x))
		record_field(out, "NA", 2);
	else
		record_field_real(out, x, 4);
}

void
textstat_write(struct textstat *t, struct record_writer *out)
{
	struct strtab *groups = &t->ct.groups;
	uint32_t *rank = count_ranks(groups), *order;
	struct cell *cells = NULL;
	struct lexdiv_parts *ld = NULL;
	struct textstat_group *g;
	uint64_t sum[TEXTSTAT_RD_SUMS];
	double x[(int)RD_NINDEX > (int)LD_NMEASURE ? (int)RD_NINDEX
						   : (int)LD_NMEASURE];
	size_t n = groups->n, ncells, i, k;

	order = xreallocarray(NULL, n + 1, sizeof(*order));
	for (i = 0; i < n; i++)
		order[rank[i]] = (uint32_t)i;
	if (t->ld != NULL) {
		/* Types and the sums of squares from the group's cells. */
		ld = xcalloc(n + 1, sizeof(*ld));
		cells = count_cells(&t->ct, &ncells);
		for (i = 0; i < ncells; i++) {
			ld[cells[i].group].tokens += cells[i].count;
			ld[cells[i].group].types++;
			ld[cells[i].group].sumsq +=
			    cells[i].count * cells[i].count;
		}
		free(cells);
	}
	for (k = 0; k < n; k++) {
		i = order[k];
		g = group_entry(t, (uint32_t)i);
		if (t->o.by > 0 || strtab_len(groups, (uint32_t)i) > 0)
			record_key_set(out, strtab_key(groups, (uint32_t)i),
				       strtab_len(groups, (uint32_t)i));
		else
			record_key_set(out, NULL, 0);
		record_begin(out);
		if (t->o.readability) {
			rd_sums(&g->rd, sum);
			for (i = 0; i < TEXTSTAT_RD_SUMS; i++)
				record_field_u64(out, sum[i]);
			readability_scores(&g->rd, x);
			for (i = 0; i < RD_NINDEX; i++)
				put_measure(out, x[i]);
		}
		if (ld != NULL) {
			struct lexdiv_parts *p = &ld[order[k]];

			p->window_types = g->window_types;
			p->windows = g->windows;
			p->segment_types = g->segment_types;
			p->segments = g->segments;
			p->mtld_tokens = g->mtld_tokens;
			p->factors[0] = g->factors[0];
			p->factors[1] = g->factors[1];
			record_field_u64(out, p->tokens);
			record_field_u64(out, p->types);
			lexdiv_scores(p, t->o.window, t->o.segment, x);
			for (i = 0; i < LD_NMEASURE; i++)
				put_measure(out, x[i]);
		}
		record_end(out);
	}
	free(ld);
	free(order);
	free(rank);
}
