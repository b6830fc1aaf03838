/*
 * Harness of the API tests (see support.h): starts a real server per test
 * program, drives it with libcurl and builds fixtures through the API.
 */
#include "support.h"

#include "db/db.h"
#include "db/store.h"
#include "sync/jobs.h"
#include "util/testclock.h"
#include "util/parse.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define START_WAIT_MS 60000 /* sanitizer builds start slowly on a busy machine */
#define STOP_WAIT_MS 20000
#define SERVE_ARGS_MAX 8

static void sleep_ms(int ms)
{
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

static int free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof a;
	int port = -1;
	if (bind(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
	    getsockname(fd, (struct sockaddr *)&a, &len) == 0)
		port = ntohs(a.sin_port);
	close(fd);
	return port;
}

static const char *knooppunt_bin(void)
{
	const char *bin = getenv("KNOOPPUNT_BIN");
	return bin != NULL && bin[0] != '\0' ? bin : "./knooppunt";
}

/* Starts argv in a child (stdout to /dev/null when quiet) and returns its pid. */
static pid_t spawn(char *const argv[], bool quiet)
{
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		/* A test program that dies (a crash, a failed group setup) takes its
		 * server along instead of leaving it running. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
			_exit(126);
		/* In a sanitizer build, undefined behaviour in the server stops it, so
		 * the tests see it; the option is ignored elsewhere. */
		setenv("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1", 0);
		if (quiet) {
			int null = open("/dev/null", O_WRONLY);
			if (null >= 0)
				dup2(null, STDOUT_FILENO);
		}
		execv(argv[0], argv);
		fprintf(stderr, "exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	return pid;
}

static int run_init(struct server *s)
{
	char *argv[12];
	int n = 0;
	argv[n++] = (char *)knooppunt_bin();
	argv[n++] = "init";
	argv[n++] = "--data";
	argv[n++] = s->dir;
	if (s->db_url[0] != '\0') {
		argv[n++] = "--db";
		argv[n++] = s->db_url;
	}
	argv[n++] = "--admin-email";
	argv[n++] = ADMIN_EMAIL;
	argv[n++] = "--admin-password";
	argv[n++] = ADMIN_PASSWORD;
	argv[n] = NULL;
	pid_t pid = spawn(argv, true);
	int st = 0;
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "knooppunt init failed (status %d)\n", st);
		return -1;
	}
	return 0;
}

static pid_t run_serve(struct server *s)
{
	char port[16];
	snprintf(port, sizeof port, "%d", s->port);
	const char *web = getenv("KNOOPPUNT_WEB");
	char *argv[16 + SERVE_ARGS_MAX];
	int n = 0;
	argv[n++] = (char *)knooppunt_bin();
	argv[n++] = "serve";
	argv[n++] = "--data";
	argv[n++] = s->dir;
	if (s->db_url[0] != '\0') {
		argv[n++] = "--db";
		argv[n++] = s->db_url;
	}
	if (web != NULL && web[0] != '\0') {
		argv[n++] = "--web";
		argv[n++] = (char *)web;
	}
	argv[n++] = "--host";
	argv[n++] = "127.0.0.1";
	argv[n++] = "--port";
	argv[n++] = port;
	for (int i = 0; s->serve_args != NULL && s->serve_args[i] != NULL; i++) {
		if (i == SERVE_ARGS_MAX) {
			fprintf(stderr, "more than %d extra serve arguments\n", SERVE_ARGS_MAX);
			return -1;
		}
		argv[n++] = (char *)s->serve_args[i];
	}
	argv[n] = NULL;
	return spawn(argv, true);
}

static int wait_healthy(struct server *s)
{
	struct client cl;
	client_init(&cl, s);
	int rc = -1;
	for (int waited = 0; waited < START_WAIT_MS; waited += 50) {
		int st;
		if (waitpid(s->pid, &st, WNOHANG) == s->pid) {
			fprintf(stderr, "knooppunt serve exited early (status %d)\n", st);
			s->pid = 0;
			break;
		}
		long status = 0;
		json_t *doc = client_request(&cl, "GET", "/api/health", NULL, &status);
		json_decref(doc);
		if (status == 200) {
			rc = 0;
			break;
		}
		sleep_ms(50);
	}
	client_free(&cl);
	return rc;
}

static int serve_until_healthy(struct server *s);

/* Every server gets an empty database, as on SQLite: a new one on the
   cluster of `base`, named after it, this process and a counter. */
