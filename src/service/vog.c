/* The VOG-expiry overview of an organisation (vog.h). */
#include "service/vog.h"

#include <stdlib.h>

#include "model/journey.h"

struct vog_args {
	struct vog_query *q;
	vog_row_fn each;
	void *ctx;
	long horizon;              /* the last day of the weeks asked for */
	long today;
};

/* SQL narrows by issue date; the month arithmetic of model/journey.h decides. */
static int each_holder(void *arg, const struct vog_holder *h)
{
	struct vog_args *a = arg;
	long issued = journey_day_parse(h->vog_date);
	long expires = journey_add_months(issued, a->q->max_age_months);
	if (issued < 0 || expires > a->horizon)
		return 0;
	struct vog_row r = { .holder = h, .expired = expires < a->today };
	journey_day_format(expires, r.expires_on);
	a->q->total++;
	return a->each(a->ctx, &r);
}

static int read_overview(struct svc *s, void *arg)
{
	struct vog_args *a = arg;
	struct vog_query *q = a->q;
	struct authz_scope scope = authz_list_scope(s->who, RES_TASK);
	if (scope.none)
		return svc_authorise(s, RES_TASK, ACT_LIST, NULL);
	if (q->organisation_id == 0)
		q->organisation_id = scope.organisation_id;
	if (q->organisation_id == 0)
		return kp_invalid(s->err, "organisation_id", "required");
	if (scope.organisation_id && q->organisation_id != scope.organisation_id)
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "organisation_id");
	struct organisation *o = malloc(sizeof *o);
	int rc = o ? store_organisation_get(s->db, q->organisation_id, o, s->err)
	           : kp_internal(s->err);
	if (rc == KP_OK) {
		q->max_age_months = o->vog_max_age_months;
		a->today = journey_day_of(s->now);
		a->horizon = a->today + 7L * q->weeks;
		journey_day_format(a->today, q->today);
		/* A little slack: months differ in length; each_holder decides. */
		char issued_by[11];
		journey_day_format(journey_add_months(a->horizon, -q->max_age_months) + 3, issued_by);
		int64_t found = 0;
		q->total = 0;
		rc = store_vog_issued_by(s->db, q->organisation_id, issued_by, VOG_ROWS_MAX,
		                         each_holder, a, &found, s->err);
	}
	free(o);
	return rc;
}

int vog_overview(struct app *app, struct db *db, const struct principal *who,
                 struct vog_query *q, vog_row_fn each, void *ctx, struct kp_error *err)
{
	struct vog_args a = { .q = q, .each = each, .ctx = ctx };
	return svc_read(app, db, who, read_overview, &a, err);
}
