/* knooppunt init: create the database, the shared lists and a first administrator. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "service/accounts.h"

/* The command line acts as the network administrator, with no account of its own. */
static const struct principal command_line = { .role = ROLE_ADMIN };

int cmd_init(int argc, char **argv, struct app *app)
{
	const char *email = NULL;
	char *password = NULL;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--admin-email") == 0 && i + 1 < argc) {
			email = argv[++i];
		} else if (strcmp(argv[i], "--admin-password") == 0 && i + 1 < argc) {
			password = argv[++i];
		} else {
			fprintf(stderr, "knooppunt init: onbekende optie %s\n", argv[i]);
			return 2;
		}
	}
	struct kp_error err = { 0 };
	struct db *db;
	if (cli_open(app, &db, &err)) {
		cli_print_error(&err);
		return 1;
	}
	int status = 0;
	if (email != NULL) {
		struct account_new n = { .account = { .role = ROLE_ADMIN }, .password = password };
		if (password == NULL || strlen(password) < PASSWORD_MIN) {
			fprintf(stderr, "knooppunt init: --admin-password van minstens %d tekens nodig\n",
			        PASSWORD_MIN);
			status = 2;
		} else {
			snprintf(n.account.email, sizeof n.account.email, "%s", email);
			snprintf(n.account.display_name, sizeof n.account.display_name,
			         "Netwerkbeheerder");
			if (account_create(app, db, &command_line, &n, &err)) {
				cli_print_error(&err);
				status = 1;
			}
		}
	}
	if (status == 0) {
		char where[APP_PATH_MAX];
		db_redact(app->cfg.db_path, where, sizeof where);
		printf("Database klaar: %s (schema %d)\n", where, db_schema_version(db));
	}
	db_close(db);
	return status;
}
