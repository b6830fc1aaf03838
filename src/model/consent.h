/*
 * A volunteer's consent: who may see their profile beyond their own
 * organisation, and whether their lived experience (special-category health
 * data under the AVG) may be stored, shown and used for matching.
 *
 * Invariants after consent_validate: scope is one of enum consent_scope;
 * organisations[0..n_organisations) are distinct and positive, and non-empty
 * only when scope is CONSENT_ORGANISATIONS; text_version is a known version.
 * A volunteer without a recorded consent has scope CONSENT_NONE and no
 * experience consent: nothing leaves the own organisation.
 *
 * The matching engine asks consent_allows_organisation() before it proposes
 * a volunteer for a call of another organisation, and
 * consent_allows_experience() before it uses lived experience.
 */
#ifndef KP_MODEL_CONSENT_H
#define KP_MODEL_CONSENT_H

#include <stdbool.h>
#include <stdint.h>

#include "util/error.h"

#define CONSENT_ORGS_MAX 32
#define CONSENT_VERSION_MAX 16

/* The version of the consent text the front end shows now. */
#define CONSENT_TEXT_CURRENT "2026-1"

enum consent_scope {
	CONSENT_NONE,           /* only the own organisation */
	CONSENT_ORGANISATIONS,  /* the own organisation and the ones listed */
	CONSENT_NETWORK,        /* every organisation of the network */
	CONSENT_SCOPE_COUNT
};
const char *consent_scope_name(int scope);
int consent_scope_parse(const char *name);

struct consent {
	int64_t volunteer_id;
	int scope;                                 /* enum consent_scope */
	int n_organisations;
	int64_t organisations[CONSENT_ORGS_MAX];   /* allowed besides the own one */
	bool experience;                           /* explicit consent for lived experience */
	char text_version[CONSENT_VERSION_MAX + 1];/* "" when never given */
	int64_t given_at;                          /* unix seconds; 0 when never given */
};

/* No consent: scope none, no organisations, no experience. */
void consent_init(struct consent *c, int64_t volunteer_id);

/* True when a known version of the consent text. */
bool consent_text_known(const char *version);

int consent_validate(const struct consent *c, struct kp_error *err);

/* May organisation `org` (not the volunteer's own) see the profile? NULL: no. */
bool consent_allows_organisation(const struct consent *c, int64_t org);

/* May lived experience be used or shown for organisation `org`? It needs the
   explicit experience consent, and for another organisation than the home
   organisation also the profile consent for `org`. */
bool consent_allows_experience(const struct consent *c, int64_t org, int64_t home_org);

#endif
