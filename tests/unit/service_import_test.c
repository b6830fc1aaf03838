/* Tests for src/service/import.c against a real SQLite file, without HTTP:
   a messy spreadsheet (a BOM, ';' separators, CRLF, Dutch diacritics, mixed
   date forms, a repeated person, an empty row, a formula cell) in a dry run
   that writes nothing, then for real; running it again changes nothing; a
   changed row updates; imported volunteers have no consent yet and an
   invitation; another organisation's coordinator is refused with nothing
   written; an explicit mapping is remembered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_fixture.h"
#include "import_messy.h"
#include "service/import.h"

#include <xlsxwriter.h>

static int64_t clock_at;

static int64_t test_now(void)
{
	return clock_at;
}

static struct app test_app(struct fixture *f)
{
	clock_at = f->now;
	struct app app = { .now = test_now };
	app_config_defaults(&app.cfg);
	return app;
}

static struct principal coordinator_of(int64_t org)
{
	return (struct principal){ .account_id = 0, .role = ROLE_COORDINATOR,
	                           .organisation_id = org };
}

struct seen {
	struct import_row_report rows[16];
	int n;
};

static int collect(void *ctx, const struct import_row_report *r)
{
	struct seen *s = ctx;
	if (s->n < 16)
		s->rows[s->n++] = *r;
	return 0;
}

static int run(struct fixture *f, const struct principal *who, const char *data,
               const char *mapping, bool dry, struct import_request *rq, struct seen *seen,
               struct kp_error *err)
{
	struct app app = test_app(f);
	*seen = (struct seen){ 0 };
	*rq = (struct import_request){ .organisation_id = f->org, .data = data,
	                               .len = strlen(data), .mapping = mapping, .dry_run = dry,
	                               .invite = true, .each = collect, .ctx = seen };
	return import_run(&app, f->db, who, rq, err);
}

static void check_counts(const struct import_request *rq, long created, long updated,
                         long unchanged, long refused, long empty)
{
	assert_int_equal(rq->counts[IMPORT_CREATE], created);
	assert_int_equal(rq->counts[IMPORT_UPDATE], updated);
	assert_int_equal(rq->counts[IMPORT_UNCHANGED], unchanged);
	assert_int_equal(rq->counts[IMPORT_REFUSED], refused);
	assert_int_equal(rq->counts[IMPORT_EMPTY], empty);
}

static int ignore(void *ctx, const struct volunteer *v)
{
	(void)ctx;
	(void)v;
	return 0;
}

static int64_t count_volunteers(struct fixture *f)
{
	struct list_filter lf;
	int64_t total = -1;
	struct kp_error err = { 0 };
	list_filter_init(&lf);
	lf.organisation_id = f->org;
	assert_int_equal(store_volunteer_list(f->db, &lf, (struct page){ 1, 0 }, ignore, NULL,
	                                      &total, &err), KP_OK);
	return total;
}

static void test_dry_run_reports_and_writes_nothing(void **state)
{
	struct fixture *f = *state;
	struct principal who = coordinator_of(f->org);
	struct import_request rq;
	struct seen seen;
	struct kp_error err = { 0 };
	assert_int_equal(run(f, &who, messy, NULL, true, &rq, &seen, &err), KP_OK);
	check_counts(&rq, 4, 0, 0, 3, 1);
	assert_int_equal(seen.n, 8);
	assert_int_equal(seen.rows[0].row, 2);
	assert_int_equal(seen.rows[0].action, IMPORT_CREATE);
	assert_int_equal(seen.rows[2].action, IMPORT_EMPTY);
	assert_int_equal(seen.rows[4].action, IMPORT_REFUSED);
	assert_string_equal(seen.rows[4].err.code, "formula_cell");
	assert_string_equal(seen.rows[4].err.field, "last_name");
	assert_string_equal(seen.rows[5].err.code, "duplicate_row");
	assert_int_equal(seen.rows[5].err.limit, 2);
	assert_string_equal(seen.rows[7].err.code, "unknown_place");
	assert_int_equal(count_volunteers(f), 0);
}

static void test_real_run_is_idempotent_and_updates_changes(void **state)
{
	struct fixture *f = *state;
	struct principal who = coordinator_of(f->org);
	struct import_request rq;
	struct seen seen;
	struct kp_error err = { 0 };
	assert_int_equal(run(f, &who, messy, NULL, false, &rq, &seen, &err), KP_OK);
	check_counts(&rq, 4, 0, 0, 3, 1);
	assert_int_equal(rq.invited, 3); /* Bram has no e-mail address */
	assert_int_equal(count_volunteers(f), 4);
	struct volunteer *v = malloc(sizeof *v);
	assert_non_null(v);
	assert_int_equal(store_volunteer_get(f->db, seen.rows[3].id, false, v, &err),
	                 KP_OK);
	assert_string_equal(v->last_name, "\xc3\x87""elik; van den Berg");
	assert_string_equal(v->started_on, "2024-01-01");
	assert_int_equal(v->birth_year, 1980);
	struct consent c;
	assert_int_equal(store_consent_get(f->db, v->id, &c, &err), KP_OK);
	assert_int_equal(c.scope, CONSENT_NONE);
	assert_string_equal(c.text_version, "");
	int64_t accounts = 0;
	assert_int_equal(store_account_count_for_volunteer(f->db, v->id, &accounts, &err), KP_OK);
	assert_int_equal(accounts, 1);

	assert_int_equal(run(f, &who, messy, NULL, false, &rq, &seen, &err), KP_OK);
	check_counts(&rq, 0, 0, 4, 3, 1);
	assert_int_equal(rq.invited, 0);
	assert_int_equal(count_volunteers(f), 4);

	char *changed = strdup(messy);
	assert_non_null(changed);
	char *at = strstr(changed, "Zwijndrecht;1 maart");
	assert_non_null(at);
	memcpy(at, "Papendrecht", 11);
	assert_int_equal(run(f, &who, changed, NULL, false, &rq, &seen, &err), KP_OK);
	check_counts(&rq, 0, 1, 3, 3, 1);
	assert_int_equal(store_volunteer_get(f->db, seen.rows[1].id, false, v, &err),
	                 KP_OK);
	assert_string_equal(v->place, "Papendrecht");
	assert_int_equal(v->version, 2);
	assert_string_equal(v->started_on, "2024-03-01");
	free(changed);
	free(v);
}

