/*
 * Newsletters through the real server and a real SMTP server
 * (tests/mail/smtp_sink.py): a coordinator writes a draft in Markdown and
 * previews it with its reach; script in the Markdown is rendered inert; a
 * line break in the subject (header injection) and text past the limits are
 * refused naming the field, writing nothing; only the writers may read,
 * change and send a draft; sending queues one mail per volunteer reached,
 * the mails arrive at the SMTP server, a second send is refused and mails no
 * one twice, also when two app servers are asked to send it at the same
 * moment; the archive shows the newsletter to a recipient and not to a
 * volunteer it did not go to. Runs on SQLite, and on PostgreSQL with
 * KNOOPPUNT_TEST_DB.
 */
#include "support.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../mail/sink.h"

/* "Uitnodiging vrijwilligersavond" as the mail's Subject header carries it (RFC 2047). */
#define SUBJECT_ENCODED "Subject: =?UTF-8?B?VWl0bm9kaWdpbmcgdnJpandpbGxpZ2Vyc2F2b25k?="

struct world {
	struct env *e;
	struct mail_sink sink;
};

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	char url[64];
	if (w == NULL || mail_sink_start(&w->sink, "accept") != 0)
		return -1;
	snprintf(url, sizeof url, "smtp://127.0.0.1:%d", w->sink.port);
	setenv("KNOOPPUNT_SMTP_URL", url, 1);
	setenv("KNOOPPUNT_JOB_PERIOD", "1", 1); /* the sending job runs every second */
	void *e = NULL;
	if (env_setup(&e) != 0)
		return -1;
	w->e = e;
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	if (w == NULL)
		return 0;
	void *e = w->e;
	env_teardown(&e);
	mail_sink_stop(&w->sink);
	free(w);
	return 0;
}

static json_t *draft_body(const char *subject, const char *markdown, const char *place)
{
	json_t *b = json_pack("{s:s, s:s}", "subject", subject, "markdown", markdown);
	if (place != NULL)
		json_object_set_new(b, "filter", json_pack("{s:s}", "place", place));
	return b;
}

static int64_t create_draft(struct client *cl, const char *subject, const char *markdown,
                            const char *place)
{
	json_t *doc = expect_json(cl, "POST", "/api/newsletters",
	                          draft_body(subject, markdown, place), 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	return id;
}

/* The e-mail address of volunteer id, as the administrator reads it. */
static void volunteer_email(struct env *e, int64_t id, char *out, size_t cap)
{
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)id);
	json_t *doc = expect(&e->admin, "GET", path, NULL, 200);
	snprintf(out, cap, "%s", json_str(doc, "email"));
	json_decref(doc);
}

