/* A page of a list for a reader who may hold some of its rows (page.h). */
#include "service/page.h"

#include <stdlib.h>

int page_read(struct svc *s, struct row_key *keys, int n, const struct page_source *src,
              const struct row_reader *r)
{
	int64_t wanted[PAGE_MAX];
	bool held[PAGE_MAX], found[PAGE_MAX];
	int n_wanted = 0;
	if (n > PAGE_MAX)
		return kp_internal(s->err);
	for (int i = 0; i < n; i++) {
		held[i] = r->held(r->ctx, &keys[i]);
		if (!held[i])
			wanted[n_wanted++] = keys[i].id;
	}
	char *rows = n_wanted > 0 ? malloc(src->size * (size_t)n_wanted) : NULL;
	int rc = KP_OK;
	if (n_wanted > 0)
		rc = rows ? src->read(s, src->ctx, wanted, n_wanted, rows, found)
		          : kp_internal(s->err);
	for (int i = 0, j = 0; i < n && rc == KP_OK; i++) {
		void *record = held[i] ? NULL : rows + src->size * (size_t)j;
		if (!held[i] && !found[j++])
			continue; /* changed since its head was read: out of the list now */
		if (record != NULL)
			keys[i] = src->key(s, src->ctx, record);
		if (r->each(r->ctx, &keys[i], record) != 0)
			rc = kp_internal(s->err);
	}
	free(rows);
	return rc;
}
