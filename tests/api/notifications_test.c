/*
 * Notifications by e-mail, end to end: a real server sends through a real
 * SMTP server (tests/mail/smtp_sink.py) on the test clock, and the test
 * reads what arrived. Each kind reaches the person who must act, in their
 * language, with the right links; a proposal's yes/no links lead into the
 * web app (they act only after login); every notification carries a signed
 * unsubscribe link and List-Unsubscribe headers, and the link switches that
 * one kind off without a login; a person who chose the daily digest gets
 * one mail a day with the day's notifications, exactly once; a VOG about to
 * expire is told once.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/testclock.h"

#define PUBLIC_URL "https://knooppunt.test"
#define WAIT_MS 90000 /* the machine may be busy, and one SMTP conversation may take
                          until its timeout (SMTP_TIMEOUT_S) */

struct world {
	struct env *e;
	struct smtp_sink sink;
	char clock[64];
	int64_t now;
};

static void clock_to(struct world *w, int64_t t)
{
	char text[32];
	w->now = t;
	snprintf(text, sizeof text, "%lld", (long long)t);
	fx_clock_set(w->clock, text);
}

/* Moves the clock on a few seconds, so the jobs run (their period is 1 s). */
static void tick(struct world *w)
{
	clock_to(w, w->now + 2);
}

/* Ticks until `count` mails arrived for recipient; returns how many did. */
static int arrive(struct world *w, const char *recipient, int count)
{
	int n = 0;
	for (int i = 0; i < WAIT_MS / 500 && (n = sink_count(&w->sink, recipient)) < count; i++) {
		tick(w);
		n = sink_wait(&w->sink, recipient, count, 500);
	}
	return n;
}

/* Ticks until the outbox has nothing waiting (the invitations of new
   accounts), so that what arrives next is what the test caused. */
static void settle(struct world *w)
{
	for (int i = 0; i < WAIT_MS / 200 && fx_mail_pending(&w->e->srv) != 0; i++) {
		tick(w);
		usleep(200 * 1000);
	}
	assert_int_equal(fx_mail_pending(&w->e->srv), 0);
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	if (w == NULL)
		return -1;
	snprintf(w->clock, sizeof w->clock, "/tmp/kp-notify-clock-XXXXXX");
	if (fx_clock_begin(w->clock, "2026-06-10") != 0)
		return -1;
	w->now = testclock_parse("2026-06-10");
	sink_start(&w->sink, "accept");
	setenv("KNOOPPUNT_SMTP_URL", w->sink.url, 1);
	setenv("KNOOPPUNT_SMTP_FROM", "noreply@knooppunt.test", 1);
	setenv("KNOOPPUNT_PUBLIC_URL", PUBLIC_URL, 1);
	setenv("KNOOPPUNT_JOB_PERIOD", "1", 1);
	void *inner = NULL;
	if (env_setup(&inner) != 0)
		return -1;
	w->e = inner;
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	void *inner = w->e;
	int rc = env_teardown(&inner);
	sink_stop(&w->sink);
	fx_clock_end(w->clock);
	unsetenv("KNOOPPUNT_NOW");
	unsetenv("KNOOPPUNT_SMTP_URL");
	free(w);
	return rc;
}

struct people {
	int64_t org, vol;
	struct client co, me;
	char co_mail[64], me_mail[64];
};

static void login(struct world *w, struct client *cl, const char *email)
{
	client_init(cl, &w->e->srv);
	assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
}

/* A coordinator of org on srv, made by admin, logged in as cl. */
static void fx_login_on(struct server *srv, struct client *admin, struct client *cl, int64_t org)
{
	char email[64];
	fx_email(srv, "coordinator", email, sizeof email);
	fx_account(admin, "coordinator", email, org, 0);
	client_init(cl, srv);
	assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
}

static void people_start(struct world *w, struct people *p, const char *name)
{
	p->org = fx_organisation(&w->e->admin, name);
	fx_email(&w->e->srv, "coordinator", p->co_mail, sizeof p->co_mail);
	fx_account(&w->e->admin, "coordinator", p->co_mail, p->org, 0);
	login(w, &p->co, p->co_mail);
	p->vol = fx_volunteer(&p->co, p->org, "active");
	fx_email(&w->e->srv, "vrijwilliger", p->me_mail, sizeof p->me_mail);
	fx_account(&p->co, "volunteer", p->me_mail, 0, p->vol);
	login(w, &p->me, p->me_mail);
	settle(w);
}

