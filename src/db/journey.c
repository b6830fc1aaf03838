/* The journey store: settings, journeys and their steps, exit interviews,
   the volunteer's requests, and the facts the reminder rules read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "db/store.h"

int store_journey_settings_get(struct db *db, int64_t organisation_id,
                               struct journey_settings *s, struct kp_error *err)
{
	struct db_stmt *st;
	journey_settings_default(s, organisation_id);
	if (db_prepare(db, "SELECT o.vog_max_age_months, js.requires_vog, js.requires_training, "
	                   "js.intake_days, js.evaluation_months FROM organisations o "
	                   "LEFT JOIN journey_settings js ON js.organisation_id = o.id "
	                   "WHERE o.id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		s->vog_max_age_months = (int)db_col_int(st, 0);
		if (!db_col_is_null(st, 1)) {
			s->requires_vog = db_col_int(st, 1) != 0;
			s->requires_training = db_col_int(st, 2) != 0;
			s->intake_days = (int)db_col_int(st, 3);
			s->evaluation_months = (int)db_col_int(st, 4);
		}
	}
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "organisation_id") : KP_OK;
}

int store_journey_settings_put(struct db *db, const struct journey_settings *s, int64_t now,
                               struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO journey_settings (organisation_id, requires_vog, "
	                   "requires_training, intake_days, evaluation_months, updated_at) "
	                   "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (organisation_id) DO UPDATE SET "
	                   "requires_vog = excluded.requires_vog, "
	                   "requires_training = excluded.requires_training, "
	                   "intake_days = excluded.intake_days, "
	                   "evaluation_months = excluded.evaluation_months, "
	                   "updated_at = excluded.updated_at", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, s->organisation_id);
	db_bind_int(st, 2, s->requires_vog);
	db_bind_int(st, 3, s->requires_training);
	db_bind_int(st, 4, s->intake_days);
	db_bind_int(st, 5, s->evaluation_months);
	db_bind_int(st, 6, now);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

#define SELECT_JOURNEY                                                                  \
	"SELECT id, volunteer_id, organisation_id, step, step_on, started_on, created_at, " \
	"updated_at, intake_on, intake_time, intake_place FROM journeys"

static void read_journey(struct db_stmt *st, struct journey *j)
{
	memset(j, 0, sizeof *j);
	j->id = db_col_int(st, 0);
	j->volunteer_id = db_col_int(st, 1);
	j->organisation_id = db_col_int(st, 2);
	j->step = journey_step_parse(db_col_text(st, 3));
	snprintf(j->step_on, sizeof j->step_on, "%s", db_col_text(st, 4));
	snprintf(j->started_on, sizeof j->started_on, "%s", db_col_text(st, 5));
	j->created_at = db_col_int(st, 6);
	j->updated_at = db_col_int(st, 7);
	snprintf(j->intake_on, sizeof j->intake_on, "%s", db_col_text(st, 8));
	snprintf(j->intake_time, sizeof j->intake_time, "%s", db_col_text(st, 9));
	snprintf(j->intake_place, sizeof j->intake_place, "%s", db_col_text(st, 10));
}

int store_journey_plan_intake(struct db *db, const struct journey *j, int64_t now,
                              struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE journeys SET intake_on = ?, intake_time = ?, intake_place = ?, "
	                   "updated_at = ? WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, j->intake_on);
	db_bind_text(st, 2, j->intake_time);
	db_bind_text(st, 3, j->intake_place);
	db_bind_int(st, 4, now);
	db_bind_int(st, 5, j->id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

/* Keeps the volunteer's milestones for the figures (migration 012): the last
   stop and the first intake. A milestone that moved is a change of the
   volunteer, which every server's copy of the figures follows. */
