#!/bin/sh
# The topic model of make report: fitted on the paragraphs of CONTENT (or,
# when they hold more than FIT tokens, on an even sample of them: every
# paragraph whose place among them, i, has floor(i f) > floor((i - 1) f)
# for f = FIT / tokens, which spreads the sample over every document
# in order), then saved, for doc-topics.sh to infer each document's mix.
# Writes OUT/topics.txt (sp-topics' topic keys), OUT/topics.model and
# OUT/fit.tsv (NAME TAB VALUE: what the model was fitted on and how).
#
# With a metadata table, the model's prior over the topics depends on
# the documents' metadata (Dirichlet-multinomial regression, sp-topics
# --covariates): on the GROUP column, when the sampled paragraphs' documents
# have two values of it or more (a missing id or an empty value is NA,
# not a value here), and on the year of the DATE column, a number, when
# they are from two years or more (and DATE is not GROUP).  Otherwise the
# model is plain LDA, as without a table.  fit.tsv's "model" is dmr or
# lda, "covariates" lists the covariates as sp-topics took them,
# "groupcov" and "yearcov" name each, and "nogroup" says why GROUP is not
# one.  OUT/effects.tsv and OUT/lambda.tsv are sp-topics' --effects and
# --lambda tables, empty for plain LDA.
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
meta=$(setting META)
group=$(setting GROUP)
date=$(setting DATE)
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
	: >"$out/effects.tsv"
	: >"$out/lambda.tsv"
	mv "$tmp.fit" "$out/fit.tsv"
	exit 0
fi
# The sample, and the ids of the documents it has paragraphs of.
awk -F '\t' -v fit="$fit" -v tokens="$tokens" -v stats="$tmp.fit" \
    -v ids="$tmp.ids" '
BEGIN { f = tokens > fit ? fit / tokens : 1 }
$1 != doc || $2 != para {
	if (sampled && $1 != doc) {
		print doc > ids
		sampled = 0
	}
	doc = $1
	para = $2
	i++
	take = int(i * f) > int((i - 1) * f)
	if (take) {
		taken++
		sampled = 1
	}
}
take { print; if ($NF != "") kept++ }
END {
	if (sampled)
		print doc > ids
	printf "paragraphs\t%d\nsampled\t%d\ntokens\t%d\n", i, taken,
	    tokens > stats
	printf "fitted\t%d\n", kept > stats
}' "$content" >"$tmp.sample"
[ -f "$tmp.ids" ] || : >"$tmp.ids"

# The covariates: how many values GROUP and the year of DATE have among
# the sampled documents, as sp-topics will count them (every value but
# NA a number: numbers, so 1 and 1.0 are one value).  A name that
# sp-topics would read as something else (doc, para, sent, a number, a
# name with a colon) is given as col:NAME; one with a comma cannot be.
groupcov=
yearcov=
nogroup=
if [ -n "$meta" ]; then
	counts=$(awk -F '\t' -v group="$group" -v date="$date" '
	function isnum(v) {
		return v ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/
	}
	FNR == 1 { part++ }
	part == 1 {
		sub(/\r$/, "")
		if (FNR == 1)
			sub(/^\357\273\277/, "")
		if ($0 == "")
			next
		if (!header) {
			header = 1
			for (i = 1; i <= NF; i++) {
				if ($i == group && !gcol)
					gcol = i
				if ($i == date && !dcol)
					dcol = i
			}
			next
		}
		g = gcol ? $gcol : ""
		gval[$1] = (g == "" || g == "NA") ? "NA" : g
		d = dcol ? $dcol : ""
		yval[$1] = (d == "" || d == "NA") ? "NA" : substr(d, 1, 4)
		next
	}
	{
		g = ($1 in gval) ? gval[$1] : "NA"
		y = ($1 in yval) ? yval[$1] : "NA"
		if (g != "NA") {
			gs[g] = 1
			if (!isnum(g))
				text = 1
		}
		if (y != "NA" && !((y + 0) in ys)) {
			ys[y + 0] = 1
			nyears++
		}
	}
	END {
		for (g in gs)
			if (text)
				ngroups++
			else if (!((g + 0) in gn)) {
				gn[g + 0] = 1
				ngroups++
			}
		print ngroups + 0, nyears + 0
	}' "$meta" "$tmp.ids")
	ngroups=${counts% *}
	nyears=${counts#* }
	case $group in
	*,*) nogroup="its name has a comma, which --covariates cannot take" ;;
	*)
		if [ "$ngroups" -lt 2 ]; then
			nogroup="the documents fitted on have one value of it"
			nogroup="$nogroup or none"
		else
			case $group in
			doc | para | sent | *:*) groupcov=col:$group ;;
			*[!0-9]*) groupcov=$group ;;
			*) groupcov=col:$group ;;
			esac
		fi ;;
	esac
	case $date in
	'' | "$group" | *,* | *:*) ;;
	*) [ "$nyears" -lt 2 ] || yearcov=$date:year ;;
	esac
fi
covariates=$groupcov${groupcov:+${yearcov:+,}}$yearcov
if [ -n "$covariates" ]; then
	set -- --meta "$meta" --covariates "$covariates" \
	    --effects "$tmp.effects" --lambda "$tmp.lambda"
else
	set --
fi
# sp-topics' messages about the table (ids it lacks are already among
# the report's warnings) are shown only if it fails.
"$sp/sp-topics" -k "$k" -n "$sweeps" --by para --top 10 --seed 1 \
    --threads 2 --save "$out/topics.model" "$@" "$tmp.sample" \
    >"$tmp.topics" 2>"$tmp.err" || {
	cat "$tmp.err" >&2
	exit 2
}
printf 'seed\t1\nthreads\t2\ninfer\t%d\n' "$infer" >>"$tmp.fit"
[ -z "$nogroup" ] || printf 'nogroup\t%s\n' "$nogroup" >>"$tmp.fit"
if [ -n "$covariates" ]; then
	printf 'model\tdmr\ncovariates\t%s\ngroupcov\t%s\nyearcov\t%s\n' \
	    "$covariates" "$groupcov" "$yearcov" >>"$tmp.fit"
	mv "$tmp.effects" "$out/effects.tsv"
	mv "$tmp.lambda" "$out/lambda.tsv"
else
	printf 'model\tlda\n' >>"$tmp.fit"
	: >"$out/effects.tsv"
	: >"$out/lambda.tsv"
fi
mv "$tmp.fit" "$out/fit.tsv"
mv "$tmp.topics" "$out/topics.txt"
