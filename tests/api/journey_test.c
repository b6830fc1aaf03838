/*
 * The volunteer journey through the API on a real server: steps and their
 * guards, the matching gate, reminders on the right day with a clock the
 * test moves (KNOOPPUNT_NOW=@file), mails queued once, the exit interview,
 * warm transfers that share exactly the consented parts, nazorg, and
 * appreciation.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char clock_file[64] = "/tmp/journey-clock-XXXXXX";

/* The logins of the running test: moving the clock past the session
   lifetime ends every session, so set_today logs them in again. */
#define LOGINS_MAX 8
static struct login {
	struct client *cl;
	char email[64];
} logins[LOGINS_MAX];
static int n_logins;
static struct env *current;

static void begin(struct env *e)
{
	current = e;
	n_logins = 0;
}

static void remember(struct client *cl, const char *email)
{
	assert_true(n_logins < LOGINS_MAX);
	logins[n_logins].cl = cl;
	snprintf(logins[n_logins].email, sizeof logins[n_logins].email, "%s", email);
	n_logins++;
}

/* Logs in again when the session ended at the new time. */
static void relogin(struct client *cl, const char *email, const char *password)
{
	long status = 0;
	json_decref(client_request(cl, "GET", "/api/session", NULL, &status));
	if (status != 200)
		assert_int_equal(client_login(cl, email, password), 201);
}

/* Moves the server's clock to noon (UTC) of `date`. */
static void set_today(const char *date)
{
	fx_clock_set(clock_file, date);
	if (current == NULL)
		return;
	relogin(&current->admin, ADMIN_EMAIL, ADMIN_PASSWORD);
	for (int i = 0; i < n_logins; i++)
		relogin(logins[i].cl, logins[i].email, FX_PASSWORD);
}

/* A coordinator of `org`, logged in. */
static void coordinator(struct env *e, int64_t org, struct client *cl, char *email, size_t cap)
{
	fx_email(&e->srv, "coordinator", email, cap);
	fx_account(&e->admin, "coordinator", email, org, 0);
	client_init(cl, &e->srv);
	assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
	remember(cl, email);
}

/* The volunteer's own login. */
static void volunteer_login(struct env *e, int64_t vol, struct client *cl)
{
	char email[64];
	fx_email(&e->srv, "vrijwilliger", email, sizeof email);
	fx_account(&e->admin, "volunteer", email, 0, vol);
	client_init(cl, &e->srv);
	assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
	remember(cl, email);
}

static int64_t start_journey(struct client *cl, int64_t vol, const char *on)
{
	char body[128];
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"on_date\":\"%s\"}", (long long)vol,
	         on);
	json_t *doc = expect(cl, "POST", "/api/journeys", body, 201);
	assert_string_equal(json_str(doc, "step"), "signed_up");
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	return id;
}

/* POST a step and check the answer's status; returns the answer. */
static json_t *step(struct client *cl, int64_t journey, const char *body, long status)
{
	char path[80];
	snprintf(path, sizeof path, "/api/journeys/%lld/steps", (long long)journey);
	return expect(cl, "POST", path, body, status);
}

static void step_ok(struct client *cl, int64_t journey, const char *name, const char *on)
{
	char body[128];
	snprintf(body, sizeof body, "{\"step\":\"%s\",\"on_date\":\"%s\"}", name, on);
	json_t *doc = step(cl, journey, body, 200);
	assert_string_equal(json_str(doc, "step"), name);
	assert_string_equal(json_str(doc, "step_on"), on);
	json_decref(doc);
}

static void step_refused(struct client *cl, int64_t journey, const char *body, long status,
                         const char *field, const char *code)
{
	json_t *doc = step(cl, journey, body, status);
	assert_problem(cl, doc, status, field);
	assert_string_equal(json_str(doc, "code"), code);
	json_decref(doc);
}

static const char *volunteer_field(struct client *cl, int64_t vol, const char *key, char *out,
                                   size_t cap)
{
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_t *doc = expect(cl, "GET", path, NULL, 200);
	json_t *v = json_object_get(doc, key);
	snprintf(out, cap, "%s", json_is_string(v) ? json_string_value(v) : json_is_null(v) ? "null"
	                                                                               : "?");
	if (json_is_integer(v))
		snprintf(out, cap, "%lld", (long long)json_integer_value(v));
	json_decref(doc);
	return out;
}

static void put_settings(struct client *cl, int64_t org, const char *body)
{
	char path[80];
	snprintf(path, sizeof path, "/api/organisations/%lld/journey-settings", (long long)org);
	json_decref(expect(cl, "PUT", path, body, 200));
}

static int64_t match_call(struct client *cl, int64_t call, int64_t vol, long status,
                          const char *code)
{
	char body[96];
	snprintf(body, sizeof body, "{\"call_id\":%lld,\"volunteer_id\":%lld}", (long long)call,
	         (long long)vol);
	json_t *doc = expect(cl, "POST", "/api/matches", body, status);
	int64_t id = 0;
	if (status == 201)
		id = json_id(doc, "id");
	else
		assert_string_equal(json_str(doc, "code"), code);
	json_decref(doc);
	return id;
}

