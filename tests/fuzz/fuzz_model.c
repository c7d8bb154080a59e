/*
 * Fuzz the LDA model loader (lda_load in lib/lda_file.c) through a file.
 * lda_load ends the program on a bad file (sp_die_at), so this harness is
 * linked with -Wl,--wrap for sp_die, sp_die_at, the x*alloc family, free
 * and reader_open/reader_close: a "die" jumps back here, and what the
 * loader had allocated and opened until then is freed and closed, so that
 * millions of bad files neither leak nor run out of descriptors.  A model
 * that loads must be consistent (the cells of each word in descending
 * packed order with topics below K, topic totals adding up to the tokens)
 * and must save (lda_write_model) and load back to the same bytes.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>

#include "err.h"
#include "fuzz.h"
#include "io.h"
#include "lda.h"

/*
 * Live allocations made while the loader runs, in a small open-addressing
 * set (no allocation of its own).
 */
enum { TRACK_SLOTS = 1 << 16 };
static void *tracked[TRACK_SLOTS];
static size_t ntracked;
static int tracking, open_fd = -1;
static jmp_buf died;

void *__real_xmalloc(size_t);
void *__real_xcalloc(size_t, size_t);
void *__real_xrealloc(void *, size_t);
void *__real_xreallocarray(void *, size_t, size_t);
char *__real_xmemdup(const char *, size_t);
char *__real_xstrdup(const char *);
void __real_free(void *);
int __real_reader_open(struct reader *, const char *);
int __real_reader_close(struct reader *);

