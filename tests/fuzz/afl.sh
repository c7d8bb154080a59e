#!/bin/sh
# Fuzz each program through its standard input with AFL++ (Debian's afl++:
# afl-cc, afl-fuzz), under its main option sets, as a user or a corpus
# would drive it.  The libFuzzer harnesses of tests/fuzz/run.sh reach the
# parsers in lib/; this reaches what only the commands do (n-grams, the
# tables' totals, the model file as sp-topics reads it, the writers).
#
# The programs are built with afl-cc, ASan and UBSan into build/afl/bin/.
# The seeds come from tests/fuzz/seeds/ (their mode byte dropped) and the
# first 3 kB of each text of corpus/, as text, as segment and token
# records (made by the programs themselves) and as count tables.  Each
# program and option set is fuzzed for AFL_SECONDS, one at a time, into
# build/afl/out/PROGRAM-SET/; then each one's executions, crashes and
# hangs are listed, and every crash or hang is copied to
# build/afl/crashes/PROGRAM-SET-crash-N (or -hang-N), its command in
# PROGRAM-SET.cmd beside it, to be replayed with
#     build/afl/bin/PROGRAM OPTIONS < build/afl/crashes/PROGRAM-SET-crash-N
# The exit status is 1 if anything crashed or hung.  A huge allocation
# (over 2 GB) counts as a crash.
#
# usage: tests/fuzz/afl.sh [-l] [PROGRAM | PROGRAM:SET ...]
#   -l      list the programs and option sets, and exit
#   with no operand, every set of every program (45 sets: the whole run
#   takes 45 x AFL_SECONDS)
# environment: AFL_SECONDS (600), AFL_TIMEOUT (2000, ms per run),
#   AFL_FUZZ (afl-fuzz), AFL_CC (afl-cc)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
LC_ALL=C
export LC_ALL

secs=${AFL_SECONDS:-600}
timeout=${AFL_TIMEOUT:-2000}
fuzz=${AFL_FUZZ:-afl-fuzz}
cc=${AFL_CC:-afl-cc}
out=build/afl
here=tests/fuzz
# afl-fuzz warns of AFL_ variables it does not know.
unset AFL_SECONDS AFL_TIMEOUT AFL_FUZZ AFL_CC
model=$top/$out/model.txt
dmr=$top/$out/dmr.txt
# Fixed files of the options that read one: a metadata table whose ids
# are the seeds' document ids, a weighted dictionary with negation, a LIWC
# .dic and Wordscores reference scores.
meta=$top/$here/afl/meta.tsv
dic=$top/$here/afl/dict.tsv
liwc=$top/$here/afl/liwc.dic
refs=$top/$here/afl/refs.tsv

