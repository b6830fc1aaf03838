/* The figures of an organisation or the network (reports.h). */
#include "service/reports.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/report_people.h"
#include "sync/follow.h"
#include "util/parse.h"

#define DAY 86400
#define REPORT_SYNC_MS 1000       /* the longest a report waits for the change log */
/* Months a period before touches: as long as the period (REPORT_MONTHS_MAX
   months of at most 31 days), cut at both ends. */
#define BEFORE_MONTHS_MAX (REPORT_MONTHS_MAX + 2)

/* One volunteer in days since 1970; -1 where there is no such day. */
struct person {
	int32_t start, stop, intake, first_match;
};

/* The organisations in scope in name order, and where each id is among
   them, so that one pass over the volunteers counts them all: a table by id
   while ids are small, else a binary search of the sorted ids. */
#define ORG_TABLE_MAX (1 << 20)

struct org_key {
	int64_t id;
	int at;                       /* index into orgs.o */
};

struct orgs {
	struct report_org *o;
	struct org_key *keys;
	int32_t *at_id;               /* at_id[id]: index into o, -1 out of scope; or NULL */
	int64_t max_id;
	int n, cap;
};

struct people {
	struct person *p;
	int n, cap;
	int64_t active;
	int32_t today;
	struct orgs *orgs;
};

static int add_org(void *ctx, const struct report_org *o)
{
	struct orgs *os = ctx;
	if (os->n == os->cap) {
		int cap = os->cap ? os->cap * 2 : 64;
		struct report_org *grown = realloc(os->o, (size_t)cap * sizeof *grown);
		if (grown == NULL)
			return -1;
		os->o = grown;
		os->cap = cap;
	}
	os->o[os->n++] = *o;
	os->max_id = o->id > os->max_id ? o->id : os->max_id;
	return 0;
}

