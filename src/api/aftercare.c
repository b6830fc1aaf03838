/* /api/matches/{id}/aftercare: the nazorg answer of a match. */
#include "api/aftercare.h"

#include <stdio.h>
#include <string.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "service/aftercare.h"

static const char *const answers[] = { "good", "adjust", "stop" };

static int answer_parse(const char *name)
{
	for (int i = 0; i < (int)(sizeof answers / sizeof answers[0]); i++)
		if (strcmp(answers[i], name) == 0)
			return i;
	return -1;
}

json_t *aftercare_to_json(const struct aftercare *a)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:I}", "match_id", (json_int_t)a->match_id,
	                 "answer", a->answer, "notes", a->notes, "answered_by",
	                 jout_opt_id(a->answered_by), "answered_at", (json_int_t)a->answered_at);
}

int aftercare_show(struct api_call *c)
{
	struct aftercare a;
	if (aftercare_read(c->app, c->db, &c->who, c->id, &a, &c->err))
		return KP_ERR;
	return api_reply(c, 200, aftercare_to_json(&a));
}

int aftercare_update(struct api_call *c)
{
	static const char *const fields[] = { "answer", "notes", NULL };
	struct aftercare a = { .match_id = c->id };
	int answer = -1;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "answer", answer_parse, true, &answer, &c->err) ||
	    jin_text(c->body, "notes", JOURNEY_NOTES_MAX, false, a.notes, sizeof a.notes, &c->err))
		return KP_ERR;
	snprintf(a.answer, sizeof a.answer, "%s", answers[answer]);
	if (aftercare_record(c->app, c->db, &c->who, &a, &c->err))
		return KP_ERR;
	return api_reply(c, 200, aftercare_to_json(&a));
}
