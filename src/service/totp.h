/*
 * Use cases of two-factor sign-in (TOTP) for administrators and
 * coordinators, and of the network's rule that they must use it.
 *
 * Turning it on: totp_begin stores a new pending secret for the caller's own
 * account and hands it out once (base32 and an otpauth:// URI); totp_confirm
 * with a current code turns it on. totp_disable with a current code turns it
 * off, unless the network requires it.
 *
 * Logging in (sessions.c): a correct password of an account with TOTP on
 * opens no session but a challenge: a one-time token (account_tokens,
 * purpose "totp", 5 minutes). When the network requires TOTP and an
 * administrator or coordinator has none, the challenge is one for
 * enrolment: totp_challenge_enrol hands out a pending secret for it. Either
 * way totp_challenge_complete with the challenge and a current code turns a
 * pending secret on and opens the session. No session exists before the
 * second step, so nothing needs restricting meanwhile.
 *
 * Codes: the current 30-second step and one either side; a code of a step
 * already used (or older) is refused. Wrong codes count in app->login_limit
 * per account and address like wrong passwords, and the account's count is
 * cleared only when the code was right.
 *
 * Ownership: the caller owns every buffer; secrets leave only through
 * struct totp_secret, which the caller wipes (sodium_memzero) after use.
 */
#ifndef KP_SERVICE_TOTP_H
#define KP_SERVICE_TOTP_H

#include <stdbool.h>

#include "auth/password.h"
#include "auth/totp.h"
#include "service/service.h"
#include "service/sessions.h"

#define TOTP_CHALLENGE_SECONDS 300
#define TOTP_URI_CAP 700

struct totp_status {
	bool enabled;       /* asked at every login */
	bool pending;       /* a secret was handed out and not yet confirmed */
	bool required;      /* the network requires it */
};

struct totp_secret {
	char base32[TOTP_BASE32_CAP];
	char uri[TOTP_URI_CAP];   /* otpauth://totp/Knooppunt:<email>?secret=…&issuer=Knooppunt */
};

int totp_status_get(struct app *app, struct db *db, const struct principal *who,
                    struct totp_status *out, struct kp_error *err);
/* KP_CONFLICT "totp_already_on" when it is on already. */
int totp_begin(struct app *app, struct db *db, const struct principal *who,
               struct totp_secret *out, struct kp_error *err);
/* KP_CONFLICT "totp_not_started" without a pending secret; KP_INVALID
   "totp_wrong" or "totp_used" (field code) for a wrong or used code. */
int totp_confirm(struct app *app, struct db *db, const struct principal *who,
                 const char *code, struct kp_error *err);
/* KP_CONFLICT "totp_not_on", or "totp_required" when the network requires it. */
int totp_disable(struct app *app, struct db *db, const struct principal *who,
                 const char *code, struct kp_error *err);

/* For sessions.c after a correct password: *step 0 when a session may open
   now; else 1 (a code is needed) or 2 (enrolment is needed) and challenge
   holds a new challenge token. */
int totp_login_step(struct app *app, struct db *db, const struct principal *who,
                    const struct account *a, int *step,
                    char challenge[TOKEN_TEXT_LEN + 1], struct kp_error *err);
/* A pending secret for the account of an enrolment challenge; KP_INVALID
   "invalid_challenge" (field challenge) when it is not live or not one. */
int totp_challenge_enrol(struct app *app, struct db *db, const struct principal *who,
                         const char *challenge, struct totp_secret *out,
                         struct kp_error *err);
/* Checks the code for the challenge and opens the session. */
int totp_challenge_complete(struct app *app, struct db *db, const struct principal *who,
                            const char *challenge, const char *code, const char *address,
                            struct session_opened *out, struct kp_error *err);

/* The network's rule (administrators only). */
int network_totp_get(struct app *app, struct db *db, const struct principal *who,
                     bool *required, struct kp_error *err);
int network_totp_set(struct app *app, struct db *db, const struct principal *who,
                     bool required, struct kp_error *err);

#endif
