#include "model/catalog.h"

#include <stdlib.h>
#include <string.h>

void catalog_init(struct catalog *c)
{
	pthread_rwlock_init(&c->lock, NULL);
	c->items = NULL;
	c->n = 0;
}

void catalog_free(struct catalog *c)
{
	free(c->items);
	c->items = NULL;
	c->n = 0;
	pthread_rwlock_destroy(&c->lock);
}

static int by_id(const void *a, const void *b)
{
	int64_t x = ((const struct catalog_item *)a)->id, y = ((const struct catalog_item *)b)->id;
	return (x > y) - (x < y);
}

void catalog_replace(struct catalog *c, struct catalog_item *items, int n)
{
	if (n > 0) /* qsort and bsearch must not see a NULL array, even when empty */
		qsort(items, (size_t)n, sizeof *items, by_id);
	pthread_rwlock_wrlock(&c->lock);
	struct catalog_item *old = c->items;
	c->items = items;
	c->n = n;
	c->generation++;
	pthread_rwlock_unlock(&c->lock);
	free(old);
}

uint64_t catalog_generation(struct catalog *c)
{
	pthread_rwlock_rdlock(&c->lock);
	uint64_t g = c->generation;
	pthread_rwlock_unlock(&c->lock);
	return g;
}

int64_t catalog_find(struct catalog *c, int kind, const char *code)
{
	int64_t id = 0;
	pthread_rwlock_rdlock(&c->lock);
	for (int i = 0; i < c->n; i++) {
		const struct catalog_item *it = &c->items[i];
		if (it->kind == kind && strcmp(it->code, code) == 0) {
			id = it->id;
			break;
		}
	}
	pthread_rwlock_unlock(&c->lock);
	return id;
}

/* The item with id, or NULL; the caller holds the lock. */
static const struct catalog_item *find(const struct catalog *c, int64_t id)
{
	struct catalog_item key = { .id = id };
	return c->n > 0 ? bsearch(&key, c->items, (size_t)c->n, sizeof key, by_id) : NULL;
}

bool catalog_get(struct catalog *c, int64_t id, struct catalog_item *out)
{
	pthread_rwlock_rdlock(&c->lock);
	const struct catalog_item *it = find(c, id);
	if (it != NULL)
		*out = *it;
	pthread_rwlock_unlock(&c->lock);
	return it != NULL;
}

bool catalog_code(struct catalog *c, int64_t id, char out[LIST_CODE_MAX + 1])
{
	pthread_rwlock_rdlock(&c->lock);
	const struct catalog_item *it = find(c, id);
	if (it != NULL)
		memcpy(out, it->code, sizeof it->code);
	pthread_rwlock_unlock(&c->lock);
	return it != NULL;
}

int catalog_check_one(struct catalog *c, int64_t id, int64_t was, const char *field,
                      struct kp_error *err)
{
	struct catalog_item it;
	if (id == 0 || id == was || !catalog_get(c, id, &it) || it.active)
		return KP_OK;
	return kp_fail_detail(err, KP_INVALID, "item_inactive", field, "%.60s", it.code);
}

int catalog_check_chosen(struct catalog *c, const struct field_table *t, const void *before,
                         const void *after, struct kp_error *err)
{
	for (int f = 0; f < t->n; f++) {
		const struct field_def *d = &t->defs[f];
		if (d->type != FIELD_ID_SET)
			continue;
		const struct id_set *now = (const void *)((const char *)after + d->offset);
		const struct id_set *had =
			before ? (const void *)((const char *)before + d->offset) : NULL;
		for (int i = 0; i < now->n; i++) {
			int64_t id = now->ids[i];
			bool kept = had != NULL && id_set_contains(had, id);
			if (catalog_check_one(c, id, kept ? id : 0, d->name, err))
				return KP_ERR;
		}
	}
	return KP_OK;
}
