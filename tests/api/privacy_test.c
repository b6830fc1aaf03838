/*
 * Privacy by design against a real server: consent and its withdrawal,
 * lived experience only with its own consent, the audit log, the right of
 * access, erasure (nothing personal left in any table, figures unchanged),
 * retention, sessions and their revocation, CSRF, security headers and
 * login rate limiting.
 */
#include "support.h"
#include "sync/retention.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

struct person {
	int64_t id;
	char email[64];
	struct client cl;
};

/* A volunteer of `org` with an account, logged in. */
static void person(struct env *e, int64_t org, struct person *p)
{
	p->id = fx_volunteer(&e->admin, org, "active");
	fx_email(&e->srv, "vrijwilliger", p->email, sizeof p->email);
	fx_account(&e->admin, "volunteer", p->email, 0, p->id);
	client_init(&p->cl, &e->srv);
	assert_int_equal(client_login(&p->cl, p->email, FX_PASSWORD), 201);
}

static void coordinator(struct env *e, int64_t org, struct client *cl, int64_t *account)
{
	char email[64];
	fx_email(&e->srv, "coordinator", email, sizeof email);
	int64_t id = fx_account(&e->admin, "coordinator", email, org, 0);
	if (account != NULL)
		*account = id;
	client_init(cl, &e->srv);
	assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
}

static void set_consent(struct client *cl, int64_t vol, const char *scope, int64_t org,
                        bool experience, long status)
{
	char path[96], body[256];
	snprintf(path, sizeof path, "/api/volunteers/%lld/consent", (long long)vol);
	if (org)
		snprintf(body, sizeof body, "{\"profile_scope\":\"%s\",\"organisations\":[%lld],"
		         "\"lived_experience\":%s,\"text_version\":\"2026-1\"}", scope, (long long)org,
		         experience ? "true" : "false");
	else
		snprintf(body, sizeof body, "{\"profile_scope\":\"%s\",\"lived_experience\":%s,"
		         "\"text_version\":\"2026-1\"}", scope, experience ? "true" : "false");
	json_decref(expect(cl, "PUT", path, body, status));
}

static bool has_experience(struct client *cl, int64_t vol)
{
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_t *doc = expect(cl, "GET", path, NULL, 200);
	bool has = json_array_size(json_object_get(doc, "lived_experience")) > 0;
	json_decref(doc);
	return has;
}

