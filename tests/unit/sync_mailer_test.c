/* Tests for src/sync/mailer.c and src/mail/smtp.c against a real SQLite file
   and a real SMTP server (tests/mail/smtp_sink.py, aiosmtpd): a queued mail
   arrives with its recipient, an encoded subject and its text, and is marked
   sent; a subject that tries to add a header is refused and given up; a
   server that refuses or drops the connection leads to a recorded failure
   and a later attempt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db_fixture.h"
#include "sync/mailer.h"
#include "util/parse.h"

struct sink {
	FILE *in;       /* the server's stdin: closing it stops the server */
	pid_t pid;
	int port;
	char dir[64];
};

static void sink_start(struct sink *s, const char *mode)
{
	int to_child[2], from_child[2];
	const char *src = getenv("KNOOPPUNT_SRC");
	char script[512];
	snprintf(script, sizeof script, "%s/tests/mail/smtp_sink.py", src ? src : ".");
	snprintf(s->dir, sizeof s->dir, "/tmp/kp-mail-XXXXXX");
	assert_non_null(mkdtemp(s->dir));
	assert_int_equal(pipe(to_child), 0);
	assert_int_equal(pipe(from_child), 0);
	s->pid = fork();
	assert_true(s->pid >= 0);
	if (s->pid == 0) {
		dup2(to_child[0], 0);
		dup2(from_child[1], 1);
		close(to_child[1]);
		close(from_child[0]);
		/* Debian's Python, where python3-aiosmtpd is installed; -I keeps another
		   Python's environment (PYTHONPATH, PYTHONHOME) out of it. */
		execl("/usr/bin/python3", "/usr/bin/python3", "-I", script, mode, s->dir, (char *)NULL);
		_exit(127);
	}
	close(to_child[0]);
	close(from_child[1]);
	s->in = fdopen(to_child[1], "w");
	FILE *out = fdopen(from_child[0], "r");
	char line[32] = "";
	long long port = 0;
	assert_non_null(fgets(line, sizeof line, out));
	line[strcspn(line, "\n")] = '\0';
	assert_int_equal(parse_int(line, 1, 65535, &port), 0);
	s->port = (int)port;
	fclose(out);
}

static void sink_stop(struct sink *s)
{
	fclose(s->in);
	waitpid(s->pid, NULL, 0);
}

/* The text of message n (1-based) that arrived, or "" when none. */
static void arrived(const struct sink *s, int n, char *out, size_t cap)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%03d.eml", s->dir, n);
	FILE *f = fopen(path, "r");
	size_t len = f ? fread(out, 1, cap - 1, f) : 0;
	out[len] = '\0';
	if (f)
		fclose(f);
	unlink(path);
}

static int64_t queue(struct fixture *f, const char *to, const char *subject, const char *key)
{
	struct outbox_mail m = { .created_at = f->now };
	struct kp_error err = { 0 };
	bool added;
	snprintf(m.recipient, sizeof m.recipient, "%s", to);
	snprintf(m.subject, sizeof m.subject, "%s", subject);
	snprintf(m.body, sizeof m.body, "Beste Fatma,\n.\nTot ziens bij de intake.\n");
	snprintf(m.dedupe_key, sizeof m.dedupe_key, "%s", key);
	assert_int_equal(store_outbox_add(f->db, &m, &added, &err), KP_OK);
	int64_t ids[8];
	int n = 0;
	assert_int_equal(store_outbox_due(f->db, f->now, ids, 8, &n, &err), KP_OK);
	return ids[n - 1];
}

static struct smtp_config config_for(const struct sink *s)
{
	struct smtp_config c = { .from_name = "Knooppunt Drechtsteden" };
	snprintf(c.url, sizeof c.url, "smtp://127.0.0.1:%d", s->port);
	snprintf(c.from, sizeof c.from, "noreply@knooppunt.test");
	return c;
}

