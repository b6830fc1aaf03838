/*
 * The stores: every query the application makes, one section per source
 * file (src/db/<resource>.c), written once against the db.h interface so
 * that every backend runs the same SQL.
 *
 * Conventions: functions return KP_OK or KP_ERR with err filled in
 * (KP_NOT_FOUND when a record does not exist, KP_CONFLICT "conflict" for a
 * uniqueness or reference violation). Writes of several rows run inside the
 * caller's transaction (db_begin … db_commit); the stores never commit.
 */
#ifndef KP_DB_STORE_H
#define KP_DB_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/principal.h"
#include "db/db.h"
#include "model/call.h"
#include "model/newsletter.h"
#include "model/note.h"
#include "model/competence.h"
#include "model/consent.h"
#include "model/help_request.h"
#include "model/journey.h"
#include "model/match.h"
#include "model/offer.h"
#include "model/organisation.h"
#include "model/reminder.h"
#include "model/transfer.h"
#include "model/volunteer.h"

#define PAGE_MAX 200
#define PAGE_DEFAULT 50

struct page {
	int limit;   /* 1..PAGE_MAX */
	int offset;  /* >= 0 */
	int64_t after; /* 0, or the id of the row the page starts after (keyset):
	                  the rows that follow it in the list's order, offset 0 */
};

/* What a list reads of a record before the record itself: which one, and as
   of which revision (a column that triggers raise with everything the list
   shows of it), so that a reader who holds it written needs no more. */
struct row_head {
	int64_t id, revision;
};

/* Which rows a list may show: the authorisation scope plus the caller's filters.
   Ids are 0 and strings "" when not filtering. */
struct list_filter {
	int64_t organisation_id;
	int64_t volunteer_id;
	int64_t call_id;
	int64_t created_by;
	int64_t item_id;        /* volunteers: having this activity/theme/…; calls: activity or item */
	int64_t also_item_id;   /* volunteers: having this item as well (a theme besides an
	                           activity); 0 for none */
	int64_t home_organisation_id; /* volunteers: only those at home there, within what
	                           organisation_id and consented_to let through; 0 for any */
	int status;             /* -1 for any */
	const char *q;          /* name or title contains (case-insensitive), NULL for none */
	const char *place;      /* exact place, NULL for none */
	int64_t consented_to;   /* volunteers: also those whose consent allows this
	                           organisation (OR with organisation_id) */
	bool published_only;    /* calls: no unpublished help request; q searches the
	                           public title (call_is_published) */
	bool unmatched;         /* calls: none of their matches is proposed, contacted,
	                           accepted or active */
	int64_t offers_of;      /* calls: a volunteer's offer only when it is this
	                           volunteer's; -1 for no offers at all, 0 for every one */
	bool oldest_first;      /* longest waiting first (created_at), instead of the
	                           list's own order */
	bool public_page_only;  /* calls: only those on the network's public pages */
	int64_t location_id;    /* calls: only of this location; 0 for any */
	int64_t location_account_id; /* calls, matches: only of the locations this account
	                           works at, when it works at any (a care professional) */
};
void list_filter_init(struct list_filter *f);

/* Called once per id of a walk; non-zero stops it as an internal error. */
typedef int (*id_fn)(void *ctx, int64_t id);

/* --- src/db/networks.c --- */
/* The id of the (single) network, creating "name" when there is none yet. */
int store_network_ensure(struct db *db, const char *name, const char *region, int64_t now,
                         int64_t *id, struct kp_error *err);

/* --- src/db/organisations.c --- */
int store_organisation_insert(struct db *db, struct organisation *o, struct kp_error *err);
int store_organisation_update(struct db *db, const struct organisation *o, struct kp_error *err);
int store_organisation_get(struct db *db, int64_t id, struct organisation *o,
                           struct kp_error *err);
typedef int (*organisation_fn)(void *ctx, const struct organisation *o);
int store_organisation_list(struct db *db, const struct list_filter *f, struct page pg,
                            organisation_fn each, void *ctx, int64_t *total,
                            struct kp_error *err);

/* --- src/db/locations.c: an organisation's locations and who works there --- */
/* Inserts l (its id is set); a second location of the same name in the
   organisation is a conflict on "name". */
int store_location_insert(struct db *db, struct location *l, struct kp_error *err);
int store_location_get(struct db *db, int64_t id, struct location *l, struct kp_error *err);
/* Writes name, address, place, coordinates, active and updated_at of l->id. */
int store_location_update(struct db *db, const struct location *l, struct kp_error *err);
typedef int (*location_fn)(void *ctx, const struct location *l);
/* Every location of organisation_id (0: of every organisation), the active
   ones first, then by name. */
int store_locations_of(struct db *db, int64_t organisation_id, location_fn each, void *ctx,
                       struct kp_error *err);
typedef int (*account_location_fn)(void *ctx, int64_t account_id, int64_t location_id);
/* Who works where, for the locations of organisation_id (0: all). */
int store_account_locations_of(struct db *db, int64_t organisation_id, account_location_fn each,
                               void *ctx, struct kp_error *err);
/* Replaces the locations of account_id by ids[0..n). */
int store_account_locations_set(struct db *db, int64_t account_id, const int64_t *ids, int n,
                                struct kp_error *err);
/* *outside: account_id works at one or more locations and location_id (0:
   none) is not one of them. An account without locations is never outside. */
int store_location_outside(struct db *db, int64_t account_id, int64_t location_id,
                           bool *outside, struct kp_error *err);

/* --- src/db/offers.c: the social map --- */
/* Organisation id's offer into o; an empty offer (offer_init) when it has no
   row. Does not check that the organisation exists. */
int store_offer_get(struct db *db, int64_t organisation_id, struct offer *o,
                    struct kp_error *err);
/* Replaces the organisation's offer, its items and its places with o. */
int store_offer_put(struct db *db, const struct offer *o, struct kp_error *err);
/* What the social map is searched by; 0 or NULL for any. place_key is a
   lower-case municipality or district: an organisation's own municipality
   or one of the places it serves. */
struct map_filter {
	const char *place_key;
	int64_t activity_id;
	int64_t theme_id;
};
/* The active organisations that are not a referrer's desk and match f, by
   name: each(ctx, id) for the ids of the page, *total of all. */
int store_map_search(struct db *db, const struct map_filter *f, struct page pg, id_fn each,
                     void *ctx, int64_t *total, struct kp_error *err);

/* Calls each(ctx, word) for every word of the health word list (lower case). */
typedef int (*text_fn)(void *ctx, const char *text);
int store_health_words(struct db *db, text_fn each, void *ctx, struct kp_error *err);

