#!/bin/sh
# The key terms of make report, as word patterns for sp-grep, one a line.
#
#   keyterms.sh given < TEXT
#	the patterns of KEYTERMS: words separated by blanks, a double-quoted
#	phrase ("safe spaces") kept whole, quotes and all.
#   keyterms.sh chosen KEYNESS GROUPS [N]
#	N (default 5) words chosen from the corpus: the most distinctive
#	words (KEYNESS, as sp-count --keyness-all writes it) of the groups in turn, in
#	the order of GROUPS (groups.tsv: the largest first): the first word
#	of each group, then the second, and so on, each word once.  Only words
#	of letters (with ' and -) are taken, so each is a pattern that
#	matches that word alone.
#   keyterms.sh dict OUT
#	the key terms of make report as a dictionary for sp-grep --dict,
#	TERM TAB PATTERN: those of OUT/set/keyterms (KEYTERMS) if it has
#	any, else five chosen from OUT/keyness-group.tsv and groups.tsv.
set -eu
LC_ALL=C
export LC_ALL
case ${1:-} in
dict)
	out=$2
	if grep -q '[^[:space:]]' "$out/set/keyterms"; then
		sh "$0" given <"$out/set/keyterms"
	else
		sh "$0" chosen "$out/keyness-group.tsv" "$out/groups.tsv"
	fi | awk '{ t = $0; gsub(/"/, "", t); print t "\t" $0 }'
	;;
given)
	awk '
	{
		for (i = 1; i <= NF; i++) {
			if (phrase != "") {
				phrase = phrase " " $i
				if ($i ~ /"$/) {
					print phrase
					phrase = ""
				}
			} else if ($i ~ /^"/ && ($i == "\"" || $i !~ /"$/))
				phrase = $i
			else
				print $i
		}
	}
	END {
		if (phrase != "")
			print phrase "\""
	}'
	;;
chosen)
	awk -F '\t' -v want="${4:-5}" '
	BEGIN {
		# A letter or any byte above 127 (listed one by one: a range
		# of such bytes is not portable), then those, apostrophes and
		# hyphens.
		for (i = 128; i <= 255; i++)
			high = high sprintf("%c", i)
		isword = "^[a-z" high "][a-z" high "'\''-]*$"
	}
	FNR == 1 { part++ }
	part == 1 {
		groups[++ngroups] = $1
		next
	}
	{
		if ($2 !~ isword)
			next
		word[$1, ++nword[$1]] = $2
	}
	END {
		for (rank = 1; n < want; rank++) {
			more = 0
			for (i = 1; i <= ngroups && n < want; i++) {
				g = groups[i]
				if (rank > nword[g])
					continue
				more = 1
				w = word[g, rank]
				if (!(w in taken)) {
					taken[w] = 1
					print w
					n++
				}
			}
			if (!more)
				break
		}
	}' "$3" "$2"
	;;
*)
	echo "usage: keyterms.sh given | chosen KEYNESS GROUPS [N] | dict OUT" >&2
	exit 2
	;;
esac
