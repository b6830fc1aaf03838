/*
 * A match (koppeling) between a volunteer and a call, and its lifecycle:
 *
 *   proposed ─▶ contacted ─▶ accepted ─▶ active ─▶ ended
 *       │            │            │
 *       └────────────┴────────────┴─▶ declined
 *
 * declined and ended need a reason and are final. Every transition is
 * recorded (match_events) with its time and actor.
 */
#ifndef KP_MODEL_MATCH_H
#define KP_MODEL_MATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "util/error.h"

#define MATCH_REASON_MAX 500

enum match_status {
	MATCH_PROPOSED, MATCH_CONTACTED, MATCH_ACCEPTED, MATCH_DECLINED, MATCH_ACTIVE, MATCH_ENDED,
	MATCH_STATUS_COUNT
};
const char *match_status_name(int s);
int match_status_parse(const char *name);

/* True when a match may go from `from` to `to`. */
bool match_can_transition(int from, int to);
/* True when entering `to` needs a reason (declined, ended). */
bool match_needs_reason(int to);
/* True while a match occupies a volunteer (counts against max_matches). */
bool match_is_open(int status);
/* True once the volunteer has said yes (accepted, active, ended): from then
   on the people on both sides work together and may know each other. */
bool match_worked_together(int status);

/* Checks a transition with its reason; names the field in err. */
int match_check_transition(int from, int to, const char *reason, struct kp_error *err);

/* Who made the match: a coordinator's proposal, or the volunteer's own
   response to a call. Whoever did not make it says yes. */
enum match_origin { MATCH_BY_ORGANISATION, MATCH_BY_VOLUNTEER, MATCH_ORIGIN_COUNT };
const char *match_origin_name(int o);
int match_origin_parse(const char *name);

/* A step taken by the volunteer (by_volunteer) or by the organisation: the
   volunteer says no at any point before the work starts, and yes to what
   the organisation proposed or to a contact it made; the organisation takes
   every step of match_can_transition, and accepts at once what the
   volunteer asked for herself. KP_FORBIDDEN on "status" for a step that is
   not the caller's, else as match_check_transition. */
int match_check_step(int origin, bool by_volunteer, int from, int to, const char *reason,
                     struct kp_error *err);

struct match {
	int64_t id;
	int64_t call_id;
	int64_t volunteer_id;
	int64_t organisation_id;   /* of the call; read-only, for authorisation */
	int64_t location_id;       /* of the call, 0 when none; read-only, likewise */
	int64_t active_at;         /* read-only: when it last became active, 0 never */
	bool aftercare_open;       /* read-only, set by match_show: nazorg may be answered */
	int status;
	int origin;                /* enum match_origin */
	char reason[MATCH_REASON_MAX * 4 + 1];
	double score;
	char explanation[512];
	int64_t created_at, updated_at;
	/* Read-only, for display to whoever may read the match: who and what. */
	char volunteer_name[1024];
	char call_title[641];         /* a help request's public title */
	/* Read-only, the people who work together: only for whom the permission
	   module allows (RES_MATCH_PEOPLE); match_hide_people clears them. */
	char volunteer_email[255];
	char volunteer_phone[33];
	char contact_name[256];       /* whoever posted the call, or the organisation */
	char contact_email[255];
	char contact_phone[33];       /* the organisation's */
};

/* Clears the people on m; the volunteer's own name stays when the reader is
   that volunteer (keep_own_name). */
void match_hide_people(struct match *m, bool keep_own_name);

#endif
