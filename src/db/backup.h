/*
 * Backing up and restoring a SQLite database with SQLite's online backup
 * API, while a server may be serving from it.
 *
 * A backup copies every page in one step inside one read transaction: in
 * WAL mode writers go on meanwhile, and the copy is the database as it was
 * at one moment (a step-wise copy would start again with every write of
 * another connection, and under steady load never finish). A restore checks
 * that the file is an intact Knooppunt database (quick_check, a schema
 * version) and copies it over the destination the same way; the server
 * should be stopped for it, since its matching index would not see the
 * change (docs/deploy.md). PostgreSQL is backed up with pg_dump instead.
 *
 * Ownership: paths are borrowed; nothing is kept.
 */
#ifndef KP_DB_BACKUP_H
#define KP_DB_BACKUP_H

#include <stdint.h>

#include "util/error.h"

#define DB_BACKUP_BUSY_MS 10000  /* how long to wait for a lock before giving up */

struct db_backup_info {
	int64_t pages;          /* pages copied */
	int64_t bytes;          /* their size */
	int schema_version;     /* of the copied database */
};

/* Copies the database at `from` into a new file `to` (which must not exist:
   KP_CONFLICT "exists" naming "to"). */
int db_backup(const char *from, const char *to, struct db_backup_info *info,
              struct kp_error *err);

/* Checks the backup `from` and copies it over the database at `to`. */
int db_restore(const char *from, const char *to, struct db_backup_info *info,
               struct kp_error *err);

#endif
