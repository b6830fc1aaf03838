/* Proposing volunteers for calls and taking a match's steps (matches.h). */
#include "service/matches.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match/match.h"
#include "model/notification.h"
#include "service/aftercare.h"
#include "service/journey.h"
#include "service/notify.h"

static struct authz_target target_of(const struct match *m)
{
	return (struct authz_target){ .organisation_id = m->organisation_id,
	                              .volunteer_id = m->volunteer_id };
}

/* Who works together on m, as far as the caller may know it: the
   permission module decides (RES_MATCH_PEOPLE). outside: the match is not at
   a location of the calling professional (svc_locations_target). */
static void show_people(const struct svc *s, struct match *m, bool outside)
{
	struct authz_target t = target_of(m);
	t.outside_locations = outside;
	t.worked_together = match_worked_together(m->status);
	if (!authz_allows(s->who, RES_MATCH_PEOPLE, ACT_READ, &t))
		match_hide_people(m, s->who->volunteer_id > 0 &&
		                         s->who->volunteer_id == m->volunteer_id);
}

/* A reference in the request that names nothing is the request's fault. */
static int load_reference(struct svc *s, int rc, const char *field)
{
	if (rc && s->err->kind == KP_NOT_FOUND)
		kp_invalid(s->err, field, "unknown_reference");
	return rc;
}

/* Whether the volunteer can take on this work now: active, and through the
   steps of her journey that the call needs (VOG, training). `own`: she is
   the one asking, and is told so in her own words. */
static int check_ready(struct svc *s, const struct volunteer *v, const struct call *call,
                       bool own)
{
	if (v->status != VOLUNTEER_ACTIVE)
		return kp_fail(s->err, KP_CONFLICT, own ? "you_not_active" : "volunteer_not_active",
		               own ? "status" : "volunteer_id");
	return journey_check_deployable_for(s, v, call);
}

/* A volunteer's own response: paused or stopped she is told how to come
   back; waiting for her intake, or without a VOG the call needs, her
   response is her interest, and check_ready follows when the organisation
   accepts it. */
static int check_own(struct svc *s, const struct volunteer *v)
{
	if (v->status == VOLUNTEER_PAUSED || v->status == VOLUNTEER_STOPPED)
		return kp_fail(s->err, KP_CONFLICT, v->status == VOLUNTEER_PAUSED ? "you_paused"
		                                                                   : "you_stopped",
		               "status");
	return KP_OK;
}

static int check_capacity(struct svc *s, const struct volunteer *v, bool own)
{
	int64_t open = 0;
	if (store_match_count_open(s->db, v->id, &open, s->err))
		return KP_ERR;
	if (open >= v->max_matches)
		return kp_fail_limit(s->err, KP_CONFLICT, own ? "your_capacity_reached"
		                                                : "capacity_reached",
		                     own ? "max_matches" : "volunteer_id", v->max_matches);
	return KP_OK;
}

/* Who may propose this pair, and can the two meet? */
static int check_pair(struct svc *s, struct match *m, const struct call *call,
                      const struct volunteer *v)
{
	/* A proposal needs the right to see the volunteer and to act on the call. */
	struct consent consent;
	struct authz_target vt;
	m->organisation_id = call->organisation_id;
	struct authz_target mt = target_of(m);
	if (svc_volunteer_target(s, v->organisation_id, v->id, &consent, &vt) ||
	    svc_authorise(s, RES_VOLUNTEER, ACT_READ, &vt) ||
	    svc_authorise(s, RES_MATCH, ACT_CREATE, &mt))
		return KP_ERR;
	if (call->status != CALL_OPEN)
		return kp_fail(s->err, KP_CONFLICT, "call_not_open", "call_id");
	if (!call_is_published(call)) /* a volunteer would see it through the match */
		return kp_fail(s->err, KP_CONFLICT, "call_not_published", "call_id");
	if (call_is_offer(call))
		return kp_fail(s->err, KP_CONFLICT, "offer_is_no_call", "call_id");
	bool own = m->origin == MATCH_BY_VOLUNTEER;
	if (own ? check_own(s, v) : check_ready(s, v, call, false))
		return KP_ERR;
	return check_capacity(s, v, own);
}

/* The coordinators hear of a volunteer's own response: for somebody still
   waiting for an intake it is a lead. */
