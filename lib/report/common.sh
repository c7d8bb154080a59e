# Shared by the scripts of make report (sourced): the C locale, and
# setting NAME, the value of a setting as check.sh wrote it into
# $out/settings.tsv (NAME TAB VALUE).
LC_ALL=C
export LC_ALL

setting() {
	awk -F '\t' -v k="$1" '$1 == k { print substr($0, length(k) + 2) }' \
	    "$out/settings.tsv"
}