/* Rows of a table about one volunteer, straight from the SQLite file. */
static int64_t rows_about(const struct server *s, const char *table, const char *column,
                          int64_t id)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char sql[256];
	int64_t n = -1;
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s WHERE %s = ?", table, column);
	if (sqlite3_open_v2(s->sqlite_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void sqlite_only(const struct server *s)
{
	if (s->db_url[0] != '\0')
		skip();
}

/* --- consent --- */

static void consent_decides_visibility_and_withdrawal_is_immediate(void **state)
{
	struct env *e = *state;
	bool sqlite = e->srv.db_url[0] == '\0'; /* rows are counted in the SQLite file */
	int64_t home = fx_organisation(&e->admin, "Thuis");
	int64_t other = fx_organisation(&e->admin, "Elders");
	struct person v;
	struct client coord_other, coord_home;
	person(e, home, &v);
	coordinator(e, other, &coord_other, NULL);
	coordinator(e, home, &coord_home, NULL);
	char show[64], list[96];
	snprintf(show, sizeof show, "/api/volunteers/%lld", (long long)v.id);
	snprintf(list, sizeof list, "/api/volunteers?limit=200");

	/* No consent: only the own organisation. */
	json_decref(expect(&coord_other, "GET", show, NULL, 403));
	json_t *doc = expect(&coord_other, "GET", list, NULL, 200);
	assert_false(list_has_id(doc, v.id));
	json_decref(doc);

	/* Network consent without experience: the profile, not the health data. */
	set_consent(&v.cl, v.id, "network", 0, false, 200);
	json_decref(expect(&coord_other, "GET", show, NULL, 200));
	doc = expect(&coord_other, "GET", list, NULL, 200);
	assert_true(list_has_id(doc, v.id));
	json_decref(doc);
	json_t *patch = expect(&v.cl, "PATCH", show, "{\"lived_experience\":[\"kanker\"]}", 403);
	assert_string_equal(json_str(patch, "code"), "consent_required");
	json_decref(patch);

	/* Experience consent: kept, seen by both coordinators, never in lists. */
	set_consent(&v.cl, v.id, "network", 0, true, 200);
	json_decref(expect(&v.cl, "PATCH", show, "{\"lived_experience\":[\"kanker\"]}", 200));
	assert_true(has_experience(&coord_home, v.id));
	assert_true(has_experience(&coord_other, v.id));
	assert_true(has_experience(&v.cl, v.id));
	assert_false(has_experience(&e->admin, v.id));
	doc = expect(&coord_home, "GET", list, NULL, 200);
	assert_null(strstr(coord_home.raw, "lived_experience"));
	json_decref(doc);
	if (sqlite)
		assert_int_equal(rows_about(&e->srv, "volunteer_experiences", "volunteer_id", v.id), 1);

	/* Withdrawal: at once, for views and lists, and the health data is gone. */
	char consent[96];
	snprintf(consent, sizeof consent, "/api/volunteers/%lld/consent", (long long)v.id);
	doc = expect(&v.cl, "DELETE", consent, NULL, 200);
	assert_string_equal(json_str(doc, "profile_scope"), "none");
	json_decref(doc);
	json_decref(expect(&coord_other, "GET", show, NULL, 403));
	doc = expect(&coord_other, "GET", list, NULL, 200);
	assert_false(list_has_id(doc, v.id));
	json_decref(doc);
	assert_false(has_experience(&coord_home, v.id));
	assert_false(has_experience(&v.cl, v.id)); /* not even from a record viewed before */
	if (sqlite)
		assert_int_equal(rows_about(&e->srv, "volunteer_experiences", "volunteer_id", v.id), 0);

	/* Each step is on record with its text version. */
	if (sqlite)
		assert_int_equal(rows_about(&e->srv, "consent_events", "volunteer_id", v.id), 3);
	snprintf(show, sizeof show, "/api/volunteers/%lld/export", (long long)v.id);
	doc = expect(&v.cl, "GET", show, NULL, 200);
	json_t *history = json_object_get(doc, "consent_history");
	assert_int_equal(json_array_size(history), 3);
	assert_string_equal(json_str(json_array_get(history, 2), "action"), "withdrawn");
	assert_string_equal(json_str(json_array_get(history, 0), "text_version"), "2026-1");
	json_decref(doc);
	client_free(&v.cl);
	client_free(&coord_other);
	client_free(&coord_home);
}

static bool is_candidate(struct client *cl, int64_t call, int64_t vol)
{
	char path[96];
	snprintf(path, sizeof path, "/api/calls/%lld/candidates?limit=50", (long long)call);
	json_t *doc = expect(cl, "GET", path, NULL, 200);
	bool found = false;
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(doc, "items"), i, it)
		found |= json_id(it, "volunteer_id") == vol;
	json_decref(doc);
	return found;
}

/* Matching for a call of another organisation (here a volunteer centre,
   which gets no exception) names a volunteer only with their consent, and
   stops at once when it is withdrawn. */
static void matching_respects_consent(void **state)
{
	struct env *e = *state;
	int64_t home = fx_organisation(&e->admin, "Thuisbasis");
	json_t *doc = expect(&e->admin, "POST", "/api/organisations",
	                     "{\"name\":\"Steunpunt Vrijwilligerswerk Proef\","
	                     "\"kind\":\"volunteer_centre\",\"municipality\":\"Dordrecht\"}", 201);
	int64_t centre = json_id(doc, "id");
	json_decref(doc);
	struct person v;
	struct client coord;
	person(e, home, &v);
	coordinator(e, centre, &coord, NULL);
	int64_t call = fx_call(&coord, centre, "Wandelen in het park");
	assert_false(is_candidate(&coord, call, v.id));
	set_consent(&v.cl, v.id, "network", 0, false, 200);
	assert_true(is_candidate(&coord, call, v.id));
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld/consent", (long long)v.id);
	json_decref(expect(&v.cl, "DELETE", path, NULL, 200));
	assert_false(is_candidate(&coord, call, v.id));
	client_free(&v.cl);
	client_free(&coord);
}

static void consent_for_selected_organisations_and_bad_input(void **state)
{
	struct env *e = *state;
	int64_t home = fx_organisation(&e->admin, "Thuis");
	int64_t chosen = fx_organisation(&e->admin, "Gekozen");
	int64_t not_chosen = fx_organisation(&e->admin, "Niet gekozen");
	struct person v;
	struct client yes, no;
	person(e, home, &v);
	coordinator(e, chosen, &yes, NULL);
	coordinator(e, not_chosen, &no, NULL);
	set_consent(&v.cl, v.id, "organisations", chosen, false, 200);
	char show[64], consent[96];
	snprintf(show, sizeof show, "/api/volunteers/%lld", (long long)v.id);
	snprintf(consent, sizeof consent, "/api/volunteers/%lld/consent", (long long)v.id);
	json_decref(expect(&yes, "GET", show, NULL, 200));
	json_decref(expect(&no, "GET", show, NULL, 403));
	/* A coordinator may not widen it, nor read it outside the own organisation. */
	json_decref(expect(&yes, "GET", consent, NULL, 403));
	json_decref(expect(&yes, "PUT", consent,
	                   "{\"profile_scope\":\"network\",\"lived_experience\":true,"
	                   "\"text_version\":\"2026-1\"}", 403));
	/* Invalid input names its field and changes nothing. */
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = expect(&v.cl, "PUT", consent,
	                     "{\"profile_scope\":\"organisations\",\"lived_experience\":false,"
	                     "\"text_version\":\"2026-1\"}", 422);
	assert_problem(&v.cl, doc, 422, "organisations");
	json_decref(doc);
	doc = expect(&v.cl, "PUT", consent,
	             "{\"profile_scope\":\"network\",\"lived_experience\":false,"
	             "\"text_version\":\"1999\"}", 422);
	assert_problem(&v.cl, doc, 422, "text_version");
	json_decref(doc);
	doc = expect(&v.cl, "PUT", consent,
	             "{\"profile_scope\":\"organisations\",\"organisations\":[999999],"
	             "\"lived_experience\":false,\"text_version\":\"2026-1\"}", 422);
	assert_problem(&v.cl, doc, 422, "organisations");
	json_decref(doc);
	doc = expect(&v.cl, "PUT", consent,
	             "{\"profile_scope\":\"network\",\"text_version\":\"2026-1\"}", 422);
	assert_problem(&v.cl, doc, 422, "lived_experience");
	json_decref(doc);
	if (before != 0)
		assert_true(before == db_fingerprint(&e->srv));
	client_free(&v.cl);
	client_free(&yes);
	client_free(&no);
}

static void new_volunteer_with_lived_experience_needs_consent(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Nieuw");
	struct client coord;
	coordinator(e, org, &coord, NULL);
	json_t *doc = expect(&coord, "POST", "/api/volunteers",
	                     "{\"first_name\":\"Mies\",\"last_name\":\"Bouw\",\"place\":\"Dordrecht\","
	                     "\"lived_experience\":[\"kanker\"]}", 403);
	assert_problem(&coord, doc, 403, "lived_experience");
	json_decref(doc);
	client_free(&coord);
}

/* --- audit --- */

static void views_and_changes_are_audited(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Audit");
	struct person v;
	struct client coord;
	int64_t coord_account = 0;
	person(e, org, &v);
	coordinator(e, org, &coord, &coord_account);
	char path[160];
	snprintf(path, sizeof path, "/api/volunteers/%lld?reason=intakegesprek", (long long)v.id);
	json_decref(expect(&coord, "GET", path, NULL, 200));
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)v.id);
	json_decref(expect(&coord, "PATCH", path, "{\"hours_per_week\":3}", 200));

	/* The person sees who looked, with the reason. */
	snprintf(path, sizeof path, "/api/volunteers/%lld/audit", (long long)v.id);
	json_t *doc = expect(&v.cl, "GET", path, NULL, 200);
	json_t *items = json_object_get(doc, "items");
	bool view = false, update = false;
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		assert_int_equal(json_id(it, "volunteer_id"), v.id);
		if (json_id(it, "account_id") != coord_account)
			continue;
		assert_string_equal(json_str(it, "role"), "coordinator");
		if (strcmp(json_str(it, "action"), "view") == 0) {
			view = true;
			assert_string_equal(json_str(it, "reason"), "intakegesprek");
			assert_true(strstr(json_str(it, "actor_name"), "coordinator") != NULL);
		}
		update |= strcmp(json_str(it, "action"), "update") == 0;
	}
	assert_true(view);
	assert_true(update);
	json_decref(doc);

	/* The administrator searches; others may not. */
	snprintf(path, sizeof path, "/api/audit?volunteer_id=%lld&account_id=%lld&action=view",
	         (long long)v.id, (long long)coord_account);
	assert_int_equal(client_total(&e->admin, path), 1);
	snprintf(path, sizeof path, "/api/audit?volunteer_id=%lld&to=2000-01-01", (long long)v.id);
	assert_int_equal(client_total(&e->admin, path), 0);
	snprintf(path, sizeof path, "/api/audit?volunteer_id=%lld&from=2000-01-01", (long long)v.id);
	assert_true(client_total(&e->admin, path) >= 2);
	json_decref(expect(&coord, "GET", "/api/audit", NULL, 403));
	json_decref(expect(&v.cl, "GET", "/api/audit", NULL, 403));
	doc = expect(&e->admin, "GET", "/api/audit?from=gisteren", NULL, 400);
	assert_problem(&e->admin, doc, 400, "from");
	json_decref(doc);

	/* A help request from a referrer describes a client: its views are logged too. */
	char email[64], body[256];
	fx_email(&e->srv, "verwijzer", email, sizeof email);
	fx_account(&e->admin, "referrer", email, 0, 0);
	struct client ref;
	client_init(&ref, &e->srv);
	assert_int_equal(client_login(&ref, email, FX_PASSWORD), 201);
	snprintf(body, sizeof body, "{\"title\":\"Hulp bij boodschappen\",\"activity\":\"wandelen\","
	         "\"place\":\"Dordrecht\",\"dayparts\":[\"mon-morning\"],\"organisation_id\":%lld}",
	         (long long)org);
	doc = expect(&ref, "POST", "/api/calls", body, 201);
	int64_t call = json_id(doc, "id");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/calls/%lld?reason=triage", (long long)call);
	json_decref(expect(&coord, "GET", path, NULL, 200));
	snprintf(path, sizeof path, "/api/audit?account_id=%lld&action=view&limit=200",
	         (long long)coord_account);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	bool call_view = false;
	json_array_foreach(json_object_get(doc, "items"), i, it)
		call_view |= strcmp(json_str(it, "resource"), "call") == 0 &&
		             json_id(it, "record_id") == call &&
		             strcmp(json_str(it, "reason"), "triage") == 0;
	assert_true(call_view);
	json_decref(doc);
	client_free(&ref);
	client_free(&v.cl);
	client_free(&coord);
}