static int by_key(const void *a, const void *b)
{
	const struct org_key *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int index_orgs(struct orgs *os)
{
	if (os->max_id < ORG_TABLE_MAX) {
		os->at_id = malloc((size_t)(os->max_id + 1) * sizeof *os->at_id);
		if (os->at_id == NULL)
			return -1;
		memset(os->at_id, 0xff, (size_t)(os->max_id + 1) * sizeof *os->at_id);
		for (int i = 0; i < os->n; i++)
			os->at_id[os->o[i].id] = i;
		return 0;
	}
	os->keys = malloc((size_t)(os->n ? os->n : 1) * sizeof *os->keys);
	if (os->keys == NULL)
		return -1;
	for (int i = 0; i < os->n; i++)
		os->keys[i] = (struct org_key){ os->o[i].id, i };
	qsort(os->keys, (size_t)os->n, sizeof *os->keys, by_key);
	return 0;
}

/* Counts a volunteer of organisation `id`; false when it is not in scope. */
static bool count_in_org(struct orgs *os, int64_t id, bool active)
{
	int at = -1;
	if (os->at_id != NULL) {
		at = id >= 0 && id <= os->max_id ? os->at_id[id] : -1;
	} else {
		struct org_key k = { id, 0 };
		const struct org_key *found = bsearch(&k, os->keys, (size_t)os->n, sizeof k, by_key);
		at = found ? found->at : -1;
	}
	if (at < 0)
		return false;
	os->o[at].volunteers++;
	os->o[at].active += active;
	return true;
}

static int32_t year_of_day(int32_t day)
{
	char date[11];
	parse_format_date((long long)day * DAY, date);
	return (int32_t)strtol(date, NULL, 10);
}

/* Counts a volunteer of an organisation in scope, and keeps those the
   figures can place in time (with a sign-up date). */
static int add_person(void *ctx, const struct report_person *rp)
{
	struct people *ps = ctx;
	if (!count_in_org(ps->orgs, rp->organisation_id, rp->status == VOLUNTEER_ACTIVE))
		return 0; /* another organisation's, out of scope */
	if (rp->start < 0)
		return 0;
	if (ps->n == ps->cap) {
		int cap = ps->cap ? ps->cap * 2 : 1024;
		struct person *p = realloc(ps->p, (size_t)cap * sizeof *p);
		if (p == NULL)
			return -1;
		ps->p = p;
		ps->cap = cap;
	}
	ps->active += rp->status == VOLUNTEER_ACTIVE;
	ps->p[ps->n++] = (struct person){ rp->start, rp->stop, rp->intake, rp->first_match };
	return 0;
}

static int add_tenure(void *ctx, const struct report_tenure *t)
{
	struct report_person p;
	report_person_of(t, &p);
	return add_person(ctx, &p);
}

/* The volunteers in scope: those of the network or a municipality from the
   server's copy when there is one (after the change log's latest), those of
   one organisation (a range of an index) and those of a command from the
   rows. */
static int read_people(struct svc *s, const struct report_scope *sc, struct people *ps)
{
	struct report_people *copy = s->app->people;
	if (copy != NULL && sc->organisation_id == 0 && report_people_complete(copy)) {
		follow_sync(s->app->follow, REPORT_SYNC_MS);
		return report_people_each(copy, add_person, ps) == KP_OK ? KP_OK
		                                                          : kp_internal(s->err);
	}
	return store_report_tenures(s->db, sc, add_tenure, ps, s->err);
}

/* The first day of the month after the one holding `day`. */
static int32_t next_month(int32_t day)
{
	char date[24];
	parse_format_date((long long)day * DAY, date);
	int y = (int)strtol(date, NULL, 10), m = (int)strtol(date + 5, NULL, 10);
	if (++m > 12) {
		m = 1;
		y++;
	}
	snprintf(date, sizeof date, "%04d-%02d-01", y, m);
	return (int32_t)parse_date_days(date);
}

/* The month boundaries from `from` on: b[0] = from, b[i + 1] the first day
   of the month after b[i] or `to`, whichever comes first; returns k, the
   number of months (at most cap). */
static int month_bounds(int32_t from, int32_t to, int32_t *b, int cap)
{
	int k = 0;
	b[0] = from;
	while (b[k] < to && k < cap) {
		int32_t next = next_month(b[k]);
		b[k + 1] = next < to ? next : to;
		k++;
	}
	return k;
}

/* The month of each day of b[0..k], looked up in a table: how many of
   b[1..k] are on or before the day, so a day before b[0] is in month 0 and
   one on or after b[k] in month k. */
struct month_table {
	int32_t from, to;             /* b[0], b[k] */
	int k;
	uint8_t month[BEFORE_MONTHS_MAX * 31];
};

static void month_table(struct month_table *t, const int32_t *b, int k)
{
	t->from = b[0];
	t->to = b[k];
	t->k = k;
	for (int m = 0; m < k; m++)
		for (int32_t d = b[m]; d < b[m + 1]; d++)
			t->month[d - b[0]] = (uint8_t)m;
}

static int month_of(const struct month_table *t, int32_t day)
{
	return day < t->from ? 0 : day >= t->to ? t->k : t->month[day - t->from];
}

/* Per month of b[0..k]: who signed up, who stopped, and who was there on its
   last day (there_on), in one pass over the people. */
static void flows(const struct people *ps, const int32_t *b, int k, int64_t *in, int64_t *out,
                  int64_t *there)
{
	int64_t change[BEFORE_MONTHS_MAX + 1] = { 0 };
	struct month_table t;
	month_table(&t, b, k);
	for (int i = 0; i < ps->n; i++) {
		const struct person *p = &ps->p[i];
		int first = month_of(&t, p->start);
		int left = p->stop < 0 ? k : month_of(&t, p->stop);
		if (p->start >= b[0] && p->start < b[k])
			in[first]++;
		if (p->stop >= b[0] && p->stop < b[k])
			out[left]++;
		if (first < left) { /* there at the ends of months first .. left - 1 */
			change[first]++;
			change[left]--;
		}
	}
	for (int m = 0, at = 0; m < k; m++)
		there[m] = at += change[m];
}

static void count_months(struct report *r, const struct people *ps, int32_t from, int32_t to)
{
	int32_t b[REPORT_MONTHS_MAX + 1];
	int64_t in[REPORT_MONTHS_MAX] = { 0 }, out[REPORT_MONTHS_MAX] = { 0 };
	int64_t there[REPORT_MONTHS_MAX] = { 0 };
	double active_sum = 0;
	r->n_months = month_bounds(from, to, b, REPORT_MONTHS_MAX);
	flows(ps, b, r->n_months, in, out, there);
	for (int m = 0; m < r->n_months; m++) {
		struct report_month *rm = &r->months[m];
		char date[11];
		parse_format_date((long long)b[m] * DAY, date);
		*rm = (struct report_month){ .inflow = in[m], .outflow = out[m], .active_end = there[m] };
		snprintf(rm->month, sizeof rm->month, "%.7s", date);
		r->inflow += in[m];
		r->outflow += out[m];
		active_sum += (double)there[m];
	}
	r->turnover = active_sum > 0 ? (double)r->outflow / (active_sum / r->n_months) : 0;
}

/* Flow and turnover over the period before [from, to). */
static void count_before(struct report *r, const struct people *ps, int32_t from, int32_t to)
{
	int32_t b[BEFORE_MONTHS_MAX + 1];
	int64_t in[BEFORE_MONTHS_MAX] = { 0 }, out[BEFORE_MONTHS_MAX] = { 0 };
	int64_t there[BEFORE_MONTHS_MAX] = { 0 };
	double active_sum = 0;
	int k = month_bounds(from, to, b, BEFORE_MONTHS_MAX);
	flows(ps, b, k, in, out, there);
	for (int m = 0; m < k; m++) {
		r->inflow_before += in[m];
		r->outflow_before += out[m];
		active_sum += (double)there[m];
	}
	r->turnover_before = active_sum > 0 ? (double)r->outflow_before / (active_sum / k) : 0;
}

/* The curve of the tenures t[0..n) of the people who started in `year` (0:
   all of them); sorts t. */
static void cohort(struct report_cohort *c, int year, struct tenure *t, int n,
                   struct survival_point *all, int cap)
{
	c->year = year;
	c->volunteers = n;
	c->n_points = survival_km(t, n, all, n < cap ? n : cap);
	if (c->n_points < 0)
		c->n_points = 0; /* a stop after today: no curve rather than a wrong one */
	c->median_days = survival_median(all, c->n_points);
	/* More stop days than the curve holds: keep evenly spaced ones and the last. */
	int step = (c->n_points + REPORT_CURVE_MAX - 1) / REPORT_CURVE_MAX, kept = 0;
	for (int i = 0; i < c->n_points; i += step > 1 ? step : 1)
		c->points[kept++] = all[i];
	if (kept > 0 && c->points[kept - 1].day != all[c->n_points - 1].day)
		c->points[kept - 1] = all[c->n_points - 1];
	c->n_points = kept;
}

/* The start year's place among the cohorts: 1 for this year, 2 for the year
   before, …; 0 for years before those. jan1[k] is the first day of cohort k's
   year (k >= 1). */
static int cohort_of(const int32_t *jan1, int32_t start)
{
	for (int k = 1; k < REPORT_COHORTS_MAX; k++)
		if (start >= jan1[k])
			return k;
	return 0;
}

/* Retention by start year in one pass: the tenures are laid out by cohort
   (this year's first, the years before those last), so that each year's are
   a run of the array and all of them together the whole. */
static int retention(struct report *r, const struct people *ps)
{
	int32_t first = ps->today, jan1[REPORT_COHORTS_MAX];
	int last = year_of_day(ps->today), count[REPORT_COHORTS_MAX] = { 0 };
	int at[REPORT_COHORTS_MAX + 1];
	for (int k = 1; k < REPORT_COHORTS_MAX; k++) {
		char date[16];
		snprintf(date, sizeof date, "%04d-01-01", (last - k + 1) % 10000);
		jan1[k] = (int32_t)parse_date_days(date);
	}
	for (int i = 0; i < ps->n; i++)
		if (ps->p[i].start <= ps->today) {
			first = ps->p[i].start < first ? ps->p[i].start : first;
			count[cohort_of(jan1, ps->p[i].start)]++;
		}
	at[1] = 0;
	for (int k = 1; k < REPORT_COHORTS_MAX; k++)
		at[k + 1] = at[k] + count[k];
	at[0] = at[REPORT_COHORTS_MAX]; /* the years before, after the others */
	int n = at[0] + count[0];
	/* A curve has at most one point per day of the longest tenure. */
	size_t days = (size_t)(ps->today - first) + 2, most = (size_t)(n ? n : 1);
	int cap = (int)(days < most ? days : most);
	struct tenure *t = malloc(most * sizeof *t);
	struct survival_point *all = malloc((size_t)cap * sizeof *all);
	if (t == NULL || all == NULL) {
		free(t);
		free(all);
		return -1;
	}
	int put[REPORT_COHORTS_MAX];
	memcpy(put, at, sizeof put);
	for (int i = 0; i < ps->n; i++) {
		const struct person *p = &ps->p[i];
		if (p->start > ps->today)
			continue;
		int32_t end = p->stop >= 0 ? p->stop : ps->today;
		t[put[cohort_of(jan1, p->start)]++] = (struct tenure){ end - p->start, p->stop >= 0 };
	}
	r->n_cohorts = 1;
	for (int k = 1; k < REPORT_COHORTS_MAX; k++)
		if (count[k] > 0)
			cohort(&r->cohorts[r->n_cohorts++], last - k + 1, t + at[k], count[k], all, cap);
	cohort(&r->cohorts[0], 0, t, n, all, cap); /* last: it sorts the whole array */
	free(t);
	free(all);
	return 0;
}

/* Median and 90th percentile of the days from sign-up to an event, of the
   people who signed up in [from, to): how fast the newcomers of the period
   were seen, not how long ago the long-standing ones were. */
static int time_to(struct report_time *out, const struct people *ps, bool intake, int32_t from,
                   int32_t to)
{
	int32_t *d = malloc((size_t)(ps->n ? ps->n : 1) * sizeof *d);
	int n = 0;
	if (d == NULL)
		return -1;
	for (int i = 0; i < ps->n; i++) {
		int32_t at = intake ? ps->p[i].intake : ps->p[i].first_match;
		if (ps->p[i].start >= from && ps->p[i].start < to && at >= ps->p[i].start)
			d[n++] = at - ps->p[i].start;
	}
	out->volunteers = n;
	out->median_days = survival_quantile(d, n, 0.5);
	out->p90_days = survival_quantile(d, n, 0.9);
	free(d);
	return 0;
}

static int add_count(struct report_count *rows, int *n, int cap, const char *key,
                     const char *key2, int64_t count)
{
	if (*n == cap)
		return 0; /* the rest is shown as the total only */
	struct report_count *c = &rows[(*n)++];
	snprintf(c->key, sizeof c->key, "%s", key);
	snprintf(c->key2, sizeof c->key2, "%s", key2);
	c->n = count;
	return 0;
}

static int add_exit(void *ctx, const char *reason, const char *outcome, int64_t n)
{
	struct report *r = ctx;
	r->exit_interviews += n;
	if (exit_outcome_parse(outcome) != OUTCOME_STOPS)
		r->exit_stayed += n;
	return add_count(r->exits, &r->n_exits, REPORT_COUNTS_MAX, reason, outcome, n);
}

static int add_match(void *ctx, const char *status, const char *reason, int64_t n)
{
	struct report *r = ctx;
	int s = match_status_parse(status);
	r->matches_proposed += n;
	r->matches_declined += s == MATCH_DECLINED ? n : 0;
	r->matches_open += s == MATCH_PROPOSED || s == MATCH_CONTACTED ? n : 0;
	r->matches_accepted += s != MATCH_DECLINED && s != MATCH_PROPOSED && s != MATCH_CONTACTED
	                               ? n : 0;
	return add_count(r->matches, &r->n_matches, REPORT_COUNTS_MAX, status, reason, n);
}

static int add_hours(void *ctx, const char *month, int64_t activity_id, int64_t minutes)
{
	struct report *r = ctx;
	r->minutes += minutes;
	if (r->n_hours < REPORT_HOURS_ROWS_MAX) {
		struct report_hours_row *h = &r->hours[r->n_hours++];
		snprintf(h->month, sizeof h->month, "%.7s", month);
		h->activity_id = activity_id;
		h->minutes = minutes;
	}
	return 0;
}

static int add_minutes_before(void *ctx, const char *month, int64_t activity_id,
                              int64_t minutes)
{
	int64_t *total = ctx;
	(void)month;
	(void)activity_id;
	*total += minutes;
	return 0;
}

static int add_answer(void *ctx, const char *answer, const char *none, int64_t n)
{
	struct report *r = ctx;
	r->answers_total += n;
	r->answers_good += strcmp(answer, "good") == 0 ? n : 0;
	return add_count(r->answers, &r->n_answers, REPORT_ANSWERS_MAX, answer, none, n);
}

/* The calls as their rows come: one call at a time, its acceptances in order. */
struct calls {
	struct report *r;
	struct report_call_row cur;   /* call_id 0 before the first */
	int64_t accepted;
	int32_t *days;                /* posting to filling, of each call filled in time */
	int n, cap;
};

static int end_call(struct calls *cs)
{
	if (cs->cur.call_id == 0)
		return 0;
	cs->r->calls_posted++;
	cs->r->calls_filled += cs->cur.status == CALL_FILLED || cs->accepted >= cs->cur.needed;
	return 0;
}

static int add_call(void *ctx, const struct report_call_row *row)
{
	struct calls *cs = ctx;
	if (row->call_id != cs->cur.call_id) {
		end_call(cs);
		cs->cur = *row;
		cs->accepted = 0;
	}
	if (row->accepted_at == 0 || ++cs->accepted != row->needed)
		return 0;
	if (cs->n == cs->cap) { /* this acceptance filled the call */
		int cap = cs->cap ? cs->cap * 2 : 256;
		int32_t *d = realloc(cs->days, (size_t)cap * sizeof *d);
		if (d == NULL)
			return -1;
		cs->days = d;
		cs->cap = cap;
	}
	int64_t secs = row->accepted_at - row->created_at;
	cs->days[cs->n++] = (int32_t)(secs > 0 ? secs / DAY : 0);
	return 0;
}

static int calls_filled(struct svc *s, const struct report_scope *sc, struct report *r,
                        int64_t from, int64_t to)
{
	struct calls cs = { .r = r };
	int rc = store_report_calls(s->db, sc, from, to, add_call, &cs, s->err);
	end_call(&cs);
	r->to_fill.volunteers = cs.n;
	r->to_fill.median_days = survival_quantile(cs.days, cs.n, 0.5);
	r->to_fill.p90_days = survival_quantile(cs.days, cs.n, 0.9);
	free(cs.days);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct report_org *)a)->name, ((const struct report_org *)b)->name);
}

