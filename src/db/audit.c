/*
 * The audit log store. There is deliberately no update or delete here: the
 * application can only append, and reads join the actor's current name.
 */
#include <stdio.h>
#include <string.h>

#include "db/query.h"
#include "db/store.h"

#define AUDIT_INSERT "INSERT INTO audit_log (at, account_id, role, organisation_id, action, " \
                     "resource, volunteer_id, record_id, reason) VALUES "
#define AUDIT_ROW "(?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define AUDIT_CHUNK 32   /* rows per statement when appending many */

static void bind_entry(struct db_stmt *st, int at, const struct audit_entry *e)
{
	db_bind_int(st, at + 1, e->at);
	db_bind_ref(st, at + 2, e->account_id);
	db_bind_text(st, at + 3, role_name(e->role));
	db_bind_ref(st, at + 4, e->organisation_id);
	db_bind_text(st, at + 5, e->action);
	db_bind_text(st, at + 6, e->resource);
	db_bind_ref(st, at + 7, e->volunteer_id);
	db_bind_ref(st, at + 8, e->record_id);
	db_bind_text(st, at + 9, e->reason);
}

/* Appends e[0..n) in one statement (n <= AUDIT_CHUNK). */
static int append_rows(struct db *db, const struct audit_entry *e, int n, struct kp_error *err)
{
	/* Statements of 1 and of AUDIT_CHUNK rows are the ones that repeat, and
	   stay in the statement cache. */
	char text[sizeof AUDIT_INSERT + AUDIT_CHUNK * (sizeof AUDIT_ROW + 1)];
	size_t o = (size_t)snprintf(text, sizeof text, "%s", AUDIT_INSERT);
	for (int i = 0; i < n; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "%s%s", i ? "," : "", AUDIT_ROW);
	struct db_stmt *st;
	if (db_prepare(db, text, &st, err))
		return KP_ERR;
	for (int i = 0; i < n; i++)
		bind_entry(st, i * 9, &e[i]);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_audit_append(struct db *db, const struct audit_entry *e, struct kp_error *err)
{
	return append_rows(db, e, 1, err);
}

int store_audit_append_all(struct db *db, const struct audit_entry *e, int n,
                           struct kp_error *err)
{
	for (int i = 0; i < n; i += AUDIT_CHUNK)
		if (append_rows(db, e + i, n - i < AUDIT_CHUNK ? n - i : AUDIT_CHUNK, err))
			return KP_ERR;
	return KP_OK;
}

static int build_filter(struct query *q, const struct audit_filter *f)
{
	int rc = 0;
	if (f->account_id)
		rc |= query_and_int(q, "l.account_id = ?", f->account_id);
	if (f->volunteer_id)
		rc |= query_and_int(q, "l.volunteer_id = ?", f->volunteer_id);
	if (f->from)
		rc |= query_and_int(q, "l.at >= ?", f->from);
	if (f->to)
		rc |= query_and_int(q, "l.at < ?", f->to);
	if (f->action)
		rc |= query_and_text(q, "l.action = ?", f->action);
	if (f->not_account)
		rc |= query_and_int(q, "(l.account_id IS NULL OR l.account_id <> ?)", f->not_account);
	return rc;
}

static void read_entry(struct db_stmt *st, struct audit_entry *e)
{
	int i = 0;
	memset(e, 0, sizeof *e);
	e->id = db_col_int(st, i++);
	e->at = db_col_int(st, i++);
	e->account_id = db_col_int(st, i++);
	/* The system (retention, the command line) acts as nobody in particular. */
	int role = role_parse(db_col_text(st, i++));
	e->role = role < 0 ? ROLE_ANONYMOUS : role;
	e->organisation_id = db_col_int(st, i++);
	snprintf(e->action, sizeof e->action, "%s", db_col_text(st, i++));
	snprintf(e->resource, sizeof e->resource, "%s", db_col_text(st, i++));
	e->volunteer_id = db_col_int(st, i++);
	e->record_id = db_col_int(st, i++);
	snprintf(e->reason, sizeof e->reason, "%s", db_col_text(st, i++));
	snprintf(e->actor_name, sizeof e->actor_name, "%s", db_col_text(st, i++));
	e->count = db_col_int(st, i++);
}

#define WHERE_OF(q) ((q)->where.data ? (q)->where.data : "")
#define AUDIT_FROM "FROM audit_log l LEFT JOIN accounts a ON a.id = l.account_id"
#define AUDIT_DAY "(l.at / 86400) * 86400"
#define AUDIT_GROUP \
	" GROUP BY l.account_id, l.role, l.organisation_id, l.action, l.resource, " \
	"l.volunteer_id, l.reason, " AUDIT_DAY ", a.display_name"

/* The statement of one page: entries, or groups of them per day. */
static int audit_page(struct db *db, const struct audit_filter *f, const struct query *q,
                      struct page pg, struct db_stmt **st, struct kp_error *err)
{
	char sql[1024];
	if (!f->by_day)
		return query_page(db, "SELECT l.id, l.at, l.account_id, l.role, l.organisation_id, "
		                      "l.action, l.resource, l.volunteer_id, l.record_id, l.reason, "
		                      "COALESCE(a.display_name, ''), 0 " AUDIT_FROM,
		                  q, "l.at DESC, l.id DESC", pg.limit, pg.offset, st, err);
	snprintf(sql, sizeof sql, "SELECT 0, " AUDIT_DAY ", l.account_id, l.role, "
	         "l.organisation_id, l.action, l.resource, l.volunteer_id, 0, l.reason, "
	         "COALESCE(a.display_name, ''), COUNT(*) " AUDIT_FROM "%s" AUDIT_GROUP
	         " ORDER BY 2 DESC, l.account_id, l.action, l.resource LIMIT ? OFFSET ?",
	         WHERE_OF(q));
	if (db_prepare(db, sql, st, err))
		return KP_ERR;
	int i = query_bind(q, *st);
	db_bind_int(*st, i, pg.limit);
	db_bind_int(*st, i + 1, pg.offset);
	return KP_OK;
}

/* Counts the entries, or the groups (their arguments inside the derived table). */
static int audit_count(struct db *db, const struct audit_filter *f, const struct query *q,
                       int64_t *total, struct kp_error *err)
{
	char sql[1024];
	struct db_stmt *st;
	if (!f->by_day)
		return query_count(db, "audit_log l", q, total, err);
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM (SELECT 1 AS one " AUDIT_FROM "%s"
	         AUDIT_GROUP ") g", WHERE_OF(q));
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	query_bind(q, st);
	int rc = db_query_int(st, total, err) ? KP_ERR : KP_OK;
	db_finalize(st);
	return rc;
}

int store_audit_list(struct db *db, const struct audit_filter *f, struct page pg, audit_fn each,
                     void *ctx, int64_t *total, struct kp_error *err)
{
	struct query q;
	struct db_stmt *st = NULL;
	int ret = KP_ERR;
	query_init(&q);
	if (pg.after > 0) { /* the log pages by position only */
		kp_invalid(err, "after", "unknown_field");
		goto end;
	}
	if (build_filter(&q, f) != 0) {
		kp_internal(err);
		goto end;
	}
	if (audit_count(db, f, &q, total, err) || audit_page(db, f, &q, pg, &st, err))
		goto end;
	struct audit_entry e;
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		read_entry(st, &e);
		if (each(ctx, &e) != 0) {
			kp_internal(err);
			goto end;
		}
	}
	ret = rc == DB_FAILED ? KP_ERR : KP_OK;
end:
	db_finalize(st);
	query_free(&q);
	return ret;
}
