#!/usr/bin/env bats
# Every fast path gives what its simple reference gives (lib/reference.h).
# Each program is run with each of its option sets on generated inputs
# (tests/tools/gen.c: many seeds, each file its own operand) and on
# the bundled corpus, once as built and once with SP_REFERENCE=1; standard
# output, standard error and the exit status must be the same bytes.  When
# they are not, the run is repeated file by file to name the seed.
#
# SP_REFERENCE_SEEDS (default 30) is how many seeds, SP_REFERENCE_FIRST
# (default 1) the first: SP_REFERENCE_SEEDS=2000 for a long run.

# bats file_tags=portable

load helper

setup_file() {
	GEN=$BATS_FILE_TMPDIR/gen
	export GEN
	${CC:-cc} -std=c11 -O2 -o "$GEN" "$SP_ROOT/tests/tools/gen.c"
}

seeds() {
	local first=${SP_REFERENCE_FIRST:-1}

	seq "$first" $((first + ${SP_REFERENCE_SEEDS:-30} - 1))
}

# The size of a seed's files: one seed in five gets files larger than the
# reader's chunks of 256 KB.
size_for() {
	if [ $(($1 % 5)) -eq 0 ]; then
		echo $((300000 + $1 % 7 * 10000))
	else
		echo $((2000 + $1 * 7919 % 20000))
	fi
}

# make_inputs KIND: a file KIND-SEED for every seed; their names in $files.
make_inputs() {
	local seed

	files=
	for seed in $(seeds); do
		"$GEN" "$1" "$seed" "$(size_for "$seed")" >"$1-$seed"
		files="$files $1-$seed"
	done
}

# derived NAME: the names of the files NAME-SEED made from the inputs.
derived() {
	local seed

	for seed in $(seeds); do
		printf '%s-%s ' "$1" "$seed"
	done
}

