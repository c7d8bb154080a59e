/*
 * Dirichlet-multinomial regression for sp-topics (lda_dmr.h): the
 * documents' features from a metadata table, the fit of lambda by L-BFGS,
 * and its two reports.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "group.h"
#include "lda_dmr.h"

/* The prior variance of lambda: the intercept's, the others'. */
#define VAR_INTERCEPT 100.0
#define VAR_FEATURE 1.0

/* L-BFGS: correction pairs kept, iterations per fit. */
enum { LBFGS_M = 5, LBFGS_ITER = 20 };

static int
parse_number(const char *s, size_t len, double *v)
{
	char *end;

	if (len == 0)
		return 0;
	*v = strtod(s, &end);
	return end == s + len && isfinite(*v);
}

/* qsort's context: the names or values being sorted. */
static char **sort_names;
static double *sort_values;

static int
by_name(const void *a, const void *b)
{
	return strcmp(sort_names[*(const uint32_t *)a],
		      sort_names[*(const uint32_t *)b]);
}

static int
by_value(const void *a, const void *b)
{
	double x = sort_values[*(const uint32_t *)a];
	double y = sort_values[*(const uint32_t *)b];

	return x < y ? -1 : x > y;
}

/*
 * Encode covariate cv for the documents: fills its levels, and for each
 * document its level (feat) and the value of its feature (val): 1 for a
 * level of a categorical covariate, the standardised value of a numeric
 * one, 0 for none.  Returns 0 or -1 after a message.
 */
static int
encode(struct lda_dmr_covariate *cv, const struct lda_corpus *c,
       const struct meta *m, int report, uint32_t *group_of_doc, uint32_t *feat,
       double *val)
{
	struct grouper g;
	size_t doc, len, ndocs = c->docs.n, nvalued = 0;
	uint32_t ng, gi, *order, *level_of_group, nused = 0;
	size_t *ndocs_of;
	char **names;
	double *values, v, sum = 0, ss = 0;
	const char *key, *tab, *name;
	int numeric = 1, l;

	if (group_init(&g, cv->name, m) < 0)
		return -1;
	if (g.kind != GROUP_COLUMN) {
		sp_warn("--covariates: %s is not a column of %s (col:%s "
			"names one)",
			cv->name, m->name, cv->name);
		group_free(&g);
		return -1;
	}
	for (doc = 0; doc < ndocs; doc++) {
		key = strtab_key(&c->docs, (uint32_t)doc);
		len = strtab_len(&c->docs, (uint32_t)doc);
		tab = memchr(key, '\t', len);
		group_of_doc[doc] =
		    group_of_key(&g, key, tab ? (size_t)(tab - key) : len);
	}
	if (report)
		group_report_missing(&g);
	ng = group_count(&g);
	ndocs_of = xcalloc(ng + 1, sizeof(size_t));
	names = xcalloc(ng + 1, sizeof(char *));
	values = xcalloc(ng + 1, sizeof(double));
	order = xmalloc((ng + 1) * sizeof(uint32_t));
	level_of_group = xmalloc((ng + 1) * sizeof(uint32_t));
	for (doc = 0; doc < ndocs; doc++)
		ndocs_of[group_of_doc[doc]]++;
	for (gi = 0; gi < ng; gi++) {
		if (ndocs_of[gi] == 0)
			continue;
		name = group_name(&g, gi, &len);
		names[gi] = xmemdup(name, len);
		order[nused++] = gi;
		if (strcmp(names[gi], GROUP_NA) == 0)
			continue;
		if (!parse_number(name, len, &values[gi]))
			numeric = 0;
		else {
			nvalued += ndocs_of[gi];
			sum += values[gi] * (double)ndocs_of[gi];
		}
	}
	cv->numeric = numeric && nvalued > 0;
	sort_names = names;
	sort_values = values;
	if (cv->numeric) {
		/* The distinct values in ascending order, NA left out. */
		for (gi = 0, l = 0; gi < nused; gi++)
			if (strcmp(names[order[gi]], GROUP_NA) != 0)
				order[l++] = order[gi];
		nused = (uint32_t)l;
		qsort(order, nused, sizeof(*order), by_value);
		cv->mean = sum / (double)nvalued;
		for (gi = 0; gi < nused; gi++) {
			v = values[order[gi]] - cv->mean;
			ss += v * v * (double)ndocs_of[order[gi]];
		}
		cv->sd = sqrt(ss / (double)nvalued);
	} else {
		/* The reference first: the first in bytewise order but NA. */
		qsort(order, nused, sizeof(*order), by_name);
		for (gi = 0;
		     gi < nused && strcmp(names[order[gi]], GROUP_NA) == 0;
		     gi++)
			;
		if (gi > 0 && gi < nused) {
			uint32_t ref = order[gi];

			memmove(order + 1, order, gi * sizeof(*order));
			order[0] = ref;
		}
	}
	if (cv->numeric && !(isfinite(cv->mean) && isfinite(cv->sd))) {
		/* Numbers near DBL_MAX: standardised, every one was NaN. */
		sp_warn("--covariates %s: numbers too large to standardise",
			cv->name);
		nused = 0;
	} else if (nused < 2 || (cv->numeric && !(cv->sd > 0))) {
		sp_warn("--covariates %s: every document has the same value",
			cv->name);
		nused = 0;
	}
	cv->nlevels = (int)nused;
	cv->level = xcalloc(nused + 1, sizeof(char *));
	cv->value = xcalloc(nused + 1, sizeof(double));
	for (gi = 0; gi < nused; gi++) {
		cv->level[gi] = names[order[gi]];
		names[order[gi]] = NULL;
		cv->value[gi] = values[order[gi]];
		level_of_group[order[gi]] = gi;
	}
	/* Each document's feature, relative to the covariate's first. */
	for (doc = 0; nused > 0 && doc < ndocs; doc++) {
		gi = group_of_doc[doc];
		feat[doc] = 0;
		val[doc] = 0;
		if (cv->numeric) {
			if (strcmp(group_name(&g, gi, &len), GROUP_NA) != 0)
				val[doc] = (values[gi] - cv->mean) / cv->sd;
		} else if (level_of_group[gi] > 0) {
			feat[doc] = level_of_group[gi] - 1;
			val[doc] = 1;
		}
	}
	for (gi = 0; gi < ng; gi++)
		free(names[gi]);
	free(names);
	free(values);
	free(order);
	free(level_of_group);
	free(ndocs_of);
	group_free(&g);
	return nused > 0 ? 0 : -1;
}

