/* Reading and keeping organisations' offers, and searching the social map
   (offers.h). */
#include "service/offers.h"

#include <stdlib.h>
#include <string.h>

struct show {
	int64_t id;
	struct offer *out;
};

static int read_one(struct svc *s, void *arg)
{
	struct show *x = arg;
	struct authz_target t = { .organisation_id = x->id };
	if (svc_authorise(s, RES_OFFER, ACT_READ, &t))
		return KP_ERR;
	return store_offer_get(s->db, x->id, x->out, s->err);
}

int offer_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
               struct offer *out, struct kp_error *err)
{
	struct show x = { id, out };
	return svc_read(app, db, who, read_one, &x, err);
}

static void apply(struct offer *o, const struct offer *p, unsigned given)
{
	if (given & OFFER_ADDRESS)
		memcpy(o->address, p->address, sizeof o->address);
	if (given & OFFER_NEW_CLIENTS)
		o->new_clients = p->new_clients;
	if (given & OFFER_NEW_VOLUNTEERS)
		o->new_volunteers = p->new_volunteers;
	if (given & OFFER_ACTIVITIES)
		o->items[LIST_ACTIVITY] = p->items[LIST_ACTIVITY];
	if (given & OFFER_THEMES)
		o->items[LIST_THEME] = p->items[LIST_THEME];
	if (given & OFFER_PLACES) {
		o->n_places = p->n_places;
		memcpy(o->places, p->places, sizeof o->places);
	}
}

static int write_edit(struct svc *s, void *arg)
{
	struct offer_edit *e = arg;
	struct authz_target t = { .organisation_id = e->organisation_id };
	if (svc_authorise(s, RES_OFFER, ACT_UPDATE, &t) ||
	    store_offer_get(s->db, e->organisation_id, e->out, s->err))
		return KP_ERR;
	apply(e->out, e->patch, e->given);
	e->out->updated_at = s->now;
	return offer_validate(e->out, s->err) || store_offer_put(s->db, e->out, s->err) ? KP_ERR
	                                                                                : KP_OK;
}

int offer_update(struct app *app, struct db *db, const struct principal *who,
                 struct offer_edit *e, struct kp_error *err)
{
	return svc_run(app, db, who, write_edit, e, err);
}

/* The ids of one page, gathered before their records are read. */
struct ids {
	int n;
	int64_t id[PAGE_MAX];
};

static int add_id(void *ctx, int64_t id)
{
	struct ids *x = ctx;
	if (x->n >= PAGE_MAX)
		return -1;
	x->id[x->n++] = id;
	return 0;
}

/* Reads each organisation of the page with its offer and hands both on. */
static int each_entry(struct svc *s, const struct ids *ids, struct map_query *q)
{
	struct organisation *o = malloc(sizeof *o);
	struct offer *f = malloc(sizeof *f);
	int rc = o && f ? KP_OK : kp_internal(s->err);
	for (int i = 0; i < ids->n && rc == KP_OK; i++) {
		rc = store_organisation_get(s->db, ids->id[i], o, s->err) ||
		     store_offer_get(s->db, ids->id[i], f, s->err);
		if (rc == KP_OK && q->each(q->ctx, o, f) != 0)
			rc = kp_internal(s->err);
	}
	free(o);
	free(f);
	return rc;
}

static int read_map(struct svc *s, void *arg)
{
	struct map_query *q = arg;
	char key[OFFER_PLACE_MAX * 4 + 1];
	struct map_filter f = { .activity_id = q->activity_id, .theme_id = q->theme_id };
	if (svc_authorise(s, RES_OFFER, ACT_LIST, NULL))
		return KP_ERR;
	if (q->place) {
		offer_place_key(q->place, key, sizeof key);
		f.place_key = key;
	}
	struct ids *ids = calloc(1, sizeof *ids);
	int rc = ids == NULL ? kp_internal(s->err)
	                     : store_map_search(s->db, &f, q->page, add_id, ids, &q->total, s->err);
	if (rc == KP_OK)
		rc = each_entry(s, ids, q);
	free(ids);
	return rc;
}

int map_search(struct app *app, struct db *db, const struct principal *who,
               struct map_query *q, struct kp_error *err)
{
	return svc_read(app, db, who, read_map, q, err);
}
