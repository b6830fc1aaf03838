/*
 * The PostgreSQL backend of src/db/db.h, on libpq.
 *
 * Statements: the `?` placeholders are rewritten to $1…$n (outside string
 * literals, quoted names and comments) when prepared; parameters travel as
 * text with their type (bigint, double precision, text; NULL untyped so it
 * fits any column; a function that takes `integer` needs CAST(? AS INTEGER)).
 * A statement runs on its first db_step and its whole result is fetched at
 * once, so one connection can run other statements while a caller still
 * walks the rows of this one; column text stays valid until the next
 * db_reset or db_finalize. Each connection prepares a statement on the
 * server the first time it runs (up to PG_PREPARED_MAX of them) and reuses
 * it after, which saves parsing and planning on every request.
 *
 * Isolation per operation:
 * - db_begin (every write of the API: read, check, then write) is
 *   SERIALIZABLE, the same guarantee SQLite gives by running writers one at
 *   a time: no lost updates and no write skew (two proposals that each see
 *   room for one more match). The loser of a race gets SQLSTATE 40001 at a
 *   statement or at COMMIT, answered as KP_CONFLICT "changed_meanwhile".
 * - DB_READ_COMMITTED for work that is one guarded statement or that runs
 *   alone: migrations (which also hold an advisory lock, so two servers
 *   starting together migrate once) and bulk copies.
 * - Reads outside a transaction run in autocommit; each statement sees
 *   committed data.
 * Constraint violations (SQLSTATE class 23) become KP_CONFLICT "conflict", as on
 * SQLite. A broken connection is re-established before its next statement.
 */
#include "db/backend.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* Type oids of the parameters (pg_type.h is not part of libpq's headers). */
#define PG_OID_INT8 20
#define PG_OID_TEXT 25
#define PG_OID_FLOAT8 701

/* Advisory lock key of the migration runner ("knoop" in ASCII). */
#define PG_MIGRATION_LOCK 0x6b6e6f6f70LL

#define PG_SQL_MAX (1024 * 1024)
#define PG_PREPARED_MAX 512   /* prepared statements kept per connection */

/* A statement prepared on the server once per connection, so that later
   runs skip parsing and planning. Keyed by the SQL and the parameter types
   (a NULL parameter is untyped and may make the server infer another type). */
struct pg_prepared {
	uint64_t hash;        /* of sql and types, to compare quickly */
	char *sql;            /* owned */
	Oid *types;           /* owned, n_params of them */
	int n_params;
	char name[16];        /* "kp1", "kp2", … */
};

struct pg_db {
	struct db base;       /* first: the front reads ops from it */
	PGconn *conn;         /* owned */
	struct pg_prepared prepared[PG_PREPARED_MAX]; /* [0, n_prepared) in use */
	int n_prepared;       /* beyond the cap, statements run unprepared */
	int names_used;       /* names kp1…kpN ever prepared in this session */
};

struct pg_stmt {
	struct db_stmt base;  /* first */
	struct pg_db *db;     /* the connection it was prepared on */
	char *sql;            /* owned; placeholders as $1…$n */
	int n_params;
	char **values;        /* owned strings, NULL for SQL NULL; n_params of them */
	Oid *types;           /* n_params */
	PGresult *res;        /* owned; the whole result once executed */
	int row;              /* current row of res, -1 before the first */
};

static struct pg_db *conn_of(struct db *db)
{
	return (struct pg_db *)db;
}

static struct pg_stmt *stmt_of(struct db_stmt *st)
{
	return (struct pg_stmt *)st;
}

static void quiet_notices(void *arg, const char *message)
{
	(void)arg, (void)message;
}

/* Copies the first line of s into out (libpq messages end in newlines). */
static void first_line(const char *s, char *out, size_t cap)
{
	size_t n = s ? strcspn(s, "\n") : 0;
	snprintf(out, cap, "%.*s", (int)n, s ? s : "");
}

