#!/usr/bin/env bats
# sp-grep: word patterns, fixed strings, regular expressions, dictionaries,
# every output layout, exit statuses, bad input, and the bundled corpus.

load helper

R=records.tsv

setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
	cp "$FIXTURES/sp-grep/records.tsv" "$FIXTURES/sp-grep/dict.tsv" \
	    "$FIXTURES/sp-grep/patterns.txt" "$FIXTURES/sp-grep/multibyte.tsv" .
}

# --- word patterns -------------------------------------------------------

@test "a word pattern prints the matching records unchanged" {
	run --separate-stderr sp-grep terrorism $R
	[ "$status" -eq 0 ]
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}The threat from terrorism is real.
d1${TAB}1${TAB}2${TAB}Counter-terrorism police work with counter terrorism units."
	[ -z "$stderr" ]
}

@test "a word pattern matches whole tokens, ignoring case" {
	run --separate-stderr sp-grep -o terror $R
	[ "$status" -eq 0 ]
	expect_eq "$output" "d2${TAB}1${TAB}2${TAB}Terror"
}

@test "a wildcard matches any characters within a token" {
	run_ok sp-grep -o 'terror*' $R
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}terrorism
d1${TAB}1${TAB}2${TAB}terrorism
d1${TAB}2${TAB}3${TAB}terrorists
d2${TAB}1${TAB}2${TAB}TERRORISTS
d2${TAB}1${TAB}2${TAB}Terror"
}

@test "a leading wildcard and a hyphenated pattern follow the token rules" {
	run_ok sp-grep -o '*ism' $R
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}terrorism
d1${TAB}1${TAB}2${TAB}Counter-terrorism
d1${TAB}1${TAB}2${TAB}terrorism"
	run_ok sp-grep -o 'counter-terror*' $R
	expect_eq "$output" "d1${TAB}1${TAB}2${TAB}Counter-terrorism"
	run_ok sp-grep -o 'counter-*' $R
	expect_eq "$output" "d1${TAB}1${TAB}2${TAB}Counter-terrorism"
}

@test "a phrase matches consecutive tokens across punctuation" {
	run_ok sp-grep -o '"no safe spaces"' $R
	expect_eq "$output" "d1${TAB}2${TAB}3${TAB}no safe spaces
d1${TAB}2${TAB}3${TAB}no safe spaces"
	run_ok sp-grep -o 'counter terror*' $R
	expect_eq "$output" "d1${TAB}1${TAB}2${TAB}counter terrorism"
	run_ok sp-grep -o 'terrorists no' $R
	expect_eq "$output" "d1${TAB}2${TAB}3${TAB}terrorists, no"
}

@test "a lone * in a phrase stands for any one word" {
	run_ok sp-grep -o 'no * spaces' $R
	expect_eq "$output" "d1${TAB}2${TAB}3${TAB}no safe spaces
d1${TAB}2${TAB}3${TAB}no safe spaces"
}

@test "--case makes word patterns case-sensitive" {
	run_ok sp-grep --case -o 'Terror*' $R
	expect_eq "$output" "d2${TAB}1${TAB}2${TAB}Terror"
	run --separate-stderr sp-grep --case -o 'terror' $R
	[ "$status" -eq 1 ]
	[ -z "$output" ]
}

@test "word patterns fold non-ASCII letters as the tokenizer does" {
	run_ok sp-grep -o 'école' $R
	expect_eq "$output" "d2${TAB}1${TAB}2${TAB}ÉCOLE"
	run_ok sh -c "printf 'x\tthe \342\204\252elvin scale\n' |
	    sp-grep -o kelvin"
	expect_eq "$output" "x${TAB}$(printf '\342\204\252')elvin"
}

@test "word patterns agree with sp-tokens" {
	# The tokens that start with terror, record by record.
	run_ok sp-tokens records.tsv
	want=$(awk -F '\t' '$NF ~ /^terror/ { print $1 "\t" $2 "\t" $3 }' <<<"$output")
	[ -n "$want" ]
	run_ok sp-grep -o 'terror*' records.tsv
	expect_eq "$(cut -f1-3 <<<"$output")" "$want"
}

@test "a pattern with no words is an error" {
	run --separate-stderr sp-grep -- '--' $R
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-grep: pattern '--' has no words"
}

# --- fixed strings and regular expressions -------------------------------

@test "-F finds substrings anywhere, case-sensitively" {
	run --separate-stderr sp-grep -F -o error $R
	[ "$status" -eq 0 ]
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}error
d1${TAB}1${TAB}2${TAB}error
d1${TAB}1${TAB}2${TAB}error
d1${TAB}2${TAB}3${TAB}error
d2${TAB}1${TAB}2${TAB}error"
}

@test "-F prints each matching record once" {
	run_ok sp-grep -F safe $R
	expect_eq "$output" "d1${TAB}2${TAB}3${TAB}There must be no safe spaces for terrorists, no safe spaces at all."
}

@test "-F -i folds ASCII and other scripts" {
	run_ok sp-grep -F -i -o 'terror' $R
	expect_eq "$(printf '%s\n' "$output" | cut -f 4 | tr '\n' ' ')" \
	    "terror terror terror terror TERROR Terror "
	run_ok sp-grep -Fi -o 'école' $R
	expect_eq "$output" "d2${TAB}1${TAB}2${TAB}ÉCOLE"
}

@test "-F -i matches the KELVIN SIGN for k" {
	run_ok sh -c "printf 'x\tthe \342\204\252elvin scale\n' |
	    sp-grep -Fi -o kel"
	expect_eq "$output" "x${TAB}$(printf '\342\204\252')el"
}

@test "-w keeps only whole words for -F" {
	run --separate-stderr sp-grep -F -w -o terror $R
	[ "$status" -eq 1 ]
	run_ok sp-grep -Fwi -o terror $R
	expect_eq "$output" "d2${TAB}1${TAB}2${TAB}Terror"
}

@test "-E matches POSIX extended regular expressions" {
	run_ok sp-grep -E -o 'terror(ism|ists)' $R
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}terrorism
d1${TAB}1${TAB}2${TAB}terrorism
d1${TAB}1${TAB}2${TAB}terrorism
d1${TAB}2${TAB}3${TAB}terrorists"
}

@test "-E -i folds text and pattern and reports the original text" {
	run_ok sp-grep -E -i -o 'é[a-z]+' $R
	expect_eq "$output" "d2${TAB}1${TAB}2${TAB}ÉCOLE"
}

@test "-E -w matches whole words; a hyphen is a word boundary" {
	run_ok sp-grep -E -w -o 'terror[a-z]*' $R
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}terrorism
d1${TAB}1${TAB}2${TAB}terrorism
d1${TAB}1${TAB}2${TAB}terrorism
d1${TAB}2${TAB}3${TAB}terrorists"
}

@test "-E never splits a UTF-8 character" {
	run_ok sh -c "printf 'caf\303\251 x\n' | sp-grep -E -o 'caf.'"
	expect_eq "$output" "café"
}

@test "a bad regular expression is an error" {
	run --separate-stderr sp-grep -E '(' $R
	[ "$status" -eq 2 ]
	[[ "$stderr" == "sp-grep: pattern '(' "* ]]
}

