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