/* No code path changes or removes audit entries: the sources say so. */
static void audit_log_is_append_only(void **state)
{
	struct env *e = *state;
	const char *matrix = getenv("KNOOPPUNT_MATRIX");
	assert_non_null(matrix);
	char cmd[1024];
	/* tests/api/authz_matrix.tsv → the source root is three levels up. */
	snprintf(cmd, sizeof cmd,
	         "grep -rniE '(UPDATE|DELETE FROM|DROP TABLE|ALTER TABLE)[[:space:]]+audit_log' "
	         "\"$(dirname \"$(dirname \"$(dirname '%s')\")\")/src\" | wc -l", matrix);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	int hits = -1;
	char line[64];
	if (fgets(line, sizeof line, p) != NULL)
		hits = (int)strtol(line, NULL, 10);
	pclose(p);
	assert_int_equal(hits, 0);
	/* And the log only grows while the API is used. */
	int64_t before = count_rows(&e->srv, "audit_log");
	int64_t org = fx_organisation(&e->admin, "Groei");
	fx_volunteer(&e->admin, org, "active");
	assert_true(count_rows(&e->srv, "audit_log") > before);
}

/* --- the person's rights --- */

/* method on base/id/rest with body, expecting status. */
static void post_json(struct client *cl, const char *method, const char *base, int64_t id,
                      const char *rest, const char *body, long status)
{
	char path[96];
	snprintf(path, sizeof path, "%s/%lld%s", base, (long long)id, rest);
	json_decref(expect(cl, method, path, body, status));
}

/* Volunteer-journey data about `vol`, every free text starting with `mark`:
   nazorg on `match` (started and ended here: an active match is asked only
   after two weeks), a journey with step notes, a pause
   request, an exit interview, a transfer to `to` that its coordinator
   declines, a training and a competence. Returns the journey's id. */
