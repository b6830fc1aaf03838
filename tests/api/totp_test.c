/*
 * Two-factor sign-in against a real server: turning it on with a code,
 * logging in with the second step, refusing wrong and used codes, turning it
 * off, the network's rule that forces enrolment, and wrong codes counting in
 * the login limit. Codes are computed here with liboath from the secret the
 * server hands out, as an authenticator app would.
 */
#include "support.h"

#include "db/db.h"

#include <liboath/oath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Not too close to the end of a 30-second step, so that "now" stays now. */
static void fresh_step(void)
{
	if (time(NULL) % 30 >= 26)
		sleep(5);
}

/* The code of base32 secret at now + offset seconds. */
static void code_at(const char *secret, int offset, char out[7])
{
	char *raw = NULL;
	size_t len = 0;
	assert_int_equal(oath_init(), OATH_OK);
	assert_int_equal(oath_base32_decode(secret, strlen(secret), &raw, &len), OATH_OK);
	assert_int_equal(oath_totp_generate(raw, len, time(NULL) + offset, 30, 0, 6, out),
	                 OATH_OK);
	free(raw);
}

static void coordinator(struct env *e, char *mail, size_t cap)
{
	int64_t org = fx_organisation(&e->admin, "Tweestaps");
	fx_email(&e->srv, "tweestaps", mail, cap);
	fx_account(&e->admin, "coordinator", mail, org, 0);
}

/* Turns TOTP on for the logged-in client with the previous step's code;
   the secret in out. */
static void enrol(struct client *cl, char *secret, size_t cap)
{
	char body[64], code[7];
	json_t *doc = expect(cl, "POST", "/api/me/totp", "{}", 201);
	snprintf(secret, cap, "%s", json_str(doc, "secret"));
	assert_int_equal(strlen(secret), 32);
	assert_non_null(strstr(json_str(doc, "uri"), "otpauth://totp/Knooppunt:"));
	assert_non_null(strstr(json_str(doc, "uri"), "&issuer=Knooppunt"));
	/* The same address as a QR code to scan (util_qr_test reads one back). */
	json_t *qr = json_object_get(doc, "qr");
	assert_true(json_integer_value(json_object_get(qr, "size")) >= 29);
	assert_int_equal(strncmp(json_string_value(json_object_get(qr, "path")), "M4 4h7", 6), 0);
	json_decref(doc);
	code_at(secret, -30, code);
	snprintf(body, sizeof body, "{\"code\":\"%s\"}", code);
	json_decref(expect(cl, "POST", "/api/me/totp/confirm", body, 200));
}

/* Logs in with the password; the challenge of the answer in out. */
static void password_step(struct client *cl, const char *mail, const char *flag, char *out,
                          size_t cap)
{
	char body[256];
	snprintf(body, sizeof body, "{\"email\":\"%s\",\"password\":\"%s\"}", mail, FX_PASSWORD);
	json_t *doc = expect(cl, "POST", "/api/session", body, 200);
	assert_true(json_is_true(json_object_get(doc, flag)));
	assert_null(json_object_get(doc, "csrf_token"));
	snprintf(out, cap, "%s", json_str(doc, "challenge"));
	json_decref(doc);
	json_decref(expect(cl, "GET", "/api/session", NULL, 401));
}

static json_t *code_step(struct client *cl, const char *challenge, const char *code,
                         long status)
{
	char body[256];
	snprintf(body, sizeof body, "{\"challenge\":\"%s\",\"code\":\"%s\"}", challenge, code);
	json_t *doc = expect(cl, "POST", "/api/session/totp", body, status);
	if (status == 201)
		snprintf(cl->csrf, sizeof cl->csrf, "%s", json_str(doc, "csrf_token"));
	return doc;
}

/* Every stored secret, read directly from the database: none in the clear. */
static void secrets_are_sealed_at_rest(void **state)
{
	struct env *e = *state;
	char mail[64], secret[64];
	struct client co;
	coordinator(e, mail, sizeof mail);
	client_init(&co, &e->srv);
	assert_int_equal(client_login(&co, mail, FX_PASSWORD), 201);
	enrol(&co, secret, sizeof secret);
	client_free(&co);
	struct db *db = NULL;
	struct db_stmt *st = NULL;
	struct kp_error err = { 0 };
	const struct server *s = &e->srv;
	assert_int_equal(db_open(s->db_url[0] ? s->db_url : s->sqlite_path, &db, &err), KP_OK);
	assert_int_equal(db_prepare(db, "SELECT secret FROM account_totp", &st, &err), KP_OK);
	int rows = 0;
	while (db_step(st, &err) == DB_ROW) {
		assert_int_equal(strncmp(db_col_text(st, 0), "s1:", 3), 0);
		rows++;
	}
	assert_true(rows >= 1);
	db_finalize(st);
	db_close(db);
}