static void move_to(struct env *e, int64_t vol, const char *place)
{
	char path[64], body[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	snprintf(body, sizeof body, "{\"place\":\"%s\"}", place);
	json_decref(expect(&e->admin, "PATCH", path, body, 200));
}

static void compose_and_preview(void **state)
{
	struct world *w = *state;
	struct client coord;
	int64_t org = fx_organisation(&w->e->admin, "Nieuwsbrief Zorg");
	fx_volunteer(&w->e->admin, org, "active");
	fx_volunteer(&w->e->admin, org, "active");
	fx_volunteer(&w->e->admin, org, "paused");
	fx_login(w->e, &coord, "coordinator", org, 0);

	json_t *doc = expect_json(&coord, "POST", "/api/newsletters/preview",
	                          draft_body("Nieuws uit de zorg", "# Welkom\n\nHallo **allemaal**",
	                                     NULL), 200);
	assert_non_null(strstr(json_str(doc, "html"), "<h1>Welkom</h1>"));
	assert_non_null(strstr(json_str(doc, "html"), "<strong>allemaal</strong>"));
	assert_non_null(strstr(json_str(doc, "text"), "Hallo allemaal"));
	/* the two active volunteers of the own organisation, not the paused one */
	assert_int_equal(json_id(doc, "reach"), 2);
	json_decref(doc);

	json_t *b = draft_body("Wandelen", "Hallo", NULL);
	json_object_set_new(b, "filter", json_pack("{s:s}", "activity", "wandelen"));
	doc = expect_json(&coord, "POST", "/api/newsletters/preview", b, 200);
	assert_int_equal(json_id(doc, "reach"), 2);
	json_decref(doc);
	b = draft_body("Elders", "Hallo", "Sliedrecht");
	doc = expect_json(&coord, "POST", "/api/newsletters/preview", b, 200);
	assert_int_equal(json_id(doc, "reach"), 0);
	json_decref(doc);

	int64_t id = create_draft(&coord, "Nieuws uit de zorg", "Eerste *versie*", NULL);
	char path[64];
	snprintf(path, sizeof path, "/api/newsletters/%lld", (long long)id);
	doc = expect_json(&coord, "PUT", path, draft_body("Nieuws, herzien", "Tweede *versie*", NULL),
	                  200);
	assert_string_equal(json_str(doc, "subject"), "Nieuws, herzien");
	assert_string_equal(json_str(doc, "status"), "draft");
	json_decref(doc);
	doc = expect(&coord, "GET", path, NULL, 200);
	assert_non_null(strstr(json_str(doc, "html"), "<em>versie</em>"));
	assert_string_equal(json_str(doc, "markdown"), "Tweede *versie*");
	assert_int_equal(json_id(doc, "reach"), 2);
	json_decref(doc);
	client_free(&coord);
}

static void script_is_rendered_inert(void **state)
{
	struct world *w = *state;
	struct client coord;
	int64_t org = fx_organisation(&w->e->admin, "Nieuwsbrief Veilig");
	fx_login(w->e, &coord, "coordinator", org, 0);
	const char *evil = "Hallo\n\n<script>alert('x')</script>\n\n"
	                   "<img src=x onerror=alert(1)>\n\n"
	                   "[klik hier](javascript:alert(1)) en "
	                   "<a href=\"javascript:alert(2)\">hier</a>\n\n"
	                   "![plaatje](data:text/html;base64,PHNjcmlwdD4=)";
	int64_t id = create_draft(&coord, "Veilig", evil, NULL);
	char path[64];
	snprintf(path, sizeof path, "/api/newsletters/%lld", (long long)id);
	json_t *doc = expect(&coord, "GET", path, NULL, 200);
	const char *html = json_str(doc, "html");
	assert_non_null(strstr(html, "Hallo"));
	assert_non_null(strstr(html, "klik hier"));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "onerror"));
	assert_null(strstr(html, "javascript:"));
	assert_null(strstr(html, "data:text/html"));
	assert_null(strstr(json_str(doc, "text"), "javascript:"));
	assert_null(strstr(json_str(doc, "text"), "<script"));
	json_decref(doc);
	client_free(&coord);
}

/* Fails unless writing the draft `body` (stolen) is refused naming `field`. */
static void refused(struct client *cl, json_t *body, const char *field)
{
	json_t *doc = client_request_json(cl, "POST", "/api/newsletters", body, NULL);
	assert_problem(cl, doc, 422, field);
	json_decref(doc);
	json_decref(body);
}

static void injection_and_limits_are_refused(void **state)
{
	struct world *w = *state;
	struct client coord;
	int64_t org = fx_organisation(&w->e->admin, "Nieuwsbrief Grenzen");
	fx_login(w->e, &coord, "coordinator", org, 0);
	/* The mailer delivers in the background here (a live SMTP server): let the
	   invitation just queued go first, so the fingerprint sees only the requests. */
	for (int i = 0; i < 300 && fx_mail_pending(&w->e->srv) > 0; i++)
		usleep(100 * 1000);
	uint64_t before = db_fingerprint(&w->e->srv);
	refused(&coord, draft_body("Hallo\r\nBcc: iedereen@voorbeeld.nl", "Hallo", NULL), "subject");
	refused(&coord, draft_body("Hallo\nBcc: iedereen@voorbeeld.nl", "Hallo", NULL), "subject");
	char long_subject[160], *long_markdown = malloc(8002);
	memset(long_subject, 'a', 151);
	long_subject[151] = '\0';
	memset(long_markdown, 'b', 8001);
	long_markdown[8001] = '\0';
	refused(&coord, draft_body(long_subject, "Hallo", NULL), "subject");
	refused(&coord, draft_body("Lang", long_markdown, NULL), "markdown");
	refused(&coord, draft_body("Leeg", "", NULL), "markdown");
	memset(long_markdown, 'c', 81);
	long_markdown[81] = '\0';
	refused(&coord, draft_body("Plaats", "Hallo", long_markdown), "place");
	free(long_markdown);
	assert_true(db_fingerprint(&w->e->srv) == before);
	client_free(&coord);
}

