/* The API's OpenAPI description (openapi.h). */
#include "api/openapi.h"

/* src/api/openapi.json, embedded at build time by scripts/embed-file. */
extern const char api_openapi_json[];
extern const unsigned long api_openapi_json_len;

int openapi_show(struct api_call *c)
{
	c->res->body.len = 0;
	if (buf_append(&c->res->body, api_openapi_json, api_openapi_json_len) != 0)
		return kp_internal(&c->err);
	c->res->status = 200;
	c->res->content_type = "application/json";
	return KP_OK;
}
