/*
 * The statistics of lib/ against their second implementation, the awk
 * scripts of tests/ref/ (written from the formulas, with the textbook
 * sums): a few hundred generated count tables and texts go through both,
 * and every line must agree to the printed precision.  A number may
 * differ in its last printed digit only where the two computations, each
 * right to about 1e-15, fall on either side of a rounding boundary; such
 * near-ties are counted and must stay rare.
 *
 * Runs from the top of the source tree (as make check does), with awk on
 * PATH.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "colloc.h"
#include "dispersion.h"
#include "keyness.h"
#include "logodds.h"
#include "pvalue.h"
#include "unit.h"

#define MAXG 6
#define MAXI 25
#define LINE 512

struct table {
	int ngroups, nitems;
	double count[MAXG][MAXI];
};

struct lines {
	char **v;
	size_t n, cap;
};

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static int near_ties, fields_compared;
static char path[] = "/tmp/sp-test-ref-XXXXXX";

/* xorshift64*: the same tables on every run. */
static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1du;
}

static double
rng_below(uint64_t n)
{
	return (double)(rng() % n);
}

static void
add_line(struct lines *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = realloc(l->v, l->cap * sizeof(*l->v));
		if (l->v == NULL)
			abort();
	}
	if ((l->v[l->n++] = strdup(s)) == NULL)
		abort();
}

static void
free_lines(struct lines *l)
{
	while (l->n > 0)
		free(l->v[--l->n]);
	free(l->v);
	l->v = NULL;
	l->cap = 0;
}

