/*
 * knooppunt bench import [--rows N]: times the import of a spreadsheet of N
 * volunteers (default 100,000) through service/import.h into a fresh
 * SQLite file, against a baseline in the same run: the same records, built
 * beforehand, written by the store's plain insert in transactions of the
 * same size into another fresh file; the two take turns (BENCH_ROUNDS each,
 * the best counts), then one import with invitations is timed as a note. Prints
 * "import rows= seconds= rows_per_s= baseline_rows_per_s= ratio=" (lines
 * starting with '#' are notes). Then the same for a spreadsheet of as many
 * hour entries for those volunteers (by e-mail address, dates in two forms),
 * against plain inserts of the same entries: "import kind=hours rows= …".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "db/hours.h"
#include "db/store.h"
#include "model/import.h"
#include "service/import.h"
#include "util/buf.h"
#include "util/parse.h"

#define BENCH_ROUNDS 2

static const struct principal command_line = { .role = ROLE_ADMIN };

static const char *const first_names[] = { "Anouk", "Joël", "Zoë", "Bram", "Fatima", "Kees",
                                           "Sanne", "Mehmet", "Ineke", "Daan", "Noor", "Ruud" };
static const char *const last_names[] = { "de Vries", "Brouwer", "Çelik", "Smit", "Jansen",
                                          "van den Berg", "El Amrani", "Bakker", "Visser" };
static const char *const places[] = { "Dordrecht", "Zwijndrecht", "Papendrecht", "Sliedrecht",
                                      "Alblasserdam", "Hendrik-Ido-Ambacht" };

/* A spreadsheet of n volunteers as a Dutch organisation would export it. */
static char *make_csv(long n, size_t *len)
{
	struct buf b;
	buf_init(&b, CSV_FILE_MAX);
	int rc = buf_appends(&b, "\xef\xbb\xbfVoornaam;Achternaam;E-mailadres;Telefoon;"
	                         "Geboortejaar;Woonplaats;Startdatum;Status\r\n");
	for (long i = 0; i < n && rc == 0; i++)
		rc = buf_printf(&b, "%s;%s;vrijwilliger%ld@example.nl;06%08ld;%ld;%s;%ld-%ld-2024;"
		                    "actief\r\n",
		                first_names[i % 12], last_names[i % 9], i, i, 1940 + i % 60,
		                places[i % 6], 1 + i % 28, 1 + i % 12);
	if (rc != 0) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}

/* A fresh database file under the data directory, with one organisation. */
static int open_fresh(struct app *app, const char *name, struct db **db, int64_t *org,
                      struct kp_error *err)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char p[APP_PATH_MAX + 32];
	if (app_config_finish(&app->cfg, err))
		return KP_ERR;
	snprintf(p, sizeof p, "%s/%s", app->cfg.data_dir, name);
	if (strlen(p) >= sizeof app->cfg.db_path)
		return kp_invalid(err, "data", "too_long");
	snprintf(app->cfg.db_path, sizeof app->cfg.db_path, "%s", p);
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", app->cfg.db_path, suffix[i]);
		unlink(p);
	}
	struct organisation o;
	int64_t network;
	organisation_init(&o);
	snprintf(o.name, sizeof o.name, "Humanitas Drechtsteden");
	snprintf(o.municipality, sizeof o.municipality, "Dordrecht");
	o.created_at = o.updated_at = app->now();
	if (cli_open(app, db, err) || db_begin(*db, err) ||
	    store_network_ensure(*db, "Drechtsteden", "Drechtsteden", o.created_at, &network, err))
		return KP_ERR;
	o.network_id = network;
	if (store_organisation_insert(*db, &o, err) || db_commit(*db, err)) {
		db_rollback(*db);
		return KP_ERR;
	}
	*org = o.id;
	return KP_OK;
}

