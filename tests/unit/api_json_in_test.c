/* Tests for src/api/json_in.c: nesting depth, unknown fields, text limits
   in characters, integer ranges and types, dates, times, shared-list items,
   day-parts and flag sets. Every failure must name the field. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_in.h"

static json_t *parse(const char *text)
{
	json_error_t e;
	json_t *j = json_loads(text, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
	if (j == NULL)
		fail_msg("bad test JSON %s: %s", text, e.text);
	return j;
}

static void expect_err(const struct kp_error *e, const char *field, const char *code)
{
	assert_int_equal(e->kind, KP_INVALID);
	assert_string_equal(e->field, field);
	assert_string_equal(e->code, code);
}

static void depth(void **state)
{
	(void)state;
	const char *two = "{\"a\":[1,{\"b\":2}]}";
	assert_true(jin_depth_ok(two, strlen(two), 3));
	assert_false(jin_depth_ok(two, strlen(two), 2));
	const char *flat = "{\"a\":1,\"b\":[1],\"c\":{}}";
	assert_true(jin_depth_ok(flat, strlen(flat), 2));
	assert_false(jin_depth_ok(flat, strlen(flat), 1));
	/* brackets inside strings, also after escaped quotes, do not count */
	const char *str = "{\"a\":\"[[[[{{{{\\\"[[[[\"}";
	assert_true(jin_depth_ok(str, strlen(str), 1));
	char deep[2001];
	memset(deep, '[', 1000);
	memset(deep + 1000, ']', 1000);
	deep[2000] = '\0';
	assert_false(jin_depth_ok(deep, 2000, 32));
	assert_true(jin_depth_ok(deep, 2000, 1000));
	assert_true(jin_depth_ok("", 0, 0));
}

static void only_known_fields(void **state)
{
	(void)state;
	static const char *const allowed[] = { "title", "place", NULL };
	json_t *ok = parse("{\"title\":\"x\",\"place\":\"Dordrecht\"}");
	json_t *bad = parse("{\"title\":\"x\",\"status\":\"open\"}");
	struct kp_error e = { 0 };
	assert_int_equal(jin_only(ok, allowed, &e), KP_OK);
	assert_int_equal(jin_only(bad, allowed, &e), KP_ERR);
	expect_err(&e, "status", "unknown_field");
	json_decref(ok);
	json_decref(bad);
	/* a very long unknown key is cut to fit the error's field */
	char text[400];
	snprintf(text, sizeof text, "{\"%0300d\":1}", 0);
	json_t *longkey = parse(text);
	assert_int_equal(jin_only(longkey, allowed, &e), KP_ERR);
	assert_string_equal(e.code, "unknown_field");
	assert_true(strlen(e.field) < sizeof e.field);
	json_decref(longkey);
}

static void text_limits_in_characters(void **state)
{
	(void)state;
	char dst[100 * 4 + 1];
	struct kp_error e = { 0 };
	/* 100 × "é" is 200 bytes but 100 characters */
	char text[1000] = "{\"t\":\"";
	size_t n = strlen(text);
	for (int i = 0; i < 100; i++, n += 2)
		memcpy(text + n, "\xc3\xa9", 2);
	memcpy(text + n, "\"}", 3);
	json_t *j = parse(text);
	assert_int_equal(jin_text(j, "t", 100, true, dst, sizeof dst, &e), KP_OK);
	assert_int_equal(strlen(dst), 200);
	assert_int_equal(jin_text(j, "t", 99, true, dst, sizeof dst, &e), KP_ERR);
	expect_err(&e, "t", "too_long");
	assert_int_equal(e.limit, 99);
	json_decref(j);
	/* more bytes than the destination holds */
	char small[8];
	j = parse("{\"t\":\"abcdefghij\"}");
	assert_int_equal(jin_text(j, "t", 100, true, small, sizeof small, &e), KP_ERR);
	expect_err(&e, "t", "too_long");
	json_decref(j);
}

