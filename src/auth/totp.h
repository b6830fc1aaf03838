/*
 * Time-based one-time passwords (RFC 6238) through liboath: 6 digits, a
 * 30-second step, SHA-1, as every authenticator app reads an otpauth:// URI.
 * A code of the step before or after the current one is accepted too (clock
 * skew); the step it matched is returned so that the caller can refuse a
 * code used before (store_totp_accept).
 *
 * Secrets are TOTP_SECRET_BYTES random bytes from libsodium. The functions
 * here hold no state besides liboath's one-time initialisation; every buffer
 * belongs to the caller, who wipes secrets with sodium_memzero.
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
