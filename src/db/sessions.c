/* The sessions of one account: listing them and revoking them. */
#include <stdio.h>
#include <string.h>

#include "db/store.h"

int store_session_list(struct db *db, int64_t account_id, const char *current_hash,
                       int64_t now, session_fn each, void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT token_hash, created_at, expires_at FROM sessions "
	                   "WHERE account_id = ? AND expires_at > ? ORDER BY created_at DESC",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	db_bind_int(st, 2, now);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		struct session_info s = { .created_at = db_col_int(st, 1),
		                          .expires_at = db_col_int(st, 2) };
		const char *hash = db_col_text(st, 0);
		snprintf(s.id, sizeof s.id, "%.16s", hash);
		s.current = current_hash != NULL && strcmp(hash, current_hash) == 0;
		if (each(ctx, &s) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_session_revoke(struct db *db, int64_t account_id, const char *keep_hash,
                         int64_t *revoked, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM sessions WHERE account_id = ? AND token_hash <> ? "
	                   "RETURNING token_hash", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	db_bind_text(st, 2, keep_hash ? keep_hash : "");
	int rc;
	*revoked = 0;
	while ((rc = db_step(st, err)) == DB_ROW)
		(*revoked)++;
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
