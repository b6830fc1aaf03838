/* Expense claims, receipts, allowance caps and rates per km (api/expenses.h). */
#include "api/expenses.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "model/volunteer.h"
#include "service/expenses.h"
#include "util/parse.h"

json_t *expense_to_json(const struct expense_claim *e)
{
	const char *mode = travel_mode_name(e->travel_mode);
	json_t *doc = json_pack("{s:I, s:I, s:I, s:o, s:s, s:s, s:o, s:i, s:I, s:s, s:s, s:s, "
	                        "s:o, s:b}", "id", (json_int_t)e->id, "volunteer_id",
	                        (json_int_t)e->volunteer_id, "organisation_id",
	                        (json_int_t)e->organisation_id, "match_id",
	                        jout_opt_id(e->match_id), "kind", expense_kind_name(e->kind),
	                        "incurred_on", e->incurred_on, "travel_mode",
	                        mode && e->kind == EXPENSE_KILOMETRES ? json_string(mode) :
	                        json_null(), "km", e->km, "amount_cents",
	                        (json_int_t)e->amount_cents, "description", e->description,
	                        "status", expense_status_name(e->status), "reason", e->reason,
	                        "cap_warning", jout_opt_text(e->cap_warning), "has_receipt",
	                        e->receipt_type[0] != '\0');
	json_object_set_new(doc, "created_at", json_integer(e->created_at));
	json_object_set_new(doc, "decided_at", e->decided_at ? json_integer(e->decided_at) :
	                                                       json_null());
	json_object_set_new(doc, "paid_at", e->paid_at ? json_integer(e->paid_at) : json_null());
	return doc;
}

static int add_claim(void *ctx, const struct expense_claim *e)
{
	return json_array_append_new(ctx, expense_to_json(e));
}

int expenses_index(struct api_call *c)
{
	struct hours_filter f = { .status = -1 };
	struct page pg;
	int64_t total = 0;
	if (api_page(c, &pg) || api_query_id(c, "volunteer_id", &f.volunteer_id) ||
	    api_query_id(c, "organisation_id", &f.organisation_id) ||
	    api_query_enum(c, "status", expense_status_parse, &f.status))
		return KP_ERR;
	json_t *items = json_array();
	if (expenses_list(c->app, c->db, &c->who, &f, pg, add_claim, items, &total, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(items, total, pg));
}

int expenses_create(struct api_call *c)
{
	static const char *const fields[] = { "volunteer_id", "match_id", "kind", "incurred_on",
	                                      "travel_mode", "km", "amount_cents", "description",
	                                      NULL };
	struct expense_claim *e = calloc(1, sizeof *e);
	int amount = 0, rc = KP_ERR;
	if (e == NULL)
		return kp_internal(&c->err);
	e->travel_mode = -1;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "volunteer_id", true, &e->volunteer_id, &c->err) ||
	    jin_id(c->body, "match_id", false, &e->match_id, &c->err) ||
	    jin_enum(c->body, "kind", expense_kind_parse, true, &e->kind, &c->err) ||
	    jin_date(c->body, "incurred_on", true, e->incurred_on, &c->err) ||
	    jin_enum(c->body, "travel_mode", travel_mode_parse, false, &e->travel_mode, &c->err) ||
	    jin_int(c->body, "km", 0, EXPENSE_KM_MAX, false, &e->km, &c->err) ||
	    jin_int(c->body, "amount_cents", 0, EXPENSE_AMOUNT_MAX, false, &amount, &c->err) ||
	    jin_text(c->body, "description", EXPENSE_DESCRIPTION_MAX, false, e->description,
	             sizeof e->description, &c->err))
		goto end;
	e->amount_cents = amount;
	if (expense_submit(c->app, c->db, &c->who, e, &c->err) == KP_OK)
		rc = api_reply(c, 201, expense_to_json(e));
end:
	free(e);
	return rc;
}

int expenses_show(struct api_call *c)
{
	struct expense_claim *e = calloc(1, sizeof *e);
	int rc = KP_ERR;
	if (e == NULL)
		return kp_internal(&c->err);
	if (expense_read(c->app, c->db, &c->who, c->id, e, &c->err) == KP_OK)
		rc = api_reply(c, 200, expense_to_json(e));
	free(e);
	return rc;
}

int expenses_update(struct api_call *c)
{
	static const char *const fields[] = { "action", "reason", NULL };
	struct expense_claim *e = calloc(1, sizeof *e);
	char reason[EXPENSE_REASON_MAX * 4 + 1] = "";
	int action = -1, rc = KP_ERR;
	if (e == NULL)
		return kp_internal(&c->err);
	if (jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "action", expense_action_parse, true, &action, &c->err) ||
	    jin_text(c->body, "reason", EXPENSE_REASON_MAX, false, reason, sizeof reason,
	             &c->err))
		goto end;
	if (expense_decide(c->app, c->db, &c->who, c->id, action, reason, e, &c->err) == KP_OK)
		rc = api_reply(c, 200, expense_to_json(e));
end:
	free(e);
	return rc;
}

