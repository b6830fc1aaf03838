/*
 * The SQLite backend of src/db/db.h: one database file, WAL mode, foreign
 * keys on, a busy timeout so that concurrent writers wait instead of failing.
 * Every write transaction is BEGIN IMMEDIATE: writers run one at a time,
 * which is serializable whatever level the caller asks for. A run of reads
 * (db_read_begin) shares one deferred read transaction.
 */
#include "db/backend.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prepared statements kept per connection, so that the stores' SQL is compiled
   once and not on every call. Invariant: an entry with in_use set is handed out
   to exactly one struct sqlite_stmt; the others are reset and unbound. */
#define STMT_CACHE 64

struct cached_stmt {
	char *sql;           /* owned; NULL for a free entry */
	sqlite3_stmt *st;    /* owned by the cache */
	bool in_use;
	uint64_t last_used;  /* for least-recently-used eviction */
};

struct sqlite_db {
	struct db base;      /* first: the front reads ops from it */
	sqlite3 *conn;       /* owned */
	struct cached_stmt cache[STMT_CACHE];
	uint64_t uses;       /* clock for last_used */
	bool reading;        /* a read transaction of db_read_begin is open */
	sqlite3_stmt *begin_read, *end_read; /* owned: BEGIN and COMMIT, compiled once */
};

struct sqlite_stmt {
	struct db_stmt base; /* first */
	sqlite3_stmt *st;    /* owned, unless it belongs to the cache (slot >= 0) */
	struct sqlite_db *db; /* the connection it was prepared on */
	int slot;            /* cache entry, -1 when not cached */
};

static struct sqlite_db *conn_of(struct db *db)
{
	return (struct sqlite_db *)db;
}

static sqlite3_stmt *stmt_of(struct db_stmt *st)
{
	return ((struct sqlite_stmt *)st)->st;
}

static int fail_sqlite(struct sqlite_db *db, struct kp_error *err)
{
	int code = sqlite3_extended_errcode(db->conn);
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		return kp_fail_detail(err, KP_CONFLICT, "conflict", "", "%s", sqlite3_errmsg(db->conn));
	if ((code & 0xff) == SQLITE_BUSY)
		return kp_fail_retry(err, KP_BUSY, "busy");
	fprintf(stderr, "knooppunt: sqlite: %s\n", sqlite3_errmsg(db->conn));
	return kp_internal(err);
}

static int sl_exec(struct db *db, const char *sql, struct kp_error *err)
{
	if (sqlite3_exec(conn_of(db)->conn, sql, NULL, NULL, NULL) != SQLITE_OK)
		return fail_sqlite(conn_of(db), err);
	return KP_OK;
}

/* Runs a statement without results and makes it ready for the next time. */
static bool step_once(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE;
}

/* Ends the read transaction of db_read_begin, if open. A read transaction
   holds no write, so COMMIT only lets its snapshot go. */
static void end_read(struct sqlite_db *db)
{
	if (!db->reading)
		return;
	db->reading = false;
	if (!step_once(db->end_read))
		sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
}

/* db_exec: SQL that may write, so after a read transaction. */
static int sl_exec_op(struct db *db, const char *sql, struct kp_error *err)
{
	end_read(conn_of(db));
	return sl_exec(db, sql, err);
}

static int sl_begin(struct db *db, enum db_isolation level, struct kp_error *err)
{
	(void)level;
	end_read(conn_of(db)); /* a write transaction reads the newest data */
	return sl_exec(db, "BEGIN IMMEDIATE", err);
}

static int sl_commit(struct db *db, struct kp_error *err)
{
	return sl_exec(db, "COMMIT", err);
}

static bool sl_in_transaction(struct db *db)
{
	return !conn_of(db)->reading && !sqlite3_get_autocommit(conn_of(db)->conn);
}

static void sl_rollback(struct db *db)
{
	sqlite3_exec(conn_of(db)->conn, "ROLLBACK", NULL, NULL, NULL);
}

/* BEGIN (deferred): the snapshot is taken by the first read. */
static bool sl_read_begin(struct db *db)
{
	struct sqlite_db *conn = conn_of(db);
	if (!sqlite3_get_autocommit(conn->conn) || !step_once(conn->begin_read))
		return false;
	conn->reading = true;
	return true;
}

static void sl_read_end(struct db *db)
{
	end_read(conn_of(db));
}

