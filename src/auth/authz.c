#include "auth/authz.h"

#include <stddef.h>
#include <string.h>

static bool own_org(const struct principal *who, const struct authz_target *t)
{
	return who->organisation_id > 0 && t->organisation_id == who->organisation_id;
}

static bool self(const struct principal *who, const struct authz_target *t)
{
	return who->volunteer_id > 0 && t->volunteer_id == who->volunteer_id;
}

static bool has_experience_consent(const struct authz_target *t)
{
	return t->consent != NULL && t->consent->experience;
}

/* A coordinator sees the own organisation's volunteers, and another
   organisation's only as far as the volunteer's consent reaches. Export and
   erasure belong to the person and the network administrator. */
static bool coordinator_volunteer(const struct principal *who, enum action act,
                                  const struct authz_target *t)
{
	switch (act) {
	case ACT_LIST:
		return true; /* the list scope adds the consent filter */
	case ACT_READ:
		return own_org(who, t) || consent_allows_organisation(t->consent, who->organisation_id);
	case ACT_CREATE:
	case ACT_UPDATE:
		return own_org(who, t);
	default:
		return false;
	}
}

/* Lived experience: only with its own explicit consent, and for another
   organisation only when the profile consent reaches it too. */
static bool coordinator_experience(const struct principal *who, enum action act,
                                   const struct authz_target *t)
{
	if (act == ACT_READ)
		return consent_allows_experience(t->consent, who->organisation_id, t->organisation_id);
	if (act == ACT_UPDATE)
		return own_org(who, t) && has_experience_consent(t);
	return false;
}

static bool coordinator(const struct principal *who, enum resource res, enum action act,
                        const struct authz_target *t)
{
	switch (res) {
	case RES_ORGANISATION:
	case RES_OFFER: /* keeps the own organisation's entry on the social map */
		return act == ACT_LIST || act == ACT_READ || (act == ACT_UPDATE && own_org(who, t));
	case RES_LIST_ITEM:
		return act == ACT_LIST || act == ACT_READ;
	case RES_VOLUNTEER:
		return coordinator_volunteer(who, act, t);
	case RES_EXPERIENCE:
		return coordinator_experience(who, act, t);
	case RES_CALL:
	case RES_MATCH:
		return act == ACT_LIST || own_org(who, t);
	case RES_ACCOUNT: /* the list is scoped to the own organisation; UPDATE: (de)activate */
		return act == ACT_LIST || ((act == ACT_CREATE || act == ACT_UPDATE) && own_org(who, t));
	case RES_CONSENT: /* sees it; may record a withdrawal, never widen it */
		return (act == ACT_READ || act == ACT_DELETE) && own_org(who, t);
	case RES_JOURNEY:
	case RES_TRANSFER:
		return act == ACT_LIST || ((act == ACT_READ || act == ACT_CREATE ||
		                            act == ACT_UPDATE) && own_org(who, t));
	case RES_JOURNEY_REQUEST:
		return act == ACT_READ && own_org(who, t);
	case RES_TASK:
	case RES_OUTBOX:
		return act == ACT_LIST || ((act == ACT_READ || act == ACT_CREATE) && own_org(who, t));
	case RES_APPRECIATION: /* records trainings; the self-assessment is the volunteer's */
		return (act == ACT_READ || act == ACT_CREATE) && own_org(who, t);
	case RES_SUGGESTION: /* candidates, a volunteer's suggestions, proposals */
		return (act == ACT_LIST || act == ACT_READ || act == ACT_CREATE) && own_org(who, t);
	case RES_MATCH_PEOPLE: /* arranges the match, so knows both sides from the start */
		return act == ACT_READ && own_org(who, t);
	case RES_NOTE: /* working notes about the own organisation's volunteers */
		return (act == ACT_LIST || act == ACT_READ || act == ACT_CREATE) && own_org(who, t);
	case RES_NEWSLETTER: /* writes and sends to the own organisation's volunteers */
		return act == ACT_LIST || ((act == ACT_READ || act == ACT_CREATE ||
		                            act == ACT_UPDATE) && own_org(who, t));
	case RES_REPORT: /* the own organisation's figures */
	case RES_REQUEST_TEXT: /* the receiving organisation's intake */
		return act == ACT_READ && own_org(who, t);
	case RES_HOURS: /* logs for the own volunteers, corrects, sees the totals */
	case RES_EXPENSE:
		return act == ACT_LIST || ((act == ACT_READ || act == ACT_CREATE ||
		                            act == ACT_UPDATE) && own_org(who, t));
	case RES_APPROVAL:
		return act == ACT_UPDATE && own_org(who, t);
	case RES_ALLOWANCE: /* reads the caps, sets the own rates per km */
		return act == ACT_READ || (act == ACT_UPDATE && own_org(who, t));
	case RES_PAYMENT: /* who pays the own organisation's claims */
		return (act == ACT_READ || act == ACT_UPDATE || act == ACT_EXPORT) && own_org(who, t);
	case RES_CALENDAR_FEED: /* the agenda, and a volunteer's feed made for her */
		return (act == ACT_READ || act == ACT_CREATE || act == ACT_DELETE) && own_org(who, t);
	case RES_LOCATION: /* keeps the own locations and who works at each */
		return act == ACT_LIST || ((act == ACT_READ || act == ACT_CREATE ||
		                            act == ACT_UPDATE) && own_org(who, t));
	default:
		return false;
	}
}

