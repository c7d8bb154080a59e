#!/bin/sh
# The topic mix of every document of make report, inferred with the model
# that topics.sh saved: DOC TAB TOPIC TAB PROPORTION (sp-topics
# --doc-topics), empty when there is no model.
# The sweeps are fit.tsv's "infer".  A model with covariates (fit.tsv's
# "covariates") gives each document the prior of its metadata, so it
# reads the table too; sp-topics' messages about it (ids it lacks, a
# group with no paragraph in the sample, taken as the reference) are
# shown only if it fails: the first are among the report's warnings.
# Usage: doc-topics.sh OUT
set -eu
out=$1
. "$(dirname "$0")/common.sh"
content=$out/content.tsv
sweeps=$(awk -F '\t' '$1 == "infer" { print $2 }' "$out/fit.tsv")
covariates=$(awk -F '\t' '$1 == "covariates" { print $2 }' "$out/fit.tsv")
sp=${SP_BIN:-bin}
tmp=$out/doc-topics.tmp
trap 'rm -f "$tmp".*' EXIT
trap 'exit 2' HUP INT TERM
if [ ! -s "$out/topics.model" ]; then
	: >"$out/doc-topics.tsv"
	exit 0
fi
if [ -n "$covariates" ]; then
	set -- --meta "$(setting META)"
else
	set --
fi
"$sp/sp-topics" --infer "$out/topics.model" --by doc -n "$sweeps" --seed 1 \
    --threads 2 --doc-topics "$out/doc-topics.tsv" "$@" "$content" \
    >/dev/null 2>"$tmp.err" || {
	cat "$tmp.err" >&2
	exit 2
}
