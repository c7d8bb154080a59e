#!/bin/sh
# The sentences of the corpus, for make report: OUT/segments.tsv (segment
# records, DOC TAB PARA TAB SENT TAB TEXT), OUT/ids.txt (every document's
# id, in the order of the input, including those without text) and
# OUT/split.log (what sp-split said about the input).
#
# A folder: sp-split over its .txt files (listed in OUT/set/inputs).  A
# records file: lines ID TAB TEXT, consecutive lines with the same id the
# paragraphs of one document (a later run of the same id continues it), as
# sp-split --records reads them.
# A file that is not text, or has invalid UTF-8, is reported in the log
# and the others are still read; any other failure is an error.
# Usage: split.sh CORPUS OUT
set -eu
LC_ALL=C
export LC_ALL
corpus=$1
out=$2
sp=${SP_BIN:-bin}
case $sp in
/*) ;;
*) sp=$PWD/$sp ;;
esac
me="make report"
tmp=$out/split.tmp
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM
rm -rf "$tmp"
mkdir "$tmp"

# check_log STATUS LOG PREFIX: sp-split's exit status is 2 when it could
# not read a file but went on with the others; that is a warning if every
# message is about an input file: its name starts with PREFIX.
check_log() {
	[ "$1" -eq 0 ] && return 0
	if [ "$1" -le 2 ] || [ "$1" -eq 123 ]; then
		awk -v p="sp-split: $3" '
		index($0, p) != 1 { bad = 1 }
		END { exit bad }' "$2" && [ -s "$2" ] && return 0
	fi
	cat "$2" >&2
	echo "$me: sp-split failed (status $1)" >&2
	exit 2
}

if [ -d "$corpus" ]; then
	st=0
	tail -n +2 "$out/set/inputs" | xargs "$sp/sp-split" \
	    >"$tmp/segments" 2>"$tmp/log" || st=$?
	check_log "$st" "$tmp/log" "$corpus/"
	tail -n +2 "$out/set/inputs" |
		sed -e 's,.*/,,' -e 's,\.txt$,,' >"$tmp/ids"
	mv "$tmp/log" "$out/split.log"
	mv "$tmp/ids" "$out/ids.txt"
	mv "$tmp/segments" "$out/segments.tsv"
	exit 0
fi

# A records file: checked here (make report wants one id a line), its ids
# listed in the order they first come, then split by sp-split --records,
# which numbers paragraphs and sentences on within an id.
awk -F '\t' -v tmp="$tmp" -v name="$corpus" -v me="$me" '
NR == 1 { sub(/^\357\273\277/, "") }
{ sub(/\r$/, "") }
/^[ \t]*$/ { next }
{
	if (NF != 2 || $1 == "") {
		what = NF < 2 ? "no TAB" : $1 == "" ? "an empty id" : \
		    NF " fields"
		printf "%s: %s:%d: %s: each line of a records file is ID TAB " \
		    "TEXT\n", me, name, NR, what > "/dev/stderr"
		failed = 1
		exit 2
	}
	records++
	if (!($1 in seen)) {
		seen[$1] = 1
		print $1 > (tmp "/ids")
	}
}
END {
	if (failed)
		exit 2
	if (!records) {
		printf "%s: %s: no records in it\n", me, name > "/dev/stderr"
		exit 2
	}
}' "$corpus"

st=0
"$sp/sp-split" --records "$corpus" >"$tmp/segments" 2>"$tmp/log" || st=$?
check_log "$st" "$tmp/log" "$corpus"
mv "$tmp/log" "$out/split.log"
mv "$tmp/ids" "$out/ids.txt"
mv "$tmp/segments" "$out/segments.tsv"
