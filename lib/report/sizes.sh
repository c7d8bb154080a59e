#!/bin/sh
# The groups (COLUMN 2 of docs.tsv) or the periods (COLUMN 3) of make
# report with their sizes: NAME TAB DOCUMENTS TAB TOKENS, the groups
# largest first (then by name), the periods in order, NA last; nothing
# for the periods when there is no date column.
# Usage: sizes.sh DOCS COLUMN
set -eu
LC_ALL=C
export LC_ALL
tab=$(printf '\t')
awk -F '\t' -v OFS='\t' -v col="$2" '
$col != "" { docs[$col]++; tokens[$col] += $6 }
END { for (v in docs) print v, docs[v], tokens[v] }' "$1" |
if [ "$2" -eq 2 ]; then
	sort -t "$tab" -k3,3nr -k1,1
else
	awk -F '\t' '{ print ($1 == "NA") "\t" $0 }' | sort -t "$tab" -k1,1n -k2,2 |
	    cut -f2-
fi
