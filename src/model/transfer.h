/*
 * A warm transfer (warme doorverwijzing) of a volunteer from one
 * organisation to another in the network:
 *
 *   awaiting_consent ─consent (volunteer)─▶ offered ─accept (receiver)─▶ accepted
 *          │                                   └──decline (receiver)──▶ declined
 *          └──── refuse / withdraw (volunteer, sender) ──▶ withdrawn ◀──┘ (before a decision)
 *
 * A coordinator's transfer starts awaiting_consent; the volunteer's consent
 * fixes which profile parts the receiver may see (shared_parts, a bit set of
 * enum transfer_part). A transfer the volunteer asks for starts offered with
 * their consent given in the same request. accepted, declined and withdrawn
 * are final. The receiver sees exactly the shared parts, read live from the
 * profile while the transfer is offered or accepted.
 */
#ifndef KP_MODEL_TRANSFER_H
#define KP_MODEL_TRANSFER_H

#include <stdbool.h>
#include <stdint.h>

#include "util/error.h"

#define TRANSFER_MESSAGE_MAX 2000
#define TRANSFER_NOTE_MAX 500

enum transfer_status {
	TRANSFER_AWAITING_CONSENT, TRANSFER_OFFERED, TRANSFER_ACCEPTED, TRANSFER_DECLINED,
	TRANSFER_WITHDRAWN, TRANSFER_STATUS_COUNT
};
const char *transfer_status_name(int s);
int transfer_status_parse(const char *name);

/* The parts of a profile a volunteer can agree to share. The name is always shared. */
enum transfer_part {
	PART_CONTACT,       /* e-mail, phone, place */
	PART_AVAILABILITY,  /* day-parts, hours per week, forms of engagement, distance */
	PART_INTERESTS,     /* themes, activities, motives, talents, languages */
	PART_VOG,           /* VOG date */
	PART_TRAININGS,     /* trainings and certificates */
	PART_MOTIVATION,    /* "wat wil je graag betekenen?" */
	PART_JOURNEY,       /* the journey so far at the sending organisation */
	TRANSFER_PART_COUNT
};
const char *transfer_part_name(int p);
int transfer_part_parse(const char *name);
#define TRANSFER_PARTS_ALL ((1u << TRANSFER_PART_COUNT) - 1)

enum transfer_action {
	TACT_CONSENT, TACT_REFUSE, TACT_ACCEPT, TACT_DECLINE, TACT_WITHDRAW, TRANSFER_ACTION_COUNT
};
const char *transfer_action_name(int a);
int transfer_action_parse(const char *name);

/* Who acts on a transfer. */
enum transfer_side { SIDE_VOLUNTEER, SIDE_SENDER, SIDE_RECEIVER, SIDE_ADMIN, SIDE_NONE };

/* Whether the receiving organisation may see a transfer in status s: only
   after the volunteer's consent (offered, then accepted or declined), never
   while it awaits consent and never again once it was refused or withdrawn. */
bool transfer_receiver_sees(int s);

/* The status an action leads to, or -1 when not allowed from `from`. */
int transfer_next_status(int from, int action);
/* Checks that `side` may take `action` from status `from`; forbidden for the wrong
   side, a conflict invalid_transfer_step for the wrong state. */
int transfer_check_action(int from, int action, int side, struct kp_error *err);

struct transfer {
	int64_t id;
	int64_t volunteer_id;
	int64_t from_organisation;
	int64_t to_organisation;
	int status;               /* enum transfer_status */
	bool by_volunteer;        /* the volunteer asked for it */
	char message[TRANSFER_MESSAGE_MAX * 4 + 1];
	uint32_t shared_parts;    /* bits of enum transfer_part */
	int64_t consent_at;       /* 0 until the volunteer consented */
	char decision_note[TRANSFER_NOTE_MAX * 4 + 1];
	int64_t created_by, decided_by;
	int64_t created_at, updated_at;
};

#endif
