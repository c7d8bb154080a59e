# Shared functions of the reference implementations in tests/ref: the
# upper tail of chi-squared with 1 df and the text forms of numbers, as
# sp prints them.  Written from the textbook, not from sp's C code: the
# tail is the regularized incomplete gamma function Q(1/2, x/2), by its
# series below 1.5 and its continued fraction above (Press et al.,
# Numerical Recipes, 6.2), kept in logarithms so that no p underflows.

# ln Q(1/2, y): the log of P(X >= 2y) for X chi-squared with 1 df.
function ref_lnq(y,    a, gln, ap, sum, del, b, c, d, h, an, i, tiny) {
	if (y <= 0)
		return 0
	a = 0.5
	gln = log(sqrt(3.14159265358979323846))	# ln Gamma(1/2)
	if (y < a + 1) {
		ap = a
		sum = del = 1 / a
		for (i = 1; i <= 500; i++) {
			ap++
			del *= y / ap
			sum += del
			if (del < sum * 1e-17)
				break
		}
		return log(1 - sum * exp(-y + a * log(y) - gln))
	}
	tiny = 1e-300
	b = y + 1 - a
	c = 1 / tiny
	d = 1 / b
	h = d
	for (i = 1; i <= 500; i++) {
		an = -i * (i - a)
		b += 2
		d = an * d + b
		if (d < tiny && d > -tiny)
			d = tiny
		c = b + an / c
		if (c < tiny && c > -tiny)
			c = tiny
		d = 1 / d
		del = d * c
		h *= del
		if (del - 1 < 1e-16 && 1 - del < 1e-16)
			break
	}
	return -y + a * log(y) - gln + log(h)
}

# The p-value of statistic x (its absolute value) as sp prints it: %.3e,
# and below 1e-300 mantissa and exponent from log10 p.
function ref_p(x,    lq, l, e, m, s) {
	if (x < 0)
		x = -x
	lq = ref_lnq(x / 2)
	if (exp(lq) >= 1e-300)
		return sprintf("%.3e", exp(lq))
	l = lq / log(10)
	e = int(l)
	if (e > l)
		e--
	m = exp((l - e) * log(10))
	s = sprintf("%.3f", m)
	if (s == "10.000") {
		s = "1.000"
		e++
	}
	return s "e" sprintf("%.0f", e)
}

# A measure with four decimals, never "-0.0000".
function ref_num(x,    s) {
	s = sprintf("%.4f", x)
	return s == "-0.0000" ? "0.0000" : s
}

# The key (group) and item of a count table row [GROUP TAB ...] ITEM TAB
# COUNT: the group is every field before the last two.
function ref_group(    g, i) {
	g = $1
	for (i = 2; i <= NF - 2; i++)
		g = g "\t" $i
	return g
}
