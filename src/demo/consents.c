/* The consents of the demo volunteers: most share their profile with the
   whole network, some with a few organisations, some with none beyond their
   own. Lived experience is only kept with its explicit consent. */
#include <stdio.h>

#include "db/store.h"
#include "demo/gen.h"
#include "model/consent.h"

int demo_add_consent(struct demo_gen *g, int i, int64_t given_at, bool experience,
                     struct kp_error *err)
{
	static const int scope_w[CONSENT_SCOPE_COUNT] = { 20, 15, 65 };
	struct demo_vol *v = &g->vols[i];
	struct consent c;
	consent_init(&c, v->id);
	c.scope = v->id == g->demo_volunteer ? CONSENT_NETWORK
	                                     : rng_weighted(&g->rng, scope_w, CONSENT_SCOPE_COUNT);
	c.experience = experience;
	snprintf(c.text_version, sizeof c.text_version, "%s", CONSENT_TEXT_CURRENT);
	c.given_at = given_at;
	v->allowed = 0;
	if (c.scope == CONSENT_ORGANISATIONS) {
		int n = rng_range(&g->rng, 1, 3);
		for (int k = 0; k < n; k++) {
			int org = (int)rng_below(&g->rng, DEMO_ORGS);
			if (org == v->org || demo_orgs[org].call_weight == 0 || (v->allowed & (1u << org)))
				continue;
			v->allowed |= (uint16_t)(1u << org);
			c.organisations[c.n_organisations++] = g->org_id[org];
		}
		if (c.n_organisations == 0)
			c.scope = CONSENT_NONE;
	}
	v->scope = (uint8_t)c.scope;
	if (consent_validate(&c, err) ||
	    store_consent_set(g->db, &c, "given", 0, given_at, err))
		return KP_ERR;
	return KP_OK;
}

bool demo_consent_allows(const struct demo_gen *g, int i, int org)
{
	const struct demo_vol *v = &g->vols[i];
	return v->org == org || v->scope == CONSENT_NETWORK ||
	       (v->scope == CONSENT_ORGANISATIONS && (v->allowed & (1u << org)));
}
