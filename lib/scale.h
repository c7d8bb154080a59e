/*
 * The document-word table that sp-scale fits its models to, kept sparse:
 * only the cells with a count are stored, twice (by document and by word),
 * so that a model's sweeps over documents and over words both read memory
 * in order.  Memory is proportional to the cells plus the documents plus
 * the words, never to documents times words.
 *
 * Documents ("groups") and words are numbered in bytewise order of their
 * names, so output sorted by name is output in index order.  The models
 * live in their own files: wordscores.c, wordfish.c, ca.c.
 */
#ifndef SP_SCALE_H
#define SP_SCALE_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

struct scale_table {
	size_t ndocs, nwords, ncells;
	char **doc, **word; /* names, NUL-terminated, bytewise order */
	size_t *doclen, *wordlen;
	/* By document: the cells of document i are [dstart[i], dstart[i+1]). */
	size_t *dstart;
	uint32_t *dword;
	double *dcount;
	/* By word: the cells of word j are [wstart[j], wstart[j+1]). */
	size_t *wstart;
	uint32_t *wdoc;
	double *wcount;
	double *rowsum, *colsum; /* tokens per document and per word */
	double total;
};

/*
 * Cells as they are read: each (group, item, count) is appended.  With
 * merge set (for tokens, where every pair repeats), the list is sorted and
 * its repeated pairs added up whenever it fills, so that it holds at most
 * about twice the distinct cells whatever the number of tokens read; rows
 * of count tables, which rarely repeat a pair, are only added up when the
 * table is built.
 */
struct scale_cell {
	uint32_t doc, word; /* ids in groups and items */
	double count;
};

struct scale_cells {
	struct strtab groups, items;
	struct scale_cell *c;
	size_t n, cap;
	int merge;
};

void scale_cells_init(struct scale_cells *sc, int merge);

/* Add count to the cell (group, item); return the group's id. */
uint32_t scale_cells_add(struct scale_cells *sc, const char *group, size_t glen,
			 const char *item, size_t ilen, double count);

/*
 * Build the table from the cells, which are used up (the strings stay for
 * the caller).  Cells with count 0 are left out, and so are items that
 * have only such cells.  A group with no count at all cannot be placed on
 * a scale: then the table is not built and the id of the first such group
 * (bytewise) is returned; else STRTAB_NONE.
 */
uint32_t scale_table_build(struct scale_table *t, struct scale_cells *sc);
void scale_cells_free(struct scale_cells *sc);

void scale_table_free(struct scale_table *t);

/* The index of a document or word by name, or -1. */
long scale_find_doc(const struct scale_table *t, const char *s, size_t len);
long scale_find_word(const struct scale_table *t, const char *s, size_t len);

#endif
