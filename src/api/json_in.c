#include "api/json_in.h"

#include <stdio.h>
#include <string.h>

#include "util/parse.h"

bool jin_depth_ok(const char *text, size_t len, int max_depth)
{
	int depth = 0;
	bool in_string = false;
	for (size_t i = 0; i < len; i++) {
		char ch = text[i];
		if (in_string) {
			if (ch == '\\')
				i++;
			else if (ch == '"')
				in_string = false;
		} else if (ch == '"') {
			in_string = true;
		} else if (ch == '{' || ch == '[') {
			if (++depth > max_depth)
				return false;
		} else if (ch == '}' || ch == ']') {
			depth--;
		}
	}
	return true;
}

int jin_only(json_t *obj, const char *const *allowed, struct kp_error *err)
{
	const char *key;
	json_t *value;
	json_object_foreach(obj, key, value) {
		(void)value;
		bool known = false;
		for (const char *const *a = allowed; *a && !known; a++)
			known = strcmp(*a, key) == 0;
		if (!known) {
			char field[64];
			snprintf(field, sizeof field, "%.60s", key);
			return kp_invalid(err, field, "unknown_field");
		}
	}
	return KP_OK;
}

int jin_only_fields(json_t *obj, const struct field_table *t, struct kp_error *err)
{
	const char *key;
	json_t *value;
	json_object_foreach(obj, key, value) {
		(void)value;
		if (strcmp(key, "version") != 0 && field_bit(t, key) == 0) {
			char field[64];
			snprintf(field, sizeof field, "%.60s", key);
			return kp_invalid(err, field, "unknown_field");
		}
	}
	return KP_OK;
}

/* Looks up field; *present tells whether it is there and not null. */
static json_t *get(json_t *obj, const char *field, bool required, bool *present,
                   struct kp_error *err)
{
	json_t *v = json_object_get(obj, field);
	*present = v != NULL && !json_is_null(v);
	if (!*present && required)
		kp_invalid(err, field, "required");
	return v;
}

int jin_text(json_t *obj, const char *field, size_t max_chars, bool required, char *dst,
             size_t cap, struct kp_error *err)
{
	bool present;
	json_t *v = get(obj, field, required, &present, err);
	if (!present)
		return required ? KP_ERR : KP_OK;
	if (!json_is_string(v))
		return kp_invalid(err, field, "wrong_type");
	const char *s = json_string_value(v);
	size_t bytes = json_string_length(v);
	if (strlen(s) != bytes || !parse_is_clean_utf8(s))
		return kp_invalid(err, field, "invalid_text");
	/* Leading and trailing spaces are not part of what a person meant. */
	while (*s == ' ')
		s++, bytes--;
	while (bytes > 0 && s[bytes - 1] == ' ')
		bytes--;
	if (required && bytes == 0)
		return kp_invalid(err, field, "required");
	if (bytes >= cap)
		return kp_fail_limit(err, KP_INVALID, "too_long", field, (long long)max_chars);
	memcpy(dst, s, bytes);
	dst[bytes] = '\0'; /* on failure the caller discards dst with the request */
	if ((size_t)parse_utf8_length(dst) > max_chars)
		return kp_fail_limit(err, KP_INVALID, "too_long", field, (long long)max_chars);
	return KP_OK;
}

int jin_int(json_t *obj, const char *field, long long min, long long max, bool required,
            int *dst, struct kp_error *err)
{
	bool present;
	json_t *v = get(obj, field, required, &present, err);
	if (!present)
		return required ? KP_ERR : KP_OK;
	if (!json_is_integer(v))
		return kp_invalid(err, field, "wrong_type");
	json_int_t n = json_integer_value(v);
	if (n < min || n > max)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", field, n < min ? min : max);
	*dst = (int)n;
	return KP_OK;
}

int jin_id(json_t *obj, const char *field, bool required, int64_t *dst, struct kp_error *err)
{
	bool present;
	json_t *v = get(obj, field, required, &present, err);
	if (!present) {
		if (v != NULL && !required)
			*dst = 0; /* explicit null clears an optional reference */
		return required ? KP_ERR : KP_OK;
	}
	if (!json_is_integer(v))
		return kp_invalid(err, field, "wrong_type");
	if (json_integer_value(v) <= 0)
		return kp_invalid(err, field, "invalid_id");
	*dst = json_integer_value(v);
	return KP_OK;
}

int jin_bool(json_t *obj, const char *field, int *dst, struct kp_error *err)
{
	json_t *v = json_object_get(obj, field);
	if (v == NULL)
		return KP_OK;
	if (!json_is_boolean(v))
		return kp_invalid(err, field, "wrong_type");
	*dst = json_is_true(v);
	return KP_OK;
}

int jin_date(json_t *obj, const char *field, bool required, char dst[11], struct kp_error *err)
{
	json_t *v = json_object_get(obj, field);
	if (v == NULL || json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0)) {
		if (required)
			return kp_invalid(err, field, "required");
		if (v != NULL)
			dst[0] = '\0';
		return KP_OK;
	}
	if (!json_is_string(v))
		return kp_invalid(err, field, "wrong_type");
	if (!parse_is_date(json_string_value(v)))
		return kp_invalid(err, field, "invalid_date");
	memcpy(dst, json_string_value(v), 11);
	return KP_OK;
}

