#!/bin/sh
# Run the C unit tests in UNITDIR and every bats suite against the
# executables in BINDIR; print "NAME: N passed, N failed" and add the counts
# to build/check.counts.  Usage: tests/run-all.sh NAME BINDIR UNITDIR
# Installs bats-core from npm into .deps/ when it is not on PATH.
set -u
name=$1 bindir=$2 unitdir=$3
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2

passed=0
failed=0
for t in "$unitdir"/test_*; do
	[ -x "$t" ] || continue
	line=$("$t" | tail -n 1)
	echo "$(basename "$t"): $line"
	p=${line%% passed*}
	f=${line#*passed, }
	f=${f%% failed*}
	case $p$f in
	*[!0-9]* | '') echo "$t: no result line" >&2; failed=$((failed + 1)); continue ;;
	esac
	passed=$((passed + p))
	failed=$((failed + f))
done

bats=$(sh tests/find-bats.sh) || exit 2
tap=build/bats-$name.tap
mkdir -p build
SP_BIN=$bindir "$bats" --tap tests/*.bats >"$tap" 2>&1
cat "$tap"
p=$(grep -c '^ok ' "$tap")
f=$(grep -c '^not ok ' "$tap")
if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
	echo "$name: bats ran no test" >&2
	f=1
fi
passed=$((passed + p))
failed=$((failed + f))
echo "$name: $passed passed, $failed failed"
echo "$passed $failed" >>build/check.counts
[ "$failed" -eq 0 ]
