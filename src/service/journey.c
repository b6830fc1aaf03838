/* The volunteer journey's use cases and its deployment gate (journey.h). */
#include "service/journey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/notification.h"
#include "service/matches.h"
#include "service/notify.h"
#include "util/parse.h"

static struct authz_target target_of(const struct journey *j)
{
	return (struct authz_target){ .organisation_id = j->organisation_id,
	                              .volunteer_id = j->volunteer_id };
}

static long today(const struct svc *s)
{
	return journey_day_of(s->now);
}

/* Reads journey id into j and authorises `act` on `res` for it. */
static int load(struct svc *s, int64_t id, enum resource res, enum action act, struct journey *j)
{
	if (store_journey_get(s->db, id, j, s->err))
		return KP_ERR;
	struct authz_target t = target_of(j);
	return svc_authorise(s, res, act, &t);
}

/* Reads volunteer id into v for who may see them: own organisation or consent. */
static int load_volunteer(struct svc *s, int64_t id, const char *field, struct volunteer *v)
{
	struct consent k;
	struct authz_target t;
	if (store_volunteer_get(s->db, id, false, v, s->err)) {
		if (s->err->kind == KP_NOT_FOUND && field != NULL)
			kp_invalid(s->err, field, "unknown_reference");
		return KP_ERR;
	}
	if (svc_volunteer_target(s, v->organisation_id, v->id, &k, &t))
		return KP_ERR;
	return svc_authorise(s, RES_VOLUNTEER, ACT_READ, &t);
}

static int start(struct svc *s, struct journey_start *in, struct volunteer *v)
{
	struct journey j = { .volunteer_id = in->volunteer_id, .step = STEP_SIGNED_UP };
	if (load_volunteer(s, in->volunteer_id, "volunteer_id", v))
		return KP_ERR;
	j.organisation_id = in->organisation_id ? in->organisation_id : v->organisation_id;
	struct authz_target t = target_of(&j);
	if (svc_authorise(s, RES_JOURNEY, ACT_CREATE, &t))
		return KP_ERR;
	if (journey_day_parse(in->on) > today(s))
		return kp_invalid(s->err, "on_date", "date_in_future");
	memcpy(j.started_on, in->on, sizeof j.started_on);
	memcpy(j.step_on, in->on, sizeof j.step_on);
	j.created_at = j.updated_at = s->now;
	if (store_journey_insert(s->db, &j, s->who->account_id, in->notes, s->err))
		return KP_ERR;
	/* At the home organisation the volunteer is now an applicant. */
	if (j.organisation_id == v->organisation_id &&
	    store_volunteer_set_status(s->db, v->id, VOLUNTEER_APPLIED, s->now, s->err))
		return KP_ERR;
	svc_after_volunteer(s, v->id);
	in->out = j;
	return KP_OK;
}

static int run_start(struct svc *s, void *arg)
{
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = start(s, arg, v);
	free(v);
	return rc;
}

int journey_create(struct app *app, struct db *db, const struct principal *who,
                   struct journey_start *in, struct kp_error *err)
{
	return svc_run(app, db, who, run_start, in, err);
}

/* Keeps the volunteer record in step with the journey at the home organisation. */
int journey_sync_status(struct svc *s, const struct journey *j, int64_t volunteer_id,
                        int current)
{
	struct journey_settings set;
	if (store_journey_settings_get(s->db, j->organisation_id, &set, s->err))
		return KP_ERR;
	int status = journey_step_volunteer_status(&set, j->step);
	if (status < 0 || status == current)
		return KP_OK;
	return store_volunteer_set_status(s->db, volunteer_id, status, s->now, s->err);
}

static int sync_volunteer(struct svc *s, const struct journey *j, const struct volunteer *v)
{
	if (j->organisation_id != v->organisation_id)
		return KP_OK;
	return journey_sync_status(s, j, v->id, v->status);
}

static int step_guarded(struct svc *s, struct journey *j, int to, const char *on,
                        const char *notes, const struct volunteer *v, bool force)
{
	struct journey_settings set;
	struct journey_guard g = {
		.current_on = journey_day_parse(j->step_on),
		.on = journey_day_parse(on),
		.today = today(s),
		.vog_on = journey_day_parse(v->vog_date),
		.exit_outcome = -1,
	};
	if (store_journey_settings_get(s->db, j->organisation_id, &set, s->err))
		return KP_ERR;
	if (j->step == STEP_EXIT_INTERVIEW &&
	    store_exit_interview_outcome(s->db, j->id, &g.exit_outcome, s->err))
		return KP_ERR;
	if (force) { /* a transfer's referral: only the final steps are kept */
		if (journey_step_is_final(j->step))
			return kp_fail(s->err, KP_CONFLICT, "invalid_step", "step");
	} else if (journey_check_step(&set, j->step, to, &g, s->err)) {
		return KP_ERR;
	}
	return store_journey_step(s->db, j, to, on, s->who->account_id, notes, s->now, s->err);
}