int jin_time(json_t *obj, const char *field, char dst[6], struct kp_error *err)
{
	json_t *v = json_object_get(obj, field);
	if (v == NULL)
		return KP_OK;
	if (json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0)) {
		dst[0] = '\0';
		return KP_OK;
	}
	if (!json_is_string(v))
		return kp_invalid(err, field, "wrong_type");
	if (!parse_is_time(json_string_value(v)))
		return kp_invalid(err, field, "invalid_time");
	memcpy(dst, json_string_value(v), 6);
	return KP_OK;
}

int jin_enum(json_t *obj, const char *field, int (*parse)(const char *), bool required,
             int *dst, struct kp_error *err)
{
	bool present;
	json_t *v = get(obj, field, required, &present, err);
	if (!present)
		return required ? KP_ERR : KP_OK;
	if (!json_is_string(v))
		return kp_invalid(err, field, "wrong_type");
	int e = parse(json_string_value(v));
	if (e < 0)
		return kp_invalid(err, field, "invalid_choice");
	*dst = e;
	return KP_OK;
}

/* Calls each(ctx, string) for every element of an array field of strings. */
static int each_string(json_t *obj, const char *field, size_t max, bool *present,
                       int (*each)(void *ctx, const char *s), void *ctx, struct kp_error *err)
{
	json_t *v = json_object_get(obj, field);
	*present = v != NULL;
	if (v == NULL)
		return KP_OK;
	if (!json_is_array(v))
		return kp_invalid(err, field, "wrong_type");
	if (json_array_size(v) > max)
		return kp_fail_limit(err, KP_INVALID, "too_many", field, (long long)max);
	size_t i;
	json_t *el;
	json_array_foreach(v, i, el) {
		if (!json_is_string(el))
			return kp_invalid(err, field, "wrong_type");
		if (each(ctx, json_string_value(el)) != 0)
			return KP_ERR;
	}
	return KP_OK;
}

int jin_texts(json_t *obj, const char *field, size_t max_n, size_t max_chars, bool *present,
              int (*each)(void *ctx, const char *s), void *ctx, struct kp_error *err)
{
	char text[JIN_TEXTS_CHARS_MAX * 4 + 1];
	json_t *v = json_object_get(obj, field);
	*present = v != NULL;
	if (v == NULL)
		return KP_OK;
	if (!json_is_array(v))
		return kp_invalid(err, field, "wrong_type");
	if (json_array_size(v) > max_n)
		return kp_fail_limit(err, KP_INVALID, "too_many", field, (long long)max_n);
	if (max_chars > JIN_TEXTS_CHARS_MAX)
		return kp_internal(err);
	size_t i;
	json_t *el;
	json_array_foreach(v, i, el) {
		/* one element at a time under the field's name, so that it is read
		   and refused exactly as a single text would be */
		json_t *one = json_pack("{s:O}", field, el);
		int rc = one == NULL ? kp_internal(err)
		                     : jin_text(one, field, max_chars, true, text, sizeof text, err);
		json_decref(one);
		if (rc != KP_OK)
			return KP_ERR;
		if (each(ctx, text) != 0)
			return kp_invalid(err, field, "too_many");
	}
	return KP_OK;
}

struct items_ctx {
	struct catalog *cat;
	int kind;
	const char *field;
	struct id_set set;
	struct kp_error *err;
};

static int add_item(void *ctx, const char *code)
{
	struct items_ctx *x = ctx;
	int64_t id = catalog_find(x->cat, x->kind, code);
	if (id == 0)
		return kp_fail_detail(x->err, KP_INVALID, "unknown_item", x->field, "%.60s", code);
	(void)id_set_add(&x->set, id); /* cannot overflow: length checked before */
	return 0;
}

int jin_items(json_t *obj, const char *field, struct catalog *cat, int kind,
              struct id_set *dst, struct kp_error *err)
{
	struct items_ctx x = { .cat = cat, .kind = kind, .field = field, .err = err };
	bool present;
	if (each_string(obj, field, ID_SET_MAX, &present, add_item, &x, err))
		return KP_ERR;
	if (present)
		*dst = x.set;
	return KP_OK;
}

int jin_item(json_t *obj, const char *field, struct catalog *cat, int kind, bool required,
             int64_t *dst, struct kp_error *err)
{
	bool present;
	json_t *v = get(obj, field, required, &present, err);
	if (!present)
		return required ? KP_ERR : KP_OK;
	if (!json_is_string(v))
		return kp_invalid(err, field, "wrong_type");
	int64_t id = catalog_find(cat, kind, json_string_value(v));
	if (id == 0)
		return kp_fail_detail(err, KP_INVALID, "unknown_item", field, "%.60s",
		                      json_string_value(v));
	*dst = id;
	return KP_OK;
}

struct flags_ctx {
	int (*parse)(const char *);
	const char *field;
	uint32_t bits;
	struct kp_error *err;
};

static int add_flag(void *ctx, const char *name)
{
	struct flags_ctx *x = ctx;
	int bit = x->parse(name);
	if (bit < 0)
		return kp_invalid(x->err, x->field, "invalid_choice");
	x->bits |= 1u << bit;
	return 0;
}

int jin_flags(json_t *obj, const char *field, int (*parse)(const char *), uint32_t *dst,
              struct kp_error *err)
{
	struct flags_ctx x = { .parse = parse, .field = field, .err = err };
	bool present;
	if (each_string(obj, field, DAYPART_BITS, &present, add_flag, &x, err))
		return KP_ERR;
	if (present)
		*dst = x.bits;
	return KP_OK;
}

int jin_dayparts(json_t *obj, const char *field, uint32_t *dst, struct kp_error *err)
{
	return jin_flags(obj, field, daypart_parse, dst, err);
}
