#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void copy(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

int kp_fail_limit(struct kp_error *err, enum kp_kind kind, const char *code,
                  const char *field, long long limit)
{
	if (err == NULL)
		return KP_ERR;
	err->kind = kind;
	copy(err->code, sizeof err->code, code);
	copy(err->field, sizeof err->field, field);
	err->limit = limit;
	err->detail[0] = '\0';
	err->retry = false;
	return KP_ERR;
}

int kp_fail(struct kp_error *err, enum kp_kind kind, const char *code, const char *field)
{
	return kp_fail_limit(err, kind, code, field, 0);
}

int kp_fail_detail(struct kp_error *err, enum kp_kind kind, const char *code,
                   const char *field, const char *fmt, ...)
{
	kp_fail(err, kind, code, field);
	if (err != NULL) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->detail, sizeof err->detail, fmt, ap);
		va_end(ap);
	}
	return KP_ERR;
}

int kp_fail_retry(struct kp_error *err, enum kp_kind kind, const char *code)
{
	kp_fail(err, kind, code, "");
	if (err != NULL)
		err->retry = true;
	return KP_ERR;
}
