#!/bin/sh
# Count the content words by group or by period, for make report: a count
# table GROUP TAB ITEM TAB COUNT (sp-count --by doc's layout) in which
# each document's tokens are counted under its value in column COLUMN of
# DOCS (docs.tsv: 2 the group, 3 the period).  With period and no date
# column, the table is empty.
# until sp-count --meta: then this is
#     sp-count --meta META --by GROUP CONTENT	(--by DATE:PERIOD)
# Usage: count-by.sh DOCS COLUMN CONTENT
set -eu
LC_ALL=C
export LC_ALL
docs=$1
col=$2
content=$3
sp=${SP_BIN:-bin}
if [ "$col" -eq 3 ] && [ -z "$(cut -f3 "$docs" | sed -n '/./{p;q;}')" ]; then
	exit 0
fi
st=$(mktemp)
trap 'rm -f "$st"' EXIT
trap 'exit 2' HUP INT TERM
{
	awk -F '\t' -v OFS='\t' -v col="$col" '
	FILENAME == ARGV[1] { value[$1] = $col; next }
	{ $1 = value[$1]; print }' "$docs" "$content" || echo $? >"$st"
} | "$sp/sp-count" --by doc
[ ! -s "$st" ] || exit 2