/* --- src/db/help_requests.c: the contact point --- */
/* The network's hub organisation (0: none) and pick-up term in working days. */
int store_contact_point_get(struct db *db, int64_t *hub, int *pickup_days, struct kp_error *err);
int store_contact_point_set(struct db *db, int64_t hub, int pickup_days, struct kp_error *err);
/* Inserts r and its client c (c->request_id is set to r's new id). */
int store_help_request_insert(struct db *db, struct help_request *r, struct client_record *c,
                              struct kp_error *err);
int store_help_request_update(struct db *db, const struct help_request *r,
                              struct kp_error *err);
int store_help_request_get(struct db *db, int64_t id, struct help_request *r,
                           struct kp_error *err);
int store_client_get(struct db *db, int64_t request_id, struct client_record *c,
                     struct kp_error *err);
int store_client_put(struct db *db, const struct client_record *c, struct kp_error *err);
struct help_request_filter {
	int64_t organisation_id;  /* routed to; 0 for any */
	int64_t created_by;       /* 0 for any */
	int status;               /* -1 for any */
	int64_t routed_before;    /* only routed requests routed before this time; 0: any */
};
typedef int (*help_request_fn)(void *ctx, const struct help_request *r);
int store_help_request_list(struct db *db, const struct help_request_filter *f, struct page pg,
                            help_request_fn each, void *ctx, int64_t *total,
                            struct kp_error *err);
/* Empties, in the caller's transaction, at most `max` client records of
   requests closed before `before`, each with an audit entry by the system;
   *erased counts them. */
int store_client_retention_erase(struct db *db, int64_t before, int64_t now, int max,
                                 int *erased, struct kp_error *err);
/* Accepted help requests (of organisation_id, 0: any) with a call: each(ctx,
   request, receiving organisation, place, when the call's first match became
   active, 0 when none yet). */
typedef int (*followup_fn)(void *ctx, int64_t request_id, int64_t organisation_id,
                           const char *place, int64_t active_at);
int store_client_followup_facts(struct db *db, int64_t organisation_id, followup_fn each,
                                void *ctx, struct kp_error *err);
/* What the hub weighs when it routes: an organisation's open calls, how many
   requests it picked up and how long that took on average, how many wait. */
struct organisation_pickup {
	int64_t open_calls;
	int64_t accepted;
	int64_t pickup_seconds;   /* mean of routed -> accepted; 0 when none */
	int64_t waiting;          /* routed to it, not picked up yet */
};
int store_organisation_pickup(struct db *db, int64_t organisation_id,
                              struct organisation_pickup *out, struct kp_error *err);

/* --- src/db/lists.c --- */
struct list_item {
	int64_t id;
	int kind;            /* enum list_kind */
	char code[LIST_CODE_MAX + 1]; /* stable key used in the API, e.g. "wandelen" */
	char label_nl[LIST_LABEL_MAX * 4 + 1];
	char label_en[LIST_LABEL_MAX * 4 + 1];
	int active;
	int position;
};
int store_list_item_insert(struct db *db, struct list_item *it, struct kp_error *err);
int store_list_item_update(struct db *db, const struct list_item *it, struct kp_error *err);
int store_list_item_get(struct db *db, int64_t id, struct list_item *it, struct kp_error *err);
/* Finds an item by kind and code; KP_INVALID "unknown_item" naming `field` when absent. */
int store_list_item_find(struct db *db, int kind, const char *code, const char *field,
                         int64_t *id, struct kp_error *err);
typedef int (*list_item_fn)(void *ctx, const struct list_item *it);
/* The items of a kind (-1: of every kind, kind by kind) by position. */
int store_list_items(struct db *db, int kind, bool include_inactive, list_item_fn each,
                     void *ctx, struct kp_error *err);
/* Fills the shared lists with the Dutch defaults when they are empty. */
int store_lists_seed_defaults(struct db *db, struct kp_error *err);

/* --- src/db/volunteers.c --- */
/* Insert/update write the profile and its items; with_experience also writes
   items[LIST_EXPERIENCE] (lived experience), which is otherwise left alone. */
int store_volunteer_insert(struct db *db, struct volunteer *v, bool with_experience,
                           struct kp_error *err);
/* The first other volunteer of v's organisation who is likely the same
   person: the same e-mail address, or the same name, birth year and place
   (case ignored); *found is 0 when there is none. */
int store_volunteer_find_duplicate(struct db *db, const struct volunteer *v, int64_t *found,
                                   struct kp_error *err);
/* An update writes every field of v and raises the stored version by one. */
int store_volunteer_update(struct db *db, const struct volunteer *v, bool with_experience,
                           struct kp_error *err);
/* Loads a volunteer; items[LIST_EXPERIENCE] only when with_experience. */
int store_volunteer_get(struct db *db, int64_t id, bool with_experience, struct volunteer *v,
                        struct kp_error *err);
/* What a view of one volunteer decides on before it reads the whole record:
   which revision and version it is at, and whose it is. */
struct volunteer_head {
	int64_t id, revision, version, organisation_id;
};
int store_volunteer_head(struct db *db, int64_t id, struct volunteer_head *out,
                         struct kp_error *err);
/* The names of volunteers ids[0..n-1] (n at most PAGE_MAX, no repeats)
   into out[0..n-1], in that order: one query however many, and none of
   their items. One that does not exist fails the whole with not_found. */
int store_volunteer_names(struct db *db, const int64_t *ids, int n, struct volunteer_name *out,
                          struct kp_error *err);
typedef int (*volunteer_fn)(void *ctx, const struct volunteer *v);
/* Lists volunteers (without lived experience) ordered by name. */
int store_volunteer_list(struct db *db, const struct list_filter *f, struct page pg,
                         volunteer_fn each, void *ctx, int64_t *total, struct kp_error *err);
/* The same list as heads only: COUNT into *total, then the page pg of heads
   into out (room for pg.limit), their number into *n. */
int store_volunteer_heads(struct db *db, const struct list_filter *f, struct page pg,
                          struct row_head *out, int *n, int64_t *total, struct kp_error *err);
/* The volunteers ids[0..n) (n at most PAGE_MAX) that f still selects, with
   their items (no lived experience), into out[0..n) in that order: found[i]
   says whether ids[i] was one. Two queries however many. */
int store_volunteer_rows(struct db *db, const struct list_filter *f, const int64_t *ids, int n,
                         struct volunteer *out, bool *found, struct kp_error *err);

/* --- src/db/reports.c --- */
/* One volunteer as the figures see them (dates "" when none; the texts live
   only for the callback). */
