/* Notification preferences, mail languages and the digest's waiting items
   (store.h, "src/db/notifications.c"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/query.h"
#include "db/store.h"

int store_mail_person(struct db *db, const char *email, struct mail_person *p,
                      struct kp_error *err)
{
	struct db_stmt *st;
	memset(p, 0, sizeof *p);
	snprintf(p->language, sizeof p->language, "nl");
	/* Addresses are stored in lower case (store_account_insert): the unique
	   index answers. */
	if (db_prepare(db, "SELECT id, language, display_name FROM accounts "
	                   "WHERE email = LOWER(?) AND active = 1", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, email);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		p->account_id = db_col_int(st, 0);
		snprintf(p->language, sizeof p->language, "%s", db_col_text(st, 1));
		snprintf(p->display_name, sizeof p->display_name, "%s", db_col_text(st, 2));
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_account_email(struct db *db, int64_t account_id, char email[255],
                        struct kp_error *err)
{
	struct db_stmt *st;
	email[0] = '\0';
	if (db_prepare(db, "SELECT email FROM accounts WHERE id = ? AND active = 1", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		snprintf(email, 255, "%s", db_col_text(st, 0));
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_account_language_set(struct db *db, int64_t account_id, const char *language,
                               struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE accounts SET language = ? WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, language);
	db_bind_int(st, 2, account_id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_notification_delivery(struct db *db, int64_t account_id, const char *kind,
                                char delivery[16], struct kp_error *err)
{
	struct db_stmt *st;
	delivery[0] = '\0';
	if (db_prepare(db, "SELECT delivery FROM notification_prefs WHERE account_id = ? AND "
	                   "kind = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	db_bind_text(st, 2, kind);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		snprintf(delivery, 16, "%s", db_col_text(st, 0));
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_notification_prefs(struct db *db, int64_t account_id, pref_fn each, void *ctx,
                             struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT kind, delivery FROM notification_prefs WHERE account_id = ? "
	                   "ORDER BY kind", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (each(ctx, db_col_text(st, 0), db_col_text(st, 1)) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_notification_pref_set(struct db *db, int64_t account_id, const char *kind,
                                const char *delivery, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO notification_prefs (account_id, kind, delivery, "
	                   "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (account_id, kind) "
	                   "DO UPDATE SET delivery = excluded.delivery, "
	                   "updated_at = excluded.updated_at", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, delivery);
	db_bind_int(st, 4, now);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_digest_add(struct db *db, int64_t account_id, const char *kind, const char *key,
                     const char *subject, const char *body, int64_t now, bool *added,
                     struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO digest_items (account_id, kind, dedupe_key, subject, "
	                   "body, created_at) VALUES (?, ?, ?, ?, ?, ?) "
	                   "ON CONFLICT (account_id, dedupe_key) DO NOTHING RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, key);
	db_bind_text(st, 4, subject);
	db_bind_text(st, 5, body);
	db_bind_int(st, 6, now);
	int rc = db_step(st, err);
	db_finalize(st);
	*added = rc == DB_ROW;
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_digest_accounts(struct db *db, int64_t before, int64_t *ids, int cap, int *n,
                          struct kp_error *err)
{
	return query_ids(db, "SELECT DISTINCT account_id FROM digest_items WHERE digest_day IS NULL "
	                     "AND created_at < ? ORDER BY account_id LIMIT ?", before, ids, cap, n,
	                 err);
}

int store_digest_take(struct db *db, int64_t account_id, int64_t before, const char *day,
                      digest_fn each, void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT kind, subject, body FROM digest_items WHERE account_id = ? "
	                   "AND digest_day IS NULL AND created_at < ? ORDER BY id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	db_bind_int(st, 2, before);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (each(ctx, db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2)) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	if (db_prepare(db, "UPDATE digest_items SET digest_day = ? WHERE account_id = ? AND "
	                   "digest_day IS NULL AND created_at < ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, day);
	db_bind_int(st, 2, account_id);
	db_bind_int(st, 3, before);
	rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
