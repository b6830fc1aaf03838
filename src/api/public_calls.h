/* The network's public pages: /api/public/calls. */
#ifndef KP_API_PUBLIC_CALLS_H
#define KP_API_PUBLIC_CALLS_H

#include "api/api.h"

int public_calls_list(struct api_call *c);
int public_calls_show(struct api_call *c);

#endif