/* A professional who works at one or more locations acts on the calls of
   those locations (and their matches), and only reads the rest of the
   organisation's; one without locations acts for the whole organisation. */
static bool at_own_location(const struct principal *who, const struct authz_target *t)
{
	return own_org(who, t) && !t->outside_locations;
}

static bool professional(const struct principal *who, enum resource res, enum action act,
                         const struct authz_target *t)
{
	switch (res) {
	case RES_ORGANISATION:
	case RES_LIST_ITEM:
	case RES_OFFER:
		return act == ACT_LIST || act == ACT_READ;
	case RES_CALL:
		return act == ACT_LIST || (act == ACT_READ && own_org(who, t)) ||
		       at_own_location(who, t);
	case RES_MATCH: /* sees who was matched, confirms that it works */
		return act == ACT_LIST || (act == ACT_READ && own_org(who, t)) ||
		       (act == ACT_UPDATE && at_own_location(who, t));
	case RES_SUGGESTION: /* the candidates for a call of the own location */
		return act == ACT_LIST && at_own_location(who, t);
	case RES_MATCH_PEOPLE: /* learns who comes to her location once the volunteer said yes */
		return act == ACT_READ && at_own_location(who, t) && t->worked_together;
	case RES_REQUEST_TEXT:
		return act == ACT_READ && own_org(who, t);
	case RES_LOCATION: /* sees the own organisation's locations, and where she works */
		return act == ACT_LIST || (act == ACT_READ && own_org(who, t));
	default:
		return false;
	}
}

