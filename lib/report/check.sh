#!/bin/sh
# The first step of make report, run every time: check the settings and
# the inputs, so that a mistake is a clear error before any work starts,
# and write what each step depends on into the stamp files of OUT/set/,
# each rewritten only when its content changes, so that make rebuilds
# what depends on a setting or on the list of inputs, and nothing else.
#
#   OUT/set/inputs     the corpus: its .txt files, or the records file
#   OUT/set/group      the metadata table and the column compared
#   OUT/set/period     the table, the date column and the period
#   OUT/set/keyterms   the key terms as given (empty: chosen)
#   OUT/set/topics     the number of topics and sweeps
#   OUT/set/covariates the table, the group and date columns (the topic
#                      model's covariates)
#   OUT/settings.tsv   every setting as used: NAME TAB VALUE
#
# The settings come in the environment, as make has them (see Makefile):
# CORPUS, META, GROUP, DATE, PERIOD, KEYTERMS, TOPICS, SWEEPS, FIT, OUT,
# and GIVEN, the names of those given on make's command line.
# Usage: check.sh
set -eu
LC_ALL=C
export LC_ALL
sp=${SP_BIN:-bin}
me="make report"
tab=$(printf '\t')
tmp=
trap 'rm -f "$OUT"/set/*.new "$OUT"/settings.tsv.new ${tmp:+"$tmp"}' EXIT
trap 'exit 2' HUP INT TERM

die() {
	echo "$me: $*" >&2
	exit 2
}

