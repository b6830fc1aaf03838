/*
 * Erasure: a volunteer anonymised in place. The volunteer row stays (with
 * its organisation, status, place and dates) so that counts, hours and
 * match figures stay right; everything that names or describes the person
 * is cleared or deleted, in every table that holds it.
 *
 * A table that gains personal data about a volunteer adds its statement to
 * `steps` with the schema version that created it, so that a database on
 * an older schema is still erased correctly.
 */
#include <stdio.h>
#include <stdlib.h>

#include "db/store.h"

#define ANONYMOUS_NAME "Geanonimiseerd"

struct erase_step {
	int min_version;  /* the migration that created the tables the statement uses */
	int n_params;     /* each "?" is the volunteer id */
	const char *sql;
};

#define OF_JOURNEYS "(SELECT id FROM journeys WHERE volunteer_id = ?)"
#define OF_MATCHES "(SELECT id FROM matches WHERE volunteer_id = ?)"
#define OF_ACCOUNTS "(SELECT id FROM accounts WHERE volunteer_id = ?)"

static const struct erase_step steps[] = {
	/* Mail to or about the person, found by address or full name, first: the
	   name is still in the volunteer row. */
	{ 3, 3, "DELETE FROM outbox WHERE LOWER(recipient) IN (SELECT LOWER(email) FROM volunteers "
	        "WHERE id = ? AND email <> '' UNION SELECT email FROM accounts WHERE volunteer_id = ?) "
	        "OR body LIKE (SELECT '%' || first_name || ' ' || last_name || '%' FROM volunteers "
	        "WHERE id = ?)" },
	{ 3, 1, "UPDATE journey_steps SET notes = '' WHERE journey_id IN " OF_JOURNEYS },
	{ 3, 1, "UPDATE exit_interviews SET notes = '' WHERE journey_id IN " OF_JOURNEYS },
	{ 3, 1, "UPDATE journey_requests SET note = '' WHERE journey_id IN " OF_JOURNEYS },
	{ 3, 1, "UPDATE match_aftercare SET notes = '' WHERE match_id IN " OF_MATCHES },
	{ 3, 1, "UPDATE transfers SET message = '', decision_note = '' WHERE volunteer_id = ?" },
	/* A training from the shared list keeps its label; a free-text title may
	   say who it was about, so it goes. */
	{ 3, 1, "UPDATE volunteer_trainings SET certificate = '', title = CASE WHEN training_id "
	        "IS NULL THEN 'Training' ELSE title END WHERE volunteer_id = ?" },
	{ 3, 1, "UPDATE volunteer_competences SET evidence = '' WHERE volunteer_id = ?" },
	/* Hours and amounts stay for the figures; what describes the person goes. */
	{ 10, 1, "UPDATE hour_entries SET note = '' WHERE volunteer_id = ?" },
	{ 10, 1, "UPDATE expense_claims SET description = '', reason = '', receipt = NULL, "
	        "receipt_type = '' WHERE volunteer_id = ?" },
	{ 16, 1, "DELETE FROM bank_accounts WHERE volunteer_id = ?" },
	/* The coordinators' notes describe the person through and through. */
	{ 19, 1, "DELETE FROM volunteer_notes WHERE volunteer_id = ?" },
	/* Which newsletters went to the person: the archive goes with them. */
	{ 21, 1, "DELETE FROM newsletter_recipients WHERE volunteer_id = ?" },
	/* A calendar feed's address would go on showing the person's commitments. */
	{ 22, 1, "DELETE FROM calendar_feeds WHERE volunteer_id = ?" },
	{ 2, 1, "DELETE FROM volunteer_consent_organisations WHERE volunteer_id = ?" },
	{ 2, 1, "DELETE FROM volunteer_consents WHERE volunteer_id = ?" },
	{ 2, 1, "DELETE FROM consent_events WHERE volunteer_id = ?" },
	{ 1, 1, "UPDATE match_events SET reason = '' WHERE match_id IN " OF_MATCHES },
	{ 1, 1, "UPDATE matches SET reason = '', explanation = '' WHERE volunteer_id = ?" },
	{ 1, 1, "UPDATE calls SET title = 'Aanbod (" ANONYMOUS_NAME ")', description = '' "
	        "WHERE volunteer_id = ?" },
	{ 1, 1, "DELETE FROM sessions WHERE account_id IN " OF_ACCOUNTS },
	{ 1, 1, "DELETE FROM account_tokens WHERE account_id IN " OF_ACCOUNTS },
	{ 11, 1, "DELETE FROM account_totp WHERE account_id IN " OF_ACCOUNTS },
	{ 1, 1, "UPDATE accounts SET email = 'geanonimiseerd-' || CAST(id AS TEXT) || '@invalid', "
	        "display_name = '" ANONYMOUS_NAME "', password_hash = '', active = 0 "
	        "WHERE volunteer_id = ?" },
	{ 1, 1, "DELETE FROM volunteer_items WHERE volunteer_id = ?" },
	{ 1, 1, "DELETE FROM volunteer_experiences WHERE volunteer_id = ?" },
};

