/*
 * The use cases: one function per thing a person does (volunteer_update,
 * call_create, …), each run by svc_run in one transaction.
 *
 * svc_run opens the transaction, hands the use case a `struct svc`, and
 * commits when the use case succeeds. Inside it the use case loads what it
 * needs, authorises through the one permission module (svc_authorise),
 * applies the model's rules and writes; nothing is read outside the
 * transaction, so two people never silently undo each other's edits. A
 * failure that may pass when run again (a lost serialisation race on
 * PostgreSQL, a busy SQLite file) runs the whole use case again, up to
 * SVC_ATTEMPTS times; any other failure rolls back and is returned.
 * Effects that must wait for the commit (refreshing the matching index) are
 * queued with svc_after_* and run only when the commit succeeded.
 *
 * Errors carry a neutral kind (util/error.h), never an HTTP status: the
 * callers (src/api/, src/cli/) decide what a kind means to them.
 *
 * Ownership: svc_run borrows app, db and who for the call; the use case
 * writes its results into memory its caller owns.
 */
#ifndef KP_SERVICE_SERVICE_H
#define KP_SERVICE_SERVICE_H

#include <stdint.h>

#include "app.h"
#include "auth/authz.h"
#include "auth/principal.h"
#include "db/store.h"

#define SVC_ATTEMPTS 5
#define SVC_EFFECTS_MAX 64

enum svc_effect_kind { SVC_REFRESH_VOLUNTEER, SVC_REFRESH_CALL, SVC_REFRESH_MATCH };

struct svc_effect {
	enum svc_effect_kind kind;
	int64_t id;        /* volunteer or call; for a match its call */
	int64_t id2;       /* for a match: its volunteer */
};

struct svc {
	struct app *app;
	struct db *db;                 /* in a transaction while the use case runs */
	const struct principal *who;   /* the person acting; ROLE_ADMIN for the command line */
	int64_t now;                   /* one clock reading for the whole use case */
	struct kp_error *err;
	struct svc_effect effects[SVC_EFFECTS_MAX]; /* run after the commit, in order */
	int n_effects;
};

typedef int (*svc_fn)(struct svc *s, void *arg);

/* Runs fn(s, arg) in one transaction as described above. fn may run more
   than once, so it must start from its arguments each time, not from what an
   earlier attempt left behind. */
int svc_run(struct app *app, struct db *db, const struct principal *who, svc_fn fn, void *arg,
            struct kp_error *err);

/* Runs a use case that only reads (a list, a record with the audit rows of
   its views): no write transaction; its reads share one snapshot where the
   backend allows (db_read_begin). Queued effects are ignored. */
int svc_read(struct app *app, struct db *db, const struct principal *who, svc_fn fn, void *arg,
             struct kp_error *err);

/* KP_OK when who may do `act` on `res` for target; else KP_FORBIDDEN (or
   KP_UNAUTHENTICATED for nobody) naming no field. */
int svc_authorise(struct svc *s, enum resource res, enum action act,
                  const struct authz_target *target);

/* Fills t for volunteer vid of organisation org, with the volunteer's consent
   loaded into *consent (which must outlive t). */
int svc_volunteer_target(struct svc *s, int64_t org, int64_t vid, struct consent *consent,
                         struct authz_target *t);

/* For an edit of record id (now at version `current`) made from version
   `base` (0: none given) that changes the fields in `changed`: KP_CONFLICT
   "changed_meanwhile", naming the field, when one of them changed after base. */
/* Sets t->outside_locations for a care professional: the call's location_id
   (0: none) is not one she works at, while she works at one or more. */
int svc_locations_target(struct svc *s, int64_t location_id, struct authz_target *t);

int svc_check_meanwhile(struct svc *s, const struct field_table *t, int64_t id, int64_t base,
                        int64_t current, uint64_t changed);

/* Appends an audit entry for the person acting: inside the use case's
   transaction when it has one; a read's (a view) joins the group commit of
   app->audit and returns once it is durable, or, on a thread that defers
   (svc_defer_audit), at once: then the request's answer waits for it. */
int svc_audit(struct svc *s, const char *action, const char *resource, int64_t volunteer_id,
              int64_t record_id, const char *reason);

/* The same in two steps, for several entries that go together (a view of a
   profile and of its lived experience): fill each, then append all n
   (n <= AUDIT_APPEND_MAX). */
void svc_audit_fill(struct svc *s, const char *action, const char *resource,
                    int64_t volunteer_id, int64_t record_id, const char *reason,
                    struct audit_entry *e);
int svc_audit_all(struct svc *s, const struct audit_entry *e, int n);

struct audit_ticket;
/* From now on the views of this thread's request hand their audit rows to
   the group commit without waiting, under *ticket (made on the first; NULL
   while there was none); the caller must not answer before the ticket says
   they are durable (audit_ticket_wait). svc_defer_audit(NULL) ends it. */
void svc_defer_audit(struct audit_ticket **ticket);
/* Calls done(arg, ok) once the rows deferred under ticket (a struct
   audit_ticket) are durable (ok) or failed; frees the ticket. The shape of
   an http_hold's wait. */
void svc_audit_wait(void *ticket, void (*done)(void *arg, bool ok), void *arg);

/* Queues a refresh of the matching index for after the commit. */
void svc_after_volunteer(struct svc *s, int64_t id);
void svc_after_call(struct svc *s, int64_t id);
void svc_after_match(struct svc *s, int64_t call_id, int64_t volunteer_id);

#endif
