/* Registering volunteers and editing their profiles (volunteers.h). */
#include "service/volunteers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/notify.h"
#include "service/organisations.h"

/* Registering the same person twice is refused until the caller says that
   this is really someone else (a namesake born the same year in the same
   place, a shared e-mail address). */
static int check_duplicate(struct svc *s, struct volunteer_new *n)
{
	if (n->confirmed_new)
		return KP_OK;
	if (store_volunteer_find_duplicate(s->db, n->v, &n->duplicate_of, s->err))
		return KP_ERR;
	if (n->duplicate_of == 0)
		return KP_OK;
	struct volunteer *d = malloc(sizeof *d);
	if (d == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, n->duplicate_of, false, d, s->err);
	if (rc == KP_OK) {
		snprintf(n->duplicate_first, sizeof n->duplicate_first, "%s", d->first_name);
		snprintf(n->duplicate_last, sizeof n->duplicate_last, "%s", d->last_name);
		snprintf(n->duplicate_place, sizeof n->duplicate_place, "%s", d->place);
	}
	free(d);
	if (rc)
		return KP_ERR;
	return kp_fail(s->err, KP_CONFLICT, "likely_duplicate",
	               n->v->email[0] ? "email" : "last_name");
}

static int write_new(struct svc *s, void *arg)
{
	struct volunteer_new *n = arg;
	struct volunteer *v = n->v;
	bool experience = v->items[LIST_EXPERIENCE].n > 0;
	struct authz_target t = { .organisation_id = v->organisation_id };
	/* A new record has no consent yet, so no lived experience either. */
	if (svc_authorise(s, RES_VOLUNTEER, ACT_CREATE, &t))
		return KP_ERR;
	if (experience && !authz_allows(s->who, RES_EXPERIENCE, ACT_UPDATE, &t))
		return kp_fail(s->err, KP_FORBIDDEN, "consent_required", "lived_experience");
	v->created_at = v->updated_at = s->now;
	v->version = 1;
	if (organisation_check(s, v->organisation_id, "organisation_id") ||
	    volunteer_validate(v, s->err) ||
	    catalog_check_chosen(&s->app->lists, &volunteer_fields, NULL, v, s->err) ||
	    check_duplicate(s, n) ||
	    store_volunteer_insert(s->db, v, experience, s->err) ||
	    svc_audit(s, "create", "volunteer", v->id, v->id, NULL))
		return KP_ERR;
	svc_after_volunteer(s, v->id);
	return KP_OK;
}

int volunteer_create(struct app *app, struct db *db, const struct principal *who,
                     struct volunteer_new *n, struct kp_error *err)
{
	n->v->id = 0;
	n->duplicate_of = 0;
	return svc_run(app, db, who, write_new, n, err);
}

/* Moving a volunteer to another organisation needs rights on both sides. */
static int authorise_move(struct svc *s, const struct volunteer *v)
{
	struct authz_target to = { .organisation_id = v->organisation_id, .volunteer_id = v->id };
	if (s->who->role == ROLE_VOLUNTEER)
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "organisation_id");
	if (svc_authorise(s, RES_VOLUNTEER, ACT_CREATE, &to))
		return KP_ERR;
	return organisation_check(s, v->organisation_id, "organisation_id");
}

/* While a journey runs at the home organisation its steps set the status:
   a status set by hand would be undone by the next step without a word. */
static int check_status_free(struct svc *s, const struct volunteer *v)
{
	struct journey j;
	if (store_journey_find(s->db, v->id, v->organisation_id, &j, s->err) == KP_OK)
		return journey_step_is_final(j.step)
		           ? KP_OK
		           : kp_fail(s->err, KP_CONFLICT, "status_follows_journey", "status");
	if (s->err->kind != KP_NOT_FOUND)
		return KP_ERR;
	*s->err = (struct kp_error){ 0 };
	return KP_OK;
}

/* When somebody else changes a volunteer's e-mail address, the old address
   hears of it: mail (an invitation, a reset link) could otherwise be
   redirected without the volunteer knowing. */
static int tell_old_address(struct svc *s, const struct volunteer *was,
                            const struct volunteer *next)
{
	char key[96];
	struct notifier nf = notify_from(s);
	if (was->email[0] == '\0' || s->who->volunteer_id == was->id)
		return KP_OK;
	snprintf(key, sizeof key, "email-changed:%lld:%lld", (long long)was->id,
	         (long long)next->version);
	struct mail_var vars[] = { { "first_name", was->first_name, NULL } };
	struct notice n = { "email_changed", -1, key, was->organisation_id, vars, 1 };
	return notify_address(&nf, was->email, &n);
}

