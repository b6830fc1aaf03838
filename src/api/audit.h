/*
 * The audit log from the API side: the use cases record what a caller did
 * with a person's data (svc_audit); here are the request's optional reason
 * and the two endpoints that read the log: the person sees who viewed their
 * data, the network administrator searches the whole log.
 */
#ifndef KP_API_AUDIT_H
#define KP_API_AUDIT_H

#include "api/api.h"

/* Reads the optional ?reason= of a request (at most AUDIT_REASON_MAX characters). */
int api_audit_reason(struct api_call *c, const char **reason);

json_t *audit_entry_to_json(const struct audit_entry *e);

int audit_search(struct api_call *c);        /* GET /api/audit */
int audit_of_volunteer(struct api_call *c);  /* GET /api/volunteers/{id}/audit */

#endif