struct report_tenure {
	int64_t id;                /* the volunteer */
	int64_t organisation_id;
	const char *started_on;    /* sign-up (aanmelding) */
	int status;                /* enum volunteer_status */
	int64_t updated_at;        /* stands in for the stop date when no stop step exists */
	const char *stopped_on;    /* the last "stopped" step of a journey */
	const char *intake_on;     /* the first intake step */
	int64_t first_match_at;    /* unix seconds a first match was accepted; 0 none */
};
typedef int (*report_tenure_fn)(void *ctx, const struct report_tenure *t);
typedef int (*report_group_fn)(void *ctx, const char *key, const char *key2, int64_t n);
struct report_org {
	int64_t id;                   /* 0 for a municipality's row */
	char name[256];               /* of the organisation, or the municipality */
	char municipality[128];
	int employees;
	int64_t active, volunteers;   /* counted by the service from the tenures */
};
typedef int (*report_org_fn)(void *ctx, const struct report_org *o);
/* Whose figures: one organisation, the organisations of one municipality,
   or (both empty) the whole network. */
struct report_scope {
	int64_t organisation_id;      /* 0: any */
	const char *municipality;     /* NULL or "": any */
};

/* Journey steps and match events keep each volunteer's milestones (last stop,
   first intake, first accepted match) as they are written; this recomputes
   them, for rows written around the store (the benchmark's bulk load). */
int store_report_milestones_rebuild(struct db *db, struct kp_error *err);
/* Every volunteer in the scope. */
int store_report_tenures(struct db *db, const struct report_scope *sc, report_tenure_fn each,
                         void *ctx, struct kp_error *err);
/* The same row of one volunteer; no call when there is none. */
int store_report_tenure_of(struct db *db, int64_t volunteer_id, report_tenure_fn each,
                           void *ctx, struct kp_error *err);
/* Exit interviews held in [from, to) (dates), counted by reason and outcome. */
int store_report_exits(struct db *db, const struct report_scope *sc, const char *from,
                       const char *to, report_group_fn each, void *ctx, struct kp_error *err);
/* Matches proposed in [from, to) (unix seconds), counted by status and reason. */
int store_report_matches(struct db *db, const struct report_scope *sc, int64_t from, int64_t to,
                         report_group_fn each, void *ctx, struct kp_error *err);
/* Minutes worked in [from, to) (dates), by month (YYYY-MM) and activity (0: none),
   in order: whole months from hour_month_totals, a month cut by an edge of
   the period from its entries. */
typedef int (*report_hours_fn)(void *ctx, const char *month, int64_t activity_id,
                               int64_t minutes);
int store_report_hours(struct db *db, const struct report_scope *sc, const char *from,
                       const char *to, report_hours_fn each, void *ctx, struct kp_error *err);
/* The organisations in scope ordered by name, with their municipality and
   employees (active and volunteers left 0). */
int store_report_organisations(struct db *db, const struct report_scope *sc,
                               report_org_fn each, void *ctx, struct kp_error *err);
/* Nazorg answers given in [from, to) (unix seconds), counted by answer (key2 ""). */
int store_report_aftercare(struct db *db, const struct report_scope *sc, int64_t from,
                           int64_t to, report_group_fn each, void *ctx, struct kp_error *err);
/* One call posted in [from, to) with one of its matches: a call comes once
   per match (and once without any), accepted_at 0 for a match never accepted. */
struct report_call_row {
	int64_t call_id;
	int64_t created_at;           /* unix seconds */
	int64_t needed;               /* volunteers asked for */
	int status;                   /* enum call_status */
	int64_t accepted_at;          /* unix seconds a match was accepted; 0 none */
};
typedef int (*report_call_fn)(void *ctx, const struct report_call_row *row);
/* The calls of the organisations in scope posted in [from, to), volunteers'
   offers left out, ordered by call and then time of acceptance. */
int store_report_calls(struct db *db, const struct report_scope *sc, int64_t from, int64_t to,
                       report_call_fn each, void *ctx, struct kp_error *err);

/* One help request of the contact point that came in during a period. */
struct report_help_row {
	int channel;                  /* enum help_channel */
	int status;                   /* enum help_status */
	int outcome;                  /* enum help_outcome; -1 while open */
	int64_t created_at, routed_at, accepted_at; /* unix seconds; 0: not (yet) */
	bool handed_back;             /* handed back at least once */
};
typedef int (*report_help_fn)(void *ctx, const struct report_help_row *row);
/* The help requests that came in during [from, to) (unix seconds): of an
   organisation those routed to it now, of the network all, the ones still
   at the hub too. */
int store_report_help_requests(struct db *db, const struct report_scope *sc, int64_t from,
                               int64_t to, report_help_fn each, void *ctx,
                               struct kp_error *err);

/* --- src/db/versions.c --- */
/* The fields of record `id` (of the table's kind) that changed after version
   `since`, as a mask of the table's bits. */
int store_fields_changed_since(struct db *db, const struct field_table *t, int64_t id,
                               int64_t since, uint64_t *mask, struct kp_error *err);
/* Records that the fields in mask changed with version `version`. */
int store_fields_touch(struct db *db, const struct field_table *t, int64_t id, int64_t version,
                       uint64_t mask, struct kp_error *err);

/* --- src/db/calls.c --- */
int store_call_insert(struct db *db, struct call *c, struct kp_error *err);
/* Writes every field of c and raises the stored version by one. */
int store_call_update(struct db *db, const struct call *c, struct kp_error *err);
int store_call_get(struct db *db, int64_t id, struct call *c, struct kp_error *err);
/* The calls ids[0..n-1] (n at most PAGE_MAX, no repeats) into out[0..n-1], in
   that order: two queries however many. One that does not exist fails the
   whole with not_found. */
int store_call_get_many(struct db *db, const int64_t *ids, int n, struct call *out,
                        struct kp_error *err);
typedef int (*call_fn)(void *ctx, const struct call *c);
/* Lists calls, newest first. */
int store_call_list(struct db *db, const struct list_filter *f, struct page pg, call_fn each,
                    void *ctx, int64_t *total, struct kp_error *err);
/* The same list as heads only, to see which calls a reader needs: COUNT into
   *total, then the page pg of heads into out (room for pg.limit), their
   number into *n. The calls themselves then come by store_call_rows. */
int store_call_heads(struct db *db, const struct list_filter *f, struct page pg,
                     struct call_head *out, int *n, int64_t *total, struct kp_error *err);
/* The calls ids[0..n) (n at most PAGE_MAX) that f still selects, whole into
   out[0..n) in that order: found[i] says whether ids[i] was one (a call may
   have changed since its head was read). Two queries however many. */
int store_call_rows(struct db *db, const struct list_filter *f, const int64_t *ids, int n,
                    struct call *out, bool *found, struct kp_error *err);

/* --- src/db/vog.c --- */
/* A volunteer holding a VOG, for the VOG-expiry overview. */
struct vog_holder {
	int64_t volunteer_id;
	char first_name[VOLUNTEER_NAME_MAX * 4 + 1];
	char last_name[VOLUNTEER_NAME_MAX * 4 + 1];
	int status;                   /* enum volunteer_status */
	char vog_date[11];
};
typedef int (*vog_fn)(void *ctx, const struct vog_holder *h);
/* The organisation's volunteers who are not stopped or erased, with a VOG
   issued on or before issued_by (YYYY-MM-DD), oldest VOG first, at most
   limit of them; *total counts them all. */
