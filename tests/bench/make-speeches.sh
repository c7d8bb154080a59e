#!/bin/sh
# Make a corpus of dated speeches, reproducibly, from a plain-text source,
# for timing and testing make report at scale: N speeches of about equal
# size, cut from the source at paragraph ends (the source is read again
# from its start until SIZE bytes are used; by default the whole source
# once), dated evenly from 1790 to 2020 in their order, each given by the
# US president in office in its year, with the president's party, as a
# State of the Union collection is.
#
#   folder (default): DIR/ID.txt for each speech and DIR/INDEX.tsv
#   -r (records):     DIR/speeches.tsv, a line "ID TAB paragraph" for each
#                     paragraph of each speech, and DIR/meta.tsv
#
# The metadata table has the header "id speaker party date" and a row per
# speech; ids are NNNNN-lastname, numbered from 00001 in date order.  The
# same source and arguments give byte-identical files.
#
# usage: tests/bench/make-speeches.sh [-r] [-s SIZE] SOURCE N DIR
set -eu
LC_ALL=C
export LC_ALL
records=0
size=0
while getopts rs: opt; do
	case $opt in
	r) records=1 ;;
	s) size=$OPTARG ;;
	*) echo "usage: make-speeches.sh [-r] [-s SIZE] SOURCE N DIR" >&2
	   exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -ne 3 ]; then
	echo "usage: make-speeches.sh [-r] [-s SIZE] SOURCE N DIR" >&2
	exit 2
fi
source=$1 n=$2 dir=$3
case $n$size in
*[!0-9]*) echo "make-speeches: N and SIZE are numbers" >&2; exit 2 ;;
esac
[ -s "$source" ] || { echo "make-speeches: $source: empty or missing" >&2; exit 2; }
[ "$size" -gt 0 ] || size=$(wc -c <"$source")
mkdir -p "$dir"

# The source as paragraphs, one a line, repeated until SIZE bytes, then
# cut into N speeches.
awk -v size="$size" -v n="$n" -v dir="$dir" -v records="$records" '
BEGIN {
	# First year in office, name and party: the president of a year is
	# the last one who took office in it or before.
	np = split("1789|George Washington|Unaffiliated;" \
	    "1797|John Adams|Federalist;" \
	    "1801|Thomas Jefferson|Democratic-Republican;" \
	    "1809|James Madison|Democratic-Republican;" \
	    "1817|James Monroe|Democratic-Republican;" \
	    "1825|John Quincy Adams|Democratic-Republican;" \
	    "1829|Andrew Jackson|Democratic;" \
	    "1837|Martin Van Buren|Democratic;" \
	    "1841|John Tyler|Whig;" \
	    "1845|James K. Polk|Democratic;" \
	    "1849|Zachary Taylor|Whig;" \
	    "1850|Millard Fillmore|Whig;" \
	    "1853|Franklin Pierce|Democratic;" \
	    "1857|James Buchanan|Democratic;" \
	    "1861|Abraham Lincoln|Republican;" \
	    "1865|Andrew Johnson|National Union;" \
	    "1869|Ulysses S. Grant|Republican;" \
	    "1877|Rutherford B. Hayes|Republican;" \
	    "1881|Chester A. Arthur|Republican;" \
	    "1885|Grover Cleveland|Democratic;" \
	    "1889|Benjamin Harrison|Republican;" \
	    "1893|Grover Cleveland|Democratic;" \
	    "1897|William McKinley|Republican;" \
	    "1901|Theodore Roosevelt|Republican;" \
	    "1909|William Howard Taft|Republican;" \
	    "1913|Woodrow Wilson|Democratic;" \
	    "1921|Warren G. Harding|Republican;" \
	    "1923|Calvin Coolidge|Republican;" \
	    "1929|Herbert Hoover|Republican;" \
	    "1933|Franklin D. Roosevelt|Democratic;" \
	    "1945|Harry S. Truman|Democratic;" \
	    "1953|Dwight D. Eisenhower|Republican;" \
	    "1961|John F. Kennedy|Democratic;" \
	    "1963|Lyndon B. Johnson|Democratic;" \
	    "1969|Richard Nixon|Republican;" \
	    "1974|Gerald Ford|Republican;" \
	    "1977|Jimmy Carter|Democratic;" \
	    "1981|Ronald Reagan|Republican;" \
	    "1989|George H. W. Bush|Republican;" \
	    "1993|Bill Clinton|Democratic;" \
	    "2001|George W. Bush|Republican;" \
	    "2009|Barack Obama|Democratic;" \
	    "2017|Donald Trump|Republican", pres, ";")
	for (i = 1; i <= np; i++) {
		split(pres[i], f, "|")
		from[i] = f[1]; name[i] = f[2]; party[i] = f[3]
		k = split(f[2], w, " ")
		last[i] = tolower(w[k])
	}
	meta = dir (records ? "/meta.tsv" : "/INDEX.tsv")
	print "id\tspeaker\tparty\tdate" > meta
	if (records)
		out = dir "/speeches.tsv"
	speech = 0
	used = 0
	start(1)
}

# Speech i (1-based) of n: its date spreads the speeches evenly over the
# 2,772 months from January 1790 to December 2020.
function start(i,    m, y, mo, d, p) {
	speech = i
	m = int((i - 1) * 2772 / n)
	y = 1790 + int(m / 12)
	mo = 1 + m % 12
	d = 1 + (i * 11) % 28
	for (p = np; p > 1 && from[p] > y; p--)
		;
	id = sprintf("%05d-%s", i, last[p])
	gsub(/[^a-z0-9-]/, "", id)
	printf "%s\t%s\t%s\t%04d-%02d-%02d\n", id, name[p], party[p], y, mo,
	    d > meta
	if (!records) {
		if (file != "")
			close(file)
		file = dir "/" id ".txt"
		printf "" > file
	}
	first = 1
}

function paragraph(text) {
	if (records) {
		gsub(/\t/, " ", text)
		print id "\t" text > out
	} else {
		if (!first)
			print "" > file
		print text > file
	}
	first = 0
	used += length(text) + 2
	if (speech < n && used >= size * speech / n)
		start(speech + 1)
}

{
	# One paragraph a record (RS = "" below), its lines joined.
	text = $0
	if (!records)
		sub(/\n+$/, "", text)
	else
		gsub(/\n/, " ", text)
	paras[++npara] = text
	paragraph(text)
	if (used >= size)
		exit
}

END {
	# Read the paragraphs again until size bytes are used.
	while (used < size && npara > 0)
		for (i = 1; i <= npara && used < size; i++)
			paragraph(paras[i])
	if (speech < n) {
		printf "make-speeches: the text made %d speeches, not %d; " \
		    "give a larger SIZE\n", speech, n > "/dev/stderr"
		exit 1
	}
}' RS= "$source"
