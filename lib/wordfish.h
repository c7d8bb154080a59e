/*
 * Wordfish (Slapin & Proksch 2008): count(i, j) ~ Poisson(lambda_ij),
 *
 *	log lambda_ij = alpha_i + psi_j + beta_j theta_i,
 *
 * with normal priors given as precisions, fitted on the sparse table by
 * block coordinate ascent of the log-posterior (a Newton step per word,
 * then per document, each halved until it does not lower the objective),
 * an exact rescaling step between sweeps, and theta standardised at the
 * end.  What exactly is maximised, and how it differs from quanteda's
 * textmodel_wordfish, is in sp-scale(1).
 */
#ifndef SP_WORDFISH_H
#define SP_WORDFISH_H

#include <stddef.h>
#include <stdio.h>

#include "scale.h"

struct wordfish_options {
	double prec[4];	      /* alpha, psi, beta, theta: 1 / sd^2 */
	double tol_objective; /* stop when an iteration gains less than
			       * this times |log-posterior| */
	double tol_step;      /* a Newton step this small ends its loop */
	long max_iter;
	long dir[2];   /* documents: theta[dir[0]] < theta[dir[1]] */
	FILE *verbose; /* per-sweep report, or NULL */
};

/*
 * The fitted word parameters, in the units of the reported theta (mean 0,
 * sd 1), and the priors on a document's alpha and theta in those units:
 * what placing a new document needs (and what a saved model holds).
 */
struct wordfish_model {
	size_t nwords;
	char **word; /* bytewise order */
	size_t *wordlen;
	double *beta, *psi;
	double alpha_prec, alpha_mean, theta_prec, theta_mean;
};

struct wordfish_fit {
	double *theta, *se, *alpha; /* per document */
	double loglik, logpost;
	long iterations;
	int converged;
};

/*
 * Fit t (which the model's word names point into).  The start is the
 * first dimension of a correspondence analysis of t, as quanteda's.
 * Return -1, with nothing allocated, if t has no such dimension (every
 * document has the same proportions of every word).
 */
int wordfish_fit(const struct scale_table *t, const struct wordfish_options *o,
		 struct wordfish_model *m, struct wordfish_fit *f);

/*
 * Place every document of t with the word parameters of m (map gives the
 * index in m of each word of t, or -1): the maximum of the document's
 * log-posterior given the words, and the standard error of theta.  A
 * document with no word that m knows gets NAN.
 */
void wordfish_place(const struct wordfish_model *m, const struct scale_table *t,
		    const long *map, double tol, double *theta, double *se);

void wordfish_model_free(struct wordfish_model *m);
void wordfish_fit_free(struct wordfish_fit *f);

#endif