int store_vog_issued_by(struct db *db, int64_t organisation_id, const char *issued_by,
                        int limit, vog_fn each, void *ctx, int64_t *total, struct kp_error *err);

/* A volunteer with a VOG on file and an address, for the expiry notice. */
struct vog_due {
	int64_t volunteer_id, organisation_id;
	char first_name[VOLUNTEER_NAME_MAX * 4 + 1];
	char email[255];
	char vog_date[11];
	char organisation[ORGANISATION_NAME_MAX * 4 + 1];
	int max_age_months;           /* the organisation's validity */
};
typedef int (*vog_due_fn)(void *ctx, const struct vog_due *d);
/* Every active or paused volunteer (not erased) with a VOG and an e-mail
   address, with their organisation's name and validity; a non-zero return
   of each stops the walk (the caller's err says why). */
int store_vog_expiry_walk(struct db *db, vog_due_fn each, void *ctx, struct kp_error *err);

/* --- src/db/notes.c --- */
#define NOTES_MAX 500 /* the newest of a volunteer's notes a page shows */
int store_note_insert(struct db *db, struct volunteer_note *n, struct kp_error *err);
typedef int (*note_fn)(void *ctx, const struct volunteer_note *n);
/* The newest `limit` notes about volunteer_id, of organisation_id (0: of
   every organisation), the latest added first. */
int store_notes_of(struct db *db, int64_t volunteer_id, int64_t organisation_id, int limit,
                   note_fn each, void *ctx, struct kp_error *err);

/* --- src/db/call_changes.c --- */
/* One posting or edit of a call: the history shown to whoever may edit it. */
struct call_change {
	int64_t call_id;
	int64_t version;          /* the call's version after the change */
	char fields[512];         /* changed fields' API names, comma-separated; "" posted */
	int status;               /* the new status, -1 when unchanged */
	int64_t actor_id;         /* 0: the system */
	char actor_name[256];     /* read only: the actor's display name */
	int64_t at;
};
int store_call_change_insert(struct db *db, const struct call_change *c, struct kp_error *err);
typedef int (*call_change_fn)(void *ctx, const struct call_change *c);
/* The history of call_id, newest first. */
int store_call_changes(struct db *db, int64_t call_id, call_change_fn each, void *ctx,
                       struct kp_error *err);

/* --- src/db/matches.c --- */
/* Inserts a match and its first event (from NULL to m->status). */
int store_match_insert(struct db *db, struct match *m, int64_t actor, struct kp_error *err);
/* Moves a match to `to` with a reason, recording the event. */
int store_match_transition(struct db *db, int64_t id, int from, int to, const char *reason,
                           int64_t actor, int64_t now, struct kp_error *err);
int store_match_get(struct db *db, int64_t id, struct match *m, struct kp_error *err);
/* Whether volunteer_id has a match (in any state) on call_id. */
int store_match_exists(struct db *db, int64_t call_id, int64_t volunteer_id, bool *exists,
                       struct kp_error *err);
/* Number of open matches (proposed … active) of a volunteer. */
int store_match_count_open(struct db *db, int64_t volunteer_id, int64_t *n,
                           struct kp_error *err);
typedef int (*match_fn)(void *ctx, const struct match *m);
int store_match_list(struct db *db, const struct list_filter *f, struct page pg, match_fn each,
                     void *ctx, int64_t *total, struct kp_error *err);
struct match_event {
	int from_status;  /* -1 for the first event */
	int to_status;
	char reason[MATCH_REASON_MAX * 4 + 1];
	int64_t actor_id;
	int64_t at;
};
typedef int (*match_event_fn)(void *ctx, const struct match_event *e);
int store_match_events(struct db *db, int64_t match_id, match_event_fn each, void *ctx,
                       struct kp_error *err);

/* --- src/db/accounts.c --- */
struct account {
	int64_t id;
	char email[255];
	char display_name[256];
	int role;                 /* enum role */
	int64_t organisation_id;  /* 0 when none */
	int64_t volunteer_id;     /* 0 when none */
	int active;
	bool invited;             /* no password yet: the invitation is not accepted */
};
/* Inserts an account with an already-hashed password. */
int store_account_insert(struct db *db, struct account *a, const char *password_hash,
                         int64_t now, struct kp_error *err);
/* Loads an active account and its password hash by e-mail; not found when none. */
int store_account_by_email(struct db *db, const char *email, struct account *a,
                           char hash[128], struct kp_error *err);
typedef int (*account_fn)(void *ctx, const struct account *a);
/* Lists accounts (of one organisation when f->organisation_id is set), by e-mail. */
int store_account_list(struct db *db, const struct list_filter *f, struct page pg,
                       account_fn each, void *ctx, int64_t *total, struct kp_error *err);
/* Moves the volunteer's own accounts along when their home organisation changes,
   so the old organisation no longer sees the login. */
int store_account_follow_volunteer(struct db *db, int64_t volunteer_id, int64_t organisation_id,
                                   struct kp_error *err);
int store_session_insert(struct db *db, const char *token_hash, int64_t account_id,
                         const char *csrf, int64_t now, int64_t expires_at,
                         struct kp_error *err);
/* Resolves a live session to its principal; unauthenticated when unknown or expired. */
int store_session_principal(struct db *db, const char *token_hash, int64_t now,
                            struct principal *who, struct kp_error *err);
int store_session_delete(struct db *db, const char *token_hash, struct kp_error *err);

/* --- src/db/account_tokens.c: one-time links, password, active --- */
/* Stores the hash of a one-time token of `purpose` ("invitation", "reset"). */
int store_token_insert(struct db *db, const char *token_hash, int64_t account_id,
                       const char *purpose, int64_t now, int64_t expires_at,
                       struct kp_error *err);
/* Uses the token once: its active account's id, or KP_INVALID "invalid_token"
   (field token) when it is unknown, used, expired or of a deactivated account. */
int store_token_take(struct db *db, const char *token_hash, const char *purpose, int64_t now,
                     int64_t *account_id, struct kp_error *err);
/* Marks every unused token of the account and purpose used. */
int store_tokens_end(struct db *db, int64_t account_id, const char *purpose, int64_t now,
                     struct kp_error *err);
/* Loads an account (active or not) by id, with its password hash when hash
   is not NULL; not found when none. */
int store_account_get(struct db *db, int64_t id, struct account *a, char hash[128],
                      struct kp_error *err);
int store_account_set_password(struct db *db, int64_t id, const char *password_hash,
                               struct kp_error *err);
int store_account_set_active(struct db *db, int64_t id, bool active, struct kp_error *err);
int store_account_count_for_volunteer(struct db *db, int64_t volunteer_id, int64_t *n,
                                      struct kp_error *err);

