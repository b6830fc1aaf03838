/* Tests for src/model/import.c: the mapping guessed from Dutch headers and
   overridden by an explicit one, the date forms of Dutch spreadsheets,
   formula cells refused, empty cells not counted as given, and the natural
   key. */
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

static const char *header_cells[] = { "Voornaam", "Achternaam", "E-mail adres", "Woonplaats",
                                      "Geboortedatum", "Startdatum", "Status", "Opmerking" };

static void mapping_from_dutch_headers(void **state)
{
	(void)state;
	struct csv_row h = row_of(8, header_cells);
	struct import_mapping m;
	struct kp_error err = { 0 };
	assert_int_equal(import_mapping_build(&import_volunteer_schema, &h, NULL, &m, &err),
	                 KP_OK);
	assert_int_equal(m.column[IMPORT_FIRST_NAME], 0);
	assert_int_equal(m.column[IMPORT_EMAIL], 2);
	assert_int_equal(m.column[IMPORT_PLACE], 3);
	assert_int_equal(m.column[IMPORT_BIRTH_DATE], 4);
	assert_int_equal(m.column[IMPORT_PHONE], -1);
	assert_true(m.mask & (1ull << IMPORT_BIRTH_DATE));
	assert_false(m.mask & (1ull << IMPORT_PHONE));
}

static void explicit_mapping_overrides(void **state)
{
	(void)state;
	const char *cells[] = { "Naam", "Fam", "Woonplaats", "Opmerking" };
	struct csv_row h = row_of(4, cells);
	struct import_mapping m;
	struct kp_error err = { 0 };
	assert_int_equal(import_mapping_build(&import_volunteer_schema, &h, NULL, &m, &err),
	                 KP_ERR);
	assert_string_equal(err.field, "first_name");
	assert_string_equal(err.code, "required");
	err = (struct kp_error){ 0 };
	assert_int_equal(import_mapping_build(&import_volunteer_schema, &h,
	                                      "Naam=first_name, fam=last_name,"
	                                      "Opmerking=motivation_text", &m, &err), KP_OK);
	assert_int_equal(m.column[IMPORT_FIRST_NAME], 0);
	assert_int_equal(m.column[IMPORT_LAST_NAME], 1);
	assert_int_equal(m.column[IMPORT_MOTIVATION], 3);
	err = (struct kp_error){ 0 };
	assert_int_equal(import_mapping_build(&import_volunteer_schema, &h, "Leeftijd=birth_year", &m,
	                                      &err), KP_ERR);
	assert_string_equal(err.code, "unknown_column");
	assert_string_equal(err.field, "Leeftijd");
	err = (struct kp_error){ 0 };
	assert_int_equal(import_mapping_build(&import_volunteer_schema, &h, "Naam=shoe_size", &m,
	                                      &err), KP_ERR);
	assert_string_equal(err.code, "unknown_field");
}

static void dates_in_dutch_forms(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "2026-03-01", "2026-03-01" }, { "1-3-2026", "2026-03-01" },
		{ "01/03/2026", "2026-03-01" }, { "1.3.2026", "2026-03-01" },
		{ "1 maart 2026", "2026-03-01" }, { "1-mrt-2026", "2026-03-01" },
		{ "29 februari 2024", "2024-02-29" }, { "2026/12/31", "2026-12-31" },
		{ "46082", "2026-03-01" }, { " 2026-03-01 00:00:00 ", "2026-03-01" },
	};
	char out[11];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(import_date(cases[i][0], out), 0);
		assert_string_equal(out, cases[i][1]);
	}
	static const char *const bad[] = { "31-2-2026", "2026-13-01", "1 brumaire 2026", "03/01",
	                                   "yesterday", "", "1-3-26", "29 februari 2026" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(import_date(bad[i], out), -1);
}

static int row_into(const char **cells, struct volunteer *v, uint64_t *given,
                    struct kp_error *err)
{
	struct csv_row h = row_of(8, header_cells), r = row_of(8, cells);
	struct import_mapping m;
	assert_int_equal(import_mapping_build(&import_volunteer_schema, &h, NULL, &m, err), KP_OK);
	return import_volunteer_row(&m, &r, 7, "2026-11-01", v, given, err);
}

