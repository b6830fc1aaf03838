/*
 * E-mail notifications through the outbox: a mail is a row in `outbox`
 * (the product; the mailer job or `knooppunt outbox` picks it up). The
 * dedupe key names the occasion, so the same occasion mails each recipient
 * once.
 *
 * The text comes from a file (src/mail/template.h) in the recipient's
 * language: the language of the account with that address, Dutch when no
 * account has it. A notice of a notification kind (model/notification.h)
 * follows the account's choice for that kind: sent at once with an
 * unsubscribe link and header, kept for the daily digest, or dropped. Other
 * notices (a one-time link, a security notice, a client's mail) always go,
 * without an unsubscribe link.
 *
 * Runs inside the caller's transaction; no SQL here, only the store.
 * Ownership: every pointer is borrowed for the call; the store copies what
 * it keeps.
 */
#ifndef KP_SERVICE_NOTIFY_H
#define KP_SERVICE_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "db/store.h"
#include "mail/template.h"

/* A mail whose dedupe key starts with this carries a secret (a one-time
   link): only the sender reads its body, no outbox listing shows it. */
#define NOTIFY_SECRET_PREFIX "secret:"
bool notify_is_secret(const struct outbox_mail *m);

/* Where notices go, and the use case's state. */
struct notifier {
	struct db *db;
	const struct app *app;   /* public address and secret key for links; NULL (unit
	                            tests of the job runner): relative links, no
	                            unsubscribe link */
	int64_t now;
	int *queued;             /* grows by one per new mail; may be NULL */
	struct kp_error *err;
};

struct notice {
	const char *text;            /* the template, src/mail/templates/LANG/<text>.txt */
	int kind;                    /* enum notification_kind, or -1: always sent */
	const char *key;             /* the occasion */
	int64_t organisation_id;     /* whose outbox shows it; 0 for none */
	const struct mail_var *vars;
	int n;
	int64_t newsletter_id;       /* 0, or the newsletter sent as HTML beside the text */
};

/* The line that opens the footer of a notification (with its unsubscribe
   link); src/mail/templates/LANG/footer.txt starts its body with it. */
#define NOTIFY_FOOTER_MARK "\n-- \n"

struct svc;
/* The notifier of a use case: its database, clock and error. */
struct notifier notify_from(struct svc *s);

/* Queues the notice to `to` (skipped when `to` is empty). */
int notify_address(const struct notifier *nf, const char *to, const struct notice *n);

/* Queues the notice to every active coordinator of the organisation, or to
   the organisation's own address when it has no coordinator account. */
int notify_coordinators(const struct notifier *nf, int64_t organisation_id,
                        const struct notice *n);

/* Queues the notice to an active account (skipped when there is none). */
int notify_account(const struct notifier *nf, int64_t account_id, const struct notice *n);

/* A link into the web app: the public address (else where the server
   listens) followed by the path; the path alone when app is NULL. */
void notify_link(const struct app *app, char *out, size_t cap, const char *path_fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define NOTIFY_TOKEN_MAX 96
/* The unsubscribe token of an account and kind: "ID-KIND-MAC", where MAC is
   keyed with the server's secret key, so it cannot be made for another
   person or kind. */
void notify_unsubscribe_token(const struct app *app, int64_t account_id, int kind,
                              char out[NOTIFY_TOKEN_MAX]);
/* Checks a token: its account and kind, or KP_INVALID "invalid_token". */
int notify_unsubscribe_check(const struct app *app, const char *token, int64_t *account_id,
                             int *kind, struct kp_error *err);

/* Queues the digest of the day of nf->now for every account with items
   waiting: one mail per person per day (src/sync/jobs.c runs it). *mails
   counts them. */
int notify_digests(const struct notifier *nf, int *mails);

/* Tells every volunteer whose VOG reaches its organisation's validity
   within VOG_NOTICE_DAYS, once per VOG (a daily job). */
#define VOG_NOTICE_DAYS 30
int notify_vog_expiring(const struct notifier *nf);

#endif
