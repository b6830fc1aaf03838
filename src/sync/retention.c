#include "sync/retention.h"

#include <stdio.h>
#include <unistd.h>

#include "app.h"
#include "db/store.h"

int retention_job(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
                  struct kp_error *err)
{
	const struct app *app = ctx;
	(void)db;
	(void)now;
	(void)err;
	snprintf(result, cap, "bewaartermijn %d jaar: wissen in delen van %d", app->cfg.retention_years,
	         RETENTION_CHUNK);
	return KP_OK;
}

int retention_after(void *ctx, struct db *db, int64_t now, struct kp_error *err)
{
	const struct app *app = ctx;
	int64_t before = now - app->cfg.retention_years * RETENTION_YEAR_S;
	for (int done = 0; done < RETENTION_BATCH_MAX;) {
		int erased = 0, clients = 0;
		if (db_begin(db, err) ||
		    store_retention_erase(db, before, now, RETENTION_CHUNK, &erased, err) ||
		    store_client_retention_erase(db, before, now, RETENTION_CHUNK, &clients, err) ||
		    db_commit(db, err)) {
			db_rollback(db);
			return KP_ERR;
		}
		done += erased > clients ? erased : clients;
		if (erased < RETENTION_CHUNK && clients < RETENTION_CHUNK)
			break;
		usleep(RETENTION_PAUSE_MS * 1000); /* the others' turn */
	}
	return KP_OK;
}
