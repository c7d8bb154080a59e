#!/usr/bin/env bats
# sp-topics: topics found on synthetic corpora whose right answer is known,
# determinism, the model file and inference, held-out evaluation against
# exact enumeration, the diagnostics against reference implementations in
# awk (tests/bench/npmi.awk, tests/ref/frex.awk), the typical documents,
# the output layouts, and the errors.

load helper

# corpus N VOCABS...: token records for N documents, document d drawn from
# vocabulary d mod (number of VOCABS), each word one of 8 variants.
corpus() {
	local n=$1
	shift
	awk -v n="$n" -v vocabs="$*" 'BEGIN {
		srand(11); nv = split(vocabs, v, " ")
		for (d = 1; d <= n; d++)
			for (i = 1; i <= 30; i++)
				printf "d%d\t1\t%d\t%s%d\n", d, int((i - 1) / 10) + 1,
				    v[d % nv + 1], int(rand() * 8)
	}'
}

# The vocabulary stems of each topic's top words, one line per topic.
stems() {
	cut -f3 | tr ' ' '\n' | sed 's/[0-9]*$//' | sort -u | paste -sd ' ' -
}

@test "two disjoint vocabularies separate into two topics" {
	corpus 40 apple zebra >in
	run --separate-stderr sp-topics -k 2 -n 200 --top 8 in
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 2 ]
	for l in "${lines[@]}"; do
		s=$(printf '%s\n' "$l" | cut -f3 | tr ' ' '\n' | sed 's/[0-9]*$//' | sort -u)
		[ "$s" = apple ] || [ "$s" = zebra ]
	done
	[ "$(printf '%s\n' "${lines[0]}" | cut -f3 | cut -c1)" != \
	    "$(printf '%s\n' "${lines[1]}" | cut -f3 | cut -c1)" ]
}

@test "three vocabularies give three topics and one dominant topic per document" {
	corpus 60 apple zebra moon >in
	run --separate-stderr sp-topics -k 3 -n 200 --top 8 --doc-topics dt --threshold 0.5 in
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f3 | tr ' ' '\n' | sed 's/[0-9]*$//' | sort | uniq -c | awk '{print $1}' | paste -sd ' ' -)" = "8 8 8" ]
	# One row per document, and documents of a vocabulary share a topic.
	[ "$(wc -l <dt)" -eq 60 ]
	[ "$(awk -F '\t' '{ sub("d", "", $1); print $1 % 3, $2 }' dt | sort -u | wc -l)" -eq 3 ]
}

@test "the topic keys have the documented layout" {
	corpus 30 apple zebra moon >in
	run --separate-stderr sp-topics -k 3 -n 50 --top 5 --optimize-interval 0 in
	[ "$status" -eq 0 ]
	for i in 0 1 2; do
		[[ ${lines[$i]} =~ ^$i${TAB}1\.666667${TAB}[a-z0-9]+( [a-z0-9]+){4}$ ]]
	done
}

@test "records of one document need not be adjacent" {
	corpus 30 apple zebra >in
	sort -t "$TAB" -k4 in >shuffled
	sp-topics -k 2 -n 20 --doc-topics a in >/dev/null
	sp-topics -k 2 -n 20 --doc-topics b shuffled >/dev/null
	[ "$(cut -f1 a | uniq | wc -l)" -eq 30 ]
	[ "$(cut -f1 b | uniq | wc -l)" -eq 30 ]
}

@test "the same seed gives the same bytes, a different seed may not" {
	corpus 60 apple zebra moon >in
	sp-topics -k 3 -n 50 --doc-topics d1 --word-topics w1 --diagnostics g1 --typical t1 in >k1
	sp-topics -k 3 -n 50 --doc-topics d2 --word-topics w2 --diagnostics g2 --typical t2 in >k2
	cmp k1 k2 && cmp d1 d2 && cmp w1 w2 && cmp g1 g2 && cmp t1 t2
	sp-topics -k 3 -n 2 --doc-topics d3 in >/dev/null
	sp-topics -k 3 -n 2 --seed 2 --doc-topics d4 in >/dev/null
	! cmp -s d3 d4
}

@test "with two threads the result is the same run to run" {
	corpus 60 apple zebra moon >in
	sp-topics -k 3 -n 50 --threads 2 --seed 9 --doc-topics d1 in >k1
	sp-topics -k 3 -n 50 --threads 2 --seed 9 --doc-topics d2 in >k2
	cmp k1 k2 && cmp d1 d2
	run_ok sp-topics -k 3 -n 200 --threads 2 --top 8 in
	[ "$(printf '%s\n' "$output" | cut -f3 | tr ' ' '\n' | sed 's/[0-9]*$//' | sort | uniq -c | awk '{print $1}' | paste -sd ' ' -)" = "8 8 8" ]
}

@test "--by para makes paragraphs the documents and keeps their key" {
	corpus 4 apple zebra >in
	sp-topics -k 2 -n 10 --by para --doc-topics dt in >/dev/null
	[ "$(head -1 dt)" = "d1${TAB}1${TAB}0${TAB}$(head -1 dt | cut -f4)" ]
	[ "$(cut -f1,2 dt | sort -u | wc -l)" -eq 4 ]
	sp-topics -k 2 -n 10 --by sent --doc-topics dt in >/dev/null
	[ "$(cut -f1-3 dt | sort -u | wc -l)" -eq 12 ]
}

@test "doc-topics proportions sum to one and follow the threshold" {
	corpus 9 apple zebra moon >in
	sp-topics -k 3 -n 20 --doc-topics dt in >/dev/null
	[ "$(wc -l <dt)" -eq 27 ]
	run awk -F '\t' '{ s[$1] += $3 } END { for (d in s) if (s[d] < 0.9999 || s[d] > 1.0001) print d }' dt
	[ -z "$output" ]
	grep -Eq "^d1${TAB}[0-2]${TAB}0\.[0-9]{6}\$" dt
	# With a threshold, the rows are those above it, and there are some.
	awk -F '\t' '$3 > 0.9' dt >above
	[ -s above ]
	sp-topics -k 3 -n 20 --doc-topics dt --threshold 0.9 in >/dev/null
	cmp above dt
}

@test "word-topics counts add up to the tokens and are sorted by word" {
	corpus 12 apple zebra >in
	sp-topics -k 2 -n 20 --word-topics wt in >/dev/null
	[ "$(awk -F '\t' '{ n += $3 } END { print n }' wt)" -eq 360 ]
	sort -t "$TAB" -k1,1 -k2,2n -c wt
}

