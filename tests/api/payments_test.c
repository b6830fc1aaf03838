/*
 * Paying volunteers through the API on a real server, with the clock fixed
 * at 2025-06-16: a bank account whose IBAN is checked (a wrong check digit
 * is refused, naming the field, writing nothing) and shown masked; the
 * treasurer's export of approved, unpaid claims of one organisation and
 * period as CSV, spreadsheet and SEPA file, the last validated against the
 * pain.001.001.03 schema with xmllint; only the organisation's coordinator
 * may export; a paid claim leaves the export, and so does a whole period
 * marked paid at once (only while its total is what was exported); the person's own export has
 * the account, erasure deletes it.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TODAY "2025-06-16"
#define GOOD_IBAN "NL91 ABNA 0417 1643 00"
#define BAD_IBAN "NL91ABNA0417164301"
#define ORG_IBAN "NL44RABO0123456789"

struct pay_fx {
	int64_t org, vol, other_vol;
	struct client co, self;
};

static void setup(struct env *e, struct pay_fx *f)
{
	f->org = fx_organisation(&e->admin, "Penningorganisatie");
	f->vol = fx_volunteer(&e->admin, f->org, "active");
	f->other_vol = fx_volunteer(&e->admin, f->org, "active");
	fx_login(e, &f->co, "coordinator", f->org, 0);
	fx_login(e, &f->self, "volunteer", 0, f->vol);
}

static void teardown(struct pay_fx *f)
{
	client_free(&f->co);
	client_free(&f->self);
}

/* A claim of vol by cl, decided by the coordinator with action ("" : none). */
static int64_t claim(struct pay_fx *f, struct client *cl, int64_t vol, const char *kind,
                     const char *date, int cents, const char *description, const char *action)
{
	char body[400], path[64];
	json_t *in = json_pack("{s:I, s:s, s:s, s:i, s:s}", "volunteer_id", (json_int_t)vol,
	                       "kind", kind, "incurred_on", date, "amount_cents", cents,
	                       "description", description);
	json_t *doc = expect_json(cl, "POST", "/api/expenses", in, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	if (action[0] != '\0') {
		snprintf(path, sizeof path, "/api/expenses/%lld", (long long)id);
		snprintf(body, sizeof body, "{\"action\":\"%s\",\"reason\":\"dubbel\"}", action);
		json_decref(expect(&f->co, "PATCH", path, body, 200));
	}
	return id;
}

static void iban_checked_and_masked(void **state)
{
	struct env *e = *state;
	struct pay_fx f;
	char path[96];
	setup(e, &f);
	snprintf(path, sizeof path, "/api/volunteers/%lld/bank-account", (long long)f.vol);
	json_t *doc = expect(&f.self, "GET", path, NULL, 200);
	assert_false(json_is_true(json_object_get(doc, "has_iban")));
	json_decref(doc);
	/* A wrong check digit, a wrong length, a character that is no letter or digit. */
	int64_t rows = count_rows(&e->srv, "bank_accounts");
	static const char *const bad[] = { BAD_IBAN, "NL91ABNA04171643", "NL91-ABNA-0417-1643-00",
		                           "9L91ABNA0417164300" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		json_t *in = json_pack("{s:s}", "iban", bad[i]);
		doc = expect_json(&f.self, "PUT", path, in, 422);
		assert_problem(&f.self, doc, 422, "iban");
		json_decref(doc);
	}
	assert_int_equal(count_rows(&e->srv, "bank_accounts"), rows);
	doc = expect(&f.self, "PUT", path, "{\"iban\":\"" GOOD_IBAN "\"}", 200);
	assert_true(json_is_true(json_object_get(doc, "has_iban")));
	assert_string_equal(json_str(doc, "iban"), "NL** **** **** **43 00");
	json_decref(doc);
	assert_int_equal(count_rows(&e->srv, "bank_accounts"), rows + 1);
	/* The coordinator sees it masked too; another volunteer not at all. */
	doc = expect(&f.co, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "iban"), "NL** **** **** **43 00");
	assert_null(strstr(f.co.raw, "0417"));
	json_decref(doc);
	struct client other;
	fx_login(e, &other, "volunteer", 0, f.other_vol);
	json_decref(expect(&other, "GET", path, NULL, 403));
	json_decref(expect(&other, "PUT", path, "{\"iban\":\"" GOOD_IBAN "\"}", 403));
	client_free(&other);
	/* The person's own export has it in full. */
	snprintf(path, sizeof path, "/api/volunteers/%lld/export", (long long)f.vol);
	doc = expect(&f.self, "GET", path, NULL, 200);
	assert_string_equal(json_str(json_object_get(doc, "bank_account"), "iban"),
	                    "NL91ABNA0417164300");
	json_decref(doc);
	/* Erasure deletes the account. */
	snprintf(path, sizeof path, "/api/volunteers/%lld/erasure", (long long)f.vol);
	json_decref(expect(&e->admin, "POST", path, "{\"reason\":\"verzoek\"}", 200));
	assert_int_equal(count_rows(&e->srv, "bank_accounts"), rows);
	teardown(&f);
}

