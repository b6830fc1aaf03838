/* Candidates, suggestions and proposals from the matching index (suggestions.h). */
#include "service/suggestions.h"

#include <stdlib.h>

static struct match_index *index_of(struct svc *s)
{
	if (s->app->index == NULL)
		kp_fail(s->err, KP_BUSY, "matching_unavailable", "");
	return s->app->index;
}

/* Takes lived experience out of h unless the caller may see it. */
static int shown_experience(struct svc *s, int64_t org, int64_t vid, struct match_hit *h)
{
	struct consent k;
	struct authz_target t;
	if (h->parts[MP_EXPERIENCE] <= 0)
		return KP_OK;
	if (svc_volunteer_target(s, org, vid, &k, &t))
		return KP_ERR;
	if (!authz_allows(s->who, RES_EXPERIENCE, ACT_READ, &t))
		match_hit_hide_experience(h);
	return KP_OK;
}

/* The engine counts lived experience only where the volunteer's consent lets
   the call's organisation use it. A caller who may not see it there (the
   network administrator, for one) gets every ranking computed without it:
   hiding the part afterwards would leave the order to tell. */
static unsigned ranking_flags(struct svc *s, int64_t call_org)
{
	struct consent widest = { .scope = CONSENT_NETWORK, .experience = true };
	struct authz_target t = { .organisation_id = call_org, .consent = &widest };
	return authz_allows(s->who, RES_EXPERIENCE, ACT_READ, &t) ? 0 : MATCH_WITHOUT_EXPERIENCE;
}

struct candidates_args {
	int64_t call_id;
	int limit;
	candidate_fn each;
	void *ctx;
	int64_t *total;
	unsigned flags;      /* MATCH_WITHOUT_EXPERIENCE for a caller who may not see it */
	bool nameless;       /* the caller may not see volunteers (a care professional):
	                        who comes is known once the volunteer says yes */
	const struct call *spec; /* a question that is no call of the index (a help request) */
};

/* Names the volunteers of hits[0..n) to a->each, read all at once. */
static int name_hits(struct svc *s, struct match_hit *hits, int n, struct candidates_args *a)
{
	struct volunteer_name *v = malloc((size_t)(n > 0 ? n : 1) * sizeof *v);
	int64_t *ids = malloc((size_t)(n > 0 ? n : 1) * sizeof *ids);
	int rc = v && ids ? KP_OK : kp_internal(s->err);
	for (int i = 0; rc == KP_OK && i < n; i++)
		ids[i] = hits[i].volunteer_id;
	/* The engine proposes a volunteer of another organisation only with
	   their consent (mf_consent), so every hit may be named. */
	if (rc == KP_OK)
		rc = store_volunteer_names(s->db, ids, n, v, s->err);
	for (int i = 0; i < n && rc == KP_OK; i++) {
		rc = shown_experience(s, v[i].organisation_id, v[i].id, &hits[i]);
		if (rc == KP_OK && a->nameless)
			v[i].first_name[0] = v[i].last_name[0] = '\0';
		if (rc == KP_OK && a->each(a->ctx, &hits[i], &v[i]) != 0)
			rc = kp_internal(s->err);
	}
	free(v);
	free(ids);
	return rc;
}

/* Runs the question for a call (or for a->spec), then names the volunteers
   it found. */
static int name_candidates(struct svc *s, struct match_index *ix, struct candidates_args *a)
{
	struct match_hit *hits = calloc((size_t)a->limit, sizeof *hits);
	struct kp_error miss = { 0 };
	int n = 0, rc = hits ? KP_OK : kp_internal(s->err);
	/* A call that is not open has no candidates: an empty answer, not an error. */
	if (rc == KP_OK && a->spec != NULL)
		rc = match_for_request(ix, a->spec, a->limit, s->now, a->flags, hits, &n, a->total,
		                       s->err);
	else if (rc == KP_OK &&
	         match_for_call(ix, a->call_id, a->limit, s->now, a->flags, hits, &n, a->total,
	                        &miss))
		n = 0;
	if (rc == KP_OK)
		rc = name_hits(s, hits, n, a);
	free(hits);
	return rc;
}

