/*
 * An organisation in the network (care provider, volunteer organisation,
 * volunteer centre, referrer desk) and its locations.
 */
#ifndef KP_MODEL_ORGANISATION_H
#define KP_MODEL_ORGANISATION_H

#include <stdbool.h>
#include <stdint.h>

#include "util/error.h"

#define ORGANISATION_NAME_MAX 160
#define ORGANISATION_TEXT_MAX 2000
#define ORGANISATION_MAX_EMPLOYEES 1000000

enum organisation_kind {
	ORG_CARE_PROVIDER,       /* zorgaanbieder */
	ORG_VOLUNTEER_ORG,       /* vrijwilligersorganisatie */
	ORG_INFORMAL_CARE,       /* mantelzorgondersteuning */
	ORG_VOLUNTEER_CENTRE,    /* vrijwilligerscentrale */
	ORG_WELFARE,             /* welzijnsorganisatie */
	ORG_REFERRER,            /* Wmo-loket, wijkteam, huisarts, ziekenhuis */
	ORG_KIND_COUNT
};
const char *organisation_kind_name(int k);
struct organisation;
/* Whether volunteers may sign up with it: an active organisation that
   engages volunteers, not a referrer's desk. */
bool organisation_takes_signups(const struct organisation *o);
int organisation_kind_parse(const char *name);

struct organisation {
	int64_t id;
	int64_t network_id;
	char name[ORGANISATION_NAME_MAX * 4 + 1];
	int kind;                      /* enum organisation_kind */
	char municipality[128];
	int employees;                 /* for the volunteer-to-employee ratio */
	int vog_max_age_months;        /* how old a VOG may be for this organisation */
	char email[255];
	char phone[33];
	char website[256];
	char description[ORGANISATION_TEXT_MAX * 4 + 1];
	int active;
	int64_t created_at, updated_at;
};

/* A location of an organisation (a care home, a community centre); its
   place resolves to coordinates like a volunteer's home place. A location is
   switched off (active 0), never deleted: old calls keep its name, and it is
   no longer chosen for a new call or a professional. */
#define LOCATION_NAME_MAX 160
#define LOCATION_ADDRESS_MAX 200
#define LOCATION_PROFESSIONALS_MAX 64 /* professionals listed per location */
struct location {
	int64_t id;
	int64_t organisation_id;
	char name[LOCATION_NAME_MAX * 4 + 1];
	char address[LOCATION_ADDRESS_MAX * 4 + 1]; /* street and number, "" when unknown */
	char place[128];              /* the town, as the place table names it */
	double lat, lon;
	int active;                   /* 0: switched off */
	int64_t created_at, updated_at;
};

void organisation_init(struct organisation *o);
int organisation_validate(const struct organisation *o, struct kp_error *err);
/* A location needs its organisation, a name and a place. */
int location_validate(const struct location *l, struct kp_error *err);

#endif