static void journey_steps_guards_and_matching_gate(void **state)
{
	struct env *e = *state;
	begin(e);
	struct client co, self, other;
	char email[64], v[32];
	set_today("2026-03-01");
	int64_t org = fx_organisation(&e->admin, "Reis VOG");
	coordinator(e, org, &co, email, sizeof email);
	put_settings(&co, org, "{\"requires_vog\":true}");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	int64_t other_vol = fx_volunteer(&e->admin, org, "active");
	volunteer_login(e, vol, &self);
	volunteer_login(e, other_vol, &other);
	int64_t call = fx_call(&co, org, "Wandelen met mevrouw");

	int64_t j = start_journey(&co, vol, "2026-02-01");
	assert_string_equal(volunteer_field(&co, vol, "status", v, sizeof v), "applied");
	/* The journey drives the status: it is not set by hand while a journey runs. */
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_t *doc = expect(&co, "PATCH", path, "{\"status\":\"active\"}", 409);
	assert_problem(&co, doc, 409, "status");
	assert_string_equal(json_str(doc, "code"), "status_follows_journey");
	json_decref(doc);
	match_call(&co, call, vol, 409, "volunteer_not_active");

	int64_t steps_before = count_rows(&e->srv, "journey_steps");
	step_refused(&co, j, "{\"step\":\"first_deployment\"}", 409, "step", "invalid_step");
	step_refused(&co, j, "{\"step\":\"intake\",\"on_date\":\"2026-01-31\"}", 422, "on_date",
	             "date_before_current_step");
	step_refused(&co, j, "{\"step\":\"intake\",\"on_date\":\"2026-03-02\"}", 422, "on_date",
	             "date_in_future");
	step_refused(&co, j, "{\"step\":\"naar huis\"}", 422, "step", "invalid_choice");
	step_refused(&co, j, "{\"step\":\"intake\",\"extra\":1}", 422, "extra", "unknown_field");
	step_refused(&self, j, "{\"step\":\"intake\"}", 403, "", "forbidden");
	step_ok(&co, j, "intake", "2026-02-10");
	step_refused(&co, j, "{\"step\":\"basic_training\"}", 409, "step", "invalid_step");
	step_refused(&co, j, "{\"step\":\"vog_received\"}", 409, "vog_date", "vog_missing");
	/* A VOG older than 36 months: refused, and the date is not written. */
	step_refused(&co, j, "{\"step\":\"vog_received\",\"vog_date\":\"2022-01-01\"}", 409,
	             "vog_date", "vog_expired");
	assert_string_equal(volunteer_field(&co, vol, "vog_date", v, sizeof v), "null");
	if (steps_before >= 0)
		assert_int_equal(count_rows(&e->srv, "journey_steps"), steps_before + 1);
	doc = step(&co, j, "{\"step\":\"vog_received\",\"on_date\":\"2026-02-25\","
	                   "\"vog_date\":\"2026-02-20\",\"notes\":\"VOG binnen\"}", 200);
	assert_string_equal(json_str(doc, "step"), "vog_received");
	json_decref(doc);
	assert_string_equal(volunteer_field(&co, vol, "vog_date", v, sizeof v), "2026-02-20");
	/* Still a required step to go (the basic training): not yet matchable. */
	assert_string_equal(volunteer_field(&co, vol, "status", v, sizeof v), "applied");
	snprintf(path, sizeof path, "/api/journeys/%lld", (long long)j);
	doc = expect(&co, "GET", path, NULL, 200);
	assert_false(json_is_true(json_object_get(doc, "ready")));
	json_t *training = json_array_get(json_object_get(doc, "checklist"), 2);
	assert_string_equal(json_str(training, "step"), "basic_training");
	assert_true(json_is_true(json_object_get(training, "required")) &&
	            json_is_false(json_object_get(training, "done")));
	json_decref(doc);
	/* Through the required steps she is active and can be matched: no "first
	   deployment" before any work can exist. */
	step_ok(&co, j, "basic_training", "2026-02-26");
	assert_string_equal(volunteer_field(&co, vol, "status", v, sizeof v), "active");
	int64_t m = match_call(&co, call, vol, 201, NULL);
	/* The first work that starts records the first deployment. */
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)m);
	const char *const to_active[] = { "{\"status\":\"contacted\"}", "{\"status\":\"accepted\"}",
	                                  "{\"status\":\"active\"}" };
	for (int i = 0; i < 3; i++)
		json_decref(expect(&co, "PATCH", path, to_active[i], 200));

	/* The volunteer sees the own history; another volunteer does not. */
	snprintf(path, sizeof path, "/api/journeys/%lld", (long long)j);
	doc = expect(&self, "GET", path, NULL, 200);
	json_t *steps = json_object_get(doc, "steps");
	assert_int_equal(json_array_size(steps), 5);
	assert_string_equal(json_str(json_array_get(steps, 4), "step"), "first_deployment");
	json_t *vog = json_array_get(steps, 2);
	assert_string_equal(json_str(vog, "step"), "vog_received");
	assert_string_equal(json_str(vog, "on_date"), "2026-02-25");
	assert_string_equal(json_str(vog, "notes"), "VOG binnen");
	assert_string_equal(json_str(vog, "actor_name"), email);
	assert_string_equal(json_str(vog, "from"), "intake");
	json_decref(doc);
	json_decref(expect(&other, "GET", path, NULL, 403));
	snprintf(path, sizeof path, "/api/volunteers/%lld/journeys", (long long)vol);
	doc = expect(&self, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	json_decref(doc);
	client_free(&co);
	client_free(&self);
	client_free(&other);
}

