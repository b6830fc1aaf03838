#include "model/organisation.h"

#include "model/types.h"

#include <string.h>

static const char *const kinds[ORG_KIND_COUNT] = {
	"care_provider", "volunteer_organisation", "informal_care", "volunteer_centre",
	"welfare", "referrer",
};

const char *organisation_kind_name(int k)
{
	return k >= 0 && k < ORG_KIND_COUNT ? kinds[k] : NULL;
}

bool organisation_takes_signups(const struct organisation *o)
{
	return o->active && o->kind != ORG_REFERRER;
}

int organisation_kind_parse(const char *name)
{
	return names_find(kinds, ORG_KIND_COUNT, name);
}

void organisation_init(struct organisation *o)
{
	memset(o, 0, sizeof *o);
	o->kind = ORG_VOLUNTEER_ORG;
	o->vog_max_age_months = 36;
	o->active = 1;
}

int organisation_validate(const struct organisation *o, struct kp_error *err)
{
	if (o->name[0] == '\0')
		return kp_invalid(err, "name", "required");
	if (o->kind < 0 || o->kind >= ORG_KIND_COUNT)
		return kp_invalid(err, "kind", "invalid_choice");
	if (o->municipality[0] == '\0')
		return kp_invalid(err, "municipality", "required");
	if (o->employees < 0 || o->employees > ORGANISATION_MAX_EMPLOYEES)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "employees",
		                     ORGANISATION_MAX_EMPLOYEES);
	if (o->vog_max_age_months < 1 || o->vog_max_age_months > 120)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "vog_max_age_months", 120);
	if (o->email[0] != '\0' && strchr(o->email, '@') == NULL)
		return kp_invalid(err, "email", "invalid_email");
	return KP_OK;
}

int location_validate(const struct location *l, struct kp_error *err)
{
	if (l->organisation_id <= 0)
		return kp_invalid(err, "organisation_id", "required");
	if (l->name[0] == '\0')
		return kp_invalid(err, "name", "required");
	if (l->place[0] == '\0')
		return kp_invalid(err, "place", "required");
	return KP_OK;
}
