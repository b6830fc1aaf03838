/*
 * The authorisation matrix: every route of src/api/routes.c (read from the
 * api_routes[] table itself), as every kind of caller, against the expected
 * status codes in tests/api/authz_matrix.tsv. A route without a row fails,
 * and so does a row without a route. Lists, shows and exports are also
 * checked for rows and fields that must not appear: another organisation's
 * volunteers without consent, lived experience without its consent.
 *
 * The TSV columns: method, pattern, target ({id} of the path: vol, org,
 * call, match, item, journey, transfer, account (the professional's), hour, expense, year,
 * location (one of A's),
 * help (a help request of the referrer, routed by A, the contact point's hub, to C),
 * news (a newsletter of A's coordinator, sent to the fixture volunteer only),
 * or - ), mode (shared: the fixture everyone uses; fresh: a new volunteer (with the
 * fixture's consent on consent and erasure routes) and a new login for each caller, for
 * requests that end a session, withdraw a consent or erase a person; with target hour or
 * expense: a new entry or claim of the fixture volunteer for each caller), body (JSON
 * with $ORG_A $ORG_C $VOL $CALL $HOUR $UNIQUE $EMAIL $PASSWORD, or -), then one
 * expected status per caller in the order of caller_names.
 *
 * A target may name a workflow state of its own, KIND:STATE. Such a row is
 * run after the plain row of its route, against a target the test first
 * brings into that state through the API (make_state below):
 *   transfer:refused    a transfer from A to C that its volunteer refused
 *   transfer:withdrawn  one that A's coordinator withdrew before consent
 *   vol:erased          a volunteer of A (with an account, consent for C and a
 *                       training) erased by the administrator
 *   account:invited     a volunteer account of A made by A's coordinator: an
 *                       invitation nobody accepted yet
 *   vol:self_signed_up  a volunteer who signed up through POST /api/signup
 *   help:routed         a help request of the referrer that A (the hub) routed to C
 * {id} is that transfer, volunteer or account, $VOL and $EMAIL are its
 * volunteer's. "self" is that volunteer: logged in before the erasure (the
 * erasure must end the session), not logged in at all for an invitation.
 * mode shared makes one target per state for all its rows and callers,
 * fresh a new one per caller. Answers in a state get checks of their own:
 * nothing of an erased person but the anonymised record, no one-time link.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"

enum caller {
	C_ANONYMOUS,
	C_SELF,               /* the volunteer the record is about */
	C_OTHER_VOLUNTEER,    /* another volunteer of the same organisation */
	C_COORDINATOR,        /* coordinator of the owning organisation */
	C_PROFESSIONAL,       /* professional of the owning organisation */
	C_OTHER_COORDINATOR,  /* coordinator of an organisation without consent */
	C_CONSENTED,          /* coordinator of an organisation the volunteer allows */
	C_REFERRER,
	C_ADMIN,
	N_CALLERS
};
static const char *const caller_names[N_CALLERS] = {
	"anonymous", "self", "other_volunteer", "coordinator", "professional",
	"other_coordinator", "consented_coordinator", "referrer", "admin",
};

#define ROWS_MAX 256
#define CONSENTED_MAX 64

struct row {
	char method[8];
	char pattern[128];
	char target[32];         /* "vol", or "vol:erased": KIND:STATE */
	char mode[8];
	char body[512];
	long expect[N_CALLERS];
	bool used;
};

#define STATES_MAX 8

/* A target brought into a workflow state (see the header). */
struct state_target {
	char name[32];             /* "transfer:refused" */
	int64_t id;                /* {id}: the transfer, volunteer or account */
	int64_t vol;               /* its volunteer */
	char email[64];            /* the volunteer's address before any erasure */
	char secrets[3][64];       /* what an erased person's answers must not hold */
	struct client self;        /* logged in as the volunteer (or not: see header) */
};

struct fixture {
	struct env *e;
	int64_t org[3];            /* A owns the records, B has no consent, C has it */
	int64_t vol, other_vol, vol_b, call, match, item;
	int64_t location;           /* a location of organisation A */
	int64_t journey, transfer;  /* the fixture volunteer's journey (active), transfer to C */
	int64_t hour, expense;      /* an hour entry and a claim (with a receipt) of the volunteer */
	int64_t help;               /* a help request of the referrer, routed by A (the hub) to C */
	int64_t news;               /* a newsletter of A, sent to the fixture volunteer alone */
	int64_t mail;               /* a mail in the outbox of organisation A, not failed */
	int64_t referrer_account;
	int64_t account[N_CALLERS]; /* each caller's account */
	char email[N_CALLERS][64];
	struct client cl[N_CALLERS];
	int64_t consented[CONSENTED_MAX]; /* volunteers whose consent reaches C */
	int n_consented;
	struct row rows[ROWS_MAX];
	int n_rows;
	struct state_target states[STATES_MAX]; /* the shared ones, made on first use */
	int n_states;
	bool login_checked[STATES_MAX]; /* a failed login counts against the address */
	int pairs, failures, leak_checks;
	int pairs_extra; /* state rows and checks beyond one row per route */
};

static const char *const caller_roles[N_CALLERS] = {
	NULL, "volunteer", "volunteer", "coordinator", "professional", "coordinator",
	"coordinator", "referrer", "admin",
};

/* --- the expected table --- */

static const char *const state_names[] = {
	"transfer:refused", "transfer:withdrawn", "vol:erased", "account:invited",
	"vol:self_signed_up", "help:routed",
};
#define N_STATES (int)(sizeof state_names / sizeof state_names[0])

static int state_index(const char *name)
{
	for (int i = 0; i < N_STATES; i++)
		if (strcmp(state_names[i], name) == 0)
			return i;
	return -1;
}

