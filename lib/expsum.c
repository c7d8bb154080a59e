/*
 * Clustered sums of exponentials; see expsum.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "expsum.h"

/*
 * Moments 0 to 27 of each cluster: with |t d| <= 1/2 the series terms fall
 * below 1e-17 of the first by term 15, and f_2 needs two more.
 */
enum { EXPSUM_TERMS = 25, EXPSUM_MOMENTS = EXPSUM_TERMS + 3 };

static const double *sort_x;

static int
cmp_points(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	if (sort_x[a] != sort_x[b])
		return sort_x[a] < sort_x[b] ? -1 : 1;
	return (a > b) - (a < b);
}

/* Cluster the points for |t| <= tmax. */
static void
cluster(struct expsum *e, double tmax)
{
	size_t i, j, c, k, n = e->n;
	double w, d, p, lo = INFINITY, hi = -INFINITY, mx;
	size_t *order;
	long cell;

	e->tmax = tmax > 1e-3 ? tmax : 1e-3;
	e->rho = 0.5 / e->tmax;
	e->width = 2 * e->rho;
	for (i = 0; i < n; i++) {
		lo = e->x[i] < lo ? e->x[i] : lo;
		hi = e->x[i] > hi ? e->x[i] : hi;
	}
	e->x0 = lo;
	/* Far more cells than points: give up the grid, sum point by point. */
	if (n == 0 || (hi - lo) / e->width > 1e9) {
		e->nclus = 0;
		return;
	}
	order = xreallocarray(NULL, n + 1, sizeof(*order));
	for (i = 0; i < n; i++)
		order[i] = i;
	sort_x = e->x;
	qsort(order, n, sizeof(*order), cmp_points);
	memset(e->mom, 0, (n + 1) * EXPSUM_MOMENTS * sizeof(double));
	for (c = 0, i = 0; i < n; c++) {
		cell = (long)floor((e->x[order[i]] - lo) / e->width);
		mx = -INFINITY;
		for (j = i; j < n && (long)floor((e->x[order[j]] - lo) /
						 e->width) == cell;
		     j++)
			mx = e->l[order[j]] > mx ? e->l[order[j]] : mx;
		e->cell[c] = cell;
		e->centre[c] = lo + ((double)cell + 0.5) * e->width;
		e->lmax[c] = mx;
		e->weight[c] = exp(mx);
		for (; i < j; i++) {
			w = exp(e->l[order[i]] - mx);
			d = e->x[order[i]] - e->centre[c];
			p = w;
			for (k = 0; k < EXPSUM_MOMENTS; k++) {
				e->mom[c * EXPSUM_MOMENTS + k] += p;
				p *= d;
			}
		}
	}
	e->nclus = c;
	free(order);
}

void
expsum_build(struct expsum *e, const double *x, const double *l, size_t n,
	     double tmax)
{
	if (e->n < n || e->x == NULL) {
		free(e->x), free(e->l), free(e->centre), free(e->lmax);
		free(e->mom), free(e->cell), free(e->weight);
		e->x = xreallocarray(NULL, n + 1, sizeof(double));
		e->l = xreallocarray(NULL, n + 1, sizeof(double));
		e->centre = xreallocarray(NULL, n + 1, sizeof(double));
		e->lmax = xreallocarray(NULL, n + 1, sizeof(double));
		e->weight = xreallocarray(NULL, n + 1, sizeof(double));
		e->cell = xreallocarray(NULL, n + 1, sizeof(long));
		e->mom = xreallocarray(NULL, (n + 1) * EXPSUM_MOMENTS,
				       sizeof(double));
	}
	e->n = n;
	memcpy(e->x, x, n * sizeof(double));
	memcpy(e->l, l, n * sizeof(double));
	cluster(e, tmax);
	e->fine_stale = 1;
}

void
expsum_eval(struct expsum *e, double t, double f[3])
{
	double f0 = 0, f1 = 0, f2 = 0, a, s0, s1, s2, ex, c, x;
	double step, power, grid, coef[EXPSUM_TERMS];
	const double *m;
	size_t i, k, nterms;
	long at = 0, gap;

	if (fabs(t) > e->tmax && e->n > 0) {
		if (e->fine == NULL)
			e->fine = xcalloc(1, sizeof(*e->fine));
		if (e->fine_stale || fabs(t) > e->fine->tmax) {
			expsum_build(e->fine, e->x, e->l, e->n, 2 * fabs(t));
			e->fine_stale = 0;
		}
		expsum_eval(e->fine, t, f);
		return;
	}
	if (e->nclus == 0) {
		for (i = 0; i < e->n; i++) {
			ex = exp(e->l[i] + t * e->x[i]);
			f0 += ex;
			f1 += ex * e->x[i];
			f2 += ex * e->x[i] * e->x[i];
		}
		f[0] = f0, f[1] = f1, f[2] = f2;
		return;
	}
	/*
	 * exp(t c) for the centres c = x0 + (k + 1/2) width: the first from
	 * exp, the others by multiplying by exp(t width) (never above e),
	 * unless the product would leave the range of doubles.
	 */
	grid = fabs(t) * ((double)e->cell[e->nclus - 1] + 1) * e->width < 600 &&
	       fabs(e->x0 + e->width) * fabs(t) < 600;
	step = exp(t * e->width);
	power = exp(t * (e->x0 + 0.5 * e->width));
	/*
	 * The terms t^k/k! M_k of a cluster are at most (|t| rho)^k / k! of
	 * its first: the same number of them is enough for every cluster,
	 * and with the coefficients made once the sums are plain
	 * multiply-adds without a chain of divisions.
	 */
	x = fabs(t) * e->rho;
	for (nterms = 1, a = 1; nterms < EXPSUM_TERMS; nterms++) {
		a *= x / (double)nterms;
		if (a < 1e-17)
			break;
	}
	coef[0] = 1;
	for (k = 1; k < nterms; k++)
		coef[k] = coef[k - 1] * t / (double)k;
	for (i = 0; i < e->nclus; i++) {
		m = e->mom + i * EXPSUM_MOMENTS;
		/* sum_k t^k / k! M_{k+m}, m = 0, 1, 2. */
		s0 = s1 = s2 = 0;
		for (k = 0; k < nterms; k++) {
			s0 += coef[k] * m[k];
			s1 += coef[k] * m[k + 1];
			s2 += coef[k] * m[k + 2];
		}
		c = e->centre[i];
		if (grid) {
			for (gap = e->cell[i] - at; gap > 0; gap--)
				power *= step;
			at = e->cell[i];
			ex = e->weight[i] * power;
		} else
			ex = exp(e->lmax[i] + t * c);
		f0 += ex * s0;
		f1 += ex * (c * s0 + s1);
		f2 += ex * (c * c * s0 + 2 * c * s1 + s2);
	}
	f[0] = f0, f[1] = f1, f[2] = f2;
}

void
expsum_free(struct expsum *e)
{
	if (e->fine != NULL) {
		expsum_free(e->fine);
		free(e->fine);
	}
	free(e->x), free(e->l), free(e->centre), free(e->lmax);
	free(e->mom), free(e->cell), free(e->weight);
	memset(e, 0, sizeof(*e));
}
