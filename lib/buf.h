/*
 * A growing byte buffer, for text assembled piece by piece (a paragraph
 * from its lines, a concordance's arena).  It grows by doubling, so adding
 * n bytes costs O(n) amortised, and is never NUL-terminated by itself.
 */
#ifndef SP_BUF_H
#define SP_BUF_H

#include <stddef.h>

struct buf {
	char *s;
	size_t len, cap;
};

void buf_add(struct buf *b, const char *s, size_t n);

#endif
