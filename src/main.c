/*
 * knooppunt: one binary for the server and the commands around it.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "auth/password.h"
#include "cli/cli.h"
#include "serve.h"
#include "util/testclock.h"
#include "version.h"

static void usage(FILE *out)
{
	fputs("Gebruik: knooppunt <opdracht> [opties]\n"
	      "\n"
	      "Opdrachten:\n"
	      "  serve     start de webserver (standaard http://127.0.0.1:8080)\n"
	      "  init      maak de database aan [--admin-email E --admin-password W]\n"
	      "  demo      vul een nieuwe database met het demonetwerk Drechtsteden\n"
	      "            [--volunteers N] [--seed S]\n"
	      "  match     koppelvoorstellen met uitleg: --call ID (vrijwilligers voor een\n"
	      "            oproep), --volunteer ID (oproepen voor een vrijwilliger) of\n"
	      "            --proposal [--organisation ID] (alle open oproepen) [--limit N]\n"
	      "  bench match  meet de koppelmachine tegen gewone SQL [--volunteers N]\n"
	      "  bench import meet de import van een spreadsheet tegen gewone inserts [--rows N]\n"
	      "  import volunteers|calls|hours  lees vrijwilligers, oproepen of uren uit een\n"
	      "            spreadsheet (CSV of .xlsx) --file BESTAND --organisation ID\n"
	      "            [--mapping 'Kolom=veld, …'] [--dry-run] [--no-invite]\n"
	      "  import organisations  lees organisaties uit een spreadsheet --file BESTAND\n"
	      "            [--mapping 'Kolom=veld, …'] [--dry-run]\n"
	      "  backup    maak een kopie van de SQLite-database, ook terwijl de server draait\n"
	      "            --to BESTAND (PostgreSQL: pg_dump, zie docs/deploy.md)\n"
	      "  restore   zet een kopie terug als database (stop eerst de server)\n"
	      "            --from BESTAND\n"
	      "  bench hours  meet maandtotalen en jaaroverzicht van uren tegen gewone SQL\n"
	      "  bench reports  meet alle cijfers van een dashboard tegen gewone SQL\n"
	      "            [--volunteers N] [--hours N]\n"
	      "  migrate-data  kopieer een SQLite-database naar PostgreSQL\n"
	      "            --from BESTAND.db --to postgresql://…\n"
	      "  erase-person  anonimiseer een vrijwilliger --volunteer ID [--reason TEKST]\n"
	      "  retention     anonimiseer wie langer dan de bewaartermijn gestopt is\n"
	      "            [--years N] (standaard 2, of KNOOPPUNT_RETENTION_YEARS)\n"
	      "  reminders zet de herinneringen van de vrijwilligersreis in de outbox\n"
	      "            [--organisation ID]\n"
	      "  outbox    toon de wachtende e-mails [--mark-sent]\n"
	      "  version   toon de versie\n"
	      "  help      toon deze hulp\n"
	      "\n"
	      "Opties voor elke opdracht:\n"
	      "  --data MAP     map met de gegevens (of KNOOPPUNT_DATA; standaard ./data)\n"
	      "  --db BESTAND   databasebestand (standaard MAP/knooppunt.db) of\n"
	      "                 PostgreSQL-adres postgresql://gebruiker@host:poort/naam\n"
	      "  --host ADRES   luisteradres (standaard 127.0.0.1)\n"
	      "  --port POORT   poort (standaard 8080)\n"
	      "  --web MAP      map met de webpagina's (standaard ./web)\n"
	      "  --threads N    aantal werkthreads van de server (standaard 8)\n"
	      "\n"
	      "Opties voor serve:\n"
	      "  --max-connections-per-address N\n"
	      "                 verbindingen per clientadres (standaard 64; 0: geen grens,\n"
	      "                 achter een proxy zoals nginx die zelf begrenst)\n"
	      "  --behind-tls   bezoekers komen alleen via HTTPS binnen (TLS eindigt bij de\n"
	      "                 proxy): sessiecookie met Secure, elk antwoord met HSTS\n",
	      out);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *command = argv[1];
	if (strcmp(command, "help") == 0 || strcmp(command, "--help") == 0 ||
	    strcmp(command, "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(command, "version") == 0 || strcmp(command, "--version") == 0) {
		printf("knooppunt %s\n", KNOOPPUNT_VERSION);
		return 0;
	}
	if (password_init() != 0) {
		fprintf(stderr, "knooppunt: libsodium kon niet starten\n");
		return 1;
	}
	struct app app = { .now = app_clock_real };
	if (testclock_enabled()) { /* tests only: a clock the test sets */
		app.now = testclock_now;
		fprintf(stderr, "knooppunt: let op, de klok volgt KNOOPPUNT_NOW\n");
	}
	app_config_defaults(&app.cfg);
	catalog_init(&app.lists);
	char *rest[argc];
	int n = cli_common_options(argc - 2, argv + 2, &app.cfg, rest);
	int status = 2;
	if (n < 0)
		status = 2;
	else if (strcmp(command, "serve") == 0)
		status = cmd_serve(n, rest, &app);
	else if (strcmp(command, "init") == 0)
		status = cmd_init(n, rest, &app);
	else if (strcmp(command, "demo") == 0)
		status = cmd_demo(n, rest, &app);
	else if (strcmp(command, "match") == 0)
		status = cmd_match(n, rest, &app);
	else if (strcmp(command, "bench") == 0)
		status = cmd_bench(n, rest, &app);
	else if (strcmp(command, "erase-person") == 0)
		status = cmd_erase_person(n, rest, &app);
	else if (strcmp(command, "reminders") == 0)
		status = cmd_reminders(n, rest, &app);
	else if (strcmp(command, "outbox") == 0)
		status = cmd_outbox(n, rest, &app);
	else if (strcmp(command, "retention") == 0)
		status = cmd_retention(n, rest, &app);
	else if (strcmp(command, "backup") == 0)
		status = cmd_backup(n, rest, &app);
	else if (strcmp(command, "restore") == 0)
		status = cmd_restore(n, rest, &app);
	else if (strcmp(command, "import") == 0)
		status = cmd_import(n, rest, &app);
	else if (strcmp(command, "migrate-data") == 0)
		status = cmd_migrate_data(n, rest, &app);
	else {
		fprintf(stderr, "knooppunt: onbekende opdracht '%s'\n\n", command);
		usage(stderr);
	}
	catalog_free(&app.lists);
	return status;
}
