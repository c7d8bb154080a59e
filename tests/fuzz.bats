#!/usr/bin/env bats
# Every input that once crashed a fuzz harness (tests/fuzz/regress/) and
# every seed still goes through its harness cleanly, built by cc with ASan
# and UBSan (no clang or libFuzzer needed).  make fuzz does the fuzzing.

# bats file_tags=once

load helper

@test "the saved fuzz crashes and seeds replay without a failure" {
	run sh "$SP_ROOT/tests/fuzz/run.sh" --replay
	[ "$status" -eq 0 ] || { echo "$output" | tail -20; return 1; }
	for h in sentence token reader count model meta syllable; do
		[[ "$output" == *"fuzz: $h: "*" inputs replayed, no failure"* ]] ||
			{ echo "no replay of $h"; return 1; }
	done
}
