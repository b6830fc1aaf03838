/*
 * Sending the outbox: the network job "send_mail" (sync/jobs.c) delivers
 * every queued mail that is due over SMTP (mail/smtp.h), outside any
 * transaction and while it holds the job's lock, so that of several app
 * servers exactly one sends at a time.
 *
 * A delivered mail is marked sent at once. A failed attempt is recorded with
 * the server's answer and tried again after a growing wait (one minute,
 * doubling, at most six hours); after MAILER_ATTEMPTS_MAX attempts the mail
 * is marked failed for good and shows in the administrator's list.
 * A crash between delivery and marking sends that one mail again: at least
 * once, never lost.
 *
 * A newsletter's mail (outbox.newsletter_id) gets the newsletter's HTML as
 * an alternative to its text, with the mail's closing lines (where to read
 * it again, the footer with the unsubscribe link) below it. A mail whose
 * text no longer starts with the newsletter's goes as text only.
 */
#ifndef KP_SYNC_MAILER_H
#define KP_SYNC_MAILER_H

#include <stdint.h>

#include "mail/smtp.h"
#include "db/db.h"

#define MAILER_BATCH 100            /* mails per run */
#define MAILER_ATTEMPTS_MAX 8
#define MAILER_FIRST_WAIT_S 60
#define MAILER_LONGEST_WAIT_S (6 * 3600)

struct mailer_result {
	int sent, failed, given_up;
};

/* Sends what is due at `now` with cfg; does nothing without cfg->url. */
int mailer_run(const struct smtp_config *cfg, struct db *db, int64_t now,
               struct mailer_result *out, struct kp_error *err);

/* The wait before attempt number `attempts` + 1. */
int64_t mailer_backoff(int attempts);

#endif