@test "-F and -E together are a usage error" {
	run --separate-stderr sp-grep -F -E x $R
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-grep: -F and -E exclude each other
usage: sp-grep [options] pattern [file ...]
       sp-grep [options] -e pattern ... [file ...]"
}

# --- several patterns ----------------------------------------------------

@test "-e may be repeated and then every operand is a file" {
	run_ok sp-grep -o -e police -e 'no safe' $R
	expect_eq "$output" "d1${TAB}1${TAB}2${TAB}police
d1${TAB}2${TAB}3${TAB}no safe
d1${TAB}2${TAB}3${TAB}no safe"
}

@test "-f reads one pattern a line and skips empty lines" {
	run_ok sp-grep -f patterns.txt -o $R
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}terrorism
d1${TAB}1${TAB}2${TAB}terrorism
d1${TAB}2${TAB}3${TAB}safe spaces
d1${TAB}2${TAB}3${TAB}terrorists
d1${TAB}2${TAB}3${TAB}safe spaces
d2${TAB}1${TAB}2${TAB}TERRORISTS
d2${TAB}1${TAB}2${TAB}Terror"
}

@test "the longest of several patterns wins at one place" {
	run_ok sp-grep -o -e safe -e 'safe spaces' -e no $R
	expect_eq "$output" "d1${TAB}2${TAB}3${TAB}no
d1${TAB}2${TAB}3${TAB}safe spaces
d1${TAB}2${TAB}3${TAB}no
d1${TAB}2${TAB}3${TAB}safe spaces"
}

@test "a missing pattern file is an error" {
	run --separate-stderr sp-grep -f nosuch $R
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-grep: nosuch: No such file or directory"
}

# --- dictionaries --------------------------------------------------------

@test "--dict marks the records with the categories that match" {
	run --separate-stderr sp-grep --dict dict.tsv $R
	[ "$status" -eq 0 ]
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}threat${TAB}The threat from terrorism is real.
d1${TAB}1${TAB}2${TAB}threat,safety${TAB}Counter-terrorism police work with counter terrorism units.
d1${TAB}2${TAB}3${TAB}threat,safety${TAB}There must be no safe spaces for terrorists, no safe spaces at all.
d2${TAB}1${TAB}2${TAB}threat${TAB}TERRORISTS and Terror: the ÉCOLE of fear."
}

@test "--dict -c counts every category in every document" {
	run_ok sp-grep -c --dict dict.tsv $R
	expect_eq "$output" "d1${TAB}threat${TAB}4
d1${TAB}safety${TAB}3
d2${TAB}threat${TAB}2
d2${TAB}safety${TAB}0
d3${TAB}threat${TAB}0
d3${TAB}safety${TAB}0"
}

@test "--dict --kwic names the category of each match, -o its entry too" {
	run_ok sp-grep --kwic=8 --dict dict.tsv $R
	expect_eq "$(printf '%s\n' "$output" | head -3)" \
	    "d1${TAB}1${TAB}1${TAB}threat${TAB}The ${TAB}threat${TAB} from te
d1${TAB}1${TAB}1${TAB}threat${TAB}at from ${TAB}terrorism${TAB} is real
d1${TAB}1${TAB}2${TAB}safety${TAB}rrorism ${TAB}police${TAB} work wi"
	run_ok sp-grep -o --dict dict.tsv $R
	expect_eq "$(printf '%s\n' "$output" | head -2)" \
	    "d1${TAB}1${TAB}1${TAB}threat${TAB}threat*${TAB}threat
d1${TAB}1${TAB}1${TAB}threat${TAB}terror*${TAB}terrorism"
}

@test "a dictionary line without a TAB is an error naming the line" {
	printf 'threat\tterror*\nbroken line\n' >bad.dict
	run --separate-stderr sp-grep --dict bad.dict $R
	[ "$status" -eq 2 ]
	expect_eq "$stderr" \
	    "sp-grep: bad.dict:2: no TAB between category and pattern"
}

@test "--dict does not mix with -F" {
	run --separate-stderr sp-grep -F --dict dict.tsv $R
	[ "$status" -eq 2 ]
}

# --- output layouts ------------------------------------------------------

@test "--kwic prints key, left context, match and right context" {
	run --separate-stderr sp-grep --kwic=10 'terror*' $R
	[ "$status" -eq 0 ]
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}reat from ${TAB}terrorism${TAB} is real.
d1${TAB}1${TAB}2${TAB}h counter ${TAB}terrorism${TAB} units.
d1${TAB}2${TAB}3${TAB}paces for ${TAB}terrorists${TAB}, no safe 
d2${TAB}1${TAB}2${TAB}${TAB}TERRORISTS${TAB} and Terro
d2${TAB}1${TAB}2${TAB}RISTS and ${TAB}Terror${TAB}: the ÉCOL"
}

@test "--kwic cuts contexts on characters, not bytes" {
	run_ok sp-grep --kwic=5 terror multibyte.tsv
	expect_eq "$output" "k1${TAB} ÉÉÉ ${TAB}terror${TAB} ééé "
	run_ok sp-grep --kwic=6 terror multibyte.tsv
	expect_eq "$output" "k1${TAB}— ÉÉÉ ${TAB}terror${TAB} ééé —"
}

@test "--kwic defaults to 40 characters of context" {
	run_ok sp-grep --kwic police $R
	expect_eq "$output" "d1${TAB}1${TAB}2${TAB}Counter-terrorism ${TAB}police${TAB} work with counter terrorism units."
}

@test "--align pads the columns so the matches line up" {
	run_ok sp-grep --kwic=10 --align 'terror*' $R
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}reat from ${TAB}terrorism ${TAB} is real.
d1${TAB}1${TAB}2${TAB}h counter ${TAB}terrorism ${TAB} units.
d1${TAB}2${TAB}3${TAB}paces for ${TAB}terrorists${TAB}, no safe 
d2${TAB}1${TAB}2${TAB}          ${TAB}TERRORISTS${TAB} and Terro
d2${TAB}1${TAB}2${TAB}RISTS and ${TAB}Terror    ${TAB}: the ÉCOL"
}

@test "--align pads key fields and counts characters, not bytes" {
	printf 'a\tx terror y\nlonger\tÉÉ terror\n' >keys.tsv
	run_ok sp-grep --kwic=3 --align terror keys.tsv
	expect_eq "$output" "a     ${TAB} x ${TAB}terror${TAB} y
longer${TAB}ÉÉ ${TAB}terror${TAB}"
}

@test "--sort left orders by the words before the match, nearest first" {
	run_ok sp-grep --kwic=10 --sort left 'terror*' $R
	expect_eq "$(printf '%s\n' "$output" | cut -f 4)" "
RISTS and 
h counter 
paces for 
reat from "
}

@test "--sort right orders by the words after the match" {
	run_ok sp-grep --kwic=10 --sort=right 'terror*' $R
	expect_eq "$(printf '%s\n' "$output" | cut -f 6)" " and Terro
 is real.
, no safe 
: the ÉCOL
 units."
}

