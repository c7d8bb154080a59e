#!/bin/sh
# Replace the document id of each record by its speaker from INDEX.tsv
# (id TAB speaker TAB ...), so that sp-count --by doc counts by speaker.
# Documents missing from the index, or all of them when there is no index,
# keep their id.  Usage: by-speaker.sh INDEX|"" RECORDS
set -eu
index=$1
records=$2
[ -n "$index" ] || index=/dev/null
LC_ALL=C awk -F '\t' -v OFS='\t' '
FILENAME == ARGV[1] { if (NF >= 2 && $2 != "") speaker[$1] = $2; next }
{ if ($1 in speaker) $1 = speaker[$1]; print }' "$index" "$records"