static int fresh_pg_database(const char *base, char *out, size_t cap)
{
	static int serial;
	const char *scheme = strstr(base, "://");
	const char *slash = scheme ? strchr(scheme + 3, '/') : NULL;
	if (slash == NULL) {
		fprintf(stderr, "KNOOPPUNT_TEST_DB has no database name: %s\n", base);
		return -1;
	}
	size_t name_len = strcspn(slash + 1, "?");
	char name[128], sql[192];
	snprintf(name, sizeof name, "%.*s_%d_%d", (int)(name_len < 60 ? name_len : 60), slash + 1,
	         (int)getpid(), ++serial);
	snprintf(out, cap, "%.*s/%s%s", (int)(slash - base), base, name, slash + 1 + name_len);
	snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\"", name);
	struct db *db = NULL;
	struct kp_error err = { 0 };
	int rc = db_open(base, &db, &err) || db_exec(db, sql, &err) ? -1 : 0;
	if (rc != 0)
		fprintf(stderr, "could not create database %s: %s\n", name, err.code);
	db_close(db);
	return rc;
}

int server_start(struct server *s)
{
	return server_start_with(s, NULL);
}

int server_start_with(struct server *s, const char *const *serve_args)
{
	memset(s, 0, sizeof *s);
	s->serve_args = serve_args;
	snprintf(s->dir, sizeof s->dir, "/tmp/apitest-XXXXXX");
	if (mkdtemp(s->dir) == NULL) {
		perror("mkdtemp");
		return -1;
	}
	const char *url = getenv("KNOOPPUNT_TEST_DB");
	if (url != NULL && url[0] != '\0') {
		if (fresh_pg_database(url, s->db_url, sizeof s->db_url) != 0)
			return -1;
	} else
		snprintf(s->sqlite_path, sizeof s->sqlite_path, "%s/knooppunt.db", s->dir);
	if (run_init(s) != 0)
		return -1;
	return serve_until_healthy(s);
}

int server_start_on(struct server *s, const struct server *first)
{
	memset(s, 0, sizeof *s);
	snprintf(s->dir, sizeof s->dir, "/tmp/apitest-XXXXXX");
	if (mkdtemp(s->dir) == NULL) {
		perror("mkdtemp");
		return -1;
	}
	/* --db names the shared database: the URL, or the first server's file. */
	snprintf(s->db_url, sizeof s->db_url, "%s",
	         first->db_url[0] != '\0' ? first->db_url : first->sqlite_path);
	snprintf(s->sqlite_path, sizeof s->sqlite_path, "%s", first->sqlite_path);
	return serve_until_healthy(s);
}

/* Servers still running, stopped at exit when a failed setup skipped the
 * teardown that would have stopped them. */
#define LIVE_MAX 16
static struct server *live[LIVE_MAX];

static void stop_leftovers(void)
{
	for (int i = 0; i < LIVE_MAX; i++)
		if (live[i] != NULL)
			server_stop(live[i]);
}

static void track(struct server *s, bool running)
{
	static bool registered;
	if (!registered)
		registered = atexit(stop_leftovers) == 0;
	for (int i = 0; i < LIVE_MAX; i++) {
		if (running && live[i] == NULL) {
			live[i] = s;
			return;
		}
		if (!running && live[i] == s)
			live[i] = NULL;
	}
}

