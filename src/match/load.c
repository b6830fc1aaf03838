/*
 * Filling the index from the database at start, and keeping it fresh after
 * every committed write. Reads happen before the write lock is taken, so
 * questions wait only for the short in-memory update.
 */
#include <stdlib.h>
#include <string.h>

#include "db/store.h"
#include "match/index.h"
#include "model/match.h"

#define ITEMS_MAX (ID_SET_MAX * MK_COUNT)

void mix_apply_match(struct match_index *ix, const struct feed_match *m)
{
	uint32_t s;
	mix_add_pair(ix, m->call_id, m->volunteer_id);
	bool open = match_is_open(m->status);
	if (open && mhash_get(&ix->cid, m->call_id, &s))
		ix->calls[s].places--;
	if (mhash_get(&ix->vid, m->volunteer_id, &s)) {
		if (open && ix->v.hot[s].open < 255)
			ix->v.hot[s].open++;
		if (open)
			mix_take_hours(&ix->v.hot[s], mhalf_hours(m->duration_minutes));
		int32_t day = mday(m->created_at);
		if (day > ix->v.asked_day[s])
			ix->v.asked_day[s] = day;
	}
}

static int org_row(void *ctx, int64_t id, int kind, int vog_months)
{
	mix_put_org(ctx, id, kind, vog_months);
	return 0;
}

static int volunteer_row(void *ctx, const struct feed_volunteer *fv)
{
	return mix_put_volunteer(ctx, fv, NULL, 0) ? -1 : 0;
}

/* Items arrive ordered by volunteer id, as the slots were filled. */
struct item_cursor {
	struct match_index *ix;
	uint32_t at;
};

static int item_row(void *ctx, int64_t volunteer_id, int64_t item_id)
{
	struct item_cursor *cur = ctx;
	struct match_index *ix = cur->ix;
	while (cur->at < ix->v.n && ix->v.id[cur->at] < volunteer_id)
		cur->at++;
	if (cur->at >= ix->v.n || ix->v.id[cur->at] != volunteer_id)
		return 0;
	int kind, bit = mix_item_bit(ix, item_id, &kind);
	if (bit >= 0)
		ix->v.mask[kind][cur->at] |= 1ull << bit;
	return 0;
}

/* Lived experience arrives ordered by volunteer id, after the consents:
   kept only for volunteers whose experience consent is in force. */
static int experience_row(void *ctx, int64_t volunteer_id, int64_t item_id)
{
	struct item_cursor *cur = ctx;
	struct match_index *ix = cur->ix;
	while (cur->at < ix->v.n && ix->v.id[cur->at] < volunteer_id)
		cur->at++;
	if (cur->at >= ix->v.n || ix->v.id[cur->at] != volunteer_id ||
	    !(ix->v.hot[cur->at].flags & VF_EXPERIENCE))
		return 0;
	int kind, bit = mix_item_bit(ix, item_id, &kind);
	if (bit >= 0 && kind == LIST_EXPERIENCE)
		ix->v.mask[kind][cur->at] |= 1ull << bit;
	return 0;
}

static int consent_row(void *ctx, const struct consent *k)
{
	return mix_put_consent(ctx, k) ? -1 : 0;
}

static int match_row(void *ctx, const struct feed_match *m)
{
	mix_apply_match(ctx, m);
	return 0;
}

static int load_calls(struct match_index *ix, struct db *db, struct kp_error *err)
{
	int64_t *ids = NULL;
	int n = 0, rc = KP_ERR;
	struct call *c = malloc(sizeof *c);
	if (c == NULL)
		return kp_internal(err);
	if (store_feed_open_calls(db, &ids, &n, err))
		goto end;
	for (int i = 0; i < n; i++) {
		if (store_call_get(db, ids[i], c, err))
			goto end;
		if (mix_put_call(ix, c, c->volunteers_needed, NULL, 0)) {
			kp_internal(err);
			goto end;
		}
	}
	rc = KP_OK;
end:
	free(ids);
	free(c);
	return rc;
}

int match_index_load(struct match_index *ix, struct db *db, struct kp_error *err)
{
	int rc = KP_ERR;
	struct item_cursor cur = { ix, 0 }, exp = { ix, 0 };
	pthread_rwlock_wrlock(&ix->lock);
	if (ix->v.n > 0 || ix->n_calls > 0) {
		kp_fail(err, KP_CONFLICT, "conflict", "");
		goto end;
	}
	if (store_feed_organisations(db, 0, org_row, ix, err) ||
	    store_feed_volunteers(db, 0, volunteer_row, ix, err) ||
	    store_feed_volunteer_items(db, 0, item_row, &cur, err) ||
	    store_consent_each(db, consent_row, ix, err) ||
	    store_feed_volunteer_experiences(db, 0, experience_row, &exp, err) ||
	    load_calls(ix, db, err) ||
	    store_feed_matches(db, 0, 0, match_row, ix, err))
		goto end;
	if (mix_rebuild(ix)) {
		kp_internal(err);
		goto end;
	}
	rc = KP_OK;
end:
	pthread_rwlock_unlock(&ix->lock);
	return rc;
}

