/* Tests for src/auth/totp.c: sealing a secret at rest and opening it again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "auth/totp.h"

static const unsigned char key[TOTP_KEY_BYTES] = { 1, 2, 3, 4, 5, 6, 7, 8 };

static void sealed_opens_with_its_key_only(void **state)
{
	(void)state;
	char hex[TOTP_HEX_CAP], sealed[TOTP_SEALED_CAP], again[TOTP_SEALED_CAP];
	char opened[TOTP_HEX_CAP];
	unsigned char other[TOTP_KEY_BYTES] = { 9 };
	totp_secret_new(hex);
	assert_int_equal(totp_seal(key, hex, sealed), 0);
	assert_int_equal(strncmp(sealed, "s1:", 3), 0);
	assert_null(strstr(sealed, hex));
	assert_int_equal(totp_open(key, sealed, opened), 0);
	assert_string_equal(opened, hex);
	/* a fresh nonce each time: the same secret never looks the same */
	assert_int_equal(totp_seal(key, hex, again), 0);
	assert_string_not_equal(again, sealed);
	assert_int_equal(totp_open(other, sealed, opened), -1);
	sealed[10] = sealed[10] == 'a' ? 'b' : 'a'; /* damaged */
	assert_int_equal(totp_open(key, sealed, opened), -1);
}

static void plain_hex_from_before_sealing_is_read(void **state)
{
	(void)state;
	char hex[TOTP_HEX_CAP], opened[TOTP_HEX_CAP], sealed[TOTP_SEALED_CAP];
	totp_secret_new(hex);
	assert_int_equal(totp_open(key, hex, opened), 0);
	assert_string_equal(opened, hex);
	assert_int_equal(totp_open(key, "abc", opened), -1);
	assert_int_equal(totp_seal(key, "not hex", sealed), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sealed_opens_with_its_key_only),
		cmocka_unit_test(plain_hex_from_before_sealing_is_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
