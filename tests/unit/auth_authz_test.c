/* Tests for src/auth/authz.c: every role × resource × action × relation to
   the record (own organisation, other organisation, self, created by me,
   with and without consent), against a table written from DESIGN.md §1, §3
   and §7, and the list scopes that must never show what a read refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "auth/authz.h"

enum { OWN_ORG = 10, OTHER_ORG = 20, ME_ACCOUNT = 100, OTHER_ACCOUNT = 200,
       ME_VOLUNTEER = 1000, OTHER_VOLUNTEER = 2000 };

/* Decision letters, one per action (list read create update delete export):
   Y always, N never, O own organisation, S about the caller's own volunteer
   record, C created by the caller, V own organisation or the volunteer's
   consent reaches the caller's organisation, E lived experience with its
   consent (own organisation, or another one the consent reaches),
   X own organisation with experience consent, Z self with experience consent,
   W own organisation on a match the volunteer accepted, T self on such a match. */
static const char *const table[ROLE_COUNT][RES_COUNT] = {
	[ROLE_ANONYMOUS] = {
		[RES_ORGANISATION] = "YYNNNN", [RES_LIST_ITEM] = "YYNNNN",
		[RES_VOLUNTEER] = "NNNNNN", [RES_EXPERIENCE] = "NNNNNN", [RES_CALL] = "NNNNNN",
		[RES_MATCH] = "NNNNNN", [RES_ACCOUNT] = "NNNNNN", [RES_CONSENT] = "NNNNNN",
		[RES_AUDIT] = "NNNNNN", [RES_SESSION] = "NNNNNN",
		[RES_JOURNEY] = "NNNNNN", [RES_JOURNEY_REQUEST] = "NNNNNN", [RES_TRANSFER] = "NNNNNN",
		[RES_TASK] = "NNNNNN", [RES_APPRECIATION] = "NNNNNN",
		[RES_OUTBOX] = "NNNNNN", [RES_SUGGESTION] = "NNNNNN", [RES_REQUEST_TEXT] = "NNNNNN",
		[RES_REPORT] = "NNNNNN",
		[RES_HOURS] = "NNNNNN", [RES_EXPENSE] = "NNNNNN", [RES_APPROVAL] = "NNNNNN",
		[RES_ALLOWANCE] = "NNNNNN", [RES_PAYMENT] = "NNNNNN",
		[RES_TOTP] = "NNNNNN",
		[RES_NETWORK] = "NNNNNN",
		[RES_MATCH_PEOPLE] = "NNNNNN",
		[RES_NOTE] = "NNNNNN",
		[RES_NEWSLETTER] = "NNNNNN",
		[RES_CALENDAR_FEED] = "NNNNNN",
		[RES_OFFER] = "YYNNNN",
		[RES_PUBLIC_CALL] = "YYNNNN",
		[RES_CONTACT_POINT] = "YYNNNN", [RES_HELP_REQUEST] = "NNYNNN",
		[RES_CLIENT_RECORD] = "NNNNNN",
		[RES_LOCATION] = "NNNNNN",
		[RES_NOTIFICATION] = "NNNNNN",
	},
	[ROLE_ADMIN] = {
		[RES_ORGANISATION] = "YYYYYY", [RES_LIST_ITEM] = "YYYYYY",
		[RES_VOLUNTEER] = "YYYYYY", [RES_EXPERIENCE] = "NNNNNN", [RES_CALL] = "YYYYYY",
		[RES_MATCH] = "YYYYYY", [RES_ACCOUNT] = "YYYYYY", [RES_CONSENT] = "NYNNYN",
		[RES_AUDIT] = "YYYYYY", [RES_SESSION] = "YNNNYN",
		[RES_JOURNEY] = "YYYYYY", [RES_JOURNEY_REQUEST] = "YYYYYY", [RES_TRANSFER] = "YYYYYY",
		[RES_TASK] = "YYYYYY", [RES_APPRECIATION] = "YYYYYY",
		[RES_OUTBOX] = "YYYYYY", [RES_SUGGESTION] = "YYYYYY", [RES_REQUEST_TEXT] = "NNNNNN",
		[RES_REPORT] = "NYNNNN",
		[RES_HOURS] = "YYNNNN", [RES_EXPENSE] = "YYNNNN", [RES_APPROVAL] = "NNNNNN",
		[RES_ALLOWANCE] = "YYYYYY", [RES_PAYMENT] = "NNNNNN",
		[RES_TOTP] = "NYYYYN",
		[RES_NETWORK] = "YYYYYY",
		[RES_MATCH_PEOPLE] = "NYNNNN",
		[RES_NOTE] = "YYNNNN",
		[RES_NEWSLETTER] = "YYYYYY",
		[RES_CALENDAR_FEED] = "NYYNYN",
		[RES_OFFER] = "YYYYYY",
		[RES_PUBLIC_CALL] = "YYNNNN",
		[RES_CONTACT_POINT] = "YYNYNN", [RES_HELP_REQUEST] = "YYNNNN",
		[RES_CLIENT_RECORD] = "NNNNYY",
		[RES_LOCATION] = "YYYYYY",
		[RES_NOTIFICATION] = "NYNYNN",
	},
	[ROLE_COORDINATOR] = {
		[RES_ORGANISATION] = "YYNONN", [RES_LIST_ITEM] = "YYNNNN",
		[RES_VOLUNTEER] = "YVOONN", [RES_EXPERIENCE] = "NENXNN", [RES_CALL] = "YOOOOO",
		[RES_MATCH] = "YOOOOO", [RES_ACCOUNT] = "YNOONN", [RES_CONSENT] = "NONNON",
		[RES_AUDIT] = "NNNNNN", [RES_SESSION] = "YNNNYN",
		[RES_JOURNEY] = "YOOONN", [RES_JOURNEY_REQUEST] = "NONNNN", [RES_TRANSFER] = "YOOONN",
		[RES_TASK] = "YOONNN", [RES_APPRECIATION] = "NOONNN",
		[RES_OUTBOX] = "YOONNN", [RES_SUGGESTION] = "OOONNN", [RES_REQUEST_TEXT] = "NONNNN",
		[RES_REPORT] = "NONNNN",
		[RES_HOURS] = "YOOONN", [RES_EXPENSE] = "YOOONN", [RES_APPROVAL] = "NNNONN",
		[RES_ALLOWANCE] = "NYNONN", [RES_PAYMENT] = "NONONO",
		[RES_TOTP] = "NYYYYN",
		[RES_NETWORK] = "NNNNNN",
		[RES_MATCH_PEOPLE] = "NONNNN",
		[RES_NOTE] = "OOONNN",
		[RES_NEWSLETTER] = "YOOONN",
		[RES_CALENDAR_FEED] = "NOONON",
		[RES_OFFER] = "YYNONN",
		[RES_PUBLIC_CALL] = "YYNNNN",
		[RES_CONTACT_POINT] = "YYNNNN", [RES_HELP_REQUEST] = "YONONN",
		[RES_CLIENT_RECORD] = "NNNNNN",
		[RES_LOCATION] = "YOOONN",
		[RES_NOTIFICATION] = "NYNYNN",
	},
	[ROLE_PROFESSIONAL] = {
		[RES_ORGANISATION] = "YYNNNN", [RES_LIST_ITEM] = "YYNNNN",
		[RES_VOLUNTEER] = "NNNNNN", [RES_EXPERIENCE] = "NNNNNN", [RES_CALL] = "YOOOOO",
		[RES_MATCH] = "YONONN", [RES_ACCOUNT] = "NNNNNN", [RES_CONSENT] = "NNNNNN",
		[RES_AUDIT] = "NNNNNN", [RES_SESSION] = "YNNNYN",
		[RES_JOURNEY] = "NNNNNN", [RES_JOURNEY_REQUEST] = "NNNNNN", [RES_TRANSFER] = "NNNNNN",
		[RES_TASK] = "NNNNNN", [RES_APPRECIATION] = "NNNNNN",
		[RES_OUTBOX] = "NNNNNN", [RES_SUGGESTION] = "ONNNNN", [RES_REQUEST_TEXT] = "NONNNN",
		[RES_REPORT] = "NNNNNN",
		[RES_HOURS] = "NNNNNN", [RES_EXPENSE] = "NNNNNN", [RES_APPROVAL] = "NNNNNN",
		[RES_ALLOWANCE] = "NNNNNN", [RES_PAYMENT] = "NNNNNN",
		[RES_TOTP] = "NNNNNN",
		[RES_NETWORK] = "NNNNNN",
		[RES_MATCH_PEOPLE] = "NWNNNN",
		[RES_NOTE] = "NNNNNN",
		[RES_NEWSLETTER] = "NNNNNN",
		[RES_CALENDAR_FEED] = "NNNNNN",
		[RES_OFFER] = "YYNNNN",
		[RES_PUBLIC_CALL] = "YYNNNN",
		[RES_CONTACT_POINT] = "YYNNNN", [RES_HELP_REQUEST] = "NNNNNN",
		[RES_CLIENT_RECORD] = "NNNNNN",
		[RES_LOCATION] = "YONNNN",
		[RES_NOTIFICATION] = "NYNYNN",
	},
	[ROLE_VOLUNTEER] = {
		[RES_ORGANISATION] = "YYNNNN", [RES_LIST_ITEM] = "YYNNNN",
		[RES_VOLUNTEER] = "YSNSSS", [RES_EXPERIENCE] = "NSNZNN", [RES_CALL] = "YSSNNN",
		[RES_MATCH] = "YSSSSS", [RES_ACCOUNT] = "NNNNNN", [RES_CONSENT] = "NSNSSN",
		[RES_AUDIT] = "NSNNNN", [RES_SESSION] = "YNNNYN",
		[RES_JOURNEY] = "YSNNNN", [RES_JOURNEY_REQUEST] = "NSSNNN", [RES_TRANSFER] = "YSSSNN",
		[RES_TASK] = "NNNNNN", [RES_APPRECIATION] = "NSSSNN",
		[RES_OUTBOX] = "NNNNNN", [RES_SUGGESTION] = "NSNNNN", [RES_REQUEST_TEXT] = "NNNNNN",
		[RES_REPORT] = "NNNNNN",
		[RES_HOURS] = "YSSSNN", [RES_EXPENSE] = "YSSNNN", [RES_APPROVAL] = "NNNNNN",
		[RES_ALLOWANCE] = "NYNNNN", [RES_PAYMENT] = "NNNNNN",
		[RES_TOTP] = "NNNNNN",
		[RES_NETWORK] = "NNNNNN",
		[RES_MATCH_PEOPLE] = "NTNNNN",
		[RES_NOTE] = "NNNNNN",
		[RES_NEWSLETTER] = "YSNNNN",
		[RES_CALENDAR_FEED] = "NSSNSN",
		[RES_OFFER] = "YYNNNN",
		[RES_PUBLIC_CALL] = "YYNNNN",
		[RES_CONTACT_POINT] = "YYNNNN", [RES_HELP_REQUEST] = "NNNNNN",
		[RES_CLIENT_RECORD] = "NNNNNN",
		[RES_LOCATION] = "NNNNNN",
		[RES_NOTIFICATION] = "NYNYNN",
	},
	[ROLE_REFERRER] = {
		[RES_ORGANISATION] = "YYNNNN", [RES_LIST_ITEM] = "YYNNNN",
		[RES_VOLUNTEER] = "NNNNNN", [RES_EXPERIENCE] = "NNNNNN", [RES_CALL] = "YCYNNN",
		[RES_MATCH] = "NNNNNN", [RES_ACCOUNT] = "NNNNNN", [RES_CONSENT] = "NNNNNN",
		[RES_AUDIT] = "NNNNNN", [RES_SESSION] = "YNNNYN",
		[RES_JOURNEY] = "NNNNNN", [RES_JOURNEY_REQUEST] = "NNNNNN", [RES_TRANSFER] = "NNNNNN",
		[RES_TASK] = "NNNNNN", [RES_APPRECIATION] = "NNNNNN",
		[RES_OUTBOX] = "NNNNNN", [RES_SUGGESTION] = "NNNNNN", [RES_REQUEST_TEXT] = "NCNNNN",
		[RES_REPORT] = "NNNNNN",
		[RES_HOURS] = "NNNNNN", [RES_EXPENSE] = "NNNNNN", [RES_APPROVAL] = "NNNNNN",
		[RES_ALLOWANCE] = "NNNNNN", [RES_PAYMENT] = "NNNNNN",
		[RES_TOTP] = "NNNNNN",
		[RES_NETWORK] = "NNNNNN",
		[RES_MATCH_PEOPLE] = "NNNNNN",
		[RES_NOTE] = "NNNNNN",
		[RES_NEWSLETTER] = "NNNNNN",
		[RES_CALENDAR_FEED] = "NNNNNN",
		[RES_OFFER] = "YYNNNN",
		[RES_PUBLIC_CALL] = "YYNNNN",
		[RES_CONTACT_POINT] = "YYNNNN", [RES_HELP_REQUEST] = "YCYNNN",
		[RES_CLIENT_RECORD] = "NCNNNN",
		[RES_LOCATION] = "NNNNNN",
		[RES_NOTIFICATION] = "NYNYNN",
	},
};