static void people_stop(struct people *p)
{
	client_free(&p->co);
	client_free(&p->me);
}

static void set_prefs(struct client *cl, const char *body)
{
	json_decref(expect(cl, "PUT", "/api/me/notifications", body, 200));
}

/* The value of header `name` in a message, or "" (out has cap bytes). */
static void header(const char *msg, const char *name, char *out, size_t cap)
{
	char find[64];
	snprintf(find, sizeof find, "\r\n%s: ", name);
	const char *at = strstr(msg, find);
	out[0] = '\0';
	if (at == NULL)
		return;
	at += strlen(find);
	size_t n = strcspn(at, "\r\n");
	snprintf(out, cap, "%.*s", (int)n, at);
}

/* The unsubscribe token of a message's List-Unsubscribe header. */
static void unsubscribe_token(const char *msg, char *out, size_t cap)
{
	char h[512];
	header(msg, "List-Unsubscribe", h, sizeof h);
	const char *at = strstr(h, "/api/unsubscribe?token=");
	assert_non_null(at);
	at += strlen("/api/unsubscribe?token=");
	snprintf(out, cap, "%.*s", (int)strcspn(at, ">"), at);
}

static void proposal_reaches_volunteer_in_her_language(void **state)
{
	struct world *w = *state;
	struct people p;
	char msg[16384], want[256], h[512], token[128], path[256];
	people_start(w, &p, "Voorstellen");
	set_prefs(&p.me, "{\"language\":\"en\"}");
	json_t *doc = expect(&p.me, "GET", "/api/me/notifications", NULL, 200);
	assert_string_equal(json_str(doc, "language"), "en");
	assert_string_equal(json_str(json_object_get(doc, "notifications"), "proposal"),
	                    "immediately");
	json_decref(doc);
	int before = sink_count(&w->sink, p.me_mail);
	int64_t call = fx_call(&p.co, p.org, "Wandelmaatje");
	int64_t match = fx_match(&p.co, call, p.vol);
	assert_int_equal(arrive(w, p.me_mail, before + 1), before + 1);
	assert_int_equal(sink_newest(&w->sink, p.me_mail, msg, sizeof msg), 0);
	assert_non_null(strstr(msg, "Your coordinator at Voorstellen"));
	assert_non_null(strstr(msg, "\"Wandelmaatje\""));
	snprintf(want, sizeof want, "Yes, please: " PUBLIC_URL "/koppelingen/%lld?antwoord=ja\r\n",
	         (long long)match);
	assert_non_null(strstr(msg, want));
	snprintf(want, sizeof want, "No, thank you: " PUBLIC_URL "/koppelingen/%lld?antwoord=nee",
	         (long long)match);
	assert_non_null(strstr(msg, want));
	assert_null(strstr(msg, "Beste")); /* not the Dutch text */
	/* The footer and the headers: a signed link per person and kind. */
	assert_non_null(strstr(msg, "\r\n-- \r\nYou receive this e-mail from Knooppunt "
	                            "(proposals for you)"));
	assert_non_null(strstr(msg, PUBLIC_URL "/afmelden?token="));
	header(msg, "List-Unsubscribe-Post", h, sizeof h);
	assert_string_equal(h, "List-Unsubscribe=One-Click");
	unsubscribe_token(msg, token, sizeof token);
	/* The yes-link does nothing by itself: the match waits for her answer. */
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)match);
	doc = expect(&p.me, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "status"), "proposed");
	json_decref(doc);

	/* A token for another kind, or altered, is refused; nothing changes. */
	struct client anon;
	client_init(&anon, &w->e->srv);
	char forged[160];
	snprintf(forged, sizeof forged, "%s", token);
	char *kind = strstr(forged, "-proposal-");
	assert_non_null(kind);
	memcpy(kind, "-response-", 10); /* same length: only the kind differs */
	snprintf(path, sizeof path, "/api/unsubscribe?token=%s", forged);
	doc = expect(&anon, "POST", path, NULL, 422);
	assert_problem(&anon, doc, 422, "token");
	json_decref(doc);
	/* The one-click request of a mail program: no login, a form body. */
	snprintf(path, sizeof path, "/api/unsubscribe?token=%s", token);
	long status = 0;
	doc = client_raw(&anon, "POST", path, "List-Unsubscribe=One-Click", 26,
	                 "application/x-www-form-urlencoded", false, &status);
	assert_int_equal(status, 200);
	assert_string_equal(json_str(doc, "kind"), "proposal");
	json_decref(doc);
	client_free(&anon);
	doc = expect(&p.me, "GET", "/api/me/notifications", NULL, 200);
	assert_string_equal(json_str(json_object_get(doc, "notifications"), "proposal"), "never");
	assert_string_equal(json_str(json_object_get(doc, "notifications"), "transfer"),
	                    "immediately");
	json_decref(doc);
	/* The next proposal is not mailed. */
	int queued = fx_mail_count(&w->e->srv, p.me_mail);
	fx_match(&p.co, fx_call(&p.co, p.org, "Voorlezen"), p.vol);
	assert_int_equal(fx_mail_count(&w->e->srv, p.me_mail), queued);
	people_stop(&p);
}

