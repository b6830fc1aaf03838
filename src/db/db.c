/*
 * The front of src/db/db.h: picks the backend from the database address and
 * dispatches every call to it; also holds what both backends share
 * (binding helpers, one-integer queries, the migration runner).
 */
#include "db/backend.h"

#include <stdio.h>
#include <string.h>

#include "db/migrations.h"
#include "util/buf.h"

bool db_is_url(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0;
}

const char *db_backend_name(const struct db *db)
{
	return db->ops->name;
}

void db_redact(const char *path, char *out, size_t cap)
{
	const char *scheme_end = strstr(path, "://");
	const char *at = scheme_end ? strchr(scheme_end + 3, '@') : NULL;
	const char *colon = at ? memchr(scheme_end + 3, ':', (size_t)(at - scheme_end - 3)) : NULL;
	if (!db_is_url(path) || colon == NULL) {
		snprintf(out, cap, "%s", path);
		return;
	}
	snprintf(out, cap, "%.*s:***%s", (int)(colon - path), path, at);
}

/* Reads the applied version; the table is created by the first migration run. */
static int read_version(struct db *db, int64_t *version, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version", &st, err))
		return KP_ERR;
	int rc = db_query_int(st, version, err);
	db_finalize(st);
	return rc;
}

/* What backend runs of a migration. The SQL is for both, but for sections
   that begin with a line "-- on sqlite:" or "-- on postgresql:" (triggers,
   which the two write differently): those are for that backend only, up to
   the next such line or "-- on both:". */
static int migration_part(const char *sql, const char *backend, struct buf *out)
{
	static const char mark[] = "-- on ";
	const size_t mark_len = sizeof mark - 1;
	bool mine = true;
	for (const char *p = sql; *p != '\0';) {
		const char *line = p;
		size_t n = strcspn(line, "\n");
		p += n + (line[n] == '\n');
		if (n > mark_len && strncmp(line, mark, mark_len) == 0 && line[n - 1] == ':') {
			const char *name = line + mark_len;
			size_t len = n - mark_len - 1;
			mine = (len == 4 && strncmp(name, "both", 4) == 0) ||
			       (len == strlen(backend) && strncmp(name, backend, len) == 0);
			continue;
		}
		if (mine && buf_append(out, line, (size_t)(p - line)) != 0)
			return -1;
	}
	return 0;
}

static int exec_migration(struct db *db, const char *sql, struct kp_error *err)
{
	struct buf part;
	buf_init(&part, strlen(sql) + 1);
	int rc = migration_part(sql, db->ops->name, &part) != 0 ? kp_internal(err) : KP_OK;
	if (rc == KP_OK)
		rc = db->ops->exec_migration(db, part.data ? part.data : "", err);
	buf_free(&part);
	return rc;
}

/* Applies migration m unless another process did it first: the version is
   read again inside the transaction that applies it. */
static int apply_one(struct db *db, const struct db_migration *m, struct kp_error *err)
{
	int64_t version = 0;
	char sql[96];
	snprintf(sql, sizeof sql, "INSERT INTO schema_version (version) VALUES (%d)", m->number);
	if (db_begin_isolation(db, DB_READ_COMMITTED, err) || read_version(db, &version, err))
		goto fail;
	if (version >= m->number) {
		db_rollback(db);
		return KP_OK;
	}
	if (exec_migration(db, m->sql, err) || db_exec(db, sql, err) ||
	    db_commit(db, err))
		goto fail;
	return KP_OK;
fail:
	fprintf(stderr, "knooppunt: migration %s failed\n", m->name);
	db_rollback(db);
	return KP_ERR;
}

static int migrate(struct db *db, struct kp_error *err)
{
	int ret = KP_ERR;
	if (db->ops->lock_migrations && db->ops->lock_migrations(db, err))
		return KP_ERR;
	int64_t version = 0;
	if (db_exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)", err) ||
	    read_version(db, &version, err))
		goto end;
	if (version > db_migration_count) {
		kp_fail_detail(err, KP_INTERNAL, "schema_too_new", "",
		               "database schema %lld is newer than this program (%d)",
		               (long long)version, db_migration_count);
		goto end;
	}
	for (int i = (int)version; i < db_migration_count; i++) {
		if (apply_one(db, &db_migrations[i], err))
			goto end;
	}
	db->schema_version = db_migration_count;
	ret = KP_OK;
end:
	if (db->ops->unlock_migrations)
		db->ops->unlock_migrations(db);
	return ret;
}

int db_open(const char *path, struct db **out, struct kp_error *err)
{
	const struct db_ops *ops = db_is_url(path) ? &db_postgres_ops : &db_sqlite_ops;
	struct db *db = NULL;
	if (ops->open(path, &db, err))
		return KP_ERR;
	db->ops = ops;
	if (migrate(db, err)) {
		db_close(db);
		return KP_ERR;
	}
	*out = db;
	return KP_OK;
}