/* Fills err from a failed result (res may be NULL when libpq ran out). */
static int fail_pg(struct pg_db *db, const PGresult *res, struct kp_error *err)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char msg[256];
	first_line(primary ? primary : PQerrorMessage(db->conn), msg, sizeof msg);
	if (state != NULL && strncmp(state, "23", 2) == 0)
		return kp_fail_detail(err, KP_CONFLICT, "conflict", "", "%s", msg);
	if (state != NULL && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0))
		return kp_fail_retry(err, KP_CONFLICT, "changed_meanwhile");
	if (PQstatus(db->conn) != CONNECTION_OK)
		return kp_fail_retry(err, KP_BUSY, "busy");
	fprintf(stderr, "knooppunt: postgresql: %s (%s)\n", msg, state ? state : "-");
	return kp_internal(err);
}

/* Reconnects a connection the server dropped; true when it is usable. */
static void forget_prepared(struct pg_db *db)
{
	for (int i = 0; i < db->n_prepared; i++) {
		free(db->prepared[i].sql);
		free(db->prepared[i].types);
	}
	db->n_prepared = 0;
	db->names_used = 0;
}

static bool ensure_connected(struct pg_db *db)
{
	if (PQstatus(db->conn) == CONNECTION_OK)
		return true;
	PQreset(db->conn);
	forget_prepared(db); /* a new session knows none of them */
	return PQstatus(db->conn) == CONNECTION_OK;
}

static int pg_exec(struct db *dbh, const char *sql, struct kp_error *err)
{
	struct pg_db *db = conn_of(dbh);
	if (!ensure_connected(db))
		return fail_pg(db, NULL, err);
	PGresult *res = PQexec(db->conn, sql);
	int st = PQresultStatus(res);
	int rc = KP_OK;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		rc = fail_pg(db, res, err);
	PQclear(res);
	return rc;
}

static int pg_begin(struct db *db, enum db_isolation level, struct kp_error *err)
{
	return pg_exec(db, level == DB_READ_COMMITTED ? "BEGIN ISOLATION LEVEL READ COMMITTED"
	                                              : "BEGIN ISOLATION LEVEL SERIALIZABLE",
	               err);
}

static int pg_commit(struct db *dbh, struct kp_error *err)
{
	struct pg_db *db = conn_of(dbh);
	/* COMMIT of a transaction in which a statement failed silently rolls
	   back; report it instead of pretending it was written. */
	if (PQtransactionStatus(db->conn) == PQTRANS_INERROR) {
		pg_exec(dbh, "ROLLBACK", NULL);
		fprintf(stderr, "knooppunt: postgresql: commit after a failed statement\n");
		return kp_internal(err);
	}
	return pg_exec(dbh, "COMMIT", err);
}

