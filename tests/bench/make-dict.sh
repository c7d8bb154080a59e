#!/bin/sh
# A dictionary of 5,000 word patterns for make bench (sp-grep --dict
# scores, issue 18): word types of three letters or more of the segment
# records SEG, ranked by frequency, every seventh (so common and rare
# ones), in ten categories; every tenth a prefix (terro*), every fiftieth
# a phrase of two words; weights -1.5 to 1.5 in steps of 0.5.  Writes
# DIR/dict5000w.tsv (CATEGORY TAB pattern TAB weight) and DIR/dict5000.tsv
# (the same without the weights).
#
# usage: tests/bench/make-dict.sh SEG DIR
# environment: AWK (awk)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$top/bin
AWK=${AWK:-awk}
LC_ALL=C
export LC_ALL
seg=$1
dir=$2
"$bin/sp-tokens" "$seg" | cut -f4 |
    "$AWK" 'length($0) >= 3 && $0 ~ /^[a-z]+$/' | "$bin/sp-count" |
    "$AWK" -F '\t' 'NR % 7 == 1 && n < 5000 {
	p = $1
	if ((n + 1) % 10 == 0)
		p = substr(p, 1, length(p) - 1) "*"
	if ((n + 1) % 50 == 0)
		p = "\"" p " " prev "\""
	prev = $1
	if (p in seen)
		next
	seen[p] = 1
	n++
	printf "c%d\t%s\t%s\n", n % 10, p, (n % 7 - 3) / 2
    }' >"$dir/dict5000w.tsv"
cut -f1,2 "$dir/dict5000w.tsv" >"$dir/dict5000.tsv"
