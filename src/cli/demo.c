/* knooppunt demo: fill a new database with the demo network and print what
   it holds and how to log in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "db/store.h"
#include "demo/demo.h"
#include "service/reminders.h"
#include "util/parse.h"

struct marking {
	struct db *db;
	int64_t now;
	struct kp_error *err;
};

static int mark_sent(void *ctx, const struct outbox_mail *m)
{
	struct marking *mk = ctx;
	return store_outbox_mark_sent(mk->db, m->id, mk->now, mk->err) == KP_OK ? 0 : -1;
}

/* The demo network has been running for years: the reminders due until today
   were mailed then, so the outbox starts empty and only what falls due from
   now on is mailed (one page of the outbox per transaction). */
static int reminders_already_sent(struct app *app, struct db *db, struct kp_error *err)
{
	struct marking mk = { db, app->now(), err };
	int queued = 0, tasks = 0;
	int64_t total = 1;
	if (reminders_send(app, db, 0, mk.now, &queued, &tasks, err))
		return KP_ERR;
	while (total > 0) {
		if (db_begin(db, err) ||
		    store_outbox_list(db, OUTBOX_PENDING, 0, (struct page){ PAGE_MAX, 0 }, mark_sent, &mk,
		                      &total, err) ||
		    db_commit(db, err)) {
			db_rollback(db);
			return KP_ERR;
		}
		total -= total > PAGE_MAX ? PAGE_MAX : total;
	}
	return KP_OK;
}

/* Reads "--name N" or "--name=N" at argv[*i] into *out; 1 when it matched,
   -1 when the value is missing or out of range, 0 for another option. */
static int number_option(int argc, char **argv, int *i, const char *name, long long min,
                         long long max, long long *out)
{
	size_t n = strlen(name);
	const char *value;
	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=')
		value = argv[*i] + n + 1;
	else if (argv[*i][n] == '\0' && *i + 1 < argc)
		value = argv[++*i];
	else if (argv[*i][n] == '\0')
		value = "";
	else
		return 0;
	if (parse_int(value, min, max, out) != 0) {
		fprintf(stderr, "knooppunt demo: %s moet een getal van %lld tot en met %lld zijn\n",
		        name, min, max);
		return -1;
	}
	return 1;
}

static int parse_options(int argc, char **argv, struct demo_options *opt)
{
	for (int i = 0; i < argc; i++) {
		long long v;
		int rc = number_option(argc, argv, &i, "--volunteers", DEMO_MIN_VOLUNTEERS,
		                       DEMO_MAX_VOLUNTEERS, &v);
		if (rc == 1) {
			opt->volunteers = (int)v;
			continue;
		}
		if (rc == 0 && (rc = number_option(argc, argv, &i, "--seed", 0, INT64_MAX, &v)) == 1) {
			opt->seed = (uint64_t)v;
			continue;
		}
		if (rc == 0)
			fprintf(stderr, "knooppunt demo: onbekende optie %s\n", argv[i]);
		return -1;
	}
	return 0;
}

