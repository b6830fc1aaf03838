/*
 * Use cases of the right to be forgotten: erasing one volunteer on request,
 * and the retention period, which erases every volunteer that stopped more
 * than so many years ago.
 *
 * Erasing anonymises the record in place (store_volunteer_erase), so counts
 * and hours stay right; the erasure itself is audited, without a name, and
 * drops the person from the matching index after the commit. Retention runs
 * under the retention job's network-wide lock (the server runs the same job
 * daily, sync/retention.c), at most RETENTION_BATCH_MAX a run and
 * RETENTION_CHUNK a transaction, each erasure
 * audited by the system.
 *
 * Ownership: the caller owns every struct passed in; the reason is borrowed
 * for the call.
 */
#ifndef KP_SERVICE_ERASURE_H
#define KP_SERVICE_ERASURE_H

#include "service/service.h"

struct erasure {
	int64_t volunteer_id;
	const char *reason;      /* for the audit log; NULL or "" for none */
	int64_t erased_at;       /* out */
};

/* Erases e->volunteer_id as described above. */
int volunteer_erase(struct app *app, struct db *db, const struct principal *who,
                    struct erasure *e, struct kp_error *err);

/* Erases the volunteers stopped more than `years` ago, and the client records
   of help requests closed that long ago (nothing when another process holds
   the retention lock); *erased and *clients count them. */
int retention_erase(struct app *app, struct db *db, const struct principal *who, int years,
                    int *erased, int *clients, struct kp_error *err);
/* The same for a caller that holds the retention lock already: the daily
   job (sync/retention.c). */
int retention_erase_locked(struct app *app, struct db *db, const struct principal *who,
                           int years, int *erased, int *clients, struct kp_error *err);

#endif
