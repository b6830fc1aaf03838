/*
 * Reminders and tasks for coordinators, derived from the journey data and a
 * day number `today` that the caller passes in (the application clock), so
 * every rule is a pure function that a test drives with any date.
 *
 * Rules (day numbers as in model/journey.h; "months" via journey_add_months):
 *   intake_due       step signed_up and today >= started_on + intake_days
 *   vog_missing      organisation requires a VOG, no VOG on file, step past
 *                    signed_up and not paused/exit/final; after 7 days in
 *                    intake, 28 days in vog_requested, at once in later steps
 *   vog_expired      organisation requires a VOG, VOG older than
 *                    vog_max_age_months, step vog_received … paused
 *   evaluation_due   step first_deployment or active and today >= (last
 *                    evaluation, else first deployment) + evaluation_months
 *   inactive         step first_deployment/active/evaluation and no step or
 *                    match activity for 3 months
 *   aftercare_due    a match active for 14 days (nazorg, 2–3 weeks) without
 *                    an answer; overdue after 21 days
 *   request          the volunteer asked to pause or stop; open until handled
 *   anniversary      1, 5 and 10 years after the aanmelding, from 14 days
 *                    before until 30 days after the day
 *   client_followup  a help request of the contact point, accepted, whose call
 *                    has a match active for 14 days: call the client (2-3
 *                    weeks); overdue after 21 days; until the request is closed
 *   request_waiting  for the hub: a help request routed to an organisation and
 *                    not picked up within the network's pick-up term
 * Each reminder has a key that names the occurrence ("evaluation:12:2027-03-01"),
 * so the outbox sends it once and a new occurrence gets a new key.
 */
#ifndef KP_MODEL_REMINDER_H
#define KP_MODEL_REMINDER_H

#include <stdbool.h>
#include <stdint.h>

#include "model/journey.h"

#define REMINDER_KEY_MAX 64
#define REMINDER_PER_JOURNEY_MAX 8
#define REMINDER_INACTIVE_MONTHS 3
#define REMINDER_AFTERCARE_DAYS 14
#define REMINDER_AFTERCARE_LATE_DAYS 21

enum reminder_kind {
	REMINDER_INTAKE_DUE,
	REMINDER_VOG_MISSING,
	REMINDER_VOG_EXPIRED,
	REMINDER_EVALUATION_DUE,
	REMINDER_INACTIVE,
	REMINDER_AFTERCARE_DUE,
	REMINDER_REQUEST,
	REMINDER_ANNIVERSARY,
	REMINDER_TRANSFER_OFFERED,  /* an incoming warm transfer waits for an answer */
	REMINDER_CLIENT_FOLLOWUP,   /* call the client of a help request (nazorg) */
	REMINDER_REQUEST_WAITING,   /* the hub: a routed help request waits to be picked up */
	REMINDER_KIND_COUNT
};
const char *reminder_kind_name(int k);
int reminder_kind_parse(const char *name);
const char *reminder_kind_label(int k, const char *lang);

/* What the rules read about one journey. Days are -1 when absent. */
struct reminder_facts {
	int64_t journey_id;
	int64_t volunteer_id;
	int64_t organisation_id;
	int step;
	long step_on;             /* day of the current step */
	long started_on;          /* day of the aanmelding */
	long vog_on;              /* the volunteer's VOG issue day */
	long last_evaluation_on;  /* last evaluation step */
	long deployed_on;         /* first first_deployment or active step */
	long last_activity_on;    /* latest step or match event */
	int64_t request_id;       /* open request of the volunteer, 0 when none */
	int request_kind;         /* enum journey_request_kind */
	long request_on;
};

/* What the nazorg rule reads about one active match. */
struct aftercare_facts {
	int64_t match_id;
	int64_t volunteer_id;
	int64_t organisation_id;  /* of the call */
	long active_on;           /* day the match became active */
	bool answered;
};

struct reminder {
	int kind;                 /* enum reminder_kind */
	int64_t journey_id;       /* 0 when not about a journey */
	int64_t volunteer_id;
	int64_t organisation_id;
	int64_t ref_id;           /* match, request or transfer id; 0 when none */
	long due_on;              /* the day it became due */
	bool overdue;             /* past the end of its window (nazorg) */
	int years;                /* anniversary: 1, 5 or 10 */
	int request_kind;         /* request: enum journey_request_kind */
	char key[REMINDER_KEY_MAX];
};

/* Writes the reminders of one journey into out (at most cap) and returns how many. */
int reminder_for_journey(const struct journey_settings *s, const struct reminder_facts *f,
                         long today, struct reminder *out, int cap);

/* The day from which the nazorg question of a match that last became active
   at active_at (unix time, 0: unknown) may be answered: REMINDER_AFTERCARE_DAYS
   later, when the question comes up; -1 (any day) when the start is unknown. */
long reminder_aftercare_from(int64_t active_at);

/* Fills *out and returns true when the nazorg question of this match is due. */
bool reminder_for_aftercare(const struct aftercare_facts *f, long today, struct reminder *out);

/* Fills *out and returns true when the client of help request request_id,
   accepted by organisation_id, is to be called: its call's first match became
   active on active_on (-1: none yet). */
bool reminder_for_client_followup(int64_t request_id, int64_t organisation_id, long active_on,
                                  long today, struct reminder *out);

/* The hub's reminder for a request routed on routed_on that waits. */
void reminder_for_waiting_request(int64_t request_id, int64_t hub, long routed_on,
                                  struct reminder *out);

/* The reminder for a transfer offered to an organisation on `offered_on`. */
void reminder_for_transfer(int64_t transfer_id, int64_t volunteer_id, int64_t to_organisation,
                           long offered_on, struct reminder *out);

#endif
