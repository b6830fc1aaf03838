/* The raw material of the figures (store.h, "reports"): one pass over the
   rows a figure needs, grouped in SQL where the database does it well. Every
   query reads anonymised rows too, so counts stay right after erasure. */
#include <stdio.h>
#include <string.h>

#include "db/store.h"
#include "util/parse.h"

/* The rows of one organisation, of the organisations in one municipality, or
   of all: SCOPE(column) is the condition, bind_scope fills its four values,
   prepare_scoped makes it plain for the planner. */
#define SCOPE(col)                                                                      \
	"(? = 0 OR " col " = ?) AND (? = '' OR " col " IN "                                  \
	"(SELECT id FROM organisations WHERE municipality = ?))"

/* The same scope, with the same four values, for rows that know their
   organisation only through the row `ref` points at: `ids` selects the ids
   of those rows by an organisation (it ends in the organisation's column).
   For the whole network the condition holds before either subquery runs, so
   those rows are read without a join. */
#define SCOPE_IN(ref, ids)                                                              \
	"(? = 0 OR " ref " IN (" ids " = ?)) AND "                                          \
	"(? = '' OR " ref " IN (" ids " IN (SELECT id FROM organisations WHERE municipality = ?)))"
#define SCOPE_VIA(ref, table) SCOPE_IN(ref, "SELECT id FROM " table " WHERE organisation_id")

/* Replaces every `from` in sql by `to` (same or shorter) in place. */
static void replace_all(char *sql, const char *from, const char *to)
{
	size_t nf = strlen(from), nt = strlen(to);
	for (char *at = strstr(sql, from); at != NULL; at = strstr(at + nt, from)) {
		memmove(at + nt, at + nf, strlen(at + nf) + 1);
		memcpy(at, to, nt);
	}
}

/* Prepares sql with the SCOPE of sc made plain for the planner: for one
   organisation "col = ?", for a municipality "col IN (…)" as a term of its
   own, so that an index on the column serves them (the binds stay the same). */
static int prepare_scoped(struct db *db, const char *sql, const struct report_scope *sc,
                          struct db_stmt **st, struct kp_error *err)
{
	char text[2048];
	if (strlen(sql) >= sizeof text)
		return kp_internal(err);
	memcpy(text, sql, strlen(sql) + 1);
	if (sc->organisation_id != 0)
		replace_all(text, "(? = 0 OR ", "(? <> 0 AND ");
	if (sc->municipality != NULL && sc->municipality[0] != '\0')
		replace_all(text, "(? = '' OR ", "(? <> '' AND ");
	return db_prepare(db, text, st, err);
}

static void bind_scope(struct db_stmt *st, int idx, const struct report_scope *sc)
{
	const char *m = sc->municipality ? sc->municipality : "";
	db_bind_int(st, idx, sc->organisation_id);
	db_bind_int(st, idx + 1, sc->organisation_id);
	db_bind_text(st, idx + 2, m);
	db_bind_text(st, idx + 3, m);
}

/* Prepares sql with the scope bound at 1..4 and the period [from, to) (unix
   seconds) at 5..6. */
static int prepare_period(struct db *db, const char *sql, const struct report_scope *sc,
                          int64_t from, int64_t to, struct db_stmt **st, struct kp_error *err)
{
	if (prepare_scoped(db, sql, sc, st, err))
		return KP_ERR;
	bind_scope(*st, 1, sc);
	db_bind_int(*st, 5, from);
	db_bind_int(*st, 6, to);
	return KP_OK;
}

/* Runs a "month, activity, minutes" query with the scope bound at 1..4 and
   the bounds at 5..6. */
static int hours_rows(struct db *db, const char *sql, const struct report_scope *sc,
                      const char *from, const char *to, report_hours_fn each, void *ctx,
                      struct kp_error *err)
{
	struct db_stmt *st;
	if (prepare_scoped(db, sql, sc, &st, err))
		return KP_ERR;
	bind_scope(st, 1, sc);
	db_bind_text(st, 5, from);
	db_bind_text(st, 6, to);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW)
		if (each(ctx, db_col_text(st, 0), db_col_int(st, 1), db_col_int(st, 2)) != 0) {
			rc = kp_internal(err);
			break;
		}
	db_finalize(st);
	return rc == DB_DONE ? KP_OK : KP_ERR;
}

