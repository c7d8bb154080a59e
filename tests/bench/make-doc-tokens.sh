#!/bin/sh
# The inputs of make bench's grouping rows (sp-count --meta, --keyness,
# --keyness-all): the tokens of a bench corpus (tests/bench/make-corpus.sh)
# in DOCS pseudo-documents of consecutive paragraphs, as records
# DOC TAB TOKEN in DIR/doc-tokens-SIZE.tsv, and a metadata table of the
# documents in DIR/doc-meta.tsv with a header row: id, party (5 values),
# speaker (200), date (one a week from 1950) and region.
# usage: make-doc-tokens.sh BIN CORPUS DIR SIZE [DOCS]
set -eu
bin=$1 corpus=$2 dir=$3 size=$4 docs=${5:-5000}
tmp=$dir/doc-tokens.$$
trap 'rm -f "$tmp"' EXIT INT TERM
LC_ALL=C
export LC_ALL
"$bin/sp-split" "$corpus" | "$bin/sp-tokens" >"$tmp"
npara=$(tail -n 1 "$tmp" | cut -f2)
awk -F '\t' -v OFS='\t' -v docs="$docs" -v npara="$npara" '
    { printf "d%05d\t%s\n", int(($2 - 1) * docs / npara), $4 }' "$tmp" \
    >"$dir/doc-tokens-$size.tsv"
awk -v docs="$docs" 'BEGIN {
	split("Lab Con LD SNP Green", party, " ")
	print "id\tparty\tspeaker\tdate\tregion"
	for (i = 0; i < docs; i++) {
		# A week is 7 days; months of 30 days are near enough for
		# dates that need only be valid.
		d = i * 7
		printf "d%05d\t%s\tspeaker%03d\t%04d-%02d-%02d\tr%d\n", i,
		    party[i % 5 + 1], i * 7919 % 200, 1950 + int(d / 360),
		    int(d % 360 / 30) + 1, d % 30 + 1, i % 12
	}
}' >"$dir/doc-meta.tsv"
