#include "cli/cli.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/store.h"
#include "util/messages.h"
#include "util/parse.h"

static int option_value(int argc, char **argv, int *i, const char **value)
{
	const char *arg = argv[*i];
	const char *eq = strchr(arg, '=');
	if (eq != NULL) {
		*value = eq + 1;
		return 0;
	}
	if (*i + 1 >= argc) {
		fprintf(stderr, "knooppunt: %s heeft een waarde nodig\n", arg);
		return -1;
	}
	*value = argv[++*i];
	return 0;
}

static bool is_option(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

static int copy_path(char *dst, size_t cap, const char *value, const char *name)
{
	if (strlen(value) >= cap) {
		fprintf(stderr, "knooppunt: %s is te lang\n", name);
		return -1;
	}
	snprintf(dst, cap, "%s", value);
	return 0;
}

int cli_common_options(int argc, char **argv, struct app_config *cfg, char **rest)
{
	int n = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *v;
		long long num;
		if (is_option(a, "--data")) {
			if (option_value(argc, argv, &i, &v) ||
			    copy_path(cfg->data_dir, sizeof cfg->data_dir, v, "--data"))
				return -1;
		} else if (is_option(a, "--db")) {
			if (option_value(argc, argv, &i, &v) ||
			    copy_path(cfg->db_path, sizeof cfg->db_path, v, "--db"))
				return -1;
		} else if (is_option(a, "--web")) {
			if (option_value(argc, argv, &i, &v) ||
			    copy_path(cfg->web_dir, sizeof cfg->web_dir, v, "--web"))
				return -1;
		} else if (is_option(a, "--host")) {
			if (option_value(argc, argv, &i, &v) ||
			    copy_path(cfg->host, sizeof cfg->host, v, "--host"))
				return -1;
		} else if (is_option(a, "--port")) {
			if (option_value(argc, argv, &i, &v))
				return -1;
			if (parse_int(v, 1, 65535, &num) != 0) {
				fprintf(stderr, "knooppunt: --port moet tussen 1 en 65535 liggen\n");
				return -1;
			}
			cfg->port = (int)num;
		} else if (is_option(a, "--threads")) {
			if (option_value(argc, argv, &i, &v))
				return -1;
			if (parse_int(v, 1, 256, &num) != 0) {
				fprintf(stderr, "knooppunt: --threads moet tussen 1 en 256 liggen\n");
				return -1;
			}
			cfg->threads = (int)num;
		} else {
			rest[n++] = argv[i];
		}
	}
	return n;
}

void cli_print_error(const struct kp_error *err)
{
	struct buf b;
	buf_init(&b, 4096);
	if (messages_render(err, "nl", &b) == 0)
		fprintf(stderr, "knooppunt: %s\n", b.data ? b.data : err->code);
	else
		fprintf(stderr, "knooppunt: %s\n", err->code);
	buf_free(&b);
}

int cli_open(struct app *app, struct db **db, struct kp_error *err)
{
	if (app_config_finish(&app->cfg, err) || db_open(app->cfg.db_path, db, err))
		return KP_ERR;
	int64_t network;
	if (db_begin(*db, err) || store_lists_seed_defaults(*db, err) ||
	    store_network_ensure(*db, "Vrijwilligersnetwerk Drechtsteden", "Drechtsteden",
	                         app->now(), &network, err) ||
	    db_commit(*db, err) || app_reload_lists(app, *db, err)) {
		db_rollback(*db);
		db_close(*db);
		*db = NULL;
		return KP_ERR;
	}
	return KP_OK;
}

static double clock_ms(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

double cli_clock_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

double cli_cpu_ms(void)
{
	return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

int cli_numbers(int argc, char **argv, int first, const char *command,
                const struct cli_number *table, int n, bool *reuse)
{
	for (int i = first; i < argc; i++) {
		if (reuse != NULL && strcmp(argv[i], "--reuse") == 0) {
			*reuse = true;
			continue;
		}
		const struct cli_number *opt = NULL;
		for (int k = 0; k < n && opt == NULL; k++)
			if (strcmp(argv[i], table[k].name) == 0)
				opt = &table[k];
		if (opt == NULL) {
			fprintf(stderr, "%s: onbekende optie %s\n", command, argv[i]);
			return -1;
		}
		if (i + 1 >= argc || parse_int(argv[i + 1], opt->min, opt->max, opt->value) != 0) {
			fprintf(stderr, "%s: optie %s verwacht een getal van %lld tot %lld\n", command,
			        argv[i], opt->min, opt->max);
			return -1;
		}
		i++;
	}
	return 0;
}
