# Readability indices from the sums of each group, written from the
# published formulas (not from lib/readability.c), to check sp against.
# Input lines: GROUP TAB WORDS TAB SENTENCES TAB SYLLABLES TAB LETTERS TAB
# POLYSYLLABLES TAB COMPLEX TAB LONG TAB MONOSYLLABLES.  Output: GROUP and
# Flesch, Flesch-Kincaid, Fog, SMOG, Coleman-Liau, ARI, LIX, RIX, FORCAST,
# Linsear Write, each printed with fmt (default %.4f) or NA without words.
# Usage: awk -F '\t' -v fmt=%.4f -f tests/ref/readability.awk FILE
BEGIN { OFS = "\t"; if (fmt == "") fmt = "%.4f" }
function out(x) { return sprintf(fmt, x) }
{
	group = $1; W = $2; S = $3; Y = $4; L = $5; P = $6; C = $7; G = $8; M = $9
	if (W == 0) {
		print group, "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA"
		next
	}
	# A text without a sentence end is one sentence.
	if (S == 0) S = 1
	asl = W / S                       # average sentence length
	# Flesch (1948) Reading Ease.
	flesch = 206.835 - 1.015 * asl - 84.6 * (Y / W)
	# Kincaid et al. (1975) grade level.
	fk = 0.39 * asl + 11.8 * (Y / W) - 15.59
	# Gunning (1952): hard words per 100 words.
	fog = 0.4 * (asl + 100 * C / W)
	# McLaughlin (1969): polysyllables in 30 sentences.
	smog = 1.0430 * sqrt(P * (30 / S)) + 3.1291
	# Coleman & Liau (1975): letters and sentences per 100 words.
	cli = 0.0588 * (L / W * 100) - 0.296 * (S / W * 100) - 15.8
	# Senter & Smith (1967): characters per word, words per sentence.
	ari = 4.71 * (L / W) + 0.5 * asl - 21.43
	# Bjornsson (1968), Anderson (1983): words of more than 6 letters.
	lix = asl + G * 100 / W
	rix = G / S
	# Caylor et al. (1973): monosyllables in a 150-word sample.
	forcast = 20 - (M * 150 / W) / 10
	# Linsear Write: easy words 1 point, hard (3+ syllables) 3 points.
	lw = ((W - P) * 1 + P * 3) / S
	if (lw > 20) lw = lw / 2
	else lw = (lw - 2) / 2
	print group, out(flesch), out(fk), out(fog), out(smog), out(cli), out(ari), out(lix), out(rix), out(forcast), out(lw)
}
