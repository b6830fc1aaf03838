/*
 * The demo network: a believable Drechtsteden volunteer network built by a
 * seeded generator, so that the same seed always gives the same network.
 */
#ifndef KP_DEMO_DEMO_H
#define KP_DEMO_DEMO_H

#include <stdint.h>

#include "app.h"

struct demo_options {
	int volunteers;       /* how many volunteers, spread as in seed 004 */
	uint64_t seed;        /* generator seed */
};

/* Fills an empty database (lists already seeded) with the demo network. */
int demo_build(struct app *app, struct db *db, const struct demo_options *opt,
               struct kp_error *err);

#endif
