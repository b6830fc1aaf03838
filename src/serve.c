/* knooppunt serve (serve.h): the web server with its embedded database. */
#include "serve.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "api/api.h"
#include "api/page_forms.h"
#include "api/metrics.h"
#include "auth/password.h"
#include "auth/ratelimit.h"
#include "cli/cli.h"
#include "http/http.h"
#include "http/static.h"
#include "match/match.h"
#include "service/report_people.h"
#include "util/memo.h"
#include "db/audit_writer.h"
#include "sync/follow.h"
#include "sync/jobs.h"
#include "util/parse.h"

static volatile sig_atomic_t stop_requested;

/* The change-log hook: every write committed by any server on this
   database reaches the in-memory state here, on the follower's thread. */
static void apply_change(void *ctx, struct db *db, const struct change_entry *c)
{
	struct app *app = ctx;
	if (app->index != NULL)
		match_index_on_change(app->index, db, c);
	if (app->people != NULL)
		report_people_on_change(app->people, db, c);
}

/* The integer in environment variable `name` within [lo, hi]; 0 when
   unset or out of range. */
static int env_int(const char *name, long long lo, long long hi)
{
	const char *s = getenv(name);
	long long v = 0;
	if (s == NULL || parse_int(s, lo, hi, &v) != 0)
		return 0;
	return (int)v;
}

/* KNOOPPUNT_JOB_PERIOD (seconds) shortens every job's period, for tests. */
static int job_period_override(void)
{
	return env_int("KNOOPPUNT_JOB_PERIOD", 1, 86400);
}

/* The options of serve itself, after the common ones: fills http (and
   app->cfg.behind_tls). Returns
   0, or -1 after printing what is wrong. KNOOPPUNT_HEADER_DEADLINE_MS and
   KNOOPPUNT_BODY_DEADLINE_MS shorten the request deadlines, for tests. */
static int serve_options(int argc, char **argv, struct app *app, struct http_config *http)
{
	http_config_defaults(http);
	http->host = app->cfg.host;
	http->port = app->cfg.port;
	http->threads = app->cfg.threads;
	http->body_max = api_body_max;
	int ms = env_int("KNOOPPUNT_HEADER_DEADLINE_MS", 100, HTTP_HEADER_DEADLINE_MS);
	http->header_deadline_ms = ms ? ms : HTTP_HEADER_DEADLINE_MS;
	ms = env_int("KNOOPPUNT_BODY_DEADLINE_MS", 100, HTTP_BODY_DEADLINE_MS);
	http->body_deadline_ms = ms ? ms : HTTP_BODY_DEADLINE_MS;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		long long n;
		if (strcmp(a, "--max-connections-per-address") == 0 && i + 1 < argc) {
			if (parse_int(argv[++i], 0, HTTP_CONNECTIONS_MAX - 1, &n) != 0) {
				fprintf(stderr, "knooppunt serve: --max-connections-per-address moet "
				        "tussen 0 en %d liggen\n", HTTP_CONNECTIONS_MAX - 1);
				return -1;
			}
			http->per_address = (int)n;
		} else if (strcmp(a, "--behind-tls") == 0) {
			app->cfg.behind_tls = 1;
			http->hsts = 1;
		} else {
			fprintf(stderr, "knooppunt serve: onbekende optie %s\n", a);
			return -1;
		}
	}
	return 0;
}

/* Lets the process hold the connection cap's sockets beside its files:
   the soft limit of open files rises to the hard one. */
