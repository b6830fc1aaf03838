/*
 * Use cases of the social map: reading an organisation's offer and the map
 * itself (open to everyone, without login), and keeping an offer (the
 * organisation's coordinators and the network administrator).
 *
 * An edit names its fields (OFFER_* bits); the others keep their value, so
 * an organisation that only changes whether it takes new volunteers does not
 * resend its activities.
 *
 * Ownership: the caller owns every struct passed in; `out` is written. The
 * records handed to a map callback live only for that call.
 */
#ifndef KP_SERVICE_OFFERS_H
#define KP_SERVICE_OFFERS_H

#include "model/offer.h"
#include "service/service.h"

enum offer_field {
	OFFER_ADDRESS = 1 << 0,
	OFFER_NEW_CLIENTS = 1 << 1,
	OFFER_NEW_VOLUNTEERS = 1 << 2,
	OFFER_ACTIVITIES = 1 << 3,
	OFFER_THEMES = 1 << 4,
	OFFER_PLACES = 1 << 5,
};

struct offer_edit {
	int64_t organisation_id;
	const struct offer *patch;  /* new values of the fields in `given` */
	unsigned given;             /* OFFER_* bits the request names */
	struct offer *out;          /* the offer after the edit */
};

typedef int (*map_fn)(void *ctx, const struct organisation *o, const struct offer *f);

struct map_query {
	const char *place;     /* a municipality or district, any case; NULL for any */
	int64_t activity_id;   /* 0 for any */
	int64_t theme_id;      /* 0 for any */
	struct page page;
	map_fn each;           /* called once per organisation of the page, by name */
	void *ctx;
	int64_t total;         /* out: organisations on the map that match */
};

/* Reads organisation id's offer into out (empty when it wrote none). */
int offer_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
               struct offer *out, struct kp_error *err);

/* Applies an edit as described above. */
int offer_update(struct app *app, struct db *db, const struct principal *who,
                 struct offer_edit *e, struct kp_error *err);

/* The social map: the active organisations (not referrers' desks) that serve
   q->place, offer q->activity_id and work on q->theme_id. */
int map_search(struct app *app, struct db *db, const struct principal *who,
               struct map_query *q, struct kp_error *err);

#endif
