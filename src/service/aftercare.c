/* Nazorg: the answer to "did it work?" of a match (aftercare.h). */
#include "service/aftercare.h"

#include "model/journey.h"
#include "model/reminder.h"

bool aftercare_open(const struct match *m, int64_t now)
{
	return m->status == MATCH_ENDED ||
	       (m->status == MATCH_ACTIVE &&
	        journey_day_of(now) >= reminder_aftercare_from(m->active_at));
}

/* Loads match id and authorises `act` on it. */
static int load(struct svc *s, int64_t id, enum action act, struct match *m)
{
	if (store_match_get(s->db, id, m, s->err))
		return KP_ERR;
	struct authz_target t = { .organisation_id = m->organisation_id,
	                          .volunteer_id = m->volunteer_id };
	return svc_locations_target(s, m->location_id, &t) || svc_authorise(s, RES_MATCH, act, &t)
	               ? KP_ERR
	               : KP_OK;
}

static int read_answer(struct svc *s, void *arg)
{
	struct aftercare *a = arg;
	struct match m;
	if (load(s, a->match_id, ACT_READ, &m))
		return KP_ERR;
	return store_aftercare_get(s->db, m.id, a, s->err);
}

int aftercare_read(struct app *app, struct db *db, const struct principal *who,
                   int64_t match_id, struct aftercare *a, struct kp_error *err)
{
	a->match_id = match_id;
	return svc_read(app, db, who, read_answer, a, err);
}

static int write_answer(struct svc *s, void *arg)
{
	struct aftercare *a = arg;
	struct match m;
	if (load(s, a->match_id, ACT_UPDATE, &m))
		return KP_ERR;
	/* Nazorg is about a match that started, asked after its first weeks
	   (an ended match may be looked back on at once). */
	if (m.status != MATCH_ACTIVE && m.status != MATCH_ENDED)
		return kp_fail(s->err, KP_CONFLICT, "match_not_started", "answer");
	if (m.status == MATCH_ACTIVE && !aftercare_open(&m, s->now))
		return kp_fail(s->err, KP_CONFLICT, "aftercare_not_yet", "answer");
	a->answered_by = s->who->account_id;
	a->answered_at = s->now;
	return store_aftercare_put(s->db, a, s->err);
}

int aftercare_record(struct app *app, struct db *db, const struct principal *who,
                     struct aftercare *a, struct kp_error *err)
{
	return svc_run(app, db, who, write_answer, a, err);
}