/*
 * Number the documents' distinct feature vectors (patterns), in order of
 * first appearance, and keep each one's features.
 */
static void
make_patterns(struct lda_dmr *d)
{
	size_t nx = (size_t)d->nx, i,
	       len = nx * (sizeof(uint32_t) + sizeof(double));
	char *key = xmalloc(len);
	struct strtab tab;
	uint32_t p;
	int added;

	strtab_init(&tab);
	d->pattern = xmalloc((d->ndocs + 1) * sizeof(uint32_t));
	d->pf = xmalloc((d->ndocs * nx + 1) * sizeof(uint32_t));
	d->pv = xmalloc((d->ndocs * nx + 1) * sizeof(double));
	for (i = 0; i < d->ndocs; i++) {
		memcpy(key, d->xf + i * nx, nx * sizeof(uint32_t));
		memcpy(key + nx * sizeof(uint32_t), d->xv + i * nx,
		       nx * sizeof(double));
		p = strtab_intern(&tab, key, len, &added);
		d->pattern[i] = p;
		if (added) {
			memcpy(d->pf + p * nx, d->xf + i * nx,
			       nx * sizeof(uint32_t));
			memcpy(d->pv + p * nx, d->xv + i * nx,
			       nx * sizeof(double));
		}
	}
	d->npatterns = tab.n;
	strtab_free(&tab);
	free(key);
}

/* Room for the documents' priors. */
static void
priors_alloc(struct lda_dmr *d)
{
	size_t k = (size_t)d->ntopics, k4 = (k + 3) / 4 * 4;
	void *mem;

	d->doc_alpha = xmalloc((d->ndocs * k + 1) * sizeof(double));
	d->doc_alpha_sum = xmalloc((d->ndocs + 1) * sizeof(double));
	if (posix_memalign(&mem, 16, (d->ndocs * k4 + 4) * sizeof(float)) != 0)
		sp_die("out of memory");
	d->doc_alpha_f = mem;
	memset(d->doc_alpha_f, 0, (d->ndocs * k4 + 4) * sizeof(float));
}