static int64_t journey_data(struct env *e, struct client *coord, struct client *self,
                            int64_t vol, int64_t match, int64_t to, const char *mark)
{
	char body[512];
	const char *steps[] = {
		"{\"status\":\"contacted\"}", "{\"status\":\"accepted\"}", "{\"status\":\"active\"}",
		"{\"status\":\"ended\",\"reason\":\"Afgerond\"}",
	};
	for (int i = 0; i < 4; i++)
		post_json(coord, "PATCH", "/api/matches", match, "", steps[i], 200);
	snprintf(body, sizeof body, "{\"answer\":\"adjust\",\"notes\":\"%s nazorg\"}", mark);
	post_json(coord, "PUT", "/api/matches", match, "/aftercare", body, 200);
	/* A journey after the match: starting one makes the volunteer "applied". */
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"notes\":\"%s aanmelding\"}",
	         (long long)vol, mark);
	json_t *doc = expect(coord, "POST", "/api/journeys", body, 201);
	int64_t j = json_id(doc, "id");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"step\":\"intake\",\"notes\":\"%s intake\"}", mark);
	post_json(coord, "POST", "/api/journeys", j, "/steps", body, 200);
	snprintf(body, sizeof body, "{\"kind\":\"pause\",\"note\":\"%s verzoek\"}", mark);
	post_json(self, "POST", "/api/journeys", j, "/requests", body, 201);
	post_json(coord, "POST", "/api/journeys", j, "/steps", "{\"step\":\"exit_interview\"}",
	          200);
	snprintf(body, sizeof body, "{\"reason\":\"moved\",\"outcome\":\"other_organisation\","
	         "\"notes\":\"%s exitgesprek\"}", mark);
	post_json(coord, "POST", "/api/journeys", j, "/exit-interview", body, 201);
	/* A transfer the volunteer agrees to and the receiver declines. */
	struct client receiver;
	coordinator(e, to, &receiver, NULL);
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"to_organisation_id\":%lld,"
	         "\"message\":\"%s overdracht\",\"shared_parts\":[\"contact\"]}", (long long)vol,
	         (long long)to, mark);
	doc = expect(coord, "POST", "/api/transfers", body, 201);
	int64_t t = json_id(doc, "id");
	json_decref(doc);
	post_json(self, "PATCH", "/api/transfers", t, "",
	          "{\"action\":\"consent\",\"shared_parts\":[\"contact\"]}", 200);
	snprintf(body, sizeof body, "{\"action\":\"decline\",\"note\":\"%s afgewezen\"}", mark);
	post_json(&receiver, "PATCH", "/api/transfers", t, "", body, 200);
	client_free(&receiver);
	snprintf(body, sizeof body, "{\"title\":\"Omgaan met dementie\",\"completed_on\":"
	         "\"2025-03-01\",\"certificate\":\"%s certificaat\"}", mark);
	post_json(coord, "POST", "/api/volunteers", vol, "/trainings", body, 201);
	snprintf(body, sizeof body, "{\"ratings\":[{\"competence\":\"cooperating\",\"level\":3,"
	         "\"evidence\":\"%s bewijs\"}]}", mark);
	post_json(self, "PUT", "/api/volunteers", vol, "/competences", body, 200);
	return j;
}

/* How many elements of `items` have a string `key` containing `text`. */
static int with_text(json_t *items, const char *key, const char *text)
{
	int n = 0;
	size_t i;
	json_t *it;
	assert_true(json_is_array(items));
	json_array_foreach(items, i, it)
		n += strstr(json_str(it, key), text) != NULL;
	return n;
}

/* The journey sections of an export hold `vol`'s own data, written with `mark`. */
static void check_journey_sections(json_t *doc, int64_t vol, int64_t journey, const char *mark)
{
	char text[64];
	json_t *journeys = json_object_get(doc, "journeys");
	assert_int_equal(json_array_size(journeys), 1);
	json_t *j = json_array_get(journeys, 0);
	assert_int_equal(json_id(j, "id"), journey);
	assert_int_equal(json_id(j, "volunteer_id"), vol);
	assert_string_equal(json_str(j, "step"), "exit_interview");
	snprintf(text, sizeof text, "%s aanmelding", mark);
	assert_int_equal(with_text(json_object_get(j, "steps"), "notes", text), 1);
	snprintf(text, sizeof text, "%s intake", mark);
	assert_int_equal(with_text(json_object_get(j, "steps"), "notes", text), 1);
	snprintf(text, sizeof text, "%s exitgesprek", mark);
	assert_int_equal(with_text(json_object_get(j, "exit_interviews"), "notes", text), 1);
	snprintf(text, sizeof text, "%s verzoek", mark);
	assert_int_equal(with_text(json_object_get(j, "requests"), "note", text), 1);
	json_t *transfers = json_object_get(doc, "transfers");
	assert_int_equal(json_array_size(transfers), 1);
	assert_int_equal(json_id(json_array_get(transfers, 0), "volunteer_id"), vol);
	snprintf(text, sizeof text, "%s overdracht", mark);
	assert_int_equal(with_text(transfers, "message", text), 1);
	snprintf(text, sizeof text, "%s afgewezen", mark);
	assert_int_equal(with_text(transfers, "decision_note", text), 1);
	snprintf(text, sizeof text, "%s certificaat", mark);
	assert_int_equal(json_array_size(json_object_get(doc, "trainings")), 1);
	assert_int_equal(with_text(json_object_get(doc, "trainings"), "certificate", text), 1);
	snprintf(text, sizeof text, "%s bewijs", mark);
	assert_int_equal(json_array_size(json_object_get(doc, "competences")), 1);
	assert_int_equal(with_text(json_object_get(doc, "competences"), "evidence", text), 1);
}

static void export_holds_everything_about_the_person(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Inzage");
	struct person v;
	struct client coord;
	person(e, org, &v);
	coordinator(e, org, &coord, NULL);
	set_consent(&v.cl, v.id, "network", 0, true, 200);
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)v.id);
	json_decref(expect(&v.cl, "PATCH", path, "{\"lived_experience\":[\"mantelzorger\"]}", 200));
	int64_t call = fx_call(&coord, org, "Samen koken");
	int64_t match = fx_match(&coord, call, v.id);
	/* Journey data of the person and of another volunteer of the same organisation. */
	int64_t to = fx_organisation(&e->admin, "Inzage overname");
	int64_t journey = journey_data(e, &coord, &v.cl, v.id, match, to, "Eigen-inzage");
	struct person w;
	person(e, org, &w);
	int64_t other_match = fx_match(&coord, fx_call(&coord, org, "Samen wandelen"), w.id);
	int64_t other_journey = journey_data(e, &coord, &w.cl, w.id, other_match, to, "Ander-inzage");
	snprintf(path, sizeof path, "/api/volunteers/%lld/export", (long long)v.id);
	json_t *doc = expect(&v.cl, "GET", path, NULL, 200);
	assert_null(strstr(v.cl.raw, "Ander-inzage"));
	check_journey_sections(doc, v.id, journey, "Eigen-inzage");
	json_t *vol = json_object_get(doc, "volunteer");
	assert_int_equal(json_id(vol, "id"), v.id);
	assert_int_equal(json_array_size(json_object_get(vol, "lived_experience")), 1);
	assert_string_equal(json_str(json_object_get(doc, "consent"), "profile_scope"), "network");
	json_t *accounts = json_object_get(doc, "accounts");
	assert_int_equal(json_array_size(accounts), 1);
	assert_string_equal(json_str(json_array_get(accounts, 0), "email"), v.email);
	assert_true(json_array_size(json_object_get(json_array_get(accounts, 0), "sessions")) >= 1);
	json_t *matches = json_object_get(doc, "matches");
	assert_int_equal(json_array_size(matches), 1);
	assert_int_equal(json_id(json_array_get(matches, 0), "id"), match);
	assert_true(json_array_size(json_object_get(json_array_get(matches, 0), "events")) >= 1);
	json_t *aftercare = json_object_get(json_array_get(matches, 0), "aftercare");
	assert_string_equal(json_str(aftercare, "answer"), "adjust");
	assert_string_equal(json_str(aftercare, "notes"), "Eigen-inzage nazorg");
	bool export_logged = false;
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(doc, "audit"), i, it)
		export_logged |= strcmp(json_str(it, "action"), "export") == 0;
	assert_true(export_logged);
	assert_null(strstr(v.cl.raw, "password"));
	assert_null(strstr(v.cl.raw, "argon2"));
	json_decref(doc);
	/* The administrator's export leaves the health data out. */
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_null(json_object_get(json_object_get(doc, "volunteer"), "lived_experience"));
	json_decref(doc);
	json_decref(expect(&coord, "GET", path, NULL, 403));
	/* And the other way round. */
	snprintf(path, sizeof path, "/api/volunteers/%lld/export", (long long)w.id);
	doc = expect(&w.cl, "GET", path, NULL, 200);
	assert_null(strstr(w.cl.raw, "Eigen-inzage"));
	check_journey_sections(doc, w.id, other_journey, "Ander-inzage");
	json_decref(doc);
	client_free(&v.cl);
	client_free(&w.cl);
	client_free(&coord);
}

