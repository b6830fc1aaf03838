/* Posting and editing calls for help (calls.h). */
#include "service/calls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/match_feed.h"
#include "service/organisations.h"
#include "util/parse.h"

void call_defaults_for(const struct principal *who, struct call *call)
{
	call->created_by = who->account_id;
	call->organisation_id = who->organisation_id;
	switch (who->role) {
	case ROLE_PROFESSIONAL:
		call->source = SOURCE_LOCATION;
		break;
	case ROLE_REFERRER:
		call->source = SOURCE_REFERRER;
		call->organisation_id = 0; /* the referrer names the receiving organisation */
		break;
	case ROLE_VOLUNTEER:
		call->source = SOURCE_VOLUNTEER;
		call->volunteer_id = who->volunteer_id;
		break;
	default:
		call->source = SOURCE_ORGANISATION;
	}
}

static struct authz_target target_of_head(const struct call_head *h)
{
	return (struct authz_target){ .organisation_id = h->organisation_id,
	                              .volunteer_id = h->volunteer_id,
	                              .created_by = h->created_by,
	                              .unpublished = !h->published,
	                              .offer = call_source_is_offer(h->source) };
}

static struct authz_target target_of(const struct call *call)
{
	struct call_head h;
	call_head_of(call, &h);
	return target_of_head(&h);
}

static bool text_allowed(const struct principal *who, const struct call_head *h)
{
	struct authz_target t = target_of_head(h);
	return !call_source_is_request(h->source) ||
	       authz_allows(who, RES_REQUEST_TEXT, ACT_READ, &t);
}

bool call_text_allowed(const struct principal *who, const struct call *call)
{
	struct call_head h;
	call_head_of(call, &h);
	return text_allowed(who, &h);
}

/* A volunteer's offer belongs to their own organisation, whatever was asked. */
static int own_organisation(struct svc *s, struct call *call)
{
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, s->who->volunteer_id, false, v, s->err);
	if (rc == KP_OK) /* v is uninitialised when the lookup failed */
		call->organisation_id = v->organisation_id;
	free(v);
	call->source = SOURCE_VOLUNTEER;
	call->volunteer_id = s->who->volunteer_id;
	return rc;
}

/* Shared-list values switched off stay on a call that has them, and are not
   chosen anew (catalog_check_chosen). */
static int check_chosen(struct svc *s, const struct call *was, const struct call *call)
{
	return catalog_check_one(&s->app->lists, call->activity_id, was ? was->activity_id : 0,
	                         "activity", s->err) ||
	               catalog_check_chosen(&s->app->lists, &call_fields, was, call, s->err)
	           ? KP_ERR
	           : KP_OK;
}

/* A call's location is one of the call's organisation; a location that was
   switched off stays on the calls that have it and is not chosen anew. A
   newly chosen location's name and address go with the call. */
static int check_location(struct svc *s, const struct call *was, struct call *call)
{
	struct location l;
	if (was && was->location_id == call->location_id)
		return KP_OK;
	call->location_name[0] = call->location_address[0] = '\0';
	if (call->location_id == 0)
		return KP_OK;
	int rc = store_location_get(s->db, call->location_id, &l, s->err);
	if (rc && s->err->kind == KP_NOT_FOUND)
		return kp_invalid(s->err, "location_id", "unknown_reference");
	if (rc == KP_OK && l.organisation_id != call->organisation_id)
		return kp_invalid(s->err, "location_id", "other_organisation");
	if (rc == KP_OK && !l.active)
		return kp_invalid(s->err, "location_id", "inactive");
	if (rc == KP_OK) {
		memcpy(call->location_name, l.name, sizeof call->location_name);
		memcpy(call->location_address, l.address, sizeof call->location_address);
	}
	return rc;
}

/* RES_CALL for act on call, knowing whether it is at the caller's locations. */
static int authorise_call(struct svc *s, enum action act, const struct call *call)
{
	struct authz_target t = target_of(call);
	if (svc_locations_target(s, call->location_id, &t))
		return KP_ERR;
	if (t.outside_locations && !authz_allows(s->who, RES_CALL, act, &t))
		return kp_fail(s->err, KP_FORBIDDEN, "not_your_location", "location_id");
	return svc_authorise(s, RES_CALL, act, &t);
}