static void vog_required_by_call(void **state)
{
	struct env *e = *state;
	begin(e);
	struct client co;
	char email[64], path[64];
	set_today("2026-03-01");
	int64_t org = fx_organisation(&e->admin, "Reis oproep VOG");
	coordinator(e, org, &co, email, sizeof email);
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	int64_t call = fx_call(&co, org, "Nachtwake");
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	json_decref(expect(&co, "PATCH", path, "{\"requires_vog\":true}", 200));
	/* No journey at all: the call's VOG need still holds. */
	match_call(&co, call, vol, 409, "vog_missing");
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(&co, "PATCH", path, "{\"vog_date\":\"2022-12-31\"}", 200));
	match_call(&co, call, vol, 409, "vog_expired");
	json_decref(expect(&co, "PATCH", path, "{\"vog_date\":\"2023-03-01\"}", 200));
	match_call(&co, call, vol, 201, NULL);
	client_free(&co);
}

/* The tasks of the coordinator's organisation of one kind, as a list answer. */
static json_t *tasks(struct client *cl, const char *kind)
{
	char path[64];
	snprintf(path, sizeof path, "/api/tasks?kind=%s", kind);
	return expect(cl, "GET", path, NULL, 200);
}

static size_t task_count(struct client *cl, const char *kind)
{
	json_t *doc = tasks(cl, kind);
	size_t n = json_array_size(json_object_get(doc, "items"));
	json_decref(doc);
	return n;
}

static int64_t notify(struct client *cl)
{
	json_t *doc = expect(cl, "POST", "/api/tasks/notify", "{}", 200);
	int64_t n = json_id(doc, "queued");
	json_decref(doc);
	return n;
}

static void intake_reminder_on_the_right_day_and_mailed_once(void **state)
{
	struct env *e = *state;
	begin(e);
	struct client co, co2;
	char email[64], email2[64];
	set_today("2026-03-01");
	int64_t org = fx_organisation(&e->admin, "Reis herinnering");
	coordinator(e, org, &co, email, sizeof email);
	coordinator(e, org, &co2, email2, sizeof email2);
	int64_t vol = fx_volunteer(&e->admin, org, "applied");
	int64_t j = start_journey(&co, vol, "2026-03-01");
	set_today("2026-03-14");
	assert_int_equal(task_count(&co, "intake_due"), 0);
	assert_int_equal(notify(&co), 0);
	set_today("2026-03-15");
	json_t *doc = tasks(&co, "intake_due");
	json_t *items = json_object_get(doc, "items");
	assert_int_equal(json_array_size(items), 1);
	json_t *t = json_array_get(items, 0);
	assert_int_equal(json_id(t, "journey_id"), j);
	assert_int_equal(json_id(t, "volunteer_id"), vol);
	assert_string_equal(json_str(t, "due_on"), "2026-03-15");
	assert_string_equal(json_str(t, "label"), "Intakegesprek nog niet gehouden");
	json_decref(doc);
	/* Another organisation's coordinator does not see it. */
	struct client outsider;
	char email3[64];
	coordinator(e, fx_organisation(&e->admin, "Reis buren"), &outsider, email3, sizeof email3);
	assert_int_equal(task_count(&outsider, "intake_due"), 0);

	int64_t before = count_rows(&e->srv, "outbox");
	assert_int_equal(notify(&co), 2); /* one mail per coordinator */
	assert_int_equal(notify(&co), 0); /* never twice */
	set_today("2026-03-20");
	assert_int_equal(notify(&co), 0);
	if (before >= 0)
		assert_int_equal(count_rows(&e->srv, "outbox"), before + 2);
	doc = expect(&co, "GET", "/api/outbox?pending=true", NULL, 200);
	int found = 0;
	size_t i;
	json_t *m;
	char key[64];
	snprintf(key, sizeof key, "intake_due:%lld", (long long)j);
	json_array_foreach(json_object_get(doc, "items"), i, m)
		if (strcmp(json_str(m, "key"), key) == 0) {
			found++;
			assert_true(strcmp(json_str(m, "recipient"), email) == 0 ||
			            strcmp(json_str(m, "recipient"), email2) == 0);
			assert_non_null(strstr(json_str(m, "subject"), "Intakegesprek"));
		}
	assert_int_equal(found, 2);
	json_decref(doc);
	json_decref(expect(&outsider, "GET", "/api/outbox", NULL, 200));
	/* The intake held: the task is gone. */
	step_ok(&co, j, "intake", "2026-03-20");
	assert_int_equal(task_count(&co, "intake_due"), 0);
	client_free(&co);
	client_free(&co2);
	client_free(&outsider);
}

/* A volunteer of org walked to first deployment on `on`. */
static int64_t deployed(struct client *co, struct env *e, int64_t org, const char *on,
                        int64_t *vol)
{
	*vol = fx_volunteer(&e->admin, org, "applied");
	int64_t j = start_journey(co, *vol, on);
	step_ok(co, j, "intake", on);
	step_ok(co, j, "basic_training", on);
	step_ok(co, j, "first_deployment", on);
	return j;
}