/* The rows of the file as records, as the import reads them. */
static struct volunteer *records_of(const char *data, size_t len, int64_t org, long *n,
                                    struct kp_error *err)
{
	struct csv_reader *r = malloc(sizeof *r);
	struct csv_row *row = malloc(sizeof *row);
	struct volunteer *v = calloc((size_t)*n, sizeof *v);
	struct import_mapping m;
	uint64_t given;
	long i = 0;
	int rc = r && row && v ? csv_open(r, data, len, err) : kp_internal(err);
	if (rc == KP_OK && (csv_next(r, row, err) != 1 ||
	                    import_mapping_build(&import_volunteer_schema, row, NULL, &m, err)))
		rc = KP_ERR;
	while (rc == KP_OK && i < *n && csv_next(r, row, err) == 1)
		rc = import_volunteer_row(&m, row, org, "2026-01-01", &v[i++], &given, err);
	if (r != NULL)
		csv_close(r);
	free(r);
	free(row);
	*n = i;
	if (rc != KP_OK) {
		free(v);
		return NULL;
	}
	return v;
}

/* Plain inserts of the same records, IMPORT_BATCH per transaction. */
static int baseline(struct app *app, const char *data, size_t len, long n, double *seconds,
                    double *cpu, struct kp_error *err)
{
	struct db *db = NULL;
	int64_t org;
	struct volunteer *v = NULL;
	int rc = open_fresh(app, "bench-import-baseline.db", &db, &org, err);
	if (rc == KP_OK && (v = records_of(data, len, org, &n, err)) == NULL)
		rc = KP_ERR;
	double t0 = cli_clock_ms() / 1000.0, c0 = cli_cpu_ms() / 1000.0;
	for (long i = 0; i < n && rc == KP_OK; i += IMPORT_BATCH) {
		rc = db_begin(db, err);
		for (long j = i; j < i + IMPORT_BATCH && j < n && rc == KP_OK; j++)
			rc = store_volunteer_insert(db, &v[j], false, err);
		if (rc == KP_OK)
			rc = db_commit(db, err);
		else
			db_rollback(db);
	}
	*seconds = cli_clock_ms() / 1000.0 - t0;
	*cpu = cli_cpu_ms() / 1000.0 - c0;
	free(v);
	db_close(db);
	return rc;
}

static int measured_import(struct app *app, const char *data, size_t len, bool invite,
                           struct import_request *rq, double *seconds, double *cpu,
                           struct kp_error *err)
{
	struct db *db = NULL;
	int64_t org;
	int rc = open_fresh(app, "bench-import.db", &db, &org, err);
	*rq = (struct import_request){ .organisation_id = org, .data = data, .len = len,
	                               .invite = invite };
	double t0 = cli_clock_ms() / 1000.0, c0 = cli_cpu_ms() / 1000.0;
	if (rc == KP_OK)
		rc = import_run(app, db, &command_line, rq, err);
	*seconds = cli_clock_ms() / 1000.0 - t0;
	*cpu = cli_cpu_ms() / 1000.0 - c0;
	db_close(db);
	return rc;
}

/* Hour entry i of the benchmark: volunteer i % volunteers (the i-th row of
   make_csv, id i % volunteers + 1 in a fresh file), one entry per volunteer
   and day, on the days before `now`. */
static void hour_of(long i, long volunteers, int64_t now, int64_t org, struct hour_entry *e)
{
	memset(e, 0, sizeof *e);
	e->volunteer_id = i % volunteers + 1;
	e->organisation_id = org;
	e->minutes = 30 + (int)(i % 5) * 15;
	e->status = HOUR_LOGGED;
	e->created_at = now;
	parse_format_date(now - (1 + i / volunteers) * 86400, e->worked_on);
}

