/* Rows for the figures benchmark and its plain-SQL baseline (report_bulk.h). */
#include "db/report_bulk.h"

#include <stdlib.h>

enum { S_VOLUNTEER, S_JOURNEY, S_STEP, S_EXIT, S_CALL, S_MATCH, S_EVENT, S_AFTERCARE, S_HOUR,
       S_COUNT };

static const char *const inserts[S_COUNT] = {
	[S_VOLUNTEER] = "INSERT INTO volunteers (id, organisation_id, first_name, last_name, status, "
	                "place, lat, lon, started_on, created_at, updated_at) "
	                "VALUES (?, ?, 'Vrijwilliger', '', ?, 'Dordrecht', 51.8, 4.67, ?, ?, ?)",
	[S_JOURNEY] = "INSERT INTO journeys (id, volunteer_id, organisation_id, step, step_on, "
	              "started_on, created_at, updated_at) VALUES (?, ?, ?, 'signed_up', ?, ?, ?, ?)",
	[S_STEP] = "INSERT INTO journey_steps (id, journey_id, step, on_date, created_at) "
	           "VALUES (?, ?, ?, ?, ?)",
	[S_EXIT] = "INSERT INTO exit_interviews (journey_id, step_id, held_on, reason, outcome, "
	           "created_at) VALUES (?, ?, ?, ?, ?, ?)",
	[S_CALL] = "INSERT INTO calls (id, organisation_id, source, title, activity_id, place, lat, "
	           "lon, volunteers_needed, status, created_at, updated_at) VALUES "
	           "(?, ?, 'organisation', 'Oproep', ?, 'Dordrecht', 51.8, 4.67, ?, 'open', ?, ?)",
	[S_MATCH] = "INSERT INTO matches (id, call_id, volunteer_id, status, reason, created_at, "
	            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[S_EVENT] = "INSERT INTO match_events (match_id, from_status, to_status, at) "
	            "VALUES (?, 'contacted', 'accepted', ?)",
	[S_AFTERCARE] = "INSERT INTO match_aftercare (match_id, answer, answered_at) VALUES (?, ?, ?)",
	[S_HOUR] = "INSERT INTO hour_entries (volunteer_id, organisation_id, activity_id, worked_on, "
	           "minutes, status, created_at) VALUES (?, ?, ?, ?, ?, 'approved', ?)",
};

struct report_bulk {
	struct db_stmt *st[S_COUNT];
};

int report_bulk_open(struct db *db, struct report_bulk **out, struct kp_error *err)
{
	struct report_bulk *b = calloc(1, sizeof *b);
	if (b == NULL)
		return kp_internal(err);
	for (int i = 0; i < S_COUNT; i++)
		if (db_prepare(db, inserts[i], &b->st[i], err)) {
			report_bulk_close(b);
			return KP_ERR;
		}
	*out = b;
	return KP_OK;
}

void report_bulk_close(struct report_bulk *b)
{
	if (b == NULL)
		return;
	for (int i = 0; i < S_COUNT; i++)
		db_finalize(b->st[i]);
	free(b);
}

/* The statement `which`, reset for new values. */
static struct db_stmt *stmt(struct report_bulk *b, int which)
{
	db_reset(b->st[which]);
	return b->st[which];
}

static int done(struct db_stmt *st, struct kp_error *err)
{
	return db_step(st, err) == DB_DONE ? KP_OK : KP_ERR;
}

int report_bulk_volunteer(struct report_bulk *b, int64_t id, int64_t org, const char *status,
                          const char *started_on, int64_t now, struct kp_error *err)
{
	struct db_stmt *st = stmt(b, S_VOLUNTEER);
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, org);
	db_bind_text(st, 3, status);
	db_bind_text(st, 4, started_on);
	db_bind_int(st, 5, now);
	db_bind_int(st, 6, now);
	if (done(st, err))
		return KP_ERR;
	st = stmt(b, S_JOURNEY);
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, id);
	db_bind_int(st, 3, org);
	db_bind_text(st, 4, started_on);
	db_bind_text(st, 5, started_on);
	db_bind_int(st, 6, now);
	db_bind_int(st, 7, now);
	return done(st, err);
}

int report_bulk_step(struct report_bulk *b, int64_t step_id, int64_t journey_id,
                     const char *step, const char *on, int64_t now, struct kp_error *err)
{
	struct db_stmt *st = stmt(b, S_STEP);
	db_bind_int(st, 1, step_id);
	db_bind_int(st, 2, journey_id);
	db_bind_text(st, 3, step);
	db_bind_text(st, 4, on);
	db_bind_int(st, 5, now);
	return done(st, err);
}

