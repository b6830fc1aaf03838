/*
 * The matching engine through the API: the candidates for a call, the
 * suggested calls for a volunteer, and a proposal for many calls at once.
 * Answered from app->index (src/match/match.h); nothing is written.
 */
#ifndef KP_API_SUGGESTIONS_H
#define KP_API_SUGGESTIONS_H

#include "api/api.h"

int suggestions_for_call(struct api_call *c);       /* GET /api/calls/{id}/candidates */
int suggestions_for_volunteer(struct api_call *c);  /* GET /api/volunteers/{id}/suggestions */
int suggestions_proposal(struct api_call *c);       /* POST /api/proposals */

/* After a committed write: brings the matching index up to date at once, so
   the next question sees it (the change-log follower would too, within
   FOLLOW_INTERVAL_MS, and for writes of other servers). Never fails the
   request: the write is already committed. */
void suggestions_after_volunteer(struct api_call *c, int64_t id);
void suggestions_after_call(struct api_call *c, int64_t id);
void suggestions_after_match(struct api_call *c, int64_t call_id, int64_t volunteer_id);

#endif