static int
by_bytes(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The sp text form of a measure: four decimals, never "-0.0000". */
static const char *
num(char *buf, double x)
{
	snprintf(buf, 32, "%.4f", x);
	if (strcmp(buf, "-0.0000") == 0)
		strcpy(buf, "0.0000");
	return buf;
}

/* Run awk with the scripts on the file at path; its lines into l. */
static void
run_awk(const char *script, const char *vars, struct lines *l)
{
	char cmd[LINE], buf[LINE];
	FILE *p;

	snprintf(cmd, sizeof(cmd),
		 "awk -f tests/ref/common.awk -f tests/ref/%s %s %s", script,
		 vars, path);
	if ((p = popen(cmd, "r")) == NULL) {
		perror("popen");
		exit(2);
	}
	while (fgets(buf, sizeof(buf), p) != NULL) {
		buf[strcspn(buf, "\n")] = '\0';
		add_line(l, buf);
	}
	if (pclose(p) != 0) {
		fprintf(stderr, "test_ref: %s failed\n", cmd);
		exit(2);
	}
}

/*
 * Two numbers printed by "%.4f" or "%.3e" that differ at most by one unit
 * of their last digit.
 */
static int
last_digit(const char *x, const char *y)
{
	const char *ex = strchr(x, 'e'), *ey = strchr(y, 'e');
	double mx, my;

	if ((ex == NULL) != (ey == NULL))
		return 0;
	mx = strtod(x, NULL);
	my = strtod(y, NULL);
	if (ex == NULL)
		return fabs(mx - my) < 1.5e-4;
	return strcmp(ex, ey) == 0 && fabs(mx - my) < 1.5e-3;
}

/* Compare the lines of C (want) and awk (got), both sorted. */
static void
compare(const char *what, struct lines *want, struct lines *got)
{
	size_t i;

	qsort(want->v, want->n, sizeof(*want->v), by_bytes);
	qsort(got->v, got->n, sizeof(*got->v), by_bytes);
	CHECK_INT(got->n, want->n);
	for (i = 0; i < want->n && i < got->n; i++) {
		char a[LINE], b[LINE], *sa, *sb, *fa, *fb;
		int ok = 1;

		if (strcmp(want->v[i], got->v[i]) == 0) {
			fields_compared++;
			continue;
		}
		strcpy(a, want->v[i]);
		strcpy(b, got->v[i]);
		fa = strtok_r(a, "\t", &sa);
		fb = strtok_r(b, "\t", &sb);
		while (fa != NULL && fb != NULL) {
			if (strcmp(fa, fb) != 0) {
				if (last_digit(fa, fb)) {
					near_ties++;
					if (getenv("SP_TEST_REF_VERBOSE"))
						fprintf(stderr,
							"%s near-tie: %s %s\n",
							what, fa, fb);
				} else
					ok = 0;
			}
			fa = strtok_r(NULL, "\t", &sa);
			fb = strtok_r(NULL, "\t", &sb);
		}
		if (fa != NULL || fb != NULL)
			ok = 0;
		if (!ok)
			fprintf(stderr, "%s:\n  C:   %s\n  awk: %s\n", what,
				want->v[i], got->v[i]);
		CHECK(ok);
	}
	free_lines(want);
	free_lines(got);
}

/*
 * A count table of 1 to 6 groups and up to 25 items: mostly small counts
 * with zeros, sometimes up to 10^8, now and then an item in every group
 * or in one only.
 */
static void
make_table(struct table *t)
{
	int g, i, scale = (int)rng_below(4);

	t->ngroups = 1 + (int)rng_below(MAXG);
	t->nitems = 1 + (int)rng_below(MAXI);
	for (g = 0; g < t->ngroups; g++)
		for (i = 0; i < t->nitems; i++) {
			double c = 0;

			if (rng_below(10) >= 4)
				c = scale == 0	 ? 1 + rng_below(5)
				    : scale == 1 ? 1 + rng_below(100)
				    : scale == 2 ? 1 + rng_below(100000)
						 : 1 + rng_below(100000000);
			t->count[g][i] = c;
		}
}

static void
write_table(const struct table *t)
{
	FILE *f = fopen(path, "w");
	int g, i;

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	for (g = 0; g < t->ngroups; g++)
		for (i = 0; i < t->nitems; i++)
			if (t->count[g][i] > 0)
				fprintf(f, "g%d\tw%d\t%.0f\n", g, i,
					t->count[g][i]);
	fclose(f);
}

/* Totals: of each group, of each item, of all. */
static void
totals(const struct table *t, double *group, double *item, double *n)
{
	int g, i;

	*n = 0;
	for (i = 0; i < t->nitems; i++)
		item[i] = 0;
	for (g = 0; g < t->ngroups; g++) {
		group[g] = 0;
		for (i = 0; i < t->nitems; i++) {
			group[g] += t->count[g][i];
			item[i] += t->count[g][i];
		}
		*n += group[g];
	}
}

static void
check_keyness(const struct table *t)
{
	double group[MAXG], item[MAXI], n, v[KEYNESS_NMEASURES];
	struct lines want = {0}, got = {0};
	int g, i, m;

	totals(t, group, item, &n);
	for (g = 0; g < t->ngroups; g++)
		for (i = 0; i < t->nitems; i++) {
			char line[LINE], b[32], p[32];
			int len;

			if (item[i] == 0 || group[g] == 0)
				continue;
			keyness_all(t->count[g][i], item[i] - t->count[g][i],
				    group[g], n - group[g], v);
			len = snprintf(
			    line, sizeof(line), "g%d\tw%d\t%.0f\t%.0f", g, i,
			    t->count[g][i], item[i] - t->count[g][i]);
			for (m = 0; m < KEYNESS_NMEASURES; m++) {
				len += snprintf(line + len, sizeof(line) - len,
						"\t%s", num(b, v[m]));
				if (keyness_has_p((enum keyness_measure)m)) {
					pvalue_format(p, sizeof(p), fabs(v[m]));
					len += snprintf(line + len,
							sizeof(line) - len,
							"\t%s", p);
				}
			}
			add_line(&want, line);
		}
	run_awk("keyness.awk", "-v all=1", &got);
	compare("keyness", &want, &got);
}

static void
check_logodds(const struct table *t, double alpha0)
{
	double group[MAXG], item[MAXI], n, a0;
	struct lines want = {0}, got = {0};
	struct logodds lo;
	char vars[64] = "", b1[32], b2[32], b3[32], line[LINE];
	int g, i;

	totals(t, group, item, &n);
	a0 = alpha0 > 0 ? alpha0 : n;
	if (alpha0 > 0)
		snprintf(vars, sizeof(vars), "-v alpha0=%.0f", alpha0);
	for (g = 0; g < t->ngroups; g++)
		for (i = 0; i < t->nitems; i++) {
			double a = t->count[g][i];

			if (a == 0)
				continue;
			logodds_monroe(a, item[i] - a, group[g], n - group[g],
				       logodds_prior(item[i], n, a0), a0, &lo);
			snprintf(line, sizeof(line),
				 "g%d\tw%d\t%.0f\t%.0f\t%s\t%s\t%s", g, i, a,
				 item[i] - a, num(b1, lo.delta),
				 num(b2, lo.var), num(b3, lo.z));
			add_line(&want, line);
		}
	run_awk("logodds.awk", vars, &got);
	compare("logodds", &want, &got);
}

static void
check_tidylo(const struct table *t)
{
	double group[MAXG], item[MAXI], n, df[MAXI] = {0}, prior[MAXG];
	double pseudo;
	struct lines want = {0}, got = {0};
	struct logodds lo;
	char b1[32], b2[32], b3[32], line[LINE];
	int g, i;

	totals(t, group, item, &n);
	pseudo = n;
	for (g = 0; g < t->ngroups; g++) {
		prior[g] = 0;
		for (i = 0; i < t->nitems; i++)
			if (t->count[g][i] > 0) {
				df[i]++;
				prior[g] += item[i];
				pseudo += item[i];
			}
	}
	for (g = 0; g < t->ngroups; g++)
		for (i = 0; i < t->nitems; i++) {
			double a = t->count[g][i];

			if (a == 0)
				continue;
			logodds_tidylo(a, item[i], df[i], group[g], prior[g],
				       pseudo, &lo);
			snprintf(line, sizeof(line),
				 "g%d\tw%d\t%.0f\t%.0f\t%s\t%s\t%s", g, i, a,
				 item[i], num(b1, lo.delta), num(b2, lo.var),
				 num(b3, lo.z));
			add_line(&want, line);
		}
	run_awk("logodds.awk", "-v tidylo=1", &got);
	compare("tidylo", &want, &got);
}

static void
check_dispersion(const struct table *t)
{
	double group[MAXG], item[MAXI], n, count[MAXG], size[MAXG];
	struct dispersion_parts parts;
	struct lines want = {0}, got = {0};
	struct dispersion d;
	char b1[32], b2[32], b3[32], line[LINE];
	int g, i;
	size_t k;

	totals(t, group, item, &n);
	parts.nparts = 0;
	parts.total = n;
	parts.min_size = n;
	for (g = 0; g < t->ngroups; g++)
		if (group[g] > 0) {
			parts.nparts++;
			parts.min_size = fmin(parts.min_size, group[g]);
		}
	for (i = 0; i < t->nitems; i++) {
		if (item[i] == 0)
			continue;
		for (g = 0, k = 0; g < t->ngroups; g++)
			if (t->count[g][i] > 0) {
				count[k] = t->count[g][i];
				size[k++] = group[g];
			}
		dispersion_measures(&parts, count, size, k, &d);
		snprintf(line, sizeof(line), "w%d\t%.0f\t%.0f\t%s\t%s\t%s", i,
			 d.freq, d.range, num(b1, d.dp), num(b2, d.dpnorm),
			 num(b3, d.juilland));
		add_line(&want, line);
	}
	run_awk("dispersion.awk", "", &got);
	compare("dispersion", &want, &got);
}

/*
 * A text of a few runs over a vocabulary of 8 words, the node one of
 * them, a window of up to 4 either side: the pairs counted here as
 * colloc.h defines them, the measures from lib, against the awk's own
 * count from the token records.
 */
static void
check_colloc(void)
{
	enum { NRUNS = 12, MAXLEN = 15, NWORDS = 8 };
	int run[NRUNS][MAXLEN], len[NRUNS], left, right, node, r, i, k;
	double o[NWORDS] = {0}, c1[NWORDS] = {0}, f[NWORDS] = {0};
	double r1 = 0, n = 0;
	struct lines want = {0}, got = {0};
	char vars[64], line[LINE], b[6][32], p[32];
	FILE *out = fopen(path, "w");

	if (out == NULL) {
		perror(path);
		exit(2);
	}
	left = (int)rng_below(5);
	right = left == 0 ? 1 + (int)rng_below(4) : (int)rng_below(5);
	node = (int)rng_below(3);
	for (r = 0; r < NRUNS; r++) {
		len[r] = 1 + (int)rng_below(MAXLEN);
		for (i = 0; i < len[r]; i++) {
			/* Low numbers are frequent, as words are. */
			run[r][i] = (int)rng_below(1 + rng_below(NWORDS));
			f[run[r][i]]++;
			fprintf(out, "d\t%d\t%d\tw%d\n", r / 4, r, run[r][i]);
		}
		if (rng_below(4) == 0)
			fputc('\n', out);
	}
	fclose(out);
	for (r = 0; r < NRUNS; r++)
		for (i = 0; i < len[r]; i++)
			for (k = i - left; k <= i + right; k++) {
				if (k < 0 || k >= len[r] || k == i)
					continue;
				n++;
				c1[run[r][k]]++;
				if (run[r][i] == node) {
					r1++;
					o[run[r][k]]++;
				}
			}
	for (i = 0; i < NWORDS; i++) {
		struct colloc_counts kc = {o[i], r1, c1[i], n, f[node], f[i]};
		struct colloc_stats s;

		if (o[i] == 0)
			continue;
		CHECK_INT(colloc_measures(&kc, &s), 0);
		pvalue_format(p, sizeof(p), fabs(s.g2));
		snprintf(line, sizeof(line),
			 "w%d\t%.0f\t%.0f\t%.0f\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s",
			 i, o[i], r1, c1[i], n, num(b[0], s.e), num(b[1], s.mi),
			 num(b[2], s.t), num(b[3], s.g2), p,
			 num(b[4], s.logdice));
		add_line(&want, line);
	}
	snprintf(vars, sizeof(vars), "-v node=w%d -v left=%d -v right=%d", node,
		 left, right);
	run_awk("colloc-window.awk", vars, &got);
	compare("colloc", &want, &got);
}

int
main(void)
{
	struct table t;
	int fd, k;

	if (access("tests/ref/common.awk", R_OK) != 0) {
		fprintf(stderr,
			"test_ref: run me from the top of the sources\n");
		return 2;
	}
	if ((fd = mkstemp(path)) < 0) {
		perror("mkstemp");
		return 2;
	}
	close(fd);
	for (k = 0; k < 250; k++) {
		make_table(&t);
		write_table(&t);
		check_keyness(&t);
		check_logodds(&t, 0);
		if (k % 5 == 0)
			check_logodds(&t, 10 + rng_below(100000));
		check_tidylo(&t);
		check_dispersion(&t);
	}
	for (k = 0; k < 100; k++)
		check_colloc();
	unlink(path);
	/* Near-ties: at most one number in a thousand lines. */
	CHECK(near_ties <= fields_compared / 1000 + 2);
	fprintf(stderr, "test_ref: %d lines alike, %d near-ties\n",
		fields_compared, near_ties);
	UNIT_DONE();
}