/* A cached statement for sql that is not in use, or -1. */
static int cache_find(struct sqlite_db *db, const char *sql)
{
	for (int i = 0; i < STMT_CACHE; i++) {
		struct cached_stmt *c = &db->cache[i];
		if (c->sql != NULL && !c->in_use && strcmp(c->sql, sql) == 0)
			return i;
	}
	return -1;
}

/* Takes st into the cache for sql, evicting the least recently used entry
   that is not in use; returns the entry, or -1 when every entry is in use. */
static int cache_add(struct sqlite_db *db, const char *sql, sqlite3_stmt *st)
{
	int victim = -1;
	for (int i = 0; i < STMT_CACHE; i++) {
		struct cached_stmt *c = &db->cache[i];
		if (c->in_use)
			continue;
		if (c->sql == NULL) {
			victim = i;
			break;
		}
		if (victim < 0 || c->last_used < db->cache[victim].last_used)
			victim = i;
	}
	char *copy = victim >= 0 ? strdup(sql) : NULL;
	if (copy == NULL)
		return -1;
	struct cached_stmt *c = &db->cache[victim];
	sqlite3_finalize(c->st);
	free(c->sql);
	*c = (struct cached_stmt){ .sql = copy, .st = st, .in_use = true };
	return victim;
}

static int sl_prepare(struct db *db, const char *sql, struct db_stmt **out, struct kp_error *err)
{
	struct sqlite_db *conn = conn_of(db);
	struct sqlite_stmt *st = calloc(1, sizeof *st);
	if (st == NULL)
		return kp_internal(err);
	st->slot = cache_find(conn, sql);
	if (st->slot >= 0) {
		conn->cache[st->slot].in_use = true;
		st->st = conn->cache[st->slot].st;
	} else if (sqlite3_prepare_v2(conn->conn, sql, -1, &st->st, NULL) != SQLITE_OK) {
		fprintf(stderr, "knooppunt: sqlite: %s in: %s\n", sqlite3_errmsg(conn->conn), sql);
		free(st);
		return kp_internal(err);
	} else {
		st->slot = cache_add(conn, sql, st->st);
	}
	if (st->slot >= 0)
		conn->cache[st->slot].last_used = ++conn->uses;
	st->base.ops = &db_sqlite_ops;
	st->db = conn;
	*out = &st->base;
	return KP_OK;
}

static void sl_finalize(struct db_stmt *base)
{
	struct sqlite_stmt *st = (struct sqlite_stmt *)base;
	if (st->slot >= 0) {
		sqlite3_reset(st->st);
		sqlite3_clear_bindings(st->st);
		st->db->cache[st->slot].in_use = false;
	} else {
		sqlite3_finalize(st->st);
	}
	free(st);
}

static void sl_reset(struct db_stmt *st)
{
	sqlite3_reset(stmt_of(st));
	sqlite3_clear_bindings(stmt_of(st));
}

static void sl_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	sqlite3_bind_int64(stmt_of(st), idx, v);
}

static void sl_bind_double(struct db_stmt *st, int idx, double v)
{
	sqlite3_bind_double(stmt_of(st), idx, v);
}

static void sl_bind_text(struct db_stmt *st, int idx, const char *s)
{
	sqlite3_bind_text(stmt_of(st), idx, s, -1, SQLITE_TRANSIENT);
}

static void sl_bind_null(struct db_stmt *st, int idx)
{
	sqlite3_bind_null(stmt_of(st), idx);
}

/* True when another statement than st is between its first step and its
   end on st's connection. */
static bool others_busy(struct sqlite_stmt *st)
{
	for (sqlite3_stmt *o = sqlite3_next_stmt(st->db->conn, NULL); o != NULL;
	     o = sqlite3_next_stmt(st->db->conn, o))
		if (o != st->st && sqlite3_stmt_busy(o))
			return true;
	return false;
}

static int sl_step(struct db_stmt *st, struct kp_error *err)
{
	struct sqlite_stmt *s = (struct sqlite_stmt *)st;
	/* A write ends a read transaction first, so that it runs on the newest
	   data instead of failing to upgrade an older snapshot. Left open while
	   another statement still reads from it. */
	if (s->db->reading && !sqlite3_stmt_readonly(s->st) && !others_busy(s))
		end_read(s->db);
	int rc = sqlite3_step(stmt_of(st));
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	fail_sqlite(((struct sqlite_stmt *)st)->db, err);
	return DB_FAILED;
}

