/* knooppunt migrate-data: copy a network from a SQLite file to PostgreSQL. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "db/copy.h"

static void print_report(const struct copy_report *r)
{
	printf("%-32s %10s %10s  %-16s %-16s\n", "tabel", "rijen van", "rijen naar",
	       "controlesom van", "controlesom naar");
	for (int i = 0; i < r->n_tables; i++) {
		const struct copy_table_report *t = &r->tables[i];
		bool same = t->rows_from == t->rows_to && t->sum_from == t->sum_to;
		printf("%-32s %10lld %10lld  %016llx %016llx %s\n", t->name, (long long)t->rows_from,
		       (long long)t->rows_to, (unsigned long long)t->sum_from,
		       (unsigned long long)t->sum_to, same ? "gelijk" : "VERSCHIL");
	}
}

int cmd_migrate_data(int argc, char **argv, struct app *app)
{
	(void)app;
	const char *from = NULL, *to = NULL;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--from") == 0 && i + 1 < argc) {
			from = argv[++i];
		} else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc) {
			to = argv[++i];
		} else {
			fprintf(stderr, "knooppunt migrate-data: onbekende optie %s\n", argv[i]);
			return 2;
		}
	}
	if (from == NULL || to == NULL || db_is_url(from) || !db_is_url(to)) {
		fprintf(stderr, "Gebruik: knooppunt migrate-data --from BESTAND.db "
		                "--to postgresql://gebruiker@host:poort/database\n");
		return 2;
	}
	/* Opening a missing file would create an empty database and copy nothing. */
	if (access(from, R_OK) != 0) {
		fprintf(stderr, "knooppunt migrate-data: %s bestaat niet of is niet leesbaar\n", from);
		return 1;
	}
	struct kp_error err = { 0 };
	struct db *src = NULL, *dst = NULL;
	static struct copy_report report;
	int status = 1;
	if (db_open(from, &src, &err) || db_open(to, &dst, &err))
		goto end;
	int rc = db_copy_all(src, dst, &report, &err);
	print_report(&report);
	if (rc)
		goto end;
	char where[APP_PATH_MAX];
	db_redact(to, where, sizeof where);
	printf("Gekopieerd: %d tabellen van %s naar %s; aantallen en controlesommen gelijk.\n",
	       report.n_tables, from, where);
	status = 0;
end:
	if (status != 0 && err.kind)
		cli_print_error(&err);
	db_close(dst);
	db_close(src);
	return status;
}