static int note_milestone(struct db *db, int64_t journey_id, int step, const char *on,
                          int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	const char *sql = step == STEP_STOPPED
		? "UPDATE volunteers SET stopped_on = ? WHERE id = (SELECT volunteer_id FROM "
		  "journeys WHERE id = ?) AND (stopped_on IS NULL OR stopped_on < ?) RETURNING id"
		: "UPDATE volunteers SET intake_on = ? WHERE id = (SELECT volunteer_id FROM "
		  "journeys WHERE id = ?) AND (intake_on IS NULL OR intake_on > ?) RETURNING id";
	if (step != STEP_STOPPED && step != STEP_INTAKE)
		return KP_OK;
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	db_bind_text(st, 1, on);
	db_bind_int(st, 2, journey_id);
	db_bind_text(st, 3, on);
	int rc = db_step(st, err);
	int64_t volunteer_id = rc == DB_ROW ? db_col_int(st, 0) : 0;
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return volunteer_id ? store_change_record(db, CHANGE_VOLUNTEER, volunteer_id, 0, now, err)
	                    : KP_OK;
}

static int insert_step(struct db *db, int64_t journey_id, int from, int to, const char *on,
                       int64_t actor, const char *notes, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO journey_steps (journey_id, from_step, step, on_date, "
	                   "actor_id, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, journey_id);
	db_bind_text(st, 2, from >= 0 ? journey_step_name(from) : NULL);
	db_bind_text(st, 3, journey_step_name(to));
	db_bind_text(st, 4, on);
	db_bind_ref(st, 5, actor);
	db_bind_text(st, 6, notes ? notes : "");
	db_bind_int(st, 7, now);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : note_milestone(db, journey_id, to, on, now, err);
}

int store_journey_insert(struct db *db, struct journey *j, int64_t actor, const char *notes,
                         struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO journeys (volunteer_id, organisation_id, step, step_on, "
	                   "started_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
	                   "RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, j->volunteer_id);
	db_bind_int(st, 2, j->organisation_id);
	db_bind_text(st, 3, journey_step_name(j->step));
	db_bind_text(st, 4, j->step_on);
	db_bind_text(st, 5, j->started_on);
	db_bind_int(st, 6, j->created_at);
	db_bind_int(st, 7, j->updated_at);
	int rc = db_query_int(st, &j->id, err);
	db_finalize(st);
	if (rc) {
		if (err && err->kind == KP_CONFLICT)
			kp_fail(err, KP_CONFLICT, "journey_exists", "organisation_id");
		return KP_ERR;
	}
	return insert_step(db, j->id, -1, j->step, j->step_on, actor, notes, j->created_at, err);
}

static int get_one(struct db *db, struct db_stmt *st, struct journey *j, struct kp_error *err)
{
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_journey(st, j);
	db_finalize(st);
	(void)db;
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "id") : KP_OK;
}

int store_journey_get(struct db *db, int64_t id, struct journey *j, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, SELECT_JOURNEY " WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	return get_one(db, st, j, err);
}

int store_journey_find(struct db *db, int64_t volunteer_id, int64_t organisation_id,
                       struct journey *j, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, SELECT_JOURNEY " WHERE volunteer_id = ? AND organisation_id = ?", &st,
	               err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	db_bind_int(st, 2, organisation_id);
	return get_one(db, st, j, err);
}

static int close_requests(struct db *db, int64_t journey_id, int step, int64_t now,
                          struct kp_error *err)
{
	for (int kind = 0; kind < REQUEST_KIND_COUNT; kind++) {
		if (!journey_request_answered_by(kind, step))
			continue;
		struct db_stmt *st;
		if (db_prepare(db, "UPDATE journey_requests SET handled_at = ? WHERE journey_id = ? "
		                   "AND kind = ? AND handled_at IS NULL", &st, err))
			return KP_ERR;
		db_bind_int(st, 1, now);
		db_bind_int(st, 2, journey_id);
		db_bind_text(st, 3, journey_request_name(kind));
		int rc = db_step(st, err);
		db_finalize(st);
		if (rc == DB_FAILED)
			return KP_ERR;
	}
	return KP_OK;
}

int store_journey_step(struct db *db, struct journey *j, int to, const char *on, int64_t actor,
                       const char *notes, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	/* The old step in the WHERE makes a concurrent change lose cleanly. */
	if (db_prepare(db, "UPDATE journeys SET step = ?, step_on = ?, updated_at = ? "
	                   "WHERE id = ? AND step = ? RETURNING id", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, journey_step_name(to));
	db_bind_text(st, 2, on);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, j->id);
	db_bind_text(st, 5, journey_step_name(j->step));
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	if (rc) {
		if (err && err->kind == KP_NOT_FOUND)
			kp_fail(err, KP_CONFLICT, "changed_meanwhile", "step");
		return KP_ERR;
	}
	if (insert_step(db, j->id, j->step, to, on, actor, notes, now, err) ||
	    close_requests(db, j->id, to, now, err))
		return KP_ERR;
	j->step = to;
	snprintf(j->step_on, sizeof j->step_on, "%s", on);
	j->updated_at = now;
	return KP_OK;
}

/* A walk over journey rows: the caller's typed callback, its context, and
   for the large row types one buffer reused for every row. */
struct journey_walk {
	union {
		journey_fn journey;
		journey_step_fn step;
		exit_interview_fn exit;
		journey_request_fn request;
	} each;
	void *ctx;
	void *row;
	int64_t journey_id;
};

static int journey_row(void *arg, struct db_stmt *st)
{
	struct journey_walk *w = arg;
	struct journey j;
	read_journey(st, &j);
	return w->each.journey(w->ctx, &j);
}

int store_journey_list(struct db *db, const struct list_filter *f, struct page pg,
                       journey_fn each, void *ctx, int64_t *total, struct kp_error *err)
{
	struct query q;
	int rc = 0;
	query_init(&q);
	if (f->organisation_id)
		rc |= query_and_int(&q, "organisation_id = ?", f->organisation_id);
	if (f->volunteer_id)
		rc |= query_and_int(&q, "volunteer_id = ?", f->volunteer_id);
	if (f->status >= 0)
		rc |= query_and_text(&q, "step = ?", journey_step_name(f->status));
	struct journey_walk w = { .each.journey = each, .ctx = ctx };
	rc = rc != 0 ? kp_internal(err)
	             : query_list(db, "journeys", SELECT_JOURNEY, &q, "updated_at DESC, id DESC",
	                          pg, journey_row, &w, total, err);
	query_free(&q);
	return rc;
}

int store_journey_each(struct db *db, journey_fn each, void *ctx, struct kp_error *err)
{
	struct journey_walk w = { .each.journey = each, .ctx = ctx };
	return query_each(db, SELECT_JOURNEY " ORDER BY id", 0, journey_row, &w, err);
}

static int step_row(void *arg, struct db_stmt *st)
{
	struct journey_walk *w = arg;
	struct journey_step_row *r = w->row;
	memset(r, 0, sizeof *r);
	r->id = db_col_int(st, 0);
	r->from_step = db_col_is_null(st, 1) ? -1 : journey_step_parse(db_col_text(st, 1));
	r->step = journey_step_parse(db_col_text(st, 2));
	snprintf(r->on_date, sizeof r->on_date, "%s", db_col_text(st, 3));
	r->actor_id = db_col_int(st, 4);
	snprintf(r->actor_name, sizeof r->actor_name, "%s", db_col_text(st, 5));
	snprintf(r->notes, sizeof r->notes, "%s", db_col_text(st, 6));
	r->created_at = db_col_int(st, 7);
	return w->each.step(w->ctx, r);
}

int store_journey_steps(struct db *db, int64_t journey_id, journey_step_fn each, void *ctx,
                        struct kp_error *err)
{
	struct journey_walk w = { .each.step = each, .ctx = ctx,
	                          .row = malloc(sizeof(struct journey_step_row)) };
	int rc = w.row == NULL
	                 ? kp_internal(err)
	                 : query_each(db, "SELECT s.id, s.from_step, s.step, s.on_date, s.actor_id, "
	                                  "a.display_name, s.notes, s.created_at FROM journey_steps s "
	                                  "LEFT JOIN accounts a ON a.id = s.actor_id "
	                                  "WHERE s.journey_id = ? ORDER BY s.id",
	                              journey_id, step_row, &w, err);
	free(w.row);
	return rc;
}

/* The id of the journey's latest step row: the step an exit interview belongs to. */
static int current_step_id(struct db *db, int64_t journey_id, int64_t *id, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT MAX(id) FROM journey_steps WHERE journey_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, journey_id);
	int rc = db_query_int(st, id, err);
	db_finalize(st);
	return rc;
}

