/* The demo volunteers: varied profiles on the four building blocks, spread
   over the municipalities in proportion to seed 004. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store.h"
#include "demo/gen.h"
#include "demo/names.h"
#include "model/place.h"
#include "util/parse.h"

#define DAY 86400

/* Draws k distinct indices of [0, n) into out (k <= n <= 32). */
static int distinct(struct rng *r, int n, int k, int *out)
{
	uint32_t seen = 0;
	int got = 0;
	while (got < k) {
		int i = (int)rng_below(r, (uint32_t)n);
		if (!(seen & (1u << i))) {
			seen |= 1u << i;
			out[got++] = i;
		}
	}
	return got;
}

static void add_item(struct volunteer *v, int kind, int64_t id)
{
	(void)id_set_add(&v->items[kind], id);
}

/* Liked activities, the first one from what the home organisation offers. */
static int pick_activities(struct demo_gen *g, struct volunteer *v, int org, uint32_t *mask)
{
	const struct demo_org_spec *o = &demo_orgs[org];
	int offered = 0;
	while (offered < 6 && o->activities[offered] != NULL)
		offered++;
	int first = vocab_activity_index(o->activities[rng_below(&g->rng, (uint32_t)offered)]);
	*mask = 1u << first;
	int want = rng_range(&g->rng, 1, 4);
	for (int tries = 0; __builtin_popcount(*mask) < want && tries < 10; tries++) {
		int a = rng_chance(&g->rng, 500)
		            ? vocab_activity_index(o->activities[rng_below(&g->rng, (uint32_t)offered)])
		            : (int)rng_below(&g->rng, VOCAB_ACTIVITIES);
		*mask |= 1u << a;
	}
	for (int a = 0; a < VOCAB_ACTIVITIES; a++)
		if (*mask & (1u << a))
			add_item(v, LIST_ACTIVITY, g->ids.activity[a]);
	return first;
}

static int pick_themes(struct demo_gen *g, struct volunteer *v, int activity)
{
	int first = vocab_theme_index(vocab_activities[activity].themes[rng_below(&g->rng, 3)]);
	add_item(v, LIST_THEME, g->ids.theme[first]);
	int more = rng_range(&g->rng, 0, 2);
	for (int i = 0; i < more; i++)
		add_item(v, LIST_THEME, g->ids.theme[rng_below(&g->rng, VOCAB_THEMES)]);
	return first;
}

/* Motives and talents; returns the first of each through *motive, *talent. */
static void pick_motives_talents(struct demo_gen *g, struct volunteer *v, bool experienced,
                                 int *motive, int *talent)
{
	int idx[4];
	int k = distinct(&g->rng, VOCAB_MOTIVES, rng_range(&g->rng, 1, 3), idx);
	*motive = idx[0];
	for (int i = 0; i < k; i++)
		if (experienced || strcmp(vocab_motives[idx[i]], "ervaringsdeskundig") != 0)
			add_item(v, LIST_MOTIVE, g->ids.motive[idx[i]]);
	if (experienced) {
		*motive = 5; /* ervaringsdeskundig */
		add_item(v, LIST_MOTIVE, g->ids.motive[5]);
	} else if (strcmp(vocab_motives[*motive], "ervaringsdeskundig") == 0) {
		*motive = 0;
	}
	k = distinct(&g->rng, VOCAB_TALENTS, rng_range(&g->rng, 0, 3), idx);
	*talent = k ? idx[0] : -1;
	for (int i = 0; i < k; i++)
		add_item(v, LIST_TALENT, g->ids.talent[idx[i]]);
	if (v->driving_licence && rng_chance(&g->rng, 250))
		add_item(v, LIST_TALENT, g->ids.talent[2]); /* autorijden */
}

static void add_training(struct demo_gen *g, struct volunteer *v, const char *code)
{
	add_item(v, LIST_TRAINING, g->ids.training[vocab_training_index(code)]);
}

