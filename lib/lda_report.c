/*
 * What sp-topics writes about a model: the topic keys, each document's
 * topic proportions, the word-topic counts and the per-topic diagnostics
 * (size, UMass and NPMI coherence, exclusivity and FREX words, the last
 * two from lda_label.c).  Every listing has a total order, with ties
 * broken bytewise on the word, so the output is the same on every machine;
 * numbers are printed with fixed formats in the C locale.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lda.h"
#include "record.h"

/* A candidate top word of a topic. */
struct ranked {
	uint32_t count, word;
};

/* Whether x ranks before y: a higher count, then the word bytewise. */
static int
ranks_before(const struct lda_model *m, struct ranked x, struct ranked y)
{
	if (x.count != y.count)
		return x.count > y.count;
	return strtab_cmp(m->vocab, x.word, y.word) < 0;
}

/*
 * Restore h[0..n) as a heap with the lowest-ranked word at the root, after
 * h[i] was replaced by a word that may rank lower than its children.
 */
static void
sift_down(const struct lda_model *m, struct ranked *h, size_t n, size_t i)
{
	struct ranked x = h[i];
	size_t c;

	while ((c = 2 * i + 1) < n) {
		if (c + 1 < n && ranks_before(m, h[c], h[c + 1]))
			c++;	/* the lower-ranked child */
		if (!ranks_before(m, x, h[c]))
			break;
		h[i] = h[c];
		i = c;
	}
	h[i] = x;
}

/* Take h[n], just stored after the heap h[0..n), into it. */
static void
sift_up(const struct lda_model *m, struct ranked *h, size_t n)
{
	struct ranked x = h[n];
	size_t i = n, p;

	while (i > 0 && ranks_before(m, h[p = (i - 1) / 2], x)) {
		h[i] = h[p];
		i = p;
	}
	h[i] = x;
}

/*
 * Each topic's top words are chosen with a heap of at most top entries
 * whose root is the lowest-ranked word kept: a word that ranks below it is
 * dropped at once, so one pass over the model's cells costs O(log top) a
 * cell.  Each topic's heap has room for min(top, its number of words),
 * so the memory is what is listed, however large K and top.
 */
void
lda_top_words(const struct lda_model *m, int top, uint32_t **words,
    size_t **start)
{
	size_t k = (size_t)m->ntopics, i, end, t, n, *len;
	struct ranked *heaps, *h, x, last;
	uint32_t w, cell;

	*start = xcalloc(k + 1, sizeof(size_t));
	len = xcalloc(k + 1, sizeof(size_t));
	for (w = 0; w < m->nwords; w++) {
		end = m->word_start[w + 1];
		for (i = m->word_start[w]; i < end && m->counts[i]; i++)
			len[lda_cell_topic(m, m->counts[i])]++;
	}
	for (t = 0; t < k; t++) {
		n = top > 0 && len[t] > (size_t)top ? (size_t)top : len[t];
		(*start)[t + 1] = (*start)[t] + (top > 0 ? n : 0);
	}
	heaps = xmalloc(((*start)[k] + 1) * sizeof(*heaps));
	/* len now counts the words in each heap. */
	memset(len, 0, (k + 1) * sizeof(size_t));
	for (w = 0; w < m->nwords && top > 0; w++) {
		end = m->word_start[w + 1];
		for (i = m->word_start[w]; i < end && m->counts[i]; i++) {
			cell = m->counts[i];
			t = lda_cell_topic(m, cell);
			x.count = lda_cell_count(m, cell);
			x.word = w;
			h = heaps + (*start)[t];
			n = (*start)[t + 1] - (*start)[t];
			if (len[t] < n) {
				h[len[t]] = x;
				sift_up(m, h, len[t]++);
			} else if (ranks_before(m, x, h[0])) {
				h[0] = x;
				sift_down(m, h, n, 0);
			}
		}
	}
	/* Heap sort each topic's words, the lowest-ranked to the end. */
	for (t = 0; t < k; t++) {
		h = heaps + (*start)[t];
		for (n = (*start)[t + 1] - (*start)[t]; n > 1; n--) {
			last = h[0];
			h[0] = h[n - 1];
			h[n - 1] = last;
			sift_down(m, h, n - 1, 0);
		}
	}
	*words = xmalloc(((*start)[k] + 1) * sizeof(uint32_t));
	for (i = 0; i < (*start)[k]; i++)
		(*words)[i] = heaps[i].word;
	free(heaps);
	free(len);
}

