/*
 * The stores: every query the application makes, one section per source
 * file (src/db/<resource>.c), written once against the db.h interface so
 * that every backend runs the same SQL.
 *
 * Conventions: functions return KP_OK or KP_ERR with err filled in
 * (404 "not_found" when a record does not exist, 409 "conflict" for a
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
#include "model/match.h"
#include "model/organisation.h"
#include "model/volunteer.h"

#define PAGE_MAX 200
#define PAGE_DEFAULT 50

struct page {
	int limit;   /* 1..PAGE_MAX */
	int offset;  /* >= 0 */
};

/* Which rows a list may show: the authorisation scope plus the caller's filters.
   Ids are 0 and strings "" when not filtering. */
struct list_filter {
	int64_t organisation_id;
	int64_t volunteer_id;
	int64_t call_id;
	int64_t created_by;
	int64_t item_id;        /* volunteers: having this activity/theme/…; calls: activity or item */
	int status;             /* -1 for any */
	const char *q;          /* name or title contains (case-insensitive), NULL for none */
	const char *place;      /* exact place, NULL for none */
};
void list_filter_init(struct list_filter *f);

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
/* Finds an item by kind and code; 422 "unknown_item" naming `field` when absent. */
int store_list_item_find(struct db *db, int kind, const char *code, const char *field,
                         int64_t *id, struct kp_error *err);
typedef int (*list_item_fn)(void *ctx, const struct list_item *it);
int store_list_items(struct db *db, int kind, bool include_inactive, list_item_fn each,
                     void *ctx, struct kp_error *err);
/* Fills the shared lists with the Dutch defaults when they are empty. */
int store_lists_seed_defaults(struct db *db, struct kp_error *err);

/* --- src/db/volunteers.c --- */
/* Insert/update write the profile and its items; with_experience also writes
   items[LIST_EXPERIENCE] (lived experience), which is otherwise left alone. */
int store_volunteer_insert(struct db *db, struct volunteer *v, bool with_experience,
                           struct kp_error *err);
int store_volunteer_update(struct db *db, const struct volunteer *v, bool with_experience,
                           struct kp_error *err);
/* Loads a volunteer; items[LIST_EXPERIENCE] only when with_experience. */
int store_volunteer_get(struct db *db, int64_t id, bool with_experience, struct volunteer *v,
                        struct kp_error *err);
typedef int (*volunteer_fn)(void *ctx, const struct volunteer *v);
/* Lists volunteers (without lived experience) ordered by name. */
int store_volunteer_list(struct db *db, const struct list_filter *f, struct page pg,
                         volunteer_fn each, void *ctx, int64_t *total, struct kp_error *err);

/* --- src/db/calls.c --- */
int store_call_insert(struct db *db, struct call *c, struct kp_error *err);
int store_call_update(struct db *db, const struct call *c, struct kp_error *err);
int store_call_get(struct db *db, int64_t id, struct call *c, struct kp_error *err);
typedef int (*call_fn)(void *ctx, const struct call *c);
/* Lists calls, newest first. */
int store_call_list(struct db *db, const struct list_filter *f, struct page pg, call_fn each,
                    void *ctx, int64_t *total, struct kp_error *err);

/* --- src/db/matches.c --- */
/* Inserts a match and its first event (from NULL to m->status). */
int store_match_insert(struct db *db, struct match *m, int64_t actor, struct kp_error *err);
/* Moves a match to `to` with a reason, recording the event. */
int store_match_transition(struct db *db, int64_t id, int from, int to, const char *reason,
                           int64_t actor, int64_t now, struct kp_error *err);
int store_match_get(struct db *db, int64_t id, struct match *m, struct kp_error *err);
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
};
/* Inserts an account with an already-hashed password. */
int store_account_insert(struct db *db, struct account *a, const char *password_hash,
                         int64_t now, struct kp_error *err);
/* Loads an active account and its password hash by e-mail; 404 when none. */
int store_account_by_email(struct db *db, const char *email, struct account *a,
                           char hash[128], struct kp_error *err);
typedef int (*account_fn)(void *ctx, const struct account *a);
/* Lists accounts (of one organisation when f->organisation_id is set), by e-mail. */
int store_account_list(struct db *db, const struct list_filter *f, struct page pg,
                       account_fn each, void *ctx, int64_t *total, struct kp_error *err);
int store_session_insert(struct db *db, const char *token_hash, int64_t account_id,
                         const char *csrf, int64_t now, int64_t expires_at,
                         struct kp_error *err);
/* Resolves a live session to its principal; 401 when unknown or expired. */
int store_session_principal(struct db *db, const char *token_hash, int64_t now,
                            struct principal *who, struct kp_error *err);
int store_session_delete(struct db *db, const char *token_hash, struct kp_error *err);

#endif
