/* Static files (src/http/static.c): only regular files inside the web root,
   reached without any symbolic link, are served. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/static.h"

/* A temporary web root with index.html, app.js and a folder js/ holding
   main.js, beside a "secret" file outside it. */
struct webroot {
	char top[64];            /* holds web/ and secret.txt */
	char root[PATH_MAX];     /* top/web, resolved */
	char secret[PATH_MAX];   /* top/secret.txt, outside the root */
};

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void in_root(const struct webroot *w, const char *rel, char *out, size_t cap)
{
	int n = snprintf(out, cap, "%s/%s", w->root, rel);
	assert_true(n > 0 && (size_t)n < cap);
}

static int setup(void **state)
{
	struct webroot *w = calloc(1, sizeof *w);
	char web[128], path[PATH_MAX];
	if (w == NULL)
		return -1;
	snprintf(w->top, sizeof w->top, "/tmp/statictest-XXXXXX");
	if (mkdtemp(w->top) == NULL)
		return -1;
	snprintf(web, sizeof web, "%s/web", w->top);
	if (mkdir(web, 0700) != 0 || http_static_root(web, w->root, sizeof w->root) != 0)
		return -1;
	snprintf(w->secret, sizeof w->secret, "%s/secret.txt", w->top);
	write_file(w->secret, "geheim");
	in_root(w, "index.html", path, sizeof path);
	write_file(path, "<!doctype html>");
	in_root(w, "app.js", path, sizeof path);
	write_file(path, "export {};");
	in_root(w, "js", path, sizeof path);
	mkdir(path, 0700);
	in_root(w, "js/main.js", path, sizeof path);
	write_file(path, "main();");
	*state = w;
	return 0;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int teardown(void **state)
{
	struct webroot *w = *state;
	nftw(w->top, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(w);
	return 0;
}

/* Serves path; returns 0/-1 as http_serve_static and the body in out. */
static int serve(const struct webroot *w, const char *path, char *out, size_t cap)
{
	struct http_response res = { .status = 0 };
	buf_init(&res.body, 1 << 20);
	int rc = http_serve_static(w->root, path, &res);
	snprintf(out, cap, "%.*s", (int)res.body.len, res.body.data ? res.body.data : "");
	buf_free(&res.body);
	return rc;
}

static void regular_files_are_served(void **state)
{
	struct webroot *w = *state;
	char body[256];
	assert_int_equal(serve(w, "/app.js", body, sizeof body), 0);
	assert_string_equal(body, "export {};");
	assert_int_equal(serve(w, "/js/main.js", body, sizeof body), 0);
	assert_string_equal(body, "main();");
	assert_int_equal(serve(w, "/vrijwilligers", body, sizeof body), 0);
	assert_string_equal(body, "<!doctype html>");
}

static void symlink_to_a_file_outside_is_refused(void **state)
{
	struct webroot *w = *state;
	char link[PATH_MAX], body[256];
	in_root(w, "passwd.txt", link, sizeof link);
	assert_int_equal(symlink("/etc/passwd", link), 0);
	in_root(w, "secret.txt", link, sizeof link);
	assert_int_equal(symlink(w->secret, link), 0);
	assert_int_equal(serve(w, "/passwd.txt", body, sizeof body), -1);
	assert_int_equal(serve(w, "/secret.txt", body, sizeof body), -1);
	assert_string_equal(body, "");
}

static void symlink_inside_the_root_is_refused_too(void **state)
{
	struct webroot *w = *state;
	char link[PATH_MAX], body[256];
	in_root(w, "alias.js", link, sizeof link);
	assert_int_equal(symlink("app.js", link), 0);
	assert_int_equal(serve(w, "/alias.js", body, sizeof body), -1);
}

static void symlinked_folder_is_refused(void **state)
{
	struct webroot *w = *state;
	char link[PATH_MAX], body[256];
	in_root(w, "etc", link, sizeof link);
	assert_int_equal(symlink("/etc", link), 0);
	assert_int_equal(serve(w, "/etc/passwd.js", body, sizeof body), -1);
	assert_int_equal(serve(w, "/etc/hostname.txt", body, sizeof body), -1);
	in_root(w, "lib", link, sizeof link);
	assert_int_equal(symlink("js", link), 0);
	assert_int_equal(serve(w, "/lib/main.js", body, sizeof body), -1);
}

static void symlinked_index_is_refused(void **state)
{
	struct webroot *w = *state;
	char path[PATH_MAX], body[256];
	in_root(w, "index.html", path, sizeof path);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(symlink(w->secret, path), 0);
	assert_int_equal(serve(w, "/", body, sizeof body), -1);
	assert_int_equal(serve(w, "/vrijwilligers", body, sizeof body), -1);
}

static void odd_paths_are_refused(void **state)
{
	struct webroot *w = *state;
	char body[256];
	const char *paths[] = { "/../secret.txt", "/js/../app.js", "//app.js", "/./app.js",
	                        "/js//main.js", "/js\\main.js", "app.js", "/missing.js" };
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		if (serve(w, paths[i], body, sizeof body) != -1)
			fail_msg("served %s", paths[i]);
}

static void folder_is_not_a_file(void **state)
{
	struct webroot *w = *state;
	char path[PATH_MAX], body[256];
	in_root(w, "dir.js", path, sizeof path);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(serve(w, "/dir.js", body, sizeof body), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(regular_files_are_served, setup, teardown),
		cmocka_unit_test_setup_teardown(symlink_to_a_file_outside_is_refused, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(symlink_inside_the_root_is_refused_too, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(symlinked_folder_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(symlinked_index_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(odd_paths_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(folder_is_not_a_file, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
