/* Two-factor sign-in: an account's TOTP secret and the network's rule that
   administrators and coordinators must use it. */
#include <stdio.h>
#include <string.h>

#include "db/store.h"

int store_totp_get(struct db *db, int64_t account_id, struct totp_record *t,
                   struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT secret, enabled, last_step FROM account_totp "
	                   "WHERE account_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	int rc = db_step(st, err);
	memset(t, 0, sizeof *t);
	if (rc == DB_ROW) {
		t->exists = true;
		snprintf(t->secret_hex, sizeof t->secret_hex, "%s", db_col_text(st, 0));
		t->enabled = db_col_int(st, 1) != 0;
		t->last_step = db_col_int(st, 2);
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_totp_put_pending(struct db *db, int64_t account_id, const char *secret_hex,
                           int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM account_totp WHERE account_id = ? AND enabled = 0", &st,
	               err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	int rc = db_step(st, err);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	if (db_prepare(db, "INSERT INTO account_totp (account_id, secret, enabled, last_step, "
	                   "created_at) VALUES (?, ?, 0, 0, ?)", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	db_bind_text(st, 2, secret_hex);
	db_bind_int(st, 3, now);
	rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_totp_accept(struct db *db, int64_t account_id, int64_t step, bool enable,
                      struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE account_totp SET last_step = ?, enabled = ? "
	                   "WHERE account_id = ? AND last_step < ? RETURNING account_id",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, step);
	db_bind_int(st, 2, enable ? 1 : 0);
	db_bind_int(st, 3, account_id);
	db_bind_int(st, 4, step);
	int rc = db_step(st, err);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_ROW ? KP_OK : kp_fail(err, KP_INVALID, "totp_used", "code");
}

int store_totp_delete(struct db *db, int64_t account_id, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM account_totp WHERE account_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_network_totp_required(struct db *db, bool *required, struct kp_error *err)
{
	struct db_stmt *st;
	*required = false;
	if (db_prepare(db, "SELECT totp_required FROM networks ORDER BY id LIMIT 1", &st, err))
		return KP_ERR;
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		*required = db_col_int(st, 0) != 0;
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_network_set_totp_required(struct db *db, bool required, int64_t now,
                                    struct kp_error *err)
{
	int64_t id;
	struct db_stmt *st;
	if (store_network_ensure(db, "Knooppunt", "", now, &id, err))
		return KP_ERR;
	if (db_prepare(db, "UPDATE networks SET totp_required = ? WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, required ? 1 : 0);
	db_bind_int(st, 2, id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_token_peek(struct db *db, const char *token_hash, const char *purpose, int64_t now,
                     int64_t *account_id, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT account_id FROM account_tokens WHERE token_hash = ? "
	                   "AND purpose = ? AND used_at IS NULL AND expires_at > ? "
	                   "AND account_id IN (SELECT id FROM accounts WHERE active = 1)",
	               &st, err))
		return KP_ERR;
	db_bind_text(st, 1, token_hash);
	db_bind_text(st, 2, purpose);
	db_bind_int(st, 3, now);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		*account_id = db_col_int(st, 0);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_INVALID, "invalid_challenge", "challenge") : KP_OK;
}
