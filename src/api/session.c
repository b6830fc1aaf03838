#include "api/session.h"

#include <stdio.h>
#include <string.h>

#include "api/json_in.h"
#include "auth/password.h"
#include "auth/ratelimit.h"

int session_resolve(struct api_call *c)
{
	memset(&c->who, 0, sizeof c->who);
	c->who.role = ROLE_ANONYMOUS;
	const char *token = http_cookie(c->req, SESSION_COOKIE);
	if (token == NULL || strlen(token) != TOKEN_TEXT_LEN)
		return KP_OK;
	char hash[65];
	token_hash(token, hash);
	struct kp_error err = { 0 };
	if (store_session_principal(c->db, hash, c->app->now(), &c->who, &err)) {
		memset(&c->who, 0, sizeof c->who);
		c->who.role = ROLE_ANONYMOUS;
		if (err.kind != KP_UNAUTHENTICATED) { /* a database failure is not "logged out" */
			c->err = err;
			return KP_ERR;
		}
	}
	return KP_OK;
}

static json_t *principal_doc(const struct principal *who)
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
	return api_reply(c, 200, principal_doc(&c->who));
}

/* Behind TLS the browser must never send the cookie over plain HTTP. */
static const char *secure_flag(const struct api_call *c)
{
	return c->app->cfg.behind_tls ? "; Secure" : "";
}

int session_start(struct api_call *c, const struct account *a, int status)
{
	char token[TOKEN_TEXT_LEN + 1], token_h[65], csrf[TOKEN_TEXT_LEN + 1];
	token_generate(token);
	token_generate(csrf);
	token_hash(token, token_h);
	int64_t now = c->app->now();
	int64_t expires = now + (int64_t)c->app->cfg.session_hours * 3600;
	if (store_session_insert(c->db, token_h, a->id, csrf, now, expires, &c->err))
		return KP_ERR;
	snprintf(c->res->set_cookie, sizeof c->res->set_cookie,
	         SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", token,
	         c->app->cfg.session_hours * 3600, secure_flag(c));
	struct principal who = {
		.account_id = a->id,
		.role = a->role,
		.organisation_id = a->organisation_id,
		.volunteer_id = a->volunteer_id,
	};
	snprintf(who.display_name, sizeof who.display_name, "%s", a->display_name);
	snprintf(who.email, sizeof who.email, "%s", a->email);
	snprintf(who.csrf_token, sizeof who.csrf_token, "%s", csrf);
	return api_reply(c, status, principal_doc(&who));
}

/* "address:" and the client's address: the peer's, or behind the trusted
   proxy the last X-Forwarded-For entry, which that proxy appended itself. */
static void client_address(const struct api_call *c, char *out, size_t cap)
{
	const char *peer = c->req->remote_addr ? c->req->remote_addr : "";
	const char *xff = http_header(c->req, "X-Forwarded-For");
	const char *proxy = c->app->cfg.trusted_proxy;
	if (proxy[0] == '\0' || strcmp(peer, proxy) != 0 || xff == NULL) {
		snprintf(out, cap, "address:%s", peer);
		return;
	}
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ')
		last++;
	size_t n = strcspn(last, " ");
	snprintf(out, cap, "address:%.*s", (int)(n < 64 ? n : 64), last);
}

int session_login(struct api_call *c)
{
	static const char *const fields[] = { "email", "password", NULL };
	char email[255] = "", password[PASSWORD_MAX * 4 + 1] = "";
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "email", 254, true, email, sizeof email, &c->err) ||
	    jin_text(c->body, "password", PASSWORD_MAX, true, password, sizeof password, &c->err))
		return KP_ERR;

	/* Per account and per address, so that neither one address trying many
	   accounts nor many addresses trying one account get far. */
	char key_account[300], key_address[80];
	snprintf(key_account, sizeof key_account, "account:%s", email);
	for (char *p = key_account; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	client_address(c, key_address, sizeof key_address);
	struct ratelimit *rl = c->app->login_limit;
	int64_t now = c->app->now();
	if (rl != NULL &&
	    (!ratelimit_allowed(rl, key_account, now) || !ratelimit_allowed(rl, key_address, now))) {
		memset(password, 0, sizeof password);
		http_response_header(c->res, "Retry-After", "900");
		return kp_fail(&c->err, KP_LIMITED, "too_many_attempts", "email");
	}

	struct account a;
	char hash[128] = "";
	struct kp_error lookup = { 0 };
	int found = store_account_by_email(c->db, email, &a, hash, &lookup) == KP_OK;
	if (!found && lookup.kind != KP_NOT_FOUND) {
		c->err = lookup;
		return KP_ERR;
	}
	/* Verify even for an unknown address, so timing does not tell which exist. */
	bool ok = password_verify(password, found ? hash : c->app->dummy_hash);
	memset(password, 0, sizeof password);
	if (!found || !ok) {
		if (rl != NULL) {
			ratelimit_fail(rl, key_account, now);
			ratelimit_fail(rl, key_address, now);
		}
		return kp_fail(&c->err, KP_UNAUTHENTICATED, "login_failed", "email");
	}
	if (rl != NULL)
		ratelimit_clear(rl, key_account);

	return session_start(c, &a, 201);
}

int session_logout(struct api_call *c)
{
	const char *token = http_cookie(c->req, SESSION_COOKIE);
	if (c->who.role == ROLE_ANONYMOUS || token == NULL)
		return kp_fail(&c->err, KP_UNAUTHENTICATED, "not_logged_in", "");
	char hash[65];
	token_hash(token, hash);
	if (store_session_delete(c->db, hash, &c->err))
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

/* The hash of this request's session token, "" when there is none. */
static void current_hash(struct api_call *c, char hash[65])
{
	const char *token = http_cookie(c->req, SESSION_COOKIE);
	hash[0] = '\0';
	if (token != NULL && strlen(token) == TOKEN_TEXT_LEN)
		token_hash(token, hash);
}

int sessions_list(struct api_call *c)
{
	if (api_authorise(c, RES_SESSION, ACT_LIST, NULL))
		return KP_ERR;
	char hash[65];
	current_hash(c, hash);
	json_t *items = json_array();
	if (store_session_list(c->db, c->who.account_id, hash, c->app->now(), add_session, items,
	                       &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:o}", "items", items));
}

static int revoke(struct api_call *c, void *arg)
{
	char hash[65];
	current_hash(c, hash);
	return store_session_revoke(c->db, c->who.account_id, hash, arg, &c->err);
}

int sessions_revoke_others(struct api_call *c)
{
	int64_t revoked = 0;
	if (api_authorise(c, RES_SESSION, ACT_DELETE, NULL) ||
	    api_in_transaction(c, revoke, &revoked))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:I}", "revoked", (json_int_t)revoked));
}