/* Every text value in every table of the SQLite file that contains one of
   needles (case-insensitive); prints where. */
static int scan_for(const struct server *s, const char *const *needles, int n)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *tables = NULL;
	int hits = 0;
	assert_int_equal(sqlite3_open_v2(s->sqlite_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'",
	                                    -1, &tables, NULL), SQLITE_OK);
	int scanned = 0;
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char sql[256];
		const char *table = (const char *)sqlite3_column_text(tables, 0);
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", table);
		sqlite3_stmt *rows = NULL;
		if (sqlite3_prepare_v2(db, sql, -1, &rows, NULL) != SQLITE_OK)
			continue;
		scanned++;
		while (sqlite3_step(rows) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(rows); c++) {
				const char *text = (const char *)sqlite3_column_text(rows, c);
				for (int k = 0; text != NULL && k < n; k++)
					if (strcasestr(text, needles[k]) != NULL) {
						hits++;
						print_error("personal value '%s' left in %s.%s\n", needles[k], table,
						            sqlite3_column_name(rows, c));
					}
			}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	sqlite3_close(db);
	assert_true(scanned >= 15);
	return hits;
}

static void erasure_leaves_nothing_personal_and_keeps_figures(void **state)
{
	struct env *e = *state;
	bool sqlite = e->srv.db_url[0] == '\0'; /* the scan reads the SQLite file */
	int64_t org = fx_organisation(&e->admin, "Vergeten");
	struct client coord;
	coordinator(e, org, &coord, NULL);
	json_t *doc = expect(&coord, "POST", "/api/volunteers",
	                     "{\"first_name\":\"Zwaantje\",\"last_name\":\"Klaassen-Vermeulen\","
	                     "\"email\":\"zwaantje.kv@voorbeeld.nl\",\"phone\":\"06-98765432\","
	                     "\"place\":\"Papendrecht\",\"birth_year\":1961,\"status\":\"active\","
	                     "\"vog_date\":\"2025-02-03\",\"activities\":[\"wandelen\"],"
	                     "\"motivation_text\":\"Na mijn eigen ziekte wil ik graag iets terugdoen\","
	                     "\"max_matches\":3}", 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	struct client v;
	fx_account(&e->admin, "volunteer", "zwaantje.kv@voorbeeld.nl", 0, id);
	client_init(&v, &e->srv);
	assert_int_equal(client_login(&v, "zwaantje.kv@voorbeeld.nl", FX_PASSWORD), 201);
	set_consent(&v, id, "network", 0, true, 200);
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)id);
	json_decref(expect(&v, "PATCH", path, "{\"lived_experience\":[\"kanker\"]}", 200));
	/* An offer of her own, a match with a reason, and one that ended. */
	json_decref(expect(&v, "POST", "/api/calls",
	                   "{\"title\":\"Zwaantje biedt wandelen aan\",\"description\":\"Bel Zwaantje "
	                   "op 06-98765432\",\"activity\":\"wandelen\",\"place\":\"Papendrecht\","
	                   "\"dayparts\":[\"tue-morning\"]}", 201));
	int64_t call = fx_call(&coord, org, "Wandelen met mevrouw");
	int64_t match = fx_match(&coord, call, id);
	char mpath[64];
	snprintf(mpath, sizeof mpath, "/api/matches/%lld", (long long)match);
	json_decref(expect(&coord, "PATCH", mpath,
	                   "{\"status\":\"declined\","
	                   "\"reason\":\"Zwaantje Klaassen-Vermeulen is ziek\"}",
	                   200));
	json_decref(expect(&coord, "GET", path, NULL, 200)); /* an audited view */
	/* Her journey, with her name in every free text it has. */
	int64_t active = fx_match(&coord, fx_call(&coord, org, "Boodschappen doen"), id);
	journey_data(e, &coord, &v, id, active, fx_organisation(&e->admin, "Vergeten overname"),
	             "Zwaantje Klaassen-Vermeulen");
	/* The coordinator's private note and contact log about her. */
	snprintf(path, sizeof path, "/api/volunteers/%lld/notes", (long long)id);
	json_decref(expect(&coord, "POST", path,
	                   "{\"kind\":\"contact\",\"channel\":\"phone\",\"happened_on\":"
	                   "\"2026-01-05\",\"body\":\"Zwaantje Klaassen-Vermeulen belde: "
	                   "06-98765432\"}",
	                   201));
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)id);

	int64_t volunteers = count_rows(&e->srv, "volunteers");
	int64_t matches = count_rows(&e->srv, "matches");
	int64_t calls = count_rows(&e->srv, "calls");
	char list[96];
	snprintf(list, sizeof list, "/api/volunteers?organisation_id=%lld", (long long)org);
	int64_t org_total = client_total(&e->admin, list);
	char by_call[96];
	snprintf(by_call, sizeof by_call, "/api/matches?call_id=%lld", (long long)call);
	int64_t call_matches = client_total(&e->admin, by_call);

	/* The lists have shown her and her offer (and the server may keep them
	   written). */
	char calls_list[96];
	snprintf(calls_list, sizeof calls_list, "/api/calls?organisation_id=%lld", (long long)org);
	doc = expect(&coord, "GET", calls_list, NULL, 200);
	char *text = json_dumps(doc, 0);
	assert_non_null(strstr(text, "Zwaantje biedt wandelen aan"));
	free(text);
	json_decref(doc);
	doc = expect(&coord, "GET", list, NULL, 200);
	text = json_dumps(doc, 0);
	assert_non_null(strstr(text, "zwaantje.kv@voorbeeld.nl"));
	free(text);
	json_decref(doc);

	/* A coordinator may not erase; the administrator may. */
	snprintf(path, sizeof path, "/api/volunteers/%lld/erasure", (long long)id);
	json_decref(expect(&coord, "POST", path, "{\"reason\":\"verzoek\"}", 403));
	json_decref(expect(&e->admin, "POST", path, "{\"reason\":\"verzoek van betrokkene\"}", 200));

	const char *const needles[] = { "Zwaantje", "Klaassen", "zwaantje.kv", "98765432",
	                                "terugdoen", "2025-02-03" };
	if (sqlite) {
		assert_int_equal(scan_for(&e->srv, needles, 6), 0);
		assert_int_equal(rows_about(&e->srv, "volunteer_experiences", "volunteer_id", id), 0);
		assert_int_equal(rows_about(&e->srv, "volunteer_items", "volunteer_id", id), 0);
		assert_int_equal(rows_about(&e->srv, "volunteer_consents", "volunteer_id", id), 0);
	}

	/* Nor do the lists show her or her offer as they were. */
	const char *lists[] = { calls_list, list };
	for (int k = 0; k < 2; k++) {
		doc = expect(&e->admin, "GET", lists[k], NULL, 200);
		text = json_dumps(doc, 0);
		for (int i = 0; i < 6; i++)
			assert_null(strstr(text, needles[i]));
		free(text);
		json_decref(doc);
	}

	/* Figures stay right. */
	assert_int_equal(count_rows(&e->srv, "volunteers"), volunteers);
	assert_int_equal(count_rows(&e->srv, "matches"), matches);
	assert_int_equal(count_rows(&e->srv, "calls"), calls);
	assert_int_equal(client_total(&e->admin, list), org_total);
	assert_int_equal(client_total(&e->admin, by_call), call_matches);
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)id);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "first_name"), "Geanonimiseerd");
	assert_string_equal(json_str(doc, "place"), "Papendrecht");
	assert_string_equal(json_str(doc, "status"), "stopped");
	json_decref(doc);

	/* The person's sessions and login are gone. */
	json_decref(expect(&v, "GET", "/api/session", NULL, 401));
	struct client again;
	client_init(&again, &e->srv);
	assert_int_equal(client_login(&again, "zwaantje.kv@voorbeeld.nl", FX_PASSWORD), 401);
	client_free(&again);
	/* The erasure itself is on record, without a name. */
	snprintf(path, sizeof path, "/api/audit?volunteer_id=%lld&action=erase", (long long)id);
	assert_int_equal(client_total(&e->admin, path), 1);
	client_free(&v);
	client_free(&coord);
}

