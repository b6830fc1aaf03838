#include "model/journey.h"

#include <stdio.h>
#include <string.h>

#include "model/volunteer.h"
#include "util/parse.h"

static const struct {
	const char *name, *nl, *en;
} steps[STEP_COUNT] = {
	{ "signed_up", "Aanmelding", "Sign-up" },
	{ "intake", "Kennismakings- of intakegesprek", "Intake conversation" },
	{ "vog_requested", "VOG aangevraagd", "Certificate of conduct requested" },
	{ "vog_received", "VOG ontvangen", "Certificate of conduct received" },
	{ "basic_training", "Basistraining", "Basic training" },
	{ "first_deployment", "Eerste inzet", "First deployment" },
	{ "active", "Actief", "Active" },
	{ "evaluation", "Evaluatiegesprek", "Evaluation" },
	{ "paused", "Pauze", "Pause" },
	{ "exit_interview", "Exitgesprek", "Exit interview" },
	{ "stopped", "Gestopt", "Stopped" },
	{ "referred", "Doorverwezen", "Referred" },
};

static const char *const reasons[EXIT_REASON_COUNT] = {
	"health", "time", "moved", "caregiving", "role_mismatch", "other",
};

static const char *const outcomes[EXIT_OUTCOME_COUNT] = {
	"same_role", "other_role", "other_organisation", "pause", "stops",
};

static const char *const requests[REQUEST_KIND_COUNT] = { "pause", "stop" };

const char *journey_step_name(int step)
{
	return step >= 0 && step < STEP_COUNT ? steps[step].name : NULL;
}

int journey_step_parse(const char *name)
{
	for (int i = 0; name != NULL && i < STEP_COUNT; i++)
		if (strcmp(steps[i].name, name) == 0)
			return i;
	return -1;
}

const char *journey_step_label(int step, const char *lang)
{
	if (step < 0 || step >= STEP_COUNT)
		return "";
	return lang != NULL && strcmp(lang, "en") == 0 ? steps[step].en : steps[step].nl;
}

const char *exit_reason_name(int r)
{
	return r >= 0 && r < EXIT_REASON_COUNT ? reasons[r] : NULL;
}

int exit_reason_parse(const char *name)
{
	return names_find(reasons, EXIT_REASON_COUNT, name);
}

const char *exit_outcome_name(int o)
{
	return o >= 0 && o < EXIT_OUTCOME_COUNT ? outcomes[o] : NULL;
}

int exit_outcome_parse(const char *name)
{
	return names_find(outcomes, EXIT_OUTCOME_COUNT, name);
}

int exit_outcome_next_step(int outcome)
{
	switch (outcome) {
	case OUTCOME_SAME_ROLE:
	case OUTCOME_OTHER_ROLE:
		return STEP_ACTIVE;
	case OUTCOME_OTHER_ORGANISATION:
		return STEP_REFERRED;
	case OUTCOME_PAUSE:
		return STEP_PAUSED;
	case OUTCOME_STOPS:
		return STEP_STOPPED;
	default:
		return -1;
	}
}

const char *journey_request_name(int k)
{
	return k >= 0 && k < REQUEST_KIND_COUNT ? requests[k] : NULL;
}

int journey_request_parse(const char *name)
{
	return names_find(requests, REQUEST_KIND_COUNT, name);
}

bool journey_request_answered_by(int kind, int step)
{
	if (kind == REQUEST_PAUSE)
		return step == STEP_PAUSED || step == STEP_EXIT_INTERVIEW || journey_step_is_final(step);
	return step == STEP_EXIT_INTERVIEW || journey_step_is_final(step);
}

void journey_settings_default(struct journey_settings *s, int64_t organisation_id)
{
	memset(s, 0, sizeof *s);
	s->organisation_id = organisation_id;
	s->requires_vog = false;
	s->requires_training = true;
	s->intake_days = 14;
	s->evaluation_months = 12;
	s->vog_max_age_months = 36;
}

