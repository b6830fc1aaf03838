/* Field versions: which version of a record last changed each field. */
#include "db/store.h"

int store_fields_changed_since(struct db *db, const struct field_table *t, int64_t id,
                               int64_t since, uint64_t *mask, struct kp_error *err)
{
	struct db_stmt *st;
	*mask = 0;
	if (db_prepare(db, "SELECT field FROM field_versions WHERE record = ? AND record_id = ? "
	                   "AND version > ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, t->record);
	db_bind_int(st, 2, id);
	db_bind_int(st, 3, since);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW)
		*mask |= field_bit(t, db_col_text(st, 0));
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_fields_touch(struct db *db, const struct field_table *t, int64_t id, int64_t version,
                       uint64_t mask, struct kp_error *err)
{
	struct db_stmt *st;
	if (mask == 0)
		return KP_OK;
	if (db_prepare(db, "INSERT INTO field_versions (record, record_id, field, version) "
	                   "VALUES (?, ?, ?, ?) ON CONFLICT (record, record_id, field) "
	                   "DO UPDATE SET version = excluded.version", &st, err))
		return KP_ERR;
	int rc = DB_DONE;
	for (int i = 0; i < t->n && rc == DB_DONE; i++) {
		if (!(mask & (UINT64_C(1) << i)))
			continue;
		db_reset(st);
		db_bind_text(st, 1, t->record);
		db_bind_int(st, 2, id);
		db_bind_text(st, 3, t->defs[i].name);
		db_bind_int(st, 4, version);
		rc = db_step(st, err);
	}
	db_finalize(st);
	return rc == DB_DONE ? KP_OK : KP_ERR;
}
