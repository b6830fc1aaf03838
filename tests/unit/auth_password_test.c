/* Tests for src/auth/password.c: argon2id hashes, random tokens, token
   hashes and the constant-time comparison. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "auth/password.h"

static int setup(void **state)
{
	(void)state;
	return password_init();
}

static void hash_and_verify(void **state)
{
	(void)state;
	char h1[PASSWORD_HASH_MAX], h2[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("geheim12345", h1), 0);
	assert_int_equal(strncmp(h1, "$argon2id$", 10), 0);
	assert_true(strlen(h1) < PASSWORD_HASH_MAX);
	assert_true(password_verify("geheim12345", h1));
	/* a fresh salt every time */
	assert_int_equal(password_hash("geheim12345", h2), 0);
	assert_string_not_equal(h1, h2);
	assert_true(password_verify("geheim12345", h2));
}

static void wrong_password_refused(void **state)
{
	(void)state;
	char h[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("coördinator-2026", h), 0);
	assert_true(password_verify("coördinator-2026", h));
	assert_false(password_verify("coordinator-2026", h));
	assert_false(password_verify("coördinator-2026 ", h));
	assert_false(password_verify("Coördinator-2026", h));
	assert_false(password_verify("", h));
}

static void garbage_hash_refused(void **state)
{
	(void)state;
	assert_false(password_verify("geheim12345", ""));
	assert_false(password_verify("geheim12345", "geheim12345"));
	assert_false(password_verify("geheim12345", "$argon2id$v=19$m=65536,t=2,p=1$xx$yy"));
}

static void long_password(void **state)
{
	(void)state;
	char pw[PASSWORD_MAX + 1], h[PASSWORD_HASH_MAX];
	memset(pw, 'p', PASSWORD_MAX);
	pw[PASSWORD_MAX] = '\0';
	assert_int_equal(password_hash(pw, h), 0);
	assert_true(password_verify(pw, h));
	pw[PASSWORD_MAX - 1] = 'q';
	assert_false(password_verify(pw, h));
}

static bool base64url(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	return true;
}

static void tokens_unique_and_well_formed(void **state)
{
	(void)state;
	enum { N = 200 };
	static char tokens[N][TOKEN_TEXT_LEN + 1];
	for (int i = 0; i < N; i++) {
		token_generate(tokens[i]);
		assert_int_equal(strlen(tokens[i]), TOKEN_TEXT_LEN);
		assert_true(base64url(tokens[i]));
		for (int j = 0; j < i; j++)
			assert_string_not_equal(tokens[i], tokens[j]);
	}
}

static void token_hash_stable_and_distinct(void **state)
{
	(void)state;
	char a[65], b[65], c[65];
	token_hash("abc", a);
	token_hash("abc", b);
	token_hash("abd", c);
	assert_int_equal(strlen(a), 64);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	for (int i = 0; i < 64; i++)
		assert_non_null(strchr("0123456789abcdef", a[i]));
	/* BLAKE2b-256 of "abc": a known answer, so the stored hashes stay valid */
	assert_string_equal(a, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

static void secret_equal_cases(void **state)
{
	(void)state;
	assert_true(secret_equal("abc", "abc"));
	assert_false(secret_equal("abc", "abd"));
	assert_false(secret_equal("abc", "abcd"));
	assert_false(secret_equal("abcd", "abc"));
	assert_false(secret_equal("abc", ""));
	assert_false(secret_equal("", "abc"));
	/* an empty secret never matches: a session without CSRF token stays locked */
	assert_false(secret_equal("", ""));
	char t[TOKEN_TEXT_LEN + 1], u[TOKEN_TEXT_LEN + 1];
	token_generate(t);
	memcpy(u, t, sizeof t);
	assert_true(secret_equal(t, u));
	u[TOKEN_TEXT_LEN - 1] ^= 1;
	assert_false(secret_equal(t, u));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hash_and_verify),
		cmocka_unit_test(wrong_password_refused),
		cmocka_unit_test(garbage_hash_refused),
		cmocka_unit_test(long_password),
		cmocka_unit_test(tokens_unique_and_well_formed),
		cmocka_unit_test(token_hash_stable_and_distinct),
		cmocka_unit_test(secret_equal_cases),
	};
	return cmocka_run_group_tests_name("auth_password", tests, setup, NULL);
}