static void only_the_writers_may_touch_a_draft(void **state)
{
	struct world *w = *state;
	struct client coord, other, vol;
	int64_t org = fx_organisation(&w->e->admin, "Nieuwsbrief Eigen");
	int64_t org_b = fx_organisation(&w->e->admin, "Nieuwsbrief Ander");
	fx_login(w->e, &coord, "coordinator", org, 0);
	fx_login(w->e, &other, "coordinator", org_b, 0);
	fx_volunteer_account(&w->e->admin, org, "lezer", &vol);
	int64_t id = create_draft(&coord, "Alleen voor ons", "Hallo", NULL);
	char path[64], send[80];
	snprintf(path, sizeof path, "/api/newsletters/%lld", (long long)id);
	snprintf(send, sizeof send, "%s/send", path);
	json_decref(expect(&other, "GET", path, NULL, 403));
	json_decref(expect_json(&other, "PUT", path, draft_body("Van ons", "Hallo", NULL), 403));
	json_decref(expect(&other, "POST", send, "{}", 403));
	json_decref(expect(&vol, "GET", path, NULL, 403)); /* a draft is no one's archive */
	json_decref(expect_json(&vol, "POST", "/api/newsletters", draft_body("Ik", "Hoi", NULL),
	                        403));
	/* a coordinator reaches only the own organisation's volunteers */
	json_t *b = draft_body("Breder", "Hallo", NULL);
	json_object_set_new(b, "filter", json_pack("{s:I}", "organisation_id", (json_int_t)org_b));
	json_t *doc = client_request_json(&coord, "POST", "/api/newsletters", b, NULL);
	assert_problem(&coord, doc, 403, "organisation_id");
	json_decref(doc);
	json_decref(b);
	doc = expect(&other, "GET", "/api/newsletters", NULL, 200);
	assert_false(list_has_id(doc, id));
	json_decref(doc);
	doc = expect(&w->e->admin, "GET", "/api/newsletters", NULL, 200);
	assert_true(list_has_id(doc, id));
	json_decref(doc);
	client_free(&coord);
	client_free(&other);
	client_free(&vol);
}

/* The link to newsletter id that its mail carries. */
static void link_of(int64_t id, char *out, size_t cap)
{
	snprintf(out, cap, "/nieuwsbrieven/%lld\r\n", (long long)id);
}

/* Waits up to 30 s until `n` mails of newsletter id went to `to`; their count. */
static int wait_for_mail(struct world *w, const char *to, int64_t id, int n)
{
	char link[64];
	link_of(id, link, sizeof link);
	for (int i = 0; i < 300 && mail_sink_count_to(&w->sink, to, link) < n; i++)
		usleep(100 * 1000);
	return mail_sink_count_to(&w->sink, to, link);
}

/* The HTML part of a message (base64 after its part headers) into out. */
static void html_part(const char *msg, char *out, size_t cap)
{
	static const char head[] = "Content-Type: text/html; charset=UTF-8\r\n"
	                           "Content-Transfer-Encoding: base64\r\n\r\n";
	const char *at = strstr(msg, head);
	assert_non_null(at);
	at += strlen(head);
	size_t n = strcspn(at, "-"), len = 0; /* base64 has no '-': up to the boundary */
	assert_int_equal(sodium_base642bin((unsigned char *)out, cap - 1, at, n, "\r\n", &len,
	                                   NULL, sodium_base64_VARIANT_ORIGINAL),
	                 0);
	out[len] = '\0';
}