/* --- freshness --- */

struct one_volunteer {
	struct feed_volunteer fv;
	char *text;
	bool found;
	int64_t items[ITEMS_MAX];
	int n_items;
	int open;
	int half_hours;         /* expected by the open matches */
	int32_t asked_day;
	struct consent consent;
};

static int copy_volunteer(void *ctx, const struct feed_volunteer *fv)
{
	struct one_volunteer *o = ctx;
	o->fv = *fv;
	o->text = strdup(fv->motivation_text ? fv->motivation_text : "");
	o->fv.motivation_text = o->text;
	o->found = true;
	return o->text ? 0 : -1;
}

static int copy_item(void *ctx, int64_t volunteer_id, int64_t item_id)
{
	struct one_volunteer *o = ctx;
	(void)volunteer_id;
	if (o->n_items < ITEMS_MAX)
		o->items[o->n_items++] = item_id;
	return 0;
}

static int count_match(void *ctx, const struct feed_match *m)
{
	struct one_volunteer *o = ctx;
	o->open += match_is_open(m->status);
	if (match_is_open(m->status))
		o->half_hours += mhalf_hours(m->duration_minutes);
	int32_t day = mday(m->created_at);
	if (day > o->asked_day)
		o->asked_day = day;
	return 0;
}

static int refresh_volunteer(struct match_index *ix, struct db *db, int64_t id,
                             struct kp_error *err)
{
	if (ix == NULL)
		return KP_OK;
	struct one_volunteer *o = calloc(1, sizeof *o);
	int rc = KP_ERR;
	if (o == NULL)
		return kp_internal(err);
	if (store_feed_volunteers(db, id, copy_volunteer, o, err) ||
	    store_feed_volunteer_items(db, id, copy_item, o, err) ||
	    store_consent_get(db, id, &o->consent, err) ||
	    (o->consent.experience &&
	     store_feed_volunteer_experiences(db, id, copy_item, o, err)) ||
	    store_feed_matches(db, 0, id, count_match, o, err))
		goto end;
	if (!o->found) {
		o->fv.id = id;
		o->fv.status = VOLUNTEER_STOPPED;
	}
	pthread_rwlock_wrlock(&ix->lock);
	uint32_t s;
	rc = mix_put_volunteer(ix, &o->fv, o->items, o->n_items) ? KP_ERR : KP_OK;
	/* Consent after the profile (it may move the slot), then the lived
	   experience, which only the consent in force lets in. */
	if (rc == KP_OK && mix_put_consent(ix, &o->consent))
		rc = KP_ERR;
	if (rc == KP_OK)
		mix_put_experience(ix, id, o->items, o->n_items);
	if (rc == KP_OK && mhash_get(&ix->vid, id, &s) && (ix->v.hot[s].flags & VF_INDEXED)) {
		ix->v.hot[s].open = (uint8_t)(o->open > 255 ? 255 : o->open);
		mix_take_hours(&ix->v.hot[s], o->half_hours > 254 ? 254 : o->half_hours);
		ix->v.asked_day[s] = o->asked_day;
	}
	if (rc == KP_OK && mix_maybe_rebuild(ix))
		rc = KP_ERR;
	pthread_rwlock_unlock(&ix->lock);
	if (rc)
		kp_internal(err);
end:
	free(o->text);
	free(o);
	return rc;
}

static int refresh_organisation(struct match_index *ix, struct db *db, int64_t id,
                                struct kp_error *err);

struct call_matches {
	int64_t *ids;
	int n, cap, open;
};

static int collect_pair(void *ctx, const struct feed_match *m)
{
	struct call_matches *cm = ctx;
	if (cm->n == cm->cap) {
		int cap = cm->cap ? cm->cap * 2 : 16;
		int64_t *p = realloc(cm->ids, (size_t)cap * sizeof *p);
		if (p == NULL)
			return -1;
		cm->ids = p;
		cm->cap = cap;
	}
	cm->ids[cm->n++] = m->volunteer_id;
	cm->open += match_is_open(m->status);
	return 0;
}

