#include "model/transfer.h"

#include "model/types.h"

#include <string.h>

static const char *const statuses[TRANSFER_STATUS_COUNT] = {
	"awaiting_consent", "offered", "accepted", "declined", "withdrawn",
};
static const char *const parts[TRANSFER_PART_COUNT] = {
	"contact", "availability", "interests", "vog", "trainings", "motivation", "journey",
};
static const char *const actions[TRANSFER_ACTION_COUNT] = {
	"consent", "refuse", "accept", "decline", "withdraw",
};

const char *transfer_status_name(int s)
{
	return s >= 0 && s < TRANSFER_STATUS_COUNT ? statuses[s] : NULL;
}

int transfer_status_parse(const char *name)
{
	return names_find(statuses, TRANSFER_STATUS_COUNT, name);
}

const char *transfer_part_name(int p)
{
	return p >= 0 && p < TRANSFER_PART_COUNT ? parts[p] : NULL;
}

int transfer_part_parse(const char *name)
{
	return names_find(parts, TRANSFER_PART_COUNT, name);
}

const char *transfer_action_name(int a)
{
	return a >= 0 && a < TRANSFER_ACTION_COUNT ? actions[a] : NULL;
}

int transfer_action_parse(const char *name)
{
	return names_find(actions, TRANSFER_ACTION_COUNT, name);
}

bool transfer_receiver_sees(int s)
{
	return s == TRANSFER_OFFERED || s == TRANSFER_ACCEPTED || s == TRANSFER_DECLINED;
}

int transfer_next_status(int from, int action)
{
	switch (action) {
	case TACT_CONSENT:
		return from == TRANSFER_AWAITING_CONSENT ? TRANSFER_OFFERED : -1;
	case TACT_REFUSE:
		return from == TRANSFER_AWAITING_CONSENT ? TRANSFER_WITHDRAWN : -1;
	case TACT_ACCEPT:
		return from == TRANSFER_OFFERED ? TRANSFER_ACCEPTED : -1;
	case TACT_DECLINE:
		return from == TRANSFER_OFFERED ? TRANSFER_DECLINED : -1;
	case TACT_WITHDRAW:
		return from == TRANSFER_AWAITING_CONSENT || from == TRANSFER_OFFERED
		               ? TRANSFER_WITHDRAWN
		               : -1;
	default:
		return -1;
	}
}

/* Consent is the volunteer's alone; the decision is the receiver's. */
static bool side_may(int action, int side)
{
	switch (action) {
	case TACT_CONSENT:
	case TACT_REFUSE:
		return side == SIDE_VOLUNTEER;
	case TACT_ACCEPT:
	case TACT_DECLINE:
		return side == SIDE_RECEIVER || side == SIDE_ADMIN;
	case TACT_WITHDRAW:
		return side == SIDE_VOLUNTEER || side == SIDE_SENDER || side == SIDE_ADMIN;
	default:
		return false;
	}
}

int transfer_check_action(int from, int action, int side, struct kp_error *err)
{
	if (action < 0 || action >= TRANSFER_ACTION_COUNT)
		return kp_invalid(err, "action", "invalid_choice");
	if (!side_may(action, side))
		return kp_fail(err, KP_FORBIDDEN, "forbidden", "action");
	if (transfer_next_status(from, action) < 0)
		return kp_fail_detail(err, KP_CONFLICT, "invalid_transfer_step", "action", "%s: %s",
		                      transfer_status_name(from), transfer_action_name(action));
	return KP_OK;
}
