#!/usr/bin/env bats
# sp-split: documents in, segment records out.

load helper

@test "the document id is the file name without directory and extension" {
	mkdir -p sub
	printf 'One. Two.\n' > sub/speech.2019.txt
	printf 'Three.\n' > noext
	run --separate-stderr sp-split sub/speech.2019.txt noext
	[ "$status" -eq 0 ]
	expect_eq "$output" "speech.2019${TAB}1${TAB}1${TAB}One.
speech.2019${TAB}1${TAB}2${TAB}Two.
noext${TAB}1${TAB}1${TAB}Three."
}

@test "paragraphs are separated by blank lines; sentences count through the document" {
	printf 'First line\nwraps here. Second.\n\n  \nNew paragraph.\n' > d.txt
	run_ok sp-split d.txt
	expect_eq "$output" "d${TAB}1${TAB}1${TAB}First line wraps here.
d${TAB}1${TAB}2${TAB}Second.
d${TAB}2${TAB}3${TAB}New paragraph."
}

@test "standard input has id - or the one given with --id" {
	run_ok sp-split < /dev/null
	expect_eq "$output" ""
	printf 'Hello there. Bye.\n' > in.txt
	run_ok sp-split < in.txt
	expect_eq "$output" "-${TAB}1${TAB}1${TAB}Hello there.
-${TAB}1${TAB}2${TAB}Bye."
	printf 'Hello.\n' > in.txt
	run_ok sp-split --id khan - < in.txt
	expect_eq "$output" "khan${TAB}1${TAB}1${TAB}Hello."
}

@test "--id rejects ids that would break the record format" {
	run --separate-stderr sp-split --id "$(printf 'a\tb')"
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "sp-split: --id: 'a${TAB}b' is not a valid document id" ]
}

@test "--lines makes every non-blank line a paragraph" {
	printf 'Heading\nA line. Another.\n\nLast\n' > l.txt
	run_ok sp-split --lines l.txt
	expect_eq "$output" "l${TAB}1${TAB}1${TAB}Heading
l${TAB}2${TAB}2${TAB}A line.
l${TAB}2${TAB}3${TAB}Another.
l${TAB}3${TAB}4${TAB}Last"
}

@test "--paragraphs writes one record per paragraph with its first sentence number" {
	printf 'One. Two.\n\nThree.   Four.\nFive.\n' > p.txt
	run_ok sp-split --paragraphs p.txt
	expect_eq "$output" "p${TAB}1${TAB}1${TAB}One. Two.
p${TAB}2${TAB}3${TAB}Three. Four. Five."
}

@test "white space runs, tabs and no-break spaces become one space" {
	printf 'A\t\ttabbed\302\240\302\240and   spaced\342\200\203sentence.\n' > w.txt
	run_ok sp-split w.txt
	expect_eq "$output" "w${TAB}1${TAB}1${TAB}A tabbed and spaced sentence."
}

@test "a BOM and CRLF line ends are dropped" {
	printf '\357\273\277First. Second\r\nline.\r\n\r\nThird.\r\n' > crlf.txt
	run_ok sp-split crlf.txt
	expect_eq "$output" "crlf${TAB}1${TAB}1${TAB}First.
crlf${TAB}1${TAB}2${TAB}Second line.
crlf${TAB}2${TAB}3${TAB}Third."
}

@test "an empty file and a file without a final newline" {
	: > empty.txt
	printf 'No newline at the end.' > nonl.txt
	run --separate-stderr sp-split empty.txt nonl.txt
	[ "$status" -eq 0 ]
	expect_eq "$output" "nonl${TAB}1${TAB}1${TAB}No newline at the end."
}

@test "a paragraph that ends with a word and one space" {
	# Both once made sp-split read a byte past the paragraph (ASan).
	run --separate-stderr sh -c "printf 'a ' | sp-split"
	[ "$status" -eq 0 ]
	expect_eq "$output" "-${TAB}1${TAB}1${TAB}a"
	run --separate-stderr sh -c "printf 'Thank you \\n\\nNext para.\\n' | sp-split"
	[ "$status" -eq 0 ]
	expect_eq "$output" "-${TAB}1${TAB}1${TAB}Thank you
-${TAB}2${TAB}2${TAB}Next para."
	[ -z "$stderr" ]
}

