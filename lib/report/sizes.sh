#!/bin/sh
# Size of each document: DOC TAB PARAGRAPHS TAB SENTENCES TAB TOKENS, in the
# order the documents come in the segment records.
# Usage: sizes.sh SEGMENTS TOKENS
set -eu
LC_ALL=C awk -F '\t' -v OFS='\t' '
FNR == 1 { file++ }
file == 1 {
	if (!($1 in sents))
		order[++n] = $1
	sents[$1]++
	if (!(($1 SUBSEP $2) in seen)) {
		seen[$1, $2] = 1
		paras[$1]++
	}
	next
}
{ toks[$1]++ }
END {
	for (i = 1; i <= n; i++)
		print order[i], paras[order[i]], sents[order[i]], toks[order[i]] + 0
}' "$1" "$2"