/* Runs the knooppunt binary with args; returns its exit status, output in out. */
static void backdate(const struct server *s, int64_t id, int64_t seconds_ago)
{
	sqlite3 *db = NULL;
	char sql[160];
	snprintf(sql, sizeof sql,
	         "UPDATE volunteers SET updated_at = updated_at - %lld WHERE id = %lld",
	         (long long)seconds_ago, (long long)id);
	assert_int_equal(sqlite3_open(s->sqlite_path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static const char *first_name(struct env *e, int64_t id, char *out, size_t cap)
{
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)id);
	json_t *doc = expect(&e->admin, "GET", path, NULL, 200);
	snprintf(out, cap, "%s", json_str(doc, "first_name"));
	json_decref(doc);
	return out;
}

/* A person erased by the system (retention, erase-person) leaves an audit
   row without an account; the log, the person's own audit and the search by
   action still answer, naming the actor "system". */
static void audit_reads_after_a_system_erasure(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Systeemwissing");
	int64_t id = fx_volunteer(&e->admin, org, "stopped");
	char args[96], out[1024], path[96];
	snprintf(args, sizeof args, "erase-person --volunteer %lld", (long long)id);
	assert_int_equal(server_cli(&e->srv, args, out, sizeof out), 0);
	json_t *doc = expect(&e->admin, "GET", "/api/audit?action=erase", NULL, 200);
	size_t i;
	json_t *it;
	bool found = false;
	json_array_foreach(json_object_get(doc, "items"), i, it)
		found |= json_id(it, "volunteer_id") == id &&
		         strcmp(json_str(it, "role"), "system") == 0;
	assert_true(found);
	json_decref(doc);
	json_decref(expect(&e->admin, "GET", "/api/audit", NULL, 200));
	snprintf(path, sizeof path, "/api/volunteers/%lld/audit", (long long)id);
	json_decref(expect(&e->admin, "GET", path, NULL, 200));
}

static void retention_anonymises_only_long_stopped_volunteers(void **state)
{
	struct env *e = *state;
	sqlite_only(&e->srv);
	int64_t org = fx_organisation(&e->admin, "Bewaren");
	int64_t old_stopped = fx_volunteer(&e->admin, org, "stopped");
	int64_t recent_stopped = fx_volunteer(&e->admin, org, "stopped");
	int64_t old_active = fx_volunteer(&e->admin, org, "active");
	const int64_t year = 36525 * 864;
	backdate(&e->srv, old_stopped, 3 * year);
	backdate(&e->srv, old_active, 3 * year);
	backdate(&e->srv, recent_stopped, year + 86400); /* a day past one year */
	char out[1024], name[64];
	assert_int_equal(server_cli(&e->srv, "retention --years 0", out, sizeof out), 2);
	assert_int_equal(server_cli(&e->srv, "retention --years 2", out, sizeof out), 0);
	assert_non_null(strstr(out, "geanonimiseerd"));
	assert_string_equal(first_name(e, old_stopped, name, sizeof name), "Geanonimiseerd");
	assert_string_not_equal(first_name(e, recent_stopped, name, sizeof name), "Geanonimiseerd");
	assert_string_not_equal(first_name(e, old_active, name, sizeof name), "Geanonimiseerd");
	/* A shorter period reaches the other one; a second run finds nothing new. */
	assert_int_equal(server_cli(&e->srv, "retention --years 1", out, sizeof out), 0);
	assert_string_equal(first_name(e, recent_stopped, name, sizeof name), "Geanonimiseerd");
	assert_int_equal(server_cli(&e->srv, "retention --years 1", out, sizeof out), 0);
	assert_non_null(strstr(out, ": 0 vrijwilliger"));
	assert_string_not_equal(first_name(e, old_active, name, sizeof name), "Geanonimiseerd");

	/* erase-person does one on request. */
	char args[96];
	snprintf(args, sizeof args, "erase-person --volunteer %lld", (long long)old_active);
	assert_int_equal(server_cli(&e->srv, args, out, sizeof out), 0);
	assert_string_equal(first_name(e, old_active, name, sizeof name), "Geanonimiseerd");
	assert_int_equal(server_cli(&e->srv, "erase-person --volunteer 99999999", out, sizeof out), 1);
	assert_int_equal(server_cli(&e->srv, "erase-person", out, sizeof out), 2);
}

/* The server runs retention itself, as a scheduled job (here every second,
   with a one-year period, on a second server sharing the database). */
static void server_runs_retention_daily(void **state)
{
	struct env *e = *state;
	sqlite_only(&e->srv);
	int64_t org = fx_organisation(&e->admin, "Dagelijks");
	int64_t stopped = fx_volunteer(&e->admin, org, "stopped");
	int64_t active = fx_volunteer(&e->admin, org, "active");
	backdate(&e->srv, stopped, 2 * 36525 * 864);
	backdate(&e->srv, active, 2 * 36525 * 864);
	/* More than one transaction's worth (RETENTION_CHUNK): the run goes on. */
	int64_t more[RETENTION_CHUNK + 5];
	for (int i = 0; i < RETENTION_CHUNK + 5; i++) {
		more[i] = fx_volunteer(&e->admin, org, "stopped");
		backdate(&e->srv, more[i], 2 * 36525 * 864);
	}
	setenv("KNOOPPUNT_JOB_PERIOD", "1", 1);
	setenv("KNOOPPUNT_RETENTION_YEARS", "1", 1);
	struct server second;
	int started = server_start_on(&second, &e->srv);
	unsetenv("KNOOPPUNT_JOB_PERIOD");
	unsetenv("KNOOPPUNT_RETENTION_YEARS");
	assert_int_equal(started, 0);
	char name[64];
	for (int i = 0; i < 100 && strcmp(first_name(e, stopped, name, sizeof name),
	                                   "Geanonimiseerd") != 0; i++)
		usleep(100 * 1000);
	assert_string_equal(first_name(e, stopped, name, sizeof name), "Geanonimiseerd");
	assert_string_not_equal(first_name(e, active, name, sizeof name), "Geanonimiseerd");
	for (int i = 0; i < RETENTION_CHUNK + 5; i++) {
		for (int k = 0; k < 100 && strcmp(first_name(e, more[i], name, sizeof name),
		                                  "Geanonimiseerd") != 0; k++)
			usleep(100 * 1000);
		assert_string_equal(first_name(e, more[i], name, sizeof name), "Geanonimiseerd");
	}
	assert_int_equal(server_stop(&second), 0);
}

/* --- sessions and web security --- */

static void sessions_are_listed_and_revoked(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Sessies");
	char email[64];
	fx_email(&e->srv, "sessies", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, org, 0);
	struct client a, b;
	client_init(&a, &e->srv);
	client_init(&b, &e->srv);
	assert_int_equal(client_login(&a, email, FX_PASSWORD), 201);
	assert_int_equal(client_login(&b, email, FX_PASSWORD), 201);
	json_t *doc = expect(&a, "GET", "/api/sessions", NULL, 200);
	json_t *items = json_object_get(doc, "items");
	assert_int_equal(json_array_size(items), 2);
	int current = 0;
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
		current += json_is_true(json_object_get(it, "current"));
	assert_int_equal(current, 1);
	json_decref(doc);
	/* Without the CSRF token nothing is revoked. */
	doc = client_raw(&a, "DELETE", "/api/sessions", NULL, 0, NULL, false, NULL);
	assert_problem(&a, doc, 403, "");
	assert_string_equal(json_str(doc, "code"), "csrf");
	json_decref(doc);
	json_decref(expect(&b, "GET", "/api/session", NULL, 200));
	doc = expect(&a, "DELETE", "/api/sessions", NULL, 200);
	assert_int_equal(json_id(doc, "revoked"), 1);
	json_decref(doc);
	json_decref(expect(&b, "GET", "/api/session", NULL, 401));
	json_decref(expect(&a, "GET", "/api/session", NULL, 200));
	client_free(&a);
	client_free(&b);
}

static void state_changes_need_the_csrf_token(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Csrf");
	struct person v;
	person(e, org, &v);
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)v.id);
	const char *body = "{\"hours_per_week\":9}";
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = client_raw(&v.cl, "PATCH", path, body, strlen(body), "application/json", false,
	                         NULL);
	assert_problem(&v.cl, doc, 403, "");
	assert_string_equal(json_str(doc, "code"), "csrf");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/volunteers/%lld/erasure", (long long)v.id);
	doc = client_raw(&v.cl, "POST", path, "{}", 2, "application/json", false, NULL);
	assert_problem(&v.cl, doc, 403, "");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/volunteers/%lld/consent", (long long)v.id);
	doc = client_raw(&v.cl, "DELETE", path, NULL, 0, NULL, false, NULL);
	assert_problem(&v.cl, doc, 403, "");
	json_decref(doc);
	if (before != 0)
		assert_true(before == db_fingerprint(&e->srv));
	client_free(&v.cl);
}