static bool pg_in_transaction(struct db *db)
{
	PGTransactionStatusType t = PQtransactionStatus(conn_of(db)->conn);
	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

static void pg_rollback(struct db *db)
{
	pg_exec(db, "ROLLBACK", NULL);
}

/* Rewrites `?` to $1…$n outside '…' literals, "…" names and comments.
   Returns an owned string, or NULL when out of memory or too long. */
static char *rewrite_placeholders(const char *sql, int *n_params)
{
	struct buf b;
	buf_init(&b, PG_SQL_MAX);
	char quote = 0;   /* ' or " while inside one */
	bool line_comment = false, block_comment = false;
	int n = 0, rc = 0;
	for (const char *p = sql; *p && rc == 0; p++) {
		if (line_comment) {
			line_comment = *p != '\n';
		} else if (block_comment) {
			if (p[0] == '*' && p[1] == '/') {
				block_comment = false;
				rc = buf_append(&b, p++, 1);
			}
		} else if (quote) {
			if (*p == quote)
				quote = 0; /* a doubled quote re-enters at the next character */
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (p[0] == '-' && p[1] == '-') {
			line_comment = true;
		} else if (p[0] == '/' && p[1] == '*') {
			block_comment = true;
			rc = buf_append(&b, p++, 1);
		} else if (*p == '?') {
			rc = buf_printf(&b, "$%d", ++n);
			continue;
		}
		if (rc == 0)
			rc = buf_append(&b, p, 1);
	}
	if (rc == 0 && b.data == NULL)
		rc = buf_appends(&b, "");
	if (rc != 0) {
		buf_free(&b);
		return NULL;
	}
	*n_params = n;
	return buf_take(&b);
}

static void clear_values(struct pg_stmt *st)
{
	for (int i = 0; i < st->n_params; i++) {
		free(st->values[i]);
		st->values[i] = NULL;
		st->types[i] = 0;
	}
}

static void pg_finalize(struct db_stmt *sth)
{
	struct pg_stmt *st = stmt_of(sth);
	if (st->values)
		clear_values(st);
	PQclear(st->res);
	free(st->values);
	free(st->types);
	free(st->sql);
	free(st);
}

static int pg_prepare(struct db *db, const char *sql, struct db_stmt **out,
                      struct kp_error *err)
{
	struct pg_stmt *st = calloc(1, sizeof *st);
	if (st == NULL)
		return kp_internal(err);
	st->base.ops = &db_postgres_ops;
	st->db = conn_of(db);
	st->row = -1;
	st->sql = rewrite_placeholders(sql, &st->n_params);
	if (st->sql != NULL) {
		st->values = calloc((size_t)st->n_params + 1, sizeof *st->values);
		st->types = calloc((size_t)st->n_params + 1, sizeof *st->types);
	}
	if (st->sql == NULL || st->values == NULL || st->types == NULL) {
		pg_finalize(&st->base);
		return kp_internal(err);
	}
	*out = &st->base;
	return KP_OK;
}

static void pg_reset(struct db_stmt *sth)
{
	struct pg_stmt *st = stmt_of(sth);
	PQclear(st->res);
	st->res = NULL;
	st->row = -1;
	clear_values(st);
}

/* Stores an owned copy of text for parameter idx (1-based); out-of-range
   indexes are ignored, as SQLite does. */
static void set_param(struct pg_stmt *st, int idx, const char *text, Oid type)
{
	if (idx < 1 || idx > st->n_params)
		return;
	free(st->values[idx - 1]);
	st->values[idx - 1] = text ? strdup(text) : NULL;
	st->types[idx - 1] = type;
}

static void pg_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	char s[24];
	snprintf(s, sizeof s, "%lld", (long long)v);
	set_param(stmt_of(st), idx, s, PG_OID_INT8);
}

static void pg_bind_double(struct db_stmt *st, int idx, double v)
{
	char s[40];
	snprintf(s, sizeof s, "%.17g", v);
	set_param(stmt_of(st), idx, s, PG_OID_FLOAT8);
}

static void pg_bind_text(struct db_stmt *st, int idx, const char *s)
{
	set_param(stmt_of(st), idx, s, PG_OID_TEXT);
}

static void pg_bind_null(struct db_stmt *st, int idx)
{
	set_param(stmt_of(st), idx, NULL, 0);
}

static uint64_t statement_hash(const char *sql, const Oid *types, int n)
{
	uint64_t h = 14695981039346656037ULL;
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	for (int i = 0; i < n; i++)
		h = (h ^ types[i]) * 1099511628211ULL;
	return h;
}

/* The name of st's statement prepared on its connection, preparing it on
   first use; NULL when the cache is full (run it unprepared) or when
   preparing failed (then *failed holds the server's error, owned by the
   caller). */
static const char *prepared_name(struct pg_stmt *st, PGresult **failed)
{
	struct pg_db *db = st->db;
	uint64_t h = statement_hash(st->sql, st->types, st->n_params);
	for (int i = 0; i < db->n_prepared; i++) {
		struct pg_prepared *p = &db->prepared[i];
		if (p->hash == h && p->n_params == st->n_params && strcmp(p->sql, st->sql) == 0 &&
		    memcmp(p->types, st->types, (size_t)st->n_params * sizeof *p->types) == 0)
			return p->name;
	}
	if (db->n_prepared == PG_PREPARED_MAX)
		return NULL;
	struct pg_prepared *p = &db->prepared[db->n_prepared];
	snprintf(p->name, sizeof p->name, "kp%d", ++db->names_used);
	PGresult *res = PQprepare(db->conn, p->name, st->sql, st->n_params, st->types);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		*failed = res;
		return NULL;
	}
	PQclear(res);
	p->sql = strdup(st->sql);
	p->types = malloc((size_t)st->n_params * sizeof *p->types + 1);
	if (p->sql == NULL || p->types == NULL) {
		free(p->sql);
		free(p->types);
		return NULL; /* runs unprepared; the name is not reused */
	}
	memcpy(p->types, st->types, (size_t)st->n_params * sizeof *p->types);
	p->n_params = st->n_params;
	p->hash = h;
	db->n_prepared++;
	return p->name;
}

