/*
 * Importing organisations, calls and hours through the API on a real server,
 * each from a messy spreadsheet as organisations send them (a BOM, ';'
 * separators, CRLF, Dutch diacritics, mixed date forms, a repeated row, an
 * empty row, a formula cell, a value that names nothing): a dry run that
 * reports per row and writes nothing, the real run, the same file again
 * changing nothing, and a changed row that updates (for hours a correction; an
 * approved entry is locked and refused). Only the administrator
 * imports organisations; a coordinator cannot import calls or hours into
 * another organisation; `knooppunt import hours` reports the same per row.
 */
#include "support.h"
#include "import_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct kinds_fx {
	int64_t org, other;
	struct client co, other_co;
};

static void setup_fx(struct env *e, struct kinds_fx *f, const char *name)
{
	char other[96];
	snprintf(other, sizeof other, "%s (ander)", name);
	f->org = fx_organisation(&e->admin, name);
	f->other = fx_organisation(&e->admin, other);
	fx_login(e, &f->co, "coordinator", f->org, 0);
	fx_login(e, &f->other_co, "coordinator", f->other, 0);
}

static void free_fx(struct kinds_fx *f)
{
	client_free(&f->co);
	client_free(&f->other_co);
}

static json_t *upload(struct client *cl, const char *kind, const char *query, const char *data,
                      long status)
{
	return import_upload(cl, kind, query, data, strlen(data), status);
}

/* The report of spreadsheet row `row` (the header is row 1). */
static json_t *row_of(json_t *doc, long row)
{
	json_t *rows = json_object_get(doc, "rows"), *r;
	size_t i;
	json_array_foreach(rows, i, r)
		if (json_integer_value(json_object_get(r, "row")) == row)
			return r;
	fail_msg("row %ld is not in the report", row);
	return NULL;
}

static void check_refused(json_t *doc, long row, const char *code, const char *field)
{
	json_t *r = row_of(doc, row);
	assert_string_equal(json_str(r, "action"), "refused");
	json_t *why = json_object_get(r, "error");
	assert_string_equal(json_str(why, "code"), code);
	assert_string_equal(json_str(why, "field"), field);
	assert_non_null(json_object_get(why, "message"));
}

/* Dry run, real run, the same again: counts as given, nothing written by
   the dry run nor by the run again. */
static void three_runs(struct env *e, struct client *cl, const char *kind, const char *query,
                       const char *data, const long counts[5])
{
	char dry[256];
	snprintf(dry, sizeof dry, "%s%cdry_run=true", query, query[0] ? '&' : '?');
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = upload(cl, kind, dry, data, 200);
	check_counts(doc, counts[0], 0, 0, counts[3], counts[4]);
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);
	doc = upload(cl, kind, query, data, 201);
	check_counts(doc, counts[0], 0, 0, counts[3], counts[4]);
	json_decref(doc);
	before = db_fingerprint(&e->srv);
	doc = upload(cl, kind, query, data, 201);
	check_counts(doc, 0, 0, counts[0], counts[3], counts[4]);
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);
}

static const char organisations[] =
	"\xef\xbb\xbfNaam;Soort;Gemeente;Medewerkers;E-mailadres;Website\r\n"
	"Zorgcentrum Het Baken;zorgaanbieder;Dordrecht;120;Info@Baken.nl;https://baken.nl\r\n"
	"Stichting Vrijwillig \xc3\x89\xc3\xa9n;Vrijwilligersorganisatie;Zwijndrecht;;;\r\n"
	";;;;;\r\n"
	"\"Welzijn; Oost\";welzijn;Papendrecht;12;;\r\n"
	"Formule BV;zorgaanbieder;=1+1;;;\r\n"
	"ZORGCENTRUM HET BAKEN;zorgaanbieder;Dordrecht;120;;\r\n"
	"Kapsalon Knip;kapper;Dordrecht;;;\r\n";

static void test_organisations(void **state)
{
	struct env *e = *state;
	struct kinds_fx f;
	setup_fx(e, &f, "Organisatie-import");
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = upload(&f.co, "organisations", "", organisations, 403);
	assert_problem(&f.co, doc, 403, NULL);
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);

	const long counts[5] = { 3, 0, 0, 3, 1 };
	three_runs(e, &e->admin, "organisations", "", organisations, counts);
	doc = upload(&e->admin, "organisations", "?dry_run=true", organisations, 200);
	check_refused(doc, 6, "formula_cell", "municipality");
	check_refused(doc, 7, "duplicate_row", "name");
	check_refused(doc, 8, "invalid_choice", "kind");
	json_t *why = json_object_get(row_of(doc, 7), "error");
	assert_int_equal(json_integer_value(json_object_get(why, "limit")), 2);
	json_decref(doc);
	assert_int_equal(client_total(&e->admin, "/api/organisations?q=Vrijwillig%20%C3%89%C3%A9n"),
	                 1);

	/* a changed row updates the fields it gives, and leaves the others */
	const char changed[] = "Naam;Gemeente;Medewerkers\nzorgcentrum het baken;Dordrecht;125\n"
	                       "\"Welzijn; Oost\";Papendrecht;\n";
	doc = upload(&e->admin, "organisations", "", changed, 201);
	check_counts(doc, 0, 1, 1, 0, 0);
	json_decref(doc);
	free_fx(&f);
}

