/* /api/newsletters: writing, previewing, sending and reading (newsletters.h). */
#include "api/newsletters.h"

#include <stdlib.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "service/newsletters.h"

static json_t *filter_to_json(struct catalog *cat, const struct newsletter_filter *f)
{
	return json_pack("{s:o, s:o, s:o, s:s}", "organisation_id", jout_opt_id(f->organisation_id),
	                 "activity", jout_item(cat, f->activity_id), "theme",
	                 jout_item(cat, f->theme_id), "place", f->place);
}

/* One newsletter; full adds the markdown (when known) and renderings. */
static json_t *newsletter_to_json(struct catalog *cat, const struct newsletter *n, bool full)
{
	json_t *o = json_pack("{s:I, s:o, s:o, s:s, s:s, s:o, s:s, s:I, s:I, s:o, s:I, s:I}",
	                      "id", (json_int_t)n->id, "organisation_id",
	                      jout_opt_id(n->organisation_id), "author_id",
	                      jout_opt_id(n->author_id), "author_name", n->author_name, "subject",
	                      n->subject, "filter", filter_to_json(cat, &n->filter), "status",
	                      newsletter_status_name(n->status), "created_at",
	                      (json_int_t)n->created_at, "updated_at", (json_int_t)n->updated_at,
	                      "sent_at", jout_opt_id(n->sent_at), "recipients",
	                      (json_int_t)n->recipients, "queued", (json_int_t)n->queued);
	if (o != NULL && full) {
		if (n->markdown[0] != '\0')
			json_object_set_new(o, "markdown", json_string(n->markdown));
		json_object_set_new(o, "html", json_string(n->html));
		json_object_set_new(o, "text", json_string(n->text));
	}
	return o;
}

static int add_row(void *ctx, const struct newsletter *n)
{
	void **x = ctx;
	struct api_call *c = x[0];
	return json_array_append_new(x[1], newsletter_to_json(&c->app->lists, n, false));
}

int newsletters_list(struct api_call *c)
{
	struct page pg;
	int64_t total = 0;
	if (api_page(c, &pg))
		return KP_ERR;
	json_t *items = json_array();
	void *ctx[2] = { c, items };
	if (newsletter_list(c->app, c->db, &c->who, pg, add_row, ctx, &total, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(items, total, pg));
}

/* Reads the body of a draft into n. */
static int read_draft(struct api_call *c, struct newsletter *n)
{
	static const char *const fields[] = { "subject", "markdown", "filter", NULL };
	static const char *const filter_fields[] = { "organisation_id", "activity", "theme",
	                                             "place", NULL };
	struct catalog *cat = &c->app->lists;
	struct kp_error *e = &c->err;
	if (jin_only(c->body, fields, e) ||
	    jin_text(c->body, "subject", NEWSLETTER_SUBJECT_MAX, true, n->subject,
	             sizeof n->subject, e) ||
	    jin_text(c->body, "markdown", NEWSLETTER_MARKDOWN_MAX, true, n->markdown,
	             sizeof n->markdown, e))
		return KP_ERR;
	json_t *f = json_object_get(c->body, "filter");
	if (f == NULL || json_is_null(f))
		return KP_OK;
	if (!json_is_object(f))
		return kp_invalid(e, "filter", "wrong_type");
	return jin_only(f, filter_fields, e) ||
	       jin_id(f, "organisation_id", false, &n->filter.organisation_id, e) ||
	       jin_item(f, "activity", cat, LIST_ACTIVITY, false, &n->filter.activity_id, e) ||
	       jin_item(f, "theme", cat, LIST_THEME, false, &n->filter.theme_id, e) ||
	       jin_text(f, "place", NEWSLETTER_PLACE_MAX, false, n->filter.place,
	                sizeof n->filter.place, e);
}

/* Answers `status` with n (full) and its reach when reach >= 0. */
static int reply(struct api_call *c, int status, const struct newsletter *n, int64_t reach)
{
	json_t *doc = newsletter_to_json(&c->app->lists, n, true);
	if (doc != NULL && reach >= 0)
		json_object_set_new(doc, "reach", json_integer(reach));
	return api_reply(c, status, doc);
}

int newsletters_create(struct api_call *c)
{
	struct newsletter *n = calloc(1, sizeof *n);
	int rc = n ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = read_draft(c, n) || newsletter_create(c->app, c->db, &c->who, n, &c->err) ||
		     reply(c, 201, n, -1);
	free(n);
	return rc ? KP_ERR : KP_OK;
}

int newsletters_preview(struct api_call *c)
{
	struct newsletter *n = calloc(1, sizeof *n);
	int64_t reach = 0;
	int rc = n ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = read_draft(c, n) ||
		     newsletter_preview(c->app, c->db, &c->who, n, &reach, &c->err) ||
		     api_reply(c, 200, json_pack("{s:s, s:s, s:I}", "html", n->html, "text", n->text,
		                                 "reach", (json_int_t)reach));
	free(n);
	return rc ? KP_ERR : KP_OK;
}

int newsletters_show(struct api_call *c)
{
	struct newsletter *n = calloc(1, sizeof *n);
	int64_t reach = -1;
	int rc = n ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = newsletter_show(c->app, c->db, &c->who, c->id, n, &reach, &c->err) ||
		     reply(c, 200, n, reach);
	free(n);
	return rc ? KP_ERR : KP_OK;
}

int newsletters_replace(struct api_call *c)
{
	struct newsletter *n = calloc(1, sizeof *n);
	int rc = n ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK) {
		n->id = c->id;
		rc = read_draft(c, n) || newsletter_update(c->app, c->db, &c->who, n, &c->err) ||
		     reply(c, 200, n, -1);
	}
	free(n);
	return rc ? KP_ERR : KP_OK;
}

int newsletters_send(struct api_call *c)
{
	struct newsletter *n = calloc(1, sizeof *n);
	int rc = n ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = newsletter_send(c->app, c->db, &c->who, c->id, n, &c->err) ||
		     reply(c, 200, n, -1);
	free(n);
	return rc ? KP_ERR : KP_OK;
}
