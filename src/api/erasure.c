/* POST /api/volunteers/{id}/erasure: the right to be forgotten. */
#include "api/erasure.h"

#include "api/json_in.h"
#include "service/erasure.h"

int erasure_create(struct api_call *c)
{
	static const char *const fields[] = { "reason", NULL };
	char reason[AUDIT_REASON_MAX * 4 + 1] = "";
	struct erasure e = { .volunteer_id = c->id, .reason = reason };
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "reason", AUDIT_REASON_MAX, false, reason, sizeof reason, &c->err) ||
	    volunteer_erase(c->app, c->db, &c->who, &e, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:I, s:b, s:I}", "volunteer_id", (json_int_t)c->id,
	                                   "erased", 1, "erased_at", (json_int_t)e.erased_at));
}
