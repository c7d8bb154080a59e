/*
 * Correspondence analysis of a sparse document-word table: the leading
 * singular vectors of the matrix of standardised residuals
 *
 *	S = D_r^-1/2 (P - r c') D_c^-1/2
 *
 * found by subspace iteration with Rayleigh-Ritz steps, multiplying by S
 * and S' through the table's cells, never forming S.  The start is fixed,
 * so the result is the same on every run.  Formulas and the sign
 * convention are in sp-scale(1).
 */
#ifndef SP_CA_H
#define SP_CA_H

#include <stddef.h>

#include "scale.h"

struct ca_result {
	size_t ndim;
	double *sv;	  /* singular values, largest first */
	double *rowcoord; /* standard coordinates, ndocs x ndim */
	double *colcoord; /* standard coordinates, nwords x ndim */
	double inertia;	  /* total inertia, chi-squared / n */
	long iterations;
	int converged;
};

/*
 * The first ndim dimensions of t (1 <= ndim < min(documents, words)),
 * iterated until the residual |S S'u - sigma^2 u| of each is below tol
 * times the largest sigma^2.
 * Return ndim, or the number of dimensions the table has if that is
 * fewer (and then nothing is allocated).  Each dimension's sign makes the
 * document with the largest absolute coordinate positive (the first in bytewise
 * order on a tie).
 */
size_t ca_fit(const struct scale_table *t, size_t ndim, double tol,
	      struct ca_result *r);

/* Multiply dimension d by -1 (rows and columns). */
void ca_flip(const struct scale_table *t, struct ca_result *r, size_t d);

void ca_free(struct ca_result *r);

#endif