static struct principal caller(int role)
{
	struct principal p = { 0 };
	p.role = role;
	if (role == ROLE_ANONYMOUS)
		return p;
	p.account_id = ME_ACCOUNT;
	if (role == ROLE_COORDINATOR || role == ROLE_PROFESSIONAL || role == ROLE_REFERRER ||
	    role == ROLE_VOLUNTEER)
		p.organisation_id = OWN_ORG;
	if (role == ROLE_VOLUNTEER)
		p.volunteer_id = ME_VOLUNTEER;
	return p;
}

/* The relations a record can have to the caller. */
struct relation {
	const char *name;
	struct authz_target t;
	int consent;   /* 0 none, 1 network without experience, 2 network with experience,
	                  3 explicit experience consent only (no profile reach) */
};

static const struct relation relations[] = {
	{ "no target", { 0 }, 0 },
	{ "own organisation", { OWN_ORG, OTHER_VOLUNTEER, OTHER_ACCOUNT, NULL }, 0 },
	{ "other organisation", { OTHER_ORG, OTHER_VOLUNTEER, OTHER_ACCOUNT, NULL }, 0 },
	{ "self", { OWN_ORG, ME_VOLUNTEER, OTHER_ACCOUNT, NULL }, 0 },
	{ "other volunteer of other org, self created", { OTHER_ORG, OTHER_VOLUNTEER, ME_ACCOUNT,
	                                                 NULL }, 0 },
	{ "other organisation, consent network", { OTHER_ORG, OTHER_VOLUNTEER, OTHER_ACCOUNT,
	                                            NULL }, 1 },
	{ "other organisation, consent network+experience", { OTHER_ORG, OTHER_VOLUNTEER,
	                                                       OTHER_ACCOUNT, NULL }, 2 },
	{ "own organisation, experience consent", { OWN_ORG, OTHER_VOLUNTEER, OTHER_ACCOUNT,
	                                            NULL }, 3 },
	{ "other organisation, experience consent only", { OTHER_ORG, OTHER_VOLUNTEER,
	                                                   OTHER_ACCOUNT, NULL }, 3 },
	{ "self, experience consent", { OWN_ORG, ME_VOLUNTEER, OTHER_ACCOUNT, NULL }, 3 },
	{ "own organisation, worked together", { OWN_ORG, OTHER_VOLUNTEER, OTHER_ACCOUNT, NULL,
	                                         .worked_together = true }, 0 },
	{ "other organisation, worked together", { OTHER_ORG, OTHER_VOLUNTEER, OTHER_ACCOUNT,
	                                           NULL, .worked_together = true }, 0 },
	{ "self, worked together", { OWN_ORG, ME_VOLUNTEER, OTHER_ACCOUNT, NULL,
	                             .worked_together = true }, 0 },
};

