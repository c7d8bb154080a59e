#!/bin/sh
# Build the fuzz harnesses (tests/fuzz/fuzz_NAME.c) and run each under
# libFuzzer for FUZZ_SECONDS (default 60) into build/fuzz/, after replaying
# the saved crashes (tests/fuzz/regress/NAME-*) and the seeds
# (tests/fuzz/seeds/NAME/) through the same harness built by cc without
# libFuzzer.  New crashes are saved as build/fuzz/crashes/NAME-* and listed
# at the end; the exit status is 1 if there was any.
#
# usage: tests/fuzz/run.sh [--replay] [NAME ...]
#   --replay      only replay the saved inputs (needs cc, not clang)
#   NAME          only these harnesses (sentence token reader count model
#                 meta syllable)
# environment: FUZZ_SECONDS (60), FUZZ_JOBS (harnesses at once, 1),
#   FUZZ_FORK=1 (keep going after a crash: libFuzzer's -fork=1 mode),
#   CLANG (clang), CC (cc)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
LC_ALL=C
export LC_ALL

secs=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
clang=${CLANG:-clang}
cc=${CC:-cc}
out=build/fuzz
here=tests/fuzz
replay_only=0
if [ "${1:-}" = --replay ]; then
	replay_only=1
	shift
fi
names=${*:-sentence token reader count model meta syllable}

# The model loader dies on a bad file; its harness catches that (see
# fuzz_model.c) by wrapping these functions at link time.
model_wraps=-Wl,--wrap=xmalloc,--wrap=xcalloc,--wrap=xrealloc
model_wraps=$model_wraps,--wrap=xreallocarray,--wrap=xmemdup,--wrap=xstrdup
model_wraps=$model_wraps,--wrap=free,--wrap=sp_die,--wrap=sp_die_at
model_wraps=$model_wraps,--wrap=reader_open,--wrap=reader_close

wraps() {
	if [ "$1" = model ]; then
		echo "$model_wraps"
	fi
}

mkdir -p "$out/bin" "$out/crashes" "$out/corpus" "$out/tmp"
# The harnesses' temporary files (left behind when a run is killed).
TMPDIR=$top/$out/tmp
export TMPDIR
failed=0

# 1. Replay, built by cc with ASan and UBSan if it has them.
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
if ! echo 'int main(void){return 0;}' |
    $cc $san -x c -o "$out/bin/san-probe" - 2>/dev/null; then
	echo "fuzz: $cc has no ASan/UBSan; replaying without them"
	san=
fi
rm -f "$out/bin/san-probe"
replay_flags="-std=c11 -O1 -g -fno-omit-frame-pointer $san -Wall -Wextra"
make -s O="$out/cc" CC="$cc" CFLAGS="$replay_flags" "$out/cc/libsp.a"
for name in $names; do
	# shellcheck disable=SC2046
	$cc $replay_flags -D_POSIX_C_SOURCE=200809L -Ilib -I$here \
	    -o "$out/bin/replay_$name" $here/replay.c $here/fuzz_$name.c \
	    $(wraps "$name") "$out/cc/libsp.a" -lm -lpthread
	set -- "$here"/seeds/"$name"/*
	for f in "$here"/regress/"$name"-*; do
		[ -e "$f" ] && set -- "$@" "$f"
	done
	if ASAN_OPTIONS=detect_leaks=1 "$out/bin/replay_$name" "$@" \
	    >"$out/replay_$name.log" 2>&1; then
		echo "fuzz: $name: $(tail -n 1 "$out/replay_$name.log")," \
		    "no failure"
	else
		echo "fuzz: $name: replay FAILED, see $out/replay_$name.log"
		tail -n 3 "$out/replay_$name.log"
		failed=1
	fi
done
if [ "$replay_only" -eq 1 ]; then
	exit "$failed"
fi

# 2. Fuzz.
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, long n)
    { (void)d; (void)n; return 0; }' |
    $clang -fsanitize=fuzzer -x c -o "$out/bin/fuzz-probe" - 2>/dev/null; then
	echo "fuzz: $clang cannot build libFuzzer programs: install clang" \
	    "and libclang-rt-14-dev (Debian) to fuzz; replay done"
	exit "$failed"
fi
rm -f "$out/bin/fuzz-probe"
fuzz_flags="-std=c11 -g -O1 -fno-omit-frame-pointer \
-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
make -s O="$out/clang" CC="$clang" CFLAGS="$fuzz_flags" "$out/clang/libsp.a"
for name in $names; do
	# shellcheck disable=SC2046
	$clang $fuzz_flags -fsanitize=fuzzer -D_POSIX_C_SOURCE=200809L \
	    -Ilib -I$here -o "$out/bin/fuzz_$name" $here/fuzz_$name.c \
	    $(wraps "$name") "$out/clang/libsp.a" -lm -lpthread
done

fuzz_one() {
	name=$1
	set -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix="$out/crashes/$name-"
	if [ -f "$here/$name.dict" ]; then
		set -- "$@" -dict="$here/$name.dict"
	fi
	if [ "${FUZZ_FORK:-0}" = 1 ]; then
		set -- "$@" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
		    -ignore_ooms=1
	else
		set -- "$@" -close_fd_mask=3
	fi
	mkdir -p "$out/corpus/$name"
	"$out/bin/fuzz_$name" "$@" "$out/corpus/$name" "$here/seeds/$name" \
	    >"$out/$name.log" 2>&1 || true
}

echo "fuzz: running $names for $secs s each, $jobs at a time"
touch "$out/started"
running=0
for name in $names; do
	fuzz_one "$name" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait

# 3. Report.
for name in $names; do
	# Plain mode ends with a stat line; fork mode only has "#N: cov:".
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
	    "$out/$name.log" | tail -n 1)
	if [ -z "$runs" ]; then
		runs=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$out/$name.log" |
		    tail -n 1)
	fi
	cov=$(grep -o 'cov: [0-9]*' "$out/$name.log" | tail -n 1)
	crashes=$(find "$out/crashes" -name "$name-*" -newer "$out/started" |
	    wc -l | tr -d ' ')
	echo "fuzz: $name: ${runs:-?} runs, ${cov:-cov: ?}," \
	    "$crashes new crash(es)"
	if [ "$crashes" -gt 0 ]; then
		find "$out/crashes" -name "$name-*" -newer "$out/started" |
		    sed 's/^/    /'
		failed=1
	fi
done
exit "$failed"
