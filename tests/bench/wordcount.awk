# The awk word counter of the benchmark: words as the Unix-for-Poets
# pipeline sees them (runs of ASCII letters, in lower case), counted in an
# associative array; prints COUNT WORD, one a line, in no order (the
# benchmark pipes it to sort -rn).  Run with LC_ALL=C.
{
	$0 = tolower($0)
	gsub(/[^a-z]+/, " ")
	for (i = 1; i <= NF; i++)
		count[$i]++
}
END {
	for (w in count)
		print count[w], w
}