int store_exit_interview_insert(struct db *db, struct exit_interview *e, struct kp_error *err)
{
	struct db_stmt *st;
	if (current_step_id(db, e->journey_id, &e->step_id, err) ||
	    db_prepare(db, "INSERT INTO exit_interviews (journey_id, step_id, held_on, reason, "
	                   "outcome, notes, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
	                   "RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, e->journey_id);
	db_bind_int(st, 2, e->step_id);
	db_bind_text(st, 3, e->held_on);
	db_bind_text(st, 4, exit_reason_name(e->reason));
	db_bind_text(st, 5, exit_outcome_name(e->outcome));
	db_bind_text(st, 6, e->notes);
	db_bind_ref(st, 7, e->actor_id);
	db_bind_int(st, 8, e->created_at);
	int rc = db_query_int(st, &e->id, err);
	db_finalize(st);
	return rc;
}

int store_exit_interview_outcome(struct db *db, int64_t journey_id, int *outcome,
                                 struct kp_error *err)
{
	struct db_stmt *st;
	int64_t step_id;
	*outcome = -1;
	if (current_step_id(db, journey_id, &step_id, err) ||
	    db_prepare(db, "SELECT outcome FROM exit_interviews WHERE journey_id = ? AND "
	                   "step_id = ? ORDER BY id DESC LIMIT 1", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, journey_id);
	db_bind_int(st, 2, step_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		*outcome = exit_outcome_parse(db_col_text(st, 0));
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

static int exit_row(void *arg, struct db_stmt *st)
{
	struct journey_walk *w = arg;
	struct exit_interview *e = w->row;
	memset(e, 0, sizeof *e);
	e->id = db_col_int(st, 0);
	e->journey_id = w->journey_id;
	e->step_id = db_col_int(st, 1);
	snprintf(e->held_on, sizeof e->held_on, "%s", db_col_text(st, 2));
	e->reason = exit_reason_parse(db_col_text(st, 3));
	e->outcome = exit_outcome_parse(db_col_text(st, 4));
	snprintf(e->notes, sizeof e->notes, "%s", db_col_text(st, 5));
	e->actor_id = db_col_int(st, 6);
	e->created_at = db_col_int(st, 7);
	return w->each.exit(w->ctx, e);
}

int store_exit_interviews(struct db *db, int64_t journey_id, exit_interview_fn each, void *ctx,
                          struct kp_error *err)
{
	struct journey_walk w = { .each.exit = each, .ctx = ctx, .journey_id = journey_id,
	                          .row = malloc(sizeof(struct exit_interview)) };
	int rc = w.row == NULL
	                 ? kp_internal(err)
	                 : query_each(db, "SELECT id, step_id, held_on, reason, outcome, notes, "
	                                  "actor_id, created_at FROM exit_interviews "
	                                  "WHERE journey_id = ? ORDER BY id",
	                              journey_id, exit_row, &w, err);
	free(w.row);
	return rc;
}

int store_journey_request_insert(struct db *db, struct journey_request *r, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO journey_requests (journey_id, kind, note, created_at) "
	                   "VALUES (?, ?, ?, ?) RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, r->journey_id);
	db_bind_text(st, 2, journey_request_name(r->kind));
	db_bind_text(st, 3, r->note);
	db_bind_int(st, 4, r->created_at);
	int rc = db_query_int(st, &r->id, err);
	db_finalize(st);
	return rc;
}

static int request_row(void *arg, struct db_stmt *st)
{
	struct journey_walk *w = arg;
	struct journey_request *r = w->row;
	memset(r, 0, sizeof *r);
	r->id = db_col_int(st, 0);
	r->journey_id = w->journey_id;
	r->kind = journey_request_parse(db_col_text(st, 1));
	snprintf(r->note, sizeof r->note, "%s", db_col_text(st, 2));
	r->created_at = db_col_int(st, 3);
	r->handled_at = db_col_int(st, 4);
	return w->each.request(w->ctx, r);
}

int store_journey_requests(struct db *db, int64_t journey_id, journey_request_fn each,
                           void *ctx, struct kp_error *err)
{
	struct journey_walk w = { .each.request = each, .ctx = ctx, .journey_id = journey_id,
	                          .row = malloc(sizeof(struct journey_request)) };
	int rc = w.row == NULL
	                 ? kp_internal(err)
	                 : query_each(db, "SELECT id, kind, note, created_at, handled_at "
	                                  "FROM journey_requests WHERE journey_id = ? ORDER BY id",
	                              journey_id, request_row, &w, err);
	free(w.row);
	return rc;
}

/* Runs the update and records the change for the servers' matching index. */
static int finish_update(struct db *db, struct db_stmt *st, int64_t now, struct kp_error *err)
{
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	if (rc && err && err->kind == KP_NOT_FOUND)
		kp_fail(err, KP_NOT_FOUND, "not_found", "volunteer_id");
	if (rc)
		return rc;
	return store_change_record(db, CHANGE_VOLUNTEER, got, 0, now, err);
}

int store_volunteer_set_status(struct db *db, int64_t volunteer_id, int status, int64_t now,
                               struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE volunteers SET status = ?, updated_at = ? WHERE id = ? "
	                   "RETURNING id", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, volunteer_status_name(status));
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, volunteer_id);
	return finish_update(db, st, now, err);
}

int store_volunteer_set_vog(struct db *db, int64_t volunteer_id, const char *vog_date,
                            int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE volunteers SET vog_date = ?, updated_at = ? WHERE id = ? "
	                   "RETURNING id", &st, err))
		return KP_ERR;
	db_bind_opt_text(st, 1, vog_date);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, volunteer_id);
	return finish_update(db, st, now, err);
}