@test "diagnostics give tokens, coherence, documents, exclusivity, NPMI and FREX words per topic" {
	corpus 12 apple zebra >in
	sp-topics -k 2 -n 50 --top 4 --diagnostics dg in >/dev/null
	[ "$(wc -l <dg)" -eq 2 ]
	[ "$(awk -F '\t' '{ n += $2 } END { print n }' dg)" -eq 360 ]
	grep -Eq "^0${TAB}[0-9]+${TAB}-?[0-9]+\.[0-9]{4}${TAB}[0-9]+${TAB}[0-9]+\.[0-9]{4}${TAB}-?[01]\.[0-9]{4}${TAB}[a-z]+[0-7]( [a-z]+[0-7]){3}\$" dg
}

# mixed N: token records for N documents of 6 to 30 words, mostly from the
# document's vocabulary (d mod 3) and some from the others, so that words
# differ in how exclusive they are.
mixed() {
	awk -v n="$1" 'BEGIN {
		srand(5); split("apple zebra moon", v, " ")
		for (d = 1; d <= n; d++)
			for (i = 1; i <= 6 + int(rand() * 25); i++) {
				s = rand() < 0.8 ? v[d % 3 + 1] : v[int(rand() * 3) + 1]
				printf "d%d\t%d\t%s%d\n", d, int(i / 10) + 1, s, int(rand() * 10)
			}
	}'
}

@test "NPMI in the diagnostics is tests/bench/npmi.awk's, to the last digit" {
	mixed 80 >in
	sp-topics -k 4 -n 100 --top 10 --diagnostics dg in >keys
	cut -f1,6 dg >got
	awk -v by=1 -v top=10 -f "$SP_ROOT/tests/bench/npmi.awk" keys in |
	    awk -F '\t' '$1 == "topic" { print $3 "\t" $4 }' >want
	run cat got
	expect_file want
	# By paragraph too: documents are then DOC TAB PARA.
	sp-topics -k 3 -n 100 --top 6 --by para --diagnostics dg in >keys
	cut -f1,6 dg >got
	awk -v by=2 -v top=6 -f "$SP_ROOT/tests/bench/npmi.awk" keys in |
	    awk -F '\t' '$1 == "topic" { print $3 "\t" $4 }' >want
	run cat got
	expect_file want
}

@test "FREX words and exclusivity are tests/ref/frex.awk's, stm's definitions" {
	mixed 60 >in
	for w in 0.5 0.2 1; do
		sp-topics -k 3 -n 100 --top 7 --beta 0.05 --optimize-interval 0 \
		    --frex-weight "$w" --diagnostics dg --word-topics wt in >/dev/null
		cut -f1,5,7 dg >got
		awk -v k=3 -v beta=0.05 -v w="$w" -v top=7 \
		    -f "$SP_ROOT/tests/ref/frex.awk" wt >want
		run cat got
		expect_file want
	done
	# A word of one topic only outranks one spread over all three.
	printf 'a\tonly\na\tonly\na\tevery\nb\tevery\nb\tx\nc\tevery\nc\ty\n' >small
	sp-topics -k 3 -n 50 --top 3 --beta 0.05 --optimize-interval 0 \
	    --diagnostics dg --word-topics wt small >/dev/null
	run awk -v k=3 -v beta=0.05 -v w=0.5 -v top=3 -f "$SP_ROOT/tests/ref/frex.awk" wt
	expect_eq "$output" "$(cut -f1,5,7 dg)"
}

@test "typical documents are those with the highest proportion, with their first sentence" {
	corpus 30 apple zebra moon >in
	# Sentences for every document, and one key (d30) that has none.
	awk -F '\t' '!seen[$1]++ && $1 != "d30" {
		printf "%s\t1\t1\tFirst sentence of %s.\n%s\t1\t2\tSecond.\n", $1, $1, $1
	}' in >seg
	run_ok sp-topics -k 3 -n 100 --doc-topics dt --typical typ --typical-docs 4 --texts seg in
	# The same ranking from the document topics, ties in document order.
	awk -F '\t' '{ print $2 "\t" NR "\t" $3 "\t" $1 }' dt |
	    sort -t "$TAB" -k1,1n -k3,3r -k2,2n |
	    awk -F '\t' '{ if (++r[$1] <= 4) printf "%s\t%d\t%s\t%s\t%s\n", $1, r[$1], $3, $4, \
	        $4 == "d30" ? "" : "First sentence of " $4 "." }' >want
	run cat typ
	expect_file want
	# Without --texts the text is empty.
	sp-topics -k 3 -n 100 --typical typ2 --typical-docs 4 in >/dev/null
	run cut -f1-4 typ2
	expect_eq "$output" "$(cut -f1-4 want)"
	[ -z "$(cut -f5 typ2 | tr -d '\n')" ]
}

@test "--typical keeps a document's key with its TABs; --texts matches its first --by fields" {
	corpus 4 apple zebra >in
	awk -F '\t' '!seen[$1 FS $2]++ { print $1 "\t" $2 "\t1\tText of " $1 " " $2 }' in >seg
	run_ok sp-topics -k 2 -n 20 --by para --typical typ --typical-docs 1 --texts seg in
	[ "$(wc -l <typ)" -eq 2 ]
	run awk -F '\t' 'NF != 6 || $6 != "Text of " $4 " " $5' typ
	[ -z "$output" ]
}

# A model of 2 topics over the words a, b, c, written by hand.
hand_model() {
	printf 'sp-topics model 1\ntopics\t2\nwords\t3\ntokens\t20\nbeta\t0.5\n'
	printf 'alpha\t0\t0.4\nalpha\t1\t0.9\n'
	printf 'word\ta\t0:6 1:1\nword\tb\t0:2 1:5\nword\tc\t0:1 1:5\nend\n'
}

# exact MODEL-PARAMETERS < held-out records: log p(w) of each document by
# summing over all 2^n topic assignments, for the model of hand_model.
exact() {
	awk -F '\t' '
	BEGIN {
		a[0] = 0.4; a[1] = 0.9; beta = 0.5
		n["a", 0] = 6; n["a", 1] = 1; n["b", 0] = 2; n["b", 1] = 5
		n["c", 0] = 1; n["c", 1] = 5; tot[0] = 9; tot[1] = 11
	}
	{ if (!($1 in len)) doc[++nd] = $1; w[$1, ++len[$1]] = $2 }
	END {
		for (d = 1; d <= nd; d++) {
			k = doc[d]; m = len[k]; sum = 0
			for (s = 0; s < 2 ^ m; s++) {
				c[0] = c[1] = 0; p = 1; x = s
				for (i = 1; i <= m; i++) {
					z = x % 2; x = int(x / 2)
					phi = (n[w[k, i], z] + beta) / (tot[z] + 3 * beta)
					p *= phi * (c[z] + a[z]) / (i - 1 + 1.3)
					c[z]++
				}
				sum += p
			}
			printf "%s\t%d\t%.6f\n", k, m, log(sum)
		}
	}'
}

