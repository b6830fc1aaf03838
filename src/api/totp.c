/* Two-factor sign-in routes (totp.h). */
#include "api/totp.h"

#include <sodium.h>
#include <stdio.h>

#include "api/json_in.h"
#include "api/session.h"
#include "service/totp.h"
#include "util/qr.h"

int me_totp_show(struct api_call *c)
{
	struct totp_status st;
	if (totp_status_get(c->app, c->db, &c->who, &st, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:b, s:b, s:b}", "enabled", st.enabled, "pending",
	                                   st.pending, "required", st.required));
}

/* The secret as text, as an otpauth:// address and as the QR code of that
   address (an SVG path the page draws), for an authenticator app. */
static int reply_secret(struct api_call *c, struct totp_secret *sec, int status)
{
	struct buf path;
	int size = 0;
	buf_init(&path, 64 * 1024);
	if (qr_path(sec->uri, &path, &size)) {
		buf_free(&path);
		sodium_memzero(sec, sizeof *sec);
		return kp_internal(&c->err);
	}
	int rc = api_reply(c, status, json_pack("{s:s, s:s, s:{s:i, s:i, s:s}}", "secret",
	                                        sec->base32, "uri", sec->uri, "qr", "size",
	                                        size + 2 * QR_QUIET, "quiet", QR_QUIET, "path",
	                                        path.data ? path.data : ""));
	sodium_memzero(path.data, path.len);
	buf_free(&path);
	sodium_memzero(sec, sizeof *sec);
	return rc;
}

int me_totp_create(struct api_call *c)
{
	struct totp_secret sec;
	if (jin_only(c->body, (const char *const[]){ NULL }, &c->err) ||
	    totp_begin(c->app, c->db, &c->who, &sec, &c->err))
		return KP_ERR;
	return reply_secret(c, &sec, 201);
}

/* The "code" of the body, six digits or not (a wrong code is refused later). */
static int read_code(struct api_call *c, const char *const *fields, char code[16])
{
	return jin_only(c->body, fields, &c->err) ||
	       jin_text(c->body, "code", 12, true, code, 16, &c->err);
}

static void limited(struct api_call *c)
{
	if (c->err.kind == KP_LIMITED)
		http_response_header(c->res, "Retry-After", "900");
}

int me_totp_confirm(struct api_call *c)
{
	static const char *const fields[] = { "code", NULL };
	char code[16] = "";
	if (read_code(c, fields, code))
		return KP_ERR;
	if (totp_confirm(c->app, c->db, &c->who, code, &c->err)) {
		limited(c);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:b}", "enabled", 1));
}

int me_totp_delete(struct api_call *c)
{
	static const char *const fields[] = { "code", NULL };
	char code[16] = "";
	if (read_code(c, fields, code))
		return KP_ERR;
	if (totp_disable(c->app, c->db, &c->who, code, &c->err)) {
		limited(c);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:b}", "enabled", 0));
}

int session_totp_complete(struct api_call *c)
{
	static const char *const fields[] = { "challenge", "code", NULL };
	char challenge[TOKEN_TEXT_LEN + 8] = "", code[16] = "", address[72];
	struct session_opened o;
	if (read_code(c, fields, code) ||
	    jin_text(c->body, "challenge", TOKEN_TEXT_LEN + 4, true, challenge, sizeof challenge,
	             &c->err))
		return KP_ERR;
	session_client_address(c, address, sizeof address);
	if (totp_challenge_complete(c->app, c->db, &c->who, challenge, code, address, &o,
	                            &c->err)) {
		limited(c);
		return KP_ERR;
	}
	return session_reply_opened(c, &o, 201);
}

int session_totp_enrol(struct api_call *c)
{
	static const char *const fields[] = { "challenge", NULL };
	char challenge[TOKEN_TEXT_LEN + 8] = "";
	struct totp_secret sec;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "challenge", TOKEN_TEXT_LEN + 4, true, challenge, sizeof challenge,
	             &c->err) ||
	    totp_challenge_enrol(c->app, c->db, &c->who, challenge, &sec, &c->err))
		return KP_ERR;
	return reply_secret(c, &sec, 201);
}

int network_show(struct api_call *c)
{
	bool required = false;
	if (network_totp_get(c->app, c->db, &c->who, &required, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:b}", "totp_required", required));
}

int network_update(struct api_call *c)
{
	static const char *const fields[] = { "totp_required", NULL };
	int required = -1;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_bool(c->body, "totp_required", &required, &c->err))
		return KP_ERR;
	if (required < 0)
		return kp_invalid(&c->err, "totp_required", "required");
	if (network_totp_set(c->app, c->db, &c->who, required == 1, &c->err))
		return KP_ERR;
	return network_show(c);
}
