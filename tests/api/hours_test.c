/*
 * Hours, expenses and the allowance through the API on a real server, with
 * the clock fixed at 2025-06-16 (a Monday): logging from today's proposal,
 * bad input that writes nothing, a correction that keeps its history, bulk
 * approval that locks, "the same as last week", kilometres at the
 * organisation's rate, decisions and payment, receipts checked by their
 * bytes and shown only to who may see the claim, each allowance cap on
 * either side of its boundary (both age bands, a year boundary, two
 * organisations), and the totals.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/hours.h"

#define TODAY "2025-06-16"

/* An organisation with a coordinator, a volunteer with a login and an
   active match of that volunteer on a call of the organisation. */
struct org_fx {
	int64_t org, vol, call, match;
	struct client co, self;
};

static void activate(struct client *cl, int64_t match)
{
	static const char *const steps[] = { "contacted", "accepted", "active" };
	char path[64], body[64];
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)match);
	for (int i = 0; i < 3; i++) {
		snprintf(body, sizeof body, "{\"status\":\"%s\"}", steps[i]);
		json_decref(expect(cl, "PATCH", path, body, 200));
	}
}

/* With vol: that volunteer (of another organisation), who lets this one see
   them through `self`. */
static void setup_org(struct env *e, struct org_fx *f, int64_t vol, struct client *self)
{
	f->org = fx_organisation(&e->admin, "Urenorganisatie");
	if (vol) {
		char path[64], body[160];
		snprintf(path, sizeof path, "/api/volunteers/%lld/consent", (long long)vol);
		snprintf(body, sizeof body, "{\"profile_scope\":\"organisations\",\"organisations\":"
		         "[%lld],\"lived_experience\":false,\"text_version\":\"2026-1\"}",
		         (long long)f->org);
		json_decref(expect(self, "PUT", path, body, 200));
	}
	f->vol = vol ? vol : fx_volunteer(&e->admin, f->org, "active");
	fx_login(e, &f->co, "coordinator", f->org, 0);
	if (!vol)
		fx_login(e, &f->self, "volunteer", 0, f->vol);
	f->call = fx_call(&f->co, f->org, "Wandelen op maandag");
	f->match = fx_match(&f->co, f->call, f->vol);
	activate(&f->co, f->match);
}

static void free_org(struct org_fx *f, bool with_self)
{
	client_free(&f->co);
	if (with_self)
		client_free(&f->self);
}

static int64_t log_hours(struct client *cl, int64_t vol, int64_t match, const char *date,
                         int minutes, long status)
{
	char body[200];
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"match_id\":%lld,\"worked_on\":"
	         "\"%s\",\"minutes\":%d}", (long long)vol, (long long)match, date, minutes);
	json_t *doc = expect(cl, "POST", "/api/hours", body, status);
	int64_t id = status == 201 ? json_id(doc, "id") : 0;
	json_decref(doc);
	return id;
}

