/* /api/vog-overview: VOGs that expired or are about to (vog.h). */
#include "api/vog.h"

#include "service/vog.h"
#include "util/parse.h"

static int add_row(void *ctx, const struct vog_row *r)
{
	const struct vog_holder *h = r->holder;
	return json_array_append_new(
		ctx, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:b}", "volunteer_id",
		               (json_int_t)h->volunteer_id, "first_name", h->first_name, "last_name",
		               h->last_name, "status", volunteer_status_name(h->status), "vog_date",
		               h->vog_date, "expires_on", r->expires_on, "expired", r->expired));
}

int vog_overview_show(struct api_call *c)
{
	struct vog_query q = { .weeks = 8 };
	const char *weeks = NULL;
	long long n = 0;
	if (api_query_id(c, "organisation_id", &q.organisation_id) ||
	    api_query_text(c, "weeks", 3, &weeks))
		return KP_ERR;
	if (weeks != NULL && parse_int(weeks, 0, VOG_WEEKS_MAX, &n) != 0)
		return kp_fail_limit(&c->err, KP_MALFORMED, "out_of_range", "weeks", VOG_WEEKS_MAX);
	if (weeks != NULL)
		q.weeks = (int)n;
	json_t *items = json_array();
	if (vog_overview(c->app, c->db, &c->who, &q, add_row, items, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200,
	                 json_pack("{s:I, s:i, s:i, s:s, s:I, s:o}", "organisation_id",
	                           (json_int_t)q.organisation_id, "weeks", q.weeks, "max_age_months",
	                           q.max_age_months, "today", q.today, "total", (json_int_t)q.total,
	                           "items", items));
}