@test "--evaluate agrees with exact enumeration within four standard errors" {
	hand_model >model
	printf 'x\ta\nx\tb\nx\ta\nx\tc\ny\tc\ny\tc\ny\tb\ny\ta\ny\tc\ny\tb\nz\tb\n' >held
	run_ok sp-topics --evaluate model --particles 20000 held
	[ "${#lines[@]}" -eq 3 ]
	# The layout: DOC TAB TOKENS TAB LOGPROB TAB ERROR, six decimals.
	[[ ${lines[0]} =~ ^x${TAB}4${TAB}-[0-9]+\.[0-9]{6}${TAB}[0-9]\.[0-9]{6}$ ]]
	printf '%s\n' "$output" >got
	exact <held >want
	run awk -F '\t' 'NR == FNR { lp[$1] = $3; n[$1] = $2; next }
	    $2 != n[$1] || $4 > 0.01 || $3 - lp[$1] > 4 * $4 + 1e-6 ||
	    lp[$1] - $3 > 4 * $4 + 1e-6 { print "off: " $0 " exact " lp[$1] }' want got
	expect_eq "$output" ""
}

@test "--evaluate skips unknown words, keeps keys with TABs and is the same bytes every time" {
	hand_model >model
	printf 's\t1\ta\ns\t1\tnew\ns\t2\tb\nt\t1\tnew\n' >held
	run_ok sp-topics --evaluate model --by para held
	printf '%s\n' "$output" >first
	[ "$(cut -f1-3 first)" = "$(printf 's\t1\t1\ns\t2\t1\nt\t1\t0')" ]
	[ "$(sed -n 3p first | cut -f4-)" = "0.000000${TAB}0.000000" ]
	run_ok sp-topics --evaluate model --by para held
	expect_file first
	# A one-token document's probability is exact with any particles:
	# sum_t phi_t,w alpha_t / sum alpha.
	[ "$(sed -n 1p first | cut -f4-)" = "$(awk 'BEGIN { printf "%.6f\t0.000000", \
	    log((6.5 / 10.5 * 0.4 + 1.5 / 12.5 * 0.9) / 1.3) }')" ]
}

@test "held-out log-likelihood prefers the model fitted on the same kind of text" {
	corpus 60 apple zebra moon >in
	awk -F '\t' '$1 !~ /0$/' in >train
	awk -F '\t' '$1 ~ /0$/' in >held
	sp-topics -k 3 -n 100 --save good train >/dev/null
	corpus 60 zebra moon >other
	cat other held | sp-topics -k 3 -n 100 --save bad >/dev/null
	per_token() {
		sp-topics --evaluate "$1" held |
		    awk -F '\t' '{ n += $2; l += $3 } END { print l / n }'
	}
	good=$(per_token good) bad=$(per_token bad)
	awk -v g="$good" -v b="$bad" 'BEGIN { exit !(g > b) }'
}

@test "plain lines are documents of space-separated words" {
	printf 'apple1 apple2 apple3\nzebra1 zebra2\napple1 apple3\n' >in
	run --separate-stderr sp-topics -k 2 -n 10 --doc-topics dt in
	[ "$status" -eq 0 ]
	[ "$(cut -f1 dt | uniq | paste -sd ' ' -)" = "1 2 3" ]
}

@test "save and infer: the training documents keep their dominant topics" {
	corpus 60 apple zebra moon >in
	sp-topics -k 3 -n 200 --save model --doc-topics train --threshold 0.5 in >/dev/null
	head -1 model | grep -qx 'sp-topics model 1'
	cp model model.orig
	run --separate-stderr sp-topics --infer model --threshold 0.5 in
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | cut -f1,2)" = "$(cut -f1,2 train)" ]
	cmp model model.orig
	# Inference is deterministic too, and unknown words are ignored.
	printf 'x\tapple1\nx\tunknownword\ny\tzebra2\n' >new
	sp-topics --infer model --doc-topics a new
	sp-topics --infer model --doc-topics b new
	cmp a b
	[ "$(wc -l <a)" -eq 6 ]
}

@test "an empty input is an error" {
	run --separate-stderr sp-topics </dev/null
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: no tokens in the input" ]
	[ -z "$output" ]
}

@test "more topics than tokens is an error" {
	printf 'd\ta\nd\tb\nd\tc\n' >in
	run --separate-stderr sp-topics -k 5 in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: -k 5: more topics than the 3 tokens in the input" ]
}

@test "--evaluate, --typical and --texts: bad combinations and paths are errors" {
	corpus 12 apple zebra >in
	run --separate-stderr sp-topics --evaluate m --infer m in
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "sp-topics: --infer cannot be used with --evaluate" ]
	run --separate-stderr sp-topics --evaluate m --doc-topics dt in
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "sp-topics: --evaluate cannot be used with --doc-topics" ]
	run --separate-stderr sp-topics --evaluate m --typical t in
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "sp-topics: --evaluate cannot be used with --typical" ]
	run --separate-stderr sp-topics --infer m --diagnostics d in
	[ "${stderr%%$'\n'*}" = "sp-topics: --infer cannot be used with --diagnostics" ]
	run --separate-stderr sp-topics --particles 1 in
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "sp-topics: --particles: '1' is not a whole number from 2 to 1000000" ]
	run --separate-stderr sp-topics --frex-weight 1.5 in
	[ "$status" -eq 2 ]
	run --separate-stderr sp-topics --evaluate nosuch in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: nosuch: No such file or directory" ]
	# A bad --texts path fails before training.
	run --separate-stderr sp-topics -k 2 -n 10 --typical t --texts nosuch in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: nosuch: No such file or directory" ]
	[ -z "$output" ]
}

@test "bad option values are errors with the usage" {
	run --separate-stderr sp-topics -k 1
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "sp-topics: -k: '1' is not a whole number from 2 to 65535" ]
	run --separate-stderr sp-topics --by chapter
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "sp-topics: --by: 'chapter' is not doc, para, sent or a number from 1 to 1000 (a column of a metadata table needs --meta FILE)" ]
	run --separate-stderr sp-topics --beta 0
	[ "$status" -eq 2 ]
	run --separate-stderr sp-topics --infer m --save x
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "sp-topics: --infer cannot be used with --save" ]
}

@test "a record with too few key fields for --by is an error with its line" {
	printf 'd\t1\tx\nd\ty\n' >in
	corpus 6 apple zebra >good
	run --separate-stderr sp-topics -k 2 -n 10 --by para in good
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: in:2: --by para needs 2 key fields, the record has 1" ]
	# The model is still fitted on what could be read.
	[ "${#lines[@]}" -eq 2 ]
}

