#!/bin/sh
# The table that make bench fits sp-scale to: the content words of a bench
# corpus (tests/bench/make-corpus.sh) in DOCS pseudo-documents of
# consecutive paragraphs, keeping the WORDS most frequent words (ties
# bytewise), as a count table DOC TAB WORD TAB COUNT.
# usage: make-scale-table.sh BIN CORPUS [DOCS [WORDS]] > table.tsv
set -eu
bin=$1 corpus=$2 docs=${3:-10000} words=${4:-20000}
tmp=${TMPDIR:-/tmp}/sp-scale-table.$$
trap 'rm -f "$tmp".*' EXIT INT TERM
LC_ALL=C
export LC_ALL
"$bin/sp-split" "$corpus" |
    "$bin/sp-tokens" --stop --no-numbers --min-len 2 >"$tmp.tok"
npara=$(tail -n 1 "$tmp.tok" | cut -f2)
awk -F '\t' -v OFS='\t' -v docs="$docs" -v npara="$npara" '
    { printf "d%05d\t%s\n", int(($2 - 1) * docs / npara), $4 }' \
    "$tmp.tok" | "$bin/sp-count" --by doc >"$tmp.counts"
cut -f2,3 "$tmp.counts" | "$bin/sp-count" --merge |
    head -n "$words" | cut -f1 >"$tmp.keep"
awk -F '\t' 'NR == FNR { keep[$1] = 1; next } $2 in keep' "$tmp.keep" \
    "$tmp.counts"