int report_bulk_exit(struct report_bulk *b, int64_t journey_id, int64_t step_id,
                     const char *held_on, const char *reason, const char *outcome,
                     int64_t now, struct kp_error *err)
{
	struct db_stmt *st = stmt(b, S_EXIT);
	db_bind_int(st, 1, journey_id);
	db_bind_int(st, 2, step_id);
	db_bind_text(st, 3, held_on);
	db_bind_text(st, 4, reason);
	db_bind_text(st, 5, outcome);
	db_bind_int(st, 6, now);
	return done(st, err);
}

int report_bulk_call(struct report_bulk *b, int64_t id, int64_t org, int64_t activity_id,
                     int needed, int64_t created_at, struct kp_error *err)
{
	struct db_stmt *st = stmt(b, S_CALL);
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, org);
	db_bind_int(st, 3, activity_id);
	db_bind_int(st, 4, needed);
	db_bind_int(st, 5, created_at);
	db_bind_int(st, 6, created_at);
	return done(st, err);
}

int report_bulk_match(struct report_bulk *b, int64_t id, int64_t call_id, int64_t volunteer_id,
                      const char *status, const char *reason, int64_t created_at,
                      int64_t accepted_at, const char *answer, struct kp_error *err)
{
	struct db_stmt *st = stmt(b, S_MATCH);
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, call_id);
	db_bind_int(st, 3, volunteer_id);
	db_bind_text(st, 4, status);
	db_bind_text(st, 5, reason);
	db_bind_int(st, 6, created_at);
	db_bind_int(st, 7, accepted_at ? accepted_at : created_at);
	if (done(st, err))
		return KP_ERR;
	if (accepted_at > 0) {
		st = stmt(b, S_EVENT);
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, accepted_at);
		if (done(st, err))
			return KP_ERR;
	}
	if (answer == NULL)
		return KP_OK;
	st = stmt(b, S_AFTERCARE);
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, answer);
	db_bind_int(st, 3, accepted_at + 18 * 86400);
	return done(st, err);
}

int report_bulk_hour(struct report_bulk *b, int64_t volunteer_id, int64_t org,
                     int64_t activity_id, const char *worked_on, int minutes, int64_t now,
                     struct kp_error *err)
{
	struct db_stmt *st = stmt(b, S_HOUR);
	db_bind_int(st, 1, volunteer_id);
	db_bind_int(st, 2, org);
	db_bind_int(st, 3, activity_id);
	db_bind_text(st, 4, worked_on);
	db_bind_int(st, 5, minutes);
	db_bind_int(st, 6, now);
	return done(st, err);
}

/* --- the baseline --- */

/* Each volunteer's stop, intake and first acceptance, as a plain query
   would join them (SQLite's julianday counts the days). */
#define STOPS                                                                           \
	"(SELECT j.volunteer_id, MAX(s.on_date) AS d FROM journey_steps s JOIN journeys j " \
	"ON j.id = s.journey_id WHERE s.step = 'stopped' GROUP BY j.volunteer_id)"
#define INTAKES                                                                         \
	"(SELECT j.volunteer_id, MIN(s.on_date) AS d FROM journey_steps s JOIN journeys j " \
	"ON j.id = s.journey_id WHERE s.step = 'intake' GROUP BY j.volunteer_id)"
#define FIRSTS                                                                          \
	"(SELECT m.volunteer_id, MIN(e.at) AS at FROM match_events e JOIN matches m "       \
	"ON m.id = e.match_id WHERE e.to_status = 'accepted' GROUP BY m.volunteer_id)"

/* Bind letters: f/t the period as dates, F/T as seconds, b the start of the
   period before, d today, e a month's last day. */
