#include "model/match.h"

#include "model/types.h"

#include <string.h>

static const char *const statuses[MATCH_STATUS_COUNT] = {
	"proposed", "contacted", "accepted", "declined", "active", "ended",
};

static const char *const origins[MATCH_ORIGIN_COUNT] = { "organisation", "volunteer" };

const char *match_origin_name(int o)
{
	return o >= 0 && o < MATCH_ORIGIN_COUNT ? origins[o] : NULL;
}

int match_origin_parse(const char *name)
{
	return names_find(origins, MATCH_ORIGIN_COUNT, name);
}

const char *match_status_name(int s)
{
	return s >= 0 && s < MATCH_STATUS_COUNT ? statuses[s] : NULL;
}

int match_status_parse(const char *name)
{
	return names_find(statuses, MATCH_STATUS_COUNT, name);
}

bool match_can_transition(int from, int to)
{
	switch (from) {
	case MATCH_PROPOSED:
		return to == MATCH_CONTACTED || to == MATCH_DECLINED;
	case MATCH_CONTACTED:
		return to == MATCH_ACCEPTED || to == MATCH_DECLINED;
	case MATCH_ACCEPTED:
		return to == MATCH_ACTIVE || to == MATCH_DECLINED;
	case MATCH_ACTIVE:
		return to == MATCH_ENDED;
	default:
		return false;
	}
}

bool match_needs_reason(int to)
{
	return to == MATCH_DECLINED || to == MATCH_ENDED;
}

bool match_is_open(int status)
{
	return status == MATCH_PROPOSED || status == MATCH_CONTACTED || status == MATCH_ACCEPTED ||
	       status == MATCH_ACTIVE;
}

bool match_worked_together(int status)
{
	return status == MATCH_ACCEPTED || status == MATCH_ACTIVE || status == MATCH_ENDED;
}

void match_hide_people(struct match *m, bool keep_own_name)
{
	if (!keep_own_name)
		m->volunteer_name[0] = '\0';
	m->volunteer_email[0] = m->volunteer_phone[0] = '\0';
	m->contact_name[0] = m->contact_email[0] = m->contact_phone[0] = '\0';
}

int match_check_transition(int from, int to, const char *reason, struct kp_error *err)
{
	if (to < 0 || to >= MATCH_STATUS_COUNT)
		return kp_invalid(err, "status", "invalid_choice");
	if (!match_can_transition(from, to)) {
		const char *name = match_status_name(from); /* NULL for a corrupt status */
		return kp_fail_detail(err, KP_CONFLICT, "invalid_transition", "status", "%s → %s",
		                      name ? name : "?", match_status_name(to));
	}
	if (match_needs_reason(to) && (reason == NULL || reason[0] == '\0'))
		return kp_invalid(err, "reason", "required");
	return KP_OK;
}

int match_check_step(int origin, bool by_volunteer, int from, int to, const char *reason,
                     struct kp_error *err)
{
	bool says_yes = to == MATCH_ACCEPTED && from == MATCH_PROPOSED;
	if (says_yes && (origin == MATCH_BY_VOLUNTEER) != by_volunteer)
		return KP_OK; /* the other side agrees: no contact step needed */
	if (by_volunteer && to != MATCH_DECLINED &&
	    !(to == MATCH_ACCEPTED && from == MATCH_CONTACTED))
		return kp_fail(err, KP_FORBIDDEN, "forbidden", "status");
	return match_check_transition(from, to, reason, err);
}