static void text_trims_and_requires(void **state)
{
	(void)state;
	char dst[64] = "old";
	struct kp_error e = { 0 };
	json_t *j = parse("{\"a\":\"  Dordrecht  \",\"b\":\"   \",\"c\":null,\"d\":5,"
	                  "\"e\":\"bel\\u0007\",\"f\":\"nul\\u0000byte\",\"g\":\"r1\\nr2\"}");
	assert_int_equal(jin_text(j, "a", 20, true, dst, sizeof dst, &e), KP_OK);
	assert_string_equal(dst, "Dordrecht");
	assert_int_equal(jin_text(j, "b", 20, true, dst, sizeof dst, &e), KP_ERR);
	expect_err(&e, "b", "required");
	assert_int_equal(jin_text(j, "b", 20, false, dst, sizeof dst, &e), KP_OK);
	assert_string_equal(dst, "");
	snprintf(dst, sizeof dst, "keep");
	assert_int_equal(jin_text(j, "c", 20, false, dst, sizeof dst, &e), KP_OK);
	assert_int_equal(jin_text(j, "missing", 20, false, dst, sizeof dst, &e), KP_OK);
	assert_string_equal(dst, "keep");
	assert_int_equal(jin_text(j, "c", 20, true, dst, sizeof dst, &e), KP_ERR);
	expect_err(&e, "c", "required");
	assert_int_equal(jin_text(j, "missing", 20, true, dst, sizeof dst, &e), KP_ERR);
	expect_err(&e, "missing", "required");
	assert_int_equal(jin_text(j, "d", 20, true, dst, sizeof dst, &e), KP_ERR);
	expect_err(&e, "d", "wrong_type");
	assert_int_equal(jin_text(j, "e", 20, true, dst, sizeof dst, &e), KP_ERR);
	expect_err(&e, "e", "invalid_text");
	assert_int_equal(jin_text(j, "f", 20, true, dst, sizeof dst, &e), KP_ERR);
	expect_err(&e, "f", "invalid_text");
	assert_int_equal(jin_text(j, "g", 20, true, dst, sizeof dst, &e), KP_OK);
	assert_string_equal(dst, "r1\nr2");
	json_decref(j);
}

static void integers(void **state)
{
	(void)state;
	int v = 42;
	struct kp_error e = { 0 };
	json_t *j = parse("{\"n\":7,\"lo\":-1,\"hi\":81,\"f\":7.0,\"s\":\"7\",\"b\":true,"
	                  "\"big\":9223372036854775807,\"z\":null}");
	assert_int_equal(jin_int(j, "n", 0, 80, true, &v, &e), KP_OK);
	assert_int_equal(v, 7);
	assert_int_equal(jin_int(j, "lo", 0, 80, true, &v, &e), KP_ERR);
	expect_err(&e, "lo", "out_of_range");
	assert_int_equal(e.limit, 0);
	assert_int_equal(jin_int(j, "hi", 0, 80, true, &v, &e), KP_ERR);
	expect_err(&e, "hi", "out_of_range");
	assert_int_equal(e.limit, 80);
	assert_int_equal(jin_int(j, "big", 0, 80, true, &v, &e), KP_ERR);
	expect_err(&e, "big", "out_of_range");
	assert_int_equal(jin_int(j, "f", 0, 80, true, &v, &e), KP_ERR);
	expect_err(&e, "f", "wrong_type");
	assert_int_equal(jin_int(j, "s", 0, 80, true, &v, &e), KP_ERR);
	expect_err(&e, "s", "wrong_type");
	assert_int_equal(jin_int(j, "b", 0, 80, true, &v, &e), KP_ERR);
	expect_err(&e, "b", "wrong_type");
	assert_int_equal(v, 7);
	assert_int_equal(jin_int(j, "z", 0, 80, false, &v, &e), KP_OK);
	assert_int_equal(jin_int(j, "missing", 0, 80, false, &v, &e), KP_OK);
	assert_int_equal(v, 7);
	assert_int_equal(jin_int(j, "missing", 0, 80, true, &v, &e), KP_ERR);
	expect_err(&e, "missing", "required");
	json_decref(j);
}

