#!/bin/sh
#
# Generate lib/unitab.c, the Unicode property tables behind lib/unicode.c,
# from the Unicode Character Database as Debian's unicode-data package
# installs it.  Run it again whenever the UCD is upgraded and commit the
# result; the build itself never needs the UCD.
#
# Usage: lib/gen-unicode.sh [ucd-directory [output-file]]
#
# The tables written are: a per-code-point property byte (class and flags)
# as a two-stage table of 256-code-point blocks; simple case folding as a
# two-stage table of signed deltas; canonical combining classes as a
# two-stage table; full canonical decompositions as a sorted code point
# array into a pool; and canonical compositions as a sorted array of pairs.
#
set -eu

ucd=${1:-/usr/share/unicode}
out=${2:-$(dirname "$0")/unitab.c}

for f in UnicodeData.txt CaseFolding.txt DerivedNormalizationProps.txt \
    CompositionExclusions.txt; do
	if [ ! -r "$ucd/$f" ]; then
		echo "gen-unicode.sh: cannot read $ucd/$f" >&2
		exit 1
	fi
done

# UnicodeData.txt carries no version, so take it from the derived files and
# insist that they agree.
version_of() {
	sed -n '1s/^# [A-Za-z]*-\([0-9.]*\)\.txt.*/\1/p' "$ucd/$1"
}
version=$(version_of DerivedNormalizationProps.txt)
for f in CaseFolding.txt CompositionExclusions.txt; do
	if [ "$(version_of $f)" != "$version" ]; then
		echo "gen-unicode.sh: $f is not UCD version $version" >&2
		exit 1
	fi
done
if [ -z "$version" ]; then
	echo "gen-unicode.sh: cannot tell the UCD version" >&2
	exit 1
fi

tmp=$out.tmp.$$
trap 'rm -f "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

awk -F ';' -v version="$version" '
function hex(s,    i, n) {
	n = 0
	s = toupper(s)
	for (i = 1; i <= length(s); i++)
		n = n * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1
	return n
}

function trim(s) {
	gsub(/^[ \t]+|[ \t]+$/, "", s)
	return s
}

# Set the globals lo and hi from "XXXX" or "XXXX..YYYY".
function range(s,    p) {
	s = trim(s)
	p = index(s, "..")
	if (p) {
		lo = hex(substr(s, 1, p - 1))
		hi = hex(substr(s, p + 2))
	} else
		lo = hi = hex(s)
}

# The uc_class value (see unicode.h) of a general category.
function classof(gc, cp,    c) {
	if ((cp >= 9 && cp <= 13) || cp == 133)
		return 7
	c = substr(gc, 1, 1)
	if (c == "L")
		return 1
	if (c == "M")
		return 2
	if (gc == "Nd")
		return 3
	if (c == "N")
		return 4
	if (c == "P")
		return 5
	if (c == "S")
		return 6
	if (c == "Z")
		return 7
	if (gc == "Cf")
		return 8
	if (gc == "Cc")
		return 9
	return 0
}

function setcat(cp, gc) {
	prop[cp] = classof(gc, cp) + 16 * (gc == "Lu" || gc == "Lt") + \
	    32 * (gc == "Ll")
	propblk[int(cp / 256)] = 1
}

# The property byte: class in bits 0-3, upper 4, lower 5, not NFC-inert 6,
# has a canonical decomposition 7.
function value(kind, cp) {
	if (kind == "prop")
		return (cp in prop ? prop[cp] : 0) + 64 * (cp in noninert) + \
		    128 * (cp in dm || (cp >= 44032 && cp <= 55203))
	if (kind == "fold")
		return cp in fold ? fold[cp] : 0
	return cp in ccc ? ccc[cp] : 0
}

function hasdata(kind, b) {
	if (kind == "prop")
		return b in propblk
	if (kind == "fold")
		return b in foldblk
	return b in cccblk
}

