/*
 * The API's description (docs/api.md, "OpenAPI"):
 *
 *   GET /api/openapi.json   OpenAPI 3.1 for every route of src/api/routes.c
 *
 * The description is src/api/openapi.json, kept by hand and built into the
 * binary; tests/api/openapi_test.c checks that its paths and methods are
 * exactly those of the route table, and tests/openapi/validate.mjs that real
 * answers of a running server match its schemas.
 */
#ifndef KP_API_OPENAPI_H
#define KP_API_OPENAPI_H

#include "api/api.h"

int openapi_show(struct api_call *c);

#endif
