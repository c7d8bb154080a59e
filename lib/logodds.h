/*
 * The weighted log-odds ratio with an informative Dirichlet prior ("Fightin'
 * Words", Monroe, Colaresi & Quinn 2008, Political Analysis 16(4), 372-403,
 * section 3.5): which words distinguish one group's speech from another's,
 * shrunk towards the corpus so that rare words do not top the list.
 *
 * With the item seen a times among the c tokens of the target group and b
 * times among the d tokens of the reference (all other groups), a prior
 * alpha_w for the item and alpha0 for all items (eqn 16, 19-21):
 *
 *	delta = ln((a + alpha_w) / (c + alpha0 - a - alpha_w))
 *	      - ln((b + alpha_w) / (d + alpha0 - b - alpha_w))
 *	var   = 1 / (a + alpha_w) + 1 / (b + alpha_w)
 *	z     = delta / sqrt(var)
 *
 * The informative prior comes from the whole table: alpha_w = alpha0 n_w / N
 * with n_w = a + b the item's count and N = c + d all tokens, so the prior
 * is the corpus's own word distribution scaled to a mass alpha0.
 * logodds_prior computes it; the default alpha0 = N makes alpha_w = n_w,
 * the prior of tidylo's bind_log_odds (see logodds_tidylo for where tidylo
 * computes something else).  A larger alpha0 shrinks more.
 *
 * z is positive when the item is relatively more frequent in the target.
 * Where a term is undefined (an empty target or reference, an item that
 * is every token) every output is 0.
 */
#ifndef SP_LOGODDS_H
#define SP_LOGODDS_H

struct logodds {
	double delta; /* the log-odds ratio, natural log */
	double var;   /* its approximate variance */
	double z;     /* delta / sqrt(var) */
};

/* alpha_w = alpha0 * count / total, 0 if total is 0. */
double logodds_prior(double count, double total, double alpha0);

/* Monroe et al.'s eqn 16-21 for target (a of c) against reference (b of d). */
void logodds_monroe(double a, double b, double c, double d, double alpha_w,
		    double alpha0, struct logodds *out);

/*
 * What tidylo's bind_log_odds(uninformative = FALSE) computes for the row
 * (group i, word w) of a tidy count table, which has a row for each word
 * a group has (count > 0) and none for the others.  It adds n_w, the
 * word's count in the whole table, to every row's count as the prior, and
 * compares group i not with the other groups but with the whole table,
 * i included, all in pseudo-counts:
 *
 *	y_wi = a + n_w			the row's count with its prior
 *	n_i  = c + P_i			P_i: the n_w of the words group i has
 *	y_w  = n_w (1 + df_w)		df_w: the number of groups with w
 *	S    = N + sum over all rows of n_w
 *	delta = ln(y_wi / (n_i - y_wi)) - ln(y_w / (S - y_w))
 *	var   = 1 / y_wi + 1 / y_w
 *
 * a is the row's count, c the group's tokens.  Every input is a sum over
 * rows of the count table, so it can be had from merged tables.
 */
void logodds_tidylo(double a, double n_w, double df_w, double c, double prior_i,
		    double total_pseudo, struct logodds *out);

#endif
