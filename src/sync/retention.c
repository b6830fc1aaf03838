#include "sync/retention.h"

#include <stdio.h>

#include "app.h"
#include "db/store.h"

int retention_job(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
                  struct kp_error *err)
{
	const struct app *app = ctx;
	int erased = 0, clients = 0;
	int64_t before = now - app->cfg.retention_years * RETENTION_YEAR_S;
	if (store_retention_erase(db, before, now, RETENTION_BATCH_MAX, &erased, err) ||
	    store_client_retention_erase(db, before, now, RETENTION_BATCH_MAX, &clients, err))
		return KP_ERR;
	snprintf(result, cap, "%d geanonimiseerd, %d cliënten gewist", erased, clients);
	return KP_OK;
}
