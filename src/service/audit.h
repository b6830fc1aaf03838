/*
 * Use cases that read the audit log: the network administrator searches the
 * whole log; a person (and whoever may read their audit trail) sees who
 * viewed or changed their data. Writing to the log is svc_audit's, inside
 * the use case that does what is logged.
 *
 * Ownership: the caller owns the query; the entry handed to its callback
 * lives only for that call.
 */
#ifndef KP_SERVICE_AUDIT_H
#define KP_SERVICE_AUDIT_H

#include "service/service.h"

struct audit_query {
	struct audit_filter filter;  /* account, volunteer, action, time span */
	struct page page;
	audit_fn each;               /* called once per entry of the page, newest first */
	void *ctx;
	int64_t total;               /* out: entries matching the filter */
};

/* Searches the whole log: only for a caller whose audit scope is all of it. */
int audit_list(struct app *app, struct db *db, const struct principal *who,
               struct audit_query *q, struct kp_error *err);

/* The entries about volunteer q->filter.volunteer_id (other filters as given).
   For the volunteer themself: "who viewed my data", grouped per viewer,
   action, reason and day (filter.by_day), without their own doings. Only opening a
   record or exporting it is logged as a view; a name in a list is none. */
int audit_list_volunteer(struct app *app, struct db *db, const struct principal *who,
                         struct audit_query *q, struct kp_error *err);

#endif
