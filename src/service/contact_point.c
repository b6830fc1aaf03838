/* The central contact point: hub, help requests, triage and warm referral,
   the client's rights (contact_point.h). */
#include "service/contact_point.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/ratelimit.h"
#include "model/notification.h"
#include "model/offer.h"
#include "model/place.h"
#include "service/notify.h"
#include "service/organisations.h"
#include "service/suggestions.h"

/* --- the network's contact point --- */

static int read_cp(struct svc *s, void *arg)
{
	struct contact_point *cp = arg;
	if (svc_authorise(s, RES_CONTACT_POINT, ACT_READ, NULL))
		return KP_ERR;
	return store_contact_point_get(s->db, &cp->hub_organisation_id, &cp->pickup_working_days,
	                               s->err);
}

int contact_point_get(struct app *app, struct db *db, const struct principal *who,
                      struct contact_point *out, struct kp_error *err)
{
	return svc_read(app, db, who, read_cp, out, err);
}

static int write_cp(struct svc *s, void *arg)
{
	const struct contact_point *cp = arg;
	int64_t network;
	if (svc_authorise(s, RES_CONTACT_POINT, ACT_UPDATE, NULL))
		return KP_ERR;
	if (cp->pickup_working_days < 1 || cp->pickup_working_days > PICKUP_WORKING_DAYS_MAX)
		return kp_fail_limit(s->err, KP_INVALID, "out_of_range", "pickup_working_days",
		                     PICKUP_WORKING_DAYS_MAX);
	if ((cp->hub_organisation_id &&
	     organisation_check(s, cp->hub_organisation_id, "hub_organisation_id")) ||
	    store_network_ensure(s->db, "Knooppunt", "", s->now, &network, s->err) ||
	    store_contact_point_set(s->db, cp->hub_organisation_id, cp->pickup_working_days,
	                            s->err))
		return KP_ERR;
	return svc_audit(s, "update", "contact_point", 0, 0, NULL);
}

int contact_point_set(struct app *app, struct db *db, const struct principal *who,
                      const struct contact_point *in, struct kp_error *err)
{
	return svc_run(app, db, who, write_cp, (void *)in, err);
}

/* --- help requests --- */

/* The request as the permission module sees it, for the caller's role. */
static struct authz_target target_of(const struct help_request *r, const struct client_record *c,
                                     int64_t hub)
{
	struct authz_target t = { .organisation_id = r->organisation_id,
	                          .created_by = r->created_by,
	                          .hub_organisation_id = hub,
	                          .client_consent = c != NULL && c->consent_share };
	return t;
}

struct submit {
	struct help_request *r;
	struct client_record *c;
};

static int write_submit(struct svc *s, void *arg)
{
	struct submit *x = arg;
	struct contact_point cp;
	if (store_contact_point_get(s->db, &cp.hub_organisation_id, &cp.pickup_working_days,
	                            s->err))
		return KP_ERR;
	struct authz_target t = { .hub_organisation_id = cp.hub_organisation_id };
	if (svc_authorise(s, RES_HELP_REQUEST, ACT_CREATE, &t))
		return KP_ERR;
	if (cp.hub_organisation_id == 0)
		return kp_fail(s->err, KP_CONFLICT, "no_hub", "organisation_id");
	x->r->channel = s->who->role == ROLE_ANONYMOUS  ? HELP_FORM
	                : s->who->role == ROLE_REFERRER ? HELP_REFERRER
	                                                : HELP_DESK;
	if (x->r->channel == HELP_REFERRER && x->c->referred_by[0] == '\0')
		snprintf(x->c->referred_by, sizeof x->c->referred_by, "%s", s->who->display_name);
	x->r->status = HELP_NEW;
	x->r->organisation_id = 0;
	x->r->created_by = s->who->account_id;
	x->r->created_at = x->r->updated_at = s->now;
	x->c->consent_at = s->now;
	if (help_request_validate(x->r, x->c, s->err) ||
	    store_help_request_insert(s->db, x->r, x->c, s->err))
		return KP_ERR;
	return svc_audit(s, "create", "client_record", 0, x->r->id, help_channel_name(x->r->channel));
}

