#include "db/query.h"

#include "db/store.h"

#include <stdio.h>
#include <string.h>

void query_init(struct query *q)
{
	memset(q, 0, sizeof *q);
	buf_init(&q->where, 4096);
}

void query_free(struct query *q)
{
	buf_free(&q->where);
}

int query_and(struct query *q, const char *cond)
{
	return buf_printf(&q->where, "%s%s", q->where.len ? " AND " : " WHERE ", cond);
}

int query_and_int(struct query *q, const char *cond, int64_t v)
{
	if (q->n_args == QUERY_ARGS_MAX || query_and(q, cond) != 0)
		return -1;
	q->args[q->n_args].is_text = 0;
	q->args[q->n_args++].i = v;
	return 0;
}

int query_and_int2(struct query *q, const char *cond, int64_t a, int64_t b)
{
	if (q->n_args + 2 > QUERY_ARGS_MAX || query_and(q, cond) != 0)
		return -1;
	q->args[q->n_args].is_text = 0;
	q->args[q->n_args++].i = a;
	q->args[q->n_args].is_text = 0;
	q->args[q->n_args++].i = b;
	return 0;
}

int query_and_text(struct query *q, const char *cond, const char *s)
{
	if (q->n_args == QUERY_ARGS_MAX || query_and(q, cond) != 0)
		return -1;
	q->args[q->n_args].is_text = 1;
	q->args[q->n_args++].s = s;
	return 0;
}

int query_and_text_n(struct query *q, const char *cond, const char *s, int n)
{
	if (q->n_args + n > QUERY_ARGS_MAX || query_and(q, cond) != 0)
		return -1;
	for (int i = 0; i < n; i++) {
		q->args[q->n_args].is_text = 1;
		q->args[q->n_args++].s = s;
	}
	return 0;
}

int query_and_text2(struct query *q, const char *cond, const char *a, const char *b)
{
	if (q->n_args + 2 > QUERY_ARGS_MAX || query_and(q, cond) != 0)
		return -1;
	q->args[q->n_args].is_text = 1;
	q->args[q->n_args++].s = a;
	q->args[q->n_args].is_text = 1;
	q->args[q->n_args++].s = b;
	return 0;
}

int query_like_pattern(const char *text, char *pattern, size_t cap)
{
	size_t n = 0;
	if (cap < 3)
		return -1;
	pattern[n++] = '%';
	for (const char *p = text; *p; p++) {
		if (n + 4 > cap)
			return -1;
		if (*p == '%' || *p == '_' || *p == '\\')
			pattern[n++] = '\\';
		pattern[n++] = *p;
	}
	pattern[n++] = '%';
	pattern[n] = '\0';
	return 0;
}

int query_bind(const struct query *q, struct db_stmt *st)
{
	for (int i = 0; i < q->n_args; i++) {
		if (q->args[i].is_text)
			db_bind_text(st, i + 1, q->args[i].s);
		else
			db_bind_int(st, i + 1, q->args[i].i);
	}
	return q->n_args + 1;
}

int query_count(struct db *db, const char *from, const struct query *q, int64_t *total,
                struct kp_error *err)
{
	char sql[8192];
	int n = snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s%s", from,
	                 q->where.data ? q->where.data : "");
	if (n < 0 || (size_t)n >= sizeof sql)
		return kp_internal(err);
	struct db_stmt *st;
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	query_bind(q, st);
	int rc = db_query_int(st, total, err);
	db_finalize(st);
	return rc;
}

int query_page(struct db *db, const char *select, const struct query *q, const char *order,
               int limit, int offset, struct db_stmt **out, struct kp_error *err)
{
	char sql[8192];
	int n = snprintf(sql, sizeof sql, "%s%s ORDER BY %s LIMIT ? OFFSET ?", select,
	                 q->where.data ? q->where.data : "", order);
	if (n < 0 || (size_t)n >= sizeof sql)
		return kp_internal(err);
	if (db_prepare(db, sql, out, err))
		return KP_ERR;
	int i = query_bind(q, *out);
	db_bind_int(*out, i, limit);
	db_bind_int(*out, i + 1, offset);
	return KP_OK;
}

void list_filter_init(struct list_filter *f)
{
	memset(f, 0, sizeof *f);
	f->status = -1;
}