/* --- src/db/totp.c: two-factor sign-in --- */
struct totp_record {
	bool exists;               /* a secret was asked for */
	bool enabled;              /* confirmed with a code: asked at every login */
	char secret_hex[160];      /* the secret as stored: sealed (totp_seal), or hex
	                              from before sealing */
	int64_t last_step;         /* time step of the newest code accepted */
};
/* The account's secret; t->exists false when it has none. */
int store_totp_get(struct db *db, int64_t account_id, struct totp_record *t,
                   struct kp_error *err);
/* Replaces a pending (not enabled) secret, or stores the first one. */
int store_totp_put_pending(struct db *db, int64_t account_id, const char *secret_hex,
                           int64_t now, struct kp_error *err);
/* Records that the code of time step `step` was used (and turns the secret on
   when enable): KP_INVALID "totp_used" (field code) when a code of that step
   or a later one was accepted already, so that no code works twice. */
int store_totp_accept(struct db *db, int64_t account_id, int64_t step, bool enable,
                      struct kp_error *err);
int store_totp_delete(struct db *db, int64_t account_id, struct kp_error *err);
/* The network's rule that administrators and coordinators use two-factor
   sign-in (false while there is no network yet). */
int store_network_totp_required(struct db *db, bool *required, struct kp_error *err);
int store_network_set_totp_required(struct db *db, bool required, int64_t now,
                                    struct kp_error *err);
/* As store_token_take, without using the token up; KP_INVALID
   "invalid_challenge" (field challenge) when it is not live. */
int store_token_peek(struct db *db, const char *token_hash, const char *purpose, int64_t now,
                     int64_t *account_id, struct kp_error *err);

/* --- src/db/consents.c --- */
/* The consent in force; consent_init (scope none) when none was ever given. */
int store_consent_get(struct db *db, int64_t volunteer_id, struct consent *c,
                      struct kp_error *err);
/* Records c as the consent in force and appends it to the history with
   `action` ("given" or "withdrawn"). Withdrawing the experience consent also
   deletes the stored lived experience. Runs in the caller's transaction. */
int store_consent_set(struct db *db, const struct consent *c, const char *action,
                      int64_t actor, int64_t now, struct kp_error *err);
struct consent_event {
	char action[16];
	struct consent consent;   /* as it was recorded then */
	int64_t actor_id;
	int64_t at;
};
typedef int (*consent_event_fn)(void *ctx, const struct consent_event *e);
int store_consent_events(struct db *db, int64_t volunteer_id, consent_event_fn each,
                         void *ctx, struct kp_error *err);
/* Every recorded consent, by volunteer id: for loading the matching index. */
typedef int (*consent_fn)(void *ctx, const struct consent *c);
int store_consent_each(struct db *db, consent_fn each, void *ctx, struct kp_error *err);

/* --- src/db/audit.c --- */
#define AUDIT_REASON_MAX 200
struct audit_entry {
	int64_t id;
	int64_t at;
	int64_t account_id;        /* 0: the system (retention run, command line) */
	int role;                  /* enum role of the actor */
	int64_t organisation_id;   /* the actor's organisation, 0 when none */
	char action[16];           /* view, create, update, export, erase, consent */
	char resource[16];         /* volunteer, experience, consent, … */
	int64_t volunteer_id;      /* the person the data is about */
	int64_t record_id;
	char reason[AUDIT_REASON_MAX * 4 + 1];
	char actor_name[256];      /* filled by store_audit_list from the account */
	int64_t count;             /* by_day: the entries of the group; 0 otherwise */
};
/* Appends one entry; the log has no update or delete. */
int store_audit_append(struct db *db, const struct audit_entry *e, struct kp_error *err);
/* Appends e[0..n), a few rows per statement. */
int store_audit_append_all(struct db *db, const struct audit_entry *e, int n,
                           struct kp_error *err);
struct audit_filter {
	int64_t account_id;        /* 0: any */
	int64_t volunteer_id;      /* 0: any */
	int64_t from, to;          /* at >= from, at < to; 0: open */
	const char *action;        /* NULL: any */
	int64_t not_account;       /* leave out what this account did; 0: none */
	bool by_day;               /* one entry per account, role, organisation, action,
	                              resource, reason and day (at: the day's first
	                              second, UTC), with its count; id, record_id 0 */
};
typedef int (*audit_fn)(void *ctx, const struct audit_entry *e);
/* Newest first. */
int store_audit_list(struct db *db, const struct audit_filter *f, struct page pg, audit_fn each,
                     void *ctx, int64_t *total, struct kp_error *err);

/* --- src/db/erasure.c --- */
/* Anonymises a volunteer in place (row kept, so counts and hours stay
   right): names, contact details, free text, items, lived experience,
   consents, the account and its sessions. Runs in the caller's transaction. */
int store_volunteer_erase(struct db *db, int64_t volunteer_id, int64_t now,
                          struct kp_error *err);
/* Stopped volunteers not changed since `before` and not yet anonymised. */
int store_retention_due(struct db *db, int64_t before, id_fn each, void *ctx,
                        struct kp_error *err);
/* Anonymises, in the caller's transaction, at most `max` of those, each with
   an audit entry by the system (account 0); *erased counts them. */
int store_retention_erase(struct db *db, int64_t before, int64_t now, int max, int *erased,
                          struct kp_error *err);

/* --- src/db/sessions.c: the sessions of one account --- */
struct session_info {
	char id[17];               /* the first 16 hex digits of the token hash */
	int64_t created_at;
	int64_t expires_at;
	bool current;              /* the session of this request */
};
typedef int (*session_fn)(void *ctx, const struct session_info *s);
int store_session_list(struct db *db, int64_t account_id, const char *current_hash,
                       int64_t now, session_fn each, void *ctx, struct kp_error *err);
/* Revokes every session of the account except keep_hash (NULL: all). */
int store_session_revoke(struct db *db, int64_t account_id, const char *keep_hash,
                         int64_t *revoked, struct kp_error *err);

/* --- src/db/journey.c --- */
/* The organisation's journey settings, defaults where it has no row; not found for
   an unknown organisation. */
int store_journey_settings_get(struct db *db, int64_t organisation_id,
                               struct journey_settings *s, struct kp_error *err);
int store_journey_settings_put(struct db *db, const struct journey_settings *s, int64_t now,
                               struct kp_error *err);
/* Inserts a journey at j->step with its first step row (actor, notes). */
int store_journey_insert(struct db *db, struct journey *j, int64_t actor, const char *notes,
                         struct kp_error *err);
int store_journey_get(struct db *db, int64_t id, struct journey *j, struct kp_error *err);
/* Writes the journey's intake appointment (intake_on, intake_time, intake_place). */
int store_journey_plan_intake(struct db *db, const struct journey *j, int64_t now,
                              struct kp_error *err);
