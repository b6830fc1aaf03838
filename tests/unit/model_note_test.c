/* Tests for src/model/note.c: a note needs text; a contact also its channel
   and a day that is not in the future; a note drops a channel and day. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/note.h"
#include "util/parse.h"

static long day(const char *date)
{
	return parse_date_days(date);
}

static void contact_needs_channel_and_past_day(void **state)
{
	(void)state;
	struct volunteer_note n = { .kind = NOTE_CONTACT };
	struct kp_error err = { 0 };
	snprintf(n.body, sizeof n.body, "Gebeld");
	assert_int_equal(note_check(&n, day("2026-06-01"), &err), KP_ERR);
	assert_string_equal(err.field, "channel");
	n.channel = CHANNEL_PHONE;
	assert_int_equal(note_check(&n, day("2026-06-01"), &err), KP_ERR);
	assert_string_equal(err.field, "happened_on");
	snprintf(n.happened_on, sizeof n.happened_on, "2026-06-02");
	assert_int_equal(note_check(&n, day("2026-06-01"), &err), KP_ERR);
	assert_string_equal(err.code, "date_in_future");
	snprintf(n.happened_on, sizeof n.happened_on, "2026-06-01");
	assert_int_equal(note_check(&n, day("2026-06-01"), &err), KP_OK);
}

static void note_needs_text_and_drops_the_rest(void **state)
{
	(void)state;
	struct volunteer_note n = { .kind = NOTE_PRIVATE, .channel = CHANNEL_EMAIL };
	struct kp_error err = { 0 };
	snprintf(n.happened_on, sizeof n.happened_on, "2026-01-01");
	assert_int_equal(note_check(&n, day("2026-06-01"), &err), KP_ERR);
	assert_string_equal(err.field, "body");
	snprintf(n.body, sizeof n.body, "Liever niet op zaterdag");
	assert_int_equal(note_check(&n, day("2026-06-01"), &err), KP_OK);
	assert_int_equal(n.channel, CHANNEL_NONE);
	assert_string_equal(n.happened_on, "");
}

static void names_round_trip(void **state)
{
	(void)state;
	for (int k = 0; k < NOTE_KIND_COUNT; k++)
		assert_int_equal(note_kind_parse(note_kind_name(k)), k);
	for (int c = 0; c < CHANNEL_COUNT; c++)
		assert_int_equal(note_channel_parse(note_channel_name(c)), c);
	assert_int_equal(note_kind_parse("gerucht"), -1);
	assert_null(note_kind_name(NOTE_KIND_COUNT));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(contact_needs_channel_and_past_day),
		cmocka_unit_test(note_needs_text_and_drops_the_rest),
		cmocka_unit_test(names_round_trip),
	};
	return cmocka_run_group_tests_name("model_note", tests, NULL, NULL);
}
