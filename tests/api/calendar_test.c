/* Calendar feeds: a volunteer's own and an organisation's agenda, read at
   their secret address without a login and parsed by a real iCalendar
   parser (Debian's python3-icalendar, through tests/api/ical_read.py):
   events, recurrence rules, escaping, time zone; rotation and revocation
   (the old address answers 404), nobody else's events, erasure. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PYTHON "/usr/bin/python3"
/* A title with everything TEXT must escape (comma, semicolon, backslash,
   newline), more than ASCII, and long enough to be folded. */
#define ODD_TITLE "Koffie, thee; taart \\\\ gebak\\nbij café Zoë \\u2013 één keer, " \
	"de ochtend waarop de hele buurt langskomt"
#define ODD_TITLE_READ "Koffie, thee; taart \\ gebak\nbij café Zoë – één keer, " \
	"de ochtend waarop de hele buurt langskomt"

struct people {
	int64_t org, vol, other;
	struct client coord, me, them, nobody;
};

static void make_people(struct env *e, struct people *p, const char *org_name)
{
	char email[64];
	p->org = fx_organisation(&e->admin, org_name);
	fx_email(&e->srv, "coord", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, p->org, 0);
	client_init(&p->coord, &e->srv);
	assert_int_equal(client_login(&p->coord, email, FX_PASSWORD), 201);
	p->vol = fx_volunteer_account(&e->admin, p->org, "agenda", &p->me);
	p->other = fx_volunteer_account(&e->admin, p->org, "ander", &p->them);
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)p->vol);
	json_decref(expect(&p->coord, "PATCH", path, "{\"max_matches\":6}", 200));
	client_init(&p->nobody, &e->srv);
}

static void free_people(struct people *p)
{
	client_free(&p->coord);
	client_free(&p->me);
	client_free(&p->them);
	client_free(&p->nobody);
}

/* The date `days` from today (UTC), YYYY-MM-DD. */
static void day_from_today(int days, char out[11])
{
	time_t t = time(NULL) + (time_t)days * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* A call of p's organisation (JSON fields after the title), matched to vol
   and accepted. */
static int64_t accepted_match(struct people *p, int64_t vol, const char *title,
                              const char *schedule)
{
	char body[512], path[64];
	snprintf(body, sizeof body, "{\"title\":\"%s\",\"activity\":\"wandelen\",\"place\":"
	         "\"Dordrecht\",\"organisation_id\":%lld,%s}", title, (long long)p->org, schedule);
	json_t *doc = expect(&p->coord, "POST", "/api/calls", body, 201);
	int64_t call = json_id(doc, "id");
	json_decref(doc);
	int64_t match = fx_match(&p->coord, call, vol);
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)match);
	json_decref(expect(&p->coord, "PATCH", path, "{\"status\":\"contacted\"}", 200));
	json_decref(expect(&p->coord, "PATCH", path, "{\"status\":\"accepted\"}", 200));
	return match;
}

/* Makes a feed (POST to base) and returns its path, /api/calendar/….ics. */
static void make_feed(struct client *cl, const char *base, char *path, size_t cap)
{
	json_t *doc = expect(cl, "POST", base, "{}", 201);
	assert_true(json_is_true(json_object_get(doc, "active")));
	snprintf(path, cap, "%s", json_str(doc, "path"));
	assert_non_null(strstr(path, "/api/calendar/"));
	assert_non_null(strstr(json_str(doc, "url"), path));
	json_decref(doc);
}

/* GETs the feed without a login and returns what the parser read (NULL
   when the answer is not 200). */
static json_t *read_feed(struct client *cl, const char *path, long status)
{
	long got;
	json_t *doc = client_request(cl, "GET", path, NULL, &got);
	assert_int_equal(got, status);
	if (status != 200)
		return doc;
	json_decref(doc);
	assert_non_null(strstr(cl->content_type, "text/calendar"));
	char file[] = "/tmp/knooppunt-ics-XXXXXX", cmd[512], out[1 << 16];
	int fd = mkstemp(file);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	assert_int_equal(fwrite(cl->raw, 1, cl->raw_len, f), cl->raw_len);
	fclose(f);
	const char *src = getenv("KNOOPPUNT_SRC");
	snprintf(cmd, sizeof cmd, PYTHON " %s/tests/api/ical_read.py < %s", src ? src : ".", file);
	FILE *pipe = popen(cmd, "r");
	assert_non_null(pipe);
	size_t n = fread(out, 1, sizeof out - 1, pipe);
	out[n] = '\0';
	assert_int_equal(pclose(pipe), 0);
	remove(file);
	json_error_t jerr;
	json_t *read = json_loads(out, 0, &jerr);
	if (read == NULL)
		fail_msg("the parser said: %s", out);
	json_t *problems = json_object_get(read, "problems");
	if (json_array_size(problems) > 0)
		fail_msg("not RFC 5545: %s", out);
	return read;
}

