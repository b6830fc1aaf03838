/* Copying a network between backends with counts and checksums (copy.h). */
#include "db/copy.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "util/buf.h"

#define COPY_NAME_MAX 64
#define COPY_BATCH_ROWS 200   /* rows per INSERT statement */
#define COPY_ROW_TEXT_MAX (16 * 1024 * 1024)

enum col_kind { COL_INT, COL_REAL, COL_TEXT };

struct table_info {
	char name[COPY_NAME_MAX];
	int n_cols;
	char cols[COPY_COLUMNS_MAX][COPY_NAME_MAX];
	int kinds[COPY_COLUMNS_MAX];       /* enum col_kind, from the declared type */
	char id_col[COPY_NAME_MAX];        /* the INTEGER PRIMARY KEY, "" when none */
	int n_parents;
	char parents[COPY_TABLES_MAX][COPY_NAME_MAX]; /* tables its foreign keys name */
};

struct cell {
	bool null;
	int64_t i;
	double d;
	char *s;            /* owned, text columns only */
};

static int kind_of(const char *declared)
{
	char up[64];
	size_t n = 0;
	for (; declared[n] && n + 1 < sizeof up; n++)
		up[n] = (char)(declared[n] >= 'a' && declared[n] <= 'z' ? declared[n] - 32
		                                                          : declared[n]);
	up[n] = '\0';
	if (strstr(up, "INT"))
		return COL_INT;
	if (strstr(up, "REAL") || strstr(up, "DOUB") || strstr(up, "FLOA"))
		return COL_REAL;
	return COL_TEXT;
}

/* Names of ordinary tables, without the migration bookkeeping. */
static int list_tables(struct db *db, struct table_info *t, int *n, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND "
	                   "name NOT LIKE 'sqlite_%' AND name <> 'schema_version' AND "
	                   "sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name", &st, err))
		return KP_ERR;
	int rc;
	*n = 0;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (*n == COPY_TABLES_MAX) {
			rc = DB_FAILED;
			kp_fail_limit(err, KP_INTERNAL, "too_many_tables", "", COPY_TABLES_MAX);
			break;
		}
		memset(&t[*n], 0, sizeof t[*n]);
		snprintf(t[(*n)++].name, COPY_NAME_MAX, "%s", db_col_text(st, 0));
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

static int read_columns(struct db *db, struct table_info *t, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", &st,
	               err))
		return KP_ERR;
	db_bind_text(st, 1, t->name);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (t->n_cols == COPY_COLUMNS_MAX) {
			rc = DB_FAILED;
			kp_fail_limit(err, KP_INTERNAL, "too_many_columns", "", COPY_COLUMNS_MAX);
			break;
		}
		int c = t->n_cols++;
		snprintf(t->cols[c], COPY_NAME_MAX, "%s", db_col_text(st, 0));
		t->kinds[c] = kind_of(db_col_text(st, 1));
		if (db_col_int(st, 2) == 1 && strcmp(db_col_text(st, 1), "INTEGER") == 0)
			snprintf(t->id_col, COPY_NAME_MAX, "%s", t->cols[c]);
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

static int read_parents(struct db *db, struct table_info *t, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, t->name);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW && t->n_parents < COPY_TABLES_MAX)
		snprintf(t->parents[t->n_parents++], COPY_NAME_MAX, "%s", db_col_text(st, 0));
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

static bool placed(struct table_info **order, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(order[i]->name, name) == 0)
			return true;
	return false;
}

/* Orders tables so that every table comes after the tables it refers to. */
static int order_tables(struct table_info *t, int n, struct table_info **order,
                        struct kp_error *err)
{
	int done = 0;
	while (done < n) {
		int before = done;
		for (int i = 0; i < n; i++) {
			if (placed(order, done, t[i].name))
				continue;
			bool ready = true;
			for (int p = 0; p < t[i].n_parents && ready; p++)
				ready = strcmp(t[i].parents[p], t[i].name) == 0 ||
				        placed(order, done, t[i].parents[p]);
			if (ready)
				order[done++] = &t[i];
		}
		if (done == before)
			return kp_fail(err, KP_INTERNAL, "copy_cycle", "");
	}
	return KP_OK;
}

