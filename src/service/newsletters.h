/*
 * Use cases of newsletters (model/newsletter.h): writing a draft, changing
 * it, previewing it with the number of people it would reach, sending it,
 * and reading them: the writers their list, a volunteer the archive of what
 * was sent to them.
 *
 * A coordinator writes for the own organisation, whose volunteers are the
 * only ones it can reach (the filter's organisation is forced to it); the
 * network administrator writes for the network and may narrow it to one
 * organisation. The permission module's RES_NEWSLETTER decides, the
 * target being the writing organisation (0 for the network).
 *
 * Sending queues one mail per person through the outbox, in batches of
 * NEWSLETTER_BATCH people per transaction, and records each person in
 * newsletter_recipients in the same transaction as the mail. The newsletter
 * is "sending" until the last batch commits, then "sent". A send that was
 * cut off is continued by sending again; the recipients recorded before are
 * skipped, so no one gets it twice. The mail is the plain-text rendering
 * (the outbox and mail/smtp.h carry plain text); the HTML rendering is what
 * the web app shows.
 *
 * Ownership: the caller owns every struct passed in; a newsletter handed to
 * a callback lives only for that call.
 */
#ifndef KP_SERVICE_NEWSLETTERS_H
#define KP_SERVICE_NEWSLETTERS_H

#include "service/service.h"

#define NEWSLETTER_BATCH 500

/* Stores a draft from n's subject, markdown and filter; on success n is the
   stored draft, rendered. */
int newsletter_create(struct app *app, struct db *db, const struct principal *who,
                      struct newsletter *n, struct kp_error *err);

/* Replaces subject, markdown and filter of draft n->id; on success n is the
   stored draft. KP_CONFLICT "newsletter_sent" when it is no draft. */
int newsletter_update(struct app *app, struct db *db, const struct principal *who,
                      struct newsletter *n, struct kp_error *err);

/* Renders n and counts who its filter reaches (*reach), storing nothing. */
int newsletter_preview(struct app *app, struct db *db, const struct principal *who,
                       struct newsletter *n, int64_t *reach, struct kp_error *err);

/* Newsletter id into n. For its writers *reach is who a draft would reach
   now (a sent one: its recipients); for a volunteer -1. */
int newsletter_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
                    struct newsletter *n, int64_t *reach, struct kp_error *err);

/* The caller's page of newsletters: the writers' (all for the administrator,
   the own organisation's for a coordinator), or a volunteer's archive. */
int newsletter_list(struct app *app, struct db *db, const struct principal *who,
                    struct page pg, newsletter_fn each, void *ctx, int64_t *total,
                    struct kp_error *err);

/* Sends newsletter id as described above; n is the sent newsletter. */
int newsletter_send(struct app *app, struct db *db, const struct principal *who, int64_t id,
                    struct newsletter *n, struct kp_error *err);

#endif
