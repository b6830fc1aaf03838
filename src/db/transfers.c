/* The transfer store: warm transfers of volunteers between organisations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "db/store.h"

#define SELECT_TRANSFER                                                                      \
	"SELECT id, volunteer_id, from_organisation, to_organisation, status, initiator, "      \
	"message, shared_parts, consent_at, decision_note, created_by, decided_by, created_at, " \
	"updated_at FROM transfers"

static void read_transfer(struct db_stmt *st, struct transfer *t)
{
	memset(t, 0, sizeof *t);
	t->id = db_col_int(st, 0);
	t->volunteer_id = db_col_int(st, 1);
	t->from_organisation = db_col_int(st, 2);
	t->to_organisation = db_col_int(st, 3);
	t->status = transfer_status_parse(db_col_text(st, 4));
	t->by_volunteer = strcmp(db_col_text(st, 5), "volunteer") == 0;
	snprintf(t->message, sizeof t->message, "%s", db_col_text(st, 6));
	t->shared_parts = (uint32_t)db_col_int(st, 7);
	t->consent_at = db_col_int(st, 8);
	snprintf(t->decision_note, sizeof t->decision_note, "%s", db_col_text(st, 9));
	t->created_by = db_col_int(st, 10);
	t->decided_by = db_col_int(st, 11);
	t->created_at = db_col_int(st, 12);
	t->updated_at = db_col_int(st, 13);
}

int store_transfer_insert(struct db *db, struct transfer *t, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO transfers (volunteer_id, from_organisation, "
	                   "to_organisation, status, initiator, message, shared_parts, consent_at, "
	                   "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	                   "?) RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, t->volunteer_id);
	db_bind_int(st, 2, t->from_organisation);
	db_bind_int(st, 3, t->to_organisation);
	db_bind_text(st, 4, transfer_status_name(t->status));
	db_bind_text(st, 5, t->by_volunteer ? "volunteer" : "coordinator");
	db_bind_text(st, 6, t->message);
	db_bind_int(st, 7, t->shared_parts);
	db_bind_ref(st, 8, t->consent_at);
	db_bind_ref(st, 9, t->created_by);
	db_bind_int(st, 10, t->created_at);
	db_bind_int(st, 11, t->updated_at);
	int rc = db_query_int(st, &t->id, err);
	db_finalize(st);
	return rc;
}

int store_transfer_get(struct db *db, int64_t id, struct transfer *t, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, SELECT_TRANSFER " WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_transfer(st, t);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "id") : KP_OK;
}

int store_transfer_update(struct db *db, const struct transfer *t, int from,
                          struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE transfers SET status = ?, shared_parts = ?, consent_at = ?, "
	                   "decision_note = ?, decided_by = ?, updated_at = ? "
	                   "WHERE id = ? AND status = ? RETURNING id", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, transfer_status_name(t->status));
	db_bind_int(st, 2, t->shared_parts);
	db_bind_ref(st, 3, t->consent_at);
	db_bind_text(st, 4, t->decision_note);
	db_bind_ref(st, 5, t->decided_by);
	db_bind_int(st, 6, t->updated_at);
	db_bind_int(st, 7, t->id);
	db_bind_text(st, 8, transfer_status_name(from));
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	if (rc && err && err->kind == KP_NOT_FOUND)
		kp_fail(err, KP_CONFLICT, "changed_meanwhile", "action");
	return rc;
}

struct transfer_walk {
	transfer_fn each;
	void *ctx;
	struct transfer *row;  /* one buffer for every row: the struct is large */
};

static int transfer_row(void *arg, struct db_stmt *st)
{
	struct transfer_walk *w = arg;
	read_transfer(st, w->row);
	return w->each(w->ctx, w->row);
}

int store_transfer_list(struct db *db, int64_t organisation_id, int64_t volunteer_id,
                        int status, struct page pg, transfer_fn each, void *ctx,
                        int64_t *total, struct kp_error *err)
{
	struct query q;
	int rc = 0;
	query_init(&q);
	if (organisation_id)
		rc |= query_and_int2(&q, "(from_organisation = ? OR (to_organisation = ? AND "
		                         "status IN ('offered', 'accepted', 'declined')))",
		                     organisation_id, organisation_id);
	if (volunteer_id)
		rc |= query_and_int(&q, "volunteer_id = ?", volunteer_id);
	if (status >= 0)
		rc |= query_and_text(&q, "status = ?", transfer_status_name(status));
	struct transfer_walk w = { each, ctx, malloc(sizeof *w.row) };
	rc = rc != 0 || w.row == NULL
	             ? kp_internal(err)
	             : query_list(db, "transfers", SELECT_TRANSFER, &q, "updated_at DESC, id DESC",
	                          pg, transfer_row, &w, total, err);
	free(w.row);
	query_free(&q);
	return rc;
}
