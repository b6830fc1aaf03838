/* /api/public/calls: the open calls organisations put on the network's
   public pages. Only what a passer-by may see: the public text, what, where,
   when, the organisation; never who posted it, a client or a volunteer. */
#include "api/public_calls.h"

#include <stdlib.h>

#include "api/calls.h"
#include "api/page_forms.h"
#include "service/public_calls.h"

int public_calls_list(struct api_call *c)
{
	struct public_call_query q = { 0 };
	if (api_page(c, &q.page) || api_query_text(c, "place", 100, &q.place) ||
	    api_query_item(c, "activity", LIST_ACTIVITY, &q.activity_id))
		return KP_ERR;
	struct page_forms x;
	page_forms_begin(&x, c, c->app->call_forms, CALL_VIEW_PUBLIC, call_write_public_row,
	                 &c->app->lists);
	q.reader = &x.reader;
	int rc = public_call_list(c->app, c->db, &c->who, &q, &c->err);
	return page_forms_end(&x, rc, q.total, q.page);
}

int public_calls_show(struct api_call *c)
{
	struct call *call = malloc(sizeof *call);
	if (call == NULL)
		return kp_internal(&c->err);
	int rc = public_call_show(c->app, c->db, &c->who, c->id, call, &c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 200, call_public_json(&c->app->lists, call));
	free(call);
	return rc;
}
