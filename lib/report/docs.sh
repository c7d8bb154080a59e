#!/bin/sh
# The documents of make report: OUT/docs.tsv, a row per document in the
# order of the input,
#
#	DOC TAB GROUP TAB PERIOD TAB PARAGRAPHS TAB SENTENCES TAB TOKENS
#
# GROUP is the document's value in the metadata table's GROUP column (its
# id without a table), PERIOD its DATE by PERIOD (year 2019, month
# 2019-03, decade 2010s; empty without a date column); a document missing
# from the table, or with an empty value or NA, is in the group (period)
# NA.  TOKENS counts every token, stop words too.  OUT/docs.log says how
# many ids the table lacks and how many documents have no text.
# Usage: docs.sh OUT (the settings in OUT/settings.tsv)
set -eu
out=$1
. "$(dirname "$0")/common.sh"
sp=${SP_BIN:-bin}
tmp=$out/docs.tmp
trap 'rm -f "$tmp".*' EXIT
trap 'exit 2' HUP INT TERM

meta=$(setting META)
group=$(setting GROUP)
date=$(setting DATE)
period=$(setting PERIOD)

# Tokens per document.
st=0
{ "$sp/sp-tokens" "$out/segments.tsv" || echo $? >"$tmp.st"; } | cut -f1 |
	"$sp/sp-count" >"$tmp.tokens" || st=$?
[ "$st" -eq 0 ] && [ ! -s "$tmp.st" ] || {
	echo "make report: counting the tokens of each document failed" >&2
	exit 2
}

# The table is read here as lib/meta.c reads it (check.sh has had it
# checked by lib/meta.c through sp-count): TSV, a header row, ids in the
# first column.  docs.tsv needs each document's own values, which no sp
# program writes, so this join stays in awk.
awk -F '\t' -v OFS='\t' -v group="$group" -v date="$date" \
    -v period="$period" -v meta="$meta" -v logfile="$tmp.log" '
# Which operand this line is from, by its place among them, so that an
# empty one does not shift the others.
FILENAME != current {
	current = FILENAME
	for (part = 1; part < ARGC && ARGV[part] != FILENAME; part++)
		;
}
part == 1 && meta != "" {
	sub(/\r$/, "")
	if (FNR == 1)
		sub(/^\357\273\277/, "")
	if ($0 == "")
		next
	if (!header) {
		header = 1
		for (i = 1; i <= NF; i++) {
			if ($i == group && !gcol)
				gcol = i
			if ($i == date && !dcol)
				dcol = i
		}
		next
	}
	g = gcol ? $gcol : ""
	gval[$1] = (g == "") ? "NA" : g
	if (dcol) {
		d = $dcol
		if (d == "" || d == "NA")
			d = "NA"
		else if (period == "year")
			d = substr(d, 1, 4)
		else if (period == "month")
			d = substr(d, 1, 7)
		else
			d = substr(d, 1, 3) "0s"
		pval[$1] = d
	}
	inmeta[$1] = 1
	next
}
part == 1 { next }
part == 2 {
	docs[++n] = $0
	next
}
part == 3 {
	ntok[$1] = $2
	next
}
{
	sents[$1]++
	if ($2 != lastpara || $1 != lastdoc) {
		paras[$1]++
		lastpara = $2
		lastdoc = $1
	}
}
END {
	for (i = 1; i <= n; i++) {
		d = docs[i]
		if (meta == "")
			g = d
		else if (d in inmeta)
			g = gval[d]
		else {
			g = "NA"
			if (!missing++)
				firstmissing = d
		}
		p = ""
		if (date != "")
			p = (d in inmeta) ? pval[d] : "NA"
		print d, g, p, paras[d] + 0, sents[d] + 0, ntok[d] + 0
		if (!(d in sents) && !empty++)
			firstempty = d
	}
	if (missing)
		printf "%s: %d id%s not in the table (first: %s); their " \
		    "records are counted as NA\n", meta, missing,
		    (missing == 1 ? "" : "s"), firstmissing > logfile
	if (empty)
		printf "%d document%s no text (first: %s)\n", empty,
		    (empty == 1 ? " has" : "s have"), firstempty > logfile
}' "${meta:-/dev/null}" "$out/ids.txt" "$tmp.tokens" "$out/segments.tsv" \
    >"$tmp.docs"
[ -f "$tmp.log" ] || : >"$tmp.log"
mv "$tmp.log" "$out/docs.log"
mv "$tmp.docs" "$out/docs.tsv"