static void sent_mail_arrives_and_archive_shows_it(void **state)
{
	struct world *w = *state;
	struct client coord, reader, outsider;
	char reader_mail[128], outsider_mail[128], path[64], send[80];
	static char text[64 * 1024];
	int64_t org = fx_organisation(&w->e->admin, "Nieuwsbrief Verzenden");
	fx_login(w->e, &coord, "coordinator", org, 0);
	int64_t reader_id = fx_volunteer_account(&w->e->admin, org, "ontvanger", &reader);
	int64_t outsider_id = fx_volunteer_account(&w->e->admin, org, "buiten", &outsider);
	move_to(w->e, reader_id, "Papendrecht");
	volunteer_email(w->e, reader_id, reader_mail, sizeof reader_mail);
	volunteer_email(w->e, outsider_id, outsider_mail, sizeof outsider_mail);

	int64_t id = create_draft(&coord, "Uitnodiging vrijwilligersavond",
	                          "Beste vrijwilliger,\n\nKom naar de **vrijwilligersavond**.",
	                          "papendrecht");
	snprintf(path, sizeof path, "/api/newsletters/%lld", (long long)id);
	snprintf(send, sizeof send, "%s/send", path);
	json_t *doc = expect(&coord, "POST", send, "{}", 200);
	assert_string_equal(json_str(doc, "status"), "sent");
	assert_int_equal(json_id(doc, "recipients"), 1);
	assert_int_equal(json_id(doc, "queued"), 1);
	assert_true(json_id(doc, "sent_at") > 0);
	json_decref(doc);

	char link[64];
	link_of(id, link, sizeof link);
	assert_int_equal(wait_for_mail(w, reader_mail, id, 1), 1);
	assert_int_equal(mail_sink_find(&w->sink, reader_mail, link, text, sizeof text), 0);
	assert_non_null(strstr(text, SUBJECT_ENCODED));
	assert_non_null(strstr(text, "Kom naar de vrijwilligersavond."));
	/* beside the text, the newsletter as HTML, with the same closing lines */
	assert_non_null(strstr(text, "Content-Type: multipart/alternative; boundary="));
	static char html[64 * 1024];
	html_part(text, html, sizeof html);
	assert_non_null(strstr(html, "<title>Uitnodiging vrijwilligersavond</title>"));
	assert_non_null(strstr(html, "<p>Kom naar de <strong>vrijwilligersavond</strong>.</p>"));
	snprintf(path, sizeof path, "/nieuwsbrieven/%lld</a>", (long long)id);
	assert_non_null(strstr(html, path)); /* where to read it again, as a link */
	assert_non_null(strstr(html, "/afmelden?token="));
	snprintf(path, sizeof path, "/api/newsletters/%lld", (long long)id);

	/* sent once: a second send is refused and mails no one again */
	json_decref(expect(&coord, "POST", send, "{}", 409));
	json_decref(expect_json(&coord, "PUT", path, draft_body("Later", "Hallo", NULL), 409));
	sleep(2);
	assert_int_equal(mail_sink_count_to(&w->sink, reader_mail, link), 1);
	assert_int_equal(mail_sink_count_to(&w->sink, outsider_mail, link), 0);

	doc = expect(&reader, "GET", "/api/newsletters", NULL, 200);
	assert_true(list_has_id(doc, id));
	json_decref(doc);
	doc = expect(&reader, "GET", path, NULL, 200);
	assert_non_null(strstr(json_str(doc, "html"), "<strong>vrijwilligersavond</strong>"));
	assert_null(json_object_get(doc, "reach"));
	json_decref(doc);
	doc = expect(&outsider, "GET", "/api/newsletters", NULL, 200);
	assert_false(list_has_id(doc, id));
	json_decref(doc);
	/* what went to her is in her export (the right of access), not in another's */
	char export[64];
	snprintf(export, sizeof export, "/api/volunteers/%lld/export", (long long)reader_id);
	doc = expect(&reader, "GET", export, NULL, 200);
	json_t *got = json_object_get(doc, "newsletters");
	assert_int_equal(json_array_size(got), 1);
	assert_int_equal(json_id(json_array_get(got, 0), "id"), id);
	json_decref(doc);
	snprintf(export, sizeof export, "/api/volunteers/%lld/export", (long long)outsider_id);
	doc = expect(&outsider, "GET", export, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "newsletters")), 0);
	json_decref(doc);
	json_decref(expect(&outsider, "GET", path, NULL, 403));
	client_free(&coord);
	client_free(&reader);
	client_free(&outsider);
}

/* The administrator writes to the network: every active volunteer with an
   address, of every organisation, each once. */
