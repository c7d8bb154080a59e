# Reference implementation of sp-topics' FREX words and exclusivity, for
# tests/sp-topics.bats: written from the definitions in sp-topics(1) and R's
# stm package (labelTopics' calcfrex with its James-Stein shrinkage, and
# exclusivity()), not from sp's C code.
#
# usage: awk -v k=K -v beta=B -v w=0.5 -v top=N -f frex.awk WORD-TOPICS
#
# WORD-TOPICS is sp-topics --word-topics output (WORD TAB TOPIC TAB COUNT),
# from a model fitted with --beta B and --optimize-interval 0, so that beta
# is B.  Prints, for each topic, TOPIC TAB EXCLUSIVITY TAB FREX WORDS, the
# exclusivity with four decimals and the top N words by FREX with weight w.
BEGIN {
	FS = "\t"
}
{
	if (!($1 in seen)) {
		seen[$1] = 1
		word[++v] = $1
	}
	n[$1, $2] += $3
	total[$2] += $3
	count[$1] += $3
}
END {
	for (t = 0; t < k; t++)
		inv[t] = 1 / (total[t] + beta * v)
	for (i = 1; i <= v; i++) {
		x = word[i]
		s = 0
		for (t = 0; t < k; t++) {
			phi[t, i] = (n[x, t] + beta) * inv[t]
			s += phi[t, i]
		}
		sq = 0
		dev = 0
		for (t = 0; t < k; t++) {
			e[t, i] = phi[t, i] / s
			sq += e[t, i] * e[t, i]
			dev += (e[t, i] - 1 / k) * (e[t, i] - 1 / k)
		}
		if (count[x] <= 1)
			lambda = 1
		else if (dev == 0)
			lambda = 0
		else {
			lambda = (1 - sq) / ((count[x] - 1) * dev)
			if (lambda > 1)
				lambda = 1
			if (lambda < 0)
				lambda = 0
		}
		for (t = 0; t < k; t++)
			js[t, i] = lambda / k + (1 - lambda) * e[t, i]
	}
	for (t = 0; t < k; t++) {
		for (i = 1; i <= v; i++) {
			a[i] = phi[t, i]
			b[i] = js[t, i]
			c[i] = e[t, i]
		}
		ecdf(a, rf)
		ecdf(b, rj)
		ecdf(c, re)
		# FREX words: by score, then bytewise.
		for (i = 1; i <= v; i++) {
			idx[i] = i
			score[i] = 1 / (w / rj[i] + (1 - w) / rf[i])
		}
		for (i = 2; i <= v; i++) {
			y = idx[i]
			for (j = i - 1; j >= 1 && (score[idx[j]] < score[y] ||
			    (score[idx[j]] == score[y] &&
			    word[idx[j]] > word[y])); j--)
				idx[j + 1] = idx[j]
			idx[j + 1] = y
		}
		list = ""
		for (i = 1; i <= top && i <= v; i++)
			list = list (i > 1 ? " " : "") word[idx[i]]
		# Exclusivity: FREX 0.7, unshrunk, over the top words by count.
		for (i = 1; i <= v; i++)
			idx[i] = i
		for (i = 2; i <= v; i++) {
			y = idx[i]
			for (j = i - 1; j >= 1 &&
			    (n[word[idx[j]], t] < n[word[y], t] ||
			    (n[word[idx[j]], t] == n[word[y], t] &&
			    word[idx[j]] > word[y])); j--)
				idx[j + 1] = idx[j]
			idx[j + 1] = y
		}
		ex = 0
		for (i = 1; i <= top && i <= v && n[word[idx[i]], t] > 0; i++)
			ex += 1 / (0.7 / re[idx[i]] + (1 - 0.7) / rf[idx[i]])
		printf "%d\t%.4f\t%s\n", t, ex, list
	}
}

# r[i] = rank of val[i] among val[1..v] over v, ties given their mean rank.
function ecdf(val, r,    i, j, lo, hi) {
	for (i = 1; i <= v; i++) {
		lo = 0
		hi = 0
		for (j = 1; j <= v; j++)
			if (val[j] < val[i])
				lo++
			else if (val[j] == val[i])
				hi++
		r[i] = (lo + (hi + 1) / 2) / v
	}
}