int store_volunteer_set_organisation(struct db *db, int64_t volunteer_id,
                                     int64_t organisation_id, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE volunteers SET organisation_id = ?, updated_at = ? "
	                   "WHERE id = ? RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, volunteer_id);
	if (finish_update(db, st, now, err))
		return KP_ERR;
	return store_account_follow_volunteer(db, volunteer_id, organisation_id, err);
}

/* One row per non-final journey with everything the rules read. */
#define FACTS_SQL                                                                              \
	"SELECT j.id, j.volunteer_id, j.organisation_id, j.step, j.step_on, j.started_on, "       \
	"v.vog_date, v.first_name, v.last_name, o.vog_max_age_months, js.requires_vog, "          \
	"js.requires_training, js.intake_days, js.evaluation_months, "                            \
	"(SELECT MAX(s.on_date) FROM journey_steps s WHERE s.journey_id = j.id "                  \
	" AND s.step = 'evaluation'), "                                                           \
	"(SELECT MIN(s.on_date) FROM journey_steps s WHERE s.journey_id = j.id "                  \
	" AND s.step IN ('first_deployment', 'active')), "                                        \
	"(SELECT MAX(e.at) FROM match_events e JOIN matches m ON m.id = e.match_id "              \
	" WHERE m.volunteer_id = j.volunteer_id), "                                               \
	"(SELECT MIN(r.id) FROM journey_requests r WHERE r.journey_id = j.id "                    \
	" AND r.handled_at IS NULL) "                                                             \
	"FROM journeys j JOIN volunteers v ON v.id = j.volunteer_id "                             \
	"JOIN organisations o ON o.id = j.organisation_id "                                       \
	"LEFT JOIN journey_settings js ON js.organisation_id = j.organisation_id "                \
	"WHERE j.step NOT IN ('stopped', 'referred') AND (? = 0 OR j.organisation_id = ?) "       \
	"ORDER BY j.id"