static void login_needs_code_once(void **state)
{
	struct env *e = *state;
	char mail[64], secret[64], code[7], wrong[7], challenge[128];
	struct client co, second;
	fresh_step();
	coordinator(e, mail, sizeof mail);
	client_init(&co, &e->srv);
	assert_int_equal(client_login(&co, mail, FX_PASSWORD), 201);

	/* A wrong code does not turn it on. */
	json_t *doc = expect(&co, "POST", "/api/me/totp", "{}", 201);
	snprintf(secret, sizeof secret, "%s", json_str(doc, "secret"));
	json_decref(doc);
	code_at(secret, 0, code);
	snprintf(wrong, sizeof wrong, "%s", code);
	wrong[5] = (char)(wrong[5] == '9' ? '0' : wrong[5] + 1);
	char body[64];
	snprintf(body, sizeof body, "{\"code\":\"%s\"}", wrong);
	doc = expect(&co, "POST", "/api/me/totp/confirm", body, 422);
	assert_problem(&co, doc, 422, "code");
	json_decref(doc);
	doc = expect(&co, "GET", "/api/me/totp", NULL, 200);
	assert_true(json_is_false(json_object_get(doc, "enabled")));
	assert_true(json_is_true(json_object_get(doc, "pending")));
	json_decref(doc);
	enrol(&co, secret, sizeof secret);
	doc = expect(&co, "GET", "/api/me/totp", NULL, 200);
	assert_true(json_is_true(json_object_get(doc, "enabled")));
	json_decref(doc);

	/* The password alone opens no session; a wrong code is refused. */
	client_init(&second, &e->srv);
	password_step(&second, mail, "totp_required", challenge, sizeof challenge);
	code_at(secret, 0, code);
	snprintf(wrong, sizeof wrong, "%s", code);
	wrong[5] = (char)(wrong[5] == '9' ? '0' : wrong[5] + 1);
	doc = code_step(&second, challenge, wrong, 422);
	assert_problem(&second, doc, 422, "code");
	/* Every role logs in here, so the text addresses nobody (docs/copy.md). */
	assert_non_null(strstr(json_str(doc, "detail"), "Vul de code in die de app nu toont."));
	json_decref(doc);
	json_decref(expect(&second, "GET", "/api/session", NULL, 401));
	json_decref(code_step(&second, challenge, code, 201));
	json_decref(expect(&second, "GET", "/api/session", NULL, 200));
	/* The challenge is used up. */
	doc = code_step(&second, challenge, code, 422);
	assert_problem(&second, doc, 422, "challenge");
	json_decref(doc);

	/* The same code again is refused; the next step's code is taken. */
	client_free(&second);
	client_init(&second, &e->srv);
	password_step(&second, mail, "totp_required", challenge, sizeof challenge);
	doc = code_step(&second, challenge, code, 422);
	assert_problem(&second, doc, 422, "code");
	assert_string_equal(json_str(doc, "code"), "totp_used");
	json_decref(doc);
	code_at(secret, 30, code);
	json_decref(code_step(&second, challenge, code, 201));
	client_free(&second);
	client_free(&co);
}

static void turn_off_with_a_code(void **state)
{
	struct env *e = *state;
	char mail[64], secret[64], code[7], body[64];
	struct client co;
	fresh_step();
	coordinator(e, mail, sizeof mail);
	client_init(&co, &e->srv);
	assert_int_equal(client_login(&co, mail, FX_PASSWORD), 201);
	enrol(&co, secret, sizeof secret);
	json_t *doc = expect(&co, "DELETE", "/api/me/totp", "{\"code\":\"12345\"}", 422);
	assert_problem(&co, doc, 422, "code");
	json_decref(doc);
	code_at(secret, 0, code);
	snprintf(body, sizeof body, "{\"code\":\"%s\"}", code);
	json_decref(expect(&co, "DELETE", "/api/me/totp", body, 200));
	client_free(&co);
	client_init(&co, &e->srv);
	assert_int_equal(client_login(&co, mail, FX_PASSWORD), 201);
	client_free(&co);
}

