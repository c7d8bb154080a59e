# Reference implementation of sp's dispersion measures.  Reads a count
# table, GROUP TAB ITEM TAB COUNT, whose groups are the parts of the corpus
# and whose group totals are their sizes, and writes for each item
#
#	ITEM F RANGE DP DPNORM D
#
# with, over all p parts (those without the item too), s_i = size_i / N:
# DP = 1/2 sum |v_i / f - s_i| (Gries 2008), DPnorm = DP / (1 - min s_i)
# (Lijffijt & Gries 2012), D = 1 - (sigma / mu) / sqrt(p - 1) of the
# frequencies per token v_i / size_i, sigma with divisor p (Juilland).
# One part: DP = DPnorm = 0, D = 1.  Usage:
#	awk -f tests/ref/common.awk -f tests/ref/dispersion.awk table
BEGIN {
	FS = OFS = "\t"
}
NF >= 3 {
	g = ref_group()
	w = $(NF - 1)
	count[g, w] += $NF
	size[g] += $NF
	item[w] += $NF
	n += $NF
}

END {
	p = 0
	for (g in size) {
		p++
		if (p == 1 || size[g] < smallest)
			smallest = size[g]
	}
	for (w in item) {
		f = item[w]
		range = dp = mean = var = 0
		for (g in size) {
			v = count[g, w] + 0
			range += v > 0
			dp += (v / f - size[g] / n >= 0 ? 1 : -1) * \
			    (v / f - size[g] / n)
			mean += v / size[g]
		}
		dp /= 2
		mean /= p
		for (g in size)
			var += (count[g, w] / size[g] - mean) ^ 2
		if (p > 1) {
			dpnorm = dp / (1 - smallest / n)
			d = 1 - (sqrt(var / p) / mean) / sqrt(p - 1)
		} else {
			dp = dpnorm = 0
			d = 1
		}
		print w, f, range, ref_num(dp), ref_num(dpnorm), ref_num(d)
	}
}
