/* Hours: logging, proposals, corrections, approval and totals (hours.h). */
#include "service/hours.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/parse.h"

/* The organisation an entry belongs to: its match's call's, else the
   volunteer's home organisation. */
static int entry_organisation(struct svc *s, struct hour_entry *e)
{
	if (e->match_id > 0) {
		struct match m;
		if (store_match_get(s->db, e->match_id, &m, s->err) != KP_OK ||
		    m.volunteer_id != e->volunteer_id)
			return kp_invalid(s->err, "match_id", "unknown_reference");
		e->organisation_id = m.organisation_id;
		return KP_OK;
	}
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, e->volunteer_id, false, v, s->err);
	e->organisation_id = v->organisation_id;
	free(v);
	if (rc != KP_OK && s->err->kind == KP_NOT_FOUND)
		return kp_invalid(s->err, "volunteer_id", "unknown_reference");
	return rc;
}

static int authorise_entry(struct svc *s, enum resource res, enum action act,
                           const struct hour_entry *e)
{
	struct authz_target t = { .organisation_id = e->organisation_id,
	                          .volunteer_id = e->volunteer_id };
	return svc_authorise(s, res, act, &t);
}

int hour_insert_in(struct svc *s, struct hour_entry *e, int64_t except)
{
	int64_t other = 0;
	e->id = 0;
	e->status = HOUR_LOGGED;
	e->replaced_by = 0;
	e->created_by = s->who->account_id;
	e->created_at = s->now;
	if (store_hour_day_minutes(s->db, e->volunteer_id, e->worked_on, except, &other, s->err) ||
	    hour_entry_check(e, s->now / 86400, other, s->err) ||
	    store_hour_insert(s->db, e, s->err))
		return KP_ERR;
	return svc_audit(s, "create", "hours", e->volunteer_id, e->id, NULL);
}

static int log_entry(struct svc *s, void *arg)
{
	struct hour_entry *e = arg;
	if (entry_organisation(s, e) || authorise_entry(s, RES_HOURS, ACT_CREATE, e))
		return KP_ERR;
	return hour_insert_in(s, e, 0);
}

int hour_log(struct app *app, struct db *db, const struct principal *who,
             struct hour_entry *e, struct kp_error *err)
{
	return svc_run(app, db, who, log_entry, e, err);
}

struct correction {
	int64_t id;
	const struct hour_entry *with;
	uint64_t mask;
	struct hour_entry *out;
};

static int correct_entry(struct svc *s, void *arg)
{
	struct correction *a = arg;
	struct hour_entry *old = malloc(sizeof *old);
	int rc = KP_ERR;
	if (old == NULL)
		return kp_internal(s->err);
	if (store_hour_get(s->db, a->id, old, s->err) ||
	    authorise_entry(s, RES_HOURS, ACT_UPDATE, old) || hour_entry_editable(old, s->err))
		goto end;
	*a->out = *old;
	field_copy(&hour_fields, a->mask, a->out, a->with);
	if (hour_insert_in(s, a->out, old->id) == KP_OK &&
	    store_hour_corrected(s->db, old->id, a->out->id, s->err) == KP_OK)
		rc = KP_OK;
end:
	free(old);
	return rc;
}

int hour_correct(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 const struct hour_entry *with, uint64_t mask, struct hour_entry *out,
                 struct kp_error *err)
{
	struct correction a = { id, with, mask, out };
	return svc_run(app, db, who, correct_entry, &a, err);
}

struct approval {
	const int64_t *ids;
	int n;
};

static int approve_entries(struct svc *s, void *arg)
{
	struct approval *a = arg;
	struct hour_entry *e = malloc(sizeof *e);
	int rc = KP_OK;
	if (e == NULL)
		return kp_internal(s->err);
	for (int i = 0; i < a->n && rc == KP_OK; i++) {
		rc = store_hour_get(s->db, a->ids[i], e, s->err);
		if (rc == KP_OK)
			rc = authorise_entry(s, RES_APPROVAL, ACT_UPDATE, e);
		if (rc == KP_OK && e->status == HOUR_APPROVED)
			continue; /* approving twice changes nothing */
		if (rc == KP_OK)
			rc = hour_entry_editable(e, s->err);
		if (rc == KP_OK)
			rc = store_hour_approve(s->db, e->id, s->who->account_id, s->now, s->err);
		if (rc == KP_OK)
			rc = svc_audit(s, "approve", "hours", e->volunteer_id, e->id, NULL);
	}
	free(e);
	return rc;
}

