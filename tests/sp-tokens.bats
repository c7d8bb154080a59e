#!/usr/bin/env bats
# sp-tokens: the word rules, the options and the record handling.

load helper

# tokens TEXT [OPTIONS...]: the tokens of one plain line, joined by '|';
# sp-tokens must succeed without a message.
tokens() {
	local text=$1 out st=0

	shift
	printf '%s\n' "$text" >tokens.in
	out=$(sp-tokens "$@" tokens.in 2>tokens.err) || st=$?
	if [ "$st" -ne 0 ] || [ -s tokens.err ]; then
		echo "sp-tokens $*: status $st: $(cat tokens.err)"
		return 1
	fi
	printf '%s\n' "$out" | paste -sd '|' -
}

@test "words are runs of letters and digits, folded to lower case" {
	run tokens 'The threat, from TERRORISM; is real!'
	expect_eq "$output" 'the|threat|from|terrorism|is|real'
}

@test "both apostrophes join a word and are written as '" {
	run tokens "Qa’ida and Qa'ida; CSP's plans, the students' union, 'quoted'"
	expect_eq "$output" "qa'ida|and|qa'ida|csp's|plans|the|students|union|quoted"
}

@test "hyphens join letters and letter-digit pairs but not two numbers" {
	run tokens 'counter-terrorism by the mid-2030s, COVID-19 and 1990-91 - or -not'
	expect_eq "$output" 'counter-terrorism|by|the|mid-2030s|covid-19|and|1990|91|or|not'
}

@test "numbers keep their decimal, thousands, time and date marks" {
	run tokens '£2 billion, 1.9 million, 100,000 people at 20:25 on 7/7, 8.30pm.'
	expect_eq "$output" '2|billion|1.9|million|100,000|people|at|20:25|on|7/7|8.30pm'
}

@test "acronyms with dots are one token without the final dot" {
	run tokens 'In the U.K. and the U.S.A., e.g. here.'
	expect_eq "$output" 'in|the|u.k|and|the|u.s.a|e.g|here'
}

@test "letters outside ASCII are word characters and fold" {
	run tokens 'Zoë, José and Ångström; ÉCOLE, ΣΟΦΟΣ, Москва, Ёлка'
	expect_eq "$output" 'zoë|josé|and|ångström|école|σοφοσ|москва|ёлка'
}

@test "decomposed and composed forms are the same word (NFC)" {
	run tokens "$(printf 'Jose\314\201 Jos\303\251')"
	expect_eq "$output" "$(printf 'jos\303\251|jos\303\251')"
}

@test "folding comes after decomposition, so tokens fold to themselves" {
	# U+0130 with a dot below composes to U+1ECA, a capital.
	run tokens "$(printf '\304\260\314\243 J\314\214 \304\260')"
	expect_eq "$output" "$(printf '\341\273\213\314\207|\307\260|\304\260')"
	printf '\304\260\314\243\n' | sp-tokens >"$BATS_TEST_TMPDIR/once"
	[ -s "$BATS_TEST_TMPDIR/once" ]
	run_ok sp-tokens "$BATS_TEST_TMPDIR/once"
	expect_eq "$output" "$(cat "$BATS_TEST_TMPDIR/once")"
}

@test "invisible characters inside words are removed" {
	run tokens "$(printf 'anti\302\255terror zero\342\200\213width join\342\201\240er \357\273\277bom')"
	expect_eq "$output" 'antiterror|zerowidth|joiner|bom'
}

@test "URLs and e-mail addresses are single tokens without trailing punctuation" {
	run tokens 'See www.gov.uk/contest, https://example.org/a_b?x=1. Mail Press.Office@homeoffice.gov.uk!'
	expect_eq "$output" 'see|www.gov.uk/contest|https://example.org/a_b?x=1|mail|Press.Office@homeoffice.gov.uk'
}

@test "a bracketed URL loses the closing bracket only" {
	run tokens '(see https://en.wikipedia.org/wiki/Prevent_(programme)) and (http://x.org/a)'
	expect_eq "$output" 'see|https://en.wikipedia.org/wiki/Prevent_(programme)|and|http://x.org/a'
}