static int tell_coordinators(struct svc *s, const struct match *m, const struct call *call,
                             const struct volunteer *v)
{
	char key[64], link[400];
	struct notifier nf = notify_from(s);
	snprintf(key, sizeof key, "response:%lld", (long long)m->id);
	notify_link(s->app, link, sizeof link, "/koppelingen/%lld", (long long)m->id);
	struct mail_var vars[] = {
		{ "first_name", v->first_name, NULL },
		{ "last_name", v->last_name, NULL },
		{ "title", call->title, NULL },
		{ "intake_open", v->status == VOLUNTEER_APPLIED ? "1" : "", NULL },
		{ "link", link, NULL },
	};
	struct notice n = { "response", NOTIFY_RESPONSE, key, call->organisation_id, vars, 5 };
	return notify_coordinators(&nf, call->organisation_id, &n);
}

/* The volunteer hears of a coordinator's proposal, with links to say yes or
   no that open the match in the web app after login: nothing acts without. */
static int tell_volunteer(struct svc *s, const struct match *m, const struct call *call,
                          const struct volunteer *v)
{
	char key[64], link[400], yes[420], no[420];
	struct organisation *o = malloc(sizeof *o);
	struct notifier nf = notify_from(s);
	if (o == NULL)
		return kp_internal(s->err);
	int rc = store_organisation_get(s->db, call->organisation_id, o, s->err);
	snprintf(key, sizeof key, "proposal:%lld", (long long)m->id);
	notify_link(s->app, link, sizeof link, "/koppelingen/%lld", (long long)m->id);
	snprintf(yes, sizeof yes, "%s?antwoord=ja", link);
	snprintf(no, sizeof no, "%s?antwoord=nee", link);
	struct mail_var vars[] = {
		{ "first_name", v->first_name, NULL },
		{ "title", call->title, NULL },
		{ "organisation", rc == KP_OK ? o->name : "", NULL },
		{ "link", link, NULL },
		{ "yes_link", yes, NULL },
		{ "no_link", no, NULL },
	};
	struct notice n = { "proposal", NOTIFY_PROPOSAL, key, call->organisation_id, vars, 6 };
	if (rc == KP_OK)
		rc = notify_address(&nf, v->email, &n);
	free(o);
	return rc;
}

/* The professional who posted the call hears that a volunteer said yes. */
static int tell_professional(struct svc *s, const struct match *m)
{
	struct call *call = malloc(sizeof *call);
	struct volunteer *v = malloc(sizeof *v);
	struct organisation *o = malloc(sizeof *o);
	struct account a;
	struct notifier nf = notify_from(s);
	char key[64], link[400], name[2 * (VOLUNTEER_NAME_MAX * 4 + 1) + 2];
	int rc = call && v && o ? KP_OK : kp_internal(s->err);
	if (rc == KP_OK)
		rc = store_call_get(s->db, m->call_id, call, s->err);
	if (rc == KP_OK && call->created_by != 0)
		rc = store_account_get(s->db, call->created_by, &a, NULL, s->err);
	if (rc == KP_OK && call->created_by != 0 &&
	    (a.role == ROLE_PROFESSIONAL || a.role == ROLE_REFERRER) &&
	    store_volunteer_get(s->db, m->volunteer_id, false, v, s->err) == KP_OK &&
	    store_organisation_get(s->db, m->organisation_id, o, s->err) == KP_OK) {
		snprintf(key, sizeof key, "match-accepted:%lld", (long long)m->id);
		snprintf(name, sizeof name, "%s %s", v->first_name, v->last_name);
		notify_link(s->app, link, sizeof link, "/koppelingen/%lld", (long long)m->id);
		struct mail_var vars[] = {
			{ "name", a.display_name, NULL },
			{ "title", call->title, NULL },
			{ "volunteer", name, NULL },
			{ "organisation", o->name, NULL },
			{ "link", link, NULL },
		};
		struct notice n = { "match_accepted", NOTIFY_MATCH_ACCEPTED, key, m->organisation_id,
		                    vars, 5 };
		rc = notify_address(&nf, a.email, &n);
	} else if (rc == KP_OK && call->created_by != 0 && s->err->kind != 0) {
		rc = KP_ERR;
	}
	free(call);
	free(v);
	free(o);
	return rc;
}

/* Why this pair, in words the server writes itself: computed as for a caller
   who may not see lived experience, so that the stored text never carries
   special-category data, whoever reads the match later. A pair the index
   does not know (no index, a call not open in it) goes without. */
