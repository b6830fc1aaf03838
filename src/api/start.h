/* GET /api/start: what the web front end needs before its first paint. */
#ifndef KP_API_START_H
#define KP_API_START_H

#include "api/api.h"

int start_show(struct api_call *c);

#endif