static void read_settings(struct db_stmt *st, int64_t org, struct journey_settings *s)
{
	journey_settings_default(s, org);
	s->vog_max_age_months = (int)db_col_int(st, 9);
	if (!db_col_is_null(st, 10)) {
		s->requires_vog = db_col_int(st, 10) != 0;
		s->requires_training = db_col_int(st, 11) != 0;
		s->intake_days = (int)db_col_int(st, 12);
		s->evaluation_months = (int)db_col_int(st, 13);
	}
}

static void read_facts(struct db_stmt *st, struct reminder_facts *f)
{
	memset(f, 0, sizeof *f);
	f->journey_id = db_col_int(st, 0);
	f->volunteer_id = db_col_int(st, 1);
	f->organisation_id = db_col_int(st, 2);
	f->step = journey_step_parse(db_col_text(st, 3));
	f->step_on = journey_day_parse(db_col_text(st, 4));
	f->started_on = journey_day_parse(db_col_text(st, 5));
	f->vog_on = journey_day_parse(db_col_text(st, 6));
	f->last_evaluation_on = journey_day_parse(db_col_text(st, 14));
	f->deployed_on = journey_day_parse(db_col_text(st, 15));
	f->last_activity_on = db_col_is_null(st, 16) ? -1 : journey_day_of(db_col_int(st, 16));
	f->request_id = db_col_int(st, 17);
}

