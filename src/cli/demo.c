/* knooppunt demo: fill a new database with the demo network. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "demo/demo.h"
#include "util/parse.h"

int cmd_demo(int argc, char **argv, struct app *app)
{
	struct demo_options opt = { .volunteers = 2000, .seed = 1 };
	for (int i = 0; i < argc; i++) {
		long long v;
		if (strcmp(argv[i], "--volunteers") == 0 && i + 1 < argc &&
		    parse_int(argv[i + 1], 0, 10000000, &v) == 0) {
			opt.volunteers = (int)v;
			i++;
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc &&
		           parse_int(argv[i + 1], 0, INT64_MAX, &v) == 0) {
			opt.seed = (uint64_t)v;
			i++;
		} else {
			fprintf(stderr, "knooppunt demo: onbekende of ongeldige optie %s\n", argv[i]);
			return 2;
		}
	}
	struct kp_error err = { 0 };
	struct db *db;
	if (cli_open(app, &db, &err)) {
		cli_print_error(&err);
		return 1;
	}
	int rc = demo_build(app, db, &opt, &err);
	db_close(db);
	if (rc) {
		cli_print_error(&err);
		return 1;
	}
	return 0;
}
