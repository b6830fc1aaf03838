/* The demo network's social map: each organisation's offer, with the
   municipalities of the Drechtsteden it serves (seed 004) and the target
   groups it works for. Activities are the ones the organisation's calls use. */
#include <stdio.h>
#include <string.h>

#include "db/store.h"
#include "demo/gen.h"
#include "model/offer.h"

#define ALL_SIX "Alblasserdam", "Dordrecht", "Hendrik-Ido-Ambacht", "Papendrecht", \
	"Sliedrecht", "Zwijndrecht"

static const struct {
	const char *themes[4];
	const char *places[6];
	const char *address;
	int new_clients, new_volunteers;
} specs[DEMO_ORGS] = {
	[ORG_ZORGGROEP] = { { "ouderen", "dementie", NULL }, { ALL_SIX },
	  "Kastanjelaan 10, Dordrecht", 0, 1 },
	[ORG_ZONNEBLOEM] = { { "ouderen", "beperking", "eenzaamheid", NULL },
	  { "Dordrecht", "Zwijndrecht", NULL }, "", 1, 1 },
	[ORG_UVV] = { { "ouderen", "eenzaamheid", NULL }, { "Dordrecht", NULL },
	  "Albert Schweitzerplaats 25, Dordrecht", 1, 1 },
	[ORG_VPTZ] = { { "palliatief", "mantelzorg", NULL }, { ALL_SIX },
	  "Vaartweg 3, Dordrecht", 1, 0 },
	[ORG_HUMANITAS] = { { "eenzaamheid", "armoede", "gezinnen", NULL },
	  { "Zwijndrecht", "Hendrik-Ido-Ambacht", "Dordrecht", NULL }, "Stationsplein 4, Zwijndrecht",
	  1, 1 },
	[ORG_IPSO] = { { "kanker", NULL }, { ALL_SIX }, "Merwekade 12, Dordrecht", 1, 1 },
	[ORG_CENTRALE] = { { "buurt", "ouderen", NULL }, { ALL_SIX }, "Spuiboulevard 8, Dordrecht",
	  1, 1 },
	[ORG_WMO] = { { NULL }, { NULL }, "", 0, 0 },
	[ORG_MANTELZORG] = { { "mantelzorg", "dementie", NULL },
	  { "Papendrecht", "Sliedrecht", "Alblasserdam", NULL }, "Markt 2, Papendrecht", 1, 1 },
	[ORG_WELZIJN] = { { "ouderen", "buurt", "eenzaamheid", NULL },
	  { "Sliedrecht", "Alblasserdam", NULL }, "Kerkbuurt 15, Sliedrecht", 1, 1 },
	[ORG_ANKER] = { { "beperking", NULL }, { "Hendrik-Ido-Ambacht", "Alblasserdam", NULL },
	  "Vlinderweg 1, Hendrik-Ido-Ambacht", 0, 1 },
	[ORG_TAALHUIS] = { { "nieuwkomers", "gezinnen", NULL }, { "Zwijndrecht", "Dordrecht", NULL },
	  "Bibliotheek, Zwijndrecht", 1, 1 },
};

static int add_codes(struct demo_gen *g, int kind, const char *const *codes, int n,
                     struct id_set *set, struct kp_error *err)
{
	for (int i = 0; i < n && codes[i] != NULL; i++) {
		int64_t id = catalog_find(&g->app->lists, kind, codes[i]);
		if (id == 0 || id_set_add(set, id) != 0)
			return kp_fail_detail(err, KP_INTERNAL, "internal", list_kind_name(kind),
			                      "list item %s missing", codes[i]);
	}
	return KP_OK;
}

static int add_offer(struct demo_gen *g, int org, struct offer *o, struct kp_error *err)
{
	offer_init(o, g->org_id[org]);
	snprintf(o->address, sizeof o->address, "%s", specs[org].address);
	o->new_clients = specs[org].new_clients;
	o->new_volunteers = specs[org].new_volunteers;
	for (int i = 0; i < 6 && specs[org].places[i] != NULL; i++)
		(void)offer_add_place(o, specs[org].places[i]);
	o->updated_at = g->now - (int64_t)(60 + 7 * org) * 86400;
	return add_codes(g, LIST_ACTIVITY, demo_orgs[org].activities, 6, &o->items[LIST_ACTIVITY],
	                 err) ||
	               add_codes(g, LIST_THEME, specs[org].themes, 4, &o->items[LIST_THEME], err) ||
	               offer_validate(o, err) || store_offer_put(g->db, o, err)
	           ? KP_ERR
	           : KP_OK;
}

const char *demo_org_place(int org, int i)
{
	return org >= 0 && org < DEMO_ORGS && i >= 0 && i < 6 ? specs[org].places[i] : NULL;
}

int demo_add_social_map(struct demo_gen *g, struct kp_error *err)
{
	struct offer o;
	for (int org = 0; org < DEMO_ORGS; org++)
		if (demo_orgs[org].kind != ORG_REFERRER && add_offer(g, org, &o, err))
			return KP_ERR;
	return KP_OK;
}
