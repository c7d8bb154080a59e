/*
 * The built-in English stop-word list (see stopwords.c).
 */
#ifndef SP_STOPWORDS_H
#define SP_STOPWORDS_H

#include <stddef.h>

extern const char *const sp_stopwords_en[];
extern const size_t sp_stopwords_en_count;

#endif