/* The event whose UID starts with prefix, NULL when none. */
static json_t *event(json_t *feed, const char *uid_prefix)
{
	size_t i;
	json_t *ev;
	json_array_foreach(json_object_get(feed, "events"), i, ev)
		if (strncmp(json_str(ev, "uid"), uid_prefix, strlen(uid_prefix)) == 0)
			return ev;
	return NULL;
}

static void uid_of(const char *kind, int64_t id, const char *part, char *out, size_t cap)
{
	snprintf(out, cap, "%s-%lld%s@", kind, (long long)id, part);
}

static void volunteer_feed_has_her_commitments(void **state)
{
	struct env *e = *state;
	struct people p;
	char date[11], body[256], base[96], path[128], uid[64];
	make_people(e, &p, "Agenda Zorg");
	day_from_today(30, date);
	snprintf(body, sizeof body, "\"one_off_date\":\"%s\",\"start_time\":\"14:30\","
	         "\"duration_minutes\":90", date);
	int64_t once = accepted_match(&p, p.vol, ODD_TITLE, body);
	int64_t weekly = accepted_match(&p, p.vol, "Wandelen op dinsdag",
	                                "\"dayparts\":[\"tue-morning\",\"thu-morning\","
	                                "\"wed-evening\"],\"duration_minutes\":120,"
	                                "\"engagement\":\"structural\"");
	/* Summer and winter time: the zone's rules are in the file. */
	char summer[11], winter[11];
	day_from_today(366, date);
	snprintf(summer, sizeof summer, "%.4s-07-15", date);
	snprintf(winter, sizeof winter, "%.4s-01-15", date);
	snprintf(body, sizeof body, "\"one_off_date\":\"%s\",\"start_time\":\"10:00\"", summer);
	int64_t in_summer = accepted_match(&p, p.vol, "Zomerfeest", body);
	snprintf(body, sizeof body, "\"one_off_date\":\"%s\",\"start_time\":\"10:00\"", winter);
	int64_t in_winter = accepted_match(&p, p.vol, "Nieuwjaarsborrel", body);
	int64_t theirs = accepted_match(&p, p.other, "Boodschappen met meneer",
	                                "\"dayparts\":[\"fri-afternoon\"]");
	snprintf(base, sizeof base, "/api/volunteers/%lld/trainings", (long long)p.vol);
	day_from_today(-3, date);
	snprintf(body, sizeof body, "{\"title\":\"Omgaan met dementie\",\"completed_on\":\"%s\"}",
	         date);
	json_decref(expect(&p.coord, "POST", base, body, 201));
	/* Older than the feed looks back: left out. */
	day_from_today(-200, date);
	snprintf(body, sizeof body, "{\"title\":\"EHBO\",\"completed_on\":\"%s\"}", date);
	json_decref(expect(&p.coord, "POST", base, body, 201));

	snprintf(base, sizeof base, "/api/volunteers/%lld/calendar", (long long)p.vol);
	json_t *doc = expect(&p.me, "GET", base, NULL, 200);
	assert_true(json_is_false(json_object_get(doc, "active")));
	json_decref(doc);
	make_feed(&p.me, base, path, sizeof path);
	doc = expect(&p.me, "GET", base, NULL, 200);
	assert_true(json_is_true(json_object_get(doc, "active")));
	assert_null(json_object_get(doc, "url"));  /* shown once, when made */
	json_decref(doc);

	json_t *feed = read_feed(&p.nobody, path, 200);
	/* The one-off match: its date and time in Amsterdam, escaped text read back. */
	uid_of("match", once, "", uid, sizeof uid);
	json_t *ev = event(feed, uid);
	assert_non_null(ev);
	assert_string_equal(json_str(ev, "summary"), ODD_TITLE_READ);
	assert_string_equal(json_str(ev, "tzid"), "Europe/Amsterdam");
	day_from_today(30, date);
	assert_int_equal(strncmp(json_str(ev, "start"), date, 10), 0);
	assert_non_null(strstr(json_str(ev, "start"), "T14:30:00"));
	assert_int_equal(json_integer_value(json_object_get(ev, "duration_minutes")), 90);
	assert_string_equal(json_str(ev, "rrule"), "");
	assert_string_equal(json_str(ev, "location"), "Dordrecht");
	assert_non_null(strstr(json_str(ev, "description"), "Agenda Zorg"));
	uid_of("match", in_summer, "", uid, sizeof uid);
	ev = event(feed, uid);
	assert_non_null(ev);
	assert_int_equal(strncmp(json_str(ev, "start"), summer, 10), 0);
	assert_true(json_real_value(json_object_get(ev, "utcoffset")) == 2.0);
	uid_of("match", in_winter, "", uid, sizeof uid);
	ev = event(feed, uid);
	assert_non_null(ev);
	assert_non_null(strstr(json_str(ev, "start"), "T10:00:00+01:00"));
	assert_true(json_real_value(json_object_get(ev, "utcoffset")) == 1.0);
	/* The weekly match: one rule for the mornings, one for the evening. */
	uid_of("match", weekly, "-0", uid, sizeof uid);
	ev = event(feed, uid);
	assert_non_null(ev);
	assert_string_equal(json_str(ev, "rrule"), "FREQ=WEEKLY;BYDAY=TU,TH");
	assert_string_equal(json_str(ev, "status"), "CONFIRMED");
	assert_non_null(strstr(json_str(ev, "start"), "T09:00:00"));
	assert_int_equal(json_integer_value(json_object_get(ev, "duration_minutes")), 120);
	json_t *next = json_object_get(ev, "next");
	for (size_t i = 0; i < 3; i++) {
		struct tm tm = { 0 };
		const char *s = json_string_value(json_array_get(next, i));
		assert_non_null(strptime(s, "%Y-%m-%dT%H:%M:%S", &tm));
		mktime(&tm);
		assert_true(tm.tm_wday == 2 || tm.tm_wday == 4);  /* Tuesday, Thursday */
	}
	uid_of("match", weekly, "-2", uid, sizeof uid);
	ev = event(feed, uid);
	assert_non_null(ev);
	assert_string_equal(json_str(ev, "rrule"), "FREQ=WEEKLY;BYDAY=WE");
	assert_non_null(strstr(json_str(ev, "start"), "T19:00:00"));
	/* The training, all day; nothing of the other volunteer's. */
	ev = event(feed, "training-");
	assert_non_null(ev);
	assert_true(json_is_true(json_object_get(ev, "all_day")));
	assert_string_equal(json_str(ev, "summary"), "Training: Omgaan met dementie");
	uid_of("match", theirs, "", uid, sizeof uid);
	assert_null(event(feed, uid));
	assert_int_equal(json_array_size(json_object_get(feed, "events")), 6);
	json_decref(feed);

	/* Her feed's address is hers: the other volunteer may not make or see it. */
	json_decref(expect(&p.them, "POST", base, "{}", 403));
	json_decref(expect(&p.them, "GET", base, NULL, 403));
	json_decref(expect(&p.nobody, "POST", base, "{}", 401));
	free_people(&p);
}

