/* The account and session stores. Sessions are kept by the hash of their token. */
#include <stdio.h>
#include <string.h>

#include "db/query.h"
#include "db/store.h"

int store_account_insert(struct db *db, struct account *a, const char *password_hash,
                         int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO accounts (email, password_hash, display_name, role, "
	                   "organisation_id, volunteer_id, active, created_at) "
	                   "VALUES (LOWER(?), ?, ?, ?, ?, ?, ?, ?) RETURNING id", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, a->email);
	db_bind_text(st, 2, password_hash);
	db_bind_text(st, 3, a->display_name);
	db_bind_text(st, 4, role_name(a->role));
	db_bind_ref(st, 5, a->organisation_id);
	db_bind_ref(st, 6, a->volunteer_id);
	db_bind_int(st, 7, a->active);
	db_bind_int(st, 8, now);
	int rc = db_query_int(st, &a->id, err);
	db_finalize(st);
	if (rc && err && err->kind == KP_CONFLICT)
		kp_fail(err, KP_CONFLICT, "duplicate", "email");
	return rc;
}

int store_account_by_email(struct db *db, const char *email, struct account *a,
                           char hash[128], struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id, email, display_name, role, organisation_id, volunteer_id, "
	                   "active, password_hash FROM accounts WHERE email = LOWER(?) AND active = 1",
	               &st, err))
		return KP_ERR;
	db_bind_text(st, 1, email);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		memset(a, 0, sizeof *a);
		a->id = db_col_int(st, 0);
		snprintf(a->email, sizeof a->email, "%s", db_col_text(st, 1));
		snprintf(a->display_name, sizeof a->display_name, "%s", db_col_text(st, 2));
		a->role = role_parse(db_col_text(st, 3));
		a->organisation_id = db_col_int(st, 4);
		a->volunteer_id = db_col_int(st, 5);
		a->active = (int)db_col_int(st, 6);
		snprintf(hash, 128, "%s", db_col_text(st, 7));
	}
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "email") : KP_OK;
}

int store_session_insert(struct db *db, const char *token_hash, int64_t account_id,
                         const char *csrf, int64_t now, int64_t expires_at,
                         struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, "
	                   "expires_at) VALUES (?, ?, ?, ?, ?)", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, token_hash);
	db_bind_int(st, 2, account_id);
	db_bind_text(st, 3, csrf);
	db_bind_int(st, 4, now);
	db_bind_int(st, 5, expires_at);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_session_principal(struct db *db, const char *token_hash, int64_t now,
                            struct principal *who, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT a.id, a.role, a.organisation_id, a.volunteer_id, "
	                   "a.display_name, a.email, s.csrf_token FROM sessions s "
	                   "JOIN accounts a ON a.id = s.account_id "
	                   "WHERE s.token_hash = ? AND s.expires_at > ? AND a.active = 1",
	               &st, err))
		return KP_ERR;
	db_bind_text(st, 1, token_hash);
	db_bind_int(st, 2, now);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		memset(who, 0, sizeof *who);
		who->account_id = db_col_int(st, 0);
		who->role = role_parse(db_col_text(st, 1));
		who->organisation_id = db_col_int(st, 2);
		who->volunteer_id = db_col_int(st, 3);
		snprintf(who->display_name, sizeof who->display_name, "%s", db_col_text(st, 4));
		snprintf(who->email, sizeof who->email, "%s", db_col_text(st, 5));
		snprintf(who->csrf_token, sizeof who->csrf_token, "%s", db_col_text(st, 6));
	}
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_UNAUTHENTICATED, "not_logged_in", "") : KP_OK;
}

int store_session_delete(struct db *db, const char *token_hash, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM sessions WHERE token_hash = ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, token_hash);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

struct account_walk {
	account_fn each;
	void *ctx;
};

static int account_row(void *arg, struct db_stmt *st)
{
	struct account_walk *w = arg;
	struct account a;
	memset(&a, 0, sizeof a);
	a.id = db_col_int(st, 0);
	snprintf(a.email, sizeof a.email, "%s", db_col_text(st, 1));
	snprintf(a.display_name, sizeof a.display_name, "%s", db_col_text(st, 2));
	a.role = role_parse(db_col_text(st, 3));
	a.organisation_id = db_col_int(st, 4);
	a.volunteer_id = db_col_int(st, 5);
	a.active = (int)db_col_int(st, 6);
	a.invited = db_col_int(st, 7) != 0;
	return w->each(w->ctx, &a);
}

int store_account_list(struct db *db, const struct list_filter *f, struct page pg,
                       account_fn each, void *ctx, int64_t *total, struct kp_error *err)
{
	struct query q;
	int rc = 0;
	query_init(&q);
	if (f->organisation_id)
		rc |= query_and_int(&q, "organisation_id = ?", f->organisation_id);
	if (f->volunteer_id)
		rc |= query_and_int(&q, "volunteer_id = ?", f->volunteer_id);
	struct account_walk w = { each, ctx };
	rc = rc != 0 ? kp_internal(err)
	             : query_list(db, "accounts",
	                          "SELECT id, email, display_name, role, organisation_id, "
	                          "volunteer_id, active FROM accounts",
	                          &q, "email, id", pg, account_row, &w, total, err);
	query_free(&q);
	return rc;
}

int store_account_follow_volunteer(struct db *db, int64_t volunteer_id, int64_t organisation_id,
                                   struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE accounts SET organisation_id = ? "
	                   "WHERE volunteer_id = ? AND role = 'volunteer' AND organisation_id <> ?",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_int(st, 2, volunteer_id);
	db_bind_int(st, 3, organisation_id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
