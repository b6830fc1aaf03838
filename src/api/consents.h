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

json_t *consent_to_json(const struct consent *k);

int consents_show(struct api_call *c);
int consents_update(struct api_call *c);
int consents_withdraw(struct api_call *c);

#endif
