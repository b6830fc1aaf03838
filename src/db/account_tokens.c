/* One-time links of accounts (invitations, password resets), and the parts
   of an account that those and its owner change: password, active. */
#include <stdio.h>
#include <string.h>

#include "db/store.h"

int store_token_insert(struct db *db, const char *token_hash, int64_t account_id,
                       const char *purpose, int64_t now, int64_t expires_at,
                       struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO account_tokens (token_hash, account_id, purpose, "
	                   "created_at, expires_at) VALUES (?, ?, ?, ?, ?)", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, token_hash);
	db_bind_int(st, 2, account_id);
	db_bind_text(st, 3, purpose);
	db_bind_int(st, 4, now);
	db_bind_int(st, 5, expires_at);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_token_take(struct db *db, const char *token_hash, const char *purpose, int64_t now,
                     int64_t *account_id, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE account_tokens SET used_at = ? WHERE token_hash = ? "
	                   "AND purpose = ? AND used_at IS NULL AND expires_at > ? "
	                   "AND account_id IN (SELECT id FROM accounts WHERE active = 1) "
	                   "RETURNING account_id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, now);
	db_bind_text(st, 2, token_hash);
	db_bind_text(st, 3, purpose);
	db_bind_int(st, 4, now);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		*account_id = db_col_int(st, 0);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_INVALID, "invalid_token", "token") : KP_OK;
}

int store_tokens_end(struct db *db, int64_t account_id, const char *purpose, int64_t now,
                     struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE account_tokens SET used_at = ? WHERE account_id = ? "
	                   "AND purpose = ? AND used_at IS NULL", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, account_id);
	db_bind_text(st, 3, purpose);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_account_get(struct db *db, int64_t id, struct account *a, char hash[128],
                      struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id, email, display_name, role, organisation_id, volunteer_id, "
	                   "active, password_hash FROM accounts WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
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
		a->invited = db_col_text(st, 7)[0] == '\0';
		if (hash != NULL)
			snprintf(hash, 128, "%s", db_col_text(st, 7));
	}
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "") : KP_OK;
}

/* One column of one account. */
static int set_column(struct db *db, const char *sql, int64_t id, const char *text,
                      int64_t value, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	if (text != NULL)
		db_bind_text(st, 1, text);
	else
		db_bind_int(st, 1, value);
	db_bind_int(st, 2, id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_account_set_password(struct db *db, int64_t id, const char *password_hash,
                               struct kp_error *err)
{
	return set_column(db, "UPDATE accounts SET password_hash = ? WHERE id = ?", id,
	                  password_hash, 0, err);
}

int store_account_set_active(struct db *db, int64_t id, bool active, struct kp_error *err)
{
	return set_column(db, "UPDATE accounts SET active = ? WHERE id = ?", id, NULL,
	                  active ? 1 : 0, err);
}

int store_account_count_for_volunteer(struct db *db, int64_t volunteer_id, int64_t *n,
                                      struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT count(*) FROM accounts WHERE volunteer_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	int rc = db_query_int(st, n, err);
	db_finalize(st);
	return rc;
}
