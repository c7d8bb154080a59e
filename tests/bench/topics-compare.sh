#!/bin/sh
# topics-compare.sh: sp-topics against gensim's LDA (Debian python3-gensim)
# on the same documents, K and corpus, for speed and topic quality.
#
# The documents are the paragraphs (--by para: DOC TAB PARA) of the bench
# corpus build/bench/corpus-SIZE.txt (tests/bench/make-corpus.sh) through
#   sp-split | sp-tokens --stop --no-numbers --min-len 2
# made once and not timed.  On it, one thread each (BLAS threads set to 1):
#   sp-topics -k K -n ITER --seed 1 --by para, with MALLET-style alpha/beta
#     optimisation (the default) and with it off (--optimize-interval 0);
#   gensim LdaModel (online variational Bayes) with K topics, PASSES passes
#     over the corpus for each number in GENSIM_PASSES, symmetric alpha,
#     chunksize 2000, iterations GENSIM_ITERATIONS, random_state 1; then
#     LdaModel with alpha=auto (learnt asymmetric alpha) and LdaMulticore
#     (workers=1) at GENSIM_VARIANT_PASSES passes.
# Each is timed with /usr/bin/time (wall, user+sys CPU, peak memory of the
# process); the training time alone comes from sp-topics -v (sampling) and
# from gensim_lda.py (LdaModel's constructor), and tokens/s is corpus tokens
# x iterations (sp-topics: token assignments sampled) or x passes (gensim:
# tokens processed) / training wall time.
#
# Topic quality: tests/bench/npmi.awk, the same code for every model: the
# mean NPMI of each topic's top 10 words, co-occurrence counted boolean by
# document (paragraph) in the same token stream, -1 for a pair that never
# co-occurs.  Higher is more coherent (-1 to 1).
#
# usage: tests/bench/topics-compare.sh [OUTDIR]
#   OUTDIR (default $BENCH_DIR/topics-compare) gets the token stream, each
#   model's topic keys (*.keys), npmi.tsv and the table (table.txt).
# environment: BENCH_DIR (build/bench), COMPARE_SIZE (10), K (20),
#   TOPICS_ITER (200), GENSIM_PASSES ("1 10"), GENSIM_VARIANT_PASSES (10),
#   GENSIM_ITERATIONS (50),
#   GENSIM_PYTHON (/usr/bin/python3, Debian's, which has python3-gensim).
# Without gensim it says so in one line and exits 0.  About 5 minutes on
# this machine with the defaults (10 MB, ~0.9 M tokens; one gensim pass
# takes about 5 s, one with LdaMulticore about 15 s).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/bench
bin=$top/bin
dir=${BENCH_DIR:-$top/build/bench}
out=${1:-$dir/topics-compare}
size=${COMPARE_SIZE:-10}
k=${K:-20}
iter=${TOPICS_ITER:-200}
passes=${GENSIM_PASSES:-1 10}
giter=${GENSIM_ITERATIONS:-50}
py=${GENSIM_PYTHON:-/usr/bin/python3}
vpasses=${GENSIM_VARIANT_PASSES:-10}
LC_ALL=C
export LC_ALL
cores=$(nproc 2>/dev/null || echo '?')	# before OMP_NUM_THREADS, which nproc obeys
# One thread for numpy's BLAS too, as for sp-topics (--threads 1).
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
export OMP_NUM_THREADS OPENBLAS_NUM_THREADS MKL_NUM_THREADS

if ! "$py" -c 'import gensim' >/dev/null 2>&1; then
	echo "topics-compare: skipped: gensim is not installed" \
	    "(apt-get install python3-gensim)"
	exit 0
fi
for p in sp-split sp-tokens sp-topics; do
	if [ ! -x "$bin/$p" ]; then
		echo "topics-compare: skipped: bin/$p is not built"
		exit 0
	fi
done
if [ ! -x /usr/bin/time ]; then
	echo "topics-compare: skipped: needs GNU time (/usr/bin/time)"
	exit 0
fi
text=$dir/corpus-$size.txt
[ -f "$text" ] || sh "$here/make-corpus.sh" "$dir"
mkdir -p "$out"
tok=$out/tokens-$size.tsv
"$bin/sp-split" "$text" |
    "$bin/sp-tokens" --stop --no-numbers --min-len 2 >"$tok"
