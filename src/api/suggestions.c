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

static double round2(double x)
{
	return round(x * 100.0) / 100.0;
}

/* The fields of an item that say why: the phrases, as one text, distance,
   score and fit. */
static void write_explanation(struct jw *w, const struct match_hit *h)
{
	char text[EXPLAIN_TEXT_MAX];
	JW_KEY(w, "explanation");
	jw_array(w);
	for (int i = 0; i < h->n_phrases; i++)
		jw_string(w, h->phrases[i]);
	jw_end_array(w);
	match_explain_join(h, text, sizeof text);
	JW_KEY(w, "explanation_text"); jw_string(w, text);
	JW_KEY(w, "distance_km"); jw_decimal(w, h->distance_km, 1);
	JW_KEY(w, "score"); jw_decimal(w, h->score, 2);
	JW_KEY(w, "fit"); jw_int(w, match_hit_fit(h));
}

static int add_candidate(void *ctx, const struct match_hit *h, const struct volunteer_name *v)
{
	struct jw *w = ctx;
	jw_object(w);
	JW_KEY(w, "volunteer_id"); jw_int(w, v->id);
	JW_KEY(w, "first_name"); jw_opt_string(w, v->first_name);
	JW_KEY(w, "last_name"); jw_opt_string(w, v->last_name);
	JW_KEY(w, "place"); jw_string(w, v->place);
	JW_KEY(w, "parts");
	jw_object(w);
	for (int i = 0; i < MP_COUNT; i++) {
		jw_key(w, match_part_name(i));
		jw_decimal(w, h->parts[i], 2);
	}
	jw_end_object(w);
	write_explanation(w, h);
	jw_end_object(w);
	return jw_failed(w) ? -1 : 0;
}

/* The best volunteers for the call c->id, or for the help request c->id,
   written straight into the answer: {"items": [...], "total": n}. */
static int reply_candidates(struct api_call *c, bool help_request)
{
	int limit;
	int64_t total = 0;
	struct jw w;
	if (read_limit(c, &limit))
		return KP_ERR;
	api_page_begin(c, &w);
	int rc = help_request ? help_request_volunteers(c->app, c->db, &c->who, c->id, limit,
	                                                add_candidate, &w, &total, &c->err)
	                      : candidates_list(c->app, c->db, &c->who, c->id, limit,
	                                        add_candidate, &w, &total, &c->err);
	if (rc) {
		c->res->body.len = 0;
		return KP_ERR;
	}
	return api_items_end(c, &w, total);
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
	struct jw w;
	int n;
};

static int add_call(void *ctx, const struct match_hit *h, const struct call *call)
{
	struct calls_ctx *x = ctx;
	struct jw *w = &x->w;
	jw_object(w);
	JW_KEY(w, "call_id"); jw_int(w, call->id);
	JW_KEY(w, "title"); jw_string(w, call->title);
	JW_KEY(w, "organisation_id"); jw_int(w, call->organisation_id);
	JW_KEY(w, "activity"); jwout_item(w, &x->c->app->lists, call->activity_id);
	JW_KEY(w, "place"); jw_string(w, call->place);
	write_explanation(w, h);
	jw_end_object(w);
	x->n++;
	return jw_failed(w) ? -1 : 0;
}

int suggestions_for_volunteer(struct api_call *c)
{
	int limit;
	if (read_limit(c, &limit))
		return KP_ERR;
	struct calls_ctx x = { .c = c };
	api_page_begin(c, &x.w);
	if (suggestions_list(c->app, c->db, &c->who, c->id, limit, add_call, &x, &c->err)) {
		c->res->body.len = 0;
		return KP_ERR;
	}
	return api_items_end(c, &x.w, x.n);
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
