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

#include <stdbool.h>
#include <stdint.h>

#include "model/call.h"
#include "model/hours.h"
#include "model/organisation.h"
#include "model/volunteer.h"
#include "util/csv.h"

#define IMPORT_MAPPING_TEXT_MAX 2000
#define IMPORT_COLUMNS_MAX 16

/* A field an import of one kind fills: its name in a mapping ("first_name"),
   the field of the record it fills (for the record's field table), and the
   header names spreadsheets use for it, normalised (lower case letters and
   digits, no accents). */
struct import_column {
	const char *name;
	const char *record_field;
	bool required;
	const char *guesses[6];
};

/* The fields of one kind of import (volunteers, organisations, calls, hours). */
struct import_schema {
	const char *kind;
	const struct import_column *columns;
	int n;                           /* <= IMPORT_COLUMNS_MAX */
	int one_of[2];                   /* at least one of these fields; -1, -1: none */
	int exclusive[2];                /* not both; -1, -1: none */
};

extern const struct import_schema import_volunteer_schema;

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
	IMPORT_HOURS_PER_WEEK,
	IMPORT_VOG_DATE,
	IMPORT_MOTIVATION,
	IMPORT_FIELD_COUNT
};

/* "first_name", … ("birth_date" for IMPORT_BIRTH_DATE). */
const char *import_field_name(int f);

struct import_mapping {
	const struct import_schema *schema;
	int column[IMPORT_COLUMNS_MAX];  /* 0-based cell index, -1 when not mapped */
	uint64_t mask;                   /* bits (1 << field) of the mapped fields */
};

/* Builds the mapping of schema for header, guessing from its names and then
   applying `explicit` (NULL or "" for none). KP_INVALID naming the field for
   a required field without a column, "unknown_column" or "unknown_field" for
   an explicit pair that names neither a header nor a field,
   "duplicate_column" when two columns claim one field. */
int import_mapping_build(const struct import_schema *schema, const struct csv_row *header,
                         const char *explicit, struct import_mapping *m, struct kp_error *err);

/* The bits of table t that the fields in `fields` (bits 1 << field) fill. */
uint64_t import_record_mask(const struct import_mapping *m, uint64_t fields,
                            const struct field_table *t);

/* The fields (bits 1 << field) whose cells in row are not empty. */
uint64_t import_given(const struct import_mapping *m, const struct csv_row *row);

/* The cell of field f, trimmed, into out; "" when the field is not mapped or
   the row is short. Refuses formulas, text that is not clean UTF-8 and text
   past max_chars, naming the field. */
int import_cell(const struct import_mapping *m, const struct csv_row *row, int f, char *out,
                size_t size, long max_chars, struct kp_error *err);
/* A date cell (see import_date) as YYYY-MM-DD, "" when empty. */
int import_date_cell(const struct import_mapping *m, const struct csv_row *row, int f,
                     char out[11], struct kp_error *err);
/* A whole number cell 0..max; *out left as it is when the cell is empty. */
int import_number_cell(const struct import_mapping *m, const struct csv_row *row, int f,
                       long long max, int *out, struct kp_error *err);
/* A yes/no cell (ja, nee, yes, no, 1, 0, x, waar, onwaar); *out left as it is
   when empty. */
int import_flag_cell(const struct import_mapping *m, const struct csv_row *row, int f, int *out,
                     struct kp_error *err);

/* Lower case letters and digits of s[0..n) only, accents taken off:
   "E-mail adres" and "e-mailadres" both become "emailadres". */
void import_normalise(const char *s, size_t n, char *out, size_t size);

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

/* --- model/import_kinds.c: organisations, calls and hours --- */

/* An organisation's natural key is its name (in lower case): the network has
   one organisation of a name. Its kind is read from Dutch words
   (zorgaanbieder, vrijwilligersorganisatie, mantelzorgondersteuning,
   vrijwilligerscentrale, welzijnsorganisatie, verwijzer) or the API's codes. */
enum import_organisation_field {
	IMPORT_ORG_NAME, IMPORT_ORG_KIND, IMPORT_ORG_MUNICIPALITY, IMPORT_ORG_EMPLOYEES,
	IMPORT_ORG_VOG_MONTHS, IMPORT_ORG_EMAIL, IMPORT_ORG_PHONE, IMPORT_ORG_WEBSITE,
	IMPORT_ORG_DESCRIPTION, IMPORT_ORG_FIELD_COUNT
};
extern const struct import_schema import_organisation_schema;
/* Fills o (a fresh record) from row and validates it; *given: the fields
   (import_given) with a value. */
int import_organisation_row(const struct import_mapping *m, const struct csv_row *row,
                            struct organisation *o, uint64_t *given, struct kp_error *err);
void import_organisation_key(const struct organisation *o, char *key, size_t size);

/* A call's natural key is its title and date within the organisation (a
   recurring call has no date). Its activity is a shared-list value named by
   label or code: the row keeps the text in `activity` and the caller looks it
   up; the record is validated once the caller has its activity_id. A
   recurring call names its dayparts as the API does ("mon-morning wed-evening"),
   or in Dutch ("ma-ochtend wo-avond"). */
enum import_call_field {
	IMPORT_CALL_TITLE, IMPORT_CALL_DESCRIPTION, IMPORT_CALL_ACTIVITY, IMPORT_CALL_PLACE,
	IMPORT_CALL_DATE, IMPORT_CALL_DAYPARTS, IMPORT_CALL_START, IMPORT_CALL_DURATION,
	IMPORT_CALL_NEEDED, IMPORT_CALL_VOG, IMPORT_CALL_LICENCE, IMPORT_CALL_FIELD_COUNT
};
#define IMPORT_LABEL_SIZE (LIST_LABEL_MAX * 4 + 1)
extern const struct import_schema import_call_schema;
int import_call_row(const struct import_mapping *m, const struct csv_row *row, int64_t org,
                    struct call *c, char activity[IMPORT_LABEL_SIZE], uint64_t *given,
                    struct kp_error *err);
void import_call_key(const struct call *c, char *key, size_t size);

/* An hour entry names its volunteer by e-mail address or volunteer number
   (the id Knooppunt gives), optionally the call worked on by title or
   number, the day, and the time as minutes or hours ("2,5", "2:30"). Its
   natural key is volunteer, day and call: a second row for them is a
   duplicate, a changed row corrects the entry. */
enum import_hours_field {
	IMPORT_HOUR_EMAIL, IMPORT_HOUR_VOLUNTEER, IMPORT_HOUR_CALL, IMPORT_HOUR_CALL_ID,
	IMPORT_HOUR_DATE, IMPORT_HOUR_MINUTES, IMPORT_HOUR_HOURS, IMPORT_HOUR_NOTE,
	IMPORT_HOUR_FIELD_COUNT
};
extern const struct import_schema import_hours_schema;
struct import_hours {
	char email[VOLUNTEER_EMAIL_MAX + 1];   /* lower case, "" when not given */
	int64_t volunteer_id;                  /* 0 when not given */
	char call[CALL_TITLE_MAX * 4 + 1];     /* the call's title, "" when not given */
	int64_t call_id;                       /* 0 when not given */
	struct hour_entry e;                   /* worked_on, minutes, note */
};
int import_hours_row(const struct import_mapping *m, const struct csv_row *row,
                     struct import_hours *h, uint64_t *given, struct kp_error *err);
void import_hours_key(const struct import_hours *h, char *key, size_t size);

#endif
