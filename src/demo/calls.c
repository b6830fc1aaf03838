/* The demo calls (oproepen): from organisations, their locations, clients,
   the Wmo desk and volunteers' own offers; one-off dates in the coming
   weeks and recurring day-parts, with requirements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store.h"
#include "demo/gen.h"
#include "model/place.h"
#include "util/parse.h"

#define DAY 86400

static const char *const day_names[DAYS] = {
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
};
static const char *const part_names[DAYPARTS] = { "ochtend", "middag", "avond" };
static const char *const month_names[12] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december",
};

/* "Het gaat om …" for the call's schedule, in Dutch ("Ik kan …" for an offer). */
static void schedule_text(const struct call *c, char *out, size_t cap)
{
	bool offer = c->source == SOURCE_VOLUNTEER;
	if (c->one_off_date[0] != '\0') {
		long days = parse_date_days(c->one_off_date);
		long long month, day;
		char mm[3] = { c->one_off_date[5], c->one_off_date[6], 0 };
		char dd[3] = { c->one_off_date[8], c->one_off_date[9], 0 };
		if (parse_int(mm, 1, 12, &month) || parse_int(dd, 1, 31, &day)) {
			out[0] = '\0';
			return;
		}
		snprintf(out, cap, "%s op %s %lld %s om %s (ongeveer %d minuten).",
		         offer ? "Ik kan eenmalig" : "Het gaat om een eenmalige afspraak",
		         day_names[(days % 7 + 10) % 7], day,
		         month_names[month - 1], c->start_time, c->duration_minutes);
		return;
	}
	size_t len = (size_t)snprintf(out, cap, "%s", offer ? "Ik heb elke week tijd op"
	                                                  : "Het gaat om een vast moment in de week:");
	const char *sep = " ";
	for (int b = 0; b < DAYPART_BITS && len < cap; b++) {
		if (!(c->dayparts & (1u << b)))
			continue;
		int n = snprintf(out + len, cap - len, "%s%s%s", sep, day_names[b / DAYPARTS],
		                 part_names[b % DAYPARTS]);
		len = n > 0 ? len + (size_t)n : len;
		sep = " en ";
	}
	if (len + 1 < cap) {
		out[len++] = '.';
		out[len] = '\0';
	}
}

static void add_item(struct call *c, int kind, int64_t id)
{
	(void)id_set_add(&c->items[kind], id);
}

/* Requirements that go with the activity; returns a required training or -1. */
static int requirements(struct demo_gen *g, struct call *c, struct demo_call *d)
{
	const char *code = vocab_activities[d->activity].code;
	int training = -1;
	d->requires_vog = rng_chance(&g->rng, demo_orgs[d->org].requires_vog);
	if (c->source == SOURCE_VOLUNTEER) {
		d->requires_vog = 0;   /* an offer states what the volunteer brings */
	} else if (strcmp(code, "waken") == 0) {
		d->requires_vog = 1;
		training = vocab_training_index("palliatief");
	} else if (strcmp(code, "lotgenotencontact") == 0 && rng_chance(&g->rng, 600)) {
		training = vocab_training_index("ipso");
	} else if (strcmp(code, "rolstoelduwen") == 0 && rng_chance(&g->rng, 300)) {
		training = vocab_training_index("rolstoel");
	} else if (strcmp(code, "respijtzorg") == 0 && rng_chance(&g->rng, 300)) {
		training = vocab_training_index("dementie");
	}
	d->requires_licence = strcmp(code, "vervoer_ziekenhuis") == 0 ||
	                      (strcmp(code, "uitstapjes") == 0 && rng_chance(&g->rng, 200));
	c->requires_vog = d->requires_vog;
	c->requires_driving_licence = d->requires_licence;
	if (training >= 0)
		add_item(c, LIST_TRAINING, g->ids.training[training]);
	if (d->requires_licence)
		add_item(c, LIST_TALENT, g->ids.talent[2]); /* autorijden */
	if (strcmp(code, "computerhulp") == 0 && rng_chance(&g->rng, 500))
		add_item(c, LIST_TALENT, g->ids.talent[4]);
	if (strcmp(code, "thuisadministratie") == 0 && rng_chance(&g->rng, 500))
		add_item(c, LIST_TALENT, g->ids.talent[5]);
	if (rng_chance(&g->rng, 900))
		add_item(c, LIST_LANGUAGE, g->ids.language[0]);
	if (strcmp(code, "voorlezen") == 0 && rng_chance(&g->rng, 300))
		add_item(c, LIST_LANGUAGE, g->ids.language[rng_chance(&g->rng, 500) ? 4 : 7]);
	int themes = rng_range(&g->rng, 1, 2);
	for (int i = 0; i < themes; i++) {
		const char *t = vocab_activities[d->activity].themes[rng_below(&g->rng, 3)];
		add_item(c, LIST_THEME, g->ids.theme[vocab_theme_index(t)]);
	}
	return training;
}

