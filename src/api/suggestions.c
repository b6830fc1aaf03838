/* Candidates, suggestions and proposals from the matching index (see suggestions.h). */
#include "api/suggestions.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/consents.h"
#include "api/json_in.h"
#include "match/match.h"
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

static struct match_index *index_of(struct api_call *c)
{
	if (c->app->index == NULL)
		kp_fail(&c->err, KP_BUSY, "matching_unavailable", "");
	return c->app->index;
}

static double round1(double x)
{
	return round(x * 10.0) / 10.0;
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
	json_object_set_new(item, "score", json_real(round(h->score * 100.0) / 100.0));
	return item;
}

static json_t *parts_of(const struct match_hit *h)
{
	json_t *parts = json_object();
	for (int i = 0; i < MP_COUNT; i++)
		json_object_set_new(parts, match_part_name(i),
		                    json_real(round(h->parts[i] * 100.0) / 100.0));
	return parts;
}

/* Lived experience counted only under the volunteer's consent; the caller
   hears of it only when they may see it (RES_EXPERIENCE: the network
   administrator, for one, may not). */
static int shown_experience(struct api_call *c, int64_t org, int64_t vid, struct match_hit *h)
{
	struct consent k;
	struct authz_target t;
	if (h->parts[MP_EXPERIENCE] <= 0)
		return KP_OK;
	if (consents_target(c, org, vid, &k, &t))
		return KP_ERR;
	if (!authz_allows(&c->who, RES_EXPERIENCE, ACT_READ, &t))
		match_hit_hide_experience(h);
	return KP_OK;
}

/* The engine counts lived experience only where the volunteer's consent lets
   the call's organisation use it. A caller who may not see it there (the
   network administrator, for one) gets every ranking computed without it:
   hiding the part afterwards would leave the order to tell. */
static unsigned ranking_flags(struct api_call *c, int64_t call_org)
{
	struct consent widest = { .scope = CONSENT_NETWORK, .experience = true };
	struct authz_target t = { .organisation_id = call_org, .consent = &widest };
	return authz_allows(&c->who, RES_EXPERIENCE, ACT_READ, &t) ? 0 : MATCH_WITHOUT_EXPERIENCE;
}

/* Runs the question for a call, then names the volunteers it found. */
static int candidates(struct api_call *c, struct match_index *ix, int limit, unsigned flags,
                      json_t *items, int64_t *total)
{
	struct match_hit *hits = calloc((size_t)limit, sizeof *hits);
	struct volunteer *v = malloc(sizeof *v);
	struct kp_error miss = { 0 };
	int n = 0, rc = KP_OK;
	if (hits == NULL || v == NULL) {
		rc = kp_internal(&c->err);
		goto end;
	}
	/* A call that is not open has no candidates: an empty answer, not an error. */
	if (match_for_call(ix, c->id, limit, c->app->now(), flags, hits, &n, total, &miss))
		n = 0;
	for (int i = 0; i < n && rc == KP_OK; i++) {
		/* The engine proposes a volunteer of another organisation only with
		   their consent (mf_consent), so every hit may be named here. */
		rc = store_volunteer_get(c->db, hits[i].volunteer_id, false, v, &c->err);
		if (rc == KP_OK)
			rc = shown_experience(c, v->organisation_id, v->id, &hits[i]);
		if (rc)
			break;
		json_t *item = json_object();
		json_object_set_new(item, "volunteer_id", json_integer(v->id));
		json_object_set_new(item, "first_name", json_string(v->first_name));
		json_object_set_new(item, "last_name", json_string(v->last_name));
		json_object_set_new(item, "place", json_string(v->place));
		json_object_set_new(item, "parts", parts_of(&hits[i]));
		json_array_append_new(items, explanation(&hits[i], item));
	}
end:
	free(hits);
	free(v);
	return rc;
}