static char *make_hours_csv(long n, long volunteers, int64_t now, size_t *len)
{
	struct buf b;
	struct hour_entry e;
	buf_init(&b, CSV_FILE_MAX);
	int rc = buf_appends(&b, "\xef\xbb\xbf" "E-mailadres;Datum;Uren\r\n");
	for (long i = 0; i < n && rc == 0; i++) {
		hour_of(i, volunteers, now, 0, &e);
		const char *d = e.worked_on;  /* 2026-03-01, or as 1-3-2026 */
		const char *day = d + 8 + (d[8] == '0'), *month = d + 5 + (d[5] == '0');
		if (i % 2)
			rc = buf_printf(&b, "vrijwilliger%ld@example.nl;%s;%d:%02d\r\n", i % volunteers, d,
			                e.minutes / 60, e.minutes % 60);
		else
			rc = buf_printf(&b, "vrijwilliger%ld@example.nl;%.*s-%.*s-%.4s;%d,%02d\r\n",
			                i % volunteers, (int)(d + 10 - day), day, (int)(d + 7 - month),
			                month, d, e.minutes / 60, e.minutes % 60 * 100 / 60);
	}
	if (rc != 0) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}

/* The database file `name` under the data directory, as the last run left it. */
static int open_again(struct app *app, const char *name, struct db **db, struct kp_error *err)
{
	char p[APP_PATH_MAX + 32];
	snprintf(p, sizeof p, "%s/%s", app->cfg.data_dir, name);
	if (strlen(p) >= sizeof app->cfg.db_path)
		return kp_invalid(err, "data", "too_long");
	snprintf(app->cfg.db_path, sizeof app->cfg.db_path, "%s", p);
	return cli_open(app, db, err);
}

/* Plain inserts of the entries of make_hours_csv into the baseline's file. */
static int hours_baseline(struct app *app, long n, long volunteers, int64_t now, int64_t org,
                          double *seconds, double *cpu, struct kp_error *err)
{
	struct db *db = NULL;
	struct hour_entry e;
	int rc = open_again(app, "bench-import-baseline.db", &db, err);
	double t0 = cli_clock_ms() / 1000.0, c0 = cli_cpu_ms() / 1000.0;
	for (long i = 0; i < n && rc == KP_OK; i += IMPORT_BATCH) {
		rc = db_begin(db, err);
		for (long j = i; j < i + IMPORT_BATCH && j < n && rc == KP_OK; j++) {
			hour_of(j, volunteers, now, org, &e);
			rc = store_hour_insert(db, &e, err);
		}
		if (rc == KP_OK)
			rc = db_commit(db, err);
		else
			db_rollback(db);
	}
	*seconds = cli_clock_ms() / 1000.0 - t0;
	*cpu = cli_cpu_ms() / 1000.0 - c0;
	db_close(db);
	return rc;
}

/* The hours spreadsheet imported by a coordinator of org into the file the
   last measured import wrote. */
static int hours_import(struct app *app, const char *data, size_t len, int64_t org, long n,
                        double *seconds, double *cpu, struct kp_error *err)
{
	struct db *db = NULL;
	const struct principal coordinator = { .role = ROLE_COORDINATOR, .organisation_id = org };
	struct import_request rq = { .kind = IMPORT_HOURS, .organisation_id = org, .data = data,
	                             .len = len };
	int rc = open_again(app, "bench-import.db", &db, err);
	double t0 = cli_clock_ms() / 1000.0, c0 = cli_cpu_ms() / 1000.0;
	if (rc == KP_OK)
		rc = import_run(app, db, &coordinator, &rq, err);
	*seconds = cli_clock_ms() / 1000.0 - t0;
	*cpu = cli_cpu_ms() / 1000.0 - c0;
	db_close(db);
	if (rc == KP_OK && rq.counts[IMPORT_CREATE] != n) {
		fprintf(stderr, "knooppunt bench import: %ld van de %ld urenregels aangemaakt\n",
		        rq.counts[IMPORT_CREATE], n);
		return kp_internal(err);
	}
	return rc;
}

/* The hours benchmark, after the volunteers' last round left both files with
   the same volunteers. */
