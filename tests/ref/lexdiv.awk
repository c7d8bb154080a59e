# Lexical diversity of each group of a token stream, written from the
# published definitions (not from lib/lexdiv.c), by brute force: every
# MATTR window and every MTLD factor is counted afresh.  To check sp.
# Input lines: GROUP TAB ... TAB TOKEN (the first field is the group, the
# last the token; groups need not be contiguous).  Output, groups in order
# of first appearance: GROUP TOKENS TYPES TTR C R CTTR MAAS K MATTR MSTTR
# MTLD, each measure printed with fmt (default %.4f), NA where undefined.
# Variables: window (MATTR, 100), segment (MSTTR, 100), threshold (MTLD,
# 0.72).  Usage: awk -F '\t' -v window=100 -f tests/ref/lexdiv.awk FILE
BEGIN {
	OFS = "\t"
	if (fmt == "") fmt = "%.4f"
	if (window == "") window = 100
	if (segment == "") segment = 100
	if (threshold == "") threshold = 0.72
}
{
	g = $1
	if (!(g in len)) {
		order[++ngroups] = g
		len[g] = 0
	}
	tok[g, ++len[g]] = $NF
}
function num(x) { return sprintf(fmt, x) }
function log10(x) { return log(x) / log(10) }
# Types among tokens a..b of group g.
function types_in(g, a, b,    i, n, seen) {
	split("", seen)
	n = 0
	for (i = a; i <= b; i++)
		if (!(tok[g, i] in seen)) {
			seen[tok[g, i]] = 1
			n++
		}
	return n
}
# MTLD factors of one pass: step is 1 (forward) or -1 (backward).
function factors(g, N, step,    i, k, f, types, tokens, seen, ttr) {
	split("", seen)
	f = 0; types = 0; tokens = 0
	for (k = 1; k <= N; k++) {
		i = step > 0 ? k : N + 1 - k
		if (!(tok[g, i] in seen)) {
			seen[tok[g, i]] = 1
			types++
		}
		tokens++
		ttr = types / tokens
		if (ttr <= threshold) {
			f++
			types = 0; tokens = 0
			split("", seen)
		}
	}
	# The partial factor of the rest.
	if (tokens > 0)
		f += (1 - types / tokens) / (1 - threshold)
	return f
}
END {
	for (o = 1; o <= ngroups; o++) {
		g = order[o]
		N = len[g]
		split("", count)
		V = 0
		for (i = 1; i <= N; i++)
			if (count[tok[g, i]]++ == 0)
				V++
		sumsq = 0
		for (t in count)
			sumsq += count[t] * count[t]
		if (N == 0) {
			print g, 0, 0, "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA"
			continue
		}
		ttr = num(V / N)                             # type-token ratio
		r = num(V / sqrt(N))                         # Guiraud 1954
		cttr = num(V / sqrt(2 * N))                  # Carroll 1964
		k = num(10000 * (sumsq - N) / (N * N))       # Yule 1944
		c = "NA"; maas = "NA"
		if (N > 1) {
			c = num(log(V) / log(N))                     # Herdan 1960
			maas = num((log10(N) - log10(V)) / log10(N) ^ 2)  # Maas 1972
		}
		# Covington & McFall 2010: the mean TTR of every full window.
		mattr = "NA"
		if (N >= window) {
			sum = 0
			for (s = 1; s + window - 1 <= N; s++)
				sum += types_in(g, s, s + window - 1) / window
			mattr = num(sum / (N - window + 1))
		}
		# Johnson 1944: the mean TTR of the full segments.
		msttr = "NA"
		nseg = int(N / segment)
		if (nseg > 0) {
			sum = 0
			for (s = 0; s < nseg; s++)
				sum += types_in(g, s * segment + 1, (s + 1) * segment) / segment
			msttr = num(sum / nseg)
		}
		# McCarthy & Jarvis 2010: N / factors, forward and backward.
		ff = factors(g, N, 1)
		fb = factors(g, N, -1)
		mtld = "NA"
		if (ff > 0 && fb > 0)
			mtld = num((N / ff + N / fb) / 2)
		print g, N, V, ttr, c, r, cttr, maas, k, mattr, msttr, mtld
	}
}
