/*
 * Shared set-up of the match_* unit tests: an in-memory catalog of the
 * default shared lists (ids 1..n in list order), an empty index, three
 * organisations (1: own, 2: another, 3: a volunteer centre), and builders
 * for a volunteer and a call that fit each other on every hard requirement
 * (Dordrecht, Tuesday afternoon, walking with older people). A test changes
 * one thing and puts them into the index.
 */
#ifndef KP_TESTS_UNIT_MATCH_FIXTURE_H
#define KP_TESTS_UNIT_MATCH_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match/filter.h"
#include "match/index.h"
#include "match/score.h"
#include "model/default_lists.h"
#include "model/organisation.h"
#include "util/parse.h"

#define MFX_LAT 51.81
#define MFX_LON 4.67361
#define MFX_TUE_AFTERNOON (1u << (1 * DAYPARTS + 1))

struct mfx {
	struct catalog cat;
	struct match_index *ix;
	int64_t now;
};

struct mfx_volunteer {
	struct feed_volunteer fv;
	struct consent consent;   /* none unless a test gives one */
	char text[256];
	int64_t items[64];
	int n_items;
};

static inline int64_t mfx_item(struct mfx *f, int kind, const char *code)
{
	int64_t id = catalog_find(&f->cat, kind, code);
	if (id == 0)
		fail_msg("no item %s", code);
	return id;
}

static int mfx_setup(void **state)
{
	struct mfx *f = calloc(1, sizeof *f);
	struct kp_error err = { 0 };
	struct catalog_item *items = calloc((size_t)default_item_count, sizeof *items);
	if (f == NULL || items == NULL)
		return -1;
	catalog_init(&f->cat);
	for (int i = 0; i < default_item_count; i++) {
		items[i].id = i + 1;
		items[i].kind = default_items[i].kind;
		items[i].active = true;
		snprintf(items[i].code, sizeof items[i].code, "%s", default_items[i].code);
		snprintf(items[i].label_nl, sizeof items[i].label_nl, "%s", default_items[i].label_nl);
		snprintf(items[i].label_en, sizeof items[i].label_en, "%s", default_items[i].label_en);
	}
	catalog_replace(&f->cat, items, default_item_count);
	if (match_index_new(&f->cat, &f->ix, &err))
		return -1;
	mix_put_org(f->ix, 1, ORG_VOLUNTEER_ORG, 36);
	mix_put_org(f->ix, 2, ORG_CARE_PROVIDER, 12);
	mix_put_org(f->ix, 3, ORG_VOLUNTEER_CENTRE, 36);
	f->now = parse_date_days("2026-11-24") * 86400L + 10 * 3600; /* a Tuesday */
	*state = f;
	return 0;
}

static int mfx_teardown(void **state)
{
	struct mfx *f = *state;
	match_index_free(f->ix);
	catalog_free(&f->cat);
	free(f);
	return 0;
}

static inline void mfx_add(struct mfx *f, struct mfx_volunteer *v, int kind, const char *code)
{
	v->items[v->n_items++] = mfx_item(f, kind, code);
}

/* A volunteer of organisation 1 who fits mfx_call on every requirement. */
static inline void mfx_volunteer(struct mfx *f, int64_t id, struct mfx_volunteer *v)
{
	memset(v, 0, sizeof *v);
	snprintf(v->text, sizeof v->text, "Ik wil graag wandelen met ouderen in de buurt.");
	v->fv = (struct feed_volunteer){ .id = id, .organisation_id = 1,
	                                 .status = VOLUNTEER_ACTIVE, .lat = MFX_LAT,
	                                 .lon = MFX_LON, .availability = DAYPART_ALL,
	                                 .max_distance_km = 10, .max_matches = 2,
	                                 .driving_licence = 1, .motivation_text = v->text,
	                                 .travel_mode = TRAVEL_BIKE };
	snprintf(v->fv.vog_date, sizeof v->fv.vog_date, "2026-01-10");
	consent_init(&v->consent, id);
	mfx_add(f, v, LIST_ACTIVITY, "wandelen");
	mfx_add(f, v, LIST_THEME, "ouderen");
	mfx_add(f, v, LIST_MOTIVE, "contact");
	mfx_add(f, v, LIST_TALENT, "luisteren");
	mfx_add(f, v, LIST_TRAINING, "basistraining");
	mfx_add(f, v, LIST_LANGUAGE, "nl");
}

