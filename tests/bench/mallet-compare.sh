#!/bin/sh
# mallet-compare.sh: sp-topics against MALLET's train-topics, side by side,
# on the same documents, K, sweeps and hyperparameter optimisation, for
# speed, memory and topic quality.  make bench runs it when MALLET names a
# built MALLET (MALLET=/path/to/Mallet/bin/mallet make bench); MALLET is not
# part of sp and is never built by it.
#
# The documents are the paragraphs (--by para) of the bench corpus
# build/bench/corpus-SIZE.txt (tests/bench/make-corpus.sh) through
#   sp-split | sp-tokens --stop
# (as run.sh's topic timings), four fifths of them for training (paragraph
# numbers not divisible by 5) and the rest held out; MALLET gets the same
# tokens, one line per paragraph, imported with --keep-sequence
# --token-regex '[^ ]+' --preserve-case, so it sees exactly sp-topics'
# words.  Made once and not timed.
#
# For each K in KS and each thread count in THREADS, RUNS runs of each,
# alternating sp-topics and MALLET, each the whole process timed with
# /usr/bin/time (wall, user+sys CPU, peak memory):
#   sp-topics -k K -n ITER --by para --seed 1 --threads T --top 10
#   mallet train-topics --num-topics K --num-iterations ITER
#       --num-threads T --random-seed 1 --alpha 5 --beta 0.01
#       --optimize-interval 10 --optimize-burn-in B --num-top-words 10
# where B is sp-topics' burn-in (200, or half of ITER if less than 400), so
# both optimise alpha and beta every 10 sweeps from the same sweep.  The
# table gives the medians and MALLET's time over sp-topics' (the speed-up),
# in wall and in CPU time, and the mean NPMI of each model's top 10 words
# (tests/bench/npmi.awk, the same code for both, median over the runs) on
# the training paragraphs and on the held-out ones.
#
# usage: MALLET=/path/to/bin/mallet tests/bench/mallet-compare.sh [OUTDIR]
#   OUTDIR (default $BENCH_DIR/mallet-compare) gets the inputs, every run's
#   topic keys and times, npmi.tsv and the table (table.txt).
# environment: MALLET (required), BENCH_DIR (build/bench),
#   COMPARE_SIZE (10), KS ("20 100"), THREADS ("1 2"), ITER (200),
#   RUNS (3), MALLET_MEMORY (bin/mallet's heap, its default 1g).
# About 25 minutes with the defaults on 2 cores (MALLET at K=100 on one
# thread takes about 45 s a run).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/bench
bin=$top/bin
dir=${BENCH_DIR:-$top/build/bench}
out=${1:-$dir/mallet-compare}
size=${COMPARE_SIZE:-10}
ks=${KS:-20 100}
threads=${THREADS:-1 2}
iter=${ITER:-200}
runs=${RUNS:-3}
LC_ALL=C
export LC_ALL

mallet=${MALLET:-}
if [ -z "$mallet" ] || [ ! -x "$mallet" ]; then
	echo "mallet-compare: skipped: MALLET does not name a built" \
	    "MALLET's bin/mallet"
	exit 0
fi
for p in sp-split sp-tokens sp-topics; do
	if [ ! -x "$bin/$p" ]; then
		echo "mallet-compare: skipped: bin/$p is not built"
		exit 0
	fi
done
if [ ! -x /usr/bin/time ]; then
	echo "mallet-compare: skipped: needs GNU time (/usr/bin/time)"
	exit 0
fi
text=$dir/corpus-$size.txt
[ -f "$text" ] || sh "$here/make-corpus.sh" "$dir"
mkdir -p "$out"
burn=$((iter < 400 ? iter / 2 : 200))

# The inputs: token records, split, and the training half for MALLET.
tok=$out/tokens.tsv
train=$out/train.tsv
held=$out/held.tsv
"$bin/sp-split" "$text" | "$bin/sp-tokens" --stop >"$tok"
awk -F '\t' '$2 % 5 != 0' "$tok" >"$train"
awk -F '\t' '$2 % 5 == 0' "$tok" >"$held"
awk -F '\t' '{
	k = $1 ":" $2
	if (k != last) {
		if (NR > 1)
			printf "\n"
		printf "%s\tx\t", k
		last = k
		sep = ""
	}
	printf "%s%s", sep, $NF
	sep = " "
} END { printf "\n" }' "$train" >"$out/train.txt"
"$mallet" import-file --input "$out/train.txt" --output "$out/train.mallet" \
    --keep-sequence --token-regex '[^ ]+' --preserve-case >/dev/null 2>&1
ntok=$(wc -l <"$train" | tr -d ' ')

runs_tsv=$out/runs.tsv
: >"$runs_tsv"