static int serve_until_healthy(struct server *s)
{
	for (int attempt = 0; attempt < 5; attempt++) {
		s->port = free_port();
		if (s->port <= 0)
			return -1;
		snprintf(s->base, sizeof s->base, "http://127.0.0.1:%d", s->port);
		s->pid = run_serve(s);
		if (s->pid < 0)
			return -1;
		track(s, true);
		if (wait_healthy(s) == 0)
			return 0;
		if (s->pid > 0) { /* alive but not answering: give up */
			server_stop(s);
			return -1;
		}
	}
	return -1;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int server_stop(struct server *s)
{
	int code = 0;
	track(s, false);
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		int st = 0, waited = 0;
		while (waitpid(s->pid, &st, WNOHANG) == 0) {
			if (waited >= STOP_WAIT_MS) {
				kill(s->pid, SIGKILL);
				waitpid(s->pid, &st, 0);
				code = -1;
				break;
			}
			sleep_ms(20);
			waited += 20;
		}
		if (code == 0)
			code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
		s->pid = 0;
	}
	if (s->dir[0] != '\0')
		nftw(s->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	s->dir[0] = '\0';
	return code;
}

/* --- client --- */

static size_t on_body(char *data, size_t size, size_t nmemb, void *ctx)
{
	struct client *cl = ctx;
	size_t n = size * nmemb;
	char *grown = realloc(cl->raw, cl->raw_len + n + 1);
	if (grown == NULL)
		return 0;
	memcpy(grown + cl->raw_len, data, n);
	cl->raw = grown;
	cl->raw_len += n;
	cl->raw[cl->raw_len] = '\0';
	return n;
}

void client_init(struct client *cl, struct server *s)
{
	memset(cl, 0, sizeof *cl);
	cl->srv = s;
	cl->curl = curl_easy_init();
	curl_easy_setopt(cl->curl, CURLOPT_COOKIEFILE, ""); /* cookie engine, in memory */
	curl_easy_setopt(cl->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(cl->curl, CURLOPT_WRITEDATA, cl);
	curl_easy_setopt(cl->curl, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(cl->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(cl->curl, CURLOPT_NOPROXY, "*");
}

void client_free(struct client *cl)
{
	if (cl->curl != NULL)
		curl_easy_cleanup(cl->curl);
	free(cl->raw);
	memset(cl, 0, sizeof *cl);
}

json_t *client_raw(struct client *cl, const char *method, const char *path, const char *body,
                   size_t len, const char *content_type, bool send_csrf, long *status)
{
	char header[256];
	struct curl_slist *headers = NULL;
	size_t url_len = strlen(cl->srv->base) + strlen(path) + 1;
	char *url = malloc(url_len);
	if (url == NULL)
		return NULL;
	snprintf(url, url_len, "%s%s", cl->srv->base, path);
	free(cl->raw);
	cl->raw = NULL;
	cl->raw_len = 0;
	cl->status = 0;
	cl->content_type[0] = '\0';

	CURL *h = cl->curl;
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_HTTPGET, 1L); /* resets POST state of the reused handle */
	curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, NULL);
	if (body != NULL) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)len);
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
	}
	if (strcmp(method, "GET") != 0)
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	/* libcurl adds its own form Content-Type to a POST unless told otherwise. */
	if (content_type != NULL) {
		snprintf(header, sizeof header, "Content-Type: %s", content_type);
		headers = curl_slist_append(headers, header);
	} else {
		headers = curl_slist_append(headers, "Content-Type:");
	}
	headers = curl_slist_append(headers, "Expect:");
	if (send_csrf && cl->csrf[0] != '\0' && strcmp(method, "GET") != 0) {
		snprintf(header, sizeof header, "X-CSRF-Token: %s", cl->csrf);
		headers = curl_slist_append(headers, header);
	}
	if (cl->if_match[0] != '\0') {
		snprintf(header, sizeof header, "If-Match: %s", cl->if_match);
		headers = curl_slist_append(headers, header);
	}
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);

	CURLcode rc = curl_easy_perform(h);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(headers);
	free(url);
	if (rc == CURLE_OK) {
		char *ct = NULL;
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &cl->status);
		curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct);
		if (ct != NULL)
			snprintf(cl->content_type, sizeof cl->content_type, "%s", ct);
	}
	if (status != NULL)
		*status = cl->status;
	if (cl->raw == NULL)
		return NULL;
	return json_loadb(cl->raw, cl->raw_len, JSON_DECODE_ANY, NULL);
}

json_t *client_request(struct client *cl, const char *method, const char *path,
                       const char *body, long *status)
{
	return client_raw(cl, method, path, body, body ? strlen(body) : 0,
	                  body ? "application/json" : NULL, true, status);
}

json_t *client_request_json(struct client *cl, const char *method, const char *path,
                            const json_t *body, long *status)
{
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	json_t *doc = client_request(cl, method, path, text, status);
	free(text);
	return doc;
}

long client_login(struct client *cl, const char *email, const char *password)
{
	json_t *in = json_pack("{s:s, s:s}", "email", email, "password", password);
	long status = 0;
	cl->csrf[0] = '\0';
	json_t *doc = client_request_json(cl, "POST", "/api/session", in, &status);
	const char *token = json_string_value(json_object_get(doc, "csrf_token"));
	if (status == 201 && token != NULL)
		snprintf(cl->csrf, sizeof cl->csrf, "%s", token);
	json_decref(in);
	json_decref(doc);
	return status;
}

int64_t client_total(struct client *cl, const char *path)
{
	long status = 0;
	json_t *doc = client_request(cl, "GET", path, NULL, &status);
	json_t *t = json_object_get(doc, "total");
	int64_t total = status == 200 && json_is_integer(t) ? json_integer_value(t) : -1;
	json_decref(doc);
	return total;
}

/* Counts through the storage interface, which speaks PostgreSQL too. */
static int64_t count_rows_url(const char *url, const char *table)
{
	struct db *db = NULL;
	struct db_stmt *st = NULL;
	struct kp_error err = { 0 };
	char sql[160];
	int64_t n = -2;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", table);
	if (db_open(url, &db, &err) || db_prepare(db, sql, &st, &err) ||
	    db_query_int(st, &n, &err)) {
		fprintf(stderr, "count_rows(%s): %s\n", table, err.code);
		n = -2;
	}
	db_finalize(st);
	db_close(db);
	return n;
}

