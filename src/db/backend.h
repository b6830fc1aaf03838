/*
 * Internal to src/db/: what a storage backend provides behind db.h.
 *
 * db.c is the front: db_open picks the backend from the address
 * ("postgresql://…" or "postgres://…" → PostgreSQL, anything else → a SQLite
 * file) and every db_* call dispatches through the connection's `ops`.
 *
 * Invariant: a backend's connection struct starts with a `struct db` and its
 * statement struct with a `struct db_stmt`, so the front can read `ops`
 * from either without knowing the backend.
 */
#ifndef KP_DB_BACKEND_H
#define KP_DB_BACKEND_H

#include "db/db.h"

struct db_ops {
	const char *name;  /* "sqlite" or "postgresql" */
	/* Connects without migrating; *out is owned by the caller (ops->close). */
	int (*open)(const char *path, struct db **out, struct kp_error *err);
	void (*close)(struct db *db);
	int (*exec)(struct db *db, const char *sql, struct kp_error *err);
	int (*begin)(struct db *db, enum db_isolation level, struct kp_error *err);
	int (*commit)(struct db *db, struct kp_error *err);
	void (*rollback)(struct db *db);
	bool (*in_transaction)(struct db *db);  /* a write transaction */
	/* One snapshot for a run of reads (db_read_begin); NULL where each
	   statement reads on its own. read_begin returns true when it opened the
	   snapshot, which read_end then closes. */
	bool (*read_begin)(struct db *db);
	void (*read_end)(struct db *db);
	int (*prepare)(struct db *db, const char *sql, struct db_stmt **out, struct kp_error *err);
	void (*finalize)(struct db_stmt *st);
	void (*reset)(struct db_stmt *st);
	void (*bind_int)(struct db_stmt *st, int idx, int64_t v);
	void (*bind_double)(struct db_stmt *st, int idx, double v);
	void (*bind_text)(struct db_stmt *st, int idx, const char *s);  /* never NULL */
	void (*bind_null)(struct db_stmt *st, int idx);
	int (*step)(struct db_stmt *st, struct kp_error *err);
	int64_t (*col_int)(struct db_stmt *st, int col);
	double (*col_double)(struct db_stmt *st, int col);
	const char *(*col_text)(struct db_stmt *st, int col);
	bool (*col_is_null)(struct db_stmt *st, int col);
	/* Serialises migrations between processes (may be NULL: the backend's
	   write transaction already does). */
	int (*lock_migrations)(struct db *db, struct kp_error *err);
	void (*unlock_migrations)(struct db *db);
	/* Runs one migration file's SQL, translated to the backend's dialect. */
	int (*exec_migration)(struct db *db, const char *sql, struct kp_error *err);
	/* Cross-process lock for jobs: true when this connection got it. */
	int (*try_job_lock)(struct db *db, int64_t key, bool *got, struct kp_error *err);
	void (*job_unlock)(struct db *db, int64_t key);
	/* After rows were inserted with explicit ids: new rows get ids above them. */
	int (*sync_id)(struct db *db, const char *table, const char *column, struct kp_error *err);
};

struct db {
	const struct db_ops *ops;
	int schema_version;        /* last migration applied */
	uint64_t queries;          /* statements executed (db_query_count) */
};

struct db_stmt {
	const struct db_ops *ops;
	struct db *db;             /* the connection that prepared it (set by db_prepare) */
	bool executing;            /* stepped since prepare or reset: counted already */
};

extern const struct db_ops db_sqlite_ops;
extern const struct db_ops db_postgres_ops;

#endif