static int column_list(const struct table_info *t, struct buf *b)
{
	int rc = 0;
	for (int c = 0; c < t->n_cols && rc == 0; c++)
		rc = buf_printf(b, "%s\"%s\"", c ? ", " : "", t->cols[c]);
	return rc;
}

static int select_all(struct db *db, const struct table_info *t, struct db_stmt **st,
                      struct kp_error *err)
{
	struct buf b;
	buf_init(&b, 64 * 1024);
	int rc = buf_appends(&b, "SELECT ") || column_list(t, &b) ||
	         buf_printf(&b, " FROM \"%s\"", t->name);
	int ret = rc ? kp_internal(err) : db_prepare(db, b.data, st, err);
	buf_free(&b);
	return ret;
}

static void read_cell(struct db_stmt *st, int col, int kind, struct cell *c)
{
	memset(c, 0, sizeof *c);
	c->null = db_col_is_null(st, col);
	if (c->null)
		return;
	if (kind == COL_INT)
		c->i = db_col_int(st, col);
	else if (kind == COL_REAL)
		c->d = db_col_double(st, col);
	else
		c->s = strdup(db_col_text(st, col));
}

static void free_cells(struct cell *cells, int n)
{
	for (int i = 0; i < n; i++) {
		free(cells[i].s);
		cells[i].s = NULL;
	}
}

static int insert_batch(struct db *to, const struct table_info *t, struct cell *cells,
                        int rows, struct kp_error *err)
{
	struct buf b;
	buf_init(&b, 4 * 1024 * 1024);
	int rc = buf_printf(&b, "INSERT INTO \"%s\" (", t->name) || column_list(t, &b) ||
	         buf_appends(&b, ") VALUES ");
	for (int r = 0; r < rows && rc == 0; r++)
		rc = (r > 0 && buf_appends(&b, ", ") != 0) || query_placeholders(&b, t->n_cols) != 0;
	struct db_stmt *st = NULL;
	int ret = KP_ERR;
	if (rc != 0) {
		kp_internal(err);
		goto end;
	}
	if (db_prepare(to, b.data, &st, err))
		goto end;
	for (int i = 0; i < rows * t->n_cols; i++) {
		const struct cell *c = &cells[i];
		int kind = t->kinds[i % t->n_cols];
		if (c->null)
			db_bind_null(st, i + 1);
		else if (kind == COL_INT)
			db_bind_int(st, i + 1, c->i);
		else if (kind == COL_REAL)
			db_bind_double(st, i + 1, c->d);
		else
			db_bind_text(st, i + 1, c->s);
	}
	ret = db_step(st, err) == DB_FAILED ? KP_ERR : KP_OK;
end:
	db_finalize(st);
	buf_free(&b);
	return ret;
}

static int copy_table(struct db *from, struct db *to, const struct table_info *t,
                      struct kp_error *err)
{
	struct db_stmt *st = NULL;
	struct cell *cells = calloc((size_t)COPY_BATCH_ROWS * (size_t)t->n_cols, sizeof *cells);
	int ret = KP_ERR, rows = 0, rc;
	if (cells == NULL) {
		kp_internal(err);
		goto end;
	}
	if (select_all(from, t, &st, err))
		goto end;
	while ((rc = db_step(st, err)) == DB_ROW) {
		for (int c = 0; c < t->n_cols; c++)
			read_cell(st, c, t->kinds[c], &cells[rows * t->n_cols + c]);
		if (++rows == COPY_BATCH_ROWS) {
			rc = insert_batch(to, t, cells, rows, err);
			free_cells(cells, rows * t->n_cols);
			rows = 0;
			if (rc)
				goto end;
		}
	}
	if (rc == DB_FAILED || (rows > 0 && insert_batch(to, t, cells, rows, err)))
		goto end;
	if (t->id_col[0] != '\0' && db_sync_id(to, t->name, t->id_col, err))
		goto end;
	ret = KP_OK;
end:
	if (cells != NULL)
		free_cells(cells, rows * t->n_cols);
	free(cells);
	db_finalize(st);
	return ret;
}

