/*
 * The inner step of the sampler at small K (lda.c): from the weight of
 * every topic, coef_t (n_wt + beta) with coef_t = (alpha_t + n_td) / (beta
 * V + n_t), pick the topic in which u * (their total) falls, in single
 * precision, four topics at a time and with no branch that depends on the
 * weights.  Such a branch is mispredicted about once a token, and then
 * costs as much as the rest of the step.
 *
 * The running totals are taken four topics at a time: within a block
 * [w0, w0 + w1, (w1 + w2) + w0, (w2 + w3) + (w0 + w1)], then the total
 * of the blocks before is added; the topic drawn is the number of running
 * totals at or below u.
 *
 * With SSE2 (every x86-64 processor) and gcc or clang this uses SSE2
 * instructions; elsewhere, or with -DSP_NO_SSE2, plain C that does the same
 * operations in the same order, so both give the same bits (test_lda
 * compares them).  Arrays of K values have K rounded up to a multiple of 4
 * elements (k4), are 16-byte aligned, and hold 0 past K.
 */
#ifndef SP_LDA_KERNEL_H
#define SP_LDA_KERNEL_H

#include <stdint.h>

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__)) &&          \
    !defined(SP_NO_SSE2)
#define LDA_SSE2 1
#include <emmintrin.h>
#endif

/*
 * When u is at or past the total (by rounding), the last topic whose
 * running total grows.
 */
static inline uint32_t
lda_dense_last(const float *run, int ntopics)
{
	int k = ntopics - 1;

	while (k > 0 && !(run[k] > run[k - 1]))
		k--;
	return (uint32_t)k;
}

/*
 * Pick a topic for uniform in [0, 1).  row holds the word's counts by
 * topic (row[K..k4) may be anything: their coef is 0), or is NULL for
 * counts of 0; run gets the running totals.
 */
static inline uint32_t
lda_dense_draw_ref(const float *coef, const uint32_t *row, float beta,
		   int ntopics, int k4, float *run, double uniform)
{
	float carry = 0, u, x[4], y[4];
	int k, j, n = 0;

	for (k = 0; k < k4; k += 4) {
		for (j = 0; j < 4; j++)
			x[j] =
			    coef[k + j] *
			    ((row != NULL ? (float)(int32_t)row[k + j] : 0.0f) +
			     beta);
		y[0] = x[0] + 0.0f;
		y[1] = x[1] + x[0];
		y[2] = x[2] + x[1];
		y[3] = x[3] + x[2];
		run[k] = (y[0] + 0.0f) + carry;
		run[k + 1] = (y[1] + 0.0f) + carry;
		run[k + 2] = (y[2] + y[0]) + carry;
		run[k + 3] = (y[3] + y[1]) + carry;
		carry = run[k + 3];
	}
	u = (float)uniform * carry;
	for (k = 0; k < k4; k++)
		n += run[k] <= u;
	return n < ntopics ? (uint32_t)n : lda_dense_last(run, ntopics);
}

/* A document's coefficients from scratch: (alpha + local) / den. */
static inline void
lda_dense_coef_ref(const float *den, const float *alpha, const int32_t *local,
		   int k4, float *coef)
{
	int k;

	for (k = 0; k < k4; k++)
		coef[k] = (alpha[k] + (float)local[k]) / den[k];
}

#ifdef LDA_SSE2
/* The number of lanes set in a 4-bit mask. */
static const unsigned char lda_bits4[16] = {0, 1, 1, 2, 1, 2, 2, 3,
					    1, 2, 2, 3, 2, 3, 3, 4};

static inline uint32_t
lda_dense_draw(const float *coef, const uint32_t *row, float beta, int ntopics,
	       int k4, float *run, double uniform)
{
	__m128 b = _mm_set1_ps(beta), carry = _mm_setzero_ps(), x, uv;
	int k, n = 0;

	for (k = 0; k < k4; k += 4) {
		x = row != NULL
			? _mm_add_ps(
			      _mm_cvtepi32_ps(_mm_loadu_si128(
				  (const __m128i *)(const void *)(row + k))),
			      b)
			: b;
		x = _mm_mul_ps(_mm_load_ps(coef + k), x);
		x = _mm_add_ps(x, _mm_castsi128_ps(
				      _mm_slli_si128(_mm_castps_si128(x), 4)));
		x = _mm_add_ps(x, _mm_castsi128_ps(
				      _mm_slli_si128(_mm_castps_si128(x), 8)));
		x = _mm_add_ps(x, carry);
		_mm_store_ps(run + k, x);
		carry = _mm_shuffle_ps(x, x, 0xff);
	}
	uv = _mm_mul_ps(_mm_set1_ps((float)uniform), carry);
	for (k = 0; k < k4; k += 4)
		n += lda_bits4[_mm_movemask_ps(
		    _mm_cmple_ps(_mm_load_ps(run + k), uv))];
	return n < ntopics ? (uint32_t)n : lda_dense_last(run, ntopics);
}

static inline void
lda_dense_coef(const float *den, const float *alpha, const int32_t *local,
	       int k4, float *coef)
{
	int k;

	for (k = 0; k < k4; k += 4)
		_mm_store_ps(
		    coef + k,
		    _mm_div_ps(
			_mm_add_ps(
			    _mm_load_ps(alpha + k),
			    _mm_cvtepi32_ps(_mm_load_si128(
				(const __m128i *)(const void *)(local + k)))),
			_mm_load_ps(den + k)));
}

/*
 * Change one count or coefficient by rewriting its whole block of four:
 * the next four-wide read of the block then takes it from the store
 * (a narrower store would stall that read until it reached the cache).
 */
static inline void
lda_row_add(uint32_t *row, uint32_t topic, int delta)
{
	static const union {
		int32_t x[4];
		__m128i v;
	} lane[4] = {
	    {{1, 0, 0, 0}}, {{0, 1, 0, 0}}, {{0, 0, 1, 0}}, {{0, 0, 0, 1}}};
	__m128i *p = (__m128i *)(void *)(row + (topic & ~3u));
	__m128i d = lane[topic & 3].v;

	if (delta < 0)
		d = _mm_sub_epi32(_mm_setzero_si128(), d);
	_mm_storeu_si128(p, _mm_add_epi32(_mm_loadu_si128(p), d));
}

static inline void
lda_coef_set(float *coef, uint32_t topic, float value)
{
	static const union {
		int32_t x[4];
		__m128 v;
	} lane[4] = {
	    {{-1, 0, 0, 0}}, {{0, -1, 0, 0}}, {{0, 0, -1, 0}}, {{0, 0, 0, -1}}};
	float *p = coef + (topic & ~3u);
	__m128 mask = lane[topic & 3].v;

	_mm_store_ps(p, _mm_or_ps(_mm_andnot_ps(mask, _mm_load_ps(p)),
				  _mm_and_ps(mask, _mm_set1_ps(value))));
}
#else
#define lda_dense_draw lda_dense_draw_ref
#define lda_dense_coef lda_dense_coef_ref

static inline void
lda_row_add(uint32_t *row, uint32_t topic, int delta)
{
	row[topic] += (uint32_t)delta;
}

static inline void
lda_coef_set(float *coef, uint32_t topic, float value)
{
	coef[topic] = value;
}
#endif

#endif