static int64_t sl_col_int(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(stmt_of(st), col);
}

static double sl_col_double(struct db_stmt *st, int col)
{
	return sqlite3_column_double(stmt_of(st), col);
}

static const char *sl_col_text(struct db_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt_of(st), col);
	return s ? (const char *)s : "";
}

static bool sl_col_is_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(stmt_of(st), col) == SQLITE_NULL;
}

/* The SQL of the migrations is SQLite's own dialect. */
static int sl_exec_migration(struct db *db, const char *sql, struct kp_error *err)
{
	return sl_exec(db, sql, err);
}

/* One SQLite file serves one server process: it always holds its jobs. */
static int sl_try_job_lock(struct db *db, int64_t key, bool *got, struct kp_error *err)
{
	(void)db, (void)key, (void)err;
	*got = true;
	return KP_OK;
}

static void sl_job_unlock(struct db *db, int64_t key)
{
	(void)db, (void)key;
}

/* SQLite's rowid already continues after the largest id. */
static int sl_sync_id(struct db *db, const char *table, const char *column,
                      struct kp_error *err)
{
	(void)db, (void)table, (void)column, (void)err;
	return KP_OK;
}

static void sl_close(struct db *db)
{
	struct sqlite_db *conn = conn_of(db);
	for (int i = 0; i < STMT_CACHE; i++) {
		sqlite3_finalize(conn->cache[i].st);
		free(conn->cache[i].sql);
	}
	sqlite3_finalize(conn->begin_read);
	sqlite3_finalize(conn->end_read);
	sqlite3_close_v2(conn->conn);
	free(db);
}

/* Without the memory statistics SQLite allocates without taking its global
   mutex: with it every allocation of every connection (a sorter's row, a
   statement's cursor) queued the server's threads behind one lock. Must run
   before SQLite initialises; a later call is refused and changes nothing. */
static void configure(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static int sl_open(const char *path, struct db **out, struct kp_error *err)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, configure);
	struct sqlite_db *db = calloc(1, sizeof *db);
	if (db == NULL)
		return kp_internal(err);
	db->base.ops = &db_sqlite_ops;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db->conn, flags, NULL) != SQLITE_OK) {
		kp_fail_detail(err, KP_INTERNAL, "db_open", "", "%s: %s", path,
		               db->conn ? sqlite3_errmsg(db->conn) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(db->conn, 5000);
	/* synchronous=FULL: an acknowledged write survives a crash of the process
	   and of the machine. */
	/* A larger page cache spares the reads from copying pages out of the
	   kernel on every request. No memory map: whenever another connection
	   commits (every audited view does) SQLite unmaps the whole map at the
	   next read, and the munmap with its TLB shootdown on every core cost a
	   record view more than the copies it saved. */
	if (sl_exec(&db->base, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
	                       "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
	                       "PRAGMA mmap_size=0; PRAGMA cache_size=-16384;", err))
		goto fail;
	if (sqlite3_prepare_v2(db->conn, "BEGIN", -1, &db->begin_read, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db->conn, "COMMIT", -1, &db->end_read, NULL) != SQLITE_OK) {
		fail_sqlite(db, err);
		goto fail;
	}
	*out = &db->base;
	return KP_OK;
fail:
	sl_close(&db->base);
	return KP_ERR;
}

const struct db_ops db_sqlite_ops = {
	.name = "sqlite",
	.open = sl_open,
	.close = sl_close,
	.exec = sl_exec_op,
	.begin = sl_begin,
	.commit = sl_commit,
	.rollback = sl_rollback,
	.in_transaction = sl_in_transaction,
	.read_begin = sl_read_begin,
	.read_end = sl_read_end,
	.prepare = sl_prepare,
	.finalize = sl_finalize,
	.reset = sl_reset,
	.bind_int = sl_bind_int,
	.bind_double = sl_bind_double,
	.bind_text = sl_bind_text,
	.bind_null = sl_bind_null,
	.step = sl_step,
	.col_int = sl_col_int,
	.col_double = sl_col_double,
	.col_text = sl_col_text,
	.col_is_null = sl_col_is_null,
	.exec_migration = sl_exec_migration,
	.try_job_lock = sl_try_job_lock,
	.job_unlock = sl_job_unlock,
	.sync_id = sl_sync_id,
};
