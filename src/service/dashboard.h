/*
 * What needs a coordinator's attention today, in one read: the organisation's
 * open calls that nobody is matched to, its proposals waiting for an answer
 * (a volunteer's own response among them, told apart by its origin),
 * and its own applicants waiting for an intake — each the longest waiting
 * first, with how many there are in all.
 *
 * Scope: a coordinator sees their own organisation (applicants are the
 * organisation's own people, never another organisation's volunteers who
 * consented to be seen); the network administrator sees the whole network.
 * Any other caller is KP_FORBIDDEN.
 */
#ifndef KP_SERVICE_DASHBOARD_H
#define KP_SERVICE_DASHBOARD_H

#include "service/service.h"

#define DASHBOARD_ROWS 8

struct dashboard_row {
	int64_t id;              /* the call, match or volunteer */
	int64_t call_id, volunteer_id;
	char title[1024];        /* the call's title, or the volunteer's name */
	char detail[641];        /* the place, or for a proposal the call's title */
	int64_t since;           /* waiting since (created_at) */
	int origin;              /* a proposal's enum match_origin; -1 for other rows */
};

struct dashboard_queue {
	int64_t total;
	int n;
	struct dashboard_row rows[DASHBOARD_ROWS];
};

struct dashboard {
	struct dashboard_queue unmatched_calls, proposals, applicants;
};

int dashboard_read(struct app *app, struct db *db, const struct principal *who,
                   struct dashboard *out, struct kp_error *err);

#endif
