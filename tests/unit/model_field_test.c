/* Tests for src/model/field.c: one table declares a record's fields; a
   mask copies exactly the named ones and tells which really changed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/volunteer.h"

static void names_map_to_bits(void **state)
{
	(void)state;
	uint64_t phone = field_bit(&volunteer_fields, "phone");
	assert_true(phone != 0);
	assert_int_equal(phone & (phone - 1), 0); /* one bit */
	assert_true(field_bit(&volunteer_fields, "place") != phone);
	assert_int_equal(field_bit(&volunteer_fields, "id"), 0);
	assert_int_equal(field_bit(&volunteer_fields, "version"), 0);
	assert_string_equal(field_first_name(&volunteer_fields, phone), "phone");
	assert_string_equal(field_first_name(&volunteer_fields, 0), "");
	assert_true(volunteer_fields.n <= FIELD_MAX);
}

static void copy_takes_only_the_mask(void **state)
{
	(void)state;
	static struct volunteer a, b;
	volunteer_init(&a);
	volunteer_init(&b);
	snprintf(a.phone, sizeof a.phone, "010-1");
	snprintf(a.place, sizeof a.place, "Dordrecht");
	a.lat = 51.8;
	snprintf(b.phone, sizeof b.phone, "06-2");
	snprintf(b.place, sizeof b.place, "Sliedrecht");
	b.lat = 51.82;
	b.lon = 4.77;
	b.hours_per_week = 6;
	field_copy(&volunteer_fields, field_bit(&volunteer_fields, "place"), &a, &b);
	assert_string_equal(a.place, "Sliedrecht");
	assert_true(a.lat == 51.82 && a.lon == 4.77); /* coordinates travel with the place */
	assert_string_equal(a.phone, "010-1");
	assert_int_equal(a.hours_per_week, 0);
}

static void changes_compare_by_meaning(void **state)
{
	(void)state;
	static struct volunteer a, b;
	volunteer_init(&a);
	volunteer_init(&b);
	snprintf(a.motivation_text, sizeof a.motivation_text, "lang verhaal");
	snprintf(a.motivation_text, sizeof a.motivation_text, "kort");
	snprintf(b.motivation_text, sizeof b.motivation_text, "kort"); /* other bytes after NUL */
	id_set_add(&a.items[LIST_THEME], 3);
	id_set_add(&a.items[LIST_THEME], 5);
	id_set_add(&b.items[LIST_THEME], 5);
	id_set_add(&b.items[LIST_THEME], 3); /* same set, other order */
	assert_int_equal(field_changed(&volunteer_fields, &a, &b), 0);
	b.max_matches = 3;
	id_set_add(&b.items[LIST_ACTIVITY], 9);
	uint64_t want = field_bit(&volunteer_fields, "max_matches") |
	                field_bit(&volunteer_fields, "activities");
	assert_true(field_changed(&volunteer_fields, &a, &b) == want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_map_to_bits),
		cmocka_unit_test(copy_takes_only_the_mask),
		cmocka_unit_test(changes_compare_by_meaning),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
