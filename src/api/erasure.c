/* POST /api/volunteers/{id}/erasure: the right to be forgotten. */
#include "api/erasure.h"

#include <stdlib.h>

#include "api/audit.h"
#include "api/consents.h"
#include "api/json_in.h"
#include "api/suggestions.h"

struct erase {
	int64_t id;
	const char *reason;
};

static int erase(struct api_call *c, void *arg)
{
	struct erase *e = arg;
	if (store_volunteer_erase(c->db, e->id, c->app->now(), &c->err))
		return KP_ERR;
	return api_audit(c, "erase", "volunteer", e->id, e->id, e->reason);
}

int erasure_create(struct api_call *c)
{
	static const char *const fields[] = { "reason", NULL };
	char reason[AUDIT_REASON_MAX * 4 + 1] = "";
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(&c->err);
	struct consent k;
	struct authz_target t;
	int rc = store_volunteer_get(c->db, c->id, false, v, &c->err);
	if (rc == KP_OK)
		rc = consents_target(c, v->organisation_id, v->id, &k, &t);
	free(v);
	if (rc || api_authorise(c, RES_VOLUNTEER, ACT_DELETE, &t) ||
	    jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "reason", AUDIT_REASON_MAX, false, reason, sizeof reason, &c->err))
		return KP_ERR;
	struct erase e = { c->id, reason };
	if (api_in_transaction(c, erase, &e))
		return KP_ERR;
	suggestions_after_volunteer(c, c->id); /* drops the person from matching */
	return api_reply(c, 200, json_pack("{s:I, s:b, s:I}", "volunteer_id", (json_int_t)c->id,
	                                   "erased", 1, "erased_at", (json_int_t)c->app->now()));
}
