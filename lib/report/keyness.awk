# until sp-count --keyness-all: keyness of every group of a count table
# against all the other groups, in one pass, as sp-count will write it:
#
#	GROUP TAB ITEM TAB TARGET TAB REFERENCE TAB G2 TAB CHI2 TAB LOG-RATIO
#
# the first `top` items of each group that are relatively more frequent
# in it than in the rest, ordered by G2 descending, then Log Ratio
# descending, then the item bytewise (lib/keyness.h's keyness_rank_cmp),
# groups in the order of the table.  The measures are those of sp-count(1)
# and lib/keyness.c: an item seen a times among the c tokens of the group
# and b times among the d tokens of the rest gives the table
#
#		group	rest
#	item	a	b
#	other	c - a	d - b		N = c + d
#
# G2 = 2 sum O ln(O/E) over the four cells (Dunning 1993; quanteda's
# textstat_keyness "lr" without Williams' correction, AntConc 4), CHI2 is
# Pearson's over the four cells without Yates' correction, Log Ratio =
# log2((a/c) / (b/d)) with a zero count taken as 0.5 (Hardie 2014).
#
# Usage: awk -F '\t' -v top=20 -f keyness.awk COUNTS COUNTS
# (the table twice: the first pass sums, the second scores).
BEGIN {
	OFS = "\t"
	if (top == "")
		top = 20
}

FNR == 1 {
	pass++
}

pass == 1 {
	total[$1] += $3
	item[$2] += $3
	n += $3
	next
}

{
	g = $1
	w = $2
	a = $3
	c = total[g]
	d = n - c
	b = item[w] - a
	if (a * d <= b * c || d == 0)
		next
	# A row is only worth scoring if it can enter the group's list.
	score(a, b, c, d)
	k = kept[g] + 0
	if (k == 0)
		groups[++ngroups] = g
	if (k == top && !better(g2, lr, w, key[g, k], ratio[g, k], word[g, k]))
		next
	if (k < top)
		kept[g] = ++k
	# Insert in order, the last one falling off a full list.
	for (i = k; i > 1 && better(g2, lr, w, key[g, i - 1], ratio[g, i - 1],
	    word[g, i - 1]); i--) {
		key[g, i] = key[g, i - 1]
		ratio[g, i] = ratio[g, i - 1]
		word[g, i] = word[g, i - 1]
		row[g, i] = row[g, i - 1]
	}
	key[g, i] = g2
	ratio[g, i] = lr
	word[g, i] = w
	row[g, i] = sprintf("%s\t%s\t%.0f\t%.0f\t%.4f\t%.4f\t%.4f", g, w, a, b,
	    g2, chi2, lr)
}

END {
	for (j = 1; j <= ngroups; j++) {
		g = groups[j]
		for (i = 1; i <= kept[g]; i++)
			print row[g, i]
	}
}

# Whether the row (g2, lr, w) comes before the row (g2b, lrb, wb).  Items
# with the same counts have the same figures, so they tie exactly; the
# items are compared as strings, bytewise in the C locale.
function better(g2, lr, w, g2b, lrb, wb) {
	if (g2 != g2b)
		return g2 > g2b
	if (lr != lrb)
		return lr > lrb
	return w "" < wb ""
}

# Set g2, chi2 and lr for the item (a, b) in a group of c and a rest of d.
function score(a, b, c, d,    nn, r1, r2, o, e, i, dev, a1, b1) {
	nn = c + d
	r1 = a + b
	r2 = nn - r1
	o[1] = a; o[2] = b; o[3] = c - a; o[4] = d - b
	e[1] = r1 * c / nn; e[2] = r1 * d / nn
	e[3] = r2 * c / nn; e[4] = r2 * d / nn
	g2 = 0
	chi2 = 0
	for (i = 1; i <= 4; i++) {
		if (e[i] <= 0)
			continue
		if (o[i] > 0)
			g2 += o[i] * log(o[i] / e[i])
		dev = o[i] - e[i]
		chi2 += dev * dev / e[i]
	}
	g2 *= 2
	a1 = a > 0 ? a : 0.5
	b1 = b > 0 ? b : 0.5
	lr = log((a1 / c) / (b1 / d)) / log(2)
}
