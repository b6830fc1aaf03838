/*
 * The demo network's seeded generator: xoshiro256** seeded through
 * splitmix64, so that one 64-bit seed always gives the same sequence on
 * every machine. Not for secrets (tokens use libsodium).
 *
 * Invariant: s[] is never all zero (splitmix64 cannot produce four zeros).
 */
#ifndef KP_DEMO_RNG_H
#define KP_DEMO_RNG_H

#include <stdbool.h>
#include <stdint.h>

struct rng {
	uint64_t s[4];  /* xoshiro256** state */
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);

/* Uniform in [0, n) for n >= 1 (Lemire's multiply-shift, bias below 2^-32). */
uint32_t rng_below(struct rng *r, uint32_t n);

/* Uniform in [lo, hi]. */
int rng_range(struct rng *r, int lo, int hi);

/* True with probability permille / 1000. */
bool rng_chance(struct rng *r, int permille);

/* An index in [0, n) drawn with the given non-negative weights (sum > 0). */
int rng_weighted(struct rng *r, const int *weights, int n);

/* Shuffles a[0..n) in place (Fisher–Yates). */
void rng_shuffle(struct rng *r, int *a, int n);

#endif
