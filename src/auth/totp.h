/*
 * Time-based one-time passwords (RFC 6238) through liboath: 6 digits, a
 * 30-second step, SHA-1, as every authenticator app reads an otpauth:// URI.
 * A code of the step before or after the current one is accepted too (clock
 * skew); the step it matched is returned so that the caller can refuse a
 * code used before (store_totp_accept).
 *
 * Secrets are TOTP_SECRET_BYTES random bytes from libsodium. At rest they
 * are sealed with the server's secret key (libsodium's secretbox:
 * XSalsa20-Poly1305), so that a copy of the database alone does not give
 * anyone the second factor. The functions here hold no state besides
 * liboath's one-time initialisation; every buffer belongs to the caller, who
 * wipes secrets with sodium_memzero.
 */
#ifndef KP_AUTH_TOTP_H
#define KP_AUTH_TOTP_H

#include <stddef.h>
#include <stdint.h>

#define TOTP_SECRET_BYTES 20
#define TOTP_BASE32_CAP 40     /* base32 of the secret (32 characters) and its NUL */
#define TOTP_HEX_CAP (TOTP_SECRET_BYTES * 2 + 1)
#define TOTP_DIGITS 6
#define TOTP_STEP 30
#define TOTP_KEY_BYTES 32       /* the server's secret key (crypto_secretbox_KEYBYTES) */
#define TOTP_SEALED_CAP 160     /* "s1:" + hex of nonce, secret and tag, and the NUL */

/* Seals secret hex with key into out ("s1:…"); 0, or -1 when hex is malformed. */
int totp_seal(const unsigned char key[TOTP_KEY_BYTES], const char *hex,
              char out[TOTP_SEALED_CAP]);

/* The secret hex of what totp_seal stored (a secret stored before sealing,
   plain hex, is read as it is); -1 when it was sealed with another key or
   is damaged. */
int totp_open(const unsigned char key[TOTP_KEY_BYTES], const char *stored,
              char hex[TOTP_HEX_CAP]);

/* Fills hex with the hex text of a new random secret. */
void totp_secret_new(char hex[TOTP_HEX_CAP]);

/* The base32 text (no padding) of the secret hex; -1 when hex is malformed. */
int totp_base32(const char *hex, char out[TOTP_BASE32_CAP]);

/* 0 with *step the time step it belongs to when code is the code of secret
   hex at now or one step either side; -1 otherwise (also for anything that
   is not six digits). */
int totp_check(const char *hex, int64_t now, const char *code, int64_t *step);

/* The code of secret hex at time now (for tests and the command line). */
int totp_code(const char *hex, int64_t now, char out[TOTP_DIGITS + 1]);

#endif