static int execute(struct pg_stmt *st, struct kp_error *err)
{
	if (!ensure_connected(st->db))
		return fail_pg(st->db, NULL, err);
	/* Inside a failed transaction nothing runs; skip preparing so that the
	   statement itself reports it. */
	PGresult *failed = NULL;
	const char *name = PQtransactionStatus(st->db->conn) == PQTRANS_INERROR
	                           ? NULL
	                           : prepared_name(st, &failed);
	if (failed != NULL)
		st->res = failed;
	else if (name != NULL)
		st->res = PQexecPrepared(st->db->conn, name, st->n_params,
		                         (const char *const *)st->values, NULL, NULL, 0);
	else
		st->res = PQexecParams(st->db->conn, st->sql, st->n_params, st->types,
		                       (const char *const *)st->values, NULL, NULL, 0);
	int status = PQresultStatus(st->res);
	if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
		return KP_OK;
	fail_pg(st->db, st->res, err);
	PQclear(st->res);
	st->res = NULL;
	return KP_ERR;
}

static int pg_step(struct db_stmt *sth, struct kp_error *err)
{
	struct pg_stmt *st = stmt_of(sth);
	if (st->res == NULL && execute(st, err))
		return DB_FAILED;
	if (st->row < PQntuples(st->res))
		st->row++;
	return st->row < PQntuples(st->res) ? DB_ROW : DB_DONE;
}

/* The text of column col of the current row, NULL when there is none. */
static const char *value_at(struct db_stmt *sth, int col)
{
	struct pg_stmt *st = stmt_of(sth);
	if (st->res == NULL || st->row < 0 || st->row >= PQntuples(st->res) || col < 0 ||
	    col >= PQnfields(st->res) || PQgetisnull(st->res, st->row, col))
		return NULL;
	return PQgetvalue(st->res, st->row, col);
}

static int64_t pg_col_int(struct db_stmt *st, int col)
{
	const char *s = value_at(st, col);
	if (s == NULL)
		return 0;
	if (s[0] == 't' || s[0] == 'f') /* a boolean expression, as SQLite's 1/0 */
		return s[0] == 't';
	return strtoll(s, NULL, 10); /* SUM() is numeric: digits stop at a '.' */
}

static double pg_col_double(struct db_stmt *st, int col)
{
	const char *s = value_at(st, col);
	return s ? strtod(s, NULL) : 0.0;
}

static const char *pg_col_text(struct db_stmt *st, int col)
{
	const char *s = value_at(st, col);
	return s ? s : "";
}

static bool pg_col_is_null(struct db_stmt *st, int col)
{
	return value_at(st, col) == NULL;
}

static int run_lock_query(struct db *db, const char *fn, int64_t key, bool *got,
                          struct kp_error *err)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT %s(?)", fn);
	struct db_stmt *st;
	if (pg_prepare(db, sql, &st, err))
		return KP_ERR;
	pg_bind_int(st, 1, key);
	int rc = pg_step(st, err);
	if (rc == DB_ROW && got)
		*got = pg_col_int(st, 0) == 1;
	pg_finalize(st);
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