static void response_reaches_coordinator_in_dutch(void **state)
{
	struct world *w = *state;
	struct people p;
	char msg[16384], body[64], want[160];
	people_start(w, &p, "Reacties");
	int64_t call = fx_call(&p.co, p.org, "Boodschappen doen");
	int before = sink_count(&w->sink, p.co_mail);
	snprintf(body, sizeof body, "{\"call_id\":%lld}", (long long)call);
	json_t *doc = expect(&p.me, "POST", "/api/matches", body, 201);
	int64_t match = json_id(doc, "id");
	json_decref(doc);
	assert_int_equal(arrive(w, p.co_mail, before + 1), before + 1);
	assert_int_equal(sink_newest(&w->sink, p.co_mail, msg, sizeof msg), 0);
	assert_non_null(strstr(msg, "wil graag helpen bij \"Boodschappen doen\""));
	snprintf(want, sizeof want, PUBLIC_URL "/koppelingen/%lld\r\n", (long long)match);
	assert_non_null(strstr(msg, want));
	assert_non_null(strstr(msg, "U ontvangt deze e-mail van Knooppunt (reacties op oproepen)"));
	char h[512];
	header(msg, "List-Unsubscribe", h, sizeof h);
	assert_non_null(strstr(h, "-response-"));
	people_stop(&p);
}

static void accepted_match_reaches_professional(void **state)
{
	struct world *w = *state;
	struct people p;
	struct client pro;
	char pro_mail[64], msg[16384], path[64];
	people_start(w, &p, "Zorglocatie");
	fx_email(&w->e->srv, "medewerker", pro_mail, sizeof pro_mail);
	fx_account(&w->e->admin, "professional", pro_mail, p.org, 0);
	login(w, &pro, pro_mail);
	settle(w);
	int64_t call = fx_call(&pro, p.org, "Gezelschap op de afdeling");
	int64_t match = fx_match(&p.co, call, p.vol);
	int before = sink_count(&w->sink, pro_mail);
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)match);
	json_decref(expect(&p.me, "PATCH", path, "{\"status\":\"accepted\"}", 200));
	assert_int_equal(arrive(w, pro_mail, before + 1), before + 1);
	assert_int_equal(sink_newest(&w->sink, pro_mail, msg, sizeof msg), 0);
	assert_non_null(strstr(msg, "Voor uw oproep \"Gezelschap op de afdeling\" heeft "
	                            "vrijwilliger Anna"));
	assert_non_null(strstr(msg, PUBLIC_URL "/koppelingen/"));
	/* The coordinator's own calls tell nobody else: no mail to the coordinator. */
	client_free(&pro);
	people_stop(&p);
}

static void transfer_asks_volunteer_for_consent(void **state)
{
	struct world *w = *state;
	struct people p;
	char msg[16384], body[200], want[160];
	people_start(w, &p, "Doorverwijzer");
	int64_t other = fx_organisation(&w->e->admin, "Buurtkracht");
	int before = sink_count(&w->sink, p.me_mail);
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"to_organisation_id\":%lld,"
	         "\"message\":\"Past goed bij jullie\"}", (long long)p.vol, (long long)other);
	json_t *doc = expect(&p.co, "POST", "/api/transfers", body, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	assert_int_equal(arrive(w, p.me_mail, before + 1), before + 1);
	assert_int_equal(sink_newest(&w->sink, p.me_mail, msg, sizeof msg), 0);
	assert_non_null(strstr(msg, "wil je graag in contact brengen met Buurtkracht"));
	snprintf(want, sizeof want, PUBLIC_URL "/doorverwijzingen/%lld\r\n", (long long)id);
	assert_non_null(strstr(msg, want));
	assert_null(strstr(msg, "Past goed bij jullie")); /* the message is for the receiver */
	people_stop(&p);
}