int64_t count_rows(const struct server *s, const char *table)
{
	if (s->db_url[0] != '\0')
		return count_rows_url(s->db_url, table);
	if (s->sqlite_path[0] == '\0')
		return -1;
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char sql[160];
	int64_t n = -2;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", table);
	if (sqlite3_open_v2(s->sqlite_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		goto end;
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "count_rows(%s): %s\n", table, sqlite3_errmsg(db));
		goto end;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
end:
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	return h;
}

static uint64_t hash_table(sqlite3 *db, const char *table, uint64_t h)
{
	char sql[160];
	sqlite3_stmt *st = NULL;
	snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", table);
	h = fnv(h, table, strlen(table));
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return h ^ 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *v = sqlite3_column_text(st, i);
			h = v ? fnv(h, v, (size_t)sqlite3_column_bytes(st, i)) : fnv(h, "\1", 1);
			h = fnv(h, "\0", 1);
		}
	}
	sqlite3_finalize(st);
	return h;
}

/* The same over PostgreSQL: each row as its text form, in a fixed order. */
static uint64_t pg_fingerprint(const char *url)
{
	struct db *db = NULL;
	struct db_stmt *names = NULL, *rows = NULL;
	struct kp_error err = { 0 };
	uint64_t h = 14695981039346656037ULL;
	if (db_open(url, &db, &err) || db_begin(db, &err) ||
	    db_prepare(db, "SELECT table_name FROM information_schema.tables WHERE "
	                   "table_schema = 'public' AND "
	                   "table_name NOT IN ('sessions', 'job_runs') "
	                   "ORDER BY table_name", &names, &err))
		goto end;
	while (db_step(names, &err) == DB_ROW) {
		char sql[192];
		const char *table = db_col_text(names, 0);
		snprintf(sql, sizeof sql, "SELECT t::text FROM \"%s\" t ORDER BY 1", table);
		h = fnv(h, table, strlen(table));
		if (db_prepare(db, sql, &rows, &err))
			goto end;
		while (db_step(rows, &err) == DB_ROW) {
			const char *v = db_col_text(rows, 0);
			h = fnv(fnv(h, v, strlen(v)), "\0", 1);
		}
		db_finalize(rows);
		rows = NULL;
	}
end:
	db_finalize(rows);
	db_finalize(names);
	if (db != NULL)
		db_rollback(db);
	db_close(db);
	return h;
}

/* True when every job that records its runs has run for the server's current
   time, so none is due at the next tick. */
static bool jobs_caught_up(struct db *db, int64_t now)
{
	struct kp_error err = { 0 };
	for (int i = 0; i < jobs_builtin_count; i++) {
		const struct job *job = &jobs_builtin[i];
		int64_t last = 0;
		if (job->able != NULL) /* sending: only with an SMTP server, never recorded without */
			continue;
		if (store_job_last_run(db, job->name, &last, &err) || last == 0 ||
		    now - last >= job->period_s)
			return false;
	}
	return true;
}

/* Waits (at most JOBS_SETTLE_MS) until the server's jobs have caught up with
   the clock. Tests move a frozen clock; the job runner's next tick then prunes
   the change log, closes past calls and the like, and a fingerprint taken
   before and after a request would see that write as the request's. */
#define JOBS_SETTLE_MS 10000
static void jobs_settle(const struct server *s)
{
	if (getenv("KNOOPPUNT_JOB_PERIOD") != NULL) /* jobs that run every second never settle */
		return;
	struct db *db = NULL;
	struct kp_error err = { 0 };
	if (db_open(s->db_url[0] ? s->db_url : s->sqlite_path, &db, &err))
		return;
	for (int waited = 0; waited < JOBS_SETTLE_MS; waited += 20) {
		if (jobs_caught_up(db, testclock_now()))
			break;
		usleep(20 * 1000);
	}
	db_close(db);
}