static void row_becomes_a_volunteer(void **state)
{
	(void)state;
	const char *cells[] = { " Jo\xc3\xabl ", "de Vries", "Joel@Example.NL", "dordrecht",
	                        "3-4-1961", "", "actief", "negeren" };
	struct volunteer *v = malloc(sizeof *v);
	uint64_t given = 0;
	struct kp_error err = { 0 };
	assert_non_null(v);
	assert_int_equal(row_into(cells, v, &given, &err), KP_OK);
	assert_string_equal(v->first_name, "Jo\xc3\xabl");
	assert_string_equal(v->email, "joel@example.nl");
	assert_int_equal(v->birth_year, 1961);
	assert_int_equal(v->status, VOLUNTEER_ACTIVE);
	assert_int_equal(v->organisation_id, 7);
	assert_string_equal(v->started_on, "2026-11-01");
	assert_true(v->lat > 51 && v->lat < 52);
	assert_false(given & field_bit(&volunteer_fields, "started_on"));
	assert_true(given & field_bit(&volunteer_fields, "email"));
	char key[256];
	import_volunteer_key(v, key, sizeof key);
	assert_string_equal(key, "e:joel@example.nl");
	v->email[0] = '\0';
	import_volunteer_key(v, key, sizeof key);
	assert_string_equal(key, "n:jo\xc3\xabl|de vries|1961|dordrecht");
	free(v);
}

static void formulas_are_refused_phone_numbers_are_not(void **state)
{
	(void)state;
	static const char *const formulas[] = { "=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0",
	                                        "-2+3", "=HYPERLINK(\"http://x\")" };
	struct volunteer *v = malloc(sizeof *v);
	uint64_t given;
	assert_non_null(v);
	for (size_t i = 0; i < sizeof formulas / sizeof formulas[0]; i++) {
		const char *cells[] = { "Anouk", formulas[i], "", "Dordrecht", "", "", "", "" };
		struct kp_error err = { 0 };
		assert_int_equal(row_into(cells, v, &given, &err), KP_ERR);
		assert_string_equal(err.code, "formula_cell");
		assert_string_equal(err.field, "last_name");
	}
	struct csv_row h = row_of(8, header_cells);
	const char *phone_header[] = { "Voornaam", "Achternaam", "Telefoon", "Plaats" };
	const char *phone_row[] = { "Anouk", "Brouwer", "+31 6 1234-5678", "Dordrecht" };
	struct csv_row ph = row_of(4, phone_header), pr = row_of(4, phone_row);
	struct import_mapping m;
	struct kp_error err = { 0 };
	(void)h;
	assert_int_equal(import_mapping_build(&import_volunteer_schema, &ph, NULL, &m, &err),
	                 KP_OK);
	assert_int_equal(import_volunteer_row(&m, &pr, 7, "2026-11-01", v, &given, &err), KP_OK);
	assert_string_equal(v->phone, "+31 6 1234-5678");
	free(v);
}

static void bad_cells_name_their_field(void **state)
{
	(void)state;
	struct volunteer *v = malloc(sizeof *v);
	uint64_t given;
	assert_non_null(v);
	const char *date[] = { "A", "B", "", "Dordrecht", "31-02-1970", "", "", "" };
	struct kp_error err = { 0 };
	assert_int_equal(row_into(date, v, &given, &err), KP_ERR);
	assert_string_equal(err.field, "birth_date");
	const char *place[] = { "A", "B", "", "Atlantis", "", "", "", "" };
	err = (struct kp_error){ 0 };
	assert_int_equal(row_into(place, v, &given, &err), KP_ERR);
	assert_string_equal(err.code, "unknown_place");
	const char *status[] = { "A", "B", "", "Dordrecht", "", "", "misschien", "" };
	err = (struct kp_error){ 0 };
	assert_int_equal(row_into(status, v, &given, &err), KP_ERR);
	assert_string_equal(err.field, "status");
	char long_name[VOLUNTEER_NAME_MAX + 2];
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	const char *name[] = { long_name, "B", "", "Dordrecht", "", "", "", "" };
	err = (struct kp_error){ 0 };
	assert_int_equal(row_into(name, v, &given, &err), KP_ERR);
	assert_string_equal(err.code, "too_long");
	assert_string_equal(err.field, "first_name");
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mapping_from_dutch_headers),
		cmocka_unit_test(explicit_mapping_overrides),
		cmocka_unit_test(dates_in_dutch_forms),
		cmocka_unit_test(row_becomes_a_volunteer),
		cmocka_unit_test(formulas_are_refused_phone_numbers_are_not),
		cmocka_unit_test(bad_cells_name_their_field),
	};
	return cmocka_run_group_tests_name("model_import", tests, NULL, NULL);
}
