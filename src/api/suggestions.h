/*
 * The matching engine through the API: the candidates for a call, the
 * suggested calls for a volunteer, and a proposal for many calls at once.
 * The use cases of service/suggestions.h answer from app->index; nothing is
 * written.
 */
#ifndef KP_API_SUGGESTIONS_H
#define KP_API_SUGGESTIONS_H

#include "api/api.h"

int suggestions_for_call(struct api_call *c);       /* GET /api/calls/{id}/candidates */
int suggestions_for_volunteer(struct api_call *c);  /* GET /api/volunteers/{id}/suggestions */
int suggestions_proposal(struct api_call *c);       /* POST /api/proposals */

/* After a committed write of a handler that is no use case yet: brings the
   matching index up to date at once, so the next question sees it (the
   change-log follower would too, within FOLLOW_INTERVAL_MS, and for writes
   of other servers). Never fails the request: the write is already
   committed. A use case queues this with svc_after_volunteer instead. */
void suggestions_after_volunteer(struct api_call *c, int64_t id);

#endif
