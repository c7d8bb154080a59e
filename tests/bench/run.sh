#!/bin/sh
# make bench: time the sp tools against the standard Unix tools on the
# same input, side by side in one run, at 10 MB and 100 MB of English
# (tests/bench/make-corpus.sh), and print for each command the median wall
# time of several runs, MB/s, the peak memory of its largest process, its
# speed-up over the reference of its group (reference time / time) and the
# median CPU time (user and system) of all its processes; then the issue's
# targets, the same ratios in CPU time (the work done, whatever the number
# of cores) and how each time grows from 10 to 100 MB.
# Ratios are reported, never enforced: the exit status is 1 only if a
# command fails.  A tool that is not built is skipped with a line saying so.
#
# environment: BENCH_DIR (build/bench), BENCH_SIZES ("10 100"),
#   BENCH_RUNS_10 (5), BENCH_RUNS_100 (5), BENCH_TOPICS_RUNS (3),
#   BENCH_TOPICS_ITER_10 (20), BENCH_TOPICS_ITER_100 (10),
#   BENCH_SCALE_RUNS (1), BENCH_GROUP_RUNS (3), BENCH_TEXT_RUNS (3),
#   BENCH_GREP_SIZES (the last of BENCH_SIZES), BENCH_GREP_RUNS (5),
#   AWK (mawk if installed, else awk).  The whole run takes about 4
#   minutes on 2 cores, about one more for sp-scale (and its table, made
#   once), 3 more for sp-grep against grep (grep-matrix.sh), one more
#   for make report on 233 and 10,000 speeches (report.sh), 3 to 4 more
#   when python3-gensim is installed (tests/bench/topics-compare.sh:
#   sp-topics against gensim), and about 25 more with
#   MALLET=/path/to/bin/mallet (tests/bench/mallet-compare.sh: sp-topics
#   against MALLET).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
LC_ALL=C
export LC_ALL

dir=${BENCH_DIR:-$top/build/bench}
sizes=${BENCH_SIZES:-10 100}
bin=$top/bin
here=$top/tests/bench
if [ -z "${AWK:-}" ]; then
	AWK=awk
	command -v mawk >/dev/null 2>&1 && AWK=mawk
fi

sh "$here/make-corpus.sh" "$dir"
${CC:-cc} -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -o "$dir/timeit" \
    "$here/timeit.c"
re='(Jerusalem|Babylon|Egypt)[a-z]*'	# for grep -E and sp-grep -E
results=$dir/results.tsv
: >"$results"
out=$dir/out.tmp
failed=0

have() {
	[ -x "$bin/$1" ]
}

# Whether file $1 exists, is not empty and is newer than file $2.
fresh() {
	[ -s "$1" ] && [ -n "$(find "$1" -newer "$2" 2>/dev/null)" ]
}

skip() {
	echo "bench: skipped: $1 (bin/$2 is not built)"
}

# measure SIZE GROUP LABEL INPUT COMMAND: run COMMAND (sh -c) RUNS times,
# add "SIZE GROUP LABEL MEDIAN PEAK_KB BYTES EXTRA" to the results.  For
# sp-topics, EXTRA is the median of the tokens/s it reports with -v.
measure() {
	size=$1 group=$2 label=$3 input=$4 cmd=$5
	bytes=$(wc -c <"$input" | tr -d ' ')
	: >"$dir/runs.tmp"
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		# shellcheck disable=SC2046
		set -- $("$dir/timeit" "$cmd")
		if [ "$3" -ne 0 ]; then
			echo "bench: FAILED (status $3): $cmd" >&2
			failed=1
			return 0
		fi
		extra=0
		if [ "$group" = topics ]; then
			extra=$(sed -n 's/.* \([0-9.]*\) million tokens\/s$/\1/p' \
			    "$dir/topics.err")
		fi
		echo "$1 $2 ${extra:-0} $4" >>"$dir/runs.tmp"
	done
	sort -n "$dir/runs.tmp" | $AWK -v size="$size" -v group="$group" \
	    -v label="$label" -v bytes="$bytes" '
	function sortx(a, n,   i, j, s) {
		for (i = 1; i <= n; i++)
			for (j = i + 1; j <= n; j++)
				if (a[j] < a[i]) { s = a[i]; a[i] = a[j]; a[j] = s }
	}
	{ t[NR] = $1; if ($2 > peak) peak = $2; x[NR] = $3; c[NR] = $4 }
	END {
		n = NR; m = int((n + 1) / 2)
		# The medians of the extra figure and the CPU time, each
		# sorted on its own.
		sortx(x, n)
		sortx(c, n)
		printf "%s\t%s\t%s\t%.3f\t%d\t%d\t%s\t%.3f\n", size, group,
		    label, t[m], peak, bytes, x[m], c[m]
	}' >>"$results"
	tail -n 1 "$results" | $AWK -F '\t' \
	    '{ printf "bench: %s MB %-40s %7.3f s\n", $1, $3, $4 }'
}

