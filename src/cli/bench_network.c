/* A seeded national-scale network for the matching benchmark (see bench_network.h). */
#include "cli/bench_network.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/place.h"
#include "util/parse.h"

static const char *const wishes[] = {
	"ouderen gezelschap houden", "samen wandelen in de buurt",
	"mensen helpen met hun administratie",
	"voorlezen aan kinderen", "tuinieren met bewoners", "koken voor buurtgenoten",
	"mantelzorgers ontlasten", "er zijn voor iemand in de laatste levensfase",
	"nieuwkomers helpen met de Nederlandse taal", "klussen in huis voor wie het niet meer kan",
	"mensen naar het ziekenhuis rijden", "een maatje zijn voor iemand die eenzaam is",
	"computerles geven aan senioren", "uitstapjes organiseren voor ouderen",
	"mijn ervaring met kanker delen met lotgenoten", "mensen met dementie een fijne middag geven",
	"jongeren helpen met huiswerk", "gezinnen met schulden ondersteunen",
};

/* One text per default activity, in the order of the shared list. */
static const char *const call_texts[] = {
	"Gezelschap voor een oudere dame.", "Wie gaat er wekelijks mee wandelen?",
	"Boodschappen doen voor een buurvrouw.", "Vervoer naar het ziekenhuis en terug.",
	"Kleine klussen in huis.", "Hulp bij de administratie en post.",
	"Computerhulp voor senioren.", "Maatje voor iemand die eenzaam is.",
	"Lotgenotencontact voor mensen met kanker.", "Waken bij iemand in de laatste levensfase.",
	"Activiteiten voor mensen met dementie.", "Gastvrouw bij de koffieochtend.",
	"Even vrij voor een mantelzorger: wie neemt het over?",
	"Voorlezen aan kinderen in de bibliotheek.",
	"Samen tuinieren in de moestuin van het verpleeghuis.", "Koken en samen eten in de wijk.",
	"Begeleiding bij een uitstapje.", "Rolstoel duwen bij een wandeling in het park.",
};

uint64_t bnet_next(struct bnet *b)
{
	/* xorshift64*: fast, seeded, the same sequence on every machine */
	b->rng ^= b->rng >> 12;
	b->rng ^= b->rng << 25;
	b->rng ^= b->rng >> 27;
	return b->rng * 0x2545F4914F6CDD1Dull;
}

static int pick(struct bnet *b, int n)
{
	return n > 0 ? (int)(bnet_next(b) % (uint64_t)n) : 0;
}

static bool chance(struct bnet *b, int percent)
{
	return pick(b, 100) < percent;
}

int bnet_init(struct bnet *b, struct catalog *lists, uint64_t seed, int64_t now, int n_orgs)
{
	memset(b, 0, sizeof *b);
	b->rng = seed * 2654435761u + 88172645463325252ull;
	b->now = now;
	b->n_orgs = n_orgs;
	b->orgs = calloc((size_t)n_orgs, sizeof *b->orgs);
	b->near = malloc((size_t)place_count * BNET_NEAR_ORGS * sizeof *b->near);
	if (b->orgs == NULL || b->near == NULL)
		return -1;
	pthread_rwlock_rdlock(&lists->lock);
	for (int i = 0; i < lists->n; i++) {
		const struct catalog_item *it = &lists->items[i];
		if (it->active && b->n_items[it->kind] < 64)
			b->items[it->kind][b->n_items[it->kind]++] = it->id;
	}
	pthread_rwlock_unlock(&lists->lock);
	for (int i = 0; i < n_orgs; i++) {
		struct bnet_org *o = &b->orgs[i];
		o->place = pick(b, place_count);
		o->kind = i % 10 == 0 ? ORG_VOLUNTEER_CENTRE : pick(b, 3); /* care, volunteer, informal */
		o->vog_months = 12 * (1 + pick(b, 3));
	}
	return 0;
}

void bnet_free(struct bnet *b)
{
	free(b->orgs);
	free(b->near);
	b->orgs = NULL;
	b->near = NULL;
}

