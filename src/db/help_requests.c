/* The contact point store: the network's hub, help requests, and the client
   records kept apart from them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "db/store.h"

int store_contact_point_get(struct db *db, int64_t *hub, int *pickup_days, struct kp_error *err)
{
	struct db_stmt *st;
	*hub = 0;
	*pickup_days = 5;
	if (db_prepare(db, "SELECT hub_organisation_id, pickup_working_days FROM networks "
	                   "ORDER BY id LIMIT 1", &st, err))
		return KP_ERR;
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		*hub = db_col_int(st, 0);
		*pickup_days = (int)db_col_int(st, 1);
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_contact_point_set(struct db *db, int64_t hub, int pickup_days, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE networks SET hub_organisation_id = ?, pickup_working_days = ?",
	               &st, err))
		return KP_ERR;
	db_bind_ref(st, 1, hub);
	db_bind_int(st, 2, pickup_days);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

#define COLUMNS                                                                          \
	"channel, status, activity_id, place, urgency, organisation_id, contact_name, "     \
	"contact_phone, call_id, reason, created_by, created_at, routed_at, accepted_at, "  \
	"updated_at, closed_reason, closed_at"
#define SELECT_REQUEST "SELECT id, " COLUMNS " FROM help_requests"

static void bind_opt_time(struct db_stmt *st, int i, int64_t t)
{
	if (t > 0)
		db_bind_int(st, i, t);
	else
		db_bind_null(st, i);
}

static int bind_request(struct db_stmt *st, const struct help_request *r)
{
	int i = 1;
	db_bind_text(st, i++, help_channel_name(r->channel));
	db_bind_text(st, i++, help_status_name(r->status));
	db_bind_ref(st, i++, r->activity_id);
	db_bind_text(st, i++, r->place);
	db_bind_text(st, i++, help_urgency_name(r->urgency));
	db_bind_ref(st, i++, r->organisation_id);
	db_bind_text(st, i++, r->contact_name);
	db_bind_text(st, i++, r->contact_phone);
	db_bind_ref(st, i++, r->call_id);
	db_bind_text(st, i++, r->reason);
	db_bind_ref(st, i++, r->created_by);
	db_bind_int(st, i++, r->created_at);
	bind_opt_time(st, i++, r->routed_at);
	bind_opt_time(st, i++, r->accepted_at);
	db_bind_int(st, i++, r->updated_at);
	db_bind_text(st, i++, r->outcome >= 0 ? help_outcome_name(r->outcome) : "");
	bind_opt_time(st, i++, r->closed_at);
	return i;
}

static void read_request(struct db_stmt *st, struct help_request *r)
{
	int i = 0;
	memset(r, 0, sizeof *r);
	r->id = db_col_int(st, i++);
	r->channel = help_channel_parse(db_col_text(st, i++));
	r->status = help_status_parse(db_col_text(st, i++));
	r->activity_id = db_col_int(st, i++);
	snprintf(r->place, sizeof r->place, "%s", db_col_text(st, i++));
	r->urgency = help_urgency_parse(db_col_text(st, i++));
	r->organisation_id = db_col_int(st, i++);
	snprintf(r->contact_name, sizeof r->contact_name, "%s", db_col_text(st, i++));
	snprintf(r->contact_phone, sizeof r->contact_phone, "%s", db_col_text(st, i++));
	r->call_id = db_col_int(st, i++);
	snprintf(r->reason, sizeof r->reason, "%s", db_col_text(st, i++));
	r->created_by = db_col_int(st, i++);
	r->created_at = db_col_int(st, i++);
	r->routed_at = db_col_int(st, i++);
	r->accepted_at = db_col_int(st, i++);
	r->updated_at = db_col_int(st, i++);
	const char *outcome = db_col_text(st, i++);
	r->outcome = outcome[0] ? help_outcome_parse(outcome) : -1;
	r->closed_at = db_col_int(st, i++);
}

static int put_client(struct db *db, const struct client_record *c, bool insert,
                      struct kp_error *err)
{
	struct db_stmt *st;
	const char *sql = insert ? "INSERT INTO client_records (name, phone, email, place, "
	                           "situation, referred_by, consent_share, consent_at, erased_at, "
	                           "request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	                         : "UPDATE client_records SET name = ?, phone = ?, email = ?, "
	                           "place = ?, situation = ?, referred_by = ?, consent_share = ?, "
	                           "consent_at = ?, erased_at = ? WHERE request_id = ?";
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	db_bind_text(st, 1, c->name);
	db_bind_text(st, 2, c->phone);
	db_bind_text(st, 3, c->email);
	db_bind_text(st, 4, c->place);
	db_bind_text(st, 5, c->situation);
	db_bind_text(st, 6, c->referred_by);
	db_bind_int(st, 7, c->consent_share);
	db_bind_int(st, 8, c->consent_at);
	bind_opt_time(st, 9, c->erased_at);
	db_bind_int(st, 10, c->request_id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_help_request_insert(struct db *db, struct help_request *r, struct client_record *c,
                              struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO help_requests (" COLUMNS ") VALUES "
	                   "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", &st, err))
		return KP_ERR;
	bind_request(st, r);
	int rc = db_query_int(st, &r->id, err);
	db_finalize(st);
	if (rc)
		return KP_ERR;
	c->request_id = r->id;
	return put_client(db, c, true, err);
}

int store_help_request_update(struct db *db, const struct help_request *r,
                              struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE help_requests SET channel = ?, status = ?, activity_id = ?, "
	                   "place = ?, urgency = ?, organisation_id = ?, contact_name = ?, "
	                   "contact_phone = ?, call_id = ?, reason = ?, created_by = ?, "
	                   "created_at = ?, routed_at = ?, accepted_at = ?, updated_at = ?, "
	                   "closed_reason = ?, closed_at = ? WHERE id = ?", &st, err))
		return KP_ERR;
	int i = bind_request(st, r);
	db_bind_int(st, i, r->id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_help_request_get(struct db *db, int64_t id, struct help_request *r,
                           struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, SELECT_REQUEST " WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_request(st, r);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "id") : KP_OK;
}

int store_client_get(struct db *db, int64_t request_id, struct client_record *c,
                     struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT name, phone, email, place, situation, referred_by, "
	                   "consent_share, consent_at, erased_at FROM client_records "
	                   "WHERE request_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, request_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		memset(c, 0, sizeof *c);
		c->request_id = request_id;
		snprintf(c->name, sizeof c->name, "%s", db_col_text(st, 0));
		snprintf(c->phone, sizeof c->phone, "%s", db_col_text(st, 1));
		snprintf(c->email, sizeof c->email, "%s", db_col_text(st, 2));
		snprintf(c->place, sizeof c->place, "%s", db_col_text(st, 3));
		snprintf(c->situation, sizeof c->situation, "%s", db_col_text(st, 4));
		snprintf(c->referred_by, sizeof c->referred_by, "%s", db_col_text(st, 5));
		c->consent_share = (int)db_col_int(st, 6);
		c->consent_at = db_col_int(st, 7);
		c->erased_at = db_col_int(st, 8);
	}
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "id") : KP_OK;
}

int store_client_put(struct db *db, const struct client_record *c, struct kp_error *err)
{
	return put_client(db, c, false, err);
}

struct request_walk {
	help_request_fn each;
	void *ctx;
	struct help_request row;
};

static int request_row(void *arg, struct db_stmt *st)
{
	struct request_walk *w = arg;
	read_request(st, &w->row);
	return w->each(w->ctx, &w->row);
}

int store_help_request_list(struct db *db, const struct help_request_filter *f, struct page pg,
                            help_request_fn each, void *ctx, int64_t *total,
                            struct kp_error *err)
{
	struct query q;
	int rc = 0;
	query_init(&q);
	if (f->organisation_id)
		rc |= query_and_int(&q, "organisation_id = ?", f->organisation_id);
	if (f->created_by)
		rc |= query_and_int(&q, "created_by = ?", f->created_by);
	if (f->status >= 0)
		rc |= query_and_text(&q, "status = ?", help_status_name(f->status));
	if (f->routed_before)
		rc |= query_and_int(&q, "status = 'routed' AND routed_at < ?", f->routed_before);
	struct request_walk *w = malloc(sizeof *w);
	if (w == NULL || rc != 0)
		rc = kp_internal(err);
	else {
		w->each = each;
		w->ctx = ctx;
		rc = query_list(db, "help_requests", SELECT_REQUEST, &q, "created_at DESC, id DESC",
		                pg, request_row, w, total, err);
	}
	free(w);
	query_free(&q);
	return rc;
}

int store_organisation_pickup(struct db *db, int64_t organisation_id,
                              struct organisation_pickup *out, struct kp_error *err)
{
	struct db_stmt *st;
	memset(out, 0, sizeof *out);
	if (db_prepare(db, "SELECT (SELECT COUNT(*) FROM calls WHERE organisation_id = ? AND "
	                   "status = 'open'), (SELECT COUNT(*) FROM help_requests WHERE "
	                   "organisation_id = ? AND accepted_at IS NOT NULL), (SELECT "
	                   "COALESCE(SUM(accepted_at - routed_at), 0) FROM help_requests WHERE "
	                   "organisation_id = ? AND accepted_at IS NOT NULL), (SELECT COUNT(*) "
	                   "FROM help_requests WHERE organisation_id = ? AND status = 'routed')",
	               &st, err))
		return KP_ERR;
	for (int i = 1; i <= 4; i++)
		db_bind_int(st, i, organisation_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		out->open_calls = db_col_int(st, 0);
		out->accepted = db_col_int(st, 1);
		out->pickup_seconds = out->accepted ? db_col_int(st, 2) / out->accepted : 0;
		out->waiting = db_col_int(st, 3);
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_client_followup_facts(struct db *db, int64_t organisation_id, followup_fn each,
                                void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT h.id, h.organisation_id, h.place, (SELECT MIN(e.at) FROM "
	                   "match_events e JOIN matches m ON m.id = e.match_id WHERE "
	                   "m.call_id = h.call_id AND e.to_status = 'active') FROM help_requests h "
	                   "WHERE h.status = 'accepted' AND h.call_id IS NOT NULL AND "
	                   "(? = 0 OR h.organisation_id = ?) ORDER BY h.id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_int(st, 2, organisation_id);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		int64_t active = db_col_is_null(st, 3) ? 0 : db_col_int(st, 3);
		if (each(ctx, db_col_int(st, 0), db_col_int(st, 1), db_col_text(st, 2), active) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

static int collect_id(void *ctx, struct db_stmt *st)
{
	struct { int64_t *ids; int n, max; } *d = ctx;
	if (d->n < d->max)
		d->ids[d->n++] = db_col_int(st, 0);
	return 0;
}

int store_client_retention_erase(struct db *db, int64_t before, int64_t now, int max,
                                 int *erased, struct kp_error *err)
{
	struct { int64_t *ids; int n, max; } d = { calloc((size_t)(max > 0 ? max : 1),
	                                                   sizeof(int64_t)), 0, max };
	int rc = d.ids ? KP_OK : kp_internal(err);
	*erased = 0;
	if (rc == KP_OK)
		rc = query_each(db, "SELECT c.request_id FROM client_records c JOIN help_requests h "
		                    "ON h.id = c.request_id WHERE c.erased_at IS NULL AND h.status = "
		                    "'closed' AND h.updated_at < ? ORDER BY c.request_id",
		                before, collect_id, &d, err);
	for (int i = 0; i < d.n && rc == KP_OK; i++) {
		struct client_record c;
		struct audit_entry e = { .at = now, .role = ROLE_ANONYMOUS, .record_id = d.ids[i] };
		snprintf(e.action, sizeof e.action, "erase");
		snprintf(e.resource, sizeof e.resource, "client_record");
		snprintf(e.reason, sizeof e.reason, "bewaartermijn verstreken");
		rc = store_client_get(db, d.ids[i], &c, err);
		if (rc == KP_OK) {
			client_record_erase(&c, now);
			rc = store_client_put(db, &c, err) || store_audit_append(db, &e, err);
		}
		if (rc == KP_OK)
			(*erased)++;
	}
	free(d.ids);
	return rc ? KP_ERR : KP_OK;
}
