/*
 * The editable fields of a record, declared once: a table that names each
 * field and says which bytes of the record's struct hold it.
 *
 * The API reads a request body into a scratch record and a mask of the
 * fields it named (field_mask_of); the service copies exactly those fields
 * onto the record it loaded inside its transaction (field_copy), so an edit
 * changes only what it names; field_changed tells which fields really
 * differ, which is what version tracking records and compares.
 *
 * Invariants: a table has at most FIELD_MAX entries (a field is one bit of a
 * uint64_t mask, bit i for entry i); an entry's bytes lie inside the struct.
 * Values compare by what they mean, not by every byte: text up to its end,
 * a set of list items as a set (order and unused slots do not count).
 */
#ifndef KP_MODEL_FIELD_H
#define KP_MODEL_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/types.h"

#define FIELD_MAX 64

enum field_type {
	FIELD_BYTES,       /* numbers, flags: equal when every byte is */
	FIELD_TEXT,        /* NUL-terminated text at offset; derived bytes may follow */
	FIELD_ID_SET,      /* a struct id_set */
};

struct field_def {
	const char *name;  /* the JSON name, and the name versions are kept under */
	enum field_type type;
	size_t offset;     /* first byte of the field in the record's struct */
	size_t size;       /* bytes copied, including what is derived (place: lat, lon) */
	bool staff_only;   /* a fact staff verify (a VOG date, a status): the person the
	                      record is about may not write it (authz_writes_verified) */
};

struct field_table {
	const char *record;           /* "volunteer", "call": the kind of record */
	const struct field_def *defs;
	int n;
};

/* The field's bit, or 0 when the table has no field of that name. */
uint64_t field_bit(const struct field_table *t, const char *name);

/* The name of the lowest field in mask, "" when the mask is empty. */
const char *field_first_name(const struct field_table *t, uint64_t mask);

/* Copies the fields in mask from src to dst (both records of the table). */
void field_copy(const struct field_table *t, uint64_t mask, void *dst, const void *src);

/* The mask of the fields marked staff_only. */
uint64_t field_staff_mask(const struct field_table *t);

/* The fields whose bytes differ between records a and b. */
uint64_t field_changed(const struct field_table *t, const void *a, const void *b);

/* An entry for member m of struct type s. */
#define FIELD(s, name, type, m) { name, type, offsetof(s, m), sizeof(((s *)0)->m), false }
/* The same for a field only staff write. */
#define FIELD_STAFF(s, name, type, m) { name, type, offsetof(s, m), sizeof(((s *)0)->m), true }
/* A text entry that carries members up to `last` with it (a place and its
   coordinates): compared as text, copied whole. */
#define FIELD_TEXT_WITH(s, name, first, last)                                              \
	{ name, FIELD_TEXT, offsetof(s, first),                                               \
	  offsetof(s, last) + sizeof(((s *)0)->last) - offsetof(s, first) }

#endif