static void ids_and_bools(void **state)
{
	(void)state;
	int64_t id = 5;
	int b = 0;
	struct kp_error e = { 0 };
	json_t *j = parse("{\"id\":12,\"zero\":0,\"neg\":-3,\"null\":null,\"t\":true,\"one\":1}");
	assert_int_equal(jin_id(j, "id", true, &id, &e), KP_OK);
	assert_int_equal(id, 12);
	assert_int_equal(jin_id(j, "zero", true, &id, &e), KP_ERR);
	expect_err(&e, "zero", "invalid_id");
	assert_int_equal(jin_id(j, "neg", false, &id, &e), KP_ERR);
	expect_err(&e, "neg", "invalid_id");
	assert_int_equal(jin_id(j, "null", false, &id, &e), KP_OK);
	assert_int_equal(id, 0);   /* explicit null clears */
	id = 9;
	assert_int_equal(jin_id(j, "missing", false, &id, &e), KP_OK);
	assert_int_equal(id, 9);   /* absent leaves it */
	assert_int_equal(jin_bool(j, "t", &b, &e), KP_OK);
	assert_int_equal(b, 1);
	assert_int_equal(jin_bool(j, "one", &b, &e), KP_ERR);
	expect_err(&e, "one", "wrong_type");
	json_decref(j);
}

static void dates(void **state)
{
	(void)state;
	char d[11] = "2020-01-01";
	struct kp_error e = { 0 };
	json_t *j = parse("{\"ok\":\"2024-02-29\",\"bad\":\"2026-02-30\",\"fmt\":\"29-02-2024\","
	                  "\"num\":20240229,\"empty\":\"\",\"null\":null,"
	                  "\"long\":\"2024-02-29T10:00\"}");
	assert_int_equal(jin_date(j, "ok", true, d, &e), KP_OK);
	assert_string_equal(d, "2024-02-29");
	assert_int_equal(jin_date(j, "bad", true, d, &e), KP_ERR);
	expect_err(&e, "bad", "invalid_date");
	assert_int_equal(jin_date(j, "fmt", false, d, &e), KP_ERR);
	expect_err(&e, "fmt", "invalid_date");
	assert_int_equal(jin_date(j, "long", false, d, &e), KP_ERR);
	expect_err(&e, "long", "invalid_date");
	assert_int_equal(jin_date(j, "num", false, d, &e), KP_ERR);
	expect_err(&e, "num", "wrong_type");
	assert_string_equal(d, "2024-02-29");
	assert_int_equal(jin_date(j, "missing", false, d, &e), KP_OK);
	assert_string_equal(d, "2024-02-29");
	assert_int_equal(jin_date(j, "empty", false, d, &e), KP_OK);
	assert_string_equal(d, "");
	assert_int_equal(jin_date(j, "null", true, d, &e), KP_ERR);
	expect_err(&e, "null", "required");
	assert_int_equal(jin_date(j, "missing", true, d, &e), KP_ERR);
	expect_err(&e, "missing", "required");
	json_decref(j);
}

static void times(void **state)
{
	(void)state;
	char t[6] = "08:00";
	struct kp_error e = { 0 };
	json_t *j = parse("{\"ok\":\"23:59\",\"bad\":\"24:00\",\"sec\":\"10:00:00\",\"num\":1000,"
	                  "\"null\":null}");
	assert_int_equal(jin_time(j, "ok", t, &e), KP_OK);
	assert_string_equal(t, "23:59");
	assert_int_equal(jin_time(j, "bad", t, &e), KP_ERR);
	expect_err(&e, "bad", "invalid_time");
	assert_int_equal(jin_time(j, "sec", t, &e), KP_ERR);
	expect_err(&e, "sec", "invalid_time");
	assert_int_equal(jin_time(j, "num", t, &e), KP_ERR);
	expect_err(&e, "num", "wrong_type");
	assert_int_equal(jin_time(j, "missing", t, &e), KP_OK);
	assert_string_equal(t, "23:59");
	assert_int_equal(jin_time(j, "null", t, &e), KP_OK);
	assert_string_equal(t, "");
	json_decref(j);
}

static int parse_colour(const char *s)
{
	return strcmp(s, "red") == 0 ? 0 : strcmp(s, "green") == 0 ? 1 : -1;
}