@test "a missing file is reported; the model is fitted on the others" {
	corpus 6 apple zebra >in
	run --separate-stderr sp-topics -k 2 -n 10 in nosuch
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: nosuch: No such file or directory" ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "--save: a bad path fails before training; a run that fails keeps the old model or leaves none" {
	corpus 12 apple zebra >in
	run --separate-stderr sp-topics -k 2 -n 10 --save nodir/model in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: nodir/model: No such file or directory" ]
	sp-topics -k 2 -n 10 --save model in >/dev/null
	cp model before
	: >empty
	run --separate-stderr sp-topics -k 2 -n 10 --save model empty
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: no tokens in the input" ]
	cmp model before
	run --separate-stderr sp-topics -k 2 -n 10 --save new empty
	[ "$status" -eq 2 ]
	[ ! -e new ]
}

# temporaries NAME: the temporary files of an output file NAME being
# written (.NAME.XXXXXX in its directory), one a line.
temporaries() {
	find . -maxdepth 1 -name ".$1.??????" | sort
}

# wait_for_temporary NAME: wait (up to 30 s) until NAME's temporary file
# exists; sp-topics creates it at the start.
wait_for_temporary() {
	local i
	for i in $(seq 300); do
		[ -n "$(temporaries "$1")" ] && return 0
		sleep 0.1
	done
	echo "no temporary file for $1" >&2
	return 1
}

@test "--save: a directory or a read-only directory fails before training" {
	corpus 12 apple zebra >in
	mkdir dir
	run --separate-stderr sp-topics -k 2 -n 10 --save dir in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: dir: Is a directory"
	[ -z "$output" ]
	run --separate-stderr sp-topics -k 2 -n 10 --doc-topics dir in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: dir: Is a directory"
}

@test "--save replaces a model in one step, keeping its permissions" {
	corpus 12 apple zebra >in
	corpus 12 moon sun >other
	sp-topics -k 2 -n 10 --save model in >/dev/null
	cp model before
	chmod 640 model
	ln model link
	sp-topics -k 2 -n 10 --save model other >/dev/null
	[ "$(stat -c %a model)" = 640 ]
	# The old file was renamed over, not rewritten: the hard link keeps it.
	cmp link before
	sp-topics -k 2 -n 10 --save again other >/dev/null
	cmp model again
	[ -z "$(temporaries model)" ]
}

@test "--save: a model that cannot be put in place leaves the path as it was" {
	corpus 12 apple zebra >in
	mkfifo feed
	sp-topics -k 2 -n 10 --save new <feed >/dev/null 2>err &
	pid=$!
	exec 7>feed
	wait_for_temporary new
	# The path becomes a directory during the run: rename(2) fails.
	mkdir new
	cat in >&7
	exec 7>&-
	status=0
	wait "$pid" || status=$?
	[ "$status" -eq 2 ]
	expect_eq "$(cat err)" "sp-topics: new: cannot replace it with the new file: Is a directory"
	[ -d new ] && [ -z "$(ls -A new)" ]
	[ -z "$(temporaries new)" ]
}

@test "--save: a signal during training keeps the old model and removes the new files" {
	corpus 12 apple zebra >in
	sp-topics -k 2 -n 10 --save model in >/dev/null
	cp model before
	mkfifo feed
	# Job control, so that the background job does not ignore SIGINT.
	set -m
	for sig in TERM INT HUP PIPE; do
		sp-topics -k 2 -n 10 --save model --doc-topics docs \
		    --word-topics new <feed >/dev/null 2>err &
		pid=$!
		exec 7>feed
		wait_for_temporary model
		wait_for_temporary docs
		kill -s "$sig" "$pid"
		exec 7>&-
		status=0
		wait "$pid" || status=$?
		[ "$status" -eq $((128 + $(kill -l "$sig"))) ] ||
			{ echo "$sig: status $status" >&2; return 1; }
		cmp model before
		[ ! -e docs ] && [ ! -e new ]
		[ -z "$(temporaries model)$(temporaries docs)$(temporaries new)" ]
		[ ! -s err ]
	done
	set +m
}

