/* Tests for src/util/json_write.c: the text is jansson's, byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/json_write.h"

/* What jansson writes for the same text, read back and dumped again. */
static void assert_same_as_jansson(const char *text)
{
	json_error_t jerr;
	json_t *doc = json_loads(text, JSON_DECODE_ANY, &jerr);
	assert_non_null(doc);
	char *again = json_dumps(doc, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_ENCODE_ANY);
	assert_string_equal(text, again);
	free(again);
	json_decref(doc);
}

static void nested_document_matches_jansson(void **state)
{
	(void)state;
	struct buf b;
	struct jw w;
	buf_init(&b, 4096);
	jw_init(&w, &b);
	jw_object(&w);
	JW_KEY(&w, "id"); jw_int(&w, 42); /* a key made by the compiler */
	jw_key(&w, "naam"); jw_string(&w, "Ayşe \"de\" Vries\\\n\t\x01 café 😀 /");
	jw_key(&w, "lat"); jw_real(&w, 51.81);
	jw_key(&w, "whole"); jw_real(&w, 3.0);
	jw_key(&w, "zeros"); jw_real(&w, 0.0); jw_key(&w, "negzero"); jw_real(&w, -0.0);
	jw_key(&w, "sleutel \"met\" é"); jw_int(&w, 1); /* a key that needs escaping */
	jw_key(&w, "thirty"); jw_real(&w, 30.0); jw_key(&w, "minustwo"); jw_real(&w, -2.0);
	jw_key(&w, "bigwhole"); jw_real(&w, 999999999999999.0);
	jw_key(&w, "e15"); jw_real(&w, 1e15); jw_key(&w, "part"); jw_real(&w, 0.35);
	jw_key(&w, "tiny"); jw_real(&w, 1e-7);
	jw_key(&w, "huge"); jw_real(&w, 1e300);
	jw_key(&w, "neg"); jw_int(&w, INT64_MIN);
	jw_key(&w, "max"); jw_int(&w, INT64_MAX);
	JW_KEY(&w, "zero"); jw_int(&w, 0);
	jw_key(&w, "een_sleutel_van_zeventig_tekens_lang_die_de_lange_weg_neemt_0123456789");
	jw_int(&w, 70);
	jw_key(&w, "minus"); jw_int(&w, -7);
	jw_key(&w, "items");
	jw_array(&w);
	jw_string(&w, "a");
	jw_array(&w);
	jw_end_array(&w);
	jw_object(&w);
	jw_end_object(&w);
	jw_bool(&w, true);
	jw_bool(&w, false);
	jw_null(&w);
	jw_end_array(&w);
	jw_key(&w, "none"); jw_opt_id(&w, 0);
	jw_key(&w, "empty"); jw_opt_string(&w, "");
	JW_KEY(&w, "some"); jw_opt_id(&w, 7);
	jw_end_object(&w);
	assert_false(jw_failed(&w));
	assert_same_as_jansson(b.data);
	assert_non_null(strstr(b.data, "\"Ay\\u015Fe \\\"de\\\" Vries\\\\\\n\\t\\u0001 caf\\u00E9 "
	                              "\\uD83D\\uDE00 /\""));
	assert_non_null(strstr(b.data, "\"whole\":3.0,"));
	assert_non_null(strstr(b.data, "\"thirty\":30.0,"));
	assert_non_null(strstr(b.data, "\"sleutel \\\"met\\\" \\u00E9\":1,"));
	assert_non_null(strstr(b.data, "\"neg\":-9223372036854775808,\"max\":9223372036854775807,"
	                              "\"zero\":0,\"een_sleutel_van_zeventig_tekens_lang_die_de_"
	                              "lange_weg_neemt_0123456789\":70,\"minus\":-7,"));
	buf_free(&b);
}

static void invalid_utf8_becomes_replacement_character(void **state)
{
	(void)state;
	struct buf b;
	struct jw w;
	buf_init(&b, 256);
	jw_init(&w, &b);
	jw_string(&w, "a\xC3(b\xFF\xED\xA0\x80");
	assert_false(jw_failed(&w));
	assert_string_equal(b.data, "\"a\\uFFFD(b\\uFFFD\\uFFFD\\uFFFD\\uFFFD\"");
	assert_same_as_jansson(b.data);
	buf_free(&b);
}

static void passing_the_cap_fails_for_good(void **state)
{
	(void)state;
	struct buf b;
	struct jw w;
	buf_init(&b, 8);
	jw_init(&w, &b);
	jw_array(&w);
	jw_string(&w, "long enough to pass");
	assert_true(jw_failed(&w));
	jw_end_array(&w);
	assert_true(jw_failed(&w));
	assert_true(b.len <= 8);
	buf_free(&b);
}

/* A value written before goes in as a value: with the comma before it
   where one is due, and none after a key. */
static void raw_value_takes_its_place(void **state)
{
	(void)state;
	struct buf b;
	struct jw w;
	buf_init(&b, 256);
	jw_init(&w, &b);
	jw_object(&w);
	JW_KEY(&w, "items");
	jw_array(&w);
	jw_raw(&w, "{\"id\":1}", 8);
	jw_int(&w, 2);
	jw_raw(&w, "{\"id\":3}", 8);
	jw_end_array(&w);
	JW_KEY(&w, "one");
	jw_raw(&w, "[true]", 6);
	jw_end_object(&w);
	assert_false(jw_failed(&w));
	assert_string_equal(b.data, "{\"items\":[{\"id\":1},2,{\"id\":3}],\"one\":[true]}");
	assert_same_as_jansson(b.data);
	buf_free(&b);
}

static void unbalanced_close_fails(void **state)
{
	(void)state;
	struct buf b;
	struct jw w;
	buf_init(&b, 64);
	jw_init(&w, &b);
	jw_end_object(&w);
	assert_true(jw_failed(&w));
	buf_free(&b);
}

/* Decimals of known precision: rounded, shortest, at least one decimal, and
   read back as the same double the rounding gives. */
static void decimals_are_rounded_and_short(void **state)
{
	(void)state;
	static const struct {
		double v;
		int places;
		const char *text;
	} cases[] = {
		{ 72.35, 2, "72.35" },       { 72.349999, 2, "72.35" },  { 4.0, 1, "4.0" },
		{ 0.04, 1, "0.0" },          { -0.5, 1, "-0.5" },        { -0.04, 1, "0.0" },
		{ 51.81, 6, "51.81" },       { 4.67361, 6, "4.67361" },  { 100.0, 2, "100.0" },
		{ 0.125, 2, "0.13" },        { 12.0, 0, "12.0" },        { 999999999.5, 1, "999999999.5" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b;
		struct jw w;
		buf_init(&b, 64);
		jw_init(&w, &b);
		jw_decimal(&w, cases[i].v, cases[i].places);
		assert_false(jw_failed(&w));
		assert_string_equal(b.data, cases[i].text);
		json_error_t jerr;
		json_t *back = json_loads(b.data, JSON_DECODE_ANY, &jerr);
		assert_true(json_is_real(back));
		double scale = pow(10.0, cases[i].places);
		assert_true(json_real_value(back) == round(cases[i].v * scale) / scale);
		json_decref(back);
		buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nested_document_matches_jansson),
		cmocka_unit_test(decimals_are_rounded_and_short),
		cmocka_unit_test(invalid_utf8_becomes_replacement_character),
		cmocka_unit_test(passing_the_cap_fails_for_good),
		cmocka_unit_test(unbalanced_close_fails),
		cmocka_unit_test(raw_value_takes_its_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
