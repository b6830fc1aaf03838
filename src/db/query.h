/*
 * Internal to src/db/: builds the WHERE clause of a list query from a
 * list_filter, with its arguments, so that COUNT(*) and the page query of a
 * list share one filter and cannot disagree.
 */
#ifndef KP_DB_QUERY_H
#define KP_DB_QUERY_H

#include <stdbool.h>
#include <stdint.h>

#include "db/db.h"
#include "util/buf.h"

#define QUERY_ARGS_MAX 32

struct query {
	struct buf where;  /* " WHERE a = ? AND b = ?" or "" */
	int n_args;
	struct {
		int is_text;
		int64_t i;
		const char *s;   /* borrowed: must outlive the query */
	} args[QUERY_ARGS_MAX];
};

void query_init(struct query *q);
void query_free(struct query *q);
/* Adds "AND <cond>" with one int or text argument for its "?" (or none). */
int query_and(struct query *q, const char *cond);
int query_and_int(struct query *q, const char *cond, int64_t v);
int query_and_text(struct query *q, const char *cond, const char *s);
/* As query_and_text, for a condition with `n` "?", each bound to s. */
int query_and_text_n(struct query *q, const char *cond, const char *s, int n);
/* As query_and_int, for a condition with two "?". */
int query_and_int2(struct query *q, const char *cond, int64_t a, int64_t b);
/* The same with two text arguments (borrowed, as for query_and_text). */
int query_and_text2(struct query *q, const char *cond, const char *a, const char *b);
/* Writes "%text%" into pattern for `LIKE ? ESCAPE '\\'`, with the text's own %, _
   and \\ escaped so that a search is literal; -1 when it does not fit in cap. */
int query_like_pattern(const char *text, char *pattern, size_t cap);
/* Binds the arguments from index 1 on; returns the next free index. */
int query_bind(const struct query *q, struct db_stmt *st);

/* Runs "SELECT COUNT(*) FROM <from><where>". */
int query_count(struct db *db, const char *from, const struct query *q, int64_t *total,
                struct kp_error *err);

/* Called for each row of a page; a non-zero return stops the walk and the
   list fails as an internal error. */
typedef int (*query_row_fn)(void *ctx, struct db_stmt *st);

/* The whole of a list: counts the rows of `from` that q selects into *total,
   then calls row(ctx, st) for every row of the page "<select><where> ORDER BY
   <order> LIMIT limit OFFSET offset". */
/* A condition for query_and_int2 (the account twice): the call `calls` (a
   table name or alias) is at one of the account's locations, or the account
   works at none. */
#define AT_LOCATIONS(calls)                                                           \
	"(NOT EXISTS (SELECT 1 FROM account_locations al WHERE al.account_id = ?) OR " \
	calls ".location_id IN (SELECT al.location_id FROM account_locations al "      \
	"WHERE al.account_id = ?))"

/* COUNT(*) of the filter into *total, then the page pg of it in `order`
   ("col [DESC], …, id [DESC]": the last column is the row's id) through row.
   With pg.after, the page is the rows after that one in the same order (a
   keyset: stable while rows come and go, and as cheap deep in the list as
   at its start); that row must be one of the list's own, else KP_INVALID
   naming "after", so that no hidden row's place in the order shows. */
struct page;
int query_list(struct db *db, const char *from, const char *select, const struct query *q,
               const char *order, struct page pg, query_row_fn row, void *ctx,
               int64_t *total, struct kp_error *err);

/* Appends "(?, ?, …)" with n (at least 1) placeholders: an IN list, a row
   of VALUES. */
int query_placeholders(struct buf *sql, int n);

/* The records ids[0..n) (n at most PAGE_MAX, no repeats) that q (NULL:
   any) selects, in one statement: `select` (whose first column is the id;
   q's conditions and "id IN (…)" are added), each row handed to
   row(ctx, st, i) with i its place in ids. found[i] says whether ids[i] was
   one; with found NULL, one id without a record fails the whole with
   not_found. */
typedef void (*query_id_row_fn)(void *ctx, struct db_stmt *st, int i);
int query_rows_where(struct db *db, const char *select, const struct query *q,
                     const int64_t *ids, int n, query_id_row_fn row, void *ctx, bool *found,
                     struct kp_error *err);

/* Runs sql, binding id to its one "?" when id > 0, and calls row(ctx, st)
   for every row; a non-zero return stops the walk as an internal error. */
int query_each(struct db *db, const char *sql, int64_t id, query_row_fn row, void *ctx,
               struct kp_error *err);

/* Runs a statement that returns no rows (a DELETE, an UPDATE) with id bound
   to its one "?". */
int query_exec_id(struct db *db, const char *sql, int64_t id, struct kp_error *err);

/* Runs sql, a SELECT of one id column with two parameters, a bound and the
   LIMIT, bound to `bound` and `cap`: the ids into ids[0..*n). */
int query_ids(struct db *db, const char *sql, int64_t bound, int64_t *ids, int cap, int *n,
              struct kp_error *err);

/* Prepares "<select><where><order> LIMIT ? OFFSET ?" with every argument bound. */
int query_page(struct db *db, const char *select, const struct query *q, const char *order,
               int limit, int offset, struct db_stmt **out, struct kp_error *err);

#endif
