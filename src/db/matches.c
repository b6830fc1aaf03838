/* The match store: matches and the history of their transitions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "db/store.h"

/* The call's contact person: whoever posted it, when that is staff of the
   call's organisation (a referrer hands a request over); else the organisation. */
#define CONTACT_OF(person, organisation)                                                \
	"CASE WHEN a.organisation_id = c.organisation_id AND a.active = 1 AND a.role IN "   \
	"('coordinator', 'professional') THEN " person " ELSE " organisation " END"

#define SELECT_MATCH                                                                    \
	"SELECT m.id, m.call_id, m.volunteer_id, c.organisation_id, m.status, m.origin, "   \
	"m.reason, "                                                                        \
	"m.score, m.explanation, m.created_at, m.updated_at, "                              \
	"v.first_name || ' ' || v.last_name, "                                              \
	"CASE WHEN c.source IN ('client', 'referrer') THEN c.public_title ELSE c.title END, "\
	"v.email, v.phone, " CONTACT_OF("a.display_name", "o.name") ", "                    \
	CONTACT_OF("a.email", "o.email") ", o.phone, c.location_id, "                       \
	"(SELECT MAX(e.at) FROM match_events e WHERE e.match_id = m.id "                    \
	" AND e.to_status = 'active') "                                                     \
	"FROM matches m "                                                                   \
	"JOIN calls c ON c.id = m.call_id JOIN volunteers v ON v.id = m.volunteer_id "      \
	"JOIN organisations o ON o.id = c.organisation_id "                                 \
	"LEFT JOIN accounts a ON a.id = c.created_by"

static void read_match(struct db_stmt *st, struct match *m)
{
	memset(m, 0, sizeof *m);
	m->id = db_col_int(st, 0);
	m->call_id = db_col_int(st, 1);
	m->volunteer_id = db_col_int(st, 2);
	m->organisation_id = db_col_int(st, 3);
	m->status = match_status_parse(db_col_text(st, 4));
	m->origin = match_origin_parse(db_col_text(st, 5));
	snprintf(m->reason, sizeof m->reason, "%s", db_col_text(st, 6));
	m->score = db_col_double(st, 7);
	snprintf(m->explanation, sizeof m->explanation, "%s", db_col_text(st, 8));
	m->created_at = db_col_int(st, 9);
	m->updated_at = db_col_int(st, 10);
	snprintf(m->volunteer_name, sizeof m->volunteer_name, "%s", db_col_text(st, 11));
	snprintf(m->call_title, sizeof m->call_title, "%s", db_col_text(st, 12));
	snprintf(m->volunteer_email, sizeof m->volunteer_email, "%s", db_col_text(st, 13));
	snprintf(m->volunteer_phone, sizeof m->volunteer_phone, "%s", db_col_text(st, 14));
	snprintf(m->contact_name, sizeof m->contact_name, "%s", db_col_text(st, 15));
	snprintf(m->contact_email, sizeof m->contact_email, "%s", db_col_text(st, 16));
	snprintf(m->contact_phone, sizeof m->contact_phone, "%s", db_col_text(st, 17));
	m->location_id = db_col_int(st, 18);
	m->active_at = db_col_int(st, 19);
}