static bool is_state(const struct row *r)
{
	return strchr(r->target, ':') != NULL;
}

static int split(char *line, char **cols, int max)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		cols[n++] = p;
		char *tab = strchr(p, '\t');
		if (tab == NULL)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

static void load_table(struct fixture *fx)
{
	const char *path = getenv("KNOOPPUNT_MATRIX");
	assert_non_null(path);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot open %s", path);
	char line[2048];
	int lineno = 0;
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *cols[5 + N_CALLERS + 1];
		int n = split(line, cols, 5 + N_CALLERS + 1);
		if (n != 5 + N_CALLERS)
			fail_msg("%s:%d: %d columns, expected %d", path, lineno, n, 5 + N_CALLERS);
		assert_true(fx->n_rows < ROWS_MAX);
		struct row *r = &fx->rows[fx->n_rows++];
		memset(r, 0, sizeof *r);
		snprintf(r->method, sizeof r->method, "%s", cols[0]);
		snprintf(r->pattern, sizeof r->pattern, "%s", cols[1]);
		snprintf(r->target, sizeof r->target, "%s", cols[2]);
		snprintf(r->mode, sizeof r->mode, "%s", cols[3]);
		snprintf(r->body, sizeof r->body, "%s", strcmp(cols[4], "-") == 0 ? "" : cols[4]);
		if (is_state(r) && state_index(r->target) < 0)
			fail_msg("%s:%d: unknown state '%s'", path, lineno, r->target);
		for (int c = 0; c < N_CALLERS; c++) {
			char *end;
			r->expect[c] = strtol(cols[5 + c], &end, 10);
			if (*end != '\0' || r->expect[c] < 100 || r->expect[c] > 599)
				fail_msg("%s:%d: bad status '%s'", path, lineno, cols[5 + c]);
		}
	}
	fclose(f);
}

/* The plain row of a route (a target without a state). */
static struct row *find_row(struct fixture *fx, const char *method, const char *pattern)
{
	for (int i = 0; i < fx->n_rows; i++)
		if (!is_state(&fx->rows[i]) && strcmp(fx->rows[i].method, method) == 0 &&
		    strcmp(fx->rows[i].pattern, pattern) == 0)
			return &fx->rows[i];
	return NULL;
}

/* --- fixtures --- */

static void login(struct fixture *fx, struct client *cl, int who, const char *email)
{
	client_init(cl, &fx->e->srv);
	if (who != C_ANONYMOUS && client_login(cl, email, FX_PASSWORD) != 201)
		fail_msg("login of %s (%s) failed", caller_names[who], email);
}

static void give_consent(struct client *self, int64_t vol, int64_t org_c)
{
	char path[96], body[256];
	snprintf(path, sizeof path, "/api/volunteers/%lld/consent", (long long)vol);
	snprintf(body, sizeof body,
	         "{\"profile_scope\":\"organisations\",\"organisations\":[%lld],"
	         "\"lived_experience\":true,\"text_version\":\"2026-1\"}", (long long)org_c);
	json_decref(expect(self, "PUT", path, body, 200));
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(self, "PATCH", path, "{\"lived_experience\":[\"kanker\"]}", 200));
}

/* The fixture volunteer's journey at A, walked to "active" so that it stays
   deployable, and a transfer to C that the volunteer consented to. */
static void setup_journey(struct fixture *fx)
{
	static const char *const steps[] = { "intake", "basic_training", "first_deployment",
	                                     "active" };
	struct client *coordinator = &fx->cl[C_COORDINATOR];
	char path[96], body[160];
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld}", (long long)fx->vol);
	json_t *doc = expect(coordinator, "POST", "/api/journeys", body, 201);
	fx->journey = json_id(doc, "id");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/journeys/%lld/steps", (long long)fx->journey);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		snprintf(body, sizeof body, "{\"step\":\"%s\"}", steps[i]);
		json_decref(expect(coordinator, "POST", path, body, 200));
	}
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"to_organisation_id\":%lld}",
	         (long long)fx->vol, (long long)fx->org[2]);
	doc = expect(coordinator, "POST", "/api/transfers", body, 201);
	fx->transfer = json_id(doc, "id");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/transfers/%lld", (long long)fx->transfer);
	json_decref(expect(&fx->cl[C_SELF], "PATCH", path,
	                   "{\"action\":\"consent\",\"shared_parts\":[\"contact\"]}", 200));
	doc = expect(coordinator, "GET", "/api/outbox?limit=1", NULL, 200);
	fx->mail = json_id(json_array_get(json_object_get(doc, "items"), 0), "id");
	json_decref(doc);
}

/* An hour entry of the fixture volunteer logged by the coordinator, or a
   public-transport claim of the volunteer's own. */
static int64_t new_record(struct fixture *fx, const char *target)
{
	char body[160];
	bool hour = strcmp(target, "hour") == 0;
	snprintf(body, sizeof body, hour ? "{\"volunteer_id\":%lld,\"worked_on\":\"2025-05-01\","
	         "\"minutes\":20}" : "{\"volunteer_id\":%lld,\"kind\":\"public_transport\","
	         "\"incurred_on\":\"2025-05-01\",\"amount_cents\":350}", (long long)fx->vol);
	json_t *doc = expect(&fx->cl[hour ? C_COORDINATOR : C_SELF], "POST",
	                     hour ? "/api/hours" : "/api/expenses", body, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	return id;
}

static void setup_hours(struct fixture *fx)
{
	static const char png[] = "\x89PNG\r\n\x1a\n bon";
	char path[64];
	long status = 0;
	fx->hour = new_record(fx, "hour");
	fx->expense = new_record(fx, "expense");
	snprintf(path, sizeof path, "/api/expenses/%lld/receipt", (long long)fx->expense);
	json_decref(client_raw(&fx->cl[C_SELF], "PUT", path, png, sizeof png - 1, "image/png",
	                       true, &status));
	assert_int_equal(status, 200);
}

/* The contact point's hub is A: its coordinator and professional triage. A
   help request of the fixture referrer, routed to C (whose coordinator is the
   receiving one); the state's "self" is the fixture volunteer. */
static int64_t routed_help_request(struct fixture *fx)
{
	static const char form[] =
		"{\"name\":\"Cliënt Hulpvraag\",\"phone\":\"06-11111111\",\"place\":\"Dordrecht\","
		"\"activity\":\"wandelen\",\"consent_share\":true}";
	json_t *doc = expect(&fx->cl[C_REFERRER], "POST", "/api/help-requests", form, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	char path[80], body[64];
	snprintf(path, sizeof path, "/api/help-requests/%lld/route", (long long)id);
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)fx->org[2]);
	json_decref(expect(&fx->cl[C_COORDINATOR], "POST", path, body, 200));
	return id;
}

