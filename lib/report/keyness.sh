#!/bin/sh
# Keyness of every group of a count table written by sp-count --by doc:
# GROUP TAB ITEM TAB TARGET TAB REFERENCE TAB G2 TAB CHI2 TAB LOG-RATIO, the
# 20 most distinctive items of each group against all the other groups.
# Usage: keyness.sh COUNTS
set -eu
counts=$1
sp=${SP_BIN:-bin}/sp-count
cut -f1 "$counts" | LC_ALL=C sort -u | while IFS= read -r group; do
	"$sp" --from-counts --keyness "$group" -n 20 "$counts" |
		LC_ALL=C awk -v g="$group" '{ print g "\t" $0 }'
done