void db_close(struct db *db)
{
	if (db != NULL)
		db->ops->close(db);
}

int db_schema_version(struct db *db)
{
	return db->schema_version;
}

uint64_t db_query_count(const struct db *db)
{
	return db->queries;
}

int db_exec(struct db *db, const char *sql, struct kp_error *err)
{
	db->queries++;
	return db->ops->exec(db, sql, err);
}

int db_begin(struct db *db, struct kp_error *err)
{
	return db->ops->begin(db, DB_SERIALIZABLE, err);
}

int db_begin_isolation(struct db *db, enum db_isolation level, struct kp_error *err)
{
	return db->ops->begin(db, level, err);
}

int db_commit(struct db *db, struct kp_error *err)
{
	return db->ops->commit(db, err);
}

bool db_in_transaction(struct db *db)
{
	return db->ops->in_transaction(db);
}

bool db_read_begin(struct db *db)
{
	return db->ops->read_begin != NULL && db->ops->read_begin(db);
}

void db_read_end(struct db *db, bool opened)
{
	if (opened)
		db->ops->read_end(db);
}

void db_rollback(struct db *db)
{
	if (db->ops->in_transaction(db))
		db->ops->rollback(db);
}

int db_prepare(struct db *db, const char *sql, struct db_stmt **out, struct kp_error *err)
{
	if (db->ops->prepare(db, sql, out, err))
		return KP_ERR;
	(*out)->db = db;
	return KP_OK;
}

void db_finalize(struct db_stmt *st)
{
	if (st != NULL)
		st->ops->finalize(st);
}

void db_reset(struct db_stmt *st)
{
	st->executing = false;
	st->ops->reset(st);
}

void db_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	st->ops->bind_int(st, idx, v);
}

void db_bind_double(struct db_stmt *st, int idx, double v)
{
	st->ops->bind_double(st, idx, v);
}

void db_bind_text(struct db_stmt *st, int idx, const char *s)
{
	if (s == NULL)
		st->ops->bind_null(st, idx);
	else
		st->ops->bind_text(st, idx, s);
}

void db_bind_null(struct db_stmt *st, int idx)
{
	st->ops->bind_null(st, idx);
}

void db_bind_ref(struct db_stmt *st, int idx, int64_t v)
{
	if (v > 0)
		db_bind_int(st, idx, v);
	else
		db_bind_null(st, idx);
}

void db_bind_opt_text(struct db_stmt *st, int idx, const char *s)
{
	db_bind_text(st, idx, s != NULL && *s != '\0' ? s : NULL);
}

int db_step(struct db_stmt *st, struct kp_error *err)
{
	if (!st->executing) {
		st->executing = true;
		st->db->queries++;
	}
	return st->ops->step(st, err);
}

int64_t db_col_int(struct db_stmt *st, int col)
{
	return st->ops->col_int(st, col);
}

double db_col_double(struct db_stmt *st, int col)
{
	return st->ops->col_double(st, col);
}

const char *db_col_text(struct db_stmt *st, int col)
{
	return st->ops->col_text(st, col);
}

void db_col_copy(struct db_stmt *st, int col, char *out, size_t cap)
{
	const char *s = db_col_text(st, col);
	size_t n = strlen(s);
	if (cap == 0)
		return;
	if (n >= cap)
		n = cap - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

bool db_col_is_null(struct db_stmt *st, int col)
{
	return st->ops->col_is_null(st, col);
}

int db_query_int(struct db_stmt *st, int64_t *out, struct kp_error *err)
{
	int rc = db_step(st, err);
	if (rc == DB_FAILED)
		return KP_ERR;
	if (rc != DB_ROW)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "");
	*out = db_col_int(st, 0);
	return KP_OK;
}

int db_ping(struct db *db, struct kp_error *err)
{
	struct db_stmt *st;
	int64_t one = 0;
	if (db_prepare(db, "SELECT 1", &st, err))
		return KP_ERR;
	int rc = db_query_int(st, &one, err);
	db_finalize(st);
	return rc;
}

int db_bulk_load(struct db *db, struct kp_error *err)
{
	if (db->ops != &db_sqlite_ops)
		return KP_OK;
	/* Foreign keys are checked by the generator that fills it; a large cache
	   keeps the index pages of millions of rows in memory. */
	return db_exec(db, "PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; "
	                   "PRAGMA cache_size = -524288", err);
}

int db_try_job_lock(struct db *db, int64_t key, bool *got, struct kp_error *err)
{
	return db->ops->try_job_lock(db, key, got, err);
}

void db_job_unlock(struct db *db, int64_t key)
{
	db->ops->job_unlock(db, key);
}

int db_sync_id(struct db *db, const char *table, const char *column, struct kp_error *err)
{
	return db->ops->sync_id(db, table, column, err);
}
