/* The demo journeys: every volunteer signed up on the start date, most had
   an intake within four weeks and a first deployment a few weeks later; a
   stopped volunteer had an exit interview on the day they stopped, and about
   twice as many others had one and stayed (seed 000: two in three stay).
   Most matches at work for two weeks have their nazorg answer. */
#include <stdio.h>

#include "db/store.h"
#include "demo/gen.h"
#include "util/parse.h"

#define DAY 86400

struct walk {
	struct demo_gen *g;
	struct journey j;
	int64_t actor;
};

/* Moves the journey on to `to` on `day` (never before its current step). */
static int step(struct walk *w, int to, int32_t day, struct kp_error *err)
{
	char on[11];
	int32_t current = (int32_t)parse_date_days(w->j.step_on);
	demo_date(w->g, (int)((day < current ? current : day) - w->g->now / DAY), on);
	return store_journey_step(w->g->db, &w->j, to, on, w->actor, "", w->g->now, err);
}

static int exit_interview(struct walk *w, int32_t day, int outcome, struct kp_error *err)
{
	static const int reasons[EXIT_REASON_COUNT] = { 25, 35, 15, 10, 10, 5 };
	struct exit_interview e = { .journey_id = w->j.id, .outcome = outcome,
	                            .actor_id = w->actor, .created_at = w->g->now };
	if (step(w, STEP_EXIT_INTERVIEW, day, err))
		return KP_ERR;
	e.reason = rng_weighted(&w->g->rng, reasons, EXIT_REASON_COUNT);
	snprintf(e.held_on, sizeof e.held_on, "%s", w->j.step_on);
	return store_exit_interview_insert(w->g->db, &e, err);
}

/* After the first deployment: a stop, a pause, or an exit interview after
   which they stay (for about one in five of those still active). */
static int later(struct walk *w, const struct demo_vol *v, int32_t today, struct kp_error *err)
{
	struct rng *r = &w->g->rng;
	int32_t since = (int32_t)parse_date_days(w->j.step_on);
	if (v->status == VOLUNTEER_STOPPED)
		return exit_interview(w, v->stop_day, OUTCOME_STOPS, err) ||
		       step(w, STEP_STOPPED, v->stop_day, err);
	if (v->status == VOLUNTEER_PAUSED)
		return step(w, STEP_PAUSED, since + rng_range(r, 0, today - since), err);
	if (!rng_chance(r, 200) || today - since < 30)
		return KP_OK;
	int32_t day = since + rng_range(r, 30, today - since);
	return exit_interview(w, day, rng_chance(r, 700) ? OUTCOME_SAME_ROLE : OUTCOME_OTHER_ROLE,
	                      err) ||
	       step(w, STEP_ACTIVE, day, err);
}

static int journey_of(struct demo_gen *g, const struct demo_vol *v, struct kp_error *err)
{
	struct rng *r = &g->rng;
	int32_t today = (int32_t)(g->now / DAY);
	int32_t last = v->stop_day >= 0 ? v->stop_day : today;
	struct walk w = { g, { .volunteer_id = v->id, .organisation_id = g->org_id[v->org],
	                       .step = STEP_SIGNED_UP, .created_at = (int64_t)v->start_day * DAY,
	                       .updated_at = (int64_t)v->start_day * DAY },
	                  g->org_actor[v->org] };
	demo_date(g, (int)(v->start_day - today), w.j.started_on);
	snprintf(w.j.step_on, sizeof w.j.step_on, "%s", w.j.started_on);
	if (store_journey_insert(g->db, &w.j, w.actor, "", err))
		return KP_ERR;
	int32_t intake = v->start_day + rng_range(r, 2, 28);
	if (v->status == VOLUNTEER_APPLIED)
		return intake <= today && rng_chance(r, 600) ? step(&w, STEP_INTAKE, intake, err)
		                                             : KP_OK;
	if (intake > last)
		intake = last;
	int32_t deployed = intake + rng_range(r, 7, 35);
	if (deployed > last)
		deployed = last;
	return step(&w, STEP_INTAKE, intake, err) ||
	       step(&w, STEP_FIRST_DEPLOYMENT, deployed, err) ||
	       step(&w, STEP_ACTIVE, deployed, err) || later(&w, v, today, err);
}

/* "Did it work?" asked two to three weeks after a match started. */
static int aftercare(struct demo_gen *g, const struct demo_work *m, struct kp_error *err)
{
	static const char *const answers[] = { "good", "adjust", "stop" };
	static const int weights[] = { 72, 20, 8 };
	int64_t at = m->from + (int64_t)rng_range(&g->rng, 14, 21) * DAY;
	if (at > g->now || !rng_chance(&g->rng, 750))
		return KP_OK;
	struct aftercare a = { .match_id = m->match_id, .answered_by = g->org_actor[m->org],
	                       .answered_at = at };
	snprintf(a.answer, sizeof a.answer, "%s", answers[rng_weighted(&g->rng, weights, 3)]);
	return store_aftercare_put(g->db, &a, err);
}

int demo_add_journeys(struct demo_gen *g, struct kp_error *err)
{
	for (int i = 0; i < g->n_vols; i++)
		if (journey_of(g, &g->vols[i], err))
			return KP_ERR;
	for (int i = 0; i < g->n_work; i++)
		if (aftercare(g, &g->work[i], err))
			return KP_ERR;
	return KP_OK;
}
