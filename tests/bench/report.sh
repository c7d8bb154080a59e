#!/bin/sh
# make bench, the main job: time "make -j2 report" with the default
# settings on two corpora of dated speeches made from the bench corpus by
# tests/bench/make-speeches.sh, the size of the State of the Union
# addresses (233 files, 10.7 MB, a folder with INDEX.tsv) and 10,000
# speeches (100 MB, a records file with its metadata table), each from
# nothing, then again with nothing to do.  Prints wall and CPU time (all
# processes), the page's size and the summary's length, against the
# issue's targets (20 s and 3 minutes on two cores); never fails on them.
#
# environment: BENCH_DIR (build/bench), with corpus-100.txt and timeit
# (tests/bench/run.sh makes both).
# usage: tests/bench/report.sh
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
LC_ALL=C
export LC_ALL
dir=${BENCH_DIR:-$top/build/bench}
here=$top/tests/bench
timeit=$dir/timeit
[ -x "$timeit" ] || ${CC:-cc} -std=c11 -O2 -D_POSIX_C_SOURCE=200809L \
    -o "$timeit" "$here/timeit.c"
source=$dir/corpus-100.txt
[ -s "$source" ] || sh "$here/make-corpus.sh" "$dir"
make -s all

# Each corpus is made again only when its generator or source changed.
made() {
	[ -s "$1" ] && [ -z "$(find "$here/make-speeches.sh" "$source" \
	    -newer "$1" 2>/dev/null)" ]
}
sotu=$dir/speeches-233
big=$dir/speeches-10000
if ! made "$sotu/INDEX.tsv"; then
	rm -rf "$sotu"
	sh "$here/make-speeches.sh" -s 10700000 "$source" 233 "$sotu"
fi
if ! made "$big/meta.tsv"; then
	rm -rf "$big"
	sh "$here/make-speeches.sh" -r -s 100000000 "$source" 10000 "$big"
fi

echo
echo "make -j2 report, default settings (wall and CPU seconds):"
failed=0
# run NAME LABEL TARGET SETTINGS...: time make from nothing, then again.
run() {
	out=$dir/report-$1 label=$2 target=$3
	shift 3
	rm -rf "$out"
	cmd="make -s -j2 report OUT=$out $* >$out.log 2>&1"
	set -- $("$timeit" "$cmd")
	if [ "$3" -ne 0 ]; then
		echo "bench: make report on $label failed:"
		tail -n 5 "$out.log"
		failed=1
		return
	fi
	first="$1 s (CPU $4 s)"
	set -- $("$timeit" "$cmd")
	printf '  %-24s %-26s again: %5.2f s  (target %s)\n' "$label" \
	    "$first" "$1" "$target"
	printf '  %-24s page %s bytes, summary %s lines\n' "" \
	    "$(wc -c <"$out/report.html")" "$(wc -l <"$out/summary.txt")"
}
run 233 "233 files, 10.7 MB" "20 s" CORPUS="$sotu"
run 10000 "10,000 records, 100 MB" "180 s" CORPUS="$big/speeches.tsv" \
    META="$big/meta.tsv"
exit "$failed"
