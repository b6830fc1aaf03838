/* The call store: the call row and its item links (themes and requirements). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/items.h"
#include "db/query.h"
#include "db/store.h"

static const int call_kinds[] = { LIST_THEME, LIST_TALENT, LIST_TRAINING, LIST_LANGUAGE };

#define COLUMNS                                                                           \
	"organisation_id, location_id, volunteer_id, source, title, description, activity_id, " \
	"place, lat, lon, one_off_date, start_time, dayparts, duration_minutes, "               \
	"volunteers_needed, requires_vog, requires_driving_licence, engagement, status, "      \
	"created_by, created_at, updated_at, public_title, public_description, requires_car, "  \
	"public_page"
/* What volunteers see as a call's title: a help request's public one. */
#define PUBLIC_TITLE "CASE WHEN source IN ('client', 'referrer') THEN public_title ELSE title END"
/* The call's location as it reads with the call: its name and address. */
#define LOCATION_OF(col) \
	"(SELECT l." col " FROM locations l WHERE l.id = calls.location_id)"
#define SELECT_CALL                                                                       \
	"SELECT id, " COLUMNS ", version, " LOCATION_OF("name") ", " LOCATION_OF("address") \
	", revision FROM calls"
/* What a list reads first (struct call_head). */
#define SELECT_HEAD                                                                   \
	"SELECT id, revision, organisation_id, volunteer_id, created_by, source, "          \
	"CASE WHEN public_title = '' THEN 0 ELSE 1 END FROM calls"

static int bind_call(struct db_stmt *st, const struct call *c)
{
	int i = 1;
	db_bind_int(st, i++, c->organisation_id);
	db_bind_ref(st, i++, c->location_id);
	db_bind_ref(st, i++, c->volunteer_id);
	db_bind_text(st, i++, call_source_name(c->source));
	db_bind_text(st, i++, c->title);
	db_bind_text(st, i++, c->description);
	db_bind_int(st, i++, c->activity_id);
	db_bind_text(st, i++, c->place);
	db_bind_double(st, i++, c->lat);
	db_bind_double(st, i++, c->lon);
	db_bind_opt_text(st, i++, c->one_off_date);
	db_bind_opt_text(st, i++, c->start_time);
	db_bind_int(st, i++, c->dayparts);
	db_bind_int(st, i++, c->duration_minutes);
	db_bind_int(st, i++, c->volunteers_needed);
	db_bind_int(st, i++, c->requires_vog);
	db_bind_int(st, i++, c->requires_driving_licence);
	db_bind_text(st, i++, engagement_name(c->engagement));
	db_bind_text(st, i++, call_status_name(c->status));
	db_bind_ref(st, i++, c->created_by);
	db_bind_int(st, i++, c->created_at);
	db_bind_int(st, i++, c->updated_at);
	db_bind_text(st, i++, c->public_title);
	db_bind_text(st, i++, c->public_description);
	db_bind_int(st, i++, c->requires_car);
	db_bind_int(st, i++, c->public_page);
	return i;
}

static void read_call(struct db_stmt *st, struct call *c)
{
	int i = 0;
	/* Every field is set below but the item sets, which start empty: no
	   memset of the whole row (tens of kilobytes of text buffers) per row
	   of a list. */
	for (int k = 0; k < LIST_KIND_COUNT; k++)
		c->items[k].n = 0;
	c->id = db_col_int(st, i++);
	c->organisation_id = db_col_int(st, i++);
	c->location_id = db_col_int(st, i++);
	c->volunteer_id = db_col_int(st, i++);
	c->source = call_source_parse(db_col_text(st, i++));
	db_col_copy(st, i++, c->title, sizeof c->title);
	db_col_copy(st, i++, c->description, sizeof c->description);
	c->activity_id = db_col_int(st, i++);
	db_col_copy(st, i++, c->place, sizeof c->place);
	c->lat = db_col_double(st, i++);
	c->lon = db_col_double(st, i++);
	db_col_copy(st, i++, c->one_off_date, sizeof c->one_off_date);
	db_col_copy(st, i++, c->start_time, sizeof c->start_time);
	c->dayparts = (uint32_t)db_col_int(st, i++);
	c->duration_minutes = (int)db_col_int(st, i++);
	c->volunteers_needed = (int)db_col_int(st, i++);
	c->requires_vog = (int)db_col_int(st, i++);
	c->requires_driving_licence = (int)db_col_int(st, i++);
	c->engagement = engagement_parse(db_col_text(st, i++));
	c->status = call_status_parse(db_col_text(st, i++));
	c->created_by = db_col_int(st, i++);
	c->created_at = db_col_int(st, i++);
	c->updated_at = db_col_int(st, i++);
	db_col_copy(st, i++, c->public_title, sizeof c->public_title);
	db_col_copy(st, i++, c->public_description, sizeof c->public_description);
	c->requires_car = (int)db_col_int(st, i++);
	c->public_page = db_col_int(st, i++) != 0;
	c->version = db_col_int(st, i++);
	db_col_copy(st, i++, c->location_name, sizeof c->location_name);
	db_col_copy(st, i++, c->location_address, sizeof c->location_address);
	c->revision = db_col_int(st, i++);
}

