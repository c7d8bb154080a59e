# The report page.  Reads, in this order: INDEX.tsv, sizes.tsv, topics.txt,
# doc-topics.tsv, keyness-speaker.tsv, keyterms.tsv, colloc.tsv, kwic.tsv,
# and writes HTML with inline SVG on standard output.  The colours are the
# Tableau 10 palette, so up to ten topics stay distinguishable.

function esc(s) {
	gsub(/&/, "\\&amp;", s)
	gsub(/</, "\\&lt;", s)
	gsub(/>/, "\\&gt;", s)
	gsub(/"/, "\\&quot;", s)
	return s
}

function color(i) {
	return palette[(i % 10) + 1]
}

function fmt(x) {
	return sprintf("%.1f", x)
}

BEGIN {
	split("#4e79a7 #f28e2b #e15759 #76b7b2 #59a14f #edc948 #b07aa1 " \
	    "#ff9da7 #9c755f #bab0ac", palette, " ")
	part = 0
}

# Which input this line is from: its position among the operands, so that an
# empty file (no INDEX.tsv) does not shift the others.
FILENAME != current {
	current = FILENAME
	for (part = 1; part < ARGC && ARGV[part] != FILENAME; part++)
		;
}

part == 1 {
	speaker[$1] = $2
	role[$1] = $3
	date[$1] = $5
	next
}
part == 2 {
	docs[++ndocs] = $1
	paras[$1] = $2
	sents[$1] = $3
	toks[$1] = $4
	totsents += $3
	tottoks += $4
	next
}
part == 3 {
	topic[++ntopics] = $1
	words[$1] = $3
	next
}
part == 4 {
	mix[$1, $2] = $3
	next
}
part == 5 {
	if (!($1 in nkey)) {
		speakers[++nspeakers] = $1
		nkey[$1] = 0
	}
	if (nkey[$1] < 10 && $5 + 0 > 0) {
		k = ++nkey[$1]
		keyword[$1, k] = $2
		keyg2[$1, k] = $5
	}
	next
}
part == 6 {
	if (!($1 in termseen)) {
		termseen[$1] = 1
		terms[++nterms] = $1
	}
	hits[$1, $2] = $3
	next
}
part == 7 {
	if (ncoll < 20)
		coll[++ncoll] = $0
	next
}
part == 8 {
	n = split($0, f, "\t")
	m = f[n - 1]
	if (nkwic[tolower(substr(m, 1, 6))]++ < 8)
		kwic[++nk] = $0
	next
}

END {
	print "<!DOCTYPE html>"
	print "<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
	print "<title>sp report: " esc(corpus) "</title>"
	print "<style>"
	print "body { font: 15px/1.45 system-ui, sans-serif; max-width: 62em;"
	print "  margin: 2em auto; padding: 0 1em; color: #222; }"
	print "h1, h2 { font-weight: 600; } h2 { margin-top: 2em; }"
	print "table { border-collapse: collapse; margin: 1em 0; }"
	print "th, td { padding: 0.2em 0.7em; border-bottom: 1px solid #ddd;"
	print "  text-align: left; vertical-align: top; }"
	print "td.n { text-align: right; font-variant-numeric: tabular-nums; }"
	print "td.l { text-align: right; color: #555; }"
	print "td.m { font-weight: 600; } td.r { color: #555; }"
	print "td.d { white-space: nowrap; }"
	print "svg { display: block; margin: 0.5em 0 1em; }"
	print "svg text { font: 12px system-ui, sans-serif; fill: #222; }"
	print ".note { color: #666; font-size: 90%; }"
	print "</style></head><body>"
	print "<h1>sp report: " esc(corpus) "</h1>"
	printf "<p>%d documents, %d sentences, %d tokens. ", ndocs, totsents, tottoks
	print "Made by <code>make report</code> from the tables in <code>out/</code>.</p>"

	print "<h2>Documents</h2>"
	print "<table><tr><th>document</th><th>speaker</th><th>date</th>" \
	    "<th>paragraphs</th><th>sentences</th><th>tokens</th></tr>"
	for (i = 1; i <= ndocs; i++) {
		d = docs[i]
		printf "<tr><td>%s</td><td>%s</td><td class=\"d\">%s</td>", esc(d),
		    esc(d in speaker ? speaker[d] : ""), esc(d in date ? date[d] : "")
		printf "<td class=\"n\">%d</td><td class=\"n\">%d</td>" \
		    "<td class=\"n\">%d</td></tr>\n", paras[d], sents[d], toks[d]
	}
	print "</table>"

	# Topic mix: one stacked bar per document.
	print "<h2>Topic mix per document</h2>"
	label = 200; width = 520; bar = 22; gap = 8
	h = ndocs * (bar + gap) + 10
	printf "<svg width=\"%d\" height=\"%d\" role=\"img\" " \
	    "aria-label=\"topic mix per document\">\n", label + width + 10, h
	for (i = 1; i <= ndocs; i++) {
		d = docs[i]
		y = (i - 1) * (bar + gap) + 5
		printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
		    label - 8, y + bar * 0.7, esc(d)
		x = label
		for (t = 1; t <= ntopics; t++) {
			w = mix[d, topic[t]] * width
			if (w <= 0)
				continue
			printf "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" " \
			    "height=\"%d\" fill=\"%s\"><title>%s: topic %s, " \
			    "%.0f%%</title></rect>\n", x, y, w, bar,
			    color(t - 1), esc(d), topic[t], mix[d, topic[t]] * 100
			x += w
		}
	}
	print "</svg>"
	print "<table><tr><th>topic</th><th>top words</th></tr>"
	for (t = 1; t <= ntopics; t++)
		printf "<tr><td><svg width=\"12\" height=\"12\" " \
		    "style=\"display:inline;margin:0 0.4em 0 0\"><rect width=\"12\" " \
		    "height=\"12\" fill=\"%s\"/></svg>%s</td><td>%s</td></tr>\n",
		    color(t - 1), topic[t], esc(words[topic[t]])
	print "</table>"

	# Keyness: the ten most distinctive words of each speaker.
	print "<h2>Distinctive words per speaker</h2>"
	print "<p class=\"note\">Signed log-likelihood (G²) of each word " \
	    "in the speaker's texts against all the others; stop words removed.</p>"
	for (s = 1; s <= nspeakers; s++) {
		sp = speakers[s]
		max = 0
		for (k = 1; k <= nkey[sp]; k++)
			if (keyg2[sp, k] > max)
				max = keyg2[sp, k]
		print "<h3>" esc(sp) "</h3>"
		label = 160; width = 400; bar = 14; gap = 4
		printf "<svg width=\"%d\" height=\"%d\" role=\"img\" " \
		    "aria-label=\"keyness of %s\">\n", label + width + 60,
		    nkey[sp] * (bar + gap) + 4, esc(sp)
		for (k = 1; k <= nkey[sp]; k++) {
			y = (k - 1) * (bar + gap) + 2
			w = max > 0 ? keyg2[sp, k] / max * width : 0
			printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s" \
			    "</text>\n", label - 6, y + bar - 3, esc(keyword[sp, k])
			printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" " \
			    "fill=\"%s\"/>\n", label, y, w, bar, color(s - 1)
			printf "<text x=\"%.1f\" y=\"%d\">%s</text>\n",
			    label + w + 4, y + bar - 3, fmt(keyg2[sp, k])
		}
		print "</svg>"
	}

	# Key terms: matches per 10,000 tokens, grouped by document.
	print "<h2>Key terms per document</h2>"
	print "<p class=\"note\">Matches of each word pattern per 10,000 " \
	    "tokens of the document.</p>"
	max = 0
	for (i = 1; i <= ndocs; i++)
		for (t = 1; t <= nterms; t++) {
			r = toks[docs[i]] > 0 ? hits[terms[t], docs[i]] * 10000 / toks[docs[i]] : 0
			rate[t, i] = r
			if (r > max)
				max = r
		}
	label = 200; width = 440; bar = 9; group = nterms * bar + 10
	printf "<svg width=\"%d\" height=\"%d\" role=\"img\" " \
	    "aria-label=\"key terms per document\">\n", label + width + 60,
	    ndocs * group + 24
	for (t = 1; t <= nterms; t++)
		printf "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" " \
		    "fill=\"%s\"/><text x=\"%d\" y=\"13\">%s</text>\n",
		    label + (t - 1) * 110, color(t - 1), label + (t - 1) * 110 + 14,
		    esc(terms[t])
	for (i = 1; i <= ndocs; i++) {
		y0 = 24 + (i - 1) * group
		printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
		    label - 8, y0 + group / 2, esc(docs[i])
		for (t = 1; t <= nterms; t++) {
			w = max > 0 ? rate[t, i] / max * width : 0
			printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" " \
			    "height=\"%d\" fill=\"%s\"><title>%s in %s: %d " \
			    "(%s per 10,000)</title></rect>\n", label,
			    y0 + (t - 1) * bar, w, bar - 1, color(t - 1),
			    esc(terms[t]), esc(docs[i]), hits[terms[t], docs[i]],
			    fmt(rate[t, i])
			printf "<text x=\"%.1f\" y=\"%d\" style=\"font-size:9px\">" \
			    "%s</text>\n", label + w + 3, y0 + t * bar - 1,
			    fmt(rate[t, i])
		}
	}
	print "</svg>"

	print "<h2>Strongest collocations</h2>"
	print "<table><tr><th>pair</th><th>count</th><th>PMI</th>" \
	    "<th>t-score</th><th>G²</th></tr>"
	for (i = 1; i <= ncoll; i++) {
		split(coll[i], f, "\t")
		printf "<tr><td>%s %s</td><td class=\"n\">%s</td>" \
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td>" \
		    "<td class=\"n\">%s</td></tr>\n", esc(f[1]), esc(f[2]),
		    f[3], f[4], f[5], f[6]
	}
	print "</table>"

	print "<h2>Concordance</h2>"
	print "<p class=\"note\">The first lines for each key term; the full " \
	    "concordance is <code>out/kwic.tsv</code>.</p>"
	print "<table>"
	for (i = 1; i <= nk; i++) {
		n = split(kwic[i], f, "\t")
		printf "<tr><td>%s</td><td class=\"l\">%s</td><td class=\"m\">" \
		    "%s</td><td class=\"r\">%s</td></tr>\n", esc(f[1]),
		    esc(f[n - 2]), esc(f[n - 1]), esc(f[n])
	}
	print "</table>"
	print "</body></html>"
}
