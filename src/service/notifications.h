/*
 * A person's own mail settings: the language of their mails and, per kind
 * of notification (model/notification.h), immediately, in a daily digest or
 * not at all; and unsubscribing one kind through the signed link in a
 * notification mail, without logging in (service/notify.h makes the link).
 *
 * Every logged-in account reads and changes only its own settings
 * (RES_NOTIFICATION). Ownership: the caller owns every struct passed in.
 */
#ifndef KP_SERVICE_NOTIFICATIONS_H
#define KP_SERVICE_NOTIFICATIONS_H

#include "model/notification.h"
#include "service/service.h"

struct notification_settings {
	char language[8];                  /* "nl" or "en"; "" on a change: unchanged */
	int delivery[NOTIFY_KIND_COUNT];   /* enum delivery; -1 on a change: unchanged */
};

int notifications_get(struct app *app, struct db *db, const struct principal *who,
                      struct notification_settings *out, struct kp_error *err);

/* Changes what `in` names and answers the settings as they are then.
   KP_INVALID "invalid_choice" naming "language". */
int notifications_set(struct app *app, struct db *db, const struct principal *who,
                      const struct notification_settings *in,
                      struct notification_settings *out, struct kp_error *err);

/* Sets the kind of a valid unsubscribe token to "never"; *kind tells which.
   KP_INVALID "invalid_token" naming "token" for any other token. */
int notifications_unsubscribe(struct app *app, struct db *db, const char *token, int *kind,
                              struct kp_error *err);

#endif
