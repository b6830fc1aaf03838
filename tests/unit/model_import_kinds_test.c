/* Tests for src/model/import_kinds.c: organisations, calls and hour entries
   from spreadsheet rows: Dutch words for kinds and dayparts, times and hours
   in the forms people type, formulas refused, and the natural keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "model/import.h"

static struct csv_row row_of(int n, const char **cells)
{
	struct csv_row r = { .n = n, .record = 2 };
	for (int i = 0; i < n; i++)
		r.cell[i] = cells[i];
	return r;
}

static void organisation_from_dutch_row(void **state)
{
	(void)state;
	const char *header[] = { "Naam", "Soort", "Gemeente", "Medewerkers", "E-mail" };
	const char *cells[] = { " Zorgcentrum \xc3\x89\xc3\xa9n ", "Zorgaanbieder", "Dordrecht",
	                        "120", "Info@Een.NL" };
	struct csv_row h = row_of(5, header), r = row_of(5, cells);
	struct import_mapping m;
	struct organisation *o = malloc(sizeof *o);
	struct kp_error err = { 0 };
	uint64_t given = 0;
	char key[256];
	assert_non_null(o);
	assert_int_equal(import_mapping_build(&import_organisation_schema, &h, NULL, &m, &err),
	                 KP_OK);
	assert_int_equal(import_organisation_row(&m, &r, o, &given, &err), KP_OK);
	assert_string_equal(o->name, "Zorgcentrum \xc3\x89\xc3\xa9n");
	assert_int_equal(o->kind, ORG_CARE_PROVIDER);
	assert_int_equal(o->employees, 120);
	assert_string_equal(o->email, "info@een.nl");
	assert_true(given & (1ull << IMPORT_ORG_EMPLOYEES));
	assert_false(given & (1ull << IMPORT_ORG_WEBSITE));
	import_organisation_key(o, key, sizeof key);
	assert_string_equal(key, "o:zorgcentrum \xc3\x89\xc3\xa9n");
	cells[1] = "kapper";
	r = row_of(5, cells);
	assert_int_equal(import_organisation_row(&m, &r, o, &given, &err), KP_ERR);
	assert_string_equal(err.field, "kind");
	free(o);
}

static int call_from(const char **cells, struct call *c, char *activity, struct kp_error *err)
{
	const char *header[] = { "Titel", "Activiteit", "Plaats", "Datum", "Dagdelen", "Begintijd",
	                         "VOG" };
	struct csv_row h = row_of(7, header), r = row_of(7, cells);
	struct import_mapping m;
	uint64_t given;
	assert_int_equal(import_mapping_build(&import_call_schema, &h, NULL, &m, err), KP_OK);
	return import_call_row(&m, &r, 7, c, activity, &given, err);
}

static void calls_with_dutch_dayparts_and_times(void **state)
{
	(void)state;
	struct call *c = malloc(sizeof *c);
	char activity[IMPORT_LABEL_SIZE], key[256];
	struct kp_error err = { 0 };
	assert_non_null(c);
	const char *recurring[] = { "Boodschappen", "boodschappen", "Zwijndrecht", "",
	                            "ma-ochtend, woensdag-avond mon-afternoon", "9.30", "ja" };
	assert_int_equal(call_from(recurring, c, activity, &err), KP_OK);
	assert_int_equal(c->dayparts, (1u << 0) | (1u << 8) | (1u << 1));
	assert_string_equal(c->start_time, "09:30");
	assert_int_equal(c->requires_vog, 1);
	assert_string_equal(activity, "boodschappen");
	const char *once[] = { "Wandelen", "Wandelen", "Dordrecht", "1 maart 2099", "", "14:05",
	                       "nee" };
	assert_int_equal(call_from(once, c, activity, &err), KP_OK);
	assert_string_equal(c->one_off_date, "2099-03-01");
	import_call_key(c, key, sizeof key);
	assert_string_equal(key, "c:wandelen|2099-03-01");
	static const char *const bad[][3] = {
		{ "zo-nacht", "", "dayparts" }, { "", "25:00", "start_time" }, { "", "930", "start_time" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *cells[] = { "X", "wandelen", "Dordrecht", "", bad[i][0], bad[i][1], "" };
		err = (struct kp_error){ 0 };
		assert_int_equal(call_from(cells, c, activity, &err), KP_ERR);
		assert_string_equal(err.field, bad[i][2]);
	}
	const char *formula[] = { "@SUM(A1)", "wandelen", "Dordrecht", "1-3-2099", "", "", "" };
	err = (struct kp_error){ 0 };
	assert_int_equal(call_from(formula, c, activity, &err), KP_ERR);
	assert_string_equal(err.code, "formula_cell");
	assert_string_equal(err.field, "title");
	free(c);
}

static int hours_from(const char **cells, struct import_hours *h, struct kp_error *err)
{
	const char *header[] = { "E-mailadres", "Vrijwilligersnummer", "Oproep", "Datum", "Uren" };
	struct csv_row hd = row_of(5, header), r = row_of(5, cells);
	struct import_mapping m;
	uint64_t given;
	assert_int_equal(import_mapping_build(&import_hours_schema, &hd, NULL, &m, err), KP_OK);
	return import_hours_row(&m, &r, h, &given, err);
}

static void hours_in_the_forms_people_type(void **state)
{
	(void)state;
	static const struct {
		const char *hours;
		int minutes;
	} ok[] = { { "2", 120 }, { "2,5", 150 }, { "1.25", 75 }, { "2:30", 150 }, { "0:45", 45 } };
	struct import_hours *h = malloc(sizeof *h);
	struct kp_error err = { 0 };
	char key[512];
	assert_non_null(h);
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		const char *cells[] = { "Anna@Test.nl", "", "Wandelmaatje", "3-11-2026", ok[i].hours };
		assert_int_equal(hours_from(cells, h, &err), KP_OK);
		assert_int_equal(h->e.minutes, ok[i].minutes);
	}
	assert_string_equal(h->email, "anna@test.nl");
	assert_string_equal(h->e.worked_on, "2026-11-03");
	import_hours_key(h, key, sizeof key);
	assert_string_equal(key, "h:0|0|anna@test.nl|2026-11-03|wandelmaatje");
	static const char *const bad[] = { "2u", "2:3", "2:75", "-1", "25", "abc" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *cells[] = { "", "12", "", "2026-11-03", bad[i] };
		err = (struct kp_error){ 0 };
		assert_int_equal(hours_from(cells, h, &err), KP_ERR);
		assert_string_equal(err.field, "hours");
	}
	const char *nobody[] = { "", "", "", "2026-11-03", "1" };
	err = (struct kp_error){ 0 };
	assert_int_equal(hours_from(nobody, h, &err), KP_ERR);
	assert_string_equal(err.code, "required");
	assert_string_equal(err.field, "email");
	free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(organisation_from_dutch_row),
		cmocka_unit_test(calls_with_dutch_dayparts_and_times),
		cmocka_unit_test(hours_in_the_forms_people_type),
	};
	return cmocka_run_group_tests_name("model_import_kinds", tests, NULL, NULL);
}
