/* The outbox: e-mails waiting to be sent. A row is the product; a sender
   (or `knooppunt outbox`) reads the pending ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "db/store.h"

#define MAIL_COLUMNS                                                                    \
	"id, recipient, subject, body, dedupe_key, organisation_id, created_at, sent_at, " \
	"attempts, failed_at, last_error, unsubscribe_url, newsletter_id"

/* Reads the MAIL_COLUMNS of the current row into m. */
static void read_mail(struct db_stmt *st, struct outbox_mail *m)
{
	memset(m, 0, sizeof *m);
	m->id = db_col_int(st, 0);
	snprintf(m->recipient, sizeof m->recipient, "%s", db_col_text(st, 1));
	snprintf(m->subject, sizeof m->subject, "%s", db_col_text(st, 2));
	snprintf(m->body, sizeof m->body, "%s", db_col_text(st, 3));
	snprintf(m->dedupe_key, sizeof m->dedupe_key, "%s", db_col_text(st, 4));
	m->organisation_id = db_col_int(st, 5);
	m->created_at = db_col_int(st, 6);
	m->sent_at = db_col_int(st, 7);
	m->attempts = (int)db_col_int(st, 8);
	m->failed_at = db_col_int(st, 9);
	snprintf(m->last_error, sizeof m->last_error, "%s", db_col_text(st, 10));
	snprintf(m->unsubscribe_url, sizeof m->unsubscribe_url, "%s", db_col_text(st, 11));
	m->newsletter_id = db_col_int(st, 12);
}

int store_outbox_add(struct db *db, const struct outbox_mail *m, bool *added,
                     struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO outbox (recipient, subject, body, dedupe_key, "
	                   "organisation_id, created_at, unsubscribe_url, newsletter_id) "
	                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
	                   "ON CONFLICT (dedupe_key, recipient) DO NOTHING RETURNING id", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, m->recipient);
	db_bind_text(st, 2, m->subject);
	db_bind_text(st, 3, m->body);
	db_bind_text(st, 4, m->dedupe_key);
	db_bind_ref(st, 5, m->organisation_id);
	db_bind_int(st, 6, m->created_at);
	db_bind_text(st, 7, m->unsubscribe_url);
	db_bind_int(st, 8, m->newsletter_id);
	int rc = db_step(st, err);
	db_finalize(st);
	*added = rc == DB_ROW;
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_outbox_list(struct db *db, int which, int64_t organisation_id,
                      struct page pg, outbox_fn each, void *ctx, int64_t *total,
                      struct kp_error *err)
{
	struct query q;
	struct db_stmt *st = NULL;
	int ret = KP_ERR, rc = 0;
	query_init(&q);
	if (pg.after > 0) { /* the outbox pages by position only */
		query_free(&q);
		return kp_invalid(err, "after", "unknown_field");
	}
	if (which == OUTBOX_PENDING)
		rc |= query_and(&q, "sent_at IS NULL");
	if (which == OUTBOX_FAILED)
		rc |= query_and(&q, "sent_at IS NULL") | query_and(&q, "failed_at IS NOT NULL");
	if (organisation_id > 0)
		rc |= query_and_int(&q, "organisation_id = ?", organisation_id);
	if (rc != 0) {
		kp_internal(err);
		goto end;
	}
	if (query_count(db, "outbox", &q, total, err) ||
	    query_page(db, "SELECT " MAIL_COLUMNS " FROM outbox", &q, "id", pg.limit, pg.offset, &st,
	               err))
		goto end;
	struct outbox_mail *m = malloc(sizeof *m);
	if (m == NULL) {
		kp_internal(err);
		goto end;
	}
	while ((rc = db_step(st, err)) == DB_ROW) {
		read_mail(st, m);
		if (each(ctx, m) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	free(m);
	ret = rc == DB_FAILED ? KP_ERR : KP_OK;
end:
	db_finalize(st);
	query_free(&q);
	return ret;
}

int store_outbox_mark_sent(struct db *db, int64_t id, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL "
	                   "RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, id);
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	return rc;
}

int store_outbox_due(struct db *db, int64_t now, int64_t *ids, int cap, int *n,
                     struct kp_error *err)
{
	return query_ids(db, "SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL "
	                     "AND next_attempt_at <= ? ORDER BY id LIMIT ?", now, ids, cap, n, err);
}

int store_outbox_get(struct db *db, int64_t id, struct outbox_mail *m, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT " MAIL_COLUMNS " FROM outbox WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_mail(st, m);
	db_finalize(st);
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

int store_outbox_retry(struct db *db, int64_t id, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE outbox SET attempts = 0, next_attempt_at = ?, failed_at = NULL, "
	                   "last_error = '' WHERE id = ? AND sent_at IS NULL "
	                   "AND failed_at IS NOT NULL", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_outbox_mark_failed(struct db *db, int64_t id, int64_t now, int64_t next_at,
                             bool give_up, const char *reason, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, "
	                   "failed_at = ?, last_error = ? WHERE id = ? AND sent_at IS NULL", &st,
	               err))
		return KP_ERR;
	db_bind_int(st, 1, next_at);
	if (give_up)
		db_bind_int(st, 2, now);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, reason);
	db_bind_int(st, 4, id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_coordinator_emails(struct db *db, int64_t organisation_id, email_fn each, void *ctx,
                             struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT email FROM accounts WHERE organisation_id = ? AND "
	                   "role = 'coordinator' AND active = 1 ORDER BY id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (each(ctx, db_col_text(st, 0)) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
