/*
 * Correspondence analysis by subspace iteration; see ca.h.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ca.h"
#include "err.h"

enum { CA_EXTRA = 8, CA_MAX_ITER = 5000 };

/* The operator S, with what it needs precomputed. */
struct op {
	const struct scale_table *t;
	double *sr, *sc;  /* sqrt(r_i), sqrt(c_j) */
	double *in, *out; /* q values per word or document, row-major */
};

/*
 * Y = S X for q vectors at once (column-major, n = documents long for Y,
 * m = words for X), so that the cells are read once for all of them:
 * (S x)_i = sum_j p_ij x_j / sqrt(r_i c_j) - sqrt(r_i) sum_j sqrt(c_j) x_j.
 */
static void
apply(const struct op *o, const double *x, double *y, size_t q)
{
	const struct scale_table *t = o->t;
	size_t n = t->ndocs, m = t->nwords, i, j, k, a;
	double d, f;

	for (j = 0; j < m; j++)
		for (a = 0; a < q; a++)
			o->in[j * q + a] = x[a * m + j] / o->sc[j];
	for (i = 0; i < n; i++) {
		double *s = o->out + i * q;

		for (a = 0; a < q; a++)
			s[a] = 0;
		for (k = t->dstart[i]; k < t->dstart[i + 1]; k++) {
			const double *v = o->in + (size_t)t->dword[k] * q;

			f = t->dcount[k];
			for (a = 0; a < q; a++)
				s[a] += f * v[a];
		}
	}
	for (a = 0; a < q; a++) {
		d = 0;
		for (j = 0; j < m; j++)
			d += o->sc[j] * x[a * m + j];
		for (i = 0; i < n; i++)
			y[a * n + i] = o->out[i * q + a] / t->total / o->sr[i] -
				       o->sr[i] * d;
	}
}

/* X = S' Y, the same way by word. */
static void
apply_t(const struct op *o, const double *y, double *x, size_t q)
{
	const struct scale_table *t = o->t;
	size_t n = t->ndocs, m = t->nwords, i, j, k, a;
	double d, f;

	for (i = 0; i < n; i++)
		for (a = 0; a < q; a++)
			o->in[i * q + a] = y[a * n + i] / o->sr[i];
	for (j = 0; j < m; j++) {
		double *s = o->out + j * q;

		for (a = 0; a < q; a++)
			s[a] = 0;
		for (k = t->wstart[j]; k < t->wstart[j + 1]; k++) {
			const double *v = o->in + (size_t)t->wdoc[k] * q;

			f = t->wcount[k];
			for (a = 0; a < q; a++)
				s[a] += f * v[a];
		}
	}
	for (a = 0; a < q; a++) {
		d = 0;
		for (i = 0; i < n; i++)
			d += o->sr[i] * y[a * n + i];
		for (j = 0; j < m; j++)
			x[a * m + j] = o->out[j * q + a] / t->total / o->sc[j] -
				       o->sc[j] * d;
	}
}

static double
dot(const double *a, const double *b, size_t n)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += a[i] * b[i];
	return s;
}

/* A fixed stream of numbers in [-1, 1): the start, the same every run. */
static double
next_start(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return (double)(*state >> 11) / 4503599627370496.0 - 1.0;
}

/*
 * Make the q columns of u (n each, column-major) orthonormal and
 * orthogonal to the trivial direction sqrt(r), by Gram-Schmidt done twice;
 * a column that vanishes is replaced from the fixed stream.
 */
static void
orthonormalize(double *u, size_t n, size_t q, const double *sr, uint64_t *state)
{
	size_t a, b, i, pass, tries;
	double nrm, d;

	for (a = 0; a < q; a++) {
		double *col = u + a * n;

		for (tries = 0;; tries++) {
			for (pass = 0; pass < 2; pass++) {
				d = dot(col, sr, n);
				for (i = 0; i < n; i++)
					col[i] -= d * sr[i];
				for (b = 0; b < a; b++) {
					d = dot(col, u + b * n, n);
					for (i = 0; i < n; i++)
						col[i] -= d * u[b * n + i];
				}
			}
			nrm = sqrt(dot(col, col, n));
			if (nrm > 1e-150 || tries == 3)
				break;
			for (i = 0; i < n; i++)
				col[i] = next_start(state);
		}
		for (i = 0; i < n; i++)
			col[i] = nrm > 0 ? col[i] / nrm : 0;
	}
}

/*
 * Eigenvalues (descending) and eigenvectors (columns of z, q x q,
 * column-major) of the symmetric q x q matrix a (destroyed), by cyclic
 * Jacobi rotations.
 */
