#include "db/items.h"

#include <stdio.h>

int items_load(struct db *db, const char *table, const char *owner, int64_t owner_id,
               struct id_set sets[LIST_KIND_COUNT], struct kp_error *err)
{
	char sql[256];
	snprintf(sql, sizeof sql,
	         "SELECT l.id, l.kind FROM %s t JOIN list_items l ON l.id = t.item_id "
	         "WHERE t.%s = ? ORDER BY l.position, l.id", table, owner);
	struct db_stmt *st;
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	db_bind_int(st, 1, owner_id);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		int kind = list_kind_parse(db_col_text(st, 1));
		if (kind >= 0)
			(void)id_set_add(&sets[kind], db_col_int(st, 0));
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int items_replace(struct db *db, const char *table, const char *owner, int64_t owner_id,
                  const struct id_set *sets, const int *kinds, int n_kinds,
                  struct kp_error *err)
{
	char sql[256];
	struct db_stmt *st;
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE %s = ?", table, owner);
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	db_bind_int(st, 1, owner_id);
	int rc = db_step(st, err);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;

	snprintf(sql, sizeof sql, "INSERT INTO %s (%s, item_id) VALUES (?, ?)", table, owner);
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	for (int k = 0; k < n_kinds; k++) {
		const struct id_set *s = &sets[kinds[k]];
		for (int i = 0; i < s->n; i++) {
			db_reset(st);
			db_bind_int(st, 1, owner_id);
			db_bind_int(st, 2, s->ids[i]);
			if (db_step(st, err) == DB_FAILED) {
				db_finalize(st);
				return KP_ERR;
			}
		}
	}
	db_finalize(st);
	return KP_OK;
}