static void enums(void **state)
{
	(void)state;
	int v = -5;
	struct kp_error e = { 0 };
	json_t *j = parse("{\"c\":\"green\",\"x\":\"blue\",\"n\":1}");
	assert_int_equal(jin_enum(j, "c", parse_colour, true, &v, &e), KP_OK);
	assert_int_equal(v, 1);
	assert_int_equal(jin_enum(j, "x", parse_colour, true, &v, &e), KP_ERR);
	expect_err(&e, "x", "invalid_choice");
	assert_int_equal(jin_enum(j, "n", parse_colour, true, &v, &e), KP_ERR);
	expect_err(&e, "n", "wrong_type");
	assert_int_equal(v, 1);
	json_decref(j);
}

static struct catalog *make_catalog(void)
{
	static struct catalog cat;
	catalog_init(&cat);
	struct catalog_item *it = calloc(40, sizeof *it);
	assert_non_null(it);
	for (int i = 0; i < 40; i++) {
		it[i].id = 100 + i;
		it[i].kind = LIST_THEME;
		it[i].active = true;
		snprintf(it[i].code, sizeof it[i].code, "theme_%d", i);
	}
	it[0].kind = LIST_ACTIVITY;
	snprintf(it[0].code, sizeof it[0].code, "wandelen");
	it[1].active = false;   /* theme_1 retired */
	catalog_replace(&cat, it, 40);
	return &cat;
}

static void items(void **state)
{
	(void)state;
	struct catalog *cat = make_catalog();
	struct id_set s = { 0 };
	id_set_add(&s, 999);
	struct kp_error e = { 0 };
	json_t *j = parse("{\"themes\":[\"theme_2\",\"theme_3\",\"theme_2\"],\"empty\":[],"
	                  "\"unknown\":[\"theme_2\",\"zeilen\"],\"retired\":[\"theme_1\"],"
	                  "\"kind\":[\"wandelen\"],\"str\":\"theme_2\",\"num\":[5]}");
	assert_int_equal(jin_items(j, "themes", cat, LIST_THEME, &s, &e), KP_OK);
	assert_int_equal(s.n, 2);
	assert_true(id_set_contains(&s, 102));
	assert_true(id_set_contains(&s, 103));
	assert_int_equal(jin_items(j, "missing", cat, LIST_THEME, &s, &e), KP_OK);
	assert_int_equal(s.n, 2);
	assert_int_equal(jin_items(j, "unknown", cat, LIST_THEME, &s, &e), KP_ERR);
	expect_err(&e, "unknown", "unknown_item");
	assert_string_equal(e.detail, "zeilen");
	assert_int_equal(s.n, 2);   /* a failed read leaves the set alone */
	/* A retired value is read (a record may keep it); choosing it anew is the
	   use case's to refuse (catalog_check_chosen). */
	assert_int_equal(jin_items(j, "retired", cat, LIST_THEME, &s, &e), KP_OK);
	assert_int_equal(s.n, 1);
	s.n = 0;
	assert_int_equal(jin_items(j, "themes", cat, LIST_THEME, &s, &e), KP_OK);
	assert_int_equal(jin_items(j, "kind", cat, LIST_THEME, &s, &e), KP_ERR);
	expect_err(&e, "kind", "unknown_item");
	assert_int_equal(jin_items(j, "str", cat, LIST_THEME, &s, &e), KP_ERR);
	expect_err(&e, "str", "wrong_type");
	assert_int_equal(jin_items(j, "num", cat, LIST_THEME, &s, &e), KP_ERR);
	expect_err(&e, "num", "wrong_type");
	assert_int_equal(jin_items(j, "empty", cat, LIST_THEME, &s, &e), KP_OK);
	assert_int_equal(s.n, 0);

	int64_t id = 0;
	assert_int_equal(jin_item(j, "str", cat, LIST_THEME, true, &id, &e), KP_OK);
	assert_int_equal(id, 102);
	assert_int_equal(jin_item(j, "str", cat, LIST_ACTIVITY, true, &id, &e), KP_ERR);
	expect_err(&e, "str", "unknown_item");
	json_decref(j);
	catalog_free(cat);
}