static size_t on_header(char *data, size_t size, size_t n, void *ctx)
{
	char *all = ctx;
	size_t len = strlen(all), add = size * n;
	if (len + add < 8192) {
		memcpy(all + len, data, add);
		all[len + add] = '\0';
	}
	return size * n;
}

static void security_headers_on_every_answer(void **state)
{
	struct env *e = *state;
	const char *paths[] = { "/api/health", "/api/volunteers", "/" };
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		char url[256], headers[8192] = "";
		snprintf(url, sizeof url, "%s%s", e->srv.base, paths[i]);
		CURL *curl = curl_easy_init();
		curl_easy_setopt(curl, CURLOPT_URL, url);
		curl_easy_setopt(curl, CURLOPT_NOBODY, 0L);
		curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
		curl_easy_setopt(curl, CURLOPT_HEADERDATA, headers);
		curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_header);
		char body[8192] = "";
		curl_easy_setopt(curl, CURLOPT_WRITEDATA, body);
		assert_int_equal(curl_easy_perform(curl), CURLE_OK);
		curl_easy_cleanup(curl);
		assert_non_null(strcasestr(headers, "X-Content-Type-Options: nosniff"));
		assert_non_null(strcasestr(headers, "Referrer-Policy: no-referrer"));
		assert_non_null(strcasestr(headers, "Content-Security-Policy:"));
		assert_non_null(strcasestr(headers, "frame-ancestors 'none'"));
	}
}