/* A newsletter of A's coordinator to the volunteers with a theme that only
   the fixture volunteer has, sent. */
static int64_t sent_newsletter(struct fixture *fx)
{
	json_t *themes = expect(&fx->e->admin, "GET", "/api/lists/theme", NULL, 200);
	const char *theme = json_str(json_array_get(json_object_get(themes, "items"), 0), "code");
	char path[80], body[256];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)fx->vol);
	snprintf(body, sizeof body, "{\"themes\":[\"%s\"]}", theme);
	json_decref(expect(&fx->e->admin, "PATCH", path, body, 200));
	snprintf(body, sizeof body, "{\"subject\":\"Nieuws\",\"markdown\":\"Hallo\","
	         "\"filter\":{\"theme\":\"%s\"}}", theme);
	json_decref(themes);
	json_t *doc = expect(&fx->cl[C_COORDINATOR], "POST", "/api/newsletters", body, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/newsletters/%lld/send", (long long)id);
	doc = expect(&fx->cl[C_COORDINATOR], "POST", path, "{}", 200);
	assert_int_equal(json_id(doc, "recipients"), 1);
	json_decref(doc);
	return id;
}

static void setup_fixture(struct fixture *fx)
{
	struct client *admin = &fx->e->admin;
	fx->org[0] = fx_organisation(admin, "Eigen organisatie");
	fx->org[1] = fx_organisation(admin, "Andere organisatie");
	fx->org[2] = fx_organisation(admin, "Toegestane organisatie");
	fx->vol = fx_volunteer(admin, fx->org[0], "active");
	fx->other_vol = fx_volunteer(admin, fx->org[0], "active");
	fx->vol_b = fx_volunteer(admin, fx->org[1], "active");
	const int64_t orgs[N_CALLERS] = { 0, 0, 0, fx->org[0], fx->org[0], fx->org[1], fx->org[2],
	                                  0, 0 };
	for (int c = C_SELF; c < N_CALLERS; c++) {
		fx_email(&fx->e->srv, caller_names[c], fx->email[c], sizeof fx->email[c]);
		int64_t vol = c == C_SELF ? fx->vol : c == C_OTHER_VOLUNTEER ? fx->other_vol : 0;
		int64_t id = fx_account(admin, caller_roles[c], fx->email[c], orgs[c], vol);
		fx->account[c] = id;
		if (c == C_REFERRER)
			fx->referrer_account = id;
	}
	for (int c = 0; c < N_CALLERS; c++)
		login(fx, &fx->cl[c], c, fx->email[c]);
	give_consent(&fx->cl[C_SELF], fx->vol, fx->org[2]);
	fx->consented[fx->n_consented++] = fx->vol;
	fx->call = fx_call(&fx->cl[C_COORDINATOR], fx->org[0], "Wandelmaatje");
	fx->match = fx_match(&fx->cl[C_COORDINATOR], fx->call, fx->vol);
	json_t *loc = expect(&fx->cl[C_COORDINATOR], "POST", "/api/locations",
	                     "{\"name\":\"Woonzorgcentrum\",\"place\":\"Dordrecht\"}", 201);
	fx->location = json_id(loc, "id");
	json_decref(loc);
	json_t *items = expect(admin, "GET", "/api/lists/activity", NULL, 200);
	json_t *first = json_array_get(json_object_get(items, "items"), 0);
	fx->item = json_id(first, "id");
	json_decref(items);
	setup_journey(fx);
	setup_hours(fx);
	char hub[96];
	snprintf(hub, sizeof hub, "{\"hub_organisation_id\":%lld}", (long long)fx->org[0]);
	json_decref(expect(admin, "PUT", "/api/network/contact-point", hub, 200));
	fx->help = routed_help_request(fx);
	fx->news = sent_newsletter(fx);
}

/* A new volunteer of organisation A with an account and the same consent as
   the fixture's, and a fresh login of caller `who` (self is the new one). */
static int64_t fresh_target(struct fixture *fx, int who, bool consent, struct client *cl,
                            char *email, size_t cap)
{
	struct client *admin = &fx->e->admin;
	int64_t vol = fx_volunteer(admin, fx->org[0], "active");
	fx_email(&fx->e->srv, "vers", email, cap);
	fx_account(admin, "volunteer", email, 0, vol);
	login(fx, cl, who, who == C_SELF ? email : fx->email[who]);
	if (!consent) /* the consent costs a login of its own: only where it matters */
		return vol;
	if (who == C_SELF) {
		give_consent(cl, vol, fx->org[2]);
	} else {
		struct client self;
		login(fx, &self, C_SELF, email);
		give_consent(&self, vol, fx->org[2]);
		client_free(&self);
	}
	if (fx->n_consented < CONSENTED_MAX)
		fx->consented[fx->n_consented++] = vol;
	return vol;
}