static void intake_appointment_reaches_volunteer(void **state)
{
	struct world *w = *state;
	struct people p;
	char msg[16384], path[96], body[128];
	people_start(w, &p, "Kennismaking");
	set_prefs(&p.me, "{\"language\":\"en\"}");
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld}", (long long)p.vol);
	json_t *doc = expect(&p.co, "POST", "/api/journeys", body, 201);
	int64_t journey = json_id(doc, "id");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/journeys/%lld/intake", (long long)journey);
	doc = expect(&p.co, "PUT", path, "{\"on_date\":\"2020-01-06\",\"time\":\"10:00\"}", 422);
	assert_problem(&p.co, doc, 422, "on_date");
	json_decref(doc);
	doc = expect(&p.co, "PUT", path, "{\"on_date\":\"2026-07-01\"}", 422);
	assert_problem(&p.co, doc, 422, "time");
	json_decref(doc);
	json_decref(expect(&p.me, "PUT", path,
	                   "{\"on_date\":\"2026-07-01\",\"time\":\"10:30\"}", 403));
	int before = sink_count(&w->sink, p.me_mail);
	doc = expect(&p.co, "PUT", path, "{\"on_date\":\"2026-07-01\",\"time\":\"10:30\","
	             "\"place\":\"Buurthuis De Brug\"}", 200);
	json_t *intake = json_object_get(doc, "intake");
	assert_string_equal(json_str(intake, "on_date"), "2026-07-01");
	assert_string_equal(json_str(intake, "place"), "Buurthuis De Brug");
	json_decref(doc);
	assert_int_equal(arrive(w, p.me_mail, before + 1), before + 1);
	assert_int_equal(sink_newest(&w->sink, p.me_mail, msg, sizeof msg), 0);
	assert_non_null(strstr(msg, "Your introductory interview (intake) at Kennismaking"));
	assert_non_null(strstr(msg, "on 2026-07-01 at 10:30, Buurthuis De Brug."));
	assert_non_null(strstr(msg, PUBLIC_URL "/mijn-reis\r\n"));
	assert_non_null(strstr(msg, "(intake interviews)"));
	people_stop(&p);
}

static void vog_about_to_expire_is_told_once(void **state)
{
	struct world *w = *state;
	struct people p;
	char msg[16384], path[64];
	people_start(w, &p, "VOG-houders");
	/* Issued three years before 2026-06-30: renewal falls within 30 days. */
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)p.vol);
	json_decref(expect(&p.co, "PATCH", path, "{\"vog_date\":\"2023-06-30\"}", 200));
	int before = sink_count(&w->sink, p.me_mail);
	assert_int_equal(arrive(w, p.me_mail, before + 1), before + 1);
	assert_int_equal(sink_newest(&w->sink, p.me_mail, msg, sizeof msg), 0);
	assert_non_null(strstr(msg, "afgegeven op 2023-06-30"));
	assert_non_null(strstr(msg, "rond 2026-06-30"));
	for (int i = 0; i < 3; i++)
		tick(w);
	assert_int_equal(sink_wait(&w->sink, p.me_mail, before + 2, 1500), before + 1);
	people_stop(&p);
}

/* Whoever chose the digest gets the day's notifications the next morning,
   in one mail, once; what comes later that day waits for the next one. */
