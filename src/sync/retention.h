/*
 * The retention job: once a day, anonymise the volunteers that stopped more
 * than the configured retention period ago (struct app_config
 * retention_years), and empty the client records of help requests closed
 * that long ago. Runs under the job runner (jobs.h), so once per network
 * however many servers share the database. ctx is the struct app.
 *
 * The erasing itself is the job's `after`, through the same service as
 * `knooppunt retention` (service/erasure.h, retention_erase_locked):
 * RETENTION_CHUNK people per transaction, with a pause of RETENTION_PAUSE_MS
 * after each, so that the app's other writers wait for one chunk at most and
 * then get their turn.
 * (Each erasure searches every queued and sent mail for the person's name;
 * 10,000 in one transaction held every write of a 100,000-volunteer network
 * for many minutes.)
 */
#ifndef KP_SYNC_RETENTION_H
#define KP_SYNC_RETENTION_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

#define RETENTION_PERIOD_S (24 * 3600)
#define RETENTION_BATCH_MAX 10000  /* per run; a backlog continues the next day */
#define RETENTION_CHUNK 5          /* per transaction */
#define RETENTION_PAUSE_MS 200     /* between transactions */
#define RETENTION_YEAR_S (36525LL * 864) /* 365.25 days */

int retention_job(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
                  struct kp_error *err);
int retention_after(void *ctx, struct db *db, int64_t now, struct kp_error *err);

#endif