static void pick_trainings(struct demo_gen *g, struct volunteer *v, uint32_t liked, int years)
{
	if (v->status == VOLUNTEER_APPLIED)
		return;
	if (rng_chance(&g->rng, years >= 1 ? 650 : 300))
		add_training(g, v, "basistraining");
	if ((liked & (1u << vocab_activity_index("waken"))) && rng_chance(&g->rng, 800))
		add_training(g, v, "palliatief");
	if ((liked & (1u << vocab_activity_index("lotgenotencontact"))) && rng_chance(&g->rng, 700))
		add_training(g, v, "ipso");
	if ((liked & (1u << vocab_activity_index("rolstoelduwen"))) && rng_chance(&g->rng, 450))
		add_training(g, v, "rolstoel");
	if ((liked & (1u << vocab_activity_index("activiteitenbegeleiding"))) &&
	    rng_chance(&g->rng, 400))
		add_training(g, v, "dementie");
	if (rng_chance(&g->rng, 120))
		add_item(v, LIST_TRAINING, g->ids.training[rng_range(&g->rng, 3, 7)]);
}

static void pick_languages(struct demo_gen *g, struct volunteer *v, int age,
                           const struct names_person *who)
{
	static const int other_permille[VOCAB_LANGUAGES] = { 0, 0, 60, 5, 5, 3, 3, 2, 5 };
	bool dutch = rng_chance(&g->rng, who->dutch_permille);
	if (dutch)
		add_item(v, LIST_LANGUAGE, g->ids.language[0]);
	if (rng_chance(&g->rng, age < 50 ? 650 : 250))
		add_item(v, LIST_LANGUAGE, g->ids.language[1]);
	for (int l = 2; l < VOCAB_LANGUAGES; l++)
		if (rng_chance(&g->rng, other_permille[l]))
			add_item(v, LIST_LANGUAGE, g->ids.language[l]);
	for (int l = 1; who->language != NULL && l < VOCAB_LANGUAGES; l++)
		if (strcmp(vocab_languages[l], who->language) == 0 &&
		    (!dutch || rng_chance(&g->rng, 650)))
			add_item(v, LIST_LANGUAGE, g->ids.language[l]);
	if (v->items[LIST_LANGUAGE].n == 0)
		add_item(v, LIST_LANGUAGE, g->ids.language[1]);
}

static bool pick_experience(struct demo_gen *g, struct volunteer *v, int org, uint32_t liked)
{
	bool peer = org == ORG_IPSO || (liked & (1u << vocab_activity_index("lotgenotencontact")));
	if (!rng_chance(&g->rng, peer ? 600 : 110))
		return false;
	int n = rng_range(&g->rng, 1, 2);
	for (int i = 0; i < n; i++)
		add_item(v, LIST_EXPERIENCE,
		         g->ids.experience[org == ORG_IPSO && i == 0 ? rng_range(&g->rng, 0, 1)
		                                                      : rng_range(&g->rng, 0, 6)]);
	return true;
}

/* Day-parts that fit a life phase: retired people mostly weekdays by day,
   working people evenings and weekends. */
static uint32_t pick_availability(struct demo_gen *g, int age)
{
	uint32_t grid = 0;
	int n = rng_range(&g->rng, 2, 7);
	for (int i = 0; i < n; i++) {
		int day, part;
		if (age >= 67) {
			day = rng_range(&g->rng, 0, rng_chance(&g->rng, 850) ? 4 : 6);
			part = rng_chance(&g->rng, 900) ? rng_range(&g->rng, 0, 1) : 2;
		} else if (age >= 25) {
			day = rng_range(&g->rng, 0, 6);
			part = day >= 5 ? rng_range(&g->rng, 0, 2) : (rng_chance(&g->rng, 700) ? 2 : 1);
		} else {
			day = rng_range(&g->rng, 0, 6);
			part = rng_range(&g->rng, 1, 2);
		}
		grid |= 1u << (day * DAYPARTS + part);
	}
	return grid;
}