for size in $sizes; do
	text=$dir/corpus-$size.txt
	if [ ! -f "$text" ]; then
		echo "bench: no $text" >&2
		exit 2
	fi
	runs=${BENCH_RUNS_10:-5}
	iter=${BENCH_TOPICS_ITER_10:-20}
	if [ "$size" = 100 ]; then
		runs=${BENCH_RUNS_100:-5}
		iter=${BENCH_TOPICS_ITER_100:-10}
	fi

	# The inputs of the later groups, made once and not timed.
	seg=$dir/segments-$size.tsv
	tok=$dir/tokens-$size.txt
	topic=$dir/topic-tokens-$size.tsv
	# The text's paragraphs as speech records, 20 to a document, for
	# sp-split --records: the same text as the plain file.
	recs=$dir/records-$size.tsv
	fresh "$recs" "$text" || $AWK 'BEGIN { RS = "" }
	    { gsub(/[\t\n]/, " "); printf "d%05d\t%s\n", int((NR - 1) / 20), $0 }' \
	    "$text" >"$recs"
	if have sp-split; then
		fresh "$seg" "$bin/sp-split" ||
		    "$bin/sp-split" "$text" >"$seg"
	fi
	if have sp-tokens; then
		fresh "$tok" "$bin/sp-tokens" ||
		    "$bin/sp-tokens" "$text" >"$tok"
	else
		tr -cs A-Za-z '\n' <"$text" | tr A-Z a-z >"$tok"
	fi
	if have sp-split && have sp-tokens; then
		fresh "$topic" "$seg" ||
		    "$bin/sp-tokens" --stop "$seg" >"$topic"
	fi

	# Word frequency list from plain text.
	measure "$size" words "ref: tr|tr|sort|uniq -c|sort -rn" "$text" \
	    "tr -cs A-Za-z '\\n' <'$text' | tr A-Z a-z | sort | uniq -c |
	    sort -rn >'$out'"
	measure "$size" words "$AWK word counter | sort -rn" "$text" \
	    "$AWK -f '$here/wordcount.awk' '$text' | sort -rn >'$out'"
	if have sp-split && have sp-tokens && have sp-count; then
		measure "$size" words "sp-split | sp-tokens | sp-count" "$text" \
		    "'$bin/sp-split' '$text' | '$bin/sp-tokens' |
		    '$bin/sp-count' >'$out'"
	else
		skip "sp-split | sp-tokens | sp-count" \
		    "sp-split, sp-tokens or sp-count"
	fi
	if have sp-tokens && have sp-count; then
		measure "$size" words "sp-tokens | sp-count" "$text" \
		    "'$bin/sp-tokens' '$text' | '$bin/sp-count' >'$out'"
		measure "$size" words "sp-split (alone)" "$text" \
		    "'$bin/sp-split' '$text' >'$out'"
		measure "$size" words "sp-split --records (alone)" "$recs" \
		    "'$bin/sp-split' --records '$recs' >'$out'"
		measure "$size" words "sp-tokens (alone)" "$text" \
		    "'$bin/sp-tokens' '$text' >'$out'"
	else
		skip "sp-tokens | sp-count" "sp-tokens or sp-count"
	fi

	# Counting a token stream (one token a line, no key).
	measure "$size" count "ref: sort | uniq -c | sort -rn" "$tok" \
	    "sort '$tok' | uniq -c | sort -rn >'$out'"
	if have sp-count; then
		measure "$size" count "sp-count" "$tok" \
		    "'$bin/sp-count' '$tok' >'$out'"
	else
		skip "sp-count" sp-count
	fi

	# Searching segment records.
	if [ -s "$seg" ]; then
		measure "$size" grepF "ref: grep -F Jerusalem" "$seg" \
		    "grep -F Jerusalem '$seg' >'$out'"
		measure "$size" grepW "ref: grep -Fwi jerusalem" "$seg" \
		    "grep -Fwi jerusalem '$seg' >'$out'"
		measure "$size" grepE "ref: grep -E RE" "$seg" \
		    "grep -E '$re' '$seg' >'$out'"
		if have sp-grep; then
			# Status 1 means no match: not a failure here.
			measure "$size" grepF "sp-grep -F Jerusalem" "$seg" \
			    "'$bin/sp-grep' -F Jerusalem '$seg' >'$out' ||
			    [ \$? -eq 1 ]"
			measure "$size" grepW "sp-grep jerusalem (word, folded)" \
			    "$seg" "'$bin/sp-grep' jerusalem '$seg' >'$out' ||
			    [ \$? -eq 1 ]"
			measure "$size" grepE "sp-grep -E RE" "$seg" \
			    "'$bin/sp-grep' -E '$re' '$seg' >'$out' ||
			    [ \$? -eq 1 ]"
		else
			skip "sp-grep" sp-grep
		fi
	else
		skip "the search group (needs segment records)" sp-split
	fi

	# Dictionary scores, 10 MB only: 5,000 weighted patterns with rates
	# against the same patterns without weights (tests/bench/make-dict.sh).
	if [ "$size" = 10 ] && [ -s "$seg" ] && have sp-grep &&
	    have sp-tokens && have sp-count; then
		AWK=$AWK sh "$here/make-dict.sh" "$seg" "$dir"
		measure "$size" dict "ref: sp-grep -c --dict (no weights)" \
		    "$seg" "'$bin/sp-grep' -c --dict '$dir/dict5000.tsv' \
		    '$seg' >'$out'"
		measure "$size" dict "sp-grep -c --rate --dict (weights)" \
		    "$seg" "'$bin/sp-grep' -c --rate --dict \
		    '$dir/dict5000w.tsv' '$seg' >'$out'"
	fi

	# Topic models: tokens sampled per second, from sp-topics -v.
	if have sp-topics && [ -s "$topic" ]; then
		runs=${BENCH_TOPICS_RUNS:-3}
		for k in 20 100; do
			measure "$size" topics "sp-topics -k $k --by para" \
			    "$topic" "'$bin/sp-topics' -v -k $k -n $iter \
			    --progress-interval $iter --by para '$topic' \
			    >'$out' 2>'$dir/topics.err'"
		done
		# DMR against plain LDA on the same paragraphs, cut into
		# "speeches" of 10 paragraphs with a party (3) and a year (30)
		# each; lambda is fitted every 10 sweeps from the first.
		dmr_tok=$dir/dmr-tokens-$size.tsv dmr_meta=$dir/dmr-meta-$size.tsv
		fresh "$dmr_tok" "$topic" ||
		    $AWK -F '\t' -v OFS='\t' '{ $1 = "s" int($2 / 10); print }' \
		    "$topic" >"$dmr_tok"
		cut -f1 "$dmr_tok" | uniq | $AWK 'BEGIN { print "id\tparty\tyear" }
		    { printf "%s\t%s\t%d\n", $1, substr("ABC", NR % 3 + 1, 1),
		    1990 + NR % 30 }' >"$dmr_meta"
		for cov in "" "--covariates party,year"; do
			measure "$size" topics \
			    "sp-topics -k 20 --burn-in 0${cov:+ $cov}" \
			    "$dmr_tok" "'$bin/sp-topics' -v -k 20 -n $iter \
			    --progress-interval $iter --by para --burn-in 0 \
			    --meta '$dmr_meta' $cov '$dmr_tok' >'$out' \
			    2>'$dir/topics.err'"
		done
		tail -n 2 "$results" | $AWK -F '\t' '{ tps[NR] = $7 }
		    END { if (tps[2] > 0) printf "bench: DMR / plain LDA, " \
			"time per sweep at K=20: %.2f\n", tps[1] / tps[2] }'
	else
		skip "sp-topics" "sp-topics (or sp-split, sp-tokens)"
	fi
