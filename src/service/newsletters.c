/* Writing, previewing, sending and reading newsletters (newsletters.h). */
#include "service/newsletters.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/notification.h"
#include "service/notify.h"

#define NEWSLETTER_KEY "newsletter:%lld"

static struct authz_target writer_target(const struct newsletter *n)
{
	return (struct authz_target){ .organisation_id = n->organisation_id };
}

/* Whose newsletter a new one is, and whom a coordinator's may reach. */
static int claim(struct svc *s, struct newsletter *n)
{
	const struct principal *who = s->who;
	n->organisation_id = who->role == ROLE_ADMIN ? 0 : who->organisation_id;
	if (who->role == ROLE_COORDINATOR) {
		if (n->filter.organisation_id != 0 && n->filter.organisation_id != who->organisation_id)
			return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "organisation_id");
		n->filter.organisation_id = who->organisation_id;
	}
	return KP_OK;
}

/* The filter's organisation must exist. */
static int check_filter(struct svc *s, const struct newsletter_filter *f)
{
	if (f->organisation_id == 0)
		return KP_OK;
	struct organisation *o = malloc(sizeof *o);
	int rc = o ? store_organisation_get(s->db, f->organisation_id, o, s->err)
	           : kp_internal(s->err);
	free(o);
	if (rc && s->err->kind == KP_NOT_FOUND)
		return kp_invalid(s->err, "organisation_id", "unknown_reference");
	return rc;
}

static int prepare(struct svc *s, struct newsletter *n, enum action act)
{
	struct authz_target t = writer_target(n);
	if (svc_authorise(s, RES_NEWSLETTER, act, &t) || newsletter_check(n, s->err) ||
	    check_filter(s, &n->filter))
		return KP_ERR;
	return newsletter_render(n, s->err);
}

static int write_new(struct svc *s, void *arg)
{
	struct newsletter *n = arg;
	n->author_id = s->who->account_id;
	n->status = NEWSLETTER_DRAFT;
	n->created_at = n->updated_at = s->now;
	if (claim(s, n) || prepare(s, n, ACT_CREATE))
		return KP_ERR;
	return store_newsletter_insert(s->db, n, s->err);
}

int newsletter_create(struct app *app, struct db *db, const struct principal *who,
                      struct newsletter *n, struct kp_error *err)
{
	n->id = 0;
	return svc_run(app, db, who, write_new, n, err);
}

/* Loads newsletter id into *out (allocated; the caller frees it). */
static int load(struct svc *s, int64_t id, struct newsletter **out)
{
	*out = malloc(sizeof **out);
	if (*out == NULL)
		return kp_internal(s->err);
	return store_newsletter_get(s->db, id, *out, s->err);
}

static int write_changes(struct svc *s, void *arg)
{
	struct newsletter *n = arg, *was = NULL;
	int rc = load(s, n->id, &was);
	if (rc == KP_OK) {
		struct authz_target t = writer_target(was);
		rc = svc_authorise(s, RES_NEWSLETTER, ACT_UPDATE, &t);
	}
	if (rc == KP_OK && was->status != NEWSLETTER_DRAFT)
		rc = kp_fail(s->err, KP_CONFLICT, "newsletter_sent", "status");
	if (rc == KP_OK) {
		/* The writer and the reach of a coordinator's stay as they were. */
		n->organisation_id = was->organisation_id;
		if (was->organisation_id > 0)
			n->filter.organisation_id = was->organisation_id;
		n->updated_at = s->now;
		rc = prepare(s, n, ACT_UPDATE) || store_newsletter_update(s->db, n, s->err) ||
		     store_newsletter_get(s->db, n->id, n, s->err);
	}
	free(was);
	return rc ? KP_ERR : KP_OK;
}

int newsletter_update(struct app *app, struct db *db, const struct principal *who,
                      struct newsletter *n, struct kp_error *err)
{
	return svc_run(app, db, who, write_changes, n, err);
}

