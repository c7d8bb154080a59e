# The concordance of make report's page: a few lines of each key term,
# sampled deterministically across the periods (or, without dates, the
# documents), and cut to whole words.  Reads docs.tsv, keyterms.dict and
# kwic.tsv (sp-grep --kwic=WIDTH --dict: DOC PARA SENT TERM LEFT MATCH
# RIGHT), kwic.tsv twice: the first pass counts the matches of each term
# in each bucket (period or document), the second takes the chosen ones.
# Writes TERM TAB DOC TAB PERIOD TAB SENT TAB LEFT TAB MATCH TAB RIGHT,
# by term (in the dictionary's order), then in the order of the buckets.
#
# The rule: with B buckets holding the term, the lines come from the
# buckets at the evenly spaced places round(j (B - 1) / (per - 1)),
# j = 0 .. per - 1 (each bucket once), each the middle match of its
# bucket; with fewer buckets than per, bucket i gets floor(per i / B) -
# floor(per (i - 1) / B) lines, evenly spaced among its matches.
# A context as wide as WIDTH (sp-grep's) may start or end inside a word:
# that word is dropped, and so are words beyond SHOW characters; an
# ellipsis shows the cut.
#
# Usage: awk -F '\t' -v per=6 -v width=60 -v show=40 -f kwic-sample.awk \
#	DOCS DICT KWIC KWIC
BEGIN {
	OFS = "\t"
	if (per == "")
		per = 6
	if (width == "")
		width = 60
	if (show == "")
		show = width
	ELLIPSIS = "\342\200\246"
	CONT = bytes(128, 191)	# the continuation bytes of UTF-8
}

# A bracket expression of the bytes lo to hi, listed one by one: a range
# of bytes above 127 is not portable (gawk --posix rejects it).
function bytes(lo, hi,    s, i) {
	s = "["
	for (i = lo; i <= hi; i++)
		s = s sprintf("%c", i)
	return s "]"
}

# Which operand a line is from: the next one with this name, so that an
# empty one (which has no first line) does not shift the others.  The
# terms' lines are chosen when the second pass starts.
FNR == 1 {
	for (part++; part < ARGC && ARGV[part] != FILENAME; part++)
		;
	if (part == 4)
		for (t = 1; t <= nterms; t++)
			choose(terms[t])
}

# The documents: each one's period, if any, is its bucket.
part == 1 {
	period[$1] = $3
	if ($3 != "")
		dated = 1
	next
}

part == 2 {
	terms[++nterms] = $1
	next
}

part == 3 {
	b = bucket($1)
	if (!(($4, b) in count)) {
		nb[$4]++
		buckets[$4, nb[$4]] = b
	}
	count[$4, b]++
	next
}

part == 4 {
	b = bucket($1)
	i = ++seen[$4, b]
	if (($4, b, i) in want)
		line[want[$4, b, i]] = $0
	next
}

# Periods sort as text (2019, 2019-03, 2010s); documents stay in order.
function bucket(doc) {
	return dated ? period[doc] : doc
}

END {
	for (t = 1; t <= nterms; t++) {
		term = terms[t]
		for (j = 1; j <= nout[term]; j++) {
			k = term SUBSEP j
			if (!(k in line))
				continue
			n = split(line[k], f, "\t")
			print term, f[1], period[f[1]], f[3], trim_left(f[5]),
			    f[6], trim_right(f[7])
		}
	}
}

function choose(term,    B, j, i, b, pick, m, c, taken) {
	B = nb[term]
	if (B == 0)
		return
	if (dated)
		sort_buckets(term, B)
	if (B >= per) {
		for (j = 0; j < per; j++) {
			i = per > 1 ? int(j * (B - 1) / (per - 1) + 0.5) + 1 : 1
			if (i in taken)
				continue
			taken[i] = 1
			b = buckets[term, i]
			c = count[term, b]
			pick_line(term, b, int((c + 1) / 2))
		}
		return
	}
	# Fewer buckets than lines: bucket i gets floor(per i / B) -
	# floor(per (i - 1) / B) of them, evenly spaced in it.
	for (i = 1; i <= B; i++) {
		b = buckets[term, i]
		c = count[term, b]
		m = int(per * i / B) - int(per * (i - 1) / B)
		for (j = 1; j <= m && j <= c; j++) {
			pick = int(j * (c + 1) / (m + 1))
			if (pick < 1)
				pick = 1
			if (!((term, b, pick) in want))
				pick_line(term, b, pick)
		}
	}
}

function pick_line(term, b, i) {
	want[term, b, i] = term SUBSEP (++nout[term])
}

# Insertion sort of the term's buckets (periods) as text.
function sort_buckets(term, B,    i, j, x) {
	for (i = 2; i <= B; i++) {
		x = buckets[term, i]
		for (j = i - 1; j >= 1 && buckets[term, j] "" > x ""; j--)
			buckets[term, j + 1] = buckets[term, j]
		buckets[term, j + 1] = x
	}
}

# The number of characters of UTF-8 text s.
function chars(s) {
	return length(s) - gsub(CONT, "", s)
}

# The left context cut to whole words and at most show characters: a
# context as wide as width may start inside a word, which goes.
function trim_left(s,    cut) {
	cut = 0
	if (chars(s) >= width) {
		cut = 1
		if (!sub(/^[^ ]* /, "", s))
			s = ""
	}
	while (chars(s) > show) {
		cut = 1
		if (!sub(/^[^ ]* /, "", s))
			s = ""
	}
	return cut ? ELLIPSIS s : s
}

function trim_right(s,    cut) {
	cut = 0
	if (chars(s) >= width) {
		cut = 1
		if (!sub(/ [^ ]*$/, "", s))
			s = ""
	}
	while (chars(s) > show) {
		cut = 1
		if (!sub(/ [^ ]*$/, "", s))
			s = ""
	}
	return cut ? s ELLIPSIS : s
}