static void hours_logged_corrected_approved_and_locked(void **state)
{
	struct env *e = *state;
	struct org_fx f;
	char path[96], body[160];
	setup_org(e, &f, 0, NULL);
	/* Tap one: today's proposal, from the call's duration. */
	snprintf(path, sizeof path, "/api/volunteers/%lld/hours/today", (long long)f.vol);
	json_t *doc = expect(&f.self, "GET", path, NULL, 200);
	json_t *p = json_array_get(json_object_get(doc, "items"), 0);
	assert_int_equal(json_id(p, "match_id"), f.match);
	assert_string_equal(json_str(p, "worked_on"), TODAY);
	assert_int_equal(json_id(p, "minutes"), 60);
	assert_false(json_is_true(json_object_get(p, "logged")));
	json_decref(doc);
	/* Tap two: log it as proposed. */
	int64_t id = log_hours(&f.self, f.vol, f.match, TODAY, 60, 201);
	doc = expect(&f.self, "GET", path, NULL, 200);
	p = json_array_get(json_object_get(doc, "items"), 0);
	assert_true(json_is_true(json_object_get(p, "logged")));
	json_decref(doc);

	/* Bad input names its field and writes nothing. */
	int64_t rows = count_rows(&e->srv, "hour_entries");
	static const struct { const char *date; int minutes; const char *field; } bad[] = {
		{ TODAY, -30, "minutes" }, { TODAY, 25 * 60, "minutes" },
		{ "2025-06-17", 60, "worked_on" }, { TODAY, 23 * 60 + 1, "minutes" },
		{ "2025-02-30", 60, "worked_on" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"worked_on\":\"%s\","
		         "\"minutes\":%d}", (long long)f.vol, bad[i].date, bad[i].minutes);
		doc = expect(&f.self, "POST", "/api/hours", body, 422);
		assert_problem(&f.self, doc, 422, bad[i].field);
		json_decref(doc);
	}
	assert_int_equal(count_rows(&e->srv, "hour_entries"), rows);

	/* A correction is a new entry; the old one stays as history. */
	snprintf(path, sizeof path, "/api/hours/%lld", (long long)id);
	doc = expect(&f.self, "PATCH", path, "{\"minutes\":90,\"note\":\"Langer gewandeld\"}", 200);
	int64_t fixed = json_id(doc, "id");
	assert_true(fixed != id);
	assert_int_equal(json_id(doc, "minutes"), 90);
	json_decref(doc);
	json_decref(expect(&f.self, "PATCH", path, "{\"minutes\":80}", 409));
	snprintf(path, sizeof path, "/api/hours/%lld", (long long)fixed);
	doc = expect(&f.co, "GET", path, NULL, 200);
	json_t *history = json_object_get(doc, "history");
	assert_int_equal(json_array_size(history), 1);
	assert_string_equal(json_str(json_array_get(history, 0), "status"), "corrected");
	assert_int_equal(json_id(json_array_get(history, 0), "minutes"), 60);
	json_decref(doc);

	/* The coordinator logs for the volunteer and approves both at once. */
	int64_t by_co = log_hours(&f.co, f.vol, f.match, "2025-06-14", 120, 201);
	struct client other;
	fx_login(e, &other, "coordinator", fx_organisation(&e->admin, "Andere"), 0);
	snprintf(body, sizeof body, "{\"ids\":[%lld,%lld]}", (long long)fixed, (long long)by_co);
	uint64_t before = db_fingerprint(&e->srv);
	json_decref(expect(&other, "POST", "/api/hours/approve", body, 403));
	json_decref(expect(&f.self, "POST", "/api/hours/approve", body, 403));
	assert_true(db_fingerprint(&e->srv) == before);
	json_decref(expect(&f.co, "POST", "/api/hours/approve", body, 200));
	doc = expect(&f.self, "PATCH", path, "{\"minutes\":30}", 409);
	assert_string_equal(json_str(doc, "code"), "hours_locked");
	json_decref(doc);
	json_decref(expect(&other, "GET", path, NULL, 403));
	client_free(&other);
	free_org(&f, true);
}

static void same_as_last_week(void **state)
{
	struct env *e = *state;
	struct org_fx f;
	char path[96];
	setup_org(e, &f, 0, NULL);
	log_hours(&f.self, f.vol, f.match, "2025-06-09", 90, 201);
	log_hours(&f.self, f.vol, f.match, "2025-06-05", 45, 201);
	log_hours(&f.self, f.vol, f.match, "2025-06-02", 30, 201); /* two weeks ago: not copied */
	snprintf(path, sizeof path, "/api/volunteers/%lld/hours/repeat-week", (long long)f.vol);
	json_t *doc = expect(&f.self, "POST", path, "{}", 200);
	assert_int_equal(json_id(doc, "created"), 2);
	json_decref(doc);
	doc = expect(&f.self, "POST", path, "{}", 200);
	assert_int_equal(json_id(doc, "created"), 0);
	json_decref(doc);
	snprintf(path, sizeof path, "/api/hours?volunteer_id=%lld&from=2025-06-16",
	         (long long)f.vol);
	doc = expect(&f.self, "GET", path, NULL, 200);
	assert_int_equal(json_id(doc, "total"), 1);
	assert_int_equal(json_id(json_array_get(json_object_get(doc, "items"), 0), "minutes"), 90);
	json_decref(doc);
	free_org(&f, true);
}

