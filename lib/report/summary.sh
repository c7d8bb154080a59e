#!/bin/sh
# The terminal summary of make report: for each document its size, its ten
# most distinctive words and its main topics, then where the tables are.
# Usage: summary.sh OUT INDEX|""
set -eu
out=$1
index=$2
[ -n "$index" ] || index=/dev/null
LC_ALL=C awk -F '\t' -v out="$out" '
FILENAME != current {
	current = FILENAME
	for (part = 1; part < ARGC && ARGV[part] != FILENAME; part++)
		;
}
part == 1 { who[$1] = $2 (($3 != "") ? ", " $3 : "") (($5 != "") ? ", " $5 : ""); next }
part == 2 { docs[++n] = $1; size[$1] = sprintf("%d paragraphs, %d sentences, %d tokens", $2, $3, $4); next }
part == 3 {
	if (nkey[$1] < 10 && $5 + 0 > 0)
		key[$1] = key[$1] (nkey[$1]++ ? ", " : "") $2
	next
}
part == 4 { split($3, w, " "); topicwords[$1] = w[1] " " w[2] " " w[3] " " w[4] " " w[5]; next }
part == 5 {
	# Keep the two largest proportions of each document.
	p = $3 + 0
	if (p > best1[$1]) {
		best2[$1] = best1[$1]; top2[$1] = top1[$1]
		best1[$1] = p; top1[$1] = $2
	} else if (p > best2[$1]) {
		best2[$1] = p; top2[$1] = $2
	}
	next
}
END {
	for (i = 1; i <= n; i++) {
		d = docs[i]
		print ""
		print d ((d in who) ? "  (" who[d] ")" : "")
		print "  size:        " size[d]
		print "  distinctive: " key[d]
		printf "  topics:      %d (%.0f%%: %s)", top1[d], best1[d] * 100, topicwords[top1[d]]
		if (best2[d] >= 0.1)
			printf "; %d (%.0f%%: %s)", top2[d], best2[d] * 100, topicwords[top2[d]]
		print ""
	}
	print ""
	print "Tables in " out "/: segments.tsv tokens.tsv freq.tsv keyness-doc.tsv"
	print "keyness-speaker.tsv colloc.tsv kwic.tsv keyterms.tsv topics.txt"
	print "doc-topics.tsv; the page with charts: " out "/report.html"
}' "$index" "$out/sizes.tsv" "$out/keyness-doc.tsv" "$out/topics.txt" \
    "$out/doc-topics.tsv"