#define TENURE_SELECT                                                                   \
	"SELECT v.id, v.organisation_id, v.started_on, v.status, v.updated_at, v.stopped_on, " \
	"v.first_match_at, v.intake_on FROM volunteers v "

static int tenure_rows(struct db_stmt *st, report_tenure_fn each, void *ctx,
                       struct kp_error *err)
{
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		/* Texts are the statement's until the next step. */
		struct report_tenure t = {
			.id = db_col_int(st, 0),
			.organisation_id = db_col_int(st, 1),
			.started_on = db_col_text(st, 2),
			.status = volunteer_status_parse(db_col_text(st, 3)),
			.updated_at = db_col_int(st, 4),
			.stopped_on = db_col_text(st, 5),
			.first_match_at = db_col_int(st, 6),
			.intake_on = db_col_text(st, 7),
		};
		if (each(ctx, &t) != 0) {
			rc = kp_internal(err);
			break;
		}
	}
	db_finalize(st);
	return rc == DB_DONE ? KP_OK : KP_ERR;
}

int store_report_tenures(struct db *db, const struct report_scope *sc, report_tenure_fn each,
                         void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	/* The milestones are kept on the volunteer (migration 012); the index
	   volunteer_figures covers this query, and one organisation's volunteers
	   are a range of it. */
	if (prepare_scoped(db, TENURE_SELECT "WHERE " SCOPE("v.organisation_id"), sc, &st, err))
		return KP_ERR;
	bind_scope(st, 1, sc);
	return tenure_rows(st, each, ctx, err);
}

int store_report_tenure_of(struct db *db, int64_t volunteer_id, report_tenure_fn each,
                           void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, TENURE_SELECT "WHERE v.id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	return tenure_rows(st, each, ctx, err);
}

/* Runs a "key, key2, count" grouping with the scope bound at 1..4 and the
   period's bounds at 5..6 (as text or as unix seconds). */
static int each_group(struct db *db, const char *sql, const struct report_scope *sc,
                      const char *from, const char *to, int64_t from_s, int64_t to_s,
                      report_group_fn each, void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (prepare_scoped(db, sql, sc, &st, err))
		return KP_ERR;
	bind_scope(st, 1, sc);
	if (from != NULL) {
		db_bind_text(st, 5, from);
		db_bind_text(st, 6, to);
	} else {
		db_bind_int(st, 5, from_s);
		db_bind_int(st, 6, to_s);
	}
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW)
		if (each(ctx, db_col_text(st, 0), db_col_text(st, 1), db_col_int(st, 2)) != 0) {
			rc = kp_internal(err);
			break;
		}
	db_finalize(st);
	return rc == DB_DONE ? KP_OK : KP_ERR;
}

int store_report_exits(struct db *db, const struct report_scope *sc, const char *from,
                       const char *to, report_group_fn each, void *ctx, struct kp_error *err)
{
	return each_group(db, "SELECT e.reason, e.outcome, COUNT(*) FROM exit_interviews e "
	                      "WHERE " SCOPE_VIA("e.journey_id", "journeys") " AND e.held_on >= ? "
	                      "AND e.held_on < ? GROUP BY e.reason, e.outcome "
	                      "ORDER BY e.reason, e.outcome",
	                  sc, from, to, 0, 0, each, ctx, err);
}

int store_report_matches(struct db *db, const struct report_scope *sc, int64_t from, int64_t to,
                         report_group_fn each, void *ctx, struct kp_error *err)
{
	return each_group(db, "SELECT m.status, m.reason, COUNT(*) FROM matches m "
	                      "WHERE " SCOPE_VIA("m.call_id", "calls") " AND m.created_at >= ? "
	                      "AND m.created_at < ? GROUP BY m.status, m.reason "
	                      "ORDER BY m.status, m.reason",
	                  sc, NULL, NULL, from, to, each, ctx, err);
}