static int64_t claim(struct client *cl, const char *body, long status, const char *field)
{
	json_t *doc = expect(cl, "POST", "/api/expenses", body, status);
	int64_t id = 0;
	if (status == 201)
		id = json_id(doc, "id");
	else
		assert_problem(cl, doc, status, field);
	json_decref(doc);
	return id;
}

static void expenses_rates_decisions_and_receipts(void **state)
{
	struct env *e = *state;
	struct org_fx f;
	char path[96], body[256];
	setup_org(e, &f, 0, NULL);
	snprintf(path, sizeof path, "/api/organisations/%lld/expense-rates", (long long)f.org);
	json_decref(expect(&f.self, "PUT", path, "{\"car\":23}", 403));
	json_decref(expect(&f.co, "PUT", path, "{\"car\":23}", 200));
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"kind\":\"kilometres\",\"incurred_on\":"
	         "\"2025-06-10\",\"km\":12,\"travel_mode\":\"car\"}", (long long)f.vol);
	int64_t km = claim(&f.self, body, 201, NULL);
	snprintf(path, sizeof path, "/api/expenses/%lld", (long long)km);
	json_t *doc = expect(&f.self, "GET", path, NULL, 200);
	assert_int_equal(json_id(doc, "amount_cents"), 12 * 23);
	json_decref(doc);
	int64_t rows = count_rows(&e->srv, "expense_claims");
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"kind\":\"kilometres\",\"incurred_on\":"
	         "\"2025-06-10\",\"km\":12,\"travel_mode\":\"bike\"}", (long long)f.vol);
	claim(&f.self, body, 422, "travel_mode");
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"kind\":\"other\",\"incurred_on\":"
	         "\"2025-06-10\",\"amount_cents\":500}", (long long)f.vol);
	claim(&f.self, body, 422, "description");
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"kind\":\"public_transport\","
	         "\"incurred_on\":\"2025-07-01\",\"amount_cents\":500}", (long long)f.vol);
	claim(&f.self, body, 422, "incurred_on");
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"kind\":\"public_transport\","
	         "\"incurred_on\":\"2025-06-01\",\"amount_cents\":-5}", (long long)f.vol);
	claim(&f.self, body, 422, "amount_cents");
	assert_int_equal(count_rows(&e->srv, "expense_claims"), rows);

	/* Other costs with a receipt, checked by its bytes. */
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"kind\":\"other\",\"incurred_on\":"
	         "\"2025-06-12\",\"amount_cents\":1250,\"description\":\"Koffie en koek\"}",
	         (long long)f.vol);
	int64_t other = claim(&f.self, body, 201, NULL);
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR fake image bytes";
	snprintf(path, sizeof path, "/api/expenses/%lld/receipt", (long long)other);
	long status = 0;
	/* A receipt that is not what it says, or no receipt type at all: named, not stored. */
	doc = client_raw(&f.self, "PUT", path, "%PDF-1.4 not a png", 18, "image/png", true,
	                 &status);
	assert_problem(&f.self, doc, 422, "receipt");
	json_decref(doc);
	doc = client_raw(&f.self, "PUT", path, "GIF89a....", 10, "image/gif", true, &status);
	assert_problem(&f.self, doc, 422, "receipt");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/expenses/%lld", (long long)other);
	doc = expect(&f.self, "GET", path, NULL, 200);
	assert_false(json_is_true(json_object_get(doc, "has_receipt")));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/expenses/%lld/receipt", (long long)other);
	json_decref(client_raw(&f.self, "PUT", path, png, sizeof png - 1, "image/png", true,
	                       &status));
	assert_int_equal(status, 200);
	json_decref(client_raw(&f.co, "GET", path, NULL, 0, NULL, false, &status));
	assert_int_equal(status, 200);
	assert_string_equal(f.co.content_type, "image/png");
	assert_int_equal(f.co.raw_len, sizeof png - 1);
	assert_memory_equal(f.co.raw, png, sizeof png - 1);
	struct client other_vol, professional;
	fx_login(e, &other_vol, "volunteer", 0, fx_volunteer(&e->admin, f.org, "active"));
	fx_login(e, &professional, "professional", f.org, 0);
	json_decref(client_raw(&other_vol, "GET", path, NULL, 0, NULL, false, &status));
	assert_int_equal(status, 403);
	json_decref(client_raw(&professional, "GET", path, NULL, 0, NULL, false, &status));
	assert_int_equal(status, 403);

	/* The receipt route takes up to 2 MiB; every other body stays within 64 KiB. */
	size_t big = RECEIPT_BYTES_MAX;
	char *file = calloc(1, big + 1);
	assert_non_null(file);
	memcpy(file, png, sizeof png - 1);
	json_decref(client_raw(&f.self, "PUT", path, file, big + 1, "image/png", true, &status));
	assert_int_equal(status, 413);
	json_decref(client_raw(&f.self, "PUT", path, file, big, "image/png", true, &status));
	assert_int_equal(status, 200);
	json_decref(client_raw(&f.co, "GET", path, NULL, 0, NULL, false, &status));
	assert_int_equal(status, 200);
	assert_int_equal(f.co.raw_len, big);
	memset(file, ' ', 100 * 1024);
	file[0] = '{';
	file[100 * 1024 - 1] = '}';
	json_decref(client_raw(&f.self, "POST", "/api/hours", file, 100 * 1024, "application/json",
	                       true, &status));
	assert_int_equal(status, 413);
	free(file);

	/* Decisions: reject needs a reason; approve, then pay. */
	snprintf(path, sizeof path, "/api/expenses/%lld", (long long)other);
	doc = expect(&f.co, "PATCH", path, "{\"action\":\"reject\"}", 422);
	assert_problem(&f.co, doc, 422, "reason");
	json_decref(doc);
	json_decref(expect(&f.self, "PATCH", path, "{\"action\":\"approve\"}", 403));
	json_decref(expect(&f.co, "PATCH", path, "{\"action\":\"pay\"}", 409));
	json_decref(expect(&f.co, "PATCH", path, "{\"action\":\"approve\"}", 200));
	doc = expect(&f.co, "PATCH", path, "{\"action\":\"pay\"}", 200);
	assert_string_equal(json_str(doc, "status"), "paid");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/expenses/%lld/receipt", (long long)other);
	json_decref(client_raw(&f.self, "PUT", path, png, sizeof png - 1, "image/png", true,
	                       &status));
	assert_int_equal(status, 409);
	snprintf(path, sizeof path, "/api/expenses/%lld", (long long)km);
	doc = expect(&f.co, "PATCH", path, "{\"action\":\"reject\",\"reason\":\"Geen rit\"}", 200);
	assert_string_equal(json_str(doc, "status"), "rejected");
	json_decref(doc);
	client_free(&other_vol);
	client_free(&professional);
	free_org(&f, true);
}