/* Runs xmllint on xml against the schema in tests/sepa: its exit status. */
static int validate(const char *xml, size_t len)
{
	char file[] = "/tmp/knooppunt-pain-XXXXXX", cmd[1024];
	int fd = mkstemp(file);
	assert_true(fd >= 0);
	FILE *out = fdopen(fd, "w");
	assert_int_equal(fwrite(xml, 1, len, out), len);
	fclose(out);
	snprintf(cmd, sizeof cmd, "xmllint --noout --schema %s/tests/sepa/pain.001.001.03.xsd %s "
	         "2>/dev/null", getenv("KNOOPPUNT_SRC"), file);
	int rc = system(cmd);
	unlink(file);
	return rc;
}

static long get_raw(struct client *cl, const char *path)
{
	long status = 0;
	json_decref(client_raw(cl, "GET", path, NULL, 0, NULL, false, &status));
	return status;
}

static void treasurer_export(void **state)
{
	struct env *e = *state;
	struct pay_fx f;
	char path[160], base[96];
	setup(e, &f);
	snprintf(path, sizeof path, "/api/volunteers/%lld/bank-account", (long long)f.vol);
	json_decref(expect(&f.self, "PUT", path, "{\"iban\":\"" GOOD_IBAN "\",\"holder\":"
	                   "\"Zoë Ölçer-de Vries\"}", 200));
	int64_t paid = claim(&f, &f.self, f.vol, "public_transport", "2025-06-02", 420, "",
	                     "approve");
	claim(&f, &f.self, f.vol, "other", "2025-06-03", 1250, "Bloemen; voor \"De Wit\"",
	      "approve");
	claim(&f, &f.self, f.vol, "other", "2025-06-04", 999, "Nog niet beoordeeld", "");
	claim(&f, &f.self, f.vol, "other", "2025-06-05", 777, "Afgewezen", "reject");
	claim(&f, &f.self, f.vol, "other", "2025-05-31", 555, "Vorige periode", "approve");
	claim(&f, &f.co, f.other_vol, "public_transport", "2025-06-06", 310, "", "approve");
	snprintf(base, sizeof base, "/api/organisations/%lld/payments", (long long)f.org);

	/* CSV: ;-separated, names not ids, the IBAN in full, amounts with a comma. */
	snprintf(path, sizeof path, "%s.csv?from=2025-06-01&to=2025-06-30", base);
	assert_int_equal(get_raw(&f.co, path), 200);
	assert_string_equal(f.co.content_type, "text/csv; charset=utf-8");
	static const char header[] = "\xEF\xBB\xBFNaam;IBAN;Datum;Soort;Omschrijving;Bedrag\r\n";
	assert_memory_equal(f.co.raw, header, sizeof header - 1);
	assert_non_null(strstr(f.co.raw, "Zoë Ölçer-de Vries;NL91ABNA0417164300;2025-06-02;"
	                       "Openbaar vervoer;;4,20\r\n"));
	assert_non_null(strstr(f.co.raw, ";\"Bloemen; voor \"\"De Wit\"\"\";12,50\r\n"));
	assert_non_null(strstr(f.co.raw, " de Vries;;2025-06-06;Openbaar vervoer;;3,10\r\n"));
	assert_null(strstr(f.co.raw, "9,99"));
	assert_null(strstr(f.co.raw, "7,77"));
	assert_null(strstr(f.co.raw, "5,55"));

	/* The spreadsheet: a zip file. */
	snprintf(path, sizeof path, "%s.xlsx?from=2025-06-01&to=2025-06-30", base);
	assert_int_equal(get_raw(&f.co, path), 200);
	assert_string_equal(f.co.content_type,
	                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	assert_true(f.co.raw_len > 1000);
	assert_memory_equal(f.co.raw, "PK\x03\x04", 4);

	/* The SEPA file needs the account the organisation pays from. */
	snprintf(path, sizeof path, "%s.xml?from=2025-06-01&to=2025-06-30", base);
	json_t *doc = expect(&f.co, "GET", path, NULL, 409);
	assert_problem(&f.co, doc, 409, "iban");
	json_decref(doc);
	char account[96];
	snprintf(account, sizeof account, "/api/organisations/%lld/bank-account", (long long)f.org);
	doc = expect(&f.co, "PUT", account, "{\"iban\":\"NL45RABO0123456789\"}", 422);
	assert_problem(&f.co, doc, 422, "iban");
	json_decref(doc);
	doc = expect(&f.co, "PUT", account, "{\"iban\":\"" ORG_IBAN "\",\"bic\":\"RABONL2U\"}", 200);
	assert_string_equal(json_str(doc, "iban"), ORG_IBAN);
	json_decref(doc);
	assert_int_equal(get_raw(&f.co, path), 200);
	assert_int_equal(validate(f.co.raw, f.co.raw_len), 0);
	/* One transfer: the volunteer without an IBAN is left out of the file. */
	assert_non_null(strstr(f.co.raw, "<NbOfTxs>1</NbOfTxs><CtrlSum>16.70</CtrlSum>"));
	assert_non_null(strstr(f.co.raw, "<Cdtr><Nm>Zoe Olcer-de Vries</Nm></Cdtr>"));
	assert_non_null(strstr(f.co.raw, "<IBAN>NL91ABNA0417164300</IBAN>"));
	assert_non_null(strstr(f.co.raw, "<DbtrAcct><Id><IBAN>" ORG_IBAN "</IBAN>"));
	assert_non_null(strstr(f.co.raw, "<ReqdExctnDt>" TODAY "</ReqdExctnDt>"));
	/* The schema check can fail: a file with a wrong charge bearer does. */
	char *broken = strstr(f.co.raw, "SLEV");
	assert_non_null(broken);
	memcpy(broken, "SHAR", 4);
	assert_int_not_equal(validate(f.co.raw, f.co.raw_len), 0);

	/* Who may export: the coordinator of the organisation only. */
	struct client other_co;
	fx_login(e, &other_co, "coordinator", fx_organisation(&e->admin, "Andere"), 0);
	snprintf(path, sizeof path, "%s.csv?from=2025-06-01&to=2025-06-30", base);
	assert_int_equal(get_raw(&other_co, path), 403);
	assert_int_equal(get_raw(&e->admin, path), 403);
	assert_int_equal(get_raw(&f.self, path), 403);
	json_decref(expect(&other_co, "GET", account, NULL, 403));
	client_free(&other_co);

	/* A bad period names its field. */
	snprintf(path, sizeof path, "%s.csv?from=2025-06-30&to=2025-06-01", base);
	doc = expect(&f.co, "GET", path, NULL, 422);
	assert_problem(&f.co, doc, 422, "to");
	json_decref(doc);
	snprintf(path, sizeof path, "%s.xml?from=2025-06-01&to=2025-06-30&execute_on=2025-06-01",
	         base);
	doc = expect(&f.co, "GET", path, NULL, 422);
	assert_problem(&f.co, doc, 422, "execute_on");
	json_decref(doc);
	snprintf(path, sizeof path, "%s.csv?to=2025-06-31", base);
	json_decref(expect(&f.co, "GET", path, NULL, 400));
	/* Without a period: everything approved and unpaid up to today. */
	snprintf(path, sizeof path, "%s.csv", base);
	assert_int_equal(get_raw(&f.co, path), 200);
	assert_non_null(strstr(f.co.raw, ";5,55\r\n"));

	/* Marking paid is a step of its own; a paid claim leaves the export. */
	snprintf(path, sizeof path, "/api/expenses/%lld", (long long)paid);
	json_decref(expect(&f.co, "PATCH", path, "{\"action\":\"pay\"}", 200));
	snprintf(path, sizeof path, "%s.csv?from=2025-06-01&to=2025-06-30", base);
	assert_int_equal(get_raw(&f.co, path), 200);
	assert_null(strstr(f.co.raw, "4,20"));
	assert_non_null(strstr(f.co.raw, "12,50"));

	/* Or the whole period at once, when the total is still what was exported. */
	snprintf(path, sizeof path, "%s?from=2025-06-01&to=2025-06-30", base);
	doc = expect(&f.co, "GET", path, NULL, 200);
	assert_int_equal(json_id(doc, "claims"), 2);
	assert_int_equal(json_id(doc, "total_cents"), 1560);
	assert_int_equal(json_id(doc, "volunteers"), 2);
	assert_int_equal(json_id(doc, "without_iban"), 1);
	json_decref(doc);
	snprintf(path, sizeof path, "%s/paid", base);
	static const char period[] = "{\"from\":\"2025-06-01\",\"to\":\"2025-06-30\",";
	char body[160];
	snprintf(body, sizeof body, "%s\"total_cents\":1980}", period);
	doc = expect(&f.co, "POST", path, body, 409);
	assert_problem(&f.co, doc, 409, "total_cents");
	json_decref(doc);
	snprintf(body, sizeof body, "%s\"total_cents\":1560}", period);
	json_decref(expect(&f.self, "POST", path, body, 403));
	doc = expect(&f.co, "POST", path, body, 200);
	assert_int_equal(json_id(doc, "claims"), 2);
	json_decref(doc);
	snprintf(path, sizeof path, "%s.csv?from=2025-06-01&to=2025-06-30", base);
	assert_int_equal(get_raw(&f.co, path), 200);
	assert_null(strstr(f.co.raw, "12,50"));
	assert_null(strstr(f.co.raw, "3,10"));
	snprintf(path, sizeof path, "/api/expenses?volunteer_id=%lld&status=paid", (long long)f.vol);
	doc = expect(&f.co, "GET", path, NULL, 200);
	assert_int_equal(json_id(doc, "total"), 2);
	json_decref(doc);
	teardown(&f);
}

int main(void)
{
	setenv("KNOOPPUNT_NOW", TODAY, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iban_checked_and_masked),
		cmocka_unit_test(treasurer_export),
	};
	return cmocka_run_group_tests_name("payments", tests, env_setup, env_teardown);
}
