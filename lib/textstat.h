/*
 * Text statistics of each group of a token stream, for sp-count
 * --readability and --lexdiv: the sums of lib/readability.h and the parts
 * of lib/lexdiv.h per group, in one pass, and the rows that sp-count
 * writes from them.  A readability row is
 *
 *	[GROUP TAB] WORDS SENTENCES SYLLABLES LETTERS POLYSYLLABLES COMPLEX
 *	LONG MONOSYLLABLES FLESCH FK FOG SMOG CLI ARI LIX RIX FORCAST LINSEAR
 *
 * and a lexical diversity row [GROUP TAB] TOKENS TYPES TTR C R CTTR MAAS K
 * MATTR MSTTR MTLD; with both, one row has the readability columns, then
 * the lexical diversity ones.
 *
 * What is counted: a token is a record's non-empty last field (a gap
 * record, an empty token, is none); a word is a token with a letter or a
 * digit; a sentence is a run of consecutive records with the same key in
 * one file (one sentence of sp-tokens output, whose records of one key
 * are consecutive, so a distinct DOC PARA SENT key).  Types are counted
 * over the whole group; MATTR windows, MSTTR segments and MTLD factors
 * within each stretch of the group's records of one document (the first
 * key field), added up over the stretches: the measure of the documents
 * taken as separate texts, which is the group's own measure when a group
 * is one document.  Memory: the group's types, and for MTLD the tokens
 * of the longest stretch (4 bytes each).
 *
 * Readability rows merge (textstat_merge_file): their eight sums add up and
 * the indices are computed again from the sums, never averaged.
 */
#ifndef SP_TEXTSTAT_H
#define SP_TEXTSTAT_H

#include <stddef.h>
#include <stdint.h>

#include "count.h"
#include "group.h"
#include "record.h"

struct textstat_opts {
	int readability, lexdiv;
	size_t by;	    /* key fields of a group; 0: one group */
	const char *by_arg; /* --by as given, for messages */
	struct grouper *grouper; /* --meta --by COLUMN, or NULL */
	size_t window;	    /* MATTR window (0: 100) */
	size_t segment;	    /* MSTTR segment (0: 100) */
	double threshold;   /* MTLD (0: 0.72) */
};

/* The columns of a readability row after the group. */
enum { TEXTSTAT_RD_SUMS = 8, TEXTSTAT_RD_FIELDS = 18 };

struct textstat_group;
struct lexdiv;
struct rd_word;

struct textstat {
	struct textstat_opts o;
	struct count_table ct;	  /* groups, types, and types per group */
	struct textstat_group *g; /* indexed by group id */
	size_t gcap;
	struct rd_word *words; /* indexed by type id */
	size_t nwords, wordcap;
	struct lexdiv *ld;
	uint32_t stretch; /* the group of the lexdiv stretch, or
			     COUNT_NOGROUP when there is none */
	char *key;	  /* the key of the last record */
	size_t keylen, keycap;
	int haskey, inrun;
};

void textstat_init(struct textstat *t, const struct textstat_opts *o);
void textstat_free(struct textstat *t);

/* Count the token records of a file: 0, or 2 after an error. */
int textstat_file(struct textstat *t, const char *path);

/* Add up the rows of a readability table: 0, or 2 after an error. */
int textstat_merge_file(struct textstat *t, const char *path);

/* Write a row per group, groups in bytewise order. */
void textstat_write(struct textstat *t, struct record_writer *out);

#endif