uint64_t db_fingerprint(const struct server *s)
{
	jobs_settle(s);
	if (s->db_url[0] != '\0' && db_is_url(s->db_url))
		return pg_fingerprint(s->db_url);
	if (s->sqlite_path[0] == '\0')
		return 0;
	sqlite3 *db = NULL;
	sqlite3_stmt *names = NULL;
	uint64_t h = 14695981039346656037ULL;
	if (sqlite3_open_v2(s->sqlite_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		goto end;
	sqlite3_busy_timeout(db, 5000);
	/* One read transaction, so the hash is of one consistent state. */
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(db,
	                       "SELECT name FROM sqlite_master WHERE type = 'table' AND "
	                       "name NOT IN ('sessions', 'job_runs') ORDER BY name",
	                       -1, &names, NULL) != SQLITE_OK)
		goto end;
	while (sqlite3_step(names) == SQLITE_ROW)
		h = hash_table(db, (const char *)sqlite3_column_text(names, 0), h);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
end:
	sqlite3_finalize(names);
	sqlite3_close(db);
	return h;
}

/* --- assertions --- */

void check_status(const struct client *cl, long status, const char *file, int line)
{
	if (cl->status == status)
		return;
	print_error("%s:%d: expected HTTP %ld, got %ld: %.400s\n", file, line, status, cl->status,
	            cl->raw ? cl->raw : "(no body)");
	_fail(file, line);
}

void check_problem(const struct client *cl, json_t *doc, long status, const char *field,
                   const char *file, int line)
{
	const char *why = NULL;
	const char *got = json_string_value(json_object_get(doc, "field"));
	if (status != 0 ? cl->status != status : (cl->status < 400 || cl->status > 499))
		why = "status";
	else if (strncmp(cl->content_type, "application/problem+json", 24) != 0)
		why = "content type";
	else if (!json_is_object(doc) || json_integer_value(json_object_get(doc, "status")) !=
	                                     (json_int_t)cl->status)
		why = "problem document";
	else if (field != NULL && field[0] != '\0' && (got == NULL || strcmp(got, field) != 0))
		why = "field";
	else if (field != NULL && field[0] == '\0' && got != NULL && got[0] != '\0')
		why = "field (expected none)";
	if (why == NULL)
		return;
	print_error("%s:%d: wrong %s: expected %ld field '%s', got %ld (%s): %.400s\n", file, line,
	            why, status, field ? field : "*", cl->status, cl->content_type,
	            cl->raw ? cl->raw : "(no body)");
	_fail(file, line);
}

json_t *check_request(struct client *cl, const char *method, const char *path,
                      const char *body, long status, const char *file, int line)
{
	json_t *doc = client_request(cl, method, path, body, NULL);
	if (cl->status != status)
		json_decref(doc);
	check_status(cl, status, file, line);
	return doc;
}

json_t *check_request_json(struct client *cl, const char *method, const char *path,
                           json_t *body, long status, const char *file, int line)
{
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	json_decref(body);
	json_t *doc = client_request(cl, method, path, text, NULL);
	free(text);
	if (cl->status != status)
		json_decref(doc);
	check_status(cl, status, file, line);
	return doc;
}

const char *json_str(json_t *doc, const char *key)
{
	const char *s = json_string_value(json_object_get(doc, key));
	return s ? s : "";
}

json_t *list_find(json_t *list, const char *key, int64_t id)
{
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(list, "items"), i, it) {
		if (json_integer_value(json_object_get(it, key)) == id)
			return it;
	}
	return NULL;
}

bool list_has_id(json_t *list, int64_t id)
{
	return list_find(list, "id", id) != NULL;
}

int64_t json_id(json_t *doc, const char *key)
{
	json_t *v = json_object_get(doc, key);
	if (!json_is_integer(v)) {
		char *text = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
		print_error("no integer '%s' in %.400s\n", key, text ? text : "(null)");
		free(text);
		fail();
	}
	return json_integer_value(v);
}

/* --- fixtures --- */

void fx_email(struct server *s, const char *prefix, char *out, size_t cap)
{
	snprintf(out, cap, "%s-%d@test.nl", prefix, ++s->serial);
}

void fx_login(struct env *e, struct client *cl, const char *role, int64_t org, int64_t vol)
{
	char email[64];
	fx_email(&e->srv, role, email, sizeof email);
	fx_account(&e->admin, role, email, org, vol);
	client_init(cl, &e->srv);
	assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
}

int64_t fx_volunteer_account(struct client *by, int64_t organisation_id, const char *prefix,
                             struct client *cl)
{
	char email[64];
	int64_t id = fx_volunteer(by, organisation_id, "active");
	fx_email(by->srv, prefix, email, sizeof email);
	fx_account(by, "volunteer", email, 0, id);
	client_init(cl, by->srv);
	assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
	return id;
}

/* Writes the new time beside the clock file and renames it into place, so a
   server reading the clock never sees it empty (and falls back to real time). */
void fx_clock_set(const char *path, const char *date)
{
	char next[300];
	snprintf(next, sizeof next, "%s.next", path);
	FILE *f = fopen(next, "w");
	assert_non_null(f);
	fprintf(f, "%s\n", date);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(rename(next, path), 0);
}

int fx_clock_begin(char *path, const char *date)
{
	int fd = mkstemp(path);
	if (fd < 0) {
		perror("mkstemp");
		return -1;
	}
	close(fd);
	fx_clock_set(path, date);
	char value[128];
	snprintf(value, sizeof value, "@%s", path);
	setenv("KNOOPPUNT_NOW", value, 1);
	return 0;
}