void bnet_organisation(struct bnet *b, int i, struct organisation *o)
{
	const struct place *p = &place_table[b->orgs[i].place];
	organisation_init(o);
	snprintf(o->name, sizeof o->name, "Organisatie %d %s", i + 1, p->name);
	snprintf(o->municipality, sizeof o->municipality, "%s", p->name);
	o->kind = b->orgs[i].kind;
	o->vog_max_age_months = b->orgs[i].vog_months;
	o->created_at = o->updated_at = b->now;
}

static double km(const struct place *a, const struct place *b)
{
	return geo_distance_km(a->lat, a->lon, b->lat, b->lon);
}

int bnet_index_places(struct bnet *b)
{
	for (int p = 0; p < place_count; p++) {
		int *best = &b->near[p * BNET_NEAR_ORGS];
		double dist[BNET_NEAR_ORGS];
		int n = 0;
		for (int i = 0; i < b->n_orgs; i++) {
			double d = km(&place_table[p], &place_table[b->orgs[i].place]);
			int at = n < BNET_NEAR_ORGS ? n++ : BNET_NEAR_ORGS;
			while (at > 0 && dist[at - 1] > d) {
				if (at < BNET_NEAR_ORGS) {
					dist[at] = dist[at - 1];
					best[at] = best[at - 1];
				}
				at--;
			}
			if (at < BNET_NEAR_ORGS) {
				dist[at] = d;
				best[at] = i;
			}
		}
		for (int k = n; k < BNET_NEAR_ORGS; k++)
			best[k] = best[0];
	}
	return 0;
}

/* Adds `count` distinct random items of `kind` to set. */
static void some_items(struct bnet *b, int kind, int count, struct id_set *set)
{
	for (int i = 0; i < count * 3 && set->n < count; i++)
		id_set_add(set, b->items[kind][pick(b, b->n_items[kind])]);
}

/* A position near place p, rounded to float so engine and SQL agree. */
static void near_place(struct bnet *b, int p, double spread, double *lat, double *lon)
{
	double dlat = ((double)pick(b, 2001) / 1000.0 - 1.0) * spread;
	double dlon = ((double)pick(b, 2001) / 1000.0 - 1.0) * spread * 1.6;
	*lat = (double)(float)(place_table[p].lat + dlat);
	*lon = (double)(float)(place_table[p].lon + dlon);
}

static void reset_items(struct id_set *items)
{
	for (int k = 0; k < LIST_KIND_COUNT; k++)
		items[k].n = 0;
}

void bnet_volunteer(struct bnet *b, int64_t id, struct volunteer *v)
{
	static const int distances[] = { 3, 5, 5, 10, 10, 15, 20, 30 };
	int place = pick(b, place_count);
	int org = b->near[place * BNET_NEAR_ORGS + pick(b, BNET_NEAR_ORGS)];
	v->id = id;
	v->organisation_id = b->orgs[org].id;
	snprintf(v->first_name, sizeof v->first_name, "Vrijwilliger");
	snprintf(v->last_name, sizeof v->last_name, "%lld", (long long)id);
	v->email[0] = v->phone[0] = '\0';
	v->birth_year = 1940 + pick(b, 65);
	int st = pick(b, 100);
	v->status = st < 88 ? VOLUNTEER_ACTIVE : st < 93 ? VOLUNTEER_APPLIED
	          : st < 97 ? VOLUNTEER_PAUSED : VOLUNTEER_STOPPED;
	snprintf(v->place, sizeof v->place, "%s", place_table[place].name);
	near_place(b, place, 0.03, &v->lat, &v->lon);
	v->availability = 0;
	for (int i = 3 + pick(b, 6); i > 0; i--)
		v->availability |= 1u << pick(b, DAYPART_BITS);
	v->hours_per_week = 2 + pick(b, 8);
	v->engagement = 1u << pick(b, ENGAGEMENT_COUNT);
	v->max_distance_km = distances[pick(b, 8)];
	v->travel_mode = pick(b, TRAVEL_MODE_COUNT);
	v->driving_licence = chance(b, 60);
	v->max_matches = 1 + pick(b, 3);
	v->vog_date[0] = '\0';
	if (chance(b, 55))
		parse_format_date(b->now - (int64_t)pick(b, 4 * 365) * 86400, v->vog_date);
	snprintf(v->motivation_text, sizeof v->motivation_text, "Ik wil graag %s en %s.",
	         wishes[pick(b, (int)(sizeof wishes / sizeof *wishes))],
	         wishes[pick(b, (int)(sizeof wishes / sizeof *wishes))]);
	parse_format_date(b->now - (int64_t)pick(b, 3000) * 86400, v->started_on);
	reset_items(v->items);
	some_items(b, LIST_ACTIVITY, 1 + pick(b, 4), &v->items[LIST_ACTIVITY]);
	some_items(b, LIST_THEME, 1 + pick(b, 3), &v->items[LIST_THEME]);
	some_items(b, LIST_MOTIVE, 1 + pick(b, 3), &v->items[LIST_MOTIVE]);
	some_items(b, LIST_TALENT, pick(b, 4), &v->items[LIST_TALENT]);
	if (chance(b, 60))
		id_set_add(&v->items[LIST_TRAINING], b->items[LIST_TRAINING][0]);
	some_items(b, LIST_TRAINING, pick(b, 2), &v->items[LIST_TRAINING]);
	if (chance(b, 95))
		id_set_add(&v->items[LIST_LANGUAGE], b->items[LIST_LANGUAGE][0]);
	if (chance(b, 30))
		some_items(b, LIST_LANGUAGE, 1 + v->items[LIST_LANGUAGE].n, &v->items[LIST_LANGUAGE]);
	v->created_at = v->updated_at = b->now - (int64_t)pick(b, 1000) * 86400;
}

