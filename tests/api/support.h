/*
 * Harness of the API tests: a real knooppunt server on 127.0.0.1 with a
 * fresh data directory, and libcurl clients that each keep their own
 * session cookie and CSRF token.
 *
 * Ownership: struct server and struct client live in the caller's memory;
 * server_stop/client_free release what start/init acquired. Every JSON
 * document returned by client_* is owned by the caller (json_decref).
 *
 * Backend: SQLite file DIR/knooppunt.db by default; when the environment
 * variable KNOOPPUNT_TEST_DB holds a postgresql:// URL, init and serve get
 * `--db URL` on a new database of that cluster per server_start, and
 * count_rows and db_fingerprint read there through src/db/db.h.
 *
 * Include after <cmocka.h>'s prerequisites; this header includes them.
 */
#ifndef KP_TESTS_API_SUPPORT_H
#define KP_TESTS_API_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <cmocka.h>
#include <curl/curl.h>
#include <jansson.h>

#define ADMIN_EMAIL "admin@test.nl"
#define ADMIN_PASSWORD "beheer-geheim-2026"
#define FX_PASSWORD "wachtwoord-2026"

struct server {
	char dir[256];        /* temporary data directory */
	char db_url[512];     /* "" for SQLite, else the --db URL */
	char sqlite_path[300];
	char base[64];        /* http://127.0.0.1:PORT */
	int port;
	pid_t pid;
	int serial;           /* for unique fixture names */
	const char *const *serve_args; /* extra arguments of serve, NULL-terminated;
	                                  borrowed, NULL for none */
};

/* Creates the data dir, runs `knooppunt init`, starts `serve` and waits for
 * /api/health. Returns 0 or -1 (with a message on stderr). */
int server_start(struct server *s);

/* Same, with extra arguments for `serve` (NULL-terminated, borrowed for the
 * life of the server: a restart passes them again). */
int server_start_with(struct server *s, const char *const *serve_args);

/* Starts a second server on the database of `first` (already initialised):
 * two app servers sharing one database. Stop it before `first`. */
int server_start_on(struct server *s, const struct server *first);

/* SIGTERM, waitpid, removes the data dir. Returns the server's exit status
 * (0 for a clean shutdown; sanitizers make it non-zero on leaks). */
int server_stop(struct server *s);

struct client {
	struct server *srv;
	CURL *curl;
	char csrf[128];       /* "" until logged in */
	long status;          /* of the last request */
	char content_type[128];
	char *raw;            /* body of the last answer, NUL-terminated */
	char if_match[32];    /* sent as If-Match on every request when not "" */
	size_t raw_len;
};

void client_init(struct client *cl, struct server *s);
void client_free(struct client *cl);

/* POST /api/session; keeps the csrf_token. Returns the HTTP status. */
long client_login(struct client *cl, const char *email, const char *password);

/* method path with a JSON text body (or NULL). Sends Content-Type
 * application/json when there is a body, X-CSRF-Token on non-GET when logged
 * in. Returns the parsed answer or NULL when it is not JSON; *status gets the
 * HTTP status (status may be NULL). */
json_t *client_request(struct client *cl, const char *method, const char *path,
                       const char *body, long *status);

/* Same with a jansson body (borrowed). */
json_t *client_request_json(struct client *cl, const char *method, const char *path,
                            const json_t *body, long *status);

/* Full control: raw bytes, content type (NULL: no header), whether to send the
 * CSRF header. */
json_t *client_raw(struct client *cl, const char *method, const char *path, const char *body,
                   size_t len, const char *content_type, bool send_csrf, long *status);

/* GET path and return its "total" (-1 when the answer is not a list). */
int64_t client_total(struct client *cl, const char *path);

/* Sends `len` raw bytes of `request` to the server on a new connection and
 * reads the answer (head and body, up to cap - 1 bytes, NUL-terminated)
 * into out, until the server closes or the body of its Content-Length is
 * in. Returns the status of the answer, 0 when none came within 5 s. */
int raw_http(const struct server *s, const char *request, size_t len, char *out, size_t cap);

/* Fails the test unless the head of a raw answer carries the security
 * headers of every answer. */
void check_security_headers(const char *answer, const char *file, int line);
#define assert_security_headers(answer) check_security_headers((answer), __FILE__, __LINE__)

/* Rows in `table`, read directly from the database (the SQLite file
 * read-only, or the PostgreSQL database of KNOOPPUNT_TEST_DB); -2 on error. */
int64_t count_rows(const struct server *s, const char *table);

/* A hash over every row of every table except sessions (which record use)
 * and job_runs (written by the servers' scheduled jobs), read directly from
 * the SQLite file or the PostgreSQL database. Two equal fingerprints mean
 * nothing was written in between. */
uint64_t db_fingerprint(const struct server *s);

/* Fails the test unless doc is a problem answer of the last request with
 * `status` (0: any 4xx), content type application/problem+json and field
 * `field` (NULL: no check; "" : field absent or empty). */
void check_problem(const struct client *cl, json_t *doc, long status, const char *field,
                   const char *file, int line);
#define assert_problem(cl, doc, status, field) \
	check_problem((cl), (doc), (status), (field), __FILE__, __LINE__)

/* Fails unless the last request answered `status`; prints the body. */
void check_status(const struct client *cl, long status, const char *file, int line);
#define assert_status(cl, status) check_status((cl), (status), __FILE__, __LINE__)

