/* GET /api/start: the caller, the shared lists and the organisations in one
   answer, so that a page's first paint waits for one request instead of
   three. Each part is what its own route answers (GET /api/session, GET
   /api/lists, GET /api/organisations?limit=PAGE_MAX), read with the same
   services and so the same permissions; the caller is null when nobody is
   logged in rather than a 401. */
#include "api/start.h"

#include "api/lists.h"
#include "api/organisations.h"
#include "api/session.h"

int start_show(struct api_call *c)
{
	json_t *doc = NULL, *orgs = NULL;
	if (lists_all_doc(c, &doc) || organisations_first_page(c, &orgs)) {
		json_decref(doc);
		return KP_ERR;
	}
	json_object_set_new(doc, "organisations", orgs);
	json_object_set_new(doc, "session", c->who.role == ROLE_ANONYMOUS
	                                        ? json_null()
	                                        : session_caller_doc(&c->who));
	return api_reply(c, 200, doc);
}