static bool volunteer(const struct principal *who, enum resource res, enum action act,
                      const struct authz_target *t)
{
	switch (res) {
	case RES_ORGANISATION:
	case RES_LIST_ITEM:
	case RES_OFFER:
		return act == ACT_LIST || act == ACT_READ;
	case RES_VOLUNTEER: /* own profile, own export, own erasure; a list of just self */
		return act == ACT_LIST || (act != ACT_CREATE && self(who, t));
	case RES_EXPERIENCE: /* stored only after the explicit consent */
		return self(who, t) &&
		       (act == ACT_READ || (act == ACT_UPDATE && has_experience_consent(t)));
	case RES_CONSENT:
		return (act == ACT_READ || act == ACT_UPDATE || act == ACT_DELETE) && self(who, t);
	case RES_AUDIT: /* who viewed my data */
		return act == ACT_READ && self(who, t);
	case RES_CALL: /* browses open, published calls (not others' offers) and the calls
	                  they are matched to */
		return act == ACT_LIST ||
		       (act == ACT_READ && ((t->open && !t->unpublished && !t->offer) ||
		                            t->caller_matched || self(who, t))) ||
		       (act == ACT_CREATE && self(who, t));
	case RES_MATCH: /* responds to a call, follows and may decline own matches */
		return act == ACT_LIST || self(who, t);
	case RES_MATCH_PEOPLE: /* whom to contact, once the match is accepted */
		return act == ACT_READ && self(who, t) && t->worked_together;
	case RES_JOURNEY: /* follows the own journey */
		return act == ACT_LIST || (act == ACT_READ && self(who, t));
	case RES_JOURNEY_REQUEST: /* asks to pause or stop */
		return (act == ACT_CREATE || act == ACT_READ) && self(who, t);
	case RES_TRANSFER: /* consents, asks for a transfer, follows it */
		return act == ACT_LIST || ((act == ACT_READ || act == ACT_CREATE ||
		                            act == ACT_UPDATE) && self(who, t));
	case RES_APPRECIATION: /* keeps the own certificates and self-assessment */
		return act != ACT_LIST && act != ACT_DELETE && act != ACT_EXPORT && self(who, t);
	case RES_SUGGESTION: /* the calls that suit me */
		return act == ACT_READ && self(who, t);
	case RES_HOURS: /* logs and corrects the own hours */
		return act == ACT_LIST || ((act == ACT_READ || act == ACT_CREATE ||
		                            act == ACT_UPDATE) && self(who, t));
	case RES_EXPENSE: /* claims the own expenses and adds their receipts */
		return act == ACT_LIST || ((act == ACT_READ || act == ACT_CREATE) && self(who, t));
	case RES_ALLOWANCE: /* what may be claimed */
		return act == ACT_READ;
	case RES_NEWSLETTER: /* reads the newsletters that were sent to them */
		return act == ACT_LIST || (act == ACT_READ && self(who, t));
	case RES_CALENDAR_FEED: /* the own feed, never an organisation's agenda */
		return (act == ACT_READ || act == ACT_CREATE || act == ACT_DELETE) && self(who, t);
	default:
		return false;
	}
}

static bool referrer(const struct principal *who, enum resource res, enum action act,
                     const struct authz_target *t)
{
	switch (res) {
	case RES_ORGANISATION:
	case RES_LIST_ITEM:
	case RES_OFFER:
		return act == ACT_LIST || act == ACT_READ;
	case RES_CALL: /* submits help requests and follows their status */
	case RES_REQUEST_TEXT:
		return (res == RES_CALL && (act == ACT_LIST || act == ACT_CREATE)) ||
		       (act == ACT_READ && t->created_by == who->account_id);
	default:
		return false;
	}
}

/* The network administrator runs the network, but health data is for the
   coordinators the volunteer allows, a client's situation for the receiving
   organisation, and only the volunteer widens a consent. */
static bool admin(enum resource res, enum action act)
{
	switch (res) {
	case RES_EXPERIENCE:
	case RES_REQUEST_TEXT: /* a client's situation is for the receiving organisation */
		return false;
	case RES_CONSENT:
		return act == ACT_READ || act == ACT_DELETE;
	case RES_REPORT:
		return act == ACT_READ;
	case RES_HOURS: /* the totals and what they are made of; logging is the organisations' */
	case RES_EXPENSE:
		return act == ACT_LIST || act == ACT_READ;
	case RES_APPROVAL:
	case RES_PAYMENT: /* paying is the organisations' */
		return false;
	case RES_MATCH_PEOPLE:
		return act == ACT_READ;
	case RES_NOTE: /* reads them (an export, an erasure request); writing is the coordinators' */
		return act == ACT_LIST || act == ACT_READ;
	case RES_CALENDAR_FEED:
		return act == ACT_READ || act == ACT_CREATE || act == ACT_DELETE;
	default:
		return true;
	}
}

