/* GET /api/health. */
#ifndef KP_API_HEALTH_H
#define KP_API_HEALTH_H

#include "api/api.h"

int health_show(struct api_call *c);

#endif