static bool expected(char letter, const struct principal *who, const struct relation *r)
{
	const struct authz_target *t = &r->t;
	bool own = who->organisation_id > 0 && t->organisation_id == who->organisation_id;
	bool self = who->volunteer_id > 0 && t->volunteer_id == who->volunteer_id;
	bool reach = r->consent == 1 || r->consent == 2;   /* profile reaches other orgs */
	bool experience = r->consent >= 2;
	switch (letter) {
	case 'Y': return true;
	case 'N': return false;
	case 'O': return own;
	case 'S': return self;
	case 'C': return t->created_by == who->account_id && who->account_id > 0;
	case 'V': return own || reach;
	case 'E': return experience && (own || reach);
	case 'X': return own && experience;
	case 'Z': return self && experience;
	case 'W': return own && t->worked_together;
	case 'T': return self && t->worked_together;
	default: fail_msg("bad letter %c", letter); return false;
	}
}

static const char *const action_names[ACT_COUNT] = {
	"list", "read", "create", "update", "delete", "export",
};

static void every_role_resource_action_relation(void **state)
{
	(void)state;
	int checked = 0, failures = 0;
	for (int role = 0; role < ROLE_COUNT; role++) {
		struct principal who = caller(role);
		for (int res = 0; res < RES_COUNT; res++) {
			const char *row = table[role][res];
			assert_non_null(row);
			assert_int_equal(strlen(row), ACT_COUNT);
			for (int act = 0; act < ACT_COUNT; act++)
				for (size_t i = 0; i < sizeof relations / sizeof relations[0]; i++) {
					struct relation r = relations[i];
					struct consent c;
					consent_init(&c, r.t.volunteer_id);
					if (r.consent == 1 || r.consent == 2)
						c.scope = CONSENT_NETWORK;
					c.experience = r.consent >= 2;
					if (r.consent)
						r.t.consent = &c;
					bool want = expected(row[act], &who, &r);
					bool got = authz_allows(&who, res, act, i == 0 ? NULL : &r.t);
					checked++;
					if (want != got) {
						failures++;
						print_error("role %s resource %d %s, %s: expected %s\n",
						            role_name(role), res, action_names[act], r.name,
						            want ? "allowed" : "refused");
					}
				}
		}
	}
	assert_int_equal(failures, 0);
	assert_true(checked > 3000);
}