/* The journey of a volunteer at an organisation; not found when none. */
int store_journey_find(struct db *db, int64_t volunteer_id, int64_t organisation_id,
                       struct journey *j, struct kp_error *err);
/* Moves j from j->step to `to` on date `on` (KP_CONFLICT changed_meanwhile when it
   moved meanwhile), records the step and closes the volunteer's requests the
   new step answers. Updates j. */
int store_journey_step(struct db *db, struct journey *j, int to, const char *on, int64_t actor,
                       const char *notes, int64_t now, struct kp_error *err);
typedef int (*journey_fn)(void *ctx, const struct journey *j);
/* Every journey, by id: for the matching engine's gate (journey_check_deployable). */
int store_journey_each(struct db *db, journey_fn each, void *ctx, struct kp_error *err);
/* Filters: organisation_id, volunteer_id, status (a step); newest change first. */
int store_journey_list(struct db *db, const struct list_filter *f, struct page pg,
                       journey_fn each, void *ctx, int64_t *total, struct kp_error *err);
struct journey_step_row {
	int64_t id;
	int from_step;            /* -1 for the first */
	int step;
	char on_date[11];
	int64_t actor_id;
	char actor_name[256];
	char notes[JOURNEY_NOTES_MAX * 4 + 1];
	int64_t created_at;
};
typedef int (*journey_step_fn)(void *ctx, const struct journey_step_row *r);
int store_journey_steps(struct db *db, int64_t journey_id, journey_step_fn each, void *ctx,
                        struct kp_error *err);
struct exit_interview {
	int64_t id;
	int64_t journey_id;
	int64_t step_id;          /* the exit_interview step row it belongs to */
	char held_on[11];
	int reason;               /* enum exit_reason */
	int outcome;              /* enum exit_outcome */
	char notes[JOURNEY_NOTES_MAX * 4 + 1];
	int64_t actor_id;
	int64_t created_at;
};
/* Records an exit interview for the journey's current (exit_interview) step. */
int store_exit_interview_insert(struct db *db, struct exit_interview *e, struct kp_error *err);
/* Outcome of the latest exit interview of the current step, -1 when none. */
int store_exit_interview_outcome(struct db *db, int64_t journey_id, int *outcome,
                                 struct kp_error *err);
typedef int (*exit_interview_fn)(void *ctx, const struct exit_interview *e);
int store_exit_interviews(struct db *db, int64_t journey_id, exit_interview_fn each, void *ctx,
                          struct kp_error *err);
struct journey_request {
	int64_t id;
	int64_t journey_id;
	int kind;                 /* enum journey_request_kind */
	char note[JOURNEY_NOTES_MAX * 4 + 1];
	int64_t created_at;
	int64_t handled_at;       /* 0 while open */
};
int store_journey_request_insert(struct db *db, struct journey_request *r, struct kp_error *err);
typedef int (*journey_request_fn)(void *ctx, const struct journey_request *r);
int store_journey_requests(struct db *db, int64_t journey_id, journey_request_fn each,
                           void *ctx, struct kp_error *err);
/* The volunteer record's status, VOG date, home organisation. */
int store_volunteer_set_status(struct db *db, int64_t volunteer_id, int status, int64_t now,
                               struct kp_error *err);
int store_volunteer_set_vog(struct db *db, int64_t volunteer_id, const char *vog_date,
                            int64_t now, struct kp_error *err);
int store_volunteer_set_organisation(struct db *db, int64_t volunteer_id,
                                     int64_t organisation_id, int64_t now, struct kp_error *err);
/* The facts the reminder rules read, per non-final journey (organisation_id 0: all). */
typedef int (*reminder_facts_fn)(void *ctx, const struct journey_settings *s,
                                 const struct reminder_facts *f, const char *volunteer_name);
int store_reminder_facts(struct db *db, int64_t organisation_id, reminder_facts_fn each,
                         void *ctx, struct kp_error *err);
typedef int (*aftercare_facts_fn)(void *ctx, const struct aftercare_facts *f,
                                  const char *volunteer_name);
int store_aftercare_facts(struct db *db, int64_t organisation_id, aftercare_facts_fn each,
                          void *ctx, struct kp_error *err);

/* --- src/db/aftercare.c --- */
struct aftercare {
	int64_t match_id;
	char answer[16];          /* good, adjust, stop */
	char notes[JOURNEY_NOTES_MAX * 4 + 1];
	int64_t answered_by;
	int64_t answered_at;      /* 0 when not answered */
};
int store_aftercare_put(struct db *db, const struct aftercare *a, struct kp_error *err);
/* not found when the match has no answer yet. */
int store_aftercare_get(struct db *db, int64_t match_id, struct aftercare *a,
                        struct kp_error *err);

/* --- src/db/transfers.c --- */
int store_transfer_insert(struct db *db, struct transfer *t, struct kp_error *err);
int store_transfer_get(struct db *db, int64_t id, struct transfer *t, struct kp_error *err);
/* Writes status, shared_parts, consent_at, decision_note, decided_by of t
   when its stored status is still `from`; KP_CONFLICT changed_meanwhile otherwise. */
int store_transfer_update(struct db *db, const struct transfer *t, int from,
                          struct kp_error *err);
typedef int (*transfer_fn)(void *ctx, const struct transfer *t);
/* Filters (0 / -1 for none): organisation_id on either side, except that the
   receiving side sees a transfer only as transfer_receiver_sees says (after
   consent, never once refused or withdrawn); volunteer_id; status. Newest first. */
int store_transfer_list(struct db *db, int64_t organisation_id, int64_t volunteer_id,
                        int status, struct page pg, transfer_fn each, void *ctx,
                        int64_t *total, struct kp_error *err);

/* --- src/db/appreciation.c --- */
#define TRAINING_TITLE_MAX 160
#define TRAINING_CERTIFICATE_MAX 300
struct volunteer_training {
	int64_t id;
	int64_t volunteer_id;
	int64_t training_id;      /* a shared-list training, 0 when free text only */
	char title[TRAINING_TITLE_MAX * 4 + 1];
	char completed_on[11];
	char certificate[TRAINING_CERTIFICATE_MAX * 4 + 1];
	int64_t created_by;
	int64_t created_at;
};
/* Also puts a shared-list training on the volunteer's profile, for matching. */
int store_training_insert(struct db *db, struct volunteer_training *t, struct kp_error *err);
typedef int (*training_fn)(void *ctx, const struct volunteer_training *t);
int store_trainings(struct db *db, int64_t volunteer_id, training_fn each, void *ctx,
                    struct kp_error *err);
struct competence_rating {
	char competence[32];      /* an EVC-A code, see model/competence.h */
	int level;                /* 1..4 */
	char evidence[COMPETENCE_EVIDENCE_MAX * 4 + 1];
	int64_t updated_at;
};
/* Replaces the volunteer's self-assessment with ratings[0..n). */
int store_competences_put(struct db *db, int64_t volunteer_id,
                          const struct competence_rating *ratings, int n, struct kp_error *err);
