/* The match index's storage: hashes, volunteer slots, calls, the grid. */
#include "match/index.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/organisation.h"
#include "util/parse.h"

#define REBUILD_MIN 65536

static void grid_free(struct mgrid *g);  /* overflow or dead slots before a rebuild pays off */

/* --- int64 -> uint32 hash --- */

static uint32_t mix64(int64_t k)
{
	uint64_t x = (uint64_t)k * 0x9E3779B97F4A7C15ull;
	return (uint32_t)(x >> 32);
}

static int mhash_grow(struct mhash *h)
{
	uint32_t cap = h->cap ? h->cap * 2 : 1024;
	int64_t *keys = calloc(cap, sizeof *keys);
	uint32_t *vals = malloc(cap * sizeof *vals);
	if (keys == NULL || vals == NULL) {
		free(keys);
		free(vals);
		return -1;
	}
	for (uint32_t i = 0; i < h->cap; i++) {
		if (h->keys[i] == 0)
			continue;
		uint32_t j = mix64(h->keys[i]) & (cap - 1);
		while (keys[j])
			j = (j + 1) & (cap - 1);
		keys[j] = h->keys[i];
		vals[j] = h->vals[i];
	}
	free(h->keys);
	free(h->vals);
	h->keys = keys;
	h->vals = vals;
	h->cap = cap;
	return 0;
}

int mhash_put(struct mhash *h, int64_t key, uint32_t val)
{
	if ((h->n + 1) * 2 > h->cap && mhash_grow(h))
		return -1;
	uint32_t j = mix64(key) & (h->cap - 1);
	while (h->keys[j] && h->keys[j] != key)
		j = (j + 1) & (h->cap - 1);
	if (h->keys[j] == 0)
		h->n++;
	h->keys[j] = key;
	h->vals[j] = val;
	return 0;
}

bool mhash_get(const struct mhash *h, int64_t key, uint32_t *val)
{
	if (h->cap == 0)
		return false;
	uint32_t j = mix64(key) & (h->cap - 1);
	while (h->keys[j]) {
		if (h->keys[j] == key) {
			*val = h->vals[j];
			return true;
		}
		j = (j + 1) & (h->cap - 1);
	}
	return false;
}

void mhash_free(struct mhash *h)
{
	free(h->keys);
	free(h->vals);
	memset(h, 0, sizeof *h);
}

/* --- the volunteer arrays, handled generically for growth and re-sorting --- */

struct field {
	void **p;
	size_t size;
};

static int vol_fields(struct mvols *v, struct field f[])
{
	int n = 0;
	f[n++] = (struct field){ (void **)&v->id, sizeof *v->id };
	f[n++] = (struct field){ (void **)&v->hot, sizeof *v->hot };
	for (int k = 0; k < MK_COUNT; k++)
		f[n++] = (struct field){ (void **)&v->mask[k], sizeof *v->mask[k] };
	f[n++] = (struct field){ (void **)&v->asked_day, sizeof *v->asked_day };
	f[n++] = (struct field){ (void **)&v->oset, sizeof *v->oset };
	f[n++] = (struct field){ (void **)&v->term_off, sizeof *v->term_off };
	f[n++] = (struct field){ (void **)&v->term_n, sizeof *v->term_n };
	return n;
}

#define VOL_FIELDS_MAX 24

static int vols_reserve(struct mvols *v, uint32_t want)
{
	if (want <= v->cap)
		return 0;
	uint32_t cap = v->cap ? v->cap : 1024;
	while (cap < want)
		cap = cap + cap / 2;
	struct field f[VOL_FIELDS_MAX];
	int nf = vol_fields(v, f);
	for (int i = 0; i < nf; i++) {
		void *p = realloc(*f[i].p, cap * f[i].size);
		if (p == NULL)
			return -1;
		*f[i].p = p;
	}
	v->cap = cap;
	return 0;
}

static void vols_free(struct mvols *v)
{
	struct field f[VOL_FIELDS_MAX];
	int nf = vol_fields(v, f);
	for (int i = 0; i < nf; i++) {
		free(*f[i].p);
		*f[i].p = NULL;
	}
	v->n = v->cap = v->sorted = 0;
}

/* --- lifecycle --- */

int match_index_new(struct catalog *lists, struct match_index **out, struct kp_error *err)
{
	struct match_index *ix = calloc(1, sizeof *ix);
	if (ix == NULL || mtext_init(&ix->text)) {
		free(ix);
		return kp_internal(err);
	}
	pthread_rwlock_init(&ix->lock, NULL);
	pthread_mutex_init(&ix->refresh, NULL);
	ix->lists = lists;
	match_weights_default(&ix->weights);
	*out = ix;
	return KP_OK;
}

