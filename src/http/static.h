/*
 * Serving the web front end's static files from one directory.
 */
#ifndef KP_HTTP_STATIC_H
#define KP_HTTP_STATIC_H

#include "http/http.h"

/* Serves `path` (URL path) from directory `root`, or index.html for paths
   without an extension (the front end routes them). Returns 0 when a file
   was served, -1 when there is none (res untouched). Rejects "..". */
int http_serve_static(const char *root, const char *path, struct http_response *res);

#endif
