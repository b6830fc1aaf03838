/*
 * The person's rights over their data: GET /api/volunteers/{id}/export
 * answers everything stored about a volunteer as one JSON document (right
 * of access, src/api/me.c); POST /api/volunteers/{id}/erasure anonymises
 * them (src/api/erasure.c). Both are audited.
 */
#ifndef KP_API_ERASURE_H
#define KP_API_ERASURE_H

#include "api/api.h"

int erasure_create(struct api_call *c);     /* POST /api/volunteers/{id}/erasure */
int me_export(struct api_call *c);          /* GET /api/volunteers/{id}/export */

#endif