static int new_vog(struct svc *s, struct volunteer *v, const char *vog_date)
{
	if (journey_day_parse(vog_date) > today(s))
		return kp_invalid(s->err, "vog_date", "date_in_future");
	if (store_volunteer_set_vog(s->db, v->id, vog_date, s->now, s->err))
		return KP_ERR;
	snprintf(v->vog_date, sizeof v->vog_date, "%s", vog_date);
	return KP_OK;
}

int journey_take_step(struct svc *s, struct journey *j, int to, const char *on,
                      const char *notes, const char *vog_date, bool force)
{
	struct volunteer *v = malloc(sizeof *v);
	int rc = KP_ERR;
	if (v == NULL)
		return kp_internal(s->err);
	if (store_volunteer_get(s->db, j->volunteer_id, false, v, s->err) ||
	    (vog_date != NULL && vog_date[0] != '\0' && new_vog(s, v, vog_date)) ||
	    step_guarded(s, j, to, on, notes, v, force) || sync_volunteer(s, j, v))
		goto end;
	/* Leaving the organisation ends the work there, in the same step. */
	if ((to == STEP_STOPPED || to == STEP_REFERRED) &&
	    match_end_all(s, v->id, j->organisation_id,
	                  to == STEP_STOPPED ? "Gestopt als vrijwilliger"
	                                     : "Doorverwezen naar een andere organisatie"))
		goto end;
	svc_after_volunteer(s, v->id); /* status and gate changed */
	rc = KP_OK;
end:
	free(v);
	return rc;
}

static int run_step(struct svc *s, void *arg)
{
	struct journey_move *m = arg;
	struct journey j;
	if (load(s, m->id, RES_JOURNEY, ACT_UPDATE, &j) ||
	    journey_take_step(s, &j, m->to, m->on, m->notes, m->vog_date, false))
		return KP_ERR;
	m->out = j;
	return KP_OK;
}

int journey_step_add(struct app *app, struct db *db, const struct principal *who,
                     struct journey_move *m, struct kp_error *err)
{
	return svc_run(app, db, who, run_step, m, err);
}

/* The volunteer hears of the appointment, in their language, once per
   day and time planned. */
static int tell_intake(struct svc *s, const struct journey *j)
{
	struct volunteer *v = malloc(sizeof *v);
	struct organisation *o = malloc(sizeof *o);
	struct notifier nf = notify_from(s);
	char key[96], link[300];
	int rc = v && o ? KP_OK : kp_internal(s->err);
	if (rc == KP_OK)
		rc = store_volunteer_get(s->db, j->volunteer_id, false, v, s->err);
	if (rc == KP_OK)
		rc = store_organisation_get(s->db, j->organisation_id, o, s->err);
	if (rc == KP_OK) {
		snprintf(key, sizeof key, "intake:%lld:%s:%s", (long long)j->id, j->intake_on,
		         j->intake_time);
		notify_link(s->app, link, sizeof link, "/mijn-reis");
		struct mail_var vars[] = {
			{ "first_name", v->first_name, NULL },
			{ "organisation", o->name, NULL },
			{ "date", j->intake_on, NULL },
			{ "time", j->intake_time, NULL },
			{ "place", j->intake_place, NULL },
			{ "link", link, NULL },
		};
		struct notice n = { "intake", NOTIFY_INTAKE, key, j->organisation_id, vars, 6 };
		rc = notify_address(&nf, v->email, &n);
	}
	free(v);
	free(o);
	return rc;
}

static int run_intake(struct svc *s, void *arg)
{
	struct journey_intake *in = arg;
	struct journey *j = &in->out;
	if (load(s, in->id, RES_JOURNEY, ACT_UPDATE, j))
		return KP_ERR;
	if (j->step != STEP_SIGNED_UP && j->step != STEP_INTAKE)
		return kp_fail(s->err, KP_CONFLICT, "intake_not_open", "step");
	if (journey_day_parse(in->on) < today(s))
		return kp_invalid(s->err, "on_date", "date_in_past");
	snprintf(j->intake_on, sizeof j->intake_on, "%s", in->on);
	snprintf(j->intake_time, sizeof j->intake_time, "%s", in->time);
	snprintf(j->intake_place, sizeof j->intake_place, "%s", in->place);
	j->updated_at = s->now;
	if (store_journey_plan_intake(s->db, j, s->now, s->err) ||
	    svc_audit(s, "plan_intake", "journey", j->volunteer_id, j->id, NULL))
		return KP_ERR;
	return tell_intake(s, j);
}

