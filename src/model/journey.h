/*
 * The volunteer journey (vrijwilligersreis) of one volunteer at one
 * organisation, as steps:
 *
 *   signed_up ─▶ intake ─▶ [vog_requested] ─▶ vog_received ─▶ basic_training
 *      ─▶ first_deployment ─▶ active ⇄ evaluation, active ⇄ paused
 *   any step before the end ─▶ exit_interview ─▶ active | paused | stopped | referred
 *   signed_up, intake ─▶ stopped (left before starting); stopped, referred ─▶ signed_up
 *
 * Onboarding (signed_up … first_deployment) only moves forward and never
 * skips a required step: the intake always, vog_received when the
 * organisation requires a VOG, basic_training when it requires training.
 * vog_requested may be skipped (a VOG at hand). A step is dated no earlier
 * than the current step and never in the future. Leaving exit_interview
 * needs a recorded exit interview whose outcome names the next step.
 *
 * Everything here is a pure function of its arguments: dates are days since
 * 1970-01-01 ("day numbers"), -1 when absent, and "today" is passed in.
 */
#ifndef KP_MODEL_JOURNEY_H
#define KP_MODEL_JOURNEY_H

#include <stdbool.h>
#include <stdint.h>

#include "util/error.h"

#define JOURNEY_NOTES_MAX 2000
#define JOURNEY_INTAKE_DAYS_MAX 365
#define JOURNEY_PLACE_MAX 200     /* characters of an intake appointment's place */
#define JOURNEY_EVALUATION_MONTHS_MAX 60

enum journey_step {
	STEP_SIGNED_UP,        /* aanmelding */
	STEP_INTAKE,           /* kennismakings-/intakegesprek */
	STEP_VOG_REQUESTED,    /* VOG aangevraagd */
	STEP_VOG_RECEIVED,     /* VOG ontvangen */
	STEP_BASIC_TRAINING,   /* basistraining */
	STEP_FIRST_DEPLOYMENT, /* eerste inzet */
	STEP_ACTIVE,           /* actief */
	STEP_EVALUATION,       /* evaluatiegesprek (periodiek) */
	STEP_PAUSED,           /* pauze */
	STEP_EXIT_INTERVIEW,   /* exitgesprek */
	STEP_STOPPED,          /* gestopt */
	STEP_REFERRED,         /* doorverwezen naar een andere organisatie */
	STEP_COUNT
};
const char *journey_step_name(int step);
int journey_step_parse(const char *name);
/* The step's label in "nl" or "en". */
const char *journey_step_label(int step, const char *lang);

/* Reasons for stopping, the categories of the seeds and national statistics. */
enum exit_reason {
	EXIT_HEALTH,         /* gezondheid */
	EXIT_TIME,           /* tijd */
	EXIT_MOVED,          /* verhuisd */
	EXIT_CAREGIVING,     /* zorg voor een naaste */
	EXIT_ROLE_MISMATCH,  /* rol past niet meer */
	EXIT_OTHER,          /* anders */
	EXIT_REASON_COUNT
};
const char *exit_reason_name(int r);
int exit_reason_parse(const char *name);

enum exit_outcome {
	OUTCOME_SAME_ROLE,          /* blijft in dezelfde rol */
	OUTCOME_OTHER_ROLE,         /* andere rol, zelfde organisatie */
	OUTCOME_OTHER_ORGANISATION, /* naar een andere organisatie */
	OUTCOME_PAUSE,              /* pauze */
	OUTCOME_STOPS,              /* stopt */
	EXIT_OUTCOME_COUNT
};
const char *exit_outcome_name(int o);
int exit_outcome_parse(const char *name);
/* The step an exit interview with this outcome leads to. */
int exit_outcome_next_step(int outcome);

/* A volunteer's own request. */
enum journey_request_kind { REQUEST_PAUSE, REQUEST_STOP, REQUEST_KIND_COUNT };
const char *journey_request_name(int k);
int journey_request_parse(const char *name);
/* True when reaching `step` answers an open request of kind k. */
bool journey_request_answered_by(int kind, int step);

