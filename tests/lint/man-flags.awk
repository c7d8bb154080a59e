# Report the words that an mdoc page (cmd/sp-NAME.1) renders as options
# but that no program knows, the artefact of text left inside a Fl macro:
# ".It Fl F : fixed strings" shows "-F: -fixed -strings", and
# ".Fl -ngrams 2" shows "--ngrams -2".  Known options come first, one a
# line ("-k", "--keyness"), from the programs' --help; then the pages.
# Prints "FILE:LINE: -WORD" for each unknown one; the exit status is 1 if
# there was any.
# usage: awk -f man-flags.awk known.txt cmd/*.1
FNR == NR { known[$0] = 1; next }
/^\./ {
	n = split(substr($0, 2), w, /[ \t]+/)
	inflag = 0
	for (i = 1; i <= n; i++) {
		if (w[i] == "Fl") { inflag = 1; continue }
		if (!inflag)
			continue
		# A callable macro ends the flags: two or three letters, the
		# first capital (Ar, No, Ns, Op, Ql, Cm, Pq, Xr, ...).
		if (w[i] ~ /^[A-Z][a-z][a-z]?$/) { inflag = 0; continue }
		# Delimiters are printed as they are.
		if (w[i] ~ /^[][(),:;.|!?]+$/)
			continue
		sub(/[,.:;)]+$/, "", w[i])
		f = "-" w[i]
		if (!(f in known)) {
			printf "%s:%d: %s\n", FILENAME, FNR, f
			bad = 1
		}
	}
}
END { exit bad }
