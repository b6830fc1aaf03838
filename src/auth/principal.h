/*
 * Who is asking: the account behind a request, with its role and the
 * organisation or volunteer record it belongs to. An anonymous caller has
 * role ROLE_ANONYMOUS and every id 0.
 */
#ifndef KP_AUTH_PRINCIPAL_H
#define KP_AUTH_PRINCIPAL_H

#include <stdint.h>

enum role {
	ROLE_ANONYMOUS,
	ROLE_ADMIN,         /* netwerkbeheerder */
	ROLE_COORDINATOR,   /* vrijwilligerscoördinator of one organisation */
	ROLE_PROFESSIONAL,  /* medewerker / locatie of one organisation */
	ROLE_VOLUNTEER,     /* vrijwilliger: own data */
	ROLE_REFERRER,      /* verwijzer: Wmo-loket, wijkteam, huisarts */
	ROLE_COUNT
};
const char *role_name(int role);
int role_parse(const char *name);

struct principal {
	int64_t account_id;       /* 0 when anonymous */
	int role;                 /* enum role */
	int64_t organisation_id;  /* coordinator, professional, referrer: their organisation */
	int64_t volunteer_id;     /* volunteer: their own record */
	char display_name[256];
	char email[255];
	char csrf_token[64];      /* the session's CSRF token, "" when anonymous */
};

/* The server's own console (knooppunt init, erase-person…): an administrator
   without an account. Only it sets a password on somebody else's behalf. */
static inline int principal_is_console(const struct principal *p)
{
	return p->role == ROLE_ADMIN && p->account_id == 0;
}

#endif
