# npmi.awk: the neutral evaluator of tests/bench/topics-compare.sh.  The
# mean NPMI coherence of the top words of each topic of one or more models,
# with the same code for every model.
#
# usage: awk [-v by=2] [-v top=10] -f npmi.awk KEYS... TOKENS
#
# KEYS are topic-key files in sp-topics' format ('TOPIC TAB ALPHA TAB
# WORDS', words separated by single spaces, best first); the model's name
# is the file's name without its directory and extension.  TOKENS, the
# last argument, is the reference corpus: token records ('KEY... TAB
# TOKEN'); a document is the group of records sharing their first BY key
# fields (2: paragraphs of sp-split | sp-tokens output), adjacent or not.
#
# Co-occurrence is boolean, by document: with D documents, D(w) those that
# contain w and D(a,b) those that contain both,
#   p(w) = D(w)/D, p(a,b) = D(a,b)/D,
#   NPMI(a,b) = log(p(a,b) / (p(a) p(b))) / -log p(a,b),
# -1 for a pair that never co-occurs, +1 for one in every document.  A
# topic's coherence is the mean NPMI over all pairs of its first TOP words;
# a model's the mean over its topics (with the min and max).
#
# Output, TAB-separated: 'topic MODEL TOPIC NPMI WORDS' for every topic,
# then 'model MODEL TOPICS MEAN MIN MAX' for every model, in input order;
# then 'corpus DOCUMENTS TOKENS'.
BEGIN {
	FS = "\t"
	if (by == "") by = 2
	if (top == "") top = 10
	tokens = ARGV[ARGC - 1]
	nmodels = 0
}
FILENAME != tokens {
	if (FNR == 1) {
		name = FILENAME
		sub(/.*\//, "", name)
		sub(/\.[^.]*$/, "", name)
		model[++nmodels] = name
		ntop[nmodels] = 0
	}
	if (NF < 3)
		next
	t = ++ntop[nmodels]
	tid[nmodels, t] = $1
	n = split($3, w, " ")
	if (n > top) n = top
	nw[nmodels, t] = n
	list = ""
	for (i = 1; i <= n; i++) {
		tw[nmodels, t, i] = w[i]
		want[w[i]] = 1
		list = list (i > 1 ? " " : "") w[i]
	}
	words[nmodels, t] = list
	next
}
{
	if (NF <= by)
		next
	key = $1
	for (i = 2; i <= by; i++)
		key = key FS $i
	if (!(key in docs)) {
		docs[key] = 1
		D++
	}
	ntokens++
	x = $NF
	if ((x in want) && !((key, x) in seen)) {
		seen[key, x] = 1
		dw[key] = (key in dw) ? dw[key] SUBSEP x : x
	}
}
END {
	# Document frequencies and pair co-occurrence, words of interest only.
	for (key in dw) {
		n = split(dw[key], l, SUBSEP)
		for (i = 1; i <= n; i++) {
			df[l[i]]++
			for (j = i + 1; j <= n; j++) {
				a = l[i]; b = l[j]
				if (b < a) { a = l[j]; b = l[i] }
				co[a, b]++
			}
		}
	}
	for (m = 1; m <= nmodels; m++) {
		sum = 0; min = 2; max = -2
		for (t = 1; t <= ntop[m]; t++) {
			s = 0; pairs = 0
			for (i = 1; i <= nw[m, t]; i++)
				for (j = i + 1; j <= nw[m, t]; j++) {
					s += npmi(tw[m, t, i], tw[m, t, j])
					pairs++
				}
			c = pairs ? s / pairs : 0
			printf "topic\t%s\t%s\t%.4f\t%s\n", model[m], tid[m, t], c,
			    words[m, t]
			sum += c
			if (c < min) min = c
			if (c > max) max = c
		}
		printf "model\t%s\t%d\t%.4f\t%.4f\t%.4f\n", model[m], ntop[m],
		    ntop[m] ? sum / ntop[m] : 0, min, max
	}
	printf "corpus\t%d\t%d\n", D, ntokens
}
function npmi(x, y,    a, b, dab, pab) {
	a = x; b = y
	if (b < a) { a = y; b = x }
	dab = ((a, b) in co) ? co[a, b] : 0
	if (dab == 0 || D == 0)
		return -1
	if (dab == D)
		return 1
	pab = dab / D
	return log(pab / ((df[a] / D) * (df[b] / D))) / -log(pab)
}
