/* Listing, reading, registering and editing organisations (organisations.h). */
#include "service/organisations.h"

#include <stdlib.h>

#define OF(name, type, member) FIELD(struct organisation, name, type, member)

static const struct field_def organisation_field_defs[] = {
	OF("name", FIELD_TEXT, name),
	OF("kind", FIELD_BYTES, kind),
	OF("municipality", FIELD_TEXT, municipality),
	OF("employees", FIELD_BYTES, employees),
	OF("vog_max_age_months", FIELD_BYTES, vog_max_age_months),
	OF("email", FIELD_TEXT, email),
	OF("phone", FIELD_TEXT, phone),
	OF("website", FIELD_TEXT, website),
	OF("description", FIELD_TEXT, description),
	OF("active", FIELD_BYTES, active),
};

const struct field_table organisation_fields = {
	"organisation", organisation_field_defs,
	(int)(sizeof organisation_field_defs / sizeof organisation_field_defs[0]),
};

int organisation_check(struct svc *s, int64_t id, const char *field)
{
	struct organisation *o = malloc(sizeof *o);
	if (o == NULL)
		return kp_internal(s->err);
	int rc = store_organisation_get(s->db, id, o, s->err);
	free(o);
	if (rc && s->err->kind == KP_NOT_FOUND)
		kp_invalid(s->err, field, "unknown_reference");
	return rc;
}

static int read_list(struct svc *s, void *arg)
{
	struct organisation_query *q = arg;
	if (svc_authorise(s, RES_ORGANISATION, ACT_LIST, NULL))
		return KP_ERR;
	return store_organisation_list(s->db, &q->filter, q->page, q->each, q->ctx, &q->total,
	                               s->err);
}

int organisation_list(struct app *app, struct db *db, const struct principal *who,
                      struct organisation_query *q, struct kp_error *err)
{
	return svc_read(app, db, who, read_list, q, err);
}

struct show {
	int64_t id;
	struct organisation *out;
};

static int read_one(struct svc *s, void *arg)
{
	struct show *x = arg;
	struct authz_target t = { .organisation_id = x->id };
	if (svc_authorise(s, RES_ORGANISATION, ACT_READ, &t))
		return KP_ERR;
	return store_organisation_get(s->db, x->id, x->out, s->err);
}

int organisation_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
                      struct organisation *out, struct kp_error *err)
{
	struct show x = { id, out };
	return svc_read(app, db, who, read_one, &x, err);
}

static int write_new(struct svc *s, void *arg)
{
	struct organisation *o = arg;
	if (svc_authorise(s, RES_ORGANISATION, ACT_CREATE, NULL))
		return KP_ERR;
	o->created_at = o->updated_at = s->now;
	return store_network_ensure(s->db, "Knooppunt", "", s->now, &o->network_id, s->err) ||
	               organisation_validate(o, s->err) ||
	               store_organisation_insert(s->db, o, s->err)
	           ? KP_ERR
	           : KP_OK;
}

int organisation_create(struct app *app, struct db *db, const struct principal *who,
                        struct organisation *o, struct kp_error *err)
{
	o->id = 0;
	return svc_run(app, db, who, write_new, o, err);
}

static int write_edit(struct svc *s, void *arg)
{
	struct organisation_edit *e = arg;
	struct authz_target t = { .organisation_id = e->id };
	if (svc_authorise(s, RES_ORGANISATION, ACT_UPDATE, &t) ||
	    store_organisation_get(s->db, e->id, e->out, s->err))
		return KP_ERR;
	field_copy(&organisation_fields, e->mask, e->out, e->patch);
	e->out->updated_at = s->now;
	return organisation_validate(e->out, s->err) ||
	               store_organisation_update(s->db, e->out, s->err)
	           ? KP_ERR
	           : KP_OK;
}

int organisation_update(struct app *app, struct db *db, const struct principal *who,
                        struct organisation_edit *e, struct kp_error *err)
{
	return svc_run(app, db, who, write_edit, e, err);
}
