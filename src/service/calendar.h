/*
 * Calendar feeds: a secret address (GET /api/calendar/{token}.ics, no login)
 * that a phone calendar subscribes to. A volunteer's feed shows her own
 * commitments: accepted and active matches (one-off, or weekly with a
 * recurrence rule from the call's day-parts), intakes and trainings. An
 * organisation's feed (its agenda) shows the same for all its volunteers.
 *
 * The token is 32 random bytes (libsodium); only its hash is stored, so an
 * address is shown once, when it is made. Making a new one replaces the old
 * (rotation); revoking deletes it: the old address then answers "not found".
 * Who may make, see and revoke a feed is the permission module's
 * RES_CALENDAR_FEED: the volunteer herself and her organisation's
 * coordinators for a personal feed, the coordinators for their
 * organisation's, the network administrator for both. Making and revoking
 * are audited. The feed leaves the system, so it carries little: the call's
 * title as volunteers see it (a help request's public text), its place, the
 * organisation's name; in an organisation's agenda also the volunteer's first
 * name and the initial of the last name. docs/calendar.md says the same.
 *
 * Ownership: the caller owns every struct passed in; calendar_feed_render
 * appends to the caller's buffer.
 */
#ifndef KP_SERVICE_CALENDAR_H
#define KP_SERVICE_CALENDAR_H

#include "auth/password.h"
#include "service/service.h"
#include "util/buf.h"

struct calendar_feed {
	struct calendar_owner owner;       /* exactly one id set, by the caller */
	/* Answered: */
	int64_t created_at;                /* 0: the owner has no feed */
	char token[TOKEN_TEXT_LEN + 1];    /* the new token, right after calendar_feed_create */
};

/* Whether the owner has a feed, and since when. */
int calendar_feed_show(struct app *app, struct db *db, const struct principal *who,
                       struct calendar_feed *f, struct kp_error *err);
/* Makes a new feed address for f->owner, replacing an earlier one. */
int calendar_feed_create(struct app *app, struct db *db, const struct principal *who,
                         struct calendar_feed *f, struct kp_error *err);
/* Revokes f->owner's feed; KP_NOT_FOUND when there is none. */
int calendar_feed_revoke(struct app *app, struct db *db, const struct principal *who,
                         struct calendar_feed *f, struct kp_error *err);

/* Writes the iCalendar file of the feed whose token this is (texts in
   lang); KP_NOT_FOUND "not_found" (field token) for any unknown token. */
int calendar_feed_render(struct app *app, struct db *db, const char *token, const char *lang,
                         struct buf *out, struct kp_error *err);

#endif
