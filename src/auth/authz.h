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

enum resource {
	RES_ORGANISATION,
	RES_LIST_ITEM,      /* the shared lists */
	RES_VOLUNTEER,
	RES_EXPERIENCE,     /* a volunteer's lived experience (health data) */
	RES_CALL,
	RES_MATCH,
	RES_ACCOUNT,
	RES_COUNT
};

enum action { ACT_LIST, ACT_READ, ACT_CREATE, ACT_UPDATE, ACT_COUNT };

/* What a record is, as far as permissions care. Ids are 0 when not applicable. */
struct authz_target {
	int64_t organisation_id;  /* owning organisation */
	int64_t volunteer_id;     /* the volunteer the record is about */
	int64_t created_by;       /* account that created it (a referrer's request) */
};

bool authz_allows(const struct principal *who, enum resource res, enum action act,
                  const struct authz_target *target);

/* The filter a list must apply. all: no filter; none: the list is refused. */
struct authz_scope {
	bool none;
	bool all;
	int64_t organisation_id;  /* only rows of this organisation, when set */
	int64_t volunteer_id;     /* only rows about this volunteer, when set */
	int64_t created_by;       /* only rows this account created, when set */
	bool open_only;           /* only open calls (a volunteer browsing) */
};

struct authz_scope authz_list_scope(const struct principal *who, enum resource res);

#endif
