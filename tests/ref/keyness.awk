# Reference implementation of sp's keyness measures, every group against
# all the others.  Reads a count table, GROUP TAB ITEM TAB COUNT (the group
# may be several fields), and writes for each group and each item the
# group has (with -v all=1, each item of the table):
#
#	GROUP ITEM A B G2 P G2W P G2TWO P CHI2 P CHI2Y P LR PCTDIFF
#
# A is the item's count in the group, B in all the others.  Usage:
#	awk -f tests/ref/common.awk -f tests/ref/keyness.awk [-v all=1] table
# Written from the formulas of sp-count(1), not from sp's C code: the
# statistics are the textbook sums over the cells.
BEGIN {
	FS = OFS = "\t"
}
NF >= 3 {
	g = ref_group()
	w = $(NF - 1)
	count[g, w] += $NF
	total[g] += $NF
	item[w] += $NF
	n += $NF
	groups[g] = 1
}

# 2 sum O ln(O/E) over cells o[1..k], expected e[1..k]; 0 ln 0 = 0.
function g2sum(k,    i, s) {
	s = 0
	for (i = 1; i <= k; i++)
		if (o[i] > 0)
			s += o[i] * log(o[i] / e[i])
	return 2 * s
}

function row(g, w,    a, b, c, d, sign, r1, r2, q, i, dev, g2, g2w, two,
    chi, yates, a1, b1, lr, pct) {
	a = count[g, w] + 0
	b = item[w] - a
	c = total[g]
	d = n - c
	g2 = g2w = two = chi = yates = lr = pct = 0
	if (c > 0 && d > 0 && a + b > 0) {
		sign = a * d > b * c ? 1 : a * d < b * c ? -1 : 0
		r1 = a + b
		r2 = n - a - b
		o[1] = a; o[2] = b; o[3] = c - a; o[4] = d - b
		if (r2 > 0) {
			e[1] = r1 * c / n; e[2] = r1 * d / n
			e[3] = r2 * c / n; e[4] = r2 * d / n
			g2 = sign * g2sum(4)
			q = 1 + (n / r1 + n / r2 - 1) * (n / c + n / d - 1) / (6 * n)
			g2w = g2 / q
			for (i = 1; i <= 4; i++) {
				dev = o[i] - e[i]
				if (dev < 0)
					dev = -dev
				chi += dev * dev / e[i]
				if (dev > 0.5)
					yates += (dev - 0.5) * (dev - 0.5) / e[i]
			}
			chi *= sign
			yates *= sign
		}
		# The two-term form: the item's row only.
		e[1] = c * r1 / n; e[2] = d * r1 / n
		two = sign * g2sum(2)
		a1 = a > 0 ? a : 0.5
		b1 = b > 0 ? b : 0.5
		lr = log((a1 / c) / (b1 / d)) / log(2)
		pct = 100 * (a / c - b1 / d) / (b1 / d)
	}
	print g, w, a, b, ref_num(g2), ref_p(g2), ref_num(g2w), ref_p(g2w),
	    ref_num(two), ref_p(two), ref_num(chi), ref_p(chi),
	    ref_num(yates), ref_p(yates), ref_num(lr), ref_num(pct)
}

END {
	for (g in groups)
		for (w in item)
			if (all || count[g, w] > 0)
				row(g, w)
}