static void forget_consent(struct fixture *fx, int64_t vol)
{
	for (int i = 0; i < fx->n_consented; i++)
		if (fx->consented[i] == vol)
			fx->consented[i] = fx->consented[--fx->n_consented];
}

/* --- workflow states (see the header) --- */

/* A new volunteer of A; with `account` an accepted invitation and a login. */
static void state_volunteer(struct fixture *fx, struct state_target *st, bool account)
{
	struct client *admin = &fx->e->admin;
	st->vol = st->id = fx_volunteer(admin, fx->org[0], "active");
	fx_email(&fx->e->srv, "staat", st->email, sizeof st->email);
	client_init(&st->self, &fx->e->srv);
	if (!account)
		return;
	fx_account(admin, "volunteer", st->email, 0, st->vol);
	if (client_login(&st->self, st->email, FX_PASSWORD) != 201)
		fail_msg("login of %s failed", st->email);
}

static void state_transfer(struct fixture *fx, struct state_target *st, bool refuse)
{
	char path[96], body[256];
	state_volunteer(fx, st, true);
	snprintf(body, sizeof body,
	         "{\"volunteer_id\":%lld,\"to_organisation_id\":%lld,"
	         "\"message\":\"VERTROUWELIJK: burn-out\"}", (long long)st->vol,
	         (long long)fx->org[2]);
	json_t *doc = expect(&fx->cl[C_COORDINATOR], "POST", "/api/transfers", body, 201);
	st->id = json_id(doc, "id");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/transfers/%lld", (long long)st->id);
	if (refuse)
		json_decref(expect(&st->self, "PATCH", path, "{\"action\":\"refuse\"}", 200));
	else
		json_decref(expect(&fx->cl[C_COORDINATOR], "PATCH", path, "{\"action\":\"withdraw\"}",
		                   200));
}

/* Consent for C with lived experience and a training of its own, then the
   administrator erases the person; what identified them is kept in secrets. */
static void state_erased(struct fixture *fx, struct state_target *st)
{
	struct client *admin = &fx->e->admin;
	char path[96], body[256];
	state_volunteer(fx, st, true);
	give_consent(&st->self, st->vol, fx->org[2]);
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)st->vol);
	json_t *doc = expect(admin, "GET", path, NULL, 200);
	snprintf(st->secrets[0], sizeof st->secrets[0], "\"%s\"", json_str(doc, "first_name"));
	json_decref(doc);
	snprintf(st->secrets[1], sizeof st->secrets[1], "%s", st->email);
	snprintf(st->secrets[2], sizeof st->secrets[2], "Cursus rouw om %s",
	         st->secrets[0] + 1); /* a free-text title that names the person */
	st->secrets[2][strlen(st->secrets[2]) - 1] = '\0';
	snprintf(path, sizeof path, "/api/volunteers/%lld/trainings", (long long)st->vol);
	snprintf(body, sizeof body, "{\"title\":\"%s\",\"completed_on\":\"2025-05-01\"}",
	         st->secrets[2]);
	json_decref(expect(&st->self, "POST", path, body, 201));
	snprintf(path, sizeof path, "/api/volunteers/%lld/erasure", (long long)st->vol);
	json_decref(expect(admin, "POST", path, "{\"reason\":\"verzoek van de vrijwilliger\"}",
	                   200));
}

/* A's coordinator gives the volunteer an account: an invitation, not accepted. */
static void state_invited(struct fixture *fx, struct state_target *st)
{
	char path[96];
	state_volunteer(fx, st, false);
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)st->vol);
	json_decref(expect_json(&fx->e->admin, "PATCH", path,
	                        json_pack("{s:s}", "email", st->email), 200));
	json_t *doc = expect_json(&fx->cl[C_COORDINATOR], "POST", "/api/accounts",
	                          json_pack("{s:s, s:s, s:s, s:I}", "email", st->email,
	                                    "display_name", "Uitgenodigd", "role", "volunteer",
	                                    "volunteer_id", (json_int_t)st->vol), 201);
	st->id = json_id(doc, "id");
	json_decref(doc);
}

static void state_signed_up(struct fixture *fx, struct state_target *st)
{
	char body[512];
	client_init(&st->self, &fx->e->srv);
	fx_email(&fx->e->srv, "zelfaanmelding", st->email, sizeof st->email);
	snprintf(body, sizeof body,
	         "{\"email\":\"%s\",\"password\":\"%s\",\"first_name\":\"Sanne\","
	         "\"last_name\":\"Bakker\",\"place\":\"Dordrecht\",\"organisation_id\":%lld}",
	         st->email, FX_PASSWORD, (long long)fx->org[0]);
	json_t *doc = expect(&st->self, "POST", "/api/signup", body, 201);
	st->vol = st->id = json_id(doc, "volunteer_id");
	/* signing up logs in */
	snprintf(st->self.csrf, sizeof st->self.csrf, "%s", json_str(doc, "csrf_token"));
	json_decref(doc);
}

static void state_help_routed(struct fixture *fx, struct state_target *st)
{
	st->id = routed_help_request(fx);
	st->vol = fx->vol;
	snprintf(st->email, sizeof st->email, "%s", fx->email[C_SELF]);
	login(fx, &st->self, C_SELF, fx->email[C_SELF]);
}

/* The invited and the erased person cannot log in. Checked once per state:
   every failed login counts against the address all callers share. */
static void check_no_login(struct fixture *fx, int idx, const struct state_target *st)
{
	if (fx->login_checked[idx])
		return;
	fx->login_checked[idx] = true;
	struct client cl;
	client_init(&cl, &fx->e->srv);
	long status = client_login(&cl, st->email, FX_PASSWORD);
	fx->pairs_extra++;
	if (status != 401) {
		fx->failures++;
		print_error("%s: login of the person answered %ld, expected 401\n", st->name, status);
	}
	client_free(&cl);
}

