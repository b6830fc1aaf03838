/*
 * Bad input, table-driven: every row is one distinct bad request. Each must
 * answer its 4xx status as application/problem+json naming the field, and
 * write nothing: the list totals, the SQLite rows (hashed) and, for a PATCH,
 * the target's own representation are the same before and after.
 *
 * Paths and bodies use ' for " and these placeholders, filled from the
 * fixtures: %O organisation, %N its name, %V active volunteer, %P paused
 * volunteer, %F volunteer at capacity, %C open call, %X closed call,
 * %M proposed match, %E an existing account's e-mail, %L<n>; n letters, %% a
 * literal %.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum transport { PLAIN, NO_TYPE, TEXT_TYPE, NO_CSRF, BAD_CSRF, BIG, DEEP, ANON };

struct bad {
	const char *name;
	enum transport how;
	const char *method, *path, *body;
	long status;
	const char *field; /* "" when the answer names no field */
	const char *code;  /* NULL: not checked */
};

static const struct bad cases[] = {
	/* Body and transport */
	{ "body over 64 KiB", BIG, "POST", "/api/organisations", NULL, 413, "", NULL },
	{ "JSON nested deeper than 8", DEEP, "POST", "/api/organisations", NULL, 400, "",
	  "too_deep" },
	{ "JSON array instead of object", PLAIN, "POST", "/api/organisations", "[1,2,3]", 400, "",
	  "not_object" },
	{ "JSON string instead of object", PLAIN, "POST", "/api/volunteers", "'Anna'", 400, "",
	  "invalid_json" },
	{ "invalid JSON", PLAIN, "POST", "/api/organisations", "{'name':", 400, "",
	  "invalid_json" },
	{ "duplicate JSON key", PLAIN, "POST", "/api/organisations",
	  "{'name':'Een','name':'Twee','kind':'welfare','municipality':'Dordrecht'}", 400, "",
	  "invalid_json" },
	{ "invalid UTF-8 bytes", PLAIN, "POST", "/api/volunteers",
	  "{'first_name':'\xff\xfe','last_name':'X','place':'Dordrecht','organisation_id':%O}",
	  400, "", "invalid_json" },
	{ "integer beyond 64 bits", PLAIN, "POST", "/api/calls",
	  "{'organisation_id':%O,'title':'T','activity':'wandelen','place':'Dordrecht',"
	  "'dayparts':['mon-morning'],'volunteers_needed':99999999999999999999999}",
	  400, "", "invalid_json" },
	{ "missing Content-Type", NO_TYPE, "POST", "/api/organisations",
	  "{'name':'Zonder type','kind':'welfare','municipality':'Dordrecht'}", 415, "", NULL },
	{ "text/plain Content-Type", TEXT_TYPE, "PATCH", "/api/volunteers/%V",
	  "{'hours_per_week':3}", 415, "", NULL },
	{ "missing CSRF header", NO_CSRF, "POST", "/api/organisations",
	  "{'name':'Zonder token','kind':'welfare','municipality':'Dordrecht'}", 403, "", "csrf" },
	{ "wrong CSRF header", BAD_CSRF, "PATCH", "/api/calls/%C", "{'title':'Anders'}", 403, "",
	  "csrf" },

	/* Organisations */
	{ "organisation without name", PLAIN, "POST", "/api/organisations",
	  "{'kind':'welfare','municipality':'Dordrecht'}", 422, "name", "required" },
	{ "organisation name of spaces", PLAIN, "POST", "/api/organisations",
	  "{'name':'   ','kind':'welfare','municipality':'Dordrecht'}", 422, "name", "required" },
	{ "organisation name a number", PLAIN, "POST", "/api/organisations",
	  "{'name':42,'kind':'welfare','municipality':'Dordrecht'}", 422, "name", "wrong_type" },
	{ "organisation name 161 characters", PLAIN, "POST", "/api/organisations",
	  "{'name':'%L161;','kind':'welfare','municipality':'Dordrecht'}", 422, "name",
	  "too_long" },
	{ "organisation name with control character", PLAIN, "POST", "/api/organisations",
	  "{'name':'Bel\\u0007letje','kind':'welfare','municipality':'Dordrecht'}", 422, "name",
	  "invalid_text" },
	{ "organisation duplicate name", PLAIN, "POST", "/api/organisations",
	  "{'name':'%N','kind':'welfare','municipality':'Dordrecht'}", 409, "name", "duplicate" },
	{ "organisation unknown kind", PLAIN, "POST", "/api/organisations",
	  "{'name':'Ziekenhuis','kind':'hospital','municipality':'Dordrecht'}", 422, "kind",
	  "invalid_choice" },
	{ "organisation negative employees", PLAIN, "POST", "/api/organisations",
	  "{'name':'Min','kind':'welfare','municipality':'Dordrecht','employees':-1}", 422,
	  "employees", "out_of_range" },
	{ "organisation employees too many", PLAIN, "PATCH", "/api/organisations/%O",
	  "{'employees':1000001}", 422, "employees", "out_of_range" },
	{ "organisation VOG age zero", PLAIN, "PATCH", "/api/organisations/%O",
	  "{'vog_max_age_months':0}", 422, "vog_max_age_months", "out_of_range" },
	{ "organisation active as string", PLAIN, "PATCH", "/api/organisations/%O",
	  "{'active':'ja'}", 422, "active", "wrong_type" },
	{ "organisation unknown field", PLAIN, "POST", "/api/organisations",
	  "{'name':'Kleur','kind':'welfare','municipality':'Dordrecht','colour':'blue'}", 422,
	  "colour", "unknown_field" },
	{ "organisation id not a number", PLAIN, "PATCH", "/api/organisations/abc",
	  "{'employees':3}", 400, "id", "invalid_id" },

	/* Volunteers */
	{ "volunteer without first name", PLAIN, "POST", "/api/volunteers",
	  "{'last_name':'Smit','place':'Dordrecht','organisation_id':%O}", 422, "first_name",
	  "required" },
	{ "volunteer without place", PLAIN, "POST", "/api/volunteers",
	  "{'first_name':'Jan','last_name':'Smit','organisation_id':%O}", 422, "place",
	  "required" },
	{ "volunteer in Atlantis", PLAIN, "POST", "/api/volunteers",
	  "{'first_name':'Jan','last_name':'Smit','place':'Atlantis','organisation_id':%O}", 422,
	  "place", NULL },
	{ "volunteer first name 101 characters", PLAIN, "POST", "/api/volunteers",
	  "{'first_name':'%L101;','last_name':'Smit','place':'Dordrecht','organisation_id':%O}",
	  422, "first_name", "too_long" },
	{ "volunteer last name with escape character", PLAIN, "POST", "/api/volunteers",
	  "{'first_name':'Jan','last_name':'Sm\\u001bit','place':'Dordrecht','organisation_id':%O}",
	  422, "last_name", "invalid_text" },
	{ "volunteer motivation 2001 characters", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'motivation_text':'%L2001;'}", 422, "motivation_text", "too_long" },
	{ "volunteer birth year 1800", PLAIN, "PATCH", "/api/volunteers/%V", "{'birth_year':1800}",
	  422, "birth_year", "out_of_range" },
	{ "volunteer birth year as string", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'birth_year':'1960'}", 422, "birth_year", "wrong_type" },
	{ "volunteer unknown daypart", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'availability':['mon-night']}", 422, "availability", NULL },
	{ "volunteer availability not an array", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'availability':'mon-morning'}", 422, "availability", "wrong_type" },
	{ "volunteer unknown engagement", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'engagement':['sometimes']}", 422, "engagement", NULL },
	{ "volunteer unknown activity code", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'activities':['parachutespringen']}", 422, "activities", "unknown_item" },
	{ "volunteer 33 themes", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'themes':['a','b','c','d','e','f','g','h','i','j','k','l','m','n','o','p','q','r',"
	  "'s','t','u','v','w','x','y','z','aa','bb','cc','dd','ee','ff','gg']}",
	  422, "themes", "too_many" },
	{ "volunteer VOG date 30 February", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'vog_date':'2026-02-30'}", 422, "vog_date", "invalid_date" },
	{ "volunteer start date in Dutch order", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'started_on':'01-09-2024'}", 422, "started_on", "invalid_date" },
	{ "volunteer negative hours", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'hours_per_week':-1}", 422, "hours_per_week", "out_of_range" },
	{ "volunteer huge distance", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'max_distance_km':9223372036854775807}", 422, "max_distance_km", "out_of_range" },
	{ "volunteer zero max matches", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'max_matches':0}", 422, "max_matches", "out_of_range" },
	{ "volunteer unknown travel mode", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'travel_mode':'teleport'}", 422, "travel_mode", "invalid_choice" },
	{ "volunteer unknown status", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'status':'retired'}", 422, "status", "invalid_choice" },
	{ "volunteer e-mail without @", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'email':'geen-adres'}", 422, "email", "invalid_email" },
	{ "volunteer moved to Atlantis", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'place':'Atlantis','hours_per_week':2}", 422, "place", NULL },
	{ "volunteer unknown field", PLAIN, "PATCH", "/api/volunteers/%V",
	  "{'salary':1000}", 422, "salary", "unknown_field" },
	{ "volunteer unknown organisation", PLAIN, "POST", "/api/volunteers",
	  "{'first_name':'Jan','last_name':'Smit','place':'Dordrecht','organisation_id':999999}",
	  422, "organisation_id", "unknown_reference" },
	{ "volunteer organisation id as string", PLAIN, "POST", "/api/volunteers",
	  "{'first_name':'Jan','last_name':'Smit','place':'Dordrecht','organisation_id':'%O'}",
	  422, "organisation_id", "wrong_type" },
	{ "volunteer negative organisation id", PLAIN, "POST", "/api/volunteers",
	  "{'first_name':'Jan','last_name':'Smit','place':'Dordrecht','organisation_id':-3}", 422,
	  "organisation_id", "invalid_id" },
	{ "volunteer id not a number", PLAIN, "GET", "/api/volunteers/abc", NULL, 400, "id",
	  "invalid_id" },
	{ "volunteer id zero", PLAIN, "PATCH", "/api/volunteers/0", "{'hours_per_week':3}", 400,
	  "id", "invalid_id" },
	{ "volunteer that does not exist", PLAIN, "PATCH", "/api/volunteers/999999",
	  "{'hours_per_week':3}", 404, NULL, NULL },

	/* List queries */
	{ "limit 0", PLAIN, "GET", "/api/volunteers?limit=0", NULL, 400, "limit", "out_of_range" },
	{ "limit 1000", PLAIN, "GET", "/api/calls?limit=1000", NULL, 400, "limit",
	  "out_of_range" },
	{ "offset -1", PLAIN, "GET", "/api/matches?offset=-1", NULL, 400, "offset",
	  "out_of_range" },
	{ "limit not a number", PLAIN, "GET", "/api/organisations?limit=ten", NULL, 400, "limit",
	  "out_of_range" },
	{ "unknown status filter", PLAIN, "GET", "/api/volunteers?status=retired", NULL, 400,
	  "status", "invalid_choice" },
	{ "unknown activity filter", PLAIN, "GET", "/api/calls?activity=zweefvliegen", NULL, 400,
	  "activity", "unknown_item" },
	{ "organisation filter not an id", PLAIN, "GET", "/api/volunteers?organisation_id=abc",
	  NULL, 400, "organisation_id", "invalid_id" },
	{ "search text too long", PLAIN, "GET", "/api/volunteers?q=%L101;", NULL, 400, "q",
	  "too_long" },
	{ "unknown list kind", PLAIN, "GET", "/api/lists/planets", NULL, 404, "kind", NULL },
	{ "search text with invalid UTF-8", PLAIN, "GET", "/api/volunteers?q=%%FF%%FE", NULL, 400,
	  "q", "invalid_text" },
	{ "search text with control character", PLAIN, "GET", "/api/calls?q=a%%07b", NULL, 400, "q",
	  "invalid_text" },
	{ "URL path over 2048 bytes", PLAIN, "GET", "/api/organisations/%L2100;", NULL, 414, "",
	  NULL },
	{ "unknown route", PLAIN, "GET", "/api/vrijwilligers", NULL, 404, "", "no_route" },
	{ "method not allowed", PLAIN, "DELETE", "/api/volunteers/%V", NULL, 405, "",
	  "method_not_allowed" },
	{ "PUT instead of PATCH", PLAIN, "PUT", "/api/organisations/%O", "{'employees':3}", 405, "",
	  "method_not_allowed" },

	/* Calls */
	{ "call without title", PLAIN, "POST", "/api/calls",
	  "{'organisation_id':%O,'activity':'wandelen','place':'Dordrecht',"
	  "'dayparts':['mon-morning']}",
	  422, "title", "required" },
	{ "call title 161 characters", PLAIN, "PATCH", "/api/calls/%C", "{'title':'%L161;'}", 422,
	  "title", "too_long" },
	{ "call without activity", PLAIN, "POST", "/api/calls",
	  "{'organisation_id':%O,'title':'Hulp','place':'Dordrecht','dayparts':['mon-morning']}",
	  422, "activity", "required" },
	{ "call unknown activity", PLAIN, "POST", "/api/calls",
	  "{'organisation_id':%O,'title':'Hulp','activity':'zweefvliegen','place':'Dordrecht',"
	  "'dayparts':['mon-morning']}",
	  422, "activity", "unknown_item" },
	{ "call in Atlantis", PLAIN, "POST", "/api/calls",
	  "{'organisation_id':%O,'title':'Hulp','activity':'wandelen','place':'Atlantis',"
	  "'dayparts':['mon-morning']}",
	  422, "place", NULL },
	{ "call without organisation", PLAIN, "POST", "/api/calls",
	  "{'title':'Hulp','activity':'wandelen','place':'Dordrecht','dayparts':['mon-morning']}",
	  422, "organisation_id", "required" },
	{ "call with date and dayparts", PLAIN, "POST", "/api/calls",
	  "{'organisation_id':%O,'title':'Hulp','activity':'wandelen','place':'Dordrecht',"
	  "'dayparts':['mon-morning'],'one_off_date':'2030-12-01'}",
	  422, "dayparts", "schedule_conflict" },
	{ "call with neither date nor dayparts", PLAIN, "POST", "/api/calls",
	  "{'organisation_id':%O,'title':'Hulp','activity':'wandelen','place':'Dordrecht'}", 422,
	  "one_off_date", "schedule_required" },
	{ "call date 30 February", PLAIN, "POST", "/api/calls",
	  "{'organisation_id':%O,'title':'Hulp','activity':'wandelen','place':'Dordrecht',"
	  "'one_off_date':'2026-02-30'}",
	  422, "one_off_date", "invalid_date" },
	{ "call start time 25:00", PLAIN, "PATCH", "/api/calls/%C", "{'start_time':'25:00'}", 422,
	  "start_time", "invalid_time" },
	{ "call start time 9.30", PLAIN, "PATCH", "/api/calls/%C", "{'start_time':'9.30'}", 422,
	  "start_time", "invalid_time" },
	{ "call unknown daypart", PLAIN, "PATCH", "/api/calls/%C", "{'dayparts':['mon-nacht']}",
	  422, "dayparts", NULL },
	{ "call duration 5 minutes", PLAIN, "PATCH", "/api/calls/%C", "{'duration_minutes':5}",
	  422, "duration_minutes", "out_of_range" },
	{ "call zero volunteers", PLAIN, "PATCH", "/api/calls/%C", "{'volunteers_needed':0}", 422,
	  "volunteers_needed", "out_of_range" },
	{ "call VOG as string", PLAIN, "PATCH", "/api/calls/%C", "{'requires_vog':'ja'}", 422,
	  "requires_vog", "wrong_type" },
	{ "call unknown source", PLAIN, "PATCH", "/api/calls/%C", "{'source':'telefoon'}", 422,
	  "source", "invalid_choice" },
	{ "call unknown engagement", PLAIN, "PATCH", "/api/calls/%C", "{'engagement':'vaak'}", 422,
	  "engagement", "invalid_choice" },
	{ "call unknown status", PLAIN, "PATCH", "/api/calls/%C", "{'status':'halfvol'}", 422,
	  "status", "invalid_choice" },
	{ "call unknown language", PLAIN, "PATCH", "/api/calls/%C",
	  "{'required_languages':['klingon']}", 422, "required_languages", "unknown_item" },
	{ "call description as object", PLAIN, "PATCH", "/api/calls/%C",
	  "{'description':{'nl':'tekst'}}", 422, "description", "wrong_type" },

	/* Matches */
	{ "match without call", PLAIN, "POST", "/api/matches", "{'volunteer_id':%V}", 422,
	  "call_id", "required" },
	{ "match for unknown call", PLAIN, "POST", "/api/matches",
	  "{'call_id':999999,'volunteer_id':%V}", 422, "call_id", "unknown_reference" },
	{ "match for unknown volunteer", PLAIN, "POST", "/api/matches",
	  "{'call_id':%C,'volunteer_id':999999}", 422, "volunteer_id", "unknown_reference" },
	{ "match for paused volunteer", PLAIN, "POST", "/api/matches",
	  "{'call_id':%C,'volunteer_id':%P}", 409, "volunteer_id", "volunteer_not_active" },
	{ "match beyond capacity", PLAIN, "POST", "/api/matches",
	  "{'call_id':%C,'volunteer_id':%F}", 409, "volunteer_id", "capacity_reached" },
	{ "match for closed call", PLAIN, "POST", "/api/matches",
	  "{'call_id':%X,'volunteer_id':%V}", 409, "call_id", "call_not_open" },
	{ "match with an explanation of the page's", PLAIN, "POST", "/api/matches",
	  "{'call_id':%C,'volunteer_id':%V,'explanation':'Ervaringsdeskundig'}", 422, "explanation",
	  "unknown_field" },
	{ "match proposed to active", PLAIN, "PATCH", "/api/matches/%M", "{'status':'active'}", 409,
	  "status", "invalid_transition" },
	{ "match declined without reason", PLAIN, "PATCH", "/api/matches/%M",
	  "{'status':'declined'}", 422, "reason", "required" },
	{ "match unknown status", PLAIN, "PATCH", "/api/matches/%M", "{'status':'misschien'}", 422,
	  "status", "invalid_choice" },
	{ "match without status", PLAIN, "PATCH", "/api/matches/%M", "{'reason':'zomaar'}", 422,
	  "status", "required" },
	{ "match reason 501 characters", PLAIN, "PATCH", "/api/matches/%M",
	  "{'status':'declined','reason':'%L501;'}", 422, "reason", "too_long" },

	/* Accounts, sign-up, login */
	{ "account duplicate e-mail", PLAIN, "POST", "/api/accounts",
	  "{'email':'%E','display_name':'Dubbel',"
	  "'role':'coordinator','organisation_id':%O}",
	  409, "email", "duplicate" },
	{ "account unknown role", PLAIN, "POST", "/api/accounts",
	  "{'email':'rol@test.nl','display_name':'Rol',"
	  "'role':'superuser'}",
	  422, "role", "invalid_choice" },
	{ "coordinator account without organisation", PLAIN, "POST", "/api/accounts",
	  "{'email':'co@test.nl','display_name':'Co',"
	  "'role':'coordinator'}",
	  422, "organisation_id", "required" },
	{ "volunteer account without volunteer", PLAIN, "POST", "/api/accounts",
	  "{'email':'vw@test.nl','display_name':'Vw',"
	  "'role':'volunteer'}",
	  422, "volunteer_id", "required" },
	{ "account with a password chosen by staff", PLAIN, "POST", "/api/accounts",
	  "{'email':'kort@test.nl','password':'lang-genoeg-123','display_name':'Kort',"
	  "'role':'referrer'}",
	  422, "password", "invitation_only" },
	{ "account e-mail without domain", PLAIN, "POST", "/api/accounts",
	  "{'email':'iemand@','display_name':'X','role':'referrer'}",
	  422, "email", "invalid_email" },
	{ "sign-up duplicate e-mail", ANON, "POST", "/api/signup",
	  "{'email':'%E','password':'lang-genoeg-123','first_name':'Piet','last_name':'Klaas',"
	  "'place':'Dordrecht','organisation_id':%O}",
	  409, "email", "duplicate" },
	{ "sign-up password too short", ANON, "POST", "/api/signup",
	  "{'email':'piet@test.nl','password':'123456789','first_name':'Piet',"
	  "'last_name':'Klaas','place':'Dordrecht','organisation_id':%O}",
	  422, "password", "too_short" },
	{ "sign-up in Atlantis", ANON, "POST", "/api/signup",
	  "{'email':'piet@test.nl','password':'lang-genoeg-123','first_name':'Piet',"
	  "'last_name':'Klaas','place':'Atlantis','organisation_id':%O}",
	  422, "place", NULL },
	{ "sign-up unknown organisation", ANON, "POST", "/api/signup",
	  "{'email':'piet@test.nl','password':'lang-genoeg-123','first_name':'Piet',"
	  "'last_name':'Klaas','place':'Dordrecht','organisation_id':999999}",
	  422, "organisation_id", "unknown_reference" },
	{ "sign-up asks for a role", ANON, "POST", "/api/signup",
	  "{'email':'piet@test.nl','password':'lang-genoeg-123','first_name':'Piet',"
	  "'last_name':'Klaas','place':'Dordrecht','organisation_id':%O,'role':'admin'}",
	  422, "role", "unknown_field" },
	{ "login without password", ANON, "POST", "/api/session", "{'email':'%E'}", 422,
	  "password", "required" },

	/* Shared lists */
	{ "list code with capitals and space", PLAIN, "POST", "/api/lists/activity",
	  "{'code':'Fiets Maatje','label_nl':'Fietsmaatje'}", 422, "code", "invalid_code" },
	{ "list item duplicate code", PLAIN, "POST", "/api/lists/activity",
	  "{'code':'wandelen','label_nl':'Nog eens wandelen'}", 409, "code", "duplicate" },
	{ "list item without Dutch label", PLAIN, "POST", "/api/lists/theme",
	  "{'code':'sport'}", 422, "label_nl", "required" },
	{ "list item negative position", PLAIN, "POST", "/api/lists/theme",
	  "{'code':'sport','label_nl':'Sport','position':-5}", 422, "position", "out_of_range" },
};

enum { N_CASES = (int)(sizeof cases / sizeof cases[0]) };

static struct env *env; /* the group's server; each test's state is its row */
static struct client observer; /* a second admin session for the before/after views */

static struct fixture {
	int64_t org, active, paused, full, open_call, closed_call, match;
	char org_name[200], email[64];
} fx;

static int setup(void **state)
{
	if (env_setup(state) != 0)
		return -1;
	struct env *e = *state;
	struct client *a = &e->admin;
	env = e;
	fx.org = fx_organisation(a, "Vaste organisatie");
	char path[64];
	snprintf(path, sizeof path, "/api/organisations/%lld", (long long)fx.org);
	json_t *doc = client_request(a, "GET", path, NULL, NULL);
	snprintf(fx.org_name, sizeof fx.org_name, "%s", json_str(doc, "name"));
	json_decref(doc);
	fx.active = fx_volunteer(a, fx.org, "active");
	fx.paused = fx_volunteer(a, fx.org, "paused");
	fx.full = fx_volunteer(a, fx.org, "active");
	fx.open_call = fx_call(a, fx.org, "Open oproep");
	fx.closed_call = fx_call(a, fx.org, "Gesloten oproep");
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)fx.closed_call);
	json_decref(client_request(a, "PATCH", path, "{\"status\":\"closed\"}", NULL));
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)fx.full);
	json_decref(client_request(a, "PATCH", path, "{\"max_matches\":1}", NULL));
	fx_match(a, fx_call(a, fx.org, "Eerdere oproep"), fx.full);
	fx.match = fx_match(a, fx.open_call, fx.active);
	fx_email(&e->srv, "bestaand", fx.email, sizeof fx.email);
	fx_account(a, "coordinator", fx.email, fx.org, 0);
	client_init(&observer, &e->srv);
	if (client_login(&observer, ADMIN_EMAIL, ADMIN_PASSWORD) != 201)
		return -1;
	/* No group state: cmocka then hands each test its own row. */
	*state = NULL;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	client_free(&observer);
	void *e = env;
	env = NULL;
	return env_teardown(&e);
}