void match_index_free(struct match_index *ix)
{
	if (ix == NULL)
		return;
	vols_free(&ix->v);
	mhash_free(&ix->vid);
	grid_free(&ix->grid);
	free(ix->terms);
	mtext_free(&ix->text);
	for (uint32_t i = 0; i < ix->n_calls; i++)
		free(ix->calls[i].paired);
	free(ix->calls);
	mhash_free(&ix->cid);
	free(ix->orgs);
	mhash_free(&ix->oid);
	free(ix->osets);
	mhash_free(&ix->oset_hash);
	free(ix->item_bit);
	free(ix->item_kind);
	pthread_rwlock_destroy(&ix->lock);
	pthread_mutex_destroy(&ix->refresh);
	free(ix);
}

void match_index_set_weights(struct match_index *ix, const struct match_weights *w)
{
	pthread_rwlock_wrlock(&ix->lock);
	ix->weights = *w;
	pthread_rwlock_unlock(&ix->lock);
}

void match_index_get_weights(struct match_index *ix, struct match_weights *w)
{
	pthread_rwlock_rdlock(&ix->lock);
	*w = ix->weights;
	pthread_rwlock_unlock(&ix->lock);
}

void match_index_stats(struct match_index *ix, struct match_stats *st)
{
	pthread_rwlock_rdlock(&ix->lock);
	memset(st, 0, sizeof *st);
	struct field f[VOL_FIELDS_MAX];
	int nf = vol_fields(&ix->v, f);
	for (int i = 0; i < nf; i++)
		st->bytes += (int64_t)ix->v.cap * (int64_t)f[i].size;
	st->bytes += (int64_t)ix->vid.cap * (int64_t)(sizeof(int64_t) + sizeof(uint32_t));
	st->bytes += (int64_t)ix->terms_cap * (int64_t)sizeof(uint32_t);
	st->bytes += (int64_t)ix->grid.rows * ix->grid.cols * (int64_t)(sizeof(uint32_t) + 1);
	st->bytes += (int64_t)ix->osets_cap * (int64_t)sizeof *ix->osets;
	st->bytes += (int64_t)ix->oset_hash.cap * (int64_t)(sizeof(int64_t) + sizeof(uint32_t));
	for (uint32_t s = 0; s < ix->v.n; s++)
		st->volunteers += (ix->v.hot[s].flags & VF_LIVE) != 0;
	for (uint32_t i = 0; i < ix->n_calls; i++) {
		st->calls += ix->calls[i].live;
		st->call_bytes += (int64_t)ix->calls[i].cap_paired * (int64_t)sizeof(int64_t);
	}
	st->call_bytes += (int64_t)ix->cap_calls * (int64_t)sizeof(struct mcall);
	pthread_rwlock_unlock(&ix->lock);
}

/* --- organisations and items --- */

void mix_put_org(struct match_index *ix, int64_t id, int kind, int vog_months)
{
	uint16_t s;
	if (mix_org_slot(ix, id, &s))
		return;
	ix->orgs[s].kind = kind;
	ix->orgs[s].vog_months = vog_months;
}

int mix_org_slot(struct match_index *ix, int64_t org_id, uint16_t *slot)
{
	uint32_t s;
	if (mhash_get(&ix->oid, org_id, &s)) {
		*slot = (uint16_t)s;
		return 0;
	}
	if (ix->n_orgs >= UINT16_MAX)
		return -1;
	if (ix->n_orgs == ix->cap_orgs) {
		uint32_t cap = ix->cap_orgs ? ix->cap_orgs * 2 : 64;
		struct morg *o = realloc(ix->orgs, cap * sizeof *o);
		if (o == NULL)
			return -1;
		ix->orgs = o;
		ix->cap_orgs = cap;
	}
	s = ix->n_orgs++;
	ix->orgs[s] = (struct morg){ .id = org_id, .kind = ORG_VOLUNTEER_ORG, .vog_months = 36 };
	if (mhash_put(&ix->oid, org_id, s))
		return -1;
	*slot = (uint16_t)s;
	return 0;
}

int mix_item_bit(struct match_index *ix, int64_t item_id, int *kind)
{
	if (item_id <= 0 || item_id > 10000000)
		return -1;
	if ((uint64_t)item_id >= ix->item_cap) {
		uint32_t cap = ix->item_cap ? ix->item_cap : 256;
		while (cap <= (uint64_t)item_id)
			cap *= 2;
		int8_t *b = realloc(ix->item_bit, cap);
		uint8_t *k = b ? realloc(ix->item_kind, cap) : NULL;
		if (b)
			ix->item_bit = b;
		if (k == NULL)
			return -1;
		ix->item_kind = k;
		memset(b + ix->item_cap, -2, cap - ix->item_cap); /* -2: not looked up yet */
		ix->item_cap = cap;
	}
	if (ix->item_bit[item_id] == -2) {
		struct catalog_item it;
		int8_t bit = -1;
		uint8_t k = 255;
		if (ix->lists && catalog_get(ix->lists, item_id, &it) && it.kind < MK_COUNT &&
		    ix->next_bit[it.kind] < 64) {
			k = (uint8_t)it.kind;
			bit = (int8_t)ix->next_bit[k]++;
			ix->bit_item[k][bit] = item_id;
		}
		ix->item_bit[item_id] = bit;
		ix->item_kind[item_id] = k;
	}
	if (kind)
		*kind = ix->item_kind[item_id];
	return ix->item_bit[item_id];
}

