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

#endif
