/* /api/organisations handlers. */
#ifndef KP_API_ORGANISATIONS_H
#define KP_API_ORGANISATIONS_H

#include "api/api.h"

int organisations_list(struct api_call *c);
int organisations_show(struct api_call *c);
int organisations_create(struct api_call *c);
int organisations_update(struct api_call *c);

#endif
