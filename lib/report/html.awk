# The page of make report: one self-contained HTML file with inline SVG
# charts, no script and nothing loaded from elsewhere, overview first.  It
# reads, in this order (html.sh gives them): settings.tsv, fit.tsv,
# docs.tsv, groups.tsv, periods.tsv, keyness-group.tsv, keyterms.dict,
# keyterms.tsv, topics.txt, doc-topics.tsv, colloc.tsv, kwic-sample.tsv,
# warnings.txt, stop.txt, effects.tsv, and last the tables of OUT/ as
# NAME TAB BYTES.
#
# Its size does not grow with the corpus: a fixed number of groups, key
# terms, topics and concordance lines is shown, the time charts have at
# most one point per two pixels, and the documents are listed only when
# there are few of them; the rest is in the tables it links to.
#
# Colours mean one thing each: a topic has its colour (Tableau 10, so at
# most ten topics; with more, all are grey and named by number), G2 bars
# are dark grey, Log Ratio bars light grey, the key-term lines black.

BEGIN {
	split("#4e79a7 #f28e2b #e15759 #76b7b2 #59a14f #edc948 #b07aa1 " \
	    "#ff9da7 #9c755f #bab0ac", palette, " ")
	G2COLOUR = "#555555"
	LRCOLOUR = "#b4b4b4"
	LINECOLOUR = "#222222"
	TOPGROUPS = 8		# groups compared in the keyword panels
	HEATGROUPS = 20		# groups in the topic heatmap
	SIZEGROUPS = 30		# groups in the table of sizes
	MAXDOCS = 30		# documents listed, and shown as topic bars
	KEYWORDS = 10		# keywords in each group's panel
	TERMPANELS = 10		# key terms drawn over time
	TOPICPANELS = 12	# topics drawn over time (the largest)
	ELLIPSIS = "\342\200\246"
	CONT = bytes(128, 191)	# the continuation bytes of UTF-8
	part = 0
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
# empty one (which has no first line) does not shift the others.
FNR == 1 {
	for (part++; part < ARGC && ARGV[part] != FILENAME; part++)
		;
}

part == 1 {
	setting[$1] = substr($0, length($1) + 2)
	next
}
part == 2 {
	fit[$1] = $2
	next
}
part == 3 {
	ndocs++
	doc[ndocs] = $1
	docgroup[$1] = $2
	docperiod[$1] = $3
	doctokens[$1] = $6
	docparas[$1] = $4
	docsents[$1] = $5
	totsents += $5
	tottokens += $6
	if ($3 == "NA")
		undated++
	next
}
part == 4 {
	group[++ngroups] = $1
	groupdocs[$1] = $2
	grouptokens[$1] = $3
	next
}
part == 5 {
	if ($1 == "NA")
		next
	period[++nperiods] = $1
	periodtokens[$1] = $3
	periodx[nperiods] = period_x($1)
	next
}
part == 6 {
	if (nkey[$1] < KEYWORDS) {
		k = ++nkey[$1]
		kword[$1, k] = $2
		khere[$1, k] = $3
		krest[$1, k] = $4
		kg2[$1, k] = $5
		klr[$1, k] = $7
	}
	next
}
part == 7 {
	term[++nterms] = $1
	pattern[$1] = $2
	next
}
part == 8 {
	termhits[$2] += $3
	if ($3 > 0)
		termdocs[$2]++
	if (docperiod[$1] != "" && docperiod[$1] != "NA")
		termperiod[$2, docperiod[$1]] += $3
	next
}
part == 9 {
	topic[++ntopics] = $1
	topicwords[$1] = $3
	next
}
part == 10 {
	w = $3 * doctokens[$1]
	mix[$1, $2] = $3
	topicshare[$2] += w
	topicgroup[$2, docgroup[$1]] += w
	if (docperiod[$1] != "" && docperiod[$1] != "NA")
		topicperiod[$2, docperiod[$1]] += w
	mixed[$1] = 1
	next
}
part == 11 {
	if (ncoll < 20)
		coll[++ncoll] = $0
	next
}
part == 12 {
	kwic[++nkwic] = $0
	next
}
part == 13 {
	warning[++nwarnings] = $0
	next
}
part == 14 {
	if ($0 !~ /^#/ && $0 != "")
		nstop++
	next
}
part == 15 {
	# The topic model's expected proportions by value of each covariate
	# (sp-topics --effects): those of the group covariate.
	if ($1 == fit["groupcov"]) {
		effmean[$2, $3] = $4
		efflow[$2, $3] = $5
		effhigh[$2, $3] = $6
		effvalue[$2] = 1
	}
	next
}
part == 16 {
	filebytes[$1] = $2
	files[++nfiles] = $1
	next
}

function esc(s) {
	gsub(/&/, "\\&amp;", s)
	gsub(/</, "\\&lt;", s)
	gsub(/>/, "\\&gt;", s)
	gsub(/"/, "\\&quot;", s)
	return s
}

# A whole number with thousands separators.
function num(n,    s, r) {
	s = sprintf("%.0f", n)
	r = ""
	while (length(s) > 3) {
		r = "," substr(s, length(s) - 2) r
		s = substr(s, 1, length(s) - 3)
	}
	return s r
}

function plural(n, what) {
	return num(n) " " what (n == 1 ? "" : "s")
}

# The number of characters of UTF-8 text s.
function chars(s) {
	return length(s) - gsub(CONT, "", s)
}

# s cut to at most n characters, an ellipsis where it was cut.
function cut(s, n,    i, c, out, ch) {
	if (chars(s) <= n)
		return s
	out = ""
	c = 0
	for (i = 1; i <= length(s); i++) {
		ch = substr(s, i, 1)
		if (ch !~ CONT && ++c > n - 1)
			break
		out = out ch
	}
	return out ELLIPSIS
}

function topiccolour(t) {
	return ntopics <= 10 ? palette[(t % 10) + 1] : "#8c8c8c"
}

# Where period p (2019, 2019-03, 2010s) lies on a time axis, in years.
function period_x(p) {
	if (p ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]$/)
		return substr(p, 1, 4) + (substr(p, 6, 2) - 1) / 12
	return substr(p, 1, 4) + 0
}

# A step of 1, 2 or 5 times a power of ten that cuts span into at most
# n parts.
function nice_step(span, n,    step, m) {
	if (span <= 0)
		return 1
	step = span / n
	m = 1
	while (m * 10 <= step)
		m *= 10
	while (m > step)
		m /= 10
	if (m >= step)
		return m
	if (2 * m >= step)
		return 2 * m
	if (5 * m >= step)
		return 5 * m
	return 10 * m
}

function fmt(x) {
	if (x == 0)
		return "0"
	if (x >= 100)
		return sprintf("%.0f", x)
	if (x >= 10)
		return sprintf("%.1f", x)
	return sprintf("%.2f", x)
}

# The first words of a topic's key, at most n characters.
function topic_label(t, n) {
	return cut("topic " t ": " topicwords[t], n)
}

function section(id, title) {
	printf "<section id=\"%s\"><h2>%s</h2>\n", id, title
}

function head(    t) {
	t = setting["CORPUS"]
	print "<!DOCTYPE html>"
	print "<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
	print "<meta name=\"viewport\" content=\"width=device-width\"/>"
	print "<title>sp report: " esc(t) "</title>"
	print "<style>"
	print "body { font: 15px/1.45 system-ui, sans-serif; max-width: 62em;"
	print "  margin: 2em auto; padding: 0 1em; color: #222; }"
	print "h1, h2, h3 { font-weight: 600; } h2 { margin-top: 2em; }"
	print "h3 { font-size: 100%; margin: 1.2em 0 0.3em; }"
	print "table { border-collapse: collapse; margin: 0.8em 0; }"
	print "th, td { padding: 0.15em 0.6em; border-bottom: 1px solid #ddd;"
	print "  text-align: left; vertical-align: top; }"
	print "th { font-weight: 600; }"
	print "td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }"
	print "td.l { text-align: right; color: #555; }"
	print "td.m { font-weight: 600; white-space: nowrap; } td.r { color: #555; }"
	print "td.d { white-space: nowrap; color: #555; font-size: 90%; }"
	print "table.kv th { white-space: nowrap; vertical-align: top; }"
	print "svg { display: block; margin: 0.4em 0 0.8em; }"
	print "svg.panel { display: inline-block; vertical-align: top;"
	print "  margin: 0.3em 0.6em 0.6em 0; }"
	print "svg text { font: 12px system-ui, sans-serif; fill: #222; }"
	print "svg text.small { font-size: 10px; fill: #555; }"
	print "svg text.title { font-weight: 600; }"
	print ".note { color: #555; font-size: 90%; }"
	print ".box { background: #f6f6f4; border: 1px solid #ddd;"
	print "  padding: 0.2em 1em 0.6em; margin: 1em 0; }"
	print ".box h2, .warn h2 { margin-top: 0.4em; }"
	print "table.kwic { font-size: 13px; }"
	print "table.kwic td.l, table.kwic td.r { white-space: nowrap; }"
	print ".warn { background: #fff6e0; border: 1px solid #e0c070;"
	print "  padding: 0.2em 1em 0.6em; margin: 1em 0; }"
	print "nav a { margin-right: 0.8em; white-space: nowrap; }"
	print ".swatch { display: inline-block; width: 0.8em; height: 0.8em;"
	print "  margin-right: 0.4em; vertical-align: baseline; }"
	print "</style></head><body>"
}

function overview(    first, last, i, s, what) {
	print "<h1>sp report: " esc(setting["CORPUS"]) "</h1>"
	s = "<p>" plural(ndocs, "document")
	if (setting["META"] != "" && setting["GROUP"] != "")
		s = s " in " plural(ngroups, "group") " by <code>" \
		    esc(setting["GROUP"]) "</code>"
	if (nperiods > 0)
		s = s ", from " esc(period[1]) " to " esc(period[nperiods]) \
		    " (" plural(nperiods, setting["PERIOD"]) " with documents)"
	s = s "; " plural(totsents, "sentence") ", " plural(tottokens, "token") \
	    ", of which " num(fit["tokens"]) " content words."
	print s
	print "The charts and tables below are made by <code>make report</code>" \
	    " from the tables in this folder (<a href=\"#tables\">listed at " \
	    "the end</a>).</p>"
	if (nwarnings > 0) {
		print "<div class=\"warn\" id=\"warnings\"><h2>Warnings about the" \
		    " input</h2><ul>"
		for (i = 1; i <= nwarnings && i <= 10; i++)
			print "<li>" esc(warning[i]) "</li>"
		print "</ul>"
		if (nwarnings > 10)
			print "<p>" num(nwarnings - 10) " more in " \
			    "<a href=\"warnings.txt\">warnings.txt</a>.</p>"
		print "</div>"
	}
	print "<nav><a href=\"#methods\">Methods</a>" \
	    "<a href=\"#groups\">Groups</a>" \
	    (nperiods > 1 ? "<a href=\"#time\">Time</a>" : "") \
	    "<a href=\"#topics\">Topics</a>" \
	    "<a href=\"#keyterms\">Key terms</a>" \
	    "<a href=\"#concordance\">Concordance</a>" \
	    "<a href=\"#collocations\">Collocations</a>" \
	    "<a href=\"#documents\">Documents</a>" \
	    "<a href=\"#tables\">Tables</a></nav>"
}

function kv(key, value) {
	print "<tr><th>" key "</th><td>" value "</td></tr>"
}

function methods(    s, fitted) {
	print "<section id=\"methods\" class=\"box\"><h2>Methods</h2>"
	print "<table class=\"kv\">"
	kv("made by", "sp " esc(setting["VERSION"]) ", <code>make report</code>" \
	    " with the settings in <a href=\"settings.tsv\">settings.tsv</a>")
	if (setting["KIND"] == "folder")
		s = "the folder <code>" esc(setting["CORPUS"]) "</code>: " \
		    plural(ndocs, "document") ", one a <code>.txt</code> file"
	else
		s = "the records file <code>" esc(setting["CORPUS"]) "</code>: " \
		    plural(ndocs, "document") ", lines <code>ID TAB TEXT</code>"
	kv("corpus", s)
	if (setting["META"] == "")
		s = "none: each document is its own group"
	else {
		s = "<code>" esc(setting["META"]) "</code>; groups: column <code>" \
		    esc(setting["GROUP"]) "</code>"
		if (setting["DATE"] != "")
			s = s "; time: column <code>" esc(setting["DATE"]) \
			    "</code> by " esc(setting["PERIOD"])
		else
			s = s "; no date column"
	}
	kv("metadata", s)
	kv("text", "sentences by <code>sp-split</code>; tokens by " \
	    "<code>sp-tokens</code> (words of any script, case-folded); " \
	    "content words leave out " num(nstop) " stop words (<a " \
	    "href=\"stop.txt\">stop.txt</a>: sp-tokens' list and " \
	    "lib/report/speech-stop.txt), numbers and one-letter words")
	kv("keyness", "each group against all the others: G² over the 2×2 " \
	    "table (Dunning 1993) and Log Ratio, the binary log of the ratio" \
	    " of relative frequencies, a zero count taken as 0.5 (Hardie " \
	    "2014); the 20 words of highest G² that are more frequent in the " \
	    "group, ties broken by Log Ratio, then bytewise")
	if (setting["KEYTERMS"] != "")
		s = "given: <code>" esc(setting["KEYTERMS"]) "</code>"
	else
		s = "chosen from the corpus: the first keyword of each group in " \
		    "turn, largest group first, then the second, five in all"
	kv("key terms", s "; matches of the word patterns (<code>sp-grep " \
	    "--dict</code>) per 10,000 tokens")
	if (fit["skipped"] != "")
		s = "none: " esc(fit["skipped"]) " (" num(fit["tokens"]) \
		    " content words)"
	else {
		fitted = fit["sampled"] == fit["paragraphs"] ? "all " \
		    num(fit["paragraphs"]) " paragraphs (" num(fit["fitted"]) \
		    " content words)" : "an even sample of " \
		    num(fit["sampled"]) " of the " num(fit["paragraphs"]) \
		    " paragraphs (" num(fit["fitted"]) " of " \
		    num(fit["tokens"]) " content words; at most " \
		    num(setting["FIT"]) ")"
		s = model_text() ": " \
		    esc(setting["TOPICS"]) " topics, " esc(setting["SWEEPS"]) \
		    " sweeps, seed " fit["seed"] ", " fit["threads"] \
		    " threads, fitted on " fitted "; each document's mix " \
		    "inferred with the model in " fit["infer"] " sweeps"
	}
	kv("topics", s)
	kv("collocations", "neighbouring content words seen 3 times or more " \
	    "(<code>sp-count --colloc</code>), by G²")
	kv("commands", "<code>sp-split</code>; <code>sp-tokens --stop=stop.txt " \
	    "--no-numbers --min-len 2</code>; <code>sp-count --by doc</code> " \
	    "(by group, by period); <code>sp-grep -c --dict keyterms.dict" \
	    "</code>, <code>sp-grep --kwic=60 --dict keyterms.dict</code>; " \
	    (fit["skipped"] != "" ? "" : "<code>sp-topics -k " \
	    esc(setting["TOPICS"]) " -n " esc(setting["SWEEPS"]) " --by " \
	    "para --seed " fit["seed"] " --threads " fit["threads"] \
	    " --save topics.model" (fit["model"] != "dmr" ? "" : " --meta " \
	    esc(setting["META"]) " --covariates " esc(fit["covariates"]) \
	    " --effects effects.tsv --lambda lambda.tsv") "</code>, " \
	    "<code>sp-topics --infer topics.model --by doc -n " fit["infer"] \
	    " --seed " fit["seed"] " --threads " fit["threads"] \
	    (fit["model"] != "dmr" ? "" : " --meta " esc(setting["META"])) \
	    "</code>; ") \
	    "<code>sp-count --colloc --min 3 -n 100</code> " \
	    "(the rules are in the Makefile and lib/report/)")
	kv("concordance", "6 lines a key term, from evenly spaced " \
	    (ndated() ? "periods" : "documents") ", contexts of 60 " \
	    "characters cut to whole words")
	print "</table></section>"
}

# Which topic model ran: plain LDA, or DMR on the group, the year or both
# (topics.sh chose), and why the group is not a covariate when it is not.
function model_text(    s, on) {
	if (fit["model"] == "dmr") {
		if (fit["groupcov"] != "")
			on = "its <code>" esc(setting["GROUP"]) "</code>"
		if (fit["yearcov"] != "")
			on = on (on != "" ? " and " : "") "the year of its <code>" \
			    esc(setting["DATE"]) "</code> (a number, standardised)"
		s = "Dirichlet-multinomial regression (Mimno and McCallum " \
		    "2008; <code>sp-topics --covariates</code>, collapsed Gibbs " \
		    "sampling, λ and β optimised), each document's prior over " \
		    "the topics depending on " on
	} else
		s = "latent Dirichlet allocation (<code>sp-topics</code>, " \
		    "collapsed Gibbs sampling, α and β optimised)"
	if (fit["nogroup"] != "")
		s = s "; <code>" esc(setting["GROUP"]) "</code> is not a " \
		    "covariate: " esc(fit["nogroup"])
	else if (fit["model"] != "dmr" && setting["META"] != "")
		s = s "; no covariate"
	return s
}

function ndated() {
	return nperiods > 0
}

# The keywords of the largest groups side by side: each group's panel
# lists its words with their counts in the group and in the rest, a G2
# bar and a Log Ratio bar, every panel on the same two scales.
function groups(    g, i, k, n, maxg2, maxlr, y, x, w, h, s, other, otok,
    label) {
	label = setting["META"] == "" ? "document" : esc(setting["GROUP"])
	section("groups", "Distinctive words by " label)
	n = ngroups < TOPGROUPS ? ngroups : TOPGROUPS
	maxg2 = 0
	maxlr = 0
	for (i = 1; i <= n; i++) {
		g = group[i]
		for (k = 1; k <= nkey[g]; k++) {
			if (kg2[g, k] > maxg2)
				maxg2 = kg2[g, k]
			if (klr[g, k] > maxlr)
				maxlr = klr[g, k]
		}
	}
	if (ngroups < 2) {
		print "<p class=\"note\">One group: keyness compares a group " \
		    "with the others, so there is nothing to compare.</p>"
		n = 0
	}
	if (n > 0) {
		s = "<p class=\"note\">"
		if (ngroups > n)
			s = s "The " n " largest of " num(ngroups) " groups (by tokens). "
		s = s "Each word is more frequent in the group than in all the " \
		    "others: its count in the group and in the rest, then G² " \
		    "(<span class=\"swatch\" style=\"background:" G2COLOUR "\"></span>" \
		    "how sure, 0 to " fmt(maxg2) ") and Log Ratio (<span " \
		    "class=\"swatch\" style=\"background:" LRCOLOUR "\"></span>how " \
		    "much more frequent, in doublings, 0 to " fmt(maxlr) "), each " \
		    "on one scale for every group.  The 20 words of each group are " \
		    "in <a href=\"keyness-group.tsv\">keyness-group.tsv</a>.</p>"
		print s
	}
	for (i = 1; i <= n; i++) {
		g = group[i]
		h = 40 + (nkey[g] > 0 ? nkey[g] : 1) * 16
		printf "<svg class=\"panel\" width=\"440\" height=\"%d\" " \
		    "role=\"img\" aria-label=\"keywords of %s\">\n", h, esc(g)
		printf "<text class=\"title\" x=\"0\" y=\"13\">%s</text>\n",
		    esc(cut(g, 36))
		printf "<text class=\"small\" x=\"440\" y=\"13\" " \
		    "text-anchor=\"end\">%s, %s</text>\n",
		    plural(groupdocs[g], "doc"), plural(grouptokens[g], "token")
		printf "<text class=\"small\" x=\"170\" y=\"30\" " \
		    "text-anchor=\"end\">here</text>\n"
		printf "<text class=\"small\" x=\"222\" y=\"30\" " \
		    "text-anchor=\"end\">rest</text>\n"
		printf "<text class=\"small\" x=\"232\" y=\"30\">G²</text>\n"
		printf "<text class=\"small\" x=\"346\" y=\"30\">Log Ratio</text>\n"
		if (nkey[g] == 0)
			printf "<text class=\"small\" x=\"0\" y=\"50\">no word " \
			    "is more frequent here than in the rest</text>\n"
		for (k = 1; k <= nkey[g]; k++) {
			y = 36 + (k - 1) * 16
			printf "<text x=\"118\" y=\"%d\" text-anchor=\"end\">%s" \
			    "</text>\n", y + 11, esc(cut(kword[g, k], 17))
			printf "<text x=\"170\" y=\"%d\" text-anchor=\"end\">%s" \
			    "</text>\n", y + 11, num(khere[g, k])
			printf "<text x=\"222\" y=\"%d\" text-anchor=\"end\">%s" \
			    "</text>\n", y + 11, num(krest[g, k])
			w = maxg2 > 0 ? kg2[g, k] / maxg2 * 72 : 0
			printf "<rect x=\"232\" y=\"%d\" width=\"%.1f\" " \
			    "height=\"11\" fill=\"%s\"/>\n", y + 2, w, G2COLOUR
			printf "<text class=\"small\" x=\"308\" y=\"%d\">%s" \
			    "</text>\n", y + 11, fmt(kg2[g, k])
			w = maxlr > 0 ? klr[g, k] / maxlr * 60 : 0
			printf "<rect x=\"346\" y=\"%d\" width=\"%.1f\" " \
			    "height=\"11\" fill=\"%s\"/>\n", y + 2, w, LRCOLOUR
			printf "<text class=\"small\" x=\"410\" y=\"%d\">%s" \
			    "</text>\n", y + 11, sprintf("%.1f", klr[g, k])
		}
		print "</svg>"
	}
	# The sizes of the groups, the smallest summarised.
	print "<table><tr><th>" label "</th><th class=\"n\">documents</th>" \
	    "<th class=\"n\">tokens</th><th class=\"n\">share</th></tr>"
	for (i = 1; i <= ngroups && i <= SIZEGROUPS; i++) {
		g = group[i]
		printf "<tr><td>%s</td><td class=\"n\">%s</td><td class=\"n\">" \
		    "%s</td><td class=\"n\">%.1f%%</td></tr>\n", esc(cut(g, 60)),
		    num(groupdocs[g]), num(grouptokens[g]),
		    (tottokens > 0 ? 100 * grouptokens[g] / tottokens : 0)
	}
	if (ngroups > SIZEGROUPS) {
		other = 0
		otok = 0
		for (i = SIZEGROUPS + 1; i <= ngroups; i++) {
			other += groupdocs[group[i]]
			otok += grouptokens[group[i]]
		}
		printf "<tr><td>%s more (in <a href=\"groups.tsv\">groups.tsv" \
		    "</a>)</td><td class=\"n\">%s</td><td class=\"n\">%s</td>" \
		    "<td class=\"n\">%.1f%%</td></tr>\n", num(ngroups - SIZEGROUPS),
		    num(other), num(otok), (tottokens > 0 ? 100 * otok / tottokens : 0)
	}
	print "</table></section>"
}

# A small time chart: the series ys[1..n] at xs[1..n] (years) in a
# panel of 440 by 150 pixels with axes, as a line or (area) a filled
# area, on a y scale from 0 to ymax.
function time_panel(title, n, xs, ys, ymax, colour, area, unit,
    i, x0, x1, px, py, pts, step, v, left, top, w, h, lastx) {
	left = 46; top = 22; w = 380; h = 100
	x0 = xs[1]
	x1 = xs[n]
	if (x1 <= x0)
		x1 = x0 + 1
	printf "<svg class=\"panel\" width=\"440\" height=\"150\" role=\"img\" " \
	    "aria-label=\"%s\">\n", esc(title)
	printf "<text class=\"title\" x=\"0\" y=\"13\">%s</text>\n",
	    esc(cut(title, 56))
	if (ymax <= 0)
		ymax = 1
	# y axis: 0, the middle and the top, with grid lines.
	for (i = 0; i <= 2; i++) {
		v = ymax * i / 2
		py = top + h - h * i / 2
		printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" " \
		    "stroke=\"%s\"/>\n", left, py, left + w, py,
		    (i == 0 ? "#888" : "#e4e4e4")
		printf "<text class=\"small\" x=\"%d\" y=\"%.1f\" " \
		    "text-anchor=\"end\">%s%s</text>\n", left - 4, py + 3,
		    (unit == "%" ? sprintf("%.0f", 100 * v) : fmt(v)), unit
	}
	# x axis: years at a round step, at most six labels.
	step = nice_step(x1 - x0, 5)
	if (step < 1)
		step = 1
	lastx = -1000
	for (v = int(x0 / step) * step; v <= x1; v += step) {
		if (v < x0)
			continue
		px = left + (v - x0) / (x1 - x0) * w
		if (px - lastx < 40)
			continue
		lastx = px
		printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" " \
		    "stroke=\"#888\"/>\n", px, top + h, px, top + h + 4
		printf "<text class=\"small\" x=\"%.1f\" y=\"%d\" " \
		    "text-anchor=\"middle\">%d</text>\n", px, top + h + 15, v
	}
	pts = ""
	for (i = 1; i <= n; i++) {
		px = left + (xs[i] - x0) / (x1 - x0) * w
		py = top + h - (ys[i] > ymax ? ymax : ys[i]) / ymax * h
		pts = pts sprintf("%.1f,%.1f ", px, py)
	}
	if (area)
		printf "<polygon points=\"%.1f,%d %s%.1f,%d\" fill=\"%s\" " \
		    "fill-opacity=\"0.75\" stroke=\"%s\"/>\n", left, top + h, pts,
		    left + w, top + h, colour, colour
	else
		printf "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" " \
		    "stroke-width=\"1.5\"/>\n", pts, colour
	if (n <= 40 && !area)
		for (i = 1; i <= n; i++) {
			px = left + (xs[i] - x0) / (x1 - x0) * w
			py = top + h - ys[i] / ymax * h
			printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" " \
			    "fill=\"%s\"/>\n", px, py, colour
		}
	print "</svg>"
}

# The periods binned for the time charts: with more periods than two
# pixels of a chart hold, neighbouring ones share a bin and its totals.
function make_bins(    i, b, k, x0, x1, cbx, cbt, remap) {
	x0 = periodx[1]
	x1 = periodx[nperiods]
	nbins = 0
	for (i = 1; i <= nperiods; i++) {
		if (nperiods <= 190)
			b = i
		else
			b = int((periodx[i] - x0) / (x1 - x0) * 189.999) + 1
		if (b != nbins) {
			nbins = b
			binx[b] = periodx[i]
			bintokens[b] = 0
		}
		binof[i] = b
		bintokens[b] += periodtokens[period[i]]
	}
	# Compact the bins that no period fell into.
	k = 0
	for (b = 1; b <= nbins; b++)
		if (b in binx) {
			k++
			cbx[k] = binx[b]
			cbt[k] = bintokens[b]
			remap[b] = k
		}
	for (i = 1; i <= nperiods; i++)
		binof[i] = remap[binof[i]]
	nbins = k
	for (b = 1; b <= nbins; b++) {
		binx[b] = cbx[b]
		bintokens[b] = cbt[b]
	}
}

function time_section(    t, i, b, ymax, xs, ys, sum, tp, name, k, s, n,
    shown, j, best) {
	section("time", "Over time")
	if (nperiods < 2) {
		print "<p class=\"note\">" (nperiods == 1 ? "All the dated " \
		    "documents are from one " esc(setting["PERIOD"]) "." : \
		    "No dates.") "</p></section>"
		return
	}
	make_bins()
	s = "<p class=\"note\">By " esc(setting["PERIOD"]) " of <code>" \
	    esc(setting["DATE"]) "</code>"
	if (nbins < nperiods)
		s = s ", " num(nperiods) " periods drawn as " num(nbins) \
		    " points (neighbours added up)"
	if (undated > 0)
		s = s "; " plural(undated, "document") " without a date left out"
	print s ".  The periods are in <a href=\"periods.tsv\">periods.tsv</a>" \
	    ", their keywords in <a href=\"keyness-period.tsv\">" \
	    "keyness-period.tsv</a>.</p>"
	if (nterms > 0) {
		print "<h3>Key terms per 10,000 tokens</h3>"
		n = nterms < TERMPANELS ? nterms : TERMPANELS
		if (n < nterms)
			print "<p class=\"note\">The first " n " of " nterms \
			    " key terms.</p>"
		for (t = 1; t <= n; t++) {
			name = term[t]
			for (b = 1; b <= nbins; b++)
				sum[b] = 0
			for (i = 1; i <= nperiods; i++)
				sum[binof[i]] += termperiod[name, period[i]]
			ymax = 0
			for (b = 1; b <= nbins; b++) {
				xs[b] = binx[b]
				ys[b] = bintokens[b] > 0 ? \
				    sum[b] * 10000 / bintokens[b] : 0
				if (ys[b] > ymax)
					ymax = ys[b]
			}
			time_panel(name, nbins, xs, ys, ymax, LINECOLOUR, 0, "")
		}
	}
	if (ntopics > 0) {
		print "<h3>Topics: share of the tokens</h3>"
		# The largest topics, in their order.
		n = ntopics < TOPICPANELS ? ntopics : TOPICPANELS
		for (j = 1; j <= n; j++) {
			best = 0
			for (k = 1; k <= ntopics; k++)
				if (!(k in shown) && (best == 0 ||
				    topicshare[topic[k]] > topicshare[topic[best]]))
					best = k
			shown[best] = 1
		}
		if (n < ntopics)
			print "<p class=\"note\">The " n " largest of " ntopics \
			    " topics.</p>"
		ymax = 0
		for (k = 1; k <= ntopics; k++) {
			if (!(k in shown))
				continue
			for (b = 1; b <= nbins; b++)
				sum[b] = 0
			for (i = 1; i <= nperiods; i++)
				sum[binof[i]] += topicperiod[topic[k], period[i]]
			for (b = 1; b <= nbins; b++) {
				tp[k, b] = bintokens[b] > 0 ? sum[b] / bintokens[b] : 0
				if (tp[k, b] > ymax)
					ymax = tp[k, b]
			}
		}
		for (k = 1; k <= ntopics; k++) {
			if (!(k in shown))
				continue
			for (b = 1; b <= nbins; b++) {
				xs[b] = binx[b]
				ys[b] = tp[k, b]
			}
			time_panel(topic_label(topic[k], 64), nbins, xs, ys, ymax,
			    topiccolour(k - 1), 1, "%")
		}
	}
	print "</section>"
}

function topics_section(    k, t, i, d, x, w, y, label, n, g, max, v, cw,
    rows, s) {
	section("topics", "Topics")
	if (ntopics == 0) {
		print "<p class=\"note\">No topic model: " esc(fit["skipped"]) \
		    ".</p></section>"
		return
	}
	print "<table><tr><th>topic</th><th class=\"n\">share</th>" \
	    "<th>its most probable words</th></tr>"
	for (k = 1; k <= ntopics; k++) {
		t = topic[k]
		printf "<tr><td class=\"m\"><span class=\"swatch\" " \
		    "style=\"background:%s\"></span>%s</td><td class=\"n\">" \
		    "%.1f%%</td><td>%s</td></tr>\n", topiccolour(k - 1), t,
		    (tottokens > 0 ? 100 * topicshare[t] / tottokens : 0),
		    esc(topicwords[t])
	}
	print "</table>"
	if (ndocs <= MAXDOCS) {
		# One stacked bar per document.
		print "<h3>The topic mix of each document</h3>"
		label = 200
		w = 620
		printf "<svg width=\"%d\" height=\"%d\" role=\"img\" " \
		    "aria-label=\"topic mix per document\">\n", label + w + 24,
		    ndocs * 24 + 22
		for (i = 0; i <= 4; i++)
			printf "<text class=\"small\" x=\"%.1f\" y=\"%d\" " \
			    "text-anchor=\"middle\">%d%%</text>\n",
			    label + w * i / 4, ndocs * 24 + 16, 25 * i
		for (i = 1; i <= ndocs; i++) {
			d = doc[i]
			y = (i - 1) * 24 + 2
			printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s" \
			    "<title>%s</title></text>\n", label - 8, y + 14,
			    esc(cut(d, 28)), esc(d)
			x = label
			for (k = 1; k <= ntopics; k++) {
				v = mix[d, topic[k]] * w
				if (v <= 0)
					continue
				printf "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" " \
				    "height=\"18\" fill=\"%s\"><title>%s: topic %s, " \
				    "%.0f%%</title></rect>\n", x, y, v,
				    topiccolour(k - 1), esc(d), topic[k],
				    mix[d, topic[k]] * 100
				x += v
			}
			if (!(d in mixed))
				printf "<text class=\"small\" x=\"%d\" y=\"%d\">no " \
				    "content words</text>\n", label + 4, y + 14
		}
		print "</svg>"
		# With covariates, the model's estimate by group too.
		if (fit["groupcov"] != "")
			heatmap(1)
		print "</section>"
		return
	}
	heatmap(fit["groupcov"] != "")
	print "</section>"
}

# A heatmap of topics by group, for the largest groups, each cell in the
# topic's colour, as strong as its value.  With model, the values are the
# topic model's expected proportions for a document of the group
# (effects.tsv's MEAN), the least and greatest over its last fits in the
# cell's title; else the share of each topic in the group's tokens.
function heatmap(model,    i, k, n, g, v, max, label, cw, rows, s, nrow, y,
    row, left, heat) {
	print "<h3>Topics by " (setting["META"] == "" ? "document" : \
	    esc(setting["GROUP"])) "</h3>"
	nrow = 0
	for (i = 1; i <= ngroups; i++) {
		g = group[i]
		if (model && !(g in effvalue)) {
			left++
			continue
		}
		if (nrow < HEATGROUPS)
			row[++nrow] = g
	}
	n = nrow
	if (model) {
		s = "<p class=\"note\">The topic model's expected share of " \
		    "each topic in a document of each " \
		    esc(setting["GROUP"]) (fit["yearcov"] != "" ? " (of the " \
		    "mean year)" : "") ", before its words are read: its prior" \
		    " over the topics, exp(x·λ) normalised (<a href=\"" \
		    "effects.tsv\">effects.tsv</a>, <a href=\"lambda.tsv\">" \
		    "lambda.tsv</a>).  A cell's title gives the least and " \
		    "greatest of it over the model's last 10 fits of λ: how " \
		    "much the estimate moves with the sampling, not a " \
		    "confidence interval"
		if (ngroups - left > n)
			s = s "; the " n " largest of " num(ngroups - left) \
			    " groups are shown"
		if (left > 0)
			s = s "; " plural(left, "group") " with no paragraph " \
			    "in the sample the model was fitted on " \
			    (left == 1 ? "has" : "have") " no estimate"
	} else {
		s = "<p class=\"note\">The share of each topic in the tokens " \
		    "of each group (documents weighted by their length)"
		if (ngroups > n)
			s = s ", for the " n " largest of " num(ngroups) \
			    " groups; every document's mix is in <a href=\"" \
			    "doc-topics.tsv\">doc-topics.tsv</a>"
	}
	print s ".</p>"
	max = 0
	for (i = 1; i <= n; i++)
		for (k = 1; k <= ntopics; k++) {
			g = row[i]
			if (model)
				v = effmean[g, topic[k]]
			else
				v = grouptokens[g] > 0 ? \
				    topicgroup[topic[k], g] / grouptokens[g] : 0
			heat[i, k] = v
			if (v > max)
				max = v
		}
	label = 220
	cw = int(660 / ntopics)
	if (cw > 60)
		cw = 60
	rows = n * 20 + 24
	printf "<svg width=\"%d\" height=\"%d\" role=\"img\" " \
	    "aria-label=\"%s\">\n", label + cw * ntopics + 10, rows,
	    (model ? "topic prevalence by group" : "topics by group")
	for (k = 1; k <= ntopics; k++)
		printf "<text class=\"small\" x=\"%.1f\" y=\"14\" " \
		    "text-anchor=\"middle\">%s</text>\n",
		    label + (k - 0.5) * cw, ((cw >= 16 || k % 5 == 1) ? topic[k] : "")
	for (i = 1; i <= n; i++) {
		g = row[i]
		y = 20 + (i - 1) * 20
		printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s<title>" \
		    "%s</title></text>\n", label - 8, y + 14, esc(cut(g, 30)),
		    esc(g)
		for (k = 1; k <= ntopics; k++) {
			v = heat[i, k]
			printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"19\" " \
			    "fill=\"%s\" fill-opacity=\"%.2f\"><title>%s, topic %s: " \
			    "%.0f%%", label + (k - 1) * cw, y, cw - 1,
			    topiccolour(k - 1), (max > 0 ? v / max : 0), esc(g),
			    topic[k], 100 * v
			if (model)
				printf " (%.0f%% to %.0f%% over the last fits)",
				    100 * efflow[g, topic[k]],
				    100 * effhigh[g, topic[k]]
			print "</title></rect>"
			if (cw >= 28)
				printf "<text class=\"small\" x=\"%.1f\" y=\"%d\" " \
				    "text-anchor=\"middle\">%.0f</text>\n",
				    label + (k - 0.5) * cw, y + 13, 100 * v
		}
	}
	print "</svg>"
	if (cw >= 28)
		print "<p class=\"note\">The numbers are percentages; the " \
		    "strongest colour is " sprintf("%.0f", 100 * max) "%.</p>"
}

function keyterms_section(    t, name) {
	section("keyterms", "Key terms")
	if (nterms == 0) {
		print "<p class=\"note\">No key terms.</p></section>"
		return
	}
	print "<table><tr><th>term</th><th>pattern</th>" \
	    "<th class=\"n\">matches</th><th class=\"n\">per 10,000 tokens</th>" \
	    "<th class=\"n\">documents</th></tr>"
	for (t = 1; t <= nterms; t++) {
		name = term[t]
		printf "<tr><td class=\"m\">%s</td><td><code>%s</code></td>" \
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td>" \
		    "<td class=\"n\">%s</td></tr>\n", esc(name),
		    esc(pattern[name]), num(termhits[name]),
		    fmt((tottokens > 0 ? termhits[name] * 10000 / tottokens : 0)),
		    num(termdocs[name])
	}
	print "</table><p class=\"note\">Matches per document: <a " \
	    "href=\"keyterms.tsv\">keyterms.tsv</a>; the patterns: <a " \
	    "href=\"keyterms.dict\">keyterms.dict</a>.</p></section>"
}

function concordance(    i, f, last, seen) {
	section("concordance", "Concordance")
	if (nkwic == 0) {
		print "<p class=\"note\">No matches.</p></section>"
		return
	}
	print "<p class=\"note\">A sample of each key term's lines, spread " \
	    "over the " (ndated() ? "periods" : "documents") "; every line " \
	    "is in <a href=\"kwic.tsv\">kwic.tsv</a>.</p>"
	if (nterms > TERMPANELS)
		print "<p class=\"note\">The first " TERMPANELS " of " nterms \
		    " key terms.</p>"
	print "<table class=\"kwic\">"
	last = ""
	seen = 0
	for (i = 1; i <= nkwic; i++) {
		split(kwic[i], f, "\t")
		if (f[1] != last && ++seen > TERMPANELS)
			break
		if (f[1] != last) {
			printf "<tr><th colspan=\"4\">%s</th></tr>\n", esc(f[1])
			last = f[1]
		}
		printf "<tr><td class=\"d\">%s%s, s. %s</td>" \
		    "<td class=\"l\">%s</td><td class=\"m\">%s</td>" \
		    "<td class=\"r\">%s</td></tr>\n", esc(cut(f[2], 24)),
		    (f[3] != "" ? " (" esc(f[3]) ")" : ""), f[4], esc(f[5]),
		    esc(f[6]), esc(f[7])
	}
	print "</table></section>"
}

function collocations(    i, f) {
	section("collocations", "Collocations")
	if (ncoll == 0) {
		print "<p class=\"note\">No pair of neighbouring content words " \
		    "is seen 3 times or more.</p></section>"
		return
	}
	print "<table><tr><th>pair</th><th class=\"n\">count</th>" \
	    "<th class=\"n\">PMI</th><th class=\"n\">t-score</th>" \
	    "<th class=\"n\">G²</th></tr>"
	for (i = 1; i <= ncoll; i++) {
		split(coll[i], f, "\t")
		printf "<tr><td>%s %s</td><td class=\"n\">%s</td>" \
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td>" \
		    "<td class=\"n\">%s</td></tr>\n", esc(f[1]), esc(f[2]),
		    num(f[3]), f[4], f[5], f[6]
	}
	print "</table><p class=\"note\">The strongest 100: <a " \
	    "href=\"colloc.tsv\">colloc.tsv</a>.</p></section>"
}

function documents(    i, d, n, lo, hi, s) {
	section("documents", "Documents")
	if (ndocs > MAXDOCS) {
		lo = hi = doctokens[doc[1]]
		for (i = 2; i <= ndocs; i++) {
			if (doctokens[doc[i]] < lo)
				lo = doctokens[doc[i]]
			if (doctokens[doc[i]] > hi)
				hi = doctokens[doc[i]]
		}
		print "<p>" plural(ndocs, "document") " of " num(lo) " to " \
		    num(hi) " tokens (" num(tottokens / ndocs) " on average); " \
		    "each one's group, period and size are in <a " \
		    "href=\"docs.tsv\">docs.tsv</a>.</p></section>"
		return
	}
	print "<table><tr><th>document</th><th>" \
	    (setting["META"] == "" ? "group" : esc(setting["GROUP"])) "</th>" \
	    (nperiods > 0 ? "<th>" esc(setting["PERIOD"]) "</th>" : "") \
	    "<th class=\"n\">paragraphs</th><th class=\"n\">sentences</th>" \
	    "<th class=\"n\">tokens</th></tr>"
	for (i = 1; i <= ndocs; i++) {
		d = doc[i]
		printf "<tr><td>%s</td><td>%s</td>%s<td class=\"n\">%s</td>" \
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
		    esc(d), esc(docgroup[d]), (nperiods > 0 ? "<td>" \
		    esc(docperiod[d]) "</td>" : ""), num(docparas[d]),
		    num(docsents[d]), num(doctokens[d])
	}
	print "</table></section>"
}

function tables(    i, f) {
	section("tables", "Tables")
	split("settings.tsv|the settings used (NAME TAB VALUE)|" \
	    "segments.tsv|the sentences: DOC TAB PARA TAB SENT TAB TEXT|" \
	    "ids.txt|the documents' ids, in the order of the input|" \
	    "docs.tsv|each document: DOC TAB GROUP TAB PERIOD TAB PARAGRAPHS " \
	    "TAB SENTENCES TAB TOKENS|" \
	    "groups.tsv|each group: GROUP TAB DOCUMENTS TAB TOKENS, largest " \
	    "first|" \
	    "periods.tsv|each period: PERIOD TAB DOCUMENTS TAB TOKENS|" \
	    "stop.txt|the stop words left out of the content words|" \
	    "content.tsv|the content words: DOC TAB PARA TAB SENT TAB WORD|" \
	    "counts-group.tsv|content-word counts: GROUP TAB WORD TAB COUNT|" \
	    "counts-period.tsv|content-word counts: PERIOD TAB WORD TAB COUNT|" \
	    "keyness-group.tsv|the 20 keywords of each group: GROUP TAB WORD " \
	    "TAB HERE TAB REST TAB G2 TAB CHI2 TAB LOG-RATIO|" \
	    "keyness-period.tsv|the 20 keywords of each period, the same way|" \
	    "keyterms.dict|the key terms: TERM TAB PATTERN (sp-grep --dict)|" \
	    "keyterms.tsv|their matches: DOC TAB TERM TAB COUNT|" \
	    "kwic.tsv|their concordance: DOC TAB PARA TAB SENT TAB TERM TAB " \
	    "LEFT TAB MATCH TAB RIGHT|" \
	    "kwic-sample.tsv|the concordance lines of this page|" \
	    "colloc.tsv|collocations: W1 TAB W2 TAB COUNT TAB PMI TAB T TAB G2|" \
	    "topics.txt|the topics: TOPIC TAB ALPHA TAB WORDS|" \
	    "topics.model|the topic model (sp-topics --infer reads it)|" \
	    "fit.tsv|what the topic model was fitted on, and how|" \
	    "effects.tsv|with covariates, the topics' expected proportions " \
	    "by value: COVARIATE TAB VALUE TAB TOPIC TAB MEAN TAB LOWER TAB " \
	    "UPPER|" \
	    "lambda.tsv|with covariates, the fitted λ: COVARIATE TAB VALUE " \
	    "TAB TOPIC TAB LAMBDA|" \
	    "doc-topics.tsv|each document's topic mix: DOC TAB TOPIC TAB " \
	    "PROPORTION|" \
	    "warnings.txt|the warnings about the input|" \
	    "summary.txt|the summary printed on the terminal", f, "|")
	print "<table><tr><th>table</th><th class=\"n\">bytes</th>" \
	    "<th>what it holds</th></tr>"
	for (i = 1; i in f; i += 2)
		if (f[i] in filebytes)
			printf "<tr><td><a href=\"%s\">%s</a></td><td class=\"n\">" \
			    "%s</td><td>%s</td></tr>\n", f[i], f[i],
			    num(filebytes[f[i]]), esc(f[i + 1])
	print "</table></section>"
}

END {
	head()
	overview()
	methods()
	groups()
	if (ndated())
		time_section()
	topics_section()
	keyterms_section()
	concordance()
	collocations()
	documents()
	tables()
	print "<p class=\"note\">sp " esc(setting["VERSION"]) "</p>"
	print "</body></html>"
}