int suggestions_for_call(struct api_call *c)
{
	int limit;
	int64_t total = 0;
	struct call *call = malloc(sizeof *call);
	json_t *items = json_array();
	struct match_index *ix = NULL;
	int rc = call ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = read_limit(c, &limit);
	if (rc == KP_OK)
		rc = store_call_get(c->db, c->id, call, &c->err);
	if (rc == KP_OK) {
		struct authz_target t = { .organisation_id = call->organisation_id };
		rc = api_authorise(c, RES_SUGGESTION, ACT_LIST, &t);
	}
	if (rc == KP_OK && (ix = index_of(c)) == NULL)
		rc = KP_ERR;
	if (rc == KP_OK)
		rc = candidates(c, ix, limit, ranking_flags(c, call->organisation_id), items, &total);
	if (rc == KP_OK) {
		json_t *doc = json_object();
		json_object_set_new(doc, "items", items);
		json_object_set_new(doc, "total", json_integer(total));
		items = NULL;
		rc = api_reply(c, 200, doc);
	}
	json_decref(items);
	free(call);
	return rc;
}

static int suggestions(struct api_call *c, struct match_index *ix, const struct volunteer *v,
                       int limit, json_t *items)
{
	struct match_hit *hits = calloc((size_t)limit, sizeof *hits);
	struct call *call = malloc(sizeof *call);
	struct kp_error miss = { 0 };
	int64_t total = 0;
	int n = 0, rc = KP_OK;
	if (hits == NULL || call == NULL) {
		rc = kp_internal(&c->err);
		goto end;
	}
	/* Ranked with lived experience only for a caller who may see this
	   volunteer's; an inactive volunteer gets no suggestions: an empty answer. */
	struct consent k;
	struct authz_target t;
	unsigned flags = MATCH_WITHOUT_EXPERIENCE;
	if (consents_target(c, v->organisation_id, v->id, &k, &t)) {
		rc = KP_ERR;
		goto end;
	}
	if (authz_allows(&c->who, RES_EXPERIENCE, ACT_READ, &t))
		flags = 0;
	if (match_for_volunteer(ix, c->id, limit, c->app->now(), flags, hits, &n, &total, &miss))
		n = 0;
	for (int i = 0; i < n && rc == KP_OK; i++) {
		rc = store_call_get(c->db, hits[i].call_id, call, &c->err);
		if (rc == KP_OK)
			rc = shown_experience(c, v->organisation_id, v->id, &hits[i]);
		if (rc)
			break;
		struct catalog_item act;
		json_t *item = json_object();
		json_object_set_new(item, "call_id", json_integer(call->id));
		json_object_set_new(item, "title", json_string(call->title));
		json_object_set_new(item, "organisation_id", json_integer(call->organisation_id));
		json_object_set_new(item, "activity",
		                    catalog_get(&c->app->lists, call->activity_id, &act)
		                        ? json_string(act.code) : json_null());
		json_object_set_new(item, "place", json_string(call->place));
		json_array_append_new(items, explanation(&hits[i], item));
	}
end:
	free(hits);
	free(call);
	return rc;
}

int suggestions_for_volunteer(struct api_call *c)
{
	int limit;
	struct volunteer *v = malloc(sizeof *v);
	json_t *items = json_array();
	struct match_index *ix = NULL;
	int rc = v ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = read_limit(c, &limit);
	if (rc == KP_OK)
		rc = store_volunteer_get(c->db, c->id, false, v, &c->err);
	if (rc == KP_OK) {
		struct authz_target t = { .organisation_id = v->organisation_id, .volunteer_id = v->id };
		rc = api_authorise(c, RES_SUGGESTION, ACT_READ, &t);
	}
	if (rc == KP_OK && (ix = index_of(c)) == NULL)
		rc = KP_ERR;
	if (rc == KP_OK)
		rc = suggestions(c, ix, v, limit, items);
	if (rc == KP_OK) {
		json_t *doc = json_object();
		json_object_set_new(doc, "total", json_integer((json_int_t)json_array_size(items)));
		json_object_set_new(doc, "items", items);
		items = NULL;
		rc = api_reply(c, 200, doc);
	}
	json_decref(items);
	free(v);
	return rc;
}

/* As shown_experience, for a pair of a proposal (the volunteer's
   organisation read only when lived experience counted). */