/* A login as from `client` behind a proxy (X-Forwarded-For); the HTTP status. */
static long login_via_proxy(const struct server *srv, const char *email, const char *password,
                            const char *client)
{
	char url[128], body[256], xff[96], sink[4096] = "";
	snprintf(url, sizeof url, "%s/api/session", srv->base);
	snprintf(body, sizeof body, "{\"email\":\"%s\",\"password\":\"%s\"}", email, password);
	snprintf(xff, sizeof xff, "X-Forwarded-For: 203.0.113.9, %s", client);
	struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
	h = curl_slist_append(h, xff);
	CURL *curl = curl_easy_init();
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_header);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, sink);
	long status = 0;
	if (curl_easy_perform(curl) == CURLE_OK)
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(curl);
	curl_slist_free_all(h);
	return status;
}

/* Behind a trusted proxy the limit counts the forwarded client address, so
   one client's failures do not lock everybody out; the account limit holds. */
static void rate_limit_behind_a_trusted_proxy(void **state)
{
	(void)state;
	struct server srv;
	setenv("KNOOPPUNT_TRUSTED_PROXY", "127.0.0.1", 1);
	int started = server_start(&srv);
	unsetenv("KNOOPPUNT_TRUSTED_PROXY");
	assert_int_equal(started, 0);
	for (int i = 0; i < 5; i++)
		assert_int_equal(login_via_proxy(&srv, "niemand@test.nl", "fout-123456", "192.0.2.1"),
		                 401);
	assert_int_equal(login_via_proxy(&srv, ADMIN_EMAIL, ADMIN_PASSWORD, "192.0.2.1"), 429);
	assert_int_equal(login_via_proxy(&srv, ADMIN_EMAIL, ADMIN_PASSWORD, "192.0.2.2"), 201);
	char client[32];
	for (int i = 0; i < 5; i++) {
		snprintf(client, sizeof client, "192.0.2.%d", 10 + i);
		assert_int_equal(login_via_proxy(&srv, ADMIN_EMAIL, "fout-123456", client), 401);
	}
	assert_int_equal(login_via_proxy(&srv, ADMIN_EMAIL, ADMIN_PASSWORD, "192.0.2.20"), 429);
	assert_int_equal(server_stop(&srv), 0);
}

/* Last, on a server of its own: it blocks the test address for a while. */
static void login_is_rate_limited(void **state)
{
	(void)state;
	struct server srv;
	assert_int_equal(server_start(&srv), 0);
	struct client cl;
	client_init(&cl, &srv);
	for (int i = 0; i < 5; i++)
		assert_int_equal(client_login(&cl, ADMIN_EMAIL, "fout-wachtwoord-123"), 401);
	/* Now even the right password waits, for this account and this address. */
	assert_int_equal(client_login(&cl, ADMIN_EMAIL, ADMIN_PASSWORD), 429);
	json_t *doc = json_loadb(cl.raw, cl.raw_len, 0, NULL);
	assert_problem(&cl, doc, 429, "email");
	assert_string_equal(json_str(doc, "code"), "too_many_attempts");
	json_decref(doc);
	assert_int_equal(client_login(&cl, "iemand-anders@test.nl", "wat-dan-ook-123"), 429);
	client_free(&cl);
	assert_int_equal(server_stop(&srv), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(consent_decides_visibility_and_withdrawal_is_immediate),
		cmocka_unit_test(consent_for_selected_organisations_and_bad_input),
		cmocka_unit_test(matching_respects_consent),
		cmocka_unit_test(new_volunteer_with_lived_experience_needs_consent),
		cmocka_unit_test(views_and_changes_are_audited),
		cmocka_unit_test(audit_log_is_append_only),
		cmocka_unit_test(export_holds_everything_about_the_person),
		cmocka_unit_test(erasure_leaves_nothing_personal_and_keeps_figures),
		cmocka_unit_test(audit_reads_after_a_system_erasure),
		cmocka_unit_test(retention_anonymises_only_long_stopped_volunteers),
		cmocka_unit_test(server_runs_retention_daily),
		cmocka_unit_test(sessions_are_listed_and_revoked),
		cmocka_unit_test(state_changes_need_the_csrf_token),
		cmocka_unit_test(security_headers_on_every_answer),
		cmocka_unit_test(login_is_rate_limited),
		cmocka_unit_test(rate_limit_behind_a_trusted_proxy),
	};
	return cmocka_run_group_tests_name("privacy", tests, env_setup, env_teardown);
}
