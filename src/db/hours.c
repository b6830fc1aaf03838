/* Hours, expense claims, kilometre rates and allowance caps (db/hours.h). */
#include "db/hours.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "model/volunteer.h"

#define HOUR_COLS "id, volunteer_id, organisation_id, match_id, activity_id, worked_on, " \
	"minutes, note, status, replaced_by, created_by, created_at, approved_by, approved_at"

static void read_hour(struct db_stmt *st, struct hour_entry *e)
{
	memset(e, 0, sizeof *e);
	e->id = db_col_int(st, 0);
	e->volunteer_id = db_col_int(st, 1);
	e->organisation_id = db_col_int(st, 2);
	e->match_id = db_col_int(st, 3);
	e->activity_id = db_col_int(st, 4);
	snprintf(e->worked_on, sizeof e->worked_on, "%s", db_col_text(st, 5));
	e->minutes = (int)db_col_int(st, 6);
	snprintf(e->note, sizeof e->note, "%s", db_col_text(st, 7));
	e->status = hour_status_parse(db_col_text(st, 8));
	e->replaced_by = db_col_int(st, 9);
	e->created_by = db_col_int(st, 10);
	e->created_at = db_col_int(st, 11);
	e->approved_by = db_col_int(st, 12);
	e->approved_at = db_col_int(st, 13);
}

