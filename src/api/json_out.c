#include "api/json_out.h"

#include "util/buf.h"

json_t *jout_item(struct catalog *cat, int64_t id)
{
	char code[LIST_CODE_MAX + 1];
	return catalog_code(cat, id, code) ? json_string(code) : json_null();
}

json_t *jout_items(struct catalog *cat, const struct id_set *s)
{
	json_t *a = json_array();
	char code[LIST_CODE_MAX + 1];
	for (int i = 0; i < s->n; i++)
		if (catalog_code(cat, s->ids[i], code))
			json_array_append_new(a, json_string(code));
	return a;
}

json_t *jout_dayparts(uint32_t bits)
{
	json_t *a = json_array();
	char name[16];
	for (int b = 0; b < DAYPART_BITS; b++) {
		if (bits & (1u << b)) {
			daypart_name(b, name);
			json_array_append_new(a, json_string(name));
		}
	}
	return a;
}

json_t *jout_flags(uint32_t bits, const char *(*name)(int), int n)
{
	json_t *a = json_array();
	for (int b = 0; b < n; b++)
		if (bits & (1u << b))
			json_array_append_new(a, json_string(name(b)));
	return a;
}

json_t *jout_opt_text(const char *s)
{
	return s != NULL && s[0] != '\0' ? json_string(s) : json_null();
}

json_t *jout_opt_id(int64_t id)
{
	return id > 0 ? json_integer(id) : json_null();
}

void jwout_item(struct jw *w, struct catalog *cat, int64_t id)
{
	char code[LIST_CODE_MAX + 1];
	if (catalog_code(cat, id, code))
		jw_string(w, code);
	else
		jw_null(w);
}

void jwout_items(struct jw *w, struct catalog *cat, const struct id_set *s)
{
	char code[LIST_CODE_MAX + 1];
	jw_array(w);
	for (int i = 0; i < s->n; i++)
		if (catalog_code(cat, s->ids[i], code))
			jw_string(w, code);
	jw_end_array(w);
}

void jwout_dayparts(struct jw *w, uint32_t bits)
{
	char name[16];
	jw_array(w);
	for (int b = 0; b < DAYPART_BITS; b++) {
		if (bits & (1u << b)) {
			daypart_name(b, name);
			jw_string(w, name);
		}
	}
	jw_end_array(w);
}

void jwout_flags(struct jw *w, uint32_t bits, const char *(*name)(int), int n)
{
	jw_array(w);
	for (int b = 0; b < n; b++)
		if (bits & (1u << b))
			jw_string(w, name(b));
	jw_end_array(w);
}

json_t *jwout_tree(jw_write_fn *write, const void *obj, void *arg)
{
	struct buf b;
	struct jw w;
	buf_init(&b, 1024 * 1024);
	jw_init(&w, &b);
	write(&w, obj, arg);
	json_t *doc = jw_failed(&w) ? NULL : json_loadb(b.data, b.len, 0, NULL);
	buf_free(&b);
	return doc;
}
