#!/bin/sh
# Count the content words by group or by period, for make report: a count
# table GROUP TAB ITEM TAB COUNT (sp-count --by doc's layout) in which each
# document's tokens are counted under its value in the metadata table's
# GROUP column (sp-count --meta META --by GROUP), or under its DATE by
# PERIOD (--by DATE:PERIOD); without a table, under the document itself.
# With period and no date column, the table is empty.  The columns are
# named as col:NAME, so that a column called doc or 2 is still a column.
# Documents missing from the table are counted as NA; docs.log says how
# many already, so sp-count's own message of it is left out here, and
# every other message is passed on.
# Usage: count-by.sh OUT group|period CONTENT
set -eu
out=$1
what=$2
content=$3
. "$(dirname "$0")/common.sh"
sp=${SP_BIN:-bin}
meta=$(setting META)
if [ "$what" = period ]; then
	date=$(setting DATE)
	[ -n "$date" ] || exit 0
	by="col:$date:$(setting PERIOD)"
elif [ -n "$meta" ]; then
	by="col:$(setting GROUP)"
else
	exec "$sp/sp-count" --by doc "$content"
fi
err=$(mktemp)
trap 'rm -f "$err"' EXIT
trap 'exit 2' HUP INT TERM
st=0
"$sp/sp-count" --meta "$meta" --by "$by" "$content" 2>"$err" || st=$?
grep -v '^sp-count: .* not in the table (first: .*); their records are counted as NA$' \
    "$err" >&2 || :
exit "$st"
