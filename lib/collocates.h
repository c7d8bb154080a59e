/*
 * Window collocates of a node word, for sp-count --collocates (AntConc's
 * Collocates tool): every word seen within L tokens to the left or R to
 * the right of the node in the same run (a run of records with one key,
 * one sentence of sp-tokens output; a new file ends a run), with the pair
 * counts and measures of lib/colloc.h.  A gap record (an empty token)
 * takes a position of the window and pairs with nothing, as in --pairs.
 * The node is a token, or a word pattern of lib/search.h (terror*) that
 * the whole token matches; every type it matches is the node.
 *
 * Memory: a few counters per type, and the tokens of the longest run.
 */
#ifndef SP_COLLOCATES_H
#define SP_COLLOCATES_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"
#include "record.h"

struct search;

struct collocates {
	size_t left, right;
	struct search *node; /* the node's pattern */
	struct strtab items;
	/* Per type, indexed by id. */
	uint8_t *isnode;
	uint64_t *freq, *second, *fl, *fr;
	size_t cap;
	uint64_t first, pairs, fnode;
	/* The run being read: its key and its tokens (UINT32_MAX a gap). */
	char *key;
	size_t keylen, keycap;
	int haskey, inrun;
	uint32_t *run;
	size_t len, runcap;
	uint64_t *prefix; /* tokens before each position of the run */
};

/*
 * Set up for the node pattern (folded as tokens are); return NULL, or a
 * message saying what is wrong with the pattern.
 */
const char *collocates_init(struct collocates *c, const char *node, size_t left,
			    size_t right);
void collocates_free(struct collocates *c);

/* Count the token records of a file: 0, or 2 after an error. */
int collocates_file(struct collocates *c, const char *path);

/*
 * One row per collocate whose count is at least min, COLLOCATE TAB FREQ
 * TAB FREQ_L TAB FREQ_R TAB MI TAB T TAB G2 TAB LOGDICE, ordered by the
 * measure sortby (0 MI, 1 t, 2 G2, 3 logDice, 4 the count) descending,
 * then the count, then the collocate bytewise; the first top (0: all).
 */
void collocates_write(struct collocates *c, struct record_writer *out,
		      uint64_t min, uint64_t top, int sortby);

#endif