/* The features a covariate has: 1 if numeric, else its levels but one. */
int
lda_dmr_nfeatures(const struct lda_dmr_covariate *cv)
{
	return cv->numeric ? 1 : cv->nlevels - 1;
}

int
lda_dmr_init(struct lda_dmr *d, const struct lda_corpus *c,
	     const struct meta *m, const char *covariates, int ntopics,
	     double alpha_sum)
{
	const char *p = covariates, *comma;
	uint32_t *group_of_doc, *feat;
	size_t k = (size_t)ntopics, i, nx;
	double *val;
	int j, t, status = 0;

	memset(d, 0, sizeof(*d));
	d->ntopics = ntopics;
	d->ndocs = c->docs.n;
	for (d->ncovariates = 1; (p = strchr(p, ',')) != NULL; p++)
		d->ncovariates++;
	d->cov = xcalloc((size_t)d->ncovariates, sizeof(*d->cov));
	for (p = covariates, j = 0; j < d->ncovariates; j++) {
		comma = strchr(p, ',');
		d->cov[j].name =
		    xmemdup(p, comma ? (size_t)(comma - p) : strlen(p));
		/* Not comma + 1 after the last name: NULL + 1 is undefined. */
		if (comma != NULL)
			p = comma + 1;
	}
	/* Each document's features: the intercept, one per covariate. */
	nx = (size_t)d->ncovariates + 1;
	d->nx = (int)nx;
	d->xf = xcalloc(d->ndocs * nx + 1, sizeof(uint32_t));
	d->xv = xcalloc(d->ndocs * nx + 1, sizeof(double));
	group_of_doc = xmalloc((d->ndocs + 1) * sizeof(uint32_t));
	feat = xmalloc((d->ndocs + 1) * sizeof(uint32_t));
	val = xmalloc((d->ndocs + 1) * sizeof(double));
	for (i = 0; i < d->ndocs; i++)
		d->xv[i * nx] = 1;
	for (j = 0, t = 1; j < d->ncovariates && status == 0; j++) {
		if (d->cov[j].name[0] == '\0') {
			sp_warn("--covariates: an empty column name in '%s'",
				covariates);
			status = -1;
			break;
		}
		d->cov[j].first = t;
		if (encode(&d->cov[j], c, m, j == 0, group_of_doc, feat, val) <
		    0) {
			status = -1;
			break;
		}
		for (i = 0; i < d->ndocs; i++) {
			d->xf[i * nx + 1 + (size_t)j] = (uint32_t)t + feat[i];
			d->xv[i * nx + 1 + (size_t)j] = val[i];
		}
		t += lda_dmr_nfeatures(&d->cov[j]);
	}
	free(group_of_doc);
	free(feat);
	free(val);
	d->nfeatures = t;
	if (status < 0)
		return -1;
	make_patterns(d);

	d->lambda = xcalloc((size_t)t * k, sizeof(double));
	for (i = 0; i < k; i++)
		d->lambda[i] = log(alpha_sum / (double)ntopics);
	d->saved = xcalloc(LDA_DMR_SAVED * (size_t)t * k, sizeof(double));
	priors_alloc(d);
	lda_dmr_update_alpha(d);
	return 0;
}

/*
 * The values of a loaded covariate for the documents: a level the model
 * has (a categorical covariate's; the reference if it has not, counted in
 * *unknown), or a number (NA, or a value that is not one, is the mean;
 * the latter counted).
 */
