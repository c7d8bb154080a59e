#!/bin/sh
# grep-diff: sp-grep's fast paths against their simple references.  Each
# seed makes input files (records with keys of 0 to 4 fields and plain
# lines, in English with accented and folding letters, curly quotes, a
# KELVIN SIGN, invisible characters; damaged with CRLF line ends, invalid
# UTF-8, a byte order mark, a NUL byte, no final newline; one seed in four
# larger than the reader's blocks of 256 KB, with long lines), and sp-grep
# runs on them with each of a list of option sets, once as built and once
# with SP_REFERENCE=1 (lib/reference.h: every record searched on its own,
# each string tried at every place, word patterns tokenized whole, regular
# expressions run by regexec): standard output, standard error and the
# exit status must be the same bytes.  The fast paths compared are the
# block scan (lines passed over, their invalid UTF-8 counted, their line
# numbers counted only when a message needs one, their groups for -c),
# the two-byte and rare-byte substring searches, the Aho-Corasick
# automaton for many strings, regular expressions searched as strings,
# and the word prefilter.
#
# usage: sh tests/grep-diff.sh [SEEDS [FIRST]]
#   SEEDS (default 12) seeds from FIRST (default 1); each seed runs a third
#   of the option sets, a different third for the next seed.
# environment: SP_BIN (bin), AWK (awk), GREP_DIFF_KEEP (a folder to keep
#   the inputs of the cases that differ in).
# Prints one line per difference and a last line "grep-diff: N cases, M
# differ"; exit status 1 if any differ.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${SP_BIN:-$top/bin}
case $bin in
/*) ;;
*) bin=$top/$bin ;;
esac
AWK=${AWK:-awk}
LC_ALL=C
export LC_ALL
seeds=${1:-12}
first=${2:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/grep-diff.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 2' HUP INT TERM
cd "$work" || exit 2
cases=0
differ=0

# gen SEED SIZE: records and plain lines, about SIZE bytes.
gen() {
	"$AWK" -v seed="$1" -v size="$2" '
	function pick(n) { return int(rand() * n) }
	function word(   w) {
		w = words[pick(nwords)]
		if (rand() < 0.03)
			w = w bad[pick(nbad)]
		return w
	}
	BEGIN {
		srand(seed)
		nwords = split("the|The|THE|there|other|Jerusalem|" \
		    "jerusalem|JERUSALEM|security|insecurity|zzz|zzzz|" \
		    "people|the people|terror|terrorism|counter-terrorism|" \
		    "Terror|TERRORISTS|spaces|safe|no|don" sprintf("%c", 39) \
		    "t|it" sprintf("%c%c%c", 226, 128, 153) "s|" \
		    sprintf("%c%c", 195, 169) "cole|" \
		    sprintf("%c%c", 195, 137) "COLE|" \
		    sprintf("%c%c%c", 226, 132, 170) "elvin|kelvin|" \
		    sprintf("%c%c", 197, 191) "ecurity|" \
		    "te" sprintf("%c%c", 194, 173) "rror|" \
		    "Ba" sprintf("%c%c%c", 226, 128, 139) "bylon|Babylon|" \
		    "Egypt|e|a|of|and|to|in|that|1,000|3.5|U.S.|x@y.org|" \
		    "http://a.b/the|-|--|...|,|.|;|:|(|)|" \
		    sprintf("%c%c", 207, 131) "| |" sprintf("%c", 9), words, \
		    "|")
		for (i = 1; i <= nwords; i++)
			words[i - 1] = words[i]
		nbad = split(sprintf("%c|%c|%c%c|%c%c%c|%c", 255, 195, 226,
		    130, 237, 160, 128, 128), bad, "|")
		for (i = 1; i <= nbad; i++)
			bad[i - 1] = bad[i]
		crlf = rand() < 0.3
		if (rand() < 0.15)
			printf "%c%c%c", 239, 187, 191
		doc = 1
		while (written < size) {
			line = ""
			k = pick(5)
			if (rand() < 0.08)
				k = 0
			if (rand() < 0.02)
				doc++
			if (k > 0)
				line = "d" doc
			for (f = 2; f <= k; f++)
				line = line sprintf("%c", 9) pick(3)
			if (k > 0)
				line = line sprintf("%c", 9)
			n = pick(25)
			if (size > 200000 && rand() < 0.002)
				n = 8000 + pick(8000)
			for (j = 0; j < n; j++)
				line = line (j ? " " : "") word()
			if (crlf && rand() < 0.7)
				line = line sprintf("%c", 13)
			print line
			written += length(line) + 1
		}
	}'
}

# inputs SEED: the files of a seed: in (damaged as the seed says), in2,
# words and words2 (more patterns than are searched one by one) and dict.
inputs() {
	size=$((1000 + $1 * 7919 % 30000))
	if [ $(($1 % 4)) -eq 0 ]; then
		size=$((270000 + $1 * 104729 % 400000))
	fi
	gen "$1" "$size" >in.raw
	damage=$(($1 % 7))
	# One large file in two gets its NUL byte too, past the first blocks.
	[ $(($1 % 8)) -eq 0 ] && damage=3
	case $damage in
	3)	# a NUL byte somewhere in the file
		at=$(($1 * 7919 % size))
		head -c "$at" in.raw >in
		printf '\000' >>in
		tail -c +"$((at + 1))" in.raw >>in
		;;
	5)	# no final newline
		head -c "$(($(wc -c <in.raw) - 1))" in.raw >in
		;;
	*)	mv in.raw in ;;
	esac
	gen "$(($1 + 1000))" 3000 >in2
	printf '%s\n' the people security zzz jerusalem Babylon egypt \
	    terror 'the people' "don't" cole kelvin spaces of >words
	# Letters only, one inside another: occurrences inside a longer
	# word are passed over (search.c, next_literal).
	printf '%s\n' the there other them people security zzz jerusalem \
	    babylon egypt terror spaces of safe >words2
	printf 'a\tthe\na\tpeople\nb\tterror*\nb\t*ism\nc\t"the people"\n' \
	    >dict
	printf 'c\tzzz\nd\tjerusalem\nd\tbabylon\ne\tkelvin\ne\tsafe\n' >>dict
	printf 'e\tdon%st\nf\tof\nf\tto\nf\tcounter-*\n' "'" >>dict
	# A metadata table for the ids d1, d2, ...: some missing (NA), and
	# the keyed records alone, so that a line with no key does not end
	# the file at once.
	"$AWK" 'BEGIN { print "id\tParty\tDate"
		for (i = 1; i <= 60; i++)
			if (i % 7 != 3)
				printf "d%d\t%s\t%d-0%d-1%d\n", i,
				    substr("LabConLD", 1 + 3 * (i % 3), 3),
				    2000 + i % 5, 1 + i % 9, i % 9
	}' >meta
	grep -a "$(printf '\t')" in >keyed || true
	# Weights and a negated phrase that hides the plain word (dict.h).
	printf 'p\tsafe\t1.5\nn\tterror*\t-2\nnp\t"no safe"\t-0.25\n' >wdict
	printf 'n\tthe people\t0.000001\n' >>wdict
}

# compare SEED ARGS...: sp-grep ARGS as built and as its reference.
compare() {
	seed=$1
	shift
	cases=$((cases + 1))
	"$bin/sp-grep" "$@" >fast.out 2>fast.err </dev/null
	fast=$?
	SP_REFERENCE=1 "$bin/sp-grep" "$@" >ref.out 2>ref.err </dev/null
	ref=$?
	if [ "$fast" = "$ref" ] && cmp -s fast.out ref.out &&
	    cmp -s fast.err ref.err; then
		return 0
	fi
	differ=$((differ + 1))
	echo "grep-diff: seed $seed: sp-grep $* differs from its" \
	    "reference (status $fast and $ref)"
	diff fast.out ref.out | head -n 4
	diff fast.err ref.err | head -n 4
	if [ -n "${GREP_DIFF_KEEP:-}" ]; then
		mkdir -p "$GREP_DIFF_KEEP/seed-$seed"
		cp in in2 words words2 dict "$GREP_DIFF_KEEP/seed-$seed/"
	fi
}

# The same through a pipe, where line numbers are counted as blocks go.
compare_pipe() {
	seed=$1
	shift
	cases=$((cases + 1))
	"$bin/sp-grep" "$@" <in >fast.out 2>fast.err
	fast=$?
	SP_REFERENCE=1 "$bin/sp-grep" "$@" <in >ref.out 2>ref.err
	ref=$?
	if [ "$fast" = "$ref" ] && cmp -s fast.out ref.out &&
	    cmp -s fast.err ref.err; then
		return 0
	fi
	differ=$((differ + 1))
	echo "grep-diff: seed $seed: sp-grep $* < in differs from its" \
	    "reference (status $fast and $ref)"
	diff fast.out ref.out | head -n 4
	diff fast.err ref.err | head -n 4
}

seed=$first
while [ "$seed" -lt $((first + seeds)) ]; do
	inputs "$seed"
	i=0
	while IFS= read -r opts; do
		i=$((i + 1))
		[ $(((i + seed) % 3)) -eq 0 ] || continue
		eval "set -- $opts"
		compare "$seed" "$@" in
		if [ $((i % 2)) -eq 0 ]; then
			compare "$seed" "$@" in2 in
		else
			compare_pipe "$seed" "$@"
		fi
	done <<'EOF'
-F the
-F -o the
-F -c the
-F -l the
-F --kwic=10 the
-F -q zzz
-F zzz
-F -c Jerusalem
-F -i -o jerusalem
-F -i -c SECURITY
-F -w -o the
-F -w -c -i the
-F -o 'the people'
-F -c --by para e
-F -l --by 2 the
-F -c --by sent 'the'
-F -o .
-F -i -o 'école'
-F -o "'"
-F -f words
-F -o -f words
-F -c -f words
-F -i -c -f words
-F -w -o -f words
-F -l -f words
-F -c -e the -e there -e e
-F -o -e kelvin -e k
the
-o 'terror*'
-c the
-c 'the people'
-o "don't"
-c -i 'école'
-o kelvin
-l '*ism'
--kwic=8 security
-c -f words
-o -f words
-l -f words
-c -f words2
-o -f words2
-c -e the -e there -e other
-o -e the -e them
-o -e 'the people' -e there
--dict dict
-c --dict dict
-o --dict dict
-c --by 2 -f words
--case -o The
-E the
-E -c the
-E -o 'the people'
-E -c '(Jerusalem|Babylon)'
-E -o 'terror(ism|ists)?'
-E -i -o 'JERUSALEM|egypt'
-E -w -c 'the|of'
-E -o '^the'
-E -c 'e$'
-E -c -f words
-E -o -f words
-E -i -l -f words
-E -o 'zz+'
-E --kwic=6 'pe.ple'
-v the
-c -v -F the
-F -c --meta meta --by Party the keyed
-F -c --meta meta --by Party -f words keyed
-c --meta meta --by Date:year the keyed
-c --meta meta --by Party -f words2 keyed
-l --meta meta --by Party -f words keyed
-F -l --meta meta --by Date:month zzz keyed
-c -v --meta meta --by Party the keyed
-c --dict wdict
-c --rate --dict wdict
-c --nested=category --dict wdict
-o --dict wdict
-c --meta meta --by Party --rate --dict wdict keyed
-l --dict wdict
EOF
	seed=$((seed + 1))
done
echo "grep-diff: $cases cases, $differ differ"
[ "$differ" -eq 0 ]