static void pick_travel(struct demo_gen *g, struct volunteer *v, int age)
{
	static const int modes[TRAVEL_MODE_COUNT] = { 12, 45, 30, 13 };
	int w[TRAVEL_MODE_COUNT];
	memcpy(w, modes, sizeof w);
	if (age >= 75)
		w[TRAVEL_BIKE] = 25;
	v->travel_mode = rng_weighted(&g->rng, w, TRAVEL_MODE_COUNT);
	switch (v->travel_mode) {
	case TRAVEL_WALK: v->max_distance_km = rng_range(&g->rng, 1, 3); break;
	case TRAVEL_BIKE: v->max_distance_km = rng_range(&g->rng, 3, 10); break;
	case TRAVEL_CAR: v->max_distance_km = rng_range(&g->rng, 8, 30); break;
	default: v->max_distance_km = rng_range(&g->rng, 5, 20); break;
	}
	v->driving_licence = v->travel_mode == TRAVEL_CAR || rng_chance(&g->rng, 600);
}

static int pick_age(struct rng *r)
{
	static const int weights[] = { 12, 18, 32, 38 };
	static const int lo[] = { 18, 30, 50, 67 }, hi[] = { 29, 49, 66, 86 };
	int band = rng_weighted(r, weights, 4);
	return rng_range(r, lo[band], hi[band]);
}

static int pick_org(struct demo_gen *g, int municipality)
{
	int w[DEMO_ORGS];
	for (int o = 0; o < DEMO_ORGS; o++) {
		w[o] = demo_orgs[o].volunteer_weight * 2;
		if (strcmp(demo_orgs[o].municipality, region_municipalities[municipality].name) == 0)
			w[o] *= 2;
	}
	return rng_weighted(&g->rng, w, DEMO_ORGS);
}

static void pick_contact(struct demo_gen *g, struct volunteer *v, int i,
                         struct names_person *who)
{
	char local[96];
	names_pick(&g->rng, who);
	snprintf(v->first_name, sizeof v->first_name, "%s", who->first);
	snprintf(v->last_name, sizeof v->last_name, "%s", who->last);
	names_email_part(v->first_name, v->last_name, local, sizeof local);
	snprintf(v->email, sizeof v->email, "%s%d@voorbeeld.demo", local, i);
	snprintf(v->phone, sizeof v->phone, "06-%08u", rng_below(&g->rng, 100000000));
}

/* Status, start within the last ten years (not before the age of 16) and VOG. */
static void pick_status_dates(struct demo_gen *g, struct volunteer *v, int age, int *years)
{
	static const int statuses[VOLUNTEER_STATUS_COUNT] = { 80, 780, 60, 80 };
	v->status = rng_weighted(&g->rng, statuses, VOLUNTEER_STATUS_COUNT);
	int longest = (age - 16) * 365 < 3650 ? (age - 16) * 365 : 3650;
	int days = v->status == VOLUNTEER_APPLIED ? rng_range(&g->rng, 1, 60)
	                                          : rng_range(&g->rng, 30, longest);
	*years = days / 365;
	demo_date(g, -days, v->started_on);
	v->created_at = g->now - (int64_t)days * DAY - rng_range(&g->rng, 0, DAY - 1);
	v->updated_at = v->created_at + (int64_t)rng_range(&g->rng, 0, days) * DAY;
	if (rng_chance(&g->rng, v->status == VOLUNTEER_APPLIED ? 150 : 650))
		demo_date(g, -rng_range(&g->rng, 10, 2000), v->vog_date);
}