static void rotation_and_revocation_end_the_old_address(void **state)
{
	struct env *e = *state;
	struct people p;
	char base[96], first[128], second[128], third[128];
	make_people(e, &p, "Agenda Wissel");
	snprintf(base, sizeof base, "/api/volunteers/%lld/calendar", (long long)p.vol);
	int64_t audits = count_rows(&e->srv, "audit_log");
	make_feed(&p.me, base, first, sizeof first);
	json_decref(read_feed(&p.nobody, first, 200));
	/* A new address replaces the old one. */
	make_feed(&p.me, base, second, sizeof second);
	assert_string_not_equal(first, second);
	json_decref(read_feed(&p.nobody, first, 404));
	json_decref(read_feed(&p.nobody, second, 200));
	/* The coordinator may revoke it for her; then nothing answers. */
	json_t *doc = expect(&p.coord, "DELETE", base, NULL, 200);
	assert_true(json_is_false(json_object_get(doc, "active")));
	json_decref(doc);
	json_decref(read_feed(&p.nobody, second, 404));
	json_decref(expect(&p.coord, "DELETE", base, NULL, 404));
	assert_int_equal(count_rows(&e->srv, "audit_log"), audits + 3);
	/* Made by the coordinator for her, and an unknown or mangled token. */
	make_feed(&p.coord, base, third, sizeof third);
	json_decref(read_feed(&p.nobody, third, 200));
	json_decref(read_feed(&p.nobody, "/api/calendar/bestaat-niet-bestaat-niet-bestaat-niet-"
	                      "bestaa.ics", 404));
	json_decref(read_feed(&p.nobody, "/api/calendar/x.ics", 404));
	json_decref(read_feed(&p.nobody, "/api/calendar/.ics", 404));
	char huge[300];
	memset(huge, 'A', sizeof huge);
	memcpy(huge, "/api/calendar/", 14);
	memcpy(huge + sizeof huge - 5, ".ics", 5);
	json_decref(read_feed(&p.nobody, huge, 404));
	/* The right token, but not the feed's address: without ".ics", or longer. */
	char bare[128], longer[160];
	snprintf(bare, sizeof bare, "%.*s", (int)(strlen(third) - 4), third);
	json_decref(read_feed(&p.nobody, bare, 404));
	snprintf(longer, sizeof longer, "%.*sx.ics", (int)(strlen(third) - 4), third);
	json_decref(read_feed(&p.nobody, longer, 404));
	/* Erased with the person. */
	char path[96];
	int64_t feeds = count_rows(&e->srv, "calendar_feeds");
	snprintf(path, sizeof path, "/api/volunteers/%lld/export", (long long)p.vol);
	doc = expect(&p.me, "GET", path, NULL, 200);
	assert_true(json_is_true(json_object_get(json_object_get(doc, "calendar_feed"),
	                                         "active")));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/volunteers/%lld/erasure", (long long)p.vol);
	json_decref(expect(&e->admin, "POST", path, "{\"reason\":\"verzoek\"}", 200));
	assert_int_equal(count_rows(&e->srv, "calendar_feeds"), feeds - 1);
	json_decref(read_feed(&p.nobody, third, 404));
	free_people(&p);
}