@test "a sentence broken by a stray blank line is joined" {
	printf 'We will work with partners to\n\ntackle the threat. Next one.\n\nNew paragraph.\n' > s.txt
	run_ok sp-split s.txt
	expect_eq "$output" "s${TAB}1${TAB}1${TAB}We will work with partners to tackle the threat.
s${TAB}1${TAB}2${TAB}Next one.
s${TAB}2${TAB}3${TAB}New paragraph."
}

@test "a heading without a full stop is its own sentence and paragraph" {
	printf 'Counter-terrorism strategy\n\nThe strategy was published today.\n' > h.txt
	run_ok sp-split h.txt
	expect_eq "$output" "h${TAB}1${TAB}1${TAB}Counter-terrorism strategy
h${TAB}2${TAB}2${TAB}The strategy was published today."
}

@test "abbreviations, initials, numbers, times and acronyms do not end sentences" {
	printf 'Mr Javid and Dr. Smith met J. K. Rowling at 8.30pm in the U.K. on 7/7. The cost was £1.9m, i.e. too much.\n' > a.txt
	run_ok sp-split a.txt
	expect_eq "$output" "a${TAB}1${TAB}1${TAB}Mr Javid and Dr. Smith met J. K. Rowling at 8.30pm in the U.K. on 7/7.
a${TAB}1${TAB}2${TAB}The cost was £1.9m, i.e. too much."
}

@test "parliamentary and legal references do not end sentences" {
	printf 'I thank the hon. Member. My right hon. and learned Friend agrees. Under s. 44 and ss. 1\342\200\2233, see para. 12, cl. 3, Art. 5 and HC Deb 5 May 2010, col. 123. No. 10 agreed.\n' > p.txt
	run_ok sp-split p.txt
	expect_eq "$output" "p${TAB}1${TAB}1${TAB}I thank the hon. Member.
p${TAB}1${TAB}2${TAB}My right hon. and learned Friend agrees.
p${TAB}1${TAB}3${TAB}Under s. 44 and ss. 1–3, see para. 12, cl. 3, Art. 5 and HC Deb 5 May 2010, col. 123.
p${TAB}1${TAB}4${TAB}No. 10 agreed."
}

@test "an acronym ends a sentence before a sentence opener, an initial never" {
	printf 'It went to the U.N. The reply came. I live in the U.S. How about you? The U.S. Senate met P. Henderson and C. S. Lewis.\n' > u.txt
	run_ok sp-split u.txt
	expect_eq "$output" "u${TAB}1${TAB}1${TAB}It went to the U.N.
u${TAB}1${TAB}2${TAB}The reply came.
u${TAB}1${TAB}3${TAB}I live in the U.S.
u${TAB}1${TAB}4${TAB}How about you?
u${TAB}1${TAB}5${TAB}The U.S. Senate met P. Henderson and C. S. Lewis."
}

@test "a heading line above its text in one paragraph is a sentence" {
	printf 'Counter-Terrorism and Border Security Bill\nLords amendments considered.\n\nAnd the Amorites, and the Canaanites, and the Girgashites, and the\nJebusites.\n' > h.txt
	run_ok sp-split h.txt
	expect_eq "$output" "h${TAB}1${TAB}1${TAB}Counter-Terrorism and Border Security Bill
h${TAB}1${TAB}2${TAB}Lords amendments considered.
h${TAB}2${TAB}3${TAB}And the Amorites, and the Canaanites, and the Girgashites, and the Jebusites."
}

@test "a Hansard-style sitting: 62 hand-segmented sentences, all right" {
	run_ok sp-split "$FIXTURES/sp-split/hansard.txt"
	expect_eq "$(printf '%s\n' "$output" | cut -f4)" \
	    "$(cat "$FIXTURES/sp-split/hansard.sentences")"
}

@test "closing quotes and brackets stay with the sentence they end" {
	printf 'She said, “the attack changed us.” Then she left. (It was late.) Why? “Because.”\n' > q.txt
	run_ok sp-split q.txt
	expect_eq "$output" "q${TAB}1${TAB}1${TAB}She said, “the attack changed us.”
q${TAB}1${TAB}2${TAB}Then she left.
q${TAB}1${TAB}3${TAB}(It was late.)
q${TAB}1${TAB}4${TAB}Why?
q${TAB}1${TAB}5${TAB}“Because.”"
}

