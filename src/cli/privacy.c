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
#include "db/store.h"
#include "sync/retention.h"
#include "util/parse.h"

#define RETENTION_JOB_KEY 0x6b6e6f6f7002LL /* the retention job's lock (sync/jobs.c) */

/* Erases one volunteer in its own transaction, with an audit entry by "the system". */
static int erase_one(struct db *db, int64_t id, int64_t now, const char *reason,
                     struct kp_error *err)
{
	struct audit_entry e = { .at = now, .role = ROLE_ANONYMOUS, .volunteer_id = id,
	                         .record_id = id };
	snprintf(e.action, sizeof e.action, "erase");
	snprintf(e.resource, sizeof e.resource, "volunteer");
	snprintf(e.reason, sizeof e.reason, "%s", reason);
	if (db_begin(db, err) || store_volunteer_erase(db, id, now, err) ||
	    store_audit_append(db, &e, err) || db_commit(db, err)) {
		db_rollback(db);
		return KP_ERR;
	}
	return KP_OK;
}

/* Anonymises the volunteers stopped more than `years` ago, under the job's
   network-wide lock (nothing happens when another process holds it). */
static int retention_run(struct db *db, int years, int64_t now, int *erased,
                         struct kp_error *err)
{
	bool got = false;
	*erased = 0;
	if (db_try_job_lock(db, RETENTION_JOB_KEY, &got, err))
		return KP_ERR;
	if (!got)
		return KP_OK;
	int rc = KP_ERR;
	if (db_begin(db, err) == KP_OK) {
		rc = store_retention_erase(db, now - years * RETENTION_YEAR_S, now,
		                           RETENTION_BATCH_MAX, erased, err);
		if (rc == KP_OK)
			rc = db_commit(db, err);
		if (rc != KP_OK)
			db_rollback(db);
	}
	db_job_unlock(db, RETENTION_JOB_KEY);
	return rc;
}

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
	if (cli_open(app, &db, &err) || erase_one(db, id, app->now(), reason, &err))
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
	int status = 1, erased = 0;
	if (cli_open(app, &db, &err) ||
	    retention_run(db, years, app->now(), &erased, &err))
		goto end;
	printf("Bewaartermijn %d jaar: %d vrijwilliger(s) geanonimiseerd.\n", years, erased);
	status = 0;
end:
	if (status != 0)
		cli_print_error(&err);
	db_close(db);
	return status;
}