static int bench_hours(struct app *app, long rows, int64_t org, struct kp_error *err)
{
	size_t len = 0;
	int64_t now = app->now();
	double secs = 0, base = 0, cpu = 0, base_cpu = 0;
	char *data = make_hours_csv(rows, rows, now, &len);
	int rc = data == NULL ? kp_internal(err) : KP_OK;
	if (rc == KP_OK)
		rc = hours_baseline(app, rows, rows, now, org, &base, &base_cpu, err);
	if (rc == KP_OK)
		rc = hours_import(app, data, len, org, rows, &secs, &cpu, err);
	free(data);
	if (rc != KP_OK)
		return rc;
	printf("# uren: processortijd import %.2f s, basislijn %.2f s; verhouding %.2f\n", cpu,
	       base_cpu, base_cpu / cpu);
	printf("import kind=hours rows=%ld seconds=%.2f rows_per_s=%.0f baseline_rows_per_s=%.0f "
	       "ratio=%.2f\n", rows, secs, rows / secs, rows / base, base / secs);
	return KP_OK;
}

static int parse_rows(int argc, char **argv, long long *rows)
{
	const struct cli_number table[] = { { "--rows", 1, CSV_RECORDS_MAX - 1, rows } };
	return cli_numbers(argc, argv, 1, "knooppunt bench import", table, 1, NULL);
}

int cmd_bench_import(int argc, char **argv, struct app *app)
{
	long long rows = 100000;
	if (parse_rows(argc, argv, &rows))
		return 2;
	struct kp_error err = { 0 };
	struct import_request rq, invited;
	double secs = 0, base = 0, with_invites = 0, cpu = 0, base_cpu = 0, unused;
	size_t len = 0;
	char *data = make_csv(rows, &len);
	int status = 1;
	if (data == NULL)
		goto end;
	/* The machine is shared: baseline and import take turns, and the best of
	   each counts, so that a burst of other work does not decide the ratio. */
	for (int round = 0; round < BENCH_ROUNDS; round++) {
		double b = 0, s = 0, bc = 0, sc = 0;
		if (baseline(app, data, len, rows, &b, &bc, &err) ||
		    measured_import(app, data, len, false, &rq, &s, &sc, &err))
			goto end;
		base = round == 0 || b < base ? b : base;
		secs = round == 0 || s < secs ? s : secs;
		base_cpu = round == 0 || bc < base_cpu ? bc : base_cpu;
		cpu = round == 0 || sc < cpu ? sc : cpu;
		if (rq.counts[IMPORT_CREATE] != rows) {
			fprintf(stderr, "knooppunt bench import: %ld van de %lld rijen aangemaakt\n",
			        rq.counts[IMPORT_CREATE], rows);
			goto end;
		}
	}
	int64_t org = rq.organisation_id;
	if (bench_hours(app, (long)rows, org, &err) ||
	    measured_import(app, data, len, true, &invited, &with_invites, &unused, &err))
		goto end;
	printf("# %.1f MB CSV; beste van %d beurten om en om; met uitnodigingen (account, token, "
	       "e-mail in de outbox per rij): %.1f s, %.0f rijen/s (%ld uitnodigingen)\n",
	       (double)len / 1e6, BENCH_ROUNDS, with_invites, rows / with_invites, invited.invited);
	printf("# processortijd: import %.2f s, %.0f rijen/s; basislijn %.2f s, %.0f rijen/s; "
	       "verhouding %.2f\n", cpu, rows / cpu, base_cpu, rows / base_cpu, base_cpu / cpu);
	printf("import rows=%lld seconds=%.2f rows_per_s=%.0f baseline_rows_per_s=%.0f "
	       "ratio=%.2f\n", rows, secs, rows / secs, rows / base, base / secs);
	status = 0;
end:
	if (status != 0 && err.kind != KP_NONE)
		cli_print_error(&err);
	free(data);
	return status;
}
