#include "model/volunteer.h"

#include <string.h>

#include "util/parse.h"

static const char *const statuses[VOLUNTEER_STATUS_COUNT] = {
	"applied", "active", "paused", "stopped",
};
static const char *const travel_modes[TRAVEL_MODE_COUNT] = {
	"walk", "bike", "car", "public_transport",
};

const char *volunteer_status_name(int s)
{
	return s >= 0 && s < VOLUNTEER_STATUS_COUNT ? statuses[s] : NULL;
}

int volunteer_status_parse(const char *name)
{
	return names_find(statuses, VOLUNTEER_STATUS_COUNT, name);
}

const char *travel_mode_name(int m)
{
	return m >= 0 && m < TRAVEL_MODE_COUNT ? travel_modes[m] : NULL;
}

int travel_mode_parse(const char *name)
{
	return names_find(travel_modes, TRAVEL_MODE_COUNT, name);
}

#define VF(name, type, member) FIELD(struct volunteer, name, type, member)
/* Facts the organisation verifies or decides: never written by the volunteer. */
#define VS(name, type, member) FIELD_STAFF(struct volunteer, name, type, member)

static const struct field_def volunteer_field_defs[] = {
	VS("organisation_id", FIELD_BYTES, organisation_id),
	VF("first_name", FIELD_TEXT, first_name),
	VF("last_name", FIELD_TEXT, last_name),
	VF("email", FIELD_TEXT, email),
	VF("phone", FIELD_TEXT, phone),
	VF("birth_year", FIELD_BYTES, birth_year),
	VS("status", FIELD_BYTES, status),
	FIELD_TEXT_WITH(struct volunteer, "place", place, lon),
	VF("availability", FIELD_BYTES, availability),
	VF("hours_per_week", FIELD_BYTES, hours_per_week),
	VF("engagement", FIELD_BYTES, engagement),
	VF("max_distance_km", FIELD_BYTES, max_distance_km),
	VF("travel_mode", FIELD_BYTES, travel_mode),
	VF("driving_licence", FIELD_BYTES, driving_licence),
	VF("max_matches", FIELD_BYTES, max_matches),
	VS("vog_date", FIELD_TEXT, vog_date),
	VF("motivation_text", FIELD_TEXT, motivation_text),
	VS("started_on", FIELD_TEXT, started_on),
	VF("activities", FIELD_ID_SET, items[LIST_ACTIVITY]),
	VF("themes", FIELD_ID_SET, items[LIST_THEME]),
	VF("motives", FIELD_ID_SET, items[LIST_MOTIVE]),
	VF("talents", FIELD_ID_SET, items[LIST_TALENT]),
	VS("trainings", FIELD_ID_SET, items[LIST_TRAINING]),
	VF("languages", FIELD_ID_SET, items[LIST_LANGUAGE]),
	VF("lived_experience", FIELD_ID_SET, items[LIST_EXPERIENCE]),
};

const struct field_table volunteer_fields = {
	"volunteer", volunteer_field_defs,
	(int)(sizeof volunteer_field_defs / sizeof volunteer_field_defs[0]),
};

void volunteer_init(struct volunteer *v)
{
	memset(v, 0, sizeof *v);
	v->status = VOLUNTEER_APPLIED;
	v->max_distance_km = 10;
	v->travel_mode = TRAVEL_BIKE;
	v->max_matches = 1;
}

int volunteer_validate(const struct volunteer *v, struct kp_error *err)
{
	if (v->organisation_id <= 0)
		return kp_invalid(err, "organisation_id", "required");
	if (v->first_name[0] == '\0')
		return kp_invalid(err, "first_name", "required");
	if (v->last_name[0] == '\0')
		return kp_invalid(err, "last_name", "required");
	if (v->email[0] != '\0' && strchr(v->email, '@') == NULL)
		return kp_invalid(err, "email", "invalid_email");
	if (v->birth_year != 0 && (v->birth_year < 1900 || v->birth_year > 2020))
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "birth_year", 1900);
	if (v->status < 0 || v->status >= VOLUNTEER_STATUS_COUNT)
		return kp_invalid(err, "status", "invalid_choice");
	if (v->place[0] == '\0')
		return kp_invalid(err, "place", "required");
	if (v->availability & ~DAYPART_ALL)
		return kp_invalid(err, "availability", "invalid_choice");
	if (v->engagement & ~((1u << ENGAGEMENT_COUNT) - 1))
		return kp_invalid(err, "engagement", "invalid_choice");
	if (v->travel_mode < 0 || v->travel_mode >= TRAVEL_MODE_COUNT)
		return kp_invalid(err, "travel_mode", "invalid_choice");
	if (v->driving_licence != 0 && v->driving_licence != 1)
		return kp_invalid(err, "driving_licence", "invalid_choice");
	if (v->hours_per_week < 0 || v->hours_per_week > VOLUNTEER_MAX_HOURS)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "hours_per_week",
		                     VOLUNTEER_MAX_HOURS);
	if (v->max_distance_km < 0 || v->max_distance_km > VOLUNTEER_MAX_DISTANCE_KM)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "max_distance_km",
		                     VOLUNTEER_MAX_DISTANCE_KM);
	if (v->max_matches < 1 || v->max_matches > VOLUNTEER_MAX_MATCHES)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "max_matches", VOLUNTEER_MAX_MATCHES);
	if (v->vog_date[0] != '\0' && !parse_is_date(v->vog_date))
		return kp_invalid(err, "vog_date", "invalid_date");
	if (!parse_is_date(v->started_on))
		return kp_invalid(err, "started_on", "invalid_date");
	return KP_OK;
}