static void network_newsletter_reaches_every_organisation(void **state)
{
	struct world *w = *state;
	struct client a, b;
	char mail_a[128], mail_b[128], send[80];
	int64_t org_a = fx_organisation(&w->e->admin, "Netwerk Een");
	int64_t org_b = fx_organisation(&w->e->admin, "Netwerk Twee");
	int64_t va = fx_volunteer_account(&w->e->admin, org_a, "netwerk-a", &a);
	int64_t vb = fx_volunteer_account(&w->e->admin, org_b, "netwerk-b", &b);
	volunteer_email(w->e, va, mail_a, sizeof mail_a);
	volunteer_email(w->e, vb, mail_b, sizeof mail_b);
	json_t *doc = expect_json(&w->e->admin, "POST", "/api/newsletters/preview",
	                          draft_body("Netwerknieuws", "Hallo", NULL), 200);
	int64_t reach = json_id(doc, "reach");
	json_decref(doc);
	int64_t id = create_draft(&w->e->admin, "Netwerknieuws", "Hallo netwerk", NULL);
	snprintf(send, sizeof send, "/api/newsletters/%lld/send", (long long)id);
	doc = expect(&w->e->admin, "POST", send, "{}", 200);
	assert_int_equal(json_id(doc, "recipients"), reach);
	assert_true(reach >= 2);
	assert_true(json_is_null(json_object_get(doc, "organisation_id")));
	json_decref(doc);
	assert_int_equal(wait_for_mail(w, mail_a, id, 1), 1);
	assert_int_equal(wait_for_mail(w, mail_b, id, 1), 1);
	client_free(&a);
	client_free(&b);
}

struct sender {
	struct client *cl;
	const char *path;
	long status;
};

static void *send_once(void *arg)
{
	struct sender *x = arg;
	json_decref(client_request(x->cl, "POST", x->path, "{}", &x->status));
	return NULL;
}

/* Two app servers on one database asked to send the same newsletter at the
   same moment: each volunteer is recorded and mailed once. */
static void two_servers_sending_at_once_mail_each_person_once(void **state)
{
	struct world *w = *state;
	struct server second = { 0 };
	struct client here, there;
	char send[80], path[64], link[64];
	int64_t org = fx_organisation(&w->e->admin, "Nieuwsbrief Tegelijk");
	for (int i = 0; i < 30; i++)
		fx_volunteer(&w->e->admin, org, "active");
	fx_login(w->e, &here, "coordinator", org, 0);
	int64_t id = create_draft(&here, "Tegelijk", "Een keer per persoon", NULL);
	/* Both servers deliver, as in production: the send job is the network's
	   (one server at a time, each mail once), so each person gets one mail. */
	assert_int_equal(server_start_on(&second, &w->e->srv), 0);
	client_init(&there, &second);
	assert_int_equal(client_login(&there, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	snprintf(send, sizeof send, "/api/newsletters/%lld/send", (long long)id);
	struct sender a = { &here, send, 0 }, b = { &there, send, 0 };
	pthread_t ta, tb;
	assert_int_equal(pthread_create(&ta, NULL, send_once, &a), 0);
	assert_int_equal(pthread_create(&tb, NULL, send_once, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	assert_true(a.status == 200 || a.status == 409);
	assert_true(b.status == 200 || b.status == 409);
	assert_true(a.status == 200 || b.status == 200);
	snprintf(path, sizeof path, "/api/newsletters/%lld", (long long)id);
	json_t *doc = expect(&here, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "status"), "sent");
	assert_int_equal(json_id(doc, "recipients"), 30);
	assert_int_equal(json_id(doc, "queued"), 30);
	json_decref(doc);
	link_of(id, link, sizeof link);
	for (int i = 0; i < 300 && mail_sink_count_to(&w->sink, NULL, link) < 30; i++)
		usleep(100 * 1000);
	sleep(2);
	assert_int_equal(mail_sink_count_to(&w->sink, NULL, link), 30);
	client_free(&there);
	client_free(&here);
	server_stop(&second);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compose_and_preview),
		cmocka_unit_test(script_is_rendered_inert),
		cmocka_unit_test(injection_and_limits_are_refused),
		cmocka_unit_test(only_the_writers_may_touch_a_draft),
		cmocka_unit_test(sent_mail_arrives_and_archive_shows_it),
		cmocka_unit_test(network_newsletter_reaches_every_organisation),
		cmocka_unit_test(two_servers_sending_at_once_mail_each_person_once),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
