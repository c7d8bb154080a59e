#!/bin/sh
# Measure lib/syllable.c against the CMU Pronouncing Dictionary: of the
# word types of a count table that CMUdict knows, how many get a count
# equal to one of CMUdict's pronunciations, by type and by token.  Only a
# measurement (CMUdict is not used by sp); Debian ships CMUdict in the
# pocketsphinx-en-us package.
#
# Usage: sh tests/bench/syllables-cmudict.sh [COUNTS [CMUDICT [MISSES]]]
# COUNTS is a table "ITEM TAB COUNT" (sp-count's output), by default the
# words of corpus/*.txt; MISSES, if given, receives the types counted
# differently, most frequent first: WORD TAB COUNT TAB OURS TAB CMUDICT.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
LC_ALL=C
export LC_ALL
dict=${2:-/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict}
[ -r "$dict" ] || { echo "no CMUdict at $dict (apt-get install pocketsphinx-en-us)" >&2; exit 2; }
make -s build/libsp.a bin/sp-split bin/sp-tokens bin/sp-count
cc -std=c11 -O2 -Ilib -o build/syllables tests/bench/syllables.c build/libsp.a
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -ge 1 ] && [ -n "$1" ]; then
	cp "$1" "$tmp/counts"
else
	bin/sp-split corpus/*.txt | bin/sp-tokens | bin/sp-count >"$tmp/counts"
fi
cut -f1 "$tmp/counts" | build/syllables >"$tmp/ours"
awk -F '\t' -v misses="${3:-}" '
FILENAME == ARGV[1] {
	# CMUdict: WORD[(n)] PHONES...; a syllable is a vowel phone.
	w = $0
	sub(/[ \t].*/, "", w)
	sub(/\([0-9]+\)$/, "", w)
	n = 0
	k = split($0, ph, /[ \t]+/)
	for (i = 2; i <= k; i++)
		if (ph[i] ~ /^(AA|AE|AH|AO|AW|AY|EH|ER|EY|IH|IY|OW|OY|UH|UW)[0-9]?$/)
			n++
	if (!(w in cmu))
		cmu[w] = n
	else if (index(" " cmu[w] " ", " " n " ") == 0)
		cmu[w] = cmu[w] " " n
	next
}
FILENAME == ARGV[2] { freq[$1] = $2; next }
{
	if (!($1 in cmu) || !($1 in freq))
		next
	types++
	tokens += freq[$1]
	if (index(" " cmu[$1] " ", " " $2 " ") > 0) {
		okt++
		okn += freq[$1]
	} else if (misses != "")
		print $1 "\t" freq[$1] "\t" $2 "\t" cmu[$1] > misses
}
END {
	printf "types in CMUdict: %d, counted as CMUdict does: %d (%.2f%%)\n", types, okt, 100 * okt / types
	printf "tokens: %d, counted as CMUdict does: %d (%.2f%%)\n", tokens, okn, 100 * okn / tokens
}' "$dict" "$tmp/counts" "$tmp/ours"
if [ -n "${3:-}" ] && [ -f "$3" ]; then
	sort -t "$(printf '\t')" -k2,2nr -k1,1 "$3" -o "$3"
fi
