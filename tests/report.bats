#!/usr/bin/env bats
# make report: the main job runs on the bundled corpus and on a folder of
# one's own, writes its tables and page, and does nothing the second time.

# bats file_tags=once

load helper

report() {
	make -s -C "$SP_ROOT" "$@" report
}

@test "make report writes every table, the page and the summary" {
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	for d in dick-2017-07-20 homeoffice-2018-06-04 javid-2018-06-04 \
	    khan-2016-03-20 security-minister-2019-10; do
		[[ "$output" == *"$d  ("* ]] || { echo "no summary for $d"; return 1; }
	done
	[[ "$output" == *"distinctive: "* && "$output" == *"topics: "* ]]
	for f in segments.tsv tokens.tsv content.tsv freq.tsv keyness-doc.tsv \
	    keyness-speaker.tsv colloc.tsv kwic.tsv keyterms.tsv topics.txt \
	    doc-topics.tsv summary.txt report.html; do
		[ -s "out/$f" ] || { echo "missing out/$f"; return 1; }
	done
	# Every document has a topic mix that sums to one.
	run awk -F '\t' '{ s[$1] += $3 } END { for (d in s) if (s[d] < 0.999 || s[d] > 1.001) print d, s[d] }' out/doc-topics.tsv
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	expect_eq "$(cut -f1 out/doc-topics.tsv | sort -u)" \
	    "$(cd "$CORPUS" && ls *.txt | sed 's/\.txt$//')"
	# Keyness by speaker uses the names from INDEX.tsv.
	grep -q "^Sadiq Khan${TAB}" out/keyness-speaker.tsv
}

@test "report.html is one self-contained page with SVG charts" {
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ]
	html=out/report.html
	[ "$(grep -c '<svg' "$html")" -ge 7 ]
	! grep -qi '<script' "$html"
	! grep -Eqi '(src|href)="?(https?:)?//' "$html"
	grep -q '</html>' "$html"
	# Well-formed enough for an XML parser when one is installed.
	if command -v xmllint >/dev/null; then
		sed 's/<!DOCTYPE html>//' "$html" | xmllint --noout -
	fi
}

@test "a second make report does nothing" {
	run report OUT="$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ]
	run make -C "$SP_ROOT" OUT="$BATS_TEST_TMPDIR/out" report
	[ "$status" -eq 0 ]
	[[ "$output" == *"Nothing to be done for 'report'"* ]] || { echo "$output"; return 1; }
}

@test "make -j2 report gives the same tables as a serial run" {
	run report OUT="$BATS_TEST_TMPDIR/serial"
	[ "$status" -eq 0 ]
	run report -j2 OUT="$BATS_TEST_TMPDIR/parallel"
	[ "$status" -eq 0 ]
	for f in segments.tsv freq.tsv keyness-doc.tsv colloc.tsv kwic.tsv \
	    topics.txt doc-topics.tsv report.html; do
		cmp "serial/$f" "parallel/$f"
	done
}

@test "CORPUS=dir analyses a folder without an INDEX.tsv" {
	mkdir texts
	cp "$CORPUS"/khan-2016-03-20.txt "$CORPUS"/javid-2018-06-04.txt texts/
	run report CORPUS="$BATS_TEST_TMPDIR/texts" OUT="$BATS_TEST_TMPDIR/mine"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	[[ "$output" == *"khan-2016-03-20"* ]]
	[ "$(cut -f1 mine/sizes.tsv | paste -sd ' ' -)" = "javid-2018-06-04 khan-2016-03-20" ]
	# Without an index, speakers are the document ids.
	grep -q "^khan-2016-03-20${TAB}" mine/keyness-speaker.tsv
}
