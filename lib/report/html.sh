#!/bin/sh
# Write the page of make report, one self-contained file (no script, no
# network) with inline SVG charts, from the tables in OUT, on standard
# output (html.awk says how).
# Usage: html.sh OUT
set -eu
out=$1
. "$(dirname "$0")/common.sh"
for f in settings.tsv segments.tsv ids.txt docs.tsv groups.tsv periods.tsv \
    stop.txt content.tsv counts-group.tsv counts-period.tsv \
    keyness-group.tsv keyness-period.tsv keyterms.dict keyterms.tsv \
    kwic.tsv kwic-sample.tsv colloc.tsv topics.txt topics.model fit.tsv \
    effects.tsv lambda.tsv doc-topics.tsv warnings.txt summary.txt; do
	[ -f "$out/$f" ] && printf '%s\t%s\n' "$f" "$(wc -c <"$out/$f")"
done | awk -F '\t' -f "$(dirname "$0")/html.awk" \
    "$out/settings.tsv" "$out/fit.tsv" "$out/docs.tsv" "$out/groups.tsv" \
    "$out/periods.tsv" "$out/keyness-group.tsv" "$out/keyterms.dict" \
    "$out/keyterms.tsv" "$out/topics.txt" "$out/doc-topics.tsv" \
    "$out/colloc.tsv" "$out/kwic-sample.tsv" "$out/warnings.txt" \
    "$out/stop.txt" "$out/effects.tsv" -