int hours_approve(struct app *app, struct db *db, const struct principal *who,
                  const int64_t *ids, int n, struct kp_error *err)
{
	struct approval a = { ids, n };
	return svc_run(app, db, who, approve_entries, &a, err);
}

struct history {
	int64_t id;
	hour_fn each;
	void *ctx;
};

static int read_history(struct svc *s, void *arg)
{
	struct history *a = arg;
	struct hour_entry *e = malloc(sizeof *e);
	int64_t id = a->id;
	int rc = KP_OK;
	if (e == NULL)
		return kp_internal(s->err);
	for (int i = 0; id > 0 && rc == KP_OK && i < 100; i++) {
		rc = store_hour_get(s->db, id, e, s->err);
		if (rc == KP_OK && i == 0)
			rc = authorise_entry(s, RES_HOURS, ACT_READ, e);
		if (rc == KP_OK && a->each(a->ctx, e) != 0)
			rc = kp_internal(s->err);
		if (rc == KP_OK)
			rc = store_hour_previous(s->db, id, &id, s->err);
	}
	free(e);
	return rc;
}

int hour_history(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 hour_fn each, void *ctx, struct kp_error *err)
{
	struct history a = { id, each, ctx };
	return svc_read(app, db, who, read_history, &a, err);
}

/* Narrows f to what the caller may list of res; KP_ERR when nothing. */
static int scope_filter(struct svc *s, enum resource res, struct hours_filter *f)
{
	struct authz_scope scope = authz_list_scope(s->who, res);
	if (scope.none)
		return svc_authorise(s, res, ACT_LIST, NULL);
	if (scope.organisation_id > 0)
		f->organisation_id = scope.organisation_id;
	if (scope.volunteer_id > 0)
		f->volunteer_id = scope.volunteer_id;
	return KP_OK;
}

struct listing {
	struct hours_filter f;
	struct page pg;
	hour_fn each;
	void *ctx;
	int64_t *total;
};

static int list_entries(struct svc *s, void *arg)
{
	struct listing *a = arg;
	if (scope_filter(s, RES_HOURS, &a->f))
		return KP_ERR;
	return store_hour_list(s->db, &a->f, a->pg, a->each, a->ctx, a->total, s->err);
}

int hours_list(struct app *app, struct db *db, const struct principal *who,
               const struct hours_filter *f, struct page pg, hour_fn each, void *ctx,
               int64_t *total, struct kp_error *err)
{
	struct listing a = { *f, pg, each, ctx, total };
	return svc_read(app, db, who, list_entries, &a, err);
}

/* A volunteer's hours: authorises `act` for volunteer vid at home. */
static int authorise_volunteer(struct svc *s, enum action act, int64_t vid)
{
	struct hour_entry e = { .volunteer_id = vid };
	if (entry_organisation(s, &e))
		return s->err->field[0] == 'v' ? kp_fail(s->err, KP_NOT_FOUND, "not_found", "id")
		                               : KP_ERR;
	return authorise_entry(s, RES_HOURS, act, &e);
}

struct proposals {
	struct svc *s;
	hour_proposal_fn each;
	void *ctx;
	struct hour_proposal p;
	char today[11];
};

static int last_minutes(void *ctx, const struct hour_entry *e)
{
	struct proposals *a = ctx;
	if (a->p.entry.minutes == 0 || strcmp(e->worked_on, a->today) != 0)
		a->p.entry.minutes = a->p.entry.minutes ? a->p.entry.minutes : e->minutes;
	if (e->match_id == a->p.entry.match_id && strcmp(e->worked_on, a->today) == 0)
		a->p.logged = true;
	return 0;
}