/* --- volunteers --- */

static int grid_cell(const struct mgrid *g, double lat, double lon)
{
	if (g->rows == 0)
		return -1;
	int r = (int)floor((lat - g->lat0) / MGRID_DLAT);
	int c = (int)floor((lon - g->lon0) / MGRID_DLON);
	if (r < 0 || c < 0 || r >= g->rows || c >= g->cols)
		return -1;
	return r * g->cols + c;
}

static int append_terms(struct match_index *ix, const uint32_t *t, int n, uint32_t *off)
{
	if (ix->terms_n + (uint32_t)n > ix->terms_cap) {
		/* At least 4096: from a capacity of 1 (after compaction) cap + cap / 2
		 * would never grow. */
		uint32_t cap = ix->terms_cap > 4096 ? ix->terms_cap : 4096;
		while (cap < ix->terms_n + (uint32_t)n)
			cap = cap + cap / 2;
		uint32_t *p = realloc(ix->terms, cap * sizeof *p);
		if (p == NULL)
			return -1;
		ix->terms = p;
		ix->terms_cap = cap;
	}
	if (n > 0) /* terms may still be NULL when nothing was ever stored */
		memcpy(ix->terms + ix->terms_n, t, (size_t)n * sizeof *t);
	*off = ix->terms_n;
	ix->terms_n += (uint32_t)n;
	return 0;
}

static void kill_slot(struct match_index *ix, uint32_t s)
{
	if (!(ix->v.hot[s].flags & VF_INDEXED))
		return;
	mtext_count(&ix->text, ix->terms + ix->v.term_off[s], ix->v.term_n[s], -1);
	ix->v.hot[s].flags &= VF_CONSENT; /* kept for a refill of the same slot */
	ix->dead++;
}

/* How far the volunteer of fv travels: the own maximum, within what the
   travel mode reaches. */
static uint8_t reach_km(const struct feed_volunteer *fv)
{
	int reach = fv->max_distance_km > 255 ? 255 : fv->max_distance_km;
	if (fv->travel_mode == TRAVEL_WALK && reach > MREACH_WALK_KM)
		reach = MREACH_WALK_KM;
	else if (fv->travel_mode == TRAVEL_BIKE && reach > MREACH_BIKE_KM)
		reach = MREACH_BIKE_KM;
	return (uint8_t)(reach < 0 ? 0 : reach);
}

/* Writes the profile of fv into slot s (open matches and asked_day kept). */
static int fill_slot(struct match_index *ix, uint32_t s, const struct feed_volunteer *fv,
                     const int64_t *items, int n_items)
{
	struct mvols *v = &ix->v;
	uint32_t terms[MTERMS_MAX];
	int nt = mtext_terms(&ix->text, fv->motivation_text, terms, MTERMS_MAX);
	uint16_t org;
	if (nt < 0 || append_terms(ix, terms, nt, &v->term_off[s]) ||
	    mix_org_slot(ix, fv->organisation_id, &org))
		return -1;
	v->term_n[s] = (uint8_t)nt;
	mtext_count(&ix->text, terms, nt, +1);
	v->id[s] = fv->id;
	v->hot[s].org = org;
	v->hot[s].lat = (float)fv->lat;
	v->hot[s].lon = (float)fv->lon;
	for (int k = 0; k < MK_COUNT; k++)
		v->mask[k][s] = 0;
	for (int i = 0; i < n_items; i++) {
		int kind, bit = mix_item_bit(ix, items[i], &kind);
		if (bit >= 0)
			v->mask[kind][s] |= 1ull << bit;
	}
	v->hot[s].avail = fv->availability & DAYPART_ALL;
	v->hot[s].vog_day = fv->vog_date[0] ? (int32_t)parse_date_days(fv->vog_date) : 0;
	v->hot[s].max_km = reach_km(fv);
	if (v->hot[s].max_km > ix->grid.reach_km)
		ix->grid.reach_km = v->hot[s].max_km;
	v->hot[s].max_matches = (uint8_t)(fv->max_matches > 255 ? 255 : fv->max_matches);
	bool car = fv->travel_mode == TRAVEL_CAR && fv->driving_licence;
	v->hot[s].flags = (uint8_t)((fv->status == VOLUNTEER_ACTIVE ? VF_LIVE : VF_WAITING) |
	                            (fv->driving_licence ? VF_LICENCE : 0) |
	                            (car ? VF_CAR : 0) | (v->hot[s].flags & VF_CONSENT));
	v->hot[s].engage = (uint8_t)(fv->engagement & ((1u << ENGAGEMENT_COUNT) - 1));
	/* Open matches take their hours off again (load.c). */
	v->hot[s].hours_free = fv->hours_per_week > 0
	                               ? (uint8_t)(fv->hours_per_week > 127 ? 254
	                                                                    : 2 * fv->hours_per_week)
	                               : MHOURS_ANY;
	if (!(v->hot[s].flags & VF_EXPERIENCE))
		v->mask[LIST_EXPERIENCE][s] = 0; /* health data only under consent */
	return 0;
}