given() {
	case " $GIVEN " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

# put FILE: standard input into FILE, unless FILE holds it already.
put() {
	cat >"$1.new"
	if cmp -s "$1.new" "$1"; then
		rm -f "$1.new"
	else
		mv "$1.new" "$1"
	fi
}

# The characters that make cannot take in a prerequisite, or that a
# recipe would have to quote: white space, : ; # $ % * ? [ ] \ ' " `
# | & < > ( ) { } and !.
bad_name() {
	case $1 in
	*[[:space:]:\;#\$%*?\\\'\"\`\|\&\<\>\(\)\{\}!]* | *\[* | *\]*)
		return 0 ;;
	esac
	return 1
}

need_name() {
	if bad_name "$2"; then
		die "$1=$2: make cannot handle a file name with white space or" \
		    "one of : ; # \$ % * ? [ ] \\ ' \" \` | & < > ( ) { } !;" \
		    "rename it"
	fi
}

[ -n "$CORPUS" ] || die "CORPUS is empty: set it to a folder of .txt" \
    "files or to a records file (lines ID TAB TEXT)"
[ -n "$OUT" ] || die "OUT is empty: set it to the folder for the tables"
need_name CORPUS "$CORPUS"
need_name OUT "$OUT"
[ -z "$META" ] || need_name META "$META"
mkdir -p "$OUT/set" || die "OUT=$OUT: cannot make the folder"

# The inputs.
if [ -d "$CORPUS" ]; then
	kind=folder
	tmp=$OUT/set/inputs.list
	# A folder of many files: the names go through a file, not one
	# command line; each is checked as it is (a line break in a name is
	# white space).
	nbad=0
	bad=
	for f in "$CORPUS"/*.txt; do
		[ -f "$f" ] || continue
		if bad_name "$f"; then
			nbad=$((nbad + 1))
			[ "$nbad" -gt 3 ] || bad="$bad${bad:+, }$f"
		fi
		printf '%s\n' "$f"
	done >"$tmp"
	[ -s "$tmp" ] || die "CORPUS=$CORPUS: no .txt files in the folder"
	[ "$nbad" -le 3 ] || bad="$bad and $((nbad - 3)) more"
	[ -z "$bad" ] || die "CORPUS=$CORPUS: make cannot handle a file name" \
	    "with white space or one of : ; # \$ % * ? [ ] \\ ' \" \` | & < >" \
	    "( ) { } !; rename $bad"
	{ echo "folder $CORPUS"; cat "$tmp"; } | put "$OUT/set/inputs"
	rm -f "$tmp"
	tmp=
elif [ -f "$CORPUS" ]; then
	kind=records
	[ -s "$CORPUS" ] || die "CORPUS=$CORPUS: the records file is empty"
	[ -r "$CORPUS" ] || die "CORPUS=$CORPUS: cannot read it"
	echo "records $CORPUS" | put "$OUT/set/inputs"
else
	die "CORPUS=$CORPUS: no such folder or file"
fi

# The metadata table: TSV with a header row; the first column holds the
# ids.  lib/meta.c checks it, through sp-count --meta (grouping nothing by
# the first column), so the report takes a table exactly when the
# programs do, with their messages.  Then its header gives the columns.
columns=
if [ -n "$META" ]; then
	[ -f "$META" ] || die "META=$META: no such file"
	[ -r "$META" ] || die "META=$META: cannot read it"
	case $META in
	*.[cC][sS][vV])
		die "META=$META: a CSV table; make report reads only TSV" \
		    "tables for now (a header row, then a row per document," \
		    "fields separated by TAB)" ;;
	esac
	columns=$(awk '{ sub(/\r$/, "") } NR == 1 { sub(/^\357\273\277/, "") }
	    /^$/ { next } { print; exit }' "$META")
	case $columns in
	*"$tab"*) ;;
	*,*) die "$META:1: no TAB but a comma in the header: a CSV table;" \
	    "make report reads only TSV tables for now" ;;
	esac
	first=${columns%%"$tab"*}
	err=$("$sp/sp-count" --meta "$META" --by "col:$first" /dev/null \
	    2>&1 >/dev/null) || {
		printf '%s\n' "$err" | sed "s/^sp-count: /$me: /" >&2
		exit 2
	}
fi

# column NAME PURPOSE: the number of column NAME, or an error listing
# the columns there are.
column() {
	printf '%s\n' "$columns" | awk -F '\t' -v want="$1" -v why="$2" \
	    -v name="$META" -v me="$me" '
	{
		for (i = 1; i <= NF; i++) {
			if ($i == want && found) {
				printf "%s: %s:1: column '\''%s'\'' (%s) is in " \
				    "the header twice: columns %d and %d\n",
				    me, name, want, why, found, i > "/dev/stderr"
				twice = 1
				exit 2
			}
			if ($i == want)
				found = i
			list = list (i > 1 ? ", " : "") $i
		}
	}
	END {
		if (twice)
			exit 2
		if (!found) {
			printf "%s: %s:1: no column '\''%s'\'' (%s); the " \
			    "columns are: %s\n", me, name, want, why, list \
			    > "/dev/stderr"
			exit 2
		}
		print found
	}'
}

case $PERIOD in
year | month | decade) ;;
*) die "PERIOD=$PERIOD: not year, month or decade" ;;
esac

if [ -z "$META" ]; then
	given GROUP && die "GROUP=$GROUP: comparing by a column needs a" \
	    "metadata table (META=FILE, a header row and a row per document)"
	case $DATE in
	auto | '') DATE= ;;
	*) die "DATE=$DATE: a date column needs a metadata table (META=FILE)" ;;
	esac
	groupcol=
	datecol=
else
	[ -n "$GROUP" ] || die "GROUP is empty: name the column of $META to" \
	    "compare (the columns are: $(printf '%s' "$columns" |
	    tr '\t' ',' | sed 's/,/, /g'))"
	groupcol=$(column "$GROUP" "GROUP=$GROUP") || exit 2
	case $DATE in
	auto)
		DATE=$(printf '%s\n' "$columns" | tr '\t' '\n' |
		    awk 'tolower($0) == "date" { print; exit }')
		;;
	esac
	datecol=
	if [ -n "$DATE" ]; then
		datecol=$(column "$DATE" "DATE=$DATE") || exit 2
		# Every date is checked now, as lib/group.c does when it
		# groups by a period.
		awk -F '\t' -v col="$datecol" -v period="$PERIOD" \
		    -v name="$META" -v me="$me" -v by="$DATE:$PERIOD" '
		{ sub(/\r$/, "") }
		/^$/ { next }
		!header { header = 1; next }
		{
			v = $col
			if (v == "" || v == "NA")
				next
			d = v
			sub(/[T ].*/, "", d)
			m = substr(d, 6, 2) + 0
			day = substr(d, 9, 2) + 0
			if (d !~ /^[0-9][0-9][0-9][0-9](-[0-9][0-9](-[0-9][0-9])?)?$/ ||
			    (length(d) >= 7 && (m < 1 || m > 12)) ||
			    (length(d) == 10 && (day < 1 || day > 31))) {
				printf "%s: %s:%d: --by %s: '\''%s'\'' is not " \
				    "an ISO date (YYYY-MM-DD, YYYY-MM or " \
				    "YYYY)\n", me, name, NR, by, v > "/dev/stderr"
				exit 2
			}
			if (period == "month" && length(d) < 7) {
				printf "%s: %s:%d: --by %s: the date '\''%s'\'' " \
				    "has no month\n", me, name, NR, by, v \
				    > "/dev/stderr"
				exit 2
			}
		}' "$META" || exit 2
	fi
