#!/bin/sh
# How often each word pattern matches in each document: TERM TAB DOC TAB
# COUNT, with a row for every document (0 where nothing matched).
# Usage: keyterms.sh SEGMENTS PATTERN...
set -eu
segments=$1
shift
sp=${SP_BIN:-bin}/sp-grep
for term in "$@"; do
	"$sp" -c -e "$term" "$segments" |
		LC_ALL=C awk -v t="$term" '{ print t "\t" $0 }'
done