void
lda_write_topic_keys(struct writer *w, const struct lda_model *m, int top)
{
	uint32_t *words, id;
	size_t *start, i;
	int k;

	lda_top_words(m, top, &words, &start);
	for (k = 0; k < m->ntopics; k++) {
		writer_printf(w, "%d\t%.6f\t", k, m->alpha[k]);
		for (i = start[k]; i < start[k + 1]; i++) {
			id = words[i];
			if (i > start[k])
				writer_byte(w, ' ');
			writer_write(w, strtab_key(m->vocab, id),
			    strtab_len(m->vocab, id));
		}
		writer_byte(w, '\n');
	}
	free(words);
	free(start);
}

void
lda_write_doc_row(struct record_writer *rw, const char *key, size_t keylen,
		  int k, const double *proportion, double threshold)
{
	int t;

	record_key_set(rw, key, keylen);
	for (t = 0; t < k; t++) {
		if (!(proportion[t] > threshold))
			continue;
		record_begin(rw);
		record_field_u64(rw, (uint64_t)t);
		record_field_real(rw, proportion[t], 6);
		record_end(rw);
	}
}

void
lda_write_doc_topics(struct writer *w, const struct lda_model *m,
    const struct lda_corpus *c, const uint16_t *topics, double threshold)
{
	size_t k = (size_t)m->ntopics, d, i, n;
	double *proportion = xcalloc(k, sizeof(double)), alpha_sum;
	int32_t *local = xcalloc(k, sizeof(int32_t));
	const double *alpha;
	struct record_writer rw;

	record_writer_init(&rw, w);
	for (d = 0; d < c->docs.n; d++) {
		n = c->doc_start[d + 1] - c->doc_start[d];
		for (i = c->doc_start[d]; i < c->doc_start[d + 1]; i++)
			local[topics[i]]++;
		alpha = m->doc_alpha ? m->doc_alpha + d * k : m->alpha;
		alpha_sum = m->doc_alpha ? m->doc_alpha_sum[d] : m->alpha_sum;
		for (i = 0; i < k; i++) {
			proportion[i] = (alpha[i] + local[i]) /
			    ((double)n + alpha_sum);
			local[i] = 0;
		}
		lda_write_doc_row(&rw, strtab_key(&c->docs, (uint32_t)d),
				  strtab_len(&c->docs, (uint32_t)d), m->ntopics,
				  proportion, threshold);
	}
	record_writer_free(&rw);
	free(proportion);
	free(local);
}

/* qsort has no context argument: the vocabulary being sorted. */
static const struct strtab *sort_vocab;

static int
word_bytewise(const void *a, const void *b)
{
	return strtab_cmp(sort_vocab, *(const uint32_t *)a,
	    *(const uint32_t *)b);
}

struct topic_count {
	uint32_t topic, count;
};

static int
topic_ascending(const void *a, const void *b)
{
	uint32_t x = ((const struct topic_count *)a)->topic;
	uint32_t y = ((const struct topic_count *)b)->topic;

	return x < y ? -1 : x > y;
}

uint32_t *
lda_sorted_words(const struct lda_model *m)
{
	uint32_t *ids = xmalloc(((size_t)m->nwords + 1) * sizeof(uint32_t));
	uint32_t w;

	for (w = 0; w < m->nwords; w++)
		ids[w] = w;
	sort_vocab = m->vocab;
	qsort(ids, m->nwords, sizeof(uint32_t), word_bytewise);
	return ids;
}