static int
apply_covariate(struct lda_dmr_covariate *cv, const struct lda_corpus *c,
		const struct meta *m, int report, uint32_t *feat, double *val,
		size_t *unknown)
{
	struct grouper g;
	struct strtab levels;
	size_t doc, len;
	const char *key, *tab, *name;
	uint32_t gi, l;
	double v;
	int i;

	if (group_init(&g, cv->name, m) < 0)
		return -1;
	if (g.kind != GROUP_COLUMN) {
		sp_warn("the model's covariate %s is not a column of %s",
			cv->name, m->name);
		group_free(&g);
		return -1;
	}
	strtab_init(&levels);
	for (i = 0; i < cv->nlevels && !cv->numeric; i++)
		strtab_intern(&levels, cv->level[i], strlen(cv->level[i]),
			      NULL);
	*unknown = 0;
	for (doc = 0; doc < c->docs.n; doc++) {
		key = strtab_key(&c->docs, (uint32_t)doc);
		len = strtab_len(&c->docs, (uint32_t)doc);
		tab = memchr(key, '\t', len);
		gi = group_of_key(&g, key, tab ? (size_t)(tab - key) : len);
		name = group_name(&g, gi, &len);
		feat[doc] = 0;
		val[doc] = 0;
		if (cv->numeric) {
			if (strcmp(name, GROUP_NA) == 0)
				continue;
			if (!parse_number(name, len, &v)) {
				(*unknown)++;
				continue;
			}
			val[doc] = (v - cv->mean) / cv->sd;
			continue;
		}
		l = strtab_find(&levels, name, len);
		if (l == STRTAB_NONE)
			(*unknown)++;
		else if (l > 0) {
			feat[doc] = l - 1;
			val[doc] = 1;
		}
	}
	if (report)
		group_report_missing(&g);
	strtab_free(&levels);
	group_free(&g);
	return 0;
}

int
lda_dmr_apply(struct lda_dmr *d, const struct lda_corpus *c,
	      const struct meta *m, const char *model)
{
	size_t nx = (size_t)d->ncovariates + 1, i, unknown;
	uint32_t *feat = xmalloc((c->docs.n + 1) * sizeof(uint32_t));
	double *val = xmalloc((c->docs.n + 1) * sizeof(double));
	int j, status = 0;

	d->ndocs = c->docs.n;
	d->xf = xcalloc(d->ndocs * nx + 1, sizeof(uint32_t));
	d->xv = xcalloc(d->ndocs * nx + 1, sizeof(double));
	for (i = 0; i < d->ndocs; i++)
		d->xv[i * nx] = 1;
	for (j = 0; j < d->ncovariates && status == 0; j++) {
		if (apply_covariate(&d->cov[j], c, m, j == 0, feat, val,
				    &unknown) < 0) {
			status = -1;
			break;
		}
		if (unknown > 0)
			sp_warn("%s: %zu document%s a value of %s that the "
				"model does not know, taken as %s",
				model, unknown,
				unknown == 1 ? " has" : "s have",
				d->cov[j].name,
				d->cov[j].numeric ? "the mean"
						  : "the reference level");
		for (i = 0; i < d->ndocs; i++) {
			d->xf[i * nx + 1 + (size_t)j] =
			    (uint32_t)d->cov[j].first + feat[i];
			d->xv[i * nx + 1 + (size_t)j] = val[i];
		}
	}
	free(feat);
	free(val);
	if (status < 0)
		return -1;
	make_patterns(d);
	priors_alloc(d);
	lda_dmr_update_alpha(d);
	return 0;
}

void
lda_dmr_write_model(struct writer *w, const struct lda_dmr *d)
{
	const struct lda_dmr_covariate *cv;
	int j, l, t;

	writer_printf(w, "covariates\t%d\n", d->ncovariates);
	for (j = 0; j < d->ncovariates; j++) {
		cv = &d->cov[j];
		if (cv->numeric) {
			writer_printf(w,
				      "covariate\t%s\tnumeric\t%.17g\t"
				      "%.17g\n",
				      cv->name, cv->mean, cv->sd);
			continue;
		}
		writer_printf(w, "covariate\t%s\tcategorical\t%d\n", cv->name,
			      cv->nlevels);
		for (l = 0; l < cv->nlevels; l++)
			writer_printf(w, "level\t%s\n", cv->level[l]);
	}
	for (j = 0; j < d->nfeatures; j++) {
		writer_printf(w, "lambda\t%d", j);
		for (t = 0; t < d->ntopics; t++)
			writer_printf(
			    w, "%s%.17g", t ? " " : "\t",
			    d->lambda[(size_t)j * (size_t)d->ntopics + t]);
		writer_byte(w, '\n');
	}
}