static void delivers_and_refuses_injection(void **state)
{
	struct fixture *f = *state;
	struct sink s;
	struct kp_error err = { 0 };
	struct mailer_result r;
	struct outbox_mail m;
	char text[8192];
	int64_t good = queue(f, "fatma@voorbeeld.nl", "Herinnering: intake met Gül", "a");
	int64_t bad = queue(f, "kees@voorbeeld.nl", "Hallo\r\nBcc: iedereen@voorbeeld.nl", "b");
	sink_start(&s, "accept");
	struct smtp_config c = config_for(&s);
	assert_int_equal(mailer_run(&c, f->db, f->now, &r, &err), KP_OK);
	assert_int_equal(r.sent, 1);
	assert_int_equal(r.given_up, 1);
	arrived(&s, 1, text, sizeof text);
	assert_non_null(strstr(text, "X-Envelope-To: fatma@voorbeeld.nl"));
	assert_non_null(strstr(text, "To: <fatma@voorbeeld.nl>"));
	assert_non_null(strstr(text, "Subject: =?UTF-8?B?"));
	assert_non_null(strstr(text, "Tot ziens bij de intake."));
	assert_null(strstr(text, "Bcc"));
	arrived(&s, 2, text, sizeof text);
	assert_string_equal(text, ""); /* the injected one never left */
	assert_int_equal(store_outbox_get(f->db, good, &m, &err), KP_OK);
	assert_true(m.sent_at > 0);
	assert_int_equal(store_outbox_get(f->db, bad, &m, &err), KP_OK);
	assert_true(m.failed_at > 0 && m.sent_at == 0);
	assert_non_null(strstr(m.last_error, "header_line_break"));
	sink_stop(&s);
}

static void refused_and_dropped_mail_is_tried_again_later(void **state)
{
	struct fixture *f = *state;
	struct sink s;
	struct kp_error err = { 0 };
	struct mailer_result r;
	struct outbox_mail m;
	int64_t id = queue(f, "joris@voorbeeld.nl", "Je VOG verloopt", "c");
	const char *modes[] = { "refuse", "drop" };
	int64_t at = f->now;
	for (int i = 0; i < 2; i++) {
		sink_start(&s, modes[i]);
		struct smtp_config c = config_for(&s);
		assert_int_equal(mailer_run(&c, f->db, at, &r, &err), KP_OK);
		assert_int_equal(r.failed, 1);
		assert_int_equal(store_outbox_get(f->db, id, &m, &err), KP_OK);
		assert_int_equal(m.attempts, i + 1);
		assert_true(m.failed_at == 0 && m.sent_at == 0);
		if (i == 0)
			assert_non_null(strstr(m.last_error, "550"));
		/* Not due again until its wait is over. */
		assert_int_equal(mailer_run(&c, f->db, at + 1, &r, &err), KP_OK);
		assert_int_equal(r.failed + r.sent, 0);
		at += mailer_backoff(i + 1);
		sink_stop(&s);
	}
	sink_start(&s, "accept");
	struct smtp_config c = config_for(&s);
	assert_int_equal(mailer_run(&c, f->db, at, &r, &err), KP_OK);
	assert_int_equal(r.sent, 1);
	sink_stop(&s);
	assert_int_equal(mailer_backoff(1), 60);
	assert_int_equal(mailer_backoff(3), 240);
	assert_int_equal(mailer_backoff(30), MAILER_LONGEST_WAIT_S);
}

/* Every header value is checked, and the refusal names the field: the
   unsubscribe address, the sender's name and the addresses. The headers of
   a good unsubscribe address are one-click (RFC 8058). */
