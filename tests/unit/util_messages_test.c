/* Tests for src/util/messages.c: texts with field and limit in Dutch and
   English, the fallback for unknown codes, the language choice. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/messages.h"

static void render(const struct kp_error *e, const char *lang, char *out, size_t cap)
{
	struct buf b;
	buf_init(&b, 1024);
	assert_int_equal(messages_render(e, lang, &b), 0);
	assert_non_null(b.data);
	assert_true(strlen(b.data) < cap);
	memcpy(out, b.data, b.len + 1);
	buf_free(&b);
}

static void field_and_limit_in_dutch(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	kp_fail_limit(&e, KP_INVALID, "too_long", "title", 160);
	char out[512];
	render(&e, "nl", out, sizeof out);
	assert_string_equal(out, "Het veld 'title' is te lang (maximaal 160 tekens).");
}

static void field_and_limit_in_english(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	kp_fail_limit(&e, KP_INVALID, "too_many", "themes", 32);
	char out[512];
	render(&e, "en", out, sizeof out);
	assert_string_equal(out, "The field 'themes' has too many values (at most 32).");
}

static void negative_and_large_limits(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	kp_fail_limit(&e, KP_INVALID, "out_of_range", "x", -9000000000LL);
	char out[512];
	render(&e, "nl", out, sizeof out);
	assert_non_null(strstr(out, "(grens -9000000000)"));
}

static void field_without_limit(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	kp_invalid(&e, "place", "unknown_place");
	char nl[512], en[512];
	render(&e, "nl", nl, sizeof nl);
	render(&e, "en", en, sizeof en);
	assert_string_equal(nl, "De plaats in 'place' kennen we niet. "
	                        "Vul een Nederlandse plaatsnaam in.");
	assert_string_equal(en, "The place in 'place' is unknown. Enter a Dutch place name.");
}

static void unknown_code_falls_back_naming_field(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	kp_invalid(&e, "foo", "no_such_code_here");
	char nl[512], en[512];
	render(&e, "nl", nl, sizeof nl);
	render(&e, "en", en, sizeof en);
	assert_string_equal(nl, "De invoer is niet geaccepteerd ('foo').");
	assert_string_equal(en, "The input was not accepted ('foo').");
}

static void unknown_language_is_dutch(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	kp_invalid(&e, "first_name", "required");
	char out[512];
	render(&e, "de", out, sizeof out);
	assert_string_equal(out, "Het veld 'first_name' is verplicht.");
}

static void detail_is_appended(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	kp_fail_detail(&e, KP_INVALID, "unknown_item", "themes", "%s", "zeilen");
	char out[512];
	render(&e, "en", out, sizeof out);
	assert_string_equal(out, "A value in 'themes' is not on the shared list. (zeilen)");
}

static void field_is_not_a_format_string(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	kp_invalid(&e, "%s%n%L%F", "required");
	char out[512];
	render(&e, "en", out, sizeof out);
	assert_string_equal(out, "The field '%s%n%L%F' is required.");
}

static void render_respects_buffer_cap(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	kp_invalid(&e, "first_name", "required");
	struct buf b;
	buf_init(&b, 10);
	assert_int_equal(messages_render(&e, "nl", &b), -1);
	assert_true(b.len <= 10);
	buf_free(&b);
}

static void language_choice(void **state)
{
	(void)state;
	assert_string_equal(messages_language(NULL), "nl");
	assert_string_equal(messages_language(""), "nl");
	assert_string_equal(messages_language("nl"), "nl");
	assert_string_equal(messages_language("en"), "en");
	assert_string_equal(messages_language("en-GB,en;q=0.9"), "en");
	assert_string_equal(messages_language("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7"), "nl");
	assert_string_equal(messages_language("en-US,en;q=0.9,nl;q=0.8"), "en");
	assert_string_equal(messages_language("fr-FR,fr;q=0.9,en;q=0.8"), "en");
	assert_string_equal(messages_language("de-DE,de;q=0.9"), "nl");
	assert_string_equal(messages_language("*"), "nl");
}

static void titles(void **state)
{
	(void)state;
	assert_string_equal(messages_title(KP_INVALID, "nl"), "Ongeldige invoer");
	assert_string_equal(messages_title(KP_INVALID, "en"), "Invalid input");
	assert_string_equal(messages_title(KP_FORBIDDEN, "nl"), "Geen toegang");
	assert_string_equal(messages_title(KP_NOT_FOUND, "en"), "Not found");
	assert_string_equal(messages_title(999, "nl"), "Fout");
	assert_string_equal(messages_title(999, "en"), "Error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(field_and_limit_in_dutch),
		cmocka_unit_test(field_and_limit_in_english),
		cmocka_unit_test(negative_and_large_limits),
		cmocka_unit_test(field_without_limit),
		cmocka_unit_test(unknown_code_falls_back_naming_field),
		cmocka_unit_test(unknown_language_is_dutch),
		cmocka_unit_test(detail_is_appended),
		cmocka_unit_test(field_is_not_a_format_string),
		cmocka_unit_test(render_respects_buffer_cap),
		cmocka_unit_test(language_choice),
		cmocka_unit_test(titles),
	};
	return cmocka_run_group_tests_name("util_messages", tests, NULL, NULL);
}
