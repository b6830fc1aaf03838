/* Every endpoint of the API, in one table. docs/api.md describes them. */
#include "api/accounts.h"
#include "api/api.h"
#include "api/calls.h"
#include "api/health.h"
#include "api/lists.h"
#include "api/matches.h"
#include "api/organisations.h"
#include "api/session.h"
#include "api/volunteers.h"

const struct api_route api_routes[] = {
	{ "GET", "/api/health", health_show },

	{ "GET", "/api/session", session_show },
	{ "POST", "/api/session", session_login },
	{ "DELETE", "/api/session", session_logout },
	{ "POST", "/api/signup", accounts_signup },

	{ "GET", "/api/accounts", accounts_list },
	{ "POST", "/api/accounts", accounts_create },

	{ "GET", "/api/organisations", organisations_list },
	{ "POST", "/api/organisations", organisations_create },
	{ "GET", "/api/organisations/{id}", organisations_show },
	{ "PATCH", "/api/organisations/{id}", organisations_update },

	{ "GET", "/api/lists", lists_index },
	{ "GET", "/api/lists/{kind}", lists_list },
	{ "POST", "/api/lists/{kind}", lists_create },
	{ "PATCH", "/api/lists/{kind}/{id}", lists_update },

	{ "GET", "/api/volunteers", volunteers_list },
	{ "POST", "/api/volunteers", volunteers_create },
	{ "GET", "/api/volunteers/{id}", volunteers_show },
	{ "PATCH", "/api/volunteers/{id}", volunteers_update },

	{ "GET", "/api/calls", calls_list },
	{ "POST", "/api/calls", calls_create },
	{ "GET", "/api/calls/{id}", calls_show },
	{ "PATCH", "/api/calls/{id}", calls_update },

	{ "GET", "/api/matches", matches_list },
	{ "POST", "/api/matches", matches_create },
	{ "GET", "/api/matches/{id}", matches_show },
	{ "PATCH", "/api/matches/{id}", matches_update },
};

const int api_route_count = (int)(sizeof api_routes / sizeof api_routes[0]);