done

# Text statistics: readability and lexical diversity of each of 5,000
# pseudo-documents of the 100 MB corpus in one pass, against the plain
# count by document of the same token records (with sentence keys;
# tests/bench/make-doc-sentences.sh, made once).
senttok=$dir/doc-sentences-100.tsv
if have sp-count && have sp-split && have sp-tokens &&
    [ -f "$dir/corpus-100.txt" ]; then
	fresh "$senttok" "$bin/sp-tokens" ||
	    sh "$here/make-doc-sentences.sh" "$bin" "$dir/corpus-100.txt" \
	    "$senttok"
	runs=${BENCH_TEXT_RUNS:-3}
	measure 100 text "sp-count --by doc (sentence keys)" "$senttok" \
	    "'$bin/sp-count' --by doc '$senttok' >'$out'"
	measure 100 text "sp-count --readability --lexdiv --by doc" \
	    "$senttok" "'$bin/sp-count' --readability --lexdiv --by doc \
	    '$senttok' >'$out'"
else
	skip "text statistics" "sp-count (or sp-split, sp-tokens, or no 100 MB corpus)"
fi

# Scaling: Wordfish and a correspondence analysis of a sparse table of
# 10,000 pseudo-documents by 20,000 words made from the 100 MB corpus
# (tests/bench/make-scale-table.sh, about 4 million cells): time and peak
# memory, one run each unless BENCH_SCALE_RUNS says otherwise.
scale_table=$dir/scale-table.tsv
if have sp-scale && have sp-split && have sp-tokens && have sp-count &&
    [ -f "$dir/corpus-100.txt" ]; then
	fresh "$scale_table" "$bin/sp-count" ||
	    sh "$here/make-scale-table.sh" "$bin" "$dir/corpus-100.txt" \
	    >"$scale_table"
	runs=${BENCH_SCALE_RUNS:-1}
	measure 100 scale "sp-scale --wordfish" "$scale_table" \
	    "'$bin/sp-scale' --wordfish '$scale_table' >'$out'"
	measure 100 scale "sp-scale --ca 2" "$scale_table" \
	    "'$bin/sp-scale' --ca 2 '$scale_table' >'$out'"
