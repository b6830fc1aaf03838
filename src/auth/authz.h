/*
 * The one place where permissions are decided: role × resource × action ×
 * the caller's relation to the record's organisation or volunteer.
 * docs/permissions.md is the same table in words; keep them together.
 *
 * Handlers ask authz_allows() before they read or change one record, and
 * authz_scope() before they list records: the scope is the filter every
 * list query must apply, so a list can never show rows a read would refuse.
 */
#ifndef KP_AUTH_AUTHZ_H
#define KP_AUTH_AUTHZ_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/principal.h"
#include "model/consent.h"

enum resource {
	RES_ORGANISATION,
	RES_LIST_ITEM,      /* the shared lists */
	RES_VOLUNTEER,
	RES_EXPERIENCE,     /* a volunteer's lived experience (health data) */
	RES_CALL,
	RES_MATCH,
	RES_ACCOUNT,
	RES_CONSENT,        /* a volunteer's consent: who may see them */
	RES_AUDIT,          /* the audit log of views and changes of personal data */
	RES_SESSION,        /* the caller's own login sessions */
	RES_JOURNEY,        /* a volunteer's journey at an organisation, its steps, exit interviews */
	RES_JOURNEY_REQUEST,/* a volunteer's own request to pause or stop */
	RES_TRANSFER,       /* a warm transfer; checked once per side (from, to organisation) */
	RES_TASK,           /* the coordinator's tasks and reminders */
	RES_APPRECIATION,   /* trainings and certificates, EVC-A self-assessment */
	RES_OUTBOX,         /* e-mails waiting to be sent */
	RES_SUGGESTION,     /* matching: LIST a call's candidate volunteers, READ a
	                       volunteer's suggested calls, CREATE a batch proposal */
	RES_REPORT,         /* the figures of an organisation (0: the network) */
	RES_REQUEST_TEXT,   /* the confidential title and description of a help request
	                       (a call from a client or a referrer): READ only */
	RES_HOURS,          /* hour entries: logged by the volunteer or the coordinator */
	RES_EXPENSE,        /* expense claims and their receipts */
	RES_APPROVAL,       /* approving hours, deciding and paying expense claims */
	RES_ALLOWANCE,      /* the allowance caps (organisation 0) and an organisation's
	                       rates per km */
	RES_PAYMENT,        /* an organisation's account and the treasurer's export
	                       (with unmasked IBANs): EXPORT; READ/UPDATE the account */
	RES_TOTP,           /* one's own two-factor sign-in: administrators and coordinators */
	RES_NETWORK,        /* the network's settings (two-factor sign-in required) */
	RES_MATCH_PEOPLE,   /* who works together on a match: the volunteer's name and
	                       contact details, and the call's contact person: READ only */
	RES_NOTE,           /* a coordinator's private notes and contact log about a
	                       volunteer; the target is the volunteer's organisation */
	RES_OFFER,          /* an organisation's entry on the public social map */
	RES_PUBLIC_CALL,    /* a call on the network's public pages, its public text only */
	RES_CONTACT_POINT,  /* the network's contact point: its hub and pick-up term */
	RES_HELP_REQUEST,   /* a help request at the contact point: what is asked, where
	                       it went, who picked it up (not the client's data) */
	RES_CLIENT_RECORD,  /* the client behind a help request: name, how to reach them,
	                       situation; READ, EXPORT and DELETE (erasure) */
	RES_NEWSLETTER,     /* a newsletter: the target's organisation is the writer's (0 for
	                       the network's); volunteer_id is set to the reading volunteer
	                       when it went to them */
	RES_CALENDAR_FEED,  /* the secret address of a calendar feed: a volunteer's own
	                       (target: the volunteer) or an organisation's agenda (target:
	                       the organisation, no volunteer); READ, CREATE, DELETE */
	RES_LOCATION,       /* an organisation's locations, and which professionals work
	                       at each (UPDATE of the location's organisation) */
	RES_NOTIFICATION,   /* one's own mail settings: language, notifications per kind */
	RES_COUNT
};

/* ACT_DELETE: erase a person, withdraw a consent, revoke a session.
   ACT_EXPORT: everything stored about a person (right of access). */
enum action { ACT_LIST, ACT_READ, ACT_CREATE, ACT_UPDATE, ACT_DELETE, ACT_EXPORT, ACT_COUNT };

/* What a record is, as far as permissions care. Ids are 0 when not applicable. */
struct authz_target {
	int64_t organisation_id;  /* owning organisation */
	int64_t volunteer_id;     /* the volunteer the record is about */
	int64_t created_by;       /* account that created it (a referrer's request) */
	const struct consent *consent; /* the volunteer's consent, loaded by the handler
	                                  (consents_target); NULL counts as no consent */
	bool open;                /* a call that is open to responses */
	bool caller_matched;      /* the calling volunteer has a match on this call */
	bool unpublished;         /* a help request without its public text yet */
	bool offer;               /* a volunteer's offer (of volunteer_id), for the
	                             coordinators, not for other volunteers */
	bool worked_together;     /* a match the volunteer accepted (accepted, active, ended) */
	int64_t hub_organisation_id; /* the contact point's hub (help requests); 0: none */
	bool client_consent;      /* the client agreed to share the record with the
	                             organisation the request is routed to */
	bool outside_locations;   /* a call (or a match on one) not at a location the
	                             calling professional works at, while she works at
	                             one or more (svc_locations_target) */
};

bool authz_allows(const struct principal *who, enum resource res, enum action act,
                  const struct authz_target *target);

/* Whether who may write the verified facts of a volunteer record of
   t->organisation_id (the fields a field table marks staff_only: status, VOG
   date, trainings given, start date, organisation): the administrator and
   the organisation's coordinators, never the volunteer. */
bool authz_writes_verified(const struct principal *who, const struct authz_target *t);

/* The filter a list must apply. all: no filter; none: the list is refused. */
struct authz_scope {
	bool none;
	bool all;
	int64_t organisation_id;  /* only rows of this organisation, when set */
	int64_t volunteer_id;     /* only rows about this volunteer, when set */
	int64_t created_by;       /* only rows this account created, when set */
	bool open_only;           /* only open calls that are published: help requests
	                             only with their public text (a volunteer browsing) */
	int64_t consented_to;     /* also volunteers whose consent allows this organisation */
	int64_t location_account_id; /* calls and matches: only at the locations this
	                             account works at, when it works at any */
};
/* Help requests are scoped by the hub: its staff see them all (all), other
   coordinators those routed to them (organisation_id), referrers their own
   (created_by). authz_list_scope cannot know the hub; this one is told. */
struct authz_scope authz_help_request_scope(const struct principal *who,
                                            int64_t hub_organisation_id);

struct authz_scope authz_list_scope(const struct principal *who, enum resource res);

/* Whether a caller without a session may use the route at all (method and
 * pattern as in the route table). Every other route answers 401 before its
 * input is looked at, so anonymous callers learn nothing about ids or fields. */
bool authz_public_route(const char *method, const char *pattern);

#endif
