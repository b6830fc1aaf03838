/*
 * gzip for answers that are worth it: text (JSON, HTML, JavaScript, CSS,
 * SVG) of at least HTTP_COMPRESS_MIN bytes, to a client whose
 * Accept-Encoding takes gzip. Small bodies are sent as they are: the gzip
 * frame and the CPU would cost more than the bytes saved.
 *
 * Invariants: a compressed body replaces the response body only when it is
 * smaller and fits the body's cap; otherwise the response is left exactly
 * as it was. Every compressible answer, compressed or not, must carry
 * "Vary: Accept-Encoding" so that a cache keeps the two apart.
 *
 * Ownership: http_gzip writes into a buffer the caller owns;
 * http_compress_response swaps the response's owned body.
 */
#ifndef KP_HTTP_COMPRESS_H
#define KP_HTTP_COMPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "http/http.h"
#include "util/buf.h"

#define HTTP_COMPRESS_MIN 1024
#define HTTP_COMPRESS_LEVEL 5   /* zlib 1..9: most of 9's gain at a third of its time */

/* Whether an Accept-Encoding value (NULL when absent) takes gzip: "gzip"
   or "*" listed without q=0. */
bool http_accepts_gzip(const char *accept_encoding);

/* Whether a body of this type and length is worth compressing. */
bool http_compressible(const char *content_type, size_t len);

/* Appends the gzip stream of in[0..len) to out; 0, or -1 when it does not
   fit out's cap or zlib fails (out as it was). */
int http_gzip(const void *in, size_t len, struct buf *out);

enum http_encoding {
	HTTP_AS_IS,        /* not worth compressing: no Vary needed */
	HTTP_VARY,         /* compressible, sent as is: Vary: Accept-Encoding */
	HTTP_GZIPPED,      /* body is gzip now: Content-Encoding: gzip and Vary */
};

/* Compresses res->body in place when it is worth it and the client takes
   gzip; says which headers the answer needs. */
enum http_encoding http_compress_response(const char *accept_encoding,
                                          struct http_response *res);

#endif
