# Reference implementation of sp's window collocation measures.  Reads
# token records (the token is the last field; a run of records with the
# same other fields is a sentence; a new file ends a run; a record with an
# empty token, a gap, takes a position and pairs with nothing) and writes,
# for the node word -v node=WORD (or every word that matches the awk
# regular expression -v pattern=RE) with a window of -v left=L tokens
# before it and -v right=R after it (in its run), every collocate:
#
#	COLLOCATE O R1 C1 N E MI T G2 P LOGDICE
#
# Counts are of pairs (token, a token within its window): N all of them,
# R1 those of the node, C1 those whose second token is the collocate, O
# both.  E = R1 C1 / N, MI = log2(O/E), t = (O - E) / sqrt(O), G2 over the
# table O, R1 - O, C1 - O, N - R1 - C1 + O (negative when O < E), P its
# p-value, logDice = 14 + log2(2 O / (f_node + f_coll)) with f the tokens
# of each word.  Usage:
#	awk -f tests/ref/common.awk -f tests/ref/colloc-window.awk \
#	    -v node=the -v left=5 -v right=5 tokens
BEGIN {
	FS = OFS = "\t"
	left += 0
	right += 0
}

# Every pair of the run in tok[1..len].
function isnode(w) {
	return pattern != "" ? w ~ pattern : w == node
}
function flush(    i, k) {
	for (i = 1; i <= len; i++)
		for (k = i - left; k <= i + right; k++) {
			if (k < 1 || k > len || k == i || tok[i] == "" ||
			    tok[k] == "")
				continue
			pairs++
			second[tok[k]]++
			if (isnode(tok[i])) {
				first++
				both[tok[k]]++
			}
		}
	len = 0
}

FNR == 1 {
	flush()
}
{
	key = $0
	sub(/[^\t]*$/, "", key)
	w = NF == 0 ? "" : $NF
	if (len > 0 && key != runkey)
		flush()
	runkey = key
	tok[++len] = w
	if (w == "")
		next
	freq[w]++
	if (isnode(w))
		fnode++
}

END {
	flush()
	for (w in both) {
		o = both[w]
		e = first * second[w] / pairs
		c[1] = o; c[2] = first - o; c[3] = second[w] - o
		c[4] = pairs - first - second[w] + o
		x[1] = first * second[w] / pairs
		x[2] = first * (pairs - second[w]) / pairs
		x[3] = (pairs - first) * second[w] / pairs
		x[4] = (pairs - first) * (pairs - second[w]) / pairs
		g2 = 0
		for (i = 1; i <= 4; i++)
			if (c[i] > 0)
				g2 += 2 * c[i] * log(c[i] / x[i])
		if (o < e)
			g2 = -g2
		print w, o, first, second[w], pairs, ref_num(e),
		    ref_num(log(o / e) / log(2)), ref_num((o - e) / sqrt(o)),
		    ref_num(g2), ref_p(g2),
		    ref_num(14 + log(2 * o / (fnode + freq[w])) / log(2))
	}
}
