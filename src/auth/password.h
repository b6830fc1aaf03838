/*
 * Password hashing with argon2id (libsodium's crypto_pwhash_str), and the
 * random tokens used for sessions and CSRF.
 */
#ifndef KP_AUTH_PASSWORD_H
#define KP_AUTH_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_MIN 10
#define PASSWORD_MAX 128
#define PASSWORD_HASH_MAX 128   /* crypto_pwhash_STRBYTES */
#define TOKEN_TEXT_LEN 43       /* 32 random bytes, base64url without padding */

/* Must be called once before any other call here; returns -1 on failure. */
int password_init(void);

/* Hashes a password into out (PASSWORD_HASH_MAX bytes); returns 0 or -1. */
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);

/* True when password matches the stored hash (constant time in libsodium). */
bool password_verify(const char *password, const char *hash);

/* Writes a fresh random token (TOKEN_TEXT_LEN chars + NUL). */
void token_generate(char out[TOKEN_TEXT_LEN + 1]);

/* Writes the hex hash of a token (64 chars + NUL), as stored in the database. */
void token_hash(const char *token, char out[65]);

/* Constant-time comparison of two NUL-terminated secrets. */
bool secret_equal(const char *a, const char *b);

#endif
