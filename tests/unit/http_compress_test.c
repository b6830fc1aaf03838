/* Tests for src/http/compress.c: who gets gzip, what is worth it, and that
   the stream inflates to the same bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "http/compress.h"

static void accept_encoding_is_read_as_http_says(void **state)
{
	(void)state;
	assert_true(http_accepts_gzip("gzip"));
	assert_true(http_accepts_gzip("gzip, deflate, br"));
	assert_true(http_accepts_gzip("br;q=1.0, GZIP;q=0.5"));
	assert_true(http_accepts_gzip("*"));
	assert_false(http_accepts_gzip(NULL));
	assert_false(http_accepts_gzip(""));
	assert_false(http_accepts_gzip("identity"));
	assert_false(http_accepts_gzip("x-gzip2, deflate"));
	assert_false(http_accepts_gzip("gzip;q=0"));
	assert_false(http_accepts_gzip("br, gzip; q=0.0"));
	assert_true(http_accepts_gzip("gzip;q=0.001"));
}

static void only_text_of_some_size_is_worth_it(void **state)
{
	(void)state;
	assert_true(http_compressible("application/json", 4096));
	assert_true(http_compressible("text/javascript; charset=utf-8", 4096));
	assert_true(http_compressible("application/problem+json", HTTP_COMPRESS_MIN));
	assert_false(http_compressible("application/json", HTTP_COMPRESS_MIN - 1));
	assert_false(http_compressible("image/png", 100000));
	assert_false(http_compressible("font/woff2", 100000));
	assert_false(http_compressible(NULL, 100000));
}

/* A JSON-like text of about n bytes, in b. */
static void sample(struct buf *b, size_t n)
{
	buf_init(b, 1 << 20);
	assert_int_equal(buf_appends(b, "["), 0);
	for (int i = 0; b->len < n; i++)
		assert_int_equal(buf_printf(b, "%s{\"id\":%d,\"title\":\"Wandelmaatje %d\"}",
		                            i ? "," : "", i, i * 7), 0);
	assert_int_equal(buf_appends(b, "]"), 0);
}

static void gzip_inflates_to_the_same_bytes(void **state)
{
	(void)state;
	struct buf in, out;
	sample(&in, 50000);
	buf_init(&out, 1 << 20);
	assert_int_equal(http_gzip(in.data, in.len, &out), 0);
	assert_true(out.len < in.len / 3);
	assert_int_equal((unsigned char)out.data[0], 0x1f); /* gzip magic */
	assert_int_equal((unsigned char)out.data[1], 0x8b);
	char *back = malloc(in.len + 1);
	uLongf back_len = in.len;
	z_stream z = { 0 };
	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (Bytef *)out.data;
	z.avail_in = (uInt)out.len;
	z.next_out = (Bytef *)back;
	z.avail_out = (uInt)back_len;
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	assert_int_equal(z.total_out, in.len);
	assert_memory_equal(back, in.data, in.len);
	inflateEnd(&z);
	free(back);
	buf_free(&in);
	buf_free(&out);
}

static void gzip_past_the_cap_leaves_out_as_it_was(void **state)
{
	(void)state;
	struct buf in, out;
	sample(&in, 50000);
	buf_init(&out, 64);
	assert_int_equal(buf_appends(&out, "kept"), 0);
	assert_int_equal(http_gzip(in.data, in.len, &out), -1);
	assert_string_equal(out.data, "kept");
	buf_free(&in);
	buf_free(&out);
}

static void response_is_compressed_only_when_asked_and_worth_it(void **state)
{
	(void)state;
	struct http_response res = { .status = 200, .content_type = "application/json" };
	sample(&res.body, 20000);
	size_t plain = res.body.len;
	assert_int_equal(http_compress_response("deflate", &res), HTTP_VARY);
	assert_int_equal(res.body.len, plain);
	assert_int_equal(http_compress_response("gzip", &res), HTTP_GZIPPED);
	assert_true(res.body.len < plain);
	buf_free(&res.body);

	struct http_response small = { .status = 200, .content_type = "application/json" };
	sample(&small.body, 10);
	assert_int_equal(http_compress_response("gzip", &small), HTTP_AS_IS);
	buf_free(&small.body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accept_encoding_is_read_as_http_says),
		cmocka_unit_test(only_text_of_some_size_is_worth_it),
		cmocka_unit_test(gzip_inflates_to_the_same_bytes),
		cmocka_unit_test(gzip_past_the_cap_leaves_out_as_it_was),
		cmocka_unit_test(response_is_compressed_only_when_asked_and_worth_it),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