enum date_form { DAY_MONTH_YEAR, ISO, SLASHES };

/* The day `days` ago in one of the forms spreadsheets write. */
static void date_before(int days, enum date_form form, char *out, size_t size)
{
	time_t t = time(NULL) - (time_t)days * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	int y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
	if (form == ISO)
		snprintf(out, size, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(out, size, form == SLASHES ? "%02d/%02d/%04d" : "%d-%d-%04d", d, m, y);
}

static void test_calls(void **state)
{
	struct env *e = *state;
	struct kinds_fx f;
	char file[2048], query[64];
	setup_fx(e, &f, "Oproepen-import");
	snprintf(file, sizeof file,
	         "\xef\xbb\xbfTitel;Activiteit;Plaats;Datum;Dagdelen;Begintijd;Duur;VOG nodig\r\n"
	         "Wandelen met mevrouw De Wit;Wandelen;Dordrecht;1-3-2099;;10:00;90;nee\r\n"
	         "Boodschappen voor Jo\xc3\xabl;boodschappen;Zwijndrecht;;ma-ochtend wo-middag;;60;"
	         "ja\r\n"
	         ";;;;;;;\r\n"
	         "Voorlezen in de bieb;voorlezen en taalmaatje;Papendrecht;15 maart 2099;;14.30;;\r\n"
	         "=cmd|' /C calc'!A0;Wandelen;Dordrecht;1-3-2099;;;;\r\n"
	         "wandelen met mevrouw de wit;wandelen;Dordrecht;2099-03-01;;;;\r\n"
	         "Parachutespringen;Skydiven;Dordrecht;1-3-2099;;;;\r\n");
	snprintf(query, sizeof query, "?organisation_id=%lld", (long long)f.org);
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = upload(&f.other_co, "calls", query, file, 403);
	assert_problem(&f.other_co, doc, 403, NULL);
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);

	const long counts[5] = { 3, 0, 0, 3, 1 };
	three_runs(e, &f.co, "calls", "", file, counts);
	doc = upload(&f.co, "calls", "?dry_run=true", file, 200);
	check_refused(doc, 6, "formula_cell", "title");
	check_refused(doc, 7, "duplicate_row", "title");
	check_refused(doc, 8, "unknown_reference", "activity");
	json_decref(doc);
	char path[96];
	snprintf(path, sizeof path, "/api/calls?organisation_id=%lld", (long long)f.org);
	assert_int_equal(client_total(&f.co, path), 3);

	const char changed[] = "Titel;Activiteit;Plaats;Datum;Duur\r\n"
	                       "Voorlezen in de bieb;voorlezen;Papendrecht;15-03-2099;120\r\n";
	doc = upload(&f.co, "calls", "", changed, 201);
	check_counts(doc, 0, 1, 0, 0, 0);
	json_decref(doc);
	free_fx(&f);
}

