#!/usr/bin/env bats
# What every sp tool does the same way: --help and --version, usage errors,
# bad files among good ones, write errors and closed pipes.  Each test runs
# over every tool built in $SP_BIN; args_for gives the arguments that make a
# tool read a file of segment records.

# bats file_tags=portable

load helper

TOOLS="sp-split sp-tokens sp-count sp-grep sp-topics sp-scale"

args_for() {
	case $1 in
	sp-grep) echo "-e the -e and -e line" ;;
	sp-topics) echo "-k 2 -n 5" ;;
	sp-scale) echo "--by sent --ca 1" ;;
	*) echo "" ;;
	esac
}

tools() {
	local t
	for t in $TOOLS; do
		[ -x "$SP_BIN/$t" ] && echo "$t"
	done
}

good_input() {
	printf 'd\t1\t1\tThe threat from terrorism is real.\n' > good.txt
	printf 'd\t1\t2\tThe police respond to the threat.\n' >> good.txt
	printf 'e\t1\t1\tCommunities help the police to prevent harm.\n' >> good.txt
}

# alone TOOL FILE...: the output of TOOL on FILEs (which must succeed), to
# compare with its output when a bad file is among them.
alone() {
	local t=$1

	shift
	"$t" $(args_for "$t") "$@"
}

@test "every tool prints its usage with --help and exits 0" {
	for t in $(tools); do
		run --separate-stderr "$t" --help
		[ "$status" -eq 0 ] || { echo "$t: status $status"; return 1; }
		[[ "${lines[0]}" == "usage: $t "* ]] || { echo "$t: ${lines[0]}"; return 1; }
		[ -z "$stderr" ]
	done
}

@test "every tool's usage line is its man page's synopsis" {
	command -v man >/dev/null || skip "man is not installed"
	for t in $(tools); do
		syn=$(MANWIDTH=200 man -l "$SP_ROOT/cmd/$t.1" 2>/dev/null |
		    awk '/^SYNOPSIS/ { on = 1; next } /^[A-Z]/ { on = 0 } on' |
		    tr -s ' \n' '  ' | sed 's/^ //; s/ $//')
		use=$("$t" --help | sed '/^$/q' | tr -s ' \n' '  ' |
		    sed 's/^usage: //; s/ $//')
		expect_eq "$use" "$syn" || { echo "$t"; return 1; }
	done
}

@test "every tool prints its version with --version" {
	for t in $(tools); do
		run --separate-stderr "$t" --version
		[ "$status" -eq 0 ]
		[[ "$output" == "$t (sp) "[0-9]* ]] || { echo "$output"; return 1; }
	done
}

@test "an unknown option is a usage error with status 2" {
	for t in $(tools); do
		run --separate-stderr "$t" --no-such-option
		[ "$status" -eq 2 ] || { echo "$t: $status"; return 1; }
		[ "${stderr_lines[0]}" = "$t: unknown option '--no-such-option'" ]
		[[ "${stderr_lines[1]}" == "usage: $t "* ]]
		[ -z "$output" ]
	done
}

@test "a missing file is reported, the others are still read, status 2" {
	good_input
	for t in $(tools); do
		run --separate-stderr "$t" $(args_for "$t") good.txt missing.txt
		[ "$status" -eq 2 ] || { echo "$t: $status"; return 1; }
		[ "$stderr" = "$t: missing.txt: No such file or directory" ] ||
			{ echo "$t: $stderr"; return 1; }
		expect_eq "$output" "$(alone "$t" good.txt)" || { echo "$t"; return 1; }
	done
}

@test "a directory among the inputs is reported, status 2" {
	good_input
	mkdir adir
	for t in $(tools); do
		run --separate-stderr "$t" $(args_for "$t") adir good.txt
		[ "$status" -eq 2 ] || { echo "$t: $status"; return 1; }
		[ "$stderr" = "$t: adir: is a directory" ] || { echo "$t: $stderr"; return 1; }
		expect_eq "$output" "$(alone "$t" good.txt)" || { echo "$t"; return 1; }
	done
}

@test "an unreadable file is reported, status 2" {
	good_input
	cp good.txt secret.txt
	chmod 000 secret.txt
	as_user=""
	if [ "$(id -u)" -eq 0 ]; then
		# Root reads anything: run the tools as nobody instead.
		command -v setpriv >/dev/null || skip "root, and no setpriv"
		chmod 755 "$BATS_TEST_TMPDIR"
		chmod 644 good.txt
		as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
		$as_user "$SP_BIN/$(tools | head -n 1)" --version >/dev/null 2>&1 &&
			$as_user cat good.txt >/dev/null 2>&1 ||
			skip "nobody cannot run the tools from here"
	fi
	for t in $(tools); do
		run --separate-stderr $as_user "$SP_BIN/$t" $(args_for "$t") secret.txt good.txt
		[ "$status" -eq 2 ] || { echo "$t: $status $stderr"; return 1; }
		[ "$stderr" = "$t: secret.txt: Permission denied" ] || { echo "$t: $stderr"; return 1; }
		expect_eq "$output" "$(alone "$t" good.txt)" || { echo "$t"; return 1; }
	done
}

@test "a NUL byte is an error naming file and line; other files go on" {
	good_input
	printf 'd\t1\t1\tfine line\nd\t1\t2\tbad\000line\ne\t1\t1\tnever read\n' > nul.txt
	# What comes before the NUL byte is read, under the same name.
	mkdir before
	printf 'd\t1\t1\tfine line\n' > before/nul.txt
	cp good.txt before/
	for t in $(tools); do
		run --separate-stderr "$t" $(args_for "$t") nul.txt good.txt
		[ "$status" -eq 2 ] || { echo "$t: $status"; return 1; }
		[ "$stderr" = "$t: nul.txt:2: NUL byte: not a text file; rest of file skipped" ] ||
			{ echo "$t: $stderr"; return 1; }
		expect_eq "$output" "$(cd before && alone "$t" nul.txt good.txt)" ||
			{ echo "$t"; return 1; }
	done
}