void
lda_dmr_free(struct lda_dmr *d)
{
	int j, l;

	for (j = 0; j < d->ncovariates; j++) {
		free(d->cov[j].name);
		for (l = 0; l < d->cov[j].nlevels; l++)
			free(d->cov[j].level[l]);
		free(d->cov[j].level);
		free(d->cov[j].value);
	}
	free(d->cov);
	free(d->xf);
	free(d->xv);
	free(d->pattern);
	free(d->pf);
	free(d->pv);
	free(d->lambda);
	free(d->doc_alpha);
	free(d->doc_alpha_sum);
	free(d->doc_alpha_f);
	free(d->saved);
	memset(d, 0, sizeof(*d));
}

/*
 * alpha[t] = exp(x . lambda_t) for the features xf[0..nx) with values
 * xv[0..nx) (the rest 0); returns the sum.  x . lambda_t is held to
 * [-DMR_EXP_MAX, DMR_EXP_MAX]: a saved model's lambda or a number of
 * --meta far from the training mean could make alpha inf or 0 (and the
 * samplers' float copy inf for less), which lost the document's topics
 * without a word; fitted priors are far inside (alpha from e^-60 to e^60).
 */
#define DMR_EXP_MAX 60.0
static double
prior(const uint32_t *xf, const double *xv, int nx, const double *lambda, int k,
      double *alpha)
{
	double sum = 0, e;
	const double *l;
	int j, t;

	for (t = 0; t < k; t++)
		alpha[t] = 0;
	for (j = 0; j < nx; j++) {
		if (xv[j] == 0)
			continue;
		l = lambda + (size_t)xf[j] * (size_t)k;
		for (t = 0; t < k; t++)
			alpha[t] += xv[j] * l[t];
	}
	for (t = 0; t < k; t++) {
		if (!(alpha[t] >= -DMR_EXP_MAX)) /* NaN too */
			alpha[t] = -DMR_EXP_MAX;
		else if (alpha[t] > DMR_EXP_MAX)
			alpha[t] = DMR_EXP_MAX;
		e = exp(alpha[t]);
		alpha[t] = e;
		sum += e;
	}
	return sum;
}

void
lda_dmr_update_alpha(struct lda_dmr *d)
{
	size_t k = (size_t)d->ntopics, k4 = (k + 3) / 4 * 4, i, t;
	double *pa = xmalloc(((size_t)d->npatterns * k + 1) * sizeof(double));
	double *ps = xmalloc(((size_t)d->npatterns + 1) * sizeof(double));
	uint32_t p;

	for (p = 0; p < d->npatterns; p++)
		ps[p] =
		    prior(d->pf + p * (size_t)d->nx, d->pv + p * (size_t)d->nx,
			  d->nx, d->lambda, d->ntopics, pa + p * k);
	for (i = 0; i < d->ndocs; i++) {
		p = d->pattern[i];
		memcpy(d->doc_alpha + i * k, pa + p * k, k * sizeof(double));
		d->doc_alpha_sum[i] = ps[p];
		for (t = 0; t < k; t++)
			d->doc_alpha_f[i * k4 + t] = (float)pa[p * k + t];
	}
	free(pa);
	free(ps);
}

/*
 * The documents' counts for the objective, by pattern of features: for
 * each pattern, how many of its documents have each length, and for each
 * topic, how many have each nonzero count of it.  Documents with the same
 * features have the same prior, so the objective's terms are taken once
 * per distinct (pattern, topic, count) rather than once per document.
 */
struct entry {
	uint64_t group; /* pattern * (K + 1) + topic, K for lengths */
	uint32_t count, times;
};

struct counts {
	struct entry *e;
	size_t n;
	size_t *start; /* npatterns + 1: each pattern's entries */
};

static int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return x->count < y->count ? -1 : x->count > y->count;
}

