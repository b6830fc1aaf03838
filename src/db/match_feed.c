/* The matching engine's reads, the benchmark's bulk writer and baseline (see match_feed.h). */
#include "db/match_feed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "model/match.h"
#include "model/organisation.h"
#include "util/buf.h"

#define OPEN_STATUSES "('proposed','contacted','accepted','active')"

/* The caller's typed callback and its context, for the row functions below. */
struct feed_walk {
	union {
		feed_volunteer_fn volunteer;
		feed_item_fn item;
		feed_match_fn match;
		feed_org_fn org;
	} each;
	void *ctx;
};

static int volunteer_row(void *arg, struct db_stmt *st)
{
	struct feed_walk *w = arg;
	struct feed_volunteer v;
	v.id = db_col_int(st, 0);
	v.organisation_id = db_col_int(st, 1);
	v.status = volunteer_status_parse(db_col_text(st, 2));
	v.lat = db_col_double(st, 3);
	v.lon = db_col_double(st, 4);
	v.availability = (uint32_t)db_col_int(st, 5);
	v.max_distance_km = (int)db_col_int(st, 6);
	v.max_matches = (int)db_col_int(st, 7);
	v.driving_licence = (int)db_col_int(st, 8);
	snprintf(v.vog_date, sizeof v.vog_date, "%s", db_col_text(st, 9));
	v.motivation_text = db_col_text(st, 10);
	v.travel_mode = travel_mode_parse(db_col_text(st, 11));
	v.hours_per_week = (int)db_col_int(st, 12);
	v.engagement = (uint32_t)db_col_int(st, 13);
	return w->each.volunteer(w->ctx, &v);
}

#define FEED_VOLUNTEER                                                                   \
	"SELECT id, organisation_id, status, lat, lon, availability, max_distance_km, "     \
	"max_matches, driving_licence, vog_date, motivation_text, travel_mode, "           \
	"hours_per_week, engagement FROM volunteers "

int store_feed_volunteers(struct db *db, int64_t only_id, feed_volunteer_fn each, void *ctx,
                          struct kp_error *err)
{
	struct feed_walk w = { .each.volunteer = each, .ctx = ctx };
	return query_each(db, only_id > 0 ? FEED_VOLUNTEER "WHERE id = ?"
	                                  : FEED_VOLUNTEER "ORDER BY id",
	                  only_id, volunteer_row, &w, err);
}

static int link_row(void *arg, struct db_stmt *st)
{
	struct feed_walk *w = arg;
	return w->each.item(w->ctx, db_col_int(st, 0), db_col_int(st, 1));
}

int store_feed_volunteer_items(struct db *db, int64_t only_id, feed_item_fn each, void *ctx,
                               struct kp_error *err)
{
	struct feed_walk w = { .each.item = each, .ctx = ctx };
	return query_each(db, only_id > 0
	                          ? "SELECT volunteer_id, item_id FROM volunteer_items "
	                            "WHERE volunteer_id = ?"
	                          : "SELECT volunteer_id, item_id FROM volunteer_items "
	                            "ORDER BY volunteer_id",
	                  only_id, link_row, &w, err);
}

int store_feed_volunteer_experiences(struct db *db, int64_t only_id, feed_item_fn each,
                                     void *ctx, struct kp_error *err)
{
	struct feed_walk w = { .each.item = each, .ctx = ctx };
	return query_each(db, only_id > 0
	                          ? "SELECT volunteer_id, item_id FROM volunteer_experiences "
	                            "WHERE volunteer_id = ?"
	                          : "SELECT volunteer_id, item_id FROM volunteer_experiences "
	                            "ORDER BY volunteer_id",
	                  only_id, link_row, &w, err);
}

static int match_row(void *arg, struct db_stmt *st)
{
	struct feed_walk *w = arg;
	struct feed_match m = { db_col_int(st, 0), db_col_int(st, 1),
	                        match_status_parse(db_col_text(st, 2)), db_col_int(st, 3),
	                        (int)db_col_int(st, 4) };
	return w->each.match(w->ctx, &m);
}

#define FEED_MATCH                                                                        \
	"SELECT m.call_id, m.volunteer_id, m.status, m.created_at, c.duration_minutes "      \
	"FROM matches m JOIN calls c ON c.id = m.call_id"

