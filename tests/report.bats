#!/usr/bin/env bats
# make report: the main job, on the bundled corpus, on a folder or a
# records file of one's own and on a generated corpus of 2,000 dated
# speeches: its tables, its page (well-formed, every section, no script,
# nothing remote, bounded in size), its summary, what it rebuilds when
# something changes, and its errors, which come before any work.

# bats file_tags=once

load helper

report() {
	make -s -C "$SP_ROOT" "$@" report
}

# The tables, which every run must write.
TABLES="settings.tsv segments.tsv ids.txt stop.txt content.tsv docs.tsv
groups.tsv periods.tsv counts-group.tsv counts-period.tsv keyness-group.tsv
keyness-period.tsv keyterms.dict keyterms.tsv kwic.tsv kwic-sample.tsv
colloc.tsv topics.txt topics.model fit.tsv effects.tsv lambda.tsv doc-topics.tsv
warnings.txt
summary.txt report.html"

# page_ok PAGE: well-formed (tags.awk, and xmllint where it is installed),
# no script, nothing loaded from elsewhere, under 1 MB, and an estimate
# of its height under 15,000 px: the SVG charts (the panels two to a
# row), 25 px a table row and 1,500 px of text.
page_ok() {
	awk -f "$SP_ROOT/tests/tools/tags.awk" "$1" || return 1
	if command -v xmllint >/dev/null; then
		sed 's/<!DOCTYPE html>//' "$1" | xmllint --noout - || return 1
	fi
	! grep -qi '<script' "$1" || { echo "a script"; return 1; }
	! grep -Eqi '(src|href|url)[=(]"?(https?:)?//' "$1" ||
		{ echo "a remote resource"; return 1; }
	! grep -qi ' on[a-z]*=' "$1" || { echo "an event handler"; return 1; }
	[ "$(wc -c <"$1")" -lt 1000000 ] || { echo "1 MB or more"; return 1; }
	awk '
	{
		while (match($0, /<svg[^>]*height="[0-9]+"/)) {
			s = substr($0, RSTART, RLENGTH)
			panel = s ~ /class="panel"/
			sub(/.*height="/, "", s)
			h += panel ? s / 2 : s
			$0 = substr($0, RSTART + RLENGTH)
		}
	}
	{ rows += gsub(/<tr>/, "") }
	END {
		h += 25 * rows + 1500
		if (h >= 15000) {
			print "an estimated height of " h " px"
			exit 1
		}
	}' "$1"
}

# stamps: the modification time of every file in out/, to the nanosecond.
stamps() {
	find out -type f -exec stat -c '%n %y' {} + | sort
}

# changed FILE: whether FILE was written since the stamps in "before".
changed() {
	[ "$(stat -c '%n %y' "$1")" != "$(grep "^$1 " before)" ]
}

# unchanged FILE...: none of FILE was written since the stamps in
# "before".  (A command "! changed" would assert nothing: bats's set -e
# does not stop at a negated command.)
unchanged() {
	local f

	for f; do
		if changed "$f"; then
			echo "$f was written"
			return 1
		fi
	done
}

# sections PAGE: the ids of the page's sections, in order.
sections() {
	grep -o '<section id="[a-z]*"' "$1" | sed 's/.*id="//; s/"$//' |
	    paste -sd ' ' -
}

@test "make report writes every table, the page and the summary" {
	run --separate-stderr report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	[ -z "$stderr" ] || { echo "$stderr"; return 1; }
	for f in $TABLES; do
		[ -e "out/$f" ] || { echo "missing out/$f"; return 1; }
	done
	[ "$(find out -name '*.tmp*' -o -name '*.new' | wc -l)" -eq 0 ]
	# The summary is printed last, and is the file.
	expect_eq "$(sed -n '/^sp report: /,$p' <<<"$output")" \
	    "$(cat out/summary.txt)"
	for s in "Cressida Dick" "Sajid Javid" "Sadiq Khan" "Home Office" \
	    "Security Minister"; do
		grep -q "^  $s" out/summary.txt || { echo "no $s"; return 1; }
	done
	grep -q '^sp report: corpus: 5 documents, 2016 to 2019$' out/summary.txt
	# Every document has a topic mix that sums to one.
	run awk -F '\t' '{ s[$1] += $3 } END { for (d in s) if (s[d] < 0.999 || s[d] > 1.001) print d, s[d] }' out/doc-topics.tsv
	[ "$status" -eq 0 ] && [ -z "$output" ]
	expect_eq "$(cut -f1 out/doc-topics.tsv | sort -u)" \
	    "$(cd "$CORPUS" && ls *.txt | sed 's/\.txt$//')"
	# The documents, their speakers from INDEX.tsv, their years.
	expect_eq "$(cut -f1-3 out/docs.tsv)" "$(printf '%s\t%s\t%s\n' \
	    dick-2017-07-20 'Cressida Dick' 2017 \
	    homeoffice-2018-06-04 'Home Office' 2018 \
	    javid-2018-06-04 'Sajid Javid' 2018 \
	    khan-2016-03-20 'Sadiq Khan' 2016 \
	    security-minister-2019-10 'Security Minister (not named in the text)' 2019)"
	# Sizes: sentences and tokens as sp-split and sp-tokens count them.
	expect_eq "$(cut -f1,5,6 out/docs.tsv)" "$(sp-split "$CORPUS"/*.txt |
	    awk -F '\t' '{ n[$1]++ } END { for (d in n) print d "\t" n[d] }' |
	    sort | join -t "$TAB" - <(sp-split "$CORPUS"/*.txt | sp-tokens |
	    cut -f1 | sort | uniq -c | awk '{ print $2 "\t" $1 }'))"
	expect_eq "$(cat out/periods.tsv)" "$(printf '%s\t%s\t%s\n' \
	    2016 1 1487 2017 1 4541 2018 2 3818 2019 1 1813)"
	grep -q "^Sadiq Khan${TAB}londoners${TAB}" out/keyness-group.tsv
}

@test "the page is well-formed, overview first, with every section and bounded in size" {
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	page_ok out/report.html
	expect_eq "$(sections out/report.html)" \
	    "methods groups time topics keyterms concordance collocations documents tables"
	# Overview first: the corpus's size, then the methods box.
	grep -q '^<p>5 documents in 5 groups by <code>speaker</code>, from 2016 to 2019' out/report.html
	grep -q 'sp 0\.[0-9.]*, <code>make report</code>' out/report.html
	grep -q '6 topics, 500 sweeps, seed 1, 2 threads' out/report.html
	grep -q '188 stop words' out/report.html
	# Five documents: the topic mix of each, not a heatmap; the time
	# charts of the five key terms and six topics.
	[ "$(grep -c 'aria-label="keywords of ' out/report.html)" -eq 5 ]
	grep -q 'aria-label="topic mix per document"' out/report.html
	grep -q 'aria-label="topic prevalence by group"' out/report.html
	run grep -c 'aria-label="topics by group"' out/report.html
	[ "$output" = 0 ]
	[ "$(grep -c '<polyline' out/report.html)" -eq 5 ]
	[ "$(grep -c '<polygon' out/report.html)" -eq 6 ]
	# A link to every table but the page itself.
	for f in $TABLES; do
		[ "$f" = report.html ] && continue
		grep -q "<a href=\"$f\">" out/report.html ||
			{ echo "no link to $f"; return 1; }
	done
	[ "$(wc -l <out/summary.txt)" -lt 60 ]
}

@test "the concordance is sampled across periods, in whole words, with document and sentence" {
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ]
	# Every line of the sample is a line of kwic.tsv (the same document,
	# sentence, term and match), its contexts the ends of that line's
	# cut at a space, with an ellipsis where they were cut.
	run awk -F '\t' '
	NR == FNR { kwic[$1, $3, $4, $6, ++n[$1, $3, $4, $6]] = $5 "\t" $7; next }
	{
		k = $2 SUBSEP $4 SUBSEP $1 SUBSEP $6
		ok = 0
		for (i = 1; i <= n[k]; i++) {
			split(kwic[k, i], f, "\t")
			if (fits_left($5, f[1]) && fits_right($7, f[2]))
				ok = 1
		}
		if (!ok)
			print "no such line in kwic.tsv: " $0
	}
	function fits_left(shown, whole,    cut) {
		cut = sub(/^\342\200\246/, "", shown)
		if (!cut)
			return shown == whole
		return length(whole) > length(shown) &&
		    substr(whole, length(whole) - length(shown)) == " " shown
	}
	function fits_right(shown, whole,    cut) {
		cut = sub(/\342\200\246$/, "", shown)
		if (!cut)
			return shown == whole
		return length(whole) > length(shown) &&
		    substr(whole, 1, length(shown) + 1) == shown " "
	}' out/kwic.tsv out/kwic-sample.tsv
	[ "$status" -eq 0 ] && [ -z "$output" ] || { echo "$output"; return 1; }
	[ "$(grep -c '…' out/kwic-sample.tsv)" -gt 0 ]
	# terrorism is in every period: its six lines come from six
	# different places in time order.
	expect_eq "$(awk -F '\t' '$1 == "terrorism" { print $3 }' out/kwic-sample.tsv | paste -sd ' ' -)" \
	    "2016 2017 2017 2018 2019 2019"
}

@test "kwic-sample.awk picks evenly spaced buckets, the middle match of each" {
	printf 'd%d\tg\t%d\t1\t1\t1\n' 1 2001 2 2002 3 2003 4 2004 5 2005 \
	    6 2006 7 2007 8 2008 9 2009 10 2010 >docs.tsv
	printf 'w\tw\n' >dict
	for d in 1 2 3 4 5 6 7 8 9 10; do
		for s in 1 2 3; do
			printf 'd%d\t1\t%d\tw\tleft words\tw\tright words\n' "$d" "$s"
		done
	done >kwic.tsv
	run_ok awk -F '\t' -v per=4 -f "$SP_ROOT/lib/report/kwic-sample.awk" \
	    docs.tsv dict kwic.tsv kwic.tsv
	# Buckets 1, 4, 7 and 10 of ten (round(j * 9 / 3) + 1), the second
	# of three matches in each.
	expect_eq "$(cut -f2-4 <<<"$output")" "$(printf '%s\t%s\t2\n' d1 2001 \
	    d4 2004 d7 2007 d10 2010)"
	# Two buckets for four lines: two from each, evenly spaced.
	printf 'd%d\tg\t%d\t1\t1\t1\n' 1 2001 2 2002 >docs.tsv
	head -n 6 kwic.tsv >kwic2.tsv
	run_ok awk -F '\t' -v per=4 -f "$SP_ROOT/lib/report/kwic-sample.awk" \
	    docs.tsv dict kwic2.tsv kwic2.tsv
	expect_eq "$(cut -f2,4 <<<"$output")" "$(printf '%s\t%s\n' d1 1 d1 2 d2 1 d2 2)"
	# A context as wide as sp-grep's is cut to whole words.
	printf 'd1\t1\t1\tw\tfirst second third\tw\tone two three\n' >kwic3.tsv
	run_ok awk -F '\t' -v per=1 -v width=18 -v show=12 \
	    -f "$SP_ROOT/lib/report/kwic-sample.awk" docs.tsv dict kwic3.tsv kwic3.tsv
	expect_eq "$(cut -f5-7 <<<"$output")" "$(printf '…second third\tw\tone two…')"
}

@test "keyness of every group agrees with the reference implementation" {
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ]
	# The reference scores every item of every group; the report keeps
	# the 20 of highest G2 (then Log Ratio, then bytewise) that are more
	# frequent in the group.
	for t in group period; do
		awk -f "$SP_ROOT/tests/ref/common.awk" -f "$SP_ROOT/tests/ref/keyness.awk" \
		    "out/counts-$t.tsv" |
		    awk -F '\t' -v OFS='\t' '$5 > 0 { print $1, $2, $3, $4, $5, $11, $15 }' |
		    LC_ALL=C sort -t "$TAB" -k1,1 -k5,5gr -k7,7gr -k2,2 |
		    awk -F '\t' '++n[$1] <= 20' >"want-$t.tsv"
		expect_eq "$(cat "out/keyness-$t.tsv")" "$(cat "want-$t.tsv")"
	done
	# A table with zero cells, one item in one group only, and a tie.
	printf 'a\tx\t5\na\ty\t3\na\tz\t3\nb\tx\t1\nb\tw\t4\n' >counts.tsv
	awk -f "$SP_ROOT/tests/ref/common.awk" -f "$SP_ROOT/tests/ref/keyness.awk" counts.tsv |
	    awk -F '\t' -v OFS='\t' '$5 > 0 { print $1, $2, $3, $4, $5, $11, $15 }' |
	    LC_ALL=C sort -t "$TAB" -k1,1 -k5,5gr -k7,7gr -k2,2 >want.tsv
	run_ok sp-count --from-counts --keyness-all counts.tsv
	expect_eq "$output" "$(cat want.tsv)"
	# y and z tie: the order is bytewise.
	expect_eq "$(cut -f2 <<<"$output" | paste -sd ' ' -)" "y z x w"
}

@test "key terms are chosen from the keywords of the largest groups, in turn" {
	printf 'big\t2\t900\nmid\t1\t500\nsmall\t1\t10\n' >groups.tsv
	printf '%s\t%s\t1\t1\t1\t1\t1\n' big alpha big beta big gamma \
	    mid alpha mid delta mid u.k small epsilon >keyness.tsv
	run_ok sh "$SP_ROOT/lib/report/keyterms.sh" chosen keyness.tsv groups.tsv 5
	# alpha (big), then mid's alpha is taken, u.k is not a word pattern:
	# small's epsilon; then big's beta and mid's delta.
	expect_eq "$output" "$(printf 'alpha\nepsilon\nbeta\ndelta\ngamma')"
	run_ok sh "$SP_ROOT/lib/report/keyterms.sh" given <<<'terror* "safe spaces" it'"'"'s'
	expect_eq "$output" "$(printf 'terror*\n"safe spaces"\nit'"'"'s')"
}

# heat_titles PAGE LABEL: the titles of the cells of the heatmap LABEL.
heat_titles() {
	sed -n "/aria-label=\"$2\"/,/<\/svg>/p" "$1" |
	    grep -o '<rect [^>]*><title>[^<]*</title>' | sed 's/.*<title>//; s/<\/title>//'
}

@test "the topic model has the group and the year as covariates when the metadata has them" {
	run --separate-stderr report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	expect_eq "$(grep -E '^(model|covariates|groupcov|yearcov|nogroup)' out/fit.tsv)" \
	    "$(printf '%s\t%s\n' model dmr covariates speaker,date:year \
	    groupcov speaker yearcov date:year)"
	# sp-topics' effects: each speaker (bytewise, the first the
	# reference), then each year, six topics each.
	expect_eq "$(cut -f1,2 out/effects.tsv | uniq)" "$(printf '%s\t%s\n' \
	    speaker 'Cressida Dick' speaker 'Home Office' speaker 'Sadiq Khan' \
	    speaker 'Sajid Javid' \
	    speaker 'Security Minister (not named in the text)' \
	    date:year 2016 date:year 2017 date:year 2018 date:year 2019)"
	[ "$(wc -l <out/effects.tsv)" -eq 54 ]
	[ -s out/lambda.tsv ]
	# The speakers' rows reach the page's heatmap exactly: the mean, and
	# the least and greatest over the last fits, as percentages.
	expect_eq "$(heat_titles out/report.html 'topic prevalence by group' | sort)" \
	    "$(awk -F '\t' '$1 == "speaker" {
		printf "%s, topic %s: %.0f%% (%.0f%% to %.0f%% over the last fits)\n",
		    $2, $3, 100 * $4, 100 * $5, 100 * $6 }' out/effects.tsv | sort)"
	grep -q "each document's prior over the topics depending on its <code>speaker</code> and the year of its <code>date</code>" out/report.html
	grep -q -- '--save topics.model --meta corpus/INDEX.tsv --covariates speaker,date:year --effects effects.tsv --lambda lambda.tsv</code>' out/report.html
	grep -q '^Topics (6, fitted on 5,735 content words, prior by speaker and year):$' out/summary.txt
	# Each document's mix is inferred with its own prior, from the table.
	sp-topics --infer out/topics.model --by doc -n 50 --seed 1 --threads 2 \
	    --meta "$CORPUS/INDEX.tsv" --doc-topics mix.tsv out/content.tsv >/dev/null
	cmp mix.tsv out/doc-topics.tsv
}

@test "one group: the year alone is a covariate; no date either: plain LDA; no table: plain LDA, as sp-topics fits it" {
	awk -F '\t' -v OFS='\t' '{ print $0, NR == 1 ? "house" : "Commons" }' \
	    "$CORPUS/INDEX.tsv" >meta.tsv
	run --separate-stderr report OUT="$BATS_TEST_TMPDIR/out" \
	    META="$BATS_TEST_TMPDIR/meta.tsv" GROUP=house
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	expect_eq "$(grep -E '^(model|covariates|groupcov|yearcov|nogroup)' out/fit.tsv)" \
	    "$(printf '%s\t%s\n' nogroup \
	    'the documents fitted on have one value of it or none' \
	    model dmr covariates date:year groupcov '' yearcov date:year)"
	expect_eq "$(cut -f1 out/effects.tsv | uniq)" date:year
	grep -q "depending on the year of its <code>date</code> (a number, standardised); <code>house</code> is not a covariate: the documents fitted on have one value of it or none: 6 topics" out/report.html
	run grep -c 'aria-label="topic prevalence by group"' out/report.html
	[ "$output" = 0 ]
	grep -q '^Topics (6, fitted on 5,735 content words, prior by year):$' out/summary.txt
	# No date column either: plain LDA.
	run --separate-stderr report OUT="$BATS_TEST_TMPDIR/out" \
	    META="$BATS_TEST_TMPDIR/meta.tsv" GROUP=house DATE=
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	expect_eq "$(grep -E '^(model|covariates|nogroup)' out/fit.tsv)" \
	    "$(printf '%s\t%s\n' nogroup \
	    'the documents fitted on have one value of it or none' model lda)"
	[ ! -s out/effects.tsv ] && [ ! -s out/lambda.tsv ]
	grep -q 'latent Dirichlet allocation (<code>sp-topics</code>, collapsed Gibbs sampling, α and β optimised); <code>house</code> is not a covariate' out/report.html
	run grep -c -- '--covariates' out/report.html
	[ "$output" = 0 ]
	grep -q '^Topics (6, fitted on 5,735 content words):$' out/summary.txt
	# No table: plain LDA, the model sp-topics fits without covariates.
	run --separate-stderr report OUT="$BATS_TEST_TMPDIR/out" META=
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	expect_eq "$(grep -E '^(model|covariates|nogroup)' out/fit.tsv)" \
	    "$(printf 'model\tlda')"
	[ ! -s out/effects.tsv ] && [ ! -s out/lambda.tsv ]
	grep -q 'latent Dirichlet allocation (<code>sp-topics</code>, collapsed Gibbs sampling, α and β optimised): 6 topics' out/report.html
	sp-topics -k 6 -n 500 --by para --top 10 --seed 1 --threads 2 \
	    out/content.tsv >topics.txt
	cmp topics.txt out/topics.txt
}

@test "make report in a tree with no programs built builds each one before it is run" {
	# A copy of the sources with the objects (times kept, so only the
	# links are redone) and no bin/: a fresh clone, without the wait.
	mkdir tree
	cp -Rp "$SP_ROOT/Makefile" "$SP_ROOT/cmd" "$SP_ROOT/lib" \
	    "$SP_ROOT/corpus" tree/
	mkdir -p tree/build
	cp -Rp "$SP_ROOT/build/lib" "$SP_ROOT/build/cmd" \
	    "$SP_ROOT/build/libsp.a" tree/build/
	run --separate-stderr env SP_BIN= make -s -C tree report
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	for t in sp-split sp-tokens sp-count sp-grep sp-topics; do
		[ -x "tree/bin/$t" ]
	done
	[ -s tree/out/report.html ]
}

@test "a second make report rebuilds nothing and prints the summary" {
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ]
	stamps >before
	run --separate-stderr make -C "$SP_ROOT" --no-print-directory \
	    OUT="$BATS_TEST_TMPDIR/out" report
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	expect_eq "$output" "$(cat out/summary.txt)"
	stamps >after
	cmp before after
}

@test "a changed setting rebuilds what depends on it, and only that" {
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ]
	cp out/topics.txt out/docs.tsv .
	stamps >before
	# Key terms: the patterns reach sp-grep as they are, never a shell
	# (Make* would be Makefile in make's folder, $(...) a command).
	run report OUT="$BATS_TEST_TMPDIR/out" \
	    KEYTERMS='terror* Make* "safe spaces" $(touch pwned)'
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	expect_eq "$(cat out/keyterms.dict)" "$(printf '%s\t%s\n' \
	    'terror*' 'terror*' 'Make*' 'Make*' 'safe spaces' '"safe spaces"' \
	    '$(touch' '$(touch' 'pwned)' 'pwned)')"
	[ ! -e "$SP_ROOT/pwned" ]
	grep -q "${TAB}terror\*${TAB}.*${TAB}terrorism${TAB}" out/kwic.tsv
	grep -q "${TAB}safe spaces${TAB}.*${TAB}safe spaces${TAB}" out/kwic.tsv
	changed out/kwic.tsv
	changed out/report.html
	unchanged out/topics.txt out/docs.tsv out/segments.tsv \
	    out/keyness-group.tsv
	# The column compared: the groups, their keywords, and the topic
	# model, whose prior depends on the group (a covariate).
	stamps >before
	run report OUT="$BATS_TEST_TMPDIR/out" GROUP=kind
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	expect_eq "$(cut -f1 out/groups.tsv)" "$(printf 'speech\npress release')"
	changed out/docs.tsv
	changed out/keyness-group.tsv
	changed out/topics.txt
	changed out/doc-topics.tsv
	unchanged out/content.tsv out/segments.tsv
	expect_eq "$(cut -f1,2 out/effects.tsv | uniq)" "$(printf '%s\t%s\n' \
	    kind 'press release' kind speech date:year 2016 date:year 2017 \
	    date:year 2018 date:year 2019)"
	# The period: the time tables, not the model (the year is a
	# covariate whatever the period).
	stamps >before
	run report OUT="$BATS_TEST_TMPDIR/out" GROUP=kind PERIOD=decade
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	expect_eq "$(cut -f1 out/periods.tsv)" 2010s
	changed out/docs.tsv
	unchanged out/topics.txt out/effects.tsv out/doc-topics.tsv
	# The number of topics: the model and what is made from it.
	stamps >before
	run report OUT="$BATS_TEST_TMPDIR/out" GROUP=kind PERIOD=decade TOPICS=3
	[ "$status" -eq 0 ]
	[ "$(wc -l <out/topics.txt)" -eq 3 ]
	changed out/doc-topics.tsv
	unchanged out/keyness-group.tsv out/docs.tsv
	# Back to the defaults: the same tables as at first.
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ]
	cmp topics.txt out/topics.txt
	cmp docs.tsv out/docs.tsv
}

@test "a deleted table is rebuilt, and so is what is made from it" {
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ]
	cp out/keyness-group.tsv out/report.html .
	rm out/counts-group.tsv
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ]
	[ -s out/counts-group.tsv ]
	cmp keyness-group.tsv out/keyness-group.tsv
	cmp report.html out/report.html
}

@test "a document added to or removed from the folder is seen" {
	mkdir texts
	cp "$CORPUS"/khan-2016-03-20.txt "$CORPUS"/javid-2018-06-04.txt texts/
	run report CORPUS="$BATS_TEST_TMPDIR/texts" OUT="$BATS_TEST_TMPDIR/mine"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	[ "$(cut -f1 mine/docs.tsv | paste -sd ' ' -)" = "javid-2018-06-04 khan-2016-03-20" ]
	cp "$CORPUS"/dick-2017-07-20.txt texts/
	run report CORPUS="$BATS_TEST_TMPDIR/texts" OUT="$BATS_TEST_TMPDIR/mine"
	[ "$status" -eq 0 ]
	[ "$(cut -f1 mine/docs.tsv | paste -sd ' ' -)" = "dick-2017-07-20 javid-2018-06-04 khan-2016-03-20" ]
	rm texts/javid-2018-06-04.txt
	run report CORPUS="$BATS_TEST_TMPDIR/texts" OUT="$BATS_TEST_TMPDIR/mine"
	[ "$status" -eq 0 ]
	[ "$(cut -f1 mine/docs.tsv | paste -sd ' ' -)" = "dick-2017-07-20 khan-2016-03-20" ]
	# Without an INDEX.tsv each document is its own group, and there
	# is no time.
	grep -q "^khan-2016-03-20${TAB}" mine/keyness-group.tsv
	[ ! -s mine/periods.tsv ]
	expect_eq "$(sections mine/report.html)" \
	    "methods groups topics keyterms concordance collocations documents tables"
}

@test "make -j2 report gives the same tables as a serial run" {
	run report OUT="$BATS_TEST_TMPDIR/s1/out"
	[ "$status" -eq 0 ]
	run report -j2 OUT="$BATS_TEST_TMPDIR/s2/out"
	[ "$status" -eq 0 ]
	for f in $TABLES; do
		case $f in
		settings.tsv | report.html | summary.txt)
			# They name OUT.
			cmp <(sed 's,/s1/out,/OUT,g' "s1/out/$f") \
			    <(sed 's,/s2/out,/OUT,g' "s2/out/$f") ;;
		*) cmp "s1/out/$f" "s2/out/$f" ;;
		esac
	done
}

@test "a file that is not text, invalid UTF-8 and ids missing from the table are warnings, shown in the summary and on the page" {
	mkdir texts
	cp "$CORPUS"/khan-2016-03-20.txt "$CORPUS"/javid-2018-06-04.txt texts/
	printf 'Some text.\n\000\001\002 binary\n' >texts/image.txt
	printf 'Caf\351 society is here.\n' >texts/latin1.txt
	printf 'id\tspeaker\tdate\nkhan-2016-03-20\tSadiq Khan\t2016-03-20\njavid-2018-06-04\tSajid Javid\t2018-06-04\n' >texts/INDEX.tsv
	run --separate-stderr report CORPUS="$BATS_TEST_TMPDIR/texts" OUT="$BATS_TEST_TMPDIR/mine"
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	[ -z "$stderr" ] || { echo "$stderr"; return 1; }
	expect_eq "$(cat mine/warnings.txt)" "sp-split: $BATS_TEST_TMPDIR/texts/image.txt:2: NUL byte: not a text file; rest of file skipped
sp-split: $BATS_TEST_TMPDIR/texts/latin1.txt: 1 invalid UTF-8 sequence replaced by U+FFFD
$BATS_TEST_TMPDIR/texts/INDEX.tsv: 2 ids not in the table (first: image); their records are counted as NA
hint: text in another encoding than UTF-8 can be converted with iconv, e.g. iconv -f WINDOWS-1252 -t UTF-8 old.txt > new.txt"
	grep -q '^Warnings about the input:$' <<<"$output"
	grep -q "^  sp-split: .*/image.txt:2: NUL byte" <<<"$output"
	grep -q '^  hint: .*iconv' <<<"$output"
	grep -q '<li>sp-split: .*/latin1.txt: 1 invalid UTF-8' mine/report.html
	grep -q '<li>hint: .*iconv' mine/report.html
	expect_eq "$(cut -f1-3 mine/docs.tsv)" "$(printf '%s\t%s\t%s\n' \
	    image NA NA javid-2018-06-04 'Sajid Javid' 2018 \
	    khan-2016-03-20 'Sadiq Khan' 2016 latin1 NA NA)"
	[ "$(find mine -name '*.tmp*' -o -name '*.new' | wc -l)" -eq 0 ]
}

@test "a records file with a metadata table" {
	printf 'id\tparty\tdate\nu1\tLab\t2020-01-06\nu2\tCon\t2020-01-06\nu3\tLab\t2020-02-03\n' >meta.tsv
	{
		sed -n '1,20p' "$CORPUS"/khan-2016-03-20.txt | grep . | sed 's/^/u1\t/'
		sed -n '1,20p' "$CORPUS"/javid-2018-06-04.txt | grep . | sed 's/^/u2\t/'
		sed -n '1,20p' "$CORPUS"/dick-2017-07-20.txt | grep . | sed 's/^/u3\t/'
		printf 'u4\tA speech the table does not know.\n'
	} >speeches.tsv
	run --separate-stderr report CORPUS="$BATS_TEST_TMPDIR/speeches.tsv" \
	    META="$BATS_TEST_TMPDIR/meta.tsv" GROUP=party PERIOD=month \
	    OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	expect_eq "$(cut -f1-3 out/docs.tsv)" "$(printf '%s\t%s\t%s\n' \
	    u1 Lab 2020-01 u2 Con 2020-01 u3 Lab 2020-02 u4 NA NA)"
	expect_eq "$(cut -f1,2 out/groups.tsv)" "$(printf '%s\t%s\n' Lab 2 Con 1 NA 1)"
	# Each line is a paragraph of its speech, the sentences numbered on.
	expect_eq "$(cut -f1,2 out/segments.tsv | uniq | awk -F '\t' '$1 == "u2"' | wc -l)" \
	    "$(grep -c '^u2' speeches.tsv)"
	expect_eq "$(awk -F '\t' '$1 == "u1" { print $3 }' out/segments.tsv | tail -n 1)" \
	    "$(awk -F '\t' '$1 == "u1"' out/segments.tsv | wc -l)"
	grep -q ': 1 id not in the table (first: u4)' out/warnings.txt
	# Two parties (and NA), one year: the party is the covariate;
	# sp-topics' note of the missing id is not repeated.
	expect_eq "$(grep -E '^(model|covariates)' out/fit.tsv)" \
	    "$(printf '%s\t%s\n' model dmr covariates party)"
	expect_eq "$(cut -f1,2 out/effects.tsv | uniq)" "$(printf '%s\t%s\n' \
	    party Con party Lab party NA)"
	run grep -c sp-topics <<<"$stderr"
	[ "$output" = 0 ]
	page_ok out/report.html
}

@test "2,000 dated speeches: a bounded page with a heatmap, time charts and a short summary" {
	cat "$CORPUS"/*.txt >source.txt
	sh "$SP_ROOT/tests/bench/make-speeches.sh" -r -s 1000000 source.txt 2000 gen
	run --separate-stderr report -j2 CORPUS="$BATS_TEST_TMPDIR/gen/speeches.tsv" \
	    META="$BATS_TEST_TMPDIR/gen/meta.tsv" OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	[ "$(wc -l <out/docs.tsv)" -eq 2000 ]
	[ "$(wc -l <out/summary.txt)" -lt 60 ]
	grep -q '^Distinctive words by speaker (the 8 largest of 42):$' out/summary.txt
	page_ok out/report.html
	expect_eq "$(sections out/report.html)" \
	    "methods groups time topics keyterms concordance collocations documents tables"
	grep -q "^covariates${TAB}speaker,date:year$" out/fit.tsv
	[ "$(heat_titles out/report.html 'topic prevalence by group' | wc -l)" -eq 120 ]
	run grep -c 'aria-label="topic mix per document"' out/report.html
	[ "$output" = 0 ]
	[ "$(grep -c 'aria-label="keywords of ' out/report.html)" -eq 8 ]
	[ "$(grep -c '<polyline' out/report.html)" -eq 5 ]
	# 231 years, drawn as 190 points at most.
	[ "$(grep -o '<polyline points="[^"]*"' out/report.html | head -n 1 |
	    tr -cd , | wc -c)" -eq 190 ]
	# The concordance: six lines a term, each from another period.
	[ "$(wc -l <out/kwic-sample.tsv)" -eq 30 ]
	[ "$(cut -f1,3 out/kwic-sample.tsv | sort -u | wc -l)" -eq 30 ]
}

# fails MESSAGE SETTING...: make report stops with MESSAGE (the first line
# on standard error) before any work: no table in OUT.
fails() {
	local want=$1

	shift
	run --separate-stderr report OUT="$BATS_TEST_TMPDIR/out" "$@"
	[ "$status" -eq 2 ] || { echo "status $status"; return 1; }
	expect_eq "$(head -n 1 <<<"$stderr")" "$want"
	[ ! -e out/segments.tsv ] || { echo "work started"; return 1; }
	[ "$(find out -name '*.tmp*' -o -name '*.new' 2>/dev/null | wc -l)" -eq 0 ]
}

@test "a missing, empty or unusable corpus is an error before any work" {
	fails "make report: CORPUS is empty: set it to a folder of .txt files or to a records file (lines ID TAB TEXT)" CORPUS=
	fails "make report: CORPUS=$BATS_TEST_TMPDIR/nowhere: no such folder or file" CORPUS="$BATS_TEST_TMPDIR/nowhere"
	mkdir empty
	fails "make report: CORPUS=$BATS_TEST_TMPDIR/empty: no .txt files in the folder" CORPUS="$BATS_TEST_TMPDIR/empty"
	: >empty.tsv
	fails "make report: CORPUS=$BATS_TEST_TMPDIR/empty.tsv: the records file is empty" CORPUS="$BATS_TEST_TMPDIR/empty.tsv"
	mkdir names
	cp "$CORPUS"/khan-2016-03-20.txt names/
	cp "$CORPUS"/khan-2016-03-20.txt "names/my notes.txt"
	cp "$CORPUS"/khan-2016-03-20.txt "names/a:b.txt"
	fails "make report: CORPUS=$BATS_TEST_TMPDIR/names: make cannot handle a file name with white space or one of : ; # \$ % * ? [ ] \\ ' \" \` | & < > ( ) { } !; rename $BATS_TEST_TMPDIR/names/a:b.txt, $BATS_TEST_TMPDIR/names/my notes.txt" \
	    CORPUS="$BATS_TEST_TMPDIR/names"
	printf 'u1\tone\ttwo\n' >three.tsv
	run --separate-stderr report OUT="$BATS_TEST_TMPDIR/out3" CORPUS="$BATS_TEST_TMPDIR/three.tsv"
	[ "$status" -eq 2 ]
	expect_eq "$(head -n 1 <<<"$stderr")" \
	    "make report: $BATS_TEST_TMPDIR/three.tsv:1: 3 fields: each line of a records file is ID TAB TEXT"
	[ ! -e out3/segments.tsv ] && [ ! -e out3/split.tmp ]
}

@test "a bad metadata table or setting is an error before any work" {
	mkdir texts
	cp "$CORPUS"/khan-2016-03-20.txt texts/
	c=CORPUS="$BATS_TEST_TMPDIR/texts"
	printf 'id\tspeaker\nkhan-2016-03-20\tSadiq Khan\textra\n' >texts/INDEX.tsv
	fails "make report: $BATS_TEST_TMPDIR/texts/INDEX.tsv:2: 3 fields, but the header has 2" "$c"
	printf 'id\tspeaker\r\nk\tA\r\nk\tB\r\n' >texts/INDEX.tsv
	fails "make report: $BATS_TEST_TMPDIR/texts/INDEX.tsv:3: id 'k' (column id) is also on line 2" "$c"
	printf 'id\tname\nkhan-2016-03-20\tSadiq Khan\n' >texts/INDEX.tsv
	fails "make report: $BATS_TEST_TMPDIR/texts/INDEX.tsv:1: no column 'speaker' (GROUP=speaker); the columns are: id, name" "$c"
	fails "make report: $BATS_TEST_TMPDIR/texts/INDEX.tsv:1: no column 'when' (DATE=when); the columns are: id, name" "$c" GROUP=name DATE=when
	printf 'id\tspeaker\tdate\nkhan-2016-03-20\tSadiq Khan\t20 March 2016\n' >texts/INDEX.tsv
	fails "make report: $BATS_TEST_TMPDIR/texts/INDEX.tsv:2: --by date:year: '20 March 2016' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)" "$c"
	printf 'id\tspeaker\tdate\nkhan-2016-03-20\tSadiq Khan\t2016\n' >texts/INDEX.tsv
	fails "make report: $BATS_TEST_TMPDIR/texts/INDEX.tsv:2: --by date:month: the date '2016' has no month" "$c" PERIOD=month
	printf 'id,speaker\nkhan-2016-03-20,Sadiq Khan\n' >texts/INDEX.csv
	fails "make report: META=$BATS_TEST_TMPDIR/texts/INDEX.csv: a CSV table; make report reads only TSV tables for now (a header row, then a row per document, fields separated by TAB)" \
	    "$c" META="$BATS_TEST_TMPDIR/texts/INDEX.csv"
	rm texts/INDEX.tsv
	fails "make report: GROUP=party: comparing by a column needs a metadata table (META=FILE, a header row and a row per document)" "$c" GROUP=party
	fails "make report: PERIOD=week: not year, month or decade" PERIOD=week
	fails "make report: TOPICS=1: not a number of topics from 2 to 100" TOPICS=1
	fails "make report: SWEEPS=lots: not a number of sweeps from 10 to 100000" SWEEPS=lots
	fails "make report: KEYTERMS: pattern '\"\"' has no words" KEYTERMS='""'
}

@test "make help lists every setting that README's table has" {
	run_ok make -s -C "$SP_ROOT" help
	for s in CORPUS META GROUP DATE PERIOD KEYTERMS TOPICS SWEEPS FIT OUT; do
		grep -q "^  $s=" <<<"$output" || { echo "make help: no $s"; return 1; }
		grep -q "^| \`$s\`" "$SP_ROOT/README.md" || { echo "README: no $s"; return 1; }
	done
}
