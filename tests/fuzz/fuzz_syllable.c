/*
 * Fuzz the syllable counter and the per-word readability analysis
 * (lib/syllable.h, lib/readability.h) on arbitrary valid UTF-8, and the
 * lexical diversity state (lib/lexdiv.h) on the words of the input.
 * Promises: a text without a letter or digit has no syllable and is no
 * word; a word has at least one syllable, and at most three for each
 * byte (spelled letters and digits say no more); Fog's count is at most
 * the count; the lexical diversity parts stay consistent (types <=
 * tokens, windows and segments as many as the tokens allow, TTRs within
 * 0 and 1, factors that make MTLD at least 1 token per factor).
 */
#include <math.h>

#include "fuzz.h"
#include "lexdiv.h"
#include "readability.h"
#include "syllable.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lexdiv_opts o = {0, 0, 0, 1};
	struct lexdiv_parts p;
	struct syllables s;
	struct rd_word w;
	struct lexdiv *l;
	double x[LD_NMEASURE];
	char *text;
	size_t len, i, j;
	uint32_t type;

	if (size == 0)
		return 0;
	o.window = (size_t)(data[0] & 15) + 1;
	o.segment = (size_t)(data[0] >> 4) + 1;
	text = fuzz_utf8(data + 1, size - 1, &len);
	syllable_word(text, len, &s);
	readability_word(text, len, &w);
	FUZZ_ASSERT(s.fog <= s.n);
	FUZZ_ASSERT(s.n <= 4 * len + 4);
	FUZZ_ASSERT(w.letters <= len);
	FUZZ_ASSERT((w.letters == 0) == (s.n == 0));
	FUZZ_ASSERT(w.letters == 0 || w.syllables == s.n);

	/* The space-separated words, as types by their first byte. */
	l = lexdiv_new(&o);
	for (i = 0; i < len; i = j + 1) {
		for (j = i; j < len && text[j] != ' '; j++)
			;
		if (j > i) {
			type = (uint32_t)(unsigned char)text[i] << 8 |
			       (uint32_t)(j - i);
			lexdiv_add(l, type);
		}
	}
	lexdiv_get_parts(l, &p);
	lexdiv_scores(&p, o.window, o.segment, x);
	FUZZ_ASSERT(p.types <= p.tokens && p.sumsq >= p.tokens);
	FUZZ_ASSERT(p.windows ==
		    (p.tokens >= o.window ? p.tokens - o.window + 1 : 0));
	FUZZ_ASSERT(p.segments == p.tokens / o.segment);
	for (i = 0; i < LD_NMEASURE; i++)
		if (i == LD_TTR || i == LD_MATTR || i == LD_MSTTR)
			FUZZ_ASSERT(isnan(x[i]) || (x[i] > 0 && x[i] <= 1));
	FUZZ_ASSERT(isnan(x[LD_MTLD]) || x[LD_MTLD] >= 1);
	lexdiv_free(l);
	free(text);
	return 0;
}
