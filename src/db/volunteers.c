/* The volunteer store: profile row, item links, and lived experience apart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/items.h"
#include "db/query.h"
#include "db/store.h"

static const int profile_kinds[] = {
	LIST_ACTIVITY, LIST_THEME, LIST_MOTIVE, LIST_TALENT, LIST_TRAINING, LIST_LANGUAGE,
};
static const int experience_kind[] = { LIST_EXPERIENCE };

#define COLUMNS                                                                          \
	"organisation_id, first_name, last_name, email, phone, birth_year, status, place, "   \
	"lat, lon, availability, hours_per_week, engagement, max_distance_km, travel_mode, " \
	"driving_licence, max_matches, vog_date, motivation_text, started_on, created_at, "   \
	"updated_at"

/* Binds the COLUMNS in order from index 1; returns the next index. */
static int bind_profile(struct db_stmt *st, const struct volunteer *v)
{
	int i = 1;
	db_bind_int(st, i++, v->organisation_id);
	db_bind_text(st, i++, v->first_name);
	db_bind_text(st, i++, v->last_name);
	db_bind_text(st, i++, v->email);
	db_bind_text(st, i++, v->phone);
	if (v->birth_year)
		db_bind_int(st, i++, v->birth_year);
	else
		db_bind_null(st, i++);
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
	return i;
}

/* Reads the id followed by COLUMNS, as selected by SELECT_PROFILE. */
static void read_profile(struct db_stmt *st, struct volunteer *v)
{
	int i = 0;
	/* Every field is set below but the item sets, which start empty (no
	   memset of the text buffers: a list reads many rows). */
	for (int k = 0; k < LIST_KIND_COUNT; k++)
		v->items[k].n = 0;
	v->id = db_col_int(st, i++);
	v->organisation_id = db_col_int(st, i++);
	db_col_copy(st, i++, v->first_name, sizeof v->first_name);
	db_col_copy(st, i++, v->last_name, sizeof v->last_name);
	db_col_copy(st, i++, v->email, sizeof v->email);
	db_col_copy(st, i++, v->phone, sizeof v->phone);
	v->birth_year = (int)db_col_int(st, i++);
	v->status = volunteer_status_parse(db_col_text(st, i++));
	db_col_copy(st, i++, v->place, sizeof v->place);
	v->lat = db_col_double(st, i++);
	v->lon = db_col_double(st, i++);
	v->availability = (uint32_t)db_col_int(st, i++);
	v->hours_per_week = (int)db_col_int(st, i++);
	v->engagement = (uint32_t)db_col_int(st, i++);
	v->max_distance_km = (int)db_col_int(st, i++);
	v->travel_mode = travel_mode_parse(db_col_text(st, i++));
	v->driving_licence = (int)db_col_int(st, i++);
	v->max_matches = (int)db_col_int(st, i++);
	db_col_copy(st, i++, v->vog_date, sizeof v->vog_date);
	db_col_copy(st, i++, v->motivation_text, sizeof v->motivation_text);
	db_col_copy(st, i++, v->started_on, sizeof v->started_on);
	v->created_at = db_col_int(st, i++);
	v->updated_at = db_col_int(st, i++);
	v->version = db_col_int(st, i++);
	v->erased_at = db_col_int(st, i++);
	v->revision = db_col_int(st, i++);
}

#define SELECT_PROFILE "SELECT id, " COLUMNS ", version, erased_at, revision FROM volunteers"

/* The items of v, and a change row; fresh: v is new and has none yet. */
static int write_items(struct db *db, const struct volunteer *v, bool with_experience,
                       bool fresh, struct kp_error *err)
{
	int (*put)(struct db *, const char *, const char *, int64_t, const struct id_set *,
	           const int *, int, struct kp_error *) = fresh ? items_insert : items_replace;
	if (put(db, "volunteer_items", "volunteer_id", v->id, v->items, profile_kinds,
	        (int)(sizeof profile_kinds / sizeof profile_kinds[0]), err))
		return KP_ERR;
	if (with_experience &&
	    put(db, "volunteer_experiences", "volunteer_id", v->id, v->items, experience_kind, 1,
	        err))
		return KP_ERR;
	/* Other app servers refresh their matching index from the change log. */
	return store_change_record(db, CHANGE_VOLUNTEER, v->id, 0, v->updated_at, err);
}

int store_volunteer_insert(struct db *db, struct volunteer *v, bool with_experience,
                           struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO volunteers (" COLUMNS ") VALUES "
	                   "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", &st, err))
		return KP_ERR;
	bind_profile(st, v);
	int rc = db_query_int(st, &v->id, err);
	db_finalize(st);
	if (rc)
		return KP_ERR;
	return write_items(db, v, with_experience, true, err);
}