/* A volunteer reads open calls, the calls they are matched to and their own offers. */
static void volunteer_reads_open_and_matched_calls(void **state)
{
	(void)state;
	struct principal who = caller(ROLE_VOLUNTEER);
	struct authz_target t = { .organisation_id = OTHER_ORG, .volunteer_id = 0 };
	assert_false(authz_allows(&who, RES_CALL, ACT_READ, &t));
	t.open = true;
	assert_true(authz_allows(&who, RES_CALL, ACT_READ, &t));
	t.open = false;
	t.caller_matched = true;
	assert_true(authz_allows(&who, RES_CALL, ACT_READ, &t));
	t.caller_matched = false;
	t.volunteer_id = ME_VOLUNTEER;
	assert_true(authz_allows(&who, RES_CALL, ACT_READ, &t));
	/* being matched never allows changing the call */
	t.caller_matched = true;
	assert_false(authz_allows(&who, RES_CALL, ACT_UPDATE, &t));
	/* another volunteer's open offer is for the coordinators; her own is hers */
	struct authz_target offer = { .organisation_id = OTHER_ORG, .volunteer_id = 99,
	                              .open = true, .offer = true };
	assert_false(authz_allows(&who, RES_CALL, ACT_READ, &offer));
	offer.volunteer_id = ME_VOLUNTEER;
	assert_true(authz_allows(&who, RES_CALL, ACT_READ, &offer));
}

