/*
 * Readability of a group of text (a document, a speaker, a year) from the
 * sums of what its words are: words, sentences, syllables, letters,
 * polysyllables, Fog's complex words, long words, monosyllables.  Every
 * sum adds up across parts of a group, so counts made apart merge exactly;
 * the indices are computed from the sums at the end.
 *
 * A caller analyses each word type once with readability_word (through
 * lib/syllable.c; keep the result in a table by type) and adds it for
 * each token with readability_add, which is a handful of additions.
 * Sentences are the caller's to count (sp's sentence records).
 *
 * The formulas, with references, are in lib/readability.c and in the
 * manual pages.  A group without words has no index (NAN); a group with
 * words but no sentence counts as one sentence.
 */
#ifndef SP_READABILITY_H
#define SP_READABILITY_H

#include <stddef.h>
#include <stdint.h>

/* What one word type contributes; letters 0 means it is not a word. */
struct rd_word {
	uint32_t syllables;
	uint32_t letters; /* letters and digits, not marks or ' - . */
	uint8_t poly;	  /* 3 syllables or more (SMOG, Linsear) */
	uint8_t complex;  /* Gunning's Fog hard word */
	uint8_t longword; /* more than 6 letters (LIX, RIX) */
	uint8_t mono;	  /* 1 syllable (FORCAST) */
};

/* Analyse the token w[0..len) (valid UTF-8). */
void readability_word(const char *w, size_t len, struct rd_word *out);

/* The sums of a group. */
struct rd_counts {
	uint64_t words, sentences, syllables, letters;
	uint64_t poly, complex, longwords, mono;
};

static inline void
readability_add(struct rd_counts *c, const struct rd_word *w)
{
	if (w->letters == 0)
		return;
	c->words++;
	c->syllables += w->syllables;
	c->letters += w->letters;
	c->poly += w->poly;
	c->complex += w->complex;
	c->longwords += w->longword;
	c->mono += w->mono;
}

/* Add the sums of from to into (parts of one group counted apart). */
void readability_merge(struct rd_counts *into, const struct rd_counts *from);

enum rd_index {
	RD_FLESCH,  /* Flesch Reading Ease */
	RD_FK,	    /* Flesch-Kincaid grade level */
	RD_FOG,	    /* Gunning Fog index */
	RD_SMOG,    /* SMOG grade */
	RD_CLI,	    /* Coleman-Liau index */
	RD_ARI,	    /* Automated Readability Index */
	RD_LIX,	    /* Bjornsson's Lasbarhetsindex */
	RD_RIX,	    /* Anderson's RIX */
	RD_FORCAST, /* FORCAST grade level */
	RD_LINSEAR, /* Linsear Write grade level */
	RD_NINDEX
};

/* Short names, for column headers and options: "flesch", "fk", ... */
extern const char *const readability_names[RD_NINDEX];

/* The indices of a group; NAN for every one when it has no words. */
void readability_scores(const struct rd_counts *c, double out[RD_NINDEX]);

#endif