int store_volunteer_update(struct db *db, const struct volunteer *v, bool with_experience,
                           struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE volunteers SET organisation_id = ?, first_name = ?, "
	                   "last_name = ?, email = ?, phone = ?, birth_year = ?, status = ?, "
	                   "place = ?, lat = ?, lon = ?, availability = ?, hours_per_week = ?, "
	                   "engagement = ?, max_distance_km = ?, travel_mode = ?, "
	                   "driving_licence = ?, max_matches = ?, vog_date = ?, "
	                   "motivation_text = ?, started_on = ?, created_at = ?, updated_at = ?, "
	                   "version = version + 1 WHERE id = ? RETURNING id", &st, err))
		return KP_ERR;
	int i = bind_profile(st, v);
	db_bind_int(st, i, v->id);
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	if (rc) {
		if (err && err->kind == KP_NOT_FOUND)
			kp_fail(err, KP_NOT_FOUND, "not_found", "id");
		return KP_ERR;
	}
	if (store_account_follow_volunteer(db, v->id, v->organisation_id, err))
		return KP_ERR;
	return write_items(db, v, with_experience, false, err);
}

int store_volunteer_get(struct db *db, int64_t id, bool with_experience, struct volunteer *v,
                        struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, SELECT_PROFILE " WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_profile(st, v);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	return with_experience ? items_load_with(db, "volunteer_items", "volunteer_experiences",
	                                         "volunteer_id", id, v->items, err)
	                       : items_load(db, "volunteer_items", "volunteer_id", id, v->items, err);
}

int store_volunteer_head(struct db *db, int64_t id, struct volunteer_head *out,
                         struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT revision, version, organisation_id FROM volunteers WHERE id = ?",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		*out = (struct volunteer_head){ id, db_col_int(st, 0), db_col_int(st, 1),
		                                db_col_int(st, 2) };
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "id") : KP_OK;
}

static int build_filter(struct query *q, const struct list_filter *f, char *like, size_t cap)
{
	int rc = 0;
	if (f->organisation_id && f->consented_to)
		rc |= query_and_int2(q, "(organisation_id = ? OR id IN (SELECT volunteer_id FROM "
		                        "volunteer_consents WHERE profile_scope = 'network') OR id IN "
		                        "(SELECT volunteer_id FROM volunteer_consent_organisations "
		                        "WHERE organisation_id = ?))",
		                     f->organisation_id, f->consented_to);
	else if (f->organisation_id)
		rc |= query_and_int(q, "organisation_id = ?", f->organisation_id);
	if (f->volunteer_id)
		rc |= query_and_int(q, "id = ?", f->volunteer_id);
	if (f->status >= 0)
		rc |= query_and_text(q, "status = ?", volunteer_status_name(f->status));
	if (f->place)
		rc |= query_and_text(q, "LOWER(place) = LOWER(?)", f->place);
	if (f->home_organisation_id)
		rc |= query_and_int(q, "organisation_id = ?", f->home_organisation_id);
	const int64_t items[2] = { f->item_id, f->also_item_id };
	for (int i = 0; i < 2; i++)
		if (items[i])
			rc |= query_and_int(q, "id IN (SELECT volunteer_id FROM volunteer_items "
			                       "WHERE item_id = ?)", items[i]);
	if (f->q) { /* a name, an e-mail address or a phone number (spaces and dashes aside) */
		rc |= query_like_pattern(f->q, like, cap);
		rc |= query_and_text_n(q, "(LOWER(first_name || ' ' || last_name) LIKE LOWER(?) "
		                          "ESCAPE '\\' OR LOWER(email) LIKE LOWER(?) ESCAPE '\\' OR "
		                          "REPLACE(REPLACE(phone, ' ', ''), '-', '') LIKE "
		                          "REPLACE(REPLACE(?, ' ', ''), '-', '') ESCAPE '\\')",
		                       like, 3);
	}
	return rc;
}

static struct items_owner page_row(struct db_stmt *st, void *row)
{
	struct volunteer *r = row;
	read_profile(st, r);
	return (struct items_owner){ r->id, r->items };
}

static void read_name(void *ctx, struct db_stmt *st, int i)
{
	struct volunteer_name *v = (struct volunteer_name *)ctx + i;
	v->id = db_col_int(st, 0);
	v->organisation_id = db_col_int(st, 1);
	db_col_copy(st, 2, v->first_name, sizeof v->first_name);
	db_col_copy(st, 3, v->last_name, sizeof v->last_name);
	db_col_copy(st, 4, v->place, sizeof v->place);
}

