/*
 * Sentence boundaries for sp-split: one paragraph in, one normalised
 * sentence at a time out.  The rules (terminal marks, abbreviations,
 * initials, acronyms, ellipses, quotes, list items, headings) are described
 * at the top of lib/sentence.c; the built-in abbreviations are listed there
 * too.  Nothing here consults the C library's locale.
 */
#ifndef SP_SENTENCE_H
#define SP_SENTENCE_H

#include <stddef.h>

/* A set of abbreviations: the built-in list plus the user's. */
struct sent_abbrevs;

/* How a dot after an abbreviation is treated. */
enum sent_abbr_kind {
	SENT_ABBR_NEVER_ENDS = 1,	/* never a boundary: Mr. e.g. */
	SENT_ABBR_MAY_END,		/* a boundary before A-Z only: etc. */
	SENT_ABBR_BEFORE_NUMBER,	/* only before 0-9: No. 10 */
	SENT_ABBR_BEFORE_OPENER		/* before The, It, We...: Co. */
};

struct sent_abbrev {
	const char *word;	/* without its final dot: "e.g", "Mr" */
	int kind;		/* enum sent_abbr_kind */
};

/*
 * The i-th built-in abbreviation, in strcmp order, or NULL past the end
 * (for a --help listing or the manual).  None is longer than
 * SENT_ABBREV_LONGEST bytes, so longer words are not looked up among them.
 */
#define SENT_ABBREV_LONGEST 6

const struct sent_abbrev *sent_abbrev_builtin(size_t i);

/* A new set holding the built-in list. */
struct sent_abbrevs *sent_abbrevs_new(void);

/*
 * Add a user's abbreviation (a line of an -a FILE), such as "Rt", "approx."
 * or "e.g.".  Surrounding white space and one trailing dot are dropped, so
 * "approx" and "approx." mean the same; an empty word is ignored.  A user's
 * abbreviation never ends a sentence: the dot after it is not a boundary,
 * whatever follows.  Matching is exact, except that a word written all in
 * lower case also matches with its first letter capitalised ("approx"
 * matches "Approx.").
 */
void sent_abbrevs_add(struct sent_abbrevs *ab, const char *word, size_t len);

void sent_abbrevs_free(struct sent_abbrevs *ab);

/*
 * Split one paragraph, text[0..len): valid UTF-8 without CR or BOM, its
 * original line breaks kept as '\n'.  emit is called once per sentence, in
 * order, with the sentence's text normalised: every run of white space
 * (including line breaks, NO-BREAK SPACE and the other Unicode spaces)
 * becomes one ASCII space, with none leading or trailing.  An empty or
 * all-blank paragraph gives no sentences; no sentence is ever empty.  The
 * text passed to emit is valid only during the call.  Time is linear in len
 * and memory proportional to the longest sentence.  ab may be NULL for the
 * built-in list alone.
 */
void sent_split(const struct sent_abbrevs *ab, const char *text, size_t len,
    void (*emit)(void *arg, const char *s, size_t n), void *arg);

/*
 * sent_split for a caller that knows that no line of text (from one '\n'
 * to the next) is longer than longest bytes: the same sentences, found
 * with less work, since most line breaks are then known not to be
 * deliberate without measuring every line of the paragraph.  sent_split
 * is sent_split_bounded with longest = len.
 */
void sent_split_bounded(const struct sent_abbrevs *ab, const char *text,
    size_t len, size_t longest,
    void (*emit)(void *arg, const char *s, size_t n), void *arg);

/*
 * Whether paragraph next continues the last sentence of paragraph prev, so
 * that the blank line between them is stray: prev ends without terminal
 * punctuation (. ! ? or an ellipsis, possibly followed by closing quotes or
 * brackets) and without a colon, and is not heading-like (a single line in
 * Title Case or in capitals, or wholly in brackets); and next starts with a
 * lower-case letter (after any opening quotes or brackets) that does not
 * begin a list marker such as "a)" or "i.".  A line ending in a comma
 * followed by a capitalised paragraph is not joined.  Both are paragraphs
 * as given to sent_split; the caller joins them with '\n'.
 */
int sent_para_continues(const char *prev, size_t plen, const char *next,
    size_t nlen);

#endif
