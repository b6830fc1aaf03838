/* /api/volunteers/{id}/consent: reading, recording and withdrawing a consent. */
#include "api/consents.h"

#include <string.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "service/consents.h"

json_t *consent_to_json(const struct consent *k)
{
	json_t *orgs = json_array();
	for (int i = 0; i < k->n_organisations; i++)
		json_array_append_new(orgs, json_integer(k->organisations[i]));
	json_t *doc = json_pack("{s:I, s:s, s:o, s:b, s:s}", "volunteer_id",
	                        (json_int_t)k->volunteer_id, "profile_scope",
	                        consent_scope_name(k->scope), "organisations", orgs,
	                        "lived_experience", k->experience, "current_text_version",
	                        CONSENT_TEXT_CURRENT);
	json_object_set_new(doc, "text_version", jout_opt_text(k->text_version));
	json_object_set_new(doc, "given_at", k->given_at ? json_integer(k->given_at) : json_null());
	return doc;
}

int consents_show(struct api_call *c)
{
	struct consent k;
	if (consent_show(c->app, c->db, &c->who, c->id, &k, &c->err))
		return KP_ERR;
	return api_reply(c, 200, consent_to_json(&k));
}

static int read_organisations(struct api_call *c, struct consent *k)
{
	json_t *arr = json_object_get(c->body, "organisations");
	if (arr == NULL || json_is_null(arr))
		return KP_OK;
	if (!json_is_array(arr))
		return kp_invalid(&c->err, "organisations", "wrong_type");
	if (json_array_size(arr) > CONSENT_ORGS_MAX)
		return kp_fail_limit(&c->err, KP_INVALID, "too_many", "organisations", CONSENT_ORGS_MAX);
	size_t i;
	json_t *el;
	json_array_foreach(arr, i, el) {
		if (!json_is_integer(el) || json_integer_value(el) <= 0)
			return kp_invalid(&c->err, "organisations", "invalid_id");
		k->organisations[k->n_organisations++] = json_integer_value(el);
	}
	return KP_OK;
}

int consents_update(struct api_call *c)
{
	static const char *const fields[] = { "profile_scope", "organisations", "lived_experience",
	                                      "text_version", NULL };
	struct consent next;
	consent_init(&next, c->id);
	int experience = 0;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "profile_scope", consent_scope_parse, true, &next.scope, &c->err) ||
	    read_organisations(c, &next) ||
	    jin_text(c->body, "text_version", CONSENT_VERSION_MAX, true, next.text_version,
	             sizeof next.text_version, &c->err))
		return KP_ERR;
	if (json_object_get(c->body, "lived_experience") == NULL)
		return kp_invalid(&c->err, "lived_experience", "required");
	if (jin_bool(c->body, "lived_experience", &experience, &c->err))
		return KP_ERR;
	next.experience = experience != 0;
	if (consent_update(c->app, c->db, &c->who, &next, &c->err))
		return KP_ERR;
	return api_reply(c, 200, consent_to_json(&next));
}

int consents_withdraw(struct api_call *c)
{
	struct consent next;
	if (consent_withdraw(c->app, c->db, &c->who, c->id, &next, &c->err))
		return KP_ERR;
	return api_reply(c, 200, consent_to_json(&next));
}
