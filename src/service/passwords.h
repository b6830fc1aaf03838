/*
 * Use cases of passwords and one-time links: an invitation (an account that
 * staff made for someone, without a password) accepted by its owner, a
 * password reset asked for by e-mail and confirmed by its link, and a change
 * of one's own password.
 *
 * A one-time link carries a random token (auth/password.h); only its hash is
 * stored, it is used once, and it expires (INVITATION_DAYS, RESET_HOURS).
 * The mail goes through the outbox with a dedupe key starting with
 * NOTIFY_SECRET_PREFIX, so that no outbox listing shows its body to staff:
 * nobody but the owner of the address learns the token, and so nobody but
 * the owner ever sets the password. Setting a password ends every other
 * session of the account.
 *
 * Passwords are checked and hashed (argon2id, slow) before a transaction
 * opens; the plain text is wiped before the use case returns.
 *
 * Ownership: the caller owns every struct and buffer passed in; password
 * buffers are overwritten with zeros.
 */
#ifndef KP_SERVICE_PASSWORDS_H
#define KP_SERVICE_PASSWORDS_H

#include "service/service.h"

#define INVITATION_DAYS 14
#define RESET_HOURS 2

/* Inside a use case that just made account a (without a password): stores an
   invitation token and queues its mail to a->email. */
int invitation_send(struct svc *s, const struct account *a);

struct password_set {
	const char *token;      /* from the link */
	char *password;         /* the new password, plain text; wiped */
	struct account account; /* out: whose password was set */
};

/* Accepts an invitation: sets the password of the invited account. Opening a
   session is the caller's next step. KP_INVALID "invalid_token" (field token)
   for an unknown, used or expired token. */
int invitation_accept(struct app *app, struct db *db, const struct principal *who,
                      struct password_set *p, struct kp_error *err);

/* Sets a new password through a reset link and ends every session. */
int password_reset_confirm(struct app *app, struct db *db, const struct principal *who,
                           struct password_set *p, struct kp_error *err);

struct reset_request {
	const char *email;
	const char *address;    /* the client's address, for the rate limit */
};

/* Queues a reset mail when an active account has this address; succeeds the
   same way when none has, so the answer tells nothing. KP_LIMITED when the
   client address asked too often. */
int password_reset_request(struct app *app, struct db *db, const struct principal *who,
                           const struct reset_request *r, struct kp_error *err);

struct password_change {
	char *current;          /* plain text; wiped */
	char *next;             /* plain text; wiped */
	const char *session;    /* the caller's session token: the one session kept */
};

/* Changes the caller's own password after checking the current one
   (KP_INVALID "wrong_password" naming current; failures count towards the
   login rate limit of the account). */
int password_change(struct app *app, struct db *db, const struct principal *who,
                    struct password_change *c, struct kp_error *err);

#endif
