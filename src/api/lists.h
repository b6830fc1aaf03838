/* /api/lists/{kind}: the shared lists (activities, themes, motives, …). */
#ifndef KP_API_LISTS_H
#define KP_API_LISTS_H

#include "api/api.h"

int lists_index(struct api_call *c);
/* The document of GET /api/lists ({kinds, lists}) into *out. */
int lists_all_doc(struct api_call *c, json_t **out);
int lists_list(struct api_call *c);
int lists_create(struct api_call *c);
int lists_update(struct api_call *c);

#endif
