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

/* A mail with a one-time link is shown without its body: staff reading the
   outbox must not be able to use the link themselves. Nor the recipient's
   unsubscribe link: the footer that carries it is left out. */
static bool has_secret(const struct outbox_mail *m)
{
	return notify_is_secret(m) || m->unsubscribe_url[0] != '\0';
}

static void redact(struct outbox_mail *m)
{
	char *footer = strstr(m->body, NOTIFY_FOOTER_MARK);
	if (!notify_is_secret(m) && footer != NULL)
		snprintf(footer, sizeof m->body - (size_t)(footer - m->body), "%s",
		         NOTIFY_FOOTER_MARK "(afmeldlink verborgen)\n");
	else if (notify_is_secret(m))
		snprintf(m->body, sizeof m->body, "%s", "(verborgen: bevat een eenmalige link)");
	m->unsubscribe_url[0] = '\0';
}

static int without_secrets(void *ctx, const struct outbox_mail *m)
{
	struct outbox_query *q = ctx;
	if (!has_secret(m))
		return q->each(q->ctx, m);
	struct outbox_mail *copy = malloc(sizeof *copy);
	if (copy == NULL)
		return -1;
	*copy = *m;
	redact(copy);
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
	return store_outbox_list(s->db, q->which, org, q->pg, without_secrets, q,
	                         &q->total, s->err);
}

int outbox_mail_list(struct app *app, struct db *db, const struct principal *who,
                     struct outbox_query *q, struct kp_error *err)
{
	return svc_read(app, db, who, read_outbox, q, err);
}

struct retry {
	int64_t id;
	struct outbox_mail *out;
};

static int write_retry(struct svc *s, void *arg)
{
	struct retry *r = arg;
	if (store_outbox_get(s->db, r->id, r->out, s->err))
		return KP_ERR;
	struct authz_target t = { .organisation_id = r->out->organisation_id };
	if (svc_authorise(s, RES_OUTBOX, ACT_UPDATE, &t))
		return KP_ERR;
	if (r->out->sent_at != 0 || r->out->failed_at == 0)
		return kp_fail(s->err, KP_CONFLICT, "mail_not_failed", "id");
	if (store_outbox_retry(s->db, r->id, s->now, s->err) ||
	    store_outbox_get(s->db, r->id, r->out, s->err))
		return KP_ERR;
	redact(r->out);
	return svc_audit(s, "retry", "outbox", 0, r->id, NULL);
}

int outbox_mail_retry(struct app *app, struct db *db, const struct principal *who, int64_t id,
                      struct outbox_mail *out, struct kp_error *err)
{
	struct retry r = { id, out };
	return svc_run(app, db, who, write_retry, &r, err);
}