static void make_state(struct fixture *fx, const char *name, struct state_target *st)
{
	int idx = state_index(name);
	memset(st, 0, sizeof *st);
	snprintf(st->name, sizeof st->name, "%s", name);
	switch (idx) {
	case 0:
	case 1:
		state_transfer(fx, st, idx == 0);
		break;
	case 2:
		state_erased(fx, st);
		check_no_login(fx, idx, st);
		break;
	case 3:
		state_invited(fx, st);
		check_no_login(fx, idx, st);
		break;
	case 4:
		state_signed_up(fx, st);
		break;
	case 5:
		state_help_routed(fx, st);
		break;
	default:
		fail_msg("unknown state %s", name);
	}
}

static struct state_target *shared_state(struct fixture *fx, const char *name)
{
	for (int i = 0; i < fx->n_states; i++)
		if (strcmp(fx->states[i].name, name) == 0)
			return &fx->states[i];
	assert_true(fx->n_states < STATES_MAX);
	struct state_target *st = &fx->states[fx->n_states++];
	make_state(fx, name, st);
	return st;
}

/* --- requests --- */

static int64_t target_id(const struct fixture *fx, const char *target, int64_t fresh)
{
	if (strcmp(target, "vol") == 0)
		return fresh ? fresh : fx->vol;
	if (strcmp(target, "org") == 0)
		return fx->org[0];
	if (strcmp(target, "call") == 0)
		return fx->call;
	if (strcmp(target, "match") == 0)
		return fx->match;
	if (strcmp(target, "item") == 0)
		return fx->item;
	if (strcmp(target, "journey") == 0)
		return fx->journey;
	if (strcmp(target, "transfer") == 0)
		return fx->transfer;
	if (strcmp(target, "account") == 0) /* the professional's, of organisation A */
		return fx->account[C_PROFESSIONAL];
	if (strcmp(target, "hour") == 0)
		return fresh ? fresh : fx->hour;
	if (strcmp(target, "expense") == 0)
		return fresh ? fresh : fx->expense;
	if (strcmp(target, "year") == 0)
		return 2030;
	if (strcmp(target, "help") == 0)
		return fx->help;
	if (strcmp(target, "news") == 0)
		return fx->news;
	if (strcmp(target, "location") == 0)
		return fx->location;
	if (strcmp(target, "mail") == 0)
		return fx->mail;
	return 0;
}

/* Copies `in` to out, replacing each `name` by `value`. */
static void substitute(char *out, size_t cap, const char *in, const char *const *names,
                       const char *const *values, int n)
{
	size_t len = 0;
	while (*in && len + 1 < cap) {
		int hit = -1;
		for (int i = 0; i < n && hit < 0; i++)
			if (strncmp(in, names[i], strlen(names[i])) == 0)
				hit = i;
		if (hit >= 0) {
			len += (size_t)snprintf(out + len, cap - len, "%s", values[hit]);
			in += strlen(names[hit]);
		} else {
			out[len++] = *in++;
		}
	}
	out[len < cap ? len : cap - 1] = '\0';
}

static void build_request(struct fixture *fx, const struct row *r, int64_t fresh,
                          const char *fresh_email, int64_t state_id, char *path,
                          size_t path_cap, char *body, size_t body_cap)
{
	char id[24], org_a[24], org_c[24], vol[24], call[24], unique[24], hour[24];
	bool record = strcmp(r->target, "hour") == 0 || strcmp(r->target, "expense") == 0;
	snprintf(id, sizeof id, "%lld",
	         (long long)(state_id ? state_id : target_id(fx, r->target, fresh)));
	snprintf(org_a, sizeof org_a, "%lld", (long long)fx->org[0]);
	snprintf(org_c, sizeof org_c, "%lld", (long long)fx->org[2]);
	snprintf(vol, sizeof vol, "%lld", (long long)(fresh && !record ? fresh : fx->vol));
	snprintf(hour, sizeof hour, "%lld", (long long)fx->hour);
	snprintf(call, sizeof call, "%lld", (long long)fx->call);
	snprintf(unique, sizeof unique, "%d", ++fx->e->srv.serial);
	const char *email = fresh ? fresh_email : fx->email[C_SELF];
	const char *path_names[] = { "{id}", "{kind}", "{token}" };
	const char *path_values[] = { id, "activity", "ongeldig-adres" };
	substitute(path, path_cap, r->pattern, path_names, path_values, 3);
	if (strcmp(r->method, "GET") == 0 && strchr(r->pattern, '{') == NULL)
		snprintf(path + strlen(path), path_cap - strlen(path), "?limit=%d", PAGE_MAX);
	const char *names[] = { "$ORG_A", "$ORG_C", "$VOL", "$CALL", "$HOUR", "$UNIQUE", "$EMAIL",
	                        "$PASSWORD" };
	const char *values[] = { org_a, org_c, vol, call, hour, unique, email, FX_PASSWORD };
	substitute(body, body_cap, r->body, names, values, 8);
}

/* --- what must never appear --- */

static void leak(struct fixture *fx, const char *route, int who, const char *what)
{
	fx->failures++;
	print_error("LEAK %s as %s: %s\n", route, caller_names[who], what);
}

static bool consented(const struct fixture *fx, int64_t vol)
{
	for (int i = 0; i < fx->n_consented; i++)
		if (fx->consented[i] == vol)
			return true;
	return false;
}

static int64_t caller_org(const struct fixture *fx, int who)
{
	switch (who) {
	case C_COORDINATOR:
	case C_PROFESSIONAL:
		return fx->org[0];
	case C_OTHER_COORDINATOR:
		return fx->org[1];
	case C_CONSENTED:
		return fx->org[2];
	default:
		return 0;
	}
}