size_t
lda_word_topics(const struct lda_model *m, uint32_t w, uint32_t *topic,
    uint32_t *count)
{
	struct topic_count tc[64], *all = tc;
	size_t i, n = 0, begin = m->word_start[w], end = m->word_start[w + 1];

	if (end - begin > 64)
		all = xmalloc((end - begin) * sizeof(*all));
	for (i = begin; i < end && m->counts[i]; i++) {
		all[n].topic = lda_cell_topic(m, m->counts[i]);
		all[n].count = lda_cell_count(m, m->counts[i]);
		n++;
	}
	qsort(all, n, sizeof(*all), topic_ascending);
	for (i = 0; i < n; i++) {
		topic[i] = all[i].topic;
		count[i] = all[i].count;
	}
	if (all != tc)
		free(all);
	return n;
}

void
lda_write_word_topics(struct writer *w, const struct lda_model *m)
{
	uint32_t *ids = lda_sorted_words(m), *topic, *count, id;
	size_t i, j, n;
	struct record_writer rw;

	topic = xmalloc(((size_t)m->ntopics + 1) * sizeof(uint32_t));
	count = xmalloc(((size_t)m->ntopics + 1) * sizeof(uint32_t));
	record_writer_init(&rw, w);
	for (i = 0; i < m->nwords; i++) {
		id = ids[i];
		n = lda_word_topics(m, id, topic, count);
		/* The word is the key of its records WORD TAB TOPIC TAB COUNT.
		 */
		record_key_set(&rw, strtab_key(m->vocab, id),
			       strtab_len(m->vocab, id));
		for (j = 0; j < n; j++) {
			record_begin(&rw);
			record_field_u64(&rw, topic[j]);
			record_field_u64(&rw, count[j]);
			record_end(&rw);
		}
	}
	record_writer_free(&rw);
	free(topic);
	free(count);
	free(ids);
}

/* The number of documents in both sorted lists. */
static size_t
common_documents(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i = 0, j = 0, n = 0;

	while (i < na && j < nb) {
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else {
			n++;
			i++;
			j++;
		}
	}
	return n;
}

/*
 * NPMI of words a and b, as tests/bench/npmi.awk computes it: with D
 * documents, of which da, db and dab have a, b and both,
 * log(p(a,b) / (p(a) p(b))) / -log p(a,b), -1 if dab is 0, 1 if it is D.
 */
static double
npmi(size_t d, size_t da, size_t db, size_t dab)
{
	double pab = (double)dab / (double)d;

	if (dab == 0)
		return -1;
	if (dab == d)
		return 1;
	return log(pab / (((double)da / (double)d) * ((double)db /
	    (double)d))) / -log(pab);
}

