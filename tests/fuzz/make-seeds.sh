#!/bin/sh
# Write the seed corpora of the fuzz harnesses into tests/fuzz/seeds/NAME/
# (run from anywhere; the files are committed, so this only needs running
# again to change them).  The first byte of a sentence, token or reader
# seed is the harness's mode byte (see the comment at the top of each
# fuzz_NAME.c); the rest is text: corpus snippets, abbreviations, quotes,
# tricky Unicode, CRLF, a BOM, invalid UTF-8 and a long line.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
seeds=$top/tests/fuzz/seeds
LC_ALL=C
export LC_ALL

# seed NAME FILE MODE TEXT: write MODE (octal) then TEXT (printf format).
seed() {
	mkdir -p "$seeds/$1"
	{ printf "\\$3"; printf "$4"; } >"$seeds/$1/$2"
}

# The same text for the three text harnesses, in every mode.
text() {
	for m in 000 001 002 003; do
		seed sentence "$1-$m" "$m" "$2"
		seed token "$1-$m" "$m" "$2"
	done
	seed reader "$1-000" 000 "$2"
	seed reader "$1-001" 001 "$2"
	seed reader "$1-016" 016 "$2"
}

text plain 'Good morning. In my first public interview as Home Secretary \342\200\223 it was an hour after being appointed \342\200\223 I said that my priority will always be to keep our country safe.\n'
text abbrev 'Mr. Smith met Dr. J. R. R. Tolkien at 10.30 a.m. on 7/7, i.e. the day of No. 10\047s statement. Costs rose 1.9 per cent, etc. Then the U.S.A. said "Stop!" (It did.)\n'
text quotes '\342\200\234Is it over?\342\200\235 she asked\342\200\246 \342\200\230No,\342\200\231 he said. \302\253Non.\302\273 Wait... what?! \342\200\234Yes.\342\200\235\n'
text lists 'Three things:\na) first;\nb) second; and\nc) third.\n\ni. One\nii. Two\n1. Alpha 2. Beta\n'
text heading 'COUNTER-TERRORISM STRATEGY\nThe Threat We Face\nWe must act\nnow and together.\n'
text stray 'We will not give up on\n\nthe people who need us most\n'
text crlf 'Line one.\r\nLine two has\r\ntwo lines.\r\n\r\nNext paragraph.\r\n'
text bom '\357\273\277Starts with a byte order mark. Then a sentence.\n'
text invalid 'Lone \200 continuation, overlong \300\257, surrogate \355\240\200, truncated \342\202.\nEnd \360\237\230'
text unicode 'Caf\303\251 vs Cafe\314\201; stra\303\237e \316\243\317\203 \304\260stanbul \341\272\236; \344\275\240\345\245\275\343\200\202\346\230\257\343\200\202 \330\247\331\204\330\271\330\261\330\250\331\212\330\251 soft\302\255hyphen zero\342\200\213width \360\237\230\200 NBSP\302\240here\342\200\257there.\n'
text tokens "counter-terrorism mid-2030s don\047t rock\342\200\231n\342\200\231roll 100,000 1.9 20:25 7/7 https://www.gov.uk/x?y=1. e-mail: a.b@example.org, www.example.com! -- ... \$5 50%% #tag @user\n"
text tabs 'doc\t1\t2\tA record with a key. And two sentences.\nno tab here\n\t\tleading tabs\ntrailing\t\n'
text nul 'Text with a NUL \000 byte.\nAfter it.\n'
text nofinal 'No final newline. At all'
# Paragraphs that end with a word and one space (a read past the end).
text onespace 'Thank you '
text onespace2 'a \n\nThank you \n\nNext para. '
long=$(awk 'BEGIN { for (i = 0; i < 400; i++) printf "word%d, ", i; printf "end.\n" }')
text long "$long"
seed reader empty-000 000 ''
seed reader blank-000 000 '\n\n\r\n'

# Count tables, as sp-count writes them and as people break them.
printf 'the\t120\nof\t64\nterror\t3\n' >"$seeds/count/plain"
printf 'javid-2018-06-04\tthe\t12\nkhan-2016-03-20\tthe\t7\njavid-2018-06-04\tsafe\t2\n' >"$seeds/count/groups"
printf 'a\t1\tb\t2\n1\t2\t3\tword\t5\nthreat\tterror\t4\n' >"$seeds/count/fields"
printf 'big\t18446744073709551615\nbig\t1\nbigger\t18446744073709551616\n' >"$seeds/count/overflow"
printf 'neg\t-3\nzero\t0\nempty\t\n\t5\nnotab\nx\t12a\n-\t-\n' >"$seeds/count/bad"
printf 'caf\303\251\t2\r\n\357\273\277the\t1\n' >"$seeds/count/crlf-bom"