static int new_slot(struct match_index *ix, int64_t id, uint32_t *s)
{
	if (vols_reserve(&ix->v, ix->v.n + 1))
		return -1;
	*s = ix->v.n++;
	ix->v.hot[*s].open = 0;
	ix->v.asked_day[*s] = 0;
	ix->v.hot[*s].flags = 0;
	ix->v.oset[*s] = 0;
	ix->v.term_n[*s] = 0;
	return mhash_put(&ix->vid, id, *s);
}

int mix_put_volunteer(struct match_index *ix, const struct feed_volunteer *fv,
                      const int64_t *items, int n_items)
{
	uint32_t s;
	bool known = mhash_get(&ix->vid, fv->id, &s);
	if (known)
		kill_slot(ix, s);
	if (fv->status != VOLUNTEER_ACTIVE && fv->status != VOLUNTEER_APPLIED)
		return 0;
	if (!known)
		return new_slot(ix, fv->id, &s) ? -1 : fill_slot(ix, s, fv, items, n_items);
	/* An overflow slot is updated where it is. A sorted slot moves to the
	   overflow, so that no update breaks the order of its run, which scans
	   rely on to stop at the first volunteer who does not reach (mix_rebuild). */
	if (s >= ix->v.sorted) {
		ix->dead--; /* kill_slot counted it */
		return fill_slot(ix, s, fv, items, n_items);
	}
	uint32_t old = s;
	if (new_slot(ix, fv->id, &s))
		return -1;
	ix->v.hot[s].open = ix->v.hot[old].open;
	ix->v.asked_day[s] = ix->v.asked_day[old];
	ix->v.hot[s].flags = ix->v.hot[old].flags & VF_CONSENT;
	ix->v.oset[s] = ix->v.oset[old];
	return fill_slot(ix, s, fv, items, n_items);
}

/* --- consent --- */

/* The pool offset of the sorted set slots[0..n) (n >= 1), stored once; 0
   when out of memory (then the volunteer stays within the own organisation). */
static uint32_t oset_intern(struct match_index *ix, const uint16_t *slots, int n)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)n;
	for (int i = 0; i < n; i++)
		h = (h ^ slots[i]) * 1099511628211ull;
	int64_t key = (int64_t)((h >> 1) | 1);
	uint32_t off;
	if (mhash_get(&ix->oset_hash, key, &off) && ix->osets[off] == n &&
	    memcmp(ix->osets + off + 1, slots, (size_t)n * sizeof *slots) == 0)
		return off;
	uint32_t need = (ix->osets_n ? ix->osets_n : 1) + 1 + (uint32_t)n;
	if (need > ix->osets_cap) {
		uint32_t cap = ix->osets_cap ? ix->osets_cap * 2 : 256;
		while (cap < need)
			cap *= 2;
		uint16_t *p = realloc(ix->osets, cap * sizeof *p);
		if (p == NULL)
			return 0;
		ix->osets = p;
		ix->osets_cap = cap;
	}
	if (ix->osets_n == 0)
		ix->osets_n = 1; /* offset 0 means "no set" */
	off = ix->osets_n;
	ix->osets[off] = (uint16_t)n;
	if (n > 0)
		memcpy(ix->osets + off + 1, slots, (size_t)n * sizeof *slots);
	ix->osets_n = need;
	if (!mhash_get(&ix->oset_hash, key, &(uint32_t){ 0 }))
		mhash_put(&ix->oset_hash, key, off); /* a colliding set is simply not shared */
	return off;
}