/* Hours per week, forms of engagement and how many matches at once. */
static void pick_rhythm(struct demo_gen *g, struct volunteer *v)
{
	static const int hours[] = { 1, 2, 3, 4, 6, 8, 12, 16 };
	static const int hour_w[] = { 5, 20, 20, 20, 15, 10, 6, 4 };
	static const int engagement_permille[ENGAGEMENT_COUNT] = { 300, 500, 150, 550 };
	static const int cap_w[] = { 70, 24, 6 };
	v->hours_per_week = hours[rng_weighted(&g->rng, hour_w, 8)];
	for (int e = 0; e < ENGAGEMENT_COUNT; e++)
		if (rng_chance(&g->rng, engagement_permille[e]))
			v->engagement |= 1u << e;
	if (v->engagement == 0)
		v->engagement = 1u << ENGAGEMENT_FLEXIBLE;
	v->max_matches = 1 + rng_weighted(&g->rng, cap_w, 3);
}

/* A full random profile for volunteer number i living in municipality m. */
static void make_profile(struct demo_gen *g, struct volunteer *v, int i, int m, int *org,
                         uint32_t *liked, bool *experienced)
{
	int age = pick_age(&g->rng), years, motive, talent;
	struct names_person who;
	v->birth_year = demo_year(g) - age;
	*org = pick_org(g, m);
	v->organisation_id = g->org_id[*org];
	pick_contact(g, v, i, &who);
	pick_status_dates(g, v, age, &years);
	snprintf(v->place, sizeof v->place, "%s", region_municipalities[m].name);
	pick_travel(g, v, age);
	int activity = pick_activities(g, v, *org, liked);
	int theme = pick_themes(g, v, activity);
	*experienced = pick_experience(g, v, *org, *liked);
	pick_motives_talents(g, v, *experienced, &motive, &talent);
	pick_trainings(g, v, *liked, years);
	pick_languages(g, v, age, &who);
	v->availability = pick_availability(g, age);
	pick_rhythm(g, v);
	texts_motivation(&g->rng, activity, theme, motive, talent, v->motivation_text,
	                 sizeof v->motivation_text);
}

/* Sanne Visser, the volunteer behind vrijwilliger@knooppunt.demo: the same
   sensible profile for every seed. */
static void make_demo_profile(struct demo_gen *g, struct volunteer *v, uint32_t *liked)
{
	static const char *const activities[] = { "huisbezoek", "wandelen", "uitstapjes",
	                                           "rolstoelduwen" };
	static const int themes[] = { 0, 2, 6 }, motives[] = { 0, 1 }, talents[] = { 0, 1 };
	snprintf(v->first_name, sizeof v->first_name, "Sanne");
	snprintf(v->last_name, sizeof v->last_name, "Visser");
	snprintf(v->email, sizeof v->email, "vrijwilliger@knooppunt.demo");
	snprintf(v->phone, sizeof v->phone, "06-12345678");
	v->organisation_id = g->org_id[ORG_ZONNEBLOEM];
	v->status = VOLUNTEER_ACTIVE;
	snprintf(v->place, sizeof v->place, "Dordrecht");
	v->availability = (1u << 0) | (1u << (2 * DAYPARTS)) | (1u << (3 * DAYPARTS)) |
	                  (1u << (1 * DAYPARTS + 1)) | (1u << (5 * DAYPARTS + 1));
	v->hours_per_week = 4;
	v->engagement = (1u << ENGAGEMENT_STRUCTURAL) | (1u << ENGAGEMENT_FLEXIBLE);
	v->travel_mode = TRAVEL_BIKE;
	v->max_distance_km = 8;
	v->driving_licence = 1;
	v->max_matches = 2;
	demo_date(g, -200, v->vog_date);
	demo_date(g, -3 * 365, v->started_on);
	v->birth_year = demo_year(g) - 62;
	v->created_at = v->updated_at = g->now - 3 * 365 * (int64_t)DAY;
	*liked = 0;
	for (int i = 0; i < 4; i++) {
		int a = vocab_activity_index(activities[i]);
		*liked |= 1u << a;
		add_item(v, LIST_ACTIVITY, g->ids.activity[a]);
	}
	for (int i = 0; i < 3; i++)
		add_item(v, LIST_THEME, g->ids.theme[themes[i]]);
	for (int i = 0; i < 2; i++) {
		add_item(v, LIST_MOTIVE, g->ids.motive[motives[i]]);
		add_item(v, LIST_TALENT, g->ids.talent[talents[i]]);
	}
	add_training(g, v, "basistraining");
	add_training(g, v, "rolstoel");
	add_item(v, LIST_LANGUAGE, g->ids.language[0]);
	add_item(v, LIST_LANGUAGE, g->ids.language[1]);
	snprintf(v->motivation_text, sizeof v->motivation_text,
	         "Ik wil graag iets betekenen voor ouderen in mijn wijk, bijvoorbeeld door samen "
	         "te wandelen of mee te gaan met een uitstapje. Ik ben geduldig en kan goed "
	         "luisteren.");
}