static int check_organisation(struct svc *s, int64_t id)
{
	if (id <= 0)
		return kp_invalid(s->err, "organisation_id", "required");
	return organisation_check(s, id, "organisation_id");
}

/* An offer is the volunteer's own: its volunteer must be one the caller may
   act for (their own record; for staff a volunteer of their organisation),
   of the call's organisation, or it would show in another person's data. */
static int check_offer_volunteer(struct svc *s, const struct call *call)
{
	struct consent k;
	struct authz_target t;
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, call->volunteer_id, false, v, s->err);
	if (rc && s->err->kind == KP_NOT_FOUND)
		kp_invalid(s->err, "volunteer_id", "unknown_reference");
	if (rc == KP_OK)
		rc = svc_volunteer_target(s, v->organisation_id, v->id, &k, &t);
	if (rc == KP_OK && !authz_allows(s->who, RES_VOLUNTEER, ACT_UPDATE, &t))
		rc = kp_fail(s->err, KP_FORBIDDEN, "forbidden", "volunteer_id");
	else if (rc == KP_OK && v->organisation_id != call->organisation_id)
		rc = kp_invalid(s->err, "volunteer_id", "other_organisation");
	free(v);
	return rc;
}

/* One line of the call's history: which fields changed (none: posted), by
   whom, and the new status when it changed. */
static int record_change(struct svc *s, const struct call *call, uint64_t changed, bool moved)
{
	struct call_change c = { .call_id = call->id, .version = call->version,
	                         .status = moved ? call->status : -1,
	                         .actor_id = s->who->account_id, .at = s->now };
	size_t n = 0;
	for (int i = 0; i < call_fields.n && n < sizeof c.fields; i++)
		if (changed & (UINT64_C(1) << i))
			n += (size_t)snprintf(c.fields + n, sizeof c.fields - n, "%s%s", n ? "," : "",
			                      call_fields.defs[i].name);
	return store_call_change_insert(s->db, &c, s->err);
}

int call_create_in(struct svc *s, struct call *call)
{
	if (s->who->role == ROLE_VOLUNTEER && own_organisation(s, call))
		return KP_ERR;
	if (s->who->role == ROLE_REFERRER) {
		call->source = SOURCE_REFERRER;
		/* The public text is the receiving organisation's to write. */
		call->public_title[0] = call->public_description[0] = '\0';
	}
	if (check_organisation(s, call->organisation_id))
		return KP_ERR;
	call->status = CALL_OPEN;
	call->created_at = call->updated_at = s->now;
	call->version = 1;
	if (check_location(s, NULL, call) || authorise_call(s, ACT_CREATE, call) ||
	    (call->volunteer_id != 0 && check_offer_volunteer(s, call)) ||
	    call_validate(call, s->err) || check_chosen(s, NULL, call) ||
	    call_check_date(call, NULL, s->now, s->err) ||
	    store_call_insert(s->db, call, s->err) || record_change(s, call, 0, false))
		return KP_ERR;
	svc_after_call(s, call->id);
	return KP_OK;
}

static int write_new(struct svc *s, void *arg)
{
	return call_create_in(s, arg);
}

int call_create(struct app *app, struct db *db, const struct principal *who, struct call *call,
                struct kp_error *err)
{
	call->id = 0;
	return svc_run(app, db, who, write_new, call, err);
}

