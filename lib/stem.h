/*
 * The Snowball English ("Porter2") stemmer, written here from its published
 * definition (snowballstem.org, "The English (Porter2) stemming algorithm",
 * english.sbl as of Snowball 3.1).  It maps inflected and derived forms of a
 * word to a common stem, so "connection", "connected" and "connecting" all
 * become "connect".
 */
#ifndef SP_STEM_H
#define SP_STEM_H

#include <stddef.h>

/*
 * Stem a lower-case word in place and return the new length, which is never
 * more than len.  The word is word[0..len), UTF-8, not NUL-terminated; only
 * ASCII letters take part in the rules and any other character counts as a
 * non-vowel letter, as in the Snowball definition.  The apostrophe ' is
 * handled as the definition says.  Nothing outside word[0..len) is read or
 * written, nothing is allocated and there is no shared state, so any number
 * of threads may call it at once.
 */
size_t stem_english(char *word, size_t len);

#endif