static int64_t caller_volunteer(const struct fixture *fx, int who, int64_t fresh)
{
	if (who == C_SELF)
		return fresh ? fresh : fx->vol;
	return who == C_OTHER_VOLUNTEER ? fx->other_vol : 0;
}

static int64_t num(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_integer(v) ? json_integer_value(v) : 0;
}

static void check_volunteer_row(struct fixture *fx, const char *route, int who, json_t *it,
                                int64_t fresh)
{
	int64_t id = num(it, "id"), org = num(it, "organisation_id");
	char what[128];
	if (json_object_get(it, "lived_experience") != NULL)
		leak(fx, route, who, "lived_experience in a list");
	bool ok = who == C_ADMIN;
	if (who == C_SELF || who == C_OTHER_VOLUNTEER)
		ok = id == caller_volunteer(fx, who, fresh);
	if (who == C_COORDINATOR || who == C_OTHER_COORDINATOR || who == C_CONSENTED)
		ok = org == caller_org(fx, who) || (who == C_CONSENTED && consented(fx, id));
	snprintf(what, sizeof what, "volunteer %lld of organisation %lld", (long long)id,
	         (long long)org);
	if (!ok)
		leak(fx, route, who, what);
}

static void check_list_row(struct fixture *fx, const char *pattern, int who, json_t *it,
                           int64_t fresh)
{
	char what[160];
	bool ok = true;
	int64_t org = caller_org(fx, who);
	fx->leak_checks++;
	if (strcmp(pattern, "/api/volunteers") == 0) {
		check_volunteer_row(fx, pattern, who, it, fresh);
		return;
	}
	if (strcmp(pattern, "/api/calls") == 0) {
		if (who == C_SELF || who == C_OTHER_VOLUNTEER)
			ok = strcmp(json_str(it, "status"), "open") == 0;
		else if (who == C_REFERRER)
			ok = num(it, "created_by") == fx->referrer_account;
		else if (who != C_ADMIN)
			ok = num(it, "organisation_id") == org;
	} else if (strcmp(pattern, "/api/matches") == 0 || strcmp(pattern, "/api/hours") == 0 ||
	           strcmp(pattern, "/api/expenses") == 0 ||
	           strcmp(pattern, "/api/hours/totals") == 0) {
		if (who == C_SELF || who == C_OTHER_VOLUNTEER)
			ok = num(it, "volunteer_id") == caller_volunteer(fx, who, fresh);
		else if (who != C_ADMIN)
			ok = num(it, "organisation_id") == org;
	} else if (strcmp(pattern, "/api/accounts") == 0) {
		ok = who == C_ADMIN || num(it, "organisation_id") == org;
	} else if (strcmp(pattern, "/api/audit") == 0) {
		ok = who == C_ADMIN;
	} else if (strcmp(pattern, "/api/volunteers/{id}/audit") == 0) {
		ok = num(it, "volunteer_id") == (fresh ? fresh : fx->vol);
	} else if (strcmp(pattern, "/api/journeys") == 0 ||
	           strcmp(pattern, "/api/volunteers/{id}/journeys") == 0) {
		if (who == C_SELF || who == C_OTHER_VOLUNTEER)
			ok = num(it, "volunteer_id") == caller_volunteer(fx, who, fresh);
		else if (who != C_ADMIN)
			ok = num(it, "organisation_id") == org;
	} else if (strcmp(pattern, "/api/transfers") == 0) {
		if (who == C_SELF || who == C_OTHER_VOLUNTEER)
			ok = num(it, "volunteer_id") == caller_volunteer(fx, who, fresh);
		else if (who != C_ADMIN)
			ok = num(it, "from_organisation_id") == org || num(it, "to_organisation_id") == org;
		/* the receiver: only after consent, and never after a refusal or withdrawal */
		const char *st = json_str(it, "status");
		if (ok && who != C_ADMIN && num(it, "from_organisation_id") != org &&
		    num(it, "to_organisation_id") == org)
			ok = strcmp(st, "offered") == 0 || strcmp(st, "accepted") == 0 ||
			     strcmp(st, "declined") == 0;
	} else if (strcmp(pattern, "/api/newsletters") == 0) {
		if (who == C_SELF || who == C_OTHER_VOLUNTEER)
			ok = who == C_SELF && num(it, "id") == fx->news;
		else if (who != C_ADMIN)
			ok = num(it, "organisation_id") == org;
	} else if (strcmp(pattern, "/api/outbox") == 0) {
		ok = who == C_ADMIN || num(it, "organisation_id") == org;
		if (strstr(json_str(it, "body"), "token=") != NULL)
			leak(fx, pattern, who, "a one-time link in the outbox");
	}
	if (!ok) {
		char *text = json_dumps(it, JSON_COMPACT);
		snprintf(what, sizeof what, "row %.140s", text ? text : "?");
		free(text);
		leak(fx, pattern, who, what);
	}
}

/* Who may see lived experience of the fixture volunteer: the volunteer, and
   coordinators of the own and of the allowed organisation (it consented to
   both); never the administrator, never in a list. */
static bool sees_experience(int who)
{
	return who == C_SELF || who == C_COORDINATOR || who == C_CONSENTED;
}

static void check_export(struct fixture *fx, const char *pattern, int who, json_t *doc,
                         int64_t vol)
{
	fx->leak_checks++;
	json_t *v = json_object_get(doc, "volunteer");
	if (num(v, "id") != vol)
		leak(fx, pattern, who, "export of another person");
	bool has = json_object_get(v, "lived_experience") != NULL;
	if (has != (who == C_SELF))
		leak(fx, pattern, who, has ? "lived experience exported" : "own lived experience missing");
	char *text = json_dumps(doc, JSON_COMPACT);
	if (text == NULL || strstr(text, "password") != NULL)
		leak(fx, pattern, who, "password material in the export");
	free(text);
}

