/*
 * Training an LDA model: the corpus, the random number generator, and the
 * collapsed Gibbs sampler (Griffiths and Steyvers 2004), in two forms.
 *
 * The sampling weight of topic t for a token of word w in document d is
 *
 *	(alpha_t + n_td) (beta + n_wt) / (beta V + n_t)
 *
 * Up to DENSE_MAX_TOPICS topics it is computed for every topic, four at a
 * time with no branch on the weights (lda_kernel.h), and each thread
 * samples two runs of documents token by token in turn so that the
 * processor always has one token's work to do while the other's waits
 * ("Sampling at small K" below).  Above that, SparseLDA (Yao, Mimno and
 * McCallum, "Efficient methods for topic model inference on streaming
 * document collections", KDD 2009), laid out as in MALLET's
 * ParallelTopicModel: the weight splits into three buckets, s = sum
 * alpha_t beta / (beta V + n_t) over all topics (changes slowly, kept up to
 * date incrementally), r = sum n_td beta / (beta V + n_t) over the
 * document's topics, and q = sum (alpha_t + n_td) n_wt / (beta V + n_t)
 * over the word's topics.  Most of the mass is in q, whose cost is the
 * number of topics the word has, so the cost per token follows the topics
 * actually present.
 *
 * With several threads the documents are cut into fixed shards; each
 * thread samples its shard against its own copy of the topic-word counts
 * (a snapshot taken at the start of the iteration, plus its own changes),
 * and at the end of the iteration the copies are merged word by word
 * (new = sum of the copies - (shards - 1) * old), again on all threads.
 * Every step is in a fixed order, so a seed and a thread count always give
 * the same result.
 *
 * A per-document prior alpha_dt (Dirichlet-multinomial regression's
 * exp(x_d . lambda_t), lda_dmr.h) enters in three places only: the
 * coefficients (alpha_t + n_td) / (beta V + n_t) that stream_open computes
 * for a document at small K (each stream keeps its document's alpha), and
 * sample_document's s bucket and cached coefficients at large K, which are
 * then set per document rather than per iteration (O(K) a document, as
 * MALLET's DMR).  lambda is fitted where alpha would be optimised.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lda.h"
#include "lda_dmr.h"
#include "lda_kernel.h"
#include "reference.h"
#include "swar.h"

/* Counts below this are kept in the dense part of a histogram. */
enum { HIST_DENSE = 512 };

/*
 * Up to this many topics the sampler computes every topic's weight for a
 * token (four at a time, see lda_kernel.h); above it, SparseLDA's buckets.
 */
enum { DENSE_MAX_TOPICS = 64 };

#define LDA_NONE UINT32_MAX

/* How many tokens ahead the large-K sampler asks for a word's cells. */
enum { PREFETCH_AHEAD = 4 };

/*
 * A histogram of small whole numbers for the hyperparameter updates: the
 * dense part counts values below HIST_DENSE, larger values are listed.
 */
struct hist {
	uint32_t dense[HIST_DENSE];
	size_t max; /* largest value counted in dense, or 0 */
	uint32_t *over;
	size_t nover, overcap;
};

/*
 * A run of documents that a thread samples token by token in turn with
 * another (see "Sampling at small K" below).  The arrays have K rounded up
 * to a multiple of 4 elements, 16-byte aligned.
 */
struct stream {
	size_t doc, doc_end; /* the document now, the end of the run */
	size_t i, end;	     /* the token now, the end of the document */
	int32_t *local;	     /* n_td */
	const float *alpha;  /* the document's alpha_t */
	float *coef;	     /* (alpha_t + n_td) / (beta V + n_t) */
	double coef_sum;     /* their sum */
	float *run;	     /* scratch for lda_dense_draw */
	struct lda_rng rng;
};

struct shard {
	struct lda_trainer *t;
	size_t doc_begin, doc_end;
	struct lda_rng rng;
	/*
	 * This shard's topic-word counts, laid out as the model's, except
	 * that at small K the K cells of a word with K tokens or more (a
	 * frequent word) are its counts by topic.
	 */
	uint32_t *counts;
	int64_t *topic_tokens;
	/* At small K: two streams, the first up to doc_mid. */
	size_t doc_mid;
	struct stream stream[2];
	float *alpha_single; /* alpha in single precision */
	float *den;	     /* beta V + n_t in single precision */
	/* At large K, SparseLDA's caches. */
	double *inv;		 /* 1 / (beta V + n_t) */
	double *inv_less;	 /* 1 / (beta V + n_t - 1), ready */
	double *inv_more;	 /* 1 / (beta V + n_t + 1), ready */
	double *coef;		 /* (alpha_t + n_td) / (beta V + n_t) */
	double *qscore;		 /* per cell of the current word */
	int32_t *local;		 /* n_td of the current document */
	uint16_t *present;	 /* the current document's topics */
	double smoothing;	 /* the s bucket */
	struct hist *topic_hist; /* K, when collecting statistics */
	struct hist length_hist;
	/* For the merge: this thread's range of words and scratch space. */
	uint32_t word_begin, word_end;
	int64_t *acc;
	uint32_t *cells;
	uint16_t *touched;
	unsigned char *mark;
};

struct lda_trainer {
	const struct lda_corpus *c;
	struct lda_model *m;
	struct lda_options o;
	uint16_t *topic;
	int dense;	    /* K <= DENSE_MAX_TOPICS */
	uint32_t *frequent; /* at small K, whether a word has K tokens */
	long iteration;
	int nshards;
	struct shard *shards;
	int collecting;
};

/*
 * The random number generator.
 */

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