static int write_items(struct db *db, const struct call *c, struct kp_error *err)
{
	if (items_replace(db, "call_items", "call_id", c->id, c->items, call_kinds,
	                  (int)(sizeof call_kinds / sizeof call_kinds[0]), err))
		return KP_ERR;
	/* Other app servers refresh their matching index from the change log. */
	return store_change_record(db, CHANGE_CALL, c->id, 0, c->updated_at, err);
}

int store_call_insert(struct db *db, struct call *c, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO calls (" COLUMNS ") VALUES "
	                   "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
	               &st, err))
		return KP_ERR;
	bind_call(st, c);
	int rc = db_query_int(st, &c->id, err);
	db_finalize(st);
	return rc ? KP_ERR : write_items(db, c, err);
}

int store_call_update(struct db *db, const struct call *c, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE calls SET organisation_id = ?, location_id = ?, "
	                   "volunteer_id = ?, source = ?, title = ?, description = ?, "
	                   "activity_id = ?, place = ?, lat = ?, lon = ?, one_off_date = ?, "
	                   "start_time = ?, dayparts = ?, duration_minutes = ?, "
	                   "volunteers_needed = ?, requires_vog = ?, "
	                   "requires_driving_licence = ?, engagement = ?, status = ?, "
	                   "created_by = ?, created_at = ?, updated_at = ?, public_title = ?, "
	                   "public_description = ?, requires_car = ?, public_page = ?, "
	                   "version = version + 1 "
	                   "WHERE id = ? RETURNING id",
	               &st, err))
		return KP_ERR;
	int i = bind_call(st, c);
	db_bind_int(st, i, c->id);
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	if (rc) {
		if (err && err->kind == KP_NOT_FOUND)
			kp_fail(err, KP_NOT_FOUND, "not_found", "id");
		return KP_ERR;
	}
	return write_items(db, c, err);
}

int store_call_get(struct db *db, int64_t id, struct call *c, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, SELECT_CALL " WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_call(st, c);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	return items_load(db, "call_items", "call_id", id, c->items, err);
}

static struct items_owner page_row(struct db_stmt *st, void *row)
{
	struct call *r = row;
	read_call(st, r);
	return (struct items_owner){ r->id, r->items };
}

int store_call_get_many(struct db *db, const int64_t *ids, int n, struct call *out,
                        struct kp_error *err)
{
	return items_rows_where(db, SELECT_CALL, NULL, "call_items", "call_id", ids, n, out,
	                        sizeof *out, page_row, NULL, err);
}

/* Loads the items of every row of p at once, then hands each row to
   each(ctx, row). */
static int page_each(struct db *db, struct items_page *p, call_fn each, void *ctx,
                     struct kp_error *err)
{
	int rc = items_load_page(db, "call_items", "call_id", p->owners, p->n, err);
	for (int i = 0; i < p->n && rc == KP_OK; i++)
		rc = each(ctx, items_page_at(p, i)) != 0 ? kp_internal(err) : KP_OK;
	return rc;
}

/* The conditions of f into q (query_init'ed); like (cap bytes) is room for
   the pattern of f->q, as long as q lives. Non-zero when out of memory. */
