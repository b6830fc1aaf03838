/* /api/organisations handlers. */
#ifndef KP_API_ORGANISATIONS_H
#define KP_API_ORGANISATIONS_H

#include "api/api.h"

int organisations_list(struct api_call *c);
/* The first PAGE_MAX organisations as GET /api/organisations answers them, into *out. */
int organisations_first_page(struct api_call *c, json_t **out);
int organisations_show(struct api_call *c);
int organisations_create(struct api_call *c);
int organisations_update(struct api_call *c);

#endif