@test "--save: a write error keeps the old model and leaves no file" {
	sp-split "$CORPUS"/*.txt | sp-tokens --stop >in
	sp-topics -k 3 -n 5 --save model in >/dev/null
	cp model before
	[ "$(wc -c <model)" -gt 20000 ]
	# A file size limit of 8 KB, with SIGXFSZ ignored so that the write
	# fails (EFBIG) as on a full disk, then with it killing the program.
	run --separate-stderr sh -c 'trap "" XFSZ; ulimit -f 8;
	    exec sp-topics -k 3 -n 5 --seed 2 --save new in'
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: new: write error: File too large"
	cmp model before
	[ ! -e new ]
	[ -z "$(temporaries model)$(temporaries new)" ]
	run --separate-stderr sh -c 'ulimit -f 8;
	    exec sp-topics -k 3 -n 5 --seed 2 --save model in'
	[ "$status" -eq $((128 + $(kill -l XFSZ))) ]
	cmp model before
	[ -z "$(temporaries model)" ]
}

@test "--save: a signal while a large model is written keeps the old one whole" {
	awk 'BEGIN { srand(3); for (d = 1; d <= 500; d++)
		for (i = 1; i <= 400; i++)
			printf "d%d\t1\t1\tw%d\n", d, int(rand() * 200000) }' >in
	sp-topics -k 20 -n 1 --save model in >/dev/null
	cp model before
	sp-topics -k 20 -n 1 --seed 2 --save complete in >/dev/null
	sp-topics -k 20 -n 1 --seed 2 --save model in >/dev/null 2>err &
	pid=$!
	# Stop the program once its new model is being written, if it is
	# caught at that: the path must then hold the old model or the new
	# one, whole, and so it must after a SIGTERM.
	stopped=0
	while kill -0 "$pid" 2>/dev/null; do
		tmp=$(temporaries model)
		if { [ -n "$tmp" ] && [ -s "$tmp" ]; } || ! cmp -s model before
		then
			kill -STOP "$pid" && stopped=1
			break
		fi
	done
	if [ "$stopped" -eq 1 ]; then
		cmp -s model before || cmp model complete
		kill -TERM "$pid"
		kill -CONT "$pid"
	fi
	status=0
	wait "$pid" || status=$?
	[ "$status" -eq 0 ] || [ "$status" -eq 143 ]
	if [ "$status" -eq 0 ]; then cmp model complete; else cmp -s model before || cmp model complete; fi
	[ -z "$(temporaries model)" ]
	[ ! -s err ]
}

@test "--save is written before the reports: a failed report keeps the model" {
	corpus 12 apple zebra >in
	sp-topics -k 2 -n 10 --save want in >/dev/null
	run --separate-stderr sp-topics -k 2 -n 10 --save model --doc-topics /dev/full in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: /dev/full: write error: No space left on device"
	cmp model want
}

@test "many topics and top words: memory for what is printed, not K x top" {
	sp-split "$CORPUS"/*.txt | sp-tokens --stop >in
	# 5000 topics of 100000 top words would need 4 GB as a K x top table;
	# the topics have 1 to 4 words each here.  (ASan needs far more
	# address space than the bound, so it is only set without it.)
	limit=
	grep -q __asan_init "$(command -v sp-topics)" || limit='ulimit -v 300000;'
	run --separate-stderr sh -c "$limit exec sp-topics -k 5000 -n 1 --top 100000 --word-topics wt in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 5000 ]
	# Each topic lists every word it has, as many as --word-topics gives.
	printf '%s\n' "$output" >keys
	run awk -F '\t' 'NR == FNR { n[$2]++; next }
	    { k = split($3, w, " "); if (k != n[$1] + 0) bad++; total += k }
	    END { print bad + 0, total }' wt keys
	expect_eq "$output" "0 $(wc -l <wt)"
}

@test "bad model files are errors with file and line" {
	corpus 12 apple zebra >in
	sp-topics -k 2 -n 10 --save model in >/dev/null
	printf 'hello\n' >m1
	run --separate-stderr sp-topics --infer m1 in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: m1:1: not an sp-topics model file" ]
	sed '1s/1$/2/' model >m2
	run --separate-stderr sp-topics --infer m2 in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: m2:1: model format version 2 is not supported (this program reads version 1)" ]
	head -n 10 model >m3
	run --separate-stderr sp-topics --infer m3 in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: m3:3: 2 topics and 16 words cannot fit in the file's $(wc -c <m3) bytes"
	run --separate-stderr sh -c 'cat m3 | sp-topics --infer /dev/stdin in'
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: /dev/stdin: truncated model file: expected a 'word' line after line 10"
	sed '9s/:\([0-9]*\)/:x\1/' model >m4
	run --separate-stderr sp-topics --infer m4 in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: m4:9: expected TOPIC:COUNT with a topic below the number of topics and a count above 0" ]
	sed '9s/\t\([0-9]*\):/\t7:/' model >m5
	run --separate-stderr sp-topics --infer m5 in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: m5:9: expected TOPIC:COUNT with a topic below the number of topics and a count above 0" ]
	sed 's/^tokens\t.*/tokens\t5/' model >m6
	run --separate-stderr sp-topics --infer m6 in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: m6:8: the counts add up to more than the 5 tokens of the header"
	run --separate-stderr sp-topics --infer model -k 3 in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: model: the model has 2 topics, not 3 (-k)" ]
	run --separate-stderr sp-topics --infer nosuch in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: nosuch: No such file or directory" ]
}

# model WORDS TOKENS [WORD_LINE...]: a model of two topics, alpha 1 each,
# with the header's word and token counts and the word lines given.
model() {
	printf 'sp-topics model 1\ntopics\t2\nwords\t%s\ntokens\t%s\nbeta\t0.01\n' \
	    "$1" "$2"
	printf 'alpha\t0\t1\nalpha\t1\t1\n'
	shift 2
	for line in "$@"; do
		printf 'word\t%s\n' "$line"
	done
	printf 'end\n'
}

@test "tiny models: word order, counts against the file and the tokens" {
	printf 'd1\t1\t1\ta\nd1\t1\t1\tb\n' >in
	model 2 2 "a${TAB}0:1" "b${TAB}1:1" >good
	run --separate-stderr sp-topics --infer good in
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	# Bytewise order, not the locale's: upper case first, é after z.
	model 4 4 "B${TAB}0:1" "a${TAB}1:1" "z${TAB}1:1" "é${TAB}0:1" >bytes
	run --separate-stderr sp-topics --infer bytes in
	[ "$status" -eq 0 ]
	model 2 2 "b${TAB}0:1" "a${TAB}1:1" >order
	run --separate-stderr sp-topics --infer order in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: order:9: the words must be in bytewise order"
	model 2 2 "é${TAB}0:1" "z${TAB}1:1" >order2
	run --separate-stderr sp-topics --infer order2 in
	expect_eq "$stderr" "sp-topics: order2:9: the words must be in bytewise order"
	model 2 2 "a${TAB}0:1" "a${TAB}1:1" >twice
	run --separate-stderr sp-topics --infer twice in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: twice:9: the same word twice"
	# A hundred bytes that claim four billion words fail at the header,
	# before anything is allocated for them (it once asked for 34 GB).
	model 4294967294 3 "a${TAB}0:1" >huge
	[ "$(wc -c <huge)" -lt 100 ]
	run --separate-stderr sp-topics --infer huge in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: huge:3: 2 topics and 4294967294 words cannot fit in the file's 98 bytes"
	# Through a pipe, which has no size, memory grows with what is read.
	run --separate-stderr sh -c 'cat huge | sp-topics --infer /dev/stdin in'
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: /dev/stdin:9: expected 'word', a word and its topic counts"
	# Counts beyond the header's tokens fail on the line that passes them.
	model 2 2 "a${TAB}0:1 1:1" "b${TAB}1:1" >many
	run --separate-stderr sp-topics --infer many in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: many:9: the counts add up to more than the 2 tokens of the header"
	model 2 3 "a${TAB}0:1" "b${TAB}1:1" >few
	run --separate-stderr sp-topics --infer few in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: few: the counts add up to 2 tokens, the header says 3"
}

@test "a model with a subnormal alpha loads; zero or negative alpha does not" {
	corpus 12 apple zebra >in
	sp-topics -k 2 -n 10 --save model in >/dev/null
	sed 's/^alpha\t0\t.*/alpha\t0\t4.9e-320/' model >m1
	run --separate-stderr sp-topics --infer m1 in
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 24 ]
	sed 's/^alpha\t0\t.*/alpha\t0\t1e-400/' model >m2
	run --separate-stderr sp-topics --infer m2 in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: m2:6: expected 'alpha', topic 0 and a positive number" ]
	sed 's/^alpha\t0\t.*/alpha\t0\t-1/' model >m3
	run --separate-stderr sp-topics --infer m3 in
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-topics: m3:6: expected 'alpha', topic 0 and a positive number" ]
}