/* Adds the hash of the current row's canonical text to *sum. */
static int hash_row(struct db_stmt *st, const struct table_info *t, struct buf *row,
                    uint64_t *sum)
{
	row->len = 0; /* reuse the allocation for every row */
	if (row->data != NULL)
		row->data[0] = '\0';
	int rc = 0;
	for (int c = 0; c < t->n_cols && rc == 0; c++) {
		if (c > 0)
			rc = buf_append(row, "\x1f", 1);
		if (rc != 0)
			break;
		if (db_col_is_null(st, c))
			rc = buf_append(row, "\0N", 2);
		else if (t->kinds[c] == COL_INT)
			rc = buf_printf(row, "%lld", (long long)db_col_int(st, c));
		else if (t->kinds[c] == COL_REAL)
			rc = buf_printf(row, "%.17g", db_col_double(st, c));
		else
			rc = buf_appends(row, db_col_text(st, c));
	}
	if (rc != 0)
		return -1;
	unsigned char h[crypto_generichash_BYTES_MIN];
	crypto_generichash(h, sizeof h, (const unsigned char *)(row->data ? row->data : ""),
	                   row->len, NULL, 0);
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)h[i] << (8 * i);
	*sum += v;
	return 0;
}

static int checksum(struct db *db, const struct table_info *t, int64_t *rows, uint64_t *sum,
                    struct kp_error *err)
{
	struct db_stmt *st = NULL;
	struct buf row;
	buf_init(&row, COPY_ROW_TEXT_MAX);
	*rows = 0;
	*sum = 0;
	int ret = KP_ERR, rc;
	if (select_all(db, t, &st, err))
		goto end;
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (hash_row(st, t, &row, sum) != 0) {
			kp_internal(err);
			goto end;
		}
		++*rows;
	}
	ret = rc == DB_FAILED ? KP_ERR : KP_OK;
end:
	db_finalize(st);
	buf_free(&row);
	return ret;
}

static int describe(struct db *from, struct table_info *t, int n, struct kp_error *err)
{
	for (int i = 0; i < n; i++) {
		if (read_columns(from, &t[i], err) || read_parents(from, &t[i], err))
			return KP_ERR;
	}
	return KP_OK;
}

/* Tables that migrations fill with defaults (the allowance caps, the health
   word list): the source's rows replace them. */
static bool seeded(const char *table)
{
	return strcmp(table, "allowance_caps") == 0 || strcmp(table, "health_words") == 0;
}

static int check_empty(struct db *to, const struct table_info *t, int n, struct kp_error *err)
{
	for (int i = 0; i < n; i++) {
		char sql[160];
		if (seeded(t[i].name))
			continue;
		snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM \"%s\"", t[i].name);
		struct db_stmt *st;
		int64_t rows = 0;
		if (db_prepare(to, sql, &st, err))
			return KP_ERR;
		int rc = db_query_int(st, &rows, err);
		db_finalize(st);
		if (rc)
			return KP_ERR;
		if (rows > 0)
			return kp_fail_detail(err, KP_CONFLICT, "not_empty", "to", "%s", t[i].name);
	}
	return KP_OK;
}

/* A column `revision` is raised by triggers when the rows it follows are
   written (migrations 028 and 029: a call's or a volunteer's items). The
   copy's own inserts raise it once more, so when every table is in it is
   set back to the source's values; the triggers leave a value that is set. */
static bool has_revision(const struct table_info *t)
{
	for (int c = 0; c < t->n_cols; c++)
		if (strcmp(t->cols[c], "revision") == 0)
			return t->id_col[0] != '\0';
	return false;
}

