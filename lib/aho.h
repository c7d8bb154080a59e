/*
 * Many strings at once: an Aho-Corasick automaton, which finds every
 * occurrence of every string of a set in one pass over a text, with one
 * table lookup per byte however many strings there are.  lib/search.c
 * uses it when there are more strings than it is worth looking for one by
 * one: many fixed strings (sp-grep -F -f), the literals of many regular
 * expressions or of many word patterns.
 */
#ifndef SP_AHO_H
#define SP_AHO_H

#include <stddef.h>

/* An occurrence of string number id: text[start..end). */
struct aho_hit {
	size_t start, end;
	size_t id;
};

struct aho;

/* A new empty set; with icase, ASCII letters match in either case. */
struct aho *aho_new(int icase);
void aho_free(struct aho *a);

/* Add s[0..n) (n > 0) as string number id; several may share an id. */
void aho_add(struct aho *a, const char *s, size_t n, size_t id);

/*
 * Make the automaton of the strings added (done by the searches below if
 * need be).  Return 0, or -1 if its table would take more memory than is
 * reasonable (hundreds of thousands of strings): then the caller looks for
 * them some other way, and the searches below must not be used.
 */
int aho_build(struct aho *a);

/*
 * The first occurrence in text[from..n) of a string (one that starts at
 * from or later), by its end: the offset of its last byte, or n if there
 * is none.  Every occurrence that starts before it overlaps it.  If len
 * is not NULL, *len is the length of the longest string that ends there.
 */
size_t aho_first(struct aho *a, const char *text, size_t n, size_t from,
    size_t *len);

/*
 * The same, on from occurrence to occurrence: a cursor set to { from, 0 }
 * gives what aho_first gives, and each later call the next end of an
 * occurrence that starts at from or later (strings ending at the same
 * byte come once), or n.
 */
struct aho_cursor {
	size_t at;
	unsigned state;
};
size_t aho_next(struct aho *a, const char *text, size_t n,
    struct aho_cursor *c, size_t *len);

/*
 * Every occurrence in text[0..n), in order of their ends, in *hits (grown
 * as needed; *cap entries).  Return the number.
 */
size_t aho_all(struct aho *a, const char *text, size_t n,
    struct aho_hit **hits, size_t *cap);

/*
 * The leftmost occurrence in text[0..n), the longest of those, the one
 * with the lowest id of those: 1 with it in *hit, or 0 if there is none.
 * The search stops as soon as nothing after can start before it.
 */
int aho_leftmost(struct aho *a, const char *text, size_t n,
    struct aho_hit *hit);

#endif
