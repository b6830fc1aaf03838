/* GET /api/health: is the server up and its database reachable. */
#include "api/health.h"

#include "version.h"

int health_show(struct api_call *c)
{
	struct db_stmt *st;
	int64_t one = 0;
	if (db_prepare(c->db, "SELECT 1", &st, &c->err))
		return KP_ERR;
	int rc = db_query_int(st, &one, &c->err);
	db_finalize(st);
	if (rc)
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:s, s:s, s:i}", "status", "ok", "version",
	                                   KNOOPPUNT_VERSION, "schema",
	                                   db_schema_version(c->db)));
}
