/*
 * The coordinator's dashboard tasks and the reminder mails, both derived
 * from the data with the application clock, through the use cases of
 * service/tasks.h (scope, permission) and service/reminders.h (the rules).
 *
 *   GET  /api/dashboard      what needs attention: unmatched open calls, proposals waiting,
 *                            applicants waiting for an intake (service/dashboard.h)
 *   GET  /api/tasks          tasks of the own organisation (admin: all, or ?organisation_id=)
 *   POST /api/tasks/notify   queues a mail per task and coordinator in the outbox, once
 *   GET  /api/outbox         queued mails (?pending=true), or those that failed for good
 *                            (?status=failed, with the server's answer), own organisation or
 *                            all (admin); bodies with a one-time or unsubscribe link hidden
 *   POST /api/outbox/{id}/retry   a failed mail queued again (administrators)
 */
#ifndef KP_API_TASKS_H
#define KP_API_TASKS_H

#include "api/api.h"

int dashboard_show(struct api_call *c);
int tasks_list(struct api_call *c);
int tasks_notify(struct api_call *c);
int outbox_list(struct api_call *c);
int outbox_retry(struct api_call *c);

#endif