static int set_back_revision(struct db *from, struct db *to, const struct table_info *t,
                             struct kp_error *err)
{
	char get[160], set[200];
	struct db_stmt *src = NULL, *dst = NULL;
	snprintf(get, sizeof get, "SELECT \"%s\", revision FROM \"%s\"", t->id_col, t->name);
	snprintf(set, sizeof set, "UPDATE \"%s\" SET revision = ? WHERE \"%s\" = ? AND revision <> ?",
	         t->name, t->id_col);
	int rc = db_prepare(from, get, &src, err) || db_prepare(to, set, &dst, err) ? DB_FAILED
	                                                                           : DB_DONE;
	while (rc != DB_FAILED && (rc = db_step(src, err)) == DB_ROW) {
		db_reset(dst);
		db_bind_int(dst, 1, db_col_int(src, 1));
		db_bind_int(dst, 2, db_col_int(src, 0));
		db_bind_int(dst, 3, db_col_int(src, 1));
		if (db_step(dst, err) == DB_FAILED)
			rc = DB_FAILED;
	}
	db_finalize(src);
	db_finalize(dst);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

static int copy_in_transaction(struct db *from, struct db *to, struct table_info **order,
                               int n, struct kp_error *err)
{
	if (db_begin_isolation(to, DB_READ_COMMITTED, err))
		return KP_ERR;
	for (int i = 0; i < n; i++) {
		char sql[160];
		snprintf(sql, sizeof sql, "DELETE FROM \"%s\"", order[i]->name);
		if ((seeded(order[i]->name) && db_exec(to, sql, err)) ||
		    copy_table(from, to, order[i], err)) {
			db_rollback(to);
			return KP_ERR;
		}
	}
	for (int i = 0; i < n; i++)
		if (has_revision(order[i]) && set_back_revision(from, to, order[i], err)) {
			db_rollback(to);
			return KP_ERR;
		}
	return db_commit(to, err);
}

static int verify(struct db *from, struct db *to, struct table_info **order, int n,
                  struct copy_report *report, struct kp_error *err)
{
	bool same = true;
	report->n_tables = 0;
	for (int i = 0; i < n; i++) {
		struct copy_table_report *r = &report->tables[report->n_tables++];
		snprintf(r->name, sizeof r->name, "%s", order[i]->name);
		if (checksum(from, order[i], &r->rows_from, &r->sum_from, err) ||
		    checksum(to, order[i], &r->rows_to, &r->sum_to, err))
			return KP_ERR;
		same = same && r->rows_from == r->rows_to && r->sum_from == r->sum_to;
	}
	return same ? KP_OK : kp_fail(err, KP_INTERNAL, "copy_mismatch", "");
}

int db_copy_all(struct db *from, struct db *to, struct copy_report *report,
                struct kp_error *err)
{
	struct table_info *t = calloc(COPY_TABLES_MAX, sizeof *t);
	struct table_info *order[COPY_TABLES_MAX];
	int n = 0, ret = KP_ERR;
	memset(report, 0, sizeof *report);
	if (t == NULL) {
		kp_internal(err);
		goto end;
	}
	if (strcmp(db_backend_name(from), "sqlite") != 0) {
		kp_fail(err, KP_INVALID, "not_sqlite", "from");
		goto end;
	}
	if (list_tables(from, t, &n, err) || describe(from, t, n, err) ||
	    order_tables(t, n, order, err) || check_empty(to, t, n, err) ||
	    copy_in_transaction(from, to, order, n, err) ||
	    verify(from, to, order, n, report, err))
		goto end;
	ret = KP_OK;
end:
	free(t);
	return ret;
}

int db_copy_checksum(struct db *schema, struct db *db, const char *table, int64_t *rows,
                     uint64_t *sum, struct kp_error *err)
{
	struct table_info *t = calloc(1, sizeof *t);
	if (t == NULL)
		return kp_internal(err);
	snprintf(t->name, sizeof t->name, "%s", table);
	int ret = read_columns(schema, t, err) || checksum(db, t, rows, sum, err) ? KP_ERR : KP_OK;
	free(t);
	return ret;
}