struct preview_args {
	struct newsletter *n;
	int64_t *reach;
};

static int read_preview(struct svc *s, void *arg)
{
	struct preview_args *a = arg;
	if (claim(s, a->n) || prepare(s, a->n, ACT_CREATE))
		return KP_ERR;
	return store_newsletter_reach(s->db, &a->n->filter, a->reach, s->err);
}

int newsletter_preview(struct app *app, struct db *db, const struct principal *who,
                       struct newsletter *n, int64_t *reach, struct kp_error *err)
{
	struct preview_args a = { n, reach };
	return svc_read(app, db, who, read_preview, &a, err);
}

struct show_args {
	int64_t id;
	struct newsletter *n;
	int64_t *reach;
};

static int read_one(struct svc *s, void *arg)
{
	struct show_args *a = arg;
	struct authz_target t = { 0 };
	bool received = false;
	if (store_newsletter_get(s->db, a->id, a->n, s->err))
		return KP_ERR;
	t = writer_target(a->n);
	if (s->who->role == ROLE_VOLUNTEER && a->n->status == NEWSLETTER_SENT) {
		if (store_newsletter_received(s->db, a->id, s->who->volunteer_id, &received, s->err))
			return KP_ERR;
		if (received)
			t.volunteer_id = s->who->volunteer_id;
	}
	if (svc_authorise(s, RES_NEWSLETTER, ACT_READ, &t))
		return KP_ERR;
	*a->reach = -1;
	if (s->who->role == ROLE_VOLUNTEER) {
		a->n->markdown[0] = '\0'; /* a reader gets what was sent */
		return KP_OK;
	}
	if (a->n->status == NEWSLETTER_SENT)
		return store_newsletter_recipient_count(s->db, a->id, a->reach, s->err);
	return store_newsletter_reach(s->db, &a->n->filter, a->reach, s->err);
}

int newsletter_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
                    struct newsletter *n, int64_t *reach, struct kp_error *err)
{
	struct show_args a = { id, n, reach };
	return svc_read(app, db, who, read_one, &a, err);
}

struct list_args {
	struct page pg;
	newsletter_fn each;
	void *ctx;
	int64_t *total;
};

static int read_list(struct svc *s, void *arg)
{
	struct list_args *a = arg;
	struct authz_scope scope = authz_list_scope(s->who, RES_NEWSLETTER);
	struct newsletter_scope ns = { scope.organisation_id, scope.volunteer_id };
	if (scope.none)
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "");
	if (!scope.all && ns.organisation_id == 0 && ns.volunteer_id == 0)
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "");
	struct newsletter *scratch = malloc(sizeof *scratch);
	if (scratch == NULL)
		return kp_internal(s->err);
	int rc = store_newsletter_list(s->db, &ns, a->pg, scratch, a->each, a->ctx, a->total,
	                               s->err);
	free(scratch);
	return rc;
}

int newsletter_list(struct app *app, struct db *db, const struct principal *who,
                    struct page pg, newsletter_fn each, void *ctx, int64_t *total,
                    struct kp_error *err)
{
	struct list_args a = { pg, each, ctx, total };
	return svc_read(app, db, who, read_list, &a, err);
}

/* --- sending --- */

struct send_args {
	int64_t id;
	struct newsletter *n;
	int64_t after_id;        /* the last volunteer of the previous batch */
	int batch_size;          /* people in this batch; 0: all done */
	struct newsletter_recipient *batch;
	char *body;              /* the mail's text */
	char link[300];          /* where to read it again after login */
	size_t body_cap;
};

static int begin_sending(struct svc *s, void *arg)
{
	struct send_args *a = arg;
	if (store_newsletter_get(s->db, a->id, a->n, s->err))
		return KP_ERR;
	struct authz_target t = writer_target(a->n);
	if (svc_authorise(s, RES_NEWSLETTER, ACT_UPDATE, &t))
		return KP_ERR;
	if (a->n->status == NEWSLETTER_SENT)
		return kp_fail(s->err, KP_CONFLICT, "newsletter_sent", "status");
	a->n->status = NEWSLETTER_SENDING;
	a->n->updated_at = s->now;
	return store_newsletter_set_status(s->db, a->n, s->err);
}

