/* /api/matches handlers: proposals and the match lifecycle. */
#ifndef KP_API_MATCHES_H
#define KP_API_MATCHES_H

#include "api/api.h"

int matches_list(struct api_call *c);
int matches_show(struct api_call *c);
int matches_create(struct api_call *c);
int matches_update(struct api_call *c);

#endif