/* A planned intake appointment is in the volunteer's feed at its day, time
   and place; once the intake is recorded, the record takes its place. */
static void planned_intake_appointment(void **state)
{
	struct env *e = *state;
	struct people p;
	char base[96], path[128], date[11], body[192], uid[64];
	make_people(e, &p, "Agenda Intake");
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld}", (long long)p.other);
	json_t *doc = expect(&p.coord, "POST", "/api/journeys", body, 201);
	int64_t journey = json_id(doc, "id");
	json_decref(doc);
	day_from_today(3, date);
	snprintf(path, sizeof path, "/api/journeys/%lld/intake", (long long)journey);
	snprintf(body, sizeof body, "{\"on_date\":\"%s\",\"time\":\"14:30\","
	         "\"place\":\"Buurthuis De Brug, Dordrecht\"}", date);
	json_decref(expect(&p.coord, "PUT", path, body, 200));

	snprintf(base, sizeof base, "/api/volunteers/%lld/calendar", (long long)p.other);
	make_feed(&p.them, base, path, sizeof path);
	json_t *feed = read_feed(&p.nobody, path, 200);
	uid_of("intake-appointment", journey, "", uid, sizeof uid);
	json_t *ev = event(feed, uid);
	assert_non_null(ev);
	assert_false(json_is_true(json_object_get(ev, "all_day")));
	char start[20];
	snprintf(start, sizeof start, "%sT14:30", date);
	assert_int_equal(strncmp(json_str(ev, "start"), start, strlen(start)), 0);
	assert_string_equal(json_str(ev, "location"), "Buurthuis De Brug, Dordrecht");
	assert_non_null(strstr(json_str(ev, "summary"), "Intakegesprek"));
	json_decref(feed);

	/* held (a day early): the recorded intake stands in the feed, the
	   appointment is gone */
	day_from_today(0, date);
	snprintf(base, sizeof base, "/api/journeys/%lld/steps", (long long)journey);
	snprintf(body, sizeof body, "{\"step\":\"intake\",\"on_date\":\"%s\"}", date);
	json_decref(expect(&p.coord, "POST", base, body, 200));
	feed = read_feed(&p.nobody, path, 200);
	assert_null(event(feed, uid));
	assert_non_null(event(feed, "intake-"));
	json_decref(feed);
	free_people(&p);
}