static void
counts_make(struct counts *n, const struct lda_dmr *d,
	    const struct lda_corpus *c, const uint16_t *topics)
{
	const uint64_t k = (uint64_t)d->ntopics;
	size_t doc, i, j = 0, m, ndocs = c->docs.n;
	uint32_t *local = xcalloc(k, sizeof(uint32_t)), p;
	uint16_t *present = xmalloc((k + 1) * sizeof(uint16_t));
	int npresent, q;

	n->e = xmalloc((c->ntokens + ndocs + 1) * sizeof(struct entry));
	for (doc = 0; doc < ndocs; doc++) {
		p = d->pattern[doc];
		npresent = 0;
		for (i = c->doc_start[doc]; i < c->doc_start[doc + 1]; i++)
			if (local[topics[i]]++ == 0)
				present[npresent++] = topics[i];
		for (q = 0; q < npresent; q++) {
			n->e[j].group = p * (k + 1) + present[q];
			n->e[j].count = local[present[q]];
			n->e[j++].times = 1;
			local[present[q]] = 0;
		}
		n->e[j].group = p * (k + 1) + k;
		n->e[j].count =
		    (uint32_t)(c->doc_start[doc + 1] - c->doc_start[doc]);
		n->e[j++].times = 1;
	}
	qsort(n->e, j, sizeof(*n->e), entry_cmp);
	/* Equal entries become one, with how many times. */
	for (i = 0, m = 0; i < j; i++) {
		if (m > 0 && n->e[m - 1].group == n->e[i].group &&
		    n->e[m - 1].count == n->e[i].count)
			n->e[m - 1].times++;
		else
			n->e[m++] = n->e[i];
	}
	n->n = m;
	n->start = xmalloc(((size_t)d->npatterns + 1) * sizeof(size_t));
	for (p = 0, i = 0; p <= d->npatterns; p++) {
		while (i < m && n->e[i].group / (k + 1) < p)
			i++;
		n->start[p] = i;
	}
	free(local);
	free(present);
}

static void
counts_free(struct counts *n)
{
	free(n->e);
	free(n->start);
}

/* sum_{i < n} 1 / (a + i) = digamma(a + n) - digamma(a). */
static double
digamma_diff(double a, uint32_t n)
{
	double s = 0;
	uint32_t i;

	if (n > 16)
		return lda_digamma(a + n) - lda_digamma(a);
	for (i = 0; i < n; i++)
		s += 1 / (a + i);
	return s;
}

/*
 * The log posterior of lambda (up to a constant) and, if grad is not
 * NULL, its gradient; alpha is scratch for 2K values.
 */
static double
objective(const struct lda_dmr *d, const struct counts *n, const double *lambda,
	  double *grad, double *alpha)
{
	const int k = d->ntopics, nf = d->nfeatures, nx = d->nx;
	double f = 0, sum, common, var, m, *gl, *b = alpha + k;
	const struct entry *e;
	const double *xv;
	const uint32_t *xf;
	size_t j;
	uint32_t p, t;
	int fi, x;

	if (grad != NULL)
		memset(grad, 0, (size_t)nf * (size_t)k * sizeof(double));
	for (p = 0; p < d->npatterns; p++) {
		xf = d->pf + p * (size_t)nx;
		xv = d->pv + p * (size_t)nx;
		sum = prior(xf, xv, nx, lambda, k, alpha);
		/*
		 * d/d lambda_ft = sum over the documents of x_f alpha_t
		 * (digamma(A) - digamma(A + n) + digamma(alpha_t + n_t) -
		 * digamma(alpha_t)) = x_f b_t.
		 */
		common = 0;
		for (t = 0; t < (uint32_t)k; t++)
			b[t] = 0;
		for (j = n->start[p]; j < n->start[p + 1]; j++) {
			e = &n->e[j];
			t = (uint32_t)(e->group % ((uint64_t)k + 1));
			m = (double)e->times;
			if (t == (uint32_t)k) {
				f += m * (lgamma(sum) - lgamma(sum + e->count));
				if (grad != NULL)
					common -=
					    m * digamma_diff(sum, e->count);
				continue;
			}
			f += m *
			     (lgamma(alpha[t] + e->count) - lgamma(alpha[t]));
			if (grad != NULL)
				b[t] += m * alpha[t] *
					digamma_diff(alpha[t], e->count);
		}
		if (grad == NULL)
			continue;
		for (t = 0; t < (uint32_t)k; t++)
			b[t] += alpha[t] * common;
		for (x = 0; x < nx; x++) {
			if (xv[x] == 0)
				continue;
			gl = grad + (size_t)xf[x] * (size_t)k;
			for (t = 0; t < (uint32_t)k; t++)
				gl[t] += xv[x] * b[t];
		}
	}
	for (fi = 0; fi < nf; fi++) {
		var = fi == 0 ? VAR_INTERCEPT : VAR_FEATURE;
		for (t = 0; t < (uint32_t)k; t++) {
			j = (size_t)fi * k + t;
			f -= lambda[j] * lambda[j] / (2 * var);
			if (grad != NULL)
				grad[j] -= lambda[j] / var;
		}
	}
	return f;
}

