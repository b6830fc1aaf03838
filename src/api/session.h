/*
 * Sessions: login (POST /api/session), logout (DELETE), who am I (GET).
 * The session token travels in the HttpOnly, SameSite=Strict cookie
 * SESSION_COOKIE; the database keeps only its hash.
 */
#ifndef KP_API_SESSION_H
#define KP_API_SESSION_H

#include "api/api.h"

#define SESSION_COOKIE "kp_session"

/* Sets c->who from the session cookie (anonymous when there is none or it expired). */
int session_resolve(struct api_call *c);

int session_login(struct api_call *c);

/* The client's address (at most 64 characters): the peer's, or behind the
   trusted proxy the entry that proxy appended to X-Forwarded-For. For rate
   limits. */
void session_client_address(const struct api_call *c, char *out, size_t cap);

/* Opens a session for account a: sets the cookie and answers `status` with
   the caller document (role, ids, csrf_token). */
int session_start(struct api_call *c, const struct account *a, int status);
/* Answers `status` with the caller document of session o, setting its cookie. */
struct session_opened;
int session_reply_opened(struct api_call *c, const struct session_opened *o, int status);
int session_logout(struct api_call *c);
/* The caller document: account and volunteer ids, role, name, e-mail, csrf_token. */
json_t *session_caller_doc(const struct principal *who);
int session_show(struct api_call *c);

/* GET /api/sessions: the caller's live sessions (id, times, which is this one).
   DELETE /api/sessions: logs out every other session of the caller. */
int sessions_list(struct api_call *c);
int sessions_revoke_others(struct api_call *c);

#endif