static void check_answer(struct fixture *fx, const struct row *r, int who, json_t *doc,
                         int64_t fresh)
{
	if (doc == NULL || !json_is_object(doc))
		return;
	json_t *items = json_object_get(doc, "items");
	if (json_is_array(items)) {
		size_t i;
		json_t *it;
		json_array_foreach(items, i, it)
			check_list_row(fx, r->pattern, who, it, fresh);
	}
	if (strcmp(r->method, "GET") == 0 && strcmp(r->pattern, "/api/volunteers/{id}") == 0) {
		fx->leak_checks++;
		bool has = json_object_get(doc, "lived_experience") != NULL;
		if (has != sees_experience(who))
			leak(fx, r->pattern, who, has ? "lived experience shown" : "lived experience hidden");
	}
	if (strcmp(r->pattern, "/api/volunteers/{id}/export") == 0)
		check_export(fx, r->pattern, who, doc, fresh ? fresh : fx->vol);
}

/* Answers about a target in a workflow state (see the header). */
static void check_state_answer(struct fixture *fx, const struct row *r, int who, json_t *doc,
                               const struct state_target *st)
{
	if (doc == NULL || !json_is_object(doc))
		return;
	json_t *items = json_object_get(doc, "items");
	size_t i;
	json_t *it;
	if (json_is_array(items))
		json_array_foreach(items, i, it)
			check_list_row(fx, r->pattern, who, it, st->vol);
	if (strcmp(r->pattern, "/api/volunteers/{id}/export") == 0)
		check_export(fx, r->pattern, who, doc, st->vol);
	char *text = json_dumps(doc, JSON_COMPACT);
	assert_non_null(text);
	fx->leak_checks++;
	if (strncmp(st->name, "transfer:", 9) == 0 && strcmp(r->pattern, "/api/transfers") == 0 &&
	    who != C_SELF && who != C_COORDINATOR && who != C_ADMIN && list_has_id(doc, st->id))
		leak(fx, r->pattern, who, "a refused or withdrawn transfer in the list");
	if (strcmp(st->name, "vol:erased") == 0) {
		for (int k = 0; k < 3; k++)
			if (strstr(text, st->secrets[k]) != NULL) {
				char what[128];
				snprintf(what, sizeof what, "the erased person's %s",
				         k == 0 ? "name" : k == 1 ? "e-mail address" : "training title");
				leak(fx, r->pattern, who, what);
			}
		json_t *le = json_object_get(doc, "lived_experience");
		if (json_array_size(le) > 0)
			leak(fx, r->pattern, who, "the erased person's lived experience");
	}
	if (strstr(text, "token=") != NULL)
		leak(fx, r->pattern, who, "a one-time link");
	free(text);
}

/* --- the walk --- */

static void run_row(struct fixture *fx, struct row *r)
{
	bool fresh_mode = strcmp(r->mode, "fresh") == 0;
	char route[160];
	snprintf(route, sizeof route, "%s %s", r->method, r->pattern);
	for (int who = 0; who < N_CALLERS; who++) {
		struct client fresh_cl;
		char fresh_email[64] = "";
		bool consent = strstr(r->pattern, "/consent") != NULL ||
		               strstr(r->pattern, "/erasure") != NULL;
		bool record = strcmp(r->target, "hour") == 0 || strcmp(r->target, "expense") == 0;
		int64_t fresh = !fresh_mode ? 0 : record ? new_record(fx, r->target) :
		                fresh_target(fx, who, consent, &fresh_cl, fresh_email,
		                             sizeof fresh_email);
		struct client *cl = fresh_mode && !record ? &fresh_cl : &fx->cl[who];
		char path[256], body[1024];
		build_request(fx, r, fresh, fresh_email, 0, path, sizeof path, body, sizeof body);
		long status = 0;
		json_t *doc = client_request(cl, r->method, path, body[0] ? body : NULL, &status);
		fx->pairs++;
		if (status != r->expect[who]) {
			fx->failures++;
			print_error("%s as %s: expected %ld, got %ld: %.300s\n", route, caller_names[who],
			            r->expect[who], status, cl->raw ? cl->raw : "");
		} else if (status == 200) {
			check_answer(fx, r, who, doc, fresh);
		}
		if (fresh_mode && status >= 200 && status < 300 &&
		    (strstr(r->pattern, "/consent") || strstr(r->pattern, "/erasure")))
			forget_consent(fx, fresh);
		json_decref(doc);
		if (fresh_mode && !record)
			client_free(&fresh_cl);
	}
}

/* A row of a workflow state: after the plain row of its route. */
static void run_state_row(struct fixture *fx, struct row *r)
{
	bool fresh_mode = strcmp(r->mode, "fresh") == 0;
	struct state_target *shared = fresh_mode ? NULL : shared_state(fx, r->target);
	char route[200];
	snprintf(route, sizeof route, "%s %s [%s]", r->method, r->pattern, r->target);
	for (int who = 0; who < N_CALLERS; who++) {
		struct state_target own;
		struct state_target *st = shared;
		if (fresh_mode) {
			make_state(fx, r->target, &own);
			st = &own;
		}
		struct client *cl = who == C_SELF ? &st->self : &fx->cl[who];
		char path[256], body[1024];
		build_request(fx, r, st->vol, st->email, st->id, path, sizeof path, body, sizeof body);
		long status = 0;
		json_t *doc = client_request(cl, r->method, path, body[0] ? body : NULL, &status);
		fx->pairs_extra++;
		if (status != r->expect[who]) {
			fx->failures++;
			print_error("%s as %s: expected %ld, got %ld: %.300s\n", route, caller_names[who],
			            r->expect[who], status, cl->raw ? cl->raw : "");
		} else if (status == 200) {
			check_state_answer(fx, r, who, doc, st);
		}
		json_decref(doc);
		if (fresh_mode)
			client_free(&own.self);
	}
}