double
lda_dmr_objective(const struct lda_dmr *d, const struct lda_corpus *c,
		  const uint16_t *topics)
{
	struct counts n;
	double *alpha = xmalloc(2 * (size_t)d->ntopics * sizeof(double)), f;

	counts_make(&n, d, c, topics);
	f = objective(d, &n, d->lambda, NULL, alpha);
	counts_free(&n);
	free(alpha);
	return f;
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

/*
 * Maximise the objective from lambda by L-BFGS (Nocedal and Wright,
 * Numerical Optimization, algorithm 7.4) with a backtracking line search
 * to the Armijo condition, at most LBFGS_ITER iterations.
 */
static double
lbfgs(const struct lda_dmr *d, const struct counts *n, double *lambda)
{
	size_t p = (size_t)d->nfeatures * (size_t)d->ntopics, i;
	double *g = xmalloc(p * sizeof(double)),
	       *g2 = xmalloc(p * sizeof(double)),
	       *dir = xmalloc(p * sizeof(double));
	double *trial = xmalloc(p * sizeof(double));
	double *s = xmalloc(LBFGS_M * p * sizeof(double));
	double *y = xmalloc(LBFGS_M * p * sizeof(double));
	double rho[LBFGS_M], a[LBFGS_M], alpha_tmp;
	double *alpha = xmalloc(2 * (size_t)d->ntopics * sizeof(double));
	double f, f2, step, slope, beta, sy, yy, gnorm;
	int iter, npairs = 0, newest = -1, j, idx, tries;

	f = objective(d, n, lambda, g, alpha);
	for (iter = 0; iter < LBFGS_ITER; iter++) {
		gnorm = sqrt(dot(g, g, p));
		if (gnorm < 1e-5)
			break;
		/* The ascent direction: H g by the two-loop recursion. */
		memcpy(dir, g, p * sizeof(double));
		for (j = 0; j < npairs; j++) {
			idx = (newest - j + LBFGS_M) % LBFGS_M;
			a[idx] = rho[idx] * dot(s + idx * p, dir, p);
			for (i = 0; i < p; i++)
				dir[i] -= a[idx] * y[idx * p + i];
		}
		if (npairs > 0) {
			sy = dot(s + newest * p, y + newest * p, p);
			yy = dot(y + newest * p, y + newest * p, p);
			for (i = 0; i < p; i++)
				dir[i] *= sy / yy;
		} else
			for (i = 0; i < p; i++)
				dir[i] /= gnorm > 1 ? gnorm : 1;
		for (j = npairs - 1; j >= 0; j--) {
			idx = (newest - j + LBFGS_M) % LBFGS_M;
			beta = rho[idx] * dot(y + idx * p, dir, p);
			for (i = 0; i < p; i++)
				dir[i] += (a[idx] - beta) * s[idx * p + i];
		}
		slope = dot(g, dir, p);
		if (!(slope > 0)) {
			/* Not an ascent direction: start again from g. */
			for (i = 0; i < p; i++)
				dir[i] = g[i] / (gnorm > 1 ? gnorm : 1);
			slope = dot(g, dir, p);
			npairs = 0;
		}
		for (step = 1, tries = 0; tries < 40; tries++, step /= 2) {
			for (i = 0; i < p; i++)
				trial[i] = lambda[i] + step * dir[i];
			f2 = objective(d, n, trial, g2, alpha);
			if (isfinite(f2) && f2 >= f + 1e-4 * step * slope)
				break;
		}
		if (tries == 40)
			break;
		newest = (newest + 1) % LBFGS_M;
		for (i = 0; i < p; i++) {
			s[newest * p + i] = trial[i] - lambda[i];
			y[newest * p + i] = g[i] - g2[i];
		}
		/* y is the change of the negative gradient, as minimising. */
		alpha_tmp = dot(s + newest * p, y + newest * p, p);
		if (alpha_tmp > 1e-12) {
			rho[newest] = 1 / alpha_tmp;
			if (npairs < LBFGS_M)
				npairs++;
		} else
			newest = (newest - 1 + LBFGS_M) % LBFGS_M;
		memcpy(lambda, trial, p * sizeof(double));
		memcpy(g, g2, p * sizeof(double));
		if (f2 - f < 1e-9 * (fabs(f) + 1)) {
			f = f2;
			break;
		}
		f = f2;
	}
	free(g);
	free(g2);
	free(dir);
	free(trial);
	free(s);
	free(y);
	free(alpha);
	return f;
}

double
lda_dmr_fit(struct lda_dmr *d, const struct lda_corpus *c,
	    const uint16_t *topics)
{
	size_t p = (size_t)d->nfeatures * (size_t)d->ntopics;
	struct counts n;
	double f;

	counts_make(&n, d, c, topics);
	f = lbfgs(d, &n, d->lambda);
	counts_free(&n);
	lda_dmr_update_alpha(d);
	memcpy(d->saved + (size_t)d->nextsaved * p, d->lambda,
	       p * sizeof(double));
	d->nextsaved = (d->nextsaved + 1) % LDA_DMR_SAVED;
	if (d->nsaved < LDA_DMR_SAVED)
		d->nsaved++;
	d->fits++;
	return f;
}

void
lda_dmr_write_lambda(struct writer *w, const struct lda_dmr *d)
{
	const struct lda_dmr_covariate *cv;
	const int k = d->ntopics;
	int j, l, t;

	for (t = 0; t < k; t++)
		writer_printf(w, "(intercept)\t-\t%d\t%.6f\n", t, d->lambda[t]);
	for (j = 0; j < d->ncovariates; j++) {
		cv = &d->cov[j];
		for (l = 0; l < lda_dmr_nfeatures(cv); l++)
			for (t = 0; t < k; t++)
				writer_printf(
				    w, "%s\t%s\t%d\t%.6f\n", cv->name,
				    cv->numeric ? "sd" : cv->level[l + 1], t,
				    d->lambda[(size_t)(cv->first + l) * k + t]);
	}
}

/*
 * The features of a document at level l of covariate cv, the others at
 * their reference or mean: xf[0..2), xv[0..2).
 */
static void
features_at(const struct lda_dmr_covariate *cv, int l, uint32_t *xf, double *xv)
{
	xf[0] = 0;
	xv[0] = 1;
	xf[1] = (uint32_t)cv->first;
	xv[1] = 0;
	if (cv->numeric)
		xv[1] = (cv->value[l] - cv->mean) / cv->sd;
	else if (l > 0) {
		xf[1] = (uint32_t)(cv->first + l - 1);
		xv[1] = 1;
	}
}

void
lda_dmr_write_effects(struct writer *w, const struct lda_dmr *d)
{
	const struct lda_dmr_covariate *cv;
	const size_t k = (size_t)d->ntopics, p = (size_t)d->nfeatures * k;
	uint32_t xf[2];
	double xv[2];
	double *mean = xmalloc(k * sizeof(double));
	double *lo = xmalloc(k * sizeof(double));
	double *hi = xmalloc(k * sizeof(double));
	double *a = xmalloc(k * sizeof(double)), sum;
	int j, l, s;
	size_t t;

	for (j = 0; j < d->ncovariates; j++) {
		cv = &d->cov[j];
		for (l = 0; l < cv->nlevels; l++) {
			features_at(cv, l, xf, xv);
			sum = prior(xf, xv, 2, d->lambda, (int)k, a);
			for (t = 0; t < k; t++)
				lo[t] = hi[t] = mean[t] = a[t] / sum;
			for (s = 0; s < d->nsaved; s++) {
				sum = prior(xf, xv, 2, d->saved + (size_t)s * p,
					    (int)k, a);
				for (t = 0; t < k; t++) {
					if (a[t] / sum < lo[t])
						lo[t] = a[t] / sum;
					if (a[t] / sum > hi[t])
						hi[t] = a[t] / sum;
				}
			}
			for (t = 0; t < k; t++)
				writer_printf(w,
					      "%s\t%s\t%zu\t%.6f\t%.6f\t"
					      "%.6f\n",
					      cv->name, cv->level[l], t,
					      mean[t], lo[t], hi[t]);
		}
	}
	free(mean);
	free(lo);
	free(hi);
	free(a);
}