static int build_filter(struct query *q, const struct list_filter *f, char *like, size_t cap)
{
	int rc = 0;
	if (f->organisation_id)
		rc |= query_and_int(q, "organisation_id = ?", f->organisation_id);
	if (f->volunteer_id)
		rc |= query_and_int(q, "volunteer_id = ?", f->volunteer_id);
	if (f->created_by)
		rc |= query_and_int(q, "created_by = ?", f->created_by);
	if (f->status >= 0)
		rc |= query_and_text(q, "status = ?", call_status_name(f->status));
	if (f->place)
		rc |= query_and_text(q, "LOWER(place) = LOWER(?)", f->place);
	if (f->item_id)
		rc |= query_and_int(q, "activity_id = ?", f->item_id);
	if (f->published_only)
		rc |= query_and(q, "(source NOT IN ('client', 'referrer') OR public_title <> '')");
	if (f->offers_of < 0)
		rc |= query_and(q, "source <> 'volunteer'");
	else if (f->offers_of > 0)
		rc |= query_and_int(q, "(source <> 'volunteer' OR volunteer_id = ?)", f->offers_of);
	if (f->unmatched)
		rc |= query_and(q, "NOT EXISTS (SELECT 1 FROM matches m WHERE m.call_id = calls.id "
		                   "AND m.status IN ('proposed', 'contacted', 'accepted', 'active'))");
	if (f->public_page_only)
		rc |= query_and(q, "public_page = 1 AND source <> 'volunteer'");
	if (f->location_id)
		rc |= query_and_int(q, "location_id = ?", f->location_id);
	if (f->location_account_id)
		rc |= query_and_int2(q, AT_LOCATIONS("calls"), f->location_account_id,
		                    f->location_account_id);
	if (f->q) {
		rc |= query_like_pattern(f->q, like, cap);
		rc |= query_and_text(q, f->published_only ? "LOWER(" PUBLIC_TITLE ") LIKE LOWER(?) "
		                                            "ESCAPE '\\'"
		                                          : "LOWER(title) LIKE LOWER(?) ESCAPE '\\'",
		                    like);
	}
	return rc;
}

static const char *order_of(const struct list_filter *f)
{
	return f->oldest_first ? "created_at, id" : "created_at DESC, id DESC";
}

int store_call_list(struct db *db, const struct list_filter *f, struct page pg, call_fn each,
                    void *ctx, int64_t *total, struct kp_error *err)
{
	struct query q;
	char like[512];
	struct items_page p;
	query_init(&q);
	int rc = build_filter(&q, f, like, sizeof like);
	if (items_page_init(&p, pg.limit, sizeof(struct call), page_row) != 0 || rc != 0)
		rc = kp_internal(err);
	else
		rc = query_list(db, "calls", SELECT_CALL, &q, order_of(f), pg, items_page_row, &p,
		                total, err) ||
		     page_each(db, &p, each, ctx, err);
	items_page_free(&p);
	query_free(&q);
	return rc ? KP_ERR : KP_OK;
}

int store_call_rows(struct db *db, const struct list_filter *f, const int64_t *ids, int n,
                    struct call *out, bool *found, struct kp_error *err)
{
	struct query q;
	char like[512];
	query_init(&q);
	int rc = build_filter(&q, f, like, sizeof like) != 0
	                 ? kp_internal(err)
	                 : items_rows_where(db, SELECT_CALL, &q, "call_items", "call_id", ids, n,
	                                    out, sizeof *out, page_row, found, err);
	query_free(&q);
	return rc ? KP_ERR : KP_OK;
}

struct heads {
	struct call_head *out;
	int n, cap;
};

static int add_head(void *ctx, struct db_stmt *st)
{
	struct heads *h = ctx;
	if (h->n >= h->cap)
		return -1;
	struct call_head *x = &h->out[h->n++];
	x->id = db_col_int(st, 0);
	x->revision = db_col_int(st, 1);
	x->organisation_id = db_col_int(st, 2);
	x->volunteer_id = db_col_int(st, 3);
	x->created_by = db_col_int(st, 4);
	x->source = call_source_parse(db_col_text(st, 5));
	x->published = !call_source_is_request(x->source) || db_col_int(st, 6) != 0;
	return 0;
}

int store_call_heads(struct db *db, const struct list_filter *f, struct page pg,
                     struct call_head *out, int *n, int64_t *total, struct kp_error *err)
{
	struct query q;
	char like[512];
	struct heads h = { out, 0, pg.limit };
	query_init(&q);
	int rc = build_filter(&q, f, like, sizeof like) != 0
	                 ? kp_internal(err)
	                 : query_list(db, "calls", SELECT_HEAD, &q, order_of(f), pg, add_head, &h,
	                              total, err);
	query_free(&q);
	*n = h.n;
	return rc ? KP_ERR : KP_OK;
}
