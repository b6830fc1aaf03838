#include "http/static.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STATIC_FILE_MAX (8 * 1024 * 1024)

static const char *mime_type(const char *path)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".mjs", "text/javascript; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".json", "application/json" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".ico", "image/x-icon" },
		{ ".woff2", "font/woff2" },
		{ ".txt", "text/plain; charset=utf-8" },
	};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

/* Whether `file` (root + URL path) resolves to itself: no symlink in any
   of its parts, no "." or "//", and inside root. */
static int resolves_to_itself(const char *root, const char *file)
{
	char *real = realpath(file, NULL);
	if (real == NULL)
		return 0;
	size_t n = strlen(root);
	int ok = strcmp(real, file) == 0 && strncmp(real, root, n) == 0 && real[n] == '/';
	free(real);
	return ok;
}

static int read_file(const char *root, const char *file, struct http_response *res)
{
	if (!resolves_to_itself(root, file))
		return -1;
	int fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat sb;
	FILE *f = NULL;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > STATIC_FILE_MAX ||
	    (f = fdopen(fd, "rb")) == NULL) {
		close(fd);
		return -1;
	}
	char chunk[16384];
	size_t n;
	int rc = 0;
	res->body.len = 0;
	while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_append(&res->body, chunk, n);
	fclose(f);
	if (rc != 0)
		return -1;
	res->status = 200;
	res->content_type = mime_type(file);
	res->cache_control = "no-cache";
	/* Weak: the same file is sent gzipped or not. Size and modification
	   time change whenever the file does. */
	char etag[96];
	snprintf(etag, sizeof etag, "W/\"%llx-%llx.%lx\"", (unsigned long long)sb.st_size,
	         (unsigned long long)sb.st_mtim.tv_sec, (unsigned long)sb.st_mtim.tv_nsec);
	http_response_header(res, "ETag", etag);
	return 0;
}

int http_static_root(const char *dir, char *out, size_t cap)
{
	char *real = realpath(dir, NULL);
	if (real == NULL)
		return -1;
	int n = strlen(real) < cap ? snprintf(out, cap, "%s", real) : -1;
	free(real);
	return n < 0 ? -1 : 0;
}

int http_serve_static(const char *root, const char *path, struct http_response *res)
{
	if (strstr(path, "..") != NULL || strchr(path, '\\') != NULL || path[0] != '/')
		return -1;
	char file[4096];
	const char *last = strrchr(path, '/');
	int spa = strchr(last, '.') == NULL; /* no extension: a front-end route */
	int n = spa ? snprintf(file, sizeof file, "%s/index.html", root)
	            : snprintf(file, sizeof file, "%s%s", root, path);
	if (n < 0 || (size_t)n >= sizeof file)
		return -1;
	return read_file(root, file, res);
}

/* Whether If-None-Match (a list of entity tags, or "*") names etag, by weak
   comparison: W/ prefixes do not count. */
static int names_etag(const char *if_none_match, const char *etag)
{
	const char *opaque = strncmp(etag, "W/", 2) == 0 ? etag + 2 : etag;
	if (strcmp(if_none_match, "*") == 0)
		return 1;
	for (const char *p = strstr(if_none_match, opaque); p != NULL; p = strstr(p + 1, opaque))
		if (p[strlen(opaque)] == '\0' || p[strlen(opaque)] == ',' ||
		    p[strlen(opaque)] == ' ')
			return 1;
	return 0;
}

int http_serve_static_request(const char *root, const struct http_request *req,
                              struct http_response *res)
{
	if (http_serve_static(root, req->path, res) != 0)
		return -1;
	const char *v = http_query(req, "v");
	if (v != NULL && *v != '\0')
		res->cache_control = HTTP_STATIC_IMMUTABLE;
	const char *inm = http_header(req, "If-None-Match");
	for (int i = 0; inm != NULL && i < res->n_extra; i++) {
		if (strcmp(res->extra_name[i], "ETag") == 0 && names_etag(inm, res->extra_value[i])) {
			res->status = 304;
			res->body.len = 0;
			if (res->body.data != NULL)
				res->body.data[0] = '\0';
		}
	}
	return 0;
}
