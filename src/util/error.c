#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void copy(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

int kp_fail_limit(struct kp_error *err, int status, const char *code, const char *field,
                  long long limit)
{
	if (err == NULL)
		return KP_ERR;
	err->status = status;
	copy(err->code, sizeof err->code, code);
	copy(err->field, sizeof err->field, field);
	err->limit = limit;
	err->detail[0] = '\0';
	return KP_ERR;
}

int kp_fail(struct kp_error *err, int status, const char *code, const char *field)
{
	return kp_fail_limit(err, status, code, field, 0);
}

int kp_fail_detail(struct kp_error *err, int status, const char *code, const char *field,
                   const char *fmt, ...)
{
	kp_fail(err, status, code, field);
	if (err != NULL) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->detail, sizeof err->detail, fmt, ap);
		va_end(ap);
	}
	return KP_ERR;
}