/* Steps st to the end, calling row for each row; finalises st. */
static int walk_rows(struct db_stmt *st, query_row_fn row, void *ctx, struct kp_error *err)
{
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (row(ctx, st) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int query_each(struct db *db, const char *sql, int64_t id, query_row_fn row, void *ctx,
               struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	if (id > 0)
		db_bind_int(st, 1, id);
	return walk_rows(st, row, ctx, err);
}

/* dst = src (the arguments' texts stay borrowed). */
static int query_copy(struct query *dst, const struct query *src)
{
	query_init(dst);
	memcpy(dst->args, src->args, sizeof dst->args);
	dst->n_args = src->n_args;
	return src->where.len ? buf_appends(&dst->where, src->where.data) : 0;
}

#define ORDER_TERMS_MAX 4

/* A list's order, "col [DESC], …, id [DESC]", in its columns. */
struct order {
	char col[ORDER_TERMS_MAX][64];
	bool desc[ORDER_TERMS_MAX];
	int n;                        /* col[n - 1] is the row's id */
};

static int parse_order(const char *text, struct order *o)
{
	o->n = 0;
	for (const char *p = text; *p && o->n < ORDER_TERMS_MAX; o->n++) {
		size_t len = strcspn(p, ","), name = strcspn(p, " ,");
		if (name >= sizeof o->col[0])
			return -1;
		memcpy(o->col[o->n], p, name);
		o->col[o->n][name] = '\0';
		o->desc[o->n] = len - name > 4 && strncmp(p + name, " DESC", 5) == 0;
		p += len;
		p += strspn(p, ", ");
	}
	return o->n > 0 ? 0 : -1;
}

/* Adds to q the rows after row `after` in order o: for each column k, the
   rows equal to it in the columns before k and beyond it in column k. The
   row's values are read by a subquery over the same tables, so they never
   leave the database; the last column is the id itself. */
static int after_row(struct query *q, const char *from, const struct order *o, int64_t after)
{
	struct buf *w = &q->where;
	int n = o->n, rc = buf_appends(w, q->where.len ? " AND (" : " WHERE (");
	for (int k = 0; k < n && rc == 0; k++) {
		rc |= buf_appends(w, k ? " OR (" : "(");
		for (int i = 0; i <= k && rc == 0; i++) {
			const char *op = i < k ? "=" : o->desc[i] ? "<" : ">";
			if (q->n_args == QUERY_ARGS_MAX)
				return -1;
			q->args[q->n_args].is_text = 0;
			q->args[q->n_args++].i = after;
			if (i == n - 1)
				rc |= buf_printf(w, "%s%s %s ?", i ? " AND " : "", o->col[i], op);
			else
				rc |= buf_printf(w, "%s%s %s (SELECT %s FROM %s WHERE %s = ?)", i ? " AND " : "",
				                 o->col[i], op, o->col[i], from, o->col[n - 1]);
		}
		rc |= buf_appends(w, ")");
	}
	return rc | buf_appends(w, ")");
}

int query_list(struct db *db, const char *from, const char *select, const struct query *q,
               const char *order, struct page pg, query_row_fn row, void *ctx,
               int64_t *total, struct kp_error *err)
{
	struct db_stmt *st = NULL;
	if (query_count(db, from, q, total, err))
		return KP_ERR;
	if (pg.after <= 0) {
		if (query_page(db, select, q, order, pg.limit, pg.offset, &st, err))
			return KP_ERR;
		return walk_rows(st, row, ctx, err);
	}
	/* The row to start after, among the list's own rows. */
	struct order o;
	struct query k;
	char id_is[80];
	int64_t found = 0;
	if (parse_order(order, &o) != 0)
		return kp_internal(err);
	snprintf(id_is, sizeof id_is, "%s = ?", o.col[o.n - 1]);
	int rc = query_copy(&k, q) || query_and_int(&k, id_is, pg.after) ? kp_internal(err) : KP_OK;
	if (rc == KP_OK)
		rc = query_count(db, from, &k, &found, err);
	if (rc == KP_OK && found == 0)
		rc = kp_invalid(err, "after", "unknown_reference");
	query_free(&k);
	if (rc == KP_OK)
		rc = query_copy(&k, q) || after_row(&k, from, &o, pg.after) ? kp_internal(err)
		                                                            : KP_OK;
	if (rc == KP_OK)
		rc = query_page(db, select, &k, order, pg.limit, 0, &st, err);
	query_free(&k);
	return rc == KP_OK ? walk_rows(st, row, ctx, err) : KP_ERR;
}

int query_placeholders(struct buf *sql, int n)
{
	int rc = buf_appends(sql, "(?");
	for (int i = 1; i < n && rc == 0; i++)
		rc = buf_appends(sql, ", ?");
	return rc != 0 ? rc : buf_appends(sql, ")");
}

int query_rows_where(struct db *db, const char *select, const struct query *q,
                     const int64_t *ids, int n, query_id_row_fn row, void *ctx, bool *found,
                     struct kp_error *err)
{
	bool seen[PAGE_MAX] = { false };
	struct buf sql;
	struct db_stmt *st = NULL;
	if (n == 0)
		return KP_OK;
	if (n < 0 || n > PAGE_MAX)
		return kp_internal(err);
	buf_init(&sql, 65536);
	const char *where = q != NULL ? q->where.data : NULL;
	bool filtered = where != NULL && where[0] != '\0';
	int rc = buf_appends(&sql, select) != 0 || (filtered && buf_appends(&sql, where) != 0) ||
	                 buf_appends(&sql, filtered ? " AND id IN " : " WHERE id IN ") != 0 ||
	                 query_placeholders(&sql, n) != 0
	                 ? kp_internal(err)
	                 : db_prepare(db, sql.data, &st, err);
	buf_free(&sql);
	if (rc)
		return KP_ERR;
	int next = q != NULL ? query_bind(q, st) : 1;
	for (int i = 0; i < n; i++)
		db_bind_int(st, next + i, ids[i]);
	while ((rc = db_step(st, err)) == DB_ROW) {
		int64_t id = db_col_int(st, 0);
		for (int i = 0; i < n; i++)
			if (ids[i] == id && !seen[i]) {
				row(ctx, st, i);
				seen[i] = true;
				break;
			}
	}
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	for (int i = 0; i < n; i++) {
		if (found != NULL)
			found[i] = seen[i];
		else if (!seen[i])
			return kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	}
	return KP_OK;
}

int query_exec_id(struct db *db, const char *sql, int64_t id, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int query_ids(struct db *db, const char *sql, int64_t bound, int64_t *ids, int cap, int *n,
              struct kp_error *err)
{
	struct db_stmt *st;
	*n = 0;
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	db_bind_int(st, 1, bound);
	db_bind_int(st, 2, cap);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW && *n < cap)
		ids[(*n)++] = db_col_int(st, 0);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