static int read_candidates(struct svc *s, void *arg)
{
	struct candidates_args *a = arg;
	struct call *call = malloc(sizeof *call);
	struct match_index *ix;
	int rc = call ? store_call_get(s->db, a->call_id, call, s->err) : kp_internal(s->err);
	if (rc == KP_OK) {
		struct authz_target t = { .organisation_id = call->organisation_id };
		rc = svc_locations_target(s, call->location_id, &t) ||
		     svc_authorise(s, RES_SUGGESTION, ACT_LIST, &t);
		a->flags = ranking_flags(s, call->organisation_id);
		a->nameless = !authz_allows(s->who, RES_VOLUNTEER, ACT_LIST, NULL);
	}
	if (rc == KP_OK)
		rc = (ix = index_of(s)) ? name_candidates(s, ix, a) : KP_ERR;
	free(call);
	return rc;
}

int candidates_list(struct app *app, struct db *db, const struct principal *who,
                    int64_t call_id, int limit, candidate_fn each, void *ctx,
                    int64_t *total, struct kp_error *err)
{
	struct candidates_args a = { call_id, limit, each, ctx, total, 0, false, NULL };
	*total = 0;
	return svc_read(app, db, who, read_candidates, &a, err);
}

int svc_request_candidates(struct svc *s, const struct call *spec, int limit,
                           candidate_fn each, void *ctx, int64_t *total)
{
	struct candidates_args a = { 0, limit, each, ctx, total, 0, false, spec };
	struct match_index *ix = index_of(s);
	*total = 0;
	a.flags = ranking_flags(s, spec->organisation_id);
	a.nameless = !authz_allows(s->who, RES_VOLUNTEER, ACT_LIST, NULL);
	return ix ? name_candidates(s, ix, &a) : KP_ERR;
}

struct calls_args {
	int64_t volunteer_id;
	int limit;
	suggestion_fn each;
	void *ctx;
};

static int name_calls(struct svc *s, struct match_index *ix, const struct volunteer *v,
                      struct calls_args *a)
{
	struct match_hit *hits = calloc((size_t)a->limit, sizeof *hits);
	struct call *calls = malloc((size_t)a->limit * sizeof *calls);
	int64_t *ids = malloc((size_t)a->limit * sizeof *ids);
	struct kp_error miss = { 0 };
	int64_t total = 0;
	int n = 0, rc = hits && calls && ids ? KP_OK : kp_internal(s->err);
	/* Ranked with lived experience only for a caller who may see this
	   volunteer's. One who applied sees what fits her before her intake; a
	   paused or stopped volunteer gets no suggestions: an empty answer. */
	struct consent k;
	struct authz_target t;
	unsigned flags = MATCH_WITHOUT_EXPERIENCE;
	if (rc == KP_OK)
		rc = svc_volunteer_target(s, v->organisation_id, v->id, &k, &t);
	if (rc == KP_OK && authz_allows(s->who, RES_EXPERIENCE, ACT_READ, &t))
		flags = 0;
	if (rc == KP_OK &&
	    match_for_volunteer(ix, v->id, a->limit, s->now, flags, hits, &n, &total, &miss))
		n = 0;
	for (int i = 0; i < n; i++)
		ids[i] = hits[i].call_id;
	if (rc == KP_OK) /* the calls of every hit at once */
		rc = store_call_get_many(s->db, ids, n, calls, s->err);
	for (int i = 0; i < n && rc == KP_OK; i++) {
		struct call *call = &calls[i];
		if (!call_is_published(call))
			continue; /* not open to volunteers yet */
		call_show_public(call); /* a list: only the public text of a help request */
		rc = shown_experience(s, v->organisation_id, v->id, &hits[i]);
		if (rc == KP_OK && a->each(a->ctx, &hits[i], call) != 0)
			rc = kp_internal(s->err);
	}
	free(hits);
	free(calls);
	free(ids);
	return rc;
}

