/*
 * The numbered schema migrations, embedded in the binary at build time from
 * src/db/migrations/NNN_name.sql (see scripts/embed-migrations). Applied in
 * order by db_open; the number applied so far is kept in schema_version.
 */
#ifndef KP_DB_MIGRATIONS_H
#define KP_DB_MIGRATIONS_H

struct db_migration {
	int number;         /* NNN from the file name, 1, 2, 3 … without gaps */
	const char *name;   /* file name, for messages */
	const char *sql;    /* the file's text */
};

extern const struct db_migration db_migrations[];
extern const int db_migration_count;

#endif
