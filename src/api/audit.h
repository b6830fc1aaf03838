/*
 * The audit log from the API side: api_audit records what the caller did
 * with a person's data (a full view, a change, an export, an erasure, a
 * consent), and two endpoints read the log: the person sees who viewed
 * their data, the network administrator searches the whole log.
 */
#ifndef KP_API_AUDIT_H
#define KP_API_AUDIT_H

#include "api/api.h"

/* Appends an entry for the caller of c. A view that cannot be logged is not
   answered: the handler returns the failure. `reason` may be NULL. */
int api_audit(struct api_call *c, const char *action, const char *resource,
              int64_t volunteer_id, int64_t record_id, const char *reason);

/* Fills e for the caller of c, as api_audit would write it. */
void api_audit_fill(struct api_call *c, const char *action, const char *resource,
                    int64_t volunteer_id, int64_t record_id, const char *reason,
                    struct audit_entry *e);

/* Appends the n entries at e (n <= AUDIT_APPEND_MAX): outside a transaction
   through the group commit, inside it as part of it. */
int api_audit_all(struct api_call *c, const struct audit_entry *e, int n);

/* Reads the optional ?reason= of a request (at most AUDIT_REASON_MAX characters). */
int api_audit_reason(struct api_call *c, const char **reason);

json_t *audit_entry_to_json(const struct audit_entry *e);

int audit_search(struct api_call *c);        /* GET /api/audit */
int audit_of_volunteer(struct api_call *c);  /* GET /api/volunteers/{id}/audit */

#endif
