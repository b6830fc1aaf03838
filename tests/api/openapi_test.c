/*
 * The OpenAPI description at /api/openapi.json against the route table
 * (api_routes[] itself): every route is described with its method, nothing
 * is described that is not a route, every operation names a success answer
 * and a problem answer, and every path parameter is declared. Real answers
 * are checked against its schemas by tests/openapi/validate.mjs.
 */
#include "support.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"

static json_t *description(struct env *e)
{
	struct client anon;
	client_init(&anon, &e->srv);
	json_t *doc = expect(&anon, "GET", "/api/openapi.json", NULL, 200);
	assert_string_equal(anon.content_type, "application/json");
	client_free(&anon);
	assert_non_null(doc);
	assert_string_equal(json_str(doc, "openapi"), "3.1.0");
	return doc;
}

static json_t *operation(json_t *doc, const char *pattern, const char *method)
{
	char lower[8];
	size_t i = 0;
	for (; method[i] && i + 1 < sizeof lower; i++)
		lower[i] = (char)tolower((unsigned char)method[i]);
	lower[i] = '\0';
	return json_object_get(json_object_get(json_object_get(doc, "paths"), pattern), lower);
}

static void test_every_route_is_described(void **state)
{
	json_t *doc = description(*state);
	for (int i = 0; i < api_route_count; i++) {
		const struct api_route *r = &api_routes[i];
		json_t *op = operation(doc, r->pattern, r->method);
		if (op == NULL)
			fail_msg("%s %s is not in /api/openapi.json", r->method, r->pattern);
		json_t *responses = json_object_get(op, "responses");
		const char *code;
		json_t *v;
		bool success = false;
		json_object_foreach(responses, code, v)
			success |= code[0] == '2';
		if (!success || json_object_get(responses, "default") == NULL)
			fail_msg("%s %s: needs a 2xx and a default answer", r->method, r->pattern);
		if (strstr(r->pattern, "{id}") != NULL) {
			char *params = json_dumps(json_object_get(op, "parameters"), 0);
			bool declared = params != NULL && strstr(params, "\"id\"") != NULL;
			free(params);
			if (!declared)
				fail_msg("%s %s: the path parameter id is not declared", r->method,
				         r->pattern);
		}
	}
	json_decref(doc);
}

static bool is_route(const char *pattern, const char *method)
{
	for (int i = 0; i < api_route_count; i++)
		if (strcmp(api_routes[i].pattern, pattern) == 0 &&
		    strcasecmp(api_routes[i].method, method) == 0)
			return true;
	return false;
}

static void test_nothing_else_is_described(void **state)
{
	json_t *doc = description(*state);
	const char *pattern, *method;
	json_t *ops, *op;
	int n = 0;
	json_object_foreach(json_object_get(doc, "paths"), pattern, ops) {
		json_object_foreach(ops, method, op) {
			if (strcmp(method, "parameters") == 0)
				continue;
			if (!is_route(pattern, method))
				fail_msg("/api/openapi.json describes %s %s, which is no route", method,
				         pattern);
			n++;
		}
	}
	assert_int_equal(n, api_route_count);
	json_decref(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_route_is_described),
		cmocka_unit_test(test_nothing_else_is_described),
	};
	return cmocka_run_group_tests(tests, env_setup, env_teardown);
}