int journey_settings_validate(const struct journey_settings *s, struct kp_error *err)
{
	if (s->intake_days < 1 || s->intake_days > JOURNEY_INTAKE_DAYS_MAX)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "intake_days",
		                     JOURNEY_INTAKE_DAYS_MAX);
	if (s->evaluation_months < 1 || s->evaluation_months > JOURNEY_EVALUATION_MONTHS_MAX)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "evaluation_months",
		                     JOURNEY_EVALUATION_MONTHS_MAX);
	return KP_OK;
}

bool journey_step_is_final(int step)
{
	return step == STEP_STOPPED || step == STEP_REFERRED;
}

bool journey_step_is_deployable(int step)
{
	return step == STEP_FIRST_DEPLOYMENT || step == STEP_ACTIVE || step == STEP_EVALUATION;
}

static bool onboarding(int step)
{
	return step >= STEP_SIGNED_UP && step <= STEP_FIRST_DEPLOYMENT;
}

static bool required(const struct journey_settings *s, int step)
{
	return step == STEP_INTAKE || (step == STEP_VOG_RECEIVED && s->requires_vog) ||
	       (step == STEP_BASIC_TRAINING && s->requires_training);
}

bool journey_step_is_ready(const struct journey_settings *s, int step)
{
	if (journey_step_is_deployable(step))
		return true;
	if (!onboarding(step))
		return false;
	for (int later = step + 1; later < STEP_FIRST_DEPLOYMENT; later++)
		if (required(s, later))
			return false;
	return true;
}

void journey_checklist(const struct journey_settings *s, int step,
                       struct journey_check out[JOURNEY_CHECKS])
{
	static const int checks[JOURNEY_CHECKS] = { STEP_INTAKE, STEP_VOG_RECEIVED,
	                                            STEP_BASIC_TRAINING };
	/* Past a check: beyond it in onboarding, or at work, paused or in an exit
	   interview (which only follow onboarding). */
	bool beyond_onboarding = !onboarding(step) && !journey_step_is_final(step);
	for (int i = 0; i < JOURNEY_CHECKS; i++)
		out[i] = (struct journey_check){ checks[i], required(s, checks[i]),
		                                 beyond_onboarding || (onboarding(step) &&
		                                                       step >= checks[i]) };
}

/* Forward within onboarding without passing a required step. */
static bool onboarding_step(const struct journey_settings *s, int from, int to)
{
	if (!onboarding(to) || to <= from)
		return false;
	for (int skipped = from + 1; skipped < to; skipped++)
		if (required(s, skipped))
			return false;
	return true;
}

bool journey_can_step(const struct journey_settings *s, int from, int to)
{
	if (from < 0 || from >= STEP_COUNT || to < 0 || to >= STEP_COUNT)
		return false;
	if (journey_step_is_final(from))
		return to == STEP_SIGNED_UP;
	if (to == STEP_EXIT_INTERVIEW)
		return from != STEP_EXIT_INTERVIEW;
	if (onboarding(from) && onboarding_step(s, from, to))
		return true;
	switch (from) {
	case STEP_SIGNED_UP:
	case STEP_INTAKE:
		return to == STEP_STOPPED;
	case STEP_FIRST_DEPLOYMENT:
		return to == STEP_ACTIVE || to == STEP_EVALUATION || to == STEP_PAUSED;
	case STEP_ACTIVE:
		return to == STEP_EVALUATION || to == STEP_PAUSED;
	case STEP_EVALUATION:
		return to == STEP_ACTIVE || to == STEP_PAUSED;
	case STEP_PAUSED:
		return to == STEP_ACTIVE;
	case STEP_EXIT_INTERVIEW:
		return to == STEP_ACTIVE || to == STEP_PAUSED || to == STEP_STOPPED ||
		       to == STEP_REFERRED;
	default:
		return false;
	}
}

static int check_dates(const struct journey_guard *g, struct kp_error *err)
{
	if (g->on < 0)
		return kp_invalid(err, "on_date", "invalid_date");
	if (g->on > g->today)
		return kp_invalid(err, "on_date", "date_in_future");
	if (g->on < g->current_on)
		return kp_invalid(err, "on_date", "date_before_current_step");
	return KP_OK;
}