static const struct {
	const char *binds;
	const char *sql;
} figures[] = {
	{ "", "SELECT COUNT(*), SUM(CASE WHEN status = 'active' THEN 1 ELSE 0 END) "
	      "FROM volunteers" },
	{ "ft", "SELECT SUBSTR(started_on, 1, 7), COUNT(*) FROM volunteers "
	        "WHERE started_on >= ? AND started_on < ? GROUP BY 1" },
	{ "ft", "SELECT SUBSTR(d, 1, 7), COUNT(*) FROM " STOPS " WHERE d >= ? AND d < ? "
	        "GROUP BY 1" },
	{ "bf", "SELECT COUNT(*) FROM volunteers WHERE started_on >= ? AND started_on < ?" },
	{ "bf", "SELECT COUNT(*) FROM " STOPS " WHERE d >= ? AND d < ?" },
	{ "d", "SELECT SUBSTR(v.started_on, 1, 4), CAST(julianday(COALESCE(st.d, ?)) - "
	       "julianday(v.started_on) AS INTEGER), COUNT(*), COUNT(st.d) FROM volunteers v "
	       "LEFT JOIN " STOPS " st ON st.volunteer_id = v.id GROUP BY 1, 2" },
	{ "", "SELECT CAST(julianday(it.d) - julianday(v.started_on) AS INTEGER), COUNT(*) "
	      "FROM volunteers v JOIN " INTAKES " it ON it.volunteer_id = v.id GROUP BY 1 "
	      "ORDER BY 1" },
	{ "", "SELECT CAST(fm.at / 86400 - julianday(v.started_on) + 2440587.5 AS INTEGER), "
	      "COUNT(*) FROM volunteers v JOIN " FIRSTS " fm ON fm.volunteer_id = v.id "
	      "GROUP BY 1 ORDER BY 1" },
	{ "ft", "SELECT e.reason, e.outcome, COUNT(*) FROM exit_interviews e "
	        "WHERE e.held_on >= ? AND e.held_on < ? GROUP BY 1, 2" },
	{ "FT", "SELECT status, reason, COUNT(*) FROM matches WHERE created_at >= ? "
	        "AND created_at < ? GROUP BY 1, 2" },
	{ "FT", "SELECT answer, COUNT(*) FROM match_aftercare WHERE answered_at >= ? "
	        "AND answered_at < ? GROUP BY 1" },
	{ "FT", "SELECT c.id, c.volunteers_needed, COUNT(e.id), MAX(e.at) - c.created_at "
	        "FROM calls c LEFT JOIN matches m ON m.call_id = c.id LEFT JOIN match_events e "
	        "ON e.match_id = m.id AND e.to_status = 'accepted' WHERE c.created_at >= ? "
	        "AND c.created_at < ? GROUP BY c.id, c.volunteers_needed, c.created_at" },
	{ "ft", "SELECT SUBSTR(h.worked_on, 1, 7), COALESCE(h.activity_id, 0), SUM(h.minutes) "
	        "FROM hour_entries h WHERE h.status <> 'corrected' AND h.worked_on >= ? "
	        "AND h.worked_on < ? GROUP BY 1, 2" },
	{ "bf", "SELECT SUM(minutes) FROM hour_entries WHERE status <> 'corrected' "
	        "AND worked_on >= ? AND worked_on < ?" },
	{ "", "SELECT o.id, o.employees, SUM(CASE WHEN v.status = 'active' THEN 1 ELSE 0 END), "
	      "COUNT(v.id) FROM organisations o LEFT JOIN volunteers v "
	      "ON v.organisation_id = o.id GROUP BY o.id, o.employees" },
	{ "", "SELECT o.municipality, SUM(CASE WHEN v.status = 'active' THEN 1 ELSE 0 END), "
	      "COUNT(v.id) FROM organisations o LEFT JOIN volunteers v "
	      "ON v.organisation_id = o.id GROUP BY o.municipality" },
};

/* Active at the end of a month: started by then and not yet stopped. */
static const char active_on[] =
	"SELECT COUNT(*) FROM volunteers v LEFT JOIN " STOPS " st ON st.volunteer_id = v.id "
	"WHERE v.started_on <= ? AND (st.d IS NULL OR st.d > ?)";

static int run(struct db *db, const char *sql, const char *binds,
               const struct report_sql_period *p, const char *month_end,
               struct report_sql_result *out, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	for (int i = 0; binds[i]; i++) {
		switch (binds[i]) {
		case 'f': db_bind_text(st, i + 1, p->from); break;
		case 't': db_bind_text(st, i + 1, p->to); break;
		case 'b': db_bind_text(st, i + 1, p->before); break;
		case 'd': db_bind_text(st, i + 1, p->today); break;
		case 'e': db_bind_text(st, i + 1, month_end); break;
		case 'F': db_bind_int(st, i + 1, p->from_s); break;
		default: db_bind_int(st, i + 1, p->to_s); break;
		}
	}
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		out->rows++;
		for (int c = 0; c < 4; c++)
			out->check += db_col_int(st, c);
	}
	db_finalize(st);
	return rc == DB_DONE ? KP_OK : KP_ERR;
}

int report_sql_baseline(struct db *db, const struct report_sql_period *p,
                        struct report_sql_result *out, struct kp_error *err)
{
	*out = (struct report_sql_result){ 0 };
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++)
		if (run(db, figures[i].sql, figures[i].binds, p, NULL, out, err))
			return KP_ERR;
	for (int m = 0; m < p->n_months; m++)
		if (run(db, active_on, "ee", p, p->month_ends[m], out, err))
			return KP_ERR;
	return KP_OK;
}
