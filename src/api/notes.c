/* /api/volunteers/{id}/notes: private notes and contact log (notes.h). */
#include "api/notes.h"

#include <stdlib.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "service/notes.h"

json_t *note_to_json(const struct volunteer_note *n)
{
	return json_pack("{s:I, s:I, s:I, s:s, s:o, s:o, s:s, s:o, s:s, s:I}", "id",
	                 (json_int_t)n->id, "volunteer_id", (json_int_t)n->volunteer_id,
	                 "organisation_id", (json_int_t)n->organisation_id, "kind",
	                 note_kind_name(n->kind), "channel",
	                 jout_opt_text(note_channel_name(n->channel)),
	                 "happened_on", jout_opt_text(n->happened_on), "body", n->body, "created_by",
	                 jout_opt_id(n->created_by), "author_name", n->author_name, "created_at",
	                 (json_int_t)n->created_at);
}

static int add_row(void *ctx, const struct volunteer_note *n)
{
	return json_array_append_new(ctx, note_to_json(n));
}

int notes_list(struct api_call *c)
{
	json_t *items = json_array();
	if (note_list(c->app, c->db, &c->who, c->id, add_row, items, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:o}", "items", items));
}

int notes_create(struct api_call *c)
{
	static const char *const fields[] = { "kind", "body", "channel", "happened_on", NULL };
	struct volunteer_note *n = calloc(1, sizeof *n);
	int rc = n ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK) {
		n->volunteer_id = c->id;
		rc = jin_only(c->body, fields, &c->err) ||
		     jin_enum(c->body, "kind", note_kind_parse, true, &n->kind, &c->err) ||
		     jin_text(c->body, "body", NOTE_BODY_MAX, true, n->body, sizeof n->body, &c->err) ||
		     jin_enum(c->body, "channel", note_channel_parse, false, &n->channel, &c->err) ||
		     jin_date(c->body, "happened_on", false, n->happened_on, &c->err) ||
		     note_add(c->app, c->db, &c->who, n, &c->err);
	}
	if (rc == KP_OK)
		rc = api_reply(c, 201, note_to_json(n));
	free(n);
	return rc ? KP_ERR : KP_OK;
}
