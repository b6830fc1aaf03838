/* Calendar feeds: their token hashes and the commitments they show. */
#include "db/store.h"

/* Binds owner's two ids at idx and idx + 1; 0 (no row has it) for the unset one. */
static void bind_owner(struct db_stmt *st, int idx, struct calendar_owner owner)
{
	db_bind_int(st, idx, owner.volunteer_id);
	db_bind_int(st, idx + 1, owner.organisation_id);
}

int store_calendar_feed_delete(struct db *db, struct calendar_owner owner, int *deleted,
                               struct kp_error *err)
{
	struct db_stmt *st;
	*deleted = 0;
	if (db_prepare(db, "DELETE FROM calendar_feeds WHERE volunteer_id = ? OR "
	                   "organisation_id = ? RETURNING token_hash", &st, err))
		return KP_ERR;
	bind_owner(st, 1, owner);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW)
		*deleted = 1;
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_calendar_feed_set(struct db *db, struct calendar_owner owner, const char *token_hash,
                            int64_t created_by, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	int old;
	if (store_calendar_feed_delete(db, owner, &old, err) ||
	    db_prepare(db, "INSERT INTO calendar_feeds (token_hash, volunteer_id, organisation_id, "
	                   "created_by, created_at) VALUES (?, ?, ?, ?, ?)", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, token_hash);
	db_bind_ref(st, 2, owner.volunteer_id);
	db_bind_ref(st, 3, owner.organisation_id);
	db_bind_ref(st, 4, created_by);
	db_bind_int(st, 5, now);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_calendar_feed_created(struct db *db, struct calendar_owner owner, int64_t *at,
                                struct kp_error *err)
{
	struct db_stmt *st;
	*at = 0;
	if (db_prepare(db, "SELECT created_at FROM calendar_feeds WHERE volunteer_id = ? OR "
	                   "organisation_id = ?", &st, err))
		return KP_ERR;
	bind_owner(st, 1, owner);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		*at = db_col_int(st, 0);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_calendar_feed_owner(struct db *db, const char *token_hash,
                              struct calendar_owner *owner, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT volunteer_id, organisation_id FROM calendar_feeds "
	                   "WHERE token_hash = ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, token_hash);
	int rc = db_step(st, err);
	if (rc == DB_ROW) {
		owner->volunteer_id = db_col_int(st, 0);
		owner->organisation_id = db_col_int(st, 1);
	}
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "token") : KP_OK;
}

/* Each query in two forms, for a volunteer's feed and an organisation's
   agenda: one condition on the owner lets each use its own index. */
#define FOR_OWNERS(sql, volunteer, organisation) { sql(volunteer), sql(organisation) }

/* Matches: accepted or active, of calls that still stand. */
#define MATCHES(owner) \
	"SELECT m.id, c.title, c.public_title, c.source, c.place, o.name, " \
	"COALESCE(c.one_off_date, ''), COALESCE(c.start_time, ''), c.dayparts, " \
	"c.duration_minutes, COALESCE((SELECT MIN(e.at) FROM match_events e WHERE " \
	"e.match_id = m.id AND e.to_status IN ('accepted', 'active')), m.created_at), " \
	"v.first_name, v.last_name, c.engagement FROM matches m " \
	"JOIN calls c ON c.id = m.call_id " \
	"JOIN organisations o ON o.id = c.organisation_id " \
	"JOIN volunteers v ON v.id = m.volunteer_id " \
	"WHERE m.status IN ('accepted', 'active') AND c.status <> 'cancelled' AND " owner \
	" AND (c.one_off_date IS NULL OR c.one_off_date = '' OR c.one_off_date >= ?) " \
	"ORDER BY m.id LIMIT ?"
static const char *const matches_sql[2] =
	FOR_OWNERS(MATCHES, "m.volunteer_id = ?", "c.organisation_id = ?");

/* Intakes: the journey steps that record one, at the organisation it was with. */
#define INTAKES(owner) \
	"SELECT s.id, '', '', 0, '', o.name, s.on_date, '', 0, 0, 0, v.first_name, " \
	"v.last_name FROM journey_steps s JOIN journeys j ON j.id = s.journey_id " \
	"JOIN organisations o ON o.id = j.organisation_id " \
	"JOIN volunteers v ON v.id = j.volunteer_id " \
	"WHERE s.step = 'intake' AND " owner " AND s.on_date >= ? ORDER BY s.id LIMIT ?"
static const char *const intakes_sql[2] =
	FOR_OWNERS(INTAKES, "j.volunteer_id = ?", "j.organisation_id = ?");

/* Intake appointments planned on journeys whose intake is not recorded yet. */
#define APPOINTMENTS(owner) \
	"SELECT j.id, '', '', 0, j.intake_place, o.name, j.intake_on, j.intake_time, 0, 0, 0, " \
	"v.first_name, v.last_name FROM journeys j " \
	"JOIN organisations o ON o.id = j.organisation_id " \
	"JOIN volunteers v ON v.id = j.volunteer_id " \
	"WHERE j.intake_on <> '' AND " owner " AND j.intake_on >= ? AND NOT EXISTS " \
	"(SELECT 1 FROM journey_steps s WHERE s.journey_id = j.id AND s.step = 'intake') " \
	"ORDER BY j.id LIMIT ?"
static const char *const appointments_sql[2] =
	FOR_OWNERS(APPOINTMENTS, "j.volunteer_id = ?", "j.organisation_id = ?");

/* Trainings followed, under the volunteer's organisation. */
#define TRAININGS(owner) \
	"SELECT t.id, t.title, '', 0, '', o.name, t.completed_on, '', 0, 0, 0, " \
	"v.first_name, v.last_name FROM volunteer_trainings t " \
	"JOIN volunteers v ON v.id = t.volunteer_id " \
	"JOIN organisations o ON o.id = v.organisation_id " \
	"WHERE " owner " AND t.completed_on >= ? ORDER BY t.id LIMIT ?"
static const char *const trainings_sql[2] =
	FOR_OWNERS(TRAININGS, "t.volunteer_id = ?", "v.organisation_id = ?");

static int read_rows(struct db *db, const char *const sql[2], int kind,
                     struct calendar_owner owner, const char *from, int max,
                     calendar_row_fn each, void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	bool agenda = owner.volunteer_id == 0;
	if (db_prepare(db, sql[agenda], &st, err))
		return KP_ERR;
	db_bind_int(st, 1, agenda ? owner.organisation_id : owner.volunteer_id);
	db_bind_text(st, 2, from);
	db_bind_int(st, 3, max);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		struct calendar_row r = {
			.kind = kind, .id = db_col_int(st, 0), .title = db_col_text(st, 1),
			.public_title = db_col_text(st, 2),
			.place = db_col_text(st, 4), .organisation = db_col_text(st, 5),
			.date = db_col_text(st, 6), .start_time = db_col_text(st, 7),
			.dayparts = (uint32_t)db_col_int(st, 8),
			.duration_minutes = (int)db_col_int(st, 9), .since = db_col_int(st, 10),
			.first_name = db_col_text(st, 11), .last_name = db_col_text(st, 12),
		};
		if (kind == CALENDAR_MATCH) {
			r.source = call_source_parse(db_col_text(st, 3));
			r.engagement = engagement_parse(db_col_text(st, 13));
		}
		if (each(ctx, &r) != KP_OK) {
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_calendar_rows(struct db *db, struct calendar_owner owner, const char *from, int max,
                        calendar_row_fn each, void *ctx, struct kp_error *err)
{
	return read_rows(db, matches_sql, CALENDAR_MATCH, owner, from, max, each, ctx, err) ||
	       read_rows(db, intakes_sql, CALENDAR_INTAKE, owner, from, max, each, ctx, err) ||
	       read_rows(db, appointments_sql, CALENDAR_APPOINTMENT, owner, from, max, each, ctx,
	                 err) ||
	       read_rows(db, trainings_sql, CALENDAR_TRAINING, owner, from, max, each, ctx, err)
	       ? KP_ERR : KP_OK;
}
