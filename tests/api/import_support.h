/*
 * Helpers of the import tests (imports_test.c, imports_kinds_test.c): an
 * upload of a spreadsheet to /api/imports/KIND expecting a status, and the
 * counts per action of the answer.
 *
 * Ownership: the document an upload returns is the caller's (json_decref).
 */
#ifndef KP_TESTS_API_IMPORT_SUPPORT_H
#define KP_TESTS_API_IMPORT_SUPPORT_H

#include <stdio.h>

#include "support.h"

static json_t *import_upload(struct client *cl, const char *kind, const char *query,
                             const char *data, size_t len, long status)
{
	char path[256];
	long got = 0;
	snprintf(path, sizeof path, "/api/imports/%s%s", kind, query);
	json_t *doc = client_raw(cl, "POST", path, data, len, "text/csv", true, &got);
	if (got != status)
		fail_msg("POST %s: expected %ld, got %ld: %s", path, status, got,
		         cl->raw ? cl->raw : "");
	assert_non_null(doc);
	return doc;
}

static long import_count(json_t *doc, const char *action)
{
	return (long)json_integer_value(json_object_get(json_object_get(doc, "counts"), action));
}

static void check_counts(json_t *doc, long create, long update, long unchanged, long refused,
                         long empty)
{
	assert_int_equal(import_count(doc, "create"), create);
	assert_int_equal(import_count(doc, "update"), update);
	assert_int_equal(import_count(doc, "unchanged"), unchanged);
	assert_int_equal(import_count(doc, "refused"), refused);
	assert_int_equal(import_count(doc, "empty"), empty);
}

#endif