int journey_plan_intake(struct app *app, struct db *db, const struct principal *who,
                        struct journey_intake *in, struct kp_error *err)
{
	return svc_run(app, db, who, run_intake, in, err);
}

static int check_interview(struct svc *s, const struct journey *j, const struct exit_interview *e)
{
	if (j->step != STEP_EXIT_INTERVIEW)
		return kp_fail(s->err, KP_CONFLICT, "not_in_exit_interview", "step");
	long held = journey_day_parse(e->held_on);
	if (held > today(s))
		return kp_invalid(s->err, "held_on", "date_in_future");
	if (held < journey_day_parse(j->step_on))
		return kp_invalid(s->err, "held_on", "date_before_current_step");
	return KP_OK;
}

static int run_exit(struct svc *s, void *arg)
{
	struct journey_exit *x = arg;
	struct journey j;
	struct exit_interview e = x->interview;
	if (load(s, x->id, RES_JOURNEY, ACT_UPDATE, &j))
		return KP_ERR;
	/* Recording the interview is the step into it: entered once, not twice. */
	if (j.step != STEP_EXIT_INTERVIEW &&
	    journey_take_step(s, &j, STEP_EXIT_INTERVIEW, e.held_on, "", NULL, false))
		return KP_ERR;
	if (check_interview(s, &j, &e))
		return KP_ERR;
	e.journey_id = j.id;
	e.actor_id = s->who->account_id;
	e.created_at = s->now;
	if (store_exit_interview_insert(s->db, &e, s->err))
		return KP_ERR;
	svc_after_volunteer(s, j.volunteer_id);
	/* The outcome decides the next step; a move to another organisation
	   waits for the transfer to be accepted. */
	int next = exit_outcome_next_step(e.outcome);
	if (e.outcome == OUTCOME_OTHER_ROLE &&
	    match_end_all(s, j.volunteer_id, j.organisation_id, "Andere taak na het exitgesprek"))
		return KP_ERR;
	if (next != STEP_REFERRED) {
		char note[128];
		snprintf(note, sizeof note, "exitgesprek: %s", exit_outcome_name(e.outcome));
		if (journey_take_step(s, &j, next, e.held_on, note, NULL, false))
			return KP_ERR;
	}
	x->out = j;
	return KP_OK;
}

int journey_exit_interview_add(struct app *app, struct db *db, const struct principal *who,
                               struct journey_exit *x, struct kp_error *err)
{
	return svc_run(app, db, who, run_exit, x, err);
}

static int run_request(struct svc *s, void *arg)
{
	struct journey_ask *q = arg;
	struct journey j;
	struct journey_request r = { .journey_id = q->id, .kind = q->kind, .created_at = s->now };
	if (load(s, q->id, RES_JOURNEY_REQUEST, ACT_CREATE, &j))
		return KP_ERR;
	if (journey_step_is_final(j.step) || journey_request_answered_by(q->kind, j.step))
		return kp_fail(s->err, KP_CONFLICT, "request_not_needed", "kind");
	snprintf(r.note, sizeof r.note, "%s", q->note);
	if (store_journey_request_insert(s->db, &r, s->err))
		return KP_ERR;
	q->out = j;
	return KP_OK;
}

int journey_request_add(struct app *app, struct db *db, const struct principal *who,
                        struct journey_ask *q, struct kp_error *err)
{
	return svc_run(app, db, who, run_request, q, err);
}

struct reading {
	int64_t id;
	struct journey *out;
};

static int read_one(struct svc *s, void *arg)
{
	struct reading *r = arg;
	return load(s, r->id, RES_JOURNEY, ACT_READ, r->out);
}

int journey_get(struct app *app, struct db *db, const struct principal *who, int64_t id,
                struct journey *out, struct kp_error *err)
{
	struct reading r = { id, out };
	return svc_read(app, db, who, read_one, &r, err);
}

struct visible {
	struct svc *s;
	int64_t volunteer_id;
	journey_fn each;
	void *ctx;
};

static int visible_one(void *ctx, const struct journey *j)
{
	struct visible *v = ctx;
	struct authz_target t = target_of(j);
	if (!authz_allows(v->s->who, RES_JOURNEY, ACT_READ, &t))
		return 0;
	return v->each(v->ctx, j);
}

static int read_visible(struct svc *s, void *arg)
{
	struct visible *v = arg;
	struct volunteer *vol = malloc(sizeof *vol);
	if (vol == NULL)
		return kp_internal(s->err);
	/* Only who may see the volunteer sees the journeys, each as far as its organisation. */
	int rc = load_volunteer(s, v->volunteer_id, NULL, vol);
	free(vol);
	if (rc || svc_authorise(s, RES_JOURNEY, ACT_LIST, NULL))
		return KP_ERR;
	struct list_filter f;
	struct page all = { PAGE_MAX, 0 };
	int64_t total = 0;
	list_filter_init(&f);
	f.volunteer_id = v->volunteer_id;
	v->s = s;
	return store_journey_list(s->db, &f, all, visible_one, v, &total, s->err);
}

