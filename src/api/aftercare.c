/* /api/matches/{id}/aftercare: the nazorg answer of a match. */
#include "api/aftercare.h"

#include <stdio.h>
#include <string.h>

#include "api/json_in.h"
#include "api/json_out.h"

static const char *const answers[] = { "good", "adjust", "stop" };

static int answer_parse(const char *name)
{
	for (int i = 0; i < (int)(sizeof answers / sizeof answers[0]); i++)
		if (strcmp(answers[i], name) == 0)
			return i;
	return -1;
}

static int load(struct api_call *c, enum action act, struct match *m)
{
	if (store_match_get(c->db, c->id, m, &c->err))
		return KP_ERR;
	struct authz_target t = { .organisation_id = m->organisation_id,
	                          .volunteer_id = m->volunteer_id };
	return api_authorise(c, RES_MATCH, act, &t);
}

json_t *aftercare_to_json(const struct aftercare *a)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:I}", "match_id", (json_int_t)a->match_id,
	                 "answer", a->answer, "notes", a->notes, "answered_by",
	                 jout_opt_id(a->answered_by), "answered_at", (json_int_t)a->answered_at);
}

int aftercare_show(struct api_call *c)
{
	struct match m;
	struct aftercare a;
	if (load(c, ACT_READ, &m) || store_aftercare_get(c->db, m.id, &a, &c->err))
		return KP_ERR;
	return api_reply(c, 200, aftercare_to_json(&a));
}

static int put(struct api_call *c, void *arg)
{
	return store_aftercare_put(c->db, arg, &c->err);
}

int aftercare_update(struct api_call *c)
{
	static const char *const fields[] = { "answer", "notes", NULL };
	struct match m;
	struct aftercare a = { 0 };
	int answer = -1;
	if (load(c, ACT_UPDATE, &m) || jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "answer", answer_parse, true, &answer, &c->err) ||
	    jin_text(c->body, "notes", JOURNEY_NOTES_MAX, false, a.notes, sizeof a.notes, &c->err))
		return KP_ERR;
	/* Nazorg is about a match that started. */
	if (m.status != MATCH_ACTIVE && m.status != MATCH_ENDED)
		return kp_fail(&c->err, KP_CONFLICT, "match_not_started", "answer");
	a.match_id = m.id;
	snprintf(a.answer, sizeof a.answer, "%s", answers[answer]);
	a.answered_by = c->who.account_id;
	a.answered_at = c->app->now();
	if (api_in_transaction(c, put, &a))
		return KP_ERR;
	return api_reply(c, 200, aftercare_to_json(&a));
}
