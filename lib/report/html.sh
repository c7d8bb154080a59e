#!/bin/sh
# Write out/report.html, one self-contained page (no scripts, no network)
# with inline SVG charts, from the tables of make report.
# Usage: html.sh OUT INDEX|""
set -eu
out=$1
index=$2
[ -n "$index" ] || index=/dev/null
here=$(dirname "$0")
LC_ALL=C awk -F '\t' -v corpus="${CORPUS:-corpus}" -f "$here/html.awk" \
    "$index" "$out/sizes.tsv" "$out/topics.txt" "$out/doc-topics.tsv" \
    "$out/keyness-speaker.tsv" "$out/keyterms.tsv" "$out/colloc.tsv" \
    "$out/kwic.tsv"