static void organisation_agenda_for_its_coordinators(void **state)
{
	struct env *e = *state;
	struct people p, q;
	char base[96], path[128], uid[64], date[11], body[160];
	make_people(e, &p, "Agenda Organisatie");
	make_people(e, &q, "Agenda Elders");
	/* An initial of more than one byte is not cut in two. */
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)p.vol);
	json_decref(expect(&p.coord, "PATCH", path, "{\"last_name\":\"Özdemir\"}", 200));
	int64_t ours = accepted_match(&p, p.vol, "Voorlezen", "\"dayparts\":[\"sat-afternoon\"],"
	                              "\"engagement\":\"flexible\"");
	int64_t theirs = accepted_match(&q, q.vol, "Tuinieren", "\"dayparts\":[\"sat-morning\"]");
	day_from_today(-1, date);
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"on_date\":\"%s\"}",
	         (long long)p.other, date);
	json_t *doc = expect(&p.coord, "POST", "/api/journeys", body, 201);
	int64_t journey = json_id(doc, "id");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/journeys/%lld/steps", (long long)journey);
	day_from_today(0, date);
	snprintf(body, sizeof body, "{\"step\":\"intake\",\"on_date\":\"%s\"}", date);
	json_decref(expect(&p.coord, "POST", path, body, 200));

	snprintf(base, sizeof base, "/api/organisations/%lld/calendar", (long long)p.org);
	json_decref(expect(&p.me, "POST", base, "{}", 403));
	json_decref(expect(&q.coord, "POST", base, "{}", 403));
	make_feed(&p.coord, base, path, sizeof path);
	json_t *feed = read_feed(&p.nobody, path, 200);
	assert_non_null(strstr(json_str(feed, "name"), "Agenda Organisatie"));
	uid_of("match", ours, "-1", uid, sizeof uid);
	json_t *ev = event(feed, uid);
	assert_non_null(ev);
	assert_string_equal(json_str(ev, "rrule"), "FREQ=WEEKLY;BYDAY=SA");
	/* Af en toe: the times she may be asked, shown as tentative and free. */
	assert_string_equal(json_str(ev, "status"), "TENTATIVE");
	assert_string_equal(json_str(ev, "transp"), "TRANSPARENT");
	/* With whom: the first name and an initial, no more. */
	assert_non_null(strstr(json_str(ev, "summary"), "Voorlezen ("));
	assert_non_null(strstr(json_str(ev, "summary"), " Ö.)"));
	ev = event(feed, "intake-");
	assert_non_null(ev);
	assert_true(json_is_true(json_object_get(ev, "all_day")));
	assert_int_equal(strncmp(json_str(ev, "start"), date, 10), 0);
	assert_non_null(strstr(json_str(ev, "summary"), "Intakegesprek"));
	uid_of("match", theirs, "", uid, sizeof uid);
	assert_null(event(feed, uid));
	json_decref(feed);
	/* The other organisation's agenda is its own. */
	snprintf(base, sizeof base, "/api/organisations/%lld/calendar", (long long)q.org);
	make_feed(&e->admin, base, path, sizeof path);
	feed = read_feed(&p.nobody, path, 200);
	uid_of("match", ours, "", uid, sizeof uid);
	assert_null(event(feed, uid));
	uid_of("match", theirs, "-0", uid, sizeof uid);
	assert_non_null(event(feed, uid));
	json_decref(feed);
	free_people(&p);
	free_people(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(volunteer_feed_has_her_commitments),
		cmocka_unit_test(rotation_and_revocation_end_the_old_address),
		cmocka_unit_test(organisation_agenda_for_its_coordinators),
		cmocka_unit_test(planned_intake_appointment),
	};
	return cmocka_run_group_tests_name("calendar", tests, env_setup, env_teardown);
}
