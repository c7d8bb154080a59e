/*
 * Every fast path in sp stands beside a simple reference: code that does
 * the same job per byte, per line or per token, plainly enough to be
 * checked by reading it.  The reference is what the fast path must agree
 * with, byte for byte, and make check compares the two on generated input
 * and on the corpus (tests/reference.bats).
 *
 * SP_REFERENCE=1 in the environment makes a program take every reference
 * instead of its fast path: the output is the same, only slower.  It is
 * read once, by opt_init at start-up, so the fast paths pay nothing per
 * byte for the choice; a unit test or a fuzz harness sets sp_reference
 * itself to compare both in one process.
 */
#ifndef SP_REFERENCE_H
#define SP_REFERENCE_H

/* Nonzero: take the simple references, not the fast paths. */
extern int sp_reference;

/* Set sp_reference from SP_REFERENCE: on unless unset, empty or "0". */
void sp_reference_init(void);

#endif