/* Staff of the network's hub organisation: the contact point's desk. */
static bool hub_staff(const struct principal *who, const struct authz_target *t)
{
	return (who->role == ROLE_COORDINATOR || who->role == ROLE_PROFESSIONAL) &&
	       t->hub_organisation_id > 0 && who->organisation_id == t->hub_organisation_id;
}

/* The contact point: anyone may ask for help (the public form); the hub
   triages and routes; the receiving coordinator accepts or hands back; a
   referrer follows the own requests. The client's record is for the hub,
   the referrer who sent it, and the receiving coordinator only with the
   client's consent; export and erasure for the hub and the administrator. */
static bool contact_point(const struct principal *who, enum resource res, enum action act,
                          const struct authz_target *t)
{
	bool receiving = who->role == ROLE_COORDINATOR && own_org(who, t);
	bool sender = who->role == ROLE_REFERRER && t->created_by == who->account_id &&
	              who->account_id > 0;
	if (res == RES_HELP_REQUEST) {
		if (act == ACT_CREATE)
			return who->role == ROLE_ANONYMOUS || who->role == ROLE_REFERRER ||
			       hub_staff(who, t);
		if (act == ACT_LIST)
			return who->role == ROLE_ADMIN || who->role == ROLE_COORDINATOR ||
			       who->role == ROLE_REFERRER || hub_staff(who, t);
		if (act == ACT_READ)
			return who->role == ROLE_ADMIN || hub_staff(who, t) || receiving || sender;
		return act == ACT_UPDATE && (hub_staff(who, t) || receiving);
	}
	switch (act) {
	case ACT_READ:
		return hub_staff(who, t) || sender || (receiving && t->client_consent);
	case ACT_EXPORT:
	case ACT_DELETE:
		return who->role == ROLE_ADMIN || hub_staff(who, t);
	default:
		return false;
	}
}

bool authz_allows(const struct principal *who, enum resource res, enum action act,
                  const struct authz_target *target)
{
	static const struct authz_target none = { 0 };
	const struct authz_target *t = target ? target : &none;
	if (res == RES_SESSION) /* one's own sessions, whatever the role */
		return who->role != ROLE_ANONYMOUS && who->account_id > 0 &&
		       (act == ACT_LIST || act == ACT_DELETE);
	if (res == RES_NOTIFICATION) /* one's own mail settings, whatever the role */
		return who->role > ROLE_ANONYMOUS && who->role < ROLE_COUNT && who->account_id > 0 &&
		       (act == ACT_READ || act == ACT_UPDATE);
	if (res == RES_PUBLIC_CALL || res == RES_CONTACT_POINT) /* public: everyone may look */
		return who->role >= 0 && who->role < ROLE_COUNT &&
		       (act == ACT_LIST || act == ACT_READ ||
		        (res == RES_CONTACT_POINT && act == ACT_UPDATE && who->role == ROLE_ADMIN));
	if (res == RES_HELP_REQUEST || res == RES_CLIENT_RECORD)
		return who->role >= 0 && who->role < ROLE_COUNT && contact_point(who, res, act, t);
	if (res == RES_TOTP) /* one's own second factor; only staff with wide access have one */
		return (who->role == ROLE_ADMIN || who->role == ROLE_COORDINATOR) &&
		       who->account_id > 0 && act != ACT_LIST && act != ACT_EXPORT;
	switch (who->role) {
	case ROLE_ADMIN:
		return admin(res, act);
	case ROLE_COORDINATOR:
		return coordinator(who, res, act, t);
	case ROLE_PROFESSIONAL:
		return professional(who, res, act, t);
	case ROLE_VOLUNTEER:
		return volunteer(who, res, act, t);
	case ROLE_REFERRER:
		return referrer(who, res, act, t);
	case ROLE_ANONYMOUS: /* the public social map and sign-up form need these */
		return (res == RES_ORGANISATION || res == RES_LIST_ITEM || res == RES_OFFER) &&
		       (act == ACT_LIST || act == ACT_READ);
	default:
		return false;
	}
}