static void digest_arrives_once_a_day(void **state)
{
	struct world *w = *state;
	struct people p;
	char msg[16384];
	char path[64];
	people_start(w, &p, "Overzicht");
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)p.vol);
	json_decref(expect(&p.co, "PATCH", path, "{\"max_matches\":5}", 200));
	set_prefs(&p.me, "{\"notifications\":{\"proposal\":\"digest\"}}");
	int before = sink_count(&w->sink, p.me_mail);
	int queued = fx_mail_count(&w->e->srv, p.me_mail);
	fx_match(&p.co, fx_call(&p.co, p.org, "Tuinieren"), p.vol);
	fx_match(&p.co, fx_call(&p.co, p.org, "Koffie schenken"), p.vol);
	for (int i = 0; i < 3; i++)
		tick(w);
	assert_int_equal(fx_mail_count(&w->e->srv, p.me_mail), queued); /* nothing yet */

	/* The next morning: one digest with both. */
	int64_t day = w->now - w->now % 86400;
	clock_to(w, day + 86400 + 7 * 3600);
	assert_int_equal(arrive(w, p.me_mail, before + 1), before + 1);
	assert_int_equal(sink_newest(&w->sink, p.me_mail, msg, sizeof msg), 0);
	assert_non_null(strstr(msg, "Tuinieren"));
	assert_non_null(strstr(msg, "Koffie schenken"));
	assert_non_null(strstr(msg, PUBLIC_URL "/instellingen"));
	/* Later that day: a new proposal, and the jobs run again; no second digest.
	   (Sessions last 12 hours: the coordinator logs in again.) */
	client_free(&p.co);
	login(w, &p.co, p.co_mail);
	fx_match(&p.co, fx_call(&p.co, p.org, "Fietsen"), p.vol);
	for (int i = 0; i < 4; i++)
		tick(w);
	assert_int_equal(sink_wait(&w->sink, p.me_mail, before + 2, 1500), before + 1);
	/* The day after: one digest with only the new one. */
	clock_to(w, day + 2 * 86400 + 7 * 3600);
	assert_int_equal(arrive(w, p.me_mail, before + 2), before + 2);
	assert_int_equal(sink_newest(&w->sink, p.me_mail, msg, sizeof msg), 0);
	assert_non_null(strstr(msg, "Fietsen"));
	assert_null(strstr(msg, "Tuinieren"));
	for (int i = 0; i < 3; i++)
		tick(w);
	assert_int_equal(sink_wait(&w->sink, p.me_mail, before + 3, 1500), before + 2);

	/* The digest's own link and header turn off what went into it, and
	   only that: kinds mailed at once stay as they are. */
	char token[128], path2[256];
	assert_non_null(strstr(msg, PUBLIC_URL "/afmelden?token="));
	unsubscribe_token(msg, token, sizeof token);
	assert_non_null(strstr(token, "-digest-"));
	struct client anon;
	client_init(&anon, &w->e->srv);
	snprintf(path2, sizeof path2, "/api/unsubscribe?token=%s", token);
	json_t *doc = expect(&anon, "POST", path2, NULL, 200);
	assert_string_equal(json_str(doc, "kind"), "digest");
	json_decref(doc);
	client_free(&anon);
	client_free(&p.me); /* two days on: her session has ended */
	login(w, &p.me, p.me_mail);
	doc = expect(&p.me, "GET", "/api/me/notifications", NULL, 200);
	json_t *kinds = json_object_get(doc, "notifications");
	assert_string_equal(json_str(kinds, "proposal"), "never");
	assert_string_equal(json_str(kinds, "intake"), "immediately");
	assert_null(json_object_get(kinds, "digest")); /* a delivery, not a kind */
	json_decref(doc);
	doc = expect(&p.me, "PUT", "/api/me/notifications",
	             "{\"notifications\":{\"digest\":\"never\"}}", 422);
	assert_problem(&p.me, doc, 422, "notifications");
	json_decref(doc);
	people_stop(&p);
}

static void bad_settings_are_refused(void **state)
{
	struct world *w = *state;
	struct people p;
	people_start(w, &p, "Instellingen");
	json_t *doc = expect(&p.me, "PUT", "/api/me/notifications", "{\"language\":\"de\"}", 422);
	assert_problem(&p.me, doc, 422, "language");
	json_decref(doc);
	doc = expect(&p.me, "PUT", "/api/me/notifications",
	             "{\"notifications\":{\"proposal\":\"weekly\"}}", 422);
	assert_problem(&p.me, doc, 422, "proposal");
	json_decref(doc);
	doc = expect(&p.me, "PUT", "/api/me/notifications",
	             "{\"notifications\":{\"gossip\":\"never\"}}", 422);
	assert_problem(&p.me, doc, 422, "notifications");
	json_decref(doc);
	/* A failed request writes nothing. */
	doc = expect(&p.me, "PUT", "/api/me/notifications",
	             "{\"language\":\"en\",\"notifications\":{\"proposal\":\"weekly\"}}", 422);
	json_decref(doc);
	doc = expect(&p.me, "GET", "/api/me/notifications", NULL, 200);
	assert_string_equal(json_str(doc, "language"), "nl");
	json_decref(doc);
	people_stop(&p);
}

