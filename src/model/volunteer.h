/*
 * A volunteer on the four building blocks (vier bouwstenen):
 * betrokkenheid (themes), motivatie (motives), talent (talents, trainings,
 * languages) and mogelijkheden (availability, hours, engagement, distance).
 *
 * Invariants after volunteer_validate: names non-empty; status one of the
 * volunteer_status values; lat/lon resolved from `place`; availability only
 * uses DAYPART_ALL bits; items[k] only holds items of list kind k, and
 * items[LIST_EXPERIENCE] (lived experience, health data) is never written or
 * shown unless the caller may see special-category data.
 */
#ifndef KP_MODEL_VOLUNTEER_H
#define KP_MODEL_VOLUNTEER_H

#include <stdint.h>

#include "model/field.h"
#include "model/types.h"
#include "util/error.h"

#define VOLUNTEER_NAME_MAX 100
#define VOLUNTEER_EMAIL_MAX 254
#define VOLUNTEER_PHONE_MAX 32
#define VOLUNTEER_TEXT_MAX 2000
#define VOLUNTEER_MAX_DISTANCE_KM 200
#define VOLUNTEER_MAX_HOURS 80
#define VOLUNTEER_MAX_MATCHES 10

enum volunteer_status {
	VOLUNTEER_APPLIED,  /* aangemeld: signed up, intake still to come */
	VOLUNTEER_ACTIVE,
	VOLUNTEER_PAUSED,
	VOLUNTEER_STOPPED,
	VOLUNTEER_STATUS_COUNT
};
const char *volunteer_status_name(int s);
int volunteer_status_parse(const char *name);

enum travel_mode { TRAVEL_WALK, TRAVEL_BIKE, TRAVEL_CAR, TRAVEL_PUBLIC, TRAVEL_MODE_COUNT };
const char *travel_mode_name(int m);
int travel_mode_parse(const char *name);

/* What a ranking shows of a volunteer: who, of which organisation, where. */
struct volunteer_name {
	int64_t id;
	int64_t organisation_id;
	char first_name[VOLUNTEER_NAME_MAX * 4 + 1];
	char last_name[VOLUNTEER_NAME_MAX * 4 + 1];
	char place[128];
};

struct volunteer {
	int64_t id;
	int64_t organisation_id;          /* home organisation */
	char first_name[VOLUNTEER_NAME_MAX * 4 + 1]; /* *4: UTF-8 bytes per character */
	char last_name[VOLUNTEER_NAME_MAX * 4 + 1];
	char email[VOLUNTEER_EMAIL_MAX + 1];
	char phone[VOLUNTEER_PHONE_MAX + 1];
	int birth_year;                   /* 0 when not given */
	int status;                       /* enum volunteer_status */
	char place[128];                  /* home place as the person wrote it */
	double lat, lon;                  /* resolved from place */
	uint32_t availability;            /* DAYPART bits */
	int hours_per_week;
	uint32_t engagement;              /* bits of enum engagement */
	int max_distance_km;
	int travel_mode;                  /* enum travel_mode */
	int driving_licence;              /* 0 or 1 */
	int max_matches;                  /* capacity: concurrent active matches */
	char vog_date[11];                /* YYYY-MM-DD, "" when none */
	char motivation_text[VOLUNTEER_TEXT_MAX * 4 + 1]; /* "wat wil je graag betekenen?" */
	char started_on[11];              /* YYYY-MM-DD */
	struct id_set items[LIST_KIND_COUNT];
	int64_t created_at, updated_at;
	int64_t version;                  /* 1 when created, one up with every change */
	int64_t erased_at;                /* 0 unless the person was erased (anonymised) */
	/* Up with everything a list shows of the volunteer, items included
	   (migration 029's triggers); read, never written. */
	int64_t revision;
};

/* The fields a request may name, each with the JSON name it has there. */
extern const struct field_table volunteer_fields;

/* A fresh volunteer with the defaults a form would show. */
void volunteer_init(struct volunteer *v);

/* Checks the domain rules; names the offending field in err. */
int volunteer_validate(const struct volunteer *v, struct kp_error *err);

#endif
