/* TOTP through liboath (totp.h). */
#include "auth/totp.h"

#include <liboath/oath.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_oath(void)
{
	oath_init();
}

void totp_secret_new(char hex[TOTP_HEX_CAP])
{
	unsigned char raw[TOTP_SECRET_BYTES];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(hex, TOTP_HEX_CAP, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
}

static int raw_of(const char *hex, unsigned char raw[TOTP_SECRET_BYTES])
{
	size_t n = 0;
	pthread_once(&once, init_oath);
	if (strlen(hex) != TOTP_SECRET_BYTES * 2 ||
	    sodium_hex2bin(raw, TOTP_SECRET_BYTES, hex, strlen(hex), NULL, &n, NULL) != 0 ||
	    n != TOTP_SECRET_BYTES)
		return -1;
	return 0;
}

int totp_base32(const char *hex, char out[TOTP_BASE32_CAP])
{
	unsigned char raw[TOTP_SECRET_BYTES];
	char *text = NULL;
	size_t len = 0;
	int rc = -1;
	out[0] = '\0';
	if (raw_of(hex, raw) == 0 &&
	    oath_base32_encode((const char *)raw, sizeof raw, &text, &len) == OATH_OK &&
	    len < TOTP_BASE32_CAP) {
		while (len > 0 && text[len - 1] == '=')
			len--;
		memcpy(out, text, len);
		out[len] = '\0';
		rc = 0;
	}
	if (text != NULL) {
		sodium_memzero(text, strlen(text));
		free(text);
	}
	sodium_memzero(raw, sizeof raw);
	return rc;
}

int totp_check(const char *hex, int64_t now, const char *code, int64_t *step)
{
	unsigned char raw[TOTP_SECRET_BYTES];
	uint64_t counter = 0;
	int pos = 0;
	if (code == NULL || strlen(code) != TOTP_DIGITS ||
	    strspn(code, "0123456789") != TOTP_DIGITS || raw_of(hex, raw) != 0)
		return -1;
	int rc = oath_totp_validate3((const char *)raw, sizeof raw, (time_t)now, TOTP_STEP,
	                             OATH_TOTP_DEFAULT_START_TIME, 1, &pos, &counter, code);
	sodium_memzero(raw, sizeof raw);
	if (rc < 0)
		return -1;
	*step = (int64_t)counter;
	return 0;
}

int totp_code(const char *hex, int64_t now, char out[TOTP_DIGITS + 1])
{
	unsigned char raw[TOTP_SECRET_BYTES];
	if (raw_of(hex, raw) != 0)
		return -1;
	int rc = oath_totp_generate((const char *)raw, sizeof raw, (time_t)now, TOTP_STEP,
	                            OATH_TOTP_DEFAULT_START_TIME, TOTP_DIGITS, out);
	sodium_memzero(raw, sizeof raw);
	return rc == OATH_OK ? 0 : -1;
}

#define SEAL_PREFIX "s1:"

int totp_seal(const unsigned char key[TOTP_KEY_BYTES], const char *hex,
              char out[TOTP_SEALED_CAP])
{
	unsigned char secret[TOTP_SECRET_BYTES];
	unsigned char box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
	                  TOTP_SECRET_BYTES];
	size_t n = 0;
	if (sodium_hex2bin(secret, sizeof secret, hex, strlen(hex), NULL, &n, NULL) != 0 ||
	    n != sizeof secret)
		return -1;
	randombytes_buf(box, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES, secret, sizeof secret, box, key);
	sodium_memzero(secret, sizeof secret);
	memcpy(out, SEAL_PREFIX, sizeof SEAL_PREFIX);
	sodium_bin2hex(out + strlen(SEAL_PREFIX), TOTP_SEALED_CAP - strlen(SEAL_PREFIX), box,
	               sizeof box);
	return 0;
}

int totp_open(const unsigned char key[TOTP_KEY_BYTES], const char *stored,
              char hex[TOTP_HEX_CAP])
{
	unsigned char secret[TOTP_SECRET_BYTES];
	unsigned char box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
	                  TOTP_SECRET_BYTES];
	size_t n = 0;
	if (strncmp(stored, SEAL_PREFIX, strlen(SEAL_PREFIX)) != 0) {
		if (strlen(stored) != TOTP_HEX_CAP - 1)
			return -1;
		memcpy(hex, stored, TOTP_HEX_CAP);
		return 0;
	}
	stored += strlen(SEAL_PREFIX);
	if (sodium_hex2bin(box, sizeof box, stored, strlen(stored), NULL, &n, NULL) != 0 ||
	    n != sizeof box ||
	    crypto_secretbox_open_easy(secret, box + crypto_secretbox_NONCEBYTES,
	                               sizeof box - crypto_secretbox_NONCEBYTES, box, key) != 0)
		return -1;
	sodium_bin2hex(hex, TOTP_HEX_CAP, secret, sizeof secret);
	sodium_memzero(secret, sizeof secret);
	return 0;
}
