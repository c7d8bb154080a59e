#!/bin/sh
# The topic model of make report: fitted on the paragraphs of CONTENT (or,
# when they hold more than FIT tokens, on an even sample of them: every
# paragraph whose place among them, i, has floor(i f) > floor((i - 1) f)
# for f = FIT / tokens, which spreads the sample over every document
# in order), then saved, for doc-topics.sh to infer each document's mix.
# Writes OUT/topics.txt (sp-topics' topic keys), OUT/topics.model and
# OUT/fit.tsv (NAME TAB VALUE: what the model was fitted on).
# TOPICS, SWEEPS and FIT are the settings of OUT/settings.tsv; each
# document's mix is inferred with INFER sweeps (fit.tsv says so).
# Usage: topics.sh OUT
set -eu
out=$1
. "$(dirname "$0")/common.sh"
content=$out/content.tsv
k=$(setting TOPICS)
sweeps=$(setting SWEEPS)
fit=$(setting FIT)
infer=50
sp=${SP_BIN:-bin}
tmp=$out/topics.tmp
trap 'rm -f "$tmp".*' EXIT
trap 'exit 2' HUP INT TERM

# Gap records (empty tokens, where sp-tokens dropped words) are no words.
tokens=$(awk -F '\t' '$NF != "" { n++ } END { print n + 0 }' "$content")
if [ "$tokens" -lt $((10 * k)) ]; then
	# Too little text for a model: no topics, and the page says why.
	printf 'tokens\t%d\nskipped\tfewer than 10 content words a topic\n' \
	    "$tokens" >"$tmp.fit"
	: >"$out/topics.model"
	: >"$out/topics.txt"
	mv "$tmp.fit" "$out/fit.tsv"
	exit 0
fi
{
	awk -F '\t' -v fit="$fit" -v tokens="$tokens" -v stats="$tmp.fit" '
	BEGIN { f = tokens > fit ? fit / tokens : 1 }
	$1 != doc || $2 != para {
		doc = $1
		para = $2
		i++
		take = int(i * f) > int((i - 1) * f)
		if (take)
			taken++
	}
	take { print; if ($NF != "") kept++ }
	END {
		printf "paragraphs\t%d\nsampled\t%d\ntokens\t%d\n", i, taken,
		    tokens > stats
		printf "fitted\t%d\n", kept > stats
	}' "$content" || echo $? >"$tmp.st"
} | "$sp/sp-topics" -k "$k" -n "$sweeps" --by para --top 10 --seed 1 \
    --threads 2 --save "$out/topics.model" >"$tmp.topics"
[ ! -s "$tmp.st" ] || exit 2
printf 'seed\t1\nthreads\t2\ninfer\t%d\n' "$infer" >>"$tmp.fit"
mv "$tmp.fit" "$out/fit.tsv"
mv "$tmp.topics" "$out/topics.txt"
