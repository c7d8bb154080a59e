/*
 * sp-scale's model file, which --save writes and --predict reads: the word
 * parameters of a fitted Wordscores or Wordfish model and what placing new
 * documents needs besides.  A text format, so a model can be read, diffed
 * and checked with the usual tools (FILES in sp-scale(1)):
 *
 *	sp-scale model 1
 *	wordscores TAB REF_SD TAB REF_MIN TAB REF_MAX TAB RAW_MIN TAB RAW_MAX
 *	word TAB ITEM TAB SCORE			(one per scored word)
 *	end
 *
 * or
 *
 *	sp-scale model 1
 *	wordfish TAB ALPHA_PREC TAB ALPHA_MEAN TAB THETA_PREC TAB THETA_MEAN
 *	word TAB ITEM TAB BETA TAB PSI		(one per word)
 *	end
 *
 * with the words in bytewise order and every number written with 17
 * significant digits, so that it reads back exactly.
 */
#ifndef SP_SCALE_MODEL_H
#define SP_SCALE_MODEL_H

#include "wordfish.h"
#include "wordscores.h"

enum scale_method { SCALE_WORDSCORES, SCALE_WORDFISH };

struct scale_model {
	enum scale_method method;
	struct wordscores ws;
	struct wordfish_model wf;
};

void scale_model_save_wordscores(const struct wordscores *ws, const char *path);
void scale_model_save_wordfish(const struct wordfish_model *m,
			       const char *path);

/*
 * Load a model; a file that is not a model, or a damaged one, ends the
 * program (status 2) with the file and line.
 */
void scale_model_load(struct scale_model *m, const char *path);
void scale_model_free(struct scale_model *m);

#endif
