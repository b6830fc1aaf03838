/*
 * knooppunt import volunteers|calls|hours --file F --organisation ID
 * [--mapping TEXT] [--dry-run] [--no-invite], and knooppunt import
 * organisations --file F [--mapping TEXT] [--dry-run]: reads a spreadsheet
 * (CSV or .xlsx) of one kind into an organisation, or into the network,
 * through service/import.h. A dry run lists per row what a
 * real run would do; a real run lists the refused rows. On a terminal a
 * progress bar shows rows, rate and time left.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "service/import.h"
#include "util/messages.h"
#include "util/parse.h"

/* The command line acts as the network administrator, with no account of its
   own; for calls and hours, which are the organisations' to post and log, as
   a coordinator of the organisation named. */
static struct principal acting_for(int kind, int64_t organisation)
{
	if (kind == IMPORT_CALLS || kind == IMPORT_HOURS)
		return (struct principal){ .role = ROLE_COORDINATOR, .organisation_id = organisation };
	return (struct principal){ .role = ROLE_ADMIN };
}

struct import_options {
	int kind;
	const char *file;
	const char *mapping;
	long long organisation;
	bool dry_run, invite;
};

struct progress {
	bool terminal;          /* stdout is a terminal: draw the bar */
	bool dry_run;
	double started;         /* monotonic seconds */
	bool drawn;             /* a bar is on the current line */
	const char *record;     /* what a row becomes, in Dutch */
};

static void draw_bar(void *ctx, size_t done, size_t total, long rows)
{
	struct progress *p = ctx;
	if (!p->terminal || total == 0)
		return;
	double elapsed = cli_clock_ms() / 1000.0 - p->started;
	double part = (double)done / (double)total;
	double rate = elapsed > 0 ? (double)rows / elapsed : 0;
	double left = part > 0 ? elapsed * (1 - part) / part : 0;
	char bar[31];
	int filled = (int)(part * 30);
	for (int i = 0; i < 30; i++)
		bar[i] = i < filled ? '#' : '.';
	bar[30] = '\0';
	printf("\r[%s] %3d%%  %ld rijen  %.0f rijen/s  nog %.0f s ", bar, (int)(part * 100), rows,
	       rate, left);
	fflush(stdout);
	p->drawn = true;
}

static void end_bar(struct progress *p)
{
	if (p->drawn)
		putchar('\n');
	p->drawn = false;
}

static const char *action_text(int action, bool dry_run)
{
	static const char *const real[IMPORT_ACTION_COUNT] = {
		"aangemaakt", "bijgewerkt", "ongewijzigd", "geweigerd", "leeg, overgeslagen",
	};
	static const char *const dry[IMPORT_ACTION_COUNT] = {
		"wordt aangemaakt", "wordt bijgewerkt", "blijft ongewijzigd", "wordt geweigerd",
		"leeg, wordt overgeslagen",
	};
	return dry_run ? dry[action] : real[action];
}

static int print_row(void *ctx, const struct import_row_report *r)
{
	struct progress *p = ctx;
	if (!p->dry_run && r->action != IMPORT_REFUSED)
		return 0;
	end_bar(p);
	printf("rij %ld: %s", r->row, action_text(r->action, p->dry_run));
	if (r->id > 0)
		printf(" (%s %lld)", p->record, (long long)r->id);
	if (r->action == IMPORT_REFUSED) {
		struct buf b;
		buf_init(&b, 4096);
		if (messages_render(&r->err, "nl", &b) == 0 && b.data != NULL)
			printf(": %s", b.data);
		else
			printf(": %s", r->err.code);
		buf_free(&b);
	}
	putchar('\n');
	return 0;
}

