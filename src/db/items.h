/*
 * Internal to src/db/: the item sets of volunteers and calls, kept in the
 * link tables volunteer_items, volunteer_experiences and call_items.
 */
#ifndef KP_DB_ITEMS_H
#define KP_DB_ITEMS_H

#include <stdbool.h>
#include <stdint.h>

#include "db/db.h"
#include "db/store.h"
#include "model/types.h"

struct query;

/* The most owners items_load_page takes at once: a page of a list. */
#define ITEMS_OWNERS_MAX PAGE_MAX

/* One owner (a volunteer, a call) whose items items_load_page adds. */
struct items_owner {
	int64_t id;
	struct id_set *sets;  /* borrowed: the owner's LIST_KIND_COUNT sets */
};

/* Loads the items linked to owner_id in `table` (owner column `owner`) into
   sets[kind], sorted by the lists' position. */
int items_load(struct db *db, const char *table, const char *owner, int64_t owner_id,
               struct id_set sets[LIST_KIND_COUNT], struct kp_error *err);

/* As items_load for the items in both `table` and `also` (a second link
   table of the same owner), in one statement. */
int items_load_with(struct db *db, const char *table, const char *also, const char *owner,
                    int64_t owner_id, struct id_set sets[LIST_KIND_COUNT], struct kp_error *err);

/* As items_load for owners[0..n) with one statement, so that a page of a
   list costs one query for the items of all its rows. Sorts owners by id;
   n at most ITEMS_OWNERS_MAX, and no statement at all when n is 0. */
int items_load_page(struct db *db, const char *table, const char *owner,
                    struct items_owner *owners, int n, struct kp_error *err);

/* The rows of one page of a list, held in memory until the items of all of
   them are loaded with one statement. Row i is at rows + i * size;
   owners[0..n) name each read row's id and sets (in any order). */
struct items_page {
	char *rows;   /* owned: room for cap rows; free with items_page_free */
	size_t size;  /* bytes per row */
	int n, cap;   /* rows read, room */
	/* Reads the statement's current row into row; returns its id and sets. */
	struct items_owner (*read)(struct db_stmt *st, void *row);
	struct items_owner owners[ITEMS_OWNERS_MAX];
};

/* Makes room for limit rows (1..ITEMS_OWNERS_MAX) of size bytes; -1 when it
   cannot. */
int items_page_init(struct items_page *p, int limit, size_t size,
                    struct items_owner (*read)(struct db_stmt *st, void *row));
void items_page_free(struct items_page *p);
/* A query_row_fn that reads one row into the page (page is a struct items_page). */
int items_page_row(void *page, struct db_stmt *st);
/* Row i of the page (0 <= i < n); borrowed from the page. */
void *items_page_at(struct items_page *p, int i);

/* The records ids[0..n) (n at most ITEMS_OWNERS_MAX, no repeats) that q
   (NULL: any) selects, in two statements however many: `select` (whose
   first column is the id; the filter and "id IN (…)" are added) read into
   rows (row i at rows + i * size, in the order of ids) by read, then the
   items of all of them from table/owner. found[i] says whether ids[i] was
   one; with found NULL, one without a record fails the whole with not_found
   (query_rows_where). */
int items_rows_where(struct db *db, const char *select, const struct query *q,
                     const char *table, const char *owner, const int64_t *ids, int n,
                     void *rows, size_t size,
                     struct items_owner (*read)(struct db_stmt *st, void *row), bool *found,
                     struct kp_error *err);

/* Replaces the links of owner_id in `table` with the items of the given sets. */
int items_replace(struct db *db, const char *table, const char *owner, int64_t owner_id,
                  const struct id_set *sets, const int *kinds, int n_kinds,
                  struct kp_error *err);
/* The same for a new owner, which has no links yet: only inserts. */
int items_insert(struct db *db, const char *table, const char *owner, int64_t owner_id,
                 const struct id_set *sets, const int *kinds, int n_kinds, struct kp_error *err);

#endif
