#!/bin/sh
# The sp-grep half of make bench: sp-grep against GNU grep doing the same
# search on the same input, for every pattern, kind and output of issue 14:
# patterns Jerusalem (rare), security (rare, common letters), the (in most
# lines), zzz (nearly absent), the people (a phrase) and 100 words at once
# (-f: the words of the corpus of 3 letters or more, ranked by frequency,
# at ranks spread evenly on a log scale from 1 to the last, so common and
# rare ones); kinds -F against grep -F, word patterns against grep -Fwi
# (which finds less exact words: terrorism inside counter-terrorism), -E
# against grep -E; output the matching lines, -c and -l, always through a
# pipe (| cat >/dev/null: grep writing straight to /dev/null stops at the
# first match); on the segment records of the corpus (sp-split's output)
# and on the plain text.  The two commands of a pair are run in turn, each
# once to warm up and then RUNS times, and the table gives the medians of
# the wall times, sp-grep's time as a multiple of grep's (the target is
# 1.1 at most) and the same ratio of the median CPU times (user and
# system, of both processes of the pipe).  sp-grep -l is not grep -l's
# job: grep -l stops reading a file at its first match, sp-grep reads on,
# for the other documents in a file of records and so that the warnings
# about the input are the same whatever the options; its rows are marked.
#
# usage: tests/bench/grep-matrix.sh DIR SIZE
#   DIR holds corpus-SIZE.txt (tests/bench/make-corpus.sh), and gets the
#   segment records and the word list if they are not there.
# environment: BENCH_GREP_RUNS (5), AWK (mawk if installed, else awk)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
LC_ALL=C
export LC_ALL
dir=$1
size=$2
bin=$top/bin
runs=${BENCH_GREP_RUNS:-5}
if [ -z "${AWK:-}" ]; then
	AWK=awk
	command -v mawk >/dev/null 2>&1 && AWK=mawk
fi
text=$dir/corpus-$size.txt
seg=$dir/segments-$size.tsv
words=$dir/words100-$size.txt
out=$dir/grep-matrix-$size.tsv
timeit=$dir/timeit
for prog in sp-grep sp-split; do
	if [ ! -x "$bin/$prog" ]; then
		echo "bench: skipped: the sp-grep matrix (bin/$prog is not built)"
		exit 0
	fi
done
[ -x "$timeit" ] || ${CC:-cc} -std=c11 -O2 -D_POSIX_C_SOURCE=200809L \
    -o "$timeit" "$top/tests/bench/timeit.c"
[ -s "$seg" ] || "$bin/sp-split" "$text" >"$seg"
if [ ! -s "$words" ]; then
	tr -cs A-Za-z '\n' <"$text" | tr A-Z a-z | $AWK 'length($0) >= 3' |
	    sort | uniq -c | sort -k1,1nr -k2,2 | $AWK '
	{ w[NR] = $2 }
	END {
		last = 0
		for (k = 0; k < 100 && k < NR; k++) {
			r = int(exp(k * log(NR) / 99) + 0.5)
			if (r <= last)
				r = last + 1
			last = r
			print w[r]
		}
	}' >"$words"
fi

# once COMMAND: run it with timeit, print "WALL CPU"; fail on a bad status.
once() {
	# shellcheck disable=SC2046
	set -- $("$timeit" "$1")
	if [ "$3" -ne 0 ]; then
		echo "bench: FAILED (status $3)" >&2
		return 1
	fi
	echo "$1 $4"
}

# pair INPUT KIND OPTION PATTERN SP_ARGS GREP_ARGS: the two in turn.
pair() {
	input=$1 kind=$2 opt=$3 pat=$4 file=$text
	[ "$input" = records ] && file=$seg
	a="'$bin/sp-grep' $5 '$file' | cat >/dev/null"
	b="grep $6 '$file' | cat >/dev/null"
	once "$a" >/dev/null && once "$b" >/dev/null || return 0
	: >"$dir/pair.tmp"
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		echo "a $(once "$a")" >>"$dir/pair.tmp"
		echo "b $(once "$b")" >>"$dir/pair.tmp"
	done
	$AWK -v input="$input" -v kind="$kind" -v opt="$opt" -v pat="$pat" '
	function median(v, n,   i, j, t) {
		for (i = 1; i <= n; i++)
			for (j = i + 1; j <= n; j++)
				if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
		return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}
	$1 == "a" { aw[++na] = $2; ac[na] = $3 }
	$1 == "b" { bw[++nb] = $2; bc[nb] = $3 }
	END {
		printf "%s\t%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\n", input,
		    kind, opt, pat, median(aw, na), median(bw, nb),
		    median(ac, na), median(bc, nb)
	}' "$dir/pair.tmp" >>"$out"
}

: >"$out"
for input in records text; do
	for kind in -F words -E; do
		case $kind in
		-F)	sk=-F gk=-F ;;
		words)	sk= gk=-Fwi ;;
		-E)	sk=-E gk=-E ;;
		esac
		for opt in lines -c -l; do
			o=$opt
			[ "$opt" = lines ] && o=
			for pat in Jerusalem security the zzz 'the people' \
			    words100; do
				if [ "$pat" = words100 ]; then
					pa="-f '$words'"
				else
					pa="-e '$pat'"
				fi
				pair "$input" "$kind" "$opt" "$pat" "$sk $o $pa" \
				    "$gk $o $pa"
			done
		done
	done
done
rm -f "$dir/pair.tmp"

echo
echo "sp-grep against GNU grep, $size MB of text ($(wc -c <"$seg" |
    tr -d ' ') bytes as segment records), median of $runs alternating runs"
$AWK -F '\t' '
{
	ratio = $6 > 0 ? $5 / $6 : 0
	cpu = $8 > 0 ? $7 / $8 : 0
	if (!header++)
		printf "%-8s %-6s %-6s %-11s %8s %8s %7s %7s\n", "input",
		    "kind", "output", "pattern", "sp s", "grep s",
		    "x grep", "x CPU"
	note = ""
	if ($3 == "-l")
		note = " (grep -l stops early)"
	else if (ratio > 1.1)
		note = " (over 1.1)"
	printf "%-8s %-6s %-6s %-11s %8.3f %8.3f %7.2f %7.2f%s\n", $1, $2,
	    $3, $4, $5, $6, ratio, cpu, note
	if ($3 != "-l") {
		n++
		if (ratio > worst) { worst = ratio; wlab = $1 " " $2 " " $3 " " $4 }
		if (ratio <= 1.1)
			met++
	}
}
END {
	if (n > 0)
		printf "sp-grep at most 1.1 x grep'"'"'s time in %d of %d " \
		    "(-l aside); the most: %.2f x (%s)\n", met, n, worst, wlab
}' "$out"
