/*
 * The SQLite backend of src/db/db.h: one database file, WAL mode, foreign
 * keys on, a busy timeout so that concurrent writers wait instead of failing.
 */
#include "db/db.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/migrations.h"

struct db {
	sqlite3 *conn;       /* owned */
	int schema_version;  /* last migration applied */
};

struct db_stmt {
	sqlite3_stmt *st;    /* owned */
	struct db *db;       /* the connection it was prepared on */
};

static int fail_sqlite(struct db *db, struct kp_error *err)
{
	int code = sqlite3_extended_errcode(db->conn);
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		return kp_fail_detail(err, 409, "conflict", "", "%s", sqlite3_errmsg(db->conn));
	if ((code & 0xff) == SQLITE_BUSY)
		return kp_fail(err, 503, "busy", "");
	fprintf(stderr, "knooppunt: sqlite: %s\n", sqlite3_errmsg(db->conn));
	return kp_internal(err);
}

int db_exec(struct db *db, const char *sql, struct kp_error *err)
{
	if (sqlite3_exec(db->conn, sql, NULL, NULL, NULL) != SQLITE_OK)
		return fail_sqlite(db, err);
	return KP_OK;
}

int db_begin(struct db *db, struct kp_error *err)
{
	return db_exec(db, "BEGIN IMMEDIATE", err);
}

int db_commit(struct db *db, struct kp_error *err)
{
	return db_exec(db, "COMMIT", err);
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->conn))
		sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
}

int db_prepare(struct db *db, const char *sql, struct db_stmt **out, struct kp_error *err)
{
	struct db_stmt *st = calloc(1, sizeof *st);
	if (st == NULL)
		return kp_internal(err);
	if (sqlite3_prepare_v2(db->conn, sql, -1, &st->st, NULL) != SQLITE_OK) {
		fprintf(stderr, "knooppunt: sqlite: %s in: %s\n", sqlite3_errmsg(db->conn), sql);
		free(st);
		return kp_internal(err);
	}
	st->db = db;
	*out = st;
	return KP_OK;
}

void db_finalize(struct db_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_finalize(st->st);
	free(st);
}

void db_reset(struct db_stmt *st)
{
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
}

void db_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	sqlite3_bind_int64(st->st, idx, v);
}

void db_bind_double(struct db_stmt *st, int idx, double v)
{
	sqlite3_bind_double(st->st, idx, v);
}

void db_bind_text(struct db_stmt *st, int idx, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st->st, idx);
	else
		sqlite3_bind_text(st->st, idx, s, -1, SQLITE_TRANSIENT);
}

void db_bind_null(struct db_stmt *st, int idx)
{
	sqlite3_bind_null(st->st, idx);
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
	int rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	fail_sqlite(st->db, err);
	return DB_FAILED;
}

int64_t db_col_int(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(st->st, col);
}

double db_col_double(struct db_stmt *st, int col)
{
	return sqlite3_column_double(st->st, col);
}

const char *db_col_text(struct db_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st->st, col);
	return s ? (const char *)s : "";
}

bool db_col_is_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

int db_query_int(struct db_stmt *st, int64_t *out, struct kp_error *err)
{
	int rc = db_step(st, err);
	if (rc == DB_FAILED)
		return KP_ERR;
	if (rc != DB_ROW)
		return kp_fail(err, 404, "not_found", "");
	*out = db_col_int(st, 0);
	return KP_OK;
}

static int migrate(struct db *db, struct kp_error *err)
{
	if (db_exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)", err))
		return KP_ERR;
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version", &st, err))
		return KP_ERR;
	int64_t version = 0;
	int rc = db_query_int(st, &version, err);
	db_finalize(st);
	if (rc)
		return KP_ERR;
	if (version > db_migration_count)
		return kp_fail_detail(err, 500, "schema_too_new", "",
		                      "database schema %lld is newer than this program (%d)",
		                      (long long)version, db_migration_count);
	for (int i = (int)version; i < db_migration_count; i++) {
		const struct db_migration *m = &db_migrations[i];
		char sql[96];
		snprintf(sql, sizeof sql, "INSERT INTO schema_version (version) VALUES (%d)", m->number);
		if (db_begin(db, err) || db_exec(db, m->sql, err) || db_exec(db, sql, err) ||
		    db_commit(db, err)) {
			fprintf(stderr, "knooppunt: migration %s failed\n", m->name);
			db_rollback(db);
			return KP_ERR;
		}
	}
	db->schema_version = db_migration_count;
	return KP_OK;
}

int db_open(const char *path, struct db **out, struct kp_error *err)
{
	struct db *db = calloc(1, sizeof *db);
	if (db == NULL)
		return kp_internal(err);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db->conn, flags, NULL) != SQLITE_OK) {
		kp_fail_detail(err, 500, "db_open", "", "%s: %s", path,
		               db->conn ? sqlite3_errmsg(db->conn) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(db->conn, 5000);
	/* synchronous=FULL: an acknowledged write survives a crash of the process
	   and of the machine. */
	if (db_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
	                "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;", err))
		goto fail;
	if (migrate(db, err))
		goto fail;
	*out = db;
	return KP_OK;
fail:
	db_close(db);
	return KP_ERR;
}

void db_close(struct db *db)
{
	if (db == NULL)
		return;
	sqlite3_close_v2(db->conn);
	free(db);
}

int db_schema_version(struct db *db)
{
	return db->schema_version;
}