ntok=$(wc -l <"$tok" | tr -d ' ')
runs=$out/runs.tsv
: >"$runs"

# record NAME ITERS TRAIN_SECONDS: add a row to runs.tsv from NAME.time
# (wall user sys peak-kB, from /usr/bin/time).
record() {
	read -r wall user sys kb <"$out/$1.time"
	echo "$1	$2	$wall	$user	$sys	$kb	$3" >>"$runs"
}

# sp-topics: optimised hyperparameters (default) and fixed ones.
for mode in opt fixed; do
	name=sp-topics
	extra=
	if [ "$mode" = fixed ]; then
		name=sp-topics-fixed
		extra="--optimize-interval 0"
	fi
	echo "topics-compare: $name -k $k -n $iter" >&2
	# shellcheck disable=SC2086
	/usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" \
	    "$bin/sp-topics" -v -k "$k" -n "$iter" --seed 1 --by para \
	    --top 10 --progress-interval "$iter" $extra "$tok" \
	    >"$out/$name.keys" 2>"$out/$name.err"
	# "...; 200 iterations in 23.1 s, 7.9 million tokens/s"
	train=$(sed -n 's/.* iterations in \([0-9.]*\) s,.*/\1/p' \
	    "$out/$name.err")
	record "$name" "$iter" "${train:-0}"
done

# gensim_lda NAME PASSES OPTIONS...: one gensim run.
gensim_lda() {
	name=$1 p=$2
	shift 2
	echo "topics-compare: $name: gensim passes=$p $*" >&2
	/usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" \
	    "$py" "$here/gensim_lda.py" --by 2 -k "$k" --passes "$p" \
	    --iterations "$giter" --seed 1 --top 10 "$@" "$tok" \
	    >"$out/$name.keys" 2>"$out/$name.err"
	train=$(sed -n 's/.* train_wall=\([0-9.]*\).*/\1/p' "$out/$name.err")
	record "$name" "$p" "${train:-0}"
}
for p in $passes; do
	gensim_lda "gensim-p$p" "$p"
done
gensim_lda "gensim-auto-p$vpasses" "$vpasses" --alpha auto
gensim_lda "gensim-multicore-p$vpasses" "$vpasses" --multicore

# The neutral evaluator, one pass over the corpus for every model.
keys=$(awk -F '\t' '{ printf "%s/%s.keys ", o, $1 }' o="$out" "$runs")
# shellcheck disable=SC2086
awk -v by=2 -v top=10 -f "$here/npmi.awk" $keys "$tok" >"$out/npmi.tsv"

{
	echo "sp-topics vs gensim LDA: corpus-$size.txt, $ntok tokens," \
	    "$(awk -F '\t' '$1 == "corpus" { print $2 }' "$out/npmi.tsv")" \
	    "paragraphs, K=$k, 1 thread;" \
	    "$cores cores," \
	    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null |
	    head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "iters: sp-topics Gibbs sweeps, gensim passes" \
	    "(iterations=$giter, chunksize 2000); train: sampling/fitting" \
	    "alone; tokens/s = tokens x iters / train;" \
	    "NPMI: top 10 words, paragraph co-occurrence"
	awk -F '\t' -v ntok="$ntok" -v k="$k" '
	FILENAME == ARGV[1] {
		if ($1 == "model") { m[$2] = $4; lo[$2] = $5; hi[$2] = $6 }
		next
	}
	FNR == 1 {
		printf "%-24s %3s %5s %8s %8s %8s %8s %10s %7s %7s %7s\n",
		    "model", "K", "iters", "wall s", "CPU s", "train s",
		    "peak MB", "tokens/s", "NPMI", "min", "max"
	}
	{
		tps = $7 > 0 ? ntok * $2 / $7 : 0
		printf "%-24s %3d %5d %8.2f %8.2f %8.2f %8.1f %10.3g %7.4f %7.4f %7.4f\n",
		    $1, k, $2, $3, $4 + $5, $7, $6 / 1024, tps, m[$1], lo[$1],
		    hi[$1]
	}' "$out/npmi.tsv" "$runs"
} | tee "$out/table.txt"
echo "topics-compare: topics and per-topic NPMI in $out/npmi.tsv"
