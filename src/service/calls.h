/*
 * Use cases of calls for help: posting a call and editing it.
 *
 * Who posts decides where a call comes from (call_defaults_for): a care
 * professional's call comes from a location, a referrer's is a help request
 * for the organisation they name, a volunteer's is an offer of their own
 * organisation. Edits change only the fields they name, on the record as it
 * is inside the transaction, with the same version rules as volunteer edits
 * (service/volunteers.h). Only the network administrator moves a call to
 * another organisation. A referrer's request starts unpublished: its public
 * text is written by the receiving organisation (model/call.h).
 *
 * Ownership: the caller owns every struct passed in; `out` is written.
 */
#ifndef KP_SERVICE_CALLS_H
#define KP_SERVICE_CALLS_H

#include "service/page.h"
#include "service/service.h"

struct call_edit {
	int64_t id;                 /* the call */
	const struct call *patch;   /* new values of the fields in mask */
	uint64_t mask;              /* call_fields bits the request names */
	int64_t base_version;       /* version the editor started from; 0: none given */
	struct call *out;           /* the call after the edit, or as it is now */
};

typedef int (*call_fn)(void *ctx, const struct call *call);

/* What a list of calls asks for, besides the page. Ids 0, strings NULL and
   status -1 when not asked. */
struct call_query {
	int64_t organisation_id;
	int64_t activity_id;
	int status;
	const char *q;            /* title contains */
	const char *place;
	int64_t location_id;      /* at this location; 0 for any */
};

/* What a list shows of a call: the whole, or of a help request (whose
   description is never in a list) the public description with its own title,
   or only the public text for whoever may not read its title either. */
enum call_shown { CALL_SHOWN_WHOLE, CALL_SHOWN_TITLE, CALL_SHOWN_PUBLIC };

/* Which texts of call h a list shows to who (enum call_shown). */
typedef enum call_shown call_shown_fn(const struct principal *who, const struct call_head *h);

/* A page of the calls f selects, inside a use case (the lists of calls and
   of the public pages), as service/page.h reads a page: the form of a row's
   key is what shown() says the reader sees of it. *total counts all that f
   selects. */
int call_page_read(struct svc *s, const struct list_filter *f, struct page pg,
                   call_shown_fn *shown, const struct row_reader *r, int64_t *total);

/* A page of the calls the caller may list: an organisation's own, a
   referrer's own requests, a volunteer's open, published calls; *total counts
   them all. A help request shows as its key says (enum call_shown). Only the
   calls the reader does not hold are read whole. */
int call_list(struct app *app, struct db *db, const struct principal *who,
              const struct call_query *q, struct page pg, const struct row_reader *r,
              int64_t *total, struct kp_error *err);

/* Opens call id for the caller into out. A help request describes a
   client's situation: only the receiving organisation and the referrer who
   sent it read its own title and description, and each such view is logged
   (reason may be NULL); everyone else gets its public text in their place
   (call_show_public). */
int call_view(struct app *app, struct db *db, const struct principal *who, int64_t id,
              const char *reason, struct call *out, struct kp_error *err);

/* Whether who may read the confidential text of call (always for a call that
   is not a help request): the permission module's RES_REQUEST_TEXT. */
bool call_text_allowed(const struct principal *who, const struct call *call);

/* The history of call id, newest first: its posting and every edit, with
   the fields each changed (not their values), who and when. For whoever may
   edit the call. A change handed to each lives only for that call. */
int call_history(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 call_change_fn each, void *ctx, struct kp_error *err);

/* Fills the fields that follow from who is posting into a fresh call. */
void call_defaults_for(const struct principal *who, struct call *call);

/* Posts call (defaults and request values filled in). On success call is
   the stored record. */
int call_create(struct app *app, struct db *db, const struct principal *who, struct call *call,
                struct kp_error *err);

/* The job "close past one-off calls", inside the caller's transaction:
   every open one-off call dated before the day of `now` becomes closed
   (a new version, a change row for the matching index); *closed counts
   them. */
int calls_close_past(struct db *db, int64_t now, int *closed, struct kp_error *err);

/* Applies an edit as described above. */
int call_update(struct app *app, struct db *db, const struct principal *who,
                struct call_edit *e, struct kp_error *err);

/* The same two inside a use case that runs more of them in one transaction
   (an import): call_create without its transaction, and call_update with
   `next` as the caller's scratch record. */
int call_create_in(struct svc *s, struct call *call);
int call_update_in(struct svc *s, struct call_edit *e, struct call *next);

#endif