# Print the comma-separated list s (with a trailing comma) wrapped to fit
# 80 columns after a tab.
function wrap(s,    n, v, i, line) {
	n = split(s, v, ",")
	line = ""
	for (i = 1; i < n; i++) {
		if (length(line) + length(v[i]) + 1 > 72) {
			print "\t" line
			line = ""
		}
		line = line v[i] ","
	}
	if (line != "")
		print "\t" line
}

# Emit a two-stage table for kind: name_index[4352] maps cp >> 8 to a
# block of name_block[][256], identical blocks being stored once.
function twostage(kind, name, itype, btype, what,
    b, c, s, zero, nb, idx, blocks, index_list, i) {
	zero = ""
	for (c = 0; c < 256; c++)
		zero = zero "0,"
	nb = 0
	index_list = ""
	for (b = 0; b < 4352; b++) {
		s = ""
		if (hasdata(kind, b)) {
			for (c = b * 256; c < b * 256 + 256; c++)
				s = s value(kind, c) ","
		} else
			s = zero
		if (!(s in idx)) {
			idx[s] = nb
			blocks[nb++] = s
		}
		index_list = index_list idx[s] ","
	}
	if (itype == "unsigned char" && nb > 256) {
		print "gen-unicode.sh: too many " kind " blocks" | "cat 1>&2"
		exit 1
	}
	print ""
	print "/* " what ": block of 256 code points by cp >> 8. */"
	print "const " itype " " name "_index[4352] = {"
	wrap(index_list)
	print "};"
	print ""
	print "const " btype " " name "_block[" nb "][256] = {"
	for (i = 0; i < nb; i++) {
		print "\t{ /* " i " */"
		wrap(blocks[i])
		print "\t},"
	}
	print "};"
	sizes = sizes " " name "=" nb
}

# The full canonical decomposition of cp as hex code points separated by
# spaces.
function full(cp,    n, part, i, s) {
	if (!(cp in dm))
		return sprintf("0x%04X", cp)
	n = split(dm[cp], part, " ")
	s = ""
	for (i = 1; i <= n; i++)
		s = s (i > 1 ? " " : "") full(hex(part[i]))
	return s
}

function shellsort(a, n,    gap, i, j, t) {
	for (gap = int(n / 2); gap > 0; gap = int(gap / 2))
		for (i = gap + 1; i <= n; i++) {
			t = a[i]
			for (j = i; j > gap && a[j - gap] > t; j -= gap)
				a[j] = a[j - gap]
			a[j] = t
		}
}

