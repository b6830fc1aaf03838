/* Erasing volunteers on request and after the retention period (erasure.h). */
#include "service/erasure.h"

#include "service/consents.h"
#include "sync/retention.h"

#define RETENTION_JOB_KEY 0x6b6e6f6f7002LL /* the retention job's lock (sync/jobs.c) */

static int write_erasure(struct svc *s, void *arg)
{
	struct erasure *e = arg;
	struct consent k;
	struct authz_target t;
	if (consent_target(s, e->volunteer_id, &k, &t) ||
	    svc_authorise(s, RES_VOLUNTEER, ACT_DELETE, &t) ||
	    store_volunteer_erase(s->db, e->volunteer_id, s->now, s->err) ||
	    svc_audit(s, "erase", "volunteer", e->volunteer_id, e->volunteer_id, e->reason))
		return KP_ERR;
	e->erased_at = s->now;
	svc_after_volunteer(s, e->volunteer_id); /* drops the person from matching */
	return KP_OK;
}

int volunteer_erase(struct app *app, struct db *db, const struct principal *who,
                    struct erasure *e, struct kp_error *err)
{
	return svc_run(app, db, who, write_erasure, e, err);
}

struct retention {
	int years;
	int erased;
	int clients;
};

static int write_retention(struct svc *s, void *arg)
{
	struct retention *r = arg;
	if (svc_authorise(s, RES_VOLUNTEER, ACT_DELETE, &(struct authz_target){ 0 }))
		return KP_ERR;
	int64_t before = s->now - r->years * RETENTION_YEAR_S;
	return store_retention_erase(s->db, before, s->now, RETENTION_BATCH_MAX, &r->erased,
	                             s->err) ||
	               store_client_retention_erase(s->db, before, s->now, RETENTION_BATCH_MAX,
	                                            &r->clients, s->err)
	           ? KP_ERR
	           : KP_OK;
}

int retention_erase(struct app *app, struct db *db, const struct principal *who, int years,
                    int *erased, int *clients, struct kp_error *err)
{
	struct retention r = { years, 0, 0 };
	bool got = false;
	*erased = *clients = 0;
	if (db_try_job_lock(db, RETENTION_JOB_KEY, &got, err))
		return KP_ERR;
	if (!got)
		return KP_OK;
	int rc = svc_run(app, db, who, write_retention, &r, err);
	db_job_unlock(db, RETENTION_JOB_KEY);
	*erased = r.erased;
	*clients = r.clients;
	return rc;
}