/* The whole file, at most CSV_FILE_MAX bytes; NULL after printing why. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	if (f == NULL || fstat(fileno(f), &sb) != 0) {
		fprintf(stderr, "knooppunt import: kan %s niet lezen\n", path);
		if (f != NULL)
			fclose(f);
		return NULL;
	}
	if ((size_t)sb.st_size > CSV_FILE_MAX) {
		fprintf(stderr, "knooppunt import: %s is te groot (maximaal %zu bytes)\n", path,
		        CSV_FILE_MAX);
		fclose(f);
		return NULL;
	}
	char *data = malloc((size_t)sb.st_size + 1);
	*len = data != NULL ? fread(data, 1, (size_t)sb.st_size, f) : 0;
	fclose(f);
	if (data == NULL || *len != (size_t)sb.st_size) {
		fprintf(stderr, "knooppunt import: kan %s niet lezen\n", path);
		free(data);
		return NULL;
	}
	return data;
}

static int parse_options(int argc, char **argv, struct import_options *o)
{
	if (argc < 1 || (o->kind = import_kind_parse(argv[0])) < 0) {
		fprintf(stderr, "knooppunt import: geef aan wat je importeert: volunteers, "
		                "organisations, calls of hours\n");
		return -1;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool more = i + 1 < argc;
		if (strcmp(a, "--dry-run") == 0)
			o->dry_run = true;
		else if (strcmp(a, "--no-invite") == 0)
			o->invite = false;
		else if (strcmp(a, "--file") == 0 && more)
			o->file = argv[++i];
		else if (strcmp(a, "--mapping") == 0 && more)
			o->mapping = argv[++i];
		else if (strcmp(a, "--organisation") == 0 && more &&
		         parse_int(argv[i + 1], 1, INT64_MAX, &o->organisation) == 0)
			i++;
		else {
			fprintf(stderr, "knooppunt import: onbekende of onvolledige optie %s\n", a);
			return -1;
		}
	}
	if (o->file == NULL || (o->organisation == 0 && o->kind != IMPORT_ORGANISATIONS)) {
		fprintf(stderr, "knooppunt import: geef --file BESTAND en --organisation ID\n");
		return -1;
	}
	return 0;
}

static void print_summary(const struct import_request *rq, double seconds)
{
	const long *c = rq->counts;
	printf("%s: %ld nieuw, %ld bijgewerkt, %ld ongewijzigd, %ld geweigerd, %ld lege rijen",
	       rq->dry_run ? "Proefimport (er is niets opgeslagen)" : "Import klaar",
	       c[IMPORT_CREATE], c[IMPORT_UPDATE], c[IMPORT_UNCHANGED], c[IMPORT_REFUSED],
	       c[IMPORT_EMPTY]);
	if (!rq->dry_run && rq->kind == IMPORT_VOLUNTEERS)
		printf(", %ld uitnodigingen", rq->invited);
	printf(" (%.1f s)\n", seconds);
}

int cmd_import(int argc, char **argv, struct app *app)
{
	static const char *const records[IMPORT_KIND_COUNT] = {
		"vrijwilliger", "organisatie", "oproep", "urenregel",
	};
	struct import_options o = { .invite = true };
	if (parse_options(argc, argv, &o) != 0)
		return 2;
	size_t len = 0;
	char *data = read_file(o.file, &len);
	if (data == NULL)
		return 1;
	struct progress p = { .terminal = isatty(STDOUT_FILENO), .dry_run = o.dry_run,
	                      .started = cli_clock_ms() / 1000.0, .record = records[o.kind] };
	struct import_request rq = { .kind = o.kind, .organisation_id = o.organisation,
	                             .data = data, .len = len, .mapping = o.mapping,
	                             .dry_run = o.dry_run,
	                             .invite = o.invite, .each = print_row, .progress = draw_bar,
	                             .ctx = &p };
	struct kp_error err = { 0 };
	struct db *db = NULL;
	struct principal who = acting_for(o.kind, o.organisation);
	int status = 1;
	if (cli_open(app, &db, &err) == KP_OK &&
	    import_run(app, db, &who, &rq, &err) == KP_OK)
		status = 0;
	end_bar(&p);
	if (status == 0)
		print_summary(&rq, cli_clock_ms() / 1000.0 - p.started);
	else
		cli_print_error(&err);
	db_close(db);
	free(data);
	return status;
}