int store_report_organisations(struct db *db, const struct report_scope *sc,
                               report_org_fn each, void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (prepare_scoped(db, "SELECT o.id, o.name, o.municipality, o.employees "
	                       "FROM organisations o WHERE " SCOPE("o.id") " ORDER BY o.name, o.id",
	                   sc, &st, err))
		return KP_ERR;
	bind_scope(st, 1, sc);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		struct report_org o = { .id = db_col_int(st, 0), .employees = (int)db_col_int(st, 3) };
		snprintf(o.name, sizeof o.name, "%s", db_col_text(st, 1));
		snprintf(o.municipality, sizeof o.municipality, "%s", db_col_text(st, 2));
		if (each(ctx, &o) != 0) {
			rc = kp_internal(err);
			break;
		}
	}
	db_finalize(st);
	return rc == DB_DONE ? KP_OK : KP_ERR;
}

int store_report_aftercare(struct db *db, const struct report_scope *sc, int64_t from,
                           int64_t to, report_group_fn each, void *ctx, struct kp_error *err)
{
	return each_group(db, "SELECT a.answer, '', COUNT(*) FROM match_aftercare a WHERE "
	                      SCOPE_IN("a.match_id", "SELECT m.id FROM matches m JOIN calls c "
	                                             "ON c.id = m.call_id WHERE c.organisation_id")
	                      " AND a.answered_at >= ? "
	                      "AND a.answered_at < ? GROUP BY a.answer ORDER BY a.answer",
	                  sc, NULL, NULL, from, to, each, ctx, err);
}

int store_report_calls(struct db *db, const struct report_scope *sc, int64_t from, int64_t to,
                       report_call_fn each, void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (prepare_period(db, "SELECT c.id, c.created_at, c.volunteers_needed, c.status, "
	                       "COALESCE(e.at, 0) FROM calls c "
	                       "LEFT JOIN matches m ON m.call_id = c.id "
	                       "LEFT JOIN match_events e ON e.match_id = m.id "
	                       "AND e.to_status = 'accepted' "
	                       "WHERE " SCOPE("c.organisation_id") " AND c.volunteer_id IS NULL "
	                       "AND c.created_at >= ? AND c.created_at < ? ORDER BY c.id, 5",
	                   sc, from, to, &st, err))
		return KP_ERR;
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		struct report_call_row r = {
			.call_id = db_col_int(st, 0),
			.created_at = db_col_int(st, 1),
			.needed = db_col_int(st, 2),
			.status = call_status_parse(db_col_text(st, 3)),
			.accepted_at = db_col_int(st, 4),
		};
		if (each(ctx, &r) != 0) {
			rc = kp_internal(err);
			break;
		}
	}
	db_finalize(st);
	return rc == DB_DONE ? KP_OK : KP_ERR;
}

int store_report_help_requests(struct db *db, const struct report_scope *sc, int64_t from,
                               int64_t to, report_help_fn each, void *ctx,
                               struct kp_error *err)
{
	struct db_stmt *st;
	if (prepare_period(db, "SELECT h.channel, h.status, h.closed_reason, h.created_at, "
	                       "COALESCE(h.routed_at, 0), COALESCE(h.accepted_at, 0), "
	                       "CASE WHEN h.reason <> '' THEN 1 ELSE 0 END FROM help_requests h "
	                       "WHERE " SCOPE("h.organisation_id") " AND h.created_at >= ? "
	                       "AND h.created_at < ?",
	                   sc, from, to, &st, err))
		return KP_ERR;
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		const char *outcome = db_col_text(st, 2);
		struct report_help_row r = {
			.channel = help_channel_parse(db_col_text(st, 0)),
			.status = help_status_parse(db_col_text(st, 1)),
			.outcome = outcome[0] ? help_outcome_parse(outcome) : -1,
			.created_at = db_col_int(st, 3),
			.routed_at = db_col_int(st, 4),
			.accepted_at = db_col_int(st, 5),
			.handed_back = db_col_int(st, 6) != 0,
		};
		if (each(ctx, &r) != 0) {
			rc = kp_internal(err);
			break;
		}
	}
	db_finalize(st);
	return rc == DB_DONE ? KP_OK : KP_ERR;
}

/* Hours of the entries in [from, to) themselves: for the parts of months a
   period's edge cuts. Hours of a match count for its call's activity; a
   correction replaces an entry. */