static void items_too_many(void **state)
{
	(void)state;
	struct catalog *cat = make_catalog();
	char text[2000] = "{\"t\":[";
	size_t n = strlen(text);
	for (int i = 2; i < 2 + ID_SET_MAX + 1; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "%s\"theme_%d\"", i > 2 ? "," : "", i);
	snprintf(text + n, sizeof text - n, "]}");
	json_t *j = parse(text);
	struct id_set s = { 0 };
	struct kp_error e = { 0 };
	assert_int_equal(jin_items(j, "t", cat, LIST_THEME, &s, &e), KP_ERR);
	expect_err(&e, "t", "too_many");
	assert_int_equal(e.limit, ID_SET_MAX);
	assert_int_equal(s.n, 0);
	json_decref(j);
	catalog_free(cat);
}

static void dayparts(void **state)
{
	(void)state;
	uint32_t bits = 0xdead;
	struct kp_error e = { 0 };
	json_t *j = parse("{\"d\":[\"mon-morning\",\"sun-evening\",\"wed-afternoon\"],"
	                  "\"bad\":[\"mon-night\"],\"none\":[],\"str\":\"mon-morning\"}");
	assert_int_equal(jin_dayparts(j, "d", &bits, &e), KP_OK);
	assert_int_equal(bits, (1u << 0) | (1u << 20) | (1u << 7));
	assert_int_equal(jin_dayparts(j, "bad", &bits, &e), KP_ERR);
	expect_err(&e, "bad", "invalid_choice");
	assert_int_equal(jin_dayparts(j, "str", &bits, &e), KP_ERR);
	expect_err(&e, "str", "wrong_type");
	assert_int_equal(bits, (1u << 0) | (1u << 20) | (1u << 7));
	assert_int_equal(jin_dayparts(j, "missing", &bits, &e), KP_OK);
	assert_int_equal(bits, (1u << 0) | (1u << 20) | (1u << 7));
	assert_int_equal(jin_dayparts(j, "none", &bits, &e), KP_OK);
	assert_int_equal(bits, 0);
	json_decref(j);

	/* all 21 at once */
	char text[2000] = "{\"all\":[";
	size_t n = strlen(text);
	for (int b = 0; b < DAYPART_BITS; b++) {
		char name[16];
		daypart_name(b, name);
		n += (size_t)snprintf(text + n, sizeof text - n, "%s\"%s\"", b ? "," : "", name);
	}
	snprintf(text + n, sizeof text - n, "]}");
	j = parse(text);
	assert_int_equal(jin_dayparts(j, "all", &bits, &e), KP_OK);
	assert_int_equal(bits, DAYPART_ALL);
	json_decref(j);
}

static void flags(void **state)
{
	(void)state;
	uint32_t bits = 0;
	struct kp_error e = { 0 };
	json_t *j = parse("{\"e\":[\"one_off\",\"structural\"],\"bad\":[\"weekly\"],"
	                  "\"mixed\":[\"flexible\",3]}");
	assert_int_equal(jin_flags(j, "e", engagement_parse, &bits, &e), KP_OK);
	assert_int_equal(bits, (1u << ENGAGEMENT_ONE_OFF) | (1u << ENGAGEMENT_STRUCTURAL));
	assert_int_equal(jin_flags(j, "bad", engagement_parse, &bits, &e), KP_ERR);
	expect_err(&e, "bad", "invalid_choice");
	assert_int_equal(jin_flags(j, "mixed", engagement_parse, &bits, &e), KP_ERR);
	expect_err(&e, "mixed", "wrong_type");
	assert_int_equal(bits, (1u << ENGAGEMENT_ONE_OFF) | (1u << ENGAGEMENT_STRUCTURAL));
	json_decref(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(depth),
		cmocka_unit_test(only_known_fields),
		cmocka_unit_test(text_limits_in_characters),
		cmocka_unit_test(text_trims_and_requires),
		cmocka_unit_test(integers),
		cmocka_unit_test(ids_and_bools),
		cmocka_unit_test(dates),
		cmocka_unit_test(times),
		cmocka_unit_test(enums),
		cmocka_unit_test(items),
		cmocka_unit_test(items_too_many),
		cmocka_unit_test(dayparts),
		cmocka_unit_test(flags),
	};
	return cmocka_run_group_tests_name("api_json_in", tests, NULL, NULL);
}