static int read_calls(struct svc *s, void *arg)
{
	struct calls_args *a = arg;
	struct volunteer *v = malloc(sizeof *v);
	struct match_index *ix;
	int rc = v ? store_volunteer_get(s->db, a->volunteer_id, false, v, s->err)
	           : kp_internal(s->err);
	if (rc == KP_OK) {
		struct authz_target t = { .organisation_id = v->organisation_id, .volunteer_id = v->id };
		rc = svc_authorise(s, RES_SUGGESTION, ACT_READ, &t);
	}
	if (rc == KP_OK)
		rc = (ix = index_of(s)) ? name_calls(s, ix, v, a) : KP_ERR;
	free(v);
	return rc;
}

int suggestions_list(struct app *app, struct db *db, const struct principal *who,
                     int64_t volunteer_id, int limit, suggestion_fn each, void *ctx,
                     struct kp_error *err)
{
	struct calls_args a = { volunteer_id, limit, each, ctx };
	return svc_read(app, db, who, read_calls, &a, err);
}

struct proposal_args {
	int64_t organisation_id;
	proposal_fn each;
	void *ctx;
	struct match_proposal *totals;
};

/* As shown_experience, for a pair of a proposal (the volunteer's
   organisation read only when lived experience counted). */
static int hide_for(struct svc *s, struct match_hit *h)
{
	struct volunteer *v;
	if (h->parts[MP_EXPERIENCE] <= 0)
		return KP_OK;
	if ((v = malloc(sizeof *v)) == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, h->volunteer_id, false, v, s->err);
	if (rc == KP_OK)
		rc = shown_experience(s, v->organisation_id, v->id, h);
	free(v);
	return rc;
}

/* Explains each pair as the caller may see it; a pair that cannot be
   explained any more keeps its score and goes without explanation. */
static int explain_pairs(struct svc *s, struct match_index *ix, const struct match_proposal *p,
                         unsigned flags, struct proposal_args *a)
{
	struct match_hit *h = malloc(sizeof *h);
	struct kp_error *err = s->err;
	struct kp_error miss = { 0 };
	int rc = KP_OK;
	for (int i = 0; i < p->n && rc == KP_OK; i++) {
		const struct match_pair *pair = &p->pairs[i];
		bool explained = false;
		s->err = &miss; /* a pair not explained is no failure of the proposal */
		if (h && match_explain_pair(ix, pair->call_id, pair->volunteer_id, s->now, flags, h,
		                            &miss) == KP_OK)
			explained = hide_for(s, h) == KP_OK;
		s->err = err;
		if (a->each(a->ctx, pair, explained ? h : NULL) != 0)
			rc = kp_internal(s->err);
	}
	free(h);
	return rc;
}

static int read_proposal(struct svc *s, void *arg)
{
	struct proposal_args *a = arg;
	struct match_proposal p = { 0 };
	struct match_index *ix;
	int64_t org = a->organisation_id;
	/* A coordinator proposes for the own organisation; only the network
	   administrator may ask for another one or for the whole network. */
	if (org == 0 && s->who->role != ROLE_ADMIN)
		org = s->who->organisation_id;
	struct authz_target t = { .organisation_id = org };
	unsigned flags = ranking_flags(s, org);
	if (svc_authorise(s, RES_SUGGESTION, ACT_CREATE, &t) || (ix = index_of(s)) == NULL ||
	    match_proposal(ix, org, s->now, flags, &p, s->err))
		return KP_ERR;
	int rc = explain_pairs(s, ix, &p, flags, a);
	*a->totals = p;
	a->totals->pairs = NULL;
	match_proposal_free(&p);
	return rc;
}

int proposal_compute(struct app *app, struct db *db, const struct principal *who,
                     int64_t organisation_id, proposal_fn each, void *ctx,
                     struct match_proposal *totals, struct kp_error *err)
{
	struct proposal_args a = { organisation_id, each, ctx, totals };
	*totals = (struct match_proposal){ 0 };
	return svc_read(app, db, who, read_proposal, &a, err);
}
