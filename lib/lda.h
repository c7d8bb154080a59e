/*
 * Latent Dirichlet allocation for sp-topics: a corpus of documents as word
 * ids, a model (topic-word counts and the Dirichlet hyperparameters), a
 * trainer that fits the model by collapsed Gibbs sampling (all topics'
 * weights at once up to 64 topics, the sparse bucket decomposition of Yao,
 * Mimno and McCallum (2009) above), optionally on several threads, MALLET's
 * hyperparameter optimisation and log-likelihood, inference for new
 * documents with the model held fixed, a text file format for models, and
 * the reports sp-topics writes (topic keys, document topics, word topics,
 * diagnostics with UMass coherence).
 *
 * Topic-word counts are kept the way MALLET keeps them: for each word an
 * array of min(K, frequency) 32-bit cells, each packing a count and a topic
 * as (count << topic_bits | topic), kept sorted in descending order with the
 * empty cells (0) at the end.  Since packed values are distinct, the order
 * is canonical whatever sequence of updates produced it.
 */
#ifndef SP_LDA_H
#define SP_LDA_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"
#include "io.h"

/* The largest number of topics (topic numbers are stored in 16 bits). */
#define LDA_MAX_TOPICS 65535

/*
 * A small, fast random number generator (xoshiro256**, seeded through
 * splitmix64), so that results do not depend on the C library's rand().
 * Each stream of one seed is an independent sequence.
 */
struct lda_rng {
	uint64_t s[4];
};

void lda_rng_seed(struct lda_rng *r, uint64_t seed, uint64_t stream);

static inline uint64_t
lda_rng_next(struct lda_rng *r)
{
	uint64_t *s = r->s;
	uint64_t x = s[1] * 5, result = ((x << 7) | (x >> 57)) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = (s[3] << 45) | (s[3] >> 19);
	return result;
}