@test "--sort match orders by the match, ties in input order" {
	run_ok sp-grep --kwic=10 --sort match 'terror*' $R
	expect_eq "$output" "d2${TAB}1${TAB}2${TAB}RISTS and ${TAB}Terror${TAB}: the ÉCOL
d1${TAB}1${TAB}1${TAB}reat from ${TAB}terrorism${TAB} is real.
d1${TAB}1${TAB}2${TAB}h counter ${TAB}terrorism${TAB} units.
d1${TAB}2${TAB}3${TAB}paces for ${TAB}terrorists${TAB}, no safe 
d2${TAB}1${TAB}2${TAB}${TAB}TERRORISTS${TAB} and Terro"
}

@test "--sort needs --kwic and a known key" {
	run --separate-stderr sp-grep --sort left x $R
	[ "$status" -eq 2 ]
	expect_eq "$(printf '%s\n' "$stderr" | head -1)" \
	    "sp-grep: --sort and --align need --kwic"
	run --separate-stderr sp-grep --kwic --sort middle x $R
	[ "$status" -eq 2 ]
	expect_eq "$(printf '%s\n' "$stderr" | head -1)" \
	    "sp-grep: --sort: 'middle' is not left, right or match"
}

@test "-c counts matches per document, documents without any as 0" {
	run --separate-stderr sp-grep -c 'terror*' $R
	[ "$status" -eq 0 ]
	expect_eq "$output" "d1${TAB}3
d2${TAB}2
d3${TAB}0"
}

@test "-c --by sent counts per sentence" {
	run_ok sp-grep -c --by sent 'terror*' $R
	expect_eq "$output" "d1${TAB}1${TAB}1${TAB}1
d1${TAB}1${TAB}2${TAB}1
d1${TAB}2${TAB}3${TAB}1
d2${TAB}1${TAB}1${TAB}0
d2${TAB}1${TAB}2${TAB}2
d3${TAB}1${TAB}1${TAB}0"
}

@test "-c --by para and a number of fields" {
	run_ok sp-grep -c --by 2 'terror*' $R
	expect_eq "$output" "d1${TAB}1${TAB}2
d1${TAB}2${TAB}1
d2${TAB}1${TAB}2
d3${TAB}1${TAB}0"
	run_ok sp-grep -c --by para 'terror*' $R
	expect_eq "$output" "d1${TAB}1${TAB}2
d1${TAB}2${TAB}1
d2${TAB}1${TAB}2
d3${TAB}1${TAB}0"
}

@test "-c on plain lines prints one total" {
	run_ok sh -c "printf 'a terror\nb terror terror\nc\n' |
	    sp-grep -c terror"
	[ "$status" -eq 0 ]
	expect_eq "$output" "3"
}

@test "-c with nothing found prints zeros and exits 1" {
	run --separate-stderr sp-grep -c xyzzy $R
	[ "$status" -eq 1 ]
	expect_eq "$output" "d1${TAB}0
d2${TAB}0
d3${TAB}0"
}

@test "-c -v counts the records that do not match" {
	run_ok sp-grep -c -v 'terror*' $R
	expect_eq "$output" "d1${TAB}0
d2${TAB}1
d3${TAB}1"
}

@test "--by with too few key fields: one error naming the file and line, as sp-count" {
	run --separate-stderr sp-grep -c --by 4 'terror*' $R
	[ "$status" -eq 2 ]
	expect_eq "$output" "0"
	expect_eq "$stderr" \
	    "sp-grep: records.tsv:1: --by 4 needs 4 key fields, the record has 3"
	run --separate-stderr sp-count --by 4 $R
	[ "$status" -eq 2 ]
	expect_eq "$stderr" \
	    "sp-count: records.tsv:1: --by 4 needs 4 key fields, the record has 3"
}

@test "--by with too few key fields skips the rest of that file only" {
	printf 'a\t1\tterror one\na\t2\tnothing\nb\tterror two\nc\t1\tterror\n' \
	    >short.tsv
	printf 'd\t1\tterror three\n' >good.tsv
	# Every path: the block scan (-F, word patterns, -E) and the record
	# by record one (-v), with -c and -l.
	for args in "-F terror" "terror" "-E terro." ; do
		run --separate-stderr sp-grep -c --by para $args short.tsv good.tsv
		[ "$status" -eq 2 ]
		expect_eq "$output" "a${TAB}1${TAB}1
a${TAB}2${TAB}0
d${TAB}1${TAB}1"
		expect_eq "$stderr" "sp-grep: short.tsv:3: --by para needs 2 key fields, the record has 1"
		run --separate-stderr sp-grep -l --by 2 $args short.tsv good.tsv
		[ "$status" -eq 2 ]
		expect_eq "$output" "a${TAB}1
d${TAB}1"
		expect_eq "$stderr" "sp-grep: short.tsv:3: --by 2 needs 2 key fields, the record has 1"
	done
	run --separate-stderr sp-grep -c -v --by para terror short.tsv good.tsv
	[ "$status" -eq 2 ]
	expect_eq "$output" "a${TAB}1${TAB}0
a${TAB}2${TAB}1
d${TAB}1${TAB}0"
	expect_eq "$stderr" "sp-grep: short.tsv:3: --by para needs 2 key fields, the record has 1"
	run --separate-stderr sp-grep -c --by doc terror - <<<'plain line'
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-grep: (standard input):1: --by doc needs 1 key field, the record has 0"
}

@test "--by needs -c or -l" {
	run --separate-stderr sp-grep --by doc x $R
	[ "$status" -eq 2 ]
}

@test "-o prints each match with its key" {
	run_ok sp-grep -o 'safe*' $R
	expect_eq "$output" "d1${TAB}2${TAB}3${TAB}safe
d1${TAB}2${TAB}3${TAB}safe"
}

@test "-o on plain lines prints the matches alone" {
	run_ok sh -c "printf 'a terror b Terror\n' | sp-grep -o terror"
	expect_eq "$output" "terror
Terror"
}

@test "-v prints the records that do not match" {
	run --separate-stderr sp-grep -v 'terror*' $R
	[ "$status" -eq 0 ]
	expect_eq "$output" "d2${TAB}1${TAB}1${TAB}Nothing to see here.
d3${TAB}1${TAB}1${TAB}A quiet day."
}

@test "-v with -o or --kwic is a usage error" {
	run --separate-stderr sp-grep -v -o x $R
	[ "$status" -eq 2 ]
	run --separate-stderr sp-grep -v --kwic x $R
	[ "$status" -eq 2 ]
}

@test "-l prints each matching document once, in order of first match" {
	run_ok sp-grep -l -e quiet -e 'terror*' $R
	expect_eq "$output" "d1
d2
d3"
	run_ok sp-grep -l --by sent 'safe' $R
	expect_eq "$output" "d1${TAB}2${TAB}3"
}

@test "-l on plain lines prints the file names" {
	printf 'a terror\n' >a.txt
	printf 'nothing\n' >b.txt
	printf 'terror terror\n' >c.txt
	run_ok sp-grep -l terror a.txt b.txt c.txt
	expect_eq "$output" "a.txt
c.txt"
}

@test "-q prints nothing and exits 0 on a match, 1 without" {
	run --separate-stderr sp-grep -q terror $R
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run --separate-stderr sp-grep -q xyzzy $R
	[ "$status" -eq 1 ]
}