else
	skip "sp-scale" "sp-scale (or sp-split, sp-tokens, sp-count, or no 100 MB corpus)"
fi
# Grouping: token records of 5,000 pseudo-documents of the 100 MB corpus
# and a metadata table of them (tests/bench/make-doc-tokens.sh, made
# once); --by a column of the table against --by doc, the same 5,000
# groups through the table (--by id) and 5 of them (--by party); the
# keyness of every document against one --keyness run.
doctok=$dir/doc-tokens-100.tsv
if have sp-count && have sp-split && have sp-tokens &&
    [ -f "$dir/corpus-100.txt" ]; then
	fresh "$doctok" "$bin/sp-tokens" ||
	    sh "$here/make-doc-tokens.sh" "$bin" "$dir/corpus-100.txt" \
	    "$dir" 100
	runs=${BENCH_GROUP_RUNS:-3}
	measure 100 group "sp-count --by doc (5,000 docs)" "$doctok" \
	    "'$bin/sp-count' --by doc '$doctok' >'$out'"
	measure 100 group "sp-count --meta --by id (5,000)" "$doctok" \
	    "'$bin/sp-count' --meta '$dir/doc-meta.tsv' --by id '$doctok' \
	    >'$out'"
	measure 100 group "sp-count --meta --by party (5)" "$doctok" \
	    "'$bin/sp-count' --meta '$dir/doc-meta.tsv' --by party \
	    '$doctok' >'$out'"
	measure 100 group "sp-count --keyness d00001" "$doctok" \
	    "'$bin/sp-count' --keyness d00001 '$doctok' >'$out'"
	measure 100 group "sp-count --keyness-all (5,000 groups)" "$doctok" \
	    "'$bin/sp-count' --keyness-all '$doctok' >'$out'"
else
	skip "grouping" "sp-count (or sp-split, sp-tokens, or no 100 MB corpus)"
fi
rm -f "$out" "$dir/runs.tmp"

# The tables.
echo
echo "machine: $(nproc 2>/dev/null || echo '?') cores," \
    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null |
    head -n 1), $(uname -sr); $(date -u '+%Y-%m-%d %H:%M UTC')"