static void header_injection_is_refused_naming_the_field(void **state)
{
	(void)state;
	struct smtp_config c = { .from_name = "Knooppunt", .from = "noreply@knooppunt.test" };
	struct smtp_mail m = { "anna@voorbeeld.nl", "Een voorstel", "Tekst", "id-1@knooppunt", 0,
		               "https://knooppunt.test/api/unsubscribe?token=1-proposal-ab" };
	struct kp_error err = { 0 };
	struct buf out;
	buf_init(&out, SMTP_MESSAGE_MAX);
	assert_int_equal(smtp_format(&c, &m, &out, &err), KP_OK);
	assert_non_null(strstr(out.data, "\r\nList-Unsubscribe: <https://knooppunt.test/api/"
	                                 "unsubscribe?token=1-proposal-ab>\r\n"));
	assert_non_null(
	    strstr(out.data, "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
	static const struct {
		const char *to, *subject, *unsubscribe, *from_name, *field;
	} bad[] = {
		{ "anna@voorbeeld.nl", "Hoi\r\nBcc: x@y.nl", "", "Knooppunt", "subject" },
		{ "anna@voorbeeld.nl", "Hoi", "https://k.test/a\r\nBcc: x@y.nl", "Knooppunt",
		  "list_unsubscribe" },
		{ "anna@voorbeeld.nl", "Hoi", "https://k.test/a>, <mailto:x@y.nl", "Knooppunt",
		  "list_unsubscribe" },
		{ "anna@voorbeeld.nl", "Hoi", "", "Knooppunt\nBcc: x@y.nl", "from_name" },
		{ "anna@voorbeeld.nl>\r\nBcc: <x@y.nl", "Hoi", "", "Knooppunt", "to" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct smtp_config bc = c;
		struct smtp_mail bm = m;
		snprintf(bc.from_name, sizeof bc.from_name, "%s", bad[i].from_name);
		bm.to = bad[i].to;
		bm.subject = bad[i].subject;
		bm.list_unsubscribe = bad[i].unsubscribe;
		err = (struct kp_error){ 0 };
		buf_free(&out);
		buf_init(&out, SMTP_MESSAGE_MAX);
		assert_int_equal(smtp_format(&bc, &bm, &out, &err), KP_ERR);
		assert_int_equal(err.kind, KP_INVALID);
		assert_string_equal(err.field, bad[i].field);
	}
	buf_free(&out);
}

/* With HTML, the text and the HTML go as alternatives: the text as it was,
   the HTML in base64 lines of 76; the boundary is a line no part holds and
   has no character RFC 2046 forbids (the message id's '@'). */
static void html_goes_beside_the_text(void **state)
{
	(void)state;
	struct smtp_config c = { .from_name = "Knooppunt", .from = "noreply@knooppunt.test" };
	char html[400];
	memset(html, 'a', sizeof html - 1);
	html[sizeof html - 1] = '\0';
	memcpy(html, "<p>Hallo</p>", 12);
	struct smtp_mail m = { "anna@voorbeeld.nl", "Nieuwsbrief",
		               "Hallo\n--=_alternative_0_outbox-1\nTekst", "outbox-1@knooppunt", 0,
		               NULL, html };
	struct kp_error err = { 0 };
	struct buf out;
	buf_init(&out, SMTP_MESSAGE_MAX);
	assert_int_equal(smtp_format(&c, &m, &out, &err), KP_OK);
	const char *b = "=_alternative_1_outbox-1"; /* the text holds the first try */
	char want[200];
	snprintf(want, sizeof want, "\r\nContent-Type: multipart/alternative; boundary=\"%s\"\r\n", b);
	assert_non_null(strstr(out.data, want));
	snprintf(want, sizeof want, "--%s\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	                            "Content-Transfer-Encoding: 8bit\r\n\r\nHallo\r\n", b);
	assert_non_null(strstr(out.data, want));
	snprintf(want, sizeof want, "Tekst\r\n--%s\r\nContent-Type: text/html; charset=UTF-8\r\n"
	                            "Content-Transfer-Encoding: base64\r\n\r\nPHA+SGFsbG88L3A+", b);
	assert_non_null(strstr(out.data, want));
	/* 399 bytes = 7 x 57: seven lines of 76, then the closing boundary */
	const char *at = strstr(out.data, "PHA+SGFsbG88L3A+");
	for (int i = 0; i < 6; i++) {
		assert_int_equal(strcspn(at, "\r"), 76);
		at += 78;
	}
	assert_int_equal(strcspn(at, "\r"), 76);
	snprintf(want, sizeof want, "\r\n--%s--\r\n", b);
	assert_string_equal(at + strcspn(at, "\r"), want);
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(delivers_and_refuses_injection, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(refused_and_dropped_mail_is_tried_again_later,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test(header_injection_is_refused_naming_the_field),
		cmocka_unit_test(html_goes_beside_the_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
