/*
 * /api/matches/{id}/aftercare: nazorg, the "did it work?" check 2-3 weeks
 * after a match became active. The answer is stored on the match:
 * good (het loopt goed), adjust (bijsturen nodig) or stop (werkt niet).
 * GET needs read access to the match, PUT update access (coordinator or
 * professional of the call's organisation).
 */
#ifndef KP_API_AFTERCARE_H
#define KP_API_AFTERCARE_H

#include "api/api.h"

int aftercare_show(struct api_call *c);
int aftercare_update(struct api_call *c);

/* The stored answer; the caller owns the result. */
json_t *aftercare_to_json(const struct aftercare *a);

#endif