/* A professional who works at locations acts on the calls of those only,
   and reads the rest of the organisation's; the flag changes nothing for a
   coordinator, and a professional's lists keep to her locations. */
static void professional_acts_at_her_locations(void **state)
{
	(void)state;
	struct principal pro = caller(ROLE_PROFESSIONAL), co = caller(ROLE_COORDINATOR);
	struct authz_target t = { .organisation_id = OWN_ORG, .outside_locations = true,
	                          .worked_together = true };
	assert_true(authz_allows(&pro, RES_CALL, ACT_READ, &t));
	assert_true(authz_allows(&pro, RES_MATCH, ACT_READ, &t));
	assert_false(authz_allows(&pro, RES_CALL, ACT_UPDATE, &t));
	assert_false(authz_allows(&pro, RES_CALL, ACT_CREATE, &t));
	assert_false(authz_allows(&pro, RES_MATCH, ACT_UPDATE, &t));
	assert_false(authz_allows(&pro, RES_SUGGESTION, ACT_LIST, &t));
	assert_false(authz_allows(&pro, RES_MATCH_PEOPLE, ACT_READ, &t));
	assert_true(authz_allows(&co, RES_CALL, ACT_UPDATE, &t));
	assert_true(authz_allows(&co, RES_MATCH_PEOPLE, ACT_READ, &t));
	t.outside_locations = false;
	assert_true(authz_allows(&pro, RES_CALL, ACT_UPDATE, &t));
	assert_true(authz_allows(&pro, RES_MATCH_PEOPLE, ACT_READ, &t));
	assert_int_equal(authz_list_scope(&pro, RES_CALL).location_account_id, pro.account_id);
	assert_int_equal(authz_list_scope(&pro, RES_MATCH).location_account_id, pro.account_id);
	assert_int_equal(authz_list_scope(&pro, RES_LOCATION).location_account_id, 0);
	assert_int_equal(authz_list_scope(&co, RES_CALL).location_account_id, 0);
}

