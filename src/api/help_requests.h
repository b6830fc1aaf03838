/* The central contact point: /api/help-requests, /api/public/help-requests
   and /api/network/contact-point. */
#ifndef KP_API_HELP_REQUESTS_H
#define KP_API_HELP_REQUESTS_H

#include "api/api.h"

int contact_point_show(struct api_call *c);
int contact_point_update(struct api_call *c);
int help_requests_public_create(struct api_call *c);
int help_requests_create(struct api_call *c);
int help_requests_list(struct api_call *c);
int help_requests_show(struct api_call *c);
int help_requests_suggestions(struct api_call *c);
int help_requests_route(struct api_call *c);
int help_requests_accept(struct api_call *c);
int help_requests_hand_back(struct api_call *c);
int help_requests_close(struct api_call *c);
int help_requests_client_export(struct api_call *c);
int help_requests_client_erasure(struct api_call *c);

#endif