int journey_list_for_volunteer(struct app *app, struct db *db, const struct principal *who,
                               int64_t volunteer_id, journey_fn each, void *ctx,
                               struct kp_error *err)
{
	struct visible v = { NULL, volunteer_id, each, ctx };
	return svc_read(app, db, who, read_visible, &v, err);
}

static int settings_for(struct svc *s, int64_t organisation_id, enum action act,
                        struct journey_settings *out)
{
	struct authz_target t = { .organisation_id = organisation_id };
	if (svc_authorise(s, RES_ORGANISATION, act, &t))
		return KP_ERR;
	return store_journey_settings_get(s->db, organisation_id, out, s->err);
}

static int read_settings(struct svc *s, void *arg)
{
	struct journey_settings *out = arg;
	return settings_for(s, out->organisation_id, ACT_READ, out);
}

int journey_settings_get(struct app *app, struct db *db, const struct principal *who,
                         int64_t organisation_id, struct journey_settings *out,
                         struct kp_error *err)
{
	out->organisation_id = organisation_id;
	return svc_read(app, db, who, read_settings, out, err);
}

static int write_settings(struct svc *s, void *arg)
{
	struct journey_settings_edit *e = arg;
	struct journey_settings next;
	if (settings_for(s, e->organisation_id, ACT_UPDATE, &next))
		return KP_ERR;
	if (e->given & SETTING_REQUIRES_VOG)
		next.requires_vog = e->patch.requires_vog;
	if (e->given & SETTING_REQUIRES_TRAINING)
		next.requires_training = e->patch.requires_training;
	if (e->given & SETTING_INTAKE_DAYS)
		next.intake_days = e->patch.intake_days;
	if (e->given & SETTING_EVALUATION_MONTHS)
		next.evaluation_months = e->patch.evaluation_months;
	if (journey_settings_validate(&next, s->err) ||
	    store_journey_settings_put(s->db, &next, s->now, s->err))
		return KP_ERR;
	e->out = next;
	return KP_OK;
}

int journey_settings_set(struct app *app, struct db *db, const struct principal *who,
                         struct journey_settings_edit *e, struct kp_error *err)
{
	return svc_run(app, db, who, write_settings, e, err);
}

/* The journey that decides deployment: at the call's organisation, else at home. */
static int gate_journey(struct svc *s, const struct volunteer *v, int64_t org,
                        struct journey *j, bool *found)
{
	int64_t orgs[2] = { org, v->organisation_id };
	*found = false;
	for (int i = 0; i < 2 && !*found; i++) {
		if (store_journey_find(s->db, v->id, orgs[i], j, s->err) == KP_OK)
			*found = true;
		else if (s->err->kind != KP_NOT_FOUND)
			return KP_ERR;
		else
			*s->err = (struct kp_error){ 0 };
	}
	return KP_OK;
}

int journey_first_deployment(struct svc *s, int64_t volunteer_id, int64_t organisation_id)
{
	struct journey j;
	if (store_journey_find(s->db, volunteer_id, organisation_id, &j, s->err)) {
		if (s->err->kind != KP_NOT_FOUND)
			return KP_ERR;
		*s->err = (struct kp_error){ 0 };
		return KP_OK; /* no journey kept here */
	}
	if (j.step >= STEP_FIRST_DEPLOYMENT)
		return KP_OK;
	char on[11];
	parse_format_date(s->now, on);
	return journey_take_step(s, &j, STEP_FIRST_DEPLOYMENT, on, "eerste koppeling actief", NULL,
	                         false);
}

int journey_check_deployable_for(struct svc *s, const struct volunteer *v, const struct call *c)
{
	struct journey j;
	struct journey_settings set;
	bool found;
	if (gate_journey(s, v, c->organisation_id, &j, &found) ||
	    store_journey_settings_get(s->db, c->organisation_id, &set, s->err))
		return KP_ERR;
	struct journey_settings home = set;
	if (found && j.organisation_id != c->organisation_id &&
	    store_journey_settings_get(s->db, j.organisation_id, &home, s->err))
		return KP_ERR;
	struct journey_gate g = {
		.has_journey = found,
		.step = found ? j.step : -1,
		.ready = found && journey_step_is_ready(&home, j.step),
		.needs_vog = c->requires_vog != 0 || set.requires_vog,
		.vog_on = journey_day_parse(v->vog_date),
		.vog_max_age_months = set.vog_max_age_months,
		.today = today(s),
	};
	return journey_check_deployable(&g, s->err);
}
