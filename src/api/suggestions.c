/* Candidates, suggestions and proposals from the matching index (see suggestions.h). */
#include "api/suggestions.h"

#include "api/json_out.h"

#include <math.h>
#include <stdio.h>

#include "api/json_in.h"
#include "match/match.h"
#include "service/contact_point.h"
#include "service/suggestions.h"
#include "util/parse.h"

#define EXPLAIN_TEXT_MAX (MATCH_EXPLAIN_MAX * (MATCH_PHRASE_MAX + 8))

/* ?limit= between 1 and MATCH_LIMIT_MAX, 20 when absent. */
static int read_limit(struct api_call *c, int *limit)
{
	*limit = 20;
	const char *s = http_query(c->req, "limit");
	long long v = 20;
	if (s != NULL && parse_int(s, 1, MATCH_LIMIT_MAX, &v) != 0)
		return kp_fail_limit(&c->err, KP_MALFORMED, "out_of_range", "limit", MATCH_LIMIT_MAX);
	*limit = (int)v;
	return KP_OK;
}

static double round1(double x)
{
	return round(x * 10.0) / 10.0;
}

static double round2(double x)
{
	return round(x * 100.0) / 100.0;
}

static json_t *explanation(const struct match_hit *h, json_t *item)
{
	char text[EXPLAIN_TEXT_MAX];
	json_t *arr = json_array();
	for (int i = 0; i < h->n_phrases; i++)
		json_array_append_new(arr, json_string(h->phrases[i]));
	match_explain_join(h, text, sizeof text);
	json_object_set_new(item, "explanation", arr);
	json_object_set_new(item, "explanation_text", json_string(text));
	json_object_set_new(item, "distance_km", json_real(round1(h->distance_km)));
	json_object_set_new(item, "score", json_real(round2(h->score)));
	json_object_set_new(item, "fit", json_integer(match_hit_fit(h)));
	return item;
}

static json_t *parts_of(const struct match_hit *h)
{
	json_t *parts = json_object();
	for (int i = 0; i < MP_COUNT; i++)
		json_object_set_new(parts, match_part_name(i), json_real(round2(h->parts[i])));
	return parts;
}

static int add_candidate(void *ctx, const struct match_hit *h, const struct volunteer *v)
{
	json_t *item = json_object();
	json_object_set_new(item, "volunteer_id", json_integer(v->id));
	json_object_set_new(item, "first_name", jout_opt_text(v->first_name));
	json_object_set_new(item, "last_name", jout_opt_text(v->last_name));
	json_object_set_new(item, "place", json_string(v->place));
	json_object_set_new(item, "parts", parts_of(h));
	return json_array_append_new(ctx, explanation(h, item));
}

/* The best volunteers for the call c->id, or for the help request c->id. */
static int reply_candidates(struct api_call *c, bool help_request)
{
	int limit;
	int64_t total = 0;
	if (read_limit(c, &limit))
		return KP_ERR;
	json_t *items = json_array();
	int rc = help_request ? help_request_volunteers(c->app, c->db, &c->who, c->id, limit,
	                                                add_candidate, items, &total, &c->err)
	                      : candidates_list(c->app, c->db, &c->who, c->id, limit,
	                                        add_candidate, items, &total, &c->err);
	if (rc) {
		json_decref(items);
		return KP_ERR;
	}
	json_t *doc = json_object();
	json_object_set_new(doc, "items", items);
	json_object_set_new(doc, "total", json_integer(total));
	return api_reply(c, 200, doc);
}

int suggestions_for_call(struct api_call *c)
{
	return reply_candidates(c, false);
}

int suggestions_for_help_request(struct api_call *c)
{
	return reply_candidates(c, true);
}

struct calls_ctx {
	struct api_call *c;
	json_t *items;
};

static int add_call(void *ctx, const struct match_hit *h, const struct call *call)
{
	struct calls_ctx *x = ctx;
	struct catalog_item act;
	json_t *item = json_object();
	json_object_set_new(item, "call_id", json_integer(call->id));
	json_object_set_new(item, "title", json_string(call->title));
	json_object_set_new(item, "organisation_id", json_integer(call->organisation_id));
	json_object_set_new(item, "activity", catalog_get(&x->c->app->lists, call->activity_id, &act)
	                                          ? json_string(act.code) : json_null());
	json_object_set_new(item, "place", json_string(call->place));
	return json_array_append_new(x->items, explanation(h, item));
}

int suggestions_for_volunteer(struct api_call *c)
{
	int limit;
	if (read_limit(c, &limit))
		return KP_ERR;
	struct calls_ctx x = { c, json_array() };
	if (suggestions_list(c->app, c->db, &c->who, c->id, limit, add_call, &x, &c->err)) {
		json_decref(x.items);
		return KP_ERR;
	}
	json_t *doc = json_object();
	json_object_set_new(doc, "total", json_integer((json_int_t)json_array_size(x.items)));
	json_object_set_new(doc, "items", x.items);
	return api_reply(c, 200, doc);
}

static int add_pair(void *ctx, const struct match_pair *pair, const struct match_hit *h)
{
	char text[EXPLAIN_TEXT_MAX] = "";
	json_t *item = json_object();
	if (h != NULL)
		match_explain_join(h, text, sizeof text);
	json_object_set_new(item, "call_id", json_integer(pair->call_id));
	json_object_set_new(item, "volunteer_id", json_integer(pair->volunteer_id));
	json_object_set_new(item, "score", json_real(round2(h ? h->score : pair->score)));
	if (h != NULL)
		json_object_set_new(item, "fit", json_integer(match_hit_fit(h)));
	json_object_set_new(item, "explanation_text", json_string(text));
	return json_array_append_new(ctx, item);
}

int suggestions_proposal(struct api_call *c)
{
	static const char *const fields[] = { "organisation_id", NULL };
	int64_t org = 0;
	struct match_proposal p;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "organisation_id", false, &org, &c->err))
		return KP_ERR;
	json_t *items = json_array();
	if (proposal_compute(c->app, c->db, &c->who, org, add_pair, items, &p, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	json_t *doc = json_object();
	json_object_set_new(doc, "items", items);
	json_object_set_new(doc, "total_score", json_real(round2(p.total_score)));
	json_object_set_new(doc, "greedy_total_score", json_real(round2(p.greedy_total_score)));
	json_object_set_new(doc, "calls", json_integer(p.calls));
	json_object_set_new(doc, "volunteers", json_integer(p.volunteers));
	json_object_set_new(doc, "max_per_volunteer", json_integer(p.max_per_volunteer));
	json_object_set_new(doc, "gini", json_real(round2(p.gini * 100) / 100));
	json_object_set_new(doc, "places_open", json_integer(p.places_open));
	json_object_set_new(doc, "places_open_with_room", json_integer(p.places_open_with_room));
	json_object_set_new(doc, "optimal", json_boolean(p.optimal));
	return api_reply(c, 200, doc);
}