int store_volunteer_names(struct db *db, const int64_t *ids, int n, struct volunteer_name *out,
                          struct kp_error *err)
{
	return query_rows_where(db, "SELECT id, organisation_id, first_name, last_name, place "
	                            "FROM volunteers", NULL, ids, n, read_name, out, NULL, err);
}

/* Loads the items of every row of p at once (never lived experience), then
   hands each row to each(ctx, row). */
static int page_each(struct db *db, struct items_page *p, volunteer_fn each, void *ctx,
                     struct kp_error *err)
{
	int rc = items_load_page(db, "volunteer_items", "volunteer_id", p->owners, p->n, err);
	for (int i = 0; i < p->n && rc == KP_OK; i++)
		rc = each(ctx, items_page_at(p, i)) != 0 ? kp_internal(err) : KP_OK;
	return rc;
}

static const char *order_of(const struct list_filter *f)
{
	return f->oldest_first ? "created_at, id" : "last_name, first_name, id";
}

int store_volunteer_list(struct db *db, const struct list_filter *f, struct page pg,
                         volunteer_fn each, void *ctx, int64_t *total, struct kp_error *err)
{
	struct query q;
	char like[512];
	query_init(&q);
	int rc = build_filter(&q, f, like, sizeof like);
	struct items_page p;
	if (items_page_init(&p, pg.limit, sizeof(struct volunteer), page_row) != 0 || rc != 0)
		rc = kp_internal(err);
	else
		rc = query_list(db, "volunteers", SELECT_PROFILE, &q, order_of(f), pg, items_page_row,
		                &p, total, err) ||
		     page_each(db, &p, each, ctx, err);
	items_page_free(&p);
	query_free(&q);
	return rc ? KP_ERR : KP_OK;
}

struct heads {
	struct row_head *out;
	int n, cap;
};

static int add_head(void *ctx, struct db_stmt *st)
{
	struct heads *h = ctx;
	if (h->n >= h->cap)
		return -1;
	h->out[h->n++] = (struct row_head){ db_col_int(st, 0), db_col_int(st, 1) };
	return 0;
}

int store_volunteer_heads(struct db *db, const struct list_filter *f, struct page pg,
                          struct row_head *out, int *n, int64_t *total, struct kp_error *err)
{
	struct query q;
	char like[512];
	struct heads h = { out, 0, pg.limit };
	query_init(&q);
	int rc = build_filter(&q, f, like, sizeof like) != 0
	                 ? kp_internal(err)
	                 : query_list(db, "volunteers", "SELECT id, revision FROM volunteers", &q,
	                              order_of(f), pg, add_head, &h, total, err);
	query_free(&q);
	*n = h.n;
	return rc ? KP_ERR : KP_OK;
}

int store_volunteer_rows(struct db *db, const struct list_filter *f, const int64_t *ids, int n,
                         struct volunteer *out, bool *found, struct kp_error *err)
{
	struct query q;
	char like[512];
	query_init(&q);
	int rc = build_filter(&q, f, like, sizeof like) != 0
	                 ? kp_internal(err)
	                 : items_rows_where(db, SELECT_PROFILE, &q, "volunteer_items", "volunteer_id",
	                                    ids, n, out, sizeof *out, page_row, found, err);
	query_free(&q);
	return rc ? KP_ERR : KP_OK;
}

int store_volunteer_find_duplicate(struct db *db, const struct volunteer *v, int64_t *found,
                                   struct kp_error *err)
{
	struct db_stmt *st;
	*found = 0;
	if (db_prepare(db, "SELECT id FROM volunteers WHERE organisation_id = ? AND id <> ? AND "
	                   "((? <> '' AND LOWER(email) = LOWER(?)) OR "
	                   "(LOWER(first_name) = LOWER(?) AND LOWER(last_name) = LOWER(?) AND "
	                   "birth_year = ? AND LOWER(place) = LOWER(?))) ORDER BY id LIMIT 1",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, v->organisation_id);
	db_bind_int(st, 2, v->id);
	db_bind_text(st, 3, v->email);
	db_bind_text(st, 4, v->email);
	db_bind_text(st, 5, v->first_name);
	db_bind_text(st, 6, v->last_name);
	db_bind_int(st, 7, v->birth_year);
	db_bind_text(st, 8, v->place);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		*found = db_col_int(st, 0);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