void fx_clock_end(const char *path)
{
	unlink(path);
}

static int64_t create(struct client *by, const char *path, json_t *in, const char *file,
                      int line)
{
	long status = 0;
	json_t *doc = client_request_json(by, "POST", path, in, &status);
	json_decref(in);
	check_status(by, 201, file, line);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	return id;
}

int64_t fx_organisation(struct client *admin, const char *name)
{
	char unique[160];
	snprintf(unique, sizeof unique, "%s %d", name, ++admin->srv->serial);
	json_t *in = json_pack("{s:s, s:s, s:s, s:i}", "name", unique, "kind", "welfare",
	                       "municipality", "Dordrecht", "employees", 12);
	return create(admin, "/api/organisations", in, __FILE__, __LINE__);
}

int fx_newest_mail(const struct server *s, const char *recipient, char *out, size_t cap)
{
	static const char sql[] = "SELECT body FROM outbox WHERE LOWER(recipient) = LOWER(?) "
	                          "ORDER BY id DESC LIMIT 1";
	struct db *db = NULL;
	struct db_stmt *st = NULL;
	struct kp_error err = { 0 };
	char url[600];
	int rc = -1;
	if (s->db_url[0] != '\0')
		snprintf(url, sizeof url, "%s", s->db_url);
	else
		snprintf(url, sizeof url, "%s", s->sqlite_path);
	if (db_open(url, &db, &err) || db_prepare(db, sql, &st, &err))
		goto end;
	db_bind_text(st, 1, recipient);
	if (db_step(st, &err) == DB_ROW) {
		snprintf(out, cap, "%s", db_col_text(st, 0));
		rc = 0;
	}
end:
	db_finalize(st);
	db_close(db);
	return rc;
}

static int outbox_count(const struct server *s, const char *sql, const char *recipient)
{
	struct db *db = NULL;
	struct db_stmt *st = NULL;
	struct kp_error err = { 0 };
	int64_t n = -1;
	if (db_open(s->db_url[0] != '\0' ? s->db_url : s->sqlite_path, &db, &err) == KP_OK &&
	    db_prepare(db, sql, &st, &err) == KP_OK) {
		if (recipient != NULL)
			db_bind_text(st, 1, recipient);
		if (db_query_int(st, &n, &err) != KP_OK)
			n = -1;
	}
	db_finalize(st);
	db_close(db);
	return (int)n;
}

int fx_mail_count(const struct server *s, const char *recipient)
{
	return outbox_count(s, "SELECT COUNT(*) FROM outbox WHERE LOWER(recipient) = LOWER(?)",
	                    recipient);
}

int fx_mail_pending(const struct server *s)
{
	return outbox_count(s, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND "
	                       "failed_at IS NULL", NULL);
}

