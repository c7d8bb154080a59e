/*
 * The growing buffer of buf.h.
 */
#include <string.h>

#include "buf.h"
#include "err.h"

void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->cap - b->len < n) {
		b->cap = b->cap * 2 > b->len + n ? b->cap * 2 : b->len + n;
		b->s = xrealloc(b->s, b->cap);
	}
	if (n > 0)
		memcpy(b->s + b->len, s, n);
	b->len += n;
}