@test "only one of -c, -l, -o and --kwic" {
	run --separate-stderr sp-grep -c -o x $R
	[ "$status" -eq 2 ]
	expect_eq "$(printf '%s\n' "$stderr" | head -1)" \
	    "sp-grep: only one of -c, -l, -o and --kwic"
}

# --- exit status ---------------------------------------------------------

@test "exit status is 1 when nothing matches" {
	run --separate-stderr sp-grep xyzzy $R
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[ -z "$stderr" ]
}

@test "no pattern is a usage error" {
	run --separate-stderr sp-grep
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-grep: no pattern
usage: sp-grep [options] pattern [file ...]
       sp-grep [options] -e pattern ... [file ...]"
}

@test "--help starts with the usage of the manual's synopsis" {
	run --separate-stderr sp-grep --help
	[ "$status" -eq 0 ]
	expect_eq "$(printf '%s\n' "$output" | head -2)" \
	    "usage: sp-grep [options] pattern [file ...]
       sp-grep [options] -e pattern ... [file ...]"
}

# --- bad input -----------------------------------------------------------

@test "a missing file among valid ones: message, others searched, exit 2" {
	run --separate-stderr sp-grep -l terror $R nosuch $R
	[ "$status" -eq 2 ]
	expect_eq "$output" "d2"
	expect_eq "$stderr" "sp-grep: nosuch: No such file or directory"
}

@test "-q with a match exits 0 even after an error" {
	run --separate-stderr sp-grep -q terror nosuch $R
	[ "$status" -eq 0 ]
}

@test "a directory is an error" {
	mkdir dir
	run --separate-stderr sp-grep terror dir $R
	[ "$status" -eq 2 ]
	expect_eq "$output" "d2${TAB}1${TAB}2${TAB}TERRORISTS and Terror: the ÉCOLE of fear."
	expect_eq "$stderr" "sp-grep: dir: is a directory"
}

@test "a NUL byte ends the file with an error naming the line" {
	printf 'a\tterror one\nb\tbad \000 terror\nc\tterror three\n' >nul.tsv
	for kind in "" -F; do
		run --separate-stderr sp-grep $kind terror nul.tsv
		[ "$status" -eq 2 ]
		expect_eq "$output" "a${TAB}terror one"
		expect_eq "$stderr" \
		    "sp-grep: nul.tsv:2: NUL byte: not a text file; rest of file skipped"
	done
}

@test "invalid UTF-8 is replaced by U+FFFD with one warning" {
	printf 'a\tterror \377 one\nb\tterror \376\n' >bad.tsv
	for kind in "" -F; do
		run --separate-stderr sp-grep $kind terror bad.tsv
		[ "$status" -eq 0 ]
		expect_eq "$output" "a${TAB}terror � one
b${TAB}terror �"
		expect_eq "$stderr" \
		    "sp-grep: bad.tsv: 2 invalid UTF-8 sequences replaced by U+FFFD"
	done
}

@test "invalid UTF-8 on lines skipped by the block scan is still counted" {
	# -F and -E find their literals in whole blocks and pass over the
	# lines without one; the warning must not depend on that.
	printf 'a\tnothing \377 here\nb\tterror one\nc\tagain \376\n' >bad.tsv
	for kind in -F -E ""; do
		run --separate-stderr sp-grep $kind terror bad.tsv
		[ "$status" -eq 0 ]
		expect_eq "$output" "b${TAB}terror one"
		expect_eq "$stderr" \
		    "sp-grep: bad.tsv: 2 invalid UTF-8 sequences replaced by U+FFFD"
		run --separate-stderr sp-grep $kind -c terror bad.tsv
		expect_eq "$output" "a${TAB}0
b${TAB}1
c${TAB}0"
		expect_eq "$stderr" \
		    "sp-grep: bad.tsv: 2 invalid UTF-8 sequences replaced by U+FFFD"
	done
}