/* The organisations (the first REPORT_ORGS_MAX by name) and, added up, the
   municipalities they are in. */
static void orgs_and_municipalities(struct report *r, const struct orgs *os)
{
	for (int i = 0; i < os->n; i++) {
		const struct report_org *o = &os->o[i];
		if (r->n_orgs < REPORT_ORGS_MAX)
			r->orgs[r->n_orgs++] = *o;
		int m = 0;
		while (m < r->n_municipalities && strcmp(r->municipalities[m].name, o->municipality))
			m++;
		if (m == REPORT_MUNICIPALITIES_MAX)
			continue;
		struct report_org *mun = &r->municipalities[m];
		if (m == r->n_municipalities) {
			r->n_municipalities++;
			*mun = (struct report_org){ 0 };
			snprintf(mun->name, sizeof mun->name, "%s", o->municipality);
		}
		mun->employees += o->employees;
		mun->active += o->active;
		mun->volunteers += o->volunteers;
	}
	qsort(r->municipalities, (size_t)r->n_municipalities, sizeof r->municipalities[0], by_name);
}

struct compute_args {
	const struct report_ask *ask;
	struct report *out;
	struct report_scope scope;
};

/* Checks the period and fills its bounds and the period before it. */
static int period(struct svc *s, struct compute_args *a, int32_t *from, int32_t *to)
{
	if (!parse_is_date(a->ask->from))
		return kp_invalid(s->err, "from", "invalid_date");
	if (!parse_is_date(a->ask->to))
		return kp_invalid(s->err, "to", "invalid_date");
	*from = (int32_t)parse_date_days(a->ask->from);
	*to = (int32_t)parse_date_days(a->ask->to);
	if (*to <= *from)
		return kp_invalid(s->err, "to", "period_empty");
	if (*to - *from > REPORT_MONTHS_MAX * 31)
		return kp_fail_limit(s->err, KP_INVALID, "period_too_long", "to", REPORT_MONTHS_MAX);
	struct report *r = a->out;
	snprintf(r->from, sizeof r->from, "%s", a->ask->from);
	snprintf(r->to, sizeof r->to, "%s", a->ask->to);
	parse_format_date((long long)(*from - (*to - *from)) * DAY, r->before_from);
	return KP_OK;
}