/* Keeps the volunteer's first accepted match for the figures (migration 012). */
static int first_match(struct db *db, int64_t match_id, int64_t at, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE volunteers SET first_match_at = ? WHERE id = (SELECT "
	                   "volunteer_id FROM matches WHERE id = ?) AND (first_match_at IS NULL "
	                   "OR first_match_at > ?)", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, at);
	db_bind_int(st, 2, match_id);
	db_bind_int(st, 3, at);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

static int insert_event(struct db *db, int64_t match_id, int from, int to, const char *reason,
                        int64_t actor, int64_t at, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO match_events (match_id, from_status, to_status, reason, "
	                   "actor_id, at) VALUES (?, ?, ?, ?, ?, ?)", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, match_id);
	db_bind_text(st, 2, from >= 0 ? match_status_name(from) : NULL);
	db_bind_text(st, 3, match_status_name(to));
	db_bind_text(st, 4, reason ? reason : "");
	db_bind_ref(st, 5, actor);
	db_bind_int(st, 6, at);
	int rc = db_step(st, err);
	db_finalize(st);
	if (rc == DB_FAILED || (to == MATCH_ACCEPTED && first_match(db, match_id, at, err)))
		return KP_ERR;
	/* Other app servers refresh their matching index from the change log. */
	return store_change_record_match(db, match_id, at, err);
}

int store_match_insert(struct db *db, struct match *m, int64_t actor, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO matches (call_id, volunteer_id, status, reason, score, "
	                   "explanation, created_at, updated_at, origin) "
	                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, m->call_id);
	db_bind_int(st, 2, m->volunteer_id);
	db_bind_text(st, 3, match_status_name(m->status));
	db_bind_text(st, 4, m->reason);
	db_bind_double(st, 5, m->score);
	db_bind_text(st, 6, m->explanation);
	db_bind_int(st, 7, m->created_at);
	db_bind_int(st, 8, m->updated_at);
	db_bind_text(st, 9, match_origin_name(m->origin));
	int rc = db_query_int(st, &m->id, err);
	db_finalize(st);
	if (rc) {
		if (err && err->kind == KP_CONFLICT)
			kp_fail(err, KP_CONFLICT, "already_matched", "volunteer_id");
		return KP_ERR;
	}
	return insert_event(db, m->id, -1, m->status, m->reason, actor, m->created_at, err);
}

int store_match_transition(struct db *db, int64_t id, int from, int to, const char *reason,
                           int64_t actor, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	/* The status in the WHERE makes a concurrent change lose cleanly (no row). */
	if (db_prepare(db, "UPDATE matches SET status = ?, reason = ?, updated_at = ? "
	                   "WHERE id = ? AND status = ? RETURNING id", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, match_status_name(to));
	db_bind_text(st, 2, reason ? reason : "");
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, id);
	db_bind_text(st, 5, match_status_name(from));
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	if (rc) {
		if (err && err->kind == KP_NOT_FOUND)
			kp_fail(err, KP_CONFLICT, "changed_meanwhile", "status");
		return KP_ERR;
	}
	return insert_event(db, id, from, to, reason, actor, now, err);
}

int store_match_get(struct db *db, int64_t id, struct match *m, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, SELECT_MATCH " WHERE m.id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_match(st, m);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "id") : KP_OK;
}

int store_match_exists(struct db *db, int64_t call_id, int64_t volunteer_id, bool *exists,
                       struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COUNT(*) FROM matches WHERE call_id = ? AND volunteer_id = ?",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, call_id);
	db_bind_int(st, 2, volunteer_id);
	int64_t n = 0;
	int rc = db_query_int(st, &n, err);
	db_finalize(st);
	*exists = n > 0;
	return rc;
}

int store_match_count_open(struct db *db, int64_t volunteer_id, int64_t *n,
                           struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COUNT(*) FROM matches WHERE volunteer_id = ? AND status IN "
	                   "('proposed', 'contacted', 'accepted', 'active')", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	int rc = db_query_int(st, n, err);
	db_finalize(st);
	return rc;
}

struct match_walk {
	match_fn each;
	void *ctx;
};

static int match_row(void *arg, struct db_stmt *st)
{
	struct match_walk *w = arg;
	struct match m;
	read_match(st, &m);
	return w->each(w->ctx, &m);
}

int store_match_list(struct db *db, const struct list_filter *f, struct page pg, match_fn each,
                     void *ctx, int64_t *total, struct kp_error *err)
{
	struct query q;
	int rc = 0;
	query_init(&q);
	if (f->organisation_id)
		rc |= query_and_int(&q, "c.organisation_id = ?", f->organisation_id);
	if (f->volunteer_id)
		rc |= query_and_int(&q, "m.volunteer_id = ?", f->volunteer_id);
	if (f->call_id)
		rc |= query_and_int(&q, "m.call_id = ?", f->call_id);
	if (f->status >= 0)
		rc |= query_and_text(&q, "m.status = ?", match_status_name(f->status));
	if (f->location_account_id)
		rc |= query_and_int2(&q, AT_LOCATIONS("c"), f->location_account_id,
		                     f->location_account_id);
	struct match_walk w = { each, ctx };
	const char *order = f->oldest_first ? "m.created_at, m.id" : "m.updated_at DESC, m.id DESC";
	rc = rc != 0 ? kp_internal(err)
	             : query_list(db, "matches m JOIN calls c ON c.id = m.call_id", SELECT_MATCH, &q,
	                          order, pg, match_row, &w, total, err);
	query_free(&q);
	return rc;
}

int store_match_events(struct db *db, int64_t match_id, match_event_fn each, void *ctx,
                       struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT from_status, to_status, reason, actor_id, at FROM match_events "
	                   "WHERE match_id = ? ORDER BY at, id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, match_id);
	struct match_event e;
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		e.from_status = db_col_is_null(st, 0) ? -1 : match_status_parse(db_col_text(st, 0));
		e.to_status = match_status_parse(db_col_text(st, 1));
		snprintf(e.reason, sizeof e.reason, "%s", db_col_text(st, 2));
		e.actor_id = db_col_int(st, 3);
		e.at = db_col_int(st, 4);
		if (each(ctx, &e) != 0) {
			rc = DB_FAILED;
			kp_internal(err);
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
