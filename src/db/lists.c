/* The shared-list store: one table, list_items, for every kind of list. */
#include <stdio.h>
#include <string.h>

#include "db/store.h"
#include "model/default_lists.h"

#define SELECT_ITEM "SELECT id, kind, code, label_nl, label_en, active, position FROM list_items"

static void read_item(struct db_stmt *st, struct list_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = db_col_int(st, 0);
	it->kind = list_kind_parse(db_col_text(st, 1));
	snprintf(it->code, sizeof it->code, "%s", db_col_text(st, 2));
	snprintf(it->label_nl, sizeof it->label_nl, "%s", db_col_text(st, 3));
	snprintf(it->label_en, sizeof it->label_en, "%s", db_col_text(st, 4));
	it->active = (int)db_col_int(st, 5);
	it->position = (int)db_col_int(st, 6);
}

int store_list_item_insert(struct db *db, struct list_item *it, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO list_items (kind, code, label_nl, label_en, active, "
	                   "position) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, list_kind_name(it->kind));
	db_bind_text(st, 2, it->code);
	db_bind_text(st, 3, it->label_nl);
	db_bind_text(st, 4, it->label_en);
	db_bind_int(st, 5, it->active);
	db_bind_int(st, 6, it->position);
	int rc = db_query_int(st, &it->id, err);
	db_finalize(st);
	if (rc && err && err->kind == KP_CONFLICT)
		kp_fail(err, KP_CONFLICT, "duplicate", "code");
	return rc;
}

int store_list_item_update(struct db *db, const struct list_item *it, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE list_items SET label_nl = ?, label_en = ?, active = ?, "
	                   "position = ? WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, it->label_nl);
	db_bind_text(st, 2, it->label_en);
	db_bind_int(st, 3, it->active);
	db_bind_int(st, 4, it->position);
	db_bind_int(st, 5, it->id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_list_item_get(struct db *db, int64_t id, struct list_item *it, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, SELECT_ITEM " WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_item(st, it);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "id") : KP_OK;
}

int store_list_item_find(struct db *db, int kind, const char *code, const char *field,
                         int64_t *id, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id FROM list_items WHERE kind = ? AND code = ? AND active = 1",
	               &st, err))
		return KP_ERR;
	db_bind_text(st, 1, list_kind_name(kind));
	db_bind_text(st, 2, code);
	int rc = db_query_int(st, id, err);
	db_finalize(st);
	if (rc && err && err->kind == KP_NOT_FOUND)
		kp_fail_detail(err, KP_INVALID, "unknown_item", field, "%s", code);
	return rc;
}

int store_list_items(struct db *db, int kind, bool include_inactive, list_item_fn each,
                     void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	static const char *const sql[2][2] = {
		{ SELECT_ITEM " WHERE kind = ? AND active = 1 ORDER BY position, id",
		  SELECT_ITEM " WHERE kind = ? ORDER BY position, id" },
		{ SELECT_ITEM " WHERE active = 1 ORDER BY kind, position, id",
		  SELECT_ITEM " ORDER BY kind, position, id" },
	};
	if (db_prepare(db, sql[kind < 0][include_inactive], &st, err))
		return KP_ERR;
	if (kind >= 0)
		db_bind_text(st, 1, list_kind_name(kind));
	struct list_item it;
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		read_item(st, &it);
		if (each(ctx, &it) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_lists_seed_defaults(struct db *db, struct kp_error *err)
{
	struct db_stmt *st;
	int64_t n;
	if (db_prepare(db, "SELECT COUNT(*) FROM list_items", &st, err))
		return KP_ERR;
	int rc = db_query_int(st, &n, err);
	db_finalize(st);
	if (rc || n > 0)
		return rc;
	for (int i = 0; i < default_item_count; i++) {
		const struct default_item *d = &default_items[i];
		struct list_item it = { .kind = d->kind, .active = 1, .position = i };
		snprintf(it.code, sizeof it.code, "%s", d->code);
		snprintf(it.label_nl, sizeof it.label_nl, "%s", d->label_nl);
		snprintf(it.label_en, sizeof it.label_en, "%s", d->label_en);
		if (store_list_item_insert(db, &it, err))
			return KP_ERR;
	}
	return KP_OK;
}