static int figures(struct svc *s, struct compute_args *a, int32_t from, int32_t to)
{
	struct report *r = a->out;
	struct orgs os = { 0 };
	struct people ps = { .today = (int32_t)(s->now / DAY), .orgs = &os };
	int rc = store_report_organisations(s->db, &a->scope, add_org, &os, s->err);
	if (rc == KP_OK && index_orgs(&os) != 0)
		rc = kp_internal(s->err);
	if (rc == KP_OK)
		rc = read_people(s, &a->scope, &ps);
	if (rc == KP_OK) {
		orgs_and_municipalities(r, &os);
		r->volunteers = ps.n;
		r->active_now = ps.active;
		count_months(r, &ps, from, to);
		count_before(r, &ps, from - (to - from), from);
		if (retention(r, &ps) || time_to(&r->to_intake, &ps, true, from, to) ||
		    time_to(&r->to_first_match, &ps, false, from, to))
			rc = kp_internal(s->err);
	}
	free(ps.p);
	free(os.o);
	free(os.keys);
	free(os.at_id);
	if (rc == KP_OK)
		rc = store_report_exits(s->db, &a->scope, r->from, r->to, add_exit, r, s->err);
	if (rc == KP_OK)
		rc = store_report_matches(s->db, &a->scope, (int64_t)from * DAY,
		                          (int64_t)to * DAY, add_match, r, s->err);
	if (rc == KP_OK)
		rc = store_report_hours(s->db, &a->scope, r->from, r->to, add_hours, r, s->err);
	if (rc == KP_OK)
		rc = store_report_hours(s->db, &a->scope, r->before_from, r->from, add_minutes_before,
		                        &r->minutes_before, s->err);
	if (rc == KP_OK)
		rc = store_report_aftercare(s->db, &a->scope, (int64_t)from * DAY, (int64_t)to * DAY,
		                            add_answer, r, s->err);
	if (rc == KP_OK)
		rc = calls_filled(s, &a->scope, r, (int64_t)from * DAY, (int64_t)to * DAY);
	if (rc == KP_OK)
		rc = report_contact_point(s, &a->scope, (int64_t)(from - (to - from)) * DAY,
		                          (int64_t)from * DAY, (int64_t)to * DAY, &r->contact);
	return rc;
}

