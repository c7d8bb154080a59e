/*
 * Wordfish on a sparse table; see wordfish.h and sp-scale(1).
 *
 * Every block of the fit has the same shape: two parameters (a, b) of one
 * word or one document, with the others fixed, and the objective
 *
 *	A a + B b - exp(a) f0(b) - pa/2 (a - ma)^2 - pb/2 (b - mb)^2
 *
 * where A and B are sums over the block's cells and f0(b) sums exp(l + b x)
 * over every document (for a word) or every word (for a document), the
 * zero cells included; that sum comes from expsum.c in time independent of
 * the number of cells.  The objective is concave in (a, b), so a Newton
 * step, halved until the objective does not go down, always makes
 * progress.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ca.h"
#include "err.h"
#include "expsum.h"
#include "wordfish.h"

/*
 * Newton steps per block in a sweep: the other blocks move anyway, so a
 * block solved exactly is mostly wasted work, and near the optimum, where
 * it matters, one step is nearly exact.  (On a table of 1,000 documents
 * by 2,000 words, one step a sweep converged 1.7 times as fast as two.)
 */
enum { HALVINGS = 40, SWEEP_STEPS = 1 };

struct block {
	struct expsum *es;
	double A, B, pa, ma, pb, mb;
};

static double
block_objective(const struct block *k, double a, double b, double f0)
{
	return k->A * a + k->B * b - exp(a) * f0 -
	       k->pa / 2 * (a - k->ma) * (a - k->ma) -
	       k->pb / 2 * (b - k->mb) * (b - k->mb);
}

/* Newton's method on one block, from (*a, *b); at most maxit steps. */
static void
block_newton(const struct block *k, double *a, double *b, double tol, int maxit)
{
	double f[3], nf[3], obj, nobj, ea, g0, g1, h00, h01, h11, det;
	double da, db, na = *a, nb = *b, step;
	int it, h;

	expsum_eval(k->es, *b, f);
	obj = block_objective(k, *a, *b, f[0]);
	for (it = 0; it < maxit; it++) {
		ea = exp(*a);
		g0 = k->A - ea * f[0] - k->pa * (*a - k->ma);
		g1 = k->B - ea * f[1] - k->pb * (*b - k->mb);
		h00 = -ea * f[0] - k->pa;
		h01 = -ea * f[1];
		h11 = -ea * f[2] - k->pb;
		det = h00 * h11 - h01 * h01;
		if (!(det > 0) || !(h00 < 0))
			break;
		da = -(h11 * g0 - h01 * g1) / det;
		db = -(h00 * g1 - h01 * g0) / det;
		for (h = 0, step = 1; h < HALVINGS; h++, step /= 2) {
			na = *a + step * da;
			nb = *b + step * db;
			expsum_eval(k->es, nb, nf);
			nobj = block_objective(k, na, nb, nf[0]);
			if (nobj >= obj)
				break;
		}
		if (h == HALVINGS)
			break;
		*a = na;
		*b = nb;
		obj = nobj;
		memcpy(f, nf, sizeof(f));
		if (fabs(step * da) < tol && fabs(step * db) < tol)
			break;
	}
}

static int
cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return (a > b) - (a < b);
}

/*
 * The exponent range that the cheap clusters of expsum.c are made for:
 * |x| of all but the largest 1% (those are served by smaller clusters).
 */
static double
typical_abs(const double *x, size_t n)
{
	double *a = xreallocarray(NULL, n + 1, sizeof(double)), v;
	size_t i;

	for (i = 0; i < n; i++)
		a[i] = fabs(x[i]);
	qsort(a, n, sizeof(double), cmp_double);
	v = n > 0 ? a[n - 1 - n / 100] : 0;
	free(a);
	return v;
}

static double
max_abs(const double *x, size_t n)
{
	double m = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (fabs(x[i]) > m)
			m = fabs(x[i]);
	return m;
}

struct fit {
	const struct scale_table *t;
	const struct wordfish_options *o;
	double *par; /* alpha, theta, psi, beta, one after another */
	size_t npar;
	double *alpha, *theta, *psi, *beta;
	struct expsum docs, words;
	double lgamma_sum; /* sum of log(y!) over the cells */
};

/* The sum of all lambda_ij, zero cells included. */
static double
sum_lambda(struct fit *s)
{
	const struct scale_table *t = s->t;
	double f[3], sum = 0;
	size_t j;

	expsum_build(&s->docs, s->theta, s->alpha, t->ndocs,
		     typical_abs(s->beta, t->nwords) + 1);
	for (j = 0; j < t->nwords; j++) {
		expsum_eval(&s->docs, s->beta[j], f);
		sum += exp(s->psi[j]) * f[0];
	}
	return sum;
}