int expenses_receipt_put(struct api_call *c)
{
	struct expense_claim *e = calloc(1, sizeof *e);
	int rc = KP_ERR;
	if (e == NULL)
		return kp_internal(&c->err);
	if (receipt_attach(c->app, c->db, &c->who, c->id, (const unsigned char *)c->req->body,
	                   c->req->body_len, http_header(c->req, "Content-Type"), e,
	                   &c->err) == KP_OK)
		rc = api_reply(c, 200, expense_to_json(e));
	free(e);
	return rc;
}

int expenses_receipt_get(struct api_call *c)
{
	unsigned char *data = NULL;
	size_t len = 0;
	char type[32];
	if (receipt_read(c->app, c->db, &c->who, c->id, &data, &len, type, &c->err))
		return KP_ERR;
	const char *sniffed = receipt_sniff(data, len); /* a static string for the header */
	c->res->body.len = 0;
	int rc = buf_append(&c->res->body, data, len);
	free(data);
	if (rc != 0 || sniffed == NULL)
		return kp_internal(&c->err);
	c->res->status = 200;
	c->res->content_type = sniffed;
	http_response_header(c->res, "Content-Disposition", "inline");
	return KP_OK;
}

static int add_caps(void *ctx, const struct allowance_caps *k)
{
	return json_array_append_new(ctx, json_pack("{s:i, s:I, s:I, s:I, s:I}", "year", k->year,
	                                            "per_hour_cents",
	                                            (json_int_t)k->per_hour_cents,
	                                            "per_hour_young_cents",
	                                            (json_int_t)k->per_hour_young_cents,
	                                            "per_month_cents",
	                                            (json_int_t)k->per_month_cents,
	                                            "per_year_cents",
	                                            (json_int_t)k->per_year_cents));
}

int allowance_caps_index(struct api_call *c)
{
	json_t *items = json_array();
	if (allowance_caps_list(c->app, c->db, &c->who, add_caps, items, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:o}", "items", items));
}

int allowance_caps_update(struct api_call *c)
{
	static const char *const fields[] = { "per_hour_cents", "per_hour_young_cents",
	                                      "per_month_cents", "per_year_cents", NULL };
	int v[4];
	if (c->id < 2000 || c->id > 2100)
		return kp_fail_limit(&c->err, KP_MALFORMED, "out_of_range", "id", 2100);
	if (jin_only(c->body, fields, &c->err))
		return KP_ERR;
	for (int i = 0; i < 4; i++)
		if (jin_int(c->body, fields[i], 0, ALLOWANCE_CAP_MAX, true, &v[i], &c->err))
			return KP_ERR;
	struct allowance_caps k = { (int)c->id, v[0], v[1], v[2], v[3] };
	if (allowance_caps_set(c->app, c->db, &c->who, &k, &c->err))
		return KP_ERR;
	return allowance_caps_index(c);
}

static int reply_rates(struct api_call *c, const struct expense_rates *r)
{
	return api_reply(c, 200, json_pack("{s:I, s:{s:I, s:I}}", "organisation_id",
	                                   (json_int_t)c->id, "cents_per_km", "car",
	                                   (json_int_t)r->car, "bike", (json_int_t)r->bike));
}

int expense_rates_show(struct api_call *c)
{
	struct expense_rates r;
	if (expense_rates_read(c->app, c->db, &c->who, c->id, &r, &c->err))
		return KP_ERR;
	return reply_rates(c, &r);
}

int expense_rates_update(struct api_call *c)
{
	static const char *const fields[] = { "car", "bike", NULL };
	struct expense_rates r = { -1, -1 };
	int car = -1, bike = -1;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_int(c->body, "car", 0, EXPENSE_RATE_MAX, false, &car, &c->err) ||
	    jin_int(c->body, "bike", 0, EXPENSE_RATE_MAX, false, &bike, &c->err))
		return KP_ERR;
	r.car = json_object_get(c->body, "car") ? car : -1;
	r.bike = json_object_get(c->body, "bike") ? bike : -1;
	if (expense_rates_set(c->app, c->db, &c->who, c->id, &r, &c->err))
		return KP_ERR;
	return reply_rates(c, &r);
}

static int reply_mode(struct api_call *c, int64_t organisation_id, int mode)
{
	return api_reply(c, 200, json_pack("{s:I, s:I, s:s}", "volunteer_id", (json_int_t)c->id,
	                                   "organisation_id", (json_int_t)organisation_id,
	                                   "mode", allowance_mode_name(mode)));
}

int allowance_mode_show(struct api_call *c)
{
	int64_t org = 0;
	int mode = ALLOWANCE_MODE_COSTS;
	if (api_query_id(c, "organisation_id", &org) ||
	    allowance_mode_read(c->app, c->db, &c->who, c->id, &org, &mode, &c->err))
		return KP_ERR;
	return reply_mode(c, org, mode);
}

int allowance_mode_update(struct api_call *c)
{
	static const char *const fields[] = { "organisation_id", "mode", NULL };
	int64_t org = 0;
	int mode = -1;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "organisation_id", false, &org, &c->err) ||
	    jin_enum(c->body, "mode", allowance_mode_parse, true, &mode, &c->err) ||
	    allowance_mode_set(c->app, c->db, &c->who, c->id, &org, mode, &c->err))
		return KP_ERR;
	return reply_mode(c, org, mode);
}
