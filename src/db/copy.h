/*
 * Copies a whole network from a SQLite database to another database (in
 * practice PostgreSQL) without loss, and proves it: every table's row count
 * and a checksum of its contents are computed on both sides after the copy.
 *
 * The tables and their columns are read from the source's schema, so tables
 * added by later migrations are copied without changing this code; they are
 * copied parents first (by their foreign keys). The copy runs in one
 * transaction on the destination: it is complete or absent. The destination
 * must be empty (freshly migrated).
 *
 * The checksum of a table is the sum (mod 2^64) of a BLAKE2b-64 hash of each
 * row's canonical text (integers in decimal, reals as %.17g, text as is,
 * NULL as its own marker), so it does not depend on row order or collation.
 */
#ifndef KP_DB_COPY_H
#define KP_DB_COPY_H

#include <stdint.h>

#include "db/db.h"

#define COPY_TABLES_MAX 128
#define COPY_COLUMNS_MAX 64

struct copy_table_report {
	char name[64];
	int64_t rows_from, rows_to;
	uint64_t sum_from, sum_to;
};

struct copy_report {
	int n_tables;
	struct copy_table_report tables[COPY_TABLES_MAX];
};

/* Copies every table of `from` (SQLite) into `to`, then fills report with
   counts and checksums of both sides. Returns KP_OK only when every table
   matches; KP_CONFLICT "not_empty" when `to` already holds data, KP_INTERNAL "copy_mismatch"
   when a count or checksum differs (the report says where). */
int db_copy_all(struct db *from, struct db *to, struct copy_report *report,
                struct kp_error *err);

/* Counts and checksums table (columns as in `from`'s schema) in db. */
int db_copy_checksum(struct db *schema, struct db *db, const char *table, int64_t *rows,
                     uint64_t *sum, struct kp_error *err);

#endif
