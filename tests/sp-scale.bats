#!/usr/bin/env bats
# sp-scale: Wordscores against LBG's published example and an awk
# computation, Wordfish and correspondence analysis against dense awk
# references (tests/fixtures/sp-scale/*.awk), saved models, and bad input.

load helper

F=$FIXTURES/sp-scale

# Fields 1 and 2+$1 of the awk Wordscores reference: raw (1), se (2), lbg
# (3), mv (4).
ws_ref() {
	awk -v smooth="${2:-0}" -f "$F/wordscores.awk" "$F/lbg2003-refs.tsv" \
	    "$F/lbg2003.tsv" | cut -f1,$(($1 + 1))
}

# The largest absolute difference between column $3 of files $1 and $2.
max_diff() {
	paste "$1" "$2" | awk -F '\t' -v c="$3" -v n="$(head -n 1 "$1" |
	    awk -F '\t' '{ print NF }')" '
	    { d = $c - $(c + n); if (d < 0) d = -d; if (d > m) m = d }
	    END { printf "%.7f\n", m }'
}

@test "Wordscores reproduces LBG's worked example (published figures)" {
	run --separate-stderr sp-scale --wordscores "$F/lbg2003-refs.tsv" \
	    "$F/lbg2003.tsv"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	v1=$(echo "$output" | awk -F '\t' '$1 == "V1" { printf "%.2f %.2f", $2, $3 }')
	expect_eq "$v1" "-0.45 0.01"
	run sp-scale --wordscores "$F/lbg2003-refs.tsv" --rescale lbg "$F/lbg2003.tsv"
	expect_eq "$(echo "$output" | awk '$1 == "V1" { printf "%.2f", $2 }')" "-0.53"
	run sp-scale --wordscores "$F/lbg2003-refs.tsv" --rescale mv "$F/lbg2003.tsv"
	expect_eq "$(echo "$output" | awk '$1 == "V1" { printf "%.2f", $2 }')" "-0.51"
}

@test "Wordscores: raw scores, SEs and both rescalings agree with awk to 6 decimals" {
	run sp-scale --wordscores "$F/lbg2003-refs.tsv" "$F/lbg2003.tsv"
	expect_eq "$output" "$(paste <(ws_ref 1) <(ws_ref 2 | cut -f2))"
	run sp-scale --wordscores "$F/lbg2003-refs.tsv" --rescale lbg "$F/lbg2003.tsv"
	# The SE scales with the scores: SE * SD_r / SD_v.
	want=$(paste <(ws_ref 3) <(ws_ref 2 | cut -f2) <(ws_ref 1 | cut -f2) \
	    <(ws_ref 3 | cut -f2) | awk -F '\t' '{ print $1 "\t" $2 "\t" $3 }')
	expect_eq "$(echo "$output" | cut -f1,2)" "$(ws_ref 3)"
	run sp-scale --wordscores "$F/lbg2003-refs.tsv" --rescale mv "$F/lbg2003.tsv"
	expect_eq "$(echo "$output" | cut -f1,2)" "$(ws_ref 4)"
}

@test "Wordscores by hand: two references, one virgin text" {
	# Words a (only in L), b (in both), c (only in R): F_a,L = 1/2, F_b,L =
	# 1/2, F_b,R = 1/2, F_c,R = 1/2, so S_a = -1, S_b = 0, S_c = 1.  V has
	# a, b, b, c: raw (-1 + 0 + 0 + 1) / 4 = 0, V_v = (1 + 0 + 0 + 1) / 4,
	# SE = sqrt(0.5 / 4) = 0.353553; L: raw -0.5, SE sqrt(0.25 / 2).
	printf 'L\ta\t1\nL\tb\t1\nR\tb\t1\nR\tc\t1\nV\ta\t1\nV\tb\t2\nV\tc\t1\n' > t.tsv
	printf 'L\t-1\nR\t1\n' > refs.tsv
	run --separate-stderr sp-scale --wordscores refs.tsv --words w.tsv t.tsv
	[ "$status" -eq 0 ]
	expect_eq "$output" "L${TAB}-0.500000${TAB}0.353553
R${TAB}0.500000${TAB}0.353553
V${TAB}0.000000${TAB}0.353553"
	expect_eq "$(cat w.tsv)" "a${TAB}-1.000000
b${TAB}0.000000
c${TAB}1.000000"
	# MV: L and R back at -1 and 1, V in the middle, SEs times 2.
	run sp-scale --wordscores refs.tsv --rescale mv t.tsv
	expect_eq "$output" "L${TAB}-1.000000${TAB}0.707107
R${TAB}1.000000${TAB}0.707107
V${TAB}0.000000${TAB}0.707107"
}

