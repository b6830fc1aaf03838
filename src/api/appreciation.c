/* Trainings, certificates and the EVC-A self-assessment of a volunteer. */
#include "api/appreciation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "service/appreciation.h"

json_t *training_to_json(struct catalog *cat, const struct volunteer_training *t)
{
	return json_pack("{s:I, s:o, s:s, s:s, s:s, s:o, s:I}", "id", (json_int_t)t->id,
	                 "training", jout_item(cat, t->training_id), "title", t->title,
	                 "completed_on", t->completed_on, "certificate", t->certificate,
	                 "created_by", jout_opt_id(t->created_by), "created_at",
	                 (json_int_t)t->created_at);
}

static int add_training(void *ctx, const struct volunteer_training *t)
{
	struct api_call *c = ((void **)ctx)[0];
	json_t *items = ((void **)ctx)[1];
	return json_array_append_new(items, training_to_json(&c->app->lists, t));
}

static int reply_trainings(struct api_call *c, int status)
{
	json_t *items = json_array();
	void *ctx[2] = { c, items };
	if (training_list(c->app, c->db, &c->who, c->id, add_training, ctx, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	size_t n = json_array_size(items);
	struct page pg = { (int)(n < 1 ? 1 : n), 0 };
	return api_reply(c, status, api_list_doc(items, (int64_t)n, pg));
}

int trainings_list(struct api_call *c)
{
	return reply_trainings(c, 200);
}

int trainings_create(struct api_call *c)
{
	static const char *const fields[] = { "training", "title", "completed_on", "certificate",
	                                      NULL };
	struct volunteer_training *t = calloc(1, sizeof *t);
	int rc = KP_ERR;
	if (t == NULL)
		return kp_internal(&c->err);
	t->volunteer_id = c->id;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_item(c->body, "training", &c->app->lists, LIST_TRAINING, false, &t->training_id,
	             &c->err) ||
	    jin_text(c->body, "title", TRAINING_TITLE_MAX, t->training_id == 0 &&
	             json_object_get(c->body, "training") == NULL, t->title, sizeof t->title,
	             &c->err) ||
	    jin_date(c->body, "completed_on", true, t->completed_on, &c->err) ||
	    jin_text(c->body, "certificate", TRAINING_CERTIFICATE_MAX, false, t->certificate,
	             sizeof t->certificate, &c->err))
		goto end;
	if (t->title[0] == '\0') { /* a shared-list training names itself */
		json_t *code = json_object_get(c->body, "training");
		snprintf(t->title, sizeof t->title, "%s", json_string_value(code) ?
		         json_string_value(code) : "");
	}
	if (training_create(c->app, c->db, &c->who, t, &c->err) == KP_OK)
		rc = reply_trainings(c, 201);
end:
	free(t);
	return rc;
}

json_t *competence_to_json(const struct competence_rating *r, const char *lang)
{
	int i = competence_parse(r->competence);
	return json_pack("{s:s, s:s, s:i, s:s, s:I}", "competence", r->competence, "label",
	                 competence_label(i, lang), "level", r->level, "evidence", r->evidence,
	                 "updated_at", (json_int_t)r->updated_at);
}

static int add_rating(void *ctx, const struct competence_rating *r)
{
	struct api_call *c = ((void **)ctx)[0];
	json_t *items = ((void **)ctx)[1];
	return json_array_append_new(items, competence_to_json(r, c->lang));
}

static int reply_competences(struct api_call *c)
{
	json_t *items = json_array();
	void *ctx[2] = { c, items };
	if (competences_read(c->app, c->db, &c->who, c->id, add_rating, ctx, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:I, s:o}", "volunteer_id", (json_int_t)c->id,
	                                   "ratings", items));
}

int competences_show(struct api_call *c)
{
	return reply_competences(c);
}

struct ratings {
	int n;
	struct competence_rating r[COMPETENCE_COUNT];
};

static int read_rating(struct api_call *c, json_t *in, struct ratings *out)
{
	static const char *const fields[] = { "competence", "level", "evidence", NULL };
	struct competence_rating *r = &out->r[out->n];
	int index = -1;
	memset(r, 0, sizeof *r);
	if (!json_is_object(in))
		return kp_invalid(&c->err, "ratings", "wrong_type");
	if (jin_only(in, fields, &c->err) ||
	    jin_enum(in, "competence", competence_parse, true, &index, &c->err) ||
	    jin_int(in, "level", COMPETENCE_LEVEL_MIN, COMPETENCE_LEVEL_MAX, true, &r->level,
	            &c->err) ||
	    jin_text(in, "evidence", COMPETENCE_EVIDENCE_MAX, false, r->evidence,
	             sizeof r->evidence, &c->err))
		return KP_ERR;
	for (int i = 0; i < out->n; i++)
		if (strcmp(out->r[i].competence, competence_code(index)) == 0)
			return kp_invalid(&c->err, "competence", "duplicate_value");
	snprintf(r->competence, sizeof r->competence, "%s", competence_code(index));
	out->n++;
	return KP_OK;
}

int competences_update(struct api_call *c)
{
	static const char *const fields[] = { "ratings", NULL };
	struct ratings *r = calloc(1, sizeof *r);
	int rc = KP_ERR;
	if (r == NULL)
		return kp_internal(&c->err);
	if (jin_only(c->body, fields, &c->err))
		goto end;
	json_t *a = json_object_get(c->body, "ratings");
	if (a == NULL) {
		kp_invalid(&c->err, "ratings", "required");
		goto end;
	}
	if (!json_is_array(a)) {
		kp_invalid(&c->err, "ratings", "wrong_type");
		goto end;
	}
	if (json_array_size(a) > COMPETENCE_COUNT) {
		kp_fail_limit(&c->err, KP_INVALID, "too_many", "ratings", COMPETENCE_COUNT);
		goto end;
	}
	for (size_t i = 0; i < json_array_size(a); i++)
		if (read_rating(c, json_array_get(a, i), r))
			goto end;
	if (competences_replace(c->app, c->db, &c->who, c->id, r->r, r->n, &c->err) == KP_OK)
		rc = reply_competences(c);
end:
	free(r);
	return rc;
}