{
	sub(/#.*/, "")
	if ($0 ~ /^[ \t]*$/)
		next
}

FILENAME ~ /UnicodeData\.txt$/ {
	cp = hex($1)
	if ($2 ~ /, First>$/) {
		first = cp
		next
	}
	if ($2 ~ /, Last>$/) {
		if (classof($3, first) != 0)
			for (c = first; c <= cp; c++)
				setcat(c, $3)
		next
	}
	setcat(cp, $3)
	if ($4 != 0) {
		ccc[cp] = $4 + 0
		cccblk[int(cp / 256)] = 1
		noninert[cp] = 1
	}
	if ($6 != "" && $6 !~ /^</) {
		dm[cp] = $6
		dlist[++ndm] = cp
	}
	next
}

FILENAME ~ /CaseFolding\.txt$/ {
	st = trim($2)
	if (st == "C" || st == "S") {
		cp = hex(trim($1))
		fold[cp] = hex(trim($3)) - cp
		foldblk[int(cp / 256)] = 1
	}
	next
}

FILENAME ~ /DerivedNormalizationProps\.txt$/ {
	prop_name = trim($2)
	if (prop_name == "NFC_QC" && trim($3) != "Y") {
		range($1)
		for (c = lo; c <= hi; c++)
			noninert[c] = 1
	} else if (prop_name == "Full_Composition_Exclusion") {
		range($1)
		for (c = lo; c <= hi; c++)
			excluded[c] = 1
	}
	next
}

FILENAME ~ /CompositionExclusions\.txt$/ {
	range($1)
	for (c = lo; c <= hi; c++)
		excluded[c] = 1
	next
}

END {
	print "/* Generated by lib/gen-unicode.sh from UCD version " \
	    version "; do not edit. */"
	print "/*"
	print " * Unicode property tables for lib/unicode.c, which declares"
	print " * them and explains their layout.  To change them, change and"
	print " * rerun lib/gen-unicode.sh."
	print " */"
	print "#include <stddef.h>"
	print "#include <stdint.h>"
	print ""
	print "#include \"unicode.h\""
	print ""
	print "const char uc_tab_version[] = \"" version "\";"

	s = ""
	for (c = 0; c < 128; c++)
		s = s (c in prop ? prop[c] % 16 : 0) ","
	print ""
	print "const unsigned char uc_ascii_class[128] = {"
	wrap(s)
	print "};"

	twostage("prop", "uc_prop", "uint16_t", "unsigned char",
	    "Class and flags")
	twostage("fold", "uc_fold", "unsigned char", "int32_t",
	    "Simple case folding as cp delta")
	twostage("ccc", "uc_ccc", "unsigned char", "unsigned char",
	    "Canonical combining class")

	cps = ""
	at = "0,"
	pool = ""
	npool = 0
	for (i = 1; i <= ndm; i++) {
		cp = dlist[i]
		n = split(full(cp), part, " ")
		for (j = 1; j <= n; j++)
			pool = pool part[j] ","
		npool += n
		cps = cps sprintf("0x%04X", cp) ","
		at = at npool ","
	}
	print ""
	print "/* Full canonical decompositions, Hangul syllables aside. */"
	print "const size_t uc_decomp_count = " ndm ";"
	print ""
	print "const uint32_t uc_decomp_cp[" ndm "] = {"
	wrap(cps)
	print "};"
	print ""
	print "const uint16_t uc_decomp_at[" ndm + 1 "] = {"
	wrap(at)
	print "};"
	print ""
	print "const uint32_t uc_decomp_pool[" npool "] = {"
	wrap(pool)
	print "};"
	sizes = sizes " decomp=" ndm " pool=" npool

	ncomp = 0
	for (i = 1; i <= ndm; i++) {
		cp = dlist[i]
		if (cp in excluded || split(dm[cp], part, " ") != 2)
			continue
		key[++ncomp] = hex(part[1]) * 2097152 + hex(part[2])
		# mawk subscripts numbers above 2^31 with CONVFMT, so spell the
		# key out in full.
		composite[sprintf("%.0f", key[ncomp])] = cp
	}
	shellsort(key, ncomp)
	first = second = to = ""
	for (i = 1; i <= ncomp; i++) {
		first = first sprintf("0x%04X", int(key[i] / 2097152)) ","
		second = second sprintf("0x%04X", key[i] % 2097152) ","
		cp = composite[sprintf("%.0f", key[i])]
		to = to sprintf("0x%04X", cp) ","
	}
	print ""
	print "/* Canonical compositions by (first, second), Hangul aside. */"
	print "const size_t uc_comp_count = " ncomp ";"
	print ""
	print "const uint32_t uc_comp_first[" ncomp "] = {"
	wrap(first)
	print "};"
	print ""
	print "const uint32_t uc_comp_second[" ncomp "] = {"
	wrap(second)
	print "};"
	print ""
	print "const uint32_t uc_comp_to[" ncomp "] = {"
	wrap(to)
	print "};"
	sizes = sizes " comp=" ncomp
	print "gen-unicode.sh: UCD " version ":" sizes | "cat 1>&2"
}
' "$ucd/UnicodeData.txt" "$ucd/CaseFolding.txt" \
    "$ucd/DerivedNormalizationProps.txt" "$ucd/CompositionExclusions.txt" \
    >"$tmp"

mv "$tmp" "$out"
