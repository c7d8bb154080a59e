#!/bin/sh
# Build the benchmark corpus of tests/bench/run.sh, reproducibly, into
# DIR (default build/bench): corpus-100.txt, about 100 MB of English prose,
# and corpus-10.txt, its first 10 MB, both cut at a paragraph end.  The
# text is the King James Bible (Debian's bible-kjv and bible-kjv-text: a
# "CHAPTER N" heading, then paragraphs of four verses wrapped at 72
# columns), every fortune cookie file of Debian's fortunes and fortunes-min
# (one paragraph per cookie, as written) and the bundled corpus/*.txt,
# repeated in that order until the size is reached.  The same packages
# give byte-identical files; MANIFEST records sizes and checksums.
#
# usage: tests/bench/make-corpus.sh [DIR]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-$top/build/bench}
LC_ALL=C
export LC_ALL
fortunes=/usr/share/games/fortunes
big=100000000
small=10000000

have_sources() {
	command -v bible >/dev/null 2>&1 && [ -f /usr/lib/bible.data ] &&
	    [ -f "$fortunes/fortunes" ]
}

if ! have_sources; then
	pkgs="bible-kjv bible-kjv-text fortunes fortunes-min"
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "make-corpus: installing $pkgs"
		apt-get install -y $pkgs >/dev/null 2>&1 || {
			apt-get update >/dev/null 2>&1
			apt-get install -y $pkgs >/dev/null
		}
	fi
	if ! have_sources; then
		echo "make-corpus: the corpus needs the Debian packages" \
		    "$pkgs; install them (apt-get install $pkgs) and run" \
		    "again" >&2
		exit 2
	fi
fi

mkdir -p "$dir"
if [ -s "$dir/corpus-100.txt" ] && [ -s "$dir/corpus-10.txt" ] &&
    [ -n "$(find "$dir/MANIFEST" -newer "$0" 2>/dev/null)" ]; then
	exit 0		# already built by this version of the script
fi
echo "make-corpus: building $dir/corpus-100.txt and corpus-10.txt"

# One pass of the text.
base=$dir/base.txt
{
	bible -f 'gen1:1-rev22:21' | awk '
	function flush(   i, n, w, line) {
		if (para == "")
			return
		n = split(para, w, " ")
		line = w[1]
		for (i = 2; i <= n; i++) {
			if (length(line) + 1 + length(w[i]) > 72) {
				print line
				line = w[i]
			} else
				line = line " " w[i]
		}
		print line
		print ""
		para = ""
		verses = 0
	}
	{
		if (!match($1, /[0-9]+:[0-9]+$/))
			next
		split(substr($1, RSTART), cv, ":")
		sub(/^[^ ]* /, "")
		if (cv[1] != chapter) {
			flush()
			chapter = cv[1]
			print "CHAPTER " chapter
			print ""
		}
		para = para == "" ? $0 : para " " $0
		if (++verses == 4)
			flush()
	}
	END { flush() }'
	for f in "$fortunes"/*; do
		case $f in
		*.dat | *.u8) continue ;;
		esac
		if [ ! -f "$f" ] || [ -h "$f" ]; then
			continue
		fi
		awk '/^%$/ { print ""; next } { print }
		    END { print "" }' "$f"
	done
	for f in "$top"/corpus/*.txt; do
		cat "$f"
		echo
	done
} >"$base"

# The first n bytes of the repeated text, cut at the next blank line.
cut_at() {
	awk -v limit="$1" -v base="$base" '
	BEGIN {
		for (;;) {
			while ((getline line < base) > 0) {
				print line
				size += length(line) + 1
				if (size >= limit && line == "")
					exit
			}
			close(base)
		}
	}'
}
cut_at "$big" >"$dir/corpus-100.txt"
cut_at "$small" >"$dir/corpus-10.txt"
{
	echo "bible-kjv-text $(dpkg-query -W -f '${Version}' bible-kjv-text \
	    2>/dev/null || echo '?')"
	echo "fortunes $(dpkg-query -W -f '${Version}' fortunes 2>/dev/null ||
	    echo '?')"
	cd "$dir" && cksum base.txt corpus-10.txt corpus-100.txt
} >"$dir/MANIFEST"
cat "$dir/MANIFEST"