static void consent_for_listed_organisations(void **state)
{
	(void)state;
	struct principal who = caller(ROLE_COORDINATOR);
	struct consent c;
	consent_init(&c, OTHER_VOLUNTEER);
	c.scope = CONSENT_ORGANISATIONS;
	c.n_organisations = 1;
	c.organisations[0] = 30;
	struct authz_target t = { OTHER_ORG, OTHER_VOLUNTEER, 0, &c };
	assert_false(authz_allows(&who, RES_VOLUNTEER, ACT_READ, &t));
	c.organisations[0] = OWN_ORG;
	assert_true(authz_allows(&who, RES_VOLUNTEER, ACT_READ, &t));
	/* reaching the profile never allows changing it */
	assert_false(authz_allows(&who, RES_VOLUNTEER, ACT_UPDATE, &t));
	assert_false(authz_allows(&who, RES_EXPERIENCE, ACT_READ, &t));
	c.experience = true;
	assert_true(authz_allows(&who, RES_EXPERIENCE, ACT_READ, &t));
	assert_false(authz_allows(&who, RES_EXPERIENCE, ACT_UPDATE, &t));
}

static void caller_without_organisation_owns_nothing(void **state)
{
	(void)state;
	/* a coordinator account whose organisation is missing must not match
	   records that have no organisation either */
	struct principal who = caller(ROLE_COORDINATOR);
	who.organisation_id = 0;
	struct authz_target t = { 0, 0, 0, NULL };
	for (int res = 0; res < RES_COUNT; res++)
		for (int act = ACT_READ; act < ACT_COUNT; act++)
			if (res != RES_ORGANISATION && res != RES_LIST_ITEM && res != RES_SESSION &&
			    res != RES_NOTIFICATION &&
			    res != RES_TOTP && res != RES_OFFER && res != RES_PUBLIC_CALL &&
			    res != RES_CONTACT_POINT && !(res == RES_HELP_REQUEST && act == ACT_CREATE) &&
			    !(res == RES_ALLOWANCE && act == ACT_READ)) /* the caps: no one's */
				assert_false(authz_allows(&who, res, act, &t));
	struct principal vol = caller(ROLE_VOLUNTEER);
	vol.volunteer_id = 0;
	assert_false(authz_allows(&vol, RES_VOLUNTEER, ACT_READ, &t));
	assert_false(authz_allows(&vol, RES_MATCH, ACT_UPDATE, &t));
}