static int hidden_for(struct api_call *c, struct match_hit *h)
{
	struct volunteer *v;
	if (h->parts[MP_EXPERIENCE] <= 0)
		return KP_OK;
	if ((v = malloc(sizeof *v)) == NULL)
		return kp_internal(&c->err);
	int rc = store_volunteer_get(c->db, h->volunteer_id, false, v, &c->err);
	if (rc == KP_OK)
		rc = shown_experience(c, v->organisation_id, v->id, h);
	free(v);
	return rc;
}

static json_t *proposal_doc(struct api_call *c, struct match_index *ix,
                            const struct match_proposal *p, unsigned flags)
{
	char text[EXPLAIN_TEXT_MAX];
	struct match_hit *h = malloc(sizeof *h);
	json_t *items = json_array(), *doc = json_object();
	int64_t now = c->app->now();
	for (int i = 0; i < p->n; i++) {
		json_t *item = json_object();
		struct kp_error miss = { 0 };
		double score = p->pairs[i].score;
		text[0] = '\0';
		if (h && match_explain_pair(ix, p->pairs[i].call_id, p->pairs[i].volunteer_id, now,
		                            flags, h, &miss) == KP_OK &&
		    hidden_for(c, h) == KP_OK) {
			match_explain_join(h, text, sizeof text);
			score = h->score;
		}
		json_object_set_new(item, "call_id", json_integer(p->pairs[i].call_id));
		json_object_set_new(item, "volunteer_id", json_integer(p->pairs[i].volunteer_id));
		json_object_set_new(item, "score", json_real(round(score * 100.0) / 100.0));
		json_object_set_new(item, "explanation_text", json_string(text));
		json_array_append_new(items, item);
	}
	free(h);
	json_object_set_new(doc, "items", items);
	json_object_set_new(doc, "total_score", json_real(round(p->total_score * 100.0) / 100.0));
	json_object_set_new(doc, "greedy_total_score",
	                    json_real(round(p->greedy_total_score * 100.0) / 100.0));
	json_object_set_new(doc, "calls", json_integer(p->calls));
	json_object_set_new(doc, "volunteers", json_integer(p->volunteers));
	return doc;
}

int suggestions_proposal(struct api_call *c)
{
	static const char *const fields[] = { "organisation_id", NULL };
	int64_t org = 0;
	struct match_proposal p = { 0 };
	struct match_index *ix = NULL;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "organisation_id", false, &org, &c->err))
		return KP_ERR;
	/* A coordinator proposes for the own organisation; only the network
	   administrator may ask for another one or for the whole network. */
	if (org == 0 && c->who.role != ROLE_ADMIN)
		org = c->who.organisation_id;
	struct authz_target t = { .organisation_id = org };
	if (api_authorise(c, RES_SUGGESTION, ACT_CREATE, &t) || (ix = index_of(c)) == NULL)
		return KP_ERR;
	unsigned flags = ranking_flags(c, org);
	if (match_proposal(ix, org, c->app->now(), flags, &p, &c->err))
		return KP_ERR;
	json_t *doc = proposal_doc(c, ix, &p, flags);
	match_proposal_free(&p);
	return api_reply(c, 200, doc);
}

static void refreshed(int rc, const struct kp_error *err, const char *what, int64_t id)
{
	if (rc != KP_OK)
		fprintf(stderr, "knooppunt: koppelindex niet bijgewerkt voor %s %lld: %s\n", what,
		        (long long)id, err->code);
}

void suggestions_after_volunteer(struct api_call *c, int64_t id)
{
	struct kp_error err = { 0 };
	refreshed(match_index_refresh_volunteer(c->app->index, c->db, id, &err), &err,
	          "vrijwilliger", id);
}

void suggestions_after_call(struct api_call *c, int64_t id)
{
	struct kp_error err = { 0 };
	refreshed(match_index_refresh_call(c->app->index, c->db, id, &err), &err, "oproep", id);
}

void suggestions_after_match(struct api_call *c, int64_t call_id, int64_t volunteer_id)
{
	struct kp_error err = { 0 };
	refreshed(match_index_refresh_match(c->app->index, c->db, call_id, volunteer_id, &err),
	          &err, "koppeling bij oproep", call_id);
}
