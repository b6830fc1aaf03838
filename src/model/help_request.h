/*
 * A help request at the network's central contact point, and the client
 * behind it. The request says what is asked and where, and follows the warm
 * referral: new (at the hub) -> routed (to an organisation) -> accepted (a
 * named contact there picked it up), or handed back to the hub with a
 * reason, and routed again; closed ends it. The client record is kept apart
 * from everything volunteers read and carries the client's consent to share
 * it with the organisation the request is routed to.
 *
 * Invariants after help_request_validate: place set; urgency and channel in
 * range; the client's name set, a phone or e-mail to reach them, consent
 * recorded.
 */
#ifndef KP_MODEL_HELP_REQUEST_H
#define KP_MODEL_HELP_REQUEST_H

#include <stdbool.h>
#include <stdint.h>

#include "util/error.h"

#define CLIENT_NAME_MAX 160
#define CLIENT_SITUATION_MAX 2000
#define HELP_REASON_MAX 500
#define PICKUP_WORKING_DAYS_MAX 60

enum help_channel { HELP_FORM, HELP_REFERRER, HELP_DESK, HELP_CHANNEL_COUNT };
enum help_status {
	HELP_NEW, HELP_ROUTED, HELP_ACCEPTED, HELP_HANDED_BACK, HELP_CLOSED, HELP_STATUS_COUNT
};
enum help_urgency { URGENCY_NORMAL, URGENCY_SOON, URGENCY_URGENT, URGENCY_COUNT };
/* How a request ended: the client was helped (picked up, or by the desk's own
   advice), or not served, and why. */
enum help_outcome {
	OUTCOME_HELPED, OUTCOME_ADVICE, OUTCOME_NO_OFFER, OUTCOME_NO_VOLUNTEER,
	OUTCOME_CLIENT_WITHDREW, OUTCOME_UNREACHABLE, OUTCOME_ELSEWHERE, OUTCOME_OTHER,
	OUTCOME_COUNT
};

const char *help_channel_name(int c);
int help_channel_parse(const char *name);
const char *help_status_name(int s);
int help_status_parse(const char *name);
const char *help_urgency_name(int u);
int help_urgency_parse(const char *name);
const char *help_outcome_name(int o);
int help_outcome_parse(const char *name);
/* True for the outcomes in which the client was helped. */
bool help_outcome_served(int o);

struct help_request {
	int64_t id;
	int channel;                  /* enum help_channel */
	int status;                   /* enum help_status */
	int64_t activity_id;          /* what is asked; 0 when the hub still has to tell */
	char place[128];
	int urgency;                  /* enum help_urgency */
	int64_t organisation_id;      /* routed to; 0 while at the hub */
	char contact_name[256];       /* who picked it up there */
	char contact_phone[33];
	int64_t call_id;              /* the call the receiving organisation made of it; 0 */
	char reason[HELP_REASON_MAX * 4 + 1]; /* why it was handed back */
	int64_t created_by;           /* account; 0 for the public form */
	int64_t created_at, routed_at, accepted_at, updated_at; /* 0: not yet */
	int outcome;                  /* enum help_outcome once closed; -1 while open */
	int64_t closed_at;            /* 0: not yet */
};

struct client_record {
	int64_t request_id;
	char name[CLIENT_NAME_MAX * 4 + 1];
	char phone[33];
	char email[255];
	char place[128];
	char situation[CLIENT_SITUATION_MAX * 4 + 1];
	char referred_by[256];        /* "zelf", "mantelzorger", or the referrer's desk */
	int consent_share;            /* agreed to share with the receiving organisation */
	int64_t consent_at;
	int64_t erased_at;            /* 0 unless the client's data was erased */
};

void help_request_init(struct help_request *r);
int help_request_validate(const struct help_request *r, const struct client_record *c,
                          struct kp_error *err);

/* KP_OK when a request in status `from` may go to `to` (route, accept, hand
   back, close); else KP_CONFLICT "invalid_help_step" naming "status". */
int help_request_check_step(int from, int to, struct kp_error *err);

/* The outcome of closing request r: `name` when given (else 422 naming
   "outcome"); without one, "helped" for a request that was picked up, and 422
   "outcome" "required" for one that was not, whose reason the figures need. */
int help_request_close_outcome(const struct help_request *r, const char *name, int *out,
                               struct kp_error *err);

/* Working days (Monday to Friday) from `from` up to `to`, unix seconds, in
   UTC: how long a routed request has waited. 0 when to <= from. */
int working_days_between(int64_t from, int64_t to);

/* The moment before which a request must have been routed to have waited
   n working days by `now`: working_days_between(t, now) >= n exactly when
   t < working_days_cutoff(now, n). */
int64_t working_days_cutoff(int64_t now, int n);

/* Whether a request routed to an organisation still waits for it after
   pickup_days working days: the hub is warned. */
bool help_request_waiting(const struct help_request *r, int64_t now, int pickup_days);

/* Empties what identifies the client, keeping that consent was recorded. */
void client_record_erase(struct client_record *c, int64_t now);

#endif