static void test_hours(void **state)
{
	struct env *e = *state;
	struct kinds_fx f;
	char file[2048], query[64], d1[16], d2[16], d3[32];
	setup_fx(e, &f, "Uren-import");
	int64_t anna = fx_volunteer(&f.co, f.org, "active");
	int serial = e->srv.serial;
	int64_t bram = fx_volunteer(&f.co, f.org, "active");
	int64_t elsewhere = fx_volunteer(&f.other_co, f.other, "active");
	int64_t call = fx_call(&f.co, f.org, "Wandelmaatje De Wit");
	fx_match(&f.co, call, anna);
	date_before(3, DAY_MONTH_YEAR, d1, sizeof d1);
	date_before(2, ISO, d2, sizeof d2);
	date_before(3, SLASHES, d3, sizeof d3);
	snprintf(file, sizeof file,
	         "\xef\xbb\xbf" "E-mailadres;Vrijwilligersnummer;Oproep;Datum;Uren;Opmerking\r\n"
	         "ANNA%d@test.nl;;Wandelmaatje De Wit;%s;2,5;Gewandeld langs de Merwede\r\n"
	         ";%lld;;%s;1:30;Koffie en \xc3\xa9\xc3\xa9n gesprek\r\n"
	         ";;;;;\r\n"
	         "anna%d@test.nl;;wandelmaatje de wit;%s;3;dubbel\r\n"
	         "anna%d@test.nl;;;%s;=2+1;\r\n"
	         "onbekend@test.nl;;;%s;1;\r\n"
	         ";%lld;;%s;1;\r\n",
	         serial, d1, (long long)bram, d2, serial, d3, serial, d2, d2, (long long)elsewhere,
	         d2);
	snprintf(query, sizeof query, "?organisation_id=%lld", (long long)f.org);
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = upload(&f.other_co, "hours", query, file, 403);
	assert_problem(&f.other_co, doc, 403, NULL);
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);

	int64_t entries = count_rows(&e->srv, "hour_entries");
	const long counts[5] = { 2, 0, 0, 4, 1 };
	three_runs(e, &f.co, "hours", "", file, counts);
	assert_int_equal(count_rows(&e->srv, "hour_entries"), entries + 2);
	doc = upload(&f.co, "hours", "?dry_run=true", file, 200);
	check_refused(doc, 5, "duplicate_row", "worked_on");
	check_refused(doc, 6, "formula_cell", "hours");
	check_refused(doc, 7, "unknown_reference", "email");
	check_refused(doc, 8, "forbidden", "volunteer_id");
	json_decref(doc);

	/* a changed row corrects the entry: a new one, the old kept as corrected */
	char changed[512];
	snprintf(changed, sizeof changed, "Vrijwilligersnummer;Datum;Minuten\n%lld;%s;100\n",
	         (long long)bram, d2);
	doc = upload(&f.co, "hours", "", changed, 201);
	check_counts(doc, 0, 1, 0, 0, 0);
	json_decref(doc);
	assert_int_equal(count_rows(&e->srv, "hour_entries"), entries + 3);
	doc = upload(&f.co, "hours", "", changed, 201);
	check_counts(doc, 0, 0, 1, 0, 0);
	json_decref(doc);
	doc = upload(&f.co, "hours", "?dry_run=true", changed, 200);
	int64_t entry = (int64_t)json_integer_value(json_object_get(row_of(doc, 2), "id"));
	json_decref(doc);

	/* an approved entry is locked: a change to it is refused, nothing written */
	char body[64];
	snprintf(body, sizeof body, "{\"ids\":[%lld]}", (long long)entry);
	json_decref(expect(&f.co, "POST", "/api/hours/approve", body, 200));
	snprintf(changed, sizeof changed, "Vrijwilligersnummer;Datum;Minuten\n%lld;%s;110\n",
	         (long long)bram, d2);
	before = db_fingerprint(&e->srv);
	doc = upload(&f.co, "hours", "", changed, 201);
	check_counts(doc, 0, 0, 0, 1, 0);
	check_refused(doc, 2, "hours_locked", "status");
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);
	free_fx(&f);
}

/* knooppunt import hours: the dry run's lines per row and its summary, then
   the real run, as a coordinator of the organisation named. */
static void test_command_line(void **state)
{
	struct env *e = *state;
	struct kinds_fx f;
	char file[300], cmd[2048], out[8192], day[16], csv[256];
	setup_fx(e, &f, "Uren-opdrachtregel");
	int64_t vol = fx_volunteer(&f.co, f.org, "active");
	date_before(1, DAY_MONTH_YEAR, day, sizeof day);
	snprintf(csv, sizeof csv, "Vrijwilligersnummer;Datum;Minuten\n%lld;%s;45\n;;\n%lld;%s;=1\n",
	         (long long)vol, day, (long long)vol, day);
	snprintf(file, sizeof file, "%s/uren.csv", e->srv.dir);
	FILE *w = fopen(file, "wb");
	assert_non_null(w);
	fputs(csv, w);
	fclose(w);
	const char *db = e->srv.db_url[0] ? e->srv.db_url : e->srv.sqlite_path;
	int64_t entries = count_rows(&e->srv, "hour_entries");
	for (int real = 0; real < 2; real++) {
		snprintf(cmd, sizeof cmd, "'%s' import hours --db '%s' --file '%s' --organisation %lld "
		         "%s 2>&1", getenv("KNOOPPUNT_BIN"), db, file, (long long)f.org,
		         real ? "" : "--dry-run");
		FILE *p = popen(cmd, "r");
		assert_non_null(p);
		size_t n = fread(out, 1, sizeof out - 1, p);
		out[n] = '\0';
		assert_int_equal(pclose(p), 0);
		assert_non_null(strstr(out, real ? "rij 4: geweigerd: Het veld 'minutes' bevat een"
		                                 : "rij 4: wordt geweigerd: Het veld 'minutes' bevat een"));
		if (!real) {
			assert_non_null(strstr(out, "rij 2: wordt aangemaakt\n"));
			assert_non_null(strstr(out, "Proefimport (er is niets opgeslagen): 1 nieuw, "
			                            "0 bijgewerkt, 0 ongewijzigd, 1 geweigerd, 1 lege rijen"));
			assert_int_equal(count_rows(&e->srv, "hour_entries"), entries);
		} else {
			assert_non_null(strstr(out, "Import klaar: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, "
			                            "1 geweigerd, 1 lege rijen ("));
			assert_int_equal(count_rows(&e->srv, "hour_entries"), entries + 1);
		}
	}
	free_fx(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_organisations),
		cmocka_unit_test(test_calls),
		cmocka_unit_test(test_hours),
		cmocka_unit_test(test_command_line),
	};
	return cmocka_run_group_tests(tests, env_setup, env_teardown);
}