static void evaluation_inactivity_and_anniversary_reminders(void **state)
{
	struct env *e = *state;
	begin(e);
	struct client co;
	char email[64];
	int64_t vol;
	set_today("2026-03-01");
	int64_t org = fx_organisation(&e->admin, "Reis evaluatie");
	coordinator(e, org, &co, email, sizeof email);
	int64_t j = deployed(&co, e, org, "2026-03-01", &vol);
	step_ok(&co, j, "active", "2026-03-01");
	set_today("2026-05-31");
	assert_int_equal(task_count(&co, "inactive"), 0);
	set_today("2026-06-01");
	assert_int_equal(task_count(&co, "inactive"), 1);
	/* An evaluation is activity, and restarts the yearly clock. */
	step_ok(&co, j, "evaluation", "2026-06-01");
	step_ok(&co, j, "active", "2026-06-01");
	assert_int_equal(task_count(&co, "inactive"), 0);
	set_today("2027-02-14");
	assert_int_equal(task_count(&co, "anniversary"), 0);
	set_today("2027-02-15");
	json_t *doc = tasks(&co, "anniversary");
	json_t *t = json_array_get(json_object_get(doc, "items"), 0);
	assert_non_null(t);
	assert_int_equal(json_id(t, "years"), 1);
	assert_string_equal(json_str(t, "due_on"), "2027-03-01");
	json_decref(doc);
	set_today("2027-05-31");
	assert_int_equal(task_count(&co, "evaluation_due"), 0);
	set_today("2027-06-01");
	doc = tasks(&co, "evaluation_due");
	t = json_array_get(json_object_get(doc, "items"), 0);
	assert_non_null(t);
	assert_string_equal(json_str(t, "due_on"), "2027-06-01");
	assert_int_equal(json_id(t, "journey_id"), j);
	json_decref(doc);
	client_free(&co);
}

static void aftercare_and_volunteer_request(void **state)
{
	struct env *e = *state;
	begin(e);
	struct client co, self;
	char email[64], path[80];
	int64_t vol;
	set_today("2026-04-01");
	int64_t org = fx_organisation(&e->admin, "Reis nazorg");
	coordinator(e, org, &co, email, sizeof email);
	int64_t j = deployed(&co, e, org, "2026-04-01", &vol);
	volunteer_login(e, vol, &self);
	int64_t match = match_call(&co, fx_call(&co, org, "Boodschappen"), vol, 201, NULL);
	snprintf(path, sizeof path, "/api/matches/%lld/aftercare", (long long)match);
	json_decref(expect(&co, "PUT", path, "{\"answer\":\"good\"}", 409)); /* not started */
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)match);
	json_decref(expect(&co, "PATCH", path, "{\"status\":\"contacted\"}", 200));
	json_decref(expect(&co, "PATCH", path, "{\"status\":\"accepted\"}", 200));
	json_decref(expect(&co, "PATCH", path, "{\"status\":\"active\"}", 200));
	set_today("2026-04-14");
	assert_int_equal(task_count(&co, "aftercare_due"), 0);
	/* Not asked yet: the match says from when, and an early answer is refused. */
	json_t *doc = expect(&co, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "aftercare_from"), "2026-04-15");
	assert_true(json_is_false(json_object_get(doc, "aftercare_open")));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/matches/%lld/aftercare", (long long)match);
	doc = expect(&co, "PUT", path, "{\"answer\":\"good\"}", 409);
	assert_problem(&co, doc, 409, "answer");
	assert_string_equal(json_str(doc, "code"), "aftercare_not_yet");
	json_decref(doc);
	json_decref(expect(&co, "GET", path, NULL, 404)); /* nothing written */
	set_today("2026-04-15");
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)match);
	doc = expect(&co, "GET", path, NULL, 200);
	assert_true(json_is_true(json_object_get(doc, "aftercare_open")));
	json_decref(doc);
	doc = tasks(&co, "aftercare_due");
	json_t *t = json_array_get(json_object_get(doc, "items"), 0);
	assert_non_null(t);
	assert_int_equal(json_id(t, "match_id"), match);
	assert_false(json_is_true(json_object_get(t, "overdue")));
	json_decref(doc);
	set_today("2026-04-23");
	doc = tasks(&co, "aftercare_due");
	assert_true(json_is_true(json_object_get(json_array_get(json_object_get(doc, "items"), 0),
	                                         "overdue")));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/matches/%lld/aftercare", (long long)match);
	json_decref(expect(&co, "GET", path, NULL, 404));
	doc = expect(&co, "PUT", path, "{\"answer\":\"perfect\"}", 422);
	assert_problem(&co, doc, 422, "answer");
	json_decref(doc);
	json_decref(expect(&co, "PUT", path,
	                   "{\"answer\":\"good\",\"notes\":\"Mevrouw is blij met haar maatje\"}",
	                   200));
	doc = expect(&self, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "answer"), "good");
	assert_string_equal(json_str(doc, "notes"), "Mevrouw is blij met haar maatje");
	json_decref(doc);
	assert_int_equal(task_count(&co, "aftercare_due"), 0);

	/* The volunteer asks to stop; the exit interview answers the request. */
	snprintf(path, sizeof path, "/api/journeys/%lld/requests", (long long)j);
	json_decref(expect(&co, "POST", path, "{\"kind\":\"stop\"}", 403));
	doc = expect(&self, "POST", path, "{\"kind\":\"ophouden\"}", 422);
	assert_problem(&self, doc, 422, "kind");
	json_decref(doc);
	json_decref(expect(&self, "POST", path,
	                   "{\"kind\":\"stop\",\"note\":\"Ik ga verhuizen\"}", 201));
	doc = tasks(&co, "request");
	t = json_array_get(json_object_get(doc, "items"), 0);
	assert_non_null(t);
	assert_string_equal(json_str(t, "request_kind"), "stop");
	json_decref(doc);
	step_ok(&co, j, "exit_interview", "2026-04-23");
	assert_int_equal(task_count(&co, "request"), 0);
	json_decref(expect(&self, "POST", path, "{\"kind\":\"stop\"}", 409));
	client_free(&co);
	client_free(&self);
}

