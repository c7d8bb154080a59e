/*
 * Lexical diversity of a group of tokens (a document, a speaker), computed
 * while the tokens stream past in their order: TTR, Herdan's C, Guiraud's
 * R, Carroll's CTTR, Maas's a², Yule's K, MATTR, MSTTR and MTLD.  The
 * formulas, with references, are in lib/lexdiv.c and the manual pages.
 *
 * The caller gives each token as a type id (its number in the caller's
 * own table of strings, so that a token is hashed once for every measure
 * and every use); the state of a group holds one entry per type of that
 * group, the MATTR window, and, for MTLD's backward pass, the group's
 * tokens (4 bytes each; opts.mtld = 0 saves them and leaves MTLD out).
 * Memory is bounded by the group, not by the input.
 *
 * What adds up across parts of a group: tokens, and the parts of MATTR,
 * MSTTR and MTLD when the parts are documents (windows, segments and
 * factors do not cross documents): lexdiv_parts gives them, and adding
 * the parts of several documents gives the pooled measure of all of them.
 * Types, and so TTR, C, R, CTTR, Maas and K, do not add (the parts share
 * words): they come from the group's own counts, e.g. a merged count
 * table, whose rows are the types and whose counts give Yule's sum of
 * squares.
 */
#ifndef SP_LEXDIV_H
#define SP_LEXDIV_H

#include <stddef.h>
#include <stdint.h>

struct lexdiv_opts {
	size_t window;	  /* MATTR window in tokens; 0: 100 */
	size_t segment;	  /* MSTTR segment in tokens; 0: 100 */
	double threshold; /* MTLD factor size, 0 < t < 1; 0: 0.72 */
	int mtld;	  /* compute MTLD (keeps the group's tokens) */
};

/* The additive parts of a group's measures. */
struct lexdiv_parts {
	uint64_t tokens, types;
	uint64_t sumsq;		/* sum over types of count squared */
	uint64_t window_types;	/* MATTR: types summed over full windows */
	uint64_t windows;	/* MATTR: full windows (tokens - window + 1) */
	uint64_t segment_types; /* MSTTR: types summed over full segments */
	uint64_t segments;	/* MSTTR: full segments */
	double factors[2];	/* MTLD: forward, backward, with partials */
	uint64_t mtld_tokens;	/* MTLD: tokens (0 without MTLD) */
};

enum lexdiv_measure {
	LD_TTR,	  /* type-token ratio */
	LD_C,	  /* Herdan's C */
	LD_R,	  /* Guiraud's R */
	LD_CTTR,  /* Carroll's corrected TTR */
	LD_MAAS,  /* Maas's a squared */
	LD_K,	  /* Yule's K */
	LD_MATTR, /* moving-average TTR */
	LD_MSTTR, /* mean segmental TTR */
	LD_MTLD,  /* measure of textual lexical diversity */
	LD_NMEASURE
};

/* Short names, for column headers and options: "ttr", "c", ... */
extern const char *const lexdiv_names[LD_NMEASURE];

struct lexdiv;

struct lexdiv *lexdiv_new(const struct lexdiv_opts *opts);
void lexdiv_free(struct lexdiv *l);

/* Start a new group, keeping the memory of the last. */
void lexdiv_reset(struct lexdiv *l);

/* The next token of the group. */
void lexdiv_add(struct lexdiv *l, uint32_t type);

/* The parts of the group so far (it may go on after). */
void lexdiv_get_parts(struct lexdiv *l, struct lexdiv_parts *p);

/*
 * The measures from parts (of one group, or added up over documents);
 * NAN where a measure is undefined: no tokens; C and Maas of one token;
 * MATTR and MSTTR of fewer tokens than a window or segment; MTLD when a
 * direction has no factor at all (no type repeated) or was not computed.
 */
void lexdiv_scores(const struct lexdiv_parts *p, size_t window, size_t segment,
		   double out[LD_NMEASURE]);

#endif
