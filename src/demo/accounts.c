/* The demo logins: one per role with a fixed, memorable address, the same
   for every seed, plus a coordinator for every other organisation (they are
   the actors of the match history). One argon2id hash serves them all. */
#include <stdio.h>

#include "auth/password.h"
#include "db/store.h"
#include "demo/gen.h"

const struct demo_login demo_logins[] = {
	{ "beheer@knooppunt.demo", ROLE_ADMIN, "netwerkbeheerder" },
	{ "coordinator@zonnebloem.demo", ROLE_COORDINATOR,
	  "coördinator Zonnebloem afdeling Dordrecht" },
	{ "coordinator@zorggroep.demo", ROLE_COORDINATOR, "coördinator Zorggroep Drechtsteden" },
	{ "medewerker@zorggroep.demo", ROLE_PROFESSIONAL, "medewerker Zorggroep Drechtsteden" },
	{ "vrijwilliger@knooppunt.demo", ROLE_VOLUNTEER,
	  "vrijwilliger Sanne Visser (Zonnebloem)" },
	{ "verwijzer@wmo.demo", ROLE_REFERRER, "verwijzer Wmo-loket Drechtsteden" },
};
const int demo_login_count = (int)(sizeof demo_logins / sizeof demo_logins[0]);

/* Per login (same order): organisation index or -1, and display name. */
static const struct { int org; const char *name; } login_details[] = {
	{ -1, "Netwerkbeheer Drechtsteden" },
	{ ORG_ZONNEBLOEM, "Ria de Graaf" },
	{ ORG_ZORGGROEP, "Bas Verschoor" },
	{ ORG_ZORGGROEP, "Samira El Idrissi" },
	{ ORG_ZONNEBLOEM, "Sanne Visser" },
	{ ORG_WMO, "Peter Kooiman" },
};

static int insert(struct demo_gen *g, struct account *a, const char *hash, int64_t *id,
                  struct kp_error *err)
{
	a->active = 1;
	if (store_account_insert(g->db, a, hash, g->now - 365 * 86400, err))
		return KP_ERR;
	*id = a->id;
	g->sum->accounts++;
	return KP_OK;
}

/* The demo professional works at the locations marked for her. */
static int at_locations(struct demo_gen *g, int64_t account, struct kp_error *err)
{
	int64_t ids[DEMO_LOCATION_MAX];
	int n = 0;
	for (int i = 0; i < g->n_locations; i++)
		if (g->locations[i].professional)
			ids[n++] = g->locations[i].id;
	return store_account_locations_set(g->db, account, ids, n, err);
}

static int add_login(struct demo_gen *g, int i, const char *hash, struct kp_error *err)
{
	struct account a = { .role = demo_logins[i].role };
	int org = login_details[i].org;
	snprintf(a.email, sizeof a.email, "%s", demo_logins[i].email);
	snprintf(a.display_name, sizeof a.display_name, "%s", login_details[i].name);
	a.organisation_id = org >= 0 ? g->org_id[org] : 0;
	int64_t id;
	if (a.role == ROLE_VOLUNTEER)
		a.volunteer_id = g->demo_volunteer;
	if (insert(g, &a, hash, &id, err))
		return KP_ERR;
	switch (a.role) {
	case ROLE_ADMIN: g->admin_account = id; break;
	case ROLE_COORDINATOR: g->org_actor[org] = id; break;
	case ROLE_PROFESSIONAL: g->professional_account = id; return at_locations(g, id, err);
	case ROLE_VOLUNTEER: g->volunteer_account = id; break;
	case ROLE_REFERRER: g->referrer_account = g->org_actor[org] = id; break;
	default: break;
	}
	return KP_OK;
}

int demo_add_accounts(struct demo_gen *g, struct kp_error *err)
{
	char hash[PASSWORD_HASH_MAX];
	if (password_hash(DEMO_PASSWORD, hash) != 0)
		return kp_internal(err);
	for (int i = 0; i < demo_login_count; i++)
		if (add_login(g, i, hash, err))
			return KP_ERR;
	for (int org = 0; org < DEMO_ORGS; org++) {
		if (g->org_actor[org] != 0)
			continue;
		struct account a = { .role = ROLE_COORDINATOR, .organisation_id = g->org_id[org] };
		snprintf(a.email, sizeof a.email, "coordinator@%s.demo", demo_orgs[org].slug);
		snprintf(a.display_name, sizeof a.display_name, "Coördinator %s", demo_orgs[org].name);
		if (insert(g, &a, hash, &g->org_actor[org], err))
			return KP_ERR;
	}
	return KP_OK;
}
