/*
 * knooppunt erase-person --volunteer ID [--reason TEXT]: anonymises one
 * volunteer (right to be forgotten).
 * knooppunt retention [--years N]: anonymises every volunteer that stopped
 * more than N years ago (default: the configured retention period). The
 * server runs the same once a day (src/sync/retention.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "service/erasure.h"
#include "util/parse.h"

/* The command line acts as the network administrator, with no account of its own. */
static const struct principal command_line = { .role = ROLE_ADMIN };

static int option(int argc, char **argv, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*value = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*value = argv[++*i];
	return 1;
}

int cmd_erase_person(int argc, char **argv, struct app *app)
{
	const char *id_text = NULL, *reason = "opdrachtregel";
	long long id = 0;
	for (int i = 0; i < argc; i++) {
		int a = option(argc, argv, &i, "--volunteer", &id_text);
		int b = a ? 0 : option(argc, argv, &i, "--reason", &reason);
		if (a < 0 || b < 0 || (a == 0 && b == 0)) {
			fprintf(stderr, "knooppunt erase-person: onbekende of onvolledige optie %s\n",
			        argv[i]);
			return 2;
		}
	}
	if (id_text == NULL || parse_int(id_text, 1, INT64_MAX, &id) != 0) {
		fprintf(stderr, "knooppunt erase-person: geef --volunteer ID (een positief getal)\n");
		return 2;
	}
	if (strlen(reason) > AUDIT_REASON_MAX) {
		fprintf(stderr, "knooppunt erase-person: --reason is te lang (maximaal %d tekens)\n",
		        AUDIT_REASON_MAX);
		return 2;
	}
	struct kp_error err = { 0 };
	struct db *db = NULL;
	int status = 1;
	struct erasure e = { .volunteer_id = id, .reason = reason };
	if (cli_open(app, &db, &err) || volunteer_erase(app, db, &command_line, &e, &err))
		goto end;
	printf("Vrijwilliger %lld is geanonimiseerd.\n", id);
	status = 0;
end:
	if (status != 0)
		cli_print_error(&err);
	db_close(db);
	return status;
}

int cmd_retention(int argc, char **argv, struct app *app)
{
	int years = app->cfg.retention_years;
	for (int i = 0; i < argc; i++) {
		const char *v = NULL;
		long long n;
		int a = option(argc, argv, &i, "--years", &v);
		if (a <= 0 || parse_int(v, 1, 100, &n) != 0) {
			fprintf(stderr, "knooppunt retention: gebruik --years N (1 tot 100)\n");
			return 2;
		}
		years = (int)n;
	}
	struct kp_error err = { 0 };
	struct db *db = NULL;
	int status = 1, erased = 0, clients = 0;
	if (cli_open(app, &db, &err) ||
	    retention_erase(app, db, &command_line, years, &erased, &clients, &err))
		goto end;
	printf("Bewaartermijn %d jaar: %d vrijwilliger(s) geanonimiseerd, %d cliënt(en) gewist.\n",
	       years, erased, clients);
	status = 0;
end:
	if (status != 0)
		cli_print_error(&err);
	db_close(db);
	return status;
}