typedef int (*competence_fn)(void *ctx, const struct competence_rating *r);
int store_competences(struct db *db, int64_t volunteer_id, competence_fn each, void *ctx,
                      struct kp_error *err);

/* --- src/db/newsletters.c --- */
int store_newsletter_insert(struct db *db, struct newsletter *n, struct kp_error *err);
/* Writes subject, markdown, renderings, filter and updated_at of a draft;
   KP_NOT_FOUND when n->id is no draft. */
int store_newsletter_update(struct db *db, const struct newsletter *n, struct kp_error *err);
/* One newsletter with its markdown and renderings; KP_NOT_FOUND when none. */
int store_newsletter_get(struct db *db, int64_t id, struct newsletter *n, struct kp_error *err);
/* Writes status, sent_at, recipients, queued and updated_at of n->id. */
int store_newsletter_set_status(struct db *db, const struct newsletter *n,
                                struct kp_error *err);
struct newsletter_scope {
	int64_t organisation_id;  /* > 0: only this organisation's */
	int64_t volunteer_id;     /* > 0: only the sent ones this volunteer received */
};
typedef int (*newsletter_fn)(void *ctx, const struct newsletter *n);
/* A page of newsletters, the newest first, without markdown and renderings;
   each row is read into *scratch (the caller's) and handed to each. */
int store_newsletter_list(struct db *db, const struct newsletter_scope *s, struct page pg,
                          struct newsletter *scratch, newsletter_fn each, void *ctx,
                          int64_t *total, struct kp_error *err);
/* Whether newsletter id went to volunteer_id. */
int store_newsletter_received(struct db *db, int64_t id, int64_t volunteer_id, bool *yes,
                              struct kp_error *err);
/* How many volunteers the filter reaches now. */
int store_newsletter_reach(struct db *db, const struct newsletter_filter *f, int64_t *count,
                           struct kp_error *err);
struct newsletter_recipient {
	int64_t volunteer_id;
	char email[255];
};
/* Up to cap volunteers the filter reaches with an id above after_id, by id. */
int store_newsletter_batch(struct db *db, const struct newsletter_filter *f, int64_t after_id,
                           struct newsletter_recipient *out, int cap, int *n,
                           struct kp_error *err);
/* Records that newsletter id goes to volunteer_id; *added is false when it
   was recorded before. */
int store_newsletter_recipient_add(struct db *db, int64_t id, int64_t volunteer_id,
                                   bool *added, struct kp_error *err);
int store_newsletter_recipient_count(struct db *db, int64_t id, int64_t *count,
                                     struct kp_error *err);
/* --- src/db/notifications.c --- */
/* Whom a mail address belongs to: the active account with that address
   (account_id 0 and language "nl" when there is none). */
struct mail_person {
	int64_t account_id;
	char language[8];
	char display_name[256];
};
int store_mail_person(struct db *db, const char *email, struct mail_person *p,
                      struct kp_error *err);
/* The e-mail address of an active account; "" when there is none. */
int store_account_email(struct db *db, int64_t account_id, char email[255],
                        struct kp_error *err);
int store_account_language_set(struct db *db, int64_t account_id, const char *language,
                               struct kp_error *err);
/* The account's delivery of kind ("immediately", "digest", "never"), or ""
   when the account never chose. */
int store_notification_delivery(struct db *db, int64_t account_id, const char *kind,
                                char delivery[16], struct kp_error *err);
typedef int (*pref_fn)(void *ctx, const char *kind, const char *delivery);
/* The account's chosen deliveries, by kind. */
int store_notification_prefs(struct db *db, int64_t account_id, pref_fn each, void *ctx,
                             struct kp_error *err);
int store_notification_pref_set(struct db *db, int64_t account_id, const char *kind,
                                const char *delivery, int64_t now, struct kp_error *err);
/* Keeps a rendered notification for the account's digest, unless one with
   the same key is kept already; *added tells which. */
int store_digest_add(struct db *db, int64_t account_id, const char *kind, const char *key,
                     const char *subject, const char *body, int64_t now, bool *added,
                     struct kp_error *err);
/* Accounts with items waiting that were kept before `before`, at most cap. */
int store_digest_accounts(struct db *db, int64_t before, int64_t *ids, int cap, int *n,
                          struct kp_error *err);
typedef int (*digest_fn)(void *ctx, const char *kind, const char *subject, const char *body);
/* Hands every waiting item of the account kept before `before` to each, in
   order, and marks them carried by the digest of `day`. */
int store_digest_take(struct db *db, int64_t account_id, int64_t before, const char *day,
                      digest_fn each, void *ctx, struct kp_error *err);

/* --- src/db/outbox.c --- */
struct outbox_mail {
	int64_t id;
	char recipient[255];
	char subject[1600];
	char body[12288];         /* large enough for a transfer message with its names */
	char dedupe_key[96];
	int64_t organisation_id;
	int64_t created_at;
	int64_t sent_at;          /* 0 while pending */
	int attempts;             /* deliveries tried and failed */
	int64_t failed_at;        /* 0 unless given up */
	char last_error[256];     /* the server's answer to the last failed attempt */
	char unsubscribe_url[512];/* for the List-Unsubscribe header; "" for none */
	int64_t newsletter_id;    /* 0, or the newsletter whose HTML goes along */
};
/* Queues a mail unless one with the same key went to the same recipient;
   *added tells which. */
int store_outbox_add(struct db *db, const struct outbox_mail *m, bool *added,
                     struct kp_error *err);
typedef int (*outbox_fn)(void *ctx, const struct outbox_mail *m);
/* Mails, oldest first, of one organisation when organisation_id > 0: all,
   the pending ones (not sent; given up or not) or the failed ones (given up). */
enum outbox_which { OUTBOX_ALL, OUTBOX_PENDING, OUTBOX_FAILED };
int store_outbox_list(struct db *db, int which, int64_t organisation_id,
                      struct page pg, outbox_fn each, void *ctx, int64_t *total,
                      struct kp_error *err);
int store_outbox_mark_sent(struct db *db, int64_t id, int64_t now, struct kp_error *err);
/* Up to `cap` ids of mails due for an attempt at `now`, oldest first. */
int store_outbox_due(struct db *db, int64_t now, int64_t *ids, int cap, int *n,
                     struct kp_error *err);
/* One mail; KP_NOT_FOUND when there is none. */
int store_outbox_get(struct db *db, int64_t id, struct outbox_mail *m, struct kp_error *err);
/* Queues a mail that was given up again, as new: attempts and answer
   cleared, due now. */
int store_outbox_retry(struct db *db, int64_t id, int64_t now, struct kp_error *err);
/* Records a failed attempt: the next one at next_at, or none (give_up). */
int store_outbox_mark_failed(struct db *db, int64_t id, int64_t now, int64_t next_at,
                             bool give_up, const char *reason, struct kp_error *err);