@test "--keep-case keeps the case" {
	run tokens 'Zoë met the Home Secretary' --keep-case
	expect_eq "$output" 'Zoë|met|the|Home|Secretary'
}

@test "--no-numbers drops tokens without letters" {
	run tokens '36 people, 1.9 million, 7/7 and the mid-2030s' --no-numbers
	# A gap record (an empty token) for each run of dropped tokens.
	expect_eq "$output" 'people||million||and|the|mid-2030s'
}

@test "--min-len counts characters, not bytes" {
	run tokens 'a an ant ёж ёжик' --min-len 3
	expect_eq "$output" 'ant||ёжик'
}

@test "--punct keeps marks and symbols as tokens, runs of one ASCII mark as one" {
	run tokens 'Wait... £2 – no!! (really)' --punct
	expect_eq "$output" 'wait|...|£|2|–|no|!!|(|really|)'
}

@test "--stop drops the built-in English stop words, after folding" {
	run tokens "The threat we face isn't over" --stop
	expect_eq "$output" 'threat||face'
	run tokens "The threat we face" --stop --keep-case
	expect_eq "$output" 'threat||face'
}

@test "--stop=FILE uses the user's list with comments and blank lines" {
	printf '# my list\n\nthreat\n  Face \n' > stop.txt
	run tokens 'The threat we FACE' --stop=stop.txt
	expect_eq "$output" 'the||we'
}

@test "gap records: one per dropped run between kept tokens, one per token with --pad" {
	# The issue's example: report and secretary were never neighbours.
	run tokens 'the report of the Secretary of the Treasury' --stop
	expect_eq "$output" 'report||secretary||treasury'
	run tokens 'the report of the Secretary of the Treasury' --stop --pad
	expect_eq "$output" 'report|||secretary|||treasury'
	# None before the first kept token or after the last, none for
	# punctuation (not a token), and none when a record keeps nothing.
	run tokens 'Of 7 men, 12 - all of them - left; in the end' --stop --no-numbers
	expect_eq "$output" 'men||left||end'
	run tokens 'the 3 of it' --stop --no-numbers --pad
	expect_eq "$output" ''
	run tokens 'a b c d' --min-len 2 --pad
	expect_eq "$output" ''
	# The key is kept: KEY TAB and an empty token.
	printf 'd\t1\t2\tThreat of war\nthe end\n' >in.tsv
	run_ok sp-tokens --stop --pad in.tsv
	expect_eq "$output" "d${TAB}1${TAB}2${TAB}threat
d${TAB}1${TAB}2${TAB}
d${TAB}1${TAB}2${TAB}war
end"
}

@test "--pad without a filter changes nothing" {
	printf 'd\t1\t2\tThe threat of war\n' >in.tsv
	sp-tokens in.tsv >plain.out
	run_ok sp-tokens --pad in.tsv
	expect_eq "$output" "$(cat plain.out)"
}

@test "--print-stop prints the sorted built-in list" {
	run_ok sp-tokens --print-stop
	[ "${#lines[@]}" -eq 174 ]
	[ "${lines[0]}" = a ]
	[ "${lines[173]}" = yourselves ]
	expect_eq "$output" "$(printf '%s\n' "${lines[@]}" | LC_ALL=C sort)"
}

@test "--stem applies the Porter2 stemmer to words only" {
	run tokens 'Terrorists generously connected 1.9 communities www.gov.uk/Running' --stem
	expect_eq "$output" 'terrorist|generous|connect|1.9|communiti|www.gov.uk/Running'
}

@test "stop words are removed before stemming" {
	run tokens 'having the abilities' --stop --stem
	expect_eq "$output" 'abil'
}

@test "--ngrams N joins consecutive tokens with a space, within a record" {
	printf 'd\t1\t1\tthe threat of terrorism\nd\t1\t2\tis real\n' > in.tsv
	run_ok sp-tokens --ngrams 2 in.tsv
	expect_eq "$output" "d${TAB}1${TAB}1${TAB}the threat
d${TAB}1${TAB}1${TAB}threat of
d${TAB}1${TAB}1${TAB}of terrorism
d${TAB}1${TAB}2${TAB}is real"
}