static double
penalty(const struct fit *s)
{
	const double *p = s->o->prec;
	double pen = 0;
	size_t i, j;

	for (i = 0; i < s->t->ndocs; i++)
		pen += p[0] * s->alpha[i] * s->alpha[i] +
		       p[3] * s->theta[i] * s->theta[i];
	for (j = 0; j < s->t->nwords; j++)
		pen += p[1] * s->psi[j] * s->psi[j] +
		       p[2] * s->beta[j] * s->beta[j];
	return pen / 2;
}

/* The Poisson log-likelihood, log(y!) included. */
static double
loglik(struct fit *s)
{
	const struct scale_table *t = s->t;
	double sum = 0;
	size_t i, k;

	for (i = 0; i < t->ndocs; i++)
		for (k = t->dstart[i]; k < t->dstart[i + 1]; k++)
			sum +=
			    t->dcount[k] * (s->alpha[i] + s->psi[t->dword[k]] +
					    s->beta[t->dword[k]] * s->theta[i]);
	return sum - s->lgamma_sum - sum_lambda(s);
}

static void
sweep_words(struct fit *s)
{
	const struct scale_table *t = s->t;
	const double *p = s->o->prec;
	struct block k = {&s->docs, 0, 0, p[1], 0, p[2], 0};
	size_t j, c;

	expsum_build(&s->docs, s->theta, s->alpha, t->ndocs,
		     1.5 * typical_abs(s->beta, t->nwords) + 1);
	for (j = 0; j < t->nwords; j++) {
		k.A = t->colsum[j];
		k.B = 0;
		for (c = t->wstart[j]; c < t->wstart[j + 1]; c++)
			k.B += t->wcount[c] * s->theta[t->wdoc[c]];
		block_newton(&k, &s->psi[j], &s->beta[j], s->o->tol_step,
			     SWEEP_STEPS);
	}
}

static void
sweep_docs(struct fit *s)
{
	const struct scale_table *t = s->t;
	const double *p = s->o->prec;
	struct block k = {&s->words, 0, 0, p[0], 0, p[3], 0};
	size_t i, c;

	expsum_build(&s->words, s->beta, s->psi, t->nwords,
		     1.5 * typical_abs(s->theta, t->ndocs) + 1);
	for (i = 0; i < t->ndocs; i++) {
		k.A = t->rowsum[i];
		k.B = 0;
		for (c = t->dstart[i]; c < t->dstart[i + 1]; c++)
			k.B += t->dcount[c] * s->beta[t->dword[c]];
		block_newton(&k, &s->alpha[i], &s->theta[i], s->o->tol_step,
			     SWEEP_STEPS);
	}
}

/*
 * Moves that leave every lambda_ij as it is, and so the likelihood:
 * alpha_i - m with psi_j + m, and theta_i -> a theta_i + b with
 * beta_j / a and psi_j - b beta_j / a.  Only the priors see them; the
 * scale that the priors on theta and beta prefer (a^4 = p_beta sum beta^2
 * / p_theta sum (theta - mean)^2, b = -a mean) is taken in one step, which
 * block steps would only creep towards.  A move is kept only if it does
 * not lower the log-posterior.
 */
static void
rescale(struct fit *s)
{
	const struct scale_table *t = s->t;
	const double *p = s->o->prec;
	size_t n = t->ndocs, m = t->nwords, i, j;
	double before, mean = 0, ss = 0, bb = 0, a, b, *old;

	old = xreallocarray(NULL, 2 * (n + m) + 1, sizeof(double));
	memcpy(old, s->alpha, n * sizeof(double));
	memcpy(old + n, s->theta, n * sizeof(double));
	memcpy(old + 2 * n, s->psi, m * sizeof(double));
	memcpy(old + 2 * n + m, s->beta, m * sizeof(double));
	before = penalty(s);

	for (i = 0; i < n; i++)
		mean += s->alpha[i];
	mean /= (double)n;
	for (i = 0; i < n; i++)
		s->alpha[i] -= mean;
	for (j = 0; j < m; j++)
		s->psi[j] += mean;

	mean = 0;
	for (i = 0; i < n; i++)
		mean += s->theta[i];
	mean /= (double)n;
	for (i = 0; i < n; i++)
		ss += (s->theta[i] - mean) * (s->theta[i] - mean);
	for (j = 0; j < m; j++)
		bb += s->beta[j] * s->beta[j];
	if (ss > 0 && bb > 0 && p[2] > 0 && p[3] > 0) {
		a = sqrt(sqrt(p[2] * bb / (p[3] * ss)));
		b = -a * mean;
		for (i = 0; i < n; i++)
			s->theta[i] = a * s->theta[i] + b;
		for (j = 0; j < m; j++) {
			s->psi[j] -= b * s->beta[j] / a;
			s->beta[j] /= a;
		}
	}
	if (penalty(s) > before) {
		memcpy(s->alpha, old, n * sizeof(double));
		memcpy(s->theta, old + n, n * sizeof(double));
		memcpy(s->psi, old + 2 * n, m * sizeof(double));
		memcpy(s->beta, old + 2 * n + m, m * sizeof(double));
	}
	free(old);
}