@test "-v reports progress and the log-likelihood on standard error" {
	corpus 12 apple zebra >in
	run --separate-stderr sp-topics -v -k 2 -n 20 in
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ ${stderr} =~ ^sp-topics:\ iteration\ 10/20,\ [0-9.]+\ s,\ log-likelihood\ per\ token\ -[0-9]+\.[0-9]{6} ]]
	[[ ${stderr} == *"sp-topics: 360 tokens, 16 words, 12 documents; 20 iterations in "* ]]
}

@test "--help prints the usage and --version the version" {
	run --separate-stderr sp-topics --help
	[ "$status" -eq 0 ]
	[[ ${lines[0]} == "usage: sp-topics [-v] [-k topics]"* ]]
	run --separate-stderr sp-topics --version
	[ "$status" -eq 0 ]
	[[ $output =~ ^sp-topics\ \(sp\)\ [0-9] ]]
}

@test "a write error on standard output is an error" {
	corpus 12 apple zebra >in
	run --separate-stderr sh -c 'sp-topics -k 2 -n 5 in >/dev/full'
	[ "$status" -eq 2 ]
	[[ $stderr == "sp-topics: "*"write error"* ]]
	run --separate-stderr sp-topics -k 2 -n 5 --doc-topics /dev/full in
	[ "$status" -eq 2 ]
	[[ $stderr == "sp-topics: /dev/full: write error"* ]]
}

@test "a closed pipe ends the program quietly" {
	corpus 60 apple zebra moon >in
	first_line_quietly sp-topics -k 50 -n 5 --top 1000 in
}

