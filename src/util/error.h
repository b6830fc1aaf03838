/*
 * An error that the caller owns and fills in on failure.
 *
 * Functions that can fail take a `struct kp_error *` and return a negative
 * status (KP_ERR) with the error filled in, or KP_OK with it untouched.
 * `code` is a stable machine key (see src/util/messages.c for the Dutch and
 * English texts), `field` names the offending input field when there is one,
 * and `limit` carries the number a message may quote ("maximaal 200 tekens").
 * The HTTP layer turns a filled-in error into an application/problem+json answer.
 */
#ifndef KP_UTIL_ERROR_H
#define KP_UTIL_ERROR_H

enum { KP_OK = 0, KP_ERR = -1 };

struct kp_error {
	int status;        /* HTTP status this maps to; 0 while no error */
	char code[32];     /* machine key, e.g. "too_long" */
	char field[64];    /* offending input field, "" when none */
	long long limit;   /* number quoted by the message, 0 when none */
	char detail[256];  /* optional extra text (already user-facing) */
};

/* Fills in err (when not NULL) and returns KP_ERR. */
int kp_fail(struct kp_error *err, int status, const char *code, const char *field);

/* As kp_fail, with a limit to quote. */
int kp_fail_limit(struct kp_error *err, int status, const char *code, const char *field,
                  long long limit);

/* As kp_fail, with an extra detail text (printf-style). */
int kp_fail_detail(struct kp_error *err, int status, const char *code, const char *field,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Shorthands for the common cases. */
#define kp_invalid(err, field, code) kp_fail((err), 422, (code), (field))
#define kp_internal(err) kp_fail((err), 500, "internal", "")

#endif
