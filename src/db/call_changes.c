/* The history of calls: one row per posting or edit (store.h). */
#include <stdio.h>

#include "db/query.h"
#include "db/store.h"

int store_call_change_insert(struct db *db, const struct call_change *c, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO call_changes (call_id, version, fields, status, actor_id, "
	                   "at) VALUES (?, ?, ?, ?, ?, ?)", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, c->call_id);
	db_bind_int(st, 2, c->version);
	db_bind_text(st, 3, c->fields);
	db_bind_text(st, 4, c->status >= 0 ? call_status_name(c->status) : NULL);
	db_bind_ref(st, 5, c->actor_id);
	db_bind_int(st, 6, c->at);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

struct change_walk {
	call_change_fn each;
	void *ctx;
};

static int change_row(void *arg, struct db_stmt *st)
{
	struct change_walk *w = arg;
	struct call_change c = { .call_id = db_col_int(st, 0), .version = db_col_int(st, 1) };
	snprintf(c.fields, sizeof c.fields, "%s", db_col_text(st, 2));
	c.status = db_col_is_null(st, 3) ? -1 : call_status_parse(db_col_text(st, 3));
	c.actor_id = db_col_int(st, 4);
	snprintf(c.actor_name, sizeof c.actor_name, "%s", db_col_text(st, 5));
	c.at = db_col_int(st, 6);
	return w->each(w->ctx, &c);
}

int store_call_changes(struct db *db, int64_t call_id, call_change_fn each, void *ctx,
                       struct kp_error *err)
{
	struct change_walk w = { each, ctx };
	return query_each(db, "SELECT h.call_id, h.version, h.fields, h.status, h.actor_id, "
	                      "COALESCE(a.display_name, ''), h.at FROM call_changes h "
	                      "LEFT JOIN accounts a ON a.id = h.actor_id "
	                      "WHERE h.call_id = ? ORDER BY h.version DESC, h.id DESC",
	                  call_id, change_row, &w, err);
}
