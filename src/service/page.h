/*
 * A page of a list for a reader who may hold some of its rows written
 * already (the API keeps the rows it wrote, src/api/page_forms.h).
 *
 * A list reads its page as heads first: each row's id and revision, a column
 * that triggers raise with everything the list shows of the row. The reader
 * says which rows it holds in that form; page_read then reads only the others
 * whole, in one read, through the list's filter again (PostgreSQL reads each
 * statement on its own: a row changed meanwhile and no longer in the list is
 * left out rather than shown out of it). Every row then goes to the reader in
 * the page's order, a held one without its record.
 *
 * A row read anew gets its key from what was read, not from its head, so
 * that what a reader keeps under a key is never older than the key.
 */
#ifndef KP_SERVICE_PAGE_H
#define KP_SERVICE_PAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "service/service.h"

/* A row as a list shows it: which record, as of which revision, in which
   form (what the reader may see of it; a list of one form has 0). Two rows
   with one key show the same. */
struct row_key {
	int64_t id, revision;
	int form;
};

/* Who reads a page: held(ctx, key) says whether it holds that row written;
   then each(ctx, key, record) comes for every row in order, record NULL for
   one held. A non-zero return of each fails the list as an internal error. */
struct row_reader {
	bool (*held)(void *ctx, const struct row_key *key);
	int (*each)(void *ctx, const struct row_key *key, const void *record);
	void *ctx;
};

/* Where the records of a page come from once its heads are read. */
struct page_source {
	size_t size;    /* of one record */
	/* The records of ids[0..n) that the list still selects, into out (n
	   records of `size`); found[i] says whether ids[i] was one. */
	int (*read)(struct svc *s, void *ctx, const int64_t *ids, int n, void *out, bool *found);
	/* The key of a record read anew; puts the record in the key's form. */
	struct row_key (*key)(struct svc *s, void *ctx, void *record);
	void *ctx;
};

/* Hands the rows of keys[0..n) (the page's heads, in order) to r, as above. */
int page_read(struct svc *s, struct row_key *keys, int n, const struct page_source *src,
              const struct row_reader *r);

#endif
