/* The demo matches (koppelingen) in every state, each built step by step
   through the store so that every transition is recorded with its time and
   actor. Only active volunteers are matched, only for organisations their
   consent lets see them, and an open match counts against the volunteer's
   max_matches. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store.h"
#include "demo/gen.h"

#define DAY 86400
#define CALL_PICKS 8   /* most volunteers drawn for one call */

static bool is_open(int state)
{
	return state != MATCH_DECLINED && state != MATCH_ENDED;
}

static bool suits(const struct demo_gen *g, const struct demo_call *c, int vol, int state,
                  bool must_like)
{
	const struct demo_vol *v = &g->vols[vol];
	if (is_open(state) && v->open >= v->max)
		return false;
	if ((c->requires_vog && !v->vog_valid) || (c->requires_licence && !v->licence))
		return false;
	if (must_like && !(v->activities & (1u << c->activity)))
		return false;
	if (!demo_consent_allows(g, vol, c->org))
		return false;
	for (int i = 0; i < c->n_matched; i++)
		if (c->matched[i] == v->id)
			return false;
	return true;
}

/* An active volunteer for the call, preferably one who signed up in the two
   months before it, nearby and liking the activity; -1 when none was found
   in a bounded number of draws. A
   volunteer's offer is only ever matched to the volunteer who made it. */
static int pick_volunteer(struct demo_gen *g, const struct demo_call *c, int state)
{
	if (c->n_matched >= DEMO_CALL_MATCHES)
		return -1;
	if (c->offer >= 0)
		return c->n_matched == 0 && suits(g, c, c->offer, state, false) ? c->offer : -1;
	for (int tries = 0; tries < 48; tries++) {
		int m = tries < 32 ? c->municipality : (int)rng_below(&g->rng, DEMO_MUNICIPALITIES);
		if (g->n_active[m] == 0)
			continue;
		int i = g->active[m][rng_below(&g->rng, (uint32_t)g->n_active[m])];
		/* A newcomer first: most get a first match within weeks of signing up. */
		int32_t waited = (int32_t)(c->created_at / DAY) - g->vols[i].start_day;
		if (tries < 16 && (waited < 0 || waited > 60))
			continue;
		if (suits(g, c, i, state, tries < 24))
			return i;
	}
	return -1;
}

static void explain(const struct demo_call *c, const struct demo_vol *v, struct match *m)
{
	bool likes = v->activities & (1u << c->activity);
	snprintf(m->explanation, sizeof m->explanation, "%s; woont in %s%s.",
	         likes ? "Doet dit soort vrijwilligerswerk graag" : "Staat open voor iets nieuws",
	         region_municipalities[v->municipality].name,
	         c->requires_vog ? "; heeft een geldige VOG" : "");
}

/* The steps from proposed to `state`, written into path; returns their number. */
static int path_to(struct rng *r, int state, int path[4])
{
	int n = 0;
	if (state == MATCH_DECLINED) {
		if (rng_chance(r, 500))
			path[n++] = MATCH_CONTACTED;
		path[n++] = MATCH_DECLINED;
		return n;
	}
	static const int forward[] = { MATCH_CONTACTED, MATCH_ACCEPTED, MATCH_ACTIVE, MATCH_ENDED };
	static const int depth[MATCH_STATUS_COUNT] = {
		[MATCH_PROPOSED] = 0, [MATCH_CONTACTED] = 1, [MATCH_ACCEPTED] = 2,
		[MATCH_ACTIVE] = 3, [MATCH_ENDED] = 4,
	};
	for (; n < depth[state]; n++)
		path[n] = forward[n];
	return n;
}

/* Days between one step and the next, before fitting them into the time left. */
static int step_days(struct rng *r, int to)
{
	switch (to) {
	case MATCH_CONTACTED: return rng_range(r, 1, 3);
	case MATCH_ACCEPTED: return rng_range(r, 1, 7);
	case MATCH_ACTIVE: return rng_range(r, 3, 14);
	case MATCH_ENDED: return rng_range(r, 30, 300);
	default: return rng_range(r, 1, 5);
	}
}

/* Keeps a match that was at work from `from` to `to` for the hours. */
static int remember_work(struct demo_gen *g, int64_t match, const struct demo_call *c,
                         const struct demo_vol *v, int64_t from, int64_t to,
                         struct kp_error *err)
{
	if (g->n_work == g->cap_work) {
		int cap = g->cap_work ? g->cap_work * 2 : 1024;
		struct demo_work *w = realloc(g->work, (size_t)cap * sizeof *w);
		if (w == NULL)
			return kp_internal(err);
		g->work = w;
		g->cap_work = cap;
	}
	g->work[g->n_work++] = (struct demo_work){ match, v->id, g->ids.activity[c->activity],
	                                           c->org, from, to };
	return KP_OK;
}

