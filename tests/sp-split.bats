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
	run sp-split d.txt
	expect_eq "$output" "d${TAB}1${TAB}1${TAB}First line wraps here.
d${TAB}1${TAB}2${TAB}Second.
d${TAB}2${TAB}3${TAB}New paragraph."
}

@test "standard input has id - or the one given with --id" {
	run sp-split < /dev/null
	expect_eq "$output" ""
	run sh -c 'printf "Hello there. Bye.\n" | sp-split'
	expect_eq "$output" "-${TAB}1${TAB}1${TAB}Hello there.
-${TAB}1${TAB}2${TAB}Bye."
	run sh -c 'printf "Hello.\n" | sp-split --id khan -'
	expect_eq "$output" "khan${TAB}1${TAB}1${TAB}Hello."
}

@test "--id rejects ids that would break the record format" {
	run --separate-stderr sp-split --id "$(printf 'a\tb')"
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "sp-split: --id: 'a${TAB}b' is not a valid document id" ]
}

@test "--lines makes every non-blank line a paragraph" {
	printf 'Heading\nA line. Another.\n\nLast\n' > l.txt
	run sp-split --lines l.txt
	expect_eq "$output" "l${TAB}1${TAB}1${TAB}Heading
l${TAB}2${TAB}2${TAB}A line.
l${TAB}2${TAB}3${TAB}Another.
l${TAB}3${TAB}4${TAB}Last"
}

@test "--paragraphs writes one record per paragraph with its first sentence number" {
	printf 'One. Two.\n\nThree.   Four.\nFive.\n' > p.txt
	run sp-split --paragraphs p.txt
	expect_eq "$output" "p${TAB}1${TAB}1${TAB}One. Two.
p${TAB}2${TAB}3${TAB}Three. Four. Five."
}

@test "white space runs, tabs and no-break spaces become one space" {
	printf 'A\t\ttabbed\302\240\302\240and   spaced\342\200\203sentence.\n' > w.txt
	run sp-split w.txt
	expect_eq "$output" "w${TAB}1${TAB}1${TAB}A tabbed and spaced sentence."
}

