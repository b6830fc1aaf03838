/*
 * A call (oproep): a request for volunteer help posted by an organisation, a
 * location, a client (hulpvraag), a referrer, or an offer (aanbod) from a
 * volunteer. A call is either one-off (one_off_date set, dayparts 0) or
 * recurring (dayparts set, one_off_date "").
 *
 * Invariants after call_validate: title non-empty; activity_id set; lat/lon
 * resolved from place; exactly one of one_off_date and dayparts is set;
 * items[k] only for k in theme, training, talent (required skills), language.
 *
 * A help request (source client or referrer) carries a client's situation in
 * its title and description, which stay with the receiving organisation and
 * the referrer. Its public_title and public_description are written by the
 * receiving organisation; until public_title is set the request is
 * unpublished and not open to volunteers. Other calls are public as they
 * are (their public_* fields stay empty).
 *
 * An organisation chooses per call whether it is also on the network's
 * public pages, without login (public_page); only a published call, never a
 * volunteer's own offer. What those pages show of it is call_show_public.
 */
#ifndef KP_MODEL_CALL_H
#define KP_MODEL_CALL_H

#include <stdbool.h>
#include <stdint.h>

#include "model/field.h"
#include "model/types.h"
#include "model/organisation.h"
#include "util/error.h"

#define CALL_TITLE_MAX 160
#define CALL_TEXT_MAX 4000
#define CALL_MAX_VOLUNTEERS 50
#define CALL_MAX_DURATION_MINUTES (24 * 60)

enum call_status { CALL_OPEN, CALL_FILLED, CALL_CLOSED, CALL_CANCELLED, CALL_STATUS_COUNT };
const char *call_status_name(int s);
int call_status_parse(const char *name);

enum call_source {
	SOURCE_ORGANISATION, SOURCE_LOCATION, SOURCE_CLIENT, SOURCE_REFERRER, SOURCE_VOLUNTEER,
	CALL_SOURCE_COUNT
};
const char *call_source_name(int s);
int call_source_parse(const char *name);

struct call {
	int64_t id;
	int64_t organisation_id;      /* the organisation that handles the call */
	int64_t location_id;          /* 0 when none */
	/* The location's name and address as stored with it, read with the call
	   (never written through it); "" when none. */
	char location_name[LOCATION_NAME_MAX * 4 + 1];
	char location_address[LOCATION_ADDRESS_MAX * 4 + 1];
	int64_t volunteer_id;         /* set for a volunteer's offer, 0 otherwise */
	int source;                   /* enum call_source */
	char title[CALL_TITLE_MAX * 4 + 1];
	char description[CALL_TEXT_MAX * 4 + 1];
	char public_title[CALL_TITLE_MAX * 4 + 1];          /* a help request's text for */
	char public_description[CALL_TEXT_MAX * 4 + 1];    /* volunteers; "" until written */
	int64_t activity_id;
	char place[128];
	double lat, lon;
	char one_off_date[11];        /* YYYY-MM-DD or "" */
	char start_time[6];           /* HH:MM or "" */
	uint32_t dayparts;            /* recurring: DAYPART bits */
	int duration_minutes;
	int volunteers_needed;
	int requires_vog;
	int requires_driving_licence;
	int requires_car;              /* a licence alone is not enough */
	int engagement;               /* enum engagement */
	int status;                   /* enum call_status */
	int public_page;              /* shown on the network's public pages (1) or not */
	int64_t created_by;           /* account id, 0 when unknown */
	struct id_set items[LIST_KIND_COUNT];
	int64_t created_at, updated_at;
	int64_t version;              /* 1 when created, one up with every change */
	/* Up with everything a list shows of the call, its items and location
	   included (migration 028's triggers); read, never written. */
	int64_t revision;
};

/* What a list reads of a call before the call itself: whether the reader
   holds its written form already (by revision), and which of its texts the
   reader may see (call_text_allowed). */
struct call_head {
	int64_t id, revision;
	int64_t organisation_id, volunteer_id, created_by;
	int source;                   /* enum call_source */
	bool published;               /* call_is_published */
};
void call_head_of(const struct call *c, struct call_head *h);

/* The fields a request may name, each with the JSON name it has there. */
extern const struct field_table call_fields;

void call_init(struct call *c);

/* Whether c is a help request (from a client or a referrer). */
bool call_is_request(const struct call *c);
bool call_source_is_request(int source);
/* Whether c is a volunteer's offer: for the coordinators (and help requests),
   never a call for other volunteers to answer. */
bool call_is_offer(const struct call *c);
bool call_source_is_offer(int source);
/* Whether volunteers may see c: any call but an unpublished help request. */
bool call_is_published(const struct call *c);
/* Puts the public text of a help request in place of its own title and
   description (for whoever may not read them); other calls are left as is. */
void call_show_public(struct call *c);
int call_validate(const struct call *c, struct kp_error *err);
/* A one-off call dated before the day of `now` (unix seconds) is over: it
   may not be created, nor moved to such a date, nor opened again. Names
   one_off_date. `was` is the call before an edit, NULL when creating. */
int call_check_date(const struct call *c, const struct call *was, int64_t now,
                    struct kp_error *err);
/* Whether an open one-off call's date lies before the day of `now`. */
bool call_is_past(const struct call *c, int64_t now);

#endif
