#!/usr/bin/env bats
# sp-count: count tables, groups, measures, keyness, collocations, merging,
# and the README recipes.  The expected tables in tests/fixtures/sp-count/
# were computed by hand; the working is in tests/fixtures/sp-count/README.

load helper

F=$BATS_TEST_DIRNAME/fixtures/sp-count

# Token records of the bundled corpus, from sp-split and sp-tokens when they
# are built (both must succeed), else from the text with awk (one "file
# TAB token" a line).
corpus_tokens() {
	if [ -x "$SP_BIN/sp-split" ] && [ -x "$SP_BIN/sp-tokens" ]; then
		sp-split "$CORPUS"/*.txt >corpus.seg && sp-tokens corpus.seg
	else
		for f in "$CORPUS"/*.txt; do
			tr -cs 'A-Za-z' '\n' <"$f" |
			    awk -v d="$(basename "$f" .txt)" 'NF { print d "\t" tolower($0) }'
		done
	fi
}

@test "counts items over the whole input, most frequent first" {
	run --separate-stderr sp-count "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	expect_file "$F/count.out"
}

@test "reads standard input when there is no operand or -" {
	run --separate-stderr sh -c 'sp-count <"$1" && sp-count - <"$1"' sh \
	    "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_eq "$output" "$(cat "$F/count.out" "$F/count.out")"
}

@test "--by doc writes one table per document, groups sorted" {
	run --separate-stderr sp-count --by doc "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_file "$F/by-doc.out"
}

@test "--by sent groups by the first three key fields" {
	run --separate-stderr sp-count -b 3 "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_eq "$output" "$(printf '%s\n' \
	    "a${TAB}1${TAB}1${TAB}cat${TAB}1" "a${TAB}1${TAB}1${TAB}sat${TAB}1" \
	    "a${TAB}1${TAB}1${TAB}the${TAB}1" "a${TAB}1${TAB}2${TAB}cat${TAB}1" \
	    "a${TAB}1${TAB}2${TAB}the${TAB}1" "a${TAB}2${TAB}3${TAB}ran${TAB}1" \
	    "b${TAB}1${TAB}1${TAB}dog${TAB}1" "b${TAB}1${TAB}1${TAB}sat${TAB}1" \
	    "b${TAB}1${TAB}1${TAB}the${TAB}1" "b${TAB}1${TAB}2${TAB}dog${TAB}1" \
	    "b${TAB}1${TAB}2${TAB}the${TAB}1")"
}

@test "--rel, --df and --tfidf add columns in that order" {
	run --separate-stderr sp-count --tfidf --df --by doc --rel \
	    "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_file "$F/by-doc-measures.out"
}

@test "--sort tfidf and -n keep the most distinctive items per group" {
	run --separate-stderr sp-count --by doc --tfidf -s tfidf -n 2 \
	    "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_eq "$output" "$(printf '%s\n' "a${TAB}cat${TAB}2${TAB}0.6021" \
	    "a${TAB}ran${TAB}1${TAB}0.3010" "b${TAB}dog${TAB}2${TAB}0.6021" \
	    "b${TAB}the${TAB}2${TAB}0.0000")"
}

@test "--min drops rare items and -n keeps the top rows" {
	run --separate-stderr sp-count --min 2 -n 3 "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_eq "$output" "$(printf '%s\n' "the${TAB}4" "cat${TAB}2" \
	    "dog${TAB}2")"
}

@test "plain lines count whole, blank lines are skipped" {
	printf 'b\n\na\nb\n\n' >in
	run --separate-stderr sp-count in
	[ "$status" -eq 0 ]
	expect_eq "$output" "$(printf '%s\n' "b${TAB}2" "a${TAB}1")"
}

@test "equal counts are in byte order, also for items sharing their first 16 bytes" {
	p=abcdefghijklmnop
	printf '%s\n' "${p}q" "$p" "${p}é" "${p}qr${p}" "${p}q${p}" zoë Zoë é \
	    "${p}qr${p}" "$p" "${p}q${p}" "${p}q" "${p}é" zoë Zoë é a >in
	run --separate-stderr sp-count in
	[ "$status" -eq 0 ]
	expect_eq "$output" "$(printf '%s\t2\n' Zoë "$p" "${p}q" "${p}q${p}" \
	    "${p}qr${p}" "${p}é" zoë é; printf 'a\t1\n')"
	sed 's/^/k\t1\t1\t/' in >keyed
	run --separate-stderr sp-count keyed --rel
	[ "$status" -eq 0 ]
	expect_eq "$(cut -f1,2 <<<"$output")" "$(sp-count in)"
}

@test "empty input gives an empty table" {
	run --separate-stderr sp-count /dev/null
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$stderr" = "" ]
}

@test "a record with too few key fields for --by is an error" {
	printf 'd\t1\tx\nd\ty\n' >in
	run --separate-stderr sp-count --by para in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: in:2: --by para needs 2 key fields, the record has 1"
	expect_eq "$output" "d${TAB}1${TAB}x${TAB}1"
}

@test "--keyness lists what is relatively more frequent in the target" {
	run --separate-stderr sp-count --keyness a "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_file "$F/keyness-a.out"
}

@test "--keyness --negative also lists what the reference prefers" {
	run --separate-stderr sp-count -k a --negative "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_file "$F/keyness-a-negative.out"
}

@test "--keyness @FILE takes the targets from a file" {
	printf 'a\n\n' >targets
	run --separate-stderr sp-count -k @targets "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_file "$F/keyness-a.out"
}

@test "--keyness --sort lr and --min; ties on LR go by G2" {
	run --separate-stderr sp-count -k b --sort lr --min 2 "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_eq "$output" "dog${TAB}2${TAB}0${TAB}3.7009${TAB}2.9333${TAB}2.2630
the${TAB}2${TAB}2${TAB}0.0523${TAB}0.0524${TAB}0.2630
sat${TAB}1${TAB}1${TAB}0.0203${TAB}0.0204${TAB}0.2630"
}

@test "--keyness with an unknown target is an error" {
	run --separate-stderr sp-count -k nosuch -k a "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	expect_eq "$stderr" "sp-count: --keyness: no record has the first key field 'nosuch'"
}

@test "--keyness with no reference is an error" {
	run --separate-stderr sp-count -k a -k b "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: --keyness: no reference: every record belongs to the target"
}

@test "--keyness from a merged --by table equals keyness from tokens" {
	sp-count --by sent "$F/tokens.tsv" >sent.cnt
	run --separate-stderr sp-count --from-counts -k a --negative sent.cnt
	[ "$status" -eq 0 ]
	expect_file "$F/keyness-a-negative.out"
}

@test "--colloc: adjacent pairs within a run of one key" {
	run --separate-stderr sp-count --colloc "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_file "$F/colloc.out"
}

@test "--colloc --sort count, --min and -n" {
	run --separate-stderr sp-count --colloc --sort count --min 2 -n 1 \
	    "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_eq "$output" "the${TAB}cat${TAB}2${TAB}0.5850${TAB}0.4714${TAB}2.0930"
}

@test "--pairs writes the mergeable pair table; -w widens the window" {
	run --separate-stderr sp-count --pairs "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_file "$F/pairs.out"
	run --separate-stderr sp-count --pairs -w 2 "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_file "$F/pairs-w2.out"
}

@test "pairs never cross a change of key or a file; a blank line is a gap" {
	printf 'x\ny\n\nz\n' >plain
	printf 'k\tw\n' >one
	run --separate-stderr sp-count --pairs plain one
	[ "$status" -eq 0 ]
	expect_eq "$output" "x${TAB}y${TAB}1"
	# The gap takes a position: y and z are two apart.
	run --separate-stderr sp-count --pairs -w 2 plain one
	[ "$status" -eq 0 ]
	expect_eq "$output" "x${TAB}y${TAB}1
y${TAB}z${TAB}1"
}

@test "gap records: no pair across removed words, windows keep distances" {
	[ -x "$SP_BIN/sp-tokens" ] || skip "sp-tokens is not built"
	printf 'the report of the Secretary of the Treasury\n' >in
	run_ok sh -c 'sp-tokens --stop in | sp-count --pairs'
	expect_eq "$output" ""
	# One gap per removed run: report _ secretary _ treasury.
	run_ok sh -c 'sp-tokens --stop in | sp-count --pairs -w 2'
	expect_eq "$output" "report${TAB}secretary${TAB}1
secretary${TAB}treasury${TAB}1"
	# --pad: the original distances, three apart.
	run_ok sh -c 'sp-tokens --stop --pad in | sp-count --pairs -w 2'
	expect_eq "$output" ""
	run_ok sh -c 'sp-tokens --stop --pad in | sp-count --pairs -w 3'
	expect_eq "$output" "report${TAB}secretary${TAB}1
secretary${TAB}treasury${TAB}1"
	# Gaps are never counted, in any mode.
	run_ok sh -c 'sp-tokens --stop --pad in | sp-count'
	expect_eq "$output" "report${TAB}1
secretary${TAB}1
treasury${TAB}1"
	run_ok sh -c 'sp-tokens --stop --pad in | SP_REFERENCE=1 sp-count'
	expect_eq "$output" "report${TAB}1
secretary${TAB}1
treasury${TAB}1"
}

@test "windowed pairs with gaps equal an awk count of positions" {
	[ -x "$SP_BIN/sp-split" ] && [ -x "$SP_BIN/sp-tokens" ] ||
	    skip "sp-split and sp-tokens are not built"
	sp-split "$CORPUS"/*.txt >seg
	for pad in "" --pad; do
		sp-tokens --stop --no-numbers --min-len 3 $pad seg >tok
		grep -q "${TAB}\$" tok
		for w in 1 3; do
			sp-count --pairs -w "$w" tok >got
			# A run is the records with one key; each record one
			# position; an empty token pairs with nothing.
			awk -F '\t' -v w="$w" '
			{ key = $0; sub(/\t[^\t]*$/, "", key)
			  if (key != last) { n = 0; last = key }
			  n++; tok[n] = $NF
			  if ($NF == "") next
			  for (j = 1; j <= w && j < n; j++)
				if (tok[n - j] != "")
					c[tok[n - j] "\t" $NF]++ }
			END { for (p in c) print p "\t" c[p] }' tok |
			    LC_ALL=C sort -t "$TAB" -k1,1 -k3,3nr -k2,2 >want
			[ -s want ]
			cmp got want
		done
	done
}

# Readability and lexical diversity (lib/textstat.c): every index against
# tests/ref/readability.awk and lexdiv.awk, the sums against hand counts
# and against the words analysed one by one.

# text_tokens: the corpus as sp-tokens writes it, into tok.
text_tokens() {
	[ -x "$SP_BIN/sp-split" ] && [ -x "$SP_BIN/sp-tokens" ] ||
	    skip "sp-split and sp-tokens are not built"
	sp-split "$CORPUS"/*.txt | sp-tokens >tok
}

# rd_ref TABLE: the rows of a --readability TABLE with GROUP FIELDS group
# fields, their indices computed again by the awk reference.
rd_ref() {
	awk -F '\t' -v OFS='\t' -v g="$2" '{
		k = ""; for (i = 1; i <= g; i++) k = k (i > 1 ? ":" : "") $i
		s = k; for (i = g + 1; i <= g + 8; i++) s = s OFS $i
		print s }' "$1" |
	    awk -F '\t' -f "$SP_ROOT/tests/ref/readability.awk" |
	    sed 's/-0\.0000/0.0000/g'
}

# rd_got TABLE GROUP_FIELDS: the group (joined by :) and the indices.
rd_got() {
	awk -F '\t' -v OFS='\t' -v g="$2" '{
		k = ""; for (i = 1; i <= g; i++) k = k (i > 1 ? ":" : "") $i
		s = k; for (i = g + 9; i <= g + 18; i++) s = s OFS $i
		print s }' "$1"
}

@test "--readability: hand-counted sums and indices" {
	printf 'a\t1\t1\tThe cat sat\na\t1\t2\tbeautiful elephants\n' >in
	run_ok sh -c 'sp-tokens in | sp-count --readability --by doc'
	# Syllables 1+1+1+3+3; letters 3+3+3+9+9; beautiful and elephants
	# are polysyllables, complex and long; the rest monosyllables.
	# Flesch 206.835 - 1.015 * 5/2 - 84.6 * 9/5 = 52.0175;
	# FK 0.39 * 2.5 + 11.8 * 1.8 - 15.59 = 6.625;
	# Fog 0.4 * (2.5 + 40) = 17; SMOG 1.043 sqrt(30) + 3.1291;
	# CLI 0.0588 * 540 - 0.296 * 40 - 15.8; ARI 4.71 * 5.4 + 1.25 - 21.43;
	# LIX 2.5 + 40; RIX 1; FORCAST 20 - 90/10; Linsear (3 + 6)/2 -> 1.25.
	expect_eq "$output" "a${TAB}5${TAB}2${TAB}9${TAB}27${TAB}2${TAB}2${TAB}2${TAB}3${TAB}52.0175${TAB}6.6250${TAB}17.0000${TAB}8.8418${TAB}4.1120${TAB}5.2540${TAB}42.5000${TAB}1.0000${TAB}11.0000${TAB}1.2500"
}

@test "--readability: one word, no sentence end, no words, gaps" {
	# A one-word document; a plain line (no key: one sentence, no group
	# column); a group of punctuation only (no words: NA).
	printf 'one\t1\t1\tWord\n' >one
	run_ok sh -c 'sp-tokens one | sp-count --readability --by doc'
	expect_eq "$output" "one${TAB}1${TAB}1${TAB}1${TAB}4${TAB}0${TAB}0${TAB}0${TAB}1${TAB}121.2200${TAB}-3.4000${TAB}0.4000${TAB}3.1291${TAB}-21.8800${TAB}-2.0900${TAB}1.0000${TAB}0.0000${TAB}5.0000${TAB}-0.5000"
	printf 'no sentence end here at all\n' >plain
	run_ok sh -c 'sp-tokens plain | sp-count --readability'
	expect_eq "$output" "6${TAB}1${TAB}7${TAB}22${TAB}0${TAB}0${TAB}1${TAB}5${TAB}102.0450${TAB}0.5167${TAB}2.4000${TAB}3.1291${TAB}0.8267${TAB}-1.1600${TAB}22.6667${TAB}1.0000${TAB}7.5000${TAB}2.0000"
	printf 'p\t1\t1\t... !!\n' >punct
	run_ok sh -c 'sp-tokens --punct punct | sp-count --readability --by doc'
	expect_eq "$output" "p${TAB}0${TAB}1${TAB}0${TAB}0${TAB}0${TAB}0${TAB}0${TAB}0${TAB}NA${TAB}NA${TAB}NA${TAB}NA${TAB}NA${TAB}NA${TAB}NA${TAB}NA${TAB}NA${TAB}NA"
	# Gap records change nothing but the words they stand for.
	printf 'd\t1\t1\tthe\nd\t1\t1\tcat\nd\t1\t1\t\nd\t1\t1\tsat\n' >gaps
	printf 'd\t1\t1\tthe\nd\t1\t1\tcat\nd\t1\t1\tsat\n' >nogaps
	sp-count --readability --by doc nogaps >want
	run_ok sp-count --readability --by doc gaps
	expect_file want
	[ "$(cut -f2,3 want)" = "3${TAB}1" ]
}

@test "--readability: indices equal the awk reference, per document and sentence" {
	text_tokens
	for by in "--by doc:1" "--by sent:3" ":0"; do
		sp-count --readability ${by%:*} tok >t
		[ -s t ]
		rd_ref t "${by#*:}" >want
		run rd_got t "${by#*:}"
		expect_file want
	done
	# 620 sentences in all, the distinct keys.
	[ "$(cut -f2 t)" = "$(cut -f1-3 tok | LC_ALL=C sort -u | wc -l | tr -d ' ')" ]
}

@test "--readability: sums per document are the sums of each word's analysis" {
	text_tokens
	run_ok sp-count --readability --by doc tok
	# Each word type alone (its own group) gives its syllables, letters
	# and classes; add them up per document with awk.
	cut -f4 tok | LC_ALL=C sort -u | awk '{ print $0 "\t" $0 }' |
	    sp-count --readability --by 1 >types
	awk -F '\t' -v OFS='\t' '
	FILENAME == ARGV[1] { for (i = 2; i <= 9; i++) a[$1, i] = $i; next }
	{ d = $1; if (!(d in seen)) { seen[d] = 1; docs[++n] = d }
	  k = $1 FS $2 FS $3; if (!(k in sent)) { sent[k] = 1; s[d]++ }
	  for (i = 2; i <= 9; i++) if (i != 3) sum[d, i] += a[$4, i] }
	END { for (j = 1; j <= n; j++) { d = docs[j]; line = d
		for (i = 2; i <= 9; i++)
			line = line OFS (i == 3 ? s[d] : sum[d, i] + 0)
		print line } }' types tok | LC_ALL=C sort >want
	expect_eq "$(cut -f1-9 <<<"$output")" "$(cat want)"
}

@test "--readability tables merge: the sums add up, the indices are computed again" {
	text_tokens
	sp-count --readability --by doc tok >whole
	# Parts cut between documents, and between sentences of one.
	n=$(awk -F '\t' -v m="$(($(wc -l <tok) / 2))" '
	    NR > m && $1 FS $2 FS $3 != k { print NR; exit }
	    { k = $1 FS $2 FS $3 }' tok)
	[ "$(sed -n "${n}p" tok | cut -f1)" = "$(sed -n "$((n - 1))p" tok | cut -f1)" ]
	head -n $((n - 1)) tok | sp-count --readability --by doc >p1
	tail -n +"$n" tok | sp-count --readability --by doc >p2
	run_ok sp-count --merge --readability p1 p2
	expect_file whole
	# Merged into coarser groups with --by, and without groups.
	sp-count --readability --by sent tok >sent
	run_ok sp-count --merge --readability --by doc sent
	expect_file whole
	sp-count --readability tok >all
	cut -f2- whole >nogroups
	run_ok sp-count --from-counts --readability nogroups
	expect_file all
}

@test "--readability --merge: malformed rows are errors with their line" {
	printf 'a\t1\t2\n' >short
	run --separate-stderr sp-count --merge --readability short
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: short:1: a readability row has 18 fields after its group, this one 3 in all"
	printf 'a\t1\t1\t1\t4\t0\t0\t0\tx\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n' >bad
	run --separate-stderr sp-count --merge --readability bad
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: bad:1: field 9, 'x', is not a whole number of 64 bits"
	printf '1\t1\t1\t4\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n' >nogroup
	run --separate-stderr sp-count --merge --readability --by doc nogroup
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: nogroup:1: --by doc needs 1 group field, the row has 0"
}

@test "--lexdiv: every measure equals the awk reference" {
	text_tokens
	run_ok sp-count --lexdiv --by doc tok
	awk -F '\t' -f "$SP_ROOT/tests/ref/lexdiv.awk" tok |
	    sed 's/-0\.0000/0.0000/g' | LC_ALL=C sort >want
	expect_file want
	run_ok sp-count --lexdiv --by doc --window 50 --segment 30 \
	    --mtld-threshold 0.8 tok
	awk -F '\t' -v window=50 -v segment=30 -v threshold=0.8 \
	    -f "$SP_ROOT/tests/ref/lexdiv.awk" tok |
	    sed 's/-0\.0000/0.0000/g' | LC_ALL=C sort >want
	expect_file want
	# Short documents: sentences as groups, windows of 5.
	run_ok sp-count --lexdiv --by sent --window 5 --segment 4 tok
	awk -F '\t' -v OFS='\t' '{ print $1 ":" $2 ":" $3, $4 }' tok |
	    awk -F '\t' -v window=5 -v segment=4 \
	    -f "$SP_ROOT/tests/ref/lexdiv.awk" |
	    sed 's/-0\.0000/0.0000/g' | LC_ALL=C sort >want
	expect_eq "$(sed 's/\t/:/; s/\t/:/' <<<"$output" | LC_ALL=C sort)" \
	    "$(cat want)"
}

@test "--lexdiv: one token, no repeated type, and with --readability" {
	printf 'one\t1\t1\tWord\n' >one
	run_ok sh -c 'sp-tokens one | sp-count --lexdiv --by doc'
	expect_eq "$output" "one${TAB}1${TAB}1${TAB}1.0000${TAB}NA${TAB}1.0000${TAB}0.7071${TAB}NA${TAB}0.0000${TAB}NA${TAB}NA${TAB}NA"
	# TTR stays 1: no MTLD factor; K 10^4 (4 - 2)/4 for a a.
	printf 'a b c\n' | sp-tokens >abc
	printf 'a a\n' | sp-tokens >aa
	run_ok sp-count --lexdiv abc
	expect_eq "$output" "3${TAB}3${TAB}1.0000${TAB}1.0000${TAB}1.7321${TAB}1.2247${TAB}0.0000${TAB}0.0000${TAB}NA${TAB}NA${TAB}NA"
	# a a: Maas lg 2 / (lg 2)^2 = 3.3219; MTLD one factor each way.
	run_ok sp-count --lexdiv --window 2 --segment 1 aa
	expect_eq "$output" "2${TAB}1${TAB}0.5000${TAB}0.0000${TAB}0.7071${TAB}0.5000${TAB}3.3219${TAB}5000.0000${TAB}0.5000${TAB}1.0000${TAB}2.0000"
	# Both: the readability columns, then the lexical diversity ones.
	run_ok sp-count --readability --lexdiv --by doc one
	expect_eq "$output" "one${TAB}1${TAB}1${TAB}1${TAB}4${TAB}0${TAB}0${TAB}0${TAB}1${TAB}121.2200${TAB}-3.4000${TAB}0.4000${TAB}3.1291${TAB}-21.8800${TAB}-2.0900${TAB}1.0000${TAB}0.0000${TAB}5.0000${TAB}-0.5000${TAB}1${TAB}1${TAB}1.0000${TAB}NA${TAB}1.0000${TAB}0.7071${TAB}NA${TAB}0.0000${TAB}NA${TAB}NA${TAB}NA"
}

@test "--lexdiv: windows and factors stay within a document of a group" {
	# Two documents in one group (no --by): types over both, windows,
	# segments and factors in each.
	printf 'd1\t1\t1\ta b a\nd2\t1\t1\ta b\n' | sp-tokens >two
	run_ok sp-count --lexdiv --window 2 --segment 2 two
	# TTR 2/5, C ln 2 / ln 5, R 2 / sqrt 5, CTTR 2 / sqrt 10; Maas
	# (lg 5 - lg 2) / (lg 5)^2; K 10^4 (9 + 4 - 5) / 25.  MATTR: the
	# windows a b, b a, a b, each of 2 types (a window across, a a, would
	# have 1); MSTTR: the segments a b and a b (across: a b, a a).  MTLD:
	# d1 has one factor each way (a b a: 2/3 <= 0.72), d2 none (its TTR
	# stays 1, a rest that is no part of a factor): 5 / 1 both ways.
	expect_eq "$output" "5${TAB}2${TAB}0.4000${TAB}0.4307${TAB}0.8944${TAB}0.6325${TAB}0.8145${TAB}3200.0000${TAB}1.0000${TAB}1.0000${TAB}5.0000"
}

@test "--readability and --lexdiv --meta --by COLUMN: groups of documents, NA said once" {
	printf 'id\tparty\nd1\tP\nd2\tP\n' >meta.tsv
	printf 'd1\t1\t1\ta b a\nd2\t1\t1\ta b\nd3\t1\t1\tc\n' | sp-tokens >tok
	run --separate-stderr sp-count --lexdiv --meta meta.tsv --by party \
	    --window 2 --segment 2 tok
	[ "$status" -eq 0 ]
	# P is d1 and d2: the numbers of the two documents without --by.
	expect_eq "$output" "NA${TAB}1${TAB}1${TAB}1.0000${TAB}NA${TAB}1.0000${TAB}0.7071${TAB}NA${TAB}0.0000${TAB}NA${TAB}NA${TAB}NA
P${TAB}5${TAB}2${TAB}0.4000${TAB}0.4307${TAB}0.8944${TAB}0.6325${TAB}0.8145${TAB}3200.0000${TAB}1.0000${TAB}1.0000${TAB}5.0000"
	expect_eq "$stderr" "sp-count: meta.tsv: 1 id not in the table (first: d3); their records are counted as NA"
}

@test "--readability --meta --by Date:year equals the ids replaced by years, and merges" {
	text_tokens
	run_ok sp-count --readability --meta "$CORPUS/INDEX.tsv" --by date:year tok
	# 2018 has two speeches.
	[ "${#lines[@]}" -eq 4 ]
	awk -F '\t' -v OFS='\t' 'NR == FNR { if (FNR > 1) y[$1] = substr($5, 1, 4); next }
	    { $1 = y[$1]; print }' "$CORPUS/INDEX.tsv" tok |
	    sp-count --readability --by doc >want
	expect_file want
	sp-count --readability --by doc tok >docs
	run_ok sp-count --merge --readability --meta "$CORPUS/INDEX.tsv" \
	    --by date:year docs
	expect_file want
}

@test "--collocates: counts left and right of the node, gaps take positions" {
	printf 'd\t1\t1\ta\nd\t1\t1\tb\nd\t1\t1\tc\nd\t1\t1\ta\nd\t1\t2\tb\n' >tok
	run_ok sp-count --collocates a --span L1,R1 -s count tok
	# The first a has b to its right, the second c to its left; the b of
	# the next sentence is out of every window.
	expect_eq "$(cut -f1-4 <<<"$output")" "b${TAB}1${TAB}0${TAB}1
c${TAB}1${TAB}1${TAB}0"
	printf 'd\t1\t1\ta\nd\t1\t1\t\nd\t1\t1\tb\n' >gap
	run_ok sp-count --collocates a --span 1 gap
	expect_eq "$output" ""
	run_ok sp-count --collocates a --span L0,R2 gap
	expect_eq "$(cut -f1-4 <<<"$output")" "b${TAB}1${TAB}0${TAB}1"
}

@test "--collocates equals the awk reference, a word and a pattern, gaps and spans" {
	text_tokens
	sp-split "$CORPUS"/*.txt | sp-tokens --stop --pad >gtok
	for t in tok gtok; do
		for s in "security:5:5" "threat:2:0" "terror*:3:4"; do
			node=${s%%:*} l=${s#*:} l=${l%:*} r=${s##*:}
			sp-count --collocates "$node" --span "L$l,R$r" "$t" >got
			[ -s got ]
			case $node in
			*\*) v="-v pattern=^${node%\*}" ;;
			*) v="-v node=$node" ;;
			esac
			awk -f "$SP_ROOT/tests/ref/common.awk" \
			    -f "$SP_ROOT/tests/ref/colloc-window.awk" $v \
			    -v left="$l" -v right="$r" "$t" |
			    awk -F '\t' -v OFS='\t' '{ print $1, $2, $7, $8, $9, $11 }' |
			    LC_ALL=C sort >want
			cut -f1,2,5- got | LC_ALL=C sort >got.cols
			cmp got.cols want
			# FREQ_L + FREQ_R = FREQ; ordered by G2, then FREQ, then word.
			[ -z "$(awk -F '\t' '$3 + $4 != $2' got)" ]
			LC_ALL=C sort -t "$TAB" -s -k7,7gr -k2,2nr -k1,1 got | cmp - got
		done
	done
}

@test "--collocates: -n, --min, --sort, and option errors" {
	text_tokens
	run_ok sp-count --collocates security --min 3 -s logdice -n 4 tok
	[ "${#lines[@]}" -eq 4 ]
	[ -z "$(awk -F '\t' '$2 < 3' <<<"$output")" ]
	LC_ALL=C sort -t "$TAB" -s -k8,8gr -k2,2nr -k1,1 <<<"$output" >want
	expect_file want
	run --separate-stderr sp-count --collocates a --span L0,R0 tok
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --span: 'L0,R0' is an empty window"
	run --separate-stderr sp-count --collocates a --span 5,5 tok
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --span: '5,5' is not Ln,Rm (as L5,R5) or a number"
	run --separate-stderr sp-count --collocates a --by doc tok
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --collocates counts tokens: --merge, --by, --rel, --df, --tfidf, --negative, --measure and --window do not apply (--span sets its window)"
	run --separate-stderr sp-count --span 3 tok
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --span applies to --collocates"
	run --separate-stderr sp-count --collocates a -s tfidf tok
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --sort: 'tfidf' is not a column of this table"
}

@test "--readability and --lexdiv: option errors" {
	run --separate-stderr sp-count --merge --lexdiv /dev/null
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --lexdiv counts tokens: types do not add up across tables (see sp-count(1))"
	run --separate-stderr sp-count --readability --colloc
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --readability and --lexdiv exclude --keyness, --keyness-all, --colloc, --pairs and --dispersion"
	run --separate-stderr sp-count --readability -n 3
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --rel, --df, --tfidf, --negative, --measure, -n, --min and --sort do not apply to --readability and --lexdiv"
	run --separate-stderr sp-count --readability --window 3
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --window applies to --lexdiv, --colloc and --pairs"
	run --separate-stderr sp-count --segment 3
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --segment and --mtld-threshold apply to --lexdiv"
	run --separate-stderr sp-count --lexdiv --mtld-threshold 1
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --mtld-threshold: '1' is not a number from 0.01 to 0.99"
}

@test "--colloc from merged pair tables equals --colloc from tokens" {
	head -n 5 "$F/tokens.tsv" | sp-count --pairs >p1
	tail -n +6 "$F/tokens.tsv" | sp-count --pairs >p2
	run --separate-stderr sp-count --merge --colloc p1 p2
	[ "$status" -eq 0 ]
	expect_file "$F/colloc.out"
}

@test "--merge adds count tables exactly, with or without groups" {
	head -n 4 "$F/tokens.tsv" | sp-count >c1
	tail -n +5 "$F/tokens.tsv" | sp-count >c2
	run --separate-stderr sp-count --merge c1 c2
	[ "$status" -eq 0 ]
	expect_file "$F/count.out"
	head -n 7 "$F/tokens.tsv" | sp-count --by doc >d1
	tail -n +8 "$F/tokens.tsv" | sp-count --by doc >d2
	run --separate-stderr sp-count -m d2 d1
	[ "$status" -eq 0 ]
	expect_file "$F/by-doc.out"
}

@test "--merge --by regroups a finer table" {
	sp-count --by sent "$F/tokens.tsv" >sent.cnt
	run --separate-stderr sp-count --merge --by doc sent.cnt
	[ "$status" -eq 0 ]
	expect_file "$F/by-doc.out"
}

@test "--merge adds up to the largest 64-bit count, and no further" {
	printf 'w\t18446744073709551614\n' >big
	printf 'w\t1\n' >one
	run --separate-stderr sp-count --merge big one
	[ "$status" -eq 0 ]
	[ "$output" = "w${TAB}18446744073709551615" ]
	run --separate-stderr sp-count --merge big one one
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: one:1: the count of 'w' overflows 64 bits"
}

@test "--merge: totals above 2^64 - 1 are no error; only printed counts must fit" {
	# The plain table prints no total.
	printf 'a\t18446744073709551615\nb\t1\n' >big
	run --separate-stderr sp-count --merge big
	[ "$status" -eq 0 ]
	expect_eq "$output" "a${TAB}18446744073709551615
b${TAB}1"
	[ -z "$stderr" ]
	# --rel divides by the total, 2^64 and 2^65 here:
	# 10^4 (2^64 - 1) / 2^64, 10^4 / 2^64, 10^4 2^63 / 2^65.
	printf 'g\ta\t9223372036854775808\ng\tb\t9223372036854775808\n' >quarters
	printf 'g\tc\t9223372036854775808\ng\td\t9223372036854775808\n' >>quarters
	run --separate-stderr sp-count --merge --rel big
	[ "$status" -eq 0 ]
	expect_eq "$output" "a${TAB}18446744073709551615${TAB}10000.0000
b${TAB}1${TAB}0.0000"
	run --separate-stderr sp-count --merge --by 1 --rel quarters
	[ "$status" -eq 0 ]
	expect_eq "$(cut -f2,4 <<<"$output")" "a${TAB}2500.0000
b${TAB}2500.0000
c${TAB}2500.0000
d${TAB}2500.0000"
}

# scaled SMALL BIG COLUMN FACTOR: whether column COLUMN of BIG is FACTOR
# times that of SMALL, row by row, within what SMALL's four decimals
# leave (half a unit of the last, times FACTOR).
scaled() {
	paste "$1" "$2" | awk -F '\t' -v c="$3" -v f="$4" -v n="$(head -n 1 "$1" | awk -F '\t' '{ print NF }')" '
	{ d = $(n + c) - f * $c; if (d < 0) d = -d
	  if (d > f * 0.00005) bad++ }
	END { exit bad > 0 || NR == 0 }'
}

@test "--merge: keyness and collocations of totals above 2^64 - 1 scale exactly" {
	# The same tables with every count times 2^62: the reference's total
	# (--keyness) and the pairs' (--colloc) are then 2^64 or more.  G2
	# and chi-squared grow by 2^62, t by 2^31; log ratio and PMI stay.
	printf 't\tx\t2\nt\ty\t1\nr\tx\t2\nr\ty\t2\n' >ks
	printf 'a\tb\t3\na\tc\t1\nd\tb\t1\nd\tc\t2\n' >cs
	for f in ks cs; do
		awk -F '\t' '{ printf "%s\t%s\t%.0f\n", $1, $2, $3 * 2^62 }' \
		    "$f" >"${f%s}b"
	done
	sp-count --merge --keyness t --negative ks >small
	run --separate-stderr sp-count --merge --keyness t --negative kb
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >big
	expect_eq "$(cut -f1,6 big)" "$(cut -f1,6 small)"
	scaled small big 4 4611686018427387904
	scaled small big 5 4611686018427387904
	sp-count --merge --colloc cs >small
	run --separate-stderr sp-count --merge --colloc cb
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >big
	expect_eq "$(cut -f1,2,4 big)" "$(cut -f1,2,4 small)"
	scaled small big 5 2147483648
	scaled small big 6 4611686018427387904
}

@test "--keyness: an item whose summed count would not fit is an error naming it" {
	printf 'r1\ty\t18446744073709551615\nr2\ty\t1\nt\ty\t1\n' >rows
	run --separate-stderr sp-count --merge --keyness t rows
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: the count of 'y' in the reference overflows 64 bits"
	[ -z "$output" ]
}

@test "malformed count tables are errors with file and line" {
	printf 'a\t1\nb\n' >missing
	printf 'a\t1\nb\tx2\n' >notnum
	printf 'a\t-3\n' >negative
	printf 'a\t18446744073709551616\n' >huge
	printf '\t4\n' >noitem
	printf 'a\t2.5000\n' >real
	run --separate-stderr sp-count --merge missing notnum negative huge \
	    noitem real
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: missing:2: missing field: a count table row is [GROUP TAB] ITEM TAB COUNT
sp-count: notnum:2: count 'x2' is not a whole number
sp-count: negative:1: count '-3' is negative
sp-count: huge:1: count '18446744073709551616' does not fit in 64 bits
sp-count: noitem:1: empty item
sp-count: real:1: count '2.5000' is not a whole number"
	expect_eq "$output" "a${TAB}2"
}

@test "--colloc needs pair tables when reading counts" {
	sp-count --by sent "$F/tokens.tsv" >sent.cnt
	run --separate-stderr sp-count --merge --colloc sent.cnt
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: sent.cnt:1: --colloc reads pair tables: a row is W1 TAB W2 TAB COUNT"
}

@test "split, count each part, merge: byte-identical to counting the whole" {
	corpus_tokens >tokens
	[ "$(wc -l <tokens)" -gt 5000 ]
	split -l 1000 tokens part.
	for opts in "" "--by doc" "--by sent"; do
		sp-count $opts tokens >whole
		for p in part.*; do sp-count $opts "$p" >"$p.cnt"; done
		sp-count --merge part.*.cnt >merged
		cmp whole merged
		rm part.*.cnt
	done
	sp-count --by doc tokens >doc.cnt
	for p in part.*; do sp-count --by doc "$p" >"$p.cnt"; done
	sp-count --merge part.*.cnt | sp-count --from-counts \
	    -k javid-2018-06-04 >from-counts
	sp-count -k javid-2018-06-04 tokens >direct
	cmp direct from-counts
	[ -s direct ]
}

@test "GNU parallel --pipe: the merged count is the whole count" {
	command -v parallel >/dev/null || skip "GNU parallel is not installed"
	corpus_tokens >tokens
	sp-count --by doc tokens >whole
	parallel --will-cite --pipe --block 20k sp-count --by doc <tokens |
	    sp-count --merge >merged
	cmp whole merged
	parallel --will-cite --pipe --block 20k -S : sp-count <tokens |
	    sp-count --merge >merged
	sp-count tokens | cmp - merged
}

@test "Hadoop Streaming, simulated: map, shuffle with sort, reduce" {
	corpus_tokens >tokens
	split -l 2000 tokens split.
	for s in split.*; do sp-count --by doc "$s" >"$s.map"; done
	cat split.*.map | LC_ALL=C sort -t "$TAB" -k1,1 | sp-count --merge >reduced
	sp-count --by doc tokens | cmp - reduced
}

@test "README: most frequent words per speech" {
	[ -x "$SP_BIN/sp-split" ] && [ -x "$SP_BIN/sp-tokens" ] ||
	    skip "sp-split and sp-tokens are not built"
	sp-split "$CORPUS"/*.txt >seg
	sp-tokens --stop seg >tok
	run_ok sp-count --by doc -n 10 tok
	# The same table from sort and uniq: per document, count descending,
	# then the word in byte order, the first ten.
	# Gap records (an empty token) are not words.
	awk -F '\t' '$4 != ""' tok | cut -f1,4 | LC_ALL=C sort | uniq -c |
	    awk '{ print $2 "\t" $3 "\t" $1 }' |
	    LC_ALL=C sort -t "$TAB" -k1,1 -k3,3nr -k2,2 |
	    awk -F '\t' '$1 != d { d = $1; n = 0 } ++n <= 10' >want
	[ "$(wc -l <want)" -eq 50 ]
	expect_file want
}

@test "README: what distinguishes one speaker from the rest" {
	[ -x "$SP_BIN/sp-split" ] && [ -x "$SP_BIN/sp-tokens" ] ||
	    skip "sp-split and sp-tokens are not built"
	cd "$SP_ROOT"
	awk -F '\t' '$2 == "Sadiq Khan" { print $1 }' corpus/INDEX.tsv >"$BATS_TEST_TMPDIR/khan.ids"
	[ -s "$BATS_TEST_TMPDIR/khan.ids" ]
	sp-split corpus/*.txt >"$BATS_TEST_TMPDIR/seg"
	sp-tokens "$BATS_TEST_TMPDIR/seg" >"$BATS_TEST_TMPDIR/tok"
	run_ok sp-count --keyness @"$BATS_TEST_TMPDIR/khan.ids" -n 20 "$BATS_TEST_TMPDIR/tok"
	[ "${#lines[@]}" -eq 20 ]
	# Every item is more frequent in the target (G2 above 0, log ratio
	# above 0), and G2 goes down.
	[ "$(awk -F '\t' '$4 <= 0 || $6 <= 0 || (NR > 1 && $4 > g) { print }
	    { g = $4 }' <<<"$output")" = "" ]
}

@test "README: the strongest collocations" {
	[ -x "$SP_BIN/sp-split" ] && [ -x "$SP_BIN/sp-tokens" ] ||
	    skip "sp-split and sp-tokens are not built"
	cd "$SP_ROOT"
	sp-split corpus/*.txt >"$BATS_TEST_TMPDIR/seg"
	sp-tokens "$BATS_TEST_TMPDIR/seg" >"$BATS_TEST_TMPDIR/tok"
	run_ok sp-count --colloc --min 3 -n 20 "$BATS_TEST_TMPDIR/tok"
	[ "${#lines[@]}" -eq 20 ]
	# Six columns, count at least 3, G2 descending.
	[ "$(awk -F '\t' 'NF != 6 || $3 < 3 || (NR > 1 && $6 > g) { print }
	    { g = $6 }' <<<"$output")" = "" ]
}

@test "README: pairs counted in parallel from sentences merge exactly" {
	[ -x "$SP_BIN/sp-split" ] && [ -x "$SP_BIN/sp-tokens" ] ||
	    skip "sp-split and sp-tokens are not built"
	command -v parallel >/dev/null || skip "GNU parallel is not installed"
	sp-split "$CORPUS"/*.txt >segments
	sp-tokens segments | sp-count --pairs >whole
	parallel --will-cite --pipe --block 10k 'sp-tokens | sp-count --pairs' \
	    <segments | sp-count --merge >merged
	cmp whole merged
	# With gap records and a window, too.
	sp-tokens --stop --pad segments | sp-count --pairs -w 3 >whole
	parallel --will-cite --pipe --block 10k \
	    'sp-tokens --stop --pad | sp-count --pairs -w 3' <segments |
	    sp-count --merge >merged
	cmp whole merged
}

@test "option errors print the usage and exit 2" {
	run --separate-stderr sp-count --by word "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --by: 'word' is not doc, para, sent or a number from 1 to 1000 (a column of a metadata table needs --meta FILE)"
	run --separate-stderr sp-count --colloc --keyness a "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --keyness, --keyness-all, --colloc, --pairs and --dispersion exclude each other"
	run --separate-stderr sp-count --tfidf "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --df and --tfidf need groups: use --by"
	run --separate-stderr sp-count --sort pmi "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --sort: 'pmi' is not a column of this table"
	run --separate-stderr sp-count -n 0 "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: -n: '0' is not a whole number from 1 to 9223372036854775807"
}

@test "--help starts with the usage line of the manual; --version" {
	run --separate-stderr sp-count --help
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "usage: sp-count [-m] [-b level] [-k target | --keyness-all | --colloc |" ]
	run --separate-stderr sp-count --version
	[ "$status" -eq 0 ]
	[[ "$output" == "sp-count (sp) "* ]]
}

@test "a missing file among valid ones is reported, the others counted" {
	run --separate-stderr sp-count "$F/tokens.tsv" nosuch "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: nosuch: No such file or directory"
	expect_eq "$output" "$(printf '%s\n' "the${TAB}8" "cat${TAB}4" \
	    "dog${TAB}4" "sat${TAB}4" "ran${TAB}2")"
}

@test "a directory is an error" {
	mkdir dir
	run --separate-stderr sp-count dir
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: dir: is a directory"
	[ "$output" = "" ]
}

@test "a failed write is an error" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr sh -c 'sp-count "$1" >/dev/full' sh "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: (standard output): write error: No space left on device"
}

@test "a closed pipe ends quietly" {
	corpus_tokens >tokens
	first_line_quietly sp-count --by sent tokens
}

@test "output does not depend on the hash keys, drawn anew by each run" {
	sp-split "$CORPUS"/*.txt | sp-tokens >tok
	sp-count --by doc tok >bydoc
	for opts in "" "--by doc" "--by para --rel --df --tfidf" "--pairs" \
	    "--colloc --min 2" "--keyness javid-2018-06-04" "--merge"; do
		in=tok
		case $opts in
		--keyness* | --merge) in=bydoc ;;
		esac
		# shellcheck disable=SC2086
		sp-count $opts "$in" >first
		for run in 2 3 4; do
			# shellcheck disable=SC2086
			sp-count $opts "$in" >again
			cmp first again || { echo "differs: $opts" >&2; return 1; }
		done
		[ -s first ]
	done
}

# --meta: a metadata table whose ids are the records' first key fields.
meta_fixture() {
	printf 'id\tparty\tdate\na\tLab\t2019-03-02\nb\tCon\t2020-01-01\n' >meta.tsv
}

@test "--meta --by COLUMN counts per value of the column" {
	meta_fixture
	run --separate-stderr sp-count --meta meta.tsv --by party "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	expect_eq "$output" "Con${TAB}dog${TAB}2
Con${TAB}the${TAB}2
Con${TAB}sat${TAB}1
Lab${TAB}cat${TAB}2
Lab${TAB}the${TAB}2
Lab${TAB}ran${TAB}1
Lab${TAB}sat${TAB}1"
}

@test "--meta --by DATE:year, :decade; missing ids are NA, said once" {
	printf 'id\tdate\na\t2019-03-02\n' >m1.tsv
	run --separate-stderr sp-count --meta m1.tsv --by date:year -n 2 \
	    "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	expect_eq "$stderr" "sp-count: m1.tsv: 1 id not in the table (first: b); their records are counted as NA"
	expect_eq "$output" "2019${TAB}cat${TAB}2
2019${TAB}the${TAB}2
NA${TAB}dog${TAB}2
NA${TAB}the${TAB}2"
	meta_fixture
	run --separate-stderr sp-count --meta meta.tsv --by date:decade \
	    --rel -n 1 "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	# 2 of the 6 tokens of a, 2 of the 5 of b, per 10,000
	expect_eq "$output" "2010s${TAB}cat${TAB}2${TAB}3333.3333
2020s${TAB}dog${TAB}2${TAB}4000.0000"
}

@test "--meta --by COLUMN on the corpus equals replacing ids with awk" {
	corpus_tokens >tok
	awk -F '\t' -v OFS='\t' 'NR == FNR { if (FNR > 1) who[$1] = $2; next }
	    { $1 = who[$1]; print }' "$CORPUS/INDEX.tsv" tok >bywho
	for opts in "" "--rel --df --tfidf -n 5" "--min 3"; do
		sp-count --by doc $opts bywho >want
		run_ok sp-count --meta "$CORPUS/INDEX.tsv" --by speaker $opts tok
		expect_eq "$output" "$(cat want)"
	done
	# The same table merged from counts per sentence.
	sp-count --by sent tok >sent.cnt
	run_ok sp-count --from-counts --meta "$CORPUS/INDEX.tsv" --by speaker \
	    sent.cnt
	expect_eq "$output" "$(sp-count --by doc bywho)"
}

@test "--meta --keyness takes a value of the column as the target" {
	corpus_tokens >tok
	awk -F '\t' '$2 == "Sadiq Khan" { print $1 }' "$CORPUS/INDEX.tsv" >ids
	sp-count --keyness @ids --negative -n 30 tok >want
	[ -s want ]
	run_ok sp-count --meta "$CORPUS/INDEX.tsv" --by speaker \
	    --keyness 'Sadiq Khan' --negative -n 30 tok
	expect_eq "$output" "$(cat want)"
	sp-count --by doc tok >doc.cnt
	run_ok sp-count --merge --meta "$CORPUS/INDEX.tsv" --by speaker \
	    --keyness 'Sadiq Khan' --negative -n 30 doc.cnt
	expect_eq "$output" "$(cat want)"
	run --separate-stderr sp-count --meta "$CORPUS/INDEX.tsv" --by speaker \
	    --keyness 'Sadiq' tok
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: --keyness: no record is in the group 'Sadiq' of --by speaker"
}

@test "--id-column, CRLF, a BOM and CSV read the same table" {
	printf 'party,doc\r\nLab,a\r\nCon,b\r\n' >m.csv
	printf '\357\273\277party\tdoc\r\nLab\ta\r\nCon\tb\r\n' >m.tsv
	meta_fixture
	sp-count --meta meta.tsv --by party "$F/tokens.tsv" >want
	for m in m.csv m.tsv; do
		run_ok sp-count --meta $m --id-column doc --by party \
		    "$F/tokens.tsv"
		expect_eq "$output" "$(cat want)"
	done
}

@test "--meta errors name the table's file and line" {
	meta_fixture
	run --separate-stderr sp-count --meta meta.tsv --by Party "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	expect_eq "$stderr" "sp-count: meta.tsv:1: no column 'Party' (--by Party); the columns are: id, party, date"
	printf 'id\tparty\na\tLab\nb\tCon\na\tLib\n' >dup.tsv
	run --separate-stderr sp-count --meta dup.tsv --by party "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: dup.tsv:4: id 'a' (column id) is also on line 2"
	# A long id is quoted up to 64 bytes, not cutting a character.
	long=$(printf 'Zo\303\253%.0s' $(seq 30))
	printf 'id\tparty\n%s\tLab\n%s\tCon\n' "$long" "$long" >dup.tsv
	run --separate-stderr sp-count --meta dup.tsv --by party "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: dup.tsv:3: id '$(printf 'Zo\303\253%.0s' $(seq 16))...' (column id) is also on line 2"
	printf 'id\tparty\nx\tLab\n' >one.tsv
	printf '%s\t1\t1\tword\n' "$long" >long.tsv
	run --separate-stderr sp-count --meta one.tsv --by party long.tsv
	[ "$status" -eq 0 ]
	expect_eq "$output" "NA${TAB}word${TAB}1"
	expect_eq "$stderr" "sp-count: one.tsv: 1 id not in the table (first: $(printf 'Zo\303\253%.0s' $(seq 16))...); their records are counted as NA"
	printf 'id\tparty\na\tLab\nb\n' >ragged.tsv
	run --separate-stderr sp-count --meta ragged.tsv --by party "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: ragged.tsv:3: 1 field, but the header has 2"
	printf 'id\tdate\na\t2019-13-01\n' >date.tsv
	run --separate-stderr sp-count --meta date.tsv --by date:year "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: date.tsv:2: --by date:year: '2019-13-01' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"
	run --separate-stderr sp-count --meta meta.tsv --id-column who --by party "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: meta.tsv:1: no column 'who' (the id column); the columns are: id, party, date"
	run --separate-stderr sp-count --meta nosuch.tsv --by party "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: nosuch.tsv: No such file or directory"
}

@test "--meta usage errors, and a record without a key" {
	meta_fixture
	run --separate-stderr sp-count --by party "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --by: 'party' is not doc, para, sent or a number from 1 to 1000 (a column of a metadata table needs --meta FILE)"
	run --separate-stderr sp-count --meta meta.tsv "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --meta applies with --by"
	run --separate-stderr sp-count --id-column id --by doc "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --id-column applies with --meta"
	run --separate-stderr sp-count --meta meta.tsv --by party --colloc "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --by applies to count tables, --keyness and --keyness-all, not to --colloc or --pairs"
	printf 'a\tx\ny\nb\tz\n' >in
	run --separate-stderr sp-count --meta meta.tsv --by party in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: in:2: --by party needs a key whose first field is an id of meta.tsv, the record has no key"
	expect_eq "$output" "Lab${TAB}x${TAB}1"
	printf 'x\t3\n' >nogroup.cnt
	run --separate-stderr sp-count --merge --meta meta.tsv --by party nogroup.cnt
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-count: nogroup.cnt:1: --by party needs a GROUP field whose first field is an id of meta.tsv, the row has none"
}

# --keyness-all against tests/ref/keyness.awk: the columns GROUP ITEM A B
# G2 CHI2 LR of its output (CHI2 unsigned, as sp-count prints it), the
# items more frequent in the group (all with --negative).
ref_keyness_all() {
	awk -f "$SP_ROOT/tests/ref/common.awk" -f "$SP_ROOT/tests/ref/keyness.awk" "$@" |
	    awk -F '\t' -v OFS='\t' -v neg="${NEG:-0}" '
	    neg || $3 * 1 > 0 && $5 > 0 {
		chi = $11; sub(/^-/, "", chi)
		print $1, $2, $3, $4, ($5 == "-0.0000" ? "0.0000" : $5), chi, $15
	    }' | LC_ALL=C sort
}

@test "--keyness-all: every group against the rest, worked by hand" {
	run --separate-stderr sp-count --keyness-all "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	# a: as keyness-a.out; b: dog 2.7929... see the fixtures' README
	# (b's rows are a's with the signs turned, a=2 b=0 for dog).
	expect_eq "$output" "$(sed "s/^/a$TAB/" "$F/keyness-a.out")
b${TAB}dog${TAB}2${TAB}0${TAB}3.7009${TAB}2.9333${TAB}2.2630
b${TAB}the${TAB}2${TAB}2${TAB}0.0523${TAB}0.0524${TAB}0.2630
b${TAB}sat${TAB}1${TAB}1${TAB}0.0203${TAB}0.0204${TAB}0.2630"
	run_ok sp-count --keyness-all -n 1 "$F/tokens.tsv"
	expect_eq "$output" "a${TAB}cat${TAB}2${TAB}0${TAB}2.7929${TAB}2.0370${TAB}1.7370
b${TAB}dog${TAB}2${TAB}0${TAB}3.7009${TAB}2.9333${TAB}2.2630"
}

@test "--keyness-all equals the awk reference and --keyness of each group, on the corpus" {
	corpus_tokens >tok
	sp-count --by doc tok >doc.cnt
	run_ok sp-count --keyness-all tok
	all=$output
	[ "$(wc -l <<<"$all")" -gt 1000 ]
	expect_eq "$(LC_ALL=C sort <<<"$all")" "$(ref_keyness_all doc.cnt)"
	for d in $(cut -f1 doc.cnt | uniq); do
		expect_eq "$(awk -F '\t' -v d="$d" '$1 == d' <<<"$all" | cut -f2-)" \
		    "$(sp-count --keyness "$d" tok)"
	done
	NEG=1
	run_ok sp-count --from-counts --keyness-all --negative doc.cnt
	expect_eq "$(LC_ALL=C sort <<<"$output")" "$(ref_keyness_all -v all=1 doc.cnt)"
	expect_eq "$(awk -F '\t' '$1 == "khan-2016-03-20"' <<<"$output" | cut -f2-)" \
	    "$(sp-count --from-counts --keyness khan-2016-03-20 --negative doc.cnt)"
}

@test "--keyness-all -n, --min, --sort lr, --from-counts, --meta" {
	corpus_tokens >tok
	sp-count --by sent tok >sent.cnt
	for opts in "-n 5" "--min 3 -n 4" "--sort lr -n 3"; do
		run_ok sp-count --keyness-all $opts tok
		want=$output
		[ -n "$want" ]
		run_ok sp-count --from-counts --keyness-all $opts sent.cnt
		expect_eq "$output" "$want"
		for d in $(cut -f1 sent.cnt | uniq); do
			expect_eq "$(awk -F '\t' -v d="$d" '$1 == d' <<<"$want" | cut -f2-)" \
			    "$(sp-count --keyness "$d" $opts tok)"
		done
	done
	run_ok sp-count --meta "$CORPUS/INDEX.tsv" --by speaker --keyness-all -n 10 tok
	expect_eq "$(awk -F '\t' '$1 == "Sadiq Khan"' <<<"$output" | cut -f2-)" \
	    "$(sp-count --meta "$CORPUS/INDEX.tsv" --by speaker --keyness 'Sadiq Khan' -n 10 tok)"
	expect_eq "$(cut -f1 <<<"$output" | uniq | wc -l)" \
	    "$(tail -n +2 "$CORPUS/INDEX.tsv" | cut -f2 | sort -u | wc -l)"
}

@test "--keyness-all: zero cells, a keyless record, huge counts, one group" {
	# x is in a and b, w only in b, y and z tie in a; c has no key and
	# is in every group's reference.
	printf 'a\tx\t5\na\ty\t3\na\tz\t3\nb\tx\t1\nb\tw\t4\nq\t2\n' >t.cnt
	run_ok sp-count --from-counts --keyness-all --negative t.cnt
	printf 'a\tx\t5\na\ty\t3\na\tz\t3\nb\tx\t1\nb\tw\t4\n-\tq\t2\n' >ref.cnt
	NEG=1
	expect_eq "$(LC_ALL=C sort <<<"$output")" "$(ref_keyness_all -v all=1 ref.cnt | grep -v '^-')"
	expect_eq "$(cut -f1,2 <<<"$output" | paste -sd ' ' -)" "a${TAB}y a${TAB}z a${TAB}x a${TAB}q a${TAB}w b${TAB}w b${TAB}x b${TAB}q b${TAB}y b${TAB}z"
	# Counts near 2^62: every measure is a function of the proportions,
	# so scaling every count by 2^60 scales G2 and chi2 by 2^60 and keeps
	# Log Ratio; the order is the same.
	awk -F '\t' -v OFS='\t' '{ $NF = sprintf("%.0f", $NF * 1152921504606846976); print }' \
	    t.cnt >huge.cnt
	run_ok sp-count --from-counts --keyness-all --negative huge.cnt
	NEG=1
	expect_eq "$(cut -f1,2 <<<"$output" | paste -sd ' ' -)" "a${TAB}y a${TAB}z a${TAB}x a${TAB}q a${TAB}w b${TAB}w b${TAB}x b${TAB}q b${TAB}y b${TAB}z"
	# G2 and chi2 are 2^60 times those of the small table (a power of
	# two: exactly); Log Ratio is the same where no count is 0 (a zero
	# count is taken as 0.5, whatever the others).
	expect_eq "$(awk -F '\t' -v OFS='\t' '{ print $1, $2, sprintf("%.4f", $5 / 1152921504606846976), sprintf("%.4f", $6 / 1152921504606846976), ($3 > 0 && $4 > 0 ? $7 : "") }' <<<"$output")" \
	    "$(sp-count --from-counts --keyness-all --negative t.cnt | awk -F '\t' -v OFS='\t' '{ print $1, $2, $5, $6, ($3 > 0 && $4 > 0 ? $7 : "") }')"
	printf 'a\tx\t1\na\ty\t2\n' >one.cnt
	run --separate-stderr sp-count --from-counts --keyness-all one.cnt
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	expect_eq "$stderr" "sp-count: --keyness-all: no reference: every record is in one group"
	run --separate-stderr sp-count --keyness-all -k a t.cnt
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --keyness, --keyness-all, --colloc, --pairs and --dispersion exclude each other"
}

# --measure M against tests/ref/keyness.awk: its columns (value, p-value)
# for each measure, every row of every group (--negative).
ref_measure() {
	local cols=$1
	shift
	awk -f "$SP_ROOT/tests/ref/common.awk" -f "$SP_ROOT/tests/ref/keyness.awk" -v all=1 "$@" |
	    awk -F '\t' -v OFS='\t' -v cols="$cols" '
	    BEGIN { n = split(cols, c, ",") }
	    {
		line = $1 OFS $2 OFS $3 OFS $4
		for (i = 1; i <= n; i++)
			line = line OFS ($c[i] == "-0.0000" ? "0.0000" : $c[i])
		print line
	    }' | LC_ALL=C sort
}

@test "--measure: every measure and its p-value as the awk reference, on the corpus" {
	corpus_tokens >tok
	sp-count --by doc tok >doc.cnt
	for mc in g2:5,6 g2-williams:7,8 g2-2term:9,10 chi2:11,12 \
	    chi2-yates:13,14 lr:15 pctdiff:16; do
		m=${mc%%:*}
		run_ok sp-count --keyness-all --negative --measure "$m" tok
		expect_eq "$(LC_ALL=C sort <<<"$output")" "$(ref_measure "${mc#*:}" doc.cnt)"
		# The rows of one group are those of --keyness, in its order.
		expect_eq "$(awk -F '\t' '$1 == "javid-2018-06-04"' <<<"$output" | cut -f2-)" \
		    "$(sp-count --keyness javid-2018-06-04 --negative --measure "$m" tok)"
	done
}

@test "--measure: the order, ties, zero cells and huge counts, by hand" {
	# a: c = 11, b: d = 5; y and z tie in a on every measure and go
	# bytewise; w (a = 0) has %DIFF -100 with every other item absent
	# from a, and the tie goes by G2.
	printf 'a\tx\t5\na\ty\t3\na\tz\t3\nb\tx\t1\nb\tw\t4\nb\tv\t1\n' >t.cnt
	run_ok sp-count --from-counts --keyness a --negative --measure pctdiff t.cnt
	# x: 100 (5/11 - 1/6) / (1/6) = 172.7273; y: b = 0 counts as 0.5,
	# 100 (3/11 - 0.5/6) / (0.5/6) = 227.2727; v and w: -100, w the
	# larger G2 (4 against 1 in the reference).
	expect_eq "$output" "y${TAB}3${TAB}0${TAB}227.2727
z${TAB}3${TAB}0${TAB}227.2727
x${TAB}5${TAB}1${TAB}172.7273
v${TAB}0${TAB}1${TAB}-100.0000
w${TAB}0${TAB}4${TAB}-100.0000"
	run_ok sp-count --from-counts --keyness a --measure chi2 -n 2 t.cnt
	# y: N = 17, R1 = 3, R2 = 14, c = 11, d = 6: X2 = 17 (3*6 - 0)^2 /
	# (3*14*11*6) = 1.9870 (a = 3, b = 0, so ad - bc = 18); p =
	# erfc(sqrt(1.9870 / 2)) = 0.1587.
	expect_eq "$output" "y${TAB}3${TAB}0${TAB}1.9870${TAB}1.587e-01
z${TAB}3${TAB}0${TAB}1.9870${TAB}1.587e-01"
	# Counts near 2^62: the p-value of a huge G2 is printed from its
	# logarithm, never 0.
	printf 'a\tx\t4611686018427387904\na\ty\t1\nb\tx\t1\nb\ty\t4611686018427387904\n' >huge.cnt
	run_ok sp-count --from-counts --keyness a --measure g2 huge.cnt
	expect_eq "$(cut -f1-3 <<<"$output")" "x${TAB}4611686018427387904${TAB}1"
	# (Its digits depend on the last bits of a logarithm of -2.8e18:
	# only its form is checked.)
	[[ "$(cut -f5 <<<"$output")" =~ ^[1-9]\.[0-9]{3}e-[0-9]{19}$ ]]
	# A G2 of a few thousand: p below the smallest double, from log10 p.
	printf 'a\tx\t2000\na\ty\t1000\nb\tx\t10\nb\ty\t1000\n' >big.cnt
	run_ok sp-count --from-counts --keyness a --measure g2 big.cnt
	expect_eq "$output" "$(ref_measure 5,6 big.cnt | awk -F '\t' -v OFS='\t' '$1 == "a" && $5 > 0 { print $2, $3, $4, $5, $6 }')"
	[[ "$(cut -f5 <<<"$output")" == *e-[0-9][0-9][0-9] ]]
}

@test "--measure usage errors" {
	run --separate-stderr sp-count --measure g3 -k a "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --measure: 'g3' is not g2, g2-williams, g2-2term, chi2, chi2-yates, lr, pctdiff, logodds or logodds-tidylo"
	run --separate-stderr sp-count --measure lr "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --measure applies to --keyness and --keyness-all"
	run --separate-stderr sp-count --measure lr -s lr -k a "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --sort does not apply with --measure: the rows are sorted by the measure"
}

# --dispersion against tests/ref/dispersion.awk, in sp-count's order
# (count descending, then item bytewise).
ref_dispersion() {
	awk -f "$SP_ROOT/tests/ref/common.awk" -f "$SP_ROOT/tests/ref/dispersion.awk" "$@" |
	    LC_ALL=C sort -t "$TAB" -k2,2nr -k1,1
}

@test "--dispersion: range, DP, DPnorm and D, by hand" {
	run --separate-stderr sp-count --dispersion --by doc "$F/tokens.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	# a has 6 tokens, b 5, N = 11, s = 6/11, 5/11.  the: 2 and 2,
	# DP = (|2/4 - 6/11| + |2/4 - 5/11|) / 2 = 1/22 = 0.0455, DPnorm =
	# DP / (1 - 5/11) = 1/12 = 0.0833; r = 1/3, 2/5, mean 11/30, sigma
	# 1/30, D = 1 - (1/11) / 1 = 0.9091.  cat (a only): DP = 5/11,
	# DPnorm = 5/6, D = 0; dog (b only): DP = 6/11, DPnorm = 1.
	expect_eq "$output" "the${TAB}4${TAB}2${TAB}0.0455${TAB}0.0833${TAB}0.9091
cat${TAB}2${TAB}1${TAB}0.4545${TAB}0.8333${TAB}0.0000
dog${TAB}2${TAB}1${TAB}0.5455${TAB}1.0000${TAB}0.0000
sat${TAB}2${TAB}2${TAB}0.0455${TAB}0.0833${TAB}0.9091
ran${TAB}1${TAB}1${TAB}0.4545${TAB}0.8333${TAB}0.0000"
	# One part: nothing to spread over.
	run_ok sp-count --dispersion --by doc -n 1 <(grep '^a' "$F/tokens.tsv")
	expect_eq "$output" "cat${TAB}2${TAB}1${TAB}0.0000${TAB}0.0000${TAB}1.0000"
}

@test "--dispersion equals the awk reference on the corpus, counted or merged" {
	corpus_tokens >tok
	for by in doc sent; do
		sp-count --by "$by" tok >"$by.cnt"
		run_ok sp-count --dispersion --by "$by" tok
		[ "$(wc -l <<<"$output")" -gt 1000 ]
		expect_eq "$output" "$(ref_dispersion "$by.cnt")"
	done
	run_ok sp-count --from-counts --dispersion sent.cnt
	expect_eq "$output" "$(ref_dispersion sent.cnt)"
	run_ok sp-count --from-counts --dispersion --by doc sent.cnt
	expect_eq "$output" "$(ref_dispersion doc.cnt)"
	run_ok sp-count --dispersion --min 5 -n 20 --by doc tok
	expect_eq "$output" "$(ref_dispersion doc.cnt | awk -F '\t' '$2 >= 5' | head -n 20)"
	sp-count --meta "$CORPUS/INDEX.tsv" --by speaker tok >speaker.cnt
	run_ok sp-count --meta "$CORPUS/INDEX.tsv" --by speaker --dispersion tok
	expect_eq "$output" "$(ref_dispersion speaker.cnt)"
}

@test "--dispersion: counts near 2^62 give the measures of the small table" {
	printf 'a\tx\t5\na\ty\t3\nb\tx\t1\nb\tw\t4\nc\tw\t2\n' >t.cnt
	awk -F '\t' -v OFS='\t' '{ $NF = sprintf("%.0f", $NF * 576460752303423488); print }' \
	    t.cnt >huge.cnt
	run_ok sp-count --from-counts --dispersion huge.cnt
	expect_eq "$(cut -f1,3- <<<"$output")" "$(sp-count --from-counts --dispersion t.cnt | cut -f1,3-)"
	expect_eq "$(cut -f2 <<<"$output" | paste -sd ' ' -)" "3458764513820540928 3458764513820540928 1729382256910270464"
}

@test "--dispersion usage errors" {
	run --separate-stderr sp-count --dispersion "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --dispersion needs the parts of the corpus: use --by"
	run --separate-stderr sp-count --dispersion --by doc --rel "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --rel, --df and --tfidf apply to count tables, not to --keyness, --keyness-all, --colloc, --pairs or --dispersion"
	run --separate-stderr sp-count --dispersion --by doc -s g2 "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --sort: 'g2' is not a column of this table"
}

@test "--measure logodds: weighted log-odds, by hand and as tests/ref/logodds.awk" {
	run_ok sp-count --keyness a --measure logodds "$F/tokens.tsv"
	# cat: a = 2, b = 0, c = 6, d = 5, N = a0 = 11, aw = 11 * 2 / 11 = 2:
	# delta = ln(4 / 13) - ln(2 / 14) = ln(28 / 13) = 0.7673, var =
	# 1/4 + 1/2, z = 0.7673 / sqrt(0.75) = 0.8859.  ran: aw = 1, delta =
	# ln(2 / 15) - ln(1 / 15) = ln 2, var = 1/2 + 1, z = 0.5660.
	expect_eq "$output" "cat${TAB}2${TAB}0${TAB}0.7673${TAB}0.7500${TAB}0.8859
ran${TAB}1${TAB}0${TAB}0.6931${TAB}1.5000${TAB}0.5660"
	corpus_tokens >tok
	sp-count --by doc tok >doc.cnt
	for a0 in "" 1000 0.5; do
		run_ok sp-count --keyness-all --negative --measure logodds \
		    ${a0:+--alpha0 $a0} tok
		expect_eq "$(awk -F '\t' '$3 > 0' <<<"$output" | LC_ALL=C sort)" \
		    "$(awk -f "$SP_ROOT/tests/ref/common.awk" -f "$SP_ROOT/tests/ref/logodds.awk" \
		    ${a0:+-v alpha0=$a0} doc.cnt | LC_ALL=C sort)"
		# Without --negative: the rows of z > 0, in order of z.
		run_ok sp-count --from-counts --keyness-all --measure logodds \
		    ${a0:+--alpha0 $a0} doc.cnt
		[ "$(awk -F '\t' '$7 <= 0 || ($1 == g && $7 > z) { print } { g = $1; z = $7 }' <<<"$output")" = "" ]
	done
	run --separate-stderr sp-count --measure logodds --alpha0 0 -k a "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --alpha0: '0' is not a positive number"
	run --separate-stderr sp-count --measure g2 --alpha0 5 -k a "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --alpha0 applies to --measure logodds"
}

@test "--measure logodds-tidylo: tidylo's bind_log_odds, by hand and as tests/ref/logodds.awk" {
	run_ok sp-count --keyness-all --measure logodds-tidylo -n 1 "$F/tokens.tsv"
	# cat in a: a = 2, n_w = 2 in one row; a's rows have the priors
	# 4 + 2 + 1 + 2 = 9, b's 2 + 4 + 2 = 8, S = 11 + 9 + 8 = 28:
	# y = 4, n_a = 6 + 9, y_w = 2 * 2 = 4, delta = ln(4 / 11) -
	# ln(4 / 24) = 0.7802, var = 1/4 + 1/4, z = 1.1033.  dog in b: y = 4,
	# n_b = 5 + 8, delta = ln(4 / 9) - ln(4 / 24) = 0.9808, z = 1.3871.
	expect_eq "$output" "a${TAB}cat${TAB}2${TAB}0${TAB}0.7802${TAB}0.5000${TAB}1.1033
b${TAB}dog${TAB}2${TAB}0${TAB}0.9808${TAB}0.5000${TAB}1.3871"
	corpus_tokens >tok
	sp-count --by doc tok >doc.cnt
	run_ok sp-count --keyness-all --negative --measure logodds-tidylo tok
	# The reference's B is the item's total; sp-count's the rest.
	expect_eq "$(LC_ALL=C sort <<<"$output")" \
	    "$(awk -f "$SP_ROOT/tests/ref/common.awk" -f "$SP_ROOT/tests/ref/logodds.awk" \
	    -v tidylo=1 doc.cnt | awk -F '\t' -v OFS='\t' '{ $4 -= $3; print }' |
	    LC_ALL=C sort)"
	run --separate-stderr sp-count --keyness a --measure logodds-tidylo "$F/tokens.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-count: --measure logodds-tidylo applies to --keyness-all: it compares each group with the whole table"
}
