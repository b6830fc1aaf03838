/*
 * Importing a spreadsheet of volunteers through the API on a real server:
 * a messy file (a BOM, ';' separators, CRLF, Dutch diacritics, mixed date
 * forms, a repeated person, an empty row, a formula cell) in a dry run that
 * reports per row and writes nothing, then for real with invitations in the
 * outbox, then again with nothing changed; another organisation's
 * coordinator is refused with nothing written; a malformed file is refused
 * naming its row and column, and a file past the upload limit is refused
 * before it is read; `knooppunt import` reports the same per row.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/imports.h"
#include "import_support.h"
#include "../unit/import_messy.h"

struct import_fx {
	int64_t org, other;
	struct client co, other_co;
};

static void setup_fx(struct env *e, struct import_fx *f)
{
	f->org = fx_organisation(&e->admin, "Importorganisatie");
	f->other = fx_organisation(&e->admin, "Andere organisatie");
	fx_login(e, &f->co, "coordinator", f->org, 0);
	fx_login(e, &f->other_co, "coordinator", f->other, 0);
}

static json_t *upload(struct client *cl, const char *query, const char *data, size_t len,
                      long status)
{
	return import_upload(cl, "volunteers", query, data, len, status);
}

static int64_t volunteers_of(struct client *cl, int64_t org)
{
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers?organisation_id=%lld", (long long)org);
	return client_total(cl, path);
}

static void test_dry_run_then_real_then_again(void **state)
{
	struct env *e = *state;
	struct import_fx f;
	setup_fx(e, &f);
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = upload(&f.co, "?dry_run=true", messy, strlen(messy), 200);
	check_counts(doc, 4, 0, 0, 3, 1);
	json_t *rows = json_object_get(doc, "rows");
	assert_int_equal(json_array_size(rows), 8);
	json_t *formula = json_array_get(rows, 4);
	assert_int_equal(json_integer_value(json_object_get(formula, "row")), 6);
	assert_string_equal(json_str(formula, "action"), "refused");
	json_t *why = json_object_get(formula, "error");
	assert_string_equal(json_str(why, "code"), "formula_cell");
	assert_string_equal(json_str(why, "field"), "last_name");
	assert_non_null(strstr(json_str(why, "message"), "formule"));
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);
	assert_int_equal(volunteers_of(&f.co, f.org), 0);

	int64_t mails = count_rows(&e->srv, "outbox");
	doc = upload(&f.co, "", messy, strlen(messy), 201);
	check_counts(doc, 4, 0, 0, 3, 1);
	assert_int_equal(json_integer_value(json_object_get(doc, "invited")), 3);
	assert_int_equal(json_array_size(json_object_get(doc, "rows")), 3); /* the refused */
	json_decref(doc);
	assert_int_equal(volunteers_of(&f.co, f.org), 4);
	assert_int_equal(count_rows(&e->srv, "outbox"), mails + 3);
	char token[128];
	assert_int_equal(fx_mail_token(&e->srv, "anouk@example.nl", "/uitnodiging", token,
	                               sizeof token), 0);

	before = db_fingerprint(&e->srv);
	doc = upload(&f.co, "", messy, strlen(messy), 201);
	check_counts(doc, 0, 0, 4, 3, 1);
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);
	client_free(&f.co);
	client_free(&f.other_co);
}

static void test_other_coordinator_is_refused(void **state)
{
	struct env *e = *state;
	struct import_fx f;
	char query[64];
	setup_fx(e, &f);
	uint64_t before = db_fingerprint(&e->srv);
	snprintf(query, sizeof query, "?organisation_id=%lld", (long long)f.org);
	json_t *doc = upload(&f.other_co, query, messy, strlen(messy), 403);
	assert_problem(&f.other_co, doc, 403, NULL);
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);
	client_free(&f.co);
	client_free(&f.other_co);
}

static void test_malformed_and_too_large_files(void **state)
{
	struct env *e = *state;
	struct import_fx f;
	setup_fx(e, &f);
	uint64_t before = db_fingerprint(&e->srv);
	const char *bad = "Voornaam;Achternaam;Woonplaats\nA;B;Dordrecht\nC;\"D;Dordrecht\n";
	json_t *doc = upload(&f.co, "", bad, strlen(bad), 422);
	assert_problem(&f.co, doc, 422, "row 3, column 2");
	json_decref(doc);
	doc = upload(&f.co, "?dry_run=maybe", bad, strlen(bad), 400);
	json_decref(doc);
	size_t n = IMPORT_UPLOAD_MAX + 1;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, 'a', n);
	long status = 0;
	json_decref(client_raw(&f.co, "POST", "/api/imports/volunteers", big, n, "text/csv", true,
	                       &status));
	assert_int_equal(status, 413);
	free(big);
	assert_true(db_fingerprint(&e->srv) == before);
	client_free(&f.co);
	client_free(&f.other_co);
}

/* knooppunt import on the server's database: the dry run's lines per row and
   its summary, then the real run; no progress bar when stdout is no terminal. */
static void test_command_line(void **state)
{
	struct env *e = *state;
	struct import_fx f;
	setup_fx(e, &f);
	char file[300], cmd[2048], out[8192];
	snprintf(file, sizeof file, "%s/leden.csv", e->srv.dir);
	FILE *w = fopen(file, "wb");
	assert_non_null(w);
	fwrite(messy, 1, strlen(messy), w);
	fclose(w);
	const char *db = e->srv.db_url[0] ? e->srv.db_url : e->srv.sqlite_path;
	for (int real = 0; real < 2; real++) {
		snprintf(cmd, sizeof cmd, "'%s' import volunteers --db '%s' --file '%s' "
		         "--organisation %lld %s 2>&1", getenv("KNOOPPUNT_BIN"), db, file,
		         (long long)f.org, real ? "" : "--dry-run");
		FILE *p = popen(cmd, "r");
		assert_non_null(p);
		size_t n = fread(out, 1, sizeof out - 1, p);
		out[n] = '\0';
		assert_int_equal(pclose(p), 0);
		assert_null(strchr(out, '\r')); /* no progress bar */
		if (!real) {
			assert_non_null(strstr(out, "rij 2: wordt aangemaakt\n"));
			assert_non_null(strstr(out, "rij 6: wordt geweigerd: Het veld 'last_name' bevat "
			                            "een formule"));
			assert_non_null(strstr(out, "rij 7: wordt geweigerd: Deze rij beschrijft hetzelfde "
			                            "als rij 2."));
			assert_non_null(strstr(out, "Proefimport (er is niets opgeslagen): 4 nieuw, "
			                            "0 bijgewerkt, 0 ongewijzigd, 3 geweigerd, 1 lege rijen"));
			assert_int_equal(volunteers_of(&f.co, f.org), 0);
		} else {
			assert_null(strstr(out, "rij 2:"));
			/* the addresses got their accounts in the first test: nobody is invited twice */
			assert_non_null(strstr(out, "Import klaar: 4 nieuw, 0 bijgewerkt, 0 ongewijzigd, "
			                            "3 geweigerd, 1 lege rijen, 0 uitnodigingen"));
			assert_int_equal(volunteers_of(&f.co, f.org), 4);
		}
	}
	client_free(&f.co);
	client_free(&f.other_co);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dry_run_then_real_then_again),
		cmocka_unit_test(test_other_coordinator_is_refused),
		cmocka_unit_test(test_malformed_and_too_large_files),
		cmocka_unit_test(test_command_line),
	};
	return cmocka_run_group_tests(tests, env_setup, env_teardown);
}
