#include "sync/retention.h"

#include <stdio.h>

#include "app.h"
#include "service/erasure.h"

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

/* The erasing, under the job's lock, as `knooppunt retention` does it; the
   server acts as its own console. */
int retention_after(void *ctx, struct db *db, int64_t now, struct kp_error *err)
{
	static const struct principal server = { .role = ROLE_ADMIN };
	int erased = 0, clients = 0;
	(void)now; /* the service reads the app's clock, which gave `now` */
	return retention_erase_locked(ctx, db, &server, ((struct app *)ctx)->cfg.retention_years,
	                              &erased, &clients, err);
}