@test "bullets in a paragraph each start a sentence" {
	printf 'The strategy has four parts:\n• Prevent\n• Pursue\n• Protect\n• Prepare\n' > b.txt
	run_ok sp-split b.txt
	expect_eq "$output" "b${TAB}1${TAB}1${TAB}The strategy has four parts:
b${TAB}1${TAB}2${TAB}• Prevent
b${TAB}1${TAB}3${TAB}• Pursue
b${TAB}1${TAB}4${TAB}• Protect
b${TAB}1${TAB}5${TAB}• Prepare"
}

@test "-a FILE adds abbreviations, with or without the dot" {
	printf 'The figure is blorp. Ten thousand. Zq. Table two.\n' > ab.txt
	run_ok sp-split ab.txt
	expect_eq "$output" "ab${TAB}1${TAB}1${TAB}The figure is blorp.
ab${TAB}1${TAB}2${TAB}Ten thousand.
ab${TAB}1${TAB}3${TAB}Zq.
ab${TAB}1${TAB}4${TAB}Table two."
	printf '# mine\nblorp\n\nzq.\n' > abbrevs
	run_ok sp-split -a abbrevs ab.txt
	expect_eq "$output" "ab${TAB}1${TAB}1${TAB}The figure is blorp. Ten thousand.
ab${TAB}1${TAB}2${TAB}Zq. Table two."
}

@test "-a with a missing file is an error before any output" {
	printf 'One.\n' > x.txt
	run --separate-stderr sp-split -a nosuch x.txt
	[ "$status" -eq 2 ]
	[ "$stderr" = "sp-split: nosuch: No such file or directory" ]
	[ -z "$output" ]
}

@test "invalid UTF-8 is replaced by U+FFFD with one warning per file" {
	printf 'Bad \377 byte. Another \300 here.\n' > bad.txt
	run --separate-stderr sp-split bad.txt
	[ "$status" -eq 0 ]
	expect_eq "$output" "bad${TAB}1${TAB}1${TAB}Bad � byte.
bad${TAB}1${TAB}2${TAB}Another � here."
	[ "$stderr" = "sp-split: bad.txt: 2 invalid UTF-8 sequences replaced by U+FFFD" ]
}

@test "a NUL byte stops that file with an error; records before it are kept" {
	printf 'Good one.\n\nBad\000one.\n\nNever read.\n' > nul.txt
	printf 'Other file.\n' > other.txt
	run --separate-stderr sp-split nul.txt other.txt
	[ "$status" -eq 2 ]
	expect_eq "$output" "nul${TAB}1${TAB}1${TAB}Good one.
other${TAB}1${TAB}1${TAB}Other file."
	[ "$stderr" = "sp-split: nul.txt:3: NUL byte: not a text file; rest of file skipped" ]
}