/* Kind and day of the open request read in a second query: a row per request is rare. */
static int read_request(struct db *db, struct reminder_facts *f, struct kp_error *err)
{
	struct db_stmt *st;
	if (f->request_id <= 0)
		return KP_OK;
	if (db_prepare(db, "SELECT kind, created_at FROM journey_requests WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, f->request_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		f->request_kind = journey_request_parse(db_col_text(st, 0));
		f->request_on = journey_day_of(db_col_int(st, 1));
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_reminder_facts(struct db *db, int64_t organisation_id, reminder_facts_fn each,
                         void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, FACTS_SQL, &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_int(st, 2, organisation_id);
	struct journey_settings s;
	struct reminder_facts f;
	char name[VOLUNTEER_NAME_MAX * 8 + 2];
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		read_facts(st, &f);
		read_settings(st, f.organisation_id, &s);
		snprintf(name, sizeof name, "%s %s", db_col_text(st, 7), db_col_text(st, 8));
		if (read_request(db, &f, err) || each(ctx, &s, &f, name) != 0) {
			if (err->kind == 0)
				kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_aftercare_facts(struct db *db, int64_t organisation_id, aftercare_facts_fn each,
                          void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT m.id, m.volunteer_id, c.organisation_id, "
	                   "(SELECT MAX(e.at) FROM match_events e WHERE e.match_id = m.id "
	                   " AND e.to_status = 'active'), v.first_name, v.last_name "
	                   "FROM matches m JOIN calls c ON c.id = m.call_id "
	                   "JOIN volunteers v ON v.id = m.volunteer_id "
	                   "WHERE m.status = 'active' AND (? = 0 OR c.organisation_id = ?) "
	                   "AND NOT EXISTS (SELECT 1 FROM match_aftercare a WHERE a.match_id = m.id) "
	                   "ORDER BY m.id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_int(st, 2, organisation_id);
	struct aftercare_facts f;
	char name[VOLUNTEER_NAME_MAX * 8 + 2];
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		memset(&f, 0, sizeof f);
		f.match_id = db_col_int(st, 0);
		f.volunteer_id = db_col_int(st, 1);
		f.organisation_id = db_col_int(st, 2);
		f.active_on = db_col_is_null(st, 3) ? -1 : journey_day_of(db_col_int(st, 3));
		snprintf(name, sizeof name, "%s %s", db_col_text(st, 4), db_col_text(st, 5));
		if (each(ctx, &f, name) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
