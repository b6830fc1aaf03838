/* Trainings, certificates and the EVC-A self-assessment (appreciation.h). */
#include "service/appreciation.h"

#include <stdlib.h>

#include "util/parse.h"

/* Authorises `act` on the appreciation of volunteer vid. */
static int authorise(struct svc *s, int64_t vid, enum action act)
{
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, vid, false, v, s->err);
	struct authz_target t = { .organisation_id = rc == KP_OK ? v->organisation_id : 0,
	                          .volunteer_id = vid };
	free(v);
	return rc == KP_OK ? svc_authorise(s, RES_APPRECIATION, act, &t) : KP_ERR;
}

static int write_training(struct svc *s, void *arg)
{
	struct volunteer_training *t = arg;
	t->id = 0;
	t->created_by = s->who->account_id;
	t->created_at = s->now;
	if (authorise(s, t->volunteer_id, ACT_CREATE))
		return KP_ERR;
	if (parse_date_days(t->completed_on) > s->now / 86400)
		return kp_invalid(s->err, "completed_on", "date_in_future");
	if (catalog_check_one(&s->app->lists, t->training_id > 0 ? t->training_id : 0, 0, "training",
	                      s->err) ||
	    store_training_insert(s->db, t, s->err))
		return KP_ERR;
	if (t->training_id <= 0)
		return KP_OK;
	/* The training is on the profile now: matching sees it. */
	svc_after_volunteer(s, t->volunteer_id);
	return store_change_record(s->db, CHANGE_VOLUNTEER, t->volunteer_id, 0, s->now, s->err);
}

int training_create(struct app *app, struct db *db, const struct principal *who,
                    struct volunteer_training *t, struct kp_error *err)
{
	return svc_run(app, db, who, write_training, t, err);
}

/* What to read of a volunteer's appreciation: one of trainings, competences. */
struct read_args {
	int64_t volunteer_id;
	training_fn trainings;
	competence_fn competences;
	void *ctx;
};

static int read_appreciation(struct svc *s, void *arg)
{
	struct read_args *a = arg;
	if (authorise(s, a->volunteer_id, ACT_READ))
		return KP_ERR;
	if (a->trainings)
		return store_trainings(s->db, a->volunteer_id, a->trainings, a->ctx, s->err);
	return store_competences(s->db, a->volunteer_id, a->competences, a->ctx, s->err);
}

int training_list(struct app *app, struct db *db, const struct principal *who,
                  int64_t volunteer_id, training_fn each, void *ctx, struct kp_error *err)
{
	struct read_args a = { .volunteer_id = volunteer_id, .trainings = each, .ctx = ctx };
	return svc_read(app, db, who, read_appreciation, &a, err);
}

struct ratings {
	int64_t volunteer_id;
	struct competence_rating *r;
	int n;
};

static int write_ratings(struct svc *s, void *arg)
{
	struct ratings *a = arg;
	if (authorise(s, a->volunteer_id, ACT_UPDATE))
		return KP_ERR;
	for (int i = 0; i < a->n; i++)
		a->r[i].updated_at = s->now;
	return store_competences_put(s->db, a->volunteer_id, a->r, a->n, s->err);
}

int competences_replace(struct app *app, struct db *db, const struct principal *who,
                        int64_t volunteer_id, struct competence_rating *ratings, int n,
                        struct kp_error *err)
{
	struct ratings a = { volunteer_id, ratings, n };
	return svc_run(app, db, who, write_ratings, &a, err);
}

int competences_read(struct app *app, struct db *db, const struct principal *who,
                     int64_t volunteer_id, competence_fn each, void *ctx,
                     struct kp_error *err)
{
	struct read_args a = { .volunteer_id = volunteer_id, .competences = each, .ctx = ctx };
	return svc_read(app, db, who, read_appreciation, &a, err);
}