static bool org_known(struct match_index *ix, int64_t id)
{
	uint32_t s;
	pthread_rwlock_rdlock(&ix->lock);
	bool known = mhash_get(&ix->oid, id, &s);
	pthread_rwlock_unlock(&ix->lock);
	return known;
}

static int refresh_call(struct match_index *ix, struct db *db, int64_t id,
                        struct kp_error *err)
{
	if (ix == NULL)
		return KP_OK;
	struct call *c = malloc(sizeof *c);
	struct call_matches cm = { 0 };
	int rc = KP_ERR;
	if (c == NULL)
		return kp_internal(err);
	if (store_call_get(db, id, c, err))
		goto end;
	if (!org_known(ix, c->organisation_id) &&
	    refresh_organisation(ix, db, c->organisation_id, err))
		goto end;
	if (store_feed_matches(db, id, 0, collect_pair, &cm, err))
		goto end;
	pthread_rwlock_wrlock(&ix->lock);
	rc = mix_put_call(ix, c, c->volunteers_needed - cm.open, cm.ids, cm.n) ? KP_ERR : KP_OK;
	pthread_rwlock_unlock(&ix->lock);
	if (rc)
		kp_internal(err);
end:
	free(cm.ids);
	free(c);
	return rc;
}


struct one_org {
	int kind, vog_months;
	bool found;
};

static int copy_org(void *ctx, int64_t id, int kind, int vog_months)
{
	struct one_org *o = ctx;
	(void)id;
	o->kind = kind;
	o->vog_months = vog_months;
	o->found = true;
	return 0;
}

static int refresh_organisation(struct match_index *ix, struct db *db, int64_t id,
                                struct kp_error *err)
{
	if (ix == NULL)
		return KP_OK;
	struct one_org o = { 0 };
	if (store_feed_organisations(db, id, copy_org, &o, err))
		return KP_ERR;
	if (!o.found)
		return KP_OK;
	pthread_rwlock_wrlock(&ix->lock);
	mix_put_org(ix, id, o.kind, o.vog_months);
	pthread_rwlock_unlock(&ix->lock);
	return KP_OK;
}

/* Refreshes run one at a time, each reading the database after taking its
   turn: a refresh that read an older state can never be applied after one
   that read a newer state (the change-log follower and a request refreshing
   the same record). Queries are not held up: they take the rwlock only. */
int match_index_refresh_volunteer(struct match_index *ix, struct db *db, int64_t id,
                                  struct kp_error *err)
{
	if (ix == NULL)
		return KP_OK;
	pthread_mutex_lock(&ix->refresh);
	int rc = refresh_volunteer(ix, db, id, err);
	pthread_mutex_unlock(&ix->refresh);
	return rc;
}

int match_index_refresh_call(struct match_index *ix, struct db *db, int64_t id,
                             struct kp_error *err)
{
	if (ix == NULL)
		return KP_OK;
	pthread_mutex_lock(&ix->refresh);
	int rc = refresh_call(ix, db, id, err);
	pthread_mutex_unlock(&ix->refresh);
	return rc;
}

int match_index_refresh_match(struct match_index *ix, struct db *db, int64_t call_id,
                              int64_t volunteer_id, struct kp_error *err)
{
	if (ix == NULL)
		return KP_OK;
	pthread_mutex_lock(&ix->refresh);
	int rc = refresh_call(ix, db, call_id, err);
	if (rc == KP_OK)
		rc = refresh_volunteer(ix, db, volunteer_id, err);
	pthread_mutex_unlock(&ix->refresh);
	return rc;
}

int match_index_refresh_organisation(struct match_index *ix, struct db *db, int64_t id,
                                     struct kp_error *err)
{
	if (ix == NULL)
		return KP_OK;
	pthread_mutex_lock(&ix->refresh);
	int rc = refresh_organisation(ix, db, id, err);
	pthread_mutex_unlock(&ix->refresh);
	return rc;
}

void match_index_on_change(void *ctx, struct db *db, const struct change_entry *c)
{
	struct match_index *ix = ctx;
	struct kp_error err = { 0 };
	switch (c->kind) {
	case CHANGE_VOLUNTEER:
		match_index_refresh_volunteer(ix, db, c->ref_id, &err);
		break;
	case CHANGE_CALL:
		match_index_refresh_call(ix, db, c->ref_id, &err);
		break;
	case CHANGE_MATCH:
		match_index_refresh_match(ix, db, c->ref_id, c->ref2_id, &err);
		break;
	case CHANGE_ORGANISATION:
		match_index_refresh_organisation(ix, db, c->ref_id, &err);
		break;
	default:
		break;
	}
}