static int run_step(struct db *db, const struct erase_step *s, int64_t id,
                    struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, s->sql, &st, err))
		return KP_ERR;
	for (int i = 1; i <= s->n_params; i++)
		db_bind_int(st, i, id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

/* The row itself, last: the place is kept (a town, coarse enough), the rest cleared. */
static int anonymise_row(struct db *db, int64_t id, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE volunteers SET first_name = '" ANONYMOUS_NAME "', "
	                   "last_name = '" ANONYMOUS_NAME "', email = '', phone = '', "
	                   "birth_year = NULL, vog_date = NULL, motivation_text = '', "
	                   "status = 'stopped', erased_at = ?, updated_at = ? WHERE id = ?",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_volunteer_erase(struct db *db, int64_t volunteer_id, int64_t now,
                          struct kp_error *err)
{
	struct db_stmt *st;
	int64_t n = 0;
	if (db_prepare(db, "SELECT COUNT(*) FROM volunteers WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	int rc = db_query_int(st, &n, err);
	db_finalize(st);
	if (rc)
		return KP_ERR;
	if (n == 0)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	int version = db_schema_version(db);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (steps[i].min_version <= version && run_step(db, &steps[i], volunteer_id, err))
			return KP_ERR;
	if (anonymise_row(db, volunteer_id, now, err))
		return KP_ERR;
	/* Every server's matching index drops the person (change log, schema 4). */
	return version >= 4 ? store_change_record(db, CHANGE_VOLUNTEER, volunteer_id, 0, now, err)
	                    : KP_OK;
}

int store_retention_due(struct db *db, int64_t before, id_fn each, void *ctx,
                        struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id FROM volunteers WHERE status = 'stopped' AND "
	                   "erased_at IS NULL AND updated_at < ? ORDER BY id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, before);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (each(ctx, db_col_int(st, 0)) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

struct due {
	int64_t *ids;
	int n, max;
};

static int collect(void *ctx, int64_t id)
{
	struct due *d = ctx;
	if (d->n < d->max)
		d->ids[d->n++] = id;
	return 0;
}

int store_retention_erase(struct db *db, int64_t before, int64_t now, int max, int *erased,
                          struct kp_error *err)
{
	struct due d = { calloc((size_t)(max > 0 ? max : 1), sizeof(int64_t)), 0, max };
	int rc = KP_ERR;
	*erased = 0;
	if (d.ids == NULL)
		return kp_internal(err);
	if (store_retention_due(db, before, collect, &d, err))
		goto end;
	for (int i = 0; i < d.n; i++) {
		struct audit_entry e = { .at = now, .role = ROLE_ANONYMOUS, .volunteer_id = d.ids[i],
		                         .record_id = d.ids[i] };
		snprintf(e.action, sizeof e.action, "erase");
		snprintf(e.resource, sizeof e.resource, "volunteer");
		snprintf(e.reason, sizeof e.reason, "bewaartermijn verstreken");
		if (store_volunteer_erase(db, d.ids[i], now, err) || store_audit_append(db, &e, err))
			goto end;
		(*erased)++;
	}
	rc = KP_OK;
end:
	free(d.ids);
	return rc;
}