/*
 * The standard error of theta_i: from the 2 x 2 Hessian of document i's
 * log-posterior in (alpha_i, theta_i), the word parameters held fixed.
 */
static double
theta_se(struct expsum *words, double alpha, double theta, double palpha,
	 double ptheta)
{
	double f[3], ea, h00, h01, h11, det;

	expsum_eval(words, theta, f);
	ea = exp(alpha);
	h00 = -ea * f[0] - palpha;
	h01 = -ea * f[1];
	h11 = -ea * f[2] - ptheta;
	det = h00 * h11 - h01 * h01;
	return det > 0 ? sqrt(-h00 / det) : NAN;
}

/* One sweep: every word, every document, then the rescaling moves. */
static void
sweep(struct fit *s)
{
	sweep_words(s);
	sweep_docs(s);
	rescale(s);
}

static double
objective(struct fit *s, double *ll)
{
	*ll = loglik(s);
	return *ll - penalty(s);
}

/* Solve the m x m system a x = b in place (b becomes x); -1 if singular. */
static int
solve(double *a, double *b, int m)
{
	int i, j, k, piv;
	double t;

	for (k = 0; k < m; k++) {
		piv = k;
		for (i = k + 1; i < m; i++)
			if (fabs(a[i * m + k]) > fabs(a[piv * m + k]))
				piv = i;
		if (!(fabs(a[piv * m + k]) > 1e-300))
			return -1;
		for (j = 0; j < m && piv != k; j++) {
			t = a[k * m + j];
			a[k * m + j] = a[piv * m + j];
			a[piv * m + j] = t;
		}
		t = b[k];
		b[k] = b[piv];
		b[piv] = t;
		for (i = k + 1; i < m; i++) {
			t = a[i * m + k] / a[k * m + k];
			for (j = k; j < m; j++)
				a[i * m + j] -= t * a[k * m + j];
			b[i] -= t * b[k];
		}
	}
	for (k = m - 1; k >= 0; k--) {
		t = b[k];
		for (j = k + 1; j < m; j++)
			t -= a[k * m + j] * b[j];
		b[k] = t / a[k * m + k];
	}
	return 0;
}

/* Differences of iterates and of sweep steps that Anderson mixing keeps. */
enum { HISTORY = 6 };

struct history {
	size_t np;
	int n, next;	 /* pairs held, slot of the next one */
	double *dx, *df; /* HISTORY vectors of np each */
	double *xprev, *fprev;
	int have_prev;
};

/*
 * The extrapolated point x + f - sum_j gamma_j (dx_j + df_j), where gamma
 * minimises |f - sum_j gamma_j df_j|: Anderson mixing (Anderson 1965;
 * Walker and Ni 2011) of the sweep map, x -> x + f with f its step.
 * Return -1 if there is no history to mix or the system is singular.
 */
static int
mix(struct history *h, const double *x, const double *f, double *out)
{
	double a[HISTORY * HISTORY], b[HISTORY], t, y;
	size_t np = h->np, i;
	int j, k, n = h->n;

	if (h->have_prev) {
		for (i = 0; i < np; i++) {
			h->dx[h->next * np + i] = x[i] - h->xprev[i];
			h->df[h->next * np + i] = f[i] - h->fprev[i];
		}
		h->next = (h->next + 1) % HISTORY;
		if (h->n < HISTORY)
			h->n++;
		n = h->n;
	}
	memcpy(h->xprev, x, np * sizeof(double));
	memcpy(h->fprev, f, np * sizeof(double));
	h->have_prev = 1;
	if (n == 0)
		return -1;
	for (j = 0; j < n; j++) {
		for (k = 0; k <= j; k++) {
			t = 0;
			for (i = 0; i < np; i++)
				t += h->df[j * np + i] * h->df[k * np + i];
			a[j * n + k] = a[k * n + j] = t;
		}
		b[j] = 0;
		for (i = 0; i < np; i++)
			b[j] += h->df[j * np + i] * f[i];
		a[j * n + j] *= 1 + 1e-10; /* a little regularisation */
	}
	if (solve(a, b, n) < 0)
		return -1;
	for (i = 0; i < np; i++) {
		y = x[i] + f[i];
		for (j = 0; j < n; j++)
			y -= b[j] * (h->dx[j * np + i] + h->df[j * np + i]);
		out[i] = y;
	}
	return 0;
}