/* The coordinator co chooses the fixed allowance for vol at the own organisation. */
static void fixed_allowance(struct client *co, int64_t vol)
{
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld/allowance-mode", (long long)vol);
	json_t *doc = expect(co, "PUT", path, "{\"mode\":\"fixed\"}", 200);
	assert_string_equal(json_str(doc, "mode"), "fixed");
	json_decref(doc);
}

static void allowance(struct client *cl, int64_t vol, int64_t match, const char *date,
                      int cents, long status, const char *code)
{
	char body[200];
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"match_id\":%lld,\"kind\":"
	         "\"allowance\",\"incurred_on\":\"%s\",\"amount_cents\":%d}", (long long)vol,
	         (long long)match, date, cents);
	json_t *doc = expect(cl, "POST", "/api/expenses", body, status);
	if (code != NULL) {
		assert_problem(cl, doc, status, "amount_cents");
		assert_string_equal(json_str(doc, "code"), code);
		assert_non_null(strstr(json_str(doc, "detail"), "vrijwilligersvergoeding"));
	}
	json_decref(doc);
}

/* Adult (from 21): €5,60 an hour in 2025, €5,50 in 2024; €210 a month. */
static void allowance_caps_per_hour_month_and_year(void **state)
{
	struct env *e = *state;
	struct org_fx f;
	char path[64];
	setup_org(e, &f, 0, NULL);
	fixed_allowance(&f.co, f.vol);
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)f.vol);
	json_decref(expect(&f.co, "PATCH", path, "{\"birth_year\":2003}", 200)); /* 21 in 2024 */
	log_hours(&f.co, f.vol, f.match, "2025-05-05", 10 * 60, 201);
	/* 10 hours in May: €56,00 allowed; a cent more is refused. */
	allowance(&f.co, f.vol, f.match, "2025-05-31", 5601, 422, "cap_per_hour");
	allowance(&f.co, f.vol, f.match, "2025-05-31", 5600, 201, NULL);
	/* 40 hours in June: the month cap of €210 binds before the hourly one. */
	for (int d = 2; d <= 6; d++) {
		char date[11];
		snprintf(date, sizeof date, "2025-06-%02d", d);
		log_hours(&f.co, f.vol, f.match, date, 8 * 60, 201);
	}
	allowance(&f.co, f.vol, f.match, "2025-06-01", 21001, 422, "cap_per_month");
	allowance(&f.co, f.vol, f.match, "2025-06-01", 20000, 201, NULL);
	allowance(&f.co, f.vol, f.match, "2025-06-15", 1001, 422, "cap_per_month");
	allowance(&f.co, f.vol, f.match, "2025-06-16", 1000, 201, NULL);
	/* A year boundary: 2024's hourly rate is €5,50. */
	log_hours(&f.co, f.vol, f.match, "2024-12-31", 60, 201);
	allowance(&f.co, f.vol, f.match, "2024-12-31", 551, 422, "cap_per_hour");
	allowance(&f.co, f.vol, f.match, "2024-12-31", 550, 201, NULL);
	/* The yearly cap, lowered by the administrator for a test year. */
	json_decref(expect(&f.co, "PUT", "/api/allowance-caps/2023", "{\"per_hour_cents\":560,"
	                   "\"per_hour_young_cents\":330,\"per_month_cents\":21000,"
	                   "\"per_year_cents\":5000}", 403));
	json_decref(expect(&e->admin, "PUT", "/api/allowance-caps/2023", "{\"per_hour_cents\":560,"
	                   "\"per_hour_young_cents\":330,\"per_month_cents\":21000,"
	                   "\"per_year_cents\":5000}", 200));
	log_hours(&f.co, f.vol, f.match, "2023-03-01", 20 * 60, 201);
	allowance(&f.co, f.vol, f.match, "2023-03-02", 4000, 201, NULL);
	allowance(&f.co, f.vol, f.match, "2023-03-03", 1001, 422, "cap_per_year");
	allowance(&f.co, f.vol, f.match, "2023-03-03", 1000, 201, NULL);
	free_org(&f, true);
}

