/* The dozen organisations of the demo network and their locations. Names
   are invented or generic kinds of organisation, not real ones. */
#include <stdio.h>

#include "db/store.h"
#include "demo/gen.h"
#include "model/organisation.h"
#include "model/place.h"

const struct demo_org_spec demo_orgs[DEMO_ORGS] = {
	[ORG_ZORGGROEP] = { "Zorggroep Drechtsteden", "zorggroep", ORG_CARE_PROVIDER, "Dordrecht",
	  1850, 24, 24, 800,
	  { "activiteitenbegeleiding", "wandelen", "rolstoelduwen", "gastvrouw", "uitstapjes",
	    "huisbezoek" },
	  "Ouderenzorg in de Drechtsteden: wonen met zorg, verpleeghuiszorg en zorg thuis. "
	  "Vrijwilligers maken het verschil in het dagelijks leven van onze bewoners." },
	[ORG_ZONNEBLOEM] = { "Zonnebloem afdeling Dordrecht", "zonnebloem", ORG_VOLUNTEER_ORG,
	  "Dordrecht", 0, 14, 12, 300,
	  { "huisbezoek", "uitstapjes", "rolstoelduwen", "wandelen", NULL, NULL },
	  "Bezoek en uitstapjes voor mensen met een lichamelijke beperking door ziekte, "
	  "handicap of ouderdom." },
	[ORG_UVV] = { "UVV Dordrecht", "uvv", ORG_VOLUNTEER_ORG, "Dordrecht", 1, 8, 7, 500,
	  { "gastvrouw", "vervoer_ziekenhuis", "boodschappen", "huisbezoek", NULL, NULL },
	  "Vrijwilligers in het ziekenhuis, in woonzorgcentra en bij mensen thuis." },
	[ORG_VPTZ] = { "VPTZ Drechtsteden", "vptz", ORG_VOLUNTEER_ORG, "Dordrecht", 2, 5, 6, 1000,
	  { "waken", "respijtzorg", "huisbezoek", NULL, NULL, NULL },
	  "Vrijwillige palliatieve terminale zorg: er zijn voor mensen in hun laatste "
	  "levensfase en hun naasten, thuis en in het hospice." },
	[ORG_HUMANITAS] = { "Humanitas Drechtsteden", "humanitas", ORG_VOLUNTEER_ORG,
	  "Zwijndrecht", 4, 10, 9, 700,
	  { "thuisadministratie", "maatje", "huisbezoek", "voorlezen", NULL, NULL },
	  "Maatjes, thuisadministratie en steun bij rouw, eenzaamheid en opvoeding." },
	[ORG_IPSO] = { "IPSO inloophuis Drechtsteden", "ipso", ORG_VOLUNTEER_ORG, "Dordrecht", 3, 4,
	  5, 400,
	  { "lotgenotencontact", "gastvrouw", "huisbezoek", "wandelen", NULL, NULL },
	  "Inloophuis voor mensen met kanker en hun naasten: gastvrijheid, een luisterend oor "
	  "en lotgenotencontact." },
	[ORG_CENTRALE] = { "Vrijwilligerscentrale Dordrecht", "vrijwilligerscentrale",
	  ORG_VOLUNTEER_CENTRE, "Dordrecht", 6, 8, 8, 200,
	  { "klussen", "computerhulp", "boodschappen", "tuinieren", "koken", NULL },
	  "Het centrale punt voor vrijwilligerswerk in de regio: advies, matching en "
	  "de vacaturebank." },
	[ORG_WMO] = { "Wmo-loket Drechtsteden", "wmo", ORG_REFERRER, "Dordrecht", 45, 0, 0, 0,
	  { NULL },
	  "Het loket voor vragen over ondersteuning thuis; verwijst door naar "
	  "vrijwilligersorganisaties in het netwerk." },
	[ORG_MANTELZORG] = { "Steunpunt Mantelzorg Drechtsteden", "mantelzorg", ORG_INFORMAL_CARE,
	  "Papendrecht", 9, 6, 7, 600,
	  { "respijtzorg", "huisbezoek", "boodschappen", "thuisadministratie", NULL, NULL },
	  "Ondersteuning en respijt voor mantelzorgers, zodat zij het vol kunnen houden." },
	[ORG_WELZIJN] = { "Welzijnsstichting De Brug", "debrug", ORG_WELFARE, "Sliedrecht", 38, 9, 9,
	  300,
	  { "koken", "computerhulp", "klussen", "huisbezoek", "wandelen", "boodschappen" },
	  "Welzijnswerk in Sliedrecht en Alblasserdam: buurthuizen, maaltijden, "
	  "ouderenadvies en burenhulp." },
	[ORG_ANKER] = { "Stichting Het Anker", "hetanker", ORG_CARE_PROVIDER, "Hendrik-Ido-Ambacht",
	  420, 7, 7, 900,
	  { "activiteitenbegeleiding", "uitstapjes", "tuinieren", "koken", "maatje", NULL },
	  "Wonen, werken en dagbesteding voor mensen met een verstandelijke beperking." },
	[ORG_TAALHUIS] = { "Taalhuis Zwijndrecht", "taalhuis", ORG_VOLUNTEER_ORG, "Zwijndrecht", 2, 5,
	  6, 200,
	  { "voorlezen", "thuisadministratie", "computerhulp", "maatje", NULL, NULL },
	  "Taalmaatjes en voorleesvrijwilligers voor nieuwkomers en laaggeletterden." },
};

