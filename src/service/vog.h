/*
 * The VOG-expiry overview: an organisation's volunteers whose certificate of
 * conduct is older than the organisation's validity (vog_max_age_months), or
 * will be within the coming weeks, so the coordinator can ask for a new one
 * in time. Volunteers who stopped or were erased are left out.
 *
 * For the coordinators of the organisation and the network administrator
 * (the permission module's scope of RES_TASK: reminders are theirs).
 *
 * Ownership: the caller owns every struct passed in; a row handed to each
 * lives only for that call.
 */
#ifndef KP_SERVICE_VOG_H
#define KP_SERVICE_VOG_H

#include "service/service.h"

#define VOG_WEEKS_MAX 104
#define VOG_ROWS_MAX 500

struct vog_query {
	int64_t organisation_id;   /* 0: the caller's own */
	int weeks;                 /* expiring within this many weeks (0: expired only) */
	/* Answered: */
	int max_age_months;        /* the organisation's validity */
	char today[11];
	int64_t total;             /* rows handed to each */
};

struct vog_row {
	const struct vog_holder *holder;
	char expires_on[11];       /* the last day the VOG counts as valid */
	bool expired;              /* expires_on is before today */
};
typedef int (*vog_row_fn)(void *ctx, const struct vog_row *r);

/* The overview for q, the VOG that expired longest ago first. */
int vog_overview(struct app *app, struct db *db, const struct principal *who,
                 struct vog_query *q, vog_row_fn each, void *ctx, struct kp_error *err);

#endif
