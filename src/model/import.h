/*
 * Turning the rows of a volunteer spreadsheet into volunteer records: which
 * column holds which field (the mapping), and the rules for a cell's value.
 *
 * A mapping is found from the header row: each header, compared without
 * case, accents, spaces or punctuation, is matched against the names a Dutch
 * organisation's spreadsheet uses for a field ("Voornaam", "E-mailadres",
 * "Woonplaats", …). An explicit mapping ("Naam roep=first_name, Plaats
 * woon=place") names columns the guesses do not know and overrides them;
 * the service remembers it per organisation. first_name, last_name and
 * place must be mapped.
 *
 * A row is refused, naming the field, when a cell holds a formula (starts
 * with '=', '@', or '+'/'-' followed by something other than a phone
 * number): spreadsheets would evaluate it on the way back out, so it is
 * never taken over, let alone evaluated. Dates are read in the forms Dutch
 * spreadsheets produce (2026-03-01, 1-3-2026, 01/03/2026, 1.3.2026,
 * 1 maart 2026, a spreadsheet's day number); day comes before month.
 *
 * The natural key of an imported volunteer is the e-mail address within the
 * organisation (compared in lower case), or, for a row without one, the
 * names, birth year and place: importing the same file twice changes
 * nothing, a changed row updates the fields the mapping names.
 *
 * Ownership: nothing is allocated; results go into the caller's structs.
 */
#ifndef KP_MODEL_IMPORT_H
#define KP_MODEL_IMPORT_H

#include <stdint.h>

#include "model/volunteer.h"
#include "util/csv.h"

#define IMPORT_MAPPING_TEXT_MAX 2000

enum import_field {
	IMPORT_FIRST_NAME,
	IMPORT_LAST_NAME,
	IMPORT_EMAIL,
	IMPORT_PHONE,
	IMPORT_BIRTH_YEAR,
	IMPORT_BIRTH_DATE,   /* only its year is kept */
	IMPORT_PLACE,
	IMPORT_STARTED_ON,
	IMPORT_STATUS,
	IMPORT_HOURS,
	IMPORT_VOG_DATE,
	IMPORT_MOTIVATION,
	IMPORT_FIELD_COUNT
};

/* "first_name", … ("birth_date" for IMPORT_BIRTH_DATE). */
const char *import_field_name(int f);

struct import_mapping {
	int column[IMPORT_FIELD_COUNT];  /* 0-based cell index, -1 when not mapped */
	uint64_t mask;                   /* volunteer_fields bits the mapped columns fill */
};

/* Builds the mapping for header, guessing from its names and then applying
   `explicit` (NULL or "" for none). KP_INVALID naming the field for a
   required field without a column, "unknown_column" or "unknown_field" for
   an explicit pair that names neither a header nor a field,
   "duplicate_column" when two columns claim one field. */
int import_mapping_build(const struct csv_row *header, const char *explicit,
                         struct import_mapping *m, struct kp_error *err);

/* Reads a date in one of the forms above into out as YYYY-MM-DD; -1 when it
   is none of them or not a real date. */
int import_date(const char *in, char out[11]);

/* Fills v (a fresh record of organisation org, started `today` unless the
   row says otherwise) from row through m, and validates it. *given gets the
   volunteer_fields bits of the mapped cells that are not empty: an update
   from the row changes those and leaves a field with an empty cell as it is. */
int import_volunteer_row(const struct import_mapping *m, const struct csv_row *row, int64_t org,
                         const char *today, struct volunteer *v, uint64_t *given,
                         struct kp_error *err);

/* The natural key of v (see above) into key: "e:<email>" or
   "n:<first>|<last>|<year>|<place>", lower case. */
void import_volunteer_key(const struct volunteer *v, char *key, size_t size);

#endif