void sink_start(struct smtp_sink *k, const char *mode)
{
	int to_child[2], from_child[2];
	const char *src = getenv("KNOOPPUNT_SRC");
	char script[512], line[32] = "";
	snprintf(script, sizeof script, "%s/tests/mail/smtp_sink.py", src ? src : ".");
	snprintf(k->dir, sizeof k->dir, "/tmp/kp-sink-XXXXXX");
	assert_non_null(mkdtemp(k->dir));
	assert_int_equal(pipe(to_child), 0);
	assert_int_equal(pipe(from_child), 0);
	k->pid = fork();
	assert_true(k->pid >= 0);
	if (k->pid == 0) {
		dup2(to_child[0], 0);
		dup2(from_child[1], 1);
		close(to_child[1]);
		close(from_child[0]);
		execl("/usr/bin/python3", "/usr/bin/python3", "-I", script, mode, k->dir, (char *)NULL);
		_exit(127);
	}
	close(to_child[0]);
	close(from_child[1]);
	k->in = fdopen(to_child[1], "w");
	FILE *out = fdopen(from_child[0], "r");
	assert_non_null(fgets(line, sizeof line, out));
	fclose(out);
	long long port = 0;
	line[strcspn(line, "\n")] = '\0';
	assert_int_equal(parse_int(line, 1, 65535, &port), 0);
	k->port = (int)port;
	snprintf(k->url, sizeof k->url, "smtp://127.0.0.1:%d", k->port);
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void sink_stop(struct smtp_sink *k)
{
	if (k->in == NULL)
		return;
	fclose(k->in);
	k->in = NULL;
	waitpid(k->pid, NULL, 0);
	nftw(k->dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* Calls each for every message file for recipient, in number order. */
static int sink_walk(const struct smtp_sink *k, const char *recipient, char *out, size_t cap)
{
	int n = 0;
	for (int i = 1; i < 100000; i++) {
		char path[128], head[320], want[300];
		snprintf(path, sizeof path, "%s/%03d.eml", k->dir, i);
		FILE *f = fopen(path, "r");
		if (f == NULL)
			break;
		snprintf(want, sizeof want, "X-Envelope-To: %s\r\n", recipient ? recipient : "");
		bool mine = fgets(head, sizeof head, f) != NULL &&
		            (recipient == NULL || strcasecmp(head, want) == 0);
		if (mine && out != NULL) {
			size_t len = fread(out, 1, cap - 1, f);
			out[len] = '\0';
		}
		fclose(f);
		n += mine;
	}
	return n;
}

int sink_count(const struct smtp_sink *k, const char *recipient)
{
	return sink_walk(k, recipient, NULL, 0);
}

int sink_newest(const struct smtp_sink *k, const char *recipient, char *out, size_t cap)
{
	out[0] = '\0';
	return sink_walk(k, recipient, out, cap) > 0 ? 0 : -1;
}

int sink_wait(const struct smtp_sink *k, const char *recipient, int count, int timeout_ms)
{
	int n = sink_count(k, recipient);
	for (int waited = 0; n < count && waited < timeout_ms; waited += 50) {
		usleep(50 * 1000);
		n = sink_count(k, recipient);
	}
	return n;
}

int fx_mail_token(struct server *s, const char *recipient, const char *path, char *out,
                  size_t cap)
{
	char body[4096], find[128];
	out[0] = '\0';
	if (fx_newest_mail(s, recipient, body, sizeof body) != 0)
		return -1;
	snprintf(find, sizeof find, "%s?token=", path);
	const char *at = strstr(body, find);
	if (at == NULL)
		return -1;
	at += strlen(find);
	size_t n = strcspn(at, " \n");
	if (n + 1 > cap)
		return -1;
	memcpy(out, at, n);
	out[n] = '\0';
	return 0;
}

int64_t fx_accept_invitation(struct server *s, const char *email, const char *password)
{
	char token[128], body[512];
	struct client cl;
	long status = 0;
	assert_int_equal(fx_mail_token(s, email, "/uitnodiging", token, sizeof token), 0);
	snprintf(body, sizeof body, "{\"token\":\"%s\",\"password\":\"%s\"}", token, password);
	client_init(&cl, s);
	json_t *doc = client_request(&cl, "POST", "/api/invitations/accept", body, &status);
	check_status(&cl, 200, __FILE__, __LINE__);
	int64_t id = json_id(doc, "account_id");
	/* Accepting logs in; the fixture leaves no session behind. */
	snprintf(cl.csrf, sizeof cl.csrf, "%s", json_str(doc, "csrf_token"));
	json_decref(doc);
	json_decref(client_request(&cl, "DELETE", "/api/session", NULL, &status));
	check_status(&cl, 200, __FILE__, __LINE__);
	client_free(&cl);
	return id;
}

/* An account made by staff is an invitation: the fixture invites `email`
   (for a volunteer, after putting it on the record) and accepts with
   FX_PASSWORD, as the new user would through the mailed link. */
int64_t fx_account(struct client *by, const char *role, const char *email,
                   int64_t organisation_id, int64_t volunteer_id)
{
	json_t *in = json_pack("{s:s, s:s, s:s}", "email", email, "display_name", email, "role",
	                       role);
	if (organisation_id)
		json_object_set_new(in, "organisation_id", json_integer(organisation_id));
	if (volunteer_id) {
		char path[64];
		snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)volunteer_id);
		json_decref(check_request_json(by, "PATCH", path, json_pack("{s:s}", "email", email),
		                               200, __FILE__, __LINE__));
		json_object_set_new(in, "volunteer_id", json_integer(volunteer_id));
	}
	int64_t id = create(by, "/api/accounts", in, __FILE__, __LINE__);
	fx_accept_invitation(by->srv, email, FX_PASSWORD);
	return id;
}

int64_t fx_volunteer(struct client *by, int64_t organisation_id, const char *status)
{
	char first[32], email[64];
	snprintf(first, sizeof first, "Anna%d", ++by->srv->serial);
	snprintf(email, sizeof email, "anna%d@test.nl", by->srv->serial);
	json_t *in = json_pack("{s:s, s:s, s:s, s:s, s:s, s:[s,s], s:[s], s:i, s:i}", "first_name",
	                       first, "last_name", "de Vries", "email", email, "place",
	                       "Dordrecht", "status", status ? status : "active", "availability",
	                       "mon-morning", "wed-afternoon", "activities", "wandelen",
	                       "hours_per_week", 4, "max_matches", 2);
	if (organisation_id)
		json_object_set_new(in, "organisation_id", json_integer(organisation_id));
	return create(by, "/api/volunteers", in, __FILE__, __LINE__);
}

int64_t fx_call(struct client *by, int64_t organisation_id, const char *title)
{
	json_t *in = json_pack("{s:s, s:s, s:s, s:[s], s:i}", "title", title ? title : "Wandelmaatje",
	                       "activity", "wandelen", "place", "Dordrecht", "dayparts",
	                       "mon-morning", "volunteers_needed", 1);
	if (organisation_id)
		json_object_set_new(in, "organisation_id", json_integer(organisation_id));
	return create(by, "/api/calls", in, __FILE__, __LINE__);
}

int64_t fx_match(struct client *by, int64_t call_id, int64_t volunteer_id)
{
	json_t *in = json_pack("{s:I, s:I}", "call_id", (json_int_t)call_id, "volunteer_id",
	                       (json_int_t)volunteer_id);
	return create(by, "/api/matches", in, __FILE__, __LINE__);
}

/* --- shared environment --- */

int env_setup(void **state)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	struct env *e = calloc(1, sizeof *e);
	if (e == NULL || server_start(&e->srv) != 0) {
		if (e != NULL)
			server_stop(&e->srv);
		free(e);
		return -1;
	}
	client_init(&e->admin, &e->srv);
	if (client_login(&e->admin, ADMIN_EMAIL, ADMIN_PASSWORD) != 201) {
		fprintf(stderr, "admin login failed: %s\n", e->admin.raw ? e->admin.raw : "");
		client_free(&e->admin);
		server_stop(&e->srv);
		free(e);
		return -1;
	}
	*state = e;
	return 0;
}

