/* Tests for src/mail/template.c: placeholders and sections, the language
   chosen with Dutch as the fallback, a missing variable named as an error,
   a value with a line break kept out of the subject line, and every mail
   text present in Dutch and English with the same placeholders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "mail/template.h"

static int render(const char *kind, const char *lang, const struct mail_var *v, int n,
                  char *subject, char *body, struct kp_error *err)
{
	struct buf s, b;
	buf_init(&s, 4096);
	buf_init(&b, 16384);
	int rc = mail_render(kind, lang, v, n, &s, &b, err);
	snprintf(subject, 512, "%s", s.data ? s.data : "");
	snprintf(body, 4096, "%s", b.data ? b.data : "");
	buf_free(&s);
	buf_free(&b);
	return rc;
}

static const struct mail_var response_vars[] = {
	{ "first_name", "Anna", NULL },
	{ "last_name", "de Vries", NULL },
	{ "title", "Wandelmaatje", NULL },
	{ "intake_open", "1", NULL },
	{ "link", "https://knooppunt.example/koppelingen/7", NULL },
};

static void placeholders_and_sections(void **state)
{
	(void)state;
	char subject[512], body[4096];
	struct kp_error err = { 0 };
	assert_int_equal(render("response", "nl", response_vars, 5, subject, body, &err), KP_OK);
	assert_string_equal(subject, "Reactie op uw oproep: Wandelmaatje");
	assert_non_null(strstr(body, "Anna de Vries wil graag helpen bij \"Wandelmaatje\"."));
	assert_non_null(strstr(body, "Het intakegesprek staat nog open"));
	assert_non_null(strstr(body, "https://knooppunt.example/koppelingen/7\n"));
	assert_null(strstr(body, "{{"));
	/* The section goes when its variable is empty. */
	struct mail_var v[5];
	memcpy(v, response_vars, sizeof v);
	v[3].nl = "";
	assert_int_equal(render("response", "nl", v, 5, subject, body, &err), KP_OK);
	assert_null(strstr(body, "intakegesprek"));
	assert_non_null(strstr(body, "Bekijk de reactie"));
}

static void language_and_fallback(void **state)
{
	(void)state;
	char subject[512], body[4096];
	struct kp_error err = { 0 };
	assert_int_equal(render("response", "en", response_vars, 5, subject, body, &err), KP_OK);
	assert_string_equal(subject, "Response to your call: Wandelmaatje");
	assert_non_null(strstr(body, "would like to help"));
	assert_int_equal(render("response", "fr", response_vars, 5, subject, body, &err), KP_OK);
	assert_string_equal(subject, "Reactie op uw oproep: Wandelmaatje");
	/* A variable with an English value shows it in English only. */
	struct mail_var d[] = {
		{ "first_name", "Jan", NULL }, { "last_name", "Jansen", NULL },
		{ "to", "Buurtkracht", NULL }, { "accepted", "1", NULL }, { "note", "", NULL },
	};
	assert_int_equal(render("transfer_decided", "nl", d, 5, subject, body, &err), KP_OK);
	assert_string_equal(subject, "Doorverwijzing naar Buurtkracht geaccepteerd");
	d[3].nl = "";
	assert_int_equal(render("transfer_decided", "en", d, 5, subject, body, &err), KP_OK);
	assert_string_equal(subject, "Referral to Buurtkracht declined");
	assert_true(mail_lang_known("en"));
	assert_false(mail_lang_known("de"));
	assert_false(mail_lang_known(NULL));
}

static void missing_variable_and_kind(void **state)
{
	(void)state;
	char subject[512], body[4096];
	struct kp_error err = { 0 };
	assert_int_equal(render("response", "nl", response_vars, 4, subject, body, &err), KP_ERR);
	assert_int_equal(err.kind, KP_INTERNAL);
	assert_string_equal(err.code, "template_variable");
	assert_string_equal(err.field, "link");
	err = (struct kp_error){ 0 };
	assert_int_equal(render("no_such_mail", "nl", NULL, 0, subject, body, &err), KP_ERR);
	assert_string_equal(err.code, "template_missing");
}

static void line_break_stays_out_of_subject(void **state)
{
	(void)state;
	char subject[512], body[4096];
	struct kp_error err = { 0 };
	struct mail_var v[5];
	memcpy(v, response_vars, sizeof v);
	v[2].nl = "Hallo\r\nBcc: iedereen@example.nl";
	assert_int_equal(render("response", "nl", v, 5, subject, body, &err), KP_OK);
	assert_null(strpbrk(subject, "\r\n"));
}

/* The names between {{ and }} in text, each once, sorted, joined by ','. */
static void names_of(const char *text, char *out, size_t cap)
{
	char found[64][48];
	int n = 0;
	for (const char *p = strstr(text, "{{"); p != NULL; p = strstr(p + 2, "{{")) {
		const char *name = p + 2 + (p[2] == '?' || p[2] == '!' || p[2] == '/');
		size_t len = strcspn(name, "}");
		char one[48];
		snprintf(one, sizeof one, "%.*s", (int)len, name);
		bool seen = false;
		for (int i = 0; i < n; i++)
			seen |= strcmp(found[i], one) == 0;
		if (!seen && n < 64)
			snprintf(found[n++], sizeof found[0], "%s", one);
	}
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (strcmp(found[j], found[i]) < 0) {
				char t[48];
				memcpy(t, found[i], sizeof t);
				memcpy(found[i], found[j], sizeof t);
				memcpy(found[j], t, sizeof t);
			}
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		snprintf(out + strlen(out), cap - strlen(out), "%s,", found[i]);
}

static void every_text_in_both_languages(void **state)
{
	(void)state;
	int nl = 0;
	for (int i = 0; i < mail_template_count; i++) {
		const struct mail_template *t = &mail_templates[i];
		if (strcmp(t->lang, "nl") != 0)
			continue;
		nl++;
		const char *en = mail_template_text(t->kind, "en");
		assert_non_null(en);
		if (en == t->text)
			fail_msg("%s has no English text", t->kind);
		char a[1024], b[1024];
		names_of(t->text, a, sizeof a);
		names_of(en, b, sizeof b);
		if (strcmp(a, b) != 0)
			fail_msg("%s: nl uses {%s}, en uses {%s}", t->kind, a, b);
	}
	assert_int_equal(nl * 2, mail_template_count);
	assert_true(nl >= 15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(placeholders_and_sections),
		cmocka_unit_test(language_and_fallback),
		cmocka_unit_test(missing_variable_and_kind),
		cmocka_unit_test(line_break_stays_out_of_subject),
		cmocka_unit_test(every_text_in_both_languages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
