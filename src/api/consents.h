/*
 * /api/volunteers/{id}/consent: the volunteer decides who beyond their own
 * organisation may see their profile, and whether their lived experience
 * may be kept and used. GET shows it, PUT records a new consent, DELETE
 * withdraws everything at once. Every change is audited and takes effect
 * with the next request (lists, views and matching read it live).
 */
#ifndef KP_API_CONSENTS_H
#define KP_API_CONSENTS_H

#include "api/api.h"

/* Fills t for the volunteer (organisation org, id vid) with its consent,
   loaded into *consent, which must outlive t. For the handlers that still
   authorise themselves; a use case uses svc_volunteer_target. */
int consents_target(struct api_call *c, int64_t org, int64_t vid, struct consent *consent,
                    struct authz_target *t);

json_t *consent_to_json(const struct consent *k);

int consents_show(struct api_call *c);
int consents_update(struct api_call *c);
int consents_withdraw(struct api_call *c);

#endif