static void put_id(char **o, const char *end, int64_t id)
{
	int n = snprintf(*o, (size_t)(end - *o), "%lld", (long long)id);
	*o += n > 0 && *o + n < end ? n : 0;
}

/* Fills placeholders and turns ' into "; the result is malloc'd. */
static char *expand(const char *in)
{
	size_t cap = strlen(in) + 4096;
	char *out = malloc(cap), *o = out;
	const char *end = out + cap - 1;
	for (const char *p = in; *p && o < end; p++) {
		if (*p == '\'') {
			*o++ = '"';
			continue;
		}
		if (*p != '%') {
			*o++ = *p;
			continue;
		}
		switch (*++p) {
		case 'O': put_id(&o, end, fx.org); break;
		case 'V': put_id(&o, end, fx.active); break;
		case 'P': put_id(&o, end, fx.paused); break;
		case 'F': put_id(&o, end, fx.full); break;
		case 'C': put_id(&o, end, fx.open_call); break;
		case 'X': put_id(&o, end, fx.closed_call); break;
		case 'M': put_id(&o, end, fx.match); break;
		case 'N':
			for (const char *s = fx.org_name; *s && o < end; s++)
				*o++ = *s;
			break;
		case 'E':
			for (const char *s = fx.email; *s && o < end; s++)
				*o++ = *s;
			break;
		case 'L': {
			long n = strtol(p + 1, (char **)&p, 10); /* p now at ';' */
			for (long i = 0; i < n && o < end; i++)
				*o++ = (char)('a' + i % 26);
			break;
		}
		default: /* "%%" */
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

static char *big_body(void)
{
	size_t n = 70 * 1024;
	char *b = malloc(n + 64);
	int k = snprintf(b, 64, "{\"description\":\"");
	memset(b + k, 'x', n);
	memcpy(b + k + n, "\"}", 3);
	return b;
}

static char *deep_body(void)
{
	/* {"name":[[[[[[[[["x"]]]]]]]]]}: nine levels with the object. */
	static const char text[] = "{\"name\":[[[[[[[[\"x\"]]]]]]]]}";
	return strdup(text);
}

struct snapshot {
	int64_t totals[5];
	uint64_t fingerprint;
	json_t *target; /* representation of a PATCH target */
};

static const char *const list_paths[5] = {
	"/api/organisations?limit=1", "/api/volunteers?limit=1", "/api/calls?limit=1",
	"/api/matches?limit=1", "/api/accounts?limit=1",
};

static void take_totals(struct snapshot *s, const char *method, const char *path)
{
	for (int i = 0; i < 5; i++)
		s->totals[i] = client_total(&observer, list_paths[i]);
	s->target = NULL;
	if (strcmp(method, "PATCH") == 0)
		s->target = client_request(&observer, "GET", path, NULL, NULL);
}

static void run_case(struct env *e, const struct bad *b)
{
	char *path = expand(b->path);
	char *body = b->how == BIG ? big_body() : b->how == DEEP ? deep_body()
	             : b->body   ? expand(b->body)
	                         : NULL;
	struct client anon, *cl = &e->admin;
	client_init(&anon, &e->srv);
	if (b->how == ANON)
		cl = &anon;

	struct snapshot before, after;
	take_totals(&before, b->method, path);
	before.fingerprint = db_fingerprint(&e->srv);

	size_t len = body ? strlen(body) : 0;
	const char *type = b->how == NO_TYPE     ? NULL
	                   : b->how == TEXT_TYPE ? "text/plain"
	                   : body                ? "application/json"
	                                         : NULL;
	char saved[128];
	snprintf(saved, sizeof saved, "%s", cl->csrf);
	if (b->how == BAD_CSRF)
		snprintf(cl->csrf, sizeof cl->csrf, "%s", "0000000000000000000000000000000000000000");
	json_t *doc = client_raw(cl, b->method, path, body, len, type, b->how != NO_CSRF, NULL);
	snprintf(cl->csrf, sizeof cl->csrf, "%s", saved);

	after.fingerprint = db_fingerprint(&e->srv);
	take_totals(&after, b->method, path);

	assert_problem(cl, doc, b->status, b->field);
	if (b->code != NULL)
		assert_string_equal(json_str(doc, "code"), b->code);
	for (int i = 0; i < 5; i++)
		assert_int_equal(before.totals[i], after.totals[i]);
	assert_true(before.fingerprint == after.fingerprint);
	if (before.target != NULL || after.target != NULL)
		assert_true(json_equal(before.target, after.target));

	json_decref(doc);
	json_decref(before.target);
	json_decref(after.target);
	client_free(&anon);
	free(path);
	free(body);
}

static void one_case(void **state)
{
	run_case(env, *state);
}

static void all_cases_distinct(void **state)
{
	(void)state;
	for (int i = 0; i < N_CASES; i++)
		for (int j = i + 1; j < N_CASES; j++) {
			bool same = strcmp(cases[i].method, cases[j].method) == 0 &&
			            strcmp(cases[i].path, cases[j].path) == 0 &&
			            cases[i].how == cases[j].how &&
			            ((cases[i].body == NULL && cases[j].body == NULL) ||
			             (cases[i].body && cases[j].body &&
			              strcmp(cases[i].body, cases[j].body) == 0));
			if (same || strcmp(cases[i].name, cases[j].name) == 0)
				fail_msg("cases %d and %d are the same", i, j);
		}
	assert_true(N_CASES >= 40);
}

int main(void)
{
	struct CMUnitTest tests[N_CASES + 1];
	for (int i = 0; i < N_CASES; i++)
		tests[i] = (struct CMUnitTest){ cases[i].name, one_case, NULL, NULL,
		                                (void *)&cases[i] };
	tests[N_CASES] = (struct CMUnitTest){ "all cases distinct", all_cases_distinct, NULL, NULL,
	                                      NULL };
	return _cmocka_run_group_tests("bad_input", tests, N_CASES + 1, setup, teardown);
}
