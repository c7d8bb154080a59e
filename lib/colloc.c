/*
 * The window collocation measures of colloc.h; G2 is contingency.h's, with
 * the sign of o - E.
 */
#include <math.h>

#include "colloc.h"
#include "contingency.h"

int
colloc_measures(const struct colloc_counts *k, struct colloc_stats *s)
{
	struct table2 t = {k->o, k->r1 - k->o, k->c1 - k->o,
			   k->n - k->r1 - k->c1 + k->o};
	double cross;

	s->e = k->n > 0 ? k->r1 * k->c1 / k->n : 0;
	s->mi = s->t = s->logdice = 0;
	if (k->o > 0 && s->e > 0) {
		s->mi = log2(k->o / s->e);
		s->t = (k->o - s->e) / sqrt(k->o);
	}
	if (k->o > 0 && k->f_node + k->f_coll > 0)
		s->logdice = 14 + log2(2 * k->o / (k->f_node + k->f_coll));
	if (t.o11 < 0 || t.o12 < 0 || t.o21 < 0 || t.o22 < 0) {
		s->g2 = 0;
		return -1;
	}
	cross = table2_cross(&t);
	s->g2 = table2_g2(&t);
	if (cross < 0)
		s->g2 = -s->g2;
	return 0;
}