/* docs/permissions.md carries the same table in words (scripts/permissions-table). */
static const char *doc_symbol(long status)
{
	if (status >= 200 && status < 300)
		return "ja";
	if (status == 401)
		return "inloggen";
	return status == 403 ? "nee" : "ja*";
}

/* In the table of workflow states a refusal by state reads as such. */
static const char *state_symbol(long status)
{
	if (status == 404)
		return "bestaat niet";
	return status == 409 ? "kan niet" : doc_symbol(status);
}

static void check_document(struct fixture *fx)
{
	char path[1024];
	const char *matrix = getenv("KNOOPPUNT_MATRIX");
	snprintf(path, sizeof path, "%s", matrix);
	for (int up = 0; up < 3; up++) { /* tests/api/authz_matrix.tsv → the source root */
		char *slash = strrchr(path, '/');
		assert_non_null(slash);
		*slash = '\0';
	}
	snprintf(path + strlen(path), sizeof path - strlen(path), "/docs/permissions.md");
	FILE *f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot open %s", path);
	static char doc[512 * 1024];
	size_t n = fread(doc, 1, sizeof doc - 1, f);
	fclose(f);
	doc[n] = '\0';
	int doc_rows = 0;
	for (const char *p = doc; (p = strstr(p, "\n| `")) != NULL; p++)
		if (p[4] >= 'A' && p[4] <= 'Z') /* "| `GET /api/…`", not "| `none` |" */
			doc_rows++;
	for (int i = 0; i < fx->n_rows; i++) {
		const struct row *r = &fx->rows[i];
		char line[1024];
		int len = snprintf(line, sizeof line, "| `%s %s` |", r->method, r->pattern);
		if (is_state(r))
			len += snprintf(line + len, sizeof line - (size_t)len, r->body[0] ? " `%s` | `%s` |"
			                                                       : " `%s` | %s |",
			                r->target, r->body[0] ? r->body : "—");
		for (int c = 0; c < N_CALLERS; c++)
			len += snprintf(line + len, sizeof line - (size_t)len, " %s |",
			                is_state(r) ? state_symbol(r->expect[c]) : doc_symbol(r->expect[c]));
		if (strstr(doc, line) == NULL) {
			fx->failures++;
			print_error("docs/permissions.md lacks: %s\n", line);
		}
	}
	if (doc_rows != fx->n_rows) {
		fx->failures++;
		print_error("docs/permissions.md has %d endpoint rows, the matrix %d\n", doc_rows,
		            fx->n_rows);
	}
}

/* Consent decides lists: the allowed organisation's coordinator lists the
   volunteer, the other one does not; withdrawing takes effect at once. */
static void consent_in_lists(struct fixture *fx)
{
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers?limit=%d", PAGE_MAX);
	json_t *c_list = expect(&fx->cl[C_CONSENTED], "GET", path, NULL, 200);
	json_t *b_list = expect(&fx->cl[C_OTHER_COORDINATOR], "GET", path, NULL, 200);
	json_t *a_list = expect(&fx->cl[C_COORDINATOR], "GET", path, NULL, 200);
	assert_true(list_has_id(c_list, fx->vol));
	assert_false(list_has_id(c_list, fx->vol_b));
	assert_false(list_has_id(b_list, fx->vol));
	assert_true(list_has_id(b_list, fx->vol_b));
	assert_true(list_has_id(a_list, fx->vol));
	assert_false(list_has_id(a_list, fx->vol_b));
	json_decref(c_list);
	json_decref(b_list);
	json_decref(a_list);
}

static void every_route_as_every_caller(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	fx->e = *state;
	load_table(fx);
	check_document(fx);
	setup_fixture(fx);
	consent_in_lists(fx);
	for (int i = 0; i < api_route_count; i++) {
		const struct api_route *route = &api_routes[i];
		struct row *r = find_row(fx, route->method, route->pattern);
		if (r == NULL) {
			fx->failures++;
			print_error("no row in authz_matrix.tsv for %s %s\n", route->method,
			            route->pattern);
			continue;
		}
		r->used = true;
		run_row(fx, r);
		for (int k = 0; k < fx->n_rows; k++) {
			struct row *s = &fx->rows[k];
			if (is_state(s) && strcmp(s->method, r->method) == 0 &&
			    strcmp(s->pattern, r->pattern) == 0) {
				s->used = true;
				run_state_row(fx, s);
			}
		}
	}
	for (int i = 0; i < fx->n_rows; i++)
		if (!fx->rows[i].used) {
			fx->failures++;
			print_error("row for %s %s names no route\n", fx->rows[i].method,
			            fx->rows[i].pattern);
		}
	print_message("# %d routes, %d (endpoint, caller) pairs checked, %d more in workflow "
	              "states, %d leak checks, %d failures\n", api_route_count, fx->pairs,
	              fx->pairs_extra, fx->leak_checks, fx->failures);
	for (int c = 0; c < N_CALLERS; c++)
		client_free(&fx->cl[c]);
	for (int i = 0; i < fx->n_states; i++)
		client_free(&fx->states[i].self);
	int failures = fx->failures, pairs = fx->pairs;
	free(fx);
	assert_int_equal(failures, 0);
	assert_int_equal(pairs, api_route_count * N_CALLERS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_route_as_every_caller),
	};
	return cmocka_run_group_tests_name("authz_matrix", tests, env_setup, env_teardown);
}
