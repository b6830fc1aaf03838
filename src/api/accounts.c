/*
 * /api/accounts: the network administrator creates accounts for every role;
 * a coordinator for their own organisation's coordinators, professionals and
 * volunteers. /api/signup: a volunteer signs up without an account yet.
 */
#include "api/accounts.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "api/session.h"
#include "model/place.h"
#include "service/accounts.h"

static json_t *to_json(const struct account *a)
{
	json_t *doc = json_pack("{s:I, s:s, s:s, s:s, s:b, s:b}", "id", (json_int_t)a->id, "email",
	                        a->email, "display_name", a->display_name, "role",
	                        role_name(a->role), "active", a->active, "invited", a->invited);
	json_object_set_new(doc, "organisation_id", jout_opt_id(a->organisation_id));
	json_object_set_new(doc, "volunteer_id", jout_opt_id(a->volunteer_id));
	return doc;
}

static int add_row(void *ctx, const struct account *a)
{
	return json_array_append_new(ctx, to_json(a));
}

int accounts_list(struct api_call *c)
{
	struct account_query q = { .each = add_row };
	if (api_page(c, &q.page))
		return KP_ERR;
	q.ctx = json_array();
	if (account_list(c->app, c->db, &c->who, &q, &c->err)) {
		json_decref(q.ctx);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(q.ctx, q.total, q.page));
}

/* Reads e-mail and password; the use case checks and hashes them. */
static int read_credentials(struct api_call *c, struct account *a, char *password, size_t cap)
{
	return jin_text(c->body, "email", 254, true, a->email, sizeof a->email, &c->err) ||
	               jin_text(c->body, "password", PASSWORD_MAX, true, password, cap, &c->err)
	           ? KP_ERR
	           : KP_OK;
}

/* A volunteer's account is an invitation to the address on their record:
   e-mail and password may be left out (a password is refused). */
int accounts_create(struct api_call *c)
{
	static const char *const fields[] = { "email", "password", "display_name", "role",
	                                      "organisation_id", "volunteer_id", NULL };
	char password[PASSWORD_MAX * 4 + 1] = "";
	struct account_new n = { .password = password };
	struct account *a = &n.account;
	int rc = KP_ERR;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "display_name", 100, true, a->display_name, sizeof a->display_name,
	             &c->err) ||
	    jin_enum(c->body, "role", role_parse, true, &a->role, &c->err) ||
	    jin_id(c->body, "organisation_id", false, &a->organisation_id, &c->err) ||
	    jin_id(c->body, "volunteer_id", false, &a->volunteer_id, &c->err) ||
	    jin_text(c->body, "email", 254, false, a->email, sizeof a->email, &c->err) ||
	    jin_text(c->body, "password", PASSWORD_MAX, false, password, sizeof password, &c->err))
		goto end;
	if (account_create(c->app, c->db, &c->who, &n, &c->err) == KP_OK)
		rc = api_reply(c, 201, to_json(a));
end:
	sodium_memzero(password, sizeof password);
	return rc;
}

/* PATCH /api/accounts/{id} {"active": false|true}: deactivate or reactivate. */
int accounts_update(struct api_call *c)
{
	static const char *const fields[] = { "active", NULL };
	struct account a;
	int active = -1;
	if (jin_only(c->body, fields, &c->err) || jin_bool(c->body, "active", &active, &c->err))
		return KP_ERR;
	if (active < 0)
		return kp_invalid(&c->err, "active", "required");
	if (account_set_active(c->app, c->db, &c->who, c->id, active != 0, &a, &c->err))
		return KP_ERR;
	return api_reply(c, 200, to_json(&a));
}

static int read_signup(struct api_call *c, struct account_signup *s)
{
	static const char *const fields[] = { "email", "password", "first_name", "last_name",
	                                      "place", "organisation_id", "phone", NULL };
	struct volunteer *v = s->volunteer;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "first_name", VOLUNTEER_NAME_MAX, true, v->first_name,
	             sizeof v->first_name, &c->err) ||
	    jin_text(c->body, "last_name", VOLUNTEER_NAME_MAX, true, v->last_name,
	             sizeof v->last_name, &c->err) ||
	    jin_text(c->body, "phone", VOLUNTEER_PHONE_MAX, false, v->phone, sizeof v->phone,
	             &c->err) ||
	    jin_text(c->body, "place", 100, true, v->place, sizeof v->place, &c->err) ||
	    jin_id(c->body, "organisation_id", true, &v->organisation_id, &c->err) ||
	    read_credentials(c, &s->account, s->password, PASSWORD_MAX * 4 + 1))
		return KP_ERR;
	return place_resolve(v->place, sizeof v->place, &v->lat, &v->lon, "place", &c->err);
}

int accounts_signup(struct api_call *c)
{
	char password[PASSWORD_MAX * 4 + 1] = "";
	struct account_signup s = { .volunteer = malloc(sizeof *s.volunteer), .password = password };
	if (s.volunteer == NULL)
		return kp_internal(&c->err);
	volunteer_init(s.volunteer);
	int rc = KP_ERR;
	char address[72];
	session_client_address(c, address, sizeof address);
	s.address = address;
	if (read_signup(c, &s) == KP_OK &&
	    account_signup(c->app, c->db, &c->who, &s, &c->err) == KP_OK)
		rc = session_start(c, &s.account, 201);
	else if (c->err.kind == KP_LIMITED)
		http_response_header(c->res, "Retry-After", "3600");
	sodium_memzero(password, sizeof password);
	free(s.volunteer);
	return rc;
}
