/* The one-time links of accounts and one's own password (passwords.h). */
#include "api/passwords.h"

#include <sodium.h>

#include "api/json_in.h"
#include "api/session.h"
#include "auth/password.h"
#include "service/passwords.h"

#define PASSWORD_CAP (PASSWORD_MAX * 4 + 1)

/* {"token","password"}: the link's token and the new password. */
static int read_token_password(struct api_call *c, char *token, size_t token_cap,
                               char *password)
{
	static const char *const fields[] = { "token", "password", NULL };
	return jin_only(c->body, fields, &c->err) ||
	               jin_text(c->body, "token", 64, true, token, token_cap, &c->err) ||
	               jin_text(c->body, "password", PASSWORD_MAX, true, password, PASSWORD_CAP,
	                        &c->err)
	           ? KP_ERR
	           : KP_OK;
}

int invitations_accept(struct api_call *c)
{
	char token[65] = "", password[PASSWORD_CAP] = "";
	struct password_set p = { .token = token, .password = password };
	int rc = KP_ERR;
	if (read_token_password(c, token, sizeof token, password) == KP_OK &&
	    invitation_accept(c->app, c->db, &c->who, &p, &c->err) == KP_OK)
		rc = session_start(c, &p.account, 200);
	sodium_memzero(password, sizeof password);
	sodium_memzero(token, sizeof token);
	return rc;
}

int password_reset_confirm_route(struct api_call *c)
{
	char token[65] = "", password[PASSWORD_CAP] = "";
	struct password_set p = { .token = token, .password = password };
	int rc = KP_ERR;
	if (read_token_password(c, token, sizeof token, password) == KP_OK &&
	    password_reset_confirm(c->app, c->db, &c->who, &p, &c->err) == KP_OK)
		rc = api_reply(c, 200, json_pack("{s:b}", "password_set", 1));
	sodium_memzero(password, sizeof password);
	sodium_memzero(token, sizeof token);
	return rc;
}

/* Answers 202 whether or not the address has an account. */
int password_reset_create(struct api_call *c)
{
	static const char *const fields[] = { "email", NULL };
	char email[255] = "", address[72];
	struct reset_request r = { email, address };
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "email", 254, true, email, sizeof email, &c->err))
		return KP_ERR;
	session_client_address(c, address, sizeof address);
	if (password_reset_request(c->app, c->db, &c->who, &r, &c->err)) {
		if (c->err.kind == KP_LIMITED)
			http_response_header(c->res, "Retry-After", "3600");
		return KP_ERR;
	}
	return api_reply(c, 202, json_pack("{s:b}", "queued", 1));
}

int me_password_update(struct api_call *c)
{
	static const char *const fields[] = { "current", "new", NULL };
	char current[PASSWORD_CAP] = "", next[PASSWORD_CAP] = "";
	struct password_change p = { current, next, http_cookie(c->req, SESSION_COOKIE) };
	int rc = KP_ERR;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "current", PASSWORD_MAX, true, current, sizeof current, &c->err) ||
	    jin_text(c->body, "new", PASSWORD_MAX, true, next, sizeof next, &c->err))
		goto end;
	if (password_change(c->app, c->db, &c->who, &p, &c->err) == KP_OK)
		rc = api_reply(c, 200, json_pack("{s:b}", "password_set", 1));
	else if (c->err.kind == KP_LIMITED)
		http_response_header(c->res, "Retry-After", "900");
end:
	sodium_memzero(current, sizeof current);
	sodium_memzero(next, sizeof next);
	return rc;
}
