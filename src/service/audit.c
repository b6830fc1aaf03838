/* Reading the audit log (audit.h). */
#include "service/audit.h"

#include "service/consents.h"

static int read_log(struct svc *s, void *arg)
{
	struct audit_query *q = arg;
	if (svc_authorise(s, RES_AUDIT, ACT_LIST, NULL))
		return KP_ERR;
	if (!authz_list_scope(s->who, RES_AUDIT).all)
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "");
	return store_audit_list(s->db, &q->filter, q->page, q->each, q->ctx, &q->total, s->err);
}

int audit_list(struct app *app, struct db *db, const struct principal *who,
               struct audit_query *q, struct kp_error *err)
{
	return svc_read(app, db, who, read_log, q, err);
}

static int read_volunteer_log(struct svc *s, void *arg)
{
	struct audit_query *q = arg;
	struct authz_target t;
	if (consent_target(s, q->filter.volunteer_id, NULL, &t) ||
	    svc_authorise(s, RES_AUDIT, ACT_READ, &t))
		return KP_ERR;
	if (s->who->volunteer_id == q->filter.volunteer_id) {
		/* "Who viewed my data": others, per viewer and day, not oneself. */
		q->filter.not_account = s->who->account_id;
		q->filter.by_day = true;
	}
	return store_audit_list(s->db, &q->filter, q->page, q->each, q->ctx, &q->total, s->err);
}

int audit_list_volunteer(struct app *app, struct db *db, const struct principal *who,
                         struct audit_query *q, struct kp_error *err)
{
	return svc_read(app, db, who, read_volunteer_log, q, err);
}