static void network_rule_forces_enrolment(void **state)
{
	struct env *e = *state;
	char mail[64], secret[64], code[7], challenge[128], body[160], vmail[64];
	struct client co;
	fresh_step();
	coordinator(e, mail, sizeof mail);
	int64_t org = fx_organisation(&e->admin, "Gewoon");
	fx_email(&e->srv, "medewerker", vmail, sizeof vmail);
	fx_account(&e->admin, "professional", vmail, org, 0);
	json_t *doc = expect(&e->admin, "PATCH", "/api/network", "{\"totp_required\":true}", 200);
	assert_true(json_is_true(json_object_get(doc, "totp_required")));
	json_decref(doc);

	client_init(&co, &e->srv);
	password_step(&co, mail, "totp_enrolment_required", challenge, sizeof challenge);
	/* The challenge is no session: the own settings stay closed. */
	json_decref(expect(&co, "POST", "/api/me/totp", "{}", 401));
	snprintf(body, sizeof body, "{\"challenge\":\"%s\"}", challenge);
	doc = expect(&co, "POST", "/api/session/totp/enrol", body, 201);
	snprintf(secret, sizeof secret, "%s", json_str(doc, "secret"));
	json_decref(doc);
	code_at(secret, 0, code);
	json_decref(code_step(&co, challenge, code, 201));
	doc = expect(&co, "GET", "/api/me/totp", NULL, 200);
	assert_true(json_is_true(json_object_get(doc, "enabled")));
	assert_true(json_is_true(json_object_get(doc, "required")));
	json_decref(doc);
	code_at(secret, 30, code);
	snprintf(body, sizeof body, "{\"code\":\"%s\"}", code);
	doc = expect(&co, "DELETE", "/api/me/totp", body, 409);
	assert_string_equal(json_str(doc, "code"), "totp_required");
	json_decref(doc);
	client_free(&co);

	/* Other roles log in as before; an unknown challenge gets nothing. */
	client_init(&co, &e->srv);
	assert_int_equal(client_login(&co, vmail, FX_PASSWORD), 201);
	client_free(&co);
	client_init(&co, &e->srv);
	doc = expect(&co, "POST", "/api/session/totp/enrol",
	             "{\"challenge\":\"bestaat-niet-bestaat-niet-bestaat-niet-12345\"}", 422);
	assert_problem(&co, doc, 422, "challenge");
	json_decref(doc);
	client_free(&co);
	json_decref(expect(&e->admin, "PATCH", "/api/network", "{\"totp_required\":false}", 200));
}

/* Last: it uses up the failures of the test client's address. */
static void wrong_codes_count_in_the_login_limit(void **state)
{
	struct env *e = *state;
	char mail[64], secret[64], code[7], challenge[128];
	struct client co;
	fresh_step();
	coordinator(e, mail, sizeof mail);
	client_init(&co, &e->srv);
	assert_int_equal(client_login(&co, mail, FX_PASSWORD), 201);
	enrol(&co, secret, sizeof secret);
	client_free(&co);
	client_init(&co, &e->srv);
	password_step(&co, mail, "totp_required", challenge, sizeof challenge);
	long status = 0;
	int tries = 0;
	for (; tries < 6 && status != 429; tries++) {
		char body[160];
		snprintf(body, sizeof body, "{\"challenge\":\"%s\",\"code\":\"000000\"}",
		         challenge);
		json_decref(client_request(&co, "POST", "/api/session/totp", body, &status));
	}
	assert_int_equal(status, 429);
	code_at(secret, 0, code);
	json_decref(code_step(&co, challenge, code, 429));
	client_free(&co);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(secrets_are_sealed_at_rest),
		cmocka_unit_test(login_needs_code_once),
		cmocka_unit_test(turn_off_with_a_code),
		cmocka_unit_test(network_rule_forces_enrolment),
		cmocka_unit_test(wrong_codes_count_in_the_login_limit),
	};
	return cmocka_run_group_tests_name("totp", tests, env_setup, env_teardown);
}