/* Sends the request and fails the test unless it answers `status`. */
json_t *check_request(struct client *cl, const char *method, const char *path,
                      const char *body, long status, const char *file, int line);
#define expect(cl, method, path, body, status) \
	check_request((cl), (method), (path), (body), (status), __FILE__, __LINE__)
json_t *check_request_json(struct client *cl, const char *method, const char *path,
                           json_t *body, long status, const char *file, int line);
/* Same with a jansson body that it steals. */
#define expect_json(cl, method, path, body, status) \
	check_request_json((cl), (method), (path), (body), (status), __FILE__, __LINE__)

/* String member `key` of doc, "" when missing. */
const char *json_str(json_t *doc, const char *key);

/* Whether the "items" of a list answer hold an object with "id" == id. */
bool list_has_id(json_t *list, int64_t id);

/* The first of the "items" of a list answer whose integer `key` is id; NULL
   when none (borrowed from list). */
json_t *list_find(json_t *list, const char *key, int64_t id);

/* Integer member `key` of doc (fails the test when missing). */
int64_t json_id(json_t *doc, const char *key);

/* Fixtures through the API; each fails the test unless the server answers
 * 201 and returns the new id. Names are made unique with s->serial.
 * fx_account for a volunteer sets the volunteer's e-mail to `email` and
 * accepts the invitation with FX_PASSWORD. */
int64_t fx_organisation(struct client *admin, const char *name);
int64_t fx_account(struct client *by, const char *role, const char *email,
                   int64_t organisation_id, int64_t volunteer_id);
int64_t fx_volunteer(struct client *by, int64_t organisation_id, const char *status);

/* The body of the newest mail to `recipient`, read directly from the
   outbox table; 0, or -1 when there is none. */
int fx_newest_mail(const struct server *s, const char *recipient, char *out, size_t cap);
/* How many mails to `recipient` the outbox holds (any state). */
int fx_mail_count(const struct server *s, const char *recipient);
/* How many mails wait to be sent (neither sent nor given up). */
int fx_mail_pending(const struct server *s);

/* A real SMTP server for the test run (tests/mail/smtp_sink.py, aiosmtpd)
   in MODE accept, refuse or drop; each message it accepts is a file in dir
   starting with "X-Envelope-To: <recipient>". sink_start fails the test
   when the server cannot start; sink_stop stops it and removes the files. */
struct smtp_sink {
	FILE *in;        /* the server's stdin: closing it stops the server */
	pid_t pid;
	int port;
	char dir[64];
	char url[64];    /* smtp://127.0.0.1:PORT */
};
void sink_start(struct smtp_sink *k, const char *mode);
void sink_stop(struct smtp_sink *k);
/* Messages that arrived for recipient (all recipients when NULL). */
int sink_count(const struct smtp_sink *k, const char *recipient);
/* The newest message (highest number) for recipient into out; 0, or -1 when
   none arrived. */
int sink_newest(const struct smtp_sink *k, const char *recipient, char *out, size_t cap);
/* Waits up to timeout_ms until `count` messages arrived for recipient;
   returns how many there are then. */
int sink_wait(const struct smtp_sink *k, const char *recipient, int count, int timeout_ms);

/* The token of the newest one-time link (path "/uitnodiging" or
   "/wachtwoord-herstellen") mailed to recipient, read from the outbox table
   directly, as the mail's reader would; 0, or -1 when there is none. */
int fx_mail_token(struct server *s, const char *recipient, const char *path, char *out,
                  size_t cap);
/* Accepts the newest invitation mailed to email with password (fails the
   test unless it answers 200); returns the account id. */
int64_t fx_accept_invitation(struct server *s, const char *email, const char *password);
int64_t fx_call(struct client *by, int64_t organisation_id, const char *title);
int64_t fx_match(struct client *by, int64_t call_id, int64_t volunteer_id);

/* Runs `knooppunt ARGS` on the server's data (and database) with the output
   of both streams in out; returns its exit status (-1 when it did not exit). */
int server_cli(const struct server *s, const char *args, char *out, size_t cap);
/* A unique e-mail address "prefix-N@test.nl" in out. */
void fx_email(struct server *s, const char *prefix, char *out, size_t cap);

/* An active volunteer of organisation_id created by `by`, with a volunteer
   account (e-mail "prefix-N@test.nl") logged in as cl; returns the id. */
int64_t fx_volunteer_account(struct client *by, int64_t organisation_id, const char *prefix,
                             struct client *cl);

/* The server's clock as a file the test moves (KNOOPPUNT_NOW=@file):
   fx_clock_begin makes the file from the template path (ending in XXXXXX),
   sets it to noon (UTC) of date and sets the environment for servers
   started afterwards; fx_clock_set moves it; fx_clock_end removes it.
   0, or -1 when the file cannot be made. */
int fx_clock_begin(char *path, const char *date);
void fx_clock_set(const char *path, const char *date);
void fx_clock_end(const char *path);

/* A server and an admin client shared by all tests of one program: use
 * env_setup/env_teardown as cmocka group setup/teardown; state is a
 * struct env *. */
struct env {
	struct server srv;
	struct client admin;
};

int env_setup(void **state);

/* A new account of `role` (of organisation org, or for volunteer vol) made
   by the administrator of e, logged in as cl (which the caller frees). */
void fx_login(struct env *e, struct client *cl, const char *role, int64_t org, int64_t vol);
int env_teardown(void **state);

#endif