# timed NAME COMMAND...: run COMMAND, add NAME wall cpu peak-kB to runs.tsv.
timed() {
	name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" "$@" \
	    >"$out/$name.out" 2>"$out/$name.err"
	read -r wall user sys kb <"$out/$name.time"
	echo "$name	$wall	$(echo "$user $sys" | awk '{ print $1 + $2 }')	$kb" \
	    >>"$runs_tsv"
}

for k in $ks; do
	for t in $threads; do
		r=1
		while [ "$r" -le "$runs" ]; do
			echo "mallet-compare: K=$k threads=$t run $r/$runs" >&2
			name=sp-k$k-t$t-r$r
			timed "$name" "$bin/sp-topics" -k "$k" -n "$iter" \
			    --by para --seed 1 --threads "$t" --top 10 "$train"
			cp "$out/$name.out" "$out/$name.keys"
			name=mallet-k$k-t$t-r$r
			timed "$name" "$mallet" train-topics \
			    --input "$out/train.mallet" --num-topics "$k" \
			    --num-iterations "$iter" --num-threads "$t" \
			    --random-seed 1 --alpha 5 --beta 0.01 \
			    --optimize-interval 10 --optimize-burn-in "$burn" \
			    --num-top-words 10 \
			    --output-topic-keys "$out/$name.keys"
			r=$((r + 1))
		done
	done
done

# NPMI of every model's top words, on the training and the held-out
# paragraphs, with one evaluator.
keys=$(awk -F '\t' '{ printf "%s/%s.keys ", o, $1 }' o="$out" "$runs_tsv")
# shellcheck disable=SC2086
awk -v by=2 -v top=10 -f "$here/npmi.awk" $keys "$train" |
    awk -F '\t' '$1 == "model" { print "train\t" $2 "\t" $4 }' \
    >"$out/npmi.tsv"
# shellcheck disable=SC2086
awk -v by=2 -v top=10 -f "$here/npmi.awk" $keys "$held" |
    awk -F '\t' '$1 == "model" { print "held\t" $2 "\t" $4 }' \
    >>"$out/npmi.tsv"

{
	echo "sp-topics vs MALLET train-topics: corpus-$size.txt paragraphs," \
	    "4/5 for training ($ntok tokens), $iter sweeps, alpha and beta" \
	    "optimised every 10 after $burn; $runs runs each, alternating," \
	    "medians; $(nproc 2>/dev/null || echo '?') cores," \
	    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null |
	    head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "speed-up: MALLET's time / sp-topics'; NPMI: mean over topics of" \
	    "the top 10 words, on training and held-out paragraphs"
	awk -F '\t' '
	function median(a, n,    i, j, x) {
		for (i = 2; i <= n; i++) {
			x = a[i]
			for (j = i - 1; j >= 1 && a[j] > x; j--)
				a[j + 1] = a[j]
			a[j + 1] = x
		}
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
	FILENAME == ARGV[1] {
		split($2, p, "-r")
		npmi[$1, p[1], ++nn[$1, p[1]]] = $3
		next
	}
	{
		split($1, p, "-r")
		g = p[1]
		if (!(g in n))
			order[++ng] = g
		i = ++n[g]
		wall[g, i] = $2
		cpu[g, i] = $3
		mb[g, i] = $4 / 1024
	}
	END {
		printf "%4s %2s %9s %9s %7s %9s %9s %7s %7s %8s %13s %13s\n",
		    "K", "T", "sp s", "MALLET s", "speedup", "sp CPU", "MLT CPU",
		    "CPU x", "sp MB", "MLT MB", "NPMI train", "NPMI held"
		for (j = 1; j <= ng; j++) {
			g = order[j]
			if (g !~ /^sp-/)
				continue
			h = g
			sub(/^sp-/, "mallet-", h)
			split(g, kt, "-")
			for (s = 1; s <= 2; s++) {
				x = s == 1 ? g : h
				for (i = 1; i <= n[x]; i++) {
					a[i] = wall[x, i]; b[i] = cpu[x, i]
					c[i] = mb[x, i]
					d[i] = npmi["train", x, i]
					e[i] = npmi["held", x, i]
				}
				w[s] = median(a, n[x]); u[s] = median(b, n[x])
				m[s] = median(c, n[x]); tr[s] = median(d, n[x])
				he[s] = median(e, n[x])
			}
			printf "%4s %2s %9.2f %9.2f %7.2f %9.2f %9.2f %7.2f %7.1f %8.1f %6.4f/%6.4f %6.4f/%6.4f\n",
			    substr(kt[2], 2), substr(kt[3], 2), w[1], w[2],
			    w[2] / w[1], u[1], u[2], u[2] / u[1], m[1], m[2],
			    tr[1], tr[2], he[1], he[2]
		}
	}' "$out/npmi.tsv" "$runs_tsv"
} | tee "$out/table.txt"