/* Queues the mails of the next NEWSLETTER_BATCH people, with their record. */
static int queue_batch(struct svc *s, void *arg)
{
	struct send_args *a = arg;
	struct newsletter *n = a->n;
	char key[64];
	int queued = 0, added_people = 0;
	snprintf(key, sizeof key, NEWSLETTER_KEY, (long long)n->id);
	/* Each reader's own choice for newsletters, with the unsubscribe link. */
	struct notifier nf = notify_from(s);
	nf.queued = &queued;
	struct mail_var vars[] = { { "subject", n->subject, NULL }, { "body", a->body, NULL },
		                   { "link", a->link, NULL } };
	struct notice notice = { "newsletter", NOTIFY_NEWSLETTER, key, n->organisation_id, vars, 3,
		                 n->id };
	if (store_newsletter_batch(s->db, &n->filter, a->after_id, a->batch, NEWSLETTER_BATCH,
	                           &a->batch_size, s->err))
		return KP_ERR;
	for (int i = 0; i < a->batch_size; i++) {
		bool added = false;
		if (store_newsletter_recipient_add(s->db, n->id, a->batch[i].volunteer_id, &added,
		                                   s->err))
			return KP_ERR;
		added_people += added;
		if (added && notify_address(&nf, a->batch[i].email, &notice))
			return KP_ERR;
	}
	/* The counts grow with each batch, so a send cut off keeps what it did. */
	struct newsletter *now = malloc(sizeof *now);
	int rc = now ? store_newsletter_get(s->db, n->id, now, s->err) : kp_internal(s->err);
	if (rc == KP_OK) {
		now->recipients += added_people;
		now->queued += queued;
		now->updated_at = s->now;
		rc = store_newsletter_set_status(s->db, now, s->err);
	}
	free(now);
	return rc;
}

static int finish_sending(struct svc *s, void *arg)
{
	struct send_args *a = arg;
	if (store_newsletter_get(s->db, a->id, a->n, s->err))
		return KP_ERR;
	a->n->status = NEWSLETTER_SENT;
	a->n->sent_at = a->n->updated_at = s->now;
	return store_newsletter_recipient_count(s->db, a->id, &a->n->recipients, s->err) ||
	       store_newsletter_set_status(s->db, a->n, s->err);
}

/* The mail's text: the newsletter; the template adds where to read it again. */
static void mail_body(const struct app *app, const struct newsletter *n, char *out, size_t cap,
                      char *link, size_t link_cap)
{
	snprintf(out, cap, "%s", n->text);
	notify_link(app, link, link_cap, "/nieuwsbrieven/%lld", (long long)n->id);
}

int newsletter_send(struct app *app, struct db *db, const struct principal *who, int64_t id,
                    struct newsletter *n, struct kp_error *err)
{
	struct send_args a = { .id = id, .n = n };
	a.batch = calloc(NEWSLETTER_BATCH, sizeof *a.batch);
	a.body_cap = sizeof n->text + 512;
	a.body = malloc(a.body_cap);
	int rc = a.batch && a.body ? svc_run(app, db, who, begin_sending, &a, err)
	                           : kp_internal(err);
	if (rc == KP_OK)
		mail_body(app, n, a.body, a.body_cap, a.link, sizeof a.link);
	while (rc == KP_OK) {
		rc = svc_run(app, db, who, queue_batch, &a, err);
		if (rc != KP_OK || a.batch_size == 0)
			break;
		a.after_id = a.batch[a.batch_size - 1].volunteer_id;
	}
	if (rc == KP_OK)
		rc = svc_run(app, db, who, finish_sending, &a, err);
	free(a.batch);
	free(a.body);
	return rc;
}
