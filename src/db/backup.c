/* Online backup and restore of SQLite databases (backup.h). */
#include "db/backup.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int fail_sqlite(sqlite3 *db, const char *field, struct kp_error *err)
{
	int code = db ? sqlite3_errcode(db) : SQLITE_CANTOPEN;
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return kp_fail_retry(err, KP_BUSY, "busy");
	return kp_fail_detail(err, KP_INVALID, "backup_failed", field, "%s",
	                      db ? sqlite3_errmsg(db) : "cannot open");
}

/* The schema version of an open database; 0 when it has none. */
static int schema_version(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int v = 0;
	if (sqlite3_prepare_v2(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version", -1, &st,
	                       NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* All pages of src into dst in one step, as one consistent read. */
static int copy(sqlite3 *src, sqlite3 *dst, struct db_backup_info *info, struct kp_error *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (b == NULL)
		return fail_sqlite(dst, "to", err);
	int rc = sqlite3_backup_step(b, -1);
	info->pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? KP_OK : fail_sqlite(dst, "to", err);
}

static int page_size(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int n = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int open_db(const char *path, int flags, sqlite3 **db, const char *field,
                   struct kp_error *err)
{
	if (sqlite3_open_v2(path, db, flags, NULL) != SQLITE_OK)
		return fail_sqlite(*db, field, err);
	sqlite3_busy_timeout(*db, DB_BACKUP_BUSY_MS);
	return KP_OK;
}

/* An intact Knooppunt database: quick_check passes and it has a schema version. */
static int check_source(sqlite3 *db, struct kp_error *err)
{
	sqlite3_stmt *st = NULL;
	bool ok = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
	          sqlite3_step(st) == SQLITE_ROW &&
	          strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
	sqlite3_finalize(st);
	if (!ok || schema_version(db) == 0)
		return kp_fail(err, KP_INVALID, "not_a_backup", "from");
	return KP_OK;
}

static int run(const char *from, const char *to, bool restore, struct db_backup_info *info,
               struct kp_error *err)
{
	sqlite3 *src = NULL, *dst = NULL;
	memset(info, 0, sizeof *info);
	int rc = open_db(from, SQLITE_OPEN_READONLY, &src, "from", err);
	if (rc == KP_OK && restore)
		rc = check_source(src, err);
	if (rc == KP_OK)
		rc = open_db(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &dst, "to", err);
	if (rc == KP_OK)
		rc = copy(src, dst, info, err);
	if (rc == KP_OK) {
		info->bytes = info->pages * (int64_t)page_size(dst);
		info->schema_version = schema_version(dst);
	}
	sqlite3_close(src);
	sqlite3_close(dst);
	return rc;
}

int db_backup(const char *from, const char *to, struct db_backup_info *info,
              struct kp_error *err)
{
	struct stat sb;
	if (stat(to, &sb) == 0)
		return kp_fail(err, KP_CONFLICT, "exists", "to");
	struct stat from_sb;
	if (stat(from, &from_sb) != 0)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "from");
	return run(from, to, false, info, err);
}

int db_restore(const char *from, const char *to, struct db_backup_info *info,
               struct kp_error *err)
{
	struct stat sb;
	if (stat(from, &sb) != 0)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "from");
	return run(from, to, true, info, err);
}