@test "Wordscores --smooth agrees with awk" {
	run sp-scale --wordscores "$F/lbg2003-refs.tsv" --smooth 0.5 "$F/lbg2003.tsv"
	expect_eq "$output" "$(paste <(ws_ref 1 0.5) <(ws_ref 2 0.5 | cut -f2))"
}

@test "--ci adds the interval theta -/+ 1.959964 SE" {
	run sp-scale --wordscores "$F/lbg2003-refs.tsv" --ci 0.95 "$F/lbg2003.tsv"
	[ "$status" -eq 0 ]
	bad=$(echo "$output" | awk -F '\t' 'NF != 5 ||
	    ($4 - ($2 - 1.959964 * $3))^2 > 1e-11 ||
	    ($5 - ($2 + 1.959964 * $3))^2 > 1e-11')
	[ -z "$bad" ] || { echo "$bad"; return 1; }
	[ "${#lines[@]}" -eq 6 ]
}

@test "Wordscores: a saved model places new texts as the fit did" {
	run sp-scale --wordscores "$F/lbg2003-refs.tsv" --save ws.model "$F/lbg2003.tsv"
	[ "$status" -eq 0 ]
	fit=$(echo "$output" | grep '^V1')
	[ "$(head -n 1 ws.model)" = "sp-scale model 1" ]
	[ "$(tail -n 1 ws.model)" = "end" ]
	grep '^V1' "$F/lbg2003.tsv" > v1.tsv
	run --separate-stderr sp-scale --predict ws.model v1.tsv
	[ "$status" -eq 0 ]
	expect_eq "$output" "$fit"
	# MV rescaling of new texts uses the model's reference texts.
	run sp-scale --predict ws.model --rescale mv v1.tsv
	expect_eq "$output" "$(sp-scale --wordscores "$F/lbg2003-refs.tsv" --rescale mv "$F/lbg2003.tsv" | grep '^V1')"
}

@test "Wordfish agrees with a dense awk implementation to 1e-4" {
	run --separate-stderr sp-scale --wordfish "$F/toy.tsv"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	echo "$output" > sp.out
	awk -f "$F/wordfish.awk" "$F/toy.tsv" > awk.out
	[ "$(cut -f1 sp.out)" = "$(cut -f1 awk.out)" ]
	d=$(max_diff sp.out awk.out 2)
	awk -v d="$d" 'BEGIN { exit !(d < 1e-4) }' || { echo "theta differs by $d"; return 1; }
	d=$(max_diff sp.out awk.out 3)
	awk -v d="$d" 'BEGIN { exit !(d < 1e-4) }' || { echo "SE differs by $d"; return 1; }
	# Standardised: mean 0, sd 1.
	echo "$output" | awk -F '\t' '{ s += $2; q += $2 * $2 } END {
	    if ((s / NR)^2 > 1e-10 || (q / (NR - 1) - 1)^2 > 1e-8) exit 1 }'
}

@test "Wordfish's log-posterior never decreases between iterations (-v)" {
	run --separate-stderr sp-scale -v --wordfish "$F/lbg2003.tsv"
	[ "$status" -eq 0 ]
	n=$(printf '%s\n' "$stderr" | grep -c 'iteration [0-9]*:')
	[ "$n" -ge 5 ]
	printf '%s\n' "$stderr" | awk '/iteration [0-9]*:/ {
	    p = $NF + 0; if (NR > 1 && p < last) { print "down at " $0; bad = 1 } last = p }
	    END { exit bad }'
	[[ "${stderr_lines[-1]}" == "sp-scale: converged after $n iterations; log-likelihood "* ]]
}