int journey_check_step(const struct journey_settings *s, int from, int to,
                       const struct journey_guard *g, struct kp_error *err)
{
	if (to < 0 || to >= STEP_COUNT)
		return kp_invalid(err, "step", "invalid_choice");
	if (!journey_can_step(s, from, to))
		return kp_fail_detail(err, KP_CONFLICT, "invalid_step", "step", "%s → %s",
		                      journey_step_name(from), journey_step_name(to));
	if (check_dates(g, err))
		return KP_ERR;
	if (to == STEP_VOG_RECEIVED) {
		if (g->vog_on < 0)
			return kp_fail(err, KP_CONFLICT, "vog_missing", "vog_date");
		if (g->vog_on > g->on || !journey_vog_valid(g->vog_on, s->vog_max_age_months, g->on))
			return kp_fail(err, KP_CONFLICT, "vog_expired", "vog_date");
	}
	if (from == STEP_EXIT_INTERVIEW) {
		if (g->exit_outcome < 0)
			return kp_fail(err, KP_CONFLICT, "exit_interview_required", "step");
		if (exit_outcome_next_step(g->exit_outcome) != to)
			return kp_fail_detail(err, KP_CONFLICT, "exit_outcome_mismatch", "step", "%s",
			                      exit_outcome_name(g->exit_outcome));
	}
	return KP_OK;
}

int journey_step_volunteer_status(const struct journey_settings *s, int step)
{
	switch (step) {
	case STEP_SIGNED_UP:
	case STEP_INTAKE:
	case STEP_VOG_REQUESTED:
	case STEP_VOG_RECEIVED:
	case STEP_BASIC_TRAINING:
		return journey_step_is_ready(s, step) ? VOLUNTEER_ACTIVE : VOLUNTEER_APPLIED;
	case STEP_FIRST_DEPLOYMENT:
	case STEP_ACTIVE:
	case STEP_EVALUATION:
		return VOLUNTEER_ACTIVE;
	case STEP_PAUSED:
		return VOLUNTEER_PAUSED;
	case STEP_STOPPED:
	case STEP_REFERRED:
		return VOLUNTEER_STOPPED;
	default:
		return -1; /* the exit interview leaves the status until its outcome */
	}
}

int journey_check_deployable(const struct journey_gate *g, struct kp_error *err)
{
	if (g->has_journey && !g->ready)
		return kp_fail_detail(err, KP_CONFLICT, "journey_not_ready", "volunteer_id", "%s",
		                      journey_step_name(g->step));
	if (g->needs_vog) {
		if (g->vog_on < 0)
			return kp_fail(err, KP_CONFLICT, "vog_missing", "volunteer_id");
		if (!journey_vog_valid(g->vog_on, g->vog_max_age_months, g->today))
			return kp_fail(err, KP_CONFLICT, "vog_expired", "volunteer_id");
	}
	return KP_OK;
}

bool journey_is_deployable(const struct journey_gate *g)
{
	struct kp_error ignored = { 0 };
	return journey_check_deployable(g, &ignored) == KP_OK;
}

long journey_day_parse(const char *date)
{
	return parse_is_date(date) ? parse_date_days(date) : -1;
}

void journey_day_format(long day, char out[11])
{
	parse_format_date((long long)day * 86400, out);
}

long journey_day_of(int64_t unix_time)
{
	return (long)(unix_time >= 0 ? unix_time / 86400 : (unix_time - 86399) / 86400);
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* The same day of the month `months` later, or the month's last day (31 Jan + 1 = 28/29 Feb). */
long journey_add_months(long day, int months)
{
	char date[11];
	long long y, m, d;
	journey_day_format(day, date);
	date[4] = date[7] = '\0';
	if (parse_int(date, 1, 9999, &y) || parse_int(date + 5, 1, 12, &m) ||
	    parse_int(date + 8, 1, 31, &d))
		return day;
	long total = (long)y * 12 + (long)(m - 1) + months;
	int ny = (int)(total / 12), nm = (int)(total % 12) + 1;
	int nd = (int)d > days_in_month(ny, nm) ? days_in_month(ny, nm) : (int)d;
	char out[16];
	snprintf(out, sizeof out, "%04d-%02d-%02d", ny, nm, nd);
	return parse_date_days(out);
}

bool journey_vog_valid(long vog_on, int max_age_months, long day)
{
	return vog_on >= 0 && day <= journey_add_months(vog_on, max_age_months);
}
