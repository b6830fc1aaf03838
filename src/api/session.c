/* /api/session and /api/sessions: logging in and out, and one's own sessions. */
#include "api/session.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "api/json_in.h"
#include "service/sessions.h"

int session_resolve(struct api_call *c)
{
	const char *token = http_cookie(c->req, SESSION_COOKIE);
	return session_resolve_token(c->app, c->db, token, &c->who, &c->err);
}

json_t *session_caller_doc(const struct principal *who)
{
	json_t *doc = json_pack("{s:I, s:s, s:s, s:s, s:s}", "account_id",
	                        (json_int_t)who->account_id, "role", role_name(who->role),
	                        "display_name", who->display_name, "email", who->email,
	                        "csrf_token", who->csrf_token);
	json_object_set_new(doc, "organisation_id", who->organisation_id
	                                                ? json_integer(who->organisation_id)
	                                                : json_null());
	json_object_set_new(doc, "volunteer_id",
	                    who->volunteer_id ? json_integer(who->volunteer_id) : json_null());
	return doc;
}

int session_show(struct api_call *c)
{
	if (c->who.role == ROLE_ANONYMOUS)
		return kp_fail(&c->err, KP_UNAUTHENTICATED, "not_logged_in", "");
	return api_reply(c, 200, session_caller_doc(&c->who));
}

/* Behind TLS the browser must never send the cookie over plain HTTP. */
static const char *secure_flag(const struct api_call *c)
{
	return c->app->cfg.behind_tls ? "; Secure" : "";
}

/* Answers `status` with the caller document of a session just opened, and its cookie. */
int session_reply_opened(struct api_call *c, const struct session_opened *o, int status)
{
	snprintf(c->res->set_cookie, sizeof c->res->set_cookie,
	         SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%lld%s", o->token,
	         (long long)o->max_age, secure_flag(c));
	return api_reply(c, status, session_caller_doc(&o->who));
}

int session_start(struct api_call *c, const struct account *a, int status)
{
	struct session_opened o;
	if (session_open(c->app, c->db, &c->who, a, &o, &c->err))
		return KP_ERR;
	return session_reply_opened(c, &o, status);
}

/* The client's address: the peer's, or behind the trusted proxy the last
   X-Forwarded-For entry, which that proxy appended itself. */
void session_client_address(const struct api_call *c, char *out, size_t cap)
{
	const char *peer = c->req->remote_addr ? c->req->remote_addr : "";
	const char *xff = http_header(c->req, "X-Forwarded-For");
	const char *proxy = c->app->cfg.trusted_proxy;
	if (proxy[0] == '\0' || strcmp(peer, proxy) != 0 || xff == NULL) {
		snprintf(out, cap, "%s", peer);
		return;
	}
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ')
		last++;
	size_t n = strcspn(last, " ");
	snprintf(out, cap, "%.*s", (int)(n < 64 ? n : 64), last);
}

int session_login(struct api_call *c)
{
	static const char *const fields[] = { "email", "password", NULL };
	char email[255] = "", password[PASSWORD_MAX * 4 + 1] = "", address[72];
	struct session_opened o;
	struct session_login l = { email, password, address, &o, 0, "" };
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "email", 254, true, email, sizeof email, &c->err) ||
	    jin_text(c->body, "password", PASSWORD_MAX, true, password, sizeof password, &c->err)) {
		sodium_memzero(password, sizeof password);
		return KP_ERR;
	}
	session_client_address(c, address, sizeof address);
	if (session_create(c->app, c->db, &c->who, &l, &c->err)) {
		if (c->err.kind == KP_LIMITED)
			http_response_header(c->res, "Retry-After", "900");
		return KP_ERR;
	}
	if (l.second_step != 0) {
		json_t *doc = json_pack("{s:b, s:s}", l.second_step == 1 ? "totp_required"
		                                                        : "totp_enrolment_required",
		                        1, "challenge", l.challenge);
		sodium_memzero(l.challenge, sizeof l.challenge);
		return api_reply(c, 200, doc);
	}
	return session_reply_opened(c, &o, 201);
}

int session_logout(struct api_call *c)
{
	const char *token = http_cookie(c->req, SESSION_COOKIE);
	if (session_delete(c->app, c->db, &c->who, token, &c->err))
		return KP_ERR;
	snprintf(c->res->set_cookie, sizeof c->res->set_cookie,
	         SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
	         secure_flag(c));
	return api_reply(c, 200, json_pack("{s:b}", "logged_out", 1));
}

static int add_session(void *ctx, const struct session_info *s)
{
	return json_array_append_new(ctx, json_pack("{s:s, s:I, s:I, s:b}", "id", s->id,
	                                            "created_at", (json_int_t)s->created_at,
	                                            "expires_at", (json_int_t)s->expires_at,
	                                            "current", s->current));
}

int sessions_list(struct api_call *c)
{
	const char *token = http_cookie(c->req, SESSION_COOKIE);
	json_t *items = json_array();
	if (session_list(c->app, c->db, &c->who, token, add_session, items, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:o}", "items", items));
}

int sessions_revoke_others(struct api_call *c)
{
	const char *token = http_cookie(c->req, SESSION_COOKIE);
	int64_t revoked = 0;
	if (session_delete_others(c->app, c->db, &c->who, token, &revoked, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:I}", "revoked", (json_int_t)revoked));
}