@test "Wordfish --dir orients the scale; output is the same bytes each run" {
	run sp-scale --wordfish "$F/toy.tsv"
	a=$output
	run sp-scale --wordfish --dir d6,d1 "$F/toy.tsv"
	expect_eq "$output" "$(echo "$a" | awk -F '\t' -v OFS='\t' '{ $2 = sprintf("%.6f", -$2); if ($2 == "-0.000000") $2 = "0.000000"; print }')"
	run sp-scale --wordfish "$F/toy.tsv"
	expect_eq "$output" "$a"
}

@test "Wordfish: the input's order, repeated pairs and token records give the same bytes" {
	sp-scale --wordfish --words w1.tsv "$F/toy.tsv" > a.out
	sort -r "$F/toy.tsv" | awk -F '\t' -v OFS='\t' '{ h = int($3 / 2); if (h > 0) print $1, $2, h; print $1, $2, $3 - h }' > shuffled.tsv
	sp-scale --wordfish --words w2.tsv shuffled.tsv > b.out
	cmp a.out b.out
	cmp w1.tsv w2.tsv
	awk -F '\t' -v OFS='\t' '{ for (k = 0; k < $3; k++) print $1, 1, 1, $2 }' "$F/toy.tsv" > tokens.tsv
	run sp-scale --by doc --wordfish tokens.tsv
	expect_eq "$output" "$(cat a.out)"
}

@test "Wordfish: a saved model places the documents where the fit did" {
	sp-scale --wordfish --save wf.model --words words.tsv "$F/toy.tsv" > fit.out
	[ "$(sed -n 2p wf.model | cut -f1)" = "wordfish" ]
	[ "$(grep -c "^word$TAB" wf.model)" -eq 10 ]
	run --separate-stderr sp-scale --predict wf.model "$F/toy.tsv"
	[ "$status" -eq 0 ]
	echo "$output" > pred.out
	d=$(max_diff fit.out pred.out 2)
	awk -v d="$d" 'BEGIN { exit !(d < 1e-4) }' || { echo "theta differs by $d"; return 1; }
	# One document alone, with a word the model does not know.
	{ grep '^d2' "$F/toy.tsv"; printf 'd2\tunknown\t5\n'; } > d2.tsv
	run sp-scale --predict wf.model d2.tsv
	expect_eq "$(echo "$output" | cut -f1)" "d2"
	d=$(echo "$output" | awk -v w="$(grep '^d2' pred.out | cut -f2)" -F '\t' '{ d = $2 - w; print (d < 0 ? -d : d) }')
	awk -v d="$d" 'BEGIN { exit !(d < 1e-6) }'
}

@test "correspondence analysis agrees with awk power iteration" {
	for f in toy lbg2003; do
		run --separate-stderr sp-scale --ca 2 "$F/$f.tsv"
		[ "$status" -eq 0 ] && [ -z "$stderr" ]
		expect_eq "$output" "$(awk -v dims=2 -f "$F/ca.awk" "$F/$f.tsv")"
	done
	run sp-scale --ca 1 --dir d6,d1 "$F/toy.tsv"
	expect_eq "$output" "$(awk -v dims=1 -f "$F/ca.awk" "$F/toy.tsv" | awk -F '\t' -v OFS='\t' '{ $2 = sprintf("%.6f", -$2); print }')"
}

