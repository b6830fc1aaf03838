#include "db/items.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "util/buf.h"

static int by_id(const void *a, const void *b)
{
	int64_t x = ((const struct items_owner *)a)->id, y = ((const struct items_owner *)b)->id;
	return (x > y) - (x < y);
}

/* "SELECT owner, item, kind, position … WHERE t.<owner> IN (?, ?, …)" with n
   placeholders, for each of tables[0..n_tables) joined by UNION ALL. No
   ORDER BY: SQLite would sort through a temporary b-tree with an allocation
   per row; load_page sorts the few rows itself. */
static int page_sql(struct buf *sql, const char *const *tables, int n_tables, const char *owner,
                    int n)
{
	int rc = 0;
	/* Pieces appended rather than formatted: a record view builds this for
	   every request. */
	for (int k = 0; k < n_tables && rc == 0; k++)
		rc = buf_appends(sql, k > 0 ? " UNION ALL SELECT t." : "SELECT t.") ||
		     buf_appends(sql, owner) ||
		     buf_appends(sql, ", l.id, l.kind, l.position FROM ") ||
		     buf_appends(sql, tables[k]) ||
		     buf_appends(sql, " t JOIN list_items l ON l.id = t.item_id WHERE t.") ||
		     buf_appends(sql, owner) || buf_appends(sql, " IN ") ||
		     query_placeholders(sql, n);
	return rc;
}

/* One linked item as read, until the rows are in the lists' order. */
struct item_row {
	int64_t position, item;
	struct items_owner *owner;
	int kind;
};

static int by_position(const void *a, const void *b)
{
	const struct item_row *x = a, *y = b;
	if (x->position != y->position)
		return (x->position > y->position) - (x->position < y->position);
	return (x->item > y->item) - (x->item < y->item);
}

/* Appends the current row to *rows (growing it); -1 when out of memory. */
static int read_item(struct db_stmt *st, struct items_owner *owners, int n,
                     struct item_row **rows, size_t *len, size_t *cap)
{
	struct items_owner key = { .id = db_col_int(st, 0) };
	struct items_owner *o = bsearch(&key, owners, (size_t)n, sizeof *owners, by_id);
	int kind = list_kind_parse(db_col_text(st, 2));
	if (o == NULL || kind < 0)
		return 0;
	if (*len == *cap) {
		size_t want = *cap == 0 ? 256 : *cap * 2;
		struct item_row *grown = realloc(*rows, want * sizeof *grown);
		if (grown == NULL)
			return -1;
		*rows = grown;
		*cap = want;
	}
	(*rows)[(*len)++] = (struct item_row){ .position = db_col_int(st, 3),
		                               .item = db_col_int(st, 1),
		                               .owner = o,
		                               .kind = kind };
	return 0;
}