int help_request_submit(struct app *app, struct db *db, const struct principal *who,
                        const char *address, struct help_request *r, struct client_record *c,
                        struct kp_error *err)
{
	struct submit x = { r, c };
	char key[80];
	int64_t now = app->now();
	if (who->role == ROLE_ANONYMOUS && app->signup_limit != NULL) {
		snprintf(key, sizeof key, "help:%.64s", address ? address : "");
		if (!ratelimit_allowed(app->signup_limit, key, now))
			return kp_fail(err, KP_LIMITED, "too_many_attempts", "name");
		ratelimit_fail(app->signup_limit, key, now);
	}
	return svc_run(app, db, who, write_submit, &x, err);
}

static int read_list(struct svc *s, void *arg)
{
	struct help_request_query *q = arg;
	if (store_contact_point_get(s->db, &q->cp.hub_organisation_id,
	                            &q->cp.pickup_working_days, s->err))
		return KP_ERR;
	struct authz_scope scope = authz_help_request_scope(s->who, q->cp.hub_organisation_id);
	if (scope.none) {
		struct authz_target t = { .hub_organisation_id = q->cp.hub_organisation_id };
		return svc_authorise(s, RES_HELP_REQUEST, ACT_LIST, &t)
		           ? KP_ERR
		           : kp_fail(s->err, KP_FORBIDDEN, "forbidden", "");
	}
	struct help_request_filter f = { .organisation_id = scope.organisation_id,
	                                 .created_by = scope.created_by,
	                                 .status = q->status };
	if (q->waiting_only) {
		f.status = -1;
		f.routed_before = working_days_cutoff(s->now, q->cp.pickup_working_days);
	}
	return store_help_request_list(s->db, &f, q->page, q->each, q->ctx, &q->total, s->err);
}

int help_request_list(struct app *app, struct db *db, const struct principal *who,
                      struct help_request_query *q, struct kp_error *err)
{
	q->total = 0;
	return svc_read(app, db, who, read_list, q, err);
}

/* Loads request id with its client and the hub; authorises `act` on it. */
static int load(struct svc *s, int64_t id, enum action act, struct help_view *v,
                struct contact_point *cp)
{
	if (store_contact_point_get(s->db, &cp->hub_organisation_id, &cp->pickup_working_days,
	                            s->err) ||
	    store_help_request_get(s->db, id, &v->req, s->err) ||
	    store_client_get(s->db, id, &v->client, s->err))
		return KP_ERR;
	struct authz_target t = target_of(&v->req, &v->client, cp->hub_organisation_id);
	if (svc_authorise(s, RES_HELP_REQUEST, act, &t))
		return KP_ERR;
	v->client_shown = authz_allows(s->who, RES_CLIENT_RECORD, ACT_READ, &t);
	v->waiting = help_request_waiting(&v->req, s->now, cp->pickup_working_days);
	return KP_OK;
}

struct show {
	int64_t id;
	struct help_view *out;
};

static int read_one(struct svc *s, void *arg)
{
	struct show *x = arg;
	struct contact_point cp;
	if (load(s, x->id, ACT_READ, x->out, &cp))
		return KP_ERR;
	if (!x->out->client_shown) {
		memset(&x->out->client, 0, sizeof x->out->client);
		return KP_OK;
	}
	return svc_audit(s, "view", "client_record", 0, x->id, NULL);
}

int help_request_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
                      struct help_view *out, struct kp_error *err)
{
	struct show x = { id, out };
	return svc_read(app, db, who, read_one, &x, err);
}

/* Routing is the hub's; accepting and handing back the receiving
   coordinator's: each is authorised as only that side. Either closes. */
static int authorise_step(struct svc *s, const struct help_view *v, int64_t hub, int to)
{
	struct authz_target t = target_of(&v->req, &v->client, hub);
	if (to == HELP_ROUTED)
		t.organisation_id = 0;
	else if (to != HELP_CLOSED) /* closing: the hub, or the receiving side after nazorg */
		t.hub_organisation_id = 0;
	return svc_authorise(s, RES_HELP_REQUEST, ACT_UPDATE, &t);
}

/* --- triage --- */

struct suggest {
	int64_t id;
	struct help_suggestion *out;
	int *n;
	int64_t ids[SUGGESTIONS_MAX];
	int n_ids;
};