void bnet_call(struct bnet *b, int64_t id, struct call *c)
{
	int org = pick(b, b->n_orgs);
	int place = b->orgs[org].place;
	c->id = id;
	c->organisation_id = b->orgs[org].id;
	c->location_id = c->volunteer_id = 0;
	c->source = SOURCE_ORGANISATION;
	int a = pick(b, b->n_items[LIST_ACTIVITY]);
	c->activity_id = b->items[LIST_ACTIVITY][a];
	const char *text = call_texts[a % (int)(sizeof call_texts / sizeof *call_texts)];
	snprintf(c->title, sizeof c->title, "%s", text);
	snprintf(c->description, sizeof c->description, "In %s: %s Ik wil graag %s.",
	         place_table[place].name, text,
	         wishes[pick(b, (int)(sizeof wishes / sizeof *wishes))]);
	snprintf(c->place, sizeof c->place, "%s", place_table[place].name);
	near_place(b, place, 0.02, &c->lat, &c->lon);
	c->one_off_date[0] = c->start_time[0] = '\0';
	c->dayparts = 0;
	if (chance(b, 30)) {
		parse_format_date(b->now + (int64_t)(1 + pick(b, 14)) * 86400, c->one_off_date);
		snprintf(c->start_time, sizeof c->start_time, "%02u:00", (unsigned)(9 + pick(b, 11)) % 24);
	} else {
		for (int i = 1 + pick(b, 3); i > 0; i--)
			c->dayparts |= 1u << pick(b, DAYPART_BITS);
	}
	c->duration_minutes = 60 + 30 * pick(b, 4);
	c->volunteers_needed = 1 + (chance(b, 25) ? pick(b, 3) : 0);
	c->requires_vog = chance(b, 30);
	c->requires_driving_licence = chance(b, 10);
	c->requires_car = c->requires_driving_licence && id % 2 == 0; /* half the rides */
	c->engagement = c->one_off_date[0] ? ENGAGEMENT_ONE_OFF : ENGAGEMENT_STRUCTURAL;
	c->status = CALL_OPEN;
	c->created_by = 0;
	reset_items(c->items);
	some_items(b, LIST_THEME, 1 + pick(b, 2), &c->items[LIST_THEME]);
	if (chance(b, 20))
		id_set_add(&c->items[LIST_TRAINING], b->items[LIST_TRAINING][0]);
	if (chance(b, 10))
		some_items(b, LIST_TALENT, 1, &c->items[LIST_TALENT]);
	if (chance(b, 10))
		id_set_add(&c->items[LIST_LANGUAGE], b->items[LIST_LANGUAGE][0]);
	c->created_at = c->updated_at = b->now - (int64_t)pick(b, 40) * 86400;
}