$AWK -F '\t' -v runs10="${BENCH_RUNS_10:-5}" -v re="$re" \
    -v sruns="${BENCH_SCALE_RUNS:-1}" \
    -v runs100="${BENCH_RUNS_100:-5}" -v truns="${BENCH_TOPICS_RUNS:-3}" \
    -v iter10="${BENCH_TOPICS_ITER_10:-20}" \
    -v iter100="${BENCH_TOPICS_ITER_100:-10}" '
function title(g, z) {
	if (g == "words") return "word frequency list from text"
	if (g == "count") return "counting a token stream"
	if (g == "text") return "readability and lexical diversity of 5,000 documents"
	if (g == "grepF") return "fixed string in segment records"
	if (g == "grepW") return "word, any case, in segment records"
	if (g == "grepE") return "regular expression RE = " re \
	    " in segment records"
	if (g == "dict") return "dictionary of 5,000 word patterns, " \
	    "scores of segment records"
	if (g == "scale") return "scaling a 10,000 x 20,000 table (" \
	    sruns " run" (sruns == 1 ? "" : "s") ")"
	if (g == "group") return "grouping the token records of 5,000 documents"
	if (g == "topics") return "LDA topics (1 thread, " \
	    (z == 100 ? iter100 : iter10) " iterations, " truns " runs)"
	return g
}
{
	size = $1; group = $2; label = $3
	key = size SUBSEP group
	if (!(key in ref)) {
		ref[key] = $4
		order[++ngroups] = key
	}
	n = ++rows[key]
	lab[key, n] = label; t[key, n] = $4; peak[key, n] = $5
	bytes[key, n] = $6; extra[key, n] = $7; cpu[key, n] = $8
	time[size, label] = $4; tps[size, label] = $7; cputime[size, label] = $8
	if (!(size in seen)) { seen[size] = 1; sizes[++nsizes] = size }
	labels[label] = 1
}
END {
	last = ""
	for (g = 1; g <= ngroups; g++) {
		key = order[g]; split(key, part, SUBSEP)
		if (part[1] != last) {
			last = part[1]
			printf "\n%s MB input, median of %d runs\n", last,
			    last == 100 ? runs100 : runs10
			printf "%-44s %8s %8s %8s %8s %8s\n", "", "seconds",
			    "MB/s", "peak MB", "speed-up", "CPU s"
		}
		printf "%s\n", title(part[2], part[1])
		for (i = 1; i <= rows[key]; i++) {
			if (part[2] == "scale") {
				printf "  %-42s %8.2f %8s %8.1f %8s %8.3f\n",
				    lab[key, i], t[key, i], "", peak[key, i] / 1024,
				    "", cpu[key, i]
				continue
			}
			if (part[2] == "topics") {
				printf "  %-42s %8.2f %8s %8.1f %6.2f M tokens/s\n",
				    lab[key, i], t[key, i], "",
				    peak[key, i] / 1024, extra[key, i]
				continue
			}
			sec = t[key, i] > 0 ? t[key, i] : 0.001
			printf "  %-42s %8.3f %8.1f %8.1f %8.2f %8.3f\n",
			    lab[key, i], t[key, i], bytes[key, i] / 1e6 / sec,
			    peak[key, i] / 1024, ref[key] / sec, cpu[key, i]
		}
	}

	printf "\ntargets (speed-up = reference time / time, same run)\n"
	for (s = 1; s <= nsizes; s++) {
		z = sizes[s]
		target(z, "sp-split | sp-tokens | sp-count",
		    "ref: tr|tr|sort|uniq -c|sort -rn", ">= 10")
		target(z, "sp-tokens | sp-count",
		    "ref: tr|tr|sort|uniq -c|sort -rn", ">= 10")
		for (l in labels)
			if (l ~ /word counter/)
				target(z, "sp-split | sp-tokens | sp-count", l, "")
		target(z, "sp-count", "ref: sort | uniq -c | sort -rn", ">= 10")
		target(z, "sp-split --records (alone)", "sp-split (alone)",
		    ">= 0.9")
		target(z, "sp-count --readability --lexdiv --by doc",
		    "sp-count --by doc (sentence keys)", ">= 0.5")
		target(z, "sp-grep -F Jerusalem", "ref: grep -F Jerusalem",
		    ">= 0.91, i.e. at most 1.1 x; every pattern: below")
		target(z, "sp-count --meta --by id (5,000)",
		    "sp-count --by doc (5,000 docs)", ">= 0.83, i.e. at most 1.2 x")
		target(z, "sp-count --keyness-all (5,000 groups)",
		    "sp-count --keyness d00001", ">= 0.5, i.e. at most 2 x")
		target(z, "sp-grep -c --rate --dict (weights)",
		    "ref: sp-grep -c --dict (no weights)", ">= 0.33")
	}
	printf "\nwork (CPU seconds of all processes: reference / sp, same run)\n"
	for (s = 1; s <= nsizes; s++) {
		z = sizes[s]
		work(z, "sp-split | sp-tokens | sp-count",
		    "ref: tr|tr|sort|uniq -c|sort -rn")
		work(z, "sp-tokens | sp-count",
		    "ref: tr|tr|sort|uniq -c|sort -rn")
		work(z, "sp-count", "ref: sort | uniq -c | sort -rn")
	}

	if (nsizes >= 2) {
		printf "\ngrowth from %s MB to %s MB (time ratio; 10 is linear)\n",
		    sizes[1], sizes[nsizes]
		for (g = 1; g <= ngroups; g++) {
			key = order[g]; split(key, part, SUBSEP)
			if (part[1] != sizes[1])
				continue
			for (i = 1; i <= rows[key]; i++) {
				l = lab[key, i]
				if (!((sizes[nsizes], l) in time))
					continue
				if (part[2] == "topics") {
					printf "  %-42s tokens/s %.2f -> %.2f M\n", l,
					    tps[sizes[1], l], tps[sizes[nsizes], l]
					continue
				}
				sec = time[sizes[1], l] > 0 ? time[sizes[1], l] : 0.001
				printf "  %-42s %6.1f\n", l,
				    time[sizes[nsizes], l] / sec
			}
		}
	}
}
function work(z, a, b) {
	if (!((z, a) in cputime) || !((z, b) in cputime) || cputime[z, a] <= 0)
		return
	printf "  %3s MB  %-33s vs %-33s %6.2f x\n", z, a, b,
	    cputime[z, b] / cputime[z, a]
}
function target(z, a, b, want) {
	if (!((z, a) in time) || !((z, b) in time) || time[z, a] <= 0)
		return
	printf "  %3s MB  %-33s vs %-33s %6.2f x %s\n", z, a, b,
	    time[z, b] / time[z, a], want == "" ? "" : "(target " want ")"
}' "$results"

