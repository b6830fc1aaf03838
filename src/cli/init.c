/* knooppunt init: create the database, the shared lists and a first administrator. */
#include <stdio.h>
#include <string.h>

#include "auth/password.h"
#include "cli/cli.h"
#include "db/store.h"

int cmd_init(int argc, char **argv, struct app *app)
{
	const char *email = NULL, *password = NULL;
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
		struct account a = { .role = ROLE_ADMIN, .active = 1 };
		char hash[PASSWORD_HASH_MAX];
		if (password == NULL || strlen(password) < PASSWORD_MIN) {
			fprintf(stderr, "knooppunt init: --admin-password van minstens %d tekens nodig\n",
			        PASSWORD_MIN);
			status = 2;
		} else {
			snprintf(a.email, sizeof a.email, "%s", email);
			snprintf(a.display_name, sizeof a.display_name, "Netwerkbeheerder");
			if (password_hash(password, hash) != 0 ||
			    store_account_insert(db, &a, hash, app->now(), &err)) {
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