/* A recurring call of organisation 1: walking with older people on Tuesday afternoon. */
static inline void mfx_call(struct mfx *f, int64_t id, struct call *c)
{
	call_init(c);
	c->id = id;
	c->organisation_id = 1;
	snprintf(c->title, sizeof c->title, "Wandelen met een oudere buurman");
	snprintf(c->description, sizeof c->description, "Wekelijks een rondje wandelen.");
	c->activity_id = mfx_item(f, LIST_ACTIVITY, "wandelen");
	snprintf(c->place, sizeof c->place, "Dordrecht");
	c->lat = MFX_LAT;
	c->lon = MFX_LON;
	c->dayparts = MFX_TUE_AFTERNOON;
	c->status = CALL_OPEN;
	c->volunteers_needed = 1;
	c->created_at = f->now - 86400;
	id_set_add(&c->items[LIST_THEME], mfx_item(f, LIST_THEME, "ouderen"));
}

/* As a refresh does: the profile, then the consent, then lived experience. */
static inline void mfx_put_volunteer(struct mfx *f, const struct mfx_volunteer *v)
{
	struct consent k = v->consent;
	k.volunteer_id = v->fv.id;
	assert_int_equal(mix_put_volunteer(f->ix, &v->fv, v->items, v->n_items), 0);
	assert_int_equal(mix_put_consent(f->ix, &k), 0);
	mix_put_experience(f->ix, v->fv.id, v->items, v->n_items);
}

/* Gives volunteer vid consent `scope` (for CONSENT_ORGANISATIONS the n
   organisations orgs) and, when experience, the lived-experience consent. */
static inline void mfx_consent(struct mfx *f, int64_t vid, int scope, const int64_t *orgs,
                               int n, bool experience)
{
	struct consent k;
	consent_init(&k, vid);
	k.scope = scope;
	for (int i = 0; i < n; i++)
		k.organisations[k.n_organisations++] = orgs[i];
	k.experience = experience;
	assert_int_equal(mix_put_consent(f->ix, &k), 0);
}

static inline void mfx_put_call(struct mfx *f, const struct call *c)
{
	assert_int_equal(mix_put_call(f->ix, c, c->volunteers_needed, NULL, 0), 0);
}

static inline uint32_t mfx_slot(struct mfx *f, int64_t volunteer_id)
{
	uint32_t s = 0;
	assert_true(mhash_get(&f->ix->vid, volunteer_id, &s));
	return s;
}

/* The first rule volunteer vid fails for call cid (MF_OK when none). */
static inline int mfx_check(struct mfx *f, int64_t vid, int64_t cid)
{
	uint32_t cs = 0;
	struct mquery q;
	assert_true(mhash_get(&f->ix->cid, cid, &cs));
	mq_prepare(f->ix, &f->ix->calls[cs], f->now, 0, &q);
	return mf_check(f->ix, mfx_slot(f, vid), &q);
}

/* The score of volunteer vid for call cid, parts into parts (may be NULL). */
static inline double mfx_score(struct mfx *f, int64_t vid, int64_t cid, double *parts)
{
	uint32_t cs = 0, s = mfx_slot(f, vid);
	struct mquery q;
	assert_true(mhash_get(&f->ix->cid, cid, &cs));
	mq_prepare(f->ix, &f->ix->calls[cs], f->now, 0, &q);
	return ms_score(f->ix, s, &q, mf_dist2(f->ix, s, &q),
	                ms_waiting(&f->ix->weights, &f->ix->calls[cs], f->now), -1e300, parts);
}

#endif