/* Runs a statement that returns nothing. */
static int run(struct db_stmt *st, struct kp_error *err)
{
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

/* Adds (sign 1) or takes away (-1) entry id's minutes in hour_month_totals. */
static int add_to_totals(struct db *db, int64_t id, int sign, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO hour_month_totals (organisation_id, month, activity_id, "
	                   "minutes) SELECT h.organisation_id, SUBSTR(h.worked_on, 1, 7), "
	                   "COALESCE(h.activity_id, c.activity_id, 0), ? * h.minutes "
	                   "FROM hour_entries h LEFT JOIN matches m ON m.id = h.match_id "
	                   "LEFT JOIN calls c ON c.id = m.call_id WHERE h.id = ? "
	                   "ON CONFLICT (organisation_id, month, activity_id) DO UPDATE "
	                   "SET minutes = hour_month_totals.minutes + excluded.minutes", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, sign);
	db_bind_int(st, 2, id);
	return run(st, err);
}

int store_hour_totals_rebuild(struct db *db, struct kp_error *err)
{
	return db_exec(db, "DELETE FROM hour_month_totals; "
	                   "INSERT INTO hour_month_totals (organisation_id, month, activity_id, "
	                   "minutes) SELECT h.organisation_id, SUBSTR(h.worked_on, 1, 7), "
	                   "COALESCE(h.activity_id, c.activity_id, 0), SUM(h.minutes) "
	                   "FROM hour_entries h LEFT JOIN matches m ON m.id = h.match_id "
	                   "LEFT JOIN calls c ON c.id = m.call_id WHERE h.status <> 'corrected' "
	                   "GROUP BY h.organisation_id, SUBSTR(h.worked_on, 1, 7), "
	                   "COALESCE(h.activity_id, c.activity_id, 0)", err);
}

int store_hour_insert(struct db *db, struct hour_entry *e, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO hour_entries (volunteer_id, organisation_id, match_id, "
	                   "activity_id, worked_on, minutes, note, status, created_by, created_at, "
	                   "approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	                   "RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, e->volunteer_id);
	db_bind_int(st, 2, e->organisation_id);
	db_bind_ref(st, 3, e->match_id);
	db_bind_ref(st, 4, e->activity_id);
	db_bind_text(st, 5, e->worked_on);
	db_bind_int(st, 6, e->minutes);
	db_bind_text(st, 7, e->note);
	db_bind_text(st, 8, hour_status_name(e->status));
	db_bind_ref(st, 9, e->created_by);
	db_bind_int(st, 10, e->created_at);
	db_bind_ref(st, 11, e->approved_by);
	db_bind_ref(st, 12, e->approved_at);
	int rc = db_query_int(st, &e->id, err);
	db_finalize(st);
	if (rc == KP_OK && e->status != HOUR_CORRECTED)
		rc = add_to_totals(db, e->id, 1, err);
	return rc;
}

int store_hour_get(struct db *db, int64_t id, struct hour_entry *e, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT " HOUR_COLS " FROM hour_entries WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_hour(st, e);
	db_finalize(st);
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

int store_hour_corrected(struct db *db, int64_t id, int64_t replaced_by, struct kp_error *err)
{
	struct db_stmt *st;
	/* Its minutes stop counting once, however often it is marked. */
	if (db_prepare(db, "UPDATE hour_entries SET status = 'corrected', replaced_by = ? "
	                   "WHERE id = ? AND status <> 'corrected' RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, replaced_by);
	db_bind_int(st, 2, id);
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	if (rc == KP_OK)
		return add_to_totals(db, id, -1, err);
	if (err->kind != KP_NOT_FOUND)
		return KP_ERR;
	memset(err, 0, sizeof *err); /* corrected before */
	return KP_OK;
}

int store_hour_approve(struct db *db, int64_t id, int64_t by, int64_t at, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE hour_entries SET status = 'approved', approved_by = ?, "
	                   "approved_at = ? WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_ref(st, 1, by);
	db_bind_int(st, 2, at);
	db_bind_int(st, 3, id);
	return run(st, err);
}

int store_hour_day_minutes(struct db *db, int64_t volunteer_id, const char *date,
                           int64_t except, int64_t *minutes, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COALESCE(SUM(minutes), 0) FROM hour_entries WHERE "
	                   "volunteer_id = ? AND worked_on = ? AND status <> 'corrected' "
	                   "AND id <> ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	db_bind_text(st, 2, date);
	db_bind_int(st, 3, except);
	int rc = db_query_int(st, minutes, err);
	db_finalize(st);
	return rc;
}

int store_hour_previous(struct db *db, int64_t id, int64_t *previous, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COALESCE(MAX(id), 0) FROM hour_entries WHERE replaced_by = ?",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_query_int(st, previous, err);
	db_finalize(st);
	return rc;
}

/* The filter of a list of hours or claims; `date` is the table's date column. */
static int build_filter(struct query *q, const struct hours_filter *f, const char *date,
                        const char *(*status_name)(int))
{
	int rc = 0;
	if (f->volunteer_id > 0)
		rc |= query_and_int(q, "volunteer_id = ?", f->volunteer_id);
	if (f->organisation_id > 0)
		rc |= query_and_int(q, "organisation_id = ?", f->organisation_id);
	char cond[64];
	if (f->from[0]) {
		snprintf(cond, sizeof cond, "%s >= ?", date);
		rc |= query_and_text(q, cond, f->from);
	}
	if (f->to[0]) {
		snprintf(cond, sizeof cond, "%s <= ?", date);
		rc |= query_and_text(q, cond, f->to);
	}
	if (f->status >= 0)
		rc |= query_and_text(q, "status = ?", status_name(f->status));
	else if (status_name == hour_status_name)
		rc |= query_and(q, "status <> 'corrected'");
	return rc;
}

struct walk {
	hour_fn hour;
	expense_fn expense;
	void *ctx;
};

static int hour_row(void *ctx, struct db_stmt *st)
{
	struct walk *w = ctx;
	struct hour_entry *e = malloc(sizeof *e);
	if (e == NULL)
		return -1;
	read_hour(st, e);
	int rc = w->hour(w->ctx, e);
	free(e);
	return rc;
}

int store_hour_list(struct db *db, const struct hours_filter *f, struct page pg, hour_fn each,
                    void *ctx, int64_t *total, struct kp_error *err)
{
	struct query q;
	struct walk w = { .hour = each, .ctx = ctx };
	query_init(&q);
	int rc = build_filter(&q, f, "worked_on", hour_status_name) ? kp_internal(err) :
	         query_list(db, "hour_entries", "SELECT " HOUR_COLS " FROM hour_entries", &q,
	                    "worked_on DESC, id DESC", pg, hour_row, &w, total,
	                    err);
	query_free(&q);
	return rc;
}

struct totals_walk {
	hour_total_fn each;
	void *ctx;
};

static int total_row(void *ctx, struct db_stmt *st)
{
	struct totals_walk *w = ctx;
	struct hour_total t = {
		.volunteer_id = db_col_int(st, 0), .organisation_id = db_col_int(st, 1),
		.minutes = db_col_int(st, 2), .approved_minutes = db_col_int(st, 3),
		.entries = db_col_int(st, 4), .expense_cents = db_col_int(st, 5),
	};
	return w->each(w->ctx, &t);
}

int store_hour_totals(struct db *db, int64_t organisation_id, const char *month,
                      hour_total_fn each, void *ctx, struct kp_error *err)
{
	/* One pass over each table by the (organisation, date) indexes; with an
	   organisation the condition is an equality, or no index would serve. */
#define TOTALS_SQL(ORG) \
		"SELECT volunteer_id, organisation_id, SUM(minutes), SUM(approved), SUM(entries), " \
		"SUM(cents) FROM (SELECT volunteer_id, organisation_id, minutes, " \
		"CASE WHEN status = 'approved' THEN minutes ELSE 0 END AS approved, 1 AS entries, " \
		"0 AS cents FROM hour_entries WHERE status <> 'corrected' AND worked_on >= ? AND " \
		"worked_on < ?" ORG " UNION ALL SELECT volunteer_id, organisation_id, 0, 0, 0, " \
		"amount_cents FROM expense_claims WHERE status IN ('approved', 'paid') AND " \
		"incurred_on >= ? AND incurred_on < ?" ORG ") t GROUP BY volunteer_id, " \
		"organisation_id ORDER BY organisation_id, volunteer_id"
	static const char one[] = TOTALS_SQL(" AND organisation_id = ?");
	static const char all[] = TOTALS_SQL("");
#undef TOTALS_SQL
	char from[11], to[11];
	struct db_stmt *st;
	struct totals_walk w = { each, ctx };
	snprintf(from, sizeof from, "%.7s-01", month);
	snprintf(to, sizeof to, "%.7s-32", month);
	if (db_prepare(db, organisation_id > 0 ? one : all, &st, err))
		return KP_ERR;
	int i = 1;
	for (int part = 0; part < 2; part++) {
		db_bind_text(st, i++, from);
		db_bind_text(st, i++, to);
		if (organisation_id > 0)
			db_bind_int(st, i++, organisation_id);
	}
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW)
		if (total_row(&w, st) != 0) {
			rc = DB_FAILED;
			kp_internal(err);
			break;
		}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_year_statement(struct db *db, int64_t volunteer_id, int year, year_line_fn each,
                         void *ctx, struct kp_error *err)
{
	/* By the (volunteer, date) indexes of both tables. */
	static const char sql[] =
		"SELECT t.organisation_id, o.name, SUM(minutes), SUM(approved), SUM(entries), "
		"SUM(allowance), SUM(costs), SUM(paid) FROM (SELECT organisation_id, minutes, "
		"CASE WHEN status = 'approved' THEN minutes ELSE 0 END AS approved, 1 AS entries, "
		"0 AS allowance, 0 AS costs, 0 AS paid FROM hour_entries WHERE volunteer_id = ? AND "
		"worked_on >= ? AND worked_on < ? AND status <> 'corrected' UNION ALL "
		"SELECT organisation_id, 0, 0, 0, CASE WHEN kind = 'allowance' THEN amount_cents "
		"ELSE 0 END, CASE WHEN kind <> 'allowance' THEN amount_cents ELSE 0 END, "
		"CASE WHEN status = 'paid' THEN amount_cents ELSE 0 END FROM expense_claims "
		"WHERE volunteer_id = ? AND incurred_on >= ? AND incurred_on < ? AND "
		"status IN ('approved', 'paid')) t JOIN organisations o ON o.id = t.organisation_id "
		"GROUP BY t.organisation_id, o.name ORDER BY o.name, t.organisation_id";
	char from[24], to[24];
	struct db_stmt *st;
	struct year_line l;
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-01-01", year + 1);
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	for (int i = 0; i < 2; i++) {
		db_bind_int(st, 1 + 3 * i, volunteer_id);
		db_bind_text(st, 2 + 3 * i, from);
		db_bind_text(st, 3 + 3 * i, to);
	}
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		memset(&l, 0, sizeof l);
		l.organisation_id = db_col_int(st, 0);
		snprintf(l.organisation, sizeof l.organisation, "%s", db_col_text(st, 1));
		l.minutes = db_col_int(st, 2);
		l.approved_minutes = db_col_int(st, 3);
		l.entries = db_col_int(st, 4);
		l.allowance_cents = db_col_int(st, 5);
		l.costs_cents = db_col_int(st, 6);
		l.paid_cents = db_col_int(st, 7);
		if (each(ctx, &l) != 0) {
			rc = DB_FAILED;
			kp_internal(err);
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

#define EXPENSE_COLS "id, volunteer_id, organisation_id, match_id, kind, incurred_on, " \
	"travel_mode, km, amount_cents, description, status, reason, cap_warning, receipt_type, " \
	"created_by, created_at, decided_by, decided_at, paid_at"

static void read_expense(struct db_stmt *st, struct expense_claim *c)
{
	memset(c, 0, sizeof *c);
	c->id = db_col_int(st, 0);
	c->volunteer_id = db_col_int(st, 1);
	c->organisation_id = db_col_int(st, 2);
	c->match_id = db_col_int(st, 3);
	c->kind = expense_kind_parse(db_col_text(st, 4));
	snprintf(c->incurred_on, sizeof c->incurred_on, "%s", db_col_text(st, 5));
	c->travel_mode = travel_mode_parse(db_col_text(st, 6));
	c->km = (int)db_col_int(st, 7);
	c->amount_cents = db_col_int(st, 8);
	snprintf(c->description, sizeof c->description, "%s", db_col_text(st, 9));
	c->status = expense_status_parse(db_col_text(st, 10));
	snprintf(c->reason, sizeof c->reason, "%s", db_col_text(st, 11));
	snprintf(c->cap_warning, sizeof c->cap_warning, "%s", db_col_text(st, 12));
	snprintf(c->receipt_type, sizeof c->receipt_type, "%s", db_col_text(st, 13));
	c->created_by = db_col_int(st, 14);
	c->created_at = db_col_int(st, 15);
	c->decided_by = db_col_int(st, 16);
	c->decided_at = db_col_int(st, 17);
	c->paid_at = db_col_int(st, 18);
}

int store_expense_insert(struct db *db, struct expense_claim *c, struct kp_error *err)
{
	struct db_stmt *st;
	const char *mode = travel_mode_name(c->travel_mode);
	if (db_prepare(db, "INSERT INTO expense_claims (volunteer_id, organisation_id, match_id, "
	                   "kind, incurred_on, travel_mode, km, amount_cents, description, status, "
	                   "cap_warning, created_by, created_at) "
	                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, c->volunteer_id);
	db_bind_int(st, 2, c->organisation_id);
	db_bind_ref(st, 3, c->match_id);
	db_bind_text(st, 4, expense_kind_name(c->kind));
	db_bind_text(st, 5, c->incurred_on);
	db_bind_text(st, 6, mode ? mode : "");
	db_bind_int(st, 7, c->km);
	db_bind_int(st, 8, c->amount_cents);
	db_bind_text(st, 9, c->description);
	db_bind_text(st, 10, expense_status_name(c->status));
	db_bind_text(st, 11, c->cap_warning);
	db_bind_ref(st, 12, c->created_by);
	db_bind_int(st, 13, c->created_at);
	int rc = db_query_int(st, &c->id, err);
	db_finalize(st);
	return rc;
}

int store_expense_get(struct db *db, int64_t id, struct expense_claim *c, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT " EXPENSE_COLS " FROM expense_claims WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_expense(st, c);
	db_finalize(st);
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

int store_expense_update(struct db *db, const struct expense_claim *c, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE expense_claims SET status = ?, reason = ?, decided_by = ?, "
	                   "decided_at = ?, paid_at = ? WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, expense_status_name(c->status));
	db_bind_text(st, 2, c->reason);
	db_bind_ref(st, 3, c->decided_by);
	db_bind_ref(st, 4, c->decided_at);
	db_bind_ref(st, 5, c->paid_at);
	db_bind_int(st, 6, c->id);
	return run(st, err);
}

static int expense_row(void *ctx, struct db_stmt *st)
{
	struct walk *w = ctx;
	struct expense_claim *c = malloc(sizeof *c);
	if (c == NULL)
		return -1;
	read_expense(st, c);
	int rc = w->expense(w->ctx, c);
	free(c);
	return rc;
}

int store_expense_list(struct db *db, const struct hours_filter *f, struct page pg,
                       expense_fn each, void *ctx, int64_t *total, struct kp_error *err)
{
	struct query q;
	struct walk w = { .expense = each, .ctx = ctx };
	query_init(&q);
	int rc = build_filter(&q, f, "incurred_on", expense_status_name) ? kp_internal(err) :
	         query_list(db, "expense_claims", "SELECT " EXPENSE_COLS " FROM expense_claims",
	                    &q, "incurred_on DESC, id DESC", pg, expense_row, &w,
	                    total, err);
	query_free(&q);
	return rc;
}

int store_receipt_put(struct db *db, int64_t id, const char *type, const char *base64,
                      struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE expense_claims SET receipt_type = ?, receipt = ? WHERE id = ?",
	               &st, err))
		return KP_ERR;
	db_bind_text(st, 1, type);
	db_bind_text(st, 2, base64);
	db_bind_int(st, 3, id);
	return run(st, err);
}

int store_receipt_get(struct db *db, int64_t id, char **out, struct kp_error *err)
{
	struct db_stmt *st;
	*out = NULL;
	if (db_prepare(db, "SELECT receipt FROM expense_claims WHERE id = ? AND receipt IS NOT NULL",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW && (*out = strdup(db_col_text(st, 0))) == NULL)
		rc = kp_internal(err) ? DB_FAILED : DB_FAILED;
	db_finalize(st);
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "no_receipt", "receipt");
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

int store_expense_rate(struct db *db, int64_t organisation_id, const char *travel_mode,
                       int64_t *cents, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COALESCE(MAX(cents_per_km), 0) FROM expense_rates WHERE "
	                   "organisation_id = ? AND travel_mode = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_text(st, 2, travel_mode);
	int rc = db_query_int(st, cents, err);
	db_finalize(st);
	return rc;
}

int store_expense_rate_put(struct db *db, int64_t organisation_id, const char *travel_mode,
                           int64_t cents, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO expense_rates (organisation_id, travel_mode, cents_per_km) "
	                   "VALUES (?, ?, ?) ON CONFLICT (organisation_id, travel_mode) "
	                   "DO UPDATE SET cents_per_km = excluded.cents_per_km", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_text(st, 2, travel_mode);
	db_bind_int(st, 3, cents);
	return run(st, err);
}

static void read_caps(struct db_stmt *st, struct allowance_caps *c)
{
	c->year = (int)db_col_int(st, 0);
	c->per_hour_cents = db_col_int(st, 1);
	c->per_hour_young_cents = db_col_int(st, 2);
	c->per_month_cents = db_col_int(st, 3);
	c->per_year_cents = db_col_int(st, 4);
}

#define CAPS_COLS "year, per_hour_cents, per_hour_young_cents, per_month_cents, per_year_cents"

int store_allowance_caps(struct db *db, int year, struct allowance_caps *c,
                         struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT " CAPS_COLS " FROM allowance_caps WHERE year <= ? "
	                   "ORDER BY year DESC LIMIT 1", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, year);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_caps(st, c);
	db_finalize(st);
	if (rc == DB_DONE)
		return kp_invalid(err, "incurred_on", "no_allowance_caps");
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

int store_allowance_caps_put(struct db *db, const struct allowance_caps *c,
                             struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO allowance_caps (" CAPS_COLS ") VALUES (?, ?, ?, ?, ?) "
	                   "ON CONFLICT (year) DO UPDATE SET per_hour_cents = "
	                   "excluded.per_hour_cents, per_hour_young_cents = "
	                   "excluded.per_hour_young_cents, per_month_cents = "
	                   "excluded.per_month_cents, per_year_cents = excluded.per_year_cents",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, c->year);
	db_bind_int(st, 2, c->per_hour_cents);
	db_bind_int(st, 3, c->per_hour_young_cents);
	db_bind_int(st, 4, c->per_month_cents);
	db_bind_int(st, 5, c->per_year_cents);
	return run(st, err);
}

int store_allowance_caps_list(struct db *db, caps_fn each, void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	struct allowance_caps c;
	if (db_prepare(db, "SELECT " CAPS_COLS " FROM allowance_caps ORDER BY year", &st, err))
		return KP_ERR;
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		read_caps(st, &c);
		if (each(ctx, &c) != 0) {
			rc = DB_FAILED;
			kp_internal(err);
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_allowance_mode(struct db *db, int64_t volunteer_id, int64_t organisation_id,
                         int *mode, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT mode FROM allowance_modes WHERE volunteer_id = ? AND "
	                   "organisation_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	db_bind_int(st, 2, organisation_id);
	int rc = db_step(st, err);
	*mode = ALLOWANCE_MODE_COSTS;
	if (rc == DB_ROW && allowance_mode_parse(db_col_text(st, 0)) >= 0)
		*mode = allowance_mode_parse(db_col_text(st, 0));
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_allowance_mode_put(struct db *db, int64_t volunteer_id, int64_t organisation_id,
                             int mode, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO allowance_modes (volunteer_id, organisation_id, mode, "
	                   "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (volunteer_id, "
	                   "organisation_id) DO UPDATE SET mode = excluded.mode, "
	                   "updated_at = excluded.updated_at", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	db_bind_int(st, 2, organisation_id);
	db_bind_text(st, 3, allowance_mode_name(mode));
	db_bind_int(st, 4, now);
	return run(st, err);
}

int store_allowance_sums(struct db *db, int64_t volunteer_id, int64_t organisation_id,
                         const char *date, struct allowance_sums *s, struct kp_error *err)
{
	static const char sql[] =
		"SELECT (SELECT COALESCE(SUM(amount_cents), 0) FROM expense_claims WHERE "
		"volunteer_id = ? AND kind = 'allowance' AND status <> 'rejected' AND "
		"substr(incurred_on, 1, 7) = substr(?, 1, 7) AND (? = 0 OR organisation_id = ?)), "
		"(SELECT COALESCE(SUM(amount_cents), 0) FROM expense_claims WHERE volunteer_id = ? "
		"AND kind = 'allowance' AND status <> 'rejected' AND substr(incurred_on, 1, 4) = "
		"substr(?, 1, 4) AND (? = 0 OR organisation_id = ?)), "
		"(SELECT COALESCE(SUM(minutes), 0) FROM hour_entries WHERE volunteer_id = ? AND "
		"status <> 'corrected' AND substr(worked_on, 1, 7) = substr(?, 1, 7) AND "
		"(? = 0 OR organisation_id = ?))";
	struct db_stmt *st;
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	for (int i = 0; i < 3; i++) {
		db_bind_int(st, 1 + 4 * i, volunteer_id);
		db_bind_text(st, 2 + 4 * i, date);
		db_bind_int(st, 3 + 4 * i, organisation_id);
		db_bind_int(st, 4 + 4 * i, organisation_id);
	}
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		s->month_cents = db_col_int(st, 0);
		s->year_cents = db_col_int(st, 1);
		s->month_minutes = db_col_int(st, 2);
	}
	db_finalize(st);
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

int store_allowance_flag(struct db *db, int64_t volunteer_id, const char *date,
                         const char *warning, struct kp_error *err)
{
	static const char month[] =
		"UPDATE expense_claims SET cap_warning = ? WHERE volunteer_id = ? AND kind = "
		"'allowance' AND status <> 'rejected' AND cap_warning = '' AND "
		"substr(incurred_on, 1, 7) = substr(?, 1, 7)";
	static const char year[] =
		"UPDATE expense_claims SET cap_warning = ? WHERE volunteer_id = ? AND kind = "
		"'allowance' AND status <> 'rejected' AND cap_warning = '' AND "
		"substr(incurred_on, 1, 4) = substr(?, 1, 4)";
	struct db_stmt *st;
	if (db_prepare(db, strcmp(warning, "network_year") == 0 ? year : month, &st, err))
		return KP_ERR;
	db_bind_text(st, 1, warning);
	db_bind_int(st, 2, volunteer_id);
	db_bind_text(st, 3, date);
	return run(st, err);
}
