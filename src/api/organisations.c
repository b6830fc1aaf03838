/* /api/organisations: the organisations of the network. */
#include "api/organisations.h"

#include <stdio.h>
#include <stdlib.h>

#include "api/json_in.h"
#include "model/organisation.h"
#include "service/organisations.h"

static const char *const fields[] = {
	"name", "kind", "municipality", "employees", "vog_max_age_months", "email", "phone",
	"website", "description", "active", NULL,
};

static int from_json(struct api_call *c, json_t *in, struct organisation *o, bool creating)
{
	struct kp_error *e = &c->err;
	return jin_only(in, fields, e) ||
	       jin_text(in, "name", ORGANISATION_NAME_MAX, creating, o->name, sizeof o->name, e) ||
	       jin_enum(in, "kind", organisation_kind_parse, creating, &o->kind, e) ||
	       jin_text(in, "municipality", 100, creating, o->municipality,
	                sizeof o->municipality, e) ||
	       jin_int(in, "employees", 0, ORGANISATION_MAX_EMPLOYEES, false, &o->employees, e) ||
	       jin_int(in, "vog_max_age_months", 1, 120, false, &o->vog_max_age_months, e) ||
	       jin_text(in, "email", 254, false, o->email, sizeof o->email, e) ||
	       jin_text(in, "phone", 32, false, o->phone, sizeof o->phone, e) ||
	       jin_text(in, "website", 255, false, o->website, sizeof o->website, e) ||
	       jin_text(in, "description", ORGANISATION_TEXT_MAX, false, o->description,
	                sizeof o->description, e) ||
	       jin_bool(in, "active", &o->active, e)
	               ? KP_ERR
	               : KP_OK;
}

static json_t *to_json(const struct organisation *o)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:i, s:i, s:s, s:s, s:s, s:s, s:b, s:I, s:I}", "id",
	                 (json_int_t)o->id, "name", o->name, "kind", organisation_kind_name(o->kind),
	                 "municipality", o->municipality, "employees", o->employees,
	                 "vog_max_age_months", o->vog_max_age_months, "email", o->email, "phone",
	                 o->phone, "website", o->website, "description", o->description, "active",
	                 o->active, "created_at", (json_int_t)o->created_at, "updated_at",
	                 (json_int_t)o->updated_at);
}

static int add_row(void *ctx, const struct organisation *o)
{
	return json_array_append_new(ctx, to_json(o));
}

static int list_doc(struct api_call *c, struct organisation_query *q, json_t **out)
{
	q->each = add_row;
	q->ctx = json_array();
	if (organisation_list(c->app, c->db, &c->who, q, &c->err)) {
		json_decref(q->ctx);
		return KP_ERR;
	}
	*out = api_list_doc(q->ctx, q->total, q->page);
	return *out != NULL ? KP_OK : kp_internal(&c->err);
}

int organisations_list(struct api_call *c)
{
	struct organisation_query q = { 0 };
	list_filter_init(&q.filter);
	json_t *doc;
	if (api_page(c, &q.page) || api_query_text(c, "q", 100, &q.filter.q) ||
	    api_query_text(c, "municipality", 100, &q.filter.place) || list_doc(c, &q, &doc))
		return KP_ERR;
	return api_reply(c, 200, doc);
}

int organisations_first_page(struct api_call *c, json_t **out)
{
	struct organisation_query q = { .page = { .limit = PAGE_MAX, .offset = 0 } };
	list_filter_init(&q.filter);
	return list_doc(c, &q, out);
}

int organisations_show(struct api_call *c)
{
	struct organisation *o = malloc(sizeof *o);
	if (o == NULL)
		return kp_internal(&c->err);
	int rc = organisation_show(c->app, c->db, &c->who, c->id, o, &c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 200, to_json(o));
	free(o);
	return rc;
}

int organisations_create(struct api_call *c)
{
	struct organisation *o = malloc(sizeof *o);
	if (o == NULL)
		return kp_internal(&c->err);
	organisation_init(o);
	int rc = from_json(c, c->body, o, true);
	if (rc == KP_OK)
		rc = organisation_create(c->app, c->db, &c->who, o, &c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 201, to_json(o));
	free(o);
	return rc;
}

/* PATCH: only the fields the body names change; see service/organisations.h. */
int organisations_update(struct api_call *c)
{
	struct organisation *patch = malloc(sizeof *patch), *out = malloc(sizeof *out);
	struct organisation_edit e = { .id = c->id, .patch = patch, .out = out };
	int rc = patch && out ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK) {
		organisation_init(patch);
		rc = from_json(c, c->body, patch, false);
	}
	if (rc == KP_OK) {
		e.mask = api_field_mask(c, &organisation_fields);
		rc = organisation_update(c->app, c->db, &c->who, &e, &c->err);
	}
	if (rc == KP_OK)
		rc = api_reply(c, 200, to_json(out));
	free(patch);
	free(out);
	return rc;
}