/* E-mail addresses of an organisation's active coordinators. */
typedef int (*email_fn)(void *ctx, const char *email);
int store_coordinator_emails(struct db *db, int64_t organisation_id, email_fn each, void *ctx,
                             struct kp_error *err);

/* --- src/db/changes.c --- */
/* The change log that app servers sharing a database follow (src/sync/). */
enum change_kind { CHANGE_VOLUNTEER, CHANGE_CALL, CHANGE_MATCH, CHANGE_ORGANISATION,
                   CHANGE_KIND_COUNT };
const char *change_kind_name(int kind);
int change_kind_parse(const char *name);
struct change_entry {
	int64_t id;
	int kind;                 /* enum change_kind */
	int64_t ref_id;           /* the record; for a match: its call */
	int64_t ref2_id;          /* for a match: its volunteer; 0 otherwise */
	int64_t at;
};
/* Records a change in the caller's transaction (or on its own). */
int store_change_record(struct db *db, int kind, int64_t ref_id, int64_t ref2_id, int64_t at,
                        struct kp_error *err);
/* The same for a match, by its id (records its call and volunteer). */
int store_change_record_match(struct db *db, int64_t match_id, int64_t at,
                              struct kp_error *err);
typedef int (*change_fn)(void *ctx, const struct change_entry *c);
/* Changes with id >= from, ascending, at most limit of them. */
int store_changes_since(struct db *db, int64_t from, int limit, change_fn each, void *ctx,
                        struct kp_error *err);
/* The id the next change will have at least (largest id + 1). */
int store_changes_next_id(struct db *db, int64_t *next, struct kp_error *err);
/* Deletes changes recorded before `before`; *deleted tells how many. */
int store_changes_prune(struct db *db, int64_t before, int64_t *deleted, struct kp_error *err);
/* The start of the latest run of job, 0 when it never ran. */
int store_job_last_run(struct db *db, const char *job, int64_t *at, struct kp_error *err);
int store_job_record_run(struct db *db, const char *job, const char *server, int64_t at,
                         const char *result, struct kp_error *err);

/* --- src/db/imports.c --- */
/* The volunteer of v->organisation_id with v's natural key (model/import.h):
   the same e-mail address in any case, or for v without one the same names,
   birth year and place and no address; *found 0 when none. */
int store_volunteer_find_key(struct db *db, const struct volunteer *v, int64_t *found,
                             struct kp_error *err);
/* Whether organisation_id has any volunteer record (erased ones too). */
int store_organisation_has_volunteers(struct db *db, int64_t organisation_id, bool *any,
                                      struct kp_error *err);
/* The organisation named name in any case; *found 0 when none. */
int store_organisation_find_name(struct db *db, const char *name, int64_t *found,
                                 struct kp_error *err);
/* The call of organisation_id (not a volunteer's offer) with title in any
   case and one_off_date ("" for a recurring call); *found 0 when none. */
int store_call_find_key(struct db *db, int64_t organisation_id, const char *title,
                        const char *one_off_date, int64_t *found, struct kp_error *err);
/* The latest match of volunteer_id on call_id; *found 0 when none. */
int store_match_find(struct db *db, int64_t call_id, int64_t volunteer_id, int64_t *found,
                     struct kp_error *err);
/* The hour entry of volunteer_id on worked_on for match_id (0: without a
   match) that is not corrected; *found 0 when none. */
int store_hour_find_key(struct db *db, int64_t volunteer_id, int64_t match_id,
                        const char *worked_on, int64_t *found, struct kp_error *err);
/* The column mapping organisation_id used last for an import of `kind`
   into out ("" when none). */
int store_import_mapping_get(struct db *db, int64_t organisation_id, const char *kind,
                             char *out, size_t size, struct kp_error *err);
int store_import_mapping_set(struct db *db, int64_t organisation_id, const char *kind,
                             const char *mapping, int64_t now, struct kp_error *err);

/* --- src/db/metrics.c --- */
/* Mails not sent yet, and the runs of every scheduled job (each, by job). */
typedef void (*job_count_fn)(void *ctx, const char *job, int64_t runs);
int store_metrics_read(struct db *db, int64_t *outbox_pending, job_count_fn each, void *ctx,
                       struct kp_error *err);

/* --- src/db/calendar.c: calendar feeds and what they show --- */
/* A feed's owner: a volunteer (her commitments) or an organisation (its
   agenda); exactly one id is set. */
struct calendar_owner {
	int64_t volunteer_id;
	int64_t organisation_id;
};
/* Stores the hash of owner's new feed token, replacing an earlier one. */
int store_calendar_feed_set(struct db *db, struct calendar_owner owner, const char *token_hash,
                            int64_t created_by, int64_t now, struct kp_error *err);
/* Deletes owner's feed; *deleted 1 when there was one, else 0. */
int store_calendar_feed_delete(struct db *db, struct calendar_owner owner, int *deleted,
                               struct kp_error *err);
/* When owner's feed was made, 0 when there is none. */
int store_calendar_feed_created(struct db *db, struct calendar_owner owner, int64_t *at,
                                struct kp_error *err);
/* The owner of the feed with this token hash; KP_NOT_FOUND when none. */
int store_calendar_feed_owner(struct db *db, const char *token_hash,
                              struct calendar_owner *owner, struct kp_error *err);

enum calendar_row_kind {
	CALENDAR_MATCH, CALENDAR_INTAKE, CALENDAR_TRAINING,
	CALENDAR_APPOINTMENT       /* a planned intake appointment: day, time and place */
};
/* One commitment of a feed; text borrowed for the callback only. */
struct calendar_row {
	int kind;                  /* enum calendar_row_kind */
	int64_t id;                /* the match, journey step, training or journey */
	const char *title;         /* a call's own title, a training's title */
	const char *public_title;  /* a help request's text for volunteers */
	int source;                /* the call's enum call_source */
	const char *place;
	const char *organisation;  /* the organisation's name */
	const char *date;          /* one-off date, intake or training day; "" */
	const char *start_time;    /* HH:MM or "" */
	uint32_t dayparts;
	int duration_minutes;
	int engagement;            /* the call's enum engagement */
	int64_t since;             /* a match: when it was accepted (unix seconds) */
	const char *first_name;    /* the volunteer's */
	const char *last_name;
};
typedef int (*calendar_row_fn)(void *ctx, const struct calendar_row *r);
/* The accepted and active matches (of calls not cancelled; one-off ones
   dated `from` (YYYY-MM-DD) or later), the intakes held, the intake
   appointments planned and the trainings of owner from that day on, at most
   `max` of each. */
int store_calendar_rows(struct db *db, struct calendar_owner owner, const char *from, int max,
                        calendar_row_fn each, void *ctx, struct kp_error *err);

#endif