# make report on 233 and 10,000 generated speeches (tests/bench/report.sh).
BENCH_DIR=$dir sh "$here/report.sh" || failed=1

# Hash flooding: words made to collide against ordinary ones
# (tests/bench/flood.sh).
if have sp-count; then
	BENCH_DIR=$dir sh "$here/flood.sh" "$bin" || failed=1
else
	skip "hash flooding" sp-count
fi

# sp-grep against grep for every pattern, kind and output of issue 14, on
# the largest input (tests/bench/grep-matrix.sh; BENCH_GREP_SIZES to
# choose others).
for size in ${BENCH_GREP_SIZES:-${sizes##* }}; do
	sh "$here/grep-matrix.sh" "$dir" "$size" || failed=1
done

# sp-topics against gensim's LDA, speed and NPMI coherence
# (tests/bench/topics-compare.sh), only where python3-gensim is installed.
if "${GENSIM_PYTHON:-/usr/bin/python3}" -c 'import gensim' >/dev/null 2>&1
then
	echo
	BENCH_DIR=$dir sh "$here/topics-compare.sh" || failed=1
else
	echo "bench: skipped: sp-topics vs gensim (python3-gensim is not installed)"
fi

# sp-topics against MALLET, when MALLET names a built one's bin/mallet
# (tests/bench/mallet-compare.sh).
if [ -n "${MALLET:-}" ]; then
	echo
	BENCH_DIR=$dir sh "$here/mallet-compare.sh" || failed=1
else
	echo "bench: skipped: sp-topics vs MALLET (MALLET=/path/to/bin/mallet" \
	    "make bench runs it)"
fi
exit "$failed"
