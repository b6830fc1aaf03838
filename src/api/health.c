/* GET /api/health: is the server up and its database reachable. */
#include "api/health.h"

#include "sync/follow.h"
#include "version.h"

/* What this server has taken over from the change log: lets an operator
   (and the two-server test) see that servers sharing a database keep up. */
static json_t *sync_doc(struct app *app)
{
	struct follow_stats fs;
	if (app->follow == NULL)
		return json_null();
	follow_stats(app->follow, &fs);
	return json_pack("{s:I, s:I, s:s, s:I}", "applied", (json_int_t)fs.delivered,
	                 "last_id", (json_int_t)fs.last_id, "last_kind",
	                 change_kind_name(fs.last_kind), "last_ref_id",
	                 (json_int_t)fs.last_ref_id);
}

int health_show(struct api_call *c)
{
	if (db_ping(c->db, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:s, s:s, s:i, s:s, s:o}", "status", "ok", "version",
	                                   KNOOPPUNT_VERSION, "schema",
	                                   db_schema_version(c->db), "backend",
	                                   db_backend_name(c->db), "sync", sync_doc(c->app)));
}