void
lda_rng_seed(struct lda_rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

/*
 * The corpus.
 */

void
lda_corpus_init(struct lda_corpus *c)
{
	memset(c, 0, sizeof(*c));
	strtab_init(&c->words);
	strtab_init(&c->docs);
	c->lastdoc = STRTAB_NONE;
}

void
lda_corpus_add(struct lda_corpus *c, const char *doc, size_t doclen,
	       const char *word, size_t wordlen)
{
	uint32_t d = c->lastdoc;

	/* Records of one document usually come together: skip the lookup. */
	if (d == STRTAB_NONE || strtab_len(&c->docs, d) != doclen ||
	    memcmp(strtab_key(&c->docs, d), doc, doclen) != 0)
		d = c->lastdoc = strtab_intern(&c->docs, doc, doclen, NULL);
	if (c->ntokens == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 4096;
		c->word = xreallocarray(c->word, c->cap, sizeof(*c->word));
		c->doc = xreallocarray(c->doc, c->cap, sizeof(*c->doc));
	}
	c->word[c->ntokens] = strtab_intern(&c->words, word, wordlen, NULL);
	c->doc[c->ntokens] = d;
	c->ntokens++;
}

void
lda_corpus_group(struct lda_corpus *c)
{
	size_t ndocs = c->docs.n, i, *fill;
	uint32_t *grouped;

	/* A stable counting sort by document. */
	c->doc_start = xcalloc(ndocs + 1, sizeof(size_t));
	for (i = 0; i < c->ntokens; i++)
		c->doc_start[c->doc[i] + 1]++;
	for (i = 0; i < ndocs; i++)
		c->doc_start[i + 1] += c->doc_start[i];
	fill = xmalloc((ndocs + 1) * sizeof(size_t));
	memcpy(fill, c->doc_start, (ndocs + 1) * sizeof(size_t));
	grouped = xmalloc((c->ntokens + 1) * sizeof(uint32_t));
	for (i = 0; i < c->ntokens; i++)
		grouped[fill[c->doc[i]]++] = c->word[i];
	free(fill);
	free(c->word);
	free(c->doc);
	c->word = grouped;
	c->doc = NULL;
}

void
lda_corpus_free(struct lda_corpus *c)
{
	strtab_free(&c->words);
	strtab_free(&c->docs);
	free(c->word);
	free(c->doc);
	free(c->doc_start);
	memset(c, 0, sizeof(*c));
}

void
lda_model_free(struct lda_model *m)
{
	if (m->vocab == &m->own_vocab)
		strtab_free(&m->own_vocab);
	free(m->alpha);
	free(m->word_start);
	free(m->counts);
	free(m->topic_tokens);
	if (m->own_dmr) {
		lda_dmr_free(m->dmr);
		free(m->dmr);
	}
	memset(m, 0, sizeof(*m));
}

/*
 * Sorted packed cells.
 */

/*
 * Take one token off the cell at pos, keeping the cells sorted, and
 * return where the cell that was at j (not pos) now is.
 */
static inline size_t
cells_decrement_at(uint32_t *e, size_t cap, size_t pos, unsigned bits,
		   size_t j)
{
	size_t i = pos;
	uint32_t tmp;

	e[i] -= (uint32_t)1 << bits;
	if ((e[i] >> bits) == 0)
		e[i] = 0;
	while (i + 1 < cap && e[i] < e[i + 1]) {
		tmp = e[i];
		e[i] = e[i + 1];
		e[i + 1] = tmp;
		i++;
	}
	return j > pos && j <= i ? j - 1 : j;
}

/* Take one token of topic off a word's cells, keeping them sorted. */
static inline void
cells_decrement(uint32_t *e, size_t cap, uint32_t topic, unsigned bits,
		uint32_t mask)
{
	size_t i = 0;

	while ((e[i] & mask) != topic)
		i++;
	(void)cells_decrement_at(e, cap, i, bits, 0);
}

/* Add one token to cell i and move it up to its place. */
static inline void
cells_bump(uint32_t *e, size_t i, unsigned bits)
{
	uint32_t tmp;

	e[i] += (uint32_t)1 << bits;
	while (i > 0 && e[i] > e[i - 1]) {
		tmp = e[i];
		e[i] = e[i - 1];
		e[i - 1] = tmp;
		i--;
	}
}

/* Add one token of topic to a word's cells (there is always room). */
static inline void
cells_increment(uint32_t *e, uint32_t topic, unsigned bits, uint32_t mask)
{
	size_t i = 0;

	while (e[i] != 0 && (e[i] & mask) != topic)
		i++;
	if (e[i] == 0)
		e[i] = topic;
	cells_bump(e, i, bits);
}

static int
cell_descending(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

void
lda_cells_sort(uint32_t *e, size_t n)
{
	size_t i, j;
	uint32_t v;

	if (n > 48) {
		qsort(e, n, sizeof(*e), cell_descending);
		return;
	}
	for (i = 1; i < n; i++) {
		v = e[i];
		for (j = i; j > 0 && e[j - 1] < v; j--)
			e[j] = e[j - 1];
		e[j] = v;
	}
}

/*
 * Histograms.
 */

static void
hist_add(struct hist *h, size_t value)
{
	if (value < HIST_DENSE) {
		h->dense[value]++;
		if (value > h->max)
			h->max = value;
		return;
	}
	if (h->nover == h->overcap) {
		h->overcap = h->overcap ? 2 * h->overcap : 64;
		h->over = xreallocarray(h->over, h->overcap, sizeof(*h->over));
	}
	h->over[h->nover++] = (uint32_t)value;
}

static void
hist_clear(struct hist *h)
{
	memset(h->dense, 0, (h->max + 1) * sizeof(h->dense[0]));
	h->max = 0;
	h->nover = 0;
}

/* Add b into a. */
static void
hist_merge(struct hist *a, const struct hist *b)
{
	size_t i;

	for (i = 0; i <= b->max; i++)
		a->dense[i] += b->dense[i];
	if (b->max > a->max)
		a->max = b->max;
	for (i = 0; i < b->nover; i++)
		hist_add(a, b->over[i]);
}

double
lda_digamma(double x)
{
	double result = 0, f;

	while (x < 10) {
		result -= 1 / x;
		x += 1;
	}
	f = 1 / (x * x);
	return result + log(x) - 0.5 / x -
	       f * (1.0 / 12 -
		    f * (1.0 / 120 -
			 f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
}

/* Sum over the observations n of digamma(a + n) - digamma(a). */
static double
hist_digamma_sum(const struct hist *h, double a)
{
	double sum = 0, cur = 0, base;
	size_t n;

	for (n = 1; n <= h->max; n++) {
		cur += 1 / (a + (double)n - 1);
		sum += h->dense[n] * cur;
	}
	if (h->nover > 0) {
		base = lda_digamma(a);
		for (n = 0; n < h->nover; n++)
			sum += lda_digamma(a + h->over[n]) - base;
	}
	return sum;
}

/*
 * MALLET's Dirichlet.learnParameters: one fixed-point step for the alpha
 * of every topic, from the histograms of topic counts and of document
 * lengths.
 *
 * The step is only a step towards an optimum while its denominator is
 * positive.  With few documents for the number of topics (5 speeches and
 * 100 topics) the data do not bound alpha: each step makes it larger, the
 * digamma sum over the lengths falls below the prior's 1/scale, and the
 * next step would turn alpha negative, after which the sampler's
 * smoothing bucket is negative and it picks cells that do not exist.
 * MALLET has the same fault.  Such a step is skipped, so alpha stays where
 * it was, positive and finite.  So is a topic's step that would take its
 * alpha out of the normal doubles (a topic with no tokens, whose alpha
 * shrinks at each step, reaches subnormals, which are slow and mean
 * nothing here).
 */
static double
learn_alpha_hist(double *alpha, int k, const struct hist *topic_hist,
		 const struct hist *lengths, double shape, double scale)
{
	double sum = 0, denominator, a;
	int t;

	for (t = 0; t < k; t++)
		sum += alpha[t];
	denominator = hist_digamma_sum(lengths, sum) - 1 / scale;
	if (!(denominator > 0))
		return sum;
	sum = 0;
	for (t = 0; t < k; t++) {
		a = alpha[t] *
		    (hist_digamma_sum(&topic_hist[t], alpha[t]) + shape) /
		    denominator;
		if (isnormal(a) && a > 0)
			alpha[t] = a;
		sum += alpha[t];
	}
	return sum;
}

/* Fill h from counts[n], the number of observations of each n < nhist. */
static void
hist_from_counts(struct hist *h, const uint32_t *counts, size_t nhist)
{
	size_t n;
	uint32_t c;

	for (n = 0; n < nhist && n < HIST_DENSE; n++) {
		h->dense[n] += counts[n];
		if (counts[n] > 0 && n > h->max)
			h->max = n;
	}
	for (; n < nhist; n++)
		for (c = counts[n]; c > 0; c--)
			hist_add(h, n);
}

/* The same step on plain count arrays, for callers outside the trainer. */
double
lda_learn_alpha(double *alpha, int k, const uint32_t *const *hist,
		const uint32_t *lengths, size_t nhist, double shape,
		double scale)
{
	struct hist *topic_hist, length_hist;
	double sum;
	int t;

	topic_hist = xcalloc((size_t)k, sizeof(*topic_hist));
	memset(&length_hist, 0, sizeof(length_hist));
	for (t = 0; t < k; t++)
		hist_from_counts(&topic_hist[t], hist[t], nhist);
	hist_from_counts(&length_hist, lengths, nhist);
	sum =
	    learn_alpha_hist(alpha, k, topic_hist, &length_hist, shape, scale);
	for (t = 0; t < k; t++)
		free(topic_hist[t].over);
	free(topic_hist);
	free(length_hist.over);
	return sum;
}

/*
 * MALLET's Dirichlet.learnSymmetricConcentration for beta: the counts of
 * the nonzero topic-word cells against the sizes of the topics.
 */
static double
learn_beta_sum(const struct lda_model *m, const struct hist *cells,
	       double beta_sum)
{
	double numerator, denominator, base;
	int iter, t;

	for (iter = 0; iter < 200; iter++) {
		numerator = hist_digamma_sum(cells, beta_sum / m->nwords);
		denominator = 0;
		base = lda_digamma(beta_sum);
		for (t = 0; t < m->ntopics; t++)
			if (m->topic_tokens[t] > 0)
				denominator +=
				    lda_digamma(beta_sum +
						(double)m->topic_tokens[t]) -
				    base;
		beta_sum = beta_sum / m->nwords * numerator / denominator;
	}
	return beta_sum;
}

/*
 * With DMR, the model's alpha is the prior of a document at the reference
 * level of every covariate and the mean of every number: exp(lambda_0t).
 */
static void
dmr_model_alpha(struct lda_trainer *t)
{
	struct lda_model *m = t->m;
	int k;

	m->alpha_sum = 0;
	for (k = 0; k < m->ntopics; k++) {
		m->alpha[k] = exp(t->o.dmr->lambda[k]);
		m->alpha_sum += m->alpha[k];
	}
	m->doc_alpha = t->o.dmr->doc_alpha;
	m->doc_alpha_sum = t->o.dmr->doc_alpha_sum;
}

static void
optimize(struct lda_trainer *t)
{
	struct lda_model *m = t->m;
	struct shard *first = &t->shards[0];
	struct hist cells;
	size_t i, w, end;
	int s, k;

	/* Gather every shard's statistics into the first one's. */
	for (s = 1; s < t->nshards; s++) {
		for (k = 0; k < m->ntopics; k++)
			hist_merge(&first->topic_hist[k],
				   &t->shards[s].topic_hist[k]);
		hist_merge(&first->length_hist, &t->shards[s].length_hist);
	}
	if (t->o.dmr != NULL) {
		lda_dmr_fit(t->o.dmr, t->c, t->topic);
		dmr_model_alpha(t);
	} else
		m->alpha_sum =
		    learn_alpha_hist(m->alpha, m->ntopics, first->topic_hist,
				     &first->length_hist, 1.001, 1.0);
	for (s = 0; s < t->nshards; s++) {
		for (k = 0; k < m->ntopics; k++)
			hist_clear(&t->shards[s].topic_hist[k]);
		hist_clear(&t->shards[s].length_hist);
	}

	memset(&cells, 0, sizeof(cells));
	for (w = 0; w < m->nwords; w++) {
		end = m->word_start[w + 1];
		for (i = m->word_start[w]; i < end && m->counts[i]; i++)
			hist_add(&cells, lda_cell_count(m, m->counts[i]));
	}
	m->beta_sum = learn_beta_sum(m, &cells, m->beta_sum);
	m->beta = m->beta_sum / m->nwords;
	free(cells.over);
}

/*
 * Sampling.
 */

/* Recompute the cached denominators for an iteration. */
static void
shard_prepare(struct shard *sh)
{
	const struct lda_model *m = sh->t->m;
	double s = 0;
	int k;

	if (sh->t->dense) {
		for (k = 0; k < m->ntopics; k++) {
			sh->alpha_single[k] = (float)m->alpha[k];
			sh->den[k] =
			    (float)m->beta_sum + (float)sh->topic_tokens[k];
		}
		/* So that the coefficients past K are 0, not 0 / 0. */
		for (; k % 4 != 0; k++)
			sh->den[k] = 1;
		return;
	}
	for (k = 0; k < m->ntopics; k++) {
		sh->inv[k] = 1 / (m->beta_sum + (double)sh->topic_tokens[k]);
		sh->inv_less[k] =
		    1 / (m->beta_sum + (double)(sh->topic_tokens[k] - 1));
		sh->inv_more[k] =
		    1 / (m->beta_sum + (double)(sh->topic_tokens[k] + 1));
		sh->coef[k] = m->alpha[k] * sh->inv[k];
		s += m->alpha[k] * m->beta * sh->inv[k];
	}
	sh->smoothing = s;
}

/*
 * Sampling at small K.
 *
 * Every token's weight for each topic, (alpha_t + n_td) (n_wt + beta) /
 * (beta V + n_t), is computed for all K topics in single precision, four
 * at a time, and the topic drawn with no branch that depends on the
 * weights (lda_kernel.h).  This takes a frequent word's counts by topic;
 * a rare word (fewer than K tokens, so fewer than K topics) keeps its
 * sorted cells, and its weights are taken in two parts, n_wt (alpha_t +
 * n_td) / (beta V + n_t) over its cells and beta (alpha_t + n_td) / (beta
 * V + n_t) over all topics.
 *
 * A token's step is short, but it needs the counts the token before it
 * left, so one document at a time would keep the processor waiting.  Each
 * thread therefore samples two runs of documents, a token of one and then
 * a token of the other.  Each run keeps its own coefficients (alpha_t +
 * n_td) / (beta V + n_t), exact for its own changes and taking the other
 * run's changes to the topic totals n_t when it starts a document; that
 * is the only departure from collapsed Gibbs sampling, and far smaller
 * than that of the threads, which see each other's changes only once an
 * iteration.
 */

/* Start the stream's next document, if it has one. */
static void
stream_open(const struct shard *sh, struct stream *st)
{
	const struct lda_trainer *t = sh->t;
	const size_t *doc_start = t->c->doc_start;
	const int ntopics = t->m->ntopics;
	size_t i;
	int k;

	while (st->doc < st->doc_end &&
	       doc_start[st->doc] == doc_start[st->doc + 1])
		st->doc++;
	if (st->doc == st->doc_end) {
		st->i = st->end = 0;
		return;
	}
	st->i = doc_start[st->doc];
	st->end = doc_start[st->doc + 1];
	for (i = st->i; i < st->end; i++)
		st->local[t->topic[i]]++;
	st->alpha = t->o.dmr == NULL
			? sh->alpha_single
			: t->o.dmr->doc_alpha_f +
			      st->doc * (size_t)((ntopics + 3) / 4 * 4);
	if (sp_reference)
		lda_dense_coef_ref(sh->den, st->alpha, st->local,
				   (ntopics + 3) / 4 * 4, st->coef);
	else
		lda_dense_coef(sh->den, st->alpha, st->local,
			       (ntopics + 3) / 4 * 4, st->coef);
	st->coef_sum = 0;
	for (k = 0; k < ntopics; k++)
		st->coef_sum += st->coef[k];
}

/* End the stream's document: statistics, and clear its counts. */
static void
stream_close(struct shard *sh, struct stream *st)
{
	const struct lda_trainer *t = sh->t;
	const size_t *doc_start = t->c->doc_start;
	size_t i, begin = doc_start[st->doc], end = doc_start[st->doc + 1];
	int k;

	if (t->collecting) {
		hist_add(&sh->length_hist, end - begin);
		for (k = 0; k < t->m->ntopics; k++)
			if (st->local[k] > 0)
				hist_add(&sh->topic_hist[k],
					 (size_t)st->local[k]);
	}
	for (i = begin; i < end; i++)
		st->local[t->topic[i]] = 0;
	st->doc++;
}

/* A rare word's topic, the token taken out of the stream's counts. */
static uint32_t
stream_draw_rare(struct shard *sh, struct stream *st, uint32_t *e, size_t cap,
		 uint32_t from)
{
	const struct lda_model *m = sh->t->m;
	const int ntopics = m->ntopics, k4 = (ntopics + 3) / 4 * 4;
	const unsigned bits = m->topic_bits;
	const uint32_t mask = m->topic_mask, one = (uint32_t)1 << bits;
	double *qscore = sh->qscore, q = 0, u, rest;
	uint32_t v, to;
	size_t j;

	cells_decrement(e, cap, from, bits, mask);
	for (j = 0; j < cap && (v = e[j]) >= one; j++) {
		q += st->coef[v & mask] * (float)(v >> bits);
		qscore[j] = q;
	}
	rest = m->beta * st->coef_sum;
	u = lda_rng_uniform(&st->rng) * (q + rest);
	if (u < q) {
		for (j = 0; qscore[j] <= u; j++)
			;
		to = e[j] & mask;
		cells_bump(e, j, bits);
	} else {
		u = (u - q) / rest;
		if (sp_reference)
			to = lda_dense_draw_ref(st->coef, NULL, (float)m->beta,
						ntopics, k4, st->run, u);
		else
			to = lda_dense_draw(st->coef, NULL, (float)m->beta,
					    ntopics, k4, st->run, u);
		cells_increment(e, to, bits, mask);
	}
	return to;
}

/* What every step of a shard's streams needs, read once. */
struct step_context {
	float beta, beta_sum, *den;
	int ntopics, k4;
	const size_t *word_start;
	const uint32_t *word, *frequent;
	uint16_t *topic;
	uint32_t *counts;
	int64_t *tt;
};

/* Set a stream's coefficient of topic after a change of its counts. */
static inline void
stream_set_coef(struct stream *st, const struct step_context *x, uint32_t topic)
{
	float c;

	x->den[topic] = x->beta_sum + (float)x->tt[topic];
	c = (st->alpha[topic] + (float)st->local[topic]) / x->den[topic];
	st->coef_sum += c - st->coef[topic];
	lda_coef_set(st->coef, topic, c);
}

/* Sample the stream's next token. */
static inline void
stream_step(struct shard *sh, const struct step_context *x, struct stream *st)
{
	const uint32_t w = x->word[st->i];
	uint32_t *e = x->counts + x->word_start[w], from = x->topic[st->i], to;
	double u;

	st->local[from]--;
	x->tt[from]--;
	stream_set_coef(st, x, from);
	if (x->frequent[w] != LDA_NONE) {
		lda_row_add(e, from, -1);
		u = lda_rng_uniform(&st->rng);
		if (sp_reference)
			to = lda_dense_draw_ref(st->coef, e, x->beta,
						x->ntopics, x->k4, st->run, u);
		else
			to = lda_dense_draw(st->coef, e, x->beta, x->ntopics,
					    x->k4, st->run, u);
		lda_row_add(e, to, 1);
	} else
		to = stream_draw_rare(
		    sh, st, e, x->word_start[w + 1] - x->word_start[w], from);
	st->local[to]++;
	x->tt[to]++;
	stream_set_coef(st, x, to);
	x->topic[st->i] = (uint16_t)to;
	if (++st->i == st->end) {
		stream_close(sh, st);
		stream_open(sh, st);
	}
}

static void
shard_sample_dense(struct shard *sh)
{
	const struct lda_trainer *t = sh->t;
	const struct lda_model *m = t->m;
	struct stream *a = &sh->stream[0], *b = &sh->stream[1];
	struct step_context x;

	x.beta = (float)m->beta;
	x.beta_sum = (float)m->beta_sum;
	x.den = sh->den;
	x.ntopics = m->ntopics;
	x.k4 = (m->ntopics + 3) / 4 * 4;
	x.word_start = m->word_start;
	x.word = t->c->word;
	x.frequent = t->frequent;
	x.topic = t->topic;
	x.counts = sh->counts;
	x.tt = sh->topic_tokens;
	a->doc = sh->doc_begin;
	a->doc_end = b->doc = sh->doc_mid;
	b->doc_end = sh->doc_end;
	stream_open(sh, a);
	stream_open(sh, b);
	while (a->i < a->end && b->i < b->end) {
		stream_step(sh, &x, a);
		stream_step(sh, &x, b);
	}
	while (a->i < a->end)
		stream_step(sh, &x, a);
	while (b->i < b->end)
		stream_step(sh, &x, b);
}

/*
 * Take a token of topic from out of the shard's topic totals and the
 * document's counts (the caller has the buckets and the coefficient):
 * lf is the document's count after, inv_f the topic's 1 / (beta V + n_t)
 * after.
 */
static inline void
take_out(struct shard *sh, uint32_t from, int32_t lf, double inv_f,
	 int *npresent)
{
	int64_t *tt = sh->topic_tokens;
	int k;

	sh->local[from] = lf;
	tt[from]--;
	sh->inv_more[from] = sh->inv[from];
	sh->inv[from] = inv_f;
	sh->inv_less[from] =
	    1 / (sh->t->m->beta_sum + (double)(tt[from] - 1));
	if (lf == 0) {
		for (k = 0; sh->present[k] != from; k++)
			;
		sh->present[k] = sh->present[--*npresent];
	}
}

/*
 * Sampling at large K: SparseLDA's three buckets, as described at the top
 * of this file, one document at a time.
 *
 * A token's weights are those of the counts without it, but nothing is
 * taken out until its new topic is known: its topic's coefficient and
 * buckets are computed as they would be, its cell's share of the word's
 * bucket is taken off the running sums from that cell on, and about two
 * tokens in three keep their topic, for which nothing then changes.  The
 * reciprocals 1 / (beta V + n_t -+ 1) are kept ready so that no step
 * waits for a division, and the cells of the word a few tokens on are
 * asked for ahead (SP_PREFETCH).
 */
static void
sample_document(struct shard *sh, size_t d)
{
	const struct lda_trainer *t = sh->t;
	const struct lda_model *m = t->m;
	const struct lda_corpus *c = t->c;
	const double *alpha =
	    t->o.dmr == NULL ? m->alpha
			     : t->o.dmr->doc_alpha + d * (size_t)m->ntopics;
	const double beta = m->beta, beta_sum = m->beta_sum;
	const unsigned bits = m->topic_bits;
	const uint32_t mask = m->topic_mask, one = (uint32_t)1 << bits;
	const size_t begin = c->doc_start[d], end = c->doc_start[d + 1];
	const size_t *word_start = m->word_start;
	uint16_t *topic = t->topic, *present = sh->present;
	int32_t *local = sh->local;
	int64_t *tt = sh->topic_tokens;
	double *inv = sh->inv, *coef = sh->coef, *qscore = sh->qscore;
	double *inv_less = sh->inv_less, *inv_more = sh->inv_more;
	double s = sh->smoothing, r = 0, q, u, s1, r1, inv_f, coef_f;
	uint32_t *e, w, v, from, to;
	size_t i, j, cap, pos, live;
	int npresent = 0, k;
	int32_t lf;

	if (t->o.dmr != NULL) {
		/* This document's prior: its s bucket and coefficients. */
		s = 0;
		for (k = 0; k < m->ntopics; k++) {
			coef[k] = alpha[k] * inv[k];
			s += alpha[k] * beta * inv[k];
		}
	}
	for (i = begin; i < end; i++)
		if (local[topic[i]]++ == 0)
			present[npresent++] = topic[i];
	for (k = 0; k < npresent; k++) {
		from = present[k];
		r += beta * local[from] * inv[from];
		coef[from] = (alpha[from] + local[from]) * inv[from];
	}

	for (i = begin; i < end; i++) {
		w = c->word[i];
		from = topic[i];
		e = sh->counts + word_start[w];
		cap = word_start[w + 1] - word_start[w];

		if (i + PREFETCH_AHEAD < c->ntokens)
			SP_PREFETCH(sh->counts +
				    word_start[c->word[i + PREFETCH_AHEAD]]);

		/* The topic's values without the token. */
		lf = local[from] - 1;
		inv_f = inv_less[from];
		s1 = s - alpha[from] * beta * inv[from] +
		     alpha[from] * beta * inv_f;
		r1 = r - beta * local[from] * inv[from] + beta * lf * inv_f;
		coef_f = coef[from];
		coef[from] = (alpha[from] + lf) * inv_f;

		/*
		 * The word's bucket, as running sums, and the token's cell
		 * (pos), whose share is one token less: coef[from] off
		 * every sum from pos on.
		 */
		q = 0;
		pos = cap;
		for (j = 0; j < cap && (v = e[j]) >= one; j++) {
			q += coef[v & mask] * (double)(v >> bits);
			qscore[j] = q;
			pos = (v & mask) == from ? j : pos;
		}
		live = j;
		q -= coef[from];

		u = lda_rng_uniform(&sh->rng) * (s1 + r1 + q);
		if (u < q) {
			for (j = 0; j < pos && qscore[j] <= u; j++)
				;
			if (j == pos)
				for (u += coef[from];
				     j + 1 < live && qscore[j] <= u; j++)
					;
			to = e[j] & mask;
			if (to == from) {
				coef[from] = coef_f;
				continue;
			}
			take_out(sh, from, lf, inv_f, &npresent);
			j = cells_decrement_at(e, cap, pos, bits, j);
			cells_bump(e, j, bits);
		} else {
			take_out(sh, from, lf, inv_f, &npresent);
			(void)cells_decrement_at(e, cap, pos, bits, 0);
			to = lda_draw_doc_or_smoothing(u - q, r1, beta, local,
						       present, npresent, alpha,
						       inv, m->ntopics);
			cells_increment(e, to, bits, mask);
		}
		s = s1;
		r = r1;

		/* Put it back in with its new topic. */
		s -= alpha[to] * beta * inv[to];
		r -= beta * local[to] * inv[to];
		if (local[to]++ == 0)
			present[npresent++] = (uint16_t)to;
		tt[to]++;
		inv_less[to] = inv[to];
		inv[to] = inv_more[to];
		inv_more[to] = 1 / (beta_sum + (double)(tt[to] + 1));
		s += alpha[to] * beta * inv[to];
		r += beta * local[to] * inv[to];
		coef[to] = (alpha[to] + local[to]) * inv[to];
		topic[i] = (uint16_t)to;
	}

	if (t->collecting) {
		hist_add(&sh->length_hist, end - begin);
		for (k = 0; k < npresent; k++)
			hist_add(&sh->topic_hist[present[k]],
				 (size_t)local[present[k]]);
	}
	for (k = 0; k < npresent; k++) {
		from = present[k];
		local[from] = 0;
		coef[from] = alpha[from] * inv[from];
	}
	sh->smoothing = s;
}

static void *
shard_sample(void *arg)
{
	struct shard *sh = arg;
	size_t d;

	shard_prepare(sh);
	if (sh->t->dense)
		shard_sample_dense(sh);
	else
		for (d = sh->doc_begin; d < sh->doc_end; d++)
			sample_document(sh, d);
	return NULL;
}

/*
 * Pack counts by topic into sorted cells, taking the topics in the order
 * of the old cells first, which is nearly sorted already.
 */
static void
pack_counts(const struct lda_model *m, const int64_t *acc, uint32_t *cells,
	    unsigned char *mark)
{
	const int k = m->ntopics;
	uint32_t topic, n = 0;
	int j;

	for (j = 0; j < k && cells[j] != 0; j++) {
		topic = lda_cell_topic(m, cells[j]);
		mark[topic] = 1;
		if (acc[topic] > 0)
			cells[n++] =
			    (uint32_t)acc[topic] << m->topic_bits | topic;
	}
	for (j = 0; j < k; j++) {
		if (mark[j])
			mark[j] = 0;
		else if (acc[j] > 0)
			cells[n++] =
			    (uint32_t)acc[j] << m->topic_bits | (uint32_t)j;
	}
	lda_cells_sort(cells, n);
	memset(cells + n, 0, (k - n) * sizeof(uint32_t));
}

/*
 * At the end of an iteration, for this thread's range of words: merge the
 * shards' copies of the counts into the model (new = sum of the copies -
 * (shards - 1) * old) and copy the result back into every shard.
 */
static void *
shard_merge(void *arg)
{
	struct shard *sh = arg;
	const struct lda_trainer *t = sh->t;
	const struct lda_model *m = t->m;
	const unsigned bits = m->topic_bits;
	const int64_t others = t->nshards - 1;
	uint32_t *e, v, w, topic;
	size_t begin, cap, j, n, ntouched;
	int s, k;

	for (w = sh->word_begin; w < sh->word_end; w++) {
		begin = m->word_start[w];
		cap = m->word_start[w + 1] - begin;
		if (t->frequent[w] != LDA_NONE) {
			/* acc is all 0 between words. */
			for (s = 0; s < t->nshards; s++) {
				e = t->shards[s].counts + begin;
				for (k = 0; k < m->ntopics; k++)
					sh->acc[k] += e[k];
			}
			e = m->counts + begin;
			for (j = 0; others > 0 && j < cap && e[j] != 0; j++)
				sh->acc[e[j] & m->topic_mask] -=
				    others * (int64_t)(e[j] >> bits);
			for (s = 0; others > 0 && s < t->nshards; s++) {
				e = t->shards[s].counts + begin;
				for (k = 0; k < m->ntopics; k++)
					e[k] = (uint32_t)sh->acc[k];
			}
			pack_counts(m, sh->acc, m->counts + begin, sh->mark);
			for (k = 0; k < m->ntopics; k++)
				sh->acc[k] = 0;
			continue;
		}
		if (others == 0) {
			memcpy(m->counts + begin, t->shards[0].counts + begin,
			       cap * sizeof(uint32_t));
			continue;
		}
		/*
		 * A word that only one shard changed (or none) takes that
		 * shard's cells, which are sorted: most words, and the
		 * cost of the merge is then a comparison.
		 */
		for (n = 0, k = 0, s = 0; s < t->nshards && n < 2; s++)
			if (memcmp(t->shards[s].counts + begin,
				   m->counts + begin,
				   cap * sizeof(uint32_t)) != 0) {
				n++;
				k = s;
			}
		if (n < 2) {
			e = t->shards[k].counts + begin;
			if (n == 1)
				memcpy(m->counts + begin, e,
				       cap * sizeof(uint32_t));
			for (s = 0; n == 1 && s < t->nshards; s++)
				if (s != k)
					memcpy(t->shards[s].counts + begin, e,
					       cap * sizeof(uint32_t));
			continue;
		}
		ntouched = 0;
		for (s = -1; s < t->nshards; s++) {
			e = (s < 0 ? m->counts : t->shards[s].counts) + begin;
			for (j = 0; j < cap && (v = e[j]) != 0; j++) {
				topic = v & m->topic_mask;
				if (!sh->mark[topic]) {
					sh->mark[topic] = 1;
					sh->touched[ntouched++] =
					    (uint16_t)topic;
				}
				sh->acc[topic] +=
				    s < 0 ? -others * (int64_t)(v >> bits)
					  : (int64_t)(v >> bits);
			}
		}
		n = 0;
		for (j = 0; j < ntouched; j++) {
			topic = sh->touched[j];
			if (sh->acc[topic] > 0)
				sh->cells[n++] =
				    (uint32_t)sh->acc[topic] << bits | topic;
			sh->acc[topic] = 0;
			sh->mark[topic] = 0;
		}
		lda_cells_sort(sh->cells, n);
		memset(sh->cells + n, 0, (cap - n) * sizeof(uint32_t));
		memcpy(m->counts + begin, sh->cells, cap * sizeof(uint32_t));
		for (s = 0; s < t->nshards; s++)
			memcpy(t->shards[s].counts + begin, sh->cells,
			       cap * sizeof(uint32_t));
	}
	return NULL;
}

/* Run fn on every shard, each on its own thread but the first. */
static void
run_shards(struct lda_trainer *t, void *(*fn)(void *))
{
	pthread_t *tid;
	int s, err;

	if (t->nshards == 1) {
		fn(&t->shards[0]);
		return;
	}
	tid = xcalloc((size_t)t->nshards, sizeof(*tid));
	for (s = 1; s < t->nshards; s++)
		if ((err = pthread_create(&tid[s], NULL, fn, &t->shards[s])) !=
		    0)
			sp_die("cannot start a thread: %s", strerror(err));
	fn(&t->shards[0]);
	for (s = 1; s < t->nshards; s++)
		pthread_join(tid[s], NULL);
	free(tid);
}

void
lda_train_iteration(struct lda_trainer *t)
{
	struct lda_model *m = t->m;
	int s, k;
	int64_t sum;

	t->iteration++;
	t->collecting = t->o.optimize_interval > 0 &&
			t->iteration > t->o.burn_in &&
			t->iteration % t->o.optimize_interval == 0;
	run_shards(t, shard_sample);
	run_shards(t, shard_merge);
	for (k = 0; k < m->ntopics; k++) {
		sum = -(int64_t)(t->nshards - 1) * m->topic_tokens[k];
		for (s = 0; s < t->nshards; s++)
			sum += t->shards[s].topic_tokens[k];
		m->topic_tokens[k] = sum;
		for (s = 0; s < t->nshards; s++)
			t->shards[s].topic_tokens[k] = sum;
	}
	if (t->collecting)
		optimize(t);
}

/*
 * Setting up.
 */

/*
 * Zeroed room for n floats or 32-bit integers, rounded up to 4, aligned on
 * 16 bytes (for lda_kernel.h).
 */
static void *
aligned_floats(size_t n)
{
	void *p;

	n = (n + 3) / 4 * 4;
	if (posix_memalign(&p, 16, n * sizeof(float)) != 0)
		sp_die("out of memory");
	memset(p, 0, n * sizeof(float));
	return p;
}

static void
shard_init(struct lda_trainer *t, struct shard *sh, int index)
{
	const struct lda_model *m = t->m;
	size_t k = (size_t)m->ntopics, ncells = m->word_start[m->nwords];
	int j;

	sh->t = t;
	lda_rng_seed(&sh->rng, t->o.seed, (uint64_t)index);
	/* Room for reading four cells at a time past the last word. */
	sh->counts = xcalloc(ncells + 4, sizeof(uint32_t));
	if (t->nshards == 1)
		sh->topic_tokens = m->topic_tokens;
	else
		sh->topic_tokens = xcalloc(k, sizeof(int64_t));
	sh->acc = xcalloc(k, sizeof(int64_t));
	sh->cells = xmalloc(k * sizeof(uint32_t));
	sh->touched = xmalloc(k * sizeof(uint16_t));
	sh->mark = xcalloc(k, 1);
	sh->qscore = xcalloc(k, sizeof(double));
	if (t->dense) {
		sh->alpha_single = aligned_floats(k);
		sh->den = aligned_floats(k);
		for (j = 0; j < 2; j++) {
			sh->stream[j].local = aligned_floats(k);
			sh->stream[j].coef = aligned_floats(k);
			sh->stream[j].run = aligned_floats(k);
			lda_rng_seed(&sh->stream[j].rng, t->o.seed,
				     (uint64_t)(t->nshards + 2 * index + j));
		}
	} else {
		sh->inv = xcalloc(k, sizeof(double));
		sh->inv_less = xcalloc(k, sizeof(double));
		sh->inv_more = xcalloc(k, sizeof(double));
		sh->coef = xcalloc(k, sizeof(double));
		sh->local = xcalloc(k, sizeof(int32_t));
		sh->present = xcalloc(k, sizeof(uint16_t));
	}
	if (t->o.optimize_interval > 0)
		sh->topic_hist = xcalloc(k, sizeof(struct hist));
}

/*
 * Copy the model's counts into a shard: a rare word's cells as they are,
 * a frequent word's as counts by topic.
 */
static void
shard_load_counts(const struct lda_trainer *t, struct shard *sh)
{
	const struct lda_model *m = t->m;
	const uint32_t *e;
	uint32_t *row, w;
	size_t begin, cap, j;

	for (w = 0; w < m->nwords; w++) {
		begin = m->word_start[w];
		cap = m->word_start[w + 1] - begin;
		e = m->counts + begin;
		row = sh->counts + begin;
		if (t->frequent[w] == LDA_NONE) {
			memcpy(row, e, cap * sizeof(uint32_t));
			continue;
		}
		memset(row, 0, cap * sizeof(uint32_t));
		for (j = 0; j < cap && e[j] != 0; j++)
			row[lda_cell_topic(m, e[j])] = lda_cell_count(m, e[j]);
	}
}

/*
 * Where shard s of nshards ends, for n items of which item i starts at
 * start[i] of total units, going on from item i: the first item that
 * starts at or after the shard's share.  The last shard takes the rest.
 */
static size_t
cut_end(const size_t *start, size_t n, size_t total, int s, int nshards,
	size_t i)
{
	if (s == nshards - 1)
		return n;
	while (i < n && start[i] < (size_t)((double)total * (s + 1) / nshards))
		i++;
	return i;
}

/* Cut a shard's documents in two of about equal numbers of tokens. */
static void
cut_streams(const struct lda_corpus *c, struct shard *sh)
{
	size_t d = sh->doc_begin;

	while (d < sh->doc_end &&
	       2 * c->doc_start[d] <
		   c->doc_start[sh->doc_begin] + c->doc_start[sh->doc_end])
		d++;
	sh->doc_mid = d;
}

/*
 * Cut documents into shards of about equal numbers of tokens, and words
 * into ranges of about equal numbers of cells, for the merge.
 */
static void
cut_shards(struct lda_trainer *t)
{
	const struct lda_corpus *c = t->c;
	const struct lda_model *m = t->m;
	size_t d = 0, w = 0;
	int s;

	for (s = 0; s < t->nshards; s++) {
		t->shards[s].doc_begin = d;
		d = cut_end(c->doc_start, c->docs.n, c->ntokens, s, t->nshards,
			    d);
		t->shards[s].doc_end = d;
		cut_streams(c, &t->shards[s]);
		t->shards[s].word_begin = (uint32_t)w;
		w = cut_end(m->word_start, m->nwords, m->word_start[m->nwords],
			    s, t->nshards, w);
		t->shards[s].word_end = (uint32_t)w;
	}
}

/* Set the number of topics and the packing of cells that follows. */
void
lda_set_topics(struct lda_model *m, int ntopics)
{
	unsigned bits = 0;

	while (((uint32_t)1 << bits) < (uint32_t)ntopics)
		bits++;
	m->ntopics = ntopics;
	m->topic_bits = bits;
	m->topic_mask = ((uint32_t)1 << bits) - 1;
}

struct lda_trainer *
lda_train_new(const struct lda_corpus *c, const struct lda_options *o,
	      struct lda_model *m)
{
	struct lda_trainer *t = xcalloc(1, sizeof(*t));
	size_t *freq, i, d, maxfreq = 0;
	uint32_t w, ncells_max;
	unsigned bits;
	int k, s;

	t->c = c;
	t->m = m;
	t->o = *o;
	memset(m, 0, sizeof(*m));
	lda_set_topics(m, o->ntopics);
	bits = m->topic_bits;
	m->nwords = c->words.n;
	m->vocab = &c->words;
	m->ntokens = c->ntokens;
	m->alpha = xcalloc((size_t)o->ntopics, sizeof(double));
	for (k = 0; k < o->ntopics; k++)
		m->alpha[k] = o->alpha_sum / o->ntopics;
	m->alpha_sum = o->alpha_sum;
	m->beta = o->beta;
	m->beta_sum = o->beta * m->nwords;
	if (o->dmr != NULL) {
		m->dmr = o->dmr;
		dmr_model_alpha(t);
	}

	/* Each word gets min(K, frequency) cells. */
	freq = xcalloc((size_t)m->nwords + 1, sizeof(size_t));
	for (i = 0; i < c->ntokens; i++)
		freq[c->word[i]]++;
	m->word_start = xmalloc(((size_t)m->nwords + 1) * sizeof(size_t));
	m->word_start[0] = 0;
	for (w = 0; w < m->nwords; w++) {
		if (freq[w] > maxfreq)
			maxfreq = freq[w];
		m->word_start[w + 1] =
		    m->word_start[w] + (freq[w] < (size_t)o->ntopics
					    ? freq[w]
					    : (size_t)o->ntopics);
	}
	free(freq);
	ncells_max = (uint32_t)(UINT32_MAX >> bits);
	if (maxfreq > ncells_max)
		sp_die("a word occurs %zu times, too often to count for %d "
		       "topics (at most %lu)",
		       maxfreq, o->ntopics, (unsigned long)ncells_max);
	m->counts = xcalloc(m->word_start[m->nwords] + 1, sizeof(uint32_t));
	m->topic_tokens = xcalloc((size_t)o->ntopics, sizeof(int64_t));

	/*
	 * A word with at least K tokens has K cells: it is frequent, and
	 * they hold its counts by topic while sampling.
	 */
	t->dense = o->sampler == LDA_SAMPLER_AUTO
		       ? o->ntopics <= DENSE_MAX_TOPICS
		       : o->sampler == LDA_SAMPLER_DENSE;
	t->frequent = xmalloc(((size_t)m->nwords + 1) * sizeof(uint32_t));
	for (w = 0; w < m->nwords; w++)
		t->frequent[w] =
		    t->dense && m->word_start[w + 1] - m->word_start[w] ==
				    (size_t)o->ntopics
			? 1
			: LDA_NONE;

	t->nshards = o->threads < 1 ? 1 : o->threads;
	if ((size_t)t->nshards > c->docs.n)
		t->nshards = c->docs.n > 0 ? (int)c->docs.n : 1;
	t->shards = xcalloc((size_t)t->nshards, sizeof(struct shard));
	cut_shards(t);
	for (s = 0; s < t->nshards; s++)
		shard_init(t, &t->shards[s], s);

	/* Random initial topics, each shard with its own generator. */
	t->topic = xmalloc((c->ntokens + 1) * sizeof(uint16_t));
	for (s = 0; s < t->nshards; s++)
		for (d = t->shards[s].doc_begin; d < t->shards[s].doc_end; d++)
			for (i = c->doc_start[d]; i < c->doc_start[d + 1];
			     i++) {
				k = (int)lda_rng_below(&t->shards[s].rng,
						       (uint32_t)o->ntopics);
				t->topic[i] = (uint16_t)k;
				m->topic_tokens[k]++;
				cells_increment(
				    m->counts + m->word_start[c->word[i]],
				    (uint32_t)k, bits, m->topic_mask);
			}
	for (s = 0; s < t->nshards; s++) {
		shard_load_counts(t, &t->shards[s]);
		if (t->nshards > 1)
			memcpy(t->shards[s].topic_tokens, m->topic_tokens,
			       (size_t)o->ntopics * sizeof(int64_t));
	}
	return t;
}

const uint16_t *
lda_train_topics(const struct lda_trainer *t)
{
	return t->topic;
}

/*
 * MALLET's modelLogLikelihood: log p(w, z) with the counts integrated
 * out.  MALLET adds the normaliser log Gamma(beta V) once rather than once
 * per topic, so its figure jumps whenever beta is optimised; we add it K
 * times, which is the true value (and differs from MALLET's by a constant
 * while beta is fixed).
 */
double
lda_train_log_likelihood(const struct lda_trainer *t)
{
	const struct lda_model *m = t->m;
	const struct lda_corpus *c = t->c;
	int32_t *local = xcalloc((size_t)m->ntopics, sizeof(int32_t));
	double ll = 0, *lg_alpha = xmalloc((size_t)m->ntopics * sizeof(double)),
	       lg_beta = lgamma(m->beta);
	size_t d, i, nonzero = 0;
	int k;

	for (k = 0; k < m->ntopics; k++)
		lg_alpha[k] = lgamma(m->alpha[k]);
	for (d = 0; d < c->docs.n; d++) {
		const double *alpha =
		    m->doc_alpha != NULL ? m->doc_alpha + d * (size_t)m->ntopics
					 : m->alpha;
		double alpha_sum =
		    m->doc_alpha != NULL ? m->doc_alpha_sum[d] : m->alpha_sum;

		for (i = c->doc_start[d]; i < c->doc_start[d + 1]; i++)
			local[t->topic[i]]++;
		for (k = 0; k < m->ntopics; k++)
			if (local[k] > 0) {
				ll += lgamma(alpha[k] + local[k]) -
				      (m->doc_alpha != NULL ? lgamma(alpha[k])
							    : lg_alpha[k]);
				local[k] = 0;
			}
		ll -= lgamma(alpha_sum +
			     (double)(c->doc_start[d + 1] - c->doc_start[d]));
		if (m->doc_alpha != NULL)
			ll += lgamma(alpha_sum);
	}
	if (m->doc_alpha == NULL)
		ll += (double)c->docs.n * lgamma(m->alpha_sum);
	for (i = 0; i < m->word_start[m->nwords]; i++)
		if (m->counts[i] != 0) {
			nonzero++;
			ll += lgamma(m->beta + lda_cell_count(m, m->counts[i]));
		}
	for (k = 0; k < m->ntopics; k++)
		ll -= lgamma(m->beta_sum + (double)m->topic_tokens[k]);
	ll += m->ntopics * lgamma(m->beta_sum) - lg_beta * (double)nonzero;
	free(local);
	free(lg_alpha);
	return ll;
}

/* Whether a shard's counts of word w differ from the model's. */
static int
shard_differs(const struct lda_trainer *t, const struct shard *sh, uint32_t w)
{
	const struct lda_model *m = t->m;
	size_t begin = m->word_start[w], cap = m->word_start[w + 1] - begin, j;
	const uint32_t *e = m->counts + begin, *row = sh->counts + begin;
	int64_t n = 0;

	if (t->frequent[w] == LDA_NONE)
		return memcmp(row, e, cap * sizeof(uint32_t)) != 0;
	for (j = 0; j < cap; j++)
		n += row[j];
	for (j = 0; j < cap && e[j] != 0; j++) {
		if (row[lda_cell_topic(m, e[j])] != lda_cell_count(m, e[j]))
			return 1;
		n -= lda_cell_count(m, e[j]);
	}
	return n != 0;
}

int
lda_train_check(const struct lda_trainer *t)
{
	const struct lda_model *m = t->m;
	const struct lda_corpus *c = t->c;
	size_t k = (size_t)m->ntopics, i, j, begin, cap;
	int64_t *dense = xcalloc(k, sizeof(int64_t));
	int64_t *totals = xcalloc(k, sizeof(int64_t));
	size_t *order = xmalloc((c->ntokens + 1) * sizeof(size_t));
	size_t *fill = xcalloc((size_t)m->nwords + 1, sizeof(size_t));
	uint32_t w, *e;
	int bad = 0, s;

	/* Put the tokens in word order (a counting sort), then compare each
	 * word's cells with the topics of its tokens. */
	for (i = 0; i < c->ntokens; i++)
		fill[c->word[i] + 1]++;
	for (w = 0; w < m->nwords; w++)
		fill[w + 1] += fill[w];
	for (i = 0; i < c->ntokens; i++)
		order[fill[c->word[i]]++] = i;
	for (i = 0, w = 0; w < m->nwords; w++) {
		begin = m->word_start[w];
		cap = m->word_start[w + 1] - begin;
		for (; i < c->ntokens && c->word[order[i]] == w; i++) {
			dense[t->topic[order[i]]]++;
			totals[t->topic[order[i]]]++;
		}
		e = m->counts + begin;
		for (j = 0; j < cap; j++) {
			if (j + 1 < cap && e[j] <= e[j + 1] && e[j] != 0)
				bad = 1; /* not sorted */
			if (e[j] == 0)
				continue;
			dense[lda_cell_topic(m, e[j])] -=
			    lda_cell_count(m, e[j]);
		}
		for (j = 0; j < k; j++) {
			if (dense[j] != 0)
				bad = 1;
			dense[j] = 0;
		}
		for (s = 0; s < t->nshards; s++)
			if (shard_differs(t, &t->shards[s], w))
				bad = 1;
	}
	for (j = 0; j < k; j++)
		if (totals[j] != m->topic_tokens[j])
			bad = 1;
	free(order);
	free(fill);
	free(dense);
	free(totals);
	return bad ? -1 : 0;
}

void
lda_train_free(struct lda_trainer *t)
{
	int s, k, j;

	for (s = 0; s < t->nshards; s++) {
		struct shard *sh = &t->shards[s];

		free(sh->counts);
		if (t->nshards > 1)
			free(sh->topic_tokens);
		free(sh->alpha_single);
		free(sh->den);
		for (j = 0; j < 2; j++) {
			free(sh->stream[j].local);
			free(sh->stream[j].coef);
			free(sh->stream[j].run);
		}
		free(sh->acc);
		free(sh->cells);
		free(sh->touched);
		free(sh->mark);
		free(sh->inv);
		free(sh->inv_less);
		free(sh->inv_more);
		free(sh->coef);
		free(sh->qscore);
		free(sh->local);
		free(sh->present);
		if (sh->topic_hist != NULL)
			for (k = 0; k < t->m->ntopics; k++)
				free(sh->topic_hist[k].over);
		free(sh->topic_hist);
		free(sh->length_hist.over);
	}
	free(t->shards);
	free(t->topic);
	free(t->frequent);
	free(t);
}
