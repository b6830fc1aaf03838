/* /api/calls handlers: calls for help (oproepen) and volunteers' offers. */
#ifndef KP_API_CALLS_H
#define KP_API_CALLS_H

#include "api/api.h"
#include "model/call.h"

int calls_list(struct api_call *c);
int calls_show(struct api_call *c);
int calls_create(struct api_call *c);
int calls_update(struct api_call *c);
int calls_history(struct api_call *c);

json_t *call_to_json(struct catalog *cat, const struct call *call);
/* Only what the network's public pages show of a call (see write_fields). */
json_t *call_public_json(struct catalog *cat, const struct call *call);

/* The views of a call in lists (page_forms.h): kept apart, as each writes
   a call differently. */
enum { CALL_VIEW_LIST, CALL_VIEW_PUBLIC };
/* Writes one call of a list as the public pages show it; cat is the
   catalog (a form_write_fn of page_forms.h). */
void call_write_public_row(struct jw *w, const void *call, int form, void *cat);

#endif
