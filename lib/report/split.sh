#!/bin/sh
# The sentences of the corpus, for make report: OUT/segments.tsv (segment
# records, DOC TAB PARA TAB SENT TAB TEXT), OUT/ids.txt (every document's
# id, in the order of the input, including those without text) and
# OUT/split.log (what sp-split said about the input).
#
# A folder: sp-split over its .txt files (listed in OUT/set/inputs).  A
# records file: lines ID TAB TEXT, consecutive lines with the same id the
# paragraphs of one document (a later run of the same id continues it).
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
# message is about an input file: its name starts with PREFIX, or with
# an empty PREFIX, it is one of the numbered files of a records file.
check_log() {
	[ "$1" -eq 0 ] && return 0
	if [ "$1" -le 2 ] || [ "$1" -eq 123 ]; then
		awk -v p="sp-split: $3" '
		p == "sp-split: " && !/^sp-split: [0-9]+\.txt:/ { bad = 1 }
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

# until sp-split --records: each run of lines with one id goes to a file
# of its own, named by its number, and sp-split's document ids (those
# numbers) are put back to the records' ids; paragraphs and sentences
# are numbered on within an id.
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
	if ($1 != id) {
		if (file != "")
			close(file)
		id = $1
		file = sprintf("%s/%09d.txt", tmp, ++runs)
		print runs "\t" id "\t" NR > (tmp "/runs")
		if (!(id in seen)) {
			seen[id] = 1
			print id > (tmp "/ids")
		}
	} else
		print "" > file
	print $2 > file
}
END {
	if (failed)
		exit 2
	if (!runs) {
		printf "%s: %s: no records in it\n", me, name > "/dev/stderr"
		exit 2
	}
}' "$corpus"

st=0
(cd "$tmp" && ls | grep '^[0-9]*\.txt$' | xargs "$sp/sp-split") \
    >"$tmp/segments" 2>"$tmp/log" || st=$?
check_log "$st" "$tmp/log" ""

# The messages name the run's file: say the record instead.
awk -F '\t' -v OFS='\t' -v name="$corpus" -v logfile="$tmp/log.records" '
FILENAME == ARGV[1] { id[$1 + 0] = $2; line[$1 + 0] = $3; next }
FILENAME == ARGV[2] {
	# "sp-split: 000000012.txt:3: what" or "sp-split: 000000012.txt: what"
	s = substr($0, 11)
	n = index(s, ".txt")
	run = substr(s, 1, n - 1) + 0
	rest = substr(s, n + 4)
	if (rest ~ /^:[0-9]+:/) {
		sub(/^:/, "", rest)
		k = index(rest, ":")
		at = line[run] + 2 * (substr(rest, 1, k - 1) - 1)
		rest = substr(rest, k)
	} else
		at = line[run]
	print "sp-split: " name ":" at " (id " id[run] ")" rest > logfile
	next
}
{
	run = $1 + 0
	d = id[run]
	if (run != lastrun) {
		lastrun = run
		pbase[d] = plast[d]
		sbase[d] = slast[d]
	}
	$1 = d
	$2 += pbase[d]
	$3 += sbase[d]
	plast[d] = $2
	slast[d] = $3
	print
}' "$tmp/runs" "$tmp/log" "$tmp/segments" >"$tmp/segments.records"
[ -f "$tmp/log.records" ] || : >"$tmp/log.records"
mv "$tmp/log.records" "$out/split.log"
mv "$tmp/ids" "$out/ids.txt"
mv "$tmp/segments.records" "$out/segments.tsv"
