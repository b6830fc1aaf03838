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

/* Opens the database at `path` (a SQLite file) and applies pending migrations. */
int db_open(const char *path, struct db **out, struct kp_error *err);
void db_close(struct db *db);

/* Schema version after migrations (the number of the last one applied). */
int db_schema_version(struct db *db);

/* Runs SQL without parameters or results (may hold several statements). */
int db_exec(struct db *db, const char *sql, struct kp_error *err);

/* Transactions. db_begin starts a write transaction; nested calls are not allowed. */
int db_begin(struct db *db, struct kp_error *err);
int db_commit(struct db *db, struct kp_error *err);
void db_rollback(struct db *db);

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

/* DB_ROW, DB_DONE, or DB_FAILED (with err filled in; 409 for a constraint). */
int db_step(struct db_stmt *st, struct kp_error *err);

int64_t db_col_int(struct db_stmt *st, int col);
double db_col_double(struct db_stmt *st, int col);
const char *db_col_text(struct db_stmt *st, int col); /* "" for NULL */
bool db_col_is_null(struct db_stmt *st, int col);

/* Runs a statement expected to return one integer (COUNT, RETURNING id). */
int db_query_int(struct db_stmt *st, int64_t *out, struct kp_error *err);

/* A fixed set of connections shared by threads; acquire blocks until one is free. */
int db_pool_open(const char *path, int size, struct db_pool **out, struct kp_error *err);
struct db *db_pool_acquire(struct db_pool *pool);
void db_pool_release(struct db_pool *pool, struct db *db);
void db_pool_close(struct db_pool *pool);

#endif
