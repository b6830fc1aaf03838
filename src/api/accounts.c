/*
 * /api/accounts: the network administrator creates accounts for every role;
 * a coordinator for their own organisation's coordinators, professionals and
 * volunteers. /api/signup: a volunteer signs up without an account yet.
 */
#include "api/accounts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "api/session.h"
#include "auth/password.h"
#include "model/place.h"
#include "util/parse.h"

static json_t *to_json(const struct account *a)
{
	json_t *doc = json_pack("{s:I, s:s, s:s, s:s, s:b}", "id", (json_int_t)a->id, "email",
	                        a->email, "display_name", a->display_name, "role",
	                        role_name(a->role), "active", a->active);
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
	struct authz_scope scope = authz_list_scope(&c->who, RES_ACCOUNT);
	if (scope.none)
		return api_authorise(c, RES_ACCOUNT, ACT_LIST, NULL);
	struct list_filter f;
	struct page pg;
	list_filter_init(&f);
	if (api_page(c, &pg))
		return KP_ERR;
	f.organisation_id = scope.organisation_id;
	json_t *items = json_array();
	int64_t total = 0;
	if (store_account_list(c->db, &f, pg, add_row, items, &total, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(items, total, pg));
}

static bool plausible_email(const char *s)
{
	const char *at = strchr(s, '@');
	return at != NULL && at != s && strchr(at + 1, '.') != NULL && strchr(s, ' ') == NULL;
}

/* Reads e-mail and password, checks them, and hashes the password into hash. */
static int read_credentials(struct api_call *c, struct account *a, char hash[PASSWORD_HASH_MAX])
{
	char password[PASSWORD_MAX * 4 + 1] = "";
	if (jin_text(c->body, "email", 254, true, a->email, sizeof a->email, &c->err) ||
	    jin_text(c->body, "password", PASSWORD_MAX, true, password, sizeof password, &c->err))
		return KP_ERR;
	if (!plausible_email(a->email))
		return kp_invalid(&c->err, "email", "invalid_email");
	int rc = KP_OK;
	if (parse_utf8_length(password) < PASSWORD_MIN)
		rc = kp_fail_limit(&c->err, KP_INVALID, "too_short", "password", PASSWORD_MIN);
	else if (password_hash(password, hash) != 0)
		rc = kp_internal(&c->err);
	memset(password, 0, sizeof password);
	return rc;
}

static int insert_account(struct api_call *c, void *arg)
{
	void **args = arg;
	return store_account_insert(c->db, args[0], args[1], c->app->now(), &c->err);
}

int accounts_create(struct api_call *c)
{
	static const char *const fields[] = { "email", "password", "display_name", "role",
	                                      "organisation_id", "volunteer_id", NULL };
	struct account a = { .active = 1 };
	char hash[PASSWORD_HASH_MAX];
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "display_name", 100, true, a.display_name, sizeof a.display_name,
	             &c->err) ||
	    jin_enum(c->body, "role", role_parse, true, &a.role, &c->err) ||
	    jin_id(c->body, "organisation_id", false, &a.organisation_id, &c->err) ||
	    jin_id(c->body, "volunteer_id", false, &a.volunteer_id, &c->err))
		return KP_ERR;
	bool needs_org = a.role == ROLE_COORDINATOR || a.role == ROLE_PROFESSIONAL;
	if (needs_org && a.organisation_id == 0)
		return kp_invalid(&c->err, "organisation_id", "required");
	if (a.role == ROLE_VOLUNTEER) {
		struct volunteer *v = malloc(sizeof *v);
		if (v == NULL)
			return kp_internal(&c->err);
		int rc = a.volunteer_id ? store_volunteer_get(c->db, a.volunteer_id, false, v, &c->err)
		                        : kp_invalid(&c->err, "volunteer_id", "required");
		a.organisation_id = rc == KP_OK ? v->organisation_id : 0;
		free(v);
		if (rc) {
			if (c->err.kind == KP_NOT_FOUND)
				kp_invalid(&c->err, "volunteer_id", "unknown_reference");
			return KP_ERR;
		}
	}
	/* A coordinator hands out accounts within their own organisation only. */
	struct authz_target t = { .organisation_id = a.organisation_id };
	if (api_authorise(c, RES_ACCOUNT, ACT_CREATE, &t) ||
	    (c->who.role != ROLE_ADMIN && (a.role == ROLE_ADMIN || a.role == ROLE_REFERRER)))
		return c->err.kind ? KP_ERR : kp_fail(&c->err, KP_FORBIDDEN, "forbidden", "role");
	if (read_credentials(c, &a, hash))
		return KP_ERR;
	void *args[] = { &a, hash };
	if (api_in_transaction(c, insert_account, args))
		return KP_ERR;
	return api_reply(c, 201, to_json(&a));
}

struct signup {
	struct volunteer v;
	struct account a;
	char hash[PASSWORD_HASH_MAX];
};

static int insert_signup(struct api_call *c, void *arg)
{
	struct signup *s = arg;
	struct organisation *o = malloc(sizeof *o);
	if (o == NULL)
		return kp_internal(&c->err);
	int rc = store_organisation_get(c->db, s->v.organisation_id, o, &c->err);
	free(o);
	if (rc) {
		if (c->err.kind == KP_NOT_FOUND)
			kp_invalid(&c->err, "organisation_id", "unknown_reference");
		return KP_ERR;
	}
	if (store_volunteer_insert(c->db, &s->v, false, &c->err))
		return KP_ERR;
	s->a.volunteer_id = s->v.id;
	return store_account_insert(c->db, &s->a, s->hash, c->app->now(), &c->err);
}

int accounts_signup(struct api_call *c)
{
	static const char *const fields[] = { "email", "password", "first_name", "last_name",
	                                      "place", "organisation_id", "phone", NULL };
	struct signup *s = calloc(1, sizeof *s);
	if (s == NULL)
		return kp_internal(&c->err);
	int rc = KP_ERR;
	struct volunteer *v = &s->v;
	volunteer_init(v);
	int64_t now = c->app->now();
	parse_format_date(now, v->started_on);
	v->created_at = v->updated_at = now;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "first_name", VOLUNTEER_NAME_MAX, true, v->first_name,
	             sizeof v->first_name, &c->err) ||
	    jin_text(c->body, "last_name", VOLUNTEER_NAME_MAX, true, v->last_name,
	             sizeof v->last_name, &c->err) ||
	    jin_text(c->body, "phone", VOLUNTEER_PHONE_MAX, false, v->phone, sizeof v->phone,
	             &c->err) ||
	    jin_text(c->body, "place", 100, true, v->place, sizeof v->place, &c->err) ||
	    jin_id(c->body, "organisation_id", true, &v->organisation_id, &c->err) ||
	    read_credentials(c, &s->a, s->hash))
		goto end;
	const struct place *p = place_lookup(v->place, "place", &c->err);
	if (p == NULL)
		goto end;
	snprintf(v->place, sizeof v->place, "%s", p->name);
	v->lat = p->lat;
	v->lon = p->lon;
	snprintf(v->email, sizeof v->email, "%s", s->a.email);
	if (volunteer_validate(v, &c->err))
		goto end;
	s->a.role = ROLE_VOLUNTEER;
	s->a.active = 1;
	s->a.organisation_id = v->organisation_id;
	snprintf(s->a.display_name, sizeof s->a.display_name, "%.120s %.120s", v->first_name,
	         v->last_name);
	if (api_in_transaction(c, insert_signup, s))
		goto end;
	rc = session_start(c, &s->a, 201);
end:
	free(s);
	return rc;
}