/* In a municipality's view a count of 1 to REPORT_SMALL - 1 becomes -1
   ("fewer than 5") and a cohort that small is left out, so that nobody can
   be singled out from the figures of a small area. */
void report_hide(int64_t *n)
{
	if (*n > 0 && *n < REPORT_SMALL)
		*n = -1;
}

void report_hide_counts(struct report_count *rows, int n)
{
	for (int i = 0; i < n; i++)
		report_hide(&rows[i].n);
}

static void suppress_small(struct report *r)
{
	int64_t *totals[] = { &r->volunteers, &r->active_now, &r->inflow, &r->outflow,
	                      &r->inflow_before, &r->outflow_before, &r->exit_interviews,
	                      &r->exit_stayed, &r->matches_proposed, &r->matches_accepted,
	                      &r->matches_declined, &r->matches_open, &r->calls_posted,
	                      &r->calls_filled, &r->answers_total, &r->answers_good };
	for (size_t i = 0; i < sizeof totals / sizeof totals[0]; i++)
		report_hide(totals[i]);
	for (int i = 0; i < r->n_months; i++) {
		report_hide(&r->months[i].inflow);
		report_hide(&r->months[i].outflow);
		report_hide(&r->months[i].active_end);
	}
	report_hide_counts(r->exits, r->n_exits);
	report_hide_counts(r->matches, r->n_matches);
	report_hide_counts(r->answers, r->n_answers);
	for (int i = 0; i < r->n_orgs; i++) {
		report_hide(&r->orgs[i].active);
		report_hide(&r->orgs[i].volunteers);
	}
	for (int i = 0; i < r->n_municipalities; i++) {
		report_hide(&r->municipalities[i].active);
		report_hide(&r->municipalities[i].volunteers);
	}
	int kept = 0;
	for (int i = 0; i < r->n_cohorts; i++)
		if (r->cohorts[i].volunteers >= REPORT_SMALL)
			r->cohorts[kept++] = r->cohorts[i];
	r->n_cohorts = kept;
	if (r->to_intake.volunteers < REPORT_SMALL)
		r->to_intake = (struct report_time){ -1, -1, -1 };
	if (r->to_first_match.volunteers < REPORT_SMALL)
		r->to_first_match = (struct report_time){ -1, -1, -1 };
	if (r->to_fill.volunteers < REPORT_SMALL)
		r->to_fill = (struct report_time){ -1, -1, -1 };
	report_contact_suppress(&r->contact);
}

