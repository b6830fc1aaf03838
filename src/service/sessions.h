/*
 * Use cases of sessions: logging in, opening a session for an account that
 * just signed up, logging out, and a person's view of their own sessions.
 *
 * A session is a random token the client keeps (in a cookie) and whose hash
 * the database keeps, with a CSRF token and an expiry. Logging in checks
 * the password (argon2id, slow) outside any transaction and only then
 * opens the session in a small one of its own. Failed logins are counted
 * per account and per client address (app->login_limit); past the limit a
 * login fails with KP_LIMITED before the password is looked at, and an
 * unknown address costs as much time as a known one.
 *
 * Ownership: the caller owns every struct and buffer passed in; a password
 * is overwritten with zeros before the use case returns. The session handed
 * to a list callback lives only for that call.
 */
#ifndef KP_SERVICE_SESSIONS_H
#define KP_SERVICE_SESSIONS_H

#include "auth/password.h"
#include "service/service.h"

struct session_opened {
	char token[TOKEN_TEXT_LEN + 1];  /* the secret the client keeps */
	int64_t max_age;                 /* seconds the session lives */
	struct principal who;            /* whom it stands for, with its CSRF token */
};

struct session_login {
	const char *email;
	char *password;                  /* plain text; wiped */
	const char *address;             /* the client's address, for the failure count */
	struct session_opened *out;
	int second_step;                 /* set: 0 session opened; 1 a TOTP code needed,
	                                    2 TOTP enrolment needed (service/totp.h) */
	char challenge[TOKEN_TEXT_LEN + 1]; /* set with second_step: its challenge */
};

/* Logs in: checks e-mail and password as described above, then opens a
   session, or asks for a second step (l->second_step, service/totp.h).
   KP_UNAUTHENTICATED "login_failed" when they do not match. */
int session_create(struct app *app, struct db *db, const struct principal *who,
                   struct session_login *l, struct kp_error *err);

/* Opens a session for account a (whose credentials were just checked or
   created) and fills out. */
int session_open(struct app *app, struct db *db, const struct principal *who,
                 const struct account *a, struct session_opened *out, struct kp_error *err);

/* Inside a use case: opens a session for account a and fills out. */
int session_write(struct svc *s, const struct account *a, struct session_opened *out);

/* Per account and per address keys of app->login_limit. */
void session_limit_keys(const char *email, const char *address, char account_key[300],
                        char address_key[80]);

/* Resolves a session token (NULL or malformed: none) to its principal;
   anonymous when there is no live session. Fails only when the store does. */
int session_resolve_token(struct app *app, struct db *db, const char *token,
                          struct principal *who, struct kp_error *err);

/* Logs out the session of token (the caller's). */
int session_delete(struct app *app, struct db *db, const struct principal *who,
                   const char *token, struct kp_error *err);

/* The caller's live sessions; `current` marks the one of token. */
int session_list(struct app *app, struct db *db, const struct principal *who,
                 const char *token, session_fn each, void *ctx, struct kp_error *err);

/* Ends every session of the caller except the one of token; *revoked counts them. */
int session_delete_others(struct app *app, struct db *db, const struct principal *who,
                          const char *token, int64_t *revoked, struct kp_error *err);

#endif