/* Below 21: €3,30 an hour in 2025. */
static void allowance_young_rate(void **state)
{
	struct env *e = *state;
	struct org_fx f;
	char path[64];
	setup_org(e, &f, 0, NULL);
	fixed_allowance(&f.co, f.vol);
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)f.vol);
	json_decref(expect(&f.co, "PATCH", path, "{\"birth_year\":2005}", 200)); /* 20 in 2025 */
	log_hours(&f.co, f.vol, f.match, "2025-04-01", 10 * 60, 201);
	allowance(&f.co, f.vol, f.match, "2025-04-30", 3301, 422, "cap_per_hour_young");
	allowance(&f.co, f.vol, f.match, "2025-04-30", 3300, 201, NULL);
	free_org(&f, true);
}

/* Two organisations: each keeps its own caps; the sum is flagged to both
   without either's amounts. */
static void allowance_across_two_organisations(void **state)
{
	struct env *e = *state;
	struct org_fx a, b;
	setup_org(e, &a, 0, NULL);
	setup_org(e, &b, a.vol, &a.self);
	fixed_allowance(&a.co, a.vol);
	fixed_allowance(&b.co, a.vol);
	log_hours(&a.co, a.vol, a.match, "2025-03-03", 1440, 201);
	log_hours(&a.co, a.vol, a.match, "2025-03-05", 1440, 201);
	log_hours(&b.co, a.vol, b.match, "2025-03-04", 1440, 201);
	allowance(&a.co, a.vol, a.match, "2025-03-10", 15000, 201, NULL);
	char body[200];
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"match_id\":%lld,\"kind\":"
	         "\"allowance\",\"incurred_on\":\"2025-03-11\",\"amount_cents\":10000}",
	         (long long)a.vol, (long long)b.match);
	json_t *doc = expect(&b.co, "POST", "/api/expenses", body, 201);
	assert_string_equal(json_str(doc, "cap_warning"), "network_month");
	char *text = json_dumps(doc, 0);
	assert_null(strstr(text, "15000"));
	free(text);
	json_decref(doc);
	/* Organisation A does not see B's claim, but is warned on its own. */
	char path[96];
	snprintf(path, sizeof path, "/api/expenses?volunteer_id=%lld", (long long)a.vol);
	doc = expect(&a.co, "GET", path, NULL, 200);
	assert_int_equal(json_id(doc, "total"), 1);
	json_t *own = json_array_get(json_object_get(doc, "items"), 0);
	assert_string_equal(json_str(own, "cap_warning"), "network_month");
	assert_int_equal(json_id(own, "amount_cents"), 15000);
	json_decref(doc);
	free_org(&a, true);
	free_org(&b, false);
}

