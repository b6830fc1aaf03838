/* What needs attention today (dashboard.h). */
#include "service/dashboard.h"

#include <stdio.h>
#include <string.h>

#include "service/calls.h"

struct fill {
	struct dashboard_queue *queue;
	const struct principal *who;
};

static struct dashboard_row *next_row(struct dashboard_queue *q)
{
	if (q->n == DASHBOARD_ROWS)
		return NULL;
	q->rows[q->n].origin = -1;
	return &q->rows[q->n++];
}

static int add_call(void *ctx, const struct call *c)
{
	struct fill *f = ctx;
	struct dashboard_row *r = next_row(f->queue);
	if (r == NULL)
		return 0;
	r->id = r->call_id = c->id;
	/* A help request's confidential title only where the caller may read it. */
	snprintf(r->title, sizeof r->title, "%s",
	         call_text_allowed(f->who, c) ? c->title : c->public_title);
	snprintf(r->detail, sizeof r->detail, "%s", c->place);
	r->since = c->created_at;
	return 0;
}

static int add_match(void *ctx, const struct match *m)
{
	struct dashboard_row *r = next_row(((struct fill *)ctx)->queue);
	if (r == NULL)
		return 0;
	r->id = m->id;
	r->call_id = m->call_id;
	r->volunteer_id = m->volunteer_id;
	r->origin = m->origin;
	snprintf(r->title, sizeof r->title, "%s", m->volunteer_name);
	snprintf(r->detail, sizeof r->detail, "%s", m->call_title);
	r->since = m->created_at;
	return 0;
}

static int add_volunteer(void *ctx, const struct volunteer *v)
{
	struct dashboard_row *r = next_row(((struct fill *)ctx)->queue);
	if (r == NULL)
		return 0;
	r->id = r->volunteer_id = v->id;
	snprintf(r->title, sizeof r->title, "%.400s %.400s", v->first_name, v->last_name);
	snprintf(r->detail, sizeof r->detail, "%s", v->place);
	r->since = v->created_at;
	return 0;
}

static int read_queues(struct svc *s, void *arg)
{
	struct dashboard *d = arg;
	struct authz_scope scope = authz_list_scope(s->who, RES_TASK);
	struct page pg = { .limit = DASHBOARD_ROWS, .offset = 0 };
	struct list_filter f;
	if (scope.none || (!scope.all && scope.organisation_id == 0))
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "id");
	memset(d, 0, sizeof *d);
	list_filter_init(&f);
	f.organisation_id = scope.organisation_id;
	f.oldest_first = true;

	struct fill calls = { &d->unmatched_calls, s->who };
	f.status = CALL_OPEN;
	f.unmatched = true;
	f.offers_of = -1; /* an offer waits for a help request, not for a volunteer */
	if (store_call_list(s->db, &f, pg, add_call, &calls, &d->unmatched_calls.total, s->err))
		return KP_ERR;
	f.unmatched = false;
	f.offers_of = 0;

	struct fill proposals = { &d->proposals, s->who };
	f.status = MATCH_PROPOSED;
	if (store_match_list(s->db, &f, pg, add_match, &proposals, &d->proposals.total, s->err))
		return KP_ERR;

	/* The organisation's own people: organisation_id alone, no consented others. */
	struct fill applicants = { &d->applicants, s->who };
	f.status = VOLUNTEER_APPLIED;
	return store_volunteer_list(s->db, &f, pg, add_volunteer, &applicants,
	                            &d->applicants.total, s->err);
}

int dashboard_read(struct app *app, struct db *db, const struct principal *who,
                   struct dashboard *out, struct kp_error *err)
{
	return svc_read(app, db, who, read_queues, out, err);
}