static void raise_file_limit(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

/* The matching index and the figures' copy of the volunteers, loaded after
   the follower noted where the change log ends and kept fresh by it (the
   index also by the API right after its own writes).
   KNOOPPUNT_MATCH_SPREAD (0-110 points, default 2) sets how much each further
   pair of one volunteer costs in a proposal. */
static int load_index(struct app *app, struct kp_error *err)
{
	struct db *db = db_pool_acquire(app->pool);
	int rc = match_index_new(&app->lists, &app->index, err);
	const char *spread = getenv("KNOOPPUNT_MATCH_SPREAD");
	long long points;
	if (rc == KP_OK && spread != NULL && parse_int(spread, 0, 110, &points) == 0) {
		struct match_weights w;
		match_index_get_weights(app->index, &w);
		w.spread = (double)points;
		match_index_set_weights(app->index, &w);
	}
	if (rc == KP_OK)
		rc = match_index_load(app->index, db, err);
	if (rc == KP_OK && report_people_new(&app->people) != KP_OK)
		rc = kp_internal(err);
	if (rc == KP_OK)
		rc = report_people_load(app->people, db, err);
	db_pool_release(app->pool, db);
	return rc;
}

/* Follows the change log and runs the scheduled jobs once per network. */
static int start_sync(struct app *app, struct jobs **jobs, struct kp_error *err)
{
	char server[128];
	snprintf(server, sizeof server, "%s:%d", app->cfg.host, app->cfg.port);
	if (follow_open(app->cfg.db_path, apply_change, app, &app->follow, err) ||
	    load_index(app, err) || follow_start(app->follow, FOLLOW_INTERVAL_MS, err) ||
	    jobs_open(app->cfg.db_path, jobs_builtin, jobs_builtin_count, server,
	              job_period_override(), app->now, app, jobs, err) ||
	    jobs_start(*jobs, JOBS_TICK_MS, err))
		return KP_ERR;
	return KP_OK;
}

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

int cmd_serve(int argc, char **argv, struct app *app)
{
	struct http_config http;
	if (serve_options(argc, argv, app, &http) != 0)
		return 2;
	raise_file_limit();
	struct kp_error err = { 0 };
	struct db *db = NULL;
	struct http_server *srv = NULL;
	struct jobs *jobs = NULL;
	int status = 1;
	if (cli_open(app, &db, &err) || app_secret_key_load(app, &err))
		goto end;
	db_close(db); /* migrations done; the pool opens its own connections */
	db = NULL;
	if (password_hash("knooppunt-dummy-password", app->dummy_hash) != 0) {
		kp_internal(&err);
		goto end;
	}
	app->login_limit = ratelimit_new(RATELIMIT_FAILURES, RATELIMIT_WINDOW, RATELIMIT_KEYS);
	int signups = env_int("KNOOPPUNT_SIGNUPS_PER_HOUR", 1, 1000000);
	app->signup_limit = ratelimit_new(signups ? signups : RATELIMIT_SIGNUPS_PER_HOUR, 3600,
	                                  RATELIMIT_KEYS);
	app->metrics = metrics_new();
	app->call_forms = memo_new(LIST_FORMS_KEPT, LIST_FORM_MAX);
	app->volunteer_forms = memo_new(LIST_FORMS_KEPT, LIST_FORM_MAX);
	if (app->login_limit == NULL || app->signup_limit == NULL || app->metrics == NULL ||
	    app->call_forms == NULL || app->volunteer_forms == NULL) {
		kp_internal(&err);
		goto end;
	}
	/* One connection per HTTP thread, so a request never waits for one. */
	if (db_pool_open(app->cfg.db_path, app->cfg.threads, &app->pool, &err) ||
	    audit_writer_open(app->cfg.db_path, &app->audit, &err))
		goto end;
	/* Static files are checked against the web root's real path, resolved
	   once here; without the directory only the API is served. */
	char web_root[APP_PATH_MAX];
	if (http_static_root(app->cfg.web_dir, web_root, sizeof web_root) == 0)
		snprintf(app->cfg.web_dir, sizeof app->cfg.web_dir, "%s", web_root);
	/* Before serving: the follower notes where the change log ends, so that
	   nothing written from now on is missed. */
	if (start_sync(app, &jobs, &err))
		goto end;
	if (http_server_start(&http, api_handle, app, &srv, &err))
		goto end;
	char where[APP_PATH_MAX];
	db_redact(app->cfg.db_path, where, sizeof where); /* no password in the log */
	printf("Knooppunt draait op http://%s:%d (gegevens: %s)\n", app->cfg.host, app->cfg.port,
	       where);
	fflush(stdout);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	while (!stop_requested)
		pause();
	status = 0;
end:
	if (status != 0 && err.kind)
		cli_print_error(&err);
	http_server_stop(srv);
	audit_writer_close(app->audit);
	app->audit = NULL;
	jobs_close(jobs);
	follow_close(app->follow);
	app->follow = NULL;
	match_index_free(app->index);
	app->index = NULL;
	report_people_free(app->people);
	app->people = NULL;
	metrics_free(app->metrics);
	app->metrics = NULL;
	memo_free(app->call_forms);
	app->call_forms = NULL;
	memo_free(app->volunteer_forms);
	app->volunteer_forms = NULL;
	ratelimit_free(app->login_limit);
	app->login_limit = NULL;
	ratelimit_free(app->signup_limit);
	app->signup_limit = NULL;
	db_pool_close(app->pool);
	app->pool = NULL;
	db_close(db);
	return status;
}