int store_feed_matches(struct db *db, int64_t call_id, int64_t volunteer_id, feed_match_fn each,
                       void *ctx, struct kp_error *err)
{
	struct feed_walk w = { .each.match = each, .ctx = ctx };
	if (call_id > 0)
		return query_each(db, FEED_MATCH " WHERE m.call_id = ?", call_id, match_row, &w, err);
	if (volunteer_id > 0)
		return query_each(db, FEED_MATCH " WHERE m.volunteer_id = ?", volunteer_id, match_row,
		                  &w, err);
	return query_each(db, FEED_MATCH, 0, match_row, &w, err);
}

static int organisation_row(void *arg, struct db_stmt *st)
{
	struct feed_walk *w = arg;
	return w->each.org(w->ctx, db_col_int(st, 0), organisation_kind_parse(db_col_text(st, 1)),
	                   (int)db_col_int(st, 2));
}

int store_feed_organisations(struct db *db, int64_t only_id, feed_org_fn each, void *ctx,
                             struct kp_error *err)
{
	struct feed_walk w = { .each.org = each, .ctx = ctx };
	return query_each(db, only_id > 0
	                          ? "SELECT id, kind, vog_max_age_months FROM organisations "
	                            "WHERE id = ?"
	                          : "SELECT id, kind, vog_max_age_months FROM organisations",
	                  only_id, organisation_row, &w, err);
}

int store_feed_open_calls(struct db *db, int64_t **ids, int *n, struct kp_error *err)
{
	return store_open_calls_before(db, NULL, ids, n, err);
}

int store_open_calls_before(struct db *db, const char *before, int64_t **ids, int *n,
                            struct kp_error *err)
{
	struct db_stmt *st = NULL;
	int rc = KP_ERR, step, cap = 0;
	*ids = NULL;
	*n = 0;
	if (db_prepare(db, before ? "SELECT id FROM calls WHERE status = 'open' AND "
	                            "one_off_date < ? ORDER BY id"
	                          : "SELECT id FROM calls WHERE status = 'open' ORDER BY id",
	               &st, err))
		return KP_ERR;
	if (before)
		db_bind_text(st, 1, before);
	while ((step = db_step(st, err)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			int64_t *p = realloc(*ids, (size_t)cap * sizeof *p);
			if (p == NULL) {
				kp_internal(err);
				goto end;
			}
			*ids = p;
		}
		(*ids)[(*n)++] = db_col_int(st, 0);
	}
	if (step == DB_DONE)
		rc = KP_OK;
end:
	db_finalize(st);
	return rc;
}

/* --- bulk writing --- */

struct store_bulk {
	struct db_stmt *volunteer;
	struct db_stmt *item;
};