@test "records never contain TAB, CR or a stray LF" {
	run_ok sp-split "$CORPUS"/*.txt
	[ "${#lines[@]}" -gt 0 ]
	# Four fields, no CR, no space at either end of the text or two in
	# a row, and the numbers are numbers.
	run awk -F '\t' 'NF != 4 || /\r/ || $4 ~ /^ | $|  / ||
	    $2 !~ /^[1-9][0-9]*$/ || $3 !~ /^[1-9][0-9]*$/' <<<"$output"
	[ "$status" -eq 0 ]
	expect_eq "$output" ""
}

@test "the bundled corpus: every document, its paragraphs and sentences in order, no text lost" {
	for f in "$CORPUS"/*.txt; do
		id=$(basename "$f" .txt)
		run_ok sp-split "$f"
		printf '%s\n' "$output" > "$id.seg"
		# Every record is of this document; paragraph numbers go up by
		# at most one from 1, sentence numbers by one from 1.
		[ -s "$id.seg" ]
		run awk -F '\t' -v id="$id" '$1 != id || $2 - p > 1 || $2 < p ||
		    $3 != NR { print; exit 1 } { p = $2 }' "$id.seg"
		[ "$status" -eq 0 ] || { echo "$id: $output"; return 1; }
		# The paragraphs are the blank-line-separated blocks, less the
		# blocks that go on with a sentence (starting in lower case).
		want=$(awk 'BEGIN { RS = "" } /^[a-z]/ { j++ }
		    END { print NR - j }' "$f")
		expect_eq "$(tail -n 1 "$id.seg" | cut -f2)" "$want"
		# The text is the document's, with its white space (here also
		# no-break spaces) made single spaces: nothing lost, nothing
		# added, nothing moved.
		expect_eq "$(cut -f4 "$id.seg" | tr -d ' \n' | cksum)" \
		    "$(tr -d ' \t\r\n' < "$f" | sed "s/$(printf '\302\240')//g" |
		    cksum)"
	done
}

@test "the Security Minister's two broken sentences are whole" {
	f=$CORPUS/security-minister-2019-10.txt
	run_ok sp-split "$f"
	# No sentence starts in lower case...
	[ -z "$(cut -f4 <<<"$output" | grep '^[a-z]')" ]
	# ...and each block that goes on with a sentence is in one record
	# with the end of the block before it.
	awk 'BEGIN { RS = "" } { gsub(/[ \t\r\n]+/, " ") }
	    /^[a-z]/ { n = split(prev, w, " "); print w[n - 1] " " w[n] " " $1 " " $2 }
	    { prev = $0 }' "$f" > joins
	[ "$(wc -l < joins)" -eq 2 ]
	while IFS= read -r join; do
		[ "$(cut -f4 <<<"$output" | grep -cF -- "$join")" -eq 1 ] ||
			{ echo "not one record: $join"; return 1; }
	done < joins
}

@test "a long paragraph is split as it is read: a 20 MB line gives every sentence, in memory proportional to it" {
	grep -qa __asan_init "$SP_BIN/sp-split" &&
		skip "peak memory is not measured under AddressSanitizer"
	maxrss=$(build_tool maxrss)
	for n in 330000 660000; do
		awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++)
		    printf "This is sentence %d of many. ", i; print "" }' > "long$n.txt"
		"$maxrss" "rss$n" sp-split "long$n.txt" > "out$n"
		awk -v n="$n" -v id="long$n" 'BEGIN { for (i = 0; i < n; i++)
		    printf "%s\t1\t%d\tThis is sentence %d of many.\n", id, i + 1, i }' |
		    cmp - "out$n"
	done
	[ "$(cat rss330000)" -gt 0 ] || skip "the system does not report peak memory"
	# About twice the line (the reader's buffer and the paragraph's),
	# however many sentences; a third copy would break the bound.
	size=$(($(wc -c < long660000.txt) / 1024))
	[ "$(cat rss660000)" -lt $((size * 5 / 2 + 4096)) ] ||
		{ echo "$(cat rss660000) KB for a line of $size KB"; return 1; }
	# And it grows with the line, no faster.
	[ "$(cat rss660000)" -lt $(($(cat rss330000) * 2 + 2048)) ] ||
		{ echo "$(cat rss330000) KB, then $(cat rss660000) KB"; return 1; }
}

@test "many paragraphs stream: memory does not grow with the input" {
	grep -qa __asan_init "$SP_BIN/sp-split" &&
		skip "peak memory is not measured under AddressSanitizer"
	maxrss=$(build_tool maxrss)
	for n in 50000 500000; do
		awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++)
		    printf "Paragraph %d has one sentence. And two.\n\n", i }' > "p$n.txt"
		"$maxrss" "rss$n" sp-split "p$n.txt" > "out$n"
		awk -v n="$n" -v id="p$n" 'BEGIN { for (i = 0; i < n; i++)
		    printf "%s\t%d\t%d\tParagraph %d has one sentence.\n%s\t%d\t%d\tAnd two.\n",
		    id, i + 1, 2 * i + 1, i, id, i + 1, 2 * i + 2 }' | cmp - "out$n"
	done
	[ "$(cat rss50000)" -gt 0 ] || skip "the system does not report peak memory"
	# 20 MB of text take no more memory than 2 MB.
	[ "$(cat rss500000)" -lt $(($(cat rss50000) + 1024)) ] ||
		{ echo "$(cat rss50000) KB for 2 MB, $(cat rss500000) KB for 20 MB"; return 1; }
}

@test "--records: the key is kept, each record is a paragraph, sentences run within a key" {
	printf 'u1\tThe hon. Member is right. We will act.\nu1\tI agree\nu2\tI thank the Minister.\n' > s.tsv
	run_ok sp-split --records s.tsv
	expect_eq "$output" "u1${TAB}1${TAB}1${TAB}The hon. Member is right.
u1${TAB}1${TAB}2${TAB}We will act.
u1${TAB}2${TAB}3${TAB}I agree
u2${TAB}1${TAB}1${TAB}I thank the Minister."
}

@test "--records: records are never joined, even where plain text would join them" {
	# In plain text the second paragraph would continue the first.
	printf 'k\tit ends without a stop\nk\tand goes on.\n' > j.tsv
	run_ok sp-split --records j.tsv
	expect_eq "$output" "k${TAB}1${TAB}1${TAB}it ends without a stop
k${TAB}2${TAB}2${TAB}and goes on."
}

@test "--records: a key of several fields is kept whole; the last TAB ends it" {
	printf '2020-01-08\tLab\tu7\tFirst. Second.\n2020-01-08\tCon\tu7\tThird.\n' > m.tsv
	run_ok sp-split --records m.tsv
	expect_eq "$output" "2020-01-08${TAB}Lab${TAB}u7${TAB}1${TAB}1${TAB}First.
2020-01-08${TAB}Lab${TAB}u7${TAB}1${TAB}2${TAB}Second.
2020-01-08${TAB}Con${TAB}u7${TAB}1${TAB}1${TAB}Third."
}

@test "--records: a key that comes back goes on where it stopped, across files too" {
	printf 'a\tOne. Two.\nb\tThree.\na\tFour.\n' > r1.tsv
	printf 'b\tFive.\n' > r2.tsv
	run_ok sp-split --records r1.tsv r2.tsv
	expect_eq "$output" "a${TAB}1${TAB}1${TAB}One.
a${TAB}1${TAB}2${TAB}Two.
b${TAB}1${TAB}1${TAB}Three.
a${TAB}2${TAB}3${TAB}Four.
b${TAB}2${TAB}2${TAB}Five."
}

@test "--records --paragraphs: one record per record, with its first sentence number" {
	printf 'a\tOne.  Two.\na\tThree.\nb\tFour. Five.\n' > p.tsv
	run_ok sp-split --records --paragraphs p.tsv
	expect_eq "$output" "a${TAB}1${TAB}1${TAB}One. Two.
a${TAB}2${TAB}3${TAB}Three.
b${TAB}1${TAB}1${TAB}Four. Five."
	run_ok sp-split --records --paragraphs --lines p.tsv
	expect_eq "$output" "a${TAB}1${TAB}1${TAB}One. Two.
a${TAB}2${TAB}3${TAB}Three.
b${TAB}1${TAB}1${TAB}Four. Five."
}

@test "--records: an empty or blank text is no paragraph; its key starts nothing" {
	printf 'a\t\na\t  \302\240\na\tOne.\nb\t\nc\tTwo.\n' > e.tsv
	run_ok sp-split --records e.tsv
	expect_eq "$output" "a${TAB}1${TAB}1${TAB}One.
c${TAB}1${TAB}1${TAB}Two."
}

@test "--records: a line with no TAB or no id is reported and skipped, a blank one passed over" {
	printf 'a\tOne.\nstray line\n\tNo id.\n\tx\tNo id either.\n\n \t \na\tTwo.\n' > bad.tsv
	printf 'b\tThree.\n' > good.tsv
	run --separate-stderr sp-split --records bad.tsv good.tsv
	[ "$status" -eq 2 ]
	expect_eq "$output" "a${TAB}1${TAB}1${TAB}One.
a${TAB}2${TAB}2${TAB}Two.
b${TAB}1${TAB}1${TAB}Three."
	expect_eq "$stderr" "sp-split: bad.tsv:2: no TAB: a record is KEY TAB TEXT; line skipped
sp-split: bad.tsv:3: empty id: a record is KEY TAB TEXT; line skipped
sp-split: bad.tsv:4: empty id: a record is KEY TAB TEXT; line skipped"
}

@test "--records: BOM, CRLF, invalid UTF-8 and NUL as in every program" {
	printf '\357\273\277a\tFirst. Second.\r\na\tBad \377 byte.\r\n' > c.tsv
	run --separate-stderr sp-split --records c.tsv
	[ "$status" -eq 0 ]
	expect_eq "$output" "a${TAB}1${TAB}1${TAB}First.
a${TAB}1${TAB}2${TAB}Second.
a${TAB}2${TAB}3${TAB}Bad � byte."
	[ "$stderr" = "sp-split: c.tsv: 1 invalid UTF-8 sequence replaced by U+FFFD" ]
	printf 'a\tKept.\nb\tBad\000.\nc\tNever.\n' > n.tsv
	run --separate-stderr sp-split --records n.tsv
	[ "$status" -eq 2 ]
	expect_eq "$output" "a${TAB}1${TAB}1${TAB}Kept."
	[ "$stderr" = "sp-split: n.tsv:2: NUL byte: not a text file; rest of file skipped" ]
}

@test "--records reads standard input; --id is refused with it" {
	run_ok sp-split --records < /dev/null
	expect_eq "$output" ""
	printf 'k\tHello there.\n' > in.tsv
	run_ok sp-split --records - < in.tsv
	expect_eq "$output" "k${TAB}1${TAB}1${TAB}Hello there."
	run --separate-stderr sp-split --records --id x in.tsv
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "sp-split: --id: not with --records, whose records carry their ids" ]
	[ -z "$output" ]
}

@test "--records on segment records: the old key is kept, the text split anew" {
	printf 'One. Two.\n\nThree. Four.\n' > d.txt
	sp-split --paragraphs d.txt > para.tsv
	run_ok sp-split --records para.tsv
	expect_eq "$output" "d${TAB}1${TAB}1${TAB}1${TAB}1${TAB}One.
d${TAB}1${TAB}1${TAB}1${TAB}2${TAB}Two.
d${TAB}2${TAB}3${TAB}1${TAB}1${TAB}Three.
d${TAB}2${TAB}3${TAB}1${TAB}2${TAB}Four."
}

@test "--records gives the sentences that plain text one paragraph a line gives" {
	# The corpus's paragraphs as records: the same sentences, paragraph
	# for paragraph, as the paragraphs of a plain file one a line.
	awk 'BEGIN { RS = "" } { gsub(/[\t\n]/, " "); print FILENAME "\t" $0 }' \
	    "$CORPUS"/*.txt > corpus.tsv
	cut -f2 corpus.tsv | awk '{ print; print "" }' > corpus.txt
	sp-split --records corpus.tsv | cut -f4 > rec.out
	sp-split --lines corpus.txt | cut -f4 > txt.out
	cmp rec.out txt.out
	[ "$(wc -l < rec.out)" -gt 600 ]
}

@test "the ParlaMint-style sitting in corpus/parlamint: every speech split, every id in its table" {
	s=$CORPUS/parlamint/ParlaMint-GB_2021-03-17-commons
	run_ok sp-split --records "$s.txt"
	# Every speech gives sentences under its own id, in order.
	expect_eq "$(printf '%s\n' "$output" | cut -f1 | uniq)" "$(cut -f1 "$s.txt")"
	[ "${#lines[@]}" -eq 71 ]
	expect_eq "${lines[0]}" "ParlaMint-GB_2021-03-17-commons.u1${TAB}1${TAB}1${TAB}Order."
	expect_eq "${lines[1]}" "ParlaMint-GB_2021-03-17-commons.u1${TAB}1${TAB}2${TAB}Before we come to the business of the day, I remind hon. Members that the debate on flood defences is heavily subscribed."
	# The table: ParlaMint's header, a row per speech in the ID column.
	expect_eq "$(head -n 1 "$s-meta.tsv")" "Text_ID${TAB}ID${TAB}Title${TAB}Date${TAB}Body${TAB}Term${TAB}Session${TAB}Meeting${TAB}Sitting${TAB}Agenda${TAB}Subcorpus${TAB}Speaker_role${TAB}Speaker_MP${TAB}Speaker_minister${TAB}Speaker_party${TAB}Speaker_party_name${TAB}Party_status${TAB}Party_orientation${TAB}Speaker_ID${TAB}Speaker_name${TAB}Speaker_gender${TAB}Speaker_birth"
	expect_eq "$(tail -n +2 "$s-meta.tsv" | cut -f2)" "$(cut -f1 "$s.txt")"
	[ "$(awk -F '\t' 'NF != 22' "$s-meta.tsv" | wc -l)" -eq 0 ]
}

@test "--turns auto: a Hansard-like and a Congressional-Record-like transcript" {
	cp "$FIXTURES"/sp-split/turns-hansard.txt "$FIXTURES"/sp-split/turns-record.txt .
	run_ok sp-split --turns auto turns-hansard.txt
	expect_file "$FIXTURES/sp-split/turns-hansard.out"
	run_ok sp-split --turns=auto turns-record.txt
	expect_file "$FIXTURES/sp-split/turns-record.out"
	# Every line that starts a turn there, and nothing else, gave a label.
	expect_eq "$(cut -f4 "$FIXTURES/sp-split/turns-record.out" | uniq | paste -sd '|' -)" \
	    "-|The PRESIDING OFFICER|Mr. BROWN|Mr. McCONNELL|The PRESIDING OFFICER|Mrs. MURRAY of Washington|The SPEAKER pro tempore (Mr. SMITH of Texas)|Q|A"
}

@test "--turns: a label ends the paragraph before it; the label is the fourth key field" {
	printf 'Heading\n\nIntro text with no\nSMITH: Yes, it\nwraps here\n\nmore from Smith.\nJONES:\nWell.\n' > t.txt
	run_ok sp-split --turns '[A-Z]+:' t.txt
	expect_eq "$output" "t${TAB}1${TAB}1${TAB}-${TAB}Heading
t${TAB}2${TAB}2${TAB}-${TAB}Intro text with no
t${TAB}3${TAB}3${TAB}SMITH${TAB}Yes, it wraps here more from Smith.
t${TAB}4${TAB}4${TAB}JONES${TAB}Well."
	run_ok sp-split --turns '[A-Z]+:' --paragraphs --lines t.txt
	expect_eq "$output" "t${TAB}1${TAB}1${TAB}-${TAB}Heading
t${TAB}2${TAB}2${TAB}-${TAB}Intro text with no
t${TAB}3${TAB}3${TAB}SMITH${TAB}Yes, it
t${TAB}4${TAB}4${TAB}SMITH${TAB}wraps here
t${TAB}5${TAB}5${TAB}SMITH${TAB}more from Smith.
t${TAB}6${TAB}6${TAB}JONES${TAB}Well."
}

@test "--turns: a user's pattern is anchored and the label normalised; a bad one is an error" {
	printf 'The Chair:  Order.\nx The Chair: not a label\nSpeaker 2 :\tYes.  \n' > u.txt
	run_ok sp-split --lines --turns 'The Chair|Speaker [0-9]+ *:' u.txt
	expect_eq "$output" "u${TAB}1${TAB}1${TAB}The Chair${TAB}: Order.
u${TAB}2${TAB}2${TAB}The Chair${TAB}x The Chair: not a label
u${TAB}3${TAB}3${TAB}Speaker 2${TAB}Yes."
	run --separate-stderr sp-split --turns '(open' u.txt
	[ "$status" -eq 2 ]
	[[ "${stderr_lines[0]}" == "sp-split: --turns: '(open': "* ]]
	[ -z "$output" ]
	run --separate-stderr sp-split --records --turns auto u.txt
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "sp-split: --turns: not with --records, whose records are already divided" ]
}

@test "--turns: downstream, --by doc, para and sent name what they say, and cut -f4,5 groups by speaker" {
	printf 'A: One two. Two three.\nB: Three four.\nA: Four four.\n' > s.txt
	sp-split --turns '[A-Z]:' s.txt | sp-tokens > tok.tsv
	# Tokens keep the whole key, the speaker included.
	expect_eq "$(head -n 1 tok.tsv)" "s${TAB}1${TAB}1${TAB}A${TAB}one"
	run_ok sp-count --by doc tok.tsv
	expect_eq "$output" "s${TAB}four${TAB}3
s${TAB}three${TAB}2
s${TAB}two${TAB}2
s${TAB}one${TAB}1"
	run_ok sp-count --by para -n 1 tok.tsv
	expect_eq "$output" "s${TAB}1${TAB}two${TAB}2
s${TAB}2${TAB}four${TAB}1
s${TAB}3${TAB}four${TAB}2"
	run_ok sp-count --by sent -n 1 tok.tsv
	expect_eq "$output" "s${TAB}1${TAB}1${TAB}one${TAB}1
s${TAB}1${TAB}2${TAB}three${TAB}1
s${TAB}2${TAB}3${TAB}four${TAB}1
s${TAB}3${TAB}4${TAB}four${TAB}2"
	cut -f4,5 tok.tsv | sp-count --by doc > by-speaker.tsv
	expect_eq "$(cat by-speaker.tsv)" "A${TAB}four${TAB}2
A${TAB}two${TAB}2
A${TAB}one${TAB}1
A${TAB}three${TAB}1
B${TAB}four${TAB}1
B${TAB}three${TAB}1"
}
