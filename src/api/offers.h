/* The social map: /api/organisations/{id}/offer and /api/public/map. */
#ifndef KP_API_OFFERS_H
#define KP_API_OFFERS_H

#include "api/api.h"

int offers_show(struct api_call *c);
int offers_update(struct api_call *c);
int public_map(struct api_call *c);

#endif