/* Status, dates and size; status is drawn unless one is forced (>= 0). */
static void schedule(struct demo_gen *g, struct call *c, struct demo_call *d, int status)
{
	static const char *const times[] = { "09:30", "10:00", "10:30", "13:30", "14:00", "19:00" };
	static const int status_w[CALL_STATUS_COUNT] = { 700, 150, 100, 50 };
	d->status = rng_weighted(&g->rng, status_w, CALL_STATUS_COUNT);
	if (status >= 0)
		d->status = status;
	bool past = d->status == CALL_CLOSED || d->status == CALL_CANCELLED;
	d->one_off = status != CALL_FILLED &&
	             rng_chance(&g->rng, d->status == CALL_FILLED ? 150 : 500);
	if (d->one_off) {
		demo_date(g, past ? -rng_range(&g->rng, 1, 120) : rng_range(&g->rng, 1, 42),
		          c->one_off_date);
		snprintf(c->start_time, sizeof c->start_time, "%s", times[rng_below(&g->rng, 6)]);
		c->duration_minutes = 30 * rng_range(&g->rng, 2, 6);
		c->engagement = ENGAGEMENT_ONE_OFF;
		d->needed = rng_chance(&g->rng, 800) ? 1 : rng_range(&g->rng, 2, 3);
	} else {
		int n = rng_range(&g->rng, 1, 2);
		for (int i = 0; i < n; i++)
			c->dayparts |= 1u << rng_below(&g->rng, DAYPART_BITS);
		c->duration_minutes = 30 * rng_range(&g->rng, 2, 8);
		c->engagement = rng_chance(&g->rng, 700) ? ENGAGEMENT_STRUCTURAL
		                : rng_chance(&g->rng, 500) ? ENGAGEMENT_PROJECT : ENGAGEMENT_FLEXIBLE;
		d->needed = rng_range(&g->rng, 1, 2);
	}
	if (strcmp(vocab_activities[d->activity].code, "uitstapjes") == 0)
		d->needed = rng_range(&g->rng, 2, 6);
	/* Days since posting, by status; a recurring call may stand for a year. */
	static const int age_lo[] = { 0, 10, 60, 60 }, age_hi[] = { 30, 90, 365, 365 };
	int age = rng_range(&g->rng, age_lo[d->status],
	                    d->one_off || d->status != CALL_OPEN ? age_hi[d->status] : 365);
	d->created_at = g->now - (int64_t)age * DAY - rng_range(&g->rng, 0, DAY - 1);
	c->created_at = d->created_at;
	c->updated_at = d->created_at + (int64_t)rng_range(&g->rng, 0, age) * DAY;
	c->volunteers_needed = d->needed;
	c->status = d->status;
}

static int pick_org(struct demo_gen *g)
{
	int w[DEMO_ORGS];
	for (int o = 0; o < DEMO_ORGS; o++)
		w[o] = demo_orgs[o].call_weight;
	return rng_weighted(&g->rng, w, DEMO_ORGS);
}

static int pick_activity(struct demo_gen *g, int org)
{
	int offered = 0;
	while (offered < 6 && demo_orgs[org].activities[offered] != NULL)
		offered++;
	if (rng_chance(&g->rng, 200))
		return (int)rng_below(&g->rng, VOCAB_ACTIVITIES);
	return vocab_activity_index(demo_orgs[org].activities[rng_below(&g->rng, (uint32_t)offered)]);
}

/* A location of org, or NULL when it has none. */
static const struct demo_location *pick_location(struct demo_gen *g, int org)
{
	const struct demo_location *found[DEMO_LOCATION_MAX];
	int n = 0;
	for (int i = 0; i < g->n_locations; i++)
		if (g->locations[i].org == org)
			found[n++] = &g->locations[i];
	return n ? found[rng_below(&g->rng, (uint32_t)n)] : NULL;
}

static int pick_municipality(struct demo_gen *g)
{
	int w[DEMO_MUNICIPALITIES];
	for (int m = 0; m < DEMO_MUNICIPALITIES; m++)
		w[m] = region_municipalities[m].volunteers;
	return rng_weighted(&g->rng, w, DEMO_MUNICIPALITIES);
}

