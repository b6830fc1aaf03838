/* Bank accounts and what an organisation pays (db/payments.h). */
#include "db/payments.h"

#include <stdio.h>
#include <string.h>

#include "model/hours.h"

int store_bank_account_get(struct db *db, int64_t volunteer_id, char iban[IBAN_MAX + 1],
                           char *holder, size_t holder_cap, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT iban, holder FROM bank_accounts WHERE volunteer_id = ?", &st,
	               err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		snprintf(iban, IBAN_MAX + 1, "%s", db_col_text(st, 0));
		snprintf(holder, holder_cap, "%s", db_col_text(st, 1));
	}
	db_finalize(st);
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "iban");
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

static int run(struct db_stmt *st, struct kp_error *err)
{
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_bank_account_put(struct db *db, int64_t volunteer_id, const char *iban,
                           const char *holder, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO bank_accounts (volunteer_id, iban, holder, updated_at) "
	                   "VALUES (?, ?, ?, ?) ON CONFLICT (volunteer_id) DO UPDATE SET "
	                   "iban = excluded.iban, holder = excluded.holder, "
	                   "updated_at = excluded.updated_at", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	db_bind_text(st, 2, iban);
	db_bind_text(st, 3, holder);
	db_bind_int(st, 4, now);
	return run(st, err);
}

int store_bank_account_delete(struct db *db, int64_t volunteer_id, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM bank_accounts WHERE volunteer_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	return run(st, err);
}

int store_organisation_account_get(struct db *db, int64_t organisation_id,
                                   char iban[IBAN_MAX + 1], char bic[BIC_MAX + 1],
                                   struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT iban, bic FROM organisation_accounts WHERE organisation_id = ?",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		snprintf(iban, IBAN_MAX + 1, "%s", db_col_text(st, 0));
		snprintf(bic, BIC_MAX + 1, "%s", db_col_text(st, 1));
	}
	db_finalize(st);
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "iban");
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

int store_organisation_account_put(struct db *db, int64_t organisation_id, const char *iban,
                                   const char *bic, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO organisation_accounts (organisation_id, iban, bic, "
	                   "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (organisation_id) DO UPDATE "
	                   "SET iban = excluded.iban, bic = excluded.bic, "
	                   "updated_at = excluded.updated_at", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_text(st, 2, iban);
	db_bind_text(st, 3, bic);
	db_bind_int(st, 4, now);
	return run(st, err);
}

int store_payment_lines(struct db *db, int64_t organisation_id, const char *from,
                        const char *to, payment_line_fn each, void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	struct payment_line l;
	if (db_prepare(db, "SELECT c.id, c.volunteer_id, v.first_name, v.last_name, "
	                   "COALESCE(b.holder, ''), COALESCE(b.iban, ''), c.incurred_on, c.kind, "
	                   "c.description, c.amount_cents FROM expense_claims c "
	                   "JOIN volunteers v ON v.id = c.volunteer_id "
	                   "LEFT JOIN bank_accounts b ON b.volunteer_id = c.volunteer_id "
	                   "WHERE c.organisation_id = ? AND c.status = 'approved' "
	                   "AND c.incurred_on >= ? AND c.incurred_on <= ? "
	                   "ORDER BY v.last_name, v.first_name, c.volunteer_id, c.incurred_on, c.id",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		memset(&l, 0, sizeof l);
		l.claim_id = db_col_int(st, 0);
		l.volunteer_id = db_col_int(st, 1);
		if (db_col_text(st, 4)[0] != '\0')
			snprintf(l.name, sizeof l.name, "%s", db_col_text(st, 4));
		else
			snprintf(l.name, sizeof l.name, "%.139s %.139s", db_col_text(st, 2),
			         db_col_text(st, 3));
		snprintf(l.iban, sizeof l.iban, "%s", db_col_text(st, 5));
		snprintf(l.incurred_on, sizeof l.incurred_on, "%s", db_col_text(st, 6));
		l.kind = expense_kind_parse(db_col_text(st, 7));
		snprintf(l.description, sizeof l.description, "%s", db_col_text(st, 8));
		l.amount_cents = db_col_int(st, 9);
		if (each(ctx, &l) != 0) {
			db_finalize(st);
			return kp_internal(err);
		}
	}
	db_finalize(st);
	return rc == DB_DONE ? KP_OK : KP_ERR;
}
