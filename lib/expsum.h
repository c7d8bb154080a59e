/*
 * Sums of exponentials for many exponents at once: for points x_i with
 * log-weights l_i, the three sums
 *
 *	f_m(t) = sum_i x_i^m exp(l_i + t x_i),	m = 0, 1, 2
 *
 * at any t, in time proportional to the number of clusters of points
 * rather than the number of points.  Points are grouped into clusters of
 * radius rho at most; around a cluster's centre c, exp(t x) = exp(t c)
 * exp(t d) with |d| <= rho, and exp(t d) is summed as its Taylor series
 * on the cluster's moments, to full double precision while |t| rho <= 1/2;
 * a larger |t| is answered by a second set of smaller clusters, made when
 * it is first needed, so that a few large exponents do not make every
 * sum pay for small clusters.  The centres lie on
 * a grid, so exp(t c) for every cluster comes from two calls of exp and
 * multiplications.  Wordfish needs these
 * sums for every word (over documents) and every document (over words):
 * they are what the Poisson model's zero cells contribute.
 */
#ifndef SP_EXPSUM_H
#define SP_EXPSUM_H

#include <stddef.h>

struct expsum {
	size_t n, nclus;
	double *x, *l;		 /* the points, to rebuild from */
	double x0, width;	 /* cluster k has centre x0 + (k + 1/2) width */
	long *cell;		 /* per cluster: k */
	double *centre, *weight; /* per cluster: exp(its largest l) */
	double *lmax;
	double *mom;	     /* per cluster, EXPSUM_MOMENTS moments */
	double rho, tmax;    /* series used while |t| <= tmax */
	struct expsum *fine; /* for |t| > tmax, or NULL */
	int fine_stale;	     /* fine was made for other points */
};

/*
 * Cluster the n points for exponents up to tmax in absolute value; x and
 * l are copied.  Building again reuses the memory.
 */
void expsum_build(struct expsum *e, const double *x, const double *l, size_t n,
		  double tmax);

/* f[0], f[1], f[2] at t (which may rebuild the clusters). */
void expsum_eval(struct expsum *e, double t, double f[3]);

void expsum_free(struct expsum *e);

#endif