/* The items of owners[0..n) in each of tables[0..n_tables), one statement. */
static int load_page(struct db *db, const char *const *tables, int n_tables, const char *owner,
                     struct items_owner *owners, int n, struct kp_error *err)
{
	if (n == 0)
		return KP_OK;
	if (n < 0 || n > ITEMS_OWNERS_MAX)
		return kp_internal(err);
	qsort(owners, (size_t)n, sizeof *owners, by_id);
	struct buf sql;
	struct db_stmt *st = NULL;
	buf_init(&sql, 4096);
	int rc = page_sql(&sql, tables, n_tables, owner, n) != 0
	                 ? kp_internal(err)
	                 : db_prepare(db, sql.data, &st, err);
	buf_free(&sql);
	if (rc)
		return KP_ERR;
	for (int k = 0; k < n_tables; k++)
		for (int i = 0; i < n; i++)
			db_bind_int(st, k * n + i + 1, owners[i].id);
	struct item_row *rows = NULL;
	size_t len = 0, cap = 0;
	bool full = false;
	while (!full && (rc = db_step(st, err)) == DB_ROW)
		full = read_item(st, owners, n, &rows, &len, &cap) != 0;
	db_finalize(st);
	if (!full && rc != DB_FAILED && len > 0) {
		qsort(rows, len, sizeof *rows, by_position);
		for (size_t i = 0; i < len; i++)
			(void)id_set_add(&rows[i].owner->sets[rows[i].kind], rows[i].item);
	}
	free(rows);
	if (full)
		return kp_internal(err);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int items_load_page(struct db *db, const char *table, const char *owner,
                    struct items_owner *owners, int n, struct kp_error *err)
{
	return load_page(db, &table, 1, owner, owners, n, err);
}

int items_load(struct db *db, const char *table, const char *owner, int64_t owner_id,
               struct id_set sets[LIST_KIND_COUNT], struct kp_error *err)
{
	struct items_owner one = { owner_id, sets };
	return items_load_page(db, table, owner, &one, 1, err);
}

int items_load_with(struct db *db, const char *table, const char *also, const char *owner,
                    int64_t owner_id, struct id_set sets[LIST_KIND_COUNT], struct kp_error *err)
{
	const char *const tables[] = { table, also };
	struct items_owner one = { owner_id, sets };
	return load_page(db, tables, 2, owner, &one, 1, err);
}

int items_page_init(struct items_page *p, int limit, size_t size,
                    struct items_owner (*read)(struct db_stmt *st, void *row))
{
	memset(p, 0, sizeof *p);
	if (limit < 1 || limit > ITEMS_OWNERS_MAX)
		return -1;
	p->rows = malloc((size_t)limit * size);
	p->size = size;
	p->cap = limit;
	p->read = read;
	return p->rows == NULL ? -1 : 0;
}

void items_page_free(struct items_page *p)
{
	free(p->rows);
	p->rows = NULL;
}

int items_page_row(void *page, struct db_stmt *st)
{
	struct items_page *p = page;
	if (p->n == p->cap)
		return -1;
	p->owners[p->n] = p->read(st, items_page_at(p, p->n));
	p->n++;
	return 0;
}

void *items_page_at(struct items_page *p, int i)
{
	return p->rows + (size_t)i * p->size;
}

/* Where query_rows_where puts each row of items_rows_where. */
struct rows_where {
	char *rows;
	size_t size;
	struct items_owner (*read)(struct db_stmt *st, void *row);
	struct items_owner owners[ITEMS_OWNERS_MAX];
};

static void read_row(void *ctx, struct db_stmt *st, int i)
{
	struct rows_where *x = ctx;
	x->owners[i] = x->read(st, x->rows + (size_t)i * x->size);
}

int items_rows_where(struct db *db, const char *select, const struct query *q,
                     const char *table, const char *owner, const int64_t *ids, int n,
                     void *rows, size_t size,
                     struct items_owner (*read)(struct db_stmt *st, void *row), bool *found,
                     struct kp_error *err)
{
	struct rows_where x = { .rows = rows, .size = size, .read = read };
	int n_found = 0;
	if (n > ITEMS_OWNERS_MAX)
		return kp_internal(err);
	if (query_rows_where(db, select, q, ids, n, read_row, &x, found, err))
		return KP_ERR;
	for (int i = 0; i < n; i++) /* every one was found when found is NULL */
		if (found == NULL || found[i])
			x.owners[n_found++] = x.owners[i];
	return items_load_page(db, table, owner, x.owners, n_found, err);
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
	return items_insert(db, table, owner, owner_id, sets, kinds, n_kinds, err);
}

int items_insert(struct db *db, const char *table, const char *owner, int64_t owner_id,
                 const struct id_set *sets, const int *kinds, int n_kinds, struct kp_error *err)
{
	char sql[256];
	struct db_stmt *st;
	int n = 0;
	for (int k = 0; k < n_kinds; k++)
		n += sets[kinds[k]].n;
	if (n == 0)
		return KP_OK;
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
