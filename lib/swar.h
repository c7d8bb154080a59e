/*
 * Eight bytes at a time: a uint64_t loaded from memory holds eight bytes,
 * and a few integer operations test all of them at once (what is called
 * SWAR, SIMD within a register).  The reader, the sentence splitter, the
 * tokenizer and the counter scan their plain ASCII runs this way.
 *
 * Built with -DSP_PORTABLE, sp takes the routes that the machines make
 * check does not run on would take: no SSE2, no compiler builtins, and
 * the byte-order tricks as on a big-endian machine (swar_little_endian
 * below).  make check runs the unit tests, tests/cli.bats and the
 * comparison with the references (tests/reference.bats) on such a build
 * too.
 */
#ifndef SP_SWAR_H
#define SP_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * With SSE2 (every x86-64 processor) and gcc or clang (for __builtin_ctz),
 * the scans that can look at sixteen bytes with one instruction do so;
 * elsewhere, or with -DSP_NO_SSE2 (make check's sanitizer build), they
 * take eight bytes at a time in a 64-bit word.
 */
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(SP_NO_SSE2)
#define SP_SSE2 1
#include <emmintrin.h>
#endif

/* 1 in every byte, bit 7 of every byte, bits 0-6 of every byte */
#define SWAR_ONES	UINT64_C(0x0101010101010101)
#define SWAR_HIGHS	UINT64_C(0x8080808080808080)
#define SWAR_LOWS	UINT64_C(0x7F7F7F7F7F7F7F7F)

/*
 * Nonzero if some byte of v is less than n (n <= 128): its bit 7 is set
 * for the first such byte in memory order on a little-endian machine (the
 * ones after it may be set wrongly by a borrow).
 */
#define SWAR_HAS_LESS(v, n)	(((v) - SWAR_ONES * (n)) & ~(v) & SWAR_HIGHS)
#define SWAR_HAS_ZERO(v)	SWAR_HAS_LESS(v, 1)

/*
 * Bit 7 of every byte of w that is 0, exactly (no borrow crosses from one
 * byte to the next, unlike SWAR_HAS_ZERO), the other bits clear.
 */
static inline uint64_t
swar_zero_bytes(uint64_t w)
{
	return ~(((w & SWAR_LOWS) + SWAR_LOWS) | w | SWAR_LOWS);
}

/* The same for the bytes of w that are c. */
static inline uint64_t
swar_bytes_of(uint64_t w, unsigned char c)
{
	return swar_zero_bytes(w ^ SWAR_ONES * c);
}

/*
 * Bit 7 of every byte below 14 (TAB, LF, CR and the control characters
 * before them) in a word of ASCII: b + 114 has its bit 7 clear exactly
 * then, and no byte's sum carries into the next.
 */
static inline uint64_t
swar_control_bytes(uint64_t w)
{
	return ~(w + SWAR_ONES * (0x80 - 14)) & SWAR_HIGHS;
}

/* The number of bytes set in a mask of whole bytes. */
static inline size_t
swar_mask_bytes(uint64_t m)
{
	return (size_t)(((m & SWAR_ONES) * SWAR_ONES) >> 56);
}

/*
 * The index of the last byte in memory flagged (bit 7) in z, which is not
 * 0, on a little-endian machine: its highest.
 */
static inline size_t
swar_last_flagged(uint64_t z)
{
#if (defined(__GNUC__) || defined(__clang__)) && !defined(SP_PORTABLE)
	return (size_t)(63 - __builtin_clzll(z)) >> 3;
#else
	/* Spread the flags to every byte below, then count them. */
	z |= z >> 8;
	z |= z >> 16;
	z |= z >> 32;
	return swar_mask_bytes(z >> 7) - 1;
#endif
}

/*
 * Ask for the cache line at p, which will be read soon (the counter's
 * pending strings, the topic sampler's next words); nothing without the
 * compiler builtin or with SP_PORTABLE.  It changes no result.
 */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(SP_PORTABLE)
#define SP_PREFETCH(p) __builtin_prefetch(p)
#else
#define SP_PREFETCH(p) ((void)(p))
#endif

/* Eight bytes from p, in the machine's byte order (no alignment needed). */
static inline uint64_t
swar_load(const void *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/*
 * Whether the first byte in memory of a uint64_t is its low one, so that
 * the tricks that depend on it may be used; never with SP_PORTABLE, which
 * makes the code that uses it take the route of a big-endian machine.
 * Nothing may depend on it for anything else.
 */
static inline int
swar_little_endian(void)
{
#ifdef SP_PORTABLE
	return 0;
#else
	const uint64_t one = 1;
	unsigned char first;

	memcpy(&first, &one, 1);
	return first == 1;
#endif
}

#endif