int call_update_in(struct svc *s, struct call_edit *e, struct call *next)
{
	if (store_call_get(s->db, e->id, e->out, s->err) || authorise_call(s, ACT_UPDATE, e->out))
		return KP_ERR;
	*next = *e->out;
	field_copy(&call_fields, e->mask, next, e->patch);
	uint64_t changed = field_changed(&call_fields, e->out, next) & e->mask;
	if (changed == 0)
		return KP_OK; /* nothing new: no write, no new version */
	if (next->organisation_id != e->out->organisation_id && s->who->role != ROLE_ADMIN)
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "organisation_id");
	bool moved = next->volunteer_id != e->out->volunteer_id ||
	             next->organisation_id != e->out->organisation_id;
	if (next->volunteer_id != 0 && moved && check_offer_volunteer(s, next))
		return KP_ERR;
	/* A professional moves a call only between her own locations. */
	if (check_location(s, e->out, next) ||
	    (next->location_id != e->out->location_id && authorise_call(s, ACT_UPDATE, next)) ||
	    svc_check_meanwhile(s, &call_fields, e->id, e->base_version, e->out->version,
	                        changed) ||
	    call_validate(next, s->err) || check_chosen(s, e->out, next) ||
	    call_check_date(next, e->out, s->now, s->err))
		return KP_ERR;
	next->updated_at = s->now;
	next->version = e->out->version + 1;
	if (store_call_update(s->db, next, s->err) ||
	    store_fields_touch(s->db, &call_fields, e->id, next->version, changed, s->err) ||
	    record_change(s, next, changed, next->status != e->out->status))
		return KP_ERR;
	svc_after_call(s, e->id);
	*e->out = *next;
	return KP_OK;
}

static int run_edit(struct svc *s, void *arg)
{
	struct call *next = malloc(sizeof *next);
	if (next == NULL)
		return kp_internal(s->err);
	int rc = call_update_in(s, arg, next);
	free(next);
	return rc;
}

int calls_close_past(struct db *db, int64_t now, int *closed, struct kp_error *err)
{
	char today[11];
	int64_t *ids = NULL;
	int n = 0, rc = KP_ERR;
	struct call *c = malloc(sizeof *c);
	*closed = 0;
	parse_format_date(now, today);
	if (c == NULL)
		return kp_internal(err);
	if (store_open_calls_before(db, today, &ids, &n, err))
		goto end;
	uint64_t status = field_bit(&call_fields, "status");
	for (int i = 0; i < n; i++) {
		if (store_call_get(db, ids[i], c, err))
			goto end;
		c->status = CALL_CLOSED;
		c->updated_at = now;
		c->version++;
		if (store_call_update(db, c, err) ||
		    store_fields_touch(db, &call_fields, c->id, c->version, status, err))
			goto end;
		(*closed)++;
	}
	rc = KP_OK;
end:
	free(ids);
	free(c);
	return rc;
}

int call_update(struct app *app, struct db *db, const struct principal *who,
                struct call_edit *e, struct kp_error *err)
{
	int rc = svc_run(app, db, who, run_edit, e, err);
	if (e->out->id && !call_text_allowed(who, e->out)) /* the answer shows it */
		call_show_public(e->out);
	return rc;
}

struct list_args {
	const struct call_query *q;
	struct page pg;
	const struct row_reader *r;
	int64_t *total;
};

/* A list never shows a help request's description, so that a list is no
   unlogged view of a client's situation; its title only to whoever may read
   it (call_view shows and logs the rest). */
static enum call_shown shown_to(const struct principal *who, const struct call_head *h)
{
	if (!call_source_is_request(h->source))
		return CALL_SHOWN_WHOLE;
	return text_allowed(who, h) ? CALL_SHOWN_TITLE : CALL_SHOWN_PUBLIC;
}

static void show(struct call *call, enum call_shown shown)
{
	if (shown == CALL_SHOWN_TITLE)
		memcpy(call->description, call->public_description,
		       strlen(call->public_description) + 1);
	else if (shown == CALL_SHOWN_PUBLIC)
		call_show_public(call);
}

struct calls_read {
	const struct list_filter *f;
	call_shown_fn *shown;
};

static int read_calls(struct svc *s, void *ctx, const int64_t *ids, int n, void *out,
                      bool *found)
{
	struct calls_read *x = ctx;
	return store_call_rows(s->db, x->f, ids, n, out, found, s->err);
}

static struct row_key key_of_call(struct svc *s, void *ctx, void *record)
{
	struct calls_read *x = ctx;
	struct call *call = record;
	struct call_head h;
	call_head_of(call, &h);
	struct row_key key = { h.id, h.revision, (int)x->shown(s->who, &h) };
	show(call, (enum call_shown)key.form);
	return key;
}

