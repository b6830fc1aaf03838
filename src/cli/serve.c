/* knooppunt serve: the web server with its embedded database. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"
#include "auth/password.h"
#include "cli/cli.h"
#include "http/http.h"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

int cmd_serve(int argc, char **argv, struct app *app)
{
	if (argc > 0) {
		fprintf(stderr, "knooppunt serve: onbekende optie %s\n", argv[0]);
		return 2;
	}
	struct kp_error err = { 0 };
	struct db *db = NULL;
	struct http_server *srv = NULL;
	int status = 1;
	if (cli_open(app, &db, &err))
		goto end;
	db_close(db); /* migrations done; the pool opens its own connections */
	db = NULL;
	if (password_hash("knooppunt-dummy-password", app->dummy_hash) != 0) {
		kp_internal(&err);
		goto end;
	}
	/* One connection per HTTP thread, so a request never waits for one. */
	if (db_pool_open(app->cfg.db_path, app->cfg.threads, &app->pool, &err))
		goto end;
	if (http_server_start(app->cfg.host, app->cfg.port, app->cfg.threads, api_handle, app,
	                      &srv, &err))
		goto end;
	printf("Knooppunt draait op http://%s:%d (gegevens: %s)\n", app->cfg.host, app->cfg.port,
	       app->cfg.db_path);
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
	if (status != 0 && err.status)
		cli_print_error(&err);
	http_server_stop(srv);
	db_pool_close(app->pool);
	app->pool = NULL;
	db_close(db);
	return status;
}