/* A server that refuses: attempts with backoff, then a failure for good
   that the administrator sees with the server's answer and can retry. */
static void refused_mail_fails_visibly_and_can_be_retried(void **state)
{
	struct world *w = *state;
	struct smtp_sink refusing;
	struct server srv = { 0 };
	struct client admin, co;
	char email[64], path[96];
	sink_start(&refusing, "refuse");
	setenv("KNOOPPUNT_SMTP_URL", refusing.url, 1);
	assert_int_equal(server_start(&srv), 0);
	setenv("KNOOPPUNT_SMTP_URL", w->sink.url, 1);
	client_init(&admin, &srv);
	assert_int_equal(client_login(&admin, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	int64_t org = fx_organisation(&admin, "Geweigerd");
	fx_email(&srv, "geweigerd", email, sizeof email);
	json_decref(check_request_json(&admin, "POST", "/api/accounts",
	                               json_pack("{s:s, s:s, s:s, s:I}", "email", email,
	                                         "display_name", "Gea", "role", "coordinator",
	                                         "organisation_id", (json_int_t)org), 201,
	                               __FILE__, __LINE__));
	/* Eight attempts, each after the backoff (at most 6 hours). */
	json_t *doc = NULL;
	for (int i = 0; i < 40; i++) {
		clock_to(w, w->now + 7 * 3600);
		usleep(400 * 1000);
		if (fx_mail_pending(&srv) == 1 && i % 4 != 3)
			continue;
		client_free(&admin); /* sessions last 12 hours */
		client_init(&admin, &srv);
		assert_int_equal(client_login(&admin, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
		json_decref(doc);
		doc = expect(&admin, "GET", "/api/outbox?status=failed", NULL, 200);
		if (json_array_size(json_object_get(doc, "items")) == 1)
			break;
	}
	json_t *mail = json_array_get(json_object_get(doc, "items"), 0);
	assert_non_null(mail);
	assert_string_equal(json_str(mail, "recipient"), email);
	assert_string_equal(json_str(mail, "status"), "failed");
	assert_int_equal(json_integer_value(json_object_get(mail, "attempts")), 8);
	assert_non_null(strstr(json_str(mail, "last_error"), "550"));
	assert_non_null(strstr(json_str(mail, "body"), "verborgen")); /* a one-time link */
	int64_t id = json_id(mail, "id");
	json_decref(doc);
	assert_int_equal(sink_count(&refusing, NULL), 0);

	/* Only the administrator retries; then it is queued as new. */
	snprintf(path, sizeof path, "/api/outbox/%lld/retry", (long long)id);
	fx_login_on(&srv, &admin, &co, org);
	json_decref(expect(&co, "POST", path, "{}", 403));
	doc = expect(&admin, "POST", path, "{}", 200);
	assert_string_equal(json_str(doc, "status"), "queued");
	assert_int_equal(json_integer_value(json_object_get(doc, "attempts")), 0);
	json_decref(doc);
	doc = expect(&admin, "POST", path, "{}", 409);
	assert_problem(&admin, doc, 409, "id");
	json_decref(doc);
	doc = expect(&admin, "GET", "/api/outbox?status=failed", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 0);
	json_decref(doc);
	client_free(&co);
	client_free(&admin);
	assert_int_equal(server_stop(&srv), 0);
	sink_stop(&refusing);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(proposal_reaches_volunteer_in_her_language),
		cmocka_unit_test(response_reaches_coordinator_in_dutch),
		cmocka_unit_test(accepted_match_reaches_professional),
		cmocka_unit_test(transfer_asks_volunteer_for_consent),
		cmocka_unit_test(intake_appointment_reaches_volunteer),
		cmocka_unit_test(vog_about_to_expire_is_told_once),
		cmocka_unit_test(bad_settings_are_refused),
		cmocka_unit_test(digest_arrives_once_a_day),
		cmocka_unit_test(refused_mail_fails_visibly_and_can_be_retried),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