/*
 * Sweeps converge linearly, and on real tables very slowly: a rare word
 * and the few documents that use it form a ridge along which only the
 * priors pull, and the first dimension of a table is seldom much stronger
 * than the second.  Each iteration therefore sweeps once from the current
 * point x to G(x), mixes x and G(x) with the last few iterations
 * (Anderson mixing, above) and sweeps once from the mixed point; that
 * result is kept if its log-posterior is no lower than G(x)'s, else G(x)
 * is, and the history starts again.  So the log-posterior never goes down
 * from one iteration to the next.  On a table of 10,000 documents by
 * 20,000 words this reached in 60 iterations a log-posterior that SQUAREM
 * (Varadhan and Roland 2008) had not reached in 120.  An iteration that
 * gains less than tol_objective times the log-posterior's size ends the
 * fit, as does one that seems to lose (rounding: then the better
 * parameters before it are kept).
 */
static void
accelerate(struct fit *s, struct wordfish_fit *f)
{
	const struct wordfish_options *o = s->o;
	size_t np = s->npar, i;
	struct history h;
	double *x = xreallocarray(NULL, 3 * np + 1, sizeof(double));
	double *g = x + np, *step = g + np, last, p, pg, ll, llg;
	long it;

	memset(&h, 0, sizeof(h));
	h.np = np;
	h.dx = xreallocarray(NULL, 2 * HISTORY * np + 1, sizeof(double));
	h.df = h.dx + HISTORY * np;
	h.xprev = xreallocarray(NULL, 2 * np + 1, sizeof(double));
	h.fprev = h.xprev + np;
	last = objective(s, &ll);
	for (it = 1; it <= o->max_iter; it++) {
		memcpy(x, s->par, np * sizeof(double));
		sweep(s);
		memcpy(g, s->par, np * sizeof(double));
		p = pg = objective(s, &llg);
		ll = llg;
		for (i = 0; i < np; i++)
			step[i] = g[i] - x[i];
		if (mix(&h, x, step, s->par) == 0) {
			sweep(s);
			p = objective(s, &ll);
			if (!(p >= pg && isfinite(p))) {
				memcpy(s->par, g, np * sizeof(double));
				p = pg;
				ll = llg;
				h.n = 0;
				h.have_prev = 0;
			}
		}
		f->iterations = it;
		if (!(p >= last)) {
			/* Rounding: keep what was there before. */
			memcpy(s->par, x, np * sizeof(double));
			f->converged = 1;
			break;
		}
		if (o->verbose != NULL)
			fprintf(o->verbose,
				"sp-scale: iteration %ld: "
				"log-likelihood %.6f, log-posterior %.6f\n",
				it, ll, p);
		f->loglik = ll;
		f->logpost = p;
		if (p - last < o->tol_objective * fabs(p)) {
			f->converged = 1;
			break;
		}
		last = p;
	}
	free(h.dx);
	free(h.xprev);
	free(x);
}

int
wordfish_fit(const struct scale_table *t, const struct wordfish_options *o,
	     struct wordfish_model *m, struct wordfish_fit *f)
{
	struct fit s;
	struct ca_result ca;
	size_t n = t->ndocs, nw = t->nwords, i, j, k;
	double mean = 0, ss = 0, sd, scale, amean = 0;

	if (ca_fit(t, 1, 1e-8, &ca) != 1)
		return -1;
	memset(&s, 0, sizeof(s));
	s.t = t;
	s.o = o;
	s.npar = 2 * (n + nw);
	s.par = xreallocarray(NULL, s.npar + 1, sizeof(double));
	s.alpha = s.par;
	s.theta = s.par + n;
	s.psi = s.par + 2 * n;
	s.beta = s.par + 2 * n + nw;
	/*
	 * quanteda's start: theta from the first dimension of a
	 * correspondence analysis, standardised; beta 0; alpha and psi
	 * reproduce the row and column sums.
	 */
	for (i = 0; i < n; i++)
		mean += ca.rowcoord[i];
	mean /= (double)n;
	for (i = 0; i < n; i++)
		ss += (ca.rowcoord[i] - mean) * (ca.rowcoord[i] - mean);
	sd = sqrt(ss / (double)(n - 1));
	for (i = 0; i < n; i++) {
		s.theta[i] = (ca.rowcoord[i] - mean) / sd;
		s.alpha[i] = log(t->rowsum[i] / (t->total / (double)n));
	}
	ca_free(&ca);
	for (j = 0; j < nw; j++) {
		s.beta[j] = 0;
		s.psi[j] = log(t->colsum[j] / (double)n);
	}
	for (k = 0; k < t->ncells; k++)
		s.lgamma_sum += lgamma(t->dcount[k] + 1);