static int propose(void *ctx, const struct match *m)
{
	struct proposals *a = ctx;
	struct svc *s = a->s;
	struct call *c = malloc(sizeof *c);
	struct hours_filter f = { .volunteer_id = m->volunteer_id, .status = -1 };
	struct page pg = { 10, 0 };
	int64_t total;
	int rc = -1;
	if (c == NULL || store_call_get(s->db, m->call_id, c, s->err) != KP_OK)
		goto end;
	memset(&a->p, 0, sizeof a->p);
	/* Only this match's entries: filter in the callback over the newest ten. */
	a->p.entry.match_id = m->id;
	if (store_hour_list(s->db, &f, pg, last_minutes, a, &total, s->err) != KP_OK)
		goto end;
	a->p.entry.volunteer_id = m->volunteer_id;
	a->p.entry.organisation_id = m->organisation_id;
	a->p.entry.activity_id = c->activity_id;
	snprintf(a->p.entry.worked_on, sizeof a->p.entry.worked_on, "%s", a->today);
	if (a->p.entry.minutes == 0)
		a->p.entry.minutes = c->duration_minutes > 0 ? c->duration_minutes : 120;
	snprintf(a->p.title, sizeof a->p.title, "%s", c->title);
	rc = a->each(a->ctx, &a->p);
end:
	free(c);
	return rc;
}

struct today_args {
	int64_t volunteer_id;
	hour_proposal_fn each;
	void *ctx;
};

static int read_today(struct svc *s, void *arg)
{
	struct today_args *a = arg;
	struct proposals *p = calloc(1, sizeof *p);
	struct list_filter f;
	struct page pg = { PAGE_MAX, 0 };
	int64_t total;
	int rc = KP_ERR;
	if (p == NULL)
		return kp_internal(s->err);
	if (authorise_volunteer(s, ACT_READ, a->volunteer_id))
		goto end;
	*p = (struct proposals){ .s = s, .each = a->each, .ctx = a->ctx };
	parse_format_date(s->now, p->today);
	list_filter_init(&f);
	f.volunteer_id = a->volunteer_id;
	f.status = MATCH_ACTIVE;
	rc = store_match_list(s->db, &f, pg, propose, p, &total, s->err);
end:
	free(p);
	return rc;
}

int hours_today(struct app *app, struct db *db, const struct principal *who,
                int64_t volunteer_id, hour_proposal_fn each, void *ctx, struct kp_error *err)
{
	struct today_args a = { volunteer_id, each, ctx };
	return svc_read(app, db, who, read_today, &a, err);
}

#define REPEAT_MAX 50

struct week {
	struct hour_entry e[REPEAT_MAX];
	int n;
};

static int collect(void *ctx, const struct hour_entry *e)
{
	struct week *w = ctx;
	if (w->n < REPEAT_MAX)
		w->e[w->n++] = *e;
	return 0;
}

/* Whether w holds an entry on `date` for the same match and activity as e. */
static bool has_copy(const struct week *w, const struct hour_entry *e, const char *date)
{
	for (int i = 0; i < w->n; i++)
		if (strcmp(w->e[i].worked_on, date) == 0 && w->e[i].match_id == e->match_id &&
		    w->e[i].activity_id == e->activity_id)
			return true;
	return false;
}

struct repeat_args {
	int64_t volunteer_id;
	int *created;
};

static int repeat_week(struct svc *s, void *arg)
{
	struct repeat_args *a = arg;
	struct week *last = calloc(1, sizeof *last), *this = calloc(1, sizeof *this);
	struct hours_filter f = { .volunteer_id = a->volunteer_id, .status = -1 };
	struct page pg = { REPEAT_MAX, 0 };
	int64_t total, today = s->now / 86400;
	int rc = KP_ERR;
	*a->created = 0;
	if (last == NULL || this == NULL) {
		rc = kp_internal(s->err);
		goto end;
	}
	if (authorise_volunteer(s, ACT_CREATE, a->volunteer_id))
		goto end;
	hour_date_plus("1970-01-01", (int)(today - 13), f.from);
	hour_date_plus("1970-01-01", (int)(today - 7), f.to);
	if (store_hour_list(s->db, &f, pg, collect, last, &total, s->err))
		goto end;
	hour_date_plus("1970-01-01", (int)(today - 6), f.from);
	hour_date_plus("1970-01-01", (int)today, f.to);
	if (store_hour_list(s->db, &f, pg, collect, this, &total, s->err))
		goto end;
	rc = KP_OK;
	for (int i = 0; i < last->n && rc == KP_OK; i++) {
		struct hour_entry e = last->e[i];
		hour_date_plus(last->e[i].worked_on, 7, e.worked_on);
		if (has_copy(this, &e, e.worked_on))
			continue;
		rc = authorise_entry(s, RES_HOURS, ACT_CREATE, &e);
		if (rc == KP_OK)
			rc = hour_insert_in(s, &e, 0);
		if (rc == KP_OK)
			(*a->created)++;
	}
end:
	free(last);
	free(this);
	return rc;
}