static int hours_of_entries(struct db *db, const struct report_scope *sc, const char *from,
                            const char *to, report_hours_fn each, void *ctx,
                            struct kp_error *err)
{
	return hours_rows(db, "SELECT SUBSTR(h.worked_on, 1, 7), "
	                      "COALESCE(h.activity_id, c.activity_id, 0), SUM(h.minutes) "
	                      "FROM hour_entries h LEFT JOIN matches m ON m.id = h.match_id "
	                      "LEFT JOIN calls c ON c.id = m.call_id "
	                      "WHERE " SCOPE("h.organisation_id") " AND h.status <> 'corrected' "
	                      "AND h.worked_on >= ? AND h.worked_on < ? "
	                      "GROUP BY SUBSTR(h.worked_on, 1, 7), "
	                      "COALESCE(h.activity_id, c.activity_id, 0) ORDER BY 1, 2",
	                  sc, from, to, each, ctx, err);
}

/* Hours of the whole months [from, to) (YYYY-MM) from hour_month_totals. */
static int hours_of_months(struct db *db, const struct report_scope *sc, const char *from,
                           const char *to, report_hours_fn each, void *ctx,
                           struct kp_error *err)
{
	return hours_rows(db, "SELECT t.month, t.activity_id, SUM(t.minutes) "
	                      "FROM hour_month_totals t WHERE " SCOPE("t.organisation_id") " "
	                      "AND t.month >= ? AND t.month < ? GROUP BY t.month, t.activity_id "
	                      "HAVING SUM(t.minutes) <> 0 ORDER BY 1, 2",
	                  sc, from, to, each, ctx, err);
}

/* The first day of the month of `date`, or of the month after when `date`
   is not a first day and `up`. */
static void month_edge(const char *date, bool up, char out[11])
{
	long long y = 0, m = 0;
	char part[5];
	snprintf(part, sizeof part, "%.4s", date);
	(void)parse_int(part, 0, 9999, &y);
	snprintf(part, sizeof part, "%.2s", date + 5);
	(void)parse_int(part, 1, 12, &m);
	if (up && strcmp(date + 8, "01") != 0 && ++m > 12) {
		m = 1;
		y++;
	}
	snprintf(out, 11, "%04u-%02u-01", (unsigned)y % 10000u, (unsigned)m % 13u);
}

int store_report_hours(struct db *db, const struct report_scope *sc, const char *from,
                       const char *to, report_hours_fn each, void *ctx, struct kp_error *err)
{
	char first[11], last[11], m0[8], m1[8];
	month_edge(from, true, first);   /* the whole months run from here */
	month_edge(to, false, last);     /* up to here */
	if (strcmp(first, last) >= 0)
		return hours_of_entries(db, sc, from, to, each, ctx, err);
	snprintf(m0, sizeof m0, "%.7s", first);
	snprintf(m1, sizeof m1, "%.7s", last);
	if (strcmp(from, first) < 0 && hours_of_entries(db, sc, from, first, each, ctx, err))
		return KP_ERR;
	if (hours_of_months(db, sc, m0, m1, each, ctx, err))
		return KP_ERR;
	return strcmp(last, to) < 0 ? hours_of_entries(db, sc, last, to, each, ctx, err) : KP_OK;
}

int store_report_milestones_rebuild(struct db *db, struct kp_error *err)
{
	return db_exec(db, "UPDATE volunteers SET stopped_on = (SELECT MAX(s.on_date) FROM "
	                   "journey_steps s JOIN journeys j ON j.id = s.journey_id "
	                   "WHERE j.volunteer_id = volunteers.id AND s.step = 'stopped'), "
	                   "intake_on = (SELECT MIN(s.on_date) FROM journey_steps s JOIN journeys j "
	                   "ON j.id = s.journey_id WHERE j.volunteer_id = volunteers.id "
	                   "AND s.step = 'intake'), first_match_at = (SELECT MIN(e.at) FROM "
	                   "match_events e JOIN matches m ON m.id = e.match_id "
	                   "WHERE m.volunteer_id = volunteers.id AND e.to_status = 'accepted')",
	               err);
}
