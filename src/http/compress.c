/* gzip for answers worth it (compress.h). */
#include "http/compress.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

/* Whether the q parameter of one coding (text after its name) is zero. */
static bool q_is_zero(const char *p, const char *end)
{
	const char *q = p;
	while (q < end && (q = strchr(q, ';')) != NULL && q < end) {
		q++;
		while (*q == ' ' || *q == '\t')
			q++;
		if ((q[0] == 'q' || q[0] == 'Q') && q[1] == '=') {
			q += 2;
			while (*q == '0' || *q == '.')
				q++;
			return q >= end || *q == ',' || *q == ' ' || *q == ';' || *q == '\0';
		}
	}
	return false;
}

bool http_accepts_gzip(const char *accept_encoding)
{
	const char *p = accept_encoding;
	if (p == NULL)
		return false;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		size_t n = strcspn(p, " \t;,");
		const char *end = p + strcspn(p, ",");
		if (n > 0 && ((n == 4 && strncasecmp(p, "gzip", 4) == 0) || (n == 1 && *p == '*')))
			return !q_is_zero(p + n, end);
		p = end;
	}
	return false;
}

bool http_compressible(const char *content_type, size_t len)
{
	static const char *const types[] = {
		"text/", "application/json", "application/problem+json", "image/svg+xml",
	};
	if (len < HTTP_COMPRESS_MIN || content_type == NULL)
		return false;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strncmp(content_type, types[i], strlen(types[i])) == 0)
			return true;
	return false;
}

int http_gzip(const void *in, size_t len, struct buf *out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	/* 15 + 16: a window of 32 KiB with the gzip header and trailer. */
	if (deflateInit2(&z, HTTP_COMPRESS_LEVEL, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	size_t before = out->len;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	char chunk[16384];
	int zr = Z_OK, rc = 0;
	while (rc == 0 && zr == Z_OK) {
		z.next_out = (Bytef *)chunk;
		z.avail_out = sizeof chunk;
		zr = deflate(&z, Z_FINISH);
		if ((zr != Z_OK && zr != Z_STREAM_END) ||
		    buf_append(out, chunk, sizeof chunk - z.avail_out) != 0)
			rc = -1;
	}
	deflateEnd(&z);
	if (rc != 0 && out->data != NULL) {
		out->len = before;
		out->data[before] = '\0';
	}
	return rc;
}

enum http_encoding http_compress_response(const char *accept_encoding,
                                          struct http_response *res)
{
	if (!http_compressible(res->content_type, res->body.len))
		return HTTP_AS_IS;
	if (!http_accepts_gzip(accept_encoding))
		return HTTP_VARY;
	struct buf z;
	buf_init(&z, res->body.max);
	if (http_gzip(res->body.data, res->body.len, &z) != 0 || z.len >= res->body.len) {
		buf_free(&z);
		return HTTP_VARY;
	}
	buf_free(&res->body);
	res->body = z;
	return HTTP_GZIPPED;
}
