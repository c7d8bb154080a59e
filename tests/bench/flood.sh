#!/bin/sh
# make bench, hash flooding: sp-count on eight-letter words built to
# collide in its table of short words under the hash that table had before
# it was keyed (tests/bench/flood.c), against as many ordinary words of
# the same shape, at 100,000 and 200,000 words.  With keyed hashes both
# take time linear in the words: the crafted words cost what the others
# do, and twice the words take about twice the time.  Unkeyed, 100,000
# crafted words took 9.4 s and 200,000 took 38 s (issue 14).  Prints the
# median CPU seconds (user and system) and wall seconds of
# BENCH_FLOOD_RUNS (5) runs of each.
#
# usage: tests/bench/flood.sh [BINDIR]
# environment: BENCH_DIR (build/bench), BENCH_FLOOD_RUNS (5), CC (cc)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
LC_ALL=C
export LC_ALL
bin=${1:-$top/bin}
dir=${BENCH_DIR:-$top/build/bench}
here=$top/tests/bench
runs=${BENCH_FLOOD_RUNS:-5}

mkdir -p "$dir"
${CC:-cc} -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -o "$dir/flood" \
    "$here/flood.c"
${CC:-cc} -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -o "$dir/timeit" \
    "$here/timeit.c"
for n in 100000 200000; do
	[ -s "$dir/flood-$n.txt" ] || "$dir/flood" "$n" >"$dir/flood-$n.txt"
	[ -s "$dir/random-$n.txt" ] ||
	    "$dir/flood" "$n" random >"$dir/random-$n.txt"
done

# median FILE: "CPU WALL", the medians of the runs of sp-count on FILE.
median() {
	file=$1
	: >"$dir/flood-runs.tmp"
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		# shellcheck disable=SC2046
		set -- $("$dir/timeit" "'$bin/sp-count' '$file' >/dev/null")
		if [ "$3" -ne 0 ]; then
			echo "bench: FAILED (status $3): sp-count $file" >&2
			return 1
		fi
		echo "$4 $1" >>"$dir/flood-runs.tmp"
	done
	awk '{ c[NR] = $1; w[NR] = $2 }
	function med(a, n,   i, j, s) {
		for (i = 1; i <= n; i++)
			for (j = i + 1; j <= n; j++)
				if (a[j] < a[i]) { s = a[i]; a[i] = a[j]; a[j] = s }
		return a[int((n + 1) / 2)]
	}
	END { printf "%.3f %.3f\n", med(c, NR), med(w, NR) }' \
	    "$dir/flood-runs.tmp"
}

rm -f "$dir/flood-runs.sum"
echo
echo "hash flooding: sp-count on 8-letter words made to collide in its" \
    "old unkeyed table, and on ordinary ones; median of $runs runs"
printf '  %-8s %12s %12s %12s %12s %9s\n' words "crafted CPU" \
    "random CPU" "crafted wall" "random wall" "CPU ratio"
for n in 100000 200000; do
	set -- $(median "$dir/flood-$n.txt") $(median "$dir/random-$n.txt")
	printf '  %-8s %12s %12s %12s %12s %9s\n' "$n" "$1" "$3" "$2" "$4" \
	    "$(awk -v a="$1" -v b="$3" \
	    'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
	echo "$n $1 $3" >>"$dir/flood-runs.sum"
done
awk 'NR == 1 { c = $2; r = $3 } NR == 2 {
	printf "  growth from 100,000 to 200,000 words (CPU; 2 is linear):" \
	    " crafted %.1f, random %.1f\n", (c > 0 ? $2 / c : 0),
	    (r > 0 ? $3 / r : 0)
}' "$dir/flood-runs.sum"
rm -f "$dir/flood-runs.tmp" "$dir/flood-runs.sum"