static void totals_per_volunteer_and_organisation(void **state)
{
	struct env *e = *state;
	struct org_fx f;
	setup_org(e, &f, 0, NULL);
	log_hours(&f.co, f.vol, f.match, "2025-02-03", 120, 201);
	log_hours(&f.co, f.vol, f.match, "2025-02-10", 60, 201);
	char path[96];
	json_t *doc = expect(&f.co, "GET", "/api/hours/totals?month=2025-02", NULL, 200);
	json_t *items = json_object_get(doc, "items");
	assert_int_equal(json_array_size(items), 1);
	assert_int_equal(json_id(json_array_get(items, 0), "minutes"), 180);
	json_decref(doc);
	doc = expect(&e->admin, "GET", "/api/hours/totals?month=2025-02", NULL, 200);
	assert_true(json_array_size(json_object_get(doc, "items")) >= 1);
	json_decref(doc);
	json_decref(expect(&f.self, "GET", "/api/hours/totals?month=2025-02", NULL, 403));
	json_decref(expect(&f.co, "GET", "/api/hours/totals?month=2025-13", NULL, 400));
	long status = 0;
	snprintf(path, sizeof path, "/api/hours/totals.csv?month=2025-02");
	json_decref(client_raw(&f.co, "GET", path, NULL, 0, NULL, false, &status));
	assert_int_equal(status, 200);
	assert_non_null(strstr(f.co.raw, ",180,"));
	free_org(&f, true);
}

static void decide(struct client *co, int64_t claim, const char *action)
{
	char path[64], body[64];
	snprintf(path, sizeof path, "/api/expenses/%lld", (long long)claim);
	snprintf(body, sizeof body, "{\"action\":\"%s\"}", action);
	json_decref(expect(co, "PATCH", path, body, 200));
}

/* Actual costs or the fixed allowance, chosen per volunteer by each
   organisation: never both at one organisation. */
static void allowance_or_actual_costs(void **state)
{
	struct env *e = *state;
	struct org_fx a, b;
	char path[96], body[200];
	setup_org(e, &a, 0, NULL);
	setup_org(e, &b, a.vol, &a.self);
	log_hours(&a.co, a.vol, a.match, "2025-06-02", 600, 201);
	snprintf(path, sizeof path, "/api/volunteers/%lld/allowance-mode", (long long)a.vol);
	json_t *doc = expect(&a.self, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "mode"), "costs");
	assert_int_equal(json_id(doc, "organisation_id"), a.org);
	json_decref(doc);
	/* Actual costs, the default: no allowance. */
	int64_t rows = count_rows(&e->srv, "expense_claims");
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"match_id\":%lld,\"kind\":"
	         "\"allowance\",\"incurred_on\":\"2025-06-03\",\"amount_cents\":500}",
	         (long long)a.vol, (long long)a.match);
	doc = expect(&a.co, "POST", "/api/expenses", body, 422);
	assert_problem(&a.co, doc, 422, "kind");
	assert_string_equal(json_str(doc, "code"), "allowance_not_chosen");
	json_decref(doc);
	/* Only the organisation's coordinator chooses. */
	json_decref(expect(&a.self, "PUT", path, "{\"mode\":\"fixed\"}", 403));
	json_decref(expect(&b.co, "PUT", path, "{\"mode\":\"fixed\"}", 200)); /* at B */
	snprintf(body, sizeof body, "{\"organisation_id\":%lld,\"mode\":\"fixed\"}",
	         (long long)a.org);
	json_decref(expect(&b.co, "PUT", path, body, 403));
	json_decref(expect(&a.co, "PUT", path, "{\"mode\":\"vast\"}", 422));
	fixed_allowance(&a.co, a.vol);
	/* The fixed allowance: no actual costs on top. */
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"match_id\":%lld,\"kind\":"
	         "\"public_transport\",\"incurred_on\":\"2025-06-03\",\"amount_cents\":420}",
	         (long long)a.vol, (long long)a.match);
	doc = expect(&a.self, "POST", "/api/expenses", body, 422);
	assert_problem(&a.self, doc, 422, "kind");
	assert_string_equal(json_str(doc, "code"), "costs_with_allowance");
	json_decref(doc);
	assert_int_equal(count_rows(&e->srv, "expense_claims"), rows);
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"match_id\":%lld,\"kind\":"
	         "\"allowance\",\"incurred_on\":\"2025-06-03\",\"amount_cents\":500}",
	         (long long)a.vol, (long long)a.match);
	json_decref(expect(&a.co, "POST", "/api/expenses", body, 201));
	doc = expect(&a.self, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "mode"), "fixed");
	json_decref(doc);
	free_org(&a, true);
	free_org(&b, false);
}

