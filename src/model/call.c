#include "model/call.h"

#include <string.h>

#include "util/parse.h"

static const char *const statuses[CALL_STATUS_COUNT] = { "open", "filled", "closed", "cancelled" };
static const char *const sources[CALL_SOURCE_COUNT] = {
	"organisation", "location", "client", "referrer", "volunteer",
};

const char *call_status_name(int s)
{
	return s >= 0 && s < CALL_STATUS_COUNT ? statuses[s] : NULL;
}

int call_status_parse(const char *name)
{
	return names_find(statuses, CALL_STATUS_COUNT, name);
}

const char *call_source_name(int s)
{
	return s >= 0 && s < CALL_SOURCE_COUNT ? sources[s] : NULL;
}

int call_source_parse(const char *name)
{
	return names_find(sources, CALL_SOURCE_COUNT, name);
}

#define CF(name, type, member) FIELD(struct call, name, type, member)

static const struct field_def call_field_defs[] = {
	CF("organisation_id", FIELD_BYTES, organisation_id),
	CF("location_id", FIELD_BYTES, location_id),
	CF("volunteer_id", FIELD_BYTES, volunteer_id),
	CF("source", FIELD_BYTES, source),
	CF("title", FIELD_TEXT, title),
	CF("description", FIELD_TEXT, description),
	CF("public_title", FIELD_TEXT, public_title),
	CF("public_description", FIELD_TEXT, public_description),
	CF("activity", FIELD_BYTES, activity_id),
	FIELD_TEXT_WITH(struct call, "place", place, lon),
	CF("one_off_date", FIELD_TEXT, one_off_date),
	CF("start_time", FIELD_TEXT, start_time),
	CF("dayparts", FIELD_BYTES, dayparts),
	CF("duration_minutes", FIELD_BYTES, duration_minutes),
	CF("volunteers_needed", FIELD_BYTES, volunteers_needed),
	CF("requires_vog", FIELD_BYTES, requires_vog),
	CF("requires_driving_licence", FIELD_BYTES, requires_driving_licence),
	CF("requires_car", FIELD_BYTES, requires_car),
	CF("engagement", FIELD_BYTES, engagement),
	CF("status", FIELD_BYTES, status),
	CF("public_page", FIELD_BYTES, public_page),
	CF("themes", FIELD_ID_SET, items[LIST_THEME]),
	CF("required_skills", FIELD_ID_SET, items[LIST_TALENT]),
	CF("required_trainings", FIELD_ID_SET, items[LIST_TRAINING]),
	CF("required_languages", FIELD_ID_SET, items[LIST_LANGUAGE]),
};

const struct field_table call_fields = {
	"call", call_field_defs, (int)(sizeof call_field_defs / sizeof call_field_defs[0]),
};

void call_init(struct call *c)
{
	memset(c, 0, sizeof *c);
	c->source = SOURCE_ORGANISATION;
	c->duration_minutes = 60;
	c->volunteers_needed = 1;
	c->engagement = ENGAGEMENT_ONE_OFF;
	c->status = CALL_OPEN;
}

bool call_source_is_request(int source)
{
	return source == SOURCE_CLIENT || source == SOURCE_REFERRER;
}

bool call_is_request(const struct call *c)
{
	return call_source_is_request(c->source);
}

bool call_source_is_offer(int source)
{
	return source == SOURCE_VOLUNTEER;
}

bool call_is_offer(const struct call *c)
{
	return call_source_is_offer(c->source);
}

bool call_is_published(const struct call *c)
{
	return !call_is_request(c) || c->public_title[0] != '\0';
}

void call_head_of(const struct call *c, struct call_head *h)
{
	*h = (struct call_head){ .id = c->id,
		                 .revision = c->revision,
		                 .organisation_id = c->organisation_id,
		                 .volunteer_id = c->volunteer_id,
		                 .created_by = c->created_by,
		                 .source = c->source,
		                 .published = call_is_published(c) };
}

void call_show_public(struct call *c)
{
	if (!call_is_request(c))
		return;
	memcpy(c->title, c->public_title, strlen(c->public_title) + 1);
	memcpy(c->description, c->public_description, strlen(c->public_description) + 1);
}

int call_validate(const struct call *c, struct kp_error *err)
{
	if (c->organisation_id <= 0)
		return kp_invalid(err, "organisation_id", "required");
	if (c->title[0] == '\0')
		return kp_invalid(err, "title", "required");
	if (c->public_description[0] != '\0' && c->public_title[0] == '\0')
		return kp_invalid(err, "public_title", "required");
	if (c->activity_id <= 0)
		return kp_invalid(err, "activity", "required");
	if (c->place[0] == '\0')
		return kp_invalid(err, "place", "required");
	if (c->one_off_date[0] != '\0' && !parse_is_date(c->one_off_date))
		return kp_invalid(err, "one_off_date", "invalid_date");
	if (c->start_time[0] != '\0' && !parse_is_time(c->start_time))
		return kp_invalid(err, "start_time", "invalid_time");
	if (c->dayparts & ~DAYPART_ALL)
		return kp_invalid(err, "dayparts", "invalid_choice");
	if (c->one_off_date[0] == '\0' && c->dayparts == 0)
		return kp_invalid(err, "one_off_date", "schedule_required");
	if (c->one_off_date[0] != '\0' && c->dayparts != 0)
		return kp_invalid(err, "dayparts", "schedule_conflict");
	if (c->duration_minutes < 15 || c->duration_minutes > CALL_MAX_DURATION_MINUTES)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "duration_minutes",
		                     CALL_MAX_DURATION_MINUTES);
	if (c->volunteers_needed < 1 || c->volunteers_needed > CALL_MAX_VOLUNTEERS)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "volunteers_needed",
		                     CALL_MAX_VOLUNTEERS);
	if (c->source < 0 || c->source >= CALL_SOURCE_COUNT)
		return kp_invalid(err, "source", "invalid_choice");
	if (c->engagement < 0 || c->engagement >= ENGAGEMENT_COUNT)
		return kp_invalid(err, "engagement", "invalid_choice");
	if (c->status < 0 || c->status >= CALL_STATUS_COUNT)
		return kp_invalid(err, "status", "invalid_choice");
	if (c->source == SOURCE_VOLUNTEER && c->volunteer_id <= 0)
		return kp_invalid(err, "volunteer_id", "required");
	if (c->items[LIST_MOTIVE].n || c->items[LIST_EXPERIENCE].n || c->items[LIST_ACTIVITY].n)
		return kp_invalid(err, "items", "invalid_choice");
	if (c->public_page && c->source == SOURCE_VOLUNTEER)
		return kp_invalid(err, "public_page", "invalid_choice");
	if (c->public_page && !call_is_published(c))
		return kp_invalid(err, "public_page", "public_text_first");
	return KP_OK;
}

bool call_is_past(const struct call *c, int64_t now)
{
	if (c->one_off_date[0] == '\0' || !parse_is_date(c->one_off_date))
		return false;
	int64_t today = now >= 0 ? now / 86400 : -((-now + 86399) / 86400);
	return parse_date_days(c->one_off_date) < today;
}

int call_check_date(const struct call *c, const struct call *was, int64_t now,
                    struct kp_error *err)
{
	if (c->status != CALL_OPEN || !call_is_past(c, now))
		return KP_OK;
	if (was != NULL && strcmp(was->one_off_date, c->one_off_date) == 0 &&
	    was->status == CALL_OPEN)
		return KP_OK; /* an edit that leaves the date alone: it closes by itself */
	return kp_invalid(err, "one_off_date", "date_in_past");
}