	memset(f, 0, sizeof(*f));
	accelerate(&s, f);

	/*
	 * Report theta with mean 0 and sd 1 (and dir[0] below dir[1]), alpha
	 * with mean 0: moves that leave every lambda as it is, with beta,
	 * psi and the priors carried along into the new units.
	 */
	for (i = 0; i < n; i++)
		amean += s.alpha[i];
	amean /= (double)n;
	mean = ss = 0;
	for (i = 0; i < n; i++)
		mean += s.theta[i];
	mean /= (double)n;
	for (i = 0; i < n; i++)
		ss += (s.theta[i] - mean) * (s.theta[i] - mean);
	scale = sqrt(ss / (double)(n - 1));
	if (scale == 0)
		scale = 1;
	if (s.theta[o->dir[0]] > s.theta[o->dir[1]])
		scale = -scale;
	for (i = 0; i < n; i++) {
		s.theta[i] = (s.theta[i] - mean) / scale;
		s.alpha[i] -= amean;
	}
	f->theta = (double *)xmemdup((char *)s.theta, n * sizeof(double));
	f->alpha = (double *)xmemdup((char *)s.alpha, n * sizeof(double));
	for (j = 0; j < nw; j++) {
		s.psi[j] += s.beta[j] * mean + amean;
		s.beta[j] *= scale;
	}
	m->nwords = nw;
	m->word = t->word;
	m->wordlen = t->wordlen;
	m->beta = (double *)xmemdup((char *)s.beta, nw * sizeof(double));
	m->psi = (double *)xmemdup((char *)s.psi, nw * sizeof(double));
	m->alpha_prec = o->prec[0];
	m->alpha_mean = -amean;
	m->theta_prec = o->prec[3] * scale * scale;
	m->theta_mean = -mean / scale;
	f->se = xreallocarray(NULL, n + 1, sizeof(double));
	expsum_build(&s.words, m->beta, m->psi, nw, max_abs(s.theta, n) + 1);
	for (i = 0; i < n; i++)
		f->se[i] = theta_se(&s.words, s.alpha[i], s.theta[i],
				    m->alpha_prec, m->theta_prec);
	expsum_free(&s.docs);
	expsum_free(&s.words);
	free(s.par);
	return 0;
}

void
wordfish_place(const struct wordfish_model *m, const struct scale_table *t,
	       const long *map, double tol, double *theta, double *se)
{
	struct expsum words;
	struct block k;
	double f[3], a, b;
	size_t i, c;
	long w;

	memset(&words, 0, sizeof(words));
	expsum_build(&words, m->beta, m->psi, m->nwords,
		     fabs(m->theta_mean) + 10);
	k.es = &words;
	k.pa = m->alpha_prec;
	k.ma = m->alpha_mean;
	k.pb = m->theta_prec;
	k.mb = m->theta_mean;
	for (i = 0; i < t->ndocs; i++) {
		k.A = k.B = 0;
		for (c = t->dstart[i]; c < t->dstart[i + 1]; c++)
			if ((w = map[t->dword[c]]) >= 0) {
				k.A += t->dcount[c];
				k.B += t->dcount[c] * m->beta[w];
			}
		if (k.A == 0) {
			theta[i] = se[i] = NAN;
			continue;
		}
		b = m->theta_mean;
		expsum_eval(&words, b, f);
		a = log(k.A / f[0]);
		block_newton(&k, &a, &b, tol, 100);
		theta[i] = b;
		se[i] = theta_se(&words, a, b, k.pa, k.pb);
	}
	expsum_free(&words);
}

void
wordfish_model_free(struct wordfish_model *m)
{
	free(m->beta);
	free(m->psi);
	m->beta = m->psi = NULL;
}

void
wordfish_fit_free(struct wordfish_fit *f)
{
	free(f->theta);
	free(f->alpha);
	free(f->se);
	memset(f, 0, sizeof(*f));
}