@test "the bundled corpus gives its themes" {
	command -v sp-split >/dev/null && command -v sp-tokens >/dev/null || skip "sp-split or sp-tokens missing"
	sp-split "$CORPUS"/*.txt >seg
	sp-tokens --stop seg >tok
	run_ok sp-topics -k 8 --by para --top 10 tok
	[ "${#lines[@]}" -eq 8 ]
	[[ $output == *police* ]]
	[[ $output == *terror* ]]
}

@test "five documents and 100 topics: alpha stays positive (it once went negative and crashed)" {
	command -v sp-split >/dev/null && command -v sp-tokens >/dev/null || skip "sp-split or sp-tokens missing"
	sp-split "$CORPUS"/*.txt | sp-tokens --stop >in
	run --separate-stderr sp-topics -k 100 --seed 1 in
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 100 ]
	[ -z "$(cut -f2 <<<"$output" | grep -v '^[0-9][0-9]*\.[0-9]\{6\}$')" ]
}

# A table of metadata for corpus's documents d1..dN: Party by parity,
# Date by d, the id in the second column.
meta_table() {
	awk -v n="$1" 'BEGIN {
		printf "Date\tid\tParty\n"
		for (d = 1; d <= n; d++)
			printf "%d-0%d-01\td%d\t%s\n", 2018 + d % 3, d % 9 + 1, d,
			    d % 2 ? "Left" : "Right"
	}'
}

@test "--meta --by COLUMN: a document is a value's records, as if the key were the value" {
	corpus 40 apple zebra >in
	meta_table 40 >meta.tsv
	# Records of d41 have no row: NA.
	printf 'd41\t1\t1\tpear\n' >>in
	run --separate-stderr sp-topics -k 2 -n 30 --meta meta.tsv \
	    --id-column id --by Party --doc-topics dt --word-topics wt in
	[ "$status" -eq 0 ]
	expect_eq "$stderr" "sp-topics: meta.tsv: 1 id not in the table (first: d41); their records are counted as NA"
	printf '%s\n' "${lines[@]}" >keys
	# The same run on records whose key is the party, found by awk.
	awk -F '\t' -v OFS='\t' 'NR == FNR { if (FNR > 1) p[$2] = $3; next }
	    { $1 = ($1 in p) ? p[$1] : "NA"; print }' meta.tsv in >byparty
	run_ok sp-topics -k 2 -n 30 --doc-topics dt2 --word-topics wt2 byparty
	expect_eq "$(cat keys)" "$output"
	expect_eq "$(cat dt)" "$(cat dt2)"
	expect_eq "$(cat wt)" "$(cat wt2)"
	expect_eq "$(cut -f1 dt | uniq | paste -sd ' ' -)" "Left Right NA"
	# Each party's words are one topic's.
	awk -F '\t' '$1 != "NA" && $3 > 0.9 { n++ } END { exit n != 2 }' dt
}

@test "--meta --by Date:year groups by a column of dates; --by doc still takes the key" {
	corpus 12 apple zebra >in
	meta_table 12 >meta.tsv
	run_ok sp-topics -k 2 -n 10 --meta meta.tsv --id-column id \
	    --by Date:year --doc-topics dt in
	expect_eq "$(cut -f1 dt | uniq | paste -sd ' ' -)" "2019 2020 2018"
	run_ok sp-topics -k 2 -n 10 --meta meta.tsv --id-column id --by doc \
	    --doc-topics dt in
	run_ok sp-topics -k 2 -n 10 --doc-topics dt2 in
	expect_eq "$(cat dt)" "$(cat dt2)"
}

@test "--meta errors: no such column, --id-column alone, --texts with a column" {
	corpus 4 apple zebra >in
	meta_table 4 >meta.tsv
	run --separate-stderr sp-topics --meta meta.tsv --by Region in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: meta.tsv:1: no column 'Region' (--by Region); the columns are: Date, id, Party"
	run --separate-stderr sp-topics --id-column id in
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-topics: --id-column needs --meta"
	run --separate-stderr sp-topics --meta meta.tsv --id-column id --by Party --typical t --texts in in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: --texts cannot be used with --by Party, a column of meta.tsv"
	run --separate-stderr sp-topics --meta nothere.tsv in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: nothere.tsv: No such file or directory"
}

# dmr_collection: 200 documents of 50 tokens; party Left's (odd d) are
# 80% apple words and 20% zebra words, Right's the reverse; Year
# (2000 + d mod 10) has no effect.  The table is dmr.tsv, records in.
dmr_collection() {
	awk 'BEGIN { print "id\tParty\tYear"
		for (d = 1; d <= 200; d++)
			printf "d%d\t%s\t%d\n", d, d % 2 ? "Left" : "Right",
			    2000 + d % 10 }' >dmr.tsv
	awk 'BEGIN { srand(5)
		for (d = 1; d <= 200; d++) {
			p = d % 2 ? 0.8 : 0.2
			for (i = 1; i <= 50; i++)
				printf "d%d\t1\t1\t%s%d\n", d,
				    rand() < p ? "apple" : "zebra", int(rand() * 8)
		} }' >in
}

@test "--covariates: lambda recovers a party's effect on topic prevalence, and none of the year" {
	dmr_collection
	run_ok sp-topics -k 2 -n 300 --meta dmr.tsv --covariates Party,Year \
	    --lambda lam --effects eff in
	# The topic whose top word is an apple word.
	a=$(printf '%s\n' "${lines[@]}" | awk -F '\t' '$3 ~ /^apple/ { print $1 }')
	z=$((1 - a))
	expect_eq "$(cut -f1-3 lam | tr '\t' ' ' | paste -sd ' ' -)" "(intercept) - 0 (intercept) - 1 Party Right 0 Party Right 1 Year sd 0 Year sd 1"
	# Right against Left: log(0.8 / 0.2) - log(0.2 / 0.8) = 2.77 more
	# for zebra's topic than apple's, shrunk a little by the prior.
	awk -F '\t' -v a="$a" -v z="$z" '$1 == "Party" { l[$3] = $4 }
	    $1 == "Year" { y[$3] = $4 }
	    END { d = l[z] - l[a]; e = y[z] - y[a]
		if (!(d > 2 && d < 3.5) || !(e > -0.5 && e < 0.5)) {
			print "Right: " d ", Year: " e; exit 1 } }' lam
	# The expected proportions: Left 0.8 apple, Right 0.2.
	awk -F '\t' -v a="$a" '$1 == "Party" && $3 == a {
		want = $2 == "Left" ? 0.8 : 0.2
		if ($4 < want - 0.05 || $4 > want + 0.05 || $5 > $4 || $6 < $4) {
			print; exit 1 } }' eff
	expect_eq "$(cut -f1,2 eff | uniq | tr '\t' ' ' | paste -sd ' ' -)" "Party Left Party Right Year 2000 Year 2001 Year 2002 Year 2003 Year 2004 Year 2005 Year 2006 Year 2007 Year 2008 Year 2009"
}

@test "--covariates: ids not in the table are the level NA, reported once; a numeric column's NA is its mean" {
	dmr_collection
	awk -F '\t' 'NR == 1 || $2 == "Left"' dmr.tsv >left.tsv
	run --separate-stderr sp-topics -k 2 -n 20 --meta left.tsv \
	    --covariates Party,Year --lambda lam --effects eff in
	[ "$status" -eq 0 ]
	expect_eq "$stderr" "sp-topics: left.tsv: 100 ids not in the table (first: d2); their records are counted as NA"
	expect_eq "$(cut -f1,2 lam | uniq | tr '\t' ' ' | paste -sd ' ' -)" "(intercept) - Party NA Year sd"
	# Year's values are those of the Left documents: odd years.
	expect_eq "$(awk -F '\t' '$1 == "Year" { print $2 }' eff | uniq | paste -sd ' ' -)" "2001 2003 2005 2007 2009"
}

@test "--effects' means are exp(x . lambda) normalised, computed again in awk from --lambda" {
	dmr_collection
	run_ok sp-topics -k 3 -n 60 --meta dmr.tsv --covariates Year,Party \
	    --lambda lam --effects eff in
	# Year is standardised over the documents: mean and sd (divisor n)
	# from the table.
	awk -F '\t' 'FNR == NR { if (FNR > 1) { n++; s += $3; ss += $3 * $3 }
		next }
	    FNR == 1 { mean = s / n; sd = sqrt(ss / n - mean * mean) }
	    FILENAME ~ /lam$/ { if ($1 == "(intercept)") b[$3] = $4
		else if ($1 == "Year") y[$3] = $4
		else p[$2, $3] = $4; next }
	    { x = $1 == "Year" ? ($2 - mean) / sd : 0
		tot = 0
		for (t = 0; t < 3; t++) {
			e[t] = exp(b[t] + x * y[t] + ($1 == "Party" ? p[$2, t] : 0))
			tot += e[t]
		}
		want = e[$3] / tot
		if (want - $4 > 5e-6 || $4 - want > 5e-6) {
			printf "%s: want %.6f\n", $0, want; bad = 1 }
		if ($5 > $4 || $6 < $4) { print "interval: " $0; bad = 1 }
		rows++ }
	    END { exit bad || rows != 36 }' dmr.tsv lam eff
	# The reference level is the bytewise first, Left: only Right has
	# its lambda.
	expect_eq "$(awk -F '\t' '$1 == "Party" { print $2 }' lam | uniq)" "Right"
}

@test "--covariates output is the same bytes every time, on one thread or two, and with SP_REFERENCE" {
	dmr_collection
	for th in 1 2; do
		for k in 3 70; do
			run_ok sp-topics -k $k -n 30 --threads $th --meta dmr.tsv \
			    --covariates Party --lambda lam --effects eff \
			    --doc-topics dt in
			printf '%s\n' "$output" >keys
			run_ok env SP_REFERENCE=1 sp-topics -k $k -n 30 --threads $th \
			    --meta dmr.tsv --covariates Party --lambda lam2 \
			    --effects eff2 --doc-topics dt2 in
			expect_eq "$output" "$(cat keys)"
			cmp lam lam2
			cmp eff eff2
			cmp dt dt2
		done
	done
}

@test "--covariates: doc-topics use each document's own prior" {
	dmr_collection
	run_ok sp-topics -k 2 -n 100 --meta dmr.tsv --covariates Party \
	    --lambda lam --doc-topics dt --word-topics wt in
	# A document's proportion is (alpha_dt + n_dt) / (n_d + sum alpha_d):
	# its prior from lambda, its counts from the proportions' sum.  The
	# 50 tokens of d1 (Left) and d2 (Right) give n_dt back.
	awk -F '\t' 'FNR == NR { if ($1 == "(intercept)") b[$3] = $4
		else r[$3] = $4; next }
	    $1 == "d1" || $1 == "d2" { x = $1 == "d2"
		a = exp(b[$2] + x * r[$2])
		a0 = exp(b[0] + x * r[0]) + exp(b[1] + x * r[1])
		n = $3 * (50 + a0) - a
		# Six decimals of the proportion and of lambda.
		err = n - int(n + 0.5)
		if (err > 4e-6 * (50 + a0) || -err > 4e-6 * (50 + a0)) {
			print $0 ": n = " n; bad = 1 }
		m[$1] += int(n + 0.5) }
	    END { exit bad || m["d1"] != 50 || m["d2"] != 50 }' lam dt
}

@test "--covariates errors: no --meta, no such column, one value, with --by COLUMN, --lambda alone" {
	dmr_collection
	run --separate-stderr sp-topics --covariates Party in
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-topics: --covariates needs --meta"
	run --separate-stderr sp-topics --lambda l in
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-topics: --lambda needs --covariates"
	run --separate-stderr sp-topics --meta dmr.tsv --covariates Party --optimize-interval 0 in
	[ "$status" -eq 2 ]
	expect_eq "${stderr%%$'\n'*}" "sp-topics: --covariates needs --optimize-interval above 0: lambda is fitted there"
	run --separate-stderr sp-topics --meta dmr.tsv --covariates Party,Region in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: dmr.tsv:1: no column 'Region' (--by Region); the columns are: id, Party, Year"
	awk -F '\t' -v OFS='\t' 'NR > 1 { $2 = "Left" } { print }' dmr.tsv >one.tsv
	run --separate-stderr sp-topics --meta one.tsv --covariates Party in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: --covariates Party: every document has the same value"
	# Numbers whose sum overflows made every feature NaN, lambda 0.
	awk -F '\t' -v OFS='\t' 'NR > 1 { $3 = "1.7e308" } { print }' dmr.tsv >huge.tsv
	run --separate-stderr sp-topics --meta huge.tsv --covariates Year in
	[ "$status" -eq 2 ] && [ -z "$output" ]
	expect_eq "$stderr" "sp-topics: --covariates Year: numbers too large to standardise"
	run --separate-stderr sp-topics --meta dmr.tsv --covariates Party --by Party in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: --covariates cannot be used with --by Party, a column of dmr.tsv: a document's covariates come from its id"
	run --separate-stderr sp-topics --meta dmr.tsv --covariates doc in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: --covariates: doc is not a column of dmr.tsv (col:doc names one)"
}

@test "--save keeps lambda and the encoding; --infer with --meta gives each document its prior" {
	dmr_collection
	run_ok sp-topics -k 2 -n 60 --meta dmr.tsv --covariates Party,Year \
	    --save model --effects eff in
	expect_eq "$(sed -n '8,15p' model | cut -f1-4 |
	    sed 's/^\(lambda	[0-9]*\)	.*/\1/')" "covariates	2
covariate	Party	categorical	2
level	Left
level	Right
covariate	Year	numeric	2004.5
lambda	0
lambda	1
lambda	2"
	# Documents of words the model does not know keep their prior mean:
	# at the mean year, the effects of their party.
	printf 'id\tParty\tYear\nn1\tLeft\t2004.5\nn2\tRight\t2004.5\n' >new.tsv
	printf 'n1\t1\t1\tpear\nn2\t1\t1\tpear\n' >new
	run_ok sp-topics --infer model --meta new.tsv new
	expect_eq "$output" "$(awk -F '\t' -v OFS='\t' '$1 == "Party" {
	    print $2 == "Left" ? "n1" : "n2", $3, $4 }' eff)"
	# A level or number the model does not know: the reference, the mean.
	printf 'id\tParty\tYear\nn1\tGreen\t2004.5\nn2\tLeft\tsoon\n' >odd.tsv
	run --separate-stderr sp-topics --infer model --meta odd.tsv new
	[ "$status" -eq 0 ]
	expect_eq "$stderr" "sp-topics: model: 1 document has a value of Party that the model does not know, taken as the reference level