# The option sets: PROGRAM SET SEEDS DICTIONARY OPTIONS...  SEEDS is text,
# segments, tokens, counts, records (ID TAB text), transcript (speaker
# turns), gaps (token records with gap records), docs (token records of
# several documents of the metadata table) or doccounts (their count
# table); DICTIONARY a tests/fuzz/*.dict or -.
sets() {
	cat <<EOF
sp-split default text sentence.dict
sp-split lines text sentence.dict --lines
sp-split paragraphs text sentence.dict --paragraphs
sp-tokens default segments token.dict
sp-tokens stop-ngrams segments token.dict --stop --ngrams 2
sp-tokens filters segments token.dict --no-numbers --min-len 2 --stem
sp-tokens punct-ngrams segments token.dict --punct --keep-case --ngrams 1-3
sp-count default tokens -
sp-count by-measures tokens - --by doc --rel --df --tfidf
sp-count pairs tokens - --pairs
sp-count colloc tokens - --colloc
sp-count merge counts count.dict --merge
sp-count merge-by counts count.dict --merge --by 1 --rel
sp-count merge-keyness counts count.dict --merge --keyness javid-2018-06-04 --negative
sp-grep fixed segments - -F the
sp-grep word segments - terror*
sp-grep regex segments - -E th[a-z]+e
sp-grep kwic segments - --kwic=20 -i security
sp-grep count segments - -c --by 1 the
sp-grep invert-list segments - -v -l a
sp-topics train tokens - -k 3 -n 3 --top 5 --diagnostics /dev/null --doc-topics /dev/null
sp-topics infer tokens - --infer $model -n 5
sp-split records records sentence.dict --records
sp-split turns transcript sentence.dict --turns auto
sp-split turns-ere transcript - --turns ^[A-Z][A-Za-z.]*:
sp-tokens gaps segments token.dict --stop --no-numbers --min-len 3 --pad --ngrams 1-2
sp-count gaps-colloc gaps - --colloc -w 3
sp-count meta-by docs - --meta $meta --by party --rel --df --tfidf
sp-count keyness-all docs - --keyness-all --measure chi2-yates -n 5
sp-count logodds docs - --meta $meta --id-column id --by date:year --keyness-all --measure logodds
sp-count tidylo doccounts count.dict --merge --keyness-all --measure logodds-tidylo
sp-count dispersion docs - --dispersion --by doc
sp-count text-stats tokens - --readability --lexdiv --by sent --window 5 --segment 4
sp-count collocates gaps - --collocates the* --span L3,R2 --min 1
sp-grep dict segments - --dict $dic -c --rate --meta $meta --by party
sp-grep liwc segments - --dict $liwc -o --nested=category
sp-topics meta-by docs - --meta $meta --by party -k 3 -n 3
sp-topics sparse tokens - -k 70 -n 4 --threads 2 --top 5
sp-topics sparse-dmr docs - --meta $meta --covariates party,date -k 70 -n 8 --burn-in 2 --optimize-interval 2 --threads 2 --effects /dev/null
sp-topics dmr docs - --meta $meta --covariates party,date,age -k 3 -n 12 --burn-in 4 --optimize-interval 4 --lambda /dev/null --effects /dev/null
sp-topics dmr-infer docs - --infer $dmr --meta $meta -n 5
sp-scale wordfish doccounts count.dict --wordfish --max-iter 50
sp-scale ca doccounts count.dict --ca 2
sp-scale wordscores doccounts count.dict --wordscores $refs
sp-scale tokens-meta docs - --tokens --meta $meta --by party --wordfish --max-iter 50
EOF
}

if [ "${1:-}" = -l ]; then
	sets | awk '{ printf "%s:%s\t", $1, $2; for (i = 5; i <= NF; i++) printf " %s", $i; print "" }'
	exit 0
fi
for tool in "$fuzz" "$cc"; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "afl: $tool is not installed (Debian: apt-get install afl++)" >&2
		exit 2
	fi
done

# 1. The programs, instrumented, with ASan and UBSan.
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
AFL_QUIET=1 make -s O="$out" CC="$cc" \
    CFLAGS="-std=c11 -O1 -g -fno-omit-frame-pointer $san" \
    LDFLAGS="$san" "$out/bin/sp-split" "$out/bin/sp-tokens" \
    "$out/bin/sp-count" "$out/bin/sp-grep" "$out/bin/sp-topics" \
    "$out/bin/sp-scale"
bin=$top/$out/bin
export ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0:max_allocation_size_mb=2048
export UBSAN_OPTIONS=abort_on_error=1:halt_on_error=1:print_stacktrace=1

# 2. The seeds, each kind in its own folder, no two the same.
seeds=$out/seeds
rm -rf "$seeds"
for kind in text segments tokens counts records transcript gaps docs \
    doccounts; do
	mkdir -p "$seeds/$kind"
