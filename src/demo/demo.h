/*
 * The demo network: a believable Drechtsteden volunteer network built by a
 * seeded generator, so that the same seed (and the same clock) always gives
 * the same network. Volunteers are spread over the six municipalities in
 * proportion to seed 004's table; every match state occurs; a fixed set of
 * logins, the same for every seed, opens each role.
 */
#ifndef KP_DEMO_DEMO_H
#define KP_DEMO_DEMO_H

#include <stdint.h>

#include "app.h"
#include "model/call.h"
#include "model/match.h"
#include "model/volunteer.h"

#define DEMO_MIN_VOLUNTEERS 1
#define DEMO_MAX_VOLUNTEERS 2000000
#define DEMO_MUNICIPALITIES 6
#define DEMO_PASSWORD "knooppunt-demo"

struct demo_options {
	int volunteers;       /* how many volunteers, DEMO_MIN_VOLUNTEERS..DEMO_MAX_VOLUNTEERS */
	uint64_t seed;        /* generator seed */
};

/* What demo_build wrote, for the summary the command prints. */
/* The pick-up term of the demo contact point, in working days. */
#define DEMO_PICKUP_DAYS 5

struct demo_summary {
	int organisations, locations, accounts;
	int volunteers;
	int volunteers_by_status[VOLUNTEER_STATUS_COUNT];
	int volunteers_by_municipality[DEMO_MUNICIPALITIES];
	int with_experience;
	int calls;
	int calls_by_status[CALL_STATUS_COUNT];
	int calls_by_source[CALL_SOURCE_COUNT];
	int matches;
	int matches_by_status[MATCH_STATUS_COUNT];
	int match_events;
	int hour_entries, expense_claims;
	int64_t minutes;
	int help_requests;            /* at the contact point */
	int help_waiting;             /* routed and waiting past the pick-up term now */
	int n_form_pickups;           /* requests from the public form picked up */
	int64_t form_pickup[128];     /* their seconds from form to accepted */
};

/* The fixed demo logins, one per role; all use DEMO_PASSWORD. */
struct demo_login {
	const char *email;
	int role;             /* enum role */
	const char *label;    /* Dutch description for the table */
};
extern const struct demo_login demo_logins[];
extern const int demo_login_count;

/* The municipality name of index i (0..DEMO_MUNICIPALITIES). */
const char *demo_municipality(int i);

/* Fills a database that has no organisations yet (lists and network already
   seeded, app->lists loaded) with the demo network, in one transaction.
   Refuses a database with organisations (KP_CONFLICT "demo_not_empty") and writes
   nothing then. sum may be NULL. */
int demo_build(struct app *app, struct db *db, const struct demo_options *opt,
               struct demo_summary *sum, struct kp_error *err);

#endif