@test "a write error (/dev/full) is reported with status 2" {
	[ -w /dev/full ] || skip "no /dev/full"
	good_input
	for t in $(tools); do
		run --separate-stderr sh -c "$t $(args_for "$t") good.txt > /dev/full"
		[ "$status" -eq 2 ] || { echo "$t: $status"; return 1; }
		[ "$stderr" = "$t: (standard output): write error: No space left on device" ] ||
			{ echo "$t: $stderr"; return 1; }
	done
}

@test "a closed pipe ends a tool quietly" {
	# Seven sentences, so that sp-scale finds a table to scale.
	awk 'BEGIN { for (i = 1; i <= 30000; i++)
	    printf "d\t1\t%d\tThe threat from terrorism is real and the police respond %d.\n", i, i % 7 }' > many.txt
	for t in $(tools); do
		first_line_quietly "$t" $(args_for "$t") many.txt ||
			{ echo "$t"; return 1; }
	done
}

@test "invalid UTF-8 gives one warning per file with the count, status 0" {
	printf 'd\t1\t1\tbad \200 byte and \300\257 overlong\n' > bad.txt
	printf 'd\t1\t2\tsurrogate \355\240\200 and cut \342\202' >> bad.txt
	for t in $(tools); do
		run --separate-stderr "$t" $(args_for "$t") bad.txt
		[ "$status" -eq 0 ] || { echo "$t: $status $stderr"; return 1; }
		[ "$stderr" = "$t: bad.txt: 8 invalid UTF-8 sequences replaced by U+FFFD" ] ||
			{ echo "$t: $stderr"; return 1; }
	done
}

@test "output never depends on the locale" {
	good_input
	for t in $(tools); do
		a=$(LC_ALL=C "$t" $(args_for "$t") good.txt)
		[ -n "$a" ] || { echo "$t: no output"; return 1; }
		b=$(LC_ALL=C.UTF-8 "$t" $(args_for "$t") good.txt)
		c=$(LC_ALL=tr_TR.UTF-8 LANG=fr_FR.UTF-8 "$t" $(args_for "$t") good.txt 2>/dev/null)
		[ "$a" = "$b" ] && [ "$a" = "$c" ] || { echo "$t"; return 1; }
	done
}

@test "a 100 MB line is handled by every tool, nothing lost" {
	# 1,800,000 copies of a 58-byte sentence: 104,400,000 bytes, no LF
	# until the end.  Each tool's whole output is compared with what it
	# must be, made by other means.
	s="The threat from terrorism is real and the police respond."
	awk -v s="$s " 'BEGIN { for (i = 0; i < 1800000; i++) printf "%s", s; print "" }' > huge.txt
	[ "$(wc -c < huge.txt)" -eq 104400001 ]
	for t in $(tools); do
		case $t in
		sp-split)
			sp-split huge.txt > out
			awk -v s="$s" 'BEGIN { for (i = 1; i <= 1800000; i++)
			    printf "huge\t1\t%d\t%s\n", i, s }' | cmp - out ;;
		sp-tokens)
			sp-tokens huge.txt > out
			yes 'the
threat
from
terrorism
is
real
and
the
police
respond' | head -n 18000000 | cmp - out ;;
		sp-count)
			# The line is one item, counted once.
			sp-count huge.txt > out
			{ head -c 104400000 huge.txt; printf '\t1\n'; } | cmp - out ;;
		sp-grep)
			run_ok sp-grep -c 'terror*' huge.txt
			expect_eq "$output" 1800000 ;;
		sp-topics)
			# A plain line is one document of space-separated
			# words: two topics list the sentence's ten words.
			run_ok sp-topics -k 2 -n 2 huge.txt
			[ "${#lines[@]}" -eq 2 ]
			expect_eq "$(cut -f3 <<<"$output" | tr ' ' '\n' | sort -u)" \
			    "$(printf '%s\n' $s | sort -u)" ;;
		sp-scale)
			# The line is an item of group a, which has x too, as
			# b has: the item comes back whole, first in bytewise
			# order, in the word coordinates of --words.
			{ printf 'a\t'; cat huge.txt; printf 'a\tx\nb\tx\n'; } |
			    sp-scale --by doc --ca 1 --words w.tsv > out
			[ "$(wc -l < out)" -eq 2 ]
			cut -f1 w.tsv | head -n 1 |
			    cmp - <(head -c 104400000 huge.txt; echo) ;;
		esac
	done
}

@test "a file that is only a byte order mark is an empty file" {
	printf '\357\273\277' > bom.txt
	for t in sp-split sp-tokens sp-count; do
		run --separate-stderr "$t" bom.txt
		[ "$status" -eq 0 ] && [ -z "$output" ] && [ -z "$stderr" ] ||
			{ echo "$t: $status '$output' $stderr"; return 1; }
	done
	run --separate-stderr sp-grep -v x bom.txt
	[ "$status" -eq 1 ] && [ -z "$output" ]
}

@test "every CR before the line end is dropped (CR CR LF)" {
	printf 'd\t1\t1\tA b\r\r\n' > crcr.txt
	run_ok sp-count crcr.txt
	expect_eq "$output" "A b${TAB}1"
	run_ok sp-tokens crcr.txt
	expect_eq "$output" "d${TAB}1${TAB}1${TAB}a
d${TAB}1${TAB}1${TAB}b"
}