static void
jacobi(double *a, size_t q, double *val, double *z)
{
	size_t i, j, k, p, sweep;
	double off, theta, t, c, s, aip, aiq, zip, ziq, tmp;

	for (i = 0; i < q * q; i++)
		z[i] = 0;
	for (i = 0; i < q; i++)
		z[i * q + i] = 1;
	for (sweep = 0; sweep < 100; sweep++) {
		off = 0;
		for (p = 0; p < q; p++)
			for (k = p + 1; k < q; k++)
				off += a[k * q + p] * a[k * q + p];
		if (off < 1e-300)
			break;
		for (p = 0; p < q; p++)
			for (k = p + 1; k < q; k++) {
				if (a[k * q + p] == 0)
					continue;
				theta = (a[k * q + k] - a[p * q + p]) /
					(2 * a[k * q + p]);
				t = (theta >= 0 ? 1 : -1) /
				    (fabs(theta) + sqrt(theta * theta + 1));
				c = 1 / sqrt(t * t + 1);
				s = t * c;
				for (i = 0; i < q; i++) {
					aip = a[p * q + i];
					aiq = a[k * q + i];
					a[p * q + i] = c * aip - s * aiq;
					a[k * q + i] = s * aip + c * aiq;
				}
				for (i = 0; i < q; i++) {
					aip = a[i * q + p];
					aiq = a[i * q + k];
					a[i * q + p] = c * aip - s * aiq;
					a[i * q + k] = s * aip + c * aiq;
				}
				for (i = 0; i < q; i++) {
					zip = z[p * q + i];
					ziq = z[k * q + i];
					z[p * q + i] = c * zip - s * ziq;
					z[k * q + i] = s * zip + c * ziq;
				}
			}
	}
	for (i = 0; i < q; i++)
		val[i] = a[i * q + i];
	/* Largest first (selection sort: q is small). */
	for (i = 0; i < q; i++) {
		k = i;
		for (j = i + 1; j < q; j++)
			if (val[j] > val[k])
				k = j;
		if (k == i)
			continue;
		tmp = val[i];
		val[i] = val[k];
		val[k] = tmp;
		for (j = 0; j < q; j++) {
			tmp = z[i * q + j];
			z[i * q + j] = z[k * q + j];
			z[k * q + j] = tmp;
		}
	}
}

/* cols = cols * z, for q columns of length n (column-major). */
static void
rotate(double *cols, size_t n, size_t q, const double *z, double *tmp)
{
	size_t a, b, i;

	memset(tmp, 0, n * q * sizeof(*tmp));
	for (a = 0; a < q; a++)
		for (b = 0; b < q; b++) {
			double f = z[a * q + b]; /* row b of column a */

			if (f == 0)
				continue;
			for (i = 0; i < n; i++)
				tmp[a * n + i] += f * cols[b * n + i];
		}
	memcpy(cols, tmp, n * q * sizeof(*tmp));
}

/*
 * The total inertia, the sum of S_ij^2: over the cells with a count, and
 * for the others r_i c_j, summed per row as r_i (1 - the c_j of its
 * cells), which cancels less than sum p^2 / (r c) - 1.
 */
static double
inertia(const struct op *o)
{
	const struct scale_table *t = o->t;
	double sum = 0, rest, p, rc;
	size_t i, k;

	for (i = 0; i < t->ndocs; i++) {
		rest = 1;
		for (k = t->dstart[i]; k < t->dstart[i + 1]; k++) {
			p = t->dcount[k] / t->total;
			rc = o->sr[i] * o->sr[i] * o->sc[t->dword[k]] *
			     o->sc[t->dword[k]];
			sum += (p - rc) * (p - rc) / rc;
			rest -= o->sc[t->dword[k]] * o->sc[t->dword[k]];
		}
		sum += o->sr[i] * o->sr[i] * (rest > 0 ? rest : 0);
	}
	return sum;
}

size_t
ca_fit(const struct scale_table *t, size_t ndim, double tol,
       struct ca_result *r)
{
	struct op o = {t, NULL, NULL, NULL, NULL};
	size_t n = t->ndocs, m = t->nwords, q, a, b, i, j, big;
	size_t maxdim = (n < m ? n : m) - 1, tmpn;
	double *u, *w, *x, *bm, *val, *z, *tmp, res, s, v;
	uint64_t state = 0x9e3779b97f4a7c15ULL;
	long it;