static json_t *exit_interview(struct client *cl, int64_t j, const char *body, long status)
{
	char path[80];
	snprintf(path, sizeof path, "/api/journeys/%lld/exit-interview", (long long)j);
	return expect(cl, "POST", path, body, status);
}

static void exit_interview_flow(void **state)
{
	struct env *e = *state;
	begin(e);
	struct client co;
	char email[64], v[32];
	int64_t vol;
	set_today("2026-05-01");
	int64_t org = fx_organisation(&e->admin, "Reis exit");
	coordinator(e, org, &co, email, sizeof email);
	int64_t j = deployed(&co, e, org, "2026-05-01", &vol);
	json_t *doc;
	step_ok(&co, j, "exit_interview", "2026-05-01");
	step_refused(&co, j, "{\"step\":\"stopped\"}", 409, "step", "exit_interview_required");
	doc = exit_interview(&co, j, "{\"reason\":\"geld\",\"outcome\":\"stops\"}", 422);
	assert_problem(&co, doc, 422, "reason");
	json_decref(doc);
	doc = exit_interview(&co, j, "{\"reason\":\"time\"}", 422);
	assert_problem(&co, doc, 422, "outcome");
	json_decref(doc);
	/* Outcome pause: the journey moves to paused by itself. */
	doc = exit_interview(&co, j, "{\"reason\":\"caregiving\",\"outcome\":\"pause\","
	                             "\"notes\":\"Zorgt voor haar moeder\"}", 201);
	assert_string_equal(json_str(doc, "step"), "paused");
	json_t *ei = json_array_get(json_object_get(doc, "exit_interviews"), 0);
	assert_string_equal(json_str(ei, "reason"), "caregiving");
	assert_string_equal(json_str(ei, "outcome"), "pause");
	assert_string_equal(json_str(ei, "notes"), "Zorgt voor haar moeder");
	json_decref(doc);
	assert_string_equal(volunteer_field(&co, vol, "status", v, sizeof v), "paused");
	/* Back in the exit interview later: the old interview does not count. */
	set_today("2026-09-01");
	step_ok(&co, j, "exit_interview", "2026-09-01");
	step_refused(&co, j, "{\"step\":\"stopped\"}", 409, "step", "exit_interview_required");
	doc = exit_interview(&co, j, "{\"reason\":\"health\",\"outcome\":\"stops\"}", 201);
	assert_string_equal(json_str(doc, "step"), "stopped");
	assert_int_equal(json_array_size(json_object_get(doc, "exit_interviews")), 2);
	json_decref(doc);
	assert_string_equal(volunteer_field(&co, vol, "status", v, sizeof v), "stopped");
	/* Outcome "other organisation" waits for the transfer. */
	int64_t vol2;
	int64_t j2 = deployed(&co, e, org, "2026-09-01", &vol2);
	step_ok(&co, j2, "exit_interview", "2026-09-01");
	doc = exit_interview(&co, j2, "{\"reason\":\"role_mismatch\",\"outcome\":\"same_role\"}",
	                     201);
	assert_string_equal(json_str(doc, "step"), "active");
	json_decref(doc);
	/* Recording the interview is the step into it: one entry, not two. */
	int64_t vol3;
	int64_t j3 = deployed(&co, e, org, "2026-09-01", &vol3);
	doc = exit_interview(&co, j3, "{\"reason\":\"time\",\"outcome\":\"stops\"}", 201);
	assert_string_equal(json_str(doc, "step"), "stopped");
	json_decref(doc);
	doc = exit_interview(&co, j3, "{\"reason\":\"time\",\"outcome\":\"stops\"}", 409);
	assert_problem(&co, doc, 409, "step");
	json_decref(doc);
	client_free(&co);
}

static void match_step(struct client *cl, int64_t id, const char *to)
{
	char path[64], body[64];
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)id);
	snprintf(body, sizeof body, "{\"status\":\"%s\"}", to);
	json_decref(expect(cl, "PATCH", path, body, 200));
}

static void match_is(struct client *cl, int64_t id, const char *status, const char *reason)
{
	char path[64];
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)id);
	json_t *doc = expect(cl, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "status"), status);
	assert_string_equal(json_str(doc, "reason"), reason);
	json_decref(doc);
}