@test "--ngrams N-M writes the smaller n-grams first, after stop words go" {
	run tokens 'the threat of global terrorism' --stop --ngrams 1-3
	# No n-gram across the gap where "of" was.
	expect_eq "$output" 'threat|global|terrorism|global terrorism'
}

@test "--ngrams copes with records that keep no token, the first ones too" {
	# Each of these once crashed: n-grams were written before any token
	# had been kept.
	printf 'd\t1\t1\tIt is.\nd\t1\t2\tThreat levels rose.\n' > in.tsv
	run --separate-stderr sp-tokens --stop --ngrams 2 in.tsv
	[ "$status" -eq 0 ]
	expect_eq "$output" "d${TAB}1${TAB}2${TAB}threat levels
d${TAB}1${TAB}2${TAB}levels rose"
	run --separate-stderr sp-tokens --no-numbers --ngrams 1-2 <<-EOF
	2018
	Threat levels rose in 2018 again
	EOF
	[ "$status" -eq 0 ]
	expect_eq "$output" 'threat
levels
rose
in
again
threat levels
levels rose
rose in'
	run --separate-stderr sp-tokens --ngrams 2 <<-EOF

	a b
	EOF
	[ "$status" -eq 0 ]
	expect_eq "$output" 'a b'
	[ -z "$stderr" ]
}

@test "--ngrams rejects an empty range and bad numbers" {
	run --separate-stderr sp-tokens --ngrams 3-1
	[ "$status" -eq 2 ]
	expect_eq "$stderr" 'sp-tokens: --ngrams: 3-1 is an empty range
usage: sp-tokens [--keep-case] [--no-numbers] [--min-len n] [--punct]
                 [--stop[=file]] [--pad] [--stem] [--ngrams n[-m]] [file ...]'
	run --separate-stderr sp-tokens --min-len x
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "sp-tokens: --min-len: 'x' is not a whole number from 1 to 1000000" ]
}

@test "keys are copied unchanged: segment records give token records" {
	printf 'javid-2018-06-04\t3\t4\tThe threat is real.\n' > seg.tsv
	run_ok sp-tokens seg.tsv
	expect_eq "$output" "javid-2018-06-04${TAB}3${TAB}4${TAB}the
javid-2018-06-04${TAB}3${TAB}4${TAB}threat
javid-2018-06-04${TAB}3${TAB}4${TAB}is
javid-2018-06-04${TAB}3${TAB}4${TAB}real"
}

@test "a user's TSV keeps its one key field; a key-only record gives nothing" {
	printf 'Khan\tNo safe spaces\nDick\t\nJavid\tSafe\n' > own.tsv
	run_ok sp-tokens own.tsv
	expect_eq "$output" "Khan${TAB}no
Khan${TAB}safe
Khan${TAB}spaces
Javid${TAB}safe"
}

@test "the tricky cases of the bundled corpus come out whole" {
	cat "$CORPUS"/*.txt >all.txt
	run_ok sp-tokens all.txt
	for w in "qa'ida" 1.9 7/7 mid-2030s "csp's" 100,000 counter-terrorism uk; do
		printf '%s\n' "$output" | grep -qxF -- "$w" || { echo "missing $w"; return 1; }
	done
}

@test "--punct writes a lone U+2019 as ', as inside words" {
	run tokens 'rock ’ roll ‘quoted’' --punct
	expect_eq "$output" "rock|'|roll|‘|quoted|'"
}

@test "a 32-byte token after a 31-byte key lands whole on the end of the output buffer" {
	# Records of 65 bytes: the 4,033rd starts 64 bytes before the end
	# of the 256 kB output buffer, one byte short of room for it (its
	# block copies once wrote its LF past the end: ASan saw it).
	awk 'BEGIN {
		k = sprintf("%31s", ""); gsub(/ /, "K", k)
		t = sprintf("%30s", ""); gsub(/ /, "a", t)
		for (i = 0; i < 4100; i++) printf "%s\t\303\251%s\n", k, t
	}' >in
	[ "$(wc -c <in)" -eq $((4100 * 65)) ]
	run_ok sp-tokens in
	expect_file in
}