bool authz_writes_verified(const struct principal *who, const struct authz_target *t)
{
	return who->role == ROLE_ADMIN || (who->role == ROLE_COORDINATOR && own_org(who, t));
}

bool authz_public_route(const char *method, const char *pattern)
{
	/* Health, the API's description, what a page needs first (GET
	   /api/start: the caller or null, the lists, the organisations),
	   logging in and out (the second step's challenge is the credential),
	   sign-up, the one-time links of accounts (the token is the
	   credential), the public social map with the organisations' offers,
	   and calendar feeds (the secret address is the credential). */
	static const char *const open[][2] = {
		{ "GET", "/api/health" },
		{ "GET", "/api/openapi.json" },
		{ "GET", "/api/start" },
		{ "GET", "/api/session" },
		{ "POST", "/api/session" },
		{ "DELETE", "/api/session" },
		{ "POST", "/api/session/totp" },
		{ "POST", "/api/session/totp/enrol" },
		{ "POST", "/api/signup" },
		{ "POST", "/api/invitations/accept" },
		{ "POST", "/api/password-reset" },
		{ "POST", "/api/password-reset/confirm" },
		{ "POST", "/api/unsubscribe" },
		{ "GET", "/api/organisations" },
		{ "GET", "/api/organisations/{id}" },
		{ "GET", "/api/organisations/{id}/journey-settings" },
		{ "GET", "/api/lists" },
		{ "GET", "/api/lists/{kind}" },
		{ "GET", "/api/journey/definitions" },
		{ "GET", "/api/organisations/{id}/offer" },
		{ "GET", "/api/public/map" },
		{ "GET", "/api/calendar/{token}.ics" },
		{ "GET", "/api/public/calls" },
		{ "GET", "/api/public/calls/{id}" },
		{ "POST", "/api/public/help-requests" },
		{ "GET", "/api/network/contact-point" },
	};
	for (size_t i = 0; i < sizeof open / sizeof open[0]; i++)
		if (strcmp(method, open[i][0]) == 0 && strcmp(pattern, open[i][1]) == 0)
			return true;
	return false;
}

struct authz_scope authz_list_scope(const struct principal *who, enum resource res)
{
	struct authz_scope s = { 0 };
	if (!authz_allows(who, res, ACT_LIST, NULL)) {
		s.none = true;
		return s;
	}
	if (who->role == ROLE_ADMIN || res == RES_ORGANISATION || res == RES_LIST_ITEM ||
	    res == RES_OFFER) {
		s.all = true;
		return s;
	}
	switch (who->role) {
	case ROLE_COORDINATOR:
		s.organisation_id = who->organisation_id;
		if (res == RES_VOLUNTEER)
			s.consented_to = who->organisation_id;
		break;
	case ROLE_PROFESSIONAL:
		s.organisation_id = who->organisation_id;
		if (res == RES_CALL || res == RES_MATCH)
			s.location_account_id = who->account_id;
		break;
	case ROLE_VOLUNTEER:
		if (res == RES_CALL)
			s.open_only = true;
		else
			s.volunteer_id = who->volunteer_id;
		break;
	case ROLE_REFERRER:
		s.created_by = who->account_id;
		break;
	default:
		s.none = true;
	}
	return s;
}

struct authz_scope authz_help_request_scope(const struct principal *who,
                                            int64_t hub_organisation_id)
{
	struct authz_scope s = { 0 };
	struct authz_target t = { .hub_organisation_id = hub_organisation_id };
	if (!authz_allows(who, RES_HELP_REQUEST, ACT_LIST, &t))
		s.none = true;
	else if (who->role == ROLE_ADMIN || hub_staff(who, &t))
		s.all = true;
	else if (who->role == ROLE_REFERRER)
		s.created_by = who->account_id;
	else if (who->organisation_id > 0)
		s.organisation_id = who->organisation_id;
	else
		s.none = true;
	return s;
}
