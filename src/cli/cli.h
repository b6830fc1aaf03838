/*
 * The subcommands of the knooppunt binary. Each takes the arguments after
 * its name and a context with defaults already applied, and returns the
 * process exit status. They call service/, sync/ and the store, never the
 * API; `serve`, which wires HTTP to the API, is the composition root's
 * (src/serve.h).
 */
#ifndef KP_CLI_CLI_H
#define KP_CLI_CLI_H

#include "app.h"

/* Parses the options every command shares (--data, --db, --host, --port,
   --web, --threads) out of argv, leaving the rest in order in rest[].
   Returns the number of remaining arguments, or -1 after printing an error. */
int cli_common_options(int argc, char **argv, struct app_config *cfg, char **rest);

/* Opens the database of cfg (creating the data directory), seeds the shared
   lists and the network, loads the catalog. */
int cli_open(struct app *app, struct db **db, struct kp_error *err);

/* Prints err to stderr in Dutch, prefixed with "knooppunt: ". */
void cli_print_error(const struct kp_error *err);

/* One numeric option "--name N" of a command, with its bounds. */
struct cli_number {
	const char *name;
	long long min, max;
	long long *value;    /* keeps its default when the option is not given */
};

/* Reads the options argv[first..argc) of `command`: each a "--name N" of
   table[0..n), or the flag --reuse when reuse is not NULL. 0, or -1 after a
   Dutch message on stderr that names the option. */
int cli_numbers(int argc, char **argv, int first, const char *command,
                const struct cli_number *table, int n, bool *reuse);

/* Monotonic milliseconds, for timing runs and progress. */
double cli_clock_ms(void);
/* CPU milliseconds this process has used: on a shared machine a fairer
   figure than the wall clock, printed beside it. */
double cli_cpu_ms(void);

int cmd_init(int argc, char **argv, struct app *app);
int cmd_demo(int argc, char **argv, struct app *app);
int cmd_match(int argc, char **argv, struct app *app);
int cmd_bench(int argc, char **argv, struct app *app);
/* knooppunt bench reports (src/cli/bench_reports.c), reached through cmd_bench. */
int cmd_bench_reports(int argc, char **argv, struct app *app);
int cmd_erase_person(int argc, char **argv, struct app *app);
int cmd_retention(int argc, char **argv, struct app *app);
int cmd_reminders(int argc, char **argv, struct app *app);
int cmd_outbox(int argc, char **argv, struct app *app);
int cmd_import(int argc, char **argv, struct app *app);
int cmd_bench_import(int argc, char **argv, struct app *app);
int cmd_backup(int argc, char **argv, struct app *app);
int cmd_restore(int argc, char **argv, struct app *app);

int cmd_migrate_data(int argc, char **argv, struct app *app);

#endif
