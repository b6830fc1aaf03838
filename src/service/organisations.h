/*
 * Use cases of the network's organisations: listing and reading them (open
 * to everyone), registering one (the network administrator) and editing one
 * (its coordinators and the administrator).
 *
 * An edit names its fields (a mask of organisation_fields bits) and carries
 * their new values in a scratch record; only those fields change, on the
 * record as it is inside the transaction, so two edits of different fields
 * both stay.
 *
 * Ownership: the caller owns every struct passed in; `out` is written. The
 * record handed to a list callback lives only for that call.
 */
#ifndef KP_SERVICE_ORGANISATIONS_H
#define KP_SERVICE_ORGANISATIONS_H

#include "service/service.h"

/* The editable fields of an organisation (model/field.h). */
extern const struct field_table organisation_fields;

struct organisation_query {
	struct list_filter filter;  /* q (name) and place (municipality) */
	struct page page;
	organisation_fn each;       /* called once per organisation of the page */
	void *ctx;
	int64_t total;              /* out: organisations matching the filter */
};

struct organisation_edit {
	int64_t id;                         /* the organisation */
	const struct organisation *patch;   /* new values of the fields in mask */
	uint64_t mask;                      /* organisation_fields bits the request names */
	struct organisation *out;           /* the record after the edit */
};

int organisation_list(struct app *app, struct db *db, const struct principal *who,
                      struct organisation_query *q, struct kp_error *err);

/* Reads organisation id into out. */
int organisation_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
                      struct organisation *out, struct kp_error *err);

/* Registers o (defaults and request values filled in) in the network. On
   success o is the stored record. */
int organisation_create(struct app *app, struct db *db, const struct principal *who,
                        struct organisation *o, struct kp_error *err);

/* Applies an edit as described above. */
int organisation_update(struct app *app, struct db *db, const struct principal *who,
                        struct organisation_edit *e, struct kp_error *err);

/* Inside a use case: KP_OK when organisation id exists, else KP_INVALID
   "unknown_reference" naming `field` (or the store's own failure). */
int organisation_check(struct svc *s, int64_t id, const char *field);

#endif