# compare ARGS...: run ARGS as built and with SP_REFERENCE=1, standard
# input from $input (default /dev/null); 1 with the difference shown if
# the output, the messages or the status differ.
compare() {
	local fast ref

	"$@" <"${input:-/dev/null}" >fast.out 2>fast.err && fast=0 || fast=$?
	SP_REFERENCE=1 "$@" <"${input:-/dev/null}" >ref.out 2>ref.err &&
	    ref=0 || ref=$?
	if [ "$fast" = "$ref" ] && cmp -s fast.out ref.out &&
	    cmp -s fast.err ref.err; then
		return 0
	fi
	if [ $# -gt 8 ]; then
		set -- "${@:1:8}" "... ($(($# - 1)) operands)"
	fi
	echo "differs from its reference: $*${input:+ < $input}"
	echo "status $fast, reference $ref"
	diff fast.out ref.out | head -n 6
	diff fast.err ref.err | head -n 6
	return 1
}

# same PROGRAM OPTIONS... -- FILES...: compare the program on all the files
# at once; if that differs, on each file alone, to name the ones to blame.
same() {
	local args=() f

	while [ "$1" != -- ]; do
		args+=("$1")
		shift
	done
	shift
	compare "${args[@]}" "$@" >diff.txt && return 0
	cat diff.txt
	for f in "$@"; do
		compare "${args[@]}" "$f" >/dev/null ||
			echo "  alone: ${args[*]} $f (seed ${f##*-}," \
			    "$(size_for "${f##*-}") bytes)"
	done
	failures=$((failures + 1))
}

@test "the comparison itself notices a difference" {
	run compare sh -c 'echo ${SP_REFERENCE:-fast}'
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "differs from its reference: sh -c echo \${SP_REFERENCE:-fast}" ]
	run compare sh -c 'exit ${SP_REFERENCE:-0}'
	[ "$status" -eq 1 ]
	[ "${lines[1]}" = "status 0, reference 1" ]
	run compare sh -c 'echo same'
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "the generator writes the same bytes for a seed, and other bytes for another" {
	for kind in text records tokens line abbrevs; do
		"$GEN" "$kind" 7 5000 >one
		"$GEN" "$kind" 7 5000 >two
		cmp one two
	done
	"$GEN" text 8 5000 >three
	"$GEN" text 7 5000 >one
	! cmp -s one three
	[ "$(wc -c <one)" -ge 5000 ]
}

@test "sp-split: every option set as its reference, on generated documents" {
	failures=0
	make_inputs text
	"$GEN" abbrevs 1 0 >ab1
	for seed in $(seeds); do
		"$GEN" abbrevs "$seed" 0 >>ab2
	done
	for opts in "" --lines --paragraphs "--lines --paragraphs" "-a ab1" \
	    "-a ab2 --paragraphs" "--turns auto" "--turns auto --paragraphs" \
	    "--turns [A-Z][a-z]+ --lines"; do
		same sp-split $opts -- $files
	done
	input=text-1 same sp-split --id doc -- -
	make_inputs records
	for opts in --records "--records --paragraphs" "--records -a ab2"; do
		same sp-split $opts -- $files
	done
	input=records-1 same sp-split --records -- -
	[ "$failures" -eq 0 ]
}

@test "sp-tokens: every option set as its reference, on generated records and sentences" {
	failures=0
	printf 'the\nThreat\n\n# not a word\nzoë\n' >stop
	make_inputs text
	for f in $files; do
		sp-split "$f" >"seg-${f#text-}" 2>/dev/null || true
	done
	segs=$(derived seg)
	make_inputs records
	for opts in "" --keep-case --punct "--punct --keep-case" \
	    "--no-numbers --min-len 2" --stop "--stop=stop --keep-case" \
	    --stem "--stem --keep-case --min-len 3" "--ngrams 2" \
	    "--ngrams 1-3 --stop" "--punct --no-numbers --ngrams 2-3" \
	    "--stop --no-numbers --pad" "--min-len 3 --ngrams 1-2 --pad"; do
		same sp-tokens $opts -- $files
		same sp-tokens $opts -- $segs
	done
	input=records-1 same sp-tokens -- -
	[ "$failures" -eq 0 ]
}

@test "sp-count: every option set as its reference, on generated token records" {
	failures=0
	make_inputs text
	for f in $files; do
		sp-split "$f" 2>/dev/null | sp-tokens >"tok-${f#text-}" ||
			true
		# Token records with gap records (empty tokens).
		sp-split "$f" 2>/dev/null | sp-tokens --stop --min-len 3 \
		    --pad >"gtok-${f#text-}" || true
	done
	toks=$(derived tok)
	gtoks=$(derived gtok)
	make_inputs tokens
	for f in $files; do
		sp-count --by doc "$f" >"cnt-${f#tokens-}" 2>/dev/null || true
		sp-count --pairs "$f" >"pairs-${f#tokens-}" 2>/dev/null || true
		sp-count --readability --by sent "$f" >"rd-${f#tokens-}" \
		    2>/dev/null || true
	done
	cnts=$(derived cnt)
	rds=$(derived rd)
	pairs=$(derived pairs)
	# A metadata table for some of the generated document ids.
	printf 'id\tparty\tdate\nb\tLab\t2019-01-02\nx y\tCon\t2018-05-06\n%s\n%s\n' \
	    'été	Lab	2020-02-02' 'khan-2016-03-20	NA	2016-03-20' >meta.tsv
	for opts in "--meta meta.tsv --by party" \
	    "--meta meta.tsv --by date:year --rel --df" \
	    "--meta meta.tsv --by party --keyness Lab --negative" \
	    "--meta meta.tsv --by party --keyness-all"; do
		same sp-count $opts -- $files
		same sp-count $opts -- $toks
		same sp-count --merge $opts -- $cnts
	done
	same sp-count --readability --lexdiv --meta meta.tsv --by party -- $toks
	same sp-count --merge --readability --meta meta.tsv --by date:year \
	    -- $rds
	for opts in "" "-n 5" "--min 2" "--min 3 -n 20" --rel "--by doc" \
	    "--by sent --rel" "-b 2 --df --tfidf -s tfidf" \
	    "--keyness javid-2018-06-04 --negative" "--keyness a -s lr" \
	    "--colloc --min 2" "--pairs -w 2" "--colloc -s pmi -n 10" \
	    --keyness-all "--keyness-all --negative -n 3" \
	    "--keyness-all -s lr --min 2 --by para" \
	    "--keyness-all --measure g2-williams -n 4" \
	    "--keyness a --measure pctdiff --negative" \
	    "--dispersion --by doc" "--dispersion --by sent -n 7 --min 2" \
	    "--keyness-all --measure logodds -n 3" \
	    "--keyness a --measure logodds --alpha0 100 --negative" \
	    "--keyness-all --measure logodds-tidylo --negative --min 2" \
	    "--readability --by doc" "--readability --lexdiv" \
	    "--lexdiv --by sent -w 5 --segment 7 --mtld-threshold 0.6" \
	    "--collocates the --span L2,R3" "--collocates a -s mi -n 5 --min 2"; do
		same sp-count $opts -- $files
		same sp-count $opts -- $toks
		same sp-count $opts -- $gtoks
	done
	for opts in --merge "--merge --by doc" "--merge -n 3 --min 2" \
	    "--from-counts --keyness a" "--from-counts --keyness-all -n 5" \
	    "--from-counts --dispersion"; do
		same sp-count $opts -- $cnts
	done
	same sp-count --merge --colloc -- $pairs
	same sp-count --merge --readability --by doc -- $rds
	input=tokens-1 same sp-count -- -
	[ "$failures" -eq 0 ]
}

@test "sp-grep: every kind of pattern and output as its reference, on generated records and sentences" {
	failures=0
	make_inputs text
	for f in $files; do
		sp-split "$f" >"seg-${f#text-}" 2>/dev/null || true
	done
	segs=$(derived seg)
	make_inputs records
	printf 'threat\tterror*\nthreat\tthreat*\nsafety\t"safe spaces"\nsafety\tpolice\nother\tzoë\nother\t*ism\n' >dict
	printf 'p\tsafe\t1.5\nn\tterror*\t-2\nnp\t"no safe"\t-0.25\nn\tpolice\t0.000001\n' >wdict
	# Ids of gen.c's documents and speakers, some of them left out (NA).
	printf 'id\tParty\tDate\na\tLab\t2019-03-01\nb\tCon\t2020-01-02\nd1\tLab\t2020-06-30\njavid-2018-06-04\tCon\t2018-06-04\nx y\tLD\t2019-12-12\n9\t\t2021-01-01\nSadiq Khan\tLab\t2016-03-20\nKhan\tLab\t2016-03-21\nÉlise\tNA\t2017-01-01\n' >meta.tsv
	while IFS= read -r opts; do
		eval "set -- $opts"
		same sp-grep "$@" -- $files
		same sp-grep "$@" -- $segs
	done <<'EOF'
the
'terror*'
'"no safe"'
'*ism'
'counter-terror*'
zoë
école
"it's"
'"the police"'
'no * spaces'
https://www.gov.uk/contest
-e kelvin -e 'k*' -e security
--case The
-o 'terror*'
-o -e the -e 'the police' -e police
-c 'terror*'
-c --by sent 'the'
-c --by 2 -e safe -e the
-c --meta meta.tsv --by Party 'terror*'
-c --meta meta.tsv --by Date:year -e safe -e the
-l --meta meta.tsv --by Party 'prevent*'
-c -v --meta meta.tsv --by Date:decade the
-F -c --meta meta.tsv --by Party the
-F -l --meta meta.tsv --by col:Party -e safe -e police
-l 'prevent*'
-v the
--kwic=15 'terror*'
--kwic=10 --sort right the
--kwic=10 --sort left -e police -e the
--kwic --sort match --align 'k*'
-q zoë
--dict dict
-c --dict dict
-o --dict dict
-c --dict wdict
-c --rate --dict wdict
-c --rate --nested=category --dict wdict
-o --dict wdict
-c --meta meta.tsv --by Party --rate --dict wdict
-F the
-F -o e
-F -i -o 'école'
-F -i -c Terror
-F -w the
-F -v -e the -e a
-F -l 'safe spaces'
-F -o "'"
-E 'terror(ism|ist)s?'
-E -o '^The'
-E -c '[0-9]+'
-E -i -o 'é[a-z]+'
-E -w the
-E -o 'k.'
-E --kwic=12 '(we|they) (will|must)'
-E -v 'e'
-E -i -l 'POLICE|zoë'
EOF
	input=records-1 same sp-grep -c the -- -
	[ "$failures" -eq 0 ]
}

@test "sp-topics reads its input as the reference reader does" {
	failures=0
	make_inputs records
	same sp-topics -k 3 -n 5 --seed 2 --doc-topics dt -- $files
	# Some ids in a table, three parties; the others are NA.
	cut -f1 $files | grep -E '^[A-Za-z0-9_.-]+$' | LC_ALL=C sort -u |
	    awk 'BEGIN { print "id\tParty" } NR % 4 { print $0 "\t" NR % 3 }' \
	    >meta.tsv
	same sp-topics -k 3 -n 5 --seed 2 --meta meta.tsv --by Party \
	    --doc-topics dt -- $files
	same sp-topics -k 3 -n 6 --seed 2 --meta meta.tsv --covariates Party \
	    --burn-in 0 --optimize-interval 2 -- $files
	same sp-topics -k 70 -n 4 --seed 2 --meta meta.tsv --covariates Party \
	    --burn-in 0 --optimize-interval 2 --threads 2 -- $files
	sp-topics -k 3 -n 6 --seed 2 --meta meta.tsv --covariates Party \
	    --burn-in 0 --optimize-interval 2 --save dmr.model -- $files \
	    >/dev/null 2>&1 || true
	same sp-topics --infer dmr.model --meta meta.tsv -n 20 -- $files
	same sp-topics --evaluate dmr.model --meta meta.tsv -- $files
	[ "$failures" -eq 0 ]
}

@test "the corpus through every program as the references" {
	failures=0
	same sp-split -- "$CORPUS"/*.txt
	same sp-split --paragraphs -- "$CORPUS"/*.txt
	sp-split "$CORPUS"/*.txt >seg
	same sp-tokens -- seg
	same sp-tokens --punct --keep-case -- seg
	same sp-tokens --stop --stem --ngrams 1-2 -- seg
	sp-tokens seg >tok
	same sp-count -- tok
	same sp-count --by doc --rel -- tok
	same sp-count --colloc --min 3 -- tok
	for p in 'prevent*' '"safe spaces"' the; do
		same sp-grep -c "$p" -- seg
		same sp-grep --kwic=30 "$p" -- seg
	done
	same sp-grep -F -o Prevent -- seg
	same sp-grep -E -i 'terror(ism|ist)' -- seg
	[ "$failures" -eq 0 ]
}

@test "lines of a few megabytes as the references" {
	failures=0
	"$GEN" line 1 3000000 >long.txt
	printf 'k\t1\t1\t' | cat - long.txt >long.tsv
	same sp-split -- long.txt
	same sp-split --lines -- long.txt
	same sp-split --records -- long.tsv
	same sp-tokens -- long.tsv
	same sp-tokens --punct -- long.txt
	sp-tokens long.tsv | cut -f4 >long.tok
	same sp-count -- long.tok
	same sp-count -- long.tsv
	same sp-grep -c 'terror*' -- long.tsv
	same sp-grep -F -c the -- long.txt
	same sp-grep -E -o 'k.' -- long.tsv
	[ "$failures" -eq 0 ]
}