static int compute(struct svc *s, void *arg)
{
	struct compute_args *a = arg;
	int32_t from = 0, to = 0;
	memset(a->out, 0, sizeof *a->out);
	/* A coordinator sees the own organisation; the administrator any, all, or
	   a municipality's (as the municipality would: no small numbers). */
	bool admin = s->who->role == ROLE_ADMIN;
	const char *m = a->ask->municipality && a->ask->municipality[0] ? a->ask->municipality : NULL;
	int64_t org = admin ? a->ask->organisation_id : s->who->organisation_id;
	struct authz_target t = { .organisation_id = org };
	if (svc_authorise(s, RES_REPORT, ACT_READ, &t) || period(s, a, &from, &to))
		return KP_ERR;
	if (m != NULL && !admin)
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "municipality");
	if (m != NULL && org != 0)
		return kp_invalid(s->err, "municipality", "one_scope");
	if (a->ask->hour_value_cents < 0 || a->ask->hour_value_cents > 100000)
		return kp_fail_limit(s->err, KP_INVALID, "out_of_range", "hour_value", 1000);
	a->out->organisation_id = org;
	a->out->hour_value_cents = a->ask->hour_value_cents ? a->ask->hour_value_cents
	                                                   : REPORT_HOUR_VALUE_CENTS;
	a->scope = (struct report_scope){ org, m };
	if (m != NULL) {
		snprintf(a->out->municipality, sizeof a->out->municipality, "%s", m);
		a->out->suppress_small = true;
	}
	if (figures(s, a, from, to))
		return KP_ERR;
	if (a->out->suppress_small)
		suppress_small(a->out);
	return KP_OK;
}

int report_compute(struct app *app, struct db *db, const struct principal *who,
                   const struct report_ask *ask, struct report *out, struct kp_error *err)
{
	struct compute_args a = { ask, out, { 0, NULL } };
	return svc_read(app, db, who, compute, &a, err);
}