/* The consent's organisations as a pooled set of organisation slots. */
static uint32_t oset_of(struct match_index *ix, const struct consent *k)
{
	uint16_t slots[CONSENT_ORGS_MAX];
	int n = 0;
	for (int i = 0; i < k->n_organisations && i < CONSENT_ORGS_MAX; i++) {
		uint16_t o;
		if (mix_org_slot(ix, k->organisations[i], &o))
			continue;
		int j = n; /* insertion sort without duplicates: at most CONSENT_ORGS_MAX */
		while (j > 0 && slots[j - 1] > o)
			j--;
		if (j > 0 && slots[j - 1] == o)
			continue;
		memmove(slots + j + 1, slots + j, (size_t)(n - j) * sizeof *slots);
		slots[j] = o;
		n++;
	}
	return n > 0 ? oset_intern(ix, slots, n) : 0;
}

/* Moves live slot *s to a new overflow slot, keeping everything it holds. */
static int move_to_overflow(struct match_index *ix, uint32_t *s)
{
	uint32_t old = *s, to;
	if (new_slot(ix, ix->v.id[old], &to))
		return -1;
	struct field f[VOL_FIELDS_MAX];
	int nf = vol_fields(&ix->v, f);
	for (int i = 0; i < nf; i++) {
		char *base = *f[i].p;
		memcpy(base + (size_t)to * f[i].size, base + (size_t)old * f[i].size, f[i].size);
	}
	ix->v.hot[old].flags = 0;
	ix->dead++;
	*s = to;
	return 0;
}

int mix_put_consent(struct match_index *ix, const struct consent *k)
{
	uint32_t s;
	if (!mhash_get(&ix->vid, k->volunteer_id, &s) || !(ix->v.hot[s].flags & VF_INDEXED))
		return 0;
	uint32_t set = k->scope == CONSENT_ORGANISATIONS ? oset_of(ix, k) : 0;
	uint8_t flags = (uint8_t)((k->scope == CONSENT_NETWORK ? VF_NETWORK : 0) |
	                          (set ? VF_SELECTED : 0) | (k->experience ? VF_EXPERIENCE : 0));
	/* A sorted slot sits in the run its openness chose. */
	if (s < ix->v.sorted && (ix->v.hot[s].flags & VF_OPEN) != (flags & VF_OPEN) &&
	    move_to_overflow(ix, &s))
		return -1;
	ix->v.hot[s].flags = (uint8_t)((ix->v.hot[s].flags & ~VF_CONSENT) | flags);
	ix->v.oset[s] = set;
	if (!k->experience)
		ix->v.mask[LIST_EXPERIENCE][s] = 0;
	return 0;
}

void mix_put_experience(struct match_index *ix, int64_t volunteer_id, const int64_t *items,
                        int n_items)
{
	uint32_t s;
	if (!mhash_get(&ix->vid, volunteer_id, &s) || !(ix->v.hot[s].flags & VF_INDEXED) ||
	    !(ix->v.hot[s].flags & VF_EXPERIENCE))
		return;
	uint64_t m = 0;
	for (int i = 0; i < n_items; i++) {
		int kind, bit = mix_item_bit(ix, items[i], &kind);
		if (bit >= 0 && kind == LIST_EXPERIENCE)
			m |= 1ull << bit;
	}
	ix->v.mask[LIST_EXPERIENCE][s] = m;
}

/* --- calls --- */

