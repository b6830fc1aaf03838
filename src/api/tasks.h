/*
 * The coordinator's dashboard tasks and the reminder mails, both derived
 * from the data by service/reminders.h with the application clock.
 *
 *   GET  /api/tasks          tasks of the own organisation (admin: all, or ?organisation_id=)
 *   POST /api/tasks/notify   queues a mail per task and coordinator in the outbox, once
 *   GET  /api/outbox         queued mails (?pending=true), own organisation or all (admin)
 */
#ifndef KP_API_TASKS_H
#define KP_API_TASKS_H

#include "api/api.h"

int tasks_list(struct api_call *c);
int tasks_notify(struct api_call *c);
int outbox_list(struct api_call *c);

#endif