# Metadata tables (mode byte: see fuzz_meta.c), good and broken: TSV and
# CSV, quotes, line breaks in quotes, CRLF and a BOM, dates, NA.
seed meta index-000 000 'id\tspeaker\tdate\tparty\njavid-2018-06-04\tSajid Javid\t2018-06-04\tCon\nkhan-2016-03-20\tSadiq Khan\t2016-03-20\tLab\ndick-2017-07-20\tCressida Dick\t2017-07-20\t\n'
seed meta index-010 010 'id\tspeaker\tdate\nu1\tA\t2018-06-04\nu2\tB\t2016\nu3\tC\tNA\nu4\tD\t\n'
seed meta parlamint-004 004 'Text_ID\tID\tTitle\tDate\tSpeaker_party\tid\nGB1\tu1\tDebate\t2019-03-12\tLab\tParlaMint-GB_2019-03-12.u1\nGB1\tu2\tDebate\t2019-03-12\tCon\tParlaMint-GB_2019-03-12.u2\n'
seed meta quoted-002 002 'id,name,note\r\nu1,"Smith, John","He said ""no"""\r\n"u2","","two\r\nlines"\r\nu3,a"b,"x\ty"\r\n'
seed meta quoted-000 000 'id,name\nu1,"a\n\nb"\nu2,c\n'
seed meta bom-crlf-001 001 '\357\273\277id\tparty\r\nu1\tLab\r\n\r\nu2\tCon\r\n'
seed meta bad-000 000 'id\tparty\nu1\tLab\nu1\tCon\n\tLD\nu3\n'
seed meta bad-002 002 'id,party\nu1,"Lab"x\nu2,"open\n'
seed meta empty-000 000 ''
seed meta header-000 000 'id\tparty\n'
seed meta nul-000 000 'id\tparty\nu1\tL\000ab\n'
seed meta invalid-000 000 'id\tparty\nu\3771\tLab\n'

# Models: one saved by sp-topics if it is built, and small hand-made ones.
printf 'sp-topics model 1\ntopics\t2\nwords\t2\ntokens\t5\nbeta\t0.01\nalpha\t0\t0.5\nalpha\t1\t0.25\nword\tsafe\t0:1 1:2\nword\tthreat\t1:2\nend\n' >"$seeds/model/tiny"
printf 'sp-topics model 1\ntopics\t3\nwords\t1\ntokens\t1\nbeta\t1e-300\nalpha\t0\t1\nalpha\t1\t2\nalpha\t2\t3\nword\tx\t2:1\nend\n' >"$seeds/model/small-beta"
printf 'sp-topics model 1\ntopics\t2\nwords\t1\ntokens\t4294967295\nbeta\t0.01\nalpha\t0\t0.5\nalpha\t1\t0.5\nword\tw\t0:2147483647 1:2147483648\nend\n' >"$seeds/model/big-counts"
printf 'sp-topics model 1\ntopics\t2\nwords\t2\ntokens\t2\nbeta\t0.01\nalpha\t0\t0.5\nalpha\t1\t0.5\nword\tw\t0:1\nword\tw\t1:1\nend\n' >"$seeds/model/duplicate"
printf 'sp-topics model 1\ntopics\t2\nwords\t3\ntokens\t3\nbeta\t0.01\nalpha\t0\t0.5\nalpha\t1\t0.5\nword\tb\t0:1\nword\ta\t1:1\nword\tc\t1:1\nend\n' >"$seeds/model/order"
# A header that claims more words than the file holds (it once asked for
# memory by the header's count: twice this was 3.2 GB).
printf 'sp-topics model 1\ntopics\t2\nwords\t199999999\ntokens\t2\nbeta\t0.01\nalpha\t0\t0.5\nalpha\t1\t0.5\nword\ta\t0:1\nword\tb\t1:1\nend\n' >"$seeds/model/more-words-than-lines"
printf 'sp-topics model 1\r\ntopics\t2\r\nwords\t1\r\ntokens\t1\r\nbeta\t0.01\r\nalpha\t0\t0.5\r\nalpha\t1\t0.5\r\nword\tcaf\303\251\t1:1\r\nend' >"$seeds/model/crlf"
if [ -x "$top/bin/sp-split" ] && [ -x "$top/bin/sp-tokens" ] &&
    [ -x "$top/bin/sp-topics" ]; then
	"$top/bin/sp-split" "$top/corpus/khan-2016-03-20.txt" |
	    "$top/bin/sp-tokens" --stop |
	    "$top/bin/sp-topics" -k 3 -n 20 --save "$seeds/model/khan-k3" \
	    >/dev/null
fi
