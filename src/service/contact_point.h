/*
 * Use cases of the network's central contact point (centraal contactpunt):
 * the network names its hub organisation; help requests arrive from the
 * public form, from referrers and from the hub's desk, each with a client
 * record kept apart; the hub triages with suggestions from the social map
 * and routes; the receiving coordinator accepts (a named contact) or hands
 * back with a reason; the referrer follows the status. The client's rights:
 * export and erasure of the client record.
 *
 * Every read of a client record is in the audit log, as are its creation,
 * export and erasure.
 *
 * Ownership: the caller owns every struct passed in; `out` is written. The
 * records handed to a list callback live only for that call.
 */
#ifndef KP_SERVICE_CONTACT_POINT_H
#define KP_SERVICE_CONTACT_POINT_H

#include "model/help_request.h"
#include "service/service.h"
#include "service/suggestions.h"

struct contact_point {
	int64_t hub_organisation_id;   /* 0: none named yet */
	int pickup_working_days;       /* 1..PICKUP_WORKING_DAYS_MAX */
};

int contact_point_get(struct app *app, struct db *db, const struct principal *who,
                      struct contact_point *out, struct kp_error *err);
/* The network administrator names the hub and the pick-up term. */
int contact_point_set(struct app *app, struct db *db, const struct principal *who,
                      const struct contact_point *in, struct kp_error *err);

/* Takes in a help request r with its client c: from the public form (no
   login), a referrer, or the hub's desk (the channel follows from who asks).
   On success r and c are the stored records. The public form counts against
   the client address's hourly limit (`address`; KP_LIMITED once it is
   used up), as sign-ups do. */
int help_request_submit(struct app *app, struct db *db, const struct principal *who,
                        const char *address, struct help_request *r, struct client_record *c,
                        struct kp_error *err);

struct help_request_query {
	int status;               /* -1 for any */
	bool waiting_only;        /* only requests routed longer than the pick-up term */
	struct page page;
	help_request_fn each;     /* once per request of the page, newest first */
	void *ctx;
	int64_t total;            /* out */
	struct contact_point cp;  /* out: the network's contact point */
};

/* The requests the caller may list: the hub's staff all, a coordinator
   those routed to the own organisation, a referrer the own. */
int help_request_list(struct app *app, struct db *db, const struct principal *who,
                      struct help_request_query *q, struct kp_error *err);

struct help_view {
	struct help_request req;
	struct client_record client;
	bool client_shown;        /* whether the caller may see (and saw) the client */
	bool waiting;             /* routed longer than the pick-up term */
};

/* Opens request id; the client record too where the caller may read it
   (logged as a view). */
int help_request_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
                      struct help_view *out, struct kp_error *err);

#define SUGGESTIONS_MAX 12
struct help_suggestion {
	int64_t organisation_id;
	char name[641];
	int new_clients;
	struct organisation_pickup pickup;
};

/* For the hub: organisations on the social map that offer the request's
   activity in its place, least busy first. */
int help_request_suggest(struct app *app, struct db *db, const struct principal *who,
                         int64_t id, struct help_suggestion *out, int *n,
                         struct kp_error *err);

/* The volunteers who best fit request id (its activity at its place; every
   day-part, any form of engagement), best first, as candidates_list gives
   them, among the volunteers the receiving organisation may see for whoever
   may list its candidates (its coordinators), else among those the hub may
   see (its staff): for who may read the request. A closed request has none. */
int help_request_volunteers(struct app *app, struct db *db, const struct principal *who,
                            int64_t id, int limit, candidate_fn each, void *ctx, int64_t *total,
                            struct kp_error *err);

/* One step of the warm referral: to HELP_ROUTED (the hub, organisation_id),
   HELP_ACCEPTED (the receiving coordinator; contact name, by default the
   coordinator's own, and phone; the call made of it), HELP_HANDED_BACK (the
   receiving coordinator, with a reason) or HELP_CLOSED (the hub, or the
   receiving coordinator after the follow-up call). */
struct help_step {
	int64_t id;
	int to;                     /* enum help_status */
	int64_t organisation_id;    /* route: where to */
	int64_t call_id;            /* accept: 0 or a call of the receiving organisation */
	const char *contact_name;   /* accept: NULL for the coordinator's own name */
	const char *contact_phone;  /* accept: NULL for none */
	const char *reason;         /* hand back: why */
	const char *outcome;        /* close: enum help_outcome's name; NULL for "helped" */
	struct help_request out;    /* the request after the step */
};
int help_request_step(struct app *app, struct db *db, const struct principal *who,
                      struct help_step *st, struct kp_error *err);

/* The client's rights: everything stored about the client of request id
   (out), and its erasure (the record is emptied, the request stays). */
int client_export(struct app *app, struct db *db, const struct principal *who, int64_t id,
                  struct help_view *out, struct kp_error *err);
int client_erase(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 struct kp_error *err);

#endif