static int by_value(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* The contact point: how long a request from the public form took until an
   organisation picked it up (median), and how many wait past the term now. */
static void print_contact_point(const struct demo_summary *s)
{
	int64_t t[128];
	int n = s->n_form_pickups;
	memcpy(t, s->form_pickup, (size_t)n * sizeof t[0]);
	qsort(t, (size_t)n, sizeof t[0], by_value);
	printf("  contactpunt    %8d hulpvragen; van formulier tot opgepakt mediaan %.1f uur "
	       "(%d opgepakt, langste %.1f dagen); %d wachten langer dan %d werkdagen\n",
	       s->help_requests, n ? (double)t[n / 2] / 3600.0 : 0.0, n,
	       n ? (double)t[n - 1] / 86400.0 : 0.0, s->help_waiting, DEMO_PICKUP_DAYS);
}

static void print_summary(const struct demo_summary *s)
{
	printf("  organisaties   %8d (%d locaties)\n", s->organisations, s->locations);
	printf("  vrijwilligers  %8d (actief %d, aangemeld %d, gepauzeerd %d, gestopt %d; "
	       "%d met ervaringsdeskundigheid)\n", s->volunteers,
	       s->volunteers_by_status[VOLUNTEER_ACTIVE], s->volunteers_by_status[VOLUNTEER_APPLIED],
	       s->volunteers_by_status[VOLUNTEER_PAUSED], s->volunteers_by_status[VOLUNTEER_STOPPED],
	       s->with_experience);
	printf("                ");
	for (int m = 0; m < DEMO_MUNICIPALITIES; m++)
		printf(" %s %d%s", demo_municipality(m), s->volunteers_by_municipality[m],
		       m + 1 < DEMO_MUNICIPALITIES ? "," : "\n");
	printf("  oproepen       %8d (open %d, vervuld %d, gesloten %d, geannuleerd %d)\n", s->calls,
	       s->calls_by_status[CALL_OPEN], s->calls_by_status[CALL_FILLED],
	       s->calls_by_status[CALL_CLOSED], s->calls_by_status[CALL_CANCELLED]);
	printf("                 van organisaties %d, locaties %d, hulpvragers %d, verwijzers %d; "
	       "aanbod van vrijwilligers %d\n", s->calls_by_source[SOURCE_ORGANISATION],
	       s->calls_by_source[SOURCE_LOCATION], s->calls_by_source[SOURCE_CLIENT],
	       s->calls_by_source[SOURCE_REFERRER], s->calls_by_source[SOURCE_VOLUNTEER]);
	printf("  koppelingen    %8d (voorgesteld %d, benaderd %d, geaccepteerd %d, afgewezen %d, "
	       "actief %d, beëindigd %d; %d stappen vastgelegd)\n", s->matches,
	       s->matches_by_status[MATCH_PROPOSED], s->matches_by_status[MATCH_CONTACTED],
	       s->matches_by_status[MATCH_ACCEPTED], s->matches_by_status[MATCH_DECLINED],
	       s->matches_by_status[MATCH_ACTIVE], s->matches_by_status[MATCH_ENDED],
	       s->match_events);
	printf("  uren           %8d regels (%lld uur); declaraties %d\n", s->hour_entries,
	       (long long)(s->minutes / 60), s->expense_claims);
	printf("  accounts       %8d\n", s->accounts);
	print_contact_point(s);
}

static void print_logins(void)
{
	printf("\nDemo-inloggegevens (wachtwoord voor allemaal: %s)\n", DEMO_PASSWORD);
	for (int i = 0; i < demo_login_count; i++)
		printf("  %-30s %s\n", demo_logins[i].email, demo_logins[i].label);
	printf("  Elke andere organisatie heeft een coördinator met hetzelfde wachtwoord, "
	       "bijvoorbeeld coordinator@uvv.demo.\n");
	printf("  Het centrale contactpunt is de Vrijwilligerscentrale Dordrecht: "
	       "coordinator@vrijwilligerscentrale.demo.\n");
}

int cmd_demo(int argc, char **argv, struct app *app)
{
	struct demo_options opt = { .volunteers = 2000, .seed = 1 };
	if (parse_options(argc, argv, &opt) != 0)
		return 2;
	struct kp_error err = { 0 };
	struct demo_summary sum;
	struct db *db;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (cli_open(app, &db, &err)) {
		cli_print_error(&err);
		return 1;
	}
	int rc = demo_build(app, db, &opt, &sum, &err);
	if (rc == KP_OK)
		rc = reminders_already_sent(app, db, &err);
	db_close(db);
	if (rc) {
		cli_print_error(&err);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("Demonetwerk Drechtsteden aangemaakt in %s (seed %llu, %.1f s)\n", app->cfg.db_path,
	       (unsigned long long)opt.seed, secs);
	print_summary(&sum);
	print_logins();
	return 0;
}
