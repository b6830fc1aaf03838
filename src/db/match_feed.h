/*
 * The store side of the matching engine: lean, streaming reads of what the
 * in-memory index needs (every active volunteer, their items, open matches,
 * organisations, open calls), the bulk writer the benchmark uses to build a
 * large network fast, and the benchmark's baseline: the same hard filters
 * and score written as one plain SQL query.
 *
 * Rows handed to callbacks are borrowed and valid only during the call.
 */
#ifndef KP_DB_MATCH_FEED_H
#define KP_DB_MATCH_FEED_H

#include <stdbool.h>
#include <stdint.h>

#include "db/db.h"
#include "model/call.h"
#include "model/volunteer.h"

/* What the index keeps of a volunteer, without names or contact data. */
struct feed_volunteer {
	int64_t id;
	int64_t organisation_id;
	int status;                   /* enum volunteer_status */
	double lat, lon;
	uint32_t availability;        /* DAYPART bits */
	int max_distance_km;
	int max_matches;
	int driving_licence;
	char vog_date[11];            /* "" when none */
	const char *motivation_text;  /* borrowed */
	int travel_mode;              /* enum travel_mode */
	int hours_per_week;           /* 0 when not given */
	uint32_t engagement;          /* bits of enum engagement, 0 when not given */
};

struct feed_match {
	int64_t call_id;
	int64_t volunteer_id;
	int status;                   /* enum match_status */
	int64_t created_at;
	int duration_minutes;         /* of the call: the hours the match is expected to take */
};

typedef int (*feed_volunteer_fn)(void *ctx, const struct feed_volunteer *v);
typedef int (*feed_item_fn)(void *ctx, int64_t volunteer_id, int64_t item_id);
typedef int (*feed_match_fn)(void *ctx, const struct feed_match *m);
typedef int (*feed_org_fn)(void *ctx, int64_t id, int kind, int vog_max_age_months);

/* Volunteers ordered by id; only_id 0 for all of them, or one id. Every
   status is returned: the caller keeps only the active ones. */
int store_feed_volunteers(struct db *db, int64_t only_id, feed_volunteer_fn each, void *ctx,
                          struct kp_error *err);
/* Profile items (not lived experience) ordered by volunteer id. */
int store_feed_volunteer_items(struct db *db, int64_t only_id, feed_item_fn each, void *ctx,
                               struct kp_error *err);
/* Lived experience items ordered by volunteer id (health data: for the
   matching index, which keeps them only under the experience consent). */
int store_feed_volunteer_experiences(struct db *db, int64_t only_id, feed_item_fn each,
                                     void *ctx, struct kp_error *err);
/* Matches; filter by call or volunteer when the id is > 0. */
int store_feed_matches(struct db *db, int64_t call_id, int64_t volunteer_id, feed_match_fn each,
                       void *ctx, struct kp_error *err);
/* Organisations; only_id 0 for all. */
int store_feed_organisations(struct db *db, int64_t only_id, feed_org_fn each, void *ctx,
                             struct kp_error *err);
/* Ids of open calls, ascending, into a malloc'd array the caller frees. */
int store_feed_open_calls(struct db *db, int64_t **ids, int *n, struct kp_error *err);
/* Ids of open one-off calls dated before `before` (YYYY-MM-DD), ascending;
   NULL for every open call. */
int store_open_calls_before(struct db *db, const char *before, int64_t **ids, int *n,
                            struct kp_error *err);

/* --- bulk writing for the benchmark (one transaction held by the caller) --- */
struct store_bulk;
int store_bulk_open(struct db *db, struct store_bulk **out, struct kp_error *err);
/* Inserts v with its id as given, and its items of every kind but lived experience. */
int store_bulk_volunteer(struct store_bulk *b, const struct volunteer *v, struct kp_error *err);
void store_bulk_close(struct store_bulk *b);

/* --- the baseline: hard filters and score as one plain SQL query --- */
struct feed_baseline {
	int64_t call_id;
	int64_t organisation_id;
	uint32_t need;              /* day-parts the call needs */
	int need_count;             /* bits in need */
	bool one_off;
	bool requires_vog;
	char vog_cutoff[11];        /* a VOG must be dated on or after this day */
	bool requires_licence;
	bool requires_car;          /* travel mode car and a licence */
	uint32_t engagement_fit;    /* forms of engagement (bits) that take the call on */
	int half_hours;             /* the call's expected half hours a week */
	double lat, lon, cos_lat;   /* the call's position and cos(latitude) */
	int64_t activity_id;
	const int64_t *themes; int n_themes;
	const int64_t *required; int n_required;   /* trainings, skills, languages */
	const int64_t *aff_motives; int n_aff_motives;
	const int64_t *aff_talents; int n_aff_talents;
	double w[10];               /* weights in enum match_part order (text unused) */
	double half_km;
	int64_t recent_since;       /* unix time: a match created after this is recent */
	double waiting;             /* the call's waiting part, already computed */
};

/* Runs the baseline query; fills ids[0..*n) and scores, best first (score
   descending, id ascending), at most k. */
int store_feed_baseline(struct db *db, const struct feed_baseline *q, int k, int64_t *ids,
                        double *scores, int *n, struct kp_error *err);

#endif