/* The year statement of someone active at two organisations: the volunteer
   sees both, each coordinator only the own organisation's line. */
static void year_statement_across_two_organisations(void **state)
{
	struct env *e = *state;
	struct org_fx a, b;
	char path[96], body[200];
	setup_org(e, &a, 0, NULL);
	setup_org(e, &b, a.vol, &a.self);
	fixed_allowance(&a.co, a.vol); /* at B: actual costs */
	log_hours(&a.co, a.vol, a.match, "2024-12-30", 600, 201); /* last year */
	int64_t h = log_hours(&a.co, a.vol, a.match, "2025-01-06", 120, 201);
	log_hours(&a.co, a.vol, a.match, "2025-04-07", 90, 201);
	log_hours(&b.co, a.vol, b.match, "2025-04-08", 45, 201);
	snprintf(body, sizeof body, "{\"ids\":[%lld]}", (long long)h);
	json_decref(expect(&a.co, "POST", "/api/hours/approve", body, 200));
	/* 90 minutes in April allow 1,5 × €5,60 = €8,40 of allowance. */
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"match_id\":%lld,\"kind\":"
	         "\"allowance\",\"incurred_on\":\"2025-04-10\",\"amount_cents\":800}",
	         (long long)a.vol, (long long)a.match);
	json_t *doc = expect(&a.co, "POST", "/api/expenses", body, 201);
	decide(&a.co, json_id(doc, "id"), "approve");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"match_id\":%lld,\"kind\":"
	         "\"public_transport\",\"incurred_on\":\"2025-04-08\",\"amount_cents\":730}",
	         (long long)a.vol, (long long)b.match);
	doc = expect(&b.co, "POST", "/api/expenses", body, 201);
	int64_t ov = json_id(doc, "id");
	json_decref(doc);
	decide(&b.co, ov, "approve");
	decide(&b.co, ov, "pay");
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"match_id\":%lld,\"kind\":"
	         "\"public_transport\",\"incurred_on\":\"2025-04-09\",\"amount_cents\":999}",
	         (long long)a.vol, (long long)b.match);
	json_decref(expect(&a.self, "POST", "/api/expenses", body, 201)); /* not decided */

	snprintf(path, sizeof path, "/api/volunteers/%lld/year-statement?year=2025",
	         (long long)a.vol);
	doc = expect(&a.self, "GET", path, NULL, 200);
	assert_int_equal(json_id(doc, "year"), 2025);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 2);
	json_t *la = list_find(doc, "organisation_id", a.org);
	json_t *lb = list_find(doc, "organisation_id", b.org);
	assert_non_null(la);
	assert_non_null(lb);
	assert_int_equal(json_id(la, "minutes"), 210);
	assert_int_equal(json_id(la, "approved_minutes"), 120);
	assert_int_equal(json_id(la, "allowance_cents"), 800);
	assert_int_equal(json_id(la, "costs_cents"), 0);
	assert_int_equal(json_id(lb, "minutes"), 45);
	assert_int_equal(json_id(lb, "costs_cents"), 730);
	assert_int_equal(json_id(lb, "paid_cents"), 730);
	json_t *total = json_object_get(doc, "total");
	assert_int_equal(json_id(total, "minutes"), 255);
	assert_int_equal(json_id(total, "allowance_cents") + json_id(total, "costs_cents"), 1530);
	json_decref(doc);
	/* Each coordinator sees the own organisation only. */
	doc = expect(&a.co, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	assert_non_null(list_find(doc, "organisation_id", a.org));
	assert_null(strstr(a.co.raw, "730"));
	json_decref(doc);
	doc = expect(&b.co, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	assert_non_null(list_find(doc, "organisation_id", b.org));
	assert_null(strstr(b.co.raw, "800"));
	json_decref(doc);
	/* Last year, another volunteer, a year out of range. */
	snprintf(path, sizeof path, "/api/volunteers/%lld/year-statement?year=2024",
	         (long long)a.vol);
	doc = expect(&a.self, "GET", path, NULL, 200);
	assert_int_equal(json_id(list_find(doc, "organisation_id", a.org), "minutes"), 600);
	json_decref(doc);
	struct client other;
	fx_login(e, &other, "volunteer", 0, fx_volunteer(&e->admin, a.org, "active"));
	json_decref(expect(&other, "GET", path, NULL, 403));
	client_free(&other);
	snprintf(path, sizeof path, "/api/volunteers/%lld/year-statement?year=1999",
	         (long long)a.vol);
	json_decref(expect(&a.self, "GET", path, NULL, 400));
	free_org(&a, true);
	free_org(&b, false);
}

/* Hours and claims are in the person's export; erasure keeps the figures
   and clears what describes the person. */
static void export_and_erasure(void **state)
{
	struct env *e = *state;
	struct org_fx f;
	char path[96], body[256];
	setup_org(e, &f, 0, NULL);
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"worked_on\":\"2025-06-03\","
	         "\"minutes\":75,\"note\":\"Met mevrouw De Wit naar de markt\"}",
	         (long long)f.vol);
	json_t *doc = expect(&f.self, "POST", "/api/hours", body, 201);
	int64_t hour = json_id(doc, "id");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"kind\":\"other\",\"incurred_on\":"
	         "\"2025-06-03\",\"amount_cents\":450,\"description\":\"Bloemen mevrouw De Wit\"}",
	         (long long)f.vol);
	claim(&f.self, body, 201, NULL);
	snprintf(path, sizeof path, "/api/volunteers/%lld/export", (long long)f.vol);
	doc = expect(&f.self, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "hours")), 1);
	assert_int_equal(json_array_size(json_object_get(doc, "expenses")), 1);
	json_decref(doc);
	snprintf(path, sizeof path, "/api/volunteers/%lld/erasure", (long long)f.vol);
	json_decref(expect(&e->admin, "POST", path, "{\"reason\":\"verzoek\"}", 200));
	snprintf(path, sizeof path, "/api/hours/%lld", (long long)hour);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_id(doc, "minutes"), 75);
	assert_string_equal(json_str(doc, "note"), "");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/expenses?volunteer_id=%lld", (long long)f.vol);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	json_t *c = json_array_get(json_object_get(doc, "items"), 0);
	assert_int_equal(json_id(c, "amount_cents"), 450);
	assert_string_equal(json_str(c, "description"), "");
	json_decref(doc);
	free_org(&f, true);
}

int main(void)
{
	setenv("KNOOPPUNT_NOW", TODAY, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hours_logged_corrected_approved_and_locked),
		cmocka_unit_test(same_as_last_week),
		cmocka_unit_test(expenses_rates_decisions_and_receipts),
		cmocka_unit_test(allowance_caps_per_hour_month_and_year),
		cmocka_unit_test(allowance_young_rate),
		cmocka_unit_test(allowance_across_two_organisations),
		cmocka_unit_test(totals_per_volunteer_and_organisation),
		cmocka_unit_test(allowance_or_actual_costs),
		cmocka_unit_test(year_statement_across_two_organisations),
		cmocka_unit_test(export_and_erasure),
	};
	return cmocka_run_group_tests_name("hours", tests, env_setup, env_teardown);
}
