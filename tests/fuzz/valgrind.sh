#!/bin/sh
# Run every sp executable under valgrind memcheck over the bundled corpus
# (the usual options of each tool, and a few bad inputs), with
# --leak-check=full --error-exitcode=1, and list the runs that reported an
# error or a leak.  Logs go to build/valgrind/.  Exit status 1 if any did.
#
# usage: tests/fuzz/valgrind.sh [BINDIR]   (default bin)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
LC_ALL=C
export LC_ALL
b=${1:-bin}
out=build/valgrind
mkdir -p "$out"
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: not installed (Debian: apt-get install valgrind)" >&2
	exit 2
fi

# Inputs made by the tools themselves, outside valgrind.
"$b/sp-split" corpus/*.txt >"$out/seg.tsv"
"$b/sp-tokens" "$out/seg.tsv" >"$out/tok.tsv"
"$b/sp-count" --by doc "$out/tok.tsv" >"$out/counts.tsv"
printf 'Bad \200 byte, overlong \300\257, truncated \342\202' >"$out/bad-utf8.txt"
printf 'Text\000with NUL.\n' >"$out/nul.txt"
printf 'not a model\n' >"$out/bad-model.txt"
printf 'the\tx\n' >"$out/bad-counts.tsv"

n=0
bad=0
# vg NAME ARGS...: one run under memcheck; a tool's own exit status (1 or
# 2 for bad input) is fine, valgrind's 99 is not.
vg() {
	name=$1
	shift
	n=$((n + 1))
	status=0
	valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    --error-exitcode=99 --log-file="$out/$name.log" \
	    "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null || status=$?
	if [ "$status" -eq 99 ] || [ -s "$out/$name.log" ]; then
		echo "valgrind: $name: ERRORS (see $out/$name.log)"
		bad=$((bad + 1))
	fi
}

vg split "$b/sp-split" corpus/*.txt
vg split-para "$b/sp-split" --paragraphs corpus/*.txt
vg split-lines "$b/sp-split" --lines "$out/bad-utf8.txt" corpus/khan-2016-03-20.txt
vg split-bad "$b/sp-split" "$out/nul.txt" /nonexistent corpus corpus/khan-2016-03-20.txt
vg tokens "$b/sp-tokens" "$out/seg.tsv"
vg tokens-all "$b/sp-tokens" --stop --stem --punct --keep-case --min-len 2 "$out/seg.tsv"
vg tokens-ngrams "$b/sp-tokens" --ngrams 1-3 --no-numbers "$out/seg.tsv"
vg tokens-bad "$b/sp-tokens" "$out/bad-utf8.txt" "$out/nul.txt" /nonexistent
vg count "$b/sp-count" "$out/tok.tsv"
vg count-by "$b/sp-count" --by doc --rel --df --tfidf "$out/tok.tsv"
vg count-keyness "$b/sp-count" -k javid-2018-06-04 --negative "$out/tok.tsv"
vg count-colloc "$b/sp-count" --colloc -w 3 --min 2 "$out/tok.tsv"
vg count-pairs "$b/sp-count" --pairs "$out/tok.tsv"
vg count-merge "$b/sp-count" --merge --by doc "$out/counts.tsv" "$out/counts.tsv"
vg count-bad "$b/sp-count" --merge "$out/bad-counts.tsv" "$out/nul.txt"
vg grep "$b/sp-grep" 'terror*' "$out/seg.tsv"
vg grep-phrase "$b/sp-grep" --kwic -e '"safe spaces"' -e 'extrem*' "$out/seg.tsv"
vg grep-fixed "$b/sp-grep" -F -i -c police "$out/seg.tsv"
vg grep-regex "$b/sp-grep" -E -w -o 'terror(ism|ist)s?' "$out/seg.tsv"
vg grep-bad "$b/sp-grep" -F x "$out/nul.txt" "$out/bad-utf8.txt" /nonexistent
vg topics "$b/sp-topics" -k 5 -n 30 --save "$out/model.txt" \
    --doc-topics "$out/dt.tsv" --word-topics "$out/wt.tsv" \
    --diagnostics "$out/diag.tsv" "$out/tok.tsv"
vg topics-threads "$b/sp-topics" -k 5 -n 30 --threads 2 "$out/tok.tsv"
vg topics-infer "$b/sp-topics" --infer "$out/model.txt" "$out/tok.tsv"
vg topics-bad "$b/sp-topics" --infer "$out/bad-model.txt" "$out/tok.tsv"
echo "valgrind: $n runs, $bad with errors or leaks"
[ "$bad" -eq 0 ]