void
lda_coherence(const struct lda_model *m, const struct lda_corpus *c,
    int top, double *coherence, double *npmi_mean)
{
	size_t k = (size_t)m->ntopics, d, i, t, a, b, n, nslots = 0;
	size_t *df, *start, *top_start;
	uint32_t *words, *slot, *last, *postings, s, si, sj;

	lda_top_words(m, top, &words, &top_start);

	/* Give each distinct top word a slot. */
	slot = xmalloc(((size_t)m->nwords + 1) * sizeof(uint32_t));
	for (i = 0; i < m->nwords; i++)
		slot[i] = STRTAB_NONE;
	for (i = 0; i < top_start[k]; i++)
		if (slot[words[i]] == STRTAB_NONE)
			slot[words[i]] = (uint32_t)nslots++;

	/* Document frequencies, then the sorted list of each slot's
	 * documents. */
	df = xcalloc(nslots + 1, sizeof(size_t));
	start = xcalloc(nslots + 1, sizeof(size_t));
	last = xcalloc(nslots + 1, sizeof(uint32_t));
	for (d = 0; d < c->docs.n; d++)
		for (i = c->doc_start[d]; i < c->doc_start[d + 1]; i++)
			if ((s = slot[c->word[i]]) != STRTAB_NONE &&
			    last[s] != d + 1) {
				last[s] = (uint32_t)d + 1;
				df[s]++;
			}
	for (s = 0; s < nslots; s++)
		start[s + 1] = start[s] + df[s];
	postings = xmalloc((start[nslots] + 1) * sizeof(uint32_t));
	memset(last, 0, (nslots + 1) * sizeof(uint32_t));
	memset(df, 0, (nslots + 1) * sizeof(size_t));
	for (d = 0; d < c->docs.n; d++)
		for (i = c->doc_start[d]; i < c->doc_start[d + 1]; i++)
			if ((s = slot[c->word[i]]) != STRTAB_NONE &&
			    last[s] != d + 1) {
				last[s] = (uint32_t)d + 1;
				postings[start[s] + df[s]++] = (uint32_t)d;
			}

	for (t = 0; t < k; t++) {
		coherence[t] = 0;
		for (a = top_start[t] + 1; a < top_start[t + 1]; a++)
			for (b = top_start[t]; b < a; b++) {
				si = slot[words[a]];
				sj = slot[words[b]];
				coherence[t] += log((double)(common_documents(
				    postings + start[si], df[si],
				    postings + start[sj], df[sj]) + 1) /
				    (double)df[sj]);
			}
		if (npmi_mean == NULL)
			continue;
		/* Pairs in npmi.awk's order, so that the sums agree. */
		npmi_mean[t] = 0;
		for (a = top_start[t]; a < top_start[t + 1]; a++)
			for (b = a + 1; b < top_start[t + 1]; b++) {
				si = slot[words[a]];
				sj = slot[words[b]];
				npmi_mean[t] += npmi(c->docs.n, df[si], df[sj],
				    common_documents(postings + start[si],
				    df[si], postings + start[sj], df[sj]));
			}
		n = top_start[t + 1] - top_start[t];
		if (n > 1)
			npmi_mean[t] /= (double)n * (double)(n - 1) / 2;
	}
	free(words);
	free(top_start);
	free(slot);
	free(df);
	free(start);
	free(last);
	free(postings);
}

void
lda_write_diagnostics(struct writer *w, const struct lda_model *m,
    const struct lda_corpus *c, const uint16_t *topics, int top,
    double frex_weight)
{
	size_t k = (size_t)m->ntopics, d, i, *top_start;
	double *coherence = xcalloc(k, sizeof(double));
	double *npmi_mean = xcalloc(k, sizeof(double));
	double *exclusivity = xcalloc(k, sizeof(double));
	size_t *docs = xcalloc(k, sizeof(size_t));
	size_t *last = xcalloc(k, sizeof(size_t));
	uint32_t *words, *frex = xmalloc((k * (size_t)top + 1) *
	    sizeof(uint32_t));
	int *nfrex = xcalloc(k, sizeof(int)), j;

	lda_coherence(m, c, top, coherence, npmi_mean);
	lda_top_words(m, top, &words, &top_start);
	lda_exclusivity(m, words, top_start, exclusivity);
	lda_frex_words(m, top, frex_weight, frex, nfrex);
	for (d = 0; d < c->docs.n; d++)
		for (i = c->doc_start[d]; i < c->doc_start[d + 1]; i++)
			if (last[topics[i]] != d + 1) {
				last[topics[i]] = d + 1;
				docs[topics[i]]++;
			}
	for (i = 0; i < k; i++) {
		writer_printf(w, "%zu\t%lld\t%.4f\t%zu\t%.4f\t%.4f\t", i,
		    (long long)m->topic_tokens[i], coherence[i], docs[i],
		    exclusivity[i], npmi_mean[i]);
		for (j = 0; j < nfrex[i]; j++) {
			uint32_t id = frex[i * (size_t)top + (size_t)j];

			if (j > 0)
				writer_byte(w, ' ');
			writer_write(w, strtab_key(m->vocab, id),
			    strtab_len(m->vocab, id));
		}
		writer_byte(w, '\n');
	}
	free(coherence);
	free(npmi_mean);
	free(exclusivity);
	free(docs);
	free(last);
	free(words);
	free(top_start);
	free(frex);
	free(nfrex);
}
