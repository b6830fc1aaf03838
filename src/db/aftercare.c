/* The nazorg answers stored on matches ("did it work?"). */
#include <stdio.h>
#include <string.h>

#include "db/store.h"

int store_aftercare_put(struct db *db, const struct aftercare *a, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO match_aftercare (match_id, answer, notes, answered_by, "
	                   "answered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (match_id) DO UPDATE "
	                   "SET answer = excluded.answer, notes = excluded.notes, "
	                   "answered_by = excluded.answered_by, answered_at = excluded.answered_at",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, a->match_id);
	db_bind_text(st, 2, a->answer);
	db_bind_text(st, 3, a->notes);
	db_bind_ref(st, 4, a->answered_by);
	db_bind_int(st, 5, a->answered_at);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_aftercare_get(struct db *db, int64_t match_id, struct aftercare *a,
                        struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT answer, notes, answered_by, answered_at FROM match_aftercare "
	                   "WHERE match_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, match_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		memset(a, 0, sizeof *a);
		a->match_id = match_id;
		snprintf(a->answer, sizeof a->answer, "%s", db_col_text(st, 0));
		snprintf(a->notes, sizeof a->notes, "%s", db_col_text(st, 1));
		a->answered_by = db_col_int(st, 2);
		a->answered_at = db_col_int(st, 3);
	}
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "match_id") : KP_OK;
}
