/* Erasing volunteers on request and after the retention period (erasure.h). */
#include "service/erasure.h"

#include <unistd.h>

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
	int chunk_erased, chunk_clients;  /* of the transaction at hand */
};

static int write_retention(struct svc *s, void *arg)
{
	struct retention *r = arg;
	if (svc_authorise(s, RES_VOLUNTEER, ACT_DELETE, &(struct authz_target){ 0 }))
		return KP_ERR;
	int64_t before = s->now - r->years * RETENTION_YEAR_S;
	r->chunk_erased = r->chunk_clients = 0;
	return store_retention_erase(s->db, before, s->now, RETENTION_CHUNK, &r->chunk_erased,
	                             s->err) ||
	               store_client_retention_erase(s->db, before, s->now, RETENTION_CHUNK,
	                                            &r->chunk_clients, s->err)
	           ? KP_ERR
	           : KP_OK;
}

int retention_erase_locked(struct app *app, struct db *db, const struct principal *who,
                           int years, int *erased, int *clients, struct kp_error *err)
{
	struct retention r = { years, 0, 0 };
	int rc = KP_OK;
	*erased = *clients = 0;
	/* RETENTION_CHUNK people per transaction, then the other writers' turn. */
	while (rc == KP_OK && *erased < RETENTION_BATCH_MAX && *clients < RETENTION_BATCH_MAX) {
		rc = svc_run(app, db, who, write_retention, &r, err);
		*erased += rc == KP_OK ? r.chunk_erased : 0;
		*clients += rc == KP_OK ? r.chunk_clients : 0;
		if (r.chunk_erased < RETENTION_CHUNK && r.chunk_clients < RETENTION_CHUNK)
			break;
		usleep(RETENTION_PAUSE_MS * 1000);
	}
	return rc;
}

int retention_erase(struct app *app, struct db *db, const struct principal *who, int years,
                    int *erased, int *clients, struct kp_error *err)
{
	bool got = false;
	*erased = *clients = 0;
	if (db_try_job_lock(db, RETENTION_JOB_KEY, &got, err))
		return KP_ERR;
	if (!got)
		return KP_OK;
	int rc = retention_erase_locked(app, db, who, years, erased, clients, err);
	db_job_unlock(db, RETENTION_JOB_KEY);
	return rc;
}