static size_t
slot(void *p)
{
	return ((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull >> 48 &
	    (TRACK_SLOTS - 1);
}

static void
track(void *p)
{
	size_t i;

	if (!tracking || p == NULL)
		return;
	FUZZ_ASSERT(ntracked < TRACK_SLOTS / 2);
	for (i = slot(p); tracked[i] != NULL; i = (i + 1) & (TRACK_SLOTS - 1))
		;
	tracked[i] = p;
	ntracked++;
}

/* Remove p, moving later entries of its run back (no tombstones). */
static void
untrack(void *p)
{
	size_t i, j, k;

	if (!tracking || p == NULL)
		return;
	for (i = slot(p); tracked[i] != p; i = (i + 1) & (TRACK_SLOTS - 1))
		if (tracked[i] == NULL)
			return;
	tracked[i] = NULL;
	ntracked--;
	for (j = (i + 1) & (TRACK_SLOTS - 1); tracked[j] != NULL;
	    j = (j + 1) & (TRACK_SLOTS - 1)) {
		k = slot(tracked[j]);
		if ((j > i && (k <= i || k > j)) ||
		    (j < i && k <= i && k > j)) {
			tracked[i] = tracked[j];
			tracked[j] = NULL;
			i = j;
		}
	}
}

void *
__wrap_xmalloc(size_t n)
{
	void *p = __real_xmalloc(n);

	track(p);
	return p;
}

void *
__wrap_xcalloc(size_t n, size_t size)
{
	void *p = __real_xcalloc(n, size);

	track(p);
	return p;
}

void *
__wrap_xrealloc(void *old, size_t n)
{
	void *p;

	untrack(old);
	p = __real_xrealloc(old, n);
	track(p);
	return p;
}

void *
__wrap_xreallocarray(void *old, size_t n, size_t size)
{
	void *p;

	untrack(old);
	p = __real_xreallocarray(old, n, size);
	track(p);
	return p;
}

char *
__wrap_xmemdup(const char *s, size_t n)
{
	char *p = __real_xmemdup(s, n);

	track(p);
	return p;
}

char *
__wrap_xstrdup(const char *s)
{
	char *p = __real_xstrdup(s);

	track(p);
	return p;
}

void
__wrap_free(void *p)
{
	untrack(p);
	__real_free(p);
}

int
__wrap_reader_open(struct reader *r, const char *path)
{
	int rc = __real_reader_open(r, path);

	if (rc == 0 && tracking)
		open_fd = r->fd;
	return rc;
}

int
__wrap_reader_close(struct reader *r)
{
	if (tracking && r->fd == open_fd)
		open_fd = -1;
	return __real_reader_close(r);
}

/* The loader gave up on the file: the message must format; go back. */
_Noreturn void
__wrap_sp_die(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	FUZZ_ASSERT(vsnprintf(msg, sizeof(msg), fmt, ap) >= 0);
	va_end(ap);
	longjmp(died, 1);
}

_Noreturn void
__wrap_sp_die_at(const char *file, unsigned long long line,
    const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	FUZZ_ASSERT(file != NULL);
	(void)line;
	va_start(ap, fmt);
	FUZZ_ASSERT(vsnprintf(msg, sizeof(msg), fmt, ap) >= 0);
	va_end(ap);
	longjmp(died, 1);
}

/* Stop tracking; with release, free what is still tracked. */
static void
untrack_all(int release)
{
	size_t i;

	tracking = 0;
	for (i = 0; i < TRACK_SLOTS && ntracked > 0; i++)
		if (tracked[i] != NULL) {
			if (release)
				__real_free(tracked[i]);
			tracked[i] = NULL;
			ntracked--;
		}
	if (release && open_fd > 0)
		close(open_fd);
	open_fd = -1;
}

static void
check_model(const struct lda_model *m)
{
	uint32_t w, cell, topic;
	size_t j;
	int64_t sum = 0, *topic_sum;
	int k;

	FUZZ_ASSERT(m->ntopics >= 2 && m->ntopics <= LDA_MAX_TOPICS);
	FUZZ_ASSERT(m->vocab->n == m->nwords);
	FUZZ_ASSERT((((uint32_t)m->ntopics - 1) & ~m->topic_mask) == 0);
	topic_sum = calloc((size_t)m->ntopics, sizeof(*topic_sum));
	if (topic_sum == NULL)
		abort();
	FUZZ_ASSERT(m->word_start[0] == 0);
	for (w = 0; w < m->nwords; w++) {
		FUZZ_ASSERT(m->word_start[w] < m->word_start[w + 1]);
		for (j = m->word_start[w]; j < m->word_start[w + 1]; j++) {
			cell = m->counts[j];
			topic = lda_cell_topic(m, cell);
			FUZZ_ASSERT(topic < (uint32_t)m->ntopics);
			FUZZ_ASSERT(lda_cell_count(m, cell) > 0);
			FUZZ_ASSERT(j == m->word_start[w] ||
			    m->counts[j - 1] > cell);
			topic_sum[topic] += lda_cell_count(m, cell);
		}
	}
	for (k = 0; k < m->ntopics; k++) {
		FUZZ_ASSERT(topic_sum[k] == m->topic_tokens[k]);
		FUZZ_ASSERT(m->alpha[k] > 0);
		sum += topic_sum[k];
	}
	FUZZ_ASSERT((size_t)sum == m->ntokens);
	free(topic_sum);
}

/* The bytes of a file, in a buffer to free; *n is their number. */
static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	size_t cap = 0, got;

	if (f == NULL)
		abort();
	*n = 0;
	do {
		if (cap - *n < 4096) {
			cap = 2 * cap + 4096;
			if ((s = realloc(s, cap)) == NULL)
				abort();
		}
		got = fread(s + *n, 1, cap - *n, f);
		*n += got;
	} while (got > 0);
	fclose(f);
	return s;
}

/*
 * lda_save, but written in place: lda_save's writer flushes the file to
 * disk and renames it, which would make each run take milliseconds.
 */
static void
save(const struct lda_model *m, const char *path)
{
	struct writer w;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	FUZZ_ASSERT(fd >= 0);
	writer_init(&w, fd, path);
	lda_write_model(&w, m);
	writer_close(&w);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char saved[sizeof(fuzz_path) + 8];
	struct lda_model m, again;
	const char *path = fuzz_file(data, size);
	char *first, *second;
	size_t n1, n2;

	if (saved[0] == '\0')
		snprintf(saved, sizeof(saved), "%s.saved", path);
	tracking = 1;
	if (setjmp(died) != 0) {
		untrack_all(1);
		return 0;
	}
	lda_load(&m, path);
	FUZZ_ASSERT(open_fd == -1);
	untrack_all(0);		/* m owns what is left */

	check_model(&m);
	save(&m, saved);
	first = slurp(saved, &n1);
	tracking = 1;
	if (setjmp(died) != 0) {
		untrack_all(1);
		FUZZ_ASSERT(0 && "a saved model does not load");
	}
	lda_load(&again, saved);
	untrack_all(0);
	save(&again, saved);
	second = slurp(saved, &n2);
	unlink(saved);
	FUZZ_ASSERT(n1 == n2 && memcmp(first, second, n1) == 0);
	free(first);
	free(second);
	lda_model_free(&again);
	lda_model_free(&m);
	return 0;
}
