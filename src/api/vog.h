/*
 * GET /api/vog-overview?organisation_id=&weeks=: the organisation's
 * volunteers whose VOG has expired or expires within `weeks` weeks (default
 * 8, at most 104), see service/vog.h.
 */
#ifndef KP_API_VOG_H
#define KP_API_VOG_H

#include "api/api.h"

int vog_overview_show(struct api_call *c);

#endif