static int write_edit(struct svc *s, struct volunteer_edit *e, struct volunteer *next,
                      uint64_t changed)
{
	uint64_t email = field_bit(&volunteer_fields, "email");
	uint64_t experience = field_bit(&volunteer_fields, "lived_experience");
	next->updated_at = s->now;
	next->version = e->out->version + 1;
	if (store_volunteer_update(s->db, next, (changed & experience) != 0, s->err) ||
	    store_fields_touch(s->db, &volunteer_fields, e->id, next->version, changed, s->err) ||
	    svc_audit(s, "update", "volunteer", e->id, e->id, NULL) ||
	    ((changed & experience) && svc_audit(s, "update", "experience", e->id, e->id, NULL)) ||
	    ((changed & email) && tell_old_address(s, e->out, next)))
		return KP_ERR;
	svc_after_volunteer(s, e->id);
	*e->out = *next;
	return KP_OK;
}

static int apply_edit(struct svc *s, struct volunteer_edit *e, struct volunteer *next)
{
	struct consent k;
	struct authz_target t;
	uint64_t experience = field_bit(&volunteer_fields, "lived_experience");
	if (store_volunteer_get(s->db, e->id, true, e->out, s->err) ||
	    svc_volunteer_target(s, e->out->organisation_id, e->id, &k, &t) ||
	    svc_authorise(s, RES_VOLUNTEER, ACT_UPDATE, &t))
		return KP_ERR;
	e->show_experience = authz_allows(s->who, RES_EXPERIENCE, ACT_READ, &t);
	/* Filling an anonymised record in again would undo the erasure. */
	if (e->out->erased_at != 0)
		return kp_fail(s->err, KP_CONFLICT, "erased", "id");
	uint64_t verified = e->mask & field_staff_mask(&volunteer_fields);
	if (verified && !authz_writes_verified(s->who, &t))
		return kp_fail(s->err, KP_FORBIDDEN, "staff_only",
		               field_first_name(&volunteer_fields, verified));
	if ((e->mask & experience) && !authz_allows(s->who, RES_EXPERIENCE, ACT_UPDATE, &t))
		return kp_fail(s->err, KP_FORBIDDEN, "consent_required", "lived_experience");
	*next = *e->out;
	field_copy(&volunteer_fields, e->mask, next, e->patch);
	uint64_t changed = field_changed(&volunteer_fields, e->out, next) & e->mask;
	if (changed == 0)
		return KP_OK; /* nothing new: no write, no new version */
	if (svc_check_meanwhile(s, &volunteer_fields, e->id, e->base_version, e->out->version,
	                        changed) ||
	    ((changed & field_bit(&volunteer_fields, "status")) && check_status_free(s, e->out)) ||
	    (next->organisation_id != e->out->organisation_id && authorise_move(s, next)) ||
	    volunteer_validate(next, s->err) ||
	    catalog_check_chosen(&s->app->lists, &volunteer_fields, e->out, next, s->err))
		return KP_ERR;
	return write_edit(s, e, next, changed);
}

static int run_edit(struct svc *s, void *arg)
{
	struct volunteer *next = malloc(sizeof *next);
	if (next == NULL)
		return kp_internal(s->err);
	int rc = apply_edit(s, arg, next);
	free(next);
	return rc;
}

int volunteer_update(struct app *app, struct db *db, const struct principal *who,
                     struct volunteer_edit *e, struct kp_error *err)
{
	return svc_run(app, db, who, run_edit, e, err);
}

struct list_args {
	const struct volunteer_query *q;
	struct page pg;
	const struct row_reader *r;
	int64_t *total;
};

/* The caller's scope, narrowed by the organisation the list asks for. */
static int scope_filter(struct svc *s, const struct volunteer_query *q, struct list_filter *f)
{
	struct authz_scope scope = authz_list_scope(s->who, RES_VOLUNTEER);
	if (scope.none)
		return svc_authorise(s, RES_VOLUNTEER, ACT_LIST, NULL);
	list_filter_init(f);
	f->organisation_id = scope.organisation_id;
	f->volunteer_id = scope.volunteer_id;
	f->consented_to = scope.consented_to;
	if (q->organisation_id == 0)
		return KP_OK;
	if (scope.all)
		f->organisation_id = q->organisation_id;
	else if (q->organisation_id == scope.organisation_id)
		f->home_organisation_id = q->organisation_id; /* not the consented others */
	else /* asking for another organisation is refused, not silently widened */
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "organisation_id");
	return KP_OK;
}

static int read_volunteers(struct svc *s, void *ctx, const int64_t *ids, int n, void *out,
                           bool *found)
{
	return store_volunteer_rows(s->db, ctx, ids, n, out, found, s->err);
}

/* A list shows every volunteer it has in one form: no lived experience. */
static struct row_key key_of_volunteer(struct svc *s, void *ctx, void *record)
{
	(void)s, (void)ctx;
	const struct volunteer *v = record;
	return (struct row_key){ v->id, v->revision, VOLUNTEER_FORM_PLAIN };
}