static void explain_new(struct svc *s, struct match *m)
{
	struct match_hit h;
	struct kp_error miss = { 0 };
	m->explanation[0] = '\0';
	if (s->app->index != NULL &&
	    match_explain_pair(s->app->index, m->call_id, m->volunteer_id, s->now,
	                       MATCH_WITHOUT_EXPERIENCE, &h, &miss) == KP_OK)
		match_explain_join(&h, m->explanation, sizeof m->explanation);
}

static int write_new(struct svc *s, void *arg)
{
	struct match *m = arg;
	struct call *call = malloc(sizeof *call);
	struct volunteer *v = malloc(sizeof *v);
	int rc = call && v ? KP_OK : kp_internal(s->err);
	if (m->volunteer_id == 0 && s->who->role == ROLE_VOLUNTEER)
		m->volunteer_id = s->who->volunteer_id;
	m->origin = s->who->role == ROLE_VOLUNTEER && m->volunteer_id == s->who->volunteer_id
	                ? MATCH_BY_VOLUNTEER
	                : MATCH_BY_ORGANISATION;
	m->id = 0;
	m->status = MATCH_PROPOSED;
	m->created_at = m->updated_at = s->now;
	if (rc == KP_OK)
		rc = load_reference(s, store_call_get(s->db, m->call_id, call, s->err), "call_id");
	if (rc == KP_OK)
		rc = load_reference(s, store_volunteer_get(s->db, m->volunteer_id, false, v, s->err),
		                    "volunteer_id");
	if (rc == KP_OK)
		rc = check_pair(s, m, call, v);
	if (rc == KP_OK)
		explain_new(s, m);
	if (rc == KP_OK)
		rc = store_match_insert(s->db, m, s->who->account_id, s->err);
	if (rc == KP_OK && m->origin == MATCH_BY_VOLUNTEER)
		rc = tell_coordinators(s, m, call, v);
	else if (rc == KP_OK)
		rc = tell_volunteer(s, m, call, v);
	if (rc == KP_OK)
		svc_after_match(s, m->call_id, m->volunteer_id);
	free(call);
	free(v);
	return rc;
}

int match_create(struct app *app, struct db *db, const struct principal *who, struct match *m,
                 struct kp_error *err)
{
	return svc_run(app, db, who, write_new, m, err);
}

/* A volunteer says yes when asked, or says no; every other step is the
   organisation's. */
/* Saying yes commits the volunteer: she must be ready for the work then. */
static int check_commitment(struct svc *s, const struct match *m, bool by_volunteer)
{
	struct call *call = malloc(sizeof *call);
	struct volunteer *v = malloc(sizeof *v);
	int rc = call && v ? KP_OK : kp_internal(s->err);
	if (rc == KP_OK)
		rc = store_call_get(s->db, m->call_id, call, s->err);
	if (rc == KP_OK)
		rc = store_volunteer_get(s->db, m->volunteer_id, false, v, s->err);
	if (rc == KP_OK)
		rc = check_ready(s, v, call, by_volunteer);
	free(call);
	free(v);
	return rc;
}

static int take_step(struct svc *s, void *arg)
{
	struct match_step *st = arg;
	struct match *m = st->out;
	const char *reason = st->reason ? st->reason : "";
	if (store_match_get(s->db, st->id, m, s->err))
		return KP_ERR;
	struct authz_target t = target_of(m);
	if (svc_locations_target(s, m->location_id, &t) ||
	    svc_authorise(s, RES_MATCH, ACT_UPDATE, &t))
		return KP_ERR;
	bool by_volunteer = s->who->role == ROLE_VOLUNTEER;
	if (match_check_step(m->origin, by_volunteer, m->status, st->to, reason, s->err) ||
	    ((st->to == MATCH_ACCEPTED || st->to == MATCH_ACTIVE) &&
	     check_commitment(s, m, by_volunteer)) ||
	    store_match_transition(s->db, m->id, m->status, st->to, reason, s->who->account_id,
	                           s->now, s->err))
		return KP_ERR;
	/* The first work that starts is the journey's first deployment. */
	if (st->to == MATCH_ACTIVE &&
	    journey_first_deployment(s, m->volunteer_id, m->organisation_id))
		return KP_ERR;
	if (st->to == MATCH_ACCEPTED && tell_professional(s, m))
		return KP_ERR;
	m->status = st->to;
	snprintf(m->reason, sizeof m->reason, "%s", reason);
	m->updated_at = s->now;
	svc_after_match(s, m->call_id, m->volunteer_id);
	return KP_OK;
}