/* Who posts the call, where, and for which organisation. */
static void pick_origin(struct demo_gen *g, int i, struct call *c, struct demo_call *d,
                        const struct demo_location **loc)
{
	static const int source_w[CALL_SOURCE_COUNT] = { 30, 20, 20, 15, 15 };
	*loc = NULL;
	d->offer = -1;
	c->source = i < 2 ? SOURCE_ORGANISATION : rng_weighted(&g->rng, source_w, CALL_SOURCE_COUNT);
	d->org = i < 2 ? ORG_ZONNEBLOEM : pick_org(g);
	d->municipality = region_index(demo_orgs[d->org].municipality);
	c->created_by = g->org_actor[d->org];
	if (c->source == SOURCE_LOCATION && (*loc = pick_location(g, d->org)) == NULL)
		c->source = SOURCE_ORGANISATION;
	if (c->source == SOURCE_LOCATION) {
		d->municipality = region_index((*loc)->place);
		c->location_id = (*loc)->id;
		if (d->org == ORG_ZORGGROEP && (*loc)->professional)
			c->created_by = g->professional_account;
	} else if (c->source == SOURCE_CLIENT || c->source == SOURCE_REFERRER) {
		d->municipality = pick_municipality(g);
		if (c->source == SOURCE_REFERRER)
			c->created_by = g->referrer_account;
	} else if (c->source == SOURCE_VOLUNTEER) {
		int m = pick_municipality(g);
		if (g->n_active[m] == 0) {
			c->source = SOURCE_ORGANISATION;
		} else {
			d->offer = g->active[m][rng_below(&g->rng, (uint32_t)g->n_active[m])];
			const struct demo_vol *v = &g->vols[d->offer];
			d->org = v->org;
			d->municipality = m;
			c->volunteer_id = v->id;
			c->created_by = v->id == g->demo_volunteer ? g->volunteer_account
			                                           : g->org_actor[d->org];
		}
	}
	d->activity = i == 0 ? vocab_activity_index("huisbezoek")
	              : i == 1 ? vocab_activity_index("uitstapjes")
	                       : pick_activity(g, d->org);
}

static int add_call(struct demo_gen *g, int i, struct call *c, struct kp_error *err)
{
	struct demo_call *d = &g->calls[g->n_calls];
	const struct demo_location *loc;
	char when[256];
	call_init(c);
	memset(d, 0, sizeof *d);
	pick_origin(g, i, c, d, &loc);
	d->client = (int)rng_below(&g->rng, (uint32_t)texts_client_count());
	c->organisation_id = g->org_id[d->org];
	c->activity_id = g->ids.activity[d->activity];
	const char *place = region_municipalities[d->municipality].name;
	snprintf(c->place, sizeof c->place, "%s", place);
	/* The first two are Sanne Visser's: a weekly visit and an outing. */
	schedule(g, c, d, i == 0 ? CALL_FILLED : i == 1 ? CALL_OPEN : -1);
	int training = requirements(g, c, d);
	schedule_text(c, when, sizeof when);
	texts_call_title(&g->rng, d, c->source, loc ? loc->name : NULL, place, c->title,
	                 sizeof c->title);
	texts_call_description(&g->rng, d, c->source, loc ? loc->name : NULL, place, when,
	                       training, c->description, sizeof c->description);
	const struct place *p = place_lookup(c->place, "place", err);
	if (p == NULL)
		return KP_ERR;
	c->lat = p->lat;
	c->lon = p->lon;
	/* two in three published calls are on the network's public pages too (no
	   draw from the generator: the rest of the demo stays as it was) */
	c->public_page = c->source != SOURCE_VOLUNTEER && call_is_published(c) && g->n_calls % 3 != 2;
	if (call_validate(c, err) || store_call_insert(g->db, c, err))
		return KP_ERR;
	d->id = c->id;
	g->n_calls++;
	g->sum->calls++;
	g->sum->calls_by_status[c->status]++;
	g->sum->calls_by_source[c->source]++;
	return KP_OK;
}

int demo_add_calls(struct demo_gen *g, int n, struct kp_error *err)
{
	struct call *c = malloc(sizeof *c);
	g->calls = calloc((size_t)n, sizeof *g->calls);
	int ret = KP_ERR;
	if (c == NULL || g->calls == NULL) {
		kp_internal(err);
		goto end;
	}
	for (int i = 0; i < n; i++)
		if (add_call(g, i, c, err))
			goto end;
	ret = KP_OK;
end:
	free(c);
	return ret;
}
