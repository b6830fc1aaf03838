/* Newsletters, their recipients and archive (store.h). */
#include <stdio.h>
#include <string.h>

#include "db/query.h"
#include "db/store.h"

#define NEWSLETTER_COLUMNS                                                                  \
	"n.id, COALESCE(n.organisation_id, 0), COALESCE(n.author_id, 0), "                      \
	"COALESCE(a.display_name, ''), n.subject, COALESCE(n.filter_organisation_id, 0), "      \
	"COALESCE(n.filter_activity_id, 0), COALESCE(n.filter_theme_id, 0), n.filter_place, "   \
	"n.status, n.created_at, n.updated_at, COALESCE(n.sent_at, 0), n.recipient_count, "     \
	"n.queued_count"
#define NEWSLETTER_FROM " FROM newsletters n LEFT JOIN accounts a ON a.id = n.author_id"

/* Reads NEWSLETTER_COLUMNS (and, when `full`, markdown, html and text after
   them) of the current row into n. */
static void read_newsletter(struct db_stmt *st, bool full, struct newsletter *n)
{
	n->id = db_col_int(st, 0);
	n->organisation_id = db_col_int(st, 1);
	n->author_id = db_col_int(st, 2);
	snprintf(n->author_name, sizeof n->author_name, "%s", db_col_text(st, 3));
	snprintf(n->subject, sizeof n->subject, "%s", db_col_text(st, 4));
	n->filter.organisation_id = db_col_int(st, 5);
	n->filter.activity_id = db_col_int(st, 6);
	n->filter.theme_id = db_col_int(st, 7);
	snprintf(n->filter.place, sizeof n->filter.place, "%s", db_col_text(st, 8));
	n->status = newsletter_status_parse(db_col_text(st, 9));
	n->created_at = db_col_int(st, 10);
	n->updated_at = db_col_int(st, 11);
	n->sent_at = db_col_int(st, 12);
	n->recipients = db_col_int(st, 13);
	n->queued = db_col_int(st, 14);
	n->markdown[0] = n->html[0] = n->text[0] = '\0';
	if (!full)
		return;
	snprintf(n->markdown, sizeof n->markdown, "%s", db_col_text(st, 15));
	snprintf(n->html, sizeof n->html, "%s", db_col_text(st, 16));
	snprintf(n->text, sizeof n->text, "%s", db_col_text(st, 17));
}

/* Binds subject, markdown, html, text and the filter from index `at` on. */
static int bind_content(struct db_stmt *st, int at, const struct newsletter *n)
{
	db_bind_text(st, at++, n->subject);
	db_bind_text(st, at++, n->markdown);
	db_bind_text(st, at++, n->html);
	db_bind_text(st, at++, n->text);
	db_bind_ref(st, at++, n->filter.organisation_id);
	db_bind_ref(st, at++, n->filter.activity_id);
	db_bind_ref(st, at++, n->filter.theme_id);
	db_bind_text(st, at++, n->filter.place);
	return at;
}

int store_newsletter_insert(struct db *db, struct newsletter *n, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO newsletters (subject, markdown, html, text, "
	                   "filter_organisation_id, filter_activity_id, filter_theme_id, "
	                   "filter_place, organisation_id, author_id, status, created_at, "
	                   "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?) "
	                   "RETURNING id", &st, err))
		return KP_ERR;
	int at = bind_content(st, 1, n);
	db_bind_ref(st, at++, n->organisation_id);
	db_bind_ref(st, at++, n->author_id);
	db_bind_int(st, at++, n->created_at);
	db_bind_int(st, at, n->updated_at);
	int rc = db_query_int(st, &n->id, err);
	db_finalize(st);
	return rc;
}

int store_newsletter_update(struct db *db, const struct newsletter *n, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE newsletters SET subject = ?, markdown = ?, html = ?, text = ?, "
	                   "filter_organisation_id = ?, filter_activity_id = ?, "
	                   "filter_theme_id = ?, filter_place = ?, updated_at = ? "
	                   "WHERE id = ? AND status = 'draft' RETURNING id", &st, err))
		return KP_ERR;
	int at = bind_content(st, 1, n);
	db_bind_int(st, at++, n->updated_at);
	db_bind_int(st, at, n->id);
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	return rc;
}

int store_newsletter_get(struct db *db, int64_t id, struct newsletter *n, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT " NEWSLETTER_COLUMNS ", n.markdown, n.html, n.text"
	                   NEWSLETTER_FROM " WHERE n.id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_newsletter(st, true, n);
	db_finalize(st);
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

int store_newsletter_set_status(struct db *db, const struct newsletter *n,
                                struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE newsletters SET status = ?, sent_at = ?, recipient_count = ?, "
	                   "queued_count = ?, updated_at = ? WHERE id = ? RETURNING id", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, newsletter_status_name(n->status));
	db_bind_ref(st, 2, n->sent_at);
	db_bind_int(st, 3, n->recipients);
	db_bind_int(st, 4, n->queued);
	db_bind_int(st, 5, n->updated_at);
	db_bind_int(st, 6, n->id);
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	return rc;
}

