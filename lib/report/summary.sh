#!/bin/sh
# The summary that make report prints on the terminal, under 60 lines
# whatever the corpus: its size, the warnings about the input (the first
# five), the keywords of the largest groups, the key terms, the topics,
# and where the tables and the page are.
# Usage: summary.sh OUT
set -eu
out=$1
. "$(dirname "$0")/common.sh"
awk -F '\t' -v out="$out" '
BEGIN {
	TOPGROUPS = 8
	TOPICS = 10
	# A character cut short: a lead byte and continuation bytes at the
	# end (listed one by one: a range of bytes above 127 is not
	# portable).
	for (i = 192; i <= 255; i++)
		lead = lead sprintf("%c", i)
	for (i = 128; i <= 191; i++)
		cont = cont sprintf("%c", i)
	partial = "[" lead "][" cont "]*$"
}
FNR == 1 {
	for (part++; part < ARGC && ARGV[part] != FILENAME; part++)
		;
}
part == 1 { setting[$1] = substr($0, length($1) + 2); next }
part == 2 { fit[$1] = $2; next }
part == 3 { ndocs++; sents += $5; tokens += $6; next }
part == 4 { group[++ngroups] = $1; gdocs[$1] = $2; gtokens[$1] = $3; next }
part == 5 { if ($1 != "NA") period[++nperiods] = $1; next }
part == 6 {
	if (nkey[$1] < 8)
		key[$1] = key[$1] (nkey[$1]++ ? ", " : "") $2
	next
}
part == 7 { terms = terms (nterms++ ? ", " : "") $1; next }
part == 8 {
	n = split($3, w, " ")
	s = ""
	for (i = 1; i <= n && i <= 8; i++)
		s = s (i > 1 ? " " : "") w[i]
	topic[++ntopics] = $1 "  " s
	next
}
part == 9 { warning[++nwarnings] = $0; next }

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

# At most n bytes of s, cut at a character.
function cut(s, n) {
	if (length(s) <= n)
		return s
	s = substr(s, 1, n - 3)
	sub(partial, "", s)
	return s "..."
}

END {
	s = "sp report: " setting["CORPUS"] ": " plural(ndocs, "document")
	if (nperiods > 0)
		s = s ", " period[1] (nperiods > 1 ? " to " period[nperiods] : "")
	print s
	print "  " plural(sents, "sentence") ", " plural(tokens, "token") ", " \
	    plural(fit["tokens"], "content word")
	if (nwarnings > 0) {
		print ""
		print "Warnings about the input:"
		for (i = 1; i <= nwarnings && i <= 5; i++)
			print "  " cut(warning[i], 150)
		if (nwarnings > 5)
			print "  and " num(nwarnings - 5) " more in " out \
			    "/warnings.txt"
	}
	print ""
	label = setting["META"] == "" ? "document" : setting["GROUP"]
	n = ngroups < TOPGROUPS ? ngroups : TOPGROUPS
	if (ngroups > n)
		print "Distinctive words by " label " (the " n " largest of " \
		    num(ngroups) "):"
	else
		print "Distinctive words by " label ":"
	for (i = 1; i <= n; i++) {
		g = group[i]
		print "  " cut(g, 40) " (" plural(gdocs[g], "doc") ", " \
		    plural(gtokens[g], "token") "): " \
		    (key[g] != "" ? key[g] : "-")
	}
	print ""
	print "Key terms" (setting["KEYTERMS"] == "" ? " (chosen)" : "") ": " \
	    (terms != "" ? terms : "none")
	print ""
	if (ntopics == 0)
		print "Topics: none (" fit["skipped"] ")"
	else {
		print "Topics (" ntopics ", fitted on " num(fit["fitted"]) \
		    " content words" (fit["model"] != "dmr" ? "" : ", prior by " \
		    (fit["groupcov"] != "" ? setting["GROUP"] : "") \
		    (fit["groupcov"] != "" && fit["yearcov"] != "" ? \
		    " and " : "") (fit["yearcov"] != "" ? "year" : "")) "):"
		for (i = 1; i <= ntopics && i <= TOPICS; i++)
			print "  " topic[i]
		if (ntopics > TOPICS)
			print "  and " num(ntopics - TOPICS) " more in " out \
			    "/topics.txt"
	}
	print ""
	print "Tables in " out "/ (listed on the page); the page: " out \
	    "/report.html"
}' "$out/settings.tsv" "$out/fit.tsv" "$out/docs.tsv" "$out/groups.tsv" \
    "$out/periods.tsv" "$out/keyness-group.tsv" "$out/keyterms.dict" \
    "$out/topics.txt" "$out/warnings.txt"
