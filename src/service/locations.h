/*
 * Use cases of an organisation's locations (a care home, a community
 * centre): listing them with who works where, adding, renaming or switching
 * one off (never deleting: old calls keep its name), and saying at which
 * locations a care professional works.
 *
 * The organisation's coordinators and the administrator manage them
 * (RES_LOCATION); its professionals read them. A professional who works at
 * one or more locations acts on the calls of those locations only
 * (svc_locations_target); one without locations acts for the whole
 * organisation.
 *
 * Ownership: the caller owns every struct and array passed in; a record
 * handed to a callback lives only for that call.
 */
#ifndef KP_SERVICE_LOCATIONS_H
#define KP_SERVICE_LOCATIONS_H

#include "service/service.h"

#define LOCATIONS_PER_ACCOUNT_MAX 32 /* locations one professional works at */

struct location_query {
	int64_t organisation_id;        /* 0: the caller's own (the administrator: all) */
	location_fn each;               /* once per location, active first, then by name */
	account_location_fn each_pair;  /* then once per professional and location */
	void *ctx;
};

int location_list(struct app *app, struct db *db, const struct principal *who,
                  const struct location_query *q, struct kp_error *err);

/* Adds l (organisation_id 0: the caller's own); on success l is stored. */
int location_create(struct app *app, struct db *db, const struct principal *who,
                    struct location *l, struct kp_error *err);

/* The fields an edit names (name, address, place with its coordinates,
   active) and their new values. */
struct location_edit {
	int64_t id;
	bool name, address, place, active;  /* which fields of patch are given */
	const struct location *patch;
	struct location *out;               /* the location after the edit */
};
int location_update(struct app *app, struct db *db, const struct principal *who,
                    struct location_edit *e, struct kp_error *err);

/* Account account_id (a professional) works at ids[0..n) from now on; each
   a location of her organisation, still active unless she worked there. */
int location_assign(struct app *app, struct db *db, const struct principal *who,
                    int64_t account_id, const int64_t *ids, int n, struct kp_error *err);

#endif
