# Reference implementation of sp's weighted log-odds ratios.  Reads a
# count table, GROUP TAB ITEM TAB COUNT, and writes for each row of it:
#
#	GROUP ITEM A B DELTA VAR Z
#
# by default Monroe, Colaresi & Quinn (2008) eqn 16-21, the group against
# all the others, with the informative prior alpha_w = alpha0 * n_w / N
# (-v alpha0=X; the default is N, so alpha_w = n_w);  with -v tidylo=1,
# what tidylo's bind_log_odds computes, done as it does it, row by row on
# pseudo-counts (B is then the item's count in the whole table).  Usage:
#	awk -f tests/ref/common.awk -f tests/ref/logodds.awk table
BEGIN {
	FS = OFS = "\t"
}
NF >= 3 {
	g = ref_group()
	w = $(NF - 1)
	if (!((g, w) in count)) {
		rows++
		rowg[rows] = g
		roww[rows] = w
	}
	count[g, w] += $NF
	total[g] += $NF
	item[w] += $NF
	n += $NF
}

function monroe(g, w,    a, b, c, d, aw, a0, yi, yj, delta, var) {
	a = count[g, w]
	b = item[w] - a
	c = total[g]
	d = n - c
	a0 = alpha0 == "" ? n : alpha0
	aw = a0 * item[w] / n
	yi = a + aw
	yj = b + aw
	delta = var = 0
	if (c > 0 && d > 0 && c + a0 - yi > 0 && d + a0 - yj > 0) {
		delta = log(yi / (c + a0 - yi)) - log(yj / (d + a0 - yj))
		var = 1 / yi + 1 / yj
	}
	print g, w, a, b, ref_num(delta), ref_num(var),
	    ref_num(var > 0 ? delta / sqrt(var) : 0)
}

# tidylo: every row's count plus the word's total is its pseudo-count
# y_wi; y_w sums them over the word's rows, n_i over the group's rows,
# and the odds of the row are compared with the word's in all rows.
function tidylo_rows(    r, g, w, y, yw, ni, sum, delta, var) {
	for (r = 1; r <= rows; r++) {
		y[r] = count[rowg[r], roww[r]] + item[roww[r]]
		yw[roww[r]] += y[r]
		ni[rowg[r]] += y[r]
		sum += y[r]
	}
	for (r = 1; r <= rows; r++) {
		g = rowg[r]
		w = roww[r]
		# A group of one word, a table of one word: no odds against.
		delta = var = 0
		if (ni[g] > y[r] && sum > yw[w]) {
			delta = log(y[r] / (ni[g] - y[r])) - \
			    log(yw[w] / (sum - yw[w]))
			var = 1 / y[r] + 1 / yw[w]
		}
		print g, w, count[g, w], item[w], ref_num(delta),
		    ref_num(var), ref_num(var > 0 ? delta / sqrt(var) : 0)
	}
}

END {
	if (tidylo)
		tidylo_rows()
	else
		for (r = 1; r <= rows; r++)
			monroe(rowg[r], roww[r])
}
