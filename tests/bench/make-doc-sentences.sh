#!/bin/sh
# The input of make bench's text statistics rows (sp-count --readability
# --lexdiv): the tokens of a bench corpus (tests/bench/make-corpus.sh) in
# DOCS pseudo-documents of consecutive paragraphs, as token records
# DOC TAB PARA TAB SENT TAB TOKEN (sp-split's paragraphs and sentences
# kept, so that readability has sentences), into OUT.
# usage: make-doc-sentences.sh BIN CORPUS OUT [DOCS]
set -eu
bin=$1 corpus=$2 out=$3 docs=${4:-5000}
tmp=$out.$$
trap 'rm -f "$tmp"' EXIT INT TERM
LC_ALL=C
export LC_ALL
"$bin/sp-split" "$corpus" | "$bin/sp-tokens" >"$tmp"
npara=$(tail -n 1 "$tmp" | cut -f2)
awk -F '\t' -v OFS='\t' -v docs="$docs" -v npara="$npara" '
    { printf "d%05d\t%s\t%s\t%s\n", int(($2 - 1) * docs / npara), $2, $3,
      $4 }' "$tmp" >"$out"
