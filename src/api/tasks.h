/*
 * The coordinator's dashboard tasks and the reminder mails, both derived
 * from the data by the rules of model/reminder.h with the application clock.
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

/* Every task of an organisation (0: all) on day `today`. */
typedef int (*task_fn)(void *ctx, const struct reminder *r, const char *volunteer_name);
int tasks_collect(struct db *db, int64_t organisation_id, long today, task_fn each, void *ctx,
                  struct kp_error *err);

/* Queues the reminder mails of an organisation's tasks (0: all) at time
   `now`; *queued counts the new mails. For the API and `knooppunt reminders`.
   Runs inside the caller's transaction. */
int tasks_queue_mails(struct db *db, int64_t organisation_id, int64_t now, int *queued,
                      int *tasks, struct kp_error *err);

#endif
