#!/bin/sh
# The warnings about the input of make report, collected for the summary
# and the page: what sp-split said about the files (a file that is not
# text, invalid UTF-8), ids missing from the metadata table, documents
# without text; with a hint on how to convert text from another encoding.
# Usage: warnings.sh OUT
set -eu
out=$1
. "$(dirname "$0")/common.sh"
cat "$out/split.log" "$out/docs.log"
if grep -q 'invalid UTF-8' "$out/split.log"; then
	echo "hint: text in another encoding than UTF-8 can be converted" \
	    "with iconv, e.g. iconv -f WINDOWS-1252 -t UTF-8 old.txt > new.txt"
fi
