/*
 * The kinds of notification a person receives by e-mail, and how each
 * person wants each kind: immediately, in a daily digest, or not at all.
 *
 *   proposal           a coordinator proposes a call to the volunteer
 *   response           a volunteer responds to a call (to the coordinators)
 *   transfer           a warm transfer: the volunteer's consent, an offer to
 *                      the receiving coordinators, the decision
 *   intake             an intake appointment (to the volunteer)
 *   vog_expiring       the volunteer's VOG is almost three years old
 *   match_accepted     a volunteer said yes to a professional's call
 *   help_picked_up     a referrer's help request was picked up
 *   reminder           a coordinator's reminders and tasks
 *
 * The daily digest itself is no kind a person chooses, but its mail has an
 * unsubscribe link like every notification: NOTIFY_DIGEST names it there,
 * and following it turns off every kind that went to the digest.
 *
 * Mails that are not notifications (an invitation, a password link, a
 * security notice, a client's mail) have no kind here: they always go.
 * Pure C, no I/O.
 */
#ifndef KP_MODEL_NOTIFICATION_H
#define KP_MODEL_NOTIFICATION_H

#include <stdbool.h>

enum notification_kind {
	NOTIFY_PROPOSAL,
	NOTIFY_RESPONSE,
	NOTIFY_TRANSFER,
	NOTIFY_INTAKE,
	NOTIFY_VOG_EXPIRING,
	NOTIFY_MATCH_ACCEPTED,
	NOTIFY_HELP_PICKED_UP,
	NOTIFY_REMINDER,
	NOTIFY_NEWSLETTER,
	NOTIFY_KIND_COUNT
};
/* The digest's mail: a name and a label, never in the list of choices. */
#define NOTIFY_DIGEST NOTIFY_KIND_COUNT

enum delivery { DELIVERY_IMMEDIATELY, DELIVERY_DIGEST, DELIVERY_NEVER, DELIVERY_COUNT };

/* Name and label of a kind or of NOTIFY_DIGEST. */
const char *notification_kind_name(int k);
/* The kind (or NOTIFY_DIGEST) named `name`, or -1. */
int notification_kind_parse(const char *name);
const char *notification_kind_label(int k, const char *lang);

const char *delivery_name(int d);
/* The delivery named `name`, or -1. */
int delivery_parse(const char *name);

/* The digest of day D carries what was noted before D at this hour (UTC):
   one mail each morning with the day before. */
#define DIGEST_HOUR_UTC 6

#endif