static int add_candidate(void *ctx, int64_t id)
{
	struct suggest *x = ctx;
	if (x->n_ids < SUGGESTIONS_MAX)
		x->ids[x->n_ids++] = id;
	return 0;
}

/* Open to new clients first, then those with fewer requests waiting, then
   those that pick up faster. */
static int least_busy(const void *a, const void *b)
{
	const struct help_suggestion *x = a, *y = b;
	if (x->new_clients != y->new_clients)
		return y->new_clients - x->new_clients;
	if (x->pickup.waiting != y->pickup.waiting)
		return x->pickup.waiting < y->pickup.waiting ? -1 : 1;
	return (x->pickup.pickup_seconds > y->pickup.pickup_seconds) -
	       (x->pickup.pickup_seconds < y->pickup.pickup_seconds);
}

static int describe(struct svc *s, int64_t org, struct help_suggestion *out)
{
	struct organisation *o = malloc(sizeof *o);
	struct offer *f = malloc(sizeof *f);
	int rc = o && f ? KP_OK : kp_internal(s->err);
	if (rc == KP_OK)
		rc = store_organisation_get(s->db, org, o, s->err) ||
		     store_offer_get(s->db, org, f, s->err) ||
		     store_organisation_pickup(s->db, org, &out->pickup, s->err);
	if (rc == KP_OK) {
		out->organisation_id = org;
		snprintf(out->name, sizeof out->name, "%s", o->name);
		out->new_clients = f->new_clients;
	}
	free(o);
	free(f);
	return rc;
}

static int read_suggest(struct svc *s, void *arg)
{
	struct suggest *x = arg;
	struct help_view *v = malloc(sizeof *v);
	struct contact_point cp;
	char key[OFFER_PLACE_MAX * 4 + 1];
	int64_t total;
	int rc = v ? load(s, x->id, ACT_READ, v, &cp) : kp_internal(s->err);
	if (rc == KP_OK) /* triage is the hub's */
		rc = authorise_step(s, v, cp.hub_organisation_id, HELP_ROUTED);
	if (rc == KP_OK) {
		offer_place_key(v->req.place, key, sizeof key);
		struct map_filter f = { .place_key = key, .activity_id = v->req.activity_id };
		struct page pg = { .limit = SUGGESTIONS_MAX };
		rc = store_map_search(s->db, &f, pg, add_candidate, x, &total, s->err);
	}
	for (int i = 0; i < x->n_ids && rc == KP_OK; i++)
		rc = describe(s, x->ids[i], &x->out[(*x->n)++]);
	if (rc == KP_OK)
		qsort(x->out, (size_t)*x->n, sizeof *x->out, least_busy);
	free(v);
	return rc;
}

int help_request_suggest(struct app *app, struct db *db, const struct principal *who,
                         int64_t id, struct help_suggestion *out, int *n,
                         struct kp_error *err)
{
	struct suggest x = { .id = id, .out = out, .n = n };
	*n = 0;
	return svc_read(app, db, who, read_suggest, &x, err);
}

/* --- volunteers who fit --- */

struct fitting {
	int64_t id;
	int limit;
	candidate_fn each;
	void *ctx;
	int64_t *total;
};

/* The request as a question to the matching engine: its activity at its
   place, for the organisation it is routed to or for the hub; it says
   neither when nor how often, so every day-part counts. */
static int read_fitting(struct svc *s, void *arg)
{
	struct fitting *x = arg;
	struct help_view *v = malloc(sizeof *v);
	struct call *spec = malloc(sizeof *spec);
	struct contact_point cp;
	struct kp_error miss = { 0 };
	int rc = v && spec ? load(s, x->id, ACT_READ, v, &cp) : kp_internal(s->err);
	if (rc == KP_OK) {
		/* Seen from the receiving organisation by whoever may list its
		   candidates, else from the hub: each sees the volunteers it may. */
		struct authz_target t = { .organisation_id = v->req.organisation_id };
		if (t.organisation_id == 0 || !authz_allows(s->who, RES_SUGGESTION, ACT_LIST, &t))
			t.organisation_id = cp.hub_organisation_id;
		call_init(spec);
		spec->organisation_id = t.organisation_id;
		rc = svc_authorise(s, RES_SUGGESTION, ACT_LIST, &t);
	}
	const struct place *p = rc == KP_OK ? place_lookup(v->req.place, "place", &miss) : NULL;
	/* A closed request, or one whose place is unknown, has nobody: an empty answer. */
	if (p != NULL && v->req.status != HELP_CLOSED) {
		spec->activity_id = v->req.activity_id;
		spec->dayparts = DAYPART_ALL;
		spec->lat = p->lat;
		spec->lon = p->lon;
		rc = svc_request_candidates(s, spec, x->limit, x->each, x->ctx, x->total);
	}
	free(v);
	free(spec);
	return rc;
}

