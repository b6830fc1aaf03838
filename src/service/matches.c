/* Proposing volunteers for calls and taking a match's steps (matches.h). */
#include "service/matches.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match/match.h"
#include "service/journey.h"

static struct authz_target target_of(const struct match *m)
{
	return (struct authz_target){ .organisation_id = m->organisation_id,
	                              .volunteer_id = m->volunteer_id };
}

/* Who works together on m, as far as the caller may know it: the
   permission module decides (RES_MATCH_PEOPLE). */
static void show_people(const struct svc *s, struct match *m)
{
	struct authz_target t = target_of(m);
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
	if (v->status != VOLUNTEER_ACTIVE)
		return kp_fail(s->err, KP_CONFLICT, "volunteer_not_active", "volunteer_id");
	if (journey_check_deployable_for(s, v, call))
		return KP_ERR;
	int64_t open = 0;
	if (store_match_count_open(s->db, v->id, &open, s->err))
		return KP_ERR;
	if (open >= v->max_matches)
		return kp_fail_limit(s->err, KP_CONFLICT, "capacity_reached", "volunteer_id",
		                     v->max_matches);
	return KP_OK;
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
static bool volunteer_may(int from, int to)
{
	return to == MATCH_DECLINED || (from == MATCH_CONTACTED && to == MATCH_ACCEPTED);
}

static int take_step(struct svc *s, void *arg)
{
	struct match_step *st = arg;
	struct match *m = st->out;
	const char *reason = st->reason ? st->reason : "";
	if (store_match_get(s->db, st->id, m, s->err))
		return KP_ERR;
	struct authz_target t = target_of(m);
	if (svc_authorise(s, RES_MATCH, ACT_UPDATE, &t))
		return KP_ERR;
	if (s->who->role == ROLE_VOLUNTEER && !volunteer_may(m->status, st->to))
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "status");
	if (match_check_transition(m->status, st->to, reason, s->err) ||
	    store_match_transition(s->db, m->id, m->status, st->to, reason, s->who->account_id,
	                           s->now, s->err))
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
	show_people(a->s, &m);
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
	if (svc_authorise(s, RES_MATCH, ACT_READ, &t))
		return KP_ERR;
	show_people(s, a->m);
	return a->each ? store_match_events(s->db, a->id, a->each, a->ctx, s->err) : KP_OK;
}

int match_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
               struct match *m, match_event_fn each, void *ctx, struct kp_error *err)
{
	struct show_args a = { id, m, each, ctx };
	return svc_read(app, db, who, read_one, &a, err);
}
