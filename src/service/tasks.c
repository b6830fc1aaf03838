/* The dashboard's tasks, their reminder mails and the outbox (tasks.h). */
#include "service/tasks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/notify.h"

/* The organisation the work is for: who's own, or the administrator's
   choice `asked` (0: all). */
static int scope(struct svc *s, enum resource res, int64_t asked, int64_t *org)
{
	struct authz_scope sc = authz_list_scope(s->who, res);
	*org = 0;
	if (sc.none)
		return svc_authorise(s, res, ACT_LIST, NULL);
	if (sc.organisation_id) {
		if (asked && asked != sc.organisation_id)
			return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "organisation_id");
		*org = sc.organisation_id;
	} else if (!sc.all) {
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "");
	} else {
		*org = asked;
	}
	return KP_OK;
}

struct listing {
	int64_t organisation_id;
	reminder_fn each;
	void *ctx;
};

static int read_tasks(struct svc *s, void *arg)
{
	struct listing *l = arg;
	int64_t org;
	if (scope(s, RES_TASK, l->organisation_id, &org))
		return KP_ERR;
	return reminders_collect(s->db, org, journey_day_of(s->now), l->each, l->ctx, s->err);
}

int task_list(struct app *app, struct db *db, const struct principal *who,
              int64_t organisation_id, reminder_fn each, void *ctx, struct kp_error *err)
{
	struct listing l = { organisation_id, each, ctx };
	return svc_read(app, db, who, read_tasks, &l, err);
}

static int queue_mails(struct svc *s, void *arg)
{
	struct task_run *r = arg;
	int64_t org;
	struct authz_target t;
	if (scope(s, RES_TASK, r->organisation_id, &org))
		return KP_ERR;
	t = (struct authz_target){ .organisation_id = org };
	if (org && svc_authorise(s, RES_TASK, ACT_CREATE, &t))
		return KP_ERR;
	return reminders_queue(s->app, s->db, org, s->now, &r->queued, &r->tasks, s->err);
}

int task_notify(struct app *app, struct db *db, const struct principal *who,
                struct task_run *r, struct kp_error *err)
{
	return svc_run(app, db, who, queue_mails, r, err);
}

/* A mail with a one-time link is listed without its body: staff reading the
   outbox must not be able to use the link themselves. Nor the recipient's
   unsubscribe link: the footer that carries it is left out. */
static int without_secrets(void *ctx, const struct outbox_mail *m)
{
	struct outbox_query *q = ctx;
	if (!notify_is_secret(m) && m->unsubscribe_url[0] == '\0')
		return q->each(q->ctx, m);
	struct outbox_mail *copy = malloc(sizeof *copy);
	if (copy == NULL)
		return -1;
	*copy = *m;
	copy->unsubscribe_url[0] = '\0';
	char *footer = strstr(copy->body, NOTIFY_FOOTER_MARK);
	if (!notify_is_secret(m) && footer != NULL)
		snprintf(footer, sizeof copy->body - (size_t)(footer - copy->body), "%s",
		         NOTIFY_FOOTER_MARK "(afmeldlink verborgen)\n");
	else
		snprintf(copy->body, sizeof copy->body, "%s", "(verborgen: bevat een eenmalige link)");
	int rc = q->each(q->ctx, copy);
	free(copy);
	return rc;
}

static int read_outbox(struct svc *s, void *arg)
{
	struct outbox_query *q = arg;
	int64_t org;
	if (scope(s, RES_OUTBOX, q->organisation_id, &org))
		return KP_ERR;
	return store_outbox_list(s->db, q->pending_only, org, q->pg, without_secrets, q,
	                         &q->total, s->err);
}

int outbox_mail_list(struct app *app, struct db *db, const struct principal *who,
                     struct outbox_query *q, struct kp_error *err)
{
	return svc_read(app, db, who, read_outbox, q, err);
}