int match_transition(struct app *app, struct db *db, const struct principal *who,
                     struct match_step *st, struct kp_error *err)
{
	return svc_run(app, db, who, take_step, st, err);
}

#define ENDING_MAX 64  /* a volunteer's open matches at one organisation: max_matches ≤ 10 */

struct ending {
	int n;
	struct { int64_t id, call_id; int status; } rows[ENDING_MAX];
};

static int collect_open(void *ctx, const struct match *m)
{
	struct ending *e = ctx;
	if (match_is_open(m->status) && e->n < ENDING_MAX) {
		e->rows[e->n].id = m->id;
		e->rows[e->n].call_id = m->call_id;
		e->rows[e->n++].status = m->status;
	}
	return 0;
}

int match_end_all(struct svc *s, int64_t volunteer_id, int64_t organisation_id,
                  const char *reason)
{
	struct ending e = { 0 };
	struct list_filter f;
	struct page pg = { .limit = ENDING_MAX, .offset = 0 };
	int64_t total;
	list_filter_init(&f);
	f.volunteer_id = volunteer_id;
	f.organisation_id = organisation_id;
	if (store_match_list(s->db, &f, pg, collect_open, &e, &total, s->err))
		return KP_ERR;
	for (int i = 0; i < e.n; i++) {
		int to = e.rows[i].status == MATCH_ACTIVE ? MATCH_ENDED : MATCH_DECLINED;
		if (store_match_transition(s->db, e.rows[i].id, e.rows[i].status, to, reason,
		                           s->who->account_id, s->now, s->err))
			return KP_ERR;
		svc_after_match(s, e.rows[i].call_id, volunteer_id);
	}
	return KP_OK;
}

struct list_args {
	const struct list_filter *f;
	struct page pg;
	match_fn each;
	void *ctx;
	int64_t *total;
	const struct svc *s;
};

static int list_row(void *arg, const struct match *found)
{
	struct list_args *a = arg;
	struct match m = *found;
	show_people(a->s, &m, false); /* the list scope keeps a professional to her locations */
	return a->each(a->ctx, &m);
}

static int read_list(struct svc *s, void *arg)
{
	struct list_args *a = arg;
	struct authz_scope scope = authz_list_scope(s->who, RES_MATCH);
	struct list_filter f = *a->f;
	if (scope.none)
		return svc_authorise(s, RES_MATCH, ACT_LIST, NULL);
	if (scope.volunteer_id) {
		if (f.volunteer_id && f.volunteer_id != scope.volunteer_id)
			return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "volunteer_id");
		f.volunteer_id = scope.volunteer_id;
	}
	f.organisation_id = scope.organisation_id;
	f.location_account_id = scope.location_account_id;
	a->s = s;
	return store_match_list(s->db, &f, a->pg, list_row, a, a->total, s->err);
}

int match_list(struct app *app, struct db *db, const struct principal *who,
               const struct list_filter *f, struct page pg, match_fn each, void *ctx,
               int64_t *total, struct kp_error *err)
{
	struct list_args a = { f, pg, each, ctx, total, NULL };
	return svc_read(app, db, who, read_list, &a, err);
}

struct show_args {
	int64_t id;
	struct match *m;
	match_event_fn each;
	void *ctx;
};

static int read_one(struct svc *s, void *arg)
{
	struct show_args *a = arg;
	if (store_match_get(s->db, a->id, a->m, s->err))
		return KP_ERR;
	struct authz_target t = target_of(a->m);
	if (svc_locations_target(s, a->m->location_id, &t) ||
	    svc_authorise(s, RES_MATCH, ACT_READ, &t))
		return KP_ERR;
	show_people(s, a->m, t.outside_locations);
	a->m->aftercare_open = aftercare_open(a->m, s->now);
	return a->each ? store_match_events(s->db, a->id, a->each, a->ctx, s->err) : KP_OK;
}

int match_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
               struct match *m, match_event_fn each, void *ctx, struct kp_error *err)
{
	struct show_args a = { id, m, each, ctx };
	return svc_read(app, db, who, read_one, &a, err);
}