/* Stopping after the exit interview once left the old match "Actief". */
static void leaving_ends_the_work_in_the_same_step(void **state)
{
	struct env *e = *state;
	begin(e);
	struct client co;
	char email[64];
	int64_t vol;
	set_today("2026-06-01");
	int64_t org = fx_organisation(&e->admin, "Reis einde");
	coordinator(e, org, &co, email, sizeof email);
	int64_t j = deployed(&co, e, org, "2026-06-01", &vol);
	int64_t working = fx_match(&co, fx_call(&co, org, "Wekelijks wandelen"), vol);
	const char *const to_active[] = { "contacted", "accepted", "active" };
	for (int i = 0; i < 3; i++)
		match_step(&co, working, to_active[i]);
	int64_t waiting = fx_match(&co, fx_call(&co, org, "Eenmalig uitje"), vol);
	step_ok(&co, j, "exit_interview", "2026-06-01");
	json_decref(exit_interview(&co, j, "{\"reason\":\"moved\",\"outcome\":\"stops\"}", 201));
	match_is(&co, working, "ended", "Gestopt als vrijwilliger");
	match_is(&co, waiting, "declined", "Gestopt als vrijwilliger");
	/* Another role at the same organisation ends the old work too. */
	int64_t vol2;
	int64_t j2 = deployed(&co, e, org, "2026-06-01", &vol2);
	int64_t old_role = fx_match(&co, fx_call(&co, org, "Koffie schenken"), vol2);
	step_ok(&co, j2, "exit_interview", "2026-06-01");
	json_decref(exit_interview(&co, j2, "{\"reason\":\"role_mismatch\",\"outcome\":"
	                                    "\"other_role\"}", 201));
	match_is(&co, old_role, "declined", "Andere taak na het exitgesprek");
	client_free(&co);
}

static json_t *transfer_patch(struct client *cl, int64_t id, const char *body, long status)
{
	char path[64];
	snprintf(path, sizeof path, "/api/transfers/%lld", (long long)id);
	return expect(cl, "PATCH", path, body, status);
}

/* The keys of an object, sorted and joined with ",". */
static void keys_of(json_t *obj, char *out, size_t cap)
{
	const char *names[64];
	size_t n = 0;
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v)
		if (n < 64)
			names[n++] = k;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			const char *tmp = names[j];
			names[j] = names[j - 1];
			names[j - 1] = tmp;
		}
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(out + strlen(out), cap - strlen(out), "%s%s", i ? "," : "", names[i]);
}

