/* A coordinator's notes and contact log about a volunteer (store.h). */
#include <stdio.h>

#include "db/query.h"
#include "db/store.h"

int store_note_insert(struct db *db, struct volunteer_note *n, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO volunteer_notes (volunteer_id, organisation_id, kind, "
	                   "channel, happened_on, body, created_by, created_at) "
	                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, n->volunteer_id);
	db_bind_int(st, 2, n->organisation_id);
	db_bind_text(st, 3, note_kind_name(n->kind));
	db_bind_text(st, 4, note_channel_name(n->channel));
	db_bind_text(st, 5, n->happened_on[0] ? n->happened_on : NULL);
	db_bind_text(st, 6, n->body);
	db_bind_ref(st, 7, n->created_by);
	db_bind_int(st, 8, n->created_at);
	int rc = db_query_int(st, &n->id, err);
	db_finalize(st);
	return rc;
}

struct note_walk {
	note_fn each;
	void *ctx;
};

static int note_row(void *arg, struct db_stmt *st)
{
	struct note_walk *w = arg;
	struct volunteer_note n = { .id = db_col_int(st, 0), .volunteer_id = db_col_int(st, 1),
	                            .organisation_id = db_col_int(st, 2),
	                            .kind = note_kind_parse(db_col_text(st, 3)),
	                            .channel = note_channel_parse(db_col_text(st, 4)),
	                            .created_by = db_col_int(st, 7), .created_at = db_col_int(st, 9) };
	snprintf(n.happened_on, sizeof n.happened_on, "%s", db_col_text(st, 5));
	snprintf(n.body, sizeof n.body, "%s", db_col_text(st, 6));
	snprintf(n.author_name, sizeof n.author_name, "%s", db_col_text(st, 8));
	return w->each(w->ctx, &n);
}

#define SELECT_NOTE                                                                     \
	"SELECT n.id, n.volunteer_id, n.organisation_id, n.kind, n.channel, "               \
	"COALESCE(n.happened_on, ''), n.body, n.created_by, COALESCE(a.display_name, ''), " \
	"n.created_at FROM volunteer_notes n LEFT JOIN accounts a ON a.id = n.created_by "

int store_notes_of(struct db *db, int64_t volunteer_id, int64_t organisation_id, int limit,
                   note_fn each, void *ctx, struct kp_error *err)
{
	struct note_walk w = { each, ctx };
	int64_t total = 0;
	struct query q;
	query_init(&q);
	int rc = query_and_int(&q, "n.volunteer_id = ?", volunteer_id);
	if (organisation_id)
		rc |= query_and_int(&q, "n.organisation_id = ?", organisation_id);
	rc = rc ? kp_internal(err)
	        : query_list(db, "volunteer_notes n", SELECT_NOTE, &q,
	                     "n.created_at DESC, n.id DESC",
	                     (struct page){ .limit = limit }, note_row, &w, &total, err);
	query_free(&q);
	return rc;
}
