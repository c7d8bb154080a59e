#!/bin/sh
# Run the C unit tests in UNITDIR and the bats suites against the
# executables in BINDIR; print what was skipped and why, then "NAME: N
# passed, N failed, N skipped (N s)", and add the counts to
# build/check.counts.
# TAGS, if given, is handed to bats --filter-tags: '!once' leaves out the
# suites tagged once (those that do not depend on the build), "portable"
# keeps only the suites tagged portable.
# Usage: tests/run-all.sh NAME BINDIR UNITDIR [TAGS]
# Installs bats-core from npm into .deps/ when it is not on PATH.
set -u
name=$1 bindir=$2 unitdir=$3 tags=${4:-}
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
mkdir -p build
# Seconds since the epoch: POSIX awk's srand returns the seed it replaces.
now() {
	awk 'BEGIN { srand(); print srand() }'
}
start=$(now)

passed=0
failed=0
skipped=0
err=build/unit-$name.err
: >build/skipped-$name
for t in "$unitdir"/test_*; do
	[ -x "$t" ] || continue
	line=$("$t" 2>"$err" | tail -n 1)
	cat "$err" >&2
	echo "$(basename "$t"): $line"
	p=${line%% passed*}
	f=${line#*passed, }
	f=${f%% failed*}
	case $p$f in
	*[!0-9]* | '') echo "$t: no result line" >&2; failed=$((failed + 1)); continue ;;
	esac
	passed=$((passed + p))
	failed=$((failed + f))
	# A part that needs a missing file says "...; skipping it".
	grep '; skipping it$' "$err" >>build/skipped-$name
done
skipped=$(wc -l <build/skipped-$name)

bats=$(sh tests/find-bats.sh) || exit 2
tap=build/bats-$name.tap
if [ -n "$tags" ]; then
	SP_BIN=$bindir "$bats" --tap --filter-tags "$tags" tests/*.bats >"$tap" 2>&1
else
	SP_BIN=$bindir "$bats" --tap tests/*.bats >"$tap" 2>&1
fi
cat "$tap"
# A skipped test is "ok N name # skip reason" in TAP: not a pass.
grep '^ok .* # skip' "$tap" >>build/skipped-$name
p=$(grep '^ok ' "$tap" | grep -vc ' # skip')
f=$(grep -c '^not ok ' "$tap")
s=$(grep -c '^ok .* # skip' "$tap")
if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$s" -eq 0 ]; then
	echo "$name: bats ran no test" >&2
	f=1
fi
passed=$((passed + p))
failed=$((failed + f))
skipped=$((skipped + s))
sed "s/^/$name: skipped: /" build/skipped-$name
echo "$name: $passed passed, $failed failed, $skipped skipped" \
    "($(($(now) - start)) s)"
echo "$passed $failed $skipped" >>build/check.counts
[ "$failed" -eq 0 ]
