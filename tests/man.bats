#!/usr/bin/env bats
# The manual pages as a reader sees them: every page renders without a
# warning, its header and footer name sp, and nothing is shown as an
# option that no program has (the artefact of text left inside an mdoc
# Fl macro, which printed "-F: -fixed -strings" and "--ngrams -2").

# bats file_tags=once

load helper

# The options of every program, one a line, from their --help.
known_options() {
	for p in "$SP_BIN"/sp-*; do
		"$p" --help
	done | grep -o -- '--\{0,1\}[A-Za-z0-9][-A-Za-z0-9]*' | sort -u
}

@test "every man page renders without a warning from groff" {
	command -v groff >/dev/null || skip "groff is not installed"
	for page in "$SP_ROOT"/cmd/*.1; do
		run --separate-stderr groff -mandoc -Tutf8 -ww -z "$page"
		[ "$status" -eq 0 ] || { echo "$page: status $status"; return 1; }
		expect_eq "$stderr" ""
	done
}

@test "every man page has a fixed date and names sp in its footer" {
	command -v groff >/dev/null || skip "groff is not installed"
	for page in "$SP_ROOT"/cmd/*.1; do
		run ! grep -n 'Mdocdate' "$page"
		grep -qx '\.Os sp' "$page" || { echo "$page: no .Os sp"; return 1; }
		foot=$(groff -mandoc -Tutf8 "$page" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g; s/.\x08//g' |
		    awk 'NF { last = $0 } END { print last }')
		case $foot in
		sp\ *\ sp) ;;
		*) echo "$page: footer '$foot'"; return 1 ;;
		esac
	done
}

@test "nothing in a man page is shown as an option that no program has" {
	known_options > known.txt
	# The lint finds the artefacts it is meant to find.
	printf '.It Fl F : fixed strings\n.Fl -stop -ngrams 2\n.Fl F : No fine\n' > bad.1
	run --separate-stderr awk -f "$SP_ROOT/tests/lint/man-flags.awk" known.txt bad.1
	[ "$status" -eq 1 ]
	expect_eq "$output" "bad.1:1: -fixed
bad.1:1: -strings
bad.1:2: -2"
	run --separate-stderr awk -f "$SP_ROOT/tests/lint/man-flags.awk" known.txt "$SP_ROOT"/cmd/*.1
	expect_eq "$output" ""
	[ "$status" -eq 0 ]
}
