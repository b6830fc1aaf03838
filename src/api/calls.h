/* /api/calls handlers: calls for help (oproepen) and volunteers' offers. */
#ifndef KP_API_CALLS_H
#define KP_API_CALLS_H

#include "api/api.h"
#include "model/call.h"

/* What a server keeps of the calls its lists show (app->call_forms): so
   many, each at most so long (a call with long texts is written anew). */
#define CALL_FORMS_KEPT 4096
#define CALL_FORM_MAX 16384

int calls_list(struct api_call *c);
int calls_show(struct api_call *c);
int calls_create(struct api_call *c);
int calls_update(struct api_call *c);
int calls_history(struct api_call *c);

json_t *call_to_json(struct catalog *cat, const struct call *call);
/* Only what the network's public pages show of a call (see write_fields). */
json_t *call_public_json(struct catalog *cat, const struct call *call);

/* A page of calls written straight into the answer (api_page_begin), whole or
   (public_view) as the public pages show them: a call_fn for each row. */
struct call_page {
	struct api_call *c;
	struct jw w;
	bool public_view;
};
int call_page_row(void *ctx, const struct call *call);

#endif