int env_teardown(void **state)
{
	struct env *e = *state;
	if (e == NULL)
		return 0;
	client_free(&e->admin);
	int code = server_stop(&e->srv);
	free(e);
	curl_global_cleanup();
	if (code != 0)
		fprintf(stderr, "knooppunt serve exited with status %d\n", code);
	return code == 0 ? 0 : -1;
}

/* Bytes still to come after the head in answer[0..len): Content-Length
 * minus what is there, or -1 while the head is incomplete. */
static long body_missing(const char *answer, size_t len)
{
	const char *end = strstr(answer, "\r\n\r\n");
	if (end == NULL)
		return -1;
	const char *cl = strstr(answer, "Content-Length: ");
	long want = cl != NULL && cl < end ? strtol(cl + 16, NULL, 10) : 0;
	return want - (long)(len - (size_t)(end + 4 - answer));
}

int raw_http(const struct server *s, const char *request, size_t len, char *out, size_t cap)
{
	out[0] = '\0';
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)s->port) };
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	struct timeval tv = { .tv_sec = 5 };
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	size_t got = 0;
	if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) {
		for (size_t sent = 0; sent < len;) {
			ssize_t n = send(fd, request + sent, len - sent, MSG_NOSIGNAL);
			if (n <= 0)
				break;
			sent += (size_t)n;
		}
		ssize_t n;
		while (got + 1 < cap && (n = recv(fd, out + got, cap - 1 - got, 0)) > 0) {
			got += (size_t)n;
			out[got] = '\0';
			if (body_missing(out, got) == 0)
				break;
		}
	}
	close(fd);
	int status = 0;
	if (strncmp(out, "HTTP/1.1 ", 9) == 0)
		status = (int)strtol(out + 9, NULL, 10);
	return status;
}

void check_security_headers(const char *answer, const char *file, int line)
{
	static const char *const wanted[] = {
		"\r\nX-Content-Type-Options: nosniff\r\n",
		"\r\nReferrer-Policy: no-referrer\r\n",
		"\r\nX-Frame-Options: DENY\r\n",
		"\r\nContent-Security-Policy: default-src 'self'",
	};
	const char *end = strstr(answer, "\r\n\r\n");
	size_t head = end ? (size_t)(end - answer) + 2 : strlen(answer);
	for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
		const char *at = strstr(answer, wanted[i]);
		if (at == NULL || (size_t)(at - answer) >= head) {
			print_error("%s:%d: no %s in the answer: %.*s\n", file, line, wanted[i] + 2,
			            (int)head, answer);
			_fail(file, line);
		}
	}
}

int server_cli(const struct server *s, const char *args, char *out, size_t cap)
{
	const char *bin = getenv("KNOOPPUNT_BIN");
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "'%s' %s --data '%s'%s%s%s 2>&1", bin ? bin : "./knooppunt", args,
	         s->dir, s->db_url[0] ? " --db '" : "", s->db_url, s->db_url[0] ? "'" : "");
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = fread(out, 1, cap - 1, p);
	out[n] = '\0';
	int st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