int store_bulk_open(struct db *db, struct store_bulk **out, struct kp_error *err)
{
	struct store_bulk *b = calloc(1, sizeof *b);
	if (b == NULL)
		return kp_internal(err);
	if (db_prepare(db,
	               "INSERT INTO volunteers (id, organisation_id, first_name, last_name, email, "
	               "phone, birth_year, status, place, lat, lon, availability, hours_per_week, "
	               "engagement, max_distance_km, travel_mode, driving_licence, max_matches, "
	               "vog_date, motivation_text, started_on, created_at, updated_at) VALUES "
	               "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	               &b->volunteer, err) ||
	    db_prepare(db, "INSERT INTO volunteer_items (volunteer_id, item_id) VALUES (?, ?)",
	               &b->item, err)) {
		store_bulk_close(b);
		return KP_ERR;
	}
	*out = b;
	return KP_OK;
}

int store_bulk_volunteer(struct store_bulk *b, const struct volunteer *v, struct kp_error *err)
{
	struct db_stmt *st = b->volunteer;
	int i = 1;
	db_reset(st);
	db_bind_int(st, i++, v->id);
	db_bind_int(st, i++, v->organisation_id);
	db_bind_text(st, i++, v->first_name);
	db_bind_text(st, i++, v->last_name);
	db_bind_text(st, i++, v->email);
	db_bind_text(st, i++, v->phone);
	db_bind_int(st, i++, v->birth_year);
	db_bind_text(st, i++, volunteer_status_name(v->status));
	db_bind_text(st, i++, v->place);
	db_bind_double(st, i++, v->lat);
	db_bind_double(st, i++, v->lon);
	db_bind_int(st, i++, v->availability);
	db_bind_int(st, i++, v->hours_per_week);
	db_bind_int(st, i++, v->engagement);
	db_bind_int(st, i++, v->max_distance_km);
	db_bind_text(st, i++, travel_mode_name(v->travel_mode));
	db_bind_int(st, i++, v->driving_licence);
	db_bind_int(st, i++, v->max_matches);
	db_bind_opt_text(st, i++, v->vog_date);
	db_bind_text(st, i++, v->motivation_text);
	db_bind_text(st, i++, v->started_on);
	db_bind_int(st, i++, v->created_at);
	db_bind_int(st, i++, v->updated_at);
	if (db_step(st, err) != DB_DONE)
		return KP_ERR;
	for (int k = 0; k < LIST_KIND_COUNT; k++) {
		if (k == LIST_EXPERIENCE)
			continue;
		for (int j = 0; j < v->items[k].n; j++) {
			db_reset(b->item);
			db_bind_int(b->item, 1, v->id);
			db_bind_int(b->item, 2, v->items[k].ids[j]);
			if (db_step(b->item, err) != DB_DONE)
				return KP_ERR;
		}
	}
	return KP_OK;
}

void store_bulk_close(struct store_bulk *b)
{
	if (b == NULL)
		return;
	db_finalize(b->volunteer);
	db_finalize(b->item);
	free(b);
}

/* --- the baseline query --- */

static int id_list(struct buf *b, const int64_t *ids, int n)
{
	int rc = buf_appends(b, "(");
	for (int i = 0; i < n && rc == 0; i++)
		rc = buf_printf(b, "%s%lld", i ? "," : "", (long long)ids[i]);
	return rc ? rc : buf_appends(b, n ? ")" : "0)");
}

/* "(SELECT COUNT(*) FROM volunteer_items vi WHERE vi.volunteer_id = v.id AND vi.item_id IN (…))" */
static int count_in(struct buf *b, const int64_t *ids, int n)
{
	int rc = buf_appends(b, "(SELECT COUNT(*) FROM volunteer_items vi WHERE "
	                        "vi.volunteer_id = v.id AND vi.item_id IN ");
	return rc ? rc : (id_list(b, ids, n) || buf_appends(b, ")"));
}

/* Bits of availability & need counted one by one: SQL has no popcount. */
static int popcount_expr(struct buf *b, uint32_t need)
{
	int rc = buf_appends(b, "(0");
	for (int i = 0; i < 21 && rc == 0; i++)
		if (need & (1u << i))
			rc = buf_printf(b, " + ((v.availability >> %d) & 1)", i);
	return rc ? rc : buf_appends(b, ")");
}

static int baseline_sql(struct buf *b, const struct feed_baseline *q)
{
	int rc = 0;
	/* Distance and the squared km, written once as a derived table. */
	rc |= buf_printf(b,
	                 "SELECT id, score FROM (SELECT v.id AS id, d2, CASE WHEN "
	                 "v.travel_mode = 'walk' AND v.max_distance_km > 5 THEN 5 "
	                 "WHEN v.travel_mode = 'bike' AND "
	                 "v.max_distance_km > 20 THEN 20 ELSE v.max_distance_km END AS mx, "
	                 "%.17g * (EXISTS (SELECT 1 FROM volunteer_items vi WHERE "
	                 "vi.volunteer_id = v.id AND vi.item_id = %lld))",
	                 q->w[0], (long long)q->activity_id);
	if (q->n_themes) {
		rc |= buf_printf(b, " + %.17g * (", q->w[1]);
		rc |= count_in(b, q->themes, q->n_themes);
		rc |= buf_printf(b, " * 1.0 / %d)", q->n_themes);
	} else {
		rc |= buf_printf(b, " + %.17g * 0.0", q->w[1]);
	}
	rc |= buf_printf(b, " + %.17g * COALESCE(", q->w[2]);
	rc |= count_in(b, q->aff_motives, q->n_aff_motives);
	rc |= buf_appends(b, " * 1.0 / NULLIF((SELECT COUNT(*) FROM volunteer_items vi JOIN "
	                     "list_items li ON li.id = vi.item_id WHERE vi.volunteer_id = v.id "
	                     "AND li.kind = 'motive'), 0), 0.0)");
	rc |= buf_printf(b, " + %.17g * (", q->w[3]);
	rc |= count_in(b, q->aff_talents, q->n_aff_talents);
	rc |= buf_appends(b, " > 0)");
	rc |= buf_printf(b, " + %.17g * (%.17g / (%.17g + d2))", q->w[6],
	                 q->half_km * q->half_km, q->half_km * q->half_km);
	if (q->one_off || q->need_count == 0) {
		rc |= buf_printf(b, " + %.17g * 1.0", q->w[7]);
	} else {
		rc |= buf_printf(b, " + %.17g * (", q->w[7]);
		rc |= popcount_expr(b, q->need);
		rc |= buf_printf(b, " * 1.0 / %d)", q->need_count);
	}
	rc |= buf_printf(b,
	                 " + %.17g * (0.5 * (1.0 - (SELECT COUNT(*) FROM matches m WHERE "
	                 "m.volunteer_id = v.id AND m.status IN " OPEN_STATUSES
	                 ") * 1.0 / v.max_matches) + 0.5 * (1 - EXISTS (SELECT 1 FROM matches m "
	                 "WHERE m.volunteer_id = v.id AND m.created_at >= %lld)))",
	                 q->w[8], (long long)q->recent_since);
	rc |= buf_printf(b, " + %.17g * %.17g AS score", q->w[9], q->waiting);
	rc |= buf_printf(b,
	                 " FROM (SELECT *, ((lon - %.17g) * %.17g * 111.195) * ((lon - %.17g) * "
	                 "%.17g * 111.195) + ((lat - %.17g) * 111.195) * ((lat - %.17g) * 111.195) "
	                 "AS d2 FROM volunteers) v WHERE v.status = 'active'",
	                 q->lon, q->cos_lat, q->lon, q->cos_lat, q->lat, q->lat);
	/* Consent: the own organisation, or the volunteer allowed this one. */
	rc |= buf_printf(b,
	                 " AND (v.organisation_id = %lld OR v.id IN (SELECT volunteer_id FROM "
	                 "volunteer_consents WHERE profile_scope = 'network') OR v.id IN (SELECT "
	                 "o.volunteer_id FROM volunteer_consent_organisations o JOIN "
	                 "volunteer_consents k ON k.volunteer_id = o.volunteer_id WHERE "
	                 "k.profile_scope = 'organisations' AND o.organisation_id = %lld))",
	                 (long long)q->organisation_id, (long long)q->organisation_id);
	rc |= buf_printf(b, " AND (v.availability & %u) != 0", q->need);
	if (q->n_required) {
		rc |= buf_appends(b, " AND ");
		rc |= count_in(b, q->required, q->n_required);
		rc |= buf_printf(b, " = %d", q->n_required);
	}
	if (q->requires_licence)
		rc |= buf_appends(b, " AND v.driving_licence = 1");
	if (q->requires_car)
		rc |= buf_appends(b, " AND v.travel_mode = 'car' AND v.driving_licence = 1");
	rc |= buf_printf(b, " AND (v.engagement = 0 OR (v.engagement & %u) != 0)",
	                 q->engagement_fit);
	/* Hours: what the open matches leave of the week, in half hours. */
	rc |= buf_printf(b,
	                 " AND (v.hours_per_week = 0 OR 2 * v.hours_per_week - COALESCE((SELECT "
	                 "SUM((c.duration_minutes + 29) / 30) FROM matches m JOIN calls c ON "
	                 "c.id = m.call_id WHERE m.volunteer_id = v.id AND m.status IN "
	                 OPEN_STATUSES "), 0) >= %d)",
	                 q->half_hours);
	if (q->requires_vog)
		rc |= buf_printf(b, " AND v.vog_date IS NOT NULL AND v.vog_date >= '%s'",
		                 q->vog_cutoff);
	rc |= buf_printf(b,
	                 " AND (SELECT COUNT(*) FROM matches m WHERE m.volunteer_id = v.id AND "
	                 "m.status IN " OPEN_STATUSES ") < v.max_matches"
	                 " AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.volunteer_id = v.id "
	                 "AND m.call_id = %lld)) WHERE d2 <= mx * mx ORDER BY score DESC, id",
	                 (long long)q->call_id);
	return rc ? -1 : 0;
}

int store_feed_baseline(struct db *db, const struct feed_baseline *q, int k, int64_t *ids,
                        double *scores, int *n, struct kp_error *err)
{
	struct buf b;
	struct db_stmt *st = NULL;
	int rc = KP_ERR, step;
	*n = 0;
	buf_init(&b, 1 << 20);
	if (baseline_sql(&b, q) || buf_printf(&b, " LIMIT %d", k)) {
		kp_internal(err);
		goto end;
	}
	if (db_prepare(db, b.data, &st, err))
		goto end;
	while ((step = db_step(st, err)) == DB_ROW && *n < k) {
		ids[*n] = db_col_int(st, 0);
		scores[*n] = db_col_double(st, 1);
		(*n)++;
	}
	if (step != DB_FAILED)
		rc = KP_OK;
end:
	db_finalize(st);
	buf_free(&b);
	return rc;
}
