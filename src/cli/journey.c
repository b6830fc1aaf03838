/* knooppunt reminders / knooppunt outbox: the journey's reminder mails from
   the command line (the server also queues them, hourly, as a job of the job
   runner), and the mails waiting in the outbox. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "db/store.h"
#include "service/reminders.h"
#include "util/parse.h"

int cmd_reminders(int argc, char **argv, struct app *app)
{
	long long org = 0;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--organisation") != 0 || i + 1 >= argc ||
		    parse_int(argv[++i], 1, INT64_MAX, &org) != 0) {
			fprintf(stderr, "knooppunt reminders: gebruik [--organisation ID]\n");
			return 2;
		}
	}
	struct kp_error err = { 0 };
	struct db *db = NULL;
	int status = 1, queued = 0, tasks = 0;
	if (cli_open(app, &db, &err) || app_secret_key_load(app, &err) ||
	    reminders_send(app, db, org, app->now(), &queued, &tasks, &err))
		goto end;
	printf("%d taak/taken, %d nieuwe herinnering(en) in de outbox.\n", tasks, queued);
	status = 0;
end:
	if (status != 0)
		cli_print_error(&err);
	db_close(db);
	return status;
}

struct printing {
	struct db *db;
	bool mark;
	int64_t now;
	int n;
	struct kp_error *err;
};

static int print_mail(void *ctx, const struct outbox_mail *m)
{
	struct printing *p = ctx;
	char at[11];
	parse_format_date(m->created_at, at);
	printf("--- #%lld %s\nAan: %s\nOnderwerp: %s\n\n%s\n", (long long)m->id, at, m->recipient,
	       m->subject, m->body);
	p->n++;
	return 0;
}

static int mark_one(void *ctx, const struct outbox_mail *m)
{
	struct printing *p = ctx;
	return store_outbox_mark_sent(p->db, m->id, p->now, p->err) == KP_OK ? 0 : -1;
}

int cmd_outbox(int argc, char **argv, struct app *app)
{
	bool mark = false;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--mark-sent") != 0) {
			fprintf(stderr, "knooppunt outbox: gebruik [--mark-sent]\n");
			return 2;
		}
		mark = true;
	}
	struct kp_error err = { 0 };
	struct db *db = NULL;
	struct page pg = { PAGE_MAX, 0 };
	int64_t total = 0;
	int status = 1;
	struct printing p = { NULL, mark, app->now(), 0, &err };
	if (cli_open(app, &db, &err))
		goto end;
	p.db = db;
	if (store_outbox_list(db, OUTBOX_PENDING, 0, pg, print_mail, &p, &total, &err))
		goto end;
	/* The page printed is the page marked: a mail is marked only once shown. */
	if (mark && (db_begin(db, &err) ||
	             store_outbox_list(db, OUTBOX_PENDING, 0, pg, mark_one, &p, &total, &err) ||
	             db_commit(db, &err))) {
		db_rollback(db);
		goto end;
	}
	printf("%d van %lld wachtende e-mail(s) getoond%s.\n", p.n, (long long)total,
	       mark ? " en als verzonden gemarkeerd" : "");
	status = 0;
end:
	if (status != 0)
		cli_print_error(&err);
	db_close(db);
	return status;
}