/* Each with a (made-up) street address; the demo professional works at the
   two in Dordrecht of the Zorggroep (pro). */
static const struct {
	int org;
	const char *name, *address, *place;
	bool pro;
} location_specs[] = {
	{ ORG_ZORGGROEP, "Woonzorgcentrum De Kastanjehof", "Kastanjelaan 12", "Dordrecht", true },
	{ ORG_ZORGGROEP, "Verpleeghuis Het Rivierhuis", "Oranjelaan 140", "Dordrecht", true },
	{ ORG_ZORGGROEP, "Woonzorgcentrum De Waterlelie", "Waterlelieplein 2", "Zwijndrecht",
	  false },
	{ ORG_ZORGGROEP, "Woonzorgcentrum Oeverhof", "Oeverweg 31", "Papendrecht", false },
	{ ORG_ZORGGROEP, "Woonzorgcentrum De Wielewaal", "Wielewaalstraat 8", "Sliedrecht", false },
	{ ORG_ANKER, "Dagbesteding De Werkplaats", "Ambachtsweg 5", "Hendrik-Ido-Ambacht", false },
	{ ORG_ANKER, "Woongroep De Vlinder", "Vlinderhof 3", "Alblasserdam", false },
	{ ORG_IPSO, "Inloophuis aan de Merwekade", "Merwekade 22", "Dordrecht", false },
	{ ORG_VPTZ, "Hospice De Vaart", "Vaartweg 9", "Dordrecht", false },
	{ ORG_WELZIJN, "Buurthuis De Ontmoeting", "Marktplein 1", "Alblasserdam", false },
};

static int add_organisation(struct demo_gen *g, int i, struct kp_error *err)
{
	const struct demo_org_spec *s = &demo_orgs[i];
	struct organisation o;
	organisation_init(&o);
	o.network_id = g->network_id;
	snprintf(o.name, sizeof o.name, "%s", s->name);
	o.kind = s->kind;
	snprintf(o.municipality, sizeof o.municipality, "%s", s->municipality);
	o.employees = s->employees;
	o.vog_max_age_months = s->kind == ORG_CARE_PROVIDER ? 24 : 36;
	snprintf(o.email, sizeof o.email, "info@%s.demo", s->slug);
	snprintf(o.phone, sizeof o.phone, "078-%07d", 6100000 + i * 1117);
	snprintf(o.website, sizeof o.website, "https://www.%s.demo", s->slug);
	snprintf(o.description, sizeof o.description, "%s", s->description);
	o.created_at = o.updated_at = g->now - (int64_t)(400 + 30 * i) * 86400;
	if (organisation_validate(&o, err) || store_organisation_insert(g->db, &o, err))
		return KP_ERR;
	g->org_id[i] = o.id;
	g->sum->organisations++;
	return KP_OK;
}

static int add_location(struct demo_gen *g, int i, struct kp_error *err)
{
	struct location l = { 0 };
	const struct place *p = place_lookup(location_specs[i].place, "place", err);
	if (p == NULL)
		return KP_ERR;
	l.organisation_id = g->org_id[location_specs[i].org];
	snprintf(l.name, sizeof l.name, "%s", location_specs[i].name);
	snprintf(l.address, sizeof l.address, "%s", location_specs[i].address);
	snprintf(l.place, sizeof l.place, "%s", location_specs[i].place);
	l.lat = p->lat;
	l.lon = p->lon;
	l.active = 1;
	l.created_at = l.updated_at = g->now - 380 * 86400;
	if (store_location_insert(g->db, &l, err))
		return KP_ERR;
	struct demo_location *d = &g->locations[g->n_locations++];
	d->id = l.id;
	d->org = location_specs[i].org;
	d->name = location_specs[i].name;
	d->place = location_specs[i].place;
	d->professional = location_specs[i].pro;
	g->sum->locations++;
	return KP_OK;
}

int demo_add_organisations(struct demo_gen *g, struct kp_error *err)
{
	for (int i = 0; i < DEMO_ORGS; i++)
		if (add_organisation(g, i, err))
			return KP_ERR;
	int n = (int)(sizeof location_specs / sizeof location_specs[0]);
	_Static_assert(sizeof location_specs / sizeof location_specs[0] <= DEMO_LOCATION_MAX,
	               "location table larger than DEMO_LOCATION_MAX");
	for (int i = 0; i < n; i++)
		if (add_location(g, i, err))
			return KP_ERR;
	return KP_OK;
}