sp-topics: model: 1 document has a value of Year that the model does not know, taken as the mean"
	# Both are then a Left document at the mean year.
	left=$(awk -F '\t' '$1 == "Party" && $2 == "Left" {
	    printf "%s\t%s\n", $3, $4 }' eff | paste -sd ' ' -)
	expect_eq "$(cut -f2,3 <<<"$output" | paste -sd ' ' -)" "$left $left"
	# Without the table there is no prior to give.
	run --separate-stderr sp-topics --infer model new
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: model: the model has covariates: give --meta with the documents' table"
}

@test "--infer with a DMR model: a number far from the mean or a huge lambda still gives every document its topics" {
	dmr_collection
	run_ok sp-topics -k 2 -n 30 --meta dmr.tsv --covariates Party,Year \
	    --save model in
	printf 'n1\t1\t1\tapple1\nn2\t1\t1\tpear\nn3\t1\t1\tzebra2\n' >new
	# exp(x . lambda) was inf or 0 here: the document's rows were lost.
	printf 'id\tParty\tYear\nn1\tLeft\t1e300\nn2\tRight\t-1e300\nn3\tLeft\t2004\n' >far.tsv
	awk -F '\t' -v OFS='\t' '$1 == "lambda" && $2 == 0 { $3 = "800 -800" }
	    { print }' model >huge
	for m in model huge; do
		run_ok sp-topics --infer $m --meta far.tsv new
		awk -F '\t' '$3 + 0 < 0 || $3 + 0 > 1 || $3 !~ /^[0-9.]+$/ { exit 1 }
		    { n[$1]++; s[$1] += $3 }
		    END { for (d in n) if (n[d] != 2 || s[d] < 0.99999 ||
			s[d] > 1.00001) exit 1; exit length(n) != 3 }' <<<"$output" ||
		    { echo "$m: $output"; return 1; }
	done
}

@test "--evaluate with a DMR model is --evaluate with each document's alpha" {
	dmr_collection
	run_ok sp-topics -k 2 -n 60 --meta dmr.tsv --covariates Party \
	    --save model in
	printf 'id\tParty\nh1\tRight\n' >new.tsv
	awk '$1 == "d2" { $1 = "h1"; print }' OFS='\t' in | head -20 >held
	run_ok sp-topics --evaluate model --meta new.tsv held
	printf '%s\n' "$output" >dmr.out
	# The same model without its DMR section, its alpha that of Right.
	awk -F '\t' -v OFS='\t' 'NR == FNR { if ($1 == "lambda") { split($3, l, " ")
		for (t = 0; t < 2; t++) a[$2, t] = l[t + 1] } next }
	    /^(covariate|level|lambda)/ { next }
	    $1 == "alpha" { printf "alpha\t%d\t%.17g\n", $2, exp(a[0, $2] + a[1, $2]); next }
	    { print }' model model >plain
	run_ok sp-topics --evaluate plain held
	awk -F '\t' 'NR == FNR { want = $3; next }
	    { d = $3 - want; if (d > 2e-6 || d < -2e-6) { print want, $3; exit 1 } }' \
	    dmr.out - <<<"$output"
}

@test "a model's DMR section is checked as it is read" {
	dmr_collection
	run_ok sp-topics -k 2 -n 10 --meta dmr.tsv --covariates Party \
	    --save model in
	sed '/^lambda\t1/d' model >bad
	run --separate-stderr sp-topics --infer bad --meta dmr.tsv in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: bad:13: expected 'lambda', feature 1 and 2 numbers"
	sed 's/^covariate\tParty\tcategorical/covariate\tParty\tordinal/' model >bad
	run --separate-stderr sp-topics --infer bad --meta dmr.tsv in
	[ "$status" -eq 2 ]
	expect_eq "$stderr" "sp-topics: bad:9: expected 'numeric' or 'categorical'"
}
