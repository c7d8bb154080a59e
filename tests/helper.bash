# Shared setup for every bats suite: a fixed locale, the executables under
# test first on PATH (SP_BIN, default bin/, so the same suites run against
# the sanitizer build), and a scratch directory per test.
bats_require_minimum_version 1.5.0

export LC_ALL=C
unset LANG LANGUAGE

SP_ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
SP_BIN=${SP_BIN:-bin}
case $SP_BIN in
/*) ;;
*) SP_BIN=$SP_ROOT/$SP_BIN ;;
esac
PATH=$SP_BIN:$PATH
FIXTURES=$SP_ROOT/tests/fixtures
CORPUS=$SP_ROOT/corpus
export SP_ROOT SP_BIN PATH FIXTURES CORPUS

TAB=$(printf '\t')

# Compare two strings and show both, line by line, when they differ.
expect_eq() {
	if [ "$1" != "$2" ]; then
		printf 'got:\n%s\n--- want:\n%s\n' "$1" "$2" >&2
		diff <(printf '%s\n' "$2") <(printf '%s\n' "$1") >&2 || true
		return 1
	fi
}

# expect_file FILE: compare $output with the contents of FILE exactly.
expect_file() {
	expect_eq "$output" "$(cat "$1")"
}

setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
}

# run_ok COMMAND...: run --separate-stderr COMMAND, which must exit 0
# and write nothing to standard error.
run_ok() {
	run --separate-stderr "$@"
	if [ "$status" -ne 0 ] || [ -n "$stderr" ]; then
		printf '%s: status %s, standard error:\n%s\n' "$*" "$status" \
		    "$stderr" >&2
		return 1
	fi
}

# first_line_quietly COMMAND...: run COMMAND into head -n 1, which goes
# away after one line.  COMMAND must stop without a word on standard
# error: killed by SIGPIPE (status 141), with status 2 after its write
# fails where SIGPIPE is ignored, or with 0 if it was done first.  The
# line head printed must be the first line of COMMAND's whole output.
first_line_quietly() {
	local st

	"$@" >quiet.all
	"$@" 2>quiet.err | head -n 1 >quiet.out
	st=${PIPESTATUS[0]}
	case $st in
	0 | 2 | 141) ;;
	*) echo "$*: status $st after the pipe closed"; return 1 ;;
	esac
	[ ! -s quiet.err ] || { echo "$*:"; cat quiet.err; return 1; }
	[ -s quiet.out ] || { echo "$*: no line"; return 1; }
	head -n 1 quiet.all | cmp - quiet.out
}

# build_tool NAME: compile tests/tools/NAME.c into $BATS_FILE_TMPDIR/NAME
# (once per suite) and print its path.
build_tool() {
	local bin=$BATS_FILE_TMPDIR/$1

	[ -x "$bin" ] || ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 \
	    -o "$bin" "$SP_ROOT/tests/tools/$1.c" || return 1
	echo "$bin"
}
