#!/usr/bin/env bats
# README.md cannot rot: every ```sh block in it is run as written, in a
# scratch folder that has the bundled corpus (as corpus/) and the programs
# on PATH, and every ```make block is run as a Makefile there.  Blocks of
# any other kind (```text, ```console) are shown, not run.

# bats file_tags=once

load helper

# Write the n-th block of kind $1 to stdout; print nothing past the last.
block() {
	awk -v kind="$1" -v want="$2" '
	/^```/ {
		if (inside) { inside = 0; next }
		if ($0 == "```" kind) { n++; inside = (n == want); next }
	}
	inside { print }' "$SP_ROOT/README.md"
}

count_blocks() {
	grep -c "^\`\`\`$1\$" "$SP_ROOT/README.md" || true
}

prepare() {
	ln -s "$CORPUS" corpus
	ln -s "$SP_ROOT/lib" lib
}

@test "README has recipes to run" {
	[ "$(count_blocks sh)" -ge 10 ]
}

# run_blocks WHICH: run the sh blocks that use GNU parallel (WHICH is
# parallel) or the others (WHICH is other), each in a fresh bash -e; fail
# at the first that fails, showing it.  $ran is how many ran.
run_blocks() {
	local n i

	ran=0
	n=$(count_blocks sh)
	for i in $(seq "$n"); do
		block sh "$i" >"recipe$i.sh"
		if grep -qw parallel "recipe$i.sh"; then
			[ "$1" = parallel ] || continue
		else
			[ "$1" = other ] || continue
		fi
		ran=$((ran + 1))
		run bash -e "recipe$i.sh"
		if [ "$status" -ne 0 ]; then
			echo "README sh block $i failed with status $status:"
			cat "recipe$i.sh"
			echo "--- output:"
			echo "$output" | tail -20
			return 1
		fi
	done
}

@test "every sh block of README.md that needs only sp and POSIX tools runs as written" {
	prepare
	run_blocks other
	[ "$ran" -ge 10 ]
}

@test "the sh blocks of README.md that use GNU parallel run as written" {
	command -v parallel >/dev/null ||
		skip "GNU parallel is not installed (Debian: apt-get install parallel)"
	prepare
	run_blocks parallel
	[ "$ran" -ge 1 ]
}

@test "every make block of README.md works as a Makefile" {
	n=$(count_blocks make)
	[ "$n" -ge 1 ]
	for i in $(seq "$n"); do
		mkdir "mk$i" && cd "mk$i"
		mkdir texts
		cp "$CORPUS"/khan-2016-03-20.txt "$CORPUS"/javid-2018-06-04.txt texts/
		block make "$i" > Makefile
		run make
		[ "$status" -eq 0 ] || { cat Makefile; echo "$output"; return 1; }
		run make
		[[ "$output" == *"Nothing to be done"* || "$output" == *"is up to date"* ]] ||
			{ echo "second make did work: $output"; return 1; }
		cd ..
	done
}
