/*
 * The readability indices of readability.h.  With W words, S sentences
 * (at least 1 once there is a word: a text without a sentence end is one
 * sentence), Y syllables, L letters and digits, P words of three syllables
 * or more, C Fog's complex words, G words of more than six letters and M
 * words of one syllable:
 *
 *   Flesch Reading Ease (Flesch 1948)      206.835 - 1.015 W/S - 84.6 Y/W
 *   Flesch-Kincaid grade (Kincaid, Fishburne, Rogers & Chissom 1975)
 *                                           0.39 W/S + 11.8 Y/W - 15.59
 *   Gunning Fog (Gunning 1952)              0.4 (W/S + 100 C/W)
 *   SMOG (McLaughlin 1969)                  1.0430 sqrt(30 P/S) + 3.1291
 *   Coleman-Liau (Coleman & Liau 1975)      0.0588 (100 L/W)
 *                                             - 0.296 (100 S/W) - 15.8
 *   ARI (Senter & Smith 1967)               4.71 L/W + 0.5 W/S - 21.43
 *   LIX (Bjornsson 1968)                    W/S + 100 G/W
 *   RIX (Anderson 1983)                     G/S
 *   FORCAST (Caylor, Sticht, Fox & Ford 1973)   20 - (150 M/W)/10
 *   Linsear Write (O'Hayre 1966, in Klare 1974)
 *                                           r = ((W - P) + 3 P)/S;
 *                                           r/2 if r > 20, else (r - 2)/2
 *
 * Counted per 100 words (Fog, Coleman-Liau), per 30 sentences (SMOG) or
 * per 150 words (FORCAST) as the authors sampled, the measures are scaled
 * from the whole group.  Gunning's complex words are those of three
 * syllables or more, not counting the syllable of an -es, -ed or -ing
 * ending and counting a hyphenated word by its largest part (he also
 * excluded proper nouns, which folded tokens cannot show); P, the plain
 * polysyllables, is what SMOG and Linsear Write use, and quanteda's Fog.
 *
 * Where quanteda's textstat_readability (quanteda.textstats 0.97) differs
 * and we think it is wrong, sp follows the published formula: its
 * FOG.NRI divides by sentences per 100 words instead of by sentences
 * (the error reported in quanteda.textstats issue 83); its Linsear.Write
 * counts 100 P/W where the easy words (W - P) belong and leaves out the
 * final halving; its documentation gives ARI's constant as 21.34 and
 * Coleman-Liau's sentence term with a plus; and it counts a number as one
 * syllable (sp reads it out, lib/syllable.c) and digits as letters
 * wherever they occur (sp too: Coleman-Liau and ARI were fitted on
 * "letters" and "strokes" of typed text, so sp counts letters and digits
 * and nothing else).
 */
#include <math.h>
#include <string.h>

#include "readability.h"
#include "syllable.h"
#include "unicode.h"
#include "utf8.h"

const char *const readability_names[RD_NINDEX] = {
    "flesch", "fk",  "fog", "smog",    "cli",
    "ari",    "lix", "rix", "forcast", "linsear"};

void
readability_word(const char *w, size_t len, struct rd_word *out)
{
	const unsigned char *u = (const unsigned char *)w;
	struct syllables s;
	size_t i, k;
	uint32_t cp, letters = 0;
	int cls;

	for (i = 0; i < len; i += k) {
		k = utf8_decode(u + i, len - i, &cp);
		cls = cp < 0x80 ? uc_ascii_class[cp] : uc_class((uint32_t)cp);
		if (cls == UC_LETTER || cls == UC_DIGIT || cls == UC_NUMBER)
			letters++;
	}
	memset(out, 0, sizeof(*out));
	if (letters == 0)
		return;
	syllable_word(w, len, &s);
	out->syllables = s.n;
	out->letters = letters;
	out->poly = s.n >= 3;
	out->complex = s.fog >= 3;
	out->longword = letters > 6;
	out->mono = s.n == 1;
}

void
readability_merge(struct rd_counts *into, const struct rd_counts *from)
{
	into->words += from->words;
	into->sentences += from->sentences;
	into->syllables += from->syllables;
	into->letters += from->letters;
	into->poly += from->poly;
	into->complex += from->complex;
	into->longwords += from->longwords;
	into->mono += from->mono;
}

void
readability_scores(const struct rd_counts *c, double out[RD_NINDEX])
{
	double w = (double)c->words, s = (double)c->sentences;
	double y = (double)c->syllables, l = (double)c->letters;
	double p = (double)c->poly, cx = (double)c->complex;
	double g = (double)c->longwords, m = (double)c->mono, r;
	int i;

	if (c->words == 0) {
		for (i = 0; i < RD_NINDEX; i++)
			out[i] = NAN;
		return;
	}
	if (s < 1)
		s = 1;
	out[RD_FLESCH] = 206.835 - 1.015 * (w / s) - 84.6 * (y / w);
	out[RD_FK] = 0.39 * (w / s) + 11.8 * (y / w) - 15.59;
	out[RD_FOG] = 0.4 * (w / s + 100 * (cx / w));
	out[RD_SMOG] = 1.0430 * sqrt(30 * p / s) + 3.1291;
	out[RD_CLI] = 0.0588 * (100 * l / w) - 0.296 * (100 * s / w) - 15.8;
	out[RD_ARI] = 4.71 * (l / w) + 0.5 * (w / s) - 21.43;
	out[RD_LIX] = w / s + 100 * g / w;
	out[RD_RIX] = g / s;
	out[RD_FORCAST] = 20 - (150 * m / w) / 10;
	r = ((w - p) + 3 * p) / s;
	out[RD_LINSEAR] = r > 20 ? r / 2 : (r - 2) / 2;
}
