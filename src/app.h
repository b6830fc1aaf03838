/*
 * The application context, passed explicitly to everything that needs it:
 * configuration, the database connections, and the clock. There are no
 * mutable globals; a test builds its own context.
 */
#ifndef KP_APP_H
#define KP_APP_H

#include <stdatomic.h>
#include <stdint.h>

#include "db/db.h"
#include "mail/smtp.h"
#include "model/catalog.h"

struct ratelimit;

#define APP_PATH_MAX 1024

struct app_config {
	char data_dir[APP_PATH_MAX];  /* --data or KNOOPPUNT_DATA; holds knooppunt.db */
	char db_path[APP_PATH_MAX];   /* derived: data_dir/knooppunt.db unless --db */
	char web_dir[APP_PATH_MAX];   /* static front-end files */
	char host[64];                /* listen address, 127.0.0.1 by default */
	int port;                     /* 8080 by default */
	int threads;                  /* HTTP worker threads */
	int session_hours;            /* session lifetime */
	int retention_years;          /* stopped volunteers are anonymised after this */
	char trusted_proxy[64];       /* peer whose X-Forwarded-For names the client; "" none */
	int behind_tls;               /* serve --behind-tls: clients reach it over HTTPS only,
	                                 so cookies are Secure and answers carry HSTS */
	struct smtp_config smtp;      /* KNOOPPUNT_SMTP_URL, _FROM, _FROM_NAME, _USER, _PASSWORD,
	                                 _REQUIRE_TLS; no URL: mail stays in the outbox */
	char public_url[256];         /* KNOOPPUNT_PUBLIC_URL, the start of links in mails;
	                                 "" : http://host:port */
	int metrics_open;             /* KNOOPPUNT_METRICS_OPEN=1: /metrics for every address,
	                                 not only loopback (src/api/metrics.h) */
};

struct audit_writer;
struct follow;
struct match_index;
struct report_people;
struct metrics;
struct memo;

struct app {
	struct app_config cfg;
	struct db_pool *pool;         /* owned; NULL for commands that use one connection */
	struct catalog lists;         /* the shared lists, reloaded after every change */
	int64_t (*now)(void);         /* unix seconds; tests may replace it */
	char dummy_hash[128];         /* verified for unknown e-mails, so timing tells nothing */
	struct ratelimit *login_limit;/* failed logins per account and address; NULL: none */
	struct ratelimit *signup_limit;/* sign-ups and reset mails per client address; NULL: none */
	struct follow *follow;        /* owned by serve; NULL for other commands */
	struct match_index *index;    /* the matching engine's index (src/match/match.h); owned
	                                 by serve, NULL for other commands */
	struct report_people *people; /* every volunteer's place in the figures
	                                 (src/service/report_people.h); owned by serve,
	                                 NULL for other commands: they read the rows */
	struct metrics *metrics;      /* requests by route (src/api/metrics.h); owned by serve,
	                                 NULL for other commands */
	atomic_ullong db_retries;     /* use cases run again: a busy database, a lost race */
	/* Each call and each volunteer as a list shows them, by revision
	   (src/api/page_forms.h); owned by serve, NULL for other commands: they
	   write every row. */
	struct memo *call_forms;
	struct memo *volunteer_forms;
	struct audit_writer *audit;   /* group commit of audit rows written outside a
	                                 transaction (src/db/audit_writer.h); owned by serve,
	                                 NULL for other commands: they write directly */
	unsigned char secret_key[32]; /* seals secrets at rest (two-factor secrets):
	                                 KNOOPPUNT_SECRET_KEY, else <data>/secret.key
	                                 (app_secret_key_load); all zero until loaded */
};

/* Loads app->secret_key: the 64 hex digits of KNOOPPUNT_SECRET_KEY (the same
   on every server of a PostgreSQL network), else the file secret.key in the
   data directory, made with a random key on first use (mode 0600). */
int app_secret_key_load(struct app *app, struct kp_error *err);

/* Fills cfg with defaults, then the environment (KNOOPPUNT_DATA, …). */
void app_config_defaults(struct app_config *cfg);

/* Reads the mail settings (KNOOPPUNT_SMTP_*) into c. */
void app_smtp_config(struct smtp_config *c);

/* Derives db_path from data_dir and creates data_dir when missing. */
int app_config_finish(struct app_config *cfg, struct kp_error *err);

int64_t app_clock_real(void);

/* Reloads app->lists from the database. */
int app_reload_lists(struct app *app, struct db *db, struct kp_error *err);

#endif
