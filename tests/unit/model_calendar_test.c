/* Tests for src/model/calendar.c: a one-off match as one event, a recurring
   one as a weekly rule per part of the day starting on the first weekday it
   names, stable UIDs, and the VEVENT and VCALENDAR written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "model/calendar.h"
#include "model/types.h"

#define BIT(day, part) (1u << ((day) * DAYPARTS + (part)))

static void one_off_is_one_event(void **state)
{
	(void)state;
	struct cal_event ev[3];
	struct cal_match m = { .id = 7, .title = "Wandelen", .place = "Dordrecht",
	                       .organisation = "Zorg", .one_off_date = "2026-12-24",
	                       .start_time = "14:30", .duration_minutes = 90,
	                       .since = "2026-12-01" };
	assert_int_equal(calendar_match_events(&m, "example.nl", ev), 1);
	assert_string_equal(ev[0].uid, "match-7@example.nl");
	assert_string_equal(ev[0].date, "2026-12-24");
	assert_string_equal(ev[0].start_time, "14:30");
	assert_string_equal(ev[0].byday, "");
	assert_false(ev[0].tentative);
	m.one_off_date = "2026-13-01";
	assert_int_equal(calendar_match_events(&m, "example.nl", ev), 0);
}

static void recurring_is_a_rule_per_part_of_the_day(void **state)
{
	(void)state;
	struct cal_event ev[3];
	/* 2026-12-03 is a Thursday. */
	struct cal_match m = { .id = 9, .title = "Koffie", .place = "", .organisation = "",
	                       .one_off_date = "", .start_time = "",
	                       .dayparts = BIT(0, 0) | BIT(2, 0) | BIT(4, 2),
	                       .engagement = ENGAGEMENT_STRUCTURAL,
	                       .duration_minutes = 0, .since = "2026-12-03" };
	assert_int_equal(calendar_match_events(&m, "h", ev), 2);
	assert_false(ev[0].tentative || ev[1].tentative);
	assert_string_equal(ev[0].uid, "match-9-0@h");
	assert_string_equal(ev[0].byday, "MO,WE");
	assert_string_equal(ev[0].date, "2026-12-07");   /* the first Monday after */
	assert_string_equal(ev[0].start_time, CALENDAR_MORNING_START);
	assert_int_equal(ev[0].duration_minutes, 60);
	assert_string_equal(ev[1].uid, "match-9-2@h");
	assert_string_equal(ev[1].byday, "FR");
	assert_string_equal(ev[1].date, "2026-12-04");
	assert_string_equal(ev[1].start_time, CALENDAR_EVENING_START);
	/* A call's own start time wins over the part's usual hour. */
	m.start_time = "10:15";
	assert_int_equal(calendar_match_events(&m, "h", ev), 2);
	assert_string_equal(ev[0].start_time, "10:15");
	/* Af en toe: the times she may be asked, not a fixed appointment. */
	m.engagement = ENGAGEMENT_FLEXIBLE;
	assert_int_equal(calendar_match_events(&m, "h", ev), 2);
	assert_true(ev[0].tentative && ev[1].tentative);
	m.engagement = ENGAGEMENT_PROJECT;
	assert_int_equal(calendar_match_events(&m, "h", ev), 2);
	assert_false(ev[0].tentative);
	/* Starting on a day it names: that day. */
	m.since = "2026-12-02";
	assert_int_equal(calendar_match_events(&m, "h", ev), 2);
	assert_string_equal(ev[0].date, "2026-12-02");
}

static void writes_events_and_the_zone(void **state)
{
	(void)state;
	struct buf b;
	struct cal_event ev = { .uid = "match-1-1@h", .summary = "Voorlezen, samen",
	                        .location = "Zwijndrecht", .description = "",
	                        .date = "2026-12-05", .start_time = "13:30",
	                        .duration_minutes = 135, .byday = "SA" };
	buf_init(&b, 1 << 16);
	assert_int_equal(calendar_write_begin(&b, "Agenda"), 0);
	assert_int_equal(calendar_write_event(&b, &ev, 1796126400), 0);
	assert_non_null(strstr(b.data, "STATUS:CONFIRMED\r\nTRANSP:OPAQUE\r\n"));
	ev.tentative = true;
	ev.start_time[0] = '\0';
	ev.byday[0] = '\0';
	assert_int_equal(calendar_write_event(&b, &ev, 1796126400), 0);
	assert_int_equal(calendar_write_end(&b), 0);
	assert_non_null(strstr(b.data, "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"));
	assert_non_null(strstr(b.data, "DTSTART;TZID=Europe/Amsterdam:20261205T133000\r\n"
	                               "DURATION:PT2H15M\r\nRRULE:FREQ=WEEKLY;BYDAY=SA\r\n"));
	assert_non_null(strstr(b.data, "DTSTAMP:20261201T120000Z\r\n"));
	assert_non_null(strstr(b.data, "SUMMARY:Voorlezen\\, samen\r\n"));
	assert_non_null(strstr(b.data, "DTSTART;VALUE=DATE:20261205\r\n"
	                               "DTEND;VALUE=DATE:20261206\r\n"));
	assert_null(strstr(b.data, "DESCRIPTION"));
	assert_non_null(strstr(b.data, "STATUS:TENTATIVE\r\nTRANSP:TRANSPARENT\r\n"));
	assert_int_equal(strcmp(b.data + b.len - 15, "END:VCALENDAR\r\n"), 0);
	buf_free(&b);
}

static void words_in_both_languages(void **state)
{
	(void)state;
	assert_string_equal(calendar_word(CALENDAR_INTAKE_WORD, "nl"), "Intakegesprek");
	assert_string_equal(calendar_word(CALENDAR_INTAKE_WORD, "en"), "Intake conversation");
	assert_string_equal(calendar_word(CALENDAR_WORD_COUNT, "en"), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_off_is_one_event),
		cmocka_unit_test(recurring_is_a_rule_per_part_of_the_day),
		cmocka_unit_test(writes_events_and_the_zone),
		cmocka_unit_test(words_in_both_languages),
	};
	return cmocka_run_group_tests_name("model_calendar", tests, NULL, NULL);
}
