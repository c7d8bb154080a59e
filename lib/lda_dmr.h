/*
 * Dirichlet-multinomial regression (Mimno and McCallum, "Topic models
 * conditioned on arbitrary features with Dirichlet-multinomial
 * regression", UAI 2008; MALLET's DMRTopicModel) for sp-topics: each
 * document's prior over topics is alpha_dt = exp(x_d . lambda_t), its
 * features x_d coming from columns of a metadata table (meta.h).
 *
 * Features: x_d0 = 1 (the intercept); a numeric column (every value
 * other than NA a decimal number, such as a year, or a date column read
 * by period, Date:year) is one feature, (v - mean) / sd over the documents
 * that have a value (sd with divisor n), 0 for a document without one; any
 * other column is categorical, one indicator per level but the reference,
 * the bytewise first level other than NA (NA, for ids not in the table
 * and empty values, is a level like any other).  Levels that no document
 * has are dropped.
 *
 * lambda is fitted by maximising the log probability of the documents'
 * topic counts, sum_d [log Gamma(A_d) - log Gamma(A_d + n_d) + sum_t (log
 * Gamma(alpha_dt + n_dt) - log Gamma(alpha_dt))] with A_d = sum_t
 * alpha_dt, under a Gaussian prior on lambda (variance 1, 100 for the
 * intercept, as MALLET's defaults), by L-BFGS started from the last fit.
 */
#ifndef SP_LDA_DMR_H
#define SP_LDA_DMR_H

#include <stddef.h>
#include <stdint.h>

#include "io.h"
#include "lda.h"
#include "meta.h"

/* The last fits kept for --effects' interval. */
#define LDA_DMR_SAVED 10

struct lda_dmr_covariate {
	char *name; /* as given to --covariates */
	int numeric;
	double mean, sd; /* numeric: of the documents' values */
	int first;	 /* its first feature */
	int nlevels;	 /* categorical: levels, the reference first */
	char **level;	 /* level names (numeric: distinct values) */
	double *value;	 /* numeric: each level's value */
};

struct lda_dmr {
	int ntopics, nfeatures, ncovariates;
	size_t ndocs;
	struct lda_dmr_covariate *cov;
	/*
	 * Each document's features, nx = ncovariates + 1 of them (the
	 * intercept first): feature xf[d * nx + j] has value xv[d * nx + j]
	 * (0: none); all others are 0.
	 */
	int nx;
	uint32_t *xf;
	double *xv;
	/* The distinct feature vectors: each document's, and their own. */
	uint32_t npatterns, *pattern, *pf;
	double *pv;
	double *lambda;	       /* nfeatures x ntopics */
	double *doc_alpha;     /* ndocs x ntopics: exp(x_d . lambda_t) */
	double *doc_alpha_sum; /* ndocs */
	float *doc_alpha_f;    /* ndocs rows of K rounded up to 4, aligned */
	double *saved;	       /* the last LDA_DMR_SAVED lambdas */
	int nsaved, nextsaved;
	long fits;
};

/*
 * Encode the covariates list (COL[,COL...]) for the documents of a
 * grouped corpus whose first key field is looked up in m, with lambda set
 * for a symmetric prior summing to alpha_sum.  Returns 0, or -1 after
 * reporting what is wrong (a column the table does not have, one whose
 * documents all have the same value).  Ids missing from the table are
 * reported once.
 */
int lda_dmr_init(struct lda_dmr *d, const struct lda_corpus *c,
		 const struct meta *m, const char *covariates, int ntopics,
		 double alpha_sum);

void lda_dmr_free(struct lda_dmr *d);

/* The features of covariate cv: 1 if numeric, else its levels but one. */
int lda_dmr_nfeatures(const struct lda_dmr_covariate *cv);

/*
 * For a loaded model's encoding and lambda (lda_load), the priors of the
 * documents of a grouped corpus whose first key field is looked up in m.
 * A categorical value the model does not know is taken as the reference
 * level, a numeric one that is not a number as the mean; either is
 * reported once, naming the model.  Returns 0, or -1 after reporting a
 * covariate that is not a column of m.
 */
int lda_dmr_apply(struct lda_dmr *d, const struct lda_corpus *c,
		  const struct meta *m, const char *model);

/*
 * The model file's DMR section (sp-topics(1), FILES): the covariates,
 * their encoding and lambda.
 */
void lda_dmr_write_model(struct writer *w, const struct lda_dmr *d);

/* Recompute every document's prior from lambda. */
void lda_dmr_update_alpha(struct lda_dmr *d);

/*
 * Fit lambda to the topic assignments (in the corpus's grouped order),
 * update the priors and keep lambda for --effects.  Returns the
 * log posterior reached.
 */
double lda_dmr_fit(struct lda_dmr *d, const struct lda_corpus *c,
		   const uint16_t *topics);

/* The objective of lda_dmr_fit at the current lambda, for tests. */
double lda_dmr_objective(const struct lda_dmr *d, const struct lda_corpus *c,
			 const uint16_t *topics);

/*
 * Write lambda: COVARIATE TAB VALUE TAB TOPIC TAB LAMBDA, the intercept
 * first as "(intercept)" with value "-", a numeric covariate's value as
 * "sd" (its coefficient per standard deviation).
 */
void lda_dmr_write_lambda(struct writer *w, const struct lda_dmr *d);

/*
 * Write the expected topic proportions alpha_t / sum alpha of a document
 * with each value of each covariate, the others at their reference level
 * or mean: COVARIATE TAB VALUE TAB TOPIC TAB MEAN TAB LOWER TAB UPPER,
 * MEAN from the last lambda, LOWER and UPPER the least and greatest over
 * the last LDA_DMR_SAVED fits.
 */
void lda_dmr_write_effects(struct writer *w, const struct lda_dmr *d);

#endif