int help_request_volunteers(struct app *app, struct db *db, const struct principal *who,
                            int64_t id, int limit, candidate_fn each, void *ctx, int64_t *total,
                            struct kp_error *err)
{
	struct fitting x = { id, limit, each, ctx, total };
	*total = 0;
	return svc_read(app, db, who, read_fitting, &x, err);
}

/* --- the warm referral --- */

static int accept(struct svc *s, struct help_step *st, struct help_request *r)
{
	const char *name = st->contact_name && st->contact_name[0] ? st->contact_name
	                                                           : s->who->display_name;
	snprintf(r->contact_name, sizeof r->contact_name, "%s", name);
	snprintf(r->contact_phone, sizeof r->contact_phone, "%s",
	         st->contact_phone ? st->contact_phone : "");
	r->accepted_at = s->now;
	if (st->call_id) {
		struct call *c = malloc(sizeof *c);
		int rc = c ? store_call_get(s->db, st->call_id, c, s->err) : kp_internal(s->err);
		if (rc && s->err->kind == KP_NOT_FOUND)
			rc = kp_invalid(s->err, "call_id", "unknown_reference");
		if (rc == KP_OK && c->organisation_id != r->organisation_id)
			rc = kp_invalid(s->err, "call_id", "unknown_reference");
		free(c);
		if (rc)
			return KP_ERR;
		r->call_id = st->call_id;
	}
	return KP_OK;
}

static int apply_step(struct svc *s, struct help_step *st, struct help_request *r)
{
	switch (st->to) {
	case HELP_ROUTED:
		if (organisation_check(s, st->organisation_id, "organisation_id"))
			return KP_ERR;
		r->organisation_id = st->organisation_id;
		r->routed_at = s->now;
		r->accepted_at = 0;
		r->contact_name[0] = r->contact_phone[0] = '\0';
		return KP_OK;
	case HELP_ACCEPTED:
		return accept(s, st, r);
	case HELP_HANDED_BACK:
		if (st->reason == NULL || st->reason[0] == '\0')
			return kp_invalid(s->err, "reason", "required");
		snprintf(r->reason, sizeof r->reason, "%s", st->reason);
		return KP_OK;
	case HELP_CLOSED:
		r->closed_at = s->now;
		return help_request_close_outcome(r, st->outcome, &r->outcome, s->err);
	default:
		return KP_OK;
	}
}

/* The client has no login: who picked up the request, and whom to call,
   reaches them by mail when they left an address (their consent covers it). */
static int tell_client(struct svc *s, const struct help_view *v, const struct organisation *o)
{
	char key[64];
	struct notifier nf = notify_from(s);
	if (v->client.email[0] == '\0' || v->client.erased_at != 0)
		return KP_OK;
	snprintf(key, sizeof key, "help-accepted:%lld", (long long)v->req.id);
	struct mail_var vars[] = {
		{ "client", v->client.name, NULL },
		{ "organisation", o->name, NULL },
		{ "contact", v->req.contact_name, NULL },
		{ "phone", v->req.contact_phone, NULL },
		{ "org_email", o->email, NULL },
	};
	struct notice n = { "help_accepted", -1, key, o->id, vars, 5 };
	return notify_address(&nf, v->client.email, &n);
}

/* Whoever passed the request on (a referrer, a professional) hears that it
   was picked up, unless they picked it up themselves. */
