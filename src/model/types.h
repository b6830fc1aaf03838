/*
 * Small value types shared by the domain model: sets of shared-list items,
 * the availability grid, forms of engagement.
 */
#ifndef KP_MODEL_TYPES_H
#define KP_MODEL_TYPES_H

#include <stdbool.h>
#include <stdint.h>

/* The shared lists a network administrator keeps (table list_items.kind). */
enum list_kind {
	LIST_ACTIVITY,
	LIST_THEME,      /* themes and target groups: betrokkenheid */
	LIST_MOTIVE,     /* why someone volunteers: motivatie */
	LIST_TALENT,     /* skills, what one can or wants to learn: talent */
	LIST_TRAINING,
	LIST_LANGUAGE,
	LIST_EXPERIENCE, /* lived experience: special-category (health) data */
	LIST_KIND_COUNT
};

/* Index of name in names[0..n), or -1 when absent or NULL: the parse
   functions of the model's enums are built on it. */
int names_find(const char *const *names, int n, const char *name);

#define LIST_CODE_MAX 60     /* item codes: lower-case ASCII, digits, "_" */
#define LIST_LABEL_MAX 120   /* item labels, in characters */

/* "activity", "theme", … as stored and as used in the API; NULL when out of range. */
const char *list_kind_name(enum list_kind kind);
/* Parses a kind name; returns -1 when unknown. */
int list_kind_parse(const char *name);

/* A set of list item ids, all of one kind. Invariant: ids[0..n) distinct. */
#define ID_SET_MAX 32
struct id_set {
	int n;
	int64_t ids[ID_SET_MAX];
};

bool id_set_contains(const struct id_set *s, int64_t id);
/* Adds id when absent; returns -1 when the set is full. */
int id_set_add(struct id_set *s, int64_t id);

/* Availability grid: bit (day * 3 + part), day 0 = Monday, part 0 = morning. */
enum { DAYS = 7, DAYPARTS = 3, DAYPART_BITS = DAYS * DAYPARTS };
#define DAYPART_ALL ((1u << DAYPART_BITS) - 1)

/* Writes "mon-morning" etc. for bit b into out (at least 16 bytes). */
void daypart_name(int bit, char out[16]);
/* Parses "mon-morning" etc.; returns the bit or -1. */
int daypart_parse(const char *name);

/* Forms of engagement (vormen van inzet), as bits of a mask. */
enum engagement {
	ENGAGEMENT_ONE_OFF,     /* eenmalig */
	ENGAGEMENT_FLEXIBLE,    /* flexibel, af en toe */
	ENGAGEMENT_PROJECT,     /* tijdelijk, project */
	ENGAGEMENT_STRUCTURAL,  /* structureel, wekelijks */
	ENGAGEMENT_COUNT
};
const char *engagement_name(int e);
int engagement_parse(const char *name);

/* Great-circle distance in km between two points in degrees. */
double geo_distance_km(double lat1, double lon1, double lat2, double lon2);

#endif