@test "a BOM and CRLF line ends are dropped" {
	printf '\357\273\277First. Second\r\nline.\r\n\r\nThird.\r\n' > crlf.txt
	run sp-split crlf.txt
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

@test "a sentence broken by a stray blank line is joined" {
	printf 'We will work with partners to\n\ntackle the threat. Next one.\n\nNew paragraph.\n' > s.txt
	run sp-split s.txt
	expect_eq "$output" "s${TAB}1${TAB}1${TAB}We will work with partners to tackle the threat.
s${TAB}1${TAB}2${TAB}Next one.
s${TAB}2${TAB}3${TAB}New paragraph."
}

@test "a heading without a full stop is its own sentence and paragraph" {
	printf 'Counter-terrorism strategy\n\nThe strategy was published today.\n' > h.txt
	run sp-split h.txt
	expect_eq "$output" "h${TAB}1${TAB}1${TAB}Counter-terrorism strategy
h${TAB}2${TAB}2${TAB}The strategy was published today."
}

@test "abbreviations, initials, numbers, times and acronyms do not end sentences" {
	printf 'Mr Javid and Dr. Smith met J. K. Rowling at 8.30pm in the U.K. on 7/7. The cost was £1.9m, i.e. too much.\n' > a.txt
	run sp-split a.txt
	expect_eq "$output" "a${TAB}1${TAB}1${TAB}Mr Javid and Dr. Smith met J. K. Rowling at 8.30pm in the U.K. on 7/7.
a${TAB}1${TAB}2${TAB}The cost was £1.9m, i.e. too much."
}

@test "parliamentary and legal references do not end sentences" {
	printf 'I thank the hon. Member. My right hon. and learned Friend agrees. Under s. 44 and ss. 1\342\200\2233, see para. 12, cl. 3, Art. 5 and HC Deb 5 May 2010, col. 123. No. 10 agreed.\n' > p.txt
	run sp-split p.txt
	expect_eq "$output" "p${TAB}1${TAB}1${TAB}I thank the hon. Member.
p${TAB}1${TAB}2${TAB}My right hon. and learned Friend agrees.
p${TAB}1${TAB}3${TAB}Under s. 44 and ss. 1–3, see para. 12, cl. 3, Art. 5 and HC Deb 5 May 2010, col. 123.
p${TAB}1${TAB}4${TAB}No. 10 agreed."
}

@test "an acronym ends a sentence before a sentence opener, an initial never" {
	printf 'It went to the U.N. The reply came. I live in the U.S. How about you? The U.S. Senate met P. Henderson and C. S. Lewis.\n' > u.txt
	run sp-split u.txt
	expect_eq "$output" "u${TAB}1${TAB}1${TAB}It went to the U.N.
u${TAB}1${TAB}2${TAB}The reply came.
u${TAB}1${TAB}3${TAB}I live in the U.S.
u${TAB}1${TAB}4${TAB}How about you?
u${TAB}1${TAB}5${TAB}The U.S. Senate met P. Henderson and C. S. Lewis."
}

@test "a heading line above its text in one paragraph is a sentence" {
	printf 'Counter-Terrorism and Border Security Bill\nLords amendments considered.\n\nAnd the Amorites, and the Canaanites, and the Girgashites, and the\nJebusites.\n' > h.txt
	run sp-split h.txt
	expect_eq "$output" "h${TAB}1${TAB}1${TAB}Counter-Terrorism and Border Security Bill
h${TAB}1${TAB}2${TAB}Lords amendments considered.
h${TAB}2${TAB}3${TAB}And the Amorites, and the Canaanites, and the Girgashites, and the Jebusites."
}

@test "a Hansard-style sitting: 62 hand-segmented sentences, all right" {
	run sp-split "$FIXTURES/sp-split/hansard.txt"
	[ "$status" -eq 0 ]
	expect_eq "$(printf '%s\n' "$output" | cut -f4)" \
	    "$(cat "$FIXTURES/sp-split/hansard.sentences")"
}

@test "closing quotes and brackets stay with the sentence they end" {
	printf 'She said, “the attack changed us.” Then she left. (It was late.) Why? “Because.”\n' > q.txt
	run sp-split q.txt
	expect_eq "$output" "q${TAB}1${TAB}1${TAB}She said, “the attack changed us.”
q${TAB}1${TAB}2${TAB}Then she left.
q${TAB}1${TAB}3${TAB}(It was late.)
q${TAB}1${TAB}4${TAB}Why?
q${TAB}1${TAB}5${TAB}“Because.”"
}

@test "bullets in a paragraph each start a sentence" {
	printf 'The strategy has four parts:\n• Prevent\n• Pursue\n• Protect\n• Prepare\n' > b.txt
	run sp-split b.txt
	expect_eq "$output" "b${TAB}1${TAB}1${TAB}The strategy has four parts:
b${TAB}1${TAB}2${TAB}• Prevent
b${TAB}1${TAB}3${TAB}• Pursue
b${TAB}1${TAB}4${TAB}• Protect
b${TAB}1${TAB}5${TAB}• Prepare"
}

@test "-a FILE adds abbreviations, with or without the dot" {
	printf 'The figure is blorp. Ten thousand. Zq. Table two.\n' > ab.txt
	run sp-split ab.txt
	[ "${#lines[@]}" -eq 4 ]
	printf '# mine\nblorp\n\nzq.\n' > abbrevs
	run sp-split -a abbrevs ab.txt
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
	run sh -c 'sp-split "$CORPUS"/*.txt | awk -F"\t" "NF != 4 || /\r/" | wc -l'
	[ "$output" -eq 0 ]
}

@test "the bundled corpus: every document, paragraphs and sentences in order" {
	run sh -c 'sp-split "$CORPUS"/*.txt | cut -f1 | uniq -c | awk "{print \$2, (\$1 > 0)}"'
	expect_eq "$output" "dick-2017-07-20 1
homeoffice-2018-06-04 1
javid-2018-06-04 1
khan-2016-03-20 1
security-minister-2019-10 1"
	# Sentence numbers run 1, 2, 3, ... within each document.
	run sh -c 'sp-split "$CORPUS"/*.txt | awk -F"\t" "\$1 != d { d = \$1; n = 0 } \$3 != ++n { print; exit 1 }"'
	[ "$status" -eq 0 ]
}

@test "the Security Minister's two broken sentences are whole" {
	run sh -c 'sp-split "$CORPUS"/security-minister-2019-10.txt | cut -f4 | grep -c "^[a-z]"'
	[ "$output" -eq 0 ]
}

@test "a long paragraph streams: a 20 MB single line" {
	awk 'BEGIN { for (i = 0; i < 400000; i++) printf "This is sentence %d of many. ", i; print "" }' > long.txt
	run sh -c 'sp-split long.txt | wc -l'
	[ "$output" -eq 400000 ]
}