static int tell_referrer(struct svc *s, const struct help_view *v, const struct organisation *o)
{
	struct account a;
	char key[64], link[400];
	struct notifier nf = notify_from(s);
	if (v->req.created_by == 0 || v->req.created_by == s->who->account_id)
		return KP_OK;
	if (store_account_get(s->db, v->req.created_by, &a, NULL, s->err))
		return KP_ERR;
	snprintf(key, sizeof key, "help-picked-up:%lld", (long long)v->req.id);
	notify_link(s->app, link, sizeof link, "/contactpunt/%lld", (long long)v->req.id);
	struct mail_var vars[] = {
		{ "name", a.display_name, NULL },
		{ "organisation", o->name, NULL },
		{ "contact", v->req.contact_name, NULL },
		{ "phone", v->req.contact_phone, NULL },
		{ "link", link, NULL },
	};
	struct notice n = { "help_picked_up", NOTIFY_HELP_PICKED_UP, key, o->id, vars, 5 };
	return notify_address(&nf, a.email, &n);
}

/* The client and the referrer hear who picked up the request. */
static int tell_picked_up(struct svc *s, const struct help_view *v)
{
	struct organisation *o = malloc(sizeof *o);
	if (o == NULL)
		return kp_internal(s->err);
	int rc = store_organisation_get(s->db, v->req.organisation_id, o, s->err);
	if (rc == KP_OK)
		rc = tell_client(s, v, o);
	if (rc == KP_OK)
		rc = tell_referrer(s, v, o);
	free(o);
	return rc;
}

static int write_step(struct svc *s, void *arg)
{
	struct help_step *st = arg;
	struct help_view *v = malloc(sizeof *v);
	struct contact_point cp;
	int rc = v ? load(s, st->id, ACT_READ, v, &cp) : kp_internal(s->err);
	if (rc == KP_OK)
		rc = authorise_step(s, v, cp.hub_organisation_id, st->to) ||
		     help_request_check_step(v->req.status, st->to, s->err) ||
		     apply_step(s, st, &v->req);
	if (rc == KP_OK) {
		v->req.status = st->to;
		v->req.updated_at = s->now;
		rc = store_help_request_update(s->db, &v->req, s->err) ||
		     svc_audit(s, "update", "help_request", 0, st->id, help_status_name(st->to)) ||
		     (st->to == HELP_ACCEPTED && tell_picked_up(s, v));
	}
	if (rc == KP_OK)
		st->out = v->req;
	free(v);
	return rc ? KP_ERR : KP_OK;
}

int help_request_step(struct app *app, struct db *db, const struct principal *who,
                      struct help_step *st, struct kp_error *err)
{
	return svc_run(app, db, who, write_step, st, err);
}

/* --- the client's rights --- */

static int client_target(struct svc *s, int64_t id, enum action act, struct help_view *v)
{
	struct contact_point cp;
	if (store_contact_point_get(s->db, &cp.hub_organisation_id, &cp.pickup_working_days,
	                            s->err) ||
	    store_help_request_get(s->db, id, &v->req, s->err) ||
	    store_client_get(s->db, id, &v->client, s->err))
		return KP_ERR;
	struct authz_target t = target_of(&v->req, &v->client, cp.hub_organisation_id);
	return svc_authorise(s, RES_CLIENT_RECORD, act, &t);
}

static int read_export(struct svc *s, void *arg)
{
	struct show *x = arg;
	if (client_target(s, x->id, ACT_EXPORT, x->out))
		return KP_ERR;
	x->out->client_shown = true;
	return svc_audit(s, "export", "client_record", 0, x->id, NULL);
}

int client_export(struct app *app, struct db *db, const struct principal *who, int64_t id,
                  struct help_view *out, struct kp_error *err)
{
	struct show x = { id, out };
	return svc_read(app, db, who, read_export, &x, err);
}

static int write_erase(struct svc *s, void *arg)
{
	struct show *x = arg;
	if (client_target(s, x->id, ACT_DELETE, x->out))
		return KP_ERR;
	client_record_erase(&x->out->client, s->now);
	return store_client_put(s->db, &x->out->client, s->err) ||
	               svc_audit(s, "erase", "client_record", 0, x->id, NULL)
	           ? KP_ERR
	           : KP_OK;
}

int client_erase(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 struct kp_error *err)
{
	struct help_view *v = malloc(sizeof *v);
	struct show x = { id, v };
	int rc = v ? svc_run(app, db, who, write_erase, &x, err) : kp_internal(err);
	free(v);
	return rc;
}