int hours_repeat_week(struct app *app, struct db *db, const struct principal *who,
                      int64_t volunteer_id, int *created, struct kp_error *err)
{
	struct repeat_args a = { volunteer_id, created };
	return svc_run(app, db, who, repeat_week, &a, err);
}

struct totals_args {
	int64_t organisation_id;
	char *month;
	hour_total_fn each;
	void *ctx;
};

static int read_totals(struct svc *s, void *arg)
{
	struct totals_args *a = arg;
	struct hours_filter f = { .organisation_id = a->organisation_id };
	char month[11];
	if (scope_filter(s, RES_HOURS, &f))
		return KP_ERR;
	if (f.volunteer_id > 0) /* a volunteer's own figures are in the list of entries */
		return svc_authorise(s, RES_APPROVAL, ACT_UPDATE, NULL);
	if (a->month[0] == '\0')
		parse_format_date(s->now, month);
	else
		snprintf(month, sizeof month, "%s", a->month);
	snprintf(a->month, 8, "%.7s", month); /* the answer names the month */
	return store_hour_totals(s->db, f.organisation_id, a->month, a->each, a->ctx, s->err);
}

int hours_totals(struct app *app, struct db *db, const struct principal *who,
                 int64_t organisation_id, char month[8], hour_total_fn each, void *ctx,
                 struct kp_error *err)
{
	struct totals_args a = { organisation_id, month, each, ctx };
	return svc_read(app, db, who, read_totals, &a, err);
}

struct year_args {
	int64_t volunteer_id;
	int year;
	char *name;
	size_t name_cap;
	year_line_fn each;
	void *ctx;
	struct svc *s;
	int shown;
};

/* Only the lines of organisations whose hours the caller may read. */
static int year_line_visible(void *ctx, const struct year_line *l)
{
	struct year_args *a = ctx;
	struct authz_target t = { .organisation_id = l->organisation_id,
	                          .volunteer_id = a->volunteer_id };
	if (!authz_allows(a->s->who, RES_HOURS, ACT_READ, &t))
		return 0;
	a->shown++;
	return a->each(a->ctx, l);
}

static int read_year(struct svc *s, void *arg)
{
	struct year_args *a = arg;
	struct volunteer *v = malloc(sizeof *v);
	struct consent k;
	struct authz_target t;
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, a->volunteer_id, false, v, s->err);
	if (rc == KP_OK)
		snprintf(a->name, a->name_cap, "%s %s", v->first_name, v->last_name);
	int64_t org = v->organisation_id;
	free(v);
	if (rc != KP_OK || svc_volunteer_target(s, org, a->volunteer_id, &k, &t))
		return KP_ERR;
	a->s = s;
	a->shown = 0;
	if (store_year_statement(s->db, a->volunteer_id, a->year, year_line_visible, a, s->err))
		return KP_ERR;
	/* With no line to show: who may read the hours at the volunteer's own
	   organisation gets an empty year, anyone else is refused. */
	return a->shown > 0 ? KP_OK : svc_authorise(s, RES_HOURS, ACT_READ, &t);
}

int hours_year_statement(struct app *app, struct db *db, const struct principal *who,
                         int64_t volunteer_id, int year, char *name, size_t name_cap,
                         year_line_fn each, void *ctx, struct kp_error *err)
{
	struct year_args a = { volunteer_id, year, name, name_cap, each, ctx, NULL, 0 };
	if (year < 2000 || year > 2100)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "year", 2100);
	return svc_read(app, db, who, read_year, &a, err);
}
