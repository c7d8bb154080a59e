#!/usr/bin/env bats
# The build itself: warning-free under gcc and clang, make install with
# PREFIX and DESTDIR, make clean.  Each test works on a copy of the sources
# so that the tree under test is never touched.

# bats file_tags=once

load helper

copy_sources() {
	mkdir src
	cp -R "$SP_ROOT/cmd" "$SP_ROOT/lib" "$SP_ROOT/Makefile" src/
	cd src
}

build_with() {
	command -v "$1" >/dev/null || skip "$1 is not installed"
	copy_sources
	run make -j2 CC="$1" \
	    CFLAGS="-std=c11 -O2 -Wall -Wextra -Wpedantic -Werror" all
	[ "$status" -eq 0 ] || { echo "$output" | tail -20; return 1; }
	for t in sp-split sp-tokens sp-count sp-grep sp-topics; do
		[ -x "bin/$t" ] || { echo "no bin/$t"; return 1; }
	done
}

@test "the build is warning-free under gcc (-Werror)" {
	build_with gcc
}

@test "the build is warning-free under clang (-Werror)" {
	build_with clang
}

@test "make install puts programs and man pages under DESTDIR/PREFIX; make clean removes every build product" {
	copy_sources
	make -s -j2 all >/dev/null
	run make -s install PREFIX=/opt/sp DESTDIR="$BATS_TEST_TMPDIR/stage"
	[ "$status" -eq 0 ]
	for t in sp-split sp-tokens sp-count sp-grep sp-topics; do
		[ -x "$BATS_TEST_TMPDIR/stage/opt/sp/bin/$t" ]
		[ -f "$BATS_TEST_TMPDIR/stage/opt/sp/share/man/man1/$t.1" ]
	done
	"$BATS_TEST_TMPDIR/stage/opt/sp/bin/sp-tokens" --version
	make -s clean
	[ ! -e bin ] && [ ! -e build ] && [ ! -e out ]
	[ -z "$(find . -name '*.o' -o -name '*.a')" ]
}

@test "without bats on PATH, the test runner installs it from npm into .deps/" {
	command -v npm >/dev/null && command -v node >/dev/null || skip "no npm"
	mkdir tools work
	for c in sh node npm env dirname cat; do
		ln -s "$(command -v "$c")" "tools/$c"
	done
	cd work
	run env PATH="$BATS_TEST_TMPDIR/tools" sh "$SP_ROOT/tests/find-bats.sh"
	[ "$status" -eq 0 ] || { echo "$output"; skip "npm could not install bats here"; }
	bats_path=${lines[${#lines[@]} - 1]}
	[ "$bats_path" = "$BATS_TEST_TMPDIR/work/.deps/node_modules/bats/bin/bats" ]
	run "$bats_path" --version
	[ "$status" -eq 0 ]
	[[ "$output" == "Bats "* ]]
}
