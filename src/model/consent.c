#include "model/consent.h"

#include <stdio.h>
#include <string.h>

static const char *const scope_names[CONSENT_SCOPE_COUNT] = {
	"none", "organisations", "network",
};

/* Every version of the consent text ever shown; older consents stay valid. */
static const char *const text_versions[] = { CONSENT_TEXT_CURRENT };

const char *consent_scope_name(int scope)
{
	return scope >= 0 && scope < CONSENT_SCOPE_COUNT ? scope_names[scope] : NULL;
}

int consent_scope_parse(const char *name)
{
	for (int i = 0; name != NULL && i < CONSENT_SCOPE_COUNT; i++)
		if (strcmp(name, scope_names[i]) == 0)
			return i;
	return -1;
}

void consent_init(struct consent *c, int64_t volunteer_id)
{
	memset(c, 0, sizeof *c);
	c->volunteer_id = volunteer_id;
	c->scope = CONSENT_NONE;
}

bool consent_text_known(const char *version)
{
	for (size_t i = 0; i < sizeof text_versions / sizeof text_versions[0]; i++)
		if (strcmp(version, text_versions[i]) == 0)
			return true;
	return false;
}

int consent_validate(const struct consent *c, struct kp_error *err)
{
	if (consent_scope_name(c->scope) == NULL)
		return kp_invalid(err, "profile_scope", "invalid_choice");
	if (c->n_organisations < 0 || c->n_organisations > CONSENT_ORGS_MAX)
		return kp_fail_limit(err, KP_INVALID, "too_many", "organisations", CONSENT_ORGS_MAX);
	if (c->scope == CONSENT_ORGANISATIONS && c->n_organisations == 0)
		return kp_invalid(err, "organisations", "required");
	if (c->scope != CONSENT_ORGANISATIONS && c->n_organisations > 0)
		return kp_invalid(err, "organisations", "invalid_choice");
	for (int i = 0; i < c->n_organisations; i++) {
		if (c->organisations[i] <= 0)
			return kp_invalid(err, "organisations", "invalid_id");
		for (int j = 0; j < i; j++)
			if (c->organisations[j] == c->organisations[i])
				return kp_invalid(err, "organisations", "duplicate");
	}
	if (!consent_text_known(c->text_version))
		return kp_invalid(err, "text_version", "unknown_version");
	return KP_OK;
}

bool consent_allows_organisation(const struct consent *c, int64_t org)
{
	if (c == NULL || org <= 0)
		return false;
	if (c->scope == CONSENT_NETWORK)
		return true;
	if (c->scope != CONSENT_ORGANISATIONS)
		return false;
	for (int i = 0; i < c->n_organisations; i++)
		if (c->organisations[i] == org)
			return true;
	return false;
}

bool consent_allows_experience(const struct consent *c, int64_t org, int64_t home_org)
{
	if (c == NULL || !c->experience)
		return false;
	return (org > 0 && org == home_org) || consent_allows_organisation(c, org);
}