int call_page_read(struct svc *s, const struct list_filter *f, struct page pg,
                   call_shown_fn *shown, const struct row_reader *r, int64_t *total)
{
	struct call_head heads[PAGE_MAX];
	struct row_key keys[PAGE_MAX];
	struct calls_read x = { f, shown };
	struct page_source src = { sizeof(struct call), read_calls, key_of_call, &x };
	int n = 0;
	if (pg.limit > PAGE_MAX)
		return kp_internal(s->err);
	if (store_call_heads(s->db, f, pg, heads, &n, total, s->err))
		return KP_ERR;
	for (int i = 0; i < n; i++)
		keys[i] = (struct row_key){ heads[i].id, heads[i].revision,
			                    (int)shown(s->who, &heads[i]) };
	return page_read(s, keys, n, &src, r);
}

static int read_list(struct svc *s, void *arg)
{
	struct list_args *a = arg;
	struct authz_scope scope = authz_list_scope(s->who, RES_CALL);
	struct list_filter f;
	int64_t org = a->q->organisation_id;
	if (scope.none)
		return svc_authorise(s, RES_CALL, ACT_LIST, NULL);
	list_filter_init(&f);
	f.organisation_id = scope.organisation_id;
	f.volunteer_id = scope.volunteer_id;
	f.created_by = scope.created_by;
	f.location_account_id = scope.location_account_id;
	if (org && (scope.all || scope.open_only || scope.created_by))
		f.organisation_id = org;
	else if (org && org != f.organisation_id)
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "organisation_id");
	f.status = scope.open_only ? CALL_OPEN : a->q->status;
	f.published_only = scope.open_only;
	/* An offer goes to the coordinators, not to other volunteers to answer. */
	if (scope.open_only)
		f.offers_of = s->who->volunteer_id > 0 ? s->who->volunteer_id : -1;
	f.q = a->q->q;
	f.place = a->q->place;
	f.item_id = a->q->activity_id;
	f.location_id = a->q->location_id;
	return call_page_read(s, &f, a->pg, shown_to, a->r, a->total);
}

int call_list(struct app *app, struct db *db, const struct principal *who,
              const struct call_query *q, struct page pg, const struct row_reader *r,
              int64_t *total, struct kp_error *err)
{
	struct list_args a = { q, pg, r, total };
	*total = 0;
	return svc_read(app, db, who, read_list, &a, err);
}

struct view_args {
	int64_t id;
	const char *reason;
	struct call *out;
};

/* A volunteer may read open calls, their own offers and the calls they are
   matched to; others as the permission module says. */
static int read_view(struct svc *s, void *arg)
{
	struct view_args *a = arg;
	struct call *call = a->out;
	if (store_call_get(s->db, a->id, call, s->err))
		return KP_ERR;
	struct authz_target t = target_of(call);
	t.open = call->status == CALL_OPEN;
	if (s->who->role == ROLE_VOLUNTEER && !t.open &&
	    store_match_exists(s->db, call->id, s->who->volunteer_id, &t.caller_matched, s->err))
		return KP_ERR;
	if (svc_authorise(s, RES_CALL, ACT_READ, &t))
		return KP_ERR;
	if (!call_is_request(call))
		return KP_OK;
	if (!call_text_allowed(s->who, call)) {
		call_show_public(call);
		return KP_OK;
	}
	return svc_audit(s, "view", "call", 0, call->id, a->reason);
}

int call_view(struct app *app, struct db *db, const struct principal *who, int64_t id,
              const char *reason, struct call *out, struct kp_error *err)
{
	struct view_args a = { id, reason, out };
	return svc_read(app, db, who, read_view, &a, err);
}

struct history_args {
	int64_t id;
	call_change_fn each;
	void *ctx;
};

/* Whoever may edit a call sees how it was edited. */
static int read_history(struct svc *s, void *arg)
{
	struct history_args *a = arg;
	struct call *call = malloc(sizeof *call);
	int rc = call ? store_call_get(s->db, a->id, call, s->err) : kp_internal(s->err);
	if (rc == KP_OK)
		rc = authorise_call(s, ACT_UPDATE, call);
	if (rc == KP_OK)
		rc = store_call_changes(s->db, a->id, a->each, a->ctx, s->err);
	free(call);
	return rc;
}

int call_history(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 call_change_fn each, void *ctx, struct kp_error *err)
{
	struct history_args a = { id, each, ctx };
	return svc_read(app, db, who, read_history, &a, err);
}
