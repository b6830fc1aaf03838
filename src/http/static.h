/*
 * Serving the web front end's static files from one directory, the web
 * root.
 *
 * Invariant: only regular files that lie inside the web root without any
 * symbolic link on the way are served. The root itself is resolved once at
 * start (http_static_root); a request path with "..", a backslash, a "."
 * or empty segment, or any symlink in it resolves to something other than
 * root + path and is refused, as is a file opened through a link swapped in
 * meanwhile (O_NOFOLLOW).
 *
 * Ownership: the file's bytes go into the response's own body.
 */
#ifndef KP_HTTP_STATIC_H
#define KP_HTTP_STATIC_H

#include <stddef.h>

#include "http/http.h"

/* Writes the resolved absolute path of directory `dir` (no symlinks, no
   "." or "..") into out[cap]. Returns 0, or -1 when dir does not exist or
   out is too small (out untouched). */
int http_static_root(const char *dir, char *out, size_t cap);

/* Serves `path` (URL path) from `root`, which http_static_root resolved,
   or index.html for paths without an extension (the front end routes
   them). Returns 0 when a file was served, -1 when there is none (res
   untouched). */
int http_serve_static(const char *root, const char *path, struct http_response *res);

/* Cache-Control of a versioned URL (?v=…): its content never changes. */
#define HTTP_STATIC_IMMUTABLE "public, max-age=31536000, immutable"

/* As http_serve_static for the request's path, answering as HTTP asks:
   every file carries a weak ETag (size and modification time); a request
   whose If-None-Match names it gets 304 without a body; a versioned URL
   (query v=…) may be cached for a year. */
int http_serve_static_request(const char *root, const struct http_request *req,
                              struct http_response *res);

#endif
