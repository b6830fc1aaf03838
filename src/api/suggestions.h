/*
 * The matching engine through the API: the candidates for a call, the
 * volunteers who fit a help request, the suggested calls for a volunteer,
 * and a proposal for many calls at once.
 * The use cases of service/suggestions.h answer from app->index; nothing is
 * written.
 */
#ifndef KP_API_SUGGESTIONS_H
#define KP_API_SUGGESTIONS_H

#include "api/api.h"

int suggestions_for_call(struct api_call *c);       /* GET /api/calls/{id}/candidates */
int suggestions_for_volunteer(struct api_call *c);  /* GET /api/volunteers/{id}/suggestions */
int suggestions_proposal(struct api_call *c);       /* POST /api/proposals */
/* GET /api/help-requests/{id}/volunteers */
int suggestions_for_help_request(struct api_call *c);


#endif
