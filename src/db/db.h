/*
 * The storage interface. Everything above src/db/ talks to the database
 * through these calls and never sees a backend's own API.
 *
 * A `struct db` is one connection, used by one thread at a time. A
 * `struct db_pool` hands connections to the server's threads. Statements use
 * `?` placeholders numbered from 1 in order; the backend rewrites them where
 * its dialect differs. SQL text lives only in src/db/ (the store_*.c files
 * and the numbered migrations), written so that SQLite and PostgreSQL both
 * accept it.
 *
 * Ownership: db_open returns a connection the caller closes with db_close;
 * db_prepare returns a statement the caller finalises with db_finalize.
 * Text returned by db_col_text belongs to the statement and is valid until
 * the next db_step or db_finalize.
 */
#ifndef KP_DB_DB_H
#define KP_DB_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

struct db;
struct db_stmt;
struct db_pool;

enum db_step_result { DB_DONE = 0, DB_ROW = 1, DB_FAILED = -1 };

/* Isolation of a transaction. SQLite runs every write transaction alone
   (BEGIN IMMEDIATE), which is serializable; on PostgreSQL the level is
   chosen per operation (see src/db/postgres.c). */
enum db_isolation {
	DB_SERIALIZABLE = 0,   /* db_begin: read-check-write operations of the API */
	DB_READ_COMMITTED = 1  /* single guarded statements and bulk copies */
};

/* Opens the database at `path` and applies pending migrations. `path` is a
   PostgreSQL URL ("postgresql://user@host:port/name") or a SQLite file. */
int db_open(const char *path, struct db **out, struct kp_error *err);
void db_close(struct db *db);

/* True when path names a PostgreSQL database rather than a SQLite file. */
bool db_is_url(const char *path);

/* "sqlite" or "postgresql". */
const char *db_backend_name(const struct db *db);

/* Writes path into out with any password replaced by "***", for messages. */
void db_redact(const char *path, char *out, size_t cap);

/* Schema version after migrations (the number of the last one applied). */
int db_schema_version(struct db *db);

/* Checks that the database answers (a trivial query on this connection);
   KP_OK when it does, otherwise err says why. For health checks. */
int db_ping(struct db *db, struct kp_error *err);

/* For a throwaway database about to be filled in bulk (the benchmark's):
   trades durability for speed on this connection. SQLite stops waiting for
   the disk and checking foreign keys, and caches 512 MiB; PostgreSQL is left
   as it is. */
int db_bulk_load(struct db *db, struct kp_error *err);

/* How many statements this connection has executed since it was opened:
   one per db_exec, and one per prepared statement for its first db_step
   after db_prepare or db_reset, however many rows it returns. Transaction
   control (begin, commit, rollback) is not counted. */
uint64_t db_query_count(const struct db *db);

/* Runs SQL without parameters or results (may hold several statements). */
int db_exec(struct db *db, const char *sql, struct kp_error *err);

/* Transactions. db_begin starts a write transaction (DB_SERIALIZABLE);
   nested calls are not allowed. A transaction that lost a race with another
   fails with KP_CONFLICT "changed_meanwhile" at the statement or at db_commit. */
int db_begin(struct db *db, struct kp_error *err);
int db_begin_isolation(struct db *db, enum db_isolation level, struct kp_error *err);
int db_commit(struct db *db, struct kp_error *err);
void db_rollback(struct db *db);
/* True while a write transaction is open on the connection. */
bool db_in_transaction(struct db *db);

/* Reads. Between db_read_begin and db_read_end the statements of a
   connection outside a write transaction may share one snapshot. On SQLite
   they do: one read transaction instead of one per statement, so that a
   record and its items are read as of one moment, and the pages read by the
   first statement serve the next. A write in between ends the snapshot
   first (db_begin, or a statement that writes), and then runs as it would
   have without it. PostgreSQL reads each statement on its own, as a BEGIN
   and COMMIT would cost two more round trips. db_read_begin returns whether
   it opened the snapshot; pass that to db_read_end. */
bool db_read_begin(struct db *db);
void db_read_end(struct db *db, bool opened);

int db_prepare(struct db *db, const char *sql, struct db_stmt **out, struct kp_error *err);
void db_finalize(struct db_stmt *st);
void db_reset(struct db_stmt *st);

void db_bind_int(struct db_stmt *st, int idx, int64_t v);
void db_bind_double(struct db_stmt *st, int idx, double v);
void db_bind_text(struct db_stmt *st, int idx, const char *s); /* NULL binds NULL */
void db_bind_null(struct db_stmt *st, int idx);
/* Binds NULL when v <= 0 (absent optional reference), v otherwise. */
void db_bind_ref(struct db_stmt *st, int idx, int64_t v);
/* Binds NULL for an empty string, the text otherwise. */
void db_bind_opt_text(struct db_stmt *st, int idx, const char *s);

/* DB_ROW, DB_DONE, or DB_FAILED (with err filled in; a conflict for a constraint). */
int db_step(struct db_stmt *st, struct kp_error *err);

int64_t db_col_int(struct db_stmt *st, int col);
double db_col_double(struct db_stmt *st, int col);
const char *db_col_text(struct db_stmt *st, int col); /* "" for NULL */
/* The column's text copied into out (cap bytes), cut short as snprintf would. */
void db_col_copy(struct db_stmt *st, int col, char *out, size_t cap);
bool db_col_is_null(struct db_stmt *st, int col);

/* Runs a statement expected to return one integer (COUNT, RETURNING id). */
int db_query_int(struct db_stmt *st, int64_t *out, struct kp_error *err);

/* A lock shared by every process on the database, for scheduled jobs that
   must run once per network rather than once per server. *got tells whether
   this connection holds it now; release it with db_job_unlock. */
int db_try_job_lock(struct db *db, int64_t key, bool *got, struct kp_error *err);
void db_job_unlock(struct db *db, int64_t key);

/* After a copy inserted rows with explicit ids into table.column (an
   INTEGER PRIMARY KEY): makes the next generated id larger than all of them.
   table and column are trusted names, not user input. */
int db_sync_id(struct db *db, const char *table, const char *column, struct kp_error *err);

/* A fixed set of connections shared by threads; acquire blocks until one is free. */
int db_pool_open(const char *path, int size, struct db_pool **out, struct kp_error *err);
struct db *db_pool_acquire(struct db_pool *pool);
void db_pool_release(struct db_pool *pool, struct db *db);
void db_pool_close(struct db_pool *pool);

#endif