/* A uniform double in [0, 1). */
static inline double
lda_rng_uniform(struct lda_rng *r)
{
	return (double)(lda_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* A whole number in [0, n), for n < 2^32. */
static inline uint32_t
lda_rng_below(struct lda_rng *r, uint32_t n)
{
	return (uint32_t)(((lda_rng_next(r) >> 32) * n) >> 32);
}

/*
 * SparseLDA's draw from the document bucket (u < r: a topic present in the
 * document) or, past it, the smoothing bucket (any topic), once the
 * topic-word bucket has been ruled out and taken off u.  Training and
 * inference both use it, so they sample alike.
 */
static inline uint32_t
lda_draw_doc_or_smoothing(double u, double r, double beta,
    const int32_t *local, const uint16_t *present, int npresent,
    const double *alpha, const double *inv, int ntopics)
{
	int k;

	if (u < r && npresent > 0) {
		u /= beta;
		for (k = 0; k + 1 < npresent; k++) {
			u -= local[present[k]] * inv[present[k]];
			if (u <= 0)
				break;
		}
		return present[k];
	}
	u = (u - r) / beta;
	for (k = 0; k + 1 < ntopics; k++) {
		u -= alpha[k] * inv[k];
		if (u <= 0)
			break;
	}
	return (uint32_t)k;
}

/*
 * Documents as sequences of word ids.  Tokens are added in input order with
 * the key of their document; lda_corpus_group then puts the tokens of each
 * document together (documents in order of first appearance, tokens in
 * input order within a document), so a document's records need not be
 * adjacent in the input.
 */
struct lda_corpus {
	struct strtab words;	/* the vocabulary: word id -> word */
	struct strtab docs;	/* document keys, by first appearance */
	size_t ntokens, cap;
	uint32_t *word;		/* each token's word id */
	uint32_t *doc;		/* each token's document, until grouped */
	size_t *doc_start;	/* after grouping: docs.n + 1 offsets */
	uint32_t lastdoc;	/* the document of the previous token */
};

void lda_corpus_init(struct lda_corpus *c);
void lda_corpus_add(struct lda_corpus *c, const char *doc, size_t doclen,
    const char *word, size_t wordlen);
void lda_corpus_group(struct lda_corpus *c);
void lda_corpus_free(struct lda_corpus *c);

/*
 * A model: K topics over a vocabulary.  Trained models use the corpus's
 * vocabulary; loaded ones own theirs.
 */
struct lda_model {
	int ntopics;
	uint32_t nwords;
	const struct strtab *vocab;
	struct strtab own_vocab;
	double *alpha;		/* K document-topic parameters */
	double alpha_sum;
	double beta;		/* the symmetric topic-word parameter */
	double beta_sum;	/* beta * nwords */
	unsigned topic_bits;
	uint32_t topic_mask;
	size_t *word_start;	/* nwords + 1 offsets into counts */
	uint32_t *counts;	/* packed counts, see above */
	int64_t *topic_tokens;	/* tokens assigned to each topic */
	size_t ntokens;
	/*
	 * With DMR (lda_dmr.h), each document's prior: doc_alpha[d * K + t]
	 * and their sums, used by the reports in place of alpha (not owned;
	 * NULL otherwise).
	 */
	const double *doc_alpha, *doc_alpha_sum;
	/*
	 * The DMR encoding and lambda (lda_dmr.h), saved with the model;
	 * owned if loaded.
	 */
	struct lda_dmr *dmr;
	int own_dmr;
};

void lda_model_free(struct lda_model *m);

/* Set m's number of topics and the packing of its cells. */
void lda_set_topics(struct lda_model *m, int ntopics);

/* Count and topic of a packed cell. */
static inline uint32_t
lda_cell_count(const struct lda_model *m, uint32_t cell)
{
	return cell >> m->topic_bits;
}

static inline uint32_t
lda_cell_topic(const struct lda_model *m, uint32_t cell)
{
	return cell & m->topic_mask;
}

/* Which sampler lda_train_new picks: by K, or one of them (for tests). */
enum { LDA_SAMPLER_AUTO, LDA_SAMPLER_DENSE, LDA_SAMPLER_SPARSE };

struct lda_options {
	int ntopics;
	double alpha_sum;	/* alpha_k = alpha_sum / K to start with */
	double beta;
	uint64_t seed;
	long optimize_interval;	/* 0: keep alpha and beta fixed */
	long burn_in;		/* no optimisation until after this one */
	int threads;
	int sampler;		/* LDA_SAMPLER_AUTO unless testing */
	/*
	 * Dirichlet-multinomial regression (lda_dmr.h), or NULL: each
	 * document's prior comes from it, and it is fitted where alpha would
	 * be optimised.
	 */
	struct lda_dmr *dmr;
};

struct lda_trainer;

/*
 * Start training on a grouped corpus: assign random topics and fill *m.
 * The corpus must outlive the trainer and the model.  Exits with a message
 * if the corpus is too large for the packed counts.
 */
struct lda_trainer *lda_train_new(const struct lda_corpus *c,
    const struct lda_options *o, struct lda_model *m);

/* One Gibbs sweep over every token, then hyperparameters when due. */
void lda_train_iteration(struct lda_trainer *t);

/* The topic of every token, in the corpus's grouped order. */
const uint16_t *lda_train_topics(const struct lda_trainer *t);

/* MALLET's modelLogLikelihood of the current state. */
double lda_train_log_likelihood(const struct lda_trainer *t);

void lda_train_free(struct lda_trainer *t);

/*
 * Check that the model's counts agree with the token assignments, cell by
 * cell and topic by topic; 0 if they do.  For tests.
 */
int lda_train_check(const struct lda_trainer *t);

/*
 * Sort a word's cells (packed count and topic) into descending order, as
 * the sampler keeps them and lda_load restores them.
 */
void lda_cells_sort(uint32_t *e, size_t n);

/*
 * MALLET's learnParameters for an asymmetric Dirichlet: one fixed-point
 * step (Minka; Wallach's digamma recurrence over count histograms) with a
 * Gamma(shape, scale) prior.  hist[k][n] is the number of documents with n
 * tokens of topic k, lengths[n] the number of documents of length n, both
 * for n < nhist.  Returns the new sum of alpha.  Training runs the same
 * step on its own histograms; this entry point is for tests.
 */
double lda_learn_alpha(double *alpha, int k, const uint32_t *const *hist,
    const uint32_t *lengths, size_t nhist, double shape, double scale);

double lda_digamma(double x);

/*
 * Infer the topics of a grouped corpus's documents with the model fixed
 * (as MALLET's TopicInferencer): words the model does not know are
 * ignored, each token starts in its word's most frequent topic, and the
 * proportions are averaged over samples every 10 iterations after the
 * first 10 (or taken from the last state if there are fewer than 20).
 * Writes the document-topic records to w.
 */
void lda_infer(const struct lda_model *m, const struct lda_corpus *c,
    long iterations, uint64_t seed, struct writer *w, double threshold);

/*
 * The log probability of each document of a grouped corpus under the
 * model, by the left-to-right method with the given number of particles
 * (at least 2), and its standard error (lda_eval.c): writes DOC TAB TOKENS
 * TAB LOG-PROBABILITY TAB STANDARD-ERROR for each document.
 */
void lda_evaluate(const struct lda_model *m, const struct lda_corpus *c,
    int particles, uint64_t seed, struct writer *w);

/* Reports; see sp-topics(1) for their layouts. */
void lda_write_topic_keys(struct writer *w, const struct lda_model *m,
    int top);
void lda_write_doc_topics(struct writer *w, const struct lda_model *m,
    const struct lda_corpus *c, const uint16_t *topics, double threshold);
struct record_writer;
/* The records KEY TAB TOPIC TAB PROPORTION of one document, through rw. */
void lda_write_doc_row(struct record_writer *rw, const char *key, size_t keylen,
		       int k, const double *proportion, double threshold);
void lda_write_word_topics(struct writer *w, const struct lda_model *m);
void lda_write_diagnostics(struct writer *w, const struct lda_model *m,
    const struct lda_corpus *c, const uint16_t *topics, int top,
    double frex_weight);

/*
 * Each topic's most typical documents, at most n: those with the highest
 * proportion (n_dk + alpha_k) / (n_d + sum alpha), then in order of
 * appearance; topic k's are docs[k * n ...] with their proportions,
 * ndocs[k] of them.  lda_write_typical writes them, with text[d] (if text
 * and it are not NULL) as each document's text.
 */
void lda_typical_documents(const struct lda_model *m,
    const struct lda_corpus *c, const uint16_t *topics, int n,
    uint32_t *docs, double *proportion, int *ndocs);
void lda_write_typical(struct writer *w, const struct lda_model *m,
    const struct lda_corpus *c, const uint16_t *topics, int n,
    char *const *text);

/*
 * UMass coherence of each topic's top words (at most top of them) from
 * their document co-occurrence in c: sum over word pairs i > j of
 * log((D(w_i, w_j) + 1) / D(w_j)).  Fills coherence[0..K), and if
 * npmi_mean is not NULL, the mean NPMI of the same pairs (as
 * tests/bench/npmi.awk: log(p(a,b) / (p(a) p(b))) / -log p(a,b) over
 * documents, -1 for a pair never together) into npmi_mean[0..K).
 */
void lda_coherence(const struct lda_model *m, const struct lda_corpus *c,
    int top, double *coherence, double *npmi_mean);

/*
 * Each topic's top words by FREX with the given weight (lda_label.c):
 * topic k's are words[k * top ...], nwords[k] of them.
 */
void lda_frex_words(const struct lda_model *m, int top, double weight,
    uint32_t *words, int *nwords);

/*
 * Each topic's exclusivity, as stm's exclusivity(): the sum of FREX with
 * weight 0.7 over its top words, as lda_top_words lists them.
 */
void lda_exclusivity(const struct lda_model *m, const uint32_t *words,
    const size_t *start, double *exclusivity);

/*
 * The top words of every topic, at most top of them, by count and then
 * bytewise: topic k's are (*words)[(*start)[k] .. (*start)[k + 1]).  Both
 * arrays are allocated here (free them), *words no larger than the list,
 * and *start with K + 1 entries.
 */
void lda_top_words(const struct lda_model *m, int top, uint32_t **words,
    size_t **start);

/* The model's word ids in bytewise order of the words (free it). */
uint32_t *lda_sorted_words(const struct lda_model *m);

/*
 * A word's topics in ascending order with their counts; returns how many
 * (at most K).
 */
size_t lda_word_topics(const struct lda_model *m, uint32_t w,
    uint32_t *topic, uint32_t *count);

/*
 * Save and load in the text format of sp-topics(1); load exits on error.
 * lda_write_model writes the model to w, which the caller closes;
 * lda_save opens path, writes and closes it (the old file is replaced only
 * by a complete model: see writer_open).
 */
void lda_write_model(struct writer *w, const struct lda_model *m);
void lda_save(const struct lda_model *m, const char *path);
void lda_load(struct lda_model *m, const char *path);

#endif