	q = ndim + CA_EXTRA < maxdim ? ndim + CA_EXTRA : maxdim;
	o.sr = xreallocarray(NULL, n + 1, sizeof(double));
	o.sc = xreallocarray(NULL, m + 1, sizeof(double));
	for (i = 0; i < n; i++)
		o.sr[i] = sqrt(t->rowsum[i] / t->total);
	for (j = 0; j < m; j++)
		o.sc[j] = sqrt(t->colsum[j] / t->total);
	u = xreallocarray(NULL, n * q + 1, sizeof(double));
	x = xreallocarray(NULL, n * q + 1, sizeof(double));
	w = xreallocarray(NULL, m * q + 1, sizeof(double));
	tmpn = (n > m ? n : m) * q + 1;
	tmp = xreallocarray(NULL, tmpn, sizeof(double));
	o.in = xreallocarray(NULL, tmpn, sizeof(double));
	o.out = xreallocarray(NULL, tmpn, sizeof(double));
	bm = xreallocarray(NULL, q * q + 1, sizeof(double));
	z = xreallocarray(NULL, q * q + 1, sizeof(double));
	val = xreallocarray(NULL, q + 1, sizeof(double));
	for (i = 0; i < n * q; i++)
		u[i] = next_start(&state);
	orthonormalize(u, n, q, o.sr, &state);

	memset(r, 0, sizeof(*r));
	r->inertia = inertia(&o);
	for (it = 1; it <= CA_MAX_ITER && r->inertia >= 1e-13; it++) {
		apply_t(&o, u, w, q);
		for (a = 0; a < q; a++)
			for (b = 0; b <= a; b++)
				bm[a * q + b] = bm[b * q + a] =
				    dot(w + a * m, w + b * m, m);
		jacobi(bm, q, val, z);
		rotate(u, n, q, z, tmp);
		rotate(w, m, q, z, tmp);
		apply(&o, w, x, q);
		/* Converged when S S' u = lambda u for the wanted vectors. */
		res = 0;
		for (a = 0; a < ndim; a++) {
			s = 0;
			for (i = 0; i < n; i++) {
				v = x[a * n + i] - val[a] * u[a * n + i];
				s += v * v;
			}
			s = sqrt(s) / (val[0] > 0 ? val[0] : 1);
			if (s > res)
				res = s;
		}
		if (res < tol) {
			r->converged = 1;
			break;
		}
		memcpy(u, x, n * q * sizeof(*u));
		orthonormalize(u, n, q, o.sr, &state);
	}
	r->iterations = it > CA_MAX_ITER ? CA_MAX_ITER : it;
	/*
	 * A dimension whose inertia is rounding error (a table whose rows
	 * all have the same profile has none) is not one.
	 */
	for (a = 0; a < ndim; a++)
		if (!(val[a] > 1e-9 * r->inertia) || r->inertia < 1e-13) {
			free(o.sr), free(o.sc), free(o.in), free(o.out),
			    free(u);
			free(x), free(w);
			free(tmp), free(bm), free(z), free(val);
			return a;
		}

	r->ndim = ndim;
	r->sv = xreallocarray(NULL, ndim, sizeof(double));
	r->rowcoord = xreallocarray(NULL, n * ndim, sizeof(double));
	r->colcoord = xreallocarray(NULL, m * ndim, sizeof(double));
	for (a = 0; a < ndim; a++) {
		r->sv[a] = sqrt(val[a]);
		/* Rows: u / sqrt(r); columns: S'u / sigma / sqrt(c). */
		for (i = 0; i < n; i++)
			r->rowcoord[i * ndim + a] = u[a * n + i] / o.sr[i];
		for (j = 0; j < m; j++)
			r->colcoord[j * ndim + a] =
			    w[a * m + j] / r->sv[a] / o.sc[j];
		big = 0;
		for (i = 1; i < n; i++)
			if (fabs(r->rowcoord[i * ndim + a]) >
			    fabs(r->rowcoord[big * ndim + a]))
				big = i;
		if (r->rowcoord[big * ndim + a] < 0)
			ca_flip(t, r, a);
	}
	free(o.sr), free(o.sc), free(o.in), free(o.out), free(u);
	free(x), free(w);
	free(tmp), free(bm), free(z), free(val);
	return ndim;
}

void
ca_flip(const struct scale_table *t, struct ca_result *r, size_t d)
{
	size_t i;

	for (i = 0; i < t->ndocs; i++)
		r->rowcoord[i * r->ndim + d] = -r->rowcoord[i * r->ndim + d];
	for (i = 0; i < t->nwords; i++)
		r->colcoord[i * r->ndim + d] = -r->colcoord[i * r->ndim + d];
}

void
ca_free(struct ca_result *r)
{
	free(r->sv);
	free(r->rowcoord);
	free(r->colcoord);
	memset(r, 0, sizeof(*r));
}
