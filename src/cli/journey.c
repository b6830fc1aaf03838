/* knooppunt reminders / knooppunt outbox: the journey's reminder mails from
   the command line (for cron), and the mails waiting in the outbox; and the
   server's hourly reminder run. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/tasks.h"
#include "cli/cli.h"
#include "db/store.h"
#include "util/parse.h"
#include "util/testclock.h"

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
	if (cli_open(app, &db, &err) || db_begin(db, &err))
		goto end;
	if (tasks_queue_mails(db, org, app->now(), &queued, &tasks, &err) ||
	    db_commit(db, &err)) {
		db_rollback(db);
		goto end;
	}
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
	if (store_outbox_list(db, true, 0, pg, print_mail, &p, &total, &err))
		goto end;
	/* The page printed is the page marked: a mail is marked only once shown. */
	if (mark && (db_begin(db, &err) ||
	             store_outbox_list(db, true, 0, pg, mark_one, &p, &total, &err) ||
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

/* The server's reminder run: a thread that queues the reminder mails shortly
   after start and then every REMINDER_INTERVAL seconds. Not with the test
   clock (KNOOPPUNT_NOW): tests queue them explicitly, at the time they set. */
#define REMINDER_INTERVAL 3600
#define REMINDER_FIRST_DELAY 30

struct reminder_job {
	struct app *app;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
};

static void reminder_run(struct app *app)
{
	struct db *db = db_pool_acquire(app->pool);
	struct kp_error err = { 0 };
	int queued = 0, tasks = 0;
	if (db_begin(db, &err) == KP_OK &&
	    (tasks_queue_mails(db, 0, app->now(), &queued, &tasks, &err) ||
	     db_commit(db, &err))) {
		db_rollback(db);
	}
	if (err.kind)
		cli_print_error(&err);
	else if (queued > 0)
		printf("Herinneringen: %d nieuwe e-mail(s) in de outbox.\n", queued);
	fflush(stdout);
	db_pool_release(app->pool, db);
}

static void *reminder_loop(void *arg)
{
	struct reminder_job *job = arg;
	int64_t delay = REMINDER_FIRST_DELAY;
	pthread_mutex_lock(&job->lock);
	while (!job->stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += (time_t)delay;
		while (!job->stop &&
		       pthread_cond_timedwait(&job->wake, &job->lock, &until) != ETIMEDOUT)
			;
		if (job->stop)
			break;
		pthread_mutex_unlock(&job->lock);
		reminder_run(job->app);
		pthread_mutex_lock(&job->lock);
		delay = REMINDER_INTERVAL;
	}
	pthread_mutex_unlock(&job->lock);
	return NULL;
}

int reminder_job_start(struct app *app, struct reminder_job **out)
{
	*out = NULL;
	if (testclock_enabled())
		return KP_OK;
	struct reminder_job *job = calloc(1, sizeof *job);
	if (job == NULL)
		return KP_ERR;
	job->app = app;
	pthread_mutex_init(&job->lock, NULL);
	pthread_cond_init(&job->wake, NULL);
	if (pthread_create(&job->thread, NULL, reminder_loop, job) != 0) {
		pthread_cond_destroy(&job->wake);
		pthread_mutex_destroy(&job->lock);
		free(job);
		return KP_ERR;
	}
	*out = job;
	return KP_OK;
}

void reminder_job_stop(struct reminder_job *job)
{
	if (job == NULL)
		return;
	pthread_mutex_lock(&job->lock);
	job->stop = true;
	pthread_cond_signal(&job->wake);
	pthread_mutex_unlock(&job->lock);
	pthread_join(job->thread, NULL);
	pthread_cond_destroy(&job->wake);
	pthread_mutex_destroy(&job->lock);
	free(job);
}
