#include "app.h"

#include "db/store.h"
#include "util/parse.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void app_config_defaults(struct app_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	const char *data = getenv("KNOOPPUNT_DATA");
	snprintf(cfg->data_dir, sizeof cfg->data_dir, "%s", data && *data ? data : "data");
	const char *web = getenv("KNOOPPUNT_WEB");
	snprintf(cfg->web_dir, sizeof cfg->web_dir, "%s", web && *web ? web : "web");
	snprintf(cfg->host, sizeof cfg->host, "127.0.0.1");
	cfg->port = 8080;
	/* Views wait for their audit row's group commit without a thread
	   (http_hold), so a few threads per core keep the processors busy while
	   writes wait for their fsync; more only make a request queue behind more
	   others. Each holds one database connection. */
	cfg->threads = 8;
	cfg->session_hours = 12;
	cfg->retention_years = 2; /* after stopping; KNOOPPUNT_RETENTION_YEARS overrides */
	const char *years = getenv("KNOOPPUNT_RETENTION_YEARS");
	long long y;
	if (years != NULL && parse_int(years, 1, 100, &y) == 0)
		cfg->retention_years = (int)y;
	const char *url = getenv("KNOOPPUNT_PUBLIC_URL"); /* e.g. https://knooppunt.example.nl */
	if (url != NULL && strlen(url) < sizeof cfg->public_url)
		snprintf(cfg->public_url, sizeof cfg->public_url, "%s", url);
	const char *proxy = getenv("KNOOPPUNT_TRUSTED_PROXY"); /* e.g. nginx on 127.0.0.1 */
	if (proxy != NULL && strlen(proxy) < sizeof cfg->trusted_proxy)
		snprintf(cfg->trusted_proxy, sizeof cfg->trusted_proxy, "%s", proxy);
	const char *metrics = getenv("KNOOPPUNT_METRICS_OPEN");
	cfg->metrics_open = metrics != NULL && strcmp(metrics, "1") == 0;
	app_smtp_config(&cfg->smtp);
}

/* Copies environment variable name into out when it is set and fits. */
static void env_text(const char *name, char *out, size_t cap)
{
	const char *v = getenv(name);
	if (v != NULL && strlen(v) < cap)
		snprintf(out, cap, "%s", v);
}

void app_smtp_config(struct smtp_config *c)
{
	env_text("KNOOPPUNT_SMTP_URL", c->url, sizeof c->url);
	snprintf(c->from, sizeof c->from, "noreply@localhost");
	env_text("KNOOPPUNT_SMTP_FROM", c->from, sizeof c->from);
	snprintf(c->from_name, sizeof c->from_name, "Knooppunt");
	env_text("KNOOPPUNT_SMTP_FROM_NAME", c->from_name, sizeof c->from_name);
	env_text("KNOOPPUNT_SMTP_USER", c->user, sizeof c->user);
	env_text("KNOOPPUNT_SMTP_PASSWORD", c->password, sizeof c->password);
	const char *tls = getenv("KNOOPPUNT_SMTP_REQUIRE_TLS");
	c->require_tls = tls != NULL && strcmp(tls, "1") == 0;
}

int app_config_finish(struct app_config *cfg, struct kp_error *err)
{
	if (mkdir(cfg->data_dir, 0700) != 0 && errno != EEXIST)
		return kp_fail_detail(err, KP_INTERNAL, "data_dir", "data", "%s: %s", cfg->data_dir,
		                      strerror(errno));
	if (cfg->db_path[0] == '\0') {
		int n = snprintf(cfg->db_path, sizeof cfg->db_path, "%s/knooppunt.db", cfg->data_dir);
		if (n < 0 || (size_t)n >= sizeof cfg->db_path)
			return kp_invalid(err, "data", "too_long");
	}
	return KP_OK;
}

int64_t app_clock_real(void)
{
	return (int64_t)time(NULL);
}

/* The catalog items read so far, growing as rows come in. */
struct item_acc {
	struct catalog_item *items;  /* owned until handed to catalog_replace */
	int n, cap;
};

static int add_item(void *ctx, const struct list_item *it)
{
	struct item_acc *acc = ctx;
	if (acc->n == acc->cap) {
		int cap = acc->cap ? acc->cap * 2 : 128;
		struct catalog_item *p = realloc(acc->items, (size_t)cap * sizeof *p);
		if (p == NULL)
			return -1;
		acc->items = p;
		acc->cap = cap;
	}
	struct catalog_item *c = &acc->items[acc->n++];
	memset(c, 0, sizeof *c);
	c->id = it->id;
	c->kind = it->kind;
	c->active = it->active != 0;
	snprintf(c->code, sizeof c->code, "%s", it->code);
	snprintf(c->label_nl, sizeof c->label_nl, "%s", it->label_nl);
	snprintf(c->label_en, sizeof c->label_en, "%s", it->label_en);
	return 0;
}

int app_reload_lists(struct app *app, struct db *db, struct kp_error *err)
{
	struct item_acc acc = { 0 };
	for (int kind = 0; kind < LIST_KIND_COUNT; kind++) {
		if (store_list_items(db, kind, true, add_item, &acc, err)) {
			free(acc.items);
			return KP_ERR;
		}
	}
	catalog_replace(&app->lists, acc.items, acc.n);
	return KP_OK;
}

int app_secret_key_load(struct app *app, struct kp_error *err)
{
	const char *env = getenv("KNOOPPUNT_SECRET_KEY");
	size_t n = 0;
	if (env != NULL && env[0] != '\0') {
		if (sodium_hex2bin(app->secret_key, sizeof app->secret_key, env, strlen(env), NULL,
		                   &n, NULL) != 0 || n != sizeof app->secret_key)
			return kp_invalid(err, "KNOOPPUNT_SECRET_KEY", "invalid_secret_key");
		return KP_OK;
	}
	char path[APP_PATH_MAX + 16];
	snprintf(path, sizeof path, "%s/secret.key", app->cfg.data_dir);
	int fd = open(path, O_RDONLY);
	if (fd >= 0) {
		ssize_t got = read(fd, app->secret_key, sizeof app->secret_key);
		close(fd);
		return got == (ssize_t)sizeof app->secret_key
		           ? KP_OK
		           : kp_fail_detail(err, KP_INTERNAL, "invalid_secret_key", "data", "%s", path);
	}
	randombytes_buf(app->secret_key, sizeof app->secret_key);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || write(fd, app->secret_key, sizeof app->secret_key) !=
	                  (ssize_t)sizeof app->secret_key) {
		if (fd >= 0)
			close(fd);
		return kp_fail_detail(err, KP_INTERNAL, "invalid_secret_key", "data", "%s: %s", path,
		                      strerror(errno));
	}
	close(fd);
	return KP_OK;
}
