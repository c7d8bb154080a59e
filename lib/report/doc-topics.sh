#!/bin/sh
# The topic mix of every document of make report, inferred with the model
# that topics.sh saved: DOC TAB TOPIC TAB PROPORTION (sp-topics
# --doc-topics), empty when there is no model.
# The sweeps are fit.tsv's "infer".
# Usage: doc-topics.sh OUT
set -eu
out=$1
. "$(dirname "$0")/common.sh"
content=$out/content.tsv
sweeps=$(awk -F '\t' '$1 == "infer" { print $2 }' "$out/fit.tsv")
sp=${SP_BIN:-bin}
if [ ! -s "$out/topics.model" ]; then
	: >"$out/doc-topics.tsv"
	exit 0
fi
"$sp/sp-topics" --infer "$out/topics.model" --by doc -n "$sweeps" --seed 1 \
    --threads 2 --doc-topics "$out/doc-topics.tsv" "$content" >/dev/null