static void record(struct demo_gen *g, const struct volunteer *v, int org, int m,
                   uint32_t liked, bool experienced)
{
	struct demo_vol *d = &g->vols[g->n_vols++];
	d->id = v->id;
	d->activities = liked;
	d->org = (uint8_t)org;
	d->municipality = (uint8_t)m;
	d->open = 0;
	d->max = (uint8_t)v->max_matches;
	d->licence = (uint8_t)v->driving_licence;
	d->status = (uint8_t)v->status;
	d->start_day = (int32_t)parse_date_days(v->started_on);
	d->stop_day = v->status == VOLUNTEER_STOPPED ? (int32_t)(v->updated_at / DAY) : -1;
	d->vog_valid = v->vog_date[0] != '\0' &&
	               g->now / DAY - parse_date_days(v->vog_date) <= 3 * 365;
	if (v->status == VOLUNTEER_ACTIVE)
		g->active[m][g->n_active[m]++] = g->n_vols - 1;
	struct demo_summary *s = g->sum;
	s->volunteers++;
	s->volunteers_by_status[v->status]++;
	s->volunteers_by_municipality[m]++;
	s->with_experience += experienced;
}

/* Resolves the home place and checks the profile as the API would. */
static int finish(struct volunteer *v, struct kp_error *err)
{
	const struct place *p = place_lookup(v->place, "place", err);
	if (p == NULL)
		return KP_ERR;
	v->lat = p->lat;
	v->lon = p->lon;
	return volunteer_validate(v, err);
}

int demo_add_volunteers(struct demo_gen *g, int n, struct kp_error *err)
{
	int quota[DEMO_MUNICIPALITIES];
	int ret = KP_ERR;
	struct volunteer *v = malloc(sizeof *v);
	g->vols = calloc((size_t)n, sizeof *g->vols);
	region_quota(n, quota);
	for (int m = 0; m < DEMO_MUNICIPALITIES; m++)
		g->active[m] = malloc(((size_t)quota[m] + 1) * sizeof(int));
	if (v == NULL || g->vols == NULL) {
		kp_internal(err);
		goto end;
	}
	for (int m = 0; m < DEMO_MUNICIPALITIES; m++)
		if (g->active[m] == NULL) {
			kp_internal(err);
			goto end;
		}
	for (int i = 0; i < n; i++) {
		int m, org = ORG_ZONNEBLOEM;
		uint32_t liked;
		bool experienced = false;
		volunteer_init(v);
		if (i == 0) {
			m = region_index("Dordrecht");
			make_demo_profile(g, v, &liked);
		} else {
			m = rng_weighted(&g->rng, quota, DEMO_MUNICIPALITIES);
			make_profile(g, v, i, m, &org, &liked, &experienced);
		}
		quota[m]--;
		if (finish(v, err) || store_volunteer_insert(g->db, v, experienced, err))
			goto end;
		if (i == 0)
			g->demo_volunteer = v->id;
		record(g, v, org, m, liked, experienced);
		if (demo_add_consent(g, g->n_vols - 1, v->created_at, experienced, err))
			goto end;
	}
	ret = KP_OK;
end:
	free(v);
	return ret;
}