/* How an organisation runs the journey (journey_settings; defaults without a row). */
struct journey_settings {
	int64_t organisation_id;
	bool requires_vog;        /* the organisation's work needs a VOG */
	bool requires_training;   /* basic training before the first deployment */
	int intake_days;          /* intake due this many days after sign-up */
	int evaluation_months;    /* evaluation every this many months */
	int vog_max_age_months;   /* from the organisation: how old a VOG may be */
};
void journey_settings_default(struct journey_settings *s, int64_t organisation_id);
int journey_settings_validate(const struct journey_settings *s, struct kp_error *err);

struct journey {
	int64_t id;
	int64_t volunteer_id;
	int64_t organisation_id;
	int step;                 /* enum journey_step: the current step */
	char step_on[11];         /* date of the current step */
	char started_on[11];      /* date of the aanmelding */
	char intake_on[11];       /* the planned intake appointment: day, "" when none */
	char intake_time[6];      /* HH:MM */
	char intake_place[JOURNEY_PLACE_MAX * 4 + 1];
	int64_t created_at, updated_at;
};

/* What the guards of a step change need to know besides the two steps. */
struct journey_guard {
	long current_on;          /* day of the current step */
	long on;                  /* day of the new step */
	long today;
	long vog_on;              /* the volunteer's VOG issue day, -1 when none */
	int exit_outcome;         /* outcome of the exit interview held in this step, -1 none */
};

/* True for steps after which nothing follows except a return (stopped, referred). */
bool journey_step_is_final(int step);
/* True while the volunteer is at work: first_deployment, active, evaluation. */
bool journey_step_is_deployable(int step);
/* True once the steps these settings require before any work are behind the
   volunteer (the intake; the VOG and the basic training where required), and
   the journey is not paused, in an exit interview or ended: the volunteer can
   be matched. The first deployment follows from the first active match. */
bool journey_step_is_ready(const struct journey_settings *s, int step);

/* One line of the checklist before matching: a step, whether these settings
   require it, and whether the journey is past it. */
struct journey_check {
	int step;
	bool required;
	bool done;
};
#define JOURNEY_CHECKS 3
/* The checklist of a journey at `step` (intake, VOG received, basic training). */
void journey_checklist(const struct journey_settings *s, int step,
                       struct journey_check out[JOURNEY_CHECKS]);
/* True when the step table allows from → to under these settings (no guards). */
bool journey_can_step(const struct journey_settings *s, int from, int to);
/* Checks the step table and every guard; names the field in err
   (step, on_date, vog_date) with KP_CONFLICT for a state conflict, KP_INVALID for input. */
int journey_check_step(const struct journey_settings *s, int from, int to,
                       const struct journey_guard *g, struct kp_error *err);

/* The volunteer status a step implies for the home organisation under its
   settings (enum volunteer_status): applied until journey_step_is_ready,
   then active; or -1 to leave the status as it is (the exit interview). The
   journey drives the status: nobody sets it by hand while a journey runs. */
int journey_step_volunteer_status(const struct journey_settings *s, int step);

/* Whether a volunteer may be deployed on a piece of work; for the POST
   /api/matches check and the matching engine's hard filter. */
struct journey_gate {
	bool has_journey;         /* a journey exists at the work's (or home) organisation */
	int step;                 /* its current step */
	bool ready;               /* journey_step_is_ready under that organisation's settings */
	bool needs_vog;           /* the call or the organisation requires a VOG */
	long vog_on;              /* -1 when none */
	int vog_max_age_months;
	long today;
};
/* KP_OK, or KP_CONFLICT naming volunteer_id: journey_not_ready, vog_missing, vog_expired. */
int journey_check_deployable(const struct journey_gate *g, struct kp_error *err);
bool journey_is_deployable(const struct journey_gate *g);

/* Day arithmetic on day numbers. */
long journey_add_months(long day, int months);
bool journey_vog_valid(long vog_on, int max_age_months, long day);
long journey_day_of(int64_t unix_time);
/* -1 for "" or an invalid date. */
long journey_day_parse(const char *date);
void journey_day_format(long day, char out[11]);

#endif