static void transfer_shares_exactly_the_consented_parts(void **state)
{
	struct env *e = *state;
	begin(e);
	struct client a, b, self;
	char email_a[64], email_b[64], path[80], body[256], keys[512], v[32];
	int64_t vol;
	set_today("2026-06-01");
	int64_t org_a = fx_organisation(&e->admin, "Reis van");
	int64_t org_b = fx_organisation(&e->admin, "Reis naar");
	coordinator(e, org_a, &a, email_a, sizeof email_a);
	coordinator(e, org_b, &b, email_b, sizeof email_b);
	int64_t j = deployed(&a, e, org_a, "2026-06-01", &vol);
	volunteer_login(e, vol, &self);
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(&a, "PATCH", path, "{\"phone\":\"06-12345678\",\"motivation_text\":"
	                                      "\"Ik wil graag iets betekenen\",\"vog_date\":"
	                                      "\"2026-01-05\"}", 200));
	int64_t at_a = fx_match(&a, fx_call(&a, org_a, "Boodschappen"), vol);
	step_ok(&a, j, "exit_interview", "2026-06-01");
	json_decref(exit_interview(&a, j, "{\"reason\":\"moved\",\"outcome\":\"other_organisation\"}",
	                           201));
	match_is(&a, at_a, "proposed", ""); /* the move waits for the transfer */

	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"to_organisation_id\":%lld,"
	         "\"message\":\"Anna wil graag bij u verder\",\"shared_parts\":[\"contact\","
	         "\"availability\",\"vog\",\"motivation\"]}", (long long)vol, (long long)org_b);
	json_t *doc = expect(&a, "POST", "/api/transfers", body, 201);
	int64_t t = json_id(doc, "id");
	assert_string_equal(json_str(doc, "status"), "awaiting_consent");
	assert_null(json_object_get(doc, "profile"));
	json_decref(doc);
	json_decref(expect(&a, "POST", "/api/transfers", body, 409)); /* one at a time */
	snprintf(path, sizeof path, "/api/transfers/%lld", (long long)t);
	/* Before the volunteer's consent the receiver sees nothing. */
	json_decref(expect(&b, "GET", path, NULL, 403));
	assert_int_equal(client_total(&b, "/api/transfers"), 0);
	doc = transfer_patch(&b, t, "{\"action\":\"accept\"}", 403);
	json_decref(doc);
	doc = transfer_patch(&a, t, "{\"action\":\"consent\",\"shared_parts\":[]}", 403);
	json_decref(doc);
	doc = transfer_patch(&self, t, "{\"action\":\"consent\"}", 422);
	assert_problem(&self, doc, 422, "shared_parts");
	json_decref(doc);
	doc = transfer_patch(&self, t, "{\"action\":\"consent\",\"shared_parts\":[\"gezondheid\"]}",
	                     422);
	assert_problem(&self, doc, 422, "shared_parts");
	json_decref(doc);
	/* The volunteer agrees to less than was proposed. */
	doc = transfer_patch(&self, t, "{\"action\":\"consent\",\"shared_parts\":[\"contact\","
	                               "\"interests\"]}", 200);
	assert_string_equal(json_str(doc, "status"), "offered");
	json_decref(doc);

	doc = expect(&b, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "message"), "Anna wil graag bij u verder");
	keys_of(json_object_get(doc, "profile"), keys, sizeof keys);
	assert_string_equal(keys, "activities,email,first_name,languages,last_name,motives,phone,"
	                          "place,talents,themes");
	assert_string_equal(json_str(json_object_get(doc, "profile"), "phone"), "06-12345678");
	json_decref(doc);
	assert_int_equal(client_total(&b, "/api/transfers"), 1);
	/* The receiver has a task and a mail. */
	assert_int_equal(task_count(&b, "transfer_offered"), 1);
	doc = expect(&b, "GET", "/api/outbox", NULL, 200);
	char key[64];
	snprintf(key, sizeof key, "transfer:%lld:offered", (long long)t);
	int mails = 0;
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(doc, "items"), i, m)
		mails += strcmp(json_str(m, "key"), key) == 0 &&
		         strcmp(json_str(m, "recipient"), email_b) == 0;
	assert_int_equal(mails, 1);
	json_decref(doc);

	doc = transfer_patch(&b, t, "{\"action\":\"decline\"}", 422);
	assert_problem(&b, doc, 422, "note");
	json_decref(doc);
	doc = transfer_patch(&b, t, "{\"action\":\"accept\",\"note\":\"Welkom!\"}", 200);
	assert_string_equal(json_str(doc, "status"), "accepted");
	json_decref(doc);
	/* The volunteer's mail speaks to her, not about her (docs/copy.md). */
	char own[128];
	volunteer_field(&e->admin, vol, "email", own, sizeof own);
	snprintf(key, sizeof key, "transfer:%lld:accepted", (long long)t);
	doc = expect(&b, "GET", "/api/outbox", NULL, 200);
	mails = 0;
	json_array_foreach(json_object_get(doc, "items"), i, m) {
		if (strcmp(json_str(m, "key"), key) != 0 || strcmp(json_str(m, "recipient"), own) != 0)
			continue;
		const char *text = json_str(m, "body");
		assert_non_null(strstr(text, "heeft je verwelkomd. Zij nemen contact met je op."));
		assert_null(strstr(text, "De doorverwijzing van"));
		mails++;
	}
	assert_int_equal(mails, 1);
	json_decref(doc);
	json_decref(transfer_patch(&b, t, "{\"action\":\"decline\",\"note\":\"toch niet\"}", 409));
	match_is(&a, at_a, "declined", "Doorverwezen naar een andere organisatie");

	/* Handed over: home organisation B, journey at A referred, a new one at B. */
	snprintf(keys, sizeof keys, "%lld", (long long)org_b);
	assert_string_equal(volunteer_field(&e->admin, vol, "organisation_id", v, sizeof v), keys);
	assert_string_equal(volunteer_field(&e->admin, vol, "status", v, sizeof v), "applied");
	snprintf(path, sizeof path, "/api/volunteers/%lld/journeys", (long long)vol);
	doc = expect(&self, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 2);
	json_decref(doc);
	snprintf(path, sizeof path, "/api/journeys/%lld", (long long)j);
	doc = expect(&self, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "step"), "referred");
	json_decref(doc);
	doc = expect(&b, "GET", "/api/journeys?step=signed_up", NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	json_t *nj = json_array_get(json_object_get(doc, "items"), 0);
	assert_int_equal(json_id(nj, "volunteer_id"), vol);
	json_decref(doc);
	/* All three see the outcome. */
	snprintf(path, sizeof path, "/api/transfers/%lld", (long long)t);
	json_t *seen[3] = { expect(&a, "GET", path, NULL, 200), expect(&b, "GET", path, NULL, 200),
	                    expect(&self, "GET", path, NULL, 200) };
	for (int k = 0; k < 3; k++) {
		assert_string_equal(json_str(seen[k], "status"), "accepted");
		/* the sender, no longer the home organisation, no longer sees the profile */
		assert_true((json_object_get(seen[k], "profile") != NULL) == (k != 0));
		json_decref(seen[k]);
	}

	/* The login moved along: A no longer lists it, B does. */
	struct client *sides[2] = { &a, &b };
	for (int k = 0; k < 2; k++) {
		doc = expect(sides[k], "GET", "/api/accounts?limit=200", NULL, 200);
		bool listed = false;
		size_t idx;
		json_t *acc;
		json_array_foreach(json_object_get(doc, "items"), idx, acc)
			listed = listed || json_integer_value(json_object_get(acc, "volunteer_id")) == vol;
		assert_true(listed == (k == 1));
		json_decref(doc);
	}

	/* The volunteer's own request, sharing nothing but the name; declined. */
	doc = expect(&self, "POST", "/api/transfers", "{\"to_organisation_id\":0}", 422);
	assert_problem(&self, doc, 422, "to_organisation_id");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"to_organisation_id\":%lld,\"shared_parts\":[]}",
	         (long long)org_a);
	doc = expect(&self, "POST", "/api/transfers", body, 201);
	int64_t t2 = json_id(doc, "id");
	assert_string_equal(json_str(doc, "status"), "offered");
	assert_string_equal(json_str(doc, "initiator"), "volunteer");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/transfers/%lld", (long long)t2);
	doc = expect(&a, "GET", path, NULL, 200);
	keys_of(json_object_get(doc, "profile"), keys, sizeof keys);
	assert_string_equal(keys, "first_name,last_name");
	json_decref(doc);
	doc = transfer_patch(&a, t2, "{\"action\":\"decline\",\"note\":\"Geen plek\"}", 200);
	assert_string_equal(json_str(doc, "status"), "declined");
	assert_null(json_object_get(doc, "profile"));
	json_decref(doc);
	doc = expect(&self, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "decision_note"), "Geen plek");
	json_decref(doc);
	client_free(&a);
	client_free(&b);
	client_free(&self);
}