static void test_other_coordinator_is_refused(void **state)
{
	struct fixture *f = *state;
	struct principal other = coordinator_of(f->org2);
	struct import_request rq;
	struct seen seen;
	struct kp_error err = { 0 };
	assert_int_equal(run(f, &other, messy, NULL, false, &rq, &seen, &err), KP_ERR);
	assert_int_equal(err.kind, KP_FORBIDDEN);
	assert_int_equal(seen.n, 0);
	assert_int_equal(count_volunteers(f), 0);
}

static void test_mapping_is_remembered(void **state)
{
	struct fixture *f = *state;
	struct principal who = coordinator_of(f->org);
	struct import_request rq;
	struct seen seen;
	struct kp_error err = { 0 };
	const char *file = "Roepnaam,Fam,Woont in\nSanne,Jansen,Dordrecht\n";
	assert_int_equal(run(f, &who, file, NULL, true, &rq, &seen, &err), KP_ERR);
	assert_string_equal(err.field, "last_name");
	err = (struct kp_error){ 0 };
	assert_int_equal(run(f, &who, file, "Fam=last_name,Woont in=place", false, &rq, &seen,
	                     &err), KP_OK);
	check_counts(&rq, 1, 0, 0, 0, 0);
	assert_int_equal(run(f, &who, file, NULL, false, &rq, &seen, &err), KP_OK);
	check_counts(&rq, 0, 0, 1, 0, 0);
}

static void test_malformed_file_names_row_and_column(void **state)
{
	struct fixture *f = *state;
	struct principal who = coordinator_of(f->org);
	struct import_request rq;
	struct seen seen;
	struct kp_error err = { 0 };
	const char *file = "Voornaam;Achternaam;Plaats\nA;B;Dordrecht\nC;\"D;Dordrecht\n";
	assert_int_equal(run(f, &who, file, NULL, false, &rq, &seen, &err), KP_ERR);
	assert_string_equal(err.code, "unclosed_quote");
	assert_string_equal(err.field, "row 3, column 2");
}

/* The same people from an .xlsx workbook: a date as a day number, a formula refused. */
static void test_xlsx_workbook(void **state)
{
	struct fixture *f = *state;
	struct principal who = coordinator_of(f->org);
	struct import_request rq;
	struct seen seen;
	struct kp_error err = { 0 };
	char path[sizeof f->dir + 16];
	snprintf(path, sizeof path, "%s/leden.xlsx", f->dir);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	const char *head[] = { "Voornaam", "Achternaam", "E-mailadres", "Woonplaats", "Startdatum" };
	for (int i = 0; i < 5; i++)
		worksheet_write_string(ws, 0, (lxw_col_t)i, head[i], NULL);
	worksheet_write_string(ws, 1, 0, "Jo\xc3\xabl", NULL);
	worksheet_write_string(ws, 1, 1, "de Vries", NULL);
	worksheet_write_string(ws, 1, 2, "joel@example.nl", NULL);
	worksheet_write_string(ws, 1, 3, "Dordrecht", NULL);
	worksheet_write_number(ws, 1, 4, 46082, NULL);
	worksheet_write_string(ws, 3, 0, "Kees", NULL);
	worksheet_write_formula(ws, 3, 1, "=A2", NULL);
	worksheet_write_string(ws, 3, 3, "Sliedrecht", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	static char data[65536];
	size_t len = fread(data, 1, sizeof data, in);
	fclose(in);
	data[len] = '\0';
	struct app app = test_app(f);
	seen = (struct seen){ 0 };
	rq = (struct import_request){ .organisation_id = f->org, .data = data, .len = len,
	                              .invite = true, .each = collect, .ctx = &seen };
	assert_int_equal(import_run(&app, f->db, &who, &rq, &err), KP_OK);
	check_counts(&rq, 1, 0, 0, 1, 1);
	assert_int_equal(seen.rows[2].row, 4);
	assert_string_equal(seen.rows[2].err.code, "formula_cell");
	struct volunteer *v = malloc(sizeof *v);
	assert_non_null(v);
	assert_int_equal(store_volunteer_get(f->db, seen.rows[0].id, false, v, &err),
	                 KP_OK);
	assert_string_equal(v->started_on, "2026-03-01");
	assert_string_equal(v->first_name, "Jo\xc3\xabl");
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_dry_run_reports_and_writes_nothing,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_real_run_is_idempotent_and_updates_changes,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_other_coordinator_is_refused, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_mapping_is_remembered, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_malformed_file_names_row_and_column,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_xlsx_workbook, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