struct newsletter_walk {
	struct newsletter *n;
	newsletter_fn each;
	void *ctx;
};

static int newsletter_row(void *arg, struct db_stmt *st)
{
	struct newsletter_walk *w = arg;
	read_newsletter(st, false, w->n);
	return w->each(w->ctx, w->n);
}

int store_newsletter_list(struct db *db, const struct newsletter_scope *s, struct page pg,
                          struct newsletter *scratch, newsletter_fn each, void *ctx,
                          int64_t *total, struct kp_error *err)
{
	struct newsletter_walk w = { scratch, each, ctx };
	struct query q;
	int rc = 0;
	query_init(&q);
	if (s->organisation_id > 0)
		rc |= query_and_int(&q, "n.organisation_id = ?", s->organisation_id);
	if (s->volunteer_id > 0)
		rc |= query_and_int(&q, "n.status = 'sent' AND EXISTS (SELECT 1 FROM "
		                        "newsletter_recipients r WHERE r.newsletter_id = n.id AND "
		                        "r.volunteer_id = ?)", s->volunteer_id);
	rc = rc ? kp_internal(err)
	        : query_list(db, "newsletters n", "SELECT " NEWSLETTER_COLUMNS NEWSLETTER_FROM, &q,
	                     "n.created_at DESC, n.id DESC", pg, newsletter_row,
	                     &w, total, err);
	query_free(&q);
	return rc;
}

int store_newsletter_received(struct db *db, int64_t id, int64_t volunteer_id, bool *yes,
                              struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COUNT(*) FROM newsletter_recipients WHERE newsletter_id = ? "
	                   "AND volunteer_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, volunteer_id);
	int64_t n = 0;
	int rc = db_query_int(st, &n, err);
	db_finalize(st);
	*yes = n > 0;
	return rc;
}

/* The volunteers a filter reaches: active, not erased, with an address. */
static int recipient_query(struct query *q, const struct newsletter_filter *f)
{
	int rc = query_and(q, "v.status = 'active' AND v.erased_at IS NULL AND v.email <> ''");
	if (f->organisation_id > 0)
		rc |= query_and_int(q, "v.organisation_id = ?", f->organisation_id);
	if (f->place[0] != '\0')
		rc |= query_and_text(q, "LOWER(v.place) = LOWER(?)", f->place);
	if (f->activity_id > 0)
		rc |= query_and_int(q, "EXISTS (SELECT 1 FROM volunteer_items i WHERE "
		                       "i.volunteer_id = v.id AND i.item_id = ?)", f->activity_id);
	if (f->theme_id > 0)
		rc |= query_and_int(q, "EXISTS (SELECT 1 FROM volunteer_items t WHERE "
		                       "t.volunteer_id = v.id AND t.item_id = ?)", f->theme_id);
	return rc;
}

int store_newsletter_reach(struct db *db, const struct newsletter_filter *f, int64_t *count,
                           struct kp_error *err)
{
	struct query q;
	query_init(&q);
	int rc = recipient_query(&q, f) ? kp_internal(err)
	                                : query_count(db, "volunteers v", &q, count, err);
	query_free(&q);
	return rc;
}

int store_newsletter_batch(struct db *db, const struct newsletter_filter *f, int64_t after_id,
                           struct newsletter_recipient *out, int cap, int *n,
                           struct kp_error *err)
{
	struct query q;
	struct db_stmt *st = NULL;
	int rc;
	*n = 0;
	query_init(&q);
	if (recipient_query(&q, f) || query_and_int(&q, "v.id > ?", after_id)) {
		rc = kp_internal(err);
		goto end;
	}
	if (query_page(db, "SELECT v.id, v.email FROM volunteers v", &q, "v.id", cap, 0, &st,
	               err)) {
		rc = KP_ERR;
		goto end;
	}
	while ((rc = db_step(st, err)) == DB_ROW && *n < cap) {
		out[*n].volunteer_id = db_col_int(st, 0);
		snprintf(out[*n].email, sizeof out[*n].email, "%s", db_col_text(st, 1));
		(*n)++;
	}
	rc = rc == DB_FAILED ? KP_ERR : KP_OK;
end:
	db_finalize(st);
	query_free(&q);
	return rc;
}

int store_newsletter_recipient_add(struct db *db, int64_t id, int64_t volunteer_id,
                                   bool *added, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO newsletter_recipients (newsletter_id, volunteer_id) "
	                   "VALUES (?, ?) ON CONFLICT (newsletter_id, volunteer_id) DO NOTHING "
	                   "RETURNING volunteer_id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, volunteer_id);
	int rc = db_step(st, err);
	db_finalize(st);
	*added = rc == DB_ROW;
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_newsletter_recipient_count(struct db *db, int64_t id, int64_t *count,
                                     struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COUNT(*) FROM newsletter_recipients WHERE newsletter_id = ?",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_query_int(st, count, err);
	db_finalize(st);
	return rc;
}
