/*
 * Use cases of the volunteer journey (model/journey.h): starting a journey,
 * taking a step, recording the exit interview, the volunteer's request to
 * pause or stop, and an organisation's journey settings; and the gate that
 * decides whether a volunteer may be deployed on a call.
 *
 * Every use case reads the journey inside its own transaction and
 * authorises on what it read there, so the step guards see the journey as
 * the write will change it. The volunteer record follows the journey at the
 * home organisation: a step that implies a status (active, paused, stopped…)
 * sets it, and the matching index learns the new status after the commit.
 * A use case starts from its request fields each time svc_run runs it; the
 * journey in `out` is written only by the attempt that commits.
 *
 * Ownership: the caller owns every struct passed in; `out` is written. The
 * functions taking a `struct svc` run inside their caller's transaction and
 * borrow everything they are given.
 */
#ifndef KP_SERVICE_JOURNEY_H
#define KP_SERVICE_JOURNEY_H

#include "service/service.h"

/* Starting a journey (aanmelding) at an organisation. */
struct journey_start {
	int64_t volunteer_id;
	int64_t organisation_id;                /* 0: the volunteer's home organisation */
	char on[11];                            /* the sign-up date, not in the future */
	char notes[JOURNEY_NOTES_MAX * 4 + 1];
	struct journey out;                     /* the new journey */
};

/* Taking a step on a journey. */
struct journey_move {
	int64_t id;                             /* the journey */
	int to;                                 /* enum journey_step */
	char on[11];                            /* the step's date */
	char vog_date[11];                      /* a new VOG issue date, "" when none */
	char notes[JOURNEY_NOTES_MAX * 4 + 1];
	struct journey out;                     /* the journey after the step */
};

/* Planning the intake appointment of a journey that waits for its intake
   (step signed_up or intake): the volunteer is told by mail (kind intake).
   KP_CONFLICT "intake_not_open" naming "step" in a later step; KP_INVALID
   "date_in_past" naming "on_date" for a day before today. */
struct journey_intake {
	int64_t id;                             /* the journey */
	char on[11], time[6];
	char place[JOURNEY_PLACE_MAX * 4 + 1];
	struct journey out;                     /* the journey after it */
};
int journey_plan_intake(struct app *app, struct db *db, const struct principal *who,
                        struct journey_intake *in, struct kp_error *err);

/* The exit interview of a journey in its exit_interview step. */
struct journey_exit {
	int64_t id;                             /* the journey */
	struct exit_interview interview;        /* held_on, reason, outcome, notes */
	struct journey out;                     /* the journey after the outcome's step */
};

/* The volunteer asks to pause or stop. */
struct journey_ask {
	int64_t id;                             /* the journey */
	int kind;                               /* enum journey_request_kind */
	char note[JOURNEY_NOTES_MAX * 4 + 1];
	struct journey out;                     /* the journey as it is */
};

/* An edit of an organisation's settings: only the fields in `given` change. */
enum journey_setting_field {
	SETTING_REQUIRES_VOG = 1 << 0,
	SETTING_REQUIRES_TRAINING = 1 << 1,
	SETTING_INTAKE_DAYS = 1 << 2,
	SETTING_EVALUATION_MONTHS = 1 << 3,
};
struct journey_settings_edit {
	int64_t organisation_id;
	struct journey_settings patch;          /* new values of the fields in `given` */
	unsigned given;                         /* enum journey_setting_field bits */
	struct journey_settings out;            /* the settings after the edit */
};

int journey_create(struct app *app, struct db *db, const struct principal *who,
                   struct journey_start *in, struct kp_error *err);

/* The step's guards are those of model/journey.h; a new VOG date is stored first. */
int journey_step_add(struct app *app, struct db *db, const struct principal *who,
                     struct journey_move *m, struct kp_error *err);

/* Records the interview; its outcome takes the next step, except a move to
   another organisation, which waits for the transfer to be accepted. */
int journey_exit_interview_add(struct app *app, struct db *db, const struct principal *who,
                               struct journey_exit *x, struct kp_error *err);

/* KP_CONFLICT request_not_needed when the journey already answers the request. */
int journey_request_add(struct app *app, struct db *db, const struct principal *who,
                        struct journey_ask *q, struct kp_error *err);

/* Reads journey `id` for who may read it. */
int journey_get(struct app *app, struct db *db, const struct principal *who, int64_t id,
                struct journey *out, struct kp_error *err);

/* The journeys of volunteer `volunteer_id`, for who may see the volunteer:
   each journey only as far as who may read it. */
int journey_list_for_volunteer(struct app *app, struct db *db, const struct principal *who,
                               int64_t volunteer_id, journey_fn each, void *ctx,
                               struct kp_error *err);

/* The settings of organisation `organisation_id` for who may read it. */
int journey_settings_get(struct app *app, struct db *db, const struct principal *who,
                         int64_t organisation_id, struct journey_settings *out,
                         struct kp_error *err);

int journey_settings_set(struct app *app, struct db *db, const struct principal *who,
                         struct journey_settings_edit *e, struct kp_error *err);

/* Inside a use case: moves j to `to` on date `on` with every guard checked,
   storing a new VOG date (may be NULL or "") first and keeping the volunteer's
   status in step at the home organisation. `force` skips the step table, for
   a transfer's referral: only a final step stays. */
int journey_take_step(struct svc *s, struct journey *j, int to, const char *on,
                      const char *notes, const char *vog_date, bool force);

/* Inside a use case: sets the volunteer's status to what journey j's step
   implies under its organisation's settings (j must be at the home
   organisation), unless it is that already (`current`, -1: unknown). */
int journey_sync_status(struct svc *s, const struct journey *j, int64_t volunteer_id,
                        int current);

/* Inside a use case: the first match that becomes active records the first
   deployment of a journey still in onboarding at the call's organisation. */
int journey_first_deployment(struct svc *s, int64_t volunteer_id, int64_t organisation_id);

/* Inside a use case: may volunteer v be deployed on call c? Reads the journey
   at the call's organisation, else at the home organisation, and the call
   organisation's settings. KP_CONFLICT naming volunteer_id when not. */
int journey_check_deployable_for(struct svc *s, const struct volunteer *v, const struct call *c);

#endif
