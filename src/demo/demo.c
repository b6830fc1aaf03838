#include "demo/demo.h"

int demo_build(struct app *app, struct db *db, const struct demo_options *opt,
               struct kp_error *err)
{
	(void)app;
	(void)db;
	(void)opt;
	return kp_fail(err, 501, "internal", "");
}
