/* Help requests at the contact point and their clients (help_request.h). */
#include "model/help_request.h"

#include <string.h>

#include "model/types.h"

static const char *const channels[HELP_CHANNEL_COUNT] = { "form", "referrer", "desk" };
static const char *const statuses[HELP_STATUS_COUNT] = {
	"new", "routed", "accepted", "handed_back", "closed",
};
static const char *const urgencies[URGENCY_COUNT] = { "normal", "soon", "urgent" };
static const char *const outcomes[OUTCOME_COUNT] = {
	"helped", "advice", "no_offer", "no_volunteer", "client_withdrew", "unreachable",
	"helped_elsewhere", "other",
};

const char *help_channel_name(int c)
{
	return c >= 0 && c < HELP_CHANNEL_COUNT ? channels[c] : NULL;
}

int help_channel_parse(const char *name)
{
	return names_find(channels, HELP_CHANNEL_COUNT, name);
}

const char *help_status_name(int s)
{
	return s >= 0 && s < HELP_STATUS_COUNT ? statuses[s] : NULL;
}

int help_status_parse(const char *name)
{
	return names_find(statuses, HELP_STATUS_COUNT, name);
}

const char *help_urgency_name(int u)
{
	return u >= 0 && u < URGENCY_COUNT ? urgencies[u] : NULL;
}

int help_urgency_parse(const char *name)
{
	return names_find(urgencies, URGENCY_COUNT, name);
}

const char *help_outcome_name(int o)
{
	return o >= 0 && o < OUTCOME_COUNT ? outcomes[o] : NULL;
}

int help_outcome_parse(const char *name)
{
	return names_find(outcomes, OUTCOME_COUNT, name);
}

bool help_outcome_served(int o)
{
	return o == OUTCOME_HELPED || o == OUTCOME_ADVICE;
}

void help_request_init(struct help_request *r)
{
	memset(r, 0, sizeof *r);
	r->status = HELP_NEW;
	r->urgency = URGENCY_NORMAL;
	r->outcome = -1;
}

int help_request_close_outcome(const struct help_request *r, const char *name, int *out,
                               struct kp_error *err)
{
	if (name != NULL && name[0] != '\0') {
		*out = help_outcome_parse(name);
		return *out >= 0 ? KP_OK : kp_invalid(err, "outcome", "invalid_choice");
	}
	*out = OUTCOME_HELPED;
	return r->accepted_at != 0 ? KP_OK : kp_invalid(err, "outcome", "required");
}

int help_request_validate(const struct help_request *r, const struct client_record *c,
                          struct kp_error *err)
{
	if (r->channel < 0 || r->channel >= HELP_CHANNEL_COUNT)
		return kp_invalid(err, "channel", "invalid_choice");
	if (r->urgency < 0 || r->urgency >= URGENCY_COUNT)
		return kp_invalid(err, "urgency", "invalid_choice");
	if (r->place[0] == '\0')
		return kp_invalid(err, "place", "required");
	if (c->name[0] == '\0')
		return kp_invalid(err, "name", "required");
	if (c->phone[0] == '\0' && c->email[0] == '\0')
		return kp_invalid(err, "phone", "phone_or_email");
	if (c->email[0] != '\0' && strchr(c->email, '@') == NULL)
		return kp_invalid(err, "email", "invalid_email");
	if (!c->consent_share)
		return kp_invalid(err, "consent_share", "client_consent_required");
	return KP_OK;
}

int help_request_check_step(int from, int to, struct kp_error *err)
{
	bool ok;
	switch (to) {
	case HELP_ROUTED:
		ok = from == HELP_NEW || from == HELP_HANDED_BACK || from == HELP_ROUTED;
		break;
	case HELP_ACCEPTED:
	case HELP_HANDED_BACK:
		ok = from == HELP_ROUTED;
		break;
	case HELP_CLOSED:
		ok = from != HELP_CLOSED;
		break;
	default:
		ok = false;
	}
	return ok ? KP_OK : kp_fail(err, KP_CONFLICT, "invalid_help_step", "status");
}

int working_days_between(int64_t from, int64_t to)
{
	if (to <= from)
		return 0;
	int64_t day0 = from / 86400, day1 = to / 86400;
	int n = 0;
	/* 1970-01-01 was a Thursday: weekday (day + 3) % 7, 0 = Monday */
	for (int64_t d = day0 + 1; d <= day1; d++)
		if ((d + 3) % 7 < 5)
			n++;
	return n;
}

int64_t working_days_cutoff(int64_t now, int n)
{
	int64_t d = now / 86400;
	for (int counted = 0; counted < n; d--)
		if ((d + 3) % 7 < 5)
			counted++;
	return (d + 1) * 86400;
}

bool help_request_waiting(const struct help_request *r, int64_t now, int pickup_days)
{
	return r->status == HELP_ROUTED && r->routed_at > 0 &&
	       working_days_between(r->routed_at, now) >= pickup_days;
}

void client_record_erase(struct client_record *c, int64_t now)
{
	int64_t id = c->request_id, at = c->consent_at;
	int consent = c->consent_share;
	memset(c, 0, sizeof *c);
	c->request_id = id;
	c->consent_share = consent;
	c->consent_at = at;
	c->erased_at = now;
}