fi

case $TOPICS in
'' | *[!0-9]*) die "TOPICS=$TOPICS: not a number of topics from 2 to 100" ;;
esac
[ "$TOPICS" -ge 2 ] && [ "$TOPICS" -le 100 ] ||
	die "TOPICS=$TOPICS: not a number of topics from 2 to 100"
case $SWEEPS in
'' | *[!0-9]*) die "SWEEPS=$SWEEPS: not a number of sweeps from 10 to 100000" ;;
esac
[ "$SWEEPS" -ge 10 ] && [ "$SWEEPS" -le 100000 ] ||
	die "SWEEPS=$SWEEPS: not a number of sweeps from 10 to 100000"
case $FIT in
'' | *[!0-9]*) die "FIT=$FIT: not a number of tokens (1000 or more)" ;;
esac
[ "$FIT" -ge 1000 ] || die "FIT=$FIT: not a number of tokens (1000 or more)"

# The key terms: word patterns, one a line, never seen by a shell.  A
# bad pattern is sp-grep's error.
if [ -n "$KEYTERMS" ]; then
	tmp=$OUT/set/keyterms.check
	printf '%s\n' "$KEYTERMS" | sh "$(dirname "$0")/keyterms.sh" given >"$tmp"
	[ -s "$tmp" ] || die "KEYTERMS=$KEYTERMS: no pattern in it"
	st=0
	"$sp/sp-grep" -q -f "$tmp" /dev/null 2>"$tmp.err" || st=$?
	if [ "$st" -gt 1 ]; then
		sed -e 's/^sp-grep: [^:]*:[0-9]*: //' -e "s/^/$me: KEYTERMS: /" \
		    "$tmp.err" >&2
		rm -f "$tmp.err"
		exit 2
	fi
	rm -f "$tmp" "$tmp.err"
	tmp=
fi

printf '%s\n' "$KEYTERMS" | put "$OUT/set/keyterms"
printf '%s\t%s\n' META "$META" GROUP "$GROUP" | put "$OUT/set/group"
printf '%s\t%s\n' META "$META" DATE "$DATE" PERIOD "$PERIOD" |
	put "$OUT/set/period"
printf '%s\t%s\n' TOPICS "$TOPICS" SWEEPS "$SWEEPS" FIT "$FIT" |
	put "$OUT/set/topics"
printf '%s\t%s\n' META "$META" GROUP "$GROUP" DATE "$DATE" |
	put "$OUT/set/covariates"
{
	printf '%s\t%s\n' CORPUS "$CORPUS" KIND "$kind" META "$META"
	printf '%s\t%s\n' GROUP "${groupcol:+$GROUP}" DATE "$DATE"
	printf '%s\t%s\n' PERIOD "$PERIOD" KEYTERMS "$KEYTERMS"
	printf '%s\t%s\n' TOPICS "$TOPICS" SWEEPS "$SWEEPS" FIT "$FIT"
	printf '%s\t%s\n' OUT "$OUT" VERSION "$("$sp/sp-split" --version |
	    awk '{ print $NF; exit }')"
} | put "$OUT/settings.tsv"