done
for f in "$here"/seeds/reader/*-000; do
	tail -c +2 "$f" >"$seeds/text/$(basename "$f" -000)"
done
for f in corpus/*.txt; do
	head -c 3000 "$f" >"$seeds/text/corpus-$(basename "$f" .txt)"
done
for f in "$seeds"/text/*; do
	name=$(basename "$f")
	"$bin/sp-split" --id "$name" <"$f" >"$seeds/segments/$name" 2>/dev/null ||
	    true
	"$bin/sp-tokens" <"$seeds/segments/$name" >"$seeds/tokens/$name" \
	    2>/dev/null || true
done
printf 'a\tb\n\tc\nplain line\n\n1\t2\t3\t4\t5\tfive\n' >"$seeds/tokens/fields"
cp "$here"/seeds/count/* "$seeds/counts/"
for f in "$seeds"/tokens/corpus-*; do
	"$bin/sp-count" --by doc "$f" >"$seeds/counts/$(basename "$f")"
done
cat "$seeds"/tokens/corpus-* | "$bin/sp-topics" -k 3 -n 10 --save "$model" \
    >/dev/null
# Records ID TAB text: the sitting's first speeches, and each text's lines
# under its name.
head -c 3000 corpus/parlamint/*.txt >"$seeds/records/parlamint"
for f in "$seeds"/text/*; do
	name=$(basename "$f")
	awk -v id="$name" '{ print id "\t" $0 }' "$f" >"$seeds/records/$name"
done
printf 'a\tb\tc\n\tno id\nno tab\n\nb\t\n' >"$seeds/records/fields"
# Transcripts: the sitting's speeches under their speakers' names.
awk -F '\t' 'NR <= 6 { print "Mr Speaker: " substr($2, 1, 300) }' \
    corpus/parlamint/*.txt >"$seeds/transcript/speaker"
printf 'THE PRIME MINISTER: We will.\n\nMr. Smith (Leeds): No.\nHe said so.\nQ: Why?\nA: Because.\n' \
    >"$seeds/transcript/labels"
# Token records with gaps, of several documents, and their count table.
for f in "$seeds"/segments/corpus-*; do
	"$bin/sp-tokens" --stop --no-numbers --min-len 3 <"$f" |
	    head -n 80 >"$seeds/gaps/$(basename "$f")"
	"$bin/sp-tokens" <"$f" | head -n 60
done >"$seeds/docs/corpus"
"$bin/sp-tokens" --stop --pad <"$seeds/segments/corpus-khan-2016-03-20" |
    head -n 100 >"$seeds/gaps/pad"
head -n 200 "$seeds/docs/corpus" | sed 's/^corpus-dick/a/; s/^corpus-khan/-/' \
    >"$seeds/docs/short-ids"
for f in "$seeds"/docs/*; do
	"$bin/sp-count" --by doc "$f" >"$seeds/doccounts/$(basename "$f")"
done
"$bin/sp-topics" -k 3 -n 12 --burn-in 4 --optimize-interval 4 \
    --meta "$meta" --covariates party,date,age --save "$dmr" \
    "$seeds/docs/corpus" >/dev/null
for d in "$seeds"/*; do
	find "$d" -type f -size 0 -exec rm -f {} +
	# Keep one file of each content.
	for f in "$d"/*; do
		sum=$(cksum <"$f" | tr ' ' _)
		case " ${seen:-} " in
		*" $sum "*) rm -f "$f" ;;
		*) seen="${seen:-} $sum" ;;
		esac
	done
	seen=
done

# 3. Fuzz, one set at a time: the machine may be shared.
wanted() {
	[ $# -eq 0 ] && return 0
	for w in "$@"; do
		case $w in
		"$prog" | "$prog:$set") return 0 ;;
		esac
	done
	return 1
}

operands=$*
mkdir -p "$out/out" "$out/crashes"
export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
failed=0
ran=0
sets >"$out/sets.txt"
while read -r prog set kind dict opts; do
	# shellcheck disable=SC2086
	wanted $operands || continue
	ran=$((ran + 1))
	name=$prog-$set
	dir=$out/out/$name
	rm -rf "$dir"
	set -- -i "$seeds/$kind" -o "$dir" -V "$secs" -t "$timeout" -m none
	if [ "$dict" != - ]; then
		set -- "$@" -x "$here/$dict"
	fi
	echo "afl: $name: $prog $opts, $secs s"
	# The options hold patterns such as terror*: no file name expansion.
	set -f
	# shellcheck disable=SC2086
	"$fuzz" "$@" -- "$bin/$prog" $opts >"$out/$name.log" 2>&1 </dev/null ||
	    echo "afl: $name: afl-fuzz failed, see $out/$name.log"
	set +f
	stats=$dir/default/fuzzer_stats
	execs=$(sed -n 's/^execs_done *: *//p' "$stats" 2>/dev/null || true)
	crashes=0
	hangs=0
	for kindof in crash hang; do
		src=$dir/default/crashes
		[ "$kindof" = hang ] && src=$dir/default/hangs
		n=0
		for f in "$src"/id:*; do
			[ -e "$f" ] || continue
			n=$((n + 1))
			cp "$f" "$out/crashes/$name-$kindof-$n"
		done
		if [ "$kindof" = crash ]; then crashes=$n; else hangs=$n; fi
	done
	echo "afl: $name: ${execs:-?} executions, $crashes crash(es)," \
	    "$hangs hang(s)"
	if [ $((crashes + hangs)) -gt 0 ]; then
		echo "$bin/$prog $opts" >"$out/crashes/$name.cmd"
		ls "$out/crashes/$name"-* | sed 's/^/    /'
		failed=1
	fi
done <"$out/sets.txt"
if [ "$ran" -eq 0 ]; then
	echo "afl: no such program or set: $operands; try -l" >&2
	exit 2
fi
exit "$failed"
