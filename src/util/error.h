/*
 * An error that the caller owns and fills in on failure.
 *
 * Functions that can fail take a `struct kp_error *` and return a negative
 * status (KP_ERR) with the error filled in, or KP_OK with it untouched.
 * `kind` says what went wrong in neutral terms; only src/api/ turns a kind
 * into an HTTP status (api_status_of_kind). `code` is a stable machine key
 * (see src/util/messages.c for the Dutch and English texts), `field` names
 * the offending input field when there is one, and `limit` carries the
 * number a message may quote ("maximaal 200 tekens").
 */
#ifndef KP_UTIL_ERROR_H
#define KP_UTIL_ERROR_H

#include <stdbool.h>

enum { KP_OK = 0, KP_ERR = -1 };

enum kp_kind {
	KP_NONE = 0,        /* no error */
	KP_INVALID,         /* the input breaks a rule of the model; `field` says which */
	KP_MALFORMED,       /* the request cannot be read (bad JSON, query, path) */
	KP_UNAUTHENTICATED, /* nobody is signed in, or the sign-in failed */
	KP_FORBIDDEN,       /* signed in, but not allowed */
	KP_NOT_FOUND,       /* the thing does not exist (or may not be known to exist) */
	KP_NO_METHOD,       /* the resource exists but not with this method */
	KP_UNSUPPORTED,     /* a body in a format that is not read */
	KP_CONFLICT,        /* the state changed meanwhile, or a unique value is taken */
	KP_LIMITED,         /* too many attempts: later */
	KP_BUSY,            /* the database or engine is busy: try again shortly */
	KP_INTERNAL,        /* a fault of ours */
	KP_KIND_COUNT
};

struct kp_error {
	enum kp_kind kind; /* KP_NONE while no error */
	char code[32];     /* machine key, e.g. "too_long" */
	char field[64];    /* offending input field, "" when none */
	long long limit;   /* number quoted by the message, 0 when none */
	char detail[256];  /* optional extra text (already user-facing) */
	bool retry;        /* the same work may succeed when run again from the start:
	                      a lost serialisation race, a busy database */
};

/* Fills in err (when not NULL) and returns KP_ERR. */
int kp_fail(struct kp_error *err, enum kp_kind kind, const char *code, const char *field);

/* As kp_fail, with a limit to quote. */
int kp_fail_limit(struct kp_error *err, enum kp_kind kind, const char *code,
                  const char *field, long long limit);

/* As kp_fail, with an extra detail text (printf-style). */
int kp_fail_detail(struct kp_error *err, enum kp_kind kind, const char *code,
                   const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* As kp_fail, for a failure that may pass when the work is run again. */
int kp_fail_retry(struct kp_error *err, enum kp_kind kind, const char *code);

/* Shorthands for the common cases. */
#define kp_invalid(err, field, code) kp_fail((err), KP_INVALID, (code), (field))
#define kp_internal(err) kp_fail((err), KP_INTERNAL, "internal", "")

#endif
