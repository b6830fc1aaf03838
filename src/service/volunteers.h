/*
 * Use cases of the volunteer register: registering a volunteer and editing
 * a profile on the four building blocks.
 *
 * An edit names its fields (a mask of volunteer_fields bits) and carries
 * their new values in a scratch record; only those fields change, on the
 * record as it is inside the transaction. An edit made from a version
 * (base_version > 0) that would change a field someone changed after that
 * version fails with KP_CONFLICT "changed_meanwhile" naming the field, and
 * leaves the record as it is now in `out`; edits of different fields both
 * stay. Lived experience is written only with its explicit consent.
 *
 * Ownership: the caller owns every struct passed in; `out` is written.
 */
#ifndef KP_SERVICE_VOLUNTEERS_H
#define KP_SERVICE_VOLUNTEERS_H

#include "service/page.h"
#include "service/service.h"

struct volunteer_edit {
	int64_t id;                     /* the volunteer */
	const struct volunteer *patch;  /* new values of the fields in mask */
	uint64_t mask;                  /* volunteer_fields bits the request names */
	int64_t base_version;           /* version the editor started from; 0: none given */
	struct volunteer *out;          /* the record after the edit, or as it is now */
	bool show_experience;           /* out: the caller may see lived experience */
};

typedef int (*volunteer_fn)(void *ctx, const struct volunteer *v);

/* What a list of volunteers asks for, besides the page. Ids 0, strings NULL
   and status -1 when not asked. */
struct volunteer_query {
	int64_t organisation_id;  /* only volunteers at home there */
	int64_t activity_id, theme_id;
	int status;
	const char *q;            /* name contains */
	const char *place;
};

/* A page of the volunteers the caller may list (their own organisation's,
   and others' as far as consent reaches), by name; *total counts them all.
   Asking for the own organisation gives its own volunteers only; asking for
   another is refused, except to the network administrator. The page is read
   as service/page.h reads one, for r: every row in one form, without lived
   experience. */
int volunteer_list(struct app *app, struct db *db, const struct principal *who,
                   const struct volunteer_query *q, struct page pg, const struct row_reader *r,
                   int64_t *total, struct kp_error *err);

/* The forms of a volunteer's record: lived experience shows only to whoever
   may see it (a list shows nobody's). */
enum { VOLUNTEER_FORM_PLAIN, VOLUNTEER_FORM_EXPERIENCE };

/* Opens volunteer id for the caller: authorises, hands the record to r as
   service/page.h hands a page of one (a row_key of form VOLUNTEER_FORM_*,
   lived experience in it only with VOLUNTEER_FORM_EXPERIENCE), then logs the
   view (and a view of the lived experience when it showed) and returns once
   that is durable. *version: the record's, as handed over. reason may be
   NULL. */
int volunteer_view(struct app *app, struct db *db, const struct principal *who, int64_t id,
                   const char *reason, const struct row_reader *r, int64_t *version,
                   struct kp_error *err);

struct volunteer_new {
	struct volunteer *v;        /* defaults and request values filled in; organisation_id
	                               the caller's unless the request named one; on success
	                               the stored record */
	bool confirmed_new;         /* the caller knows of a likely duplicate and goes on */
	int64_t duplicate_of;       /* out: the likely same person, with KP_CONFLICT
	                               "likely_duplicate"; 0 when none */
	char duplicate_first[VOLUNTEER_NAME_MAX * 4 + 1]; /* out: that person's names and place, */
	char duplicate_last[VOLUNTEER_NAME_MAX * 4 + 1];  /* which the registering caller may see */
	char duplicate_place[128];
};

/* Registers n->v. A volunteer of the same organisation with the same e-mail,
   or the same name, birth year and place, makes it fail as a likely
   duplicate (naming the existing one) unless confirmed_new. */
int volunteer_create(struct app *app, struct db *db, const struct principal *who,
                     struct volunteer_new *n, struct kp_error *err);

/* Applies an edit as described above. */
int volunteer_update(struct app *app, struct db *db, const struct principal *who,
                     struct volunteer_edit *e, struct kp_error *err);

#endif
