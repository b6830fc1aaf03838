#include "model/field.h"

#include <assert.h>
#include <stdbool.h>
#include <string.h>

uint64_t field_bit(const struct field_table *t, const char *name)
{
	assert(t->n <= FIELD_MAX);
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->defs[i].name, name) == 0)
			return UINT64_C(1) << i;
	return 0;
}

const char *field_first_name(const struct field_table *t, uint64_t mask)
{
	for (int i = 0; i < t->n; i++)
		if (mask & (UINT64_C(1) << i))
			return t->defs[i].name;
	return "";
}

uint64_t field_staff_mask(const struct field_table *t)
{
	uint64_t mask = 0;
	for (int i = 0; i < t->n; i++)
		if (t->defs[i].staff_only)
			mask |= UINT64_C(1) << i;
	return mask;
}

void field_copy(const struct field_table *t, uint64_t mask, void *dst, const void *src)
{
	for (int i = 0; i < t->n; i++)
		if (mask & (UINT64_C(1) << i))
			memcpy((char *)dst + t->defs[i].offset, (const char *)src + t->defs[i].offset,
			       t->defs[i].size);
}

static bool same_set(const struct id_set *a, const struct id_set *b)
{
	if (a->n != b->n)
		return false;
	for (int i = 0; i < a->n; i++)
		if (!id_set_contains(b, a->ids[i]))
			return false;
	return true;
}

static bool same_value(const struct field_def *d, const char *a, const char *b)
{
	switch (d->type) {
	case FIELD_TEXT:
		return strcmp(a, b) == 0;
	case FIELD_ID_SET:
		return same_set((const struct id_set *)(const void *)a,
		                (const struct id_set *)(const void *)b);
	case FIELD_BYTES:
	default:
		return memcmp(a, b, d->size) == 0;
	}
}

uint64_t field_changed(const struct field_table *t, const void *a, const void *b)
{
	uint64_t mask = 0;
	for (int i = 0; i < t->n; i++)
		if (!same_value(&t->defs[i], (const char *)a + t->defs[i].offset,
		                (const char *)b + t->defs[i].offset))
			mask |= UINT64_C(1) << i;
	return mask;
}