@test "-E finds what every line's own regexec finds" {
	# Expressions with required literals take the block scan; adding an
	# expression with no literal that matches nothing here ([[:cntrl:]])
	# makes every line go through regexec: the output must not change.
	sp-split "$CORPUS"/*.txt >seg.tsv
	for re in '(Jerusalem|Babylon|Egypt)[a-z]*' 'terror(ism|ist)s?' \
	    '[0-9]+ per cent' '(we|they) (will|must)' '(Syria|Iraq)' \
	    'extrem(e|ism|ist)s?' '^The' '\bsecurity\b' 'k(ing)+' \
	    'British (Muslim|values)'; do
		for o in "" -i "-i -o" --kwic; do
			want=$(sp-grep -E $o -e "$re" -e '[[:cntrl:]]' seg.tsv)
			got=$(sp-grep -E $o -e "$re" seg.tsv)
			[ -n "$got" ]
			expect_eq "$got" "$want"
		done
	done
}

@test "CRLF line ends and a byte order mark are dropped" {
	printf '\357\273\277a\tterror one\r\nb\tterror two\r\n' >crlf.tsv
	for kind in "" -F; do
		run_ok sp-grep $kind -o terror crlf.tsv
		expect_eq "$output" "a${TAB}terror
b${TAB}terror"
		run_ok sp-grep $kind --kwic 'two' crlf.tsv
		expect_eq "$output" "b${TAB}terror ${TAB}two${TAB}"
	done
}

@test "a last line without a newline is searched" {
	printf 'a\tno\nb\tterror' >nonl.tsv
	for kind in "" -F; do
		run_ok sp-grep $kind terror nonl.tsv
		expect_eq "$output" "b${TAB}terror"
	done
}

@test "line numbers stay right in the fixed-string scan" {
	{ for i in 1 2 3 4 5; do printf 'k\tline %s\n' $i; done
	  printf 'k\tterror\n'
	  printf 'k\t\000\n'; } >late.tsv
	run --separate-stderr sp-grep -F terror late.tsv
	[ "$status" -eq 2 ]
	expect_eq "$output" "k${TAB}terror"
	expect_eq "$stderr" \
	    "sp-grep: late.tsv:7: NUL byte: not a text file; rest of file skipped"
}

@test "a NUL byte blocks after the last match is reported at its line, from a file and a pipe" {
	# 40,000 lines of 20 bytes: 800 kB, more than three of the reader's
	# blocks, so that the lines before the NUL are counted again from
	# the file (or as each block goes, from a pipe).
	awk 'BEGIN { for (i = 1; i <= 40000; i++) {
		t = i == 5 ? "terror \377 here...." : "nothing at all....."
		printf "d%d\t%s\n", i % 7, t } }' >big.tsv
	printf 'd0\tx\000\n' >>big.tsv
	for args in "-F terror" terror "-E terr.r" "-c -F terror" "-c terror"; do
		run --separate-stderr sp-grep $args big.tsv
		[ "$status" -eq 2 ]
		expect_eq "$stderr" "sp-grep: big.tsv:40001: NUL byte: not a text file; rest of file skipped
sp-grep: big.tsv: 1 invalid UTF-8 sequence replaced by U+FFFD"
		run --separate-stderr sh -c "sp-grep $args <big.tsv"
		[ "$status" -eq 2 ]
		expect_eq "$stderr" "sp-grep: (standard input):40001: NUL byte: not a text file; rest of file skipped
sp-grep: (standard input): 1 invalid UTF-8 sequence replaced by U+FFFD"
	done
	run --separate-stderr sp-grep -F terror big.tsv
	expect_eq "$output" "d5${TAB}terror $(printf '\357\277\275') here...."
	run --separate-stderr sp-grep -c -F terror big.tsv
	expect_eq "$output" "d1${TAB}0
d2${TAB}0
d3${TAB}0
d4${TAB}0
d5${TAB}1
d6${TAB}0
d0${TAB}0"
}

@test "a failed write is an error" {
	run --separate-stderr sh -c 'sp-grep terror records.tsv >/dev/full'
	[ "$status" -eq 2 ]
	expect_eq "$stderr" \
	    "sp-grep: (standard output): write error: No space left on device"
}

@test "output stops quietly when the reader goes away" {
	# 2048 copies of the records, made by doubling.
	cp records.tsv many.tsv
	for i in 1 2 3 4 5 6 7 8 9 10 11; do
		cat many.tsv many.tsv >twice.tsv
		mv twice.tsv many.tsv
	done
	for pattern in "-F e" the; do
		first_line_quietly sp-grep $pattern many.tsv
		expect_eq "$(cat quiet.out)" "d1${TAB}1${TAB}1${TAB}The threat from terrorism is real."
	done
}

@test "plain lines with no TAB are searched whole" {
	run_ok sh -c "printf 'the terror\nnothing\n' | sp-grep terror -"
	expect_eq "$output" "the terror"
	run_ok sh -c "printf 'the terror\n' | sp-grep --kwic terror"
	expect_eq "$output" "the ${TAB}terror${TAB}"
}

# --- the bundled corpus --------------------------------------------------

@test "corpus: a concordance of prevent*" {
	sp-split "$CORPUS"/*.txt >corpus.tsv
	run_ok sp-grep --kwic=30 "prevent*" corpus.tsv
	expect_eq "$(head -n 4 <<<"$output")" "dick-2017-07-20${TAB}18${TAB}41${TAB}There was much success in ${TAB}preventing${TAB} travel to Syria, stopping acc
dick-2017-07-20${TAB}18${TAB}42${TAB}ns of various sorts overseas, ${TAB}preventing${TAB} attacks in friendly and somet
dick-2017-07-20${TAB}28${TAB}70${TAB}st the narrative of Jihad and ${TAB}prevent${TAB} it radicalising the vulnerabl
dick-2017-07-20${TAB}40${TAB}107${TAB}- And ${TAB}Prevent${TAB} - to stop people from becomin"
	# Every line, checked against its sentence: LEFT MATCH RIGHT is in
	# it, and a context shorter than 30 characters reaches the end.
	# (Lines with characters beyond ASCII are left out: awk counts bytes.)
	printf '%s\n' "$output" >kwic.tsv
	run awk -F '\t' 'NR == FNR { text[$1 "\t" $2 "\t" $3] = $4; next }
	    {
		t = text[$1 "\t" $2 "\t" $3]; n++
		if (t ~ /[^ -~]/) next
		i = index(t, $4 $5 $6)
		if (i == 0 || (length($4) < 30 && i != 1) ||
		    (length($6) < 30 && i + length($4 $5 $6) != length(t) + 1) ||
		    length($4) > 30 || length($6) > 30 ||
		    tolower(substr($5, 1, 7)) != "prevent")
			print "bad: " $0
		checked++
	    }
	    END { if (checked < 20) print "only " checked " of " n " checked" }' corpus.tsv kwic.tsv
	[ "$status" -eq 0 ]
	expect_eq "$output" ""
}

@test "corpus: -c agrees with a count made by sp-tokens and awk" {
	sp-split "$CORPUS"/*.txt >corpus.tsv
	run_ok sp-grep -c 'prevent*' corpus.tsv
	mine=$output
	sp-tokens corpus.tsv >tokens.tsv
	run_ok awk -F '\t' '$NF ~ /^prevent/ { n[$1]++ }
	    END { for (d in n) print d "\t" n[d] }' tokens.tsv
	expect_eq "$mine" "$(LC_ALL=C sort <<<"$output")"
	expect_eq "$mine" "dick-2017-07-20${TAB}11
homeoffice-2018-06-04${TAB}7
javid-2018-06-04${TAB}5
khan-2016-03-20${TAB}1
security-minister-2019-10${TAB}1"
}

@test "corpus: -c agrees with grep -o -i -w on the text" {
	sp-split "$CORPUS"/*.txt >corpus.tsv
	run_ok sp-grep -c "prevent*" corpus.tsv
	mine=$(awk -F '\t' '{ s += $2 } END { print s }' <<<"$output")
	cat "$CORPUS"/*.txt >all.txt
	run_ok grep -o -i -w "prevent[a-z]*" all.txt
	expect_eq "$mine" "${#lines[@]}"
	[ "$mine" -gt 0 ]
}

@test "corpus: -F finds what grep -F finds" {
	sp-split "$CORPUS"/*.txt >corpus.tsv
	for p in terror Prevent 'safe spaces' 'ÉCOLE' '’s'; do
		run --separate-stderr sp-grep -F "$p" corpus.tsv
		want=$(grep -F "$p" corpus.tsv) && st=0 || st=1
		[ "$status" -eq "$st" ] && [ -z "$stderr" ] || { echo "$p: $status"; return 1; }
		expect_eq "$output" "$want"
	done
	for p in terror Prevent 'safe spaces'; do
		run_ok sp-grep -F -i "$p" corpus.tsv
		want=$(grep -F -i "$p" corpus.tsv)
		expect_eq "$output" "$want"
	done
}

@test "-i folds the right single quotation mark to an apostrophe" {
	printf 'a	it’s
b	it'"'"'s
c	its
' >quotes.tsv
	run_ok sp-grep -F -i -o "it's" quotes.tsv
	expect_eq "$output" "a${TAB}it’s
b${TAB}it's"
	run_ok sp-grep -F -o "it's" quotes.tsv
	expect_eq "$output" "b${TAB}it's"
	run_ok sp-grep -o "it's" quotes.tsv
	expect_eq "$output" "a${TAB}it’s
b${TAB}it's"
}

@test "-c on an empty input prints 0 (per category with --dict), status 1, as grep -c" {
	: > empty.txt
	run --separate-stderr sp-grep -c terror empty.txt
	[ "$status" -eq 1 ]
	[ "$output" = 0 ]
	printf 'security\tterror*\npolicing\tpolice\n' > d.dict
	run --separate-stderr sp-grep -c --dict d.dict empty.txt
	[ "$status" -eq 1 ]
	expect_eq "$output" "security${TAB}0
policing${TAB}0"
}

@test "the fast paths give what their simple references give, on generated input" {
	# tests/grep-diff.sh: the block scan, the substring searches, the
	# automaton for many strings, expressions searched as strings and the
	# word prefilter against SP_REFERENCE=1, 12 seeds (GREP_DIFF_SEEDS).
	run sh "$SP_ROOT/tests/grep-diff.sh" "${GREP_DIFF_SEEDS:-12}"
	[ "$status" -eq 0 ] || { printf '%s\n' "$output" | tail -30; return 1; }
	[[ "${lines[${#lines[@]} - 1]}" =~ ^grep-diff:\ [0-9]{3,}\ cases,\ 0\ differ$ ]]
}

# --- --meta: groups by a column of a metadata table ----------------------

# A sitting: speeches s1..s4 in sentence records, s5 not in the table.
sitting() {
	printf 'id\tSpeaker_party\tSpeaker_gender\tDate\n' >meta.tsv
	printf 's1\tLab\tF\t2019-03-01\ns2\tCon\tM\t2020-01-02\n' >>meta.tsv
	printf 's3\tLab\tM\t2020-05-05\ns4\tNA\tF\t2018-12-31\n' >>meta.tsv
	printf 's1\t1\t1\tImmigration and immigrants.\ns1\t1\t2\tNothing.\n' >sit.tsv
	printf 's2\t1\t1\tNo immigration.\ns5\t1\t1\tImmigrants again.\n' >>sit.tsv
	printf 's3\t1\t1\tQuiet here.\ns3\t2\t1\tImmigrant.\n' >>sit.tsv
	printf 's4\t1\t1\tNone.\ns5\t1\t2\tImmigration.\n' >>sit.tsv
}

@test "-c --meta --by COLUMN counts per value, in order of first sight, missing ids as NA" {
	sitting
	for args in "immigra*" "-F -i immigra" "-E -i immigra"; do
		run --separate-stderr sp-grep -c --meta meta.tsv --by Speaker_party $args sit.tsv
		[ "$status" -eq 0 ]
		expect_eq "$output" "Lab${TAB}3
Con${TAB}1
NA${TAB}2"
		expect_eq "$stderr" "sp-grep: meta.tsv: 1 id not in the table (first: s5); their records are counted as NA"
	done
	run --separate-stderr sp-grep -c --meta meta.tsv --by Speaker_gender 'immigra*' sit.tsv
	expect_eq "$output" "F${TAB}2
M${TAB}2
NA${TAB}2"
	run --separate-stderr sp-grep -c -v --meta meta.tsv --by Speaker_party 'immigra*' sit.tsv
	expect_eq "$output" "Lab${TAB}2
Con${TAB}0
NA${TAB}1"
}

@test "-c --meta --by COLUMN agrees with -c by doc joined with the table in awk" {
	sitting
	sp-grep -c 'immigra*' sit.tsv >bydoc
	want=$(awk -F '\t' 'NR == FNR { if (FNR > 1) party[$1] = $2; next }
	    { g = ($1 in party) && party[$1] != "" ? party[$1] : "NA"
	      if (!(g in n)) order[++k] = g; n[g] += $2 }
	    END { for (i = 1; i <= k; i++) printf "%s\t%d\n", order[i], n[order[i]] }' \
	    meta.tsv bydoc)
	run --separate-stderr sp-grep -c --meta meta.tsv --by Speaker_party 'immigra*' sit.tsv
	expect_eq "$output" "$want"
}

@test "--meta --by COLUMN:year and :decade group dates by period" {
	sitting
	run --separate-stderr sp-grep -c --meta meta.tsv --by Date:year 'immigra*' sit.tsv
	[ "$status" -eq 0 ]
	expect_eq "$output" "2019${TAB}2
2020${TAB}2
NA${TAB}2
2018${TAB}0"
	run --separate-stderr sp-grep -c --meta meta.tsv --by Date:decade 'immigra*' sit.tsv
	expect_eq "$output" "2010s${TAB}2
2020s${TAB}2
NA${TAB}2"
}

@test "-l --meta --by COLUMN lists each value that has a match, once" {
	sitting
	for args in "immigra*" "-F -i immigra"; do
		run --separate-stderr sp-grep -l --meta meta.tsv --by Speaker_party $args sit.tsv
		[ "$status" -eq 0 ]
		expect_eq "$output" "Lab
Con
NA"
	done
	run --separate-stderr sp-grep -l --meta meta.tsv --by Speaker_party quiet sit.tsv
	expect_eq "$output" "Lab"
	expect_eq "$stderr" ""
}

@test "--id-column names the ids; a CSV table; --by doc with --meta is the key level" {
	sitting
	printf 'Party,Speech\nLab,s1\nCon,s2\n"Lab, left",s3\n' >meta.csv
	run --separate-stderr sp-grep -c --meta meta.csv --id-column Speech --by Party 'immigra*' sit.tsv
	[ "$status" -eq 0 ]
	expect_eq "$output" "Lab${TAB}2
Con${TAB}1
NA${TAB}2
Lab, left${TAB}1"
	expect_eq "$stderr" "sp-grep: meta.csv: 2 ids not in the table (first: s5); their records are counted as NA"
	run_ok sp-grep -c --meta meta.tsv --by doc 'immigra*' sit.tsv
	expect_eq "$output" "$(sp-grep -c 'immigra*' sit.tsv)"
}

@test "--meta errors: unknown column, bad table, record with no key, usage" {
	sitting
	run --separate-stderr sp-grep -c --meta meta.tsv --by Party x sit.tsv
	[ "$status" -eq 2 ]
	expect_eq "$output" ""
	expect_eq "$stderr" "sp-grep: meta.tsv:1: no column 'Party' (--by Party); the columns are: id, Speaker_party, Speaker_gender, Date"
	printf 'id\tParty\ns1\tLab\ns1\tCon\n' >dup.tsv
	run --separate-stderr sp-grep -c --meta dup.tsv --by Party x sit.tsv
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-grep: dup.tsv:3: id 's1' (column id) is also on line 2"
	printf 'id\tDate\ns1\t2019-02-30\n' >date.tsv
	run --separate-stderr sp-grep -c --meta date.tsv --by Date:year x sit.tsv
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-grep: date.tsv:2: --by Date:year: '2019-02-30' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"
	run --separate-stderr sp-grep -c --meta meta.tsv --by Speaker_party x - <<<'plain line'
	[ "$status" -eq 2 ]
	expect_eq "$output" "0"
	expect_eq "$stderr" "sp-grep: (standard input):1: --by Speaker_party needs a key whose first field is an id of meta.tsv, the record has no key"
	run --separate-stderr sp-grep -c --meta nosuch.tsv --by Speaker_party x sit.tsv
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-grep: nosuch.tsv: No such file or directory"
	run --separate-stderr sp-grep -c --by Speaker_party x sit.tsv
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-grep: --by: 'Speaker_party' is not doc, para, sent or a number from 1 to 1000 (a column of a metadata table needs --meta FILE)"
	run --separate-stderr sp-grep --meta meta.tsv x sit.tsv
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-grep: --meta needs -c or -l"
	run --separate-stderr sp-grep -c --id-column id x sit.tsv
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-grep: --id-column needs --meta"
}

# --- dictionaries with weights, negation, LIWC, rates --------------------

# The Lexicoder way: negated entries as categories of their own.
lsd() {
	printf 'positive\tgood\t1\nnegative\tbad*\t-1\n' >lsd.tsv
	printf 'neg_positive\tnot good\t-1\nneg_negative\tnot bad*\t1\n' >>lsd.tsv
	printf 'a\t1\tIt was good. It was not good at all.\n' >neg.tsv
	printf 'a\t2\tNot bad, not badly done; bad.\nb\t1\tNothing here!\n' >>neg.tsv
}

@test "--dict with weights: counts and weighted sums; a negated entry wins over the plain word" {
	lsd
	run_ok sp-grep -c --dict lsd.tsv neg.tsv
	# "not good" once, as neg_positive, and not as positive too; the
	# plain "good" of "It was good" as positive.
	expect_eq "$output" "a${TAB}positive${TAB}1${TAB}1
a${TAB}negative${TAB}1${TAB}-1
a${TAB}neg_positive${TAB}1${TAB}-1
a${TAB}neg_negative${TAB}2${TAB}2
b${TAB}positive${TAB}0${TAB}0
b${TAB}negative${TAB}0${TAB}0
b${TAB}neg_positive${TAB}0${TAB}0
b${TAB}neg_negative${TAB}0${TAB}0"
	run_ok sp-grep -o --dict lsd.tsv neg.tsv
	expect_eq "$output" "a${TAB}1${TAB}positive${TAB}good${TAB}1${TAB}good
a${TAB}1${TAB}neg_positive${TAB}not good${TAB}-1${TAB}not good
a${TAB}2${TAB}neg_negative${TAB}not bad*${TAB}1${TAB}Not bad
a${TAB}2${TAB}neg_negative${TAB}not bad*${TAB}1${TAB}not badly
a${TAB}2${TAB}negative${TAB}bad*${TAB}-1${TAB}bad"
	run_ok sp-grep --dict lsd.tsv neg.tsv
	expect_eq "$output" "a${TAB}1${TAB}positive,neg_positive${TAB}It was good. It was not good at all.
a${TAB}2${TAB}negative,neg_negative${TAB}Not bad, not badly done; bad."
}

@test "--nested=category counts every category apart, as quanteda's default" {
	lsd
	run_ok sp-grep -c --nested=category --dict lsd.tsv neg.tsv
	expect_eq "$(head -n 4 <<<"$output")" "a${TAB}positive${TAB}2${TAB}2
a${TAB}negative${TAB}3${TAB}-3
a${TAB}neg_positive${TAB}1${TAB}-1
a${TAB}neg_negative${TAB}2${TAB}2"
	run_ok sp-grep -c --nested=dictionary --dict lsd.tsv neg.tsv
	expect_eq "$(head -n 1 <<<"$output")" "a${TAB}positive${TAB}1${TAB}1"
}

@test "weights: decimals and U+2212 add exactly; a dictionary without weights has no sum column" {
	printf 'x\tgood\t0.1\nx\tfine\t\xe2\x88\x920.3\ny\tgood\n' >w.tsv
	printf 'd\tgood good fine good\n' >w-in.tsv
	run_ok sp-grep -c --dict w.tsv w-in.tsv
	expect_eq "$output" "d${TAB}x${TAB}4${TAB}0
d${TAB}y${TAB}3${TAB}3"
	printf 'x\tgood\nx\tfine\n' >nw.tsv
	run_ok sp-grep -c --dict nw.tsv w-in.tsv
	expect_eq "$output" "d${TAB}x${TAB}4"
}

@test "--rate: tokens and rates per 1,000 agree with awk over sp-tokens" {
	printf 'threat\tterror*\t-2\nsafety\tpolice\t1.5\n' >r.dict
	sp-split "$CORPUS"/*.txt >seg.tsv
	run_ok sp-grep -c --rate --dict r.dict seg.tsv
	got=$output
	# Single words only, so each is a token: count them, sum their
	# weights, divide by the tokens of the document.
	want=$(sp-tokens seg.tsv | awk -F '\t' '
	    function w(x,   s) {
		s = sprintf("%.6f", x); sub(/0+$/, "", s); sub(/\.$/, "", s)
		return s == "-0" ? "0" : s
	    }
	    function rate(x, n) { return n ? sprintf("%.4f", x * 1000 / n) : "NA" }
	    !($1 in seen) { seen[$1] = 1; order[++k] = $1 }
	    { n[$1]++ }
	    $4 ~ /^terror/ { t[$1]++ }
	    $4 == "police" { p[$1]++ }
	    END {
		for (i = 1; i <= k; i++) {
			d = order[i]
			printf "%s\tthreat\t%d\t%s\t%d\t%s\t%s\n", d, t[d], w(-2 * t[d]),
			    n[d], rate(t[d], n[d]), rate(-2 * t[d], n[d])
			printf "%s\tsafety\t%d\t%s\t%d\t%s\t%s\n", d, p[d], w(1.5 * p[d]),
			    n[d], rate(p[d], n[d]), rate(1.5 * p[d], n[d])
		}
	    }')
	expect_eq "$got" "$want"
	[ "$(wc -l <<<"$got")" -gt 4 ]
}

@test "--rate: a group without a token has NA rates; an empty input too" {
	printf 'x\tgood\n' >g.dict
	printf 'a\tgood\nb\t...\n' >g.tsv
	run_ok sp-grep -c --rate --dict g.dict g.tsv
	expect_eq "$output" "a${TAB}x${TAB}1${TAB}1${TAB}1000.0000
b${TAB}x${TAB}0${TAB}0${TAB}NA"
	: >empty.tsv
	lsd
	run --separate-stderr sp-grep -c --rate --dict lsd.tsv empty.tsv
	[ "$status" -eq 1 ]
	expect_eq "$output" "positive${TAB}0${TAB}0${TAB}0${TAB}NA${TAB}NA
negative${TAB}0${TAB}0${TAB}0${TAB}NA${TAB}NA
neg_positive${TAB}0${TAB}0${TAB}0${TAB}NA${TAB}NA
neg_negative${TAB}0${TAB}0${TAB}0${TAB}NA${TAB}NA"
}

@test "a LIWC .dic: categories in list order, wildcards, phrases, conditional and wordless entries skipped with a warning" {
	printf '%%\n1\tposemo\n02\tnegemo\n3\tfunct\n%%\n' >t.dic
	printf 'good\t1\nbad*\t2\nnot\t3\nvery good\t1 3\n' >>t.dic
	printf 'like\t02 134(02 134)126/125\nkind of\t(53 54)3\n:)\t1\nterribl*  2\n' >>t.dic
	printf 'a\tGood, very good; not bad. I like it. Terribly kind of :)\n' >l.tsv
	run --separate-stderr sp-grep -c --dict t.dic l.tsv
	[ "$status" -eq 0 ]
	expect_eq "$output" "a${TAB}posemo${TAB}2
a${TAB}negemo${TAB}2
a${TAB}funct${TAB}2"
	expect_eq "$stderr" "sp-grep: t.dic: 2 conditional entries skipped (the first on line 10): sp has no conditional categories
sp-grep: t.dic: 1 entry without a word skipped (the first on line 12)"
	run --separate-stderr sp-grep -o --dict t.dic l.tsv
	expect_eq "$output" "a${TAB}posemo${TAB}good${TAB}Good
a${TAB}posemo${TAB}very good${TAB}very good
a${TAB}funct${TAB}very good${TAB}very good
a${TAB}funct${TAB}not${TAB}not
a${TAB}negemo${TAB}bad*${TAB}bad
a${TAB}negemo${TAB}terribl*${TAB}Terribly"
}

@test "malformed dictionaries: an error naming the file and line" {
	printf 'd\tx\n' >in.tsv
	check() {
		run --separate-stderr sp-grep -c --dict bad.dict in.tsv
		[ "$status" -eq 2 ]
		expect_eq "$output" ""
		expect_eq "$stderr" "$1"
	}
	printf 'a\tgood\t1\nb\tbad\tvery\n' >bad.dict
	check "sp-grep: bad.dict:2: weight 'very' is not a number such as -1.5 (at most 6 decimals, at most 1000000)"
	printf 'a\tgood\t0.1234567\n' >bad.dict
	check "sp-grep: bad.dict:1: weight '0.1234567' is not a number such as -1.5 (at most 6 decimals, at most 1000000)"
	printf 'a\tgood\t1\t2\n' >bad.dict
	check "sp-grep: bad.dict:1: more than three fields (CATEGORY TAB pattern TAB weight)"
	printf 'a\tgood\t1\na\tgood\t2\n' >bad.dict
	check "sp-grep: bad.dict:2: pattern 'good' is in category 'a' with weight 1 (line 1) and 2"
	printf '\tgood\n' >bad.dict
	check "sp-grep: bad.dict:1: empty category"
	printf '%%\n1\tpos\n%%\ngood\t7\n' >bad.dict
	check "sp-grep: bad.dict:4: category id 7 is not in the category list"
	printf '%%\n1\tpos\ngood\t1\n' >bad.dict
	check "sp-grep: bad.dict:3: category id 'good' is not a number"
	printf '%%\n1\tpos\n' >bad.dict
	check "sp-grep: bad.dict: the category list is not closed by a % line"
	printf '%%\n1\tpos\n1\tneg\n%%\n' >bad.dict
	check "sp-grep: bad.dict:3: category id 1 is listed twice"
	# A .dic file is LIWC's even without its % lines, which would
	# otherwise be read as categories 1 and 2 and pattern '2'.
	printf '1\tfunct\n2\tposemo\nhappy\t2\n' >x.dic
	run --separate-stderr sp-grep -c --dict x.dic in.tsv
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-grep: x.dic:1: a LIWC dictionary starts with a % line"
	cp x.dic X.DIC
	run --separate-stderr sp-grep -c --dict X.DIC in.tsv
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-grep: X.DIC:1: a LIWC dictionary starts with a % line"
	cp x.dic x.dict
	run --separate-stderr sp-grep -c --dict x.dict in.tsv
	[ "$status" -eq 1 ]
	expect_eq "$output" "d${TAB}1${TAB}0
d${TAB}2${TAB}0
d${TAB}happy${TAB}0"
}

@test "--dict scores by a metadata column" {
	lsd
	printf 'id\tParty\na\tLab\nb\tCon\n' >m.tsv
	run_ok sp-grep -c --meta m.tsv --by Party --rate --dict lsd.tsv neg.tsv
	expect_eq "$output" "Lab${TAB}positive${TAB}1${TAB}1${TAB}15${TAB}66.6667${TAB}66.6667
Lab${TAB}negative${TAB}1${TAB}-1${TAB}15${TAB}66.6667${TAB}-66.6667
Lab${TAB}neg_positive${TAB}1${TAB}-1${TAB}15${TAB}66.6667${TAB}-66.6667
Lab${TAB}neg_negative${TAB}2${TAB}2${TAB}15${TAB}133.3333${TAB}133.3333
Con${TAB}positive${TAB}0${TAB}0${TAB}2${TAB}0.0000${TAB}0.0000
Con${TAB}negative${TAB}0${TAB}0${TAB}2${TAB}0.0000${TAB}0.0000
Con${TAB}neg_positive${TAB}0${TAB}0${TAB}2${TAB}0.0000${TAB}0.0000
Con${TAB}neg_negative${TAB}0${TAB}0${TAB}2${TAB}0.0000${TAB}0.0000"
}

@test "--rate, --nested and --case with --dict: usage errors" {
	lsd
	run --separate-stderr sp-grep --rate --dict lsd.tsv neg.tsv
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-grep: --rate needs -c and --dict, without -v"
	run --separate-stderr sp-grep -c --rate good neg.tsv
	expect_eq "${stderr%%$'\n'*}" "sp-grep: --rate needs -c and --dict, without -v"
	run --separate-stderr sp-grep -c --nested=word --dict lsd.tsv neg.tsv
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-grep: --nested: 'word' is not dictionary or category"
	run --separate-stderr sp-grep -c --nested=category good neg.tsv
	expect_eq "${stderr%%$'\n'*}" "sp-grep: --nested needs --dict"
	run --separate-stderr sp-grep -c --case --dict lsd.tsv neg.tsv
	expect_eq "${stderr%%$'\n'*}" "sp-grep: --dict matches words in any case; not with --case"
}

# The awk program of README's recipe that merges scores made in parts.
readme_merge_awk() {
	awk '/^cat piece\.\?\?\.scores \| awk/ { on = 1; next }
	    on && /^END/ { print; getline; sub(/ > merged\.tsv$/, ""); sub(/'"'"'$/, ""); print; exit }
	    on { print }' "$SP_ROOT/README.md" >merge.awk
	[ "$(wc -l <merge.awk)" -gt 10 ]
}

@test "scores made in parts merge into the same bytes as one run (README's recipe), groups split across parts too" {
	readme_merge_awk
	printf 'pos\tsafe*\t0.000001\npos\tprotect*\t1.25\nneg\tterror*\t-2.5\n' >m.dict
	printf 'neg\tthreat*\t-0.333333\nnp\tno safe*\t-1\nx\tthe\n' >>m.dict
	sp-split "$CORPUS"/*.txt >all.tsv
	split -l 97 all.tsv part.
	[ "$(ls part.?? | wc -l)" -gt 5 ]
	for by in doc para; do
		for p in part.??; do
			sp-grep -c --by "$by" --rate --dict m.dict "$p" >"$p.$by" ||
			    [ $? -eq 1 ]
		done
		cat part.??."$by" | awk -F '\t' -v OFS='\t' -f merge.awk >merged
		sp-grep -c --by "$by" --rate --dict m.dict all.tsv >whole
		cmp whole merged
		# Paragraphs straddle the parts: the sums were really added.
		[ "$(cat part.??."$by" | wc -l)" -gt "$(wc -l <whole)" ]
	done
	# Sums with six decimals were added exactly.
	grep -Eq "${TAB}-?[0-9]+\.[0-9]{6}${TAB}" whole
}

@test "-c with a block search counts each record's matches once, also after a record searched again (invalid UTF-8)" {
	printf 'Egypt no \342\204\252elvin kelvin THE jerusalem\303 -- in zzzz U.S. in 1,000 terror\342\202 - \303\211COLE zzzz terrorism zzz Babylon 3.5 terror\342\202 Terror don'"'"'t\n' >bad.txt
	printf '%s\n' the people security zzz jerusalem Babylon egypt terror \
	    'the people' "don't" cole kelvin spaces of >words
	for kind in -E -F; do
		run --separate-stderr sp-grep $kind -c -f words bad.txt
		[ "$status" -eq 0 ]
		expect_eq "$output" "10"
		expect_eq "$stderr" "sp-grep: bad.txt: 5 invalid UTF-8 sequences replaced by U+FFFD"
		SP_REFERENCE=1 sp-grep $kind -c -f words bad.txt 2>/dev/null >ref.out
		expect_eq "$output" "$(cat ref.out)"
	done
}
