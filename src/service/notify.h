/*
 * E-mail notifications through the outbox: a mail is a row in `outbox`
 * (the product; a sender or `knooppunt outbox` picks it up). The dedupe key
 * names the occasion, so the same occasion mails each recipient once.
 * Runs inside the caller's transaction; no SQL here, only the store.
 * Ownership: every pointer is borrowed for the call; the store copies what
 * it keeps.
 */
#ifndef KP_SERVICE_NOTIFY_H
#define KP_SERVICE_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

#include "db/store.h"

/* A mail whose dedupe key starts with this carries a secret (a one-time
   link): only the sender reads its body, no outbox listing shows it. */
#define NOTIFY_SECRET_PREFIX "secret:"
bool notify_is_secret(const struct outbox_mail *m);

/* Queues one mail to `to` (skipped when `to` is empty). *queued (may be NULL)
   grows by one when the mail is new. */
int notify_address(struct db *db, const char *to, int64_t organisation_id, const char *key,
                   const char *subject, const char *body, int64_t now, int *queued,
                   struct kp_error *err);

/* Queues the mail to every active coordinator of the organisation, or to the
   organisation's own address when it has no coordinator account. */
int notify_coordinators(struct db *db, int64_t organisation_id, const char *key,
                        const char *subject, const char *body, int64_t now, int *queued,
                        struct kp_error *err);

#endif
