/*
 * Use cases of the coordinator's dashboard: the tasks of an organisation
 * (service/reminders.h derives them from the data on today's date), queueing
 * their reminder mails, and reading the outbox.
 *
 * Scope: a coordinator works on their own organisation only; the network
 * administrator on every organisation, or on the one they name. Naming
 * another organisation than one's own is KP_FORBIDDEN on organisation_id.
 *
 * Ownership: the caller owns every struct passed in; the reminder and the
 * mail handed to a callback live only for that call.
 */
#ifndef KP_SERVICE_TASKS_H
#define KP_SERVICE_TASKS_H

#include "service/reminders.h"
#include "service/service.h"

/* Calls each for every task of organisation_id (0: as far as who sees). */
int task_list(struct app *app, struct db *db, const struct principal *who,
              int64_t organisation_id, reminder_fn each, void *ctx, struct kp_error *err);

struct task_run {
	int64_t organisation_id;   /* the organisation asked for, 0: as far as who sees */
	int tasks;                 /* out: the tasks found */
	int queued;                /* out: the mails that are new in the outbox */
};

/* Queues the reminder mail of every task, once per task and coordinator. */
int task_notify(struct app *app, struct db *db, const struct principal *who,
                struct task_run *r, struct kp_error *err);

struct outbox_query {
	int64_t organisation_id;   /* the organisation asked for, 0: as far as who sees */
	int which;                 /* enum outbox_which: all, pending or failed */
	struct page pg;
	outbox_fn each;            /* called per mail on the page */
	void *ctx;
	int64_t total;             /* out: every mail that matches */
};

int outbox_mail_list(struct app *app, struct db *db, const struct principal *who,
                     struct outbox_query *q, struct kp_error *err);

/* Queues a mail that failed for good again (the administrator's "opnieuw
   proberen", after the server was fixed); *out is the mail then.
   KP_CONFLICT "mail_not_failed" naming "id" for a mail that did not fail. */
int outbox_mail_retry(struct app *app, struct db *db, const struct principal *who, int64_t id,
                      struct outbox_mail *out, struct kp_error *err);

#endif