/* The page as service/page.h reads it: heads, then the volunteers the
   reader does not hold. */
static int list_page(struct svc *s, const struct list_filter *f, struct list_args *a)
{
	struct row_head heads[PAGE_MAX];
	struct row_key keys[PAGE_MAX];
	struct page_source src = { sizeof(struct volunteer), read_volunteers, key_of_volunteer,
		                   (void *)f };
	int n = 0;
	if (a->pg.limit > PAGE_MAX)
		return kp_internal(s->err);
	if (store_volunteer_heads(s->db, f, a->pg, heads, &n, a->total, s->err))
		return KP_ERR;
	for (int i = 0; i < n; i++)
		keys[i] = (struct row_key){ heads[i].id, heads[i].revision, VOLUNTEER_FORM_PLAIN };
	return page_read(s, keys, n, &src, a->r);
}

static int read_list(struct svc *s, void *arg)
{
	struct list_args *a = arg;
	struct list_filter f;
	if (scope_filter(s, a->q, &f))
		return KP_ERR;
	f.status = a->q->status;
	f.q = a->q->q;
	f.place = a->q->place;
	f.item_id = a->q->activity_id;
	f.also_item_id = a->q->theme_id;
	return list_page(s, &f, a);
}

int volunteer_list(struct app *app, struct db *db, const struct principal *who,
                   const struct volunteer_query *q, struct page pg, const struct row_reader *r,
                   int64_t *total, struct kp_error *err)
{
	struct list_args a = { q, pg, r, total };
	*total = 0;
	return svc_read(app, db, who, read_list, &a, err);
}

struct view_args {
	int64_t id;
	const char *reason;
	const struct row_reader *r;
	int64_t *version;
};

/* May the caller open volunteer id of organisation org, and see its lived
   experience too? */
static int authorise_view(struct svc *s, int64_t org, int64_t id, bool *experience)
{
	struct consent k;
	struct authz_target t;
	if (svc_volunteer_target(s, org, id, &k, &t) ||
	    svc_authorise(s, RES_VOLUNTEER, ACT_READ, &t))
		return KP_ERR;
	*experience = authz_allows(s->who, RES_EXPERIENCE, ACT_READ, &t);
	return KP_OK;
}

static int form_of(bool experience)
{
	return experience ? VOLUNTEER_FORM_EXPERIENCE : VOLUNTEER_FORM_PLAIN;
}

static int hand_to(struct svc *s, const struct row_reader *r, const struct row_key *key,
                   const struct volunteer *v)
{
	return r->each(r->ctx, key, v) != 0 ? kp_internal(s->err) : KP_OK;
}

/* The record, unless the reader holds it in that form. Read anew it decides
   for itself: moved meanwhile to another organisation (PostgreSQL reads each
   statement on its own), it is authorised again. */
static int hand_over(struct svc *s, struct view_args *a, const struct volunteer_head *h,
                     bool *experience)
{
	struct row_key key = { a->id, h->revision, form_of(*experience) };
	*a->version = h->version;
	if (a->r->held(a->r->ctx, &key))
		return hand_to(s, a->r, &key, NULL);
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, a->id, true, v, s->err);
	if (rc == KP_OK && v->organisation_id != h->organisation_id)
		rc = authorise_view(s, v->organisation_id, a->id, experience);
	if (rc == KP_OK) {
		if (!*experience)
			v->items[LIST_EXPERIENCE].n = 0;
		key = (struct row_key){ a->id, v->revision, form_of(*experience) };
		*a->version = v->version;
		rc = hand_to(s, a->r, &key, v);
	}
	free(v);
	return rc;
}

static int read_view(struct svc *s, void *arg)
{
	struct view_args *a = arg;
	struct volunteer_head h;
	struct audit_entry views[2];
	bool experience = false;
	if (store_volunteer_head(s->db, a->id, &h, s->err) ||
	    authorise_view(s, h.organisation_id, a->id, &experience) ||
	    hand_over(s, a, &h, &experience))
		return KP_ERR;
	/* Every full view is logged, and lived experience once more on its own. */
	svc_audit_fill(s, "view", "volunteer", a->id, a->id, a->reason, &views[0]);
	svc_audit_fill(s, "view", "experience", a->id, a->id, a->reason, &views[1]);
	return svc_audit_all(s, views, experience ? 2 : 1);
}

int volunteer_view(struct app *app, struct db *db, const struct principal *who, int64_t id,
                   const char *reason, const struct row_reader *r, int64_t *version,
                   struct kp_error *err)
{
	struct view_args a = { id, reason, r, version };
	*version = 0;
	return svc_read(app, db, who, read_view, &a, err);
}