static int add_match(struct demo_gen *g, int call, int vol, int state, struct kp_error *err)
{
	struct demo_call *c = &g->calls[call];
	struct demo_vol *v = &g->vols[vol];
	int64_t actor = g->org_actor[c->org];
	int path[4], n = path_to(&g->rng, state, path);
	int64_t steps[4], total = 0;
	for (int i = 0; i < n; i++)
		total += steps[i] = (int64_t)step_days(&g->rng, path[i]) * DAY;
	int64_t t = c->created_at + rng_range(&g->rng, 3600, 3 * DAY);
	if (t > g->now - 3600)
		t = g->now - 3600 > c->created_at ? g->now - 3600 : c->created_at;
	int64_t room = g->now - 60 - t > 0 ? g->now - 60 - t : 0;
	room = room / 100 * rng_range(&g->rng, 50, 95);   /* the last step not always today */
	struct match m = { .call_id = c->id, .volunteer_id = v->id, .status = MATCH_PROPOSED };
	m.score = (v->activities & (1u << c->activity) ? 0.70 : 0.50) + rng_below(&g->rng, 30) / 100.0;
	explain(c, v, &m);
	m.created_at = m.updated_at = t;
	if (store_match_insert(g->db, &m, actor, err))
		return KP_ERR;
	int from = MATCH_PROPOSED;
	int64_t active_at = 0, ended_at = g->now;
	for (int i = 0; i < n; i++) {
		/* Steps that would run past now are shrunk to fit, keeping their order. */
		t += total > room ? steps[i] * room / total : steps[i];
		const char *reason = path[i] == MATCH_DECLINED ? texts_decline_reason(&g->rng)
		                     : path[i] == MATCH_ENDED  ? texts_end_reason(&g->rng)
		                                               : "";
		int64_t who = path[i] == MATCH_ACCEPTED && v->id == g->demo_volunteer
		                  ? g->volunteer_account : actor;
		if (match_check_transition(from, path[i], reason, err) ||
		    store_match_transition(g->db, m.id, from, path[i], reason, who, t, err))
			return KP_ERR;
		from = path[i];
		if (path[i] == MATCH_ACTIVE)
			active_at = t;
		if (path[i] == MATCH_ENDED)
			ended_at = t;
	}
	if (active_at > 0 && remember_work(g, m.id, c, v, active_at, ended_at, err))
		return KP_ERR;
	c->matched[c->n_matched++] = v->id;
	if (is_open(state))
		v->open++;
	g->sum->matches++;
	g->sum->matches_by_status[state]++;
	g->sum->match_events += n + 1;
	return KP_OK;
}

/* A one-off call still to come has no match at work or finished yet. */
static int fit_state(const struct demo_call *c, int state)
{
	if (!c->one_off || c->status == CALL_CLOSED || c->status == CALL_CANCELLED)
		return state;
	return state == MATCH_ACTIVE ? MATCH_ACCEPTED : state == MATCH_ENDED ? MATCH_DECLINED : state;
}

/* The final states of the matches of one call, by the call's status. */
static int plan(struct demo_gen *g, const struct demo_call *c, int states[CALL_PICKS])
{
	static const int open_w[MATCH_STATUS_COUNT] = { 35, 20, 15, 20, 10, 5 };
	int n = 0;
	switch (c->status) {
	case CALL_OPEN: {
		int k = rng_weighted(&g->rng, (const int[]){ 25, 35, 25, 15 }, 4);
		for (int i = 0; i < k; i++)
			states[n++] = rng_weighted(&g->rng, open_w, MATCH_STATUS_COUNT);
		break;
	}
	case CALL_FILLED:
		for (int i = 0; i < c->needed && n < CALL_PICKS - 1; i++)
			states[n++] = rng_chance(&g->rng, 850) ? MATCH_ACTIVE : MATCH_ACCEPTED;
		if (rng_chance(&g->rng, 300))
			states[n++] = MATCH_DECLINED;
		break;
	case CALL_CLOSED:
		for (int i = 0; i < c->needed && n < CALL_PICKS - 1; i++)
			states[n++] = MATCH_ENDED;
		if (rng_chance(&g->rng, 300))
			states[n++] = MATCH_DECLINED;
		break;
	default:
		if (rng_chance(&g->rng, 400))
			states[n++] = MATCH_DECLINED;
		break;
	}
	return n;
}

static int match_call(struct demo_gen *g, int call, struct kp_error *err)
{
	int states[CALL_PICKS], n = plan(g, &g->calls[call], states);
	for (int i = 0; i < n; i++) {
		int state = fit_state(&g->calls[call], states[i]);
		int v = pick_volunteer(g, &g->calls[call], state);
		if (v >= 0 && add_match(g, call, v, state, err))
			return KP_ERR;
	}
	return KP_OK;
}

/* Small networks may miss a state by chance; one match of each is added,
   on an open recurring call. */
static int complete_states(struct demo_gen *g, struct kp_error *err)
{
	for (int s = 0; s < MATCH_STATUS_COUNT; s++) {
		for (int call = 2; call < g->n_calls && g->sum->matches_by_status[s] == 0; call++) {
			if (g->calls[call].status != CALL_OPEN || g->calls[call].one_off ||
			    g->calls[call].offer >= 0)
				continue;
			int v = pick_volunteer(g, &g->calls[call], s);
			if (v >= 0 && add_match(g, call, v, s, err))
				return KP_ERR;
		}
	}
	return KP_OK;
}

int demo_add_matches(struct demo_gen *g, struct kp_error *err)
{
	/* Sanne Visser (vrijwilliger@knooppunt.demo) is active on call 0 and
	   has a fresh proposal for call 1, both of her own organisation. */
	if (g->n_calls >= 2 && g->n_vols > 0 &&
	    (add_match(g, 0, 0, MATCH_ACTIVE, err) || add_match(g, 1, 0, MATCH_PROPOSED, err)))
		return KP_ERR;
	for (int call = 0; call < g->n_calls; call++)
		if (match_call(g, call, err))
			return KP_ERR;
	return complete_states(g, err);
}