/* The contact point: the hub's staff triage every request and keep the
   client's record; the receiving coordinator reads the record only with
   the client's consent; the referrer who sent it reads it, others do not. */
static void contact_point_hub_and_consent(void **state)
{
	(void)state;
	struct authz_target t = { .organisation_id = OTHER_ORG, .created_by = OTHER_ACCOUNT,
	                          .hub_organisation_id = OWN_ORG };
	struct principal hub = caller(ROLE_COORDINATOR), desk = caller(ROLE_PROFESSIONAL);
	for (int act = ACT_LIST; act <= ACT_UPDATE; act++) {
		assert_true(authz_allows(&hub, RES_HELP_REQUEST, act, &t));
		assert_true(authz_allows(&desk, RES_HELP_REQUEST, act, &t));
	}
	assert_true(authz_allows(&hub, RES_CLIENT_RECORD, ACT_READ, &t));
	assert_true(authz_allows(&hub, RES_CLIENT_RECORD, ACT_EXPORT, &t));
	assert_true(authz_allows(&hub, RES_CLIENT_RECORD, ACT_DELETE, &t));
	assert_false(authz_allows(&hub, RES_CLIENT_RECORD, ACT_UPDATE, &t));
	assert_true(authz_help_request_scope(&hub, OWN_ORG).all);

	/* the receiving coordinator: the request, and the record with consent */
	struct authz_target routed = { .organisation_id = OWN_ORG, .hub_organisation_id = OTHER_ORG };
	struct principal co = caller(ROLE_COORDINATOR);
	assert_true(authz_allows(&co, RES_HELP_REQUEST, ACT_UPDATE, &routed));
	assert_false(authz_allows(&co, RES_CLIENT_RECORD, ACT_READ, &routed));
	routed.client_consent = true;
	assert_true(authz_allows(&co, RES_CLIENT_RECORD, ACT_READ, &routed));
	assert_false(authz_allows(&co, RES_CLIENT_RECORD, ACT_EXPORT, &routed));
	assert_int_equal(authz_help_request_scope(&co, OTHER_ORG).organisation_id, OWN_ORG);
	/* another organisation's professional is no hub staff */
	struct principal pro = caller(ROLE_PROFESSIONAL);
	assert_false(authz_allows(&pro, RES_HELP_REQUEST, ACT_READ, &routed));
	assert_true(authz_help_request_scope(&pro, OTHER_ORG).none);
	/* a referrer: the own requests only */
	struct principal ref = caller(ROLE_REFERRER);
	assert_int_equal(authz_help_request_scope(&ref, OWN_ORG).created_by, ME_ACCOUNT);
	routed.created_by = ME_ACCOUNT;
	assert_true(authz_allows(&ref, RES_CLIENT_RECORD, ACT_READ, &routed));
	routed.created_by = OTHER_ACCOUNT;
	assert_false(authz_allows(&ref, RES_CLIENT_RECORD, ACT_READ, &routed));
	/* volunteers and visitors never see a client */
	struct principal vol = caller(ROLE_VOLUNTEER), anon = caller(ROLE_ANONYMOUS);
	assert_true(authz_help_request_scope(&vol, OWN_ORG).none);
	for (int act = 0; act < ACT_COUNT; act++) {
		assert_false(authz_allows(&vol, RES_CLIENT_RECORD, act, &t));
		assert_false(authz_allows(&anon, RES_CLIENT_RECORD, act, &t));
	}
}

