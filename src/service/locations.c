/* An organisation's locations and who works where (locations.h). */
#include "service/locations.h"

#include <string.h>

#include "service/organisations.h"

struct list_args {
	const struct location_query *q;
	int64_t org;
};

static int read_list(struct svc *s, void *arg)
{
	struct list_args *a = arg;
	struct authz_scope scope = authz_list_scope(s->who, RES_LOCATION);
	if (scope.none)
		return svc_authorise(s, RES_LOCATION, ACT_LIST, NULL);
	if (!scope.all && a->org && a->org != scope.organisation_id)
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "organisation_id");
	int64_t org = scope.all ? a->org : scope.organisation_id;
	return store_locations_of(s->db, org, a->q->each, a->q->ctx, s->err) ||
	               (a->q->each_pair &&
	                store_account_locations_of(s->db, org, a->q->each_pair, a->q->ctx, s->err))
	           ? KP_ERR
	           : KP_OK;
}

int location_list(struct app *app, struct db *db, const struct principal *who,
                  const struct location_query *q, struct kp_error *err)
{
	struct list_args a = { q, q->organisation_id };
	return svc_read(app, db, who, read_list, &a, err);
}

static int write_new(struct svc *s, void *arg)
{
	struct location *l = arg;
	if (l->organisation_id == 0)
		l->organisation_id = s->who->organisation_id;
	struct authz_target t = { .organisation_id = l->organisation_id };
	l->active = 1;
	l->created_at = l->updated_at = s->now;
	if (location_validate(l, s->err) || organisation_check(s, l->organisation_id,
	                                                       "organisation_id") ||
	    svc_authorise(s, RES_LOCATION, ACT_CREATE, &t) ||
	    store_location_insert(s->db, l, s->err))
		return KP_ERR;
	return svc_audit(s, "create", "location", 0, l->id, NULL);
}

int location_create(struct app *app, struct db *db, const struct principal *who,
                    struct location *l, struct kp_error *err)
{
	l->id = 0;
	return svc_run(app, db, who, write_new, l, err);
}

static int write_edit(struct svc *s, void *arg)
{
	struct location_edit *e = arg;
	struct location *l = e->out;
	if (store_location_get(s->db, e->id, l, s->err))
		return KP_ERR;
	struct authz_target t = { .organisation_id = l->organisation_id };
	if (svc_authorise(s, RES_LOCATION, ACT_UPDATE, &t))
		return KP_ERR;
	if (e->name)
		memcpy(l->name, e->patch->name, sizeof l->name);
	if (e->address)
		memcpy(l->address, e->patch->address, sizeof l->address);
	if (e->place) {
		memcpy(l->place, e->patch->place, sizeof l->place);
		l->lat = e->patch->lat;
		l->lon = e->patch->lon;
	}
	if (e->active)
		l->active = e->patch->active;
	l->updated_at = s->now;
	if (location_validate(l, s->err) || store_location_update(s->db, l, s->err))
		return KP_ERR;
	return svc_audit(s, "update", "location", 0, l->id, NULL);
}

int location_update(struct app *app, struct db *db, const struct principal *who,
                    struct location_edit *e, struct kp_error *err)
{
	return svc_run(app, db, who, write_edit, e, err);
}

struct assign_args {
	int64_t account_id;
	const int64_t *ids;
	int n;
};

struct current {
	int64_t account_id;
	int64_t ids[LOCATIONS_PER_ACCOUNT_MAX];
	int n;
};

static int collect_current(void *ctx, int64_t account_id, int64_t location_id)
{
	struct current *c = ctx;
	if (account_id == c->account_id && c->n < LOCATIONS_PER_ACCOUNT_MAX)
		c->ids[c->n++] = location_id;
	return 0;
}

static bool worked_there(const struct current *c, int64_t location_id)
{
	for (int i = 0; i < c->n; i++)
		if (c->ids[i] == location_id)
			return true;
	return false;
}

/* Each location is one of the organisation's, active unless she already
   worked there, and named once. */
static int check_ids(struct svc *s, const struct assign_args *a, int64_t org,
                     const struct current *was)
{
	struct location l;
	for (int i = 0; i < a->n; i++) {
		for (int j = 0; j < i; j++)
			if (a->ids[j] == a->ids[i])
				return kp_invalid(s->err, "location_ids", "duplicate");
		int rc = store_location_get(s->db, a->ids[i], &l, s->err);
		if (rc && s->err->kind == KP_NOT_FOUND)
			return kp_invalid(s->err, "location_ids", "unknown_reference");
		if (rc)
			return rc;
		if (l.organisation_id != org)
			return kp_invalid(s->err, "location_ids", "other_organisation");
		if (!l.active && !worked_there(was, l.id))
			return kp_invalid(s->err, "location_ids", "inactive");
	}
	return KP_OK;
}

static int write_assign(struct svc *s, void *arg)
{
	struct assign_args *a = arg;
	struct account acc;
	struct current was = { .account_id = a->account_id };
	if (a->n > LOCATIONS_PER_ACCOUNT_MAX)
		return kp_fail_limit(s->err, KP_INVALID, "too_many", "location_ids",
		                     LOCATIONS_PER_ACCOUNT_MAX);
	if (store_account_get(s->db, a->account_id, &acc, NULL, s->err))
		return KP_ERR;
	struct authz_target t = { .organisation_id = acc.organisation_id };
	if (svc_authorise(s, RES_LOCATION, ACT_UPDATE, &t))
		return KP_ERR;
	if (acc.role != ROLE_PROFESSIONAL)
		return kp_invalid(s->err, "account_id", "not_a_professional");
	if (store_account_locations_of(s->db, acc.organisation_id, collect_current, &was,
	                               s->err) ||
	    check_ids(s, a, acc.organisation_id, &was) ||
	    store_account_locations_set(s->db, a->account_id, a->ids, a->n, s->err))
		return KP_ERR;
	return svc_audit(s, "update", "account_locations", 0, a->account_id, NULL);
}

int location_assign(struct app *app, struct db *db, const struct principal *who,
                    int64_t account_id, const int64_t *ids, int n, struct kp_error *err)
{
	struct assign_args a = { account_id, ids, n };
	return svc_run(app, db, who, write_assign, &a, err);
}