static int weekday_need(const char *date, const char *time)
{
	long days = parse_date_days(date);
	int day = (int)(((days % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
	if (time == NULL || time[0] == '\0')
		return 7 << (day * DAYPARTS);
	int hour = (time[0] - '0') * 10 + (time[1] - '0');
	int part = hour < 12 ? 0 : hour < 18 ? 1 : 2;
	return 1 << (day * DAYPARTS + part);
}

static uint64_t items_mask(struct match_index *ix, const struct id_set *set)
{
	uint64_t m = 0;
	for (int i = 0; i < set->n; i++) {
		int bit = mix_item_bit(ix, set->ids[i], NULL);
		if (bit >= 0)
			m |= 1ull << bit;
	}
	return m;
}

static int call_slot(struct match_index *ix, int64_t id, uint32_t *s)
{
	if (mhash_get(&ix->cid, id, s))
		return 0;
	if (ix->n_calls == ix->cap_calls) {
		uint32_t cap = ix->cap_calls ? ix->cap_calls * 2 : 256;
		struct mcall *c = realloc(ix->calls, cap * sizeof *c);
		if (c == NULL)
			return -1;
		ix->calls = c;
		ix->cap_calls = cap;
	}
	*s = ix->n_calls++;
	memset(&ix->calls[*s], 0, sizeof ix->calls[*s]);
	return mhash_put(&ix->cid, id, *s);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int call_terms(struct match_index *ix, const struct call *c, struct mcall *m)
{
	uint32_t a[MCALL_TERMS_MAX], b[MCALL_TERMS_MAX];
	int na = mtext_terms(&ix->text, c->title, a, MCALL_TERMS_MAX);
	int nb = mtext_terms(&ix->text, c->description, b, MCALL_TERMS_MAX);
	if (na < 0 || nb < 0)
		return -1;
	int i = 0, j = 0, n = 0;
	while ((i < na || j < nb) && n < MCALL_TERMS_MAX) {
		if (j >= nb || (i < na && a[i] < b[j]))
			m->terms[n++] = a[i++];
		else if (i >= na || b[j] < a[i])
			m->terms[n++] = b[j++];
		else {
			m->terms[n++] = a[i++];
			j++;
		}
	}
	m->n_terms = n;
	return 0;
}

int mix_fill_call(struct match_index *ix, const struct call *c, int places, struct mcall *m)
{
	m->id = c->id;
	m->organisation_id = c->organisation_id;
	m->activity_id = c->activity_id;
	if (mix_org_slot(ix, c->organisation_id, &m->org))
		return -1;
	m->act_bit = (int8_t)mix_item_bit(ix, c->activity_id, NULL);
	m->theme = items_mask(ix, &c->items[LIST_THEME]);
	m->train = items_mask(ix, &c->items[LIST_TRAINING]);
	m->talent = items_mask(ix, &c->items[LIST_TALENT]);
	m->lang = items_mask(ix, &c->items[LIST_LANGUAGE]);
	maff_masks(ix, c->activity_id, &m->aff_motive, &m->aff_talent);
	m->exp_need = maff_experience(ix, c->activity_id, m->theme);
	m->lat = (float)c->lat;
	m->lon = (float)c->lon;
	m->one_off = c->one_off_date[0] != '\0';
	m->need = m->one_off ? (uint32_t)weekday_need(c->one_off_date, c->start_time)
	                     : c->dayparts & DAYPART_ALL;
	m->requires_vog = c->requires_vog != 0;
	m->requires_licence = c->requires_driving_licence != 0;
	m->requires_car = c->requires_car != 0;
	m->engagement = (uint8_t)(c->engagement >= 0 && c->engagement < ENGAGEMENT_COUNT
	                                  ? c->engagement
	                                  : ENGAGEMENT_ONE_OFF);
	m->half_hours = mhalf_hours(c->duration_minutes);
	m->one_off_day = m->one_off ? (int32_t)parse_date_days(c->one_off_date) : 0;
	m->places = places;
	m->created_at = c->created_at;
	return call_terms(ix, c, m);
}

int mix_put_call(struct match_index *ix, const struct call *c, int places,
                 const int64_t *paired, int n_paired)
{
	uint32_t s;
	bool known = mhash_get(&ix->cid, c->id, &s);
	bool wanted = c->status == CALL_OPEN && c->source != SOURCE_VOLUNTEER;
	if (!wanted) {
		if (known)
			ix->calls[s].live = false;
		return 0;
	}
	if (!known && call_slot(ix, c->id, &s))
		return -1;
	struct mcall *m = &ix->calls[s];
	if (mix_fill_call(ix, c, places, m))
		return -1;
	if (n_paired > m->cap_paired) {
		int64_t *p = realloc(m->paired, (size_t)n_paired * sizeof *p);
		if (p == NULL)
			return -1;
		m->paired = p;
		m->cap_paired = n_paired;
	}
	if (n_paired > 0)
		memcpy(m->paired, paired, (size_t)n_paired * sizeof *paired);
	m->n_paired = n_paired;
	if (n_paired > 1) /* m->paired may still be NULL, which qsort must not get */
		qsort(m->paired, (size_t)n_paired, sizeof *m->paired, cmp_i64);
	m->live = true;
	return 0;
}

void mix_add_pair(struct match_index *ix, int64_t call_id, int64_t volunteer_id)
{
	uint32_t s;
	if (!mhash_get(&ix->cid, call_id, &s))
		return;
	struct mcall *m = &ix->calls[s];
	if (m->n_paired > 0 &&
	    bsearch(&volunteer_id, m->paired, (size_t)m->n_paired, sizeof *m->paired, cmp_i64))
		return;
	if (m->n_paired == m->cap_paired) {
		int cap = m->cap_paired ? m->cap_paired * 2 : 4;
		int64_t *p = realloc(m->paired, (size_t)cap * sizeof *p);
		if (p == NULL)
			return;
		m->paired = p;
		m->cap_paired = cap;
	}
	int i = m->n_paired;
	while (i > 0 && m->paired[i - 1] > volunteer_id) {
		m->paired[i] = m->paired[i - 1];
		i--;
	}
	m->paired[i] = volunteer_id;
	m->n_paired++;
}

/* --- re-sorting by grid cell --- */

static int grid_shape(const struct mvols *v, struct mgrid *g, int *cells)
{
	double lat_min = 90, lat_max = -90, lon_min = 180, lon_max = -180;
	for (uint32_t s = 0; s < v->n; s++) {
		if (!(v->hot[s].flags & VF_INDEXED))
			continue;
		lat_min = fmin(lat_min, v->hot[s].lat);
		lat_max = fmax(lat_max, v->hot[s].lat);
		lon_min = fmin(lon_min, v->hot[s].lon);
		lon_max = fmax(lon_max, v->hot[s].lon);
	}
	if (lat_min > lat_max) {
		lat_min = lat_max = 52;
		lon_min = lon_max = 5;
	}
	memset(g, 0, sizeof *g);
	g->lat0 = floor(lat_min / MGRID_DLAT) * MGRID_DLAT - MGRID_DLAT;
	g->lon0 = floor(lon_min / MGRID_DLON) * MGRID_DLON - MGRID_DLON;
	g->rows = (int)((lat_max - g->lat0) / MGRID_DLAT) + 2;
	g->cols = (int)((lon_max - g->lon0) / MGRID_DLON) + 2;
	if ((int64_t)g->rows * g->cols > MGRID_CELLS_MAX)
		return -1; /* volunteers spread over a continent: not this engine's scale */
	*cells = g->rows * g->cols;
	return 0;
}

static int permute(struct match_index *ix, const uint32_t *order, uint32_t n)
{
	struct field f[VOL_FIELDS_MAX];
	int nf = vol_fields(&ix->v, f);
	uint32_t cap = n > 1024 ? n + n / 8 : 1024;
	for (int i = 0; i < nf; i++) {
		char *dst = malloc(cap * f[i].size);
		if (dst == NULL)
			return -1;
		const char *src = *f[i].p;
		size_t sz = f[i].size;
		for (uint32_t j = 0; j < n; j++)
			memcpy(dst + j * sz, src + (size_t)order[j] * sz, sz);
		free(*f[i].p);
		*f[i].p = dst;
	}
	ix->v.cap = cap;
	ix->v.n = ix->v.sorted = n;
	return 0;
}

/* Packs the terms of the (already permuted) slots into a fresh pool. */
static int repack_terms(struct match_index *ix)
{
	uint32_t total = 0;
	for (uint32_t s = 0; s < ix->v.n; s++)
		total += ix->v.term_n[s];
	uint32_t *pool = malloc((total ? total : 1) * sizeof *pool);
	if (pool == NULL)
		return -1;
	uint32_t at = 0;
	for (uint32_t s = 0; s < ix->v.n; s++) {
		if (ix->v.term_n[s] > 0) /* ix->terms is NULL while no volunteer has terms */
			memcpy(pool + at, ix->terms + ix->v.term_off[s], ix->v.term_n[s] * sizeof *pool);
		ix->v.term_off[s] = at;
		at += ix->v.term_n[s];
	}
	free(ix->terms);
	ix->terms = pool;
	ix->terms_cap = total ? total : 1;
	ix->terms_n = total;
	return 0;
}

static void grid_free(struct mgrid *g)
{
	free(g->start);
	free(g->max_km);
	free(g->run_off);
	free(g->run_org);
	free(g->run_start);
	g->start = g->run_off = g->run_start = NULL;
	g->max_km = NULL;
	g->run_org = NULL;
}

/* The run a slot sorts into within its cell: MRUN_OPEN for volunteers who
   may be seen beyond their organisation, else their organisation slot. */
static uint16_t run_of(const struct match_index *ix, uint32_t s)
{
	return (ix->v.hot[s].flags & VF_OPEN) ? MRUN_OPEN : ix->v.hot[s].org;
}

/* Records where each run's slots begin in each cell of the sorted
   volunteers, so a question finds them without searching the slots. */
static int org_runs(const struct match_index *ix, struct mgrid *g, int cells)
{
	uint32_t runs = 0;
	for (int c = 0; c < cells; c++)
		for (uint32_t s = g->start[c]; s < g->start[c + 1]; s++)
			runs += s == g->start[c] || run_of(ix, s) != run_of(ix, s - 1);
	g->run_off = malloc(((size_t)cells + 1) * sizeof *g->run_off);
	g->run_org = malloc(((size_t)runs + 1) * sizeof *g->run_org);
	g->run_start = malloc(((size_t)runs + 1) * sizeof *g->run_start);
	if (g->run_off == NULL || g->run_org == NULL || g->run_start == NULL)
		return -1;
	uint32_t r = 0;
	for (int c = 0; c < cells; c++) {
		g->run_off[c] = r;
		for (uint32_t s = g->start[c]; s < g->start[c + 1]; s++)
			if (s == g->start[c] || run_of(ix, s) != run_of(ix, s - 1)) {
				g->run_org[r] = run_of(ix, s);
				g->run_start[r++] = s;
			}
	}
	g->run_off[cells] = r;
	return 0;
}

/* Counting-sort key of a slot: the open run first, then by organisation. */
static uint32_t run_key(const struct match_index *ix, uint32_t s)
{
	return (ix->v.hot[s].flags & VF_OPEN) ? 0 : (uint32_t)ix->v.hot[s].org + 1;
}

/* All slots by reach, farthest first (a counting sort into by_km). */
static void by_reach(const struct match_index *ix, uint32_t *by_km)
{
	uint32_t count[257] = { 0 };
	for (uint32_t s = 0; s < ix->v.n; s++)
		count[255 - ix->v.hot[s].max_km + 1]++;
	for (int k = 0; k < 256; k++)
		count[k + 1] += count[k];
	for (uint32_t s = 0; s < ix->v.n; s++)
		by_km[count[255 - ix->v.hot[s].max_km]++] = s;
}

/* The live slots ordered by run and within a run by reach, farthest first
   (two stable counting sorts; by_km is scratch), then UINT32_MAX; the
   stable sort by cell that follows leaves each cell ordered by run and
   each run by reach, so that a scan stops where nobody reaches further. */
static int by_org(const struct match_index *ix, uint32_t *order, uint32_t *by_km)
{
	uint32_t *count = calloc((size_t)ix->n_orgs + 2, sizeof *count);
	if (count == NULL)
		return -1;
	by_reach(ix, by_km);
	uint32_t live = 0;
	for (uint32_t s = 0; s < ix->v.n; s++)
		if (ix->v.hot[s].flags & VF_INDEXED) {
			count[run_key(ix, s) + 1]++;
			live++;
		}
	for (uint32_t o = 0; o <= ix->n_orgs; o++)
		count[o + 1] += count[o];
	for (uint32_t i = 0; i < ix->v.n; i++) {
		uint32_t s = by_km[i];
		if (ix->v.hot[s].flags & VF_INDEXED)
			order[count[run_key(ix, s)]++] = s;
	}
	if (live < ix->v.n)
		order[live] = UINT32_MAX;
	free(count);
	return 0;
}

int mix_rebuild(struct match_index *ix)
{
	struct mgrid g;
	int cells, rc = -1;
	uint32_t *fill = NULL, *order = NULL, *sorted = NULL;
	if (grid_shape(&ix->v, &g, &cells))
		return -1;
	g.start = calloc((size_t)cells + 1, sizeof *g.start);
	g.max_km = calloc((size_t)cells, 1);
	fill = malloc((size_t)cells * sizeof *fill);
	order = malloc((ix->v.n ? ix->v.n : 1) * sizeof *order);
	sorted = malloc((ix->v.n ? ix->v.n : 1) * sizeof *sorted);
	if (g.start == NULL || g.max_km == NULL || fill == NULL || order == NULL || sorted == NULL)
		goto end;
	for (uint32_t s = 0; s < ix->v.n; s++)
		if (ix->v.hot[s].flags & VF_INDEXED)
			g.start[grid_cell(&g, ix->v.hot[s].lat, ix->v.hot[s].lon) + 1]++;
	for (int c = 0; c < cells; c++)
		g.start[c + 1] += g.start[c];
	memcpy(fill, g.start, (size_t)cells * sizeof *fill);
	uint32_t live = 0;
	if (by_org(ix, order, sorted))
		goto end;
	for (uint32_t i = 0; i < ix->v.n; i++) {
		uint32_t s = order[i];
		if (s == UINT32_MAX)
			break;
		int c = grid_cell(&g, ix->v.hot[s].lat, ix->v.hot[s].lon);
		sorted[fill[c]++] = s;
		if (ix->v.hot[s].max_km > g.max_km[c])
			g.max_km[c] = ix->v.hot[s].max_km;
		if (ix->v.hot[s].max_km > g.reach_km)
			g.reach_km = ix->v.hot[s].max_km;
		live++;
	}
	if (permute(ix, sorted, live) || repack_terms(ix) || org_runs(ix, &g, cells))
		goto end;
	grid_free(&ix->grid);
	ix->grid = g;
	memset(&g, 0, sizeof g);
	mhash_free(&ix->vid);
	for (uint32_t s = 0; s < live; s++)
		if (mhash_put(&ix->vid, ix->v.id[s], s))
			goto end;
	ix->dead = 0;
	rc = 0;
end:
	grid_free(&g);
	free(fill);
	free(order);
	free(sorted);
	return rc;
}

int mix_maybe_rebuild(struct match_index *ix)
{
	uint32_t overflow = ix->v.n - ix->v.sorted;
	uint32_t limit = REBUILD_MIN > ix->v.n / 8 ? REBUILD_MIN : ix->v.n / 8;
	if (overflow < limit && ix->dead < limit)
		return 0;
	return mix_rebuild(ix);
}
