/*
 * The journey's reminders: the coordinator's tasks derived from the data by
 * the rules of model/reminder.h on a given day, and the reminder mails they
 * queue in the outbox. A task is derived, never stored, so the same data on
 * the same day gives the same tasks; a mail's dedupe key names its task, so
 * queueing twice mails each coordinator once.
 *
 * Callers: the API (tasks list and POST /api/tasks/notify), `knooppunt
 * reminders`, and the hourly job of the job runner (sync/jobs.h).
 * Ownership: db and err are borrowed; the reminder and name handed to a
 * reminder_fn live only for that call.
 */
#ifndef KP_SERVICE_REMINDERS_H
#define KP_SERVICE_REMINDERS_H

#include <stdint.h>

#include "app.h"
#include "db/store.h"

/* Called once per task; a non-zero return stops the walk. */
typedef int (*reminder_fn)(void *ctx, const struct reminder *r, const char *volunteer_name);

/* Every task of an organisation (0: all) on day `today` (journey_day_of). */
int reminders_collect(struct db *db, int64_t organisation_id, long today, reminder_fn each,
                      void *ctx, struct kp_error *err);

/* Queues the reminder mails of an organisation's tasks (0: all) at time
   `now`, inside the caller's transaction (the job runner's). *tasks counts
   the tasks, *queued the mails that are new. */
int reminders_queue(const struct app *app, struct db *db, int64_t organisation_id, int64_t now,
                    int *queued, int *tasks, struct kp_error *err);

/* The use case "send the reminders": reminders_queue in a transaction of its
   own, committed when it succeeds and rolled back otherwise. */
int reminders_send(const struct app *app, struct db *db, int64_t organisation_id, int64_t now,
                   int *queued, int *tasks, struct kp_error *err);

#endif