static void appreciation_trainings_and_competences(void **state)
{
	struct env *e = *state;
	begin(e);
	struct client co, self;
	char email[64], path[96], body[256];
	set_today("2026-06-01");
	int64_t org = fx_organisation(&e->admin, "Reis waardering");
	coordinator(e, org, &co, email, sizeof email);
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	volunteer_login(e, vol, &self);
	json_t *lists = expect(&co, "GET", "/api/lists/training", NULL, 200);
	const char *code = json_str(json_array_get(json_object_get(lists, "items"), 0), "code");
	assert_true(strlen(code) > 0);
	snprintf(path, sizeof path, "/api/volunteers/%lld/trainings", (long long)vol);
	snprintf(body, sizeof body, "{\"training\":\"%s\",\"completed_on\":\"2026-05-20\","
	         "\"certificate\":\"Certificaat 2026-17\"}", code);
	json_t *doc = expect(&co, "POST", path, body, 201);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	json_decref(doc);
	doc = expect(&co, "POST", path, "{\"completed_on\":\"2026-05-20\"}", 422);
	assert_problem(&co, doc, 422, "title");
	json_decref(doc);
	doc = expect(&co, "POST", path, "{\"title\":\"EHBO\",\"completed_on\":\"2026-06-02\"}", 422);
	assert_problem(&co, doc, 422, "completed_on");
	json_decref(doc);
	json_decref(expect(&self, "POST", path,
	                   "{\"title\":\"Omgaan met dementie\",\"completed_on\":\"2026-04-01\"}", 201));
	/* The shared-list training is on the profile now, for matching. */
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	doc = expect(&co, "GET", path, NULL, 200);
	json_t *tr = json_object_get(doc, "trainings");
	assert_int_equal(json_array_size(tr), 1);
	assert_string_equal(json_string_value(json_array_get(tr, 0)), code);
	json_decref(doc);
	json_decref(lists);

	snprintf(path, sizeof path, "/api/volunteers/%lld/competences", (long long)vol);
	doc = expect(&self, "PUT", path, "{\"ratings\":[{\"competence\":\"cooperating\","
	                                 "\"level\":5}]}", 422);
	assert_problem(&self, doc, 422, "level");
	json_decref(doc);
	doc = expect(&self, "PUT", path, "{\"ratings\":[{\"competence\":\"cooperating\",\"level\":2},"
	                                 "{\"competence\":\"cooperating\",\"level\":3}]}", 422);
	assert_problem(&self, doc, 422, "competence");
	json_decref(doc);
	doc = expect(&self, "PUT", path, "{\"ratings\":[{\"competence\":\"koken\",\"level\":2}]}",
	             422);
	assert_problem(&self, doc, 422, "competence");
	json_decref(doc);
	json_decref(expect(&self, "PUT", path, "{\"ratings\":[{\"competence\":\"cooperating\","
	                                       "\"level\":3,\"evidence\":\"Samen de markt "
	                                       "georganiseerd\"},{\"competence\":"
	                                       "\"learning_by_doing\",\"level\":4}]}", 200));
	json_decref(expect(&co, "PUT", path, "{\"ratings\":[]}", 403));
	doc = expect(&co, "GET", path, NULL, 200);
	json_t *ratings = json_object_get(doc, "ratings");
	assert_int_equal(json_array_size(ratings), 2);
	assert_string_equal(json_str(json_array_get(ratings, 0), "competence"), "cooperating");
	assert_string_equal(json_str(json_array_get(ratings, 0), "label"), "Samenwerken");
	json_decref(doc);
	client_free(&co);
	client_free(&self);
}

int main(void)
{
	if (fx_clock_begin(clock_file, "2026-03-01"))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(journey_steps_guards_and_matching_gate),
		cmocka_unit_test(vog_required_by_call),
		cmocka_unit_test(intake_reminder_on_the_right_day_and_mailed_once),
		cmocka_unit_test(evaluation_inactivity_and_anniversary_reminders),
		cmocka_unit_test(aftercare_and_volunteer_request),
		cmocka_unit_test(exit_interview_flow),
		cmocka_unit_test(leaving_ends_the_work_in_the_same_step),
		cmocka_unit_test(transfer_shares_exactly_the_consented_parts),
		cmocka_unit_test(appreciation_trainings_and_competences),
	};
	int rc = cmocka_run_group_tests_name("journey", tests, env_setup, env_teardown);
	fx_clock_end(clock_file);
	return rc;
}