/* Session-level: held across the per-migration transactions. */
static int pg_lock_migrations(struct db *db, struct kp_error *err)
{
	return run_lock_query(db, "pg_advisory_lock", PG_MIGRATION_LOCK, NULL, err);
}

static void pg_unlock_migrations(struct db *db)
{
	run_lock_query(db, "pg_advisory_unlock", PG_MIGRATION_LOCK, NULL, NULL);
}

/* The migrations are written in SQL both backends accept except for the
   row id: SQLite's INTEGER PRIMARY KEY becomes an identity column. */
static int pg_exec_migration(struct db *db, const char *sql, struct kp_error *err)
{
	static const char from[] = "INTEGER PRIMARY KEY";
	static const char to[] = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
	struct buf b;
	buf_init(&b, PG_SQL_MAX);
	int rc = 0;
	const char *p = sql, *hit;
	while (rc == 0 && (hit = strstr(p, from)) != NULL) {
		rc = buf_append(&b, p, (size_t)(hit - p));
		if (rc == 0)
			rc = buf_appends(&b, to);
		p = hit + strlen(from);
	}
	if (rc == 0)
		rc = buf_appends(&b, p);
	int ret = rc == 0 ? pg_exec(db, b.data, err) : kp_internal(err);
	buf_free(&b);
	return ret;
}

static int pg_try_job_lock(struct db *db, int64_t key, bool *got, struct kp_error *err)
{
	*got = false;
	return run_lock_query(db, "pg_try_advisory_lock", key, got, err);
}

static void pg_job_unlock(struct db *db, int64_t key)
{
	run_lock_query(db, "pg_advisory_unlock", key, NULL, NULL);
}

/* Moves the identity sequence past the largest id present. */
static int pg_sync_id(struct db *db, const char *table, const char *column,
                      struct kp_error *err)
{
	char sql[512];
	int n = snprintf(sql, sizeof sql,
	                 "SELECT setval(pg_get_serial_sequence('%s', '%s'), "
	                 "COALESCE(MAX(%s), 0) + 1, false) FROM %s",
	                 table, column, column, table);
	if (n < 0 || (size_t)n >= sizeof sql)
		return kp_internal(err);
	return pg_exec(db, sql, err);
}

static void pg_close(struct db *db)
{
	forget_prepared(conn_of(db));
	PQfinish(conn_of(db)->conn);
	free(db);
}

static int pg_open(const char *path, struct db **out, struct kp_error *err)
{
	struct pg_db *db = calloc(1, sizeof *db);
	if (db == NULL)
		return kp_internal(err);
	db->base.ops = &db_postgres_ops;
	db->conn = PQconnectdb(path);
	if (db->conn == NULL || PQstatus(db->conn) != CONNECTION_OK) {
		char where[512], msg[256];
		db_redact(path, where, sizeof where);
		first_line(db->conn ? PQerrorMessage(db->conn) : "out of memory", msg, sizeof msg);
		kp_fail_detail(err, KP_INTERNAL, "db_open", "", "%s: %s", where, msg);
		pg_close(&db->base);
		return KP_ERR;
	}
	PQsetNoticeProcessor(db->conn, quiet_notices, NULL);
	*out = &db->base;
	return KP_OK;
}

const struct db_ops db_postgres_ops = {
	.name = "postgresql",
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.in_transaction = pg_in_transaction,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.bind_int = pg_bind_int,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.col_int = pg_col_int,
	.col_double = pg_col_double,
	.col_text = pg_col_text,
	.col_is_null = pg_col_is_null,
	.lock_migrations = pg_lock_migrations,
	.unlock_migrations = pg_unlock_migrations,
	.exec_migration = pg_exec_migration,
	.try_job_lock = pg_try_job_lock,
	.job_unlock = pg_job_unlock,
	.sync_id = pg_sync_id,
};