static void unknown_role_refused(void **state)
{
	(void)state;
	struct principal who = caller(ROLE_ADMIN);
	who.role = ROLE_COUNT;
	for (int res = 0; res < RES_COUNT; res++)
		for (int act = 0; act < ACT_COUNT; act++)
			if (res != RES_SESSION)
				assert_false(authz_allows(&who, res, act, NULL));
}

/* Expected list scopes for the record lists the API serves. */
static void list_scopes(void **state)
{
	(void)state;
	static const int lists[] = { RES_ORGANISATION, RES_LIST_ITEM, RES_VOLUNTEER, RES_CALL,
	                             RES_MATCH, RES_EXPERIENCE, RES_ACCOUNT, RES_OFFER };
	for (int role = 0; role < ROLE_COUNT; role++) {
		struct principal who = caller(role);
		for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
			int res = lists[i];
			struct authz_scope s = authz_list_scope(&who, res);
			bool may_list = table[role][res][ACT_LIST] != 'N';
			assert_int_equal(s.none, !may_list);
			if (!may_list)
				continue;
			if (role == ROLE_ADMIN || res == RES_ORGANISATION || res == RES_LIST_ITEM ||
			    res == RES_OFFER) { /* the social map is public */
				assert_true(s.all);
				continue;
			}
			/* everything else is filtered */
			assert_false(s.all);
			assert_true(s.organisation_id || s.volunteer_id || s.created_by || s.open_only);
			switch (role) {
			case ROLE_COORDINATOR:
				assert_int_equal(s.organisation_id, OWN_ORG);
				assert_int_equal(s.consented_to, res == RES_VOLUNTEER ? OWN_ORG : 0);
				break;
			case ROLE_PROFESSIONAL:
				assert_int_equal(s.organisation_id, OWN_ORG);
				assert_int_equal(s.consented_to, 0);
				break;
			case ROLE_VOLUNTEER:
				if (res == RES_CALL) {
					assert_true(s.open_only);
				} else {
					assert_int_equal(s.volunteer_id, ME_VOLUNTEER);
				}
				assert_int_equal(s.organisation_id, 0);
				break;
			case ROLE_REFERRER:
				assert_int_equal(s.created_by, ME_ACCOUNT);
				assert_int_equal(s.organisation_id, 0);
				break;
			default:
				fail_msg("role %d may list resource %d", role, res);
			}
		}
	}
}

/* Every row a scope lets through must also be readable one by one. */
static void scope_never_shows_what_read_refuses(void **state)
{
	(void)state;
	static const int lists[] = { RES_VOLUNTEER, RES_CALL, RES_MATCH };
	for (int role = 0; role < ROLE_COUNT; role++) {
		struct principal who = caller(role);
		for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
			struct authz_scope s = authz_list_scope(&who, lists[i]);
			if (s.none || s.all)
				continue;
			struct authz_target t = { 0 };
			t.organisation_id = s.organisation_id ? s.organisation_id : OTHER_ORG;
			t.volunteer_id = s.volunteer_id ? s.volunteer_id : OTHER_VOLUNTEER;
			t.created_by = s.created_by ? s.created_by : OTHER_ACCOUNT;
			t.open = s.open_only;
			assert_true(authz_allows(&who, lists[i], ACT_READ, &t));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_role_resource_action_relation),
		cmocka_unit_test(volunteer_reads_open_and_matched_calls),
		cmocka_unit_test(professional_acts_at_her_locations),
		cmocka_unit_test(consent_for_listed_organisations),
		cmocka_unit_test(caller_without_organisation_owns_nothing),
		cmocka_unit_test(contact_point_hub_and_consent),
		cmocka_unit_test(unknown_role_refused),
		cmocka_unit_test(list_scopes),
		cmocka_unit_test(scope_never_shows_what_read_refuses),
	};
	return cmocka_run_group_tests_name("auth_authz", tests, NULL, NULL);
}
