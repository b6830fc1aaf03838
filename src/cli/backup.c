/*
 * knooppunt backup --to FILE: a consistent copy of the SQLite database while
 * the server may be serving from it (db/backup.h).
 * knooppunt restore --from FILE: checks a copy and puts it back as the
 * database; stop the server first.
 * PostgreSQL is backed up with pg_dump and restored with pg_restore
 * (docs/deploy.md).
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "db/backup.h"

/* The value of the only option `name`; NULL after printing why. */
static const char *only_option(int argc, char **argv, const char *command, const char *name)
{
	if (argc == 2 && strcmp(argv[0], name) == 0)
		return argv[1];
	fprintf(stderr, "knooppunt %s: geef %s BESTAND\n", command, name);
	return NULL;
}

/* The SQLite file of the configuration; NULL after printing why. */
static const char *sqlite_file(struct app *app, const char *command)
{
	struct kp_error err = { 0 };
	if (app_config_finish(&app->cfg, &err)) {
		cli_print_error(&err);
		return NULL;
	}
	if (db_is_url(app->cfg.db_path)) {
		fprintf(stderr, "knooppunt %s: dit is een PostgreSQL-database; gebruik pg_dump en "
		                "pg_restore (zie docs/deploy.md)\n", command);
		return NULL;
	}
	return app->cfg.db_path;
}

static void print_info(const char *what, const char *file, const struct db_backup_info *i)
{
	printf("%s: %s (%lld pagina's, %.1f MB, schemaversie %d)\n", what, file,
	       (long long)i->pages, (double)i->bytes / 1e6, i->schema_version);
}

int cmd_backup(int argc, char **argv, struct app *app)
{
	const char *to = only_option(argc, argv, "backup", "--to");
	const char *from = to ? sqlite_file(app, "backup") : NULL;
	struct db_backup_info info;
	struct kp_error err = { 0 };
	if (from == NULL)
		return 2;
	if (db_backup(from, to, &info, &err)) {
		cli_print_error(&err);
		return 1;
	}
	print_info("Kopie gemaakt", to, &info);
	return 0;
}

int cmd_restore(int argc, char **argv, struct app *app)
{
	const char *from = only_option(argc, argv, "restore", "--from");
	const char *to = from ? sqlite_file(app, "restore") : NULL;
	struct db_backup_info info;
	struct kp_error err = { 0 };
	if (to == NULL)
		return 2;
	if (db_restore(from, to, &info, &err)) {
		cli_print_error(&err);
		return 1;
	}
	print_info("Teruggezet uit", from, &info);
	return 0;
}