@test "correspondence analysis: -v gives the inertias, --words the word coordinates" {
	run --separate-stderr sp-scale -v --ca 1 --words w.tsv "$F/toy.tsv"
	[ "$status" -eq 0 ]
	[[ "${stderr_lines[0]}" == "sp-scale: total inertia "* ]]
	[[ "${stderr_lines[1]}" == "sp-scale: dimension 1: singular value "* ]]
	[ "$(wc -l < w.tsv)" -eq 10 ]
	# The transition formula: a word's standard coordinate times the
	# singular value is the mean of the documents' standard coordinates
	# weighted by its counts.
	sv=$(echo "${stderr_lines[1]}" | awk '{ print $6 }' | tr -d ,)
	echo "$output" > rows.tsv
	bad=$(awk -F '\t' -v sv="$sv" 'FILENAME == "rows.tsv" { x[$1] = $2; next }
	    FILENAME == "w.tsv" { w[$1] = $2; next }
	    { s[$2] += $3 * x[$1]; n[$2] += $3 }
	    END { for (j in w) { d = w[j] * sv - s[j] / n[j]; if (d * d > 1e-9) print j, d } }' rows.tsv w.tsv "$F/toy.tsv")
	[ -z "$bad" ] || { echo "$bad"; return 1; }
}

@test "bad reference tables are errors naming file and line" {
	printf 'R1\t-1\nR9\t1\n' > refs.tsv
	run --separate-stderr sp-scale --wordscores refs.tsv "$F/lbg2003.tsv"
	[ "$status" -eq 2 ] && [ -z "$output" ]
	expect_eq "$stderr" "sp-scale: refs.tsv:2: no group 'R9' in the input"
	printf 'R1\t-1\nR2\thigh\n' > refs.tsv
	run --separate-stderr sp-scale --wordscores refs.tsv "$F/lbg2003.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: refs.tsv:2: score 'high' is not a number"
	# A score near DBL_MAX once gave inf and nan.
	printf 'R1\t-1\nR2\t1e308\n' > refs.tsv
	run --separate-stderr sp-scale --wordscores refs.tsv "$F/lbg2003.tsv"
	[ "$status" -eq 2 ] && [ -z "$output" ]
	expect_eq "$stderr" "sp-scale: refs.tsv:2: score '1e308' is out of range (at most 1000000 either way)"
	printf 'R1\t-1000000\nR2\t1e6\nR3\t0\n' > refs.tsv
	run --separate-stderr sp-scale --wordscores refs.tsv "$F/lbg2003.tsv"
	[ "$status" -eq 0 ] && [[ "$output" != *nan* && "$output" != *inf* ]]
	printf 'R1\t-1\n\nR1\t1\n' > refs.tsv
	run --separate-stderr sp-scale --wordscores refs.tsv "$F/lbg2003.tsv"
	expect_eq "$stderr" "sp-scale: refs.tsv:3: group 'R1' has a score already (line 1)"
	printf 'R1\t-1\n' > refs.tsv
	run --separate-stderr sp-scale --wordscores refs.tsv "$F/lbg2003.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: refs.tsv: 1 reference text: Wordscores needs two or more"
	printf 'R1\t1\nR2\t1\n' > refs.tsv
	run --separate-stderr sp-scale --wordscores refs.tsv "$F/lbg2003.tsv"
	expect_eq "$stderr" "sp-scale: refs.tsv: every reference text has the score 1: they must differ"
	printf 'R1\n' > refs.tsv
	run --separate-stderr sp-scale --wordscores refs.tsv "$F/lbg2003.tsv"
	expect_eq "$stderr" "sp-scale: refs.tsv:1: a reference is GROUP TAB SCORE"
}

@test "a text with no scored word is reported; the others are written" {
	printf 'L\ta\t1\nR\tb\t1\nV\tc\t2\nW\ta\t1\n' > t.tsv
	printf 'L\t-1\nR\t1\n' > refs.tsv
	run --separate-stderr sp-scale --wordscores refs.tsv t.tsv
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: t.tsv:3: group 'V' has no scored word: no position"
	expect_eq "$output" "L${TAB}-1.000000${TAB}0.000000
R${TAB}1.000000${TAB}0.000000
W${TAB}-1.000000${TAB}0.000000"
}

@test "bad tables: one group, no counts, a group of zeros, malformed rows" {
	printf 'a\tx\t1\na\ty\t2\n' > one.tsv
	for m in --wordfish "--ca 1"; do
		run --separate-stderr sp-scale $m one.tsv
		[ "$status" -eq 2 ] && [ -z "$output" ]
		expect_eq "$stderr" "sp-scale: only one group ('a') in the input: a scale needs two or more"
	done
	: > empty.tsv
	run --separate-stderr sp-scale --wordfish empty.tsv
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: no counts in the input"
	printf 'a\tx\t1\nb\tx\t0\nb\ty\t0\na\ty\t3\n' > zero.tsv
	run --separate-stderr sp-scale --wordfish zero.tsv
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: zero.tsv:2: group 'b' has no counts"
	printf 'a\tx\t1\nb\tx\tx2\n' > bad.tsv
	run --separate-stderr sp-scale --wordfish bad.tsv
	[ "$status" -eq 2 ]
	expect_eq "${stderr_lines[0]}" "sp-scale: bad.tsv:2: count 'x2' is not a whole number"
	printf 'a\tx\t-3\n' > bad.tsv
	run --separate-stderr sp-scale --wordfish bad.tsv
	expect_eq "${stderr_lines[0]}" "sp-scale: bad.tsv:1: count '-3' is negative"
	printf 'x\t3\n' > bad.tsv
	run --separate-stderr sp-scale --wordfish bad.tsv
	expect_eq "${stderr_lines[0]}" "sp-scale: bad.tsv:1: missing field: a count table row is GROUP TAB ITEM TAB COUNT"
	printf 'a\t\t3\n' > bad.tsv
	run --separate-stderr sp-scale --wordfish bad.tsv
	expect_eq "${stderr_lines[0]}" "sp-scale: bad.tsv:1: empty item"
	printf 'd\t1\tx\nplain line\n' > tok.tsv
	run --separate-stderr sp-scale --by para --ca 1 tok.tsv
	[ "$status" -eq 2 ]
	expect_eq "${stderr_lines[0]}" "sp-scale: tok.tsv:2: --by para needs 2 key fields, the record has 0"
}

@test "a table whose groups all have the same proportions has no scale" {
	printf 'a\tx\t1\na\ty\t2\nb\tx\t2\nb\ty\t4\n' > flat.tsv
	run --separate-stderr sp-scale --wordfish flat.tsv
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: every group has the same proportions of every item: there is no scale to find"
	run --separate-stderr sp-scale --ca 1 flat.tsv
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: --ca 1: the table has only 0 dimensions"
	run --separate-stderr sp-scale --ca 2 "$F/toy.tsv"
	[ "$status" -eq 0 ]
	run --separate-stderr sp-scale --ca 6 "$F/toy.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: --ca 6: a table of 6 groups and 10 items has at most 5 dimensions"
}

@test "usage errors: no method, two methods, options that do not apply" {
	run --separate-stderr sp-scale "$F/toy.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr_lines[0]}" "sp-scale: choose a method: --wordscores, --wordfish, --ca or --predict"
	[[ "${stderr_lines[1]}" == "usage: sp-scale "* ]]
	run --separate-stderr sp-scale --wordfish --ca 2 "$F/toy.tsv"
	expect_eq "${stderr_lines[0]}" "sp-scale: --wordscores, --wordfish, --ca and --predict exclude each other"
	run --separate-stderr sp-scale --wordfish --rescale lbg "$F/toy.tsv"
	expect_eq "${stderr_lines[0]}" "sp-scale: --rescale does not apply to --wordfish"
	run --separate-stderr sp-scale --ca 1 --save m "$F/toy.tsv"
	expect_eq "${stderr_lines[0]}" "sp-scale: --save does not apply to --ca"
	run --separate-stderr sp-scale --wordfish --priors 1,2,3 "$F/toy.tsv"
	expect_eq "${stderr_lines[0]}" "sp-scale: --priors: '1,2,3' is not 4 positive numbers separated by commas"
	run --separate-stderr sp-scale --wordfish --priors inf,inf,inf,1 "$F/toy.tsv"
	expect_eq "${stderr_lines[0]}" "sp-scale: --priors: the priors of beta and theta must be finite: they fix the scale"
	run --separate-stderr sp-scale --wordfish --dir d1 "$F/toy.tsv"
	expect_eq "${stderr_lines[0]}" "sp-scale: --dir: 'd1' is not two groups A,B"
	run --separate-stderr sp-scale --wordfish --dir d1,d9 "$F/toy.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: --dir: no group 'd9' in the input"
	run --separate-stderr sp-scale --wordscores r --rescale x "$F/toy.tsv"
	expect_eq "${stderr_lines[0]}" "sp-scale: --rescale: 'x' is not lbg or mv"
}

@test "a damaged model file is an error naming file and line" {
	printf 'sp-scale model 1\nwordfish\t0\t0\t1\t0\nword\tb\t1\t0\nword\ta\t1\t0\nend\n' > m1
	run --separate-stderr sp-scale --predict m1 "$F/toy.tsv"
	[ "$status" -eq 2 ] && [ -z "$output" ]
	expect_eq "$stderr" "sp-scale: m1:4: the words are not in bytewise order without repeats"
	printf 'sp-topics model 1\n' > m2
	run --separate-stderr sp-scale --predict m2 "$F/toy.tsv"
	expect_eq "$stderr" "sp-scale: m2:1: not an sp-scale model file"
	printf 'sp-scale model 1\nwordscores\t1\t-1\t1\t-1\t1\nword\ta\tlow\nend\n' > m3
	run --separate-stderr sp-scale --predict m3 "$F/toy.tsv"
	expect_eq "$stderr" "sp-scale: m3:3: 'low' is not a number"
	printf 'sp-scale model 1\nwordscores\t1\t-1\t1\t-1\t1\nword\ta\t1\n' > m4
	run --separate-stderr sp-scale --predict m4 "$F/toy.tsv"
	expect_eq "$stderr" "sp-scale: m4: truncated model file: no 'end' line"
}

@test "a model's numbers that no fit gives are an error, not inf or nan" {
	# A Wordscores word score lies between the reference scores.
	printf 'sp-scale model 1\nwordscores\t1\t-1\t1\t-1\t1\nword\ta\t1\nword\tb\t1e308\nend\n' >m1
	run --separate-stderr sp-scale --predict m1 "$F/toy.tsv"
	[ "$status" -eq 2 ] && [ -z "$output" ]
	expect_eq "$stderr" "sp-scale: m1:4: score 1e+308 is outside the reference scores, -1 to 1"
	printf 'sp-scale model 1\nwordscores\t1\t1\t-1\t-1\t1\nword\ta\t0\nend\n' >m2
	run --separate-stderr sp-scale --predict m2 "$F/toy.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: m2:2: the reference scores are not a range"
	# Wordfish's word parameters have no bound a fit keeps to (beta
	# 1000 is read and places the groups); the positions are checked.
	printf 'sp-scale model 1\nwordfish\t0\t0\t1\t0\nword\tw01\t1\t0\nword\tw02\t1000\t10\nend\n' >m3
	run --separate-stderr sp-scale --predict m3 "$F/toy.tsv"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	[ "${#lines[@]}" -eq 6 ]
	! grep -q 'inf\|nan' <<<"$output"
	# psi 1e3 overflows exp(): every group an error, none a nan.
	printf 'sp-scale model 1\nwordfish\t0\t0\t1\t0\nword\tw01\t1\t0\nword\tw02\t1\t1e3\nend\n' >m4
	run --separate-stderr sp-scale --predict m4 "$F/toy.tsv"
	[ "$status" -eq 2 ] && [ -z "$output" ]
	[ "${#stderr_lines[@]}" -eq 6 ]
	expect_eq "${stderr_lines[0]}" "sp-scale: $F/toy.tsv:1: group 'd1': the model's numbers give no finite position (is m4 damaged?)"
	expect_eq "${stderr_lines[5]}" "sp-scale: $F/toy.tsv:51: group 'd6': the model's numbers give no finite position (is m4 damaged?)"
	# A group with no word of the model is said as before.
	printf 'sp-scale model 1\nwordfish\t0\t0\t1\t0\nword\tzz\t1\t0\nend\n' >m5
	run --separate-stderr sp-scale --predict m5 "$F/toy.tsv"
	[ "$status" -eq 2 ]
	expect_eq "${stderr_lines[0]}" "sp-scale: $F/toy.tsv:1: group 'd1' has no word of the model: no position"
}

@test "--tokens is --by doc; --meta --by COLUMN equals replacing ids with awk" {
	P=$SP_ROOT/corpus/parlamint
	M=$P/ParlaMint-GB_2021-03-17-commons-meta.tsv
	sp-split --records "$P/ParlaMint-GB_2021-03-17-commons.txt" |
	    sp-tokens --stop --no-numbers --min-len 2 >tok
	run_ok sp-scale --tokens --ca 1 tok
	expect_eq "$output" "$(sp-scale --by doc --ca 1 tok)"
	# Each speech's id replaced by its party (column 15; ids in ID,
	# column 2).
	awk -F '\t' -v OFS='\t' 'NR == FNR { if (FNR > 1) p[$2] = $15; next }
	    { $1 = p[$1]; print }' "$M" tok >byparty
	run_ok sp-scale --meta "$M" --id-column ID --by Speaker_party \
	    --wordfish --dir Con,Lab tok
	expect_eq "$output" "$(sp-scale --by doc --wordfish --dir Con,Lab byparty)"
	expect_eq "$(cut -f1 <<<"$output" | paste -sd ' ' -)" "- Con LD Lab SNP"
	# --tokens takes --by from --meta's column too, in either order.
	run_ok sp-scale --by Speaker_party --tokens --meta "$M" --id-column ID \
	    --wordfish --dir Con,Lab tok
	expect_eq "$output" "$(sp-scale --by doc --wordfish --dir Con,Lab byparty)"
}

@test "--meta: missing ids are NA, said once; errors" {
	printf 'doc\tside\na\tleft\nb\tright\n' >m.tsv
	printf 'a\tx\na\ty\nb\tx\nb\tz\nc\ty\nc\tz\nc\tz\n' >tok
	run --separate-stderr sp-scale --meta m.tsv --by side --ca 1 tok
	[ "$status" -eq 0 ]
	expect_eq "$stderr" "sp-scale: m.tsv: 1 id not in the table (first: c); their records are counted as NA"
	expect_eq "$(cut -f1 <<<"$output" | paste -sd ' ' -)" "NA left right"
	run --separate-stderr sp-scale --meta m.tsv --by party --ca 1 tok
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-scale: m.tsv:1: no column 'party' (--by party); the columns are: doc, side"
	run --separate-stderr sp-scale --by side --ca 1 tok
	[ "$status" -eq 2 ]
	expect_eq "${stderr_lines[0]}" "sp-scale: --by: 'side' is not doc, para, sent or a number from 1 to 1000 (a column of a metadata table needs --meta FILE)"
	run --separate-stderr sp-scale --meta m.tsv --ca 1 tok
	[ "$status" -eq 2 ]
	expect_eq "${stderr_lines[0]}" "sp-scale: --meta applies with --by or --tokens"
	run --separate-stderr sp-scale --id-column doc --tokens --ca 1 tok
	[ "$status" -eq 2 ]
	expect_eq "${stderr_lines[0]}" "sp-scale: --id-column applies with --meta"
	printf 'a\tx\ny\n' >short
	run --separate-stderr sp-scale --meta m.tsv --by side --ca 1 short
	[ "$status" -eq 2 ]
	expect_eq "${stderr_lines[0]}" "sp-scale: short:2: --by side needs a key whose first field is an id of m.tsv, the record has no key"
}
