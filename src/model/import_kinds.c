/* Spreadsheet rows to organisations, calls and hour entries (import.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "model/import.h"
#include "model/place.h"
#include "util/parse.h"

#define G(...) { __VA_ARGS__ }
#define KEY_WORD_MAX 64

static const struct import_column organisation_columns[IMPORT_ORG_FIELD_COUNT] = {
	{ "name", "name", true, G("naam", "organisatie", "organisatienaam", "naamorganisatie") },
	{ "kind", "kind", false, G("soort", "type", "soortorganisatie") },
	{ "municipality", "municipality", true,
	  G("gemeente", "plaats", "vestigingsplaats", "woonplaats") },
	{ "employees", "employees", false, G("medewerkers", "aantalmedewerkers", "werknemers") },
	{ "vog_max_age_months", "vog_max_age_months", false,
	  G("vogmaanden", "geldigheidvog", "vogmaximaleleeftijd") },
	{ "email", "email", false, G("email", "emailadres", "mail") },
	{ "phone", "phone", false, G("telefoon", "telefoonnummer") },
	{ "website", "website", false, G("website", "internet", "site", "url") },
	{ "description", "description", false, G("omschrijving", "beschrijving") },
};

const struct import_schema import_organisation_schema = {
	"organisations", organisation_columns, IMPORT_ORG_FIELD_COUNT, { -1, -1 },
};

static const struct import_column call_columns[IMPORT_CALL_FIELD_COUNT] = {
	{ "title", "title", true, G("titel", "oproep", "naam", "omschrijvingkort") },
	{ "description", "description", false, G("omschrijving", "beschrijving", "toelichting") },
	{ "activity", "activity", true, G("activiteit", "soortactiviteit", "soorthulp") },
	{ "place", "place", true, G("plaats", "woonplaats", "locatie", "city") },
	{ "one_off_date", "one_off_date", false, G("datum", "wanneer", "date") },
	{ "dayparts", "dayparts", false, G("dagdelen", "dagdeel") },
	{ "start_time", "start_time", false, G("begintijd", "tijd", "starttijd", "aanvang") },
	{ "duration_minutes", "duration_minutes", false, G("duur", "duurinminuten", "minuten") },
	{ "volunteers_needed", "volunteers_needed", false,
	  G("aantalvrijwilligers", "vrijwilligers", "aantal") },
	{ "requires_vog", "requires_vog", false, G("vog", "vognodig", "vogvereist") },
	{ "requires_driving_licence", "requires_driving_licence", false,
	  G("rijbewijs", "rijbewijsnodig") },
};

const struct import_schema import_call_schema = {
	"calls", call_columns, IMPORT_CALL_FIELD_COUNT, { -1, -1 },
};

static const struct import_column hours_columns[IMPORT_HOUR_FIELD_COUNT] = {
	{ "email", "", false, G("email", "emailadres", "mail", "emailvrijwilliger") },
	{ "volunteer_id", "", false, G("vrijwilligersnummer", "vrijwilliger", "volunteerid") },
	{ "call", "", false, G("oproep", "titeloproep", "activiteit") },
	{ "call_id", "", false, G("oproepnummer", "callid") },
	{ "worked_on", "worked_on", true, G("datum", "gewerktop", "dag", "date") },
	{ "minutes", "minutes", false, G("minuten", "aantalminuten") },
	{ "hours", "minutes", false, G("uren", "aantaluren", "tijd") },
	{ "note", "note", false, G("notitie", "opmerking", "omschrijving") },
};

const struct import_schema import_hours_schema = {
	"hours", hours_columns, IMPORT_HOUR_FIELD_COUNT, { IMPORT_HOUR_MINUTES, IMPORT_HOUR_HOURS },
};

/* Appends s in lower case (ASCII) to key. */
static void lower_into(char *key, size_t size, size_t *o, const char *s)
{
	for (; *s && *o + 1 < size; s++)
		key[(*o)++] = (char)tolower((unsigned char)*s);
	key[*o] = '\0';
}

/* --- organisations --- */

static int organisation_kind_of(const char *s)
{
	static const struct {
		const char *name;
		int kind;
	} dutch[] = {
		{ "zorgaanbieder", ORG_CARE_PROVIDER }, { "zorg", ORG_CARE_PROVIDER },
		{ "vrijwilligersorganisatie", ORG_VOLUNTEER_ORG },
		{ "mantelzorgondersteuning", ORG_INFORMAL_CARE }, { "mantelzorg", ORG_INFORMAL_CARE },
		{ "vrijwilligerscentrale", ORG_VOLUNTEER_CENTRE },
		{ "vrijwilligerssteunpunt", ORG_VOLUNTEER_CENTRE }, { "steunpunt", ORG_VOLUNTEER_CENTRE },
		{ "welzijnsorganisatie", ORG_WELFARE }, { "welzijn", ORG_WELFARE },
		{ "verwijzer", ORG_REFERRER }, { "wmoloket", ORG_REFERRER }, { "wijkteam", ORG_REFERRER },
	};
	char key[KEY_WORD_MAX];
	import_normalise(s, strlen(s), key, sizeof key);
	for (size_t i = 0; i < sizeof dutch / sizeof dutch[0]; i++)
		if (strcmp(dutch[i].name, key) == 0)
			return dutch[i].kind;
	return organisation_kind_parse(s);
}

int import_organisation_row(const struct import_mapping *m, const struct csv_row *row,
                            struct organisation *o, uint64_t *given, struct kp_error *err)
{
	char kind[64];
	*given = import_given(m, row);
	organisation_init(o);
	if (import_cell(m, row, IMPORT_ORG_NAME, o->name, sizeof o->name, ORGANISATION_NAME_MAX,
	                err) ||
	    import_cell(m, row, IMPORT_ORG_KIND, kind, sizeof kind, 40, err) ||
	    import_cell(m, row, IMPORT_ORG_MUNICIPALITY, o->municipality, sizeof o->municipality,
	                100, err) ||
	    import_number_cell(m, row, IMPORT_ORG_EMPLOYEES, ORGANISATION_MAX_EMPLOYEES,
	                       &o->employees, err) ||
	    import_number_cell(m, row, IMPORT_ORG_VOG_MONTHS, 120, &o->vog_max_age_months, err) ||
	    import_cell(m, row, IMPORT_ORG_EMAIL, o->email, sizeof o->email, 254, err) ||
	    import_cell(m, row, IMPORT_ORG_PHONE, o->phone, sizeof o->phone, 32, err) ||
	    import_cell(m, row, IMPORT_ORG_WEBSITE, o->website, sizeof o->website, 255, err) ||
	    import_cell(m, row, IMPORT_ORG_DESCRIPTION, o->description, sizeof o->description,
	                ORGANISATION_TEXT_MAX, err))
		return KP_ERR;
	if (kind[0] != '\0' && (o->kind = organisation_kind_of(kind)) < 0)
		return kp_invalid(err, "kind", "invalid_choice");
	for (char *c = o->email; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return organisation_validate(o, err);
}

void import_organisation_key(const struct organisation *o, char *key, size_t size)
{
	size_t n = 0;
	key[0] = '\0';
	lower_into(key, size, &n, "o:");
	lower_into(key, size, &n, o->name);
}

/* --- calls --- */

/* "mon-morning" or Dutch "ma-ochtend", "maandag-ochtend"; -1 when neither. */
static int daypart_of(const char *word)
{
	static const char *const days[] = { "ma", "di", "wo", "do", "vr", "za", "zo" };
	static const char *const long_days[] = { "maandag", "dinsdag", "woensdag", "donderdag",
	                                         "vrijdag", "zaterdag", "zondag" };
	static const char *const parts[] = { "ochtend", "middag", "avond" };
	int bit = daypart_parse(word);
	const char *dash = strchr(word, '-');
	if (bit >= 0 || dash == NULL)
		return bit;
	size_t n = (size_t)(dash - word);
	for (int d = 0; d < DAYS; d++) {
		bool day = (strlen(days[d]) == n && strncmp(days[d], word, n) == 0) ||
		           (strlen(long_days[d]) == n && strncmp(long_days[d], word, n) == 0);
		for (int p = 0; day && p < DAYPARTS; p++)
			if (strcmp(parts[p], dash + 1) == 0)
				return d * DAYPARTS + p;
	}
	return -1;
}

static int dayparts_of(const char *s, uint32_t *out)
{
	char word[32];
	*out = 0;
	while (*s) {
		size_t n = strcspn(s, " ,;/");
		if (n > 0) {
			if (n >= sizeof word)
				return -1;
			for (size_t i = 0; i < n; i++)
				word[i] = (char)tolower((unsigned char)s[i]);
			word[n] = '\0';
			int bit = daypart_of(word);
			if (bit < 0)
				return -1;
			*out |= 1u << bit;
		}
		s += n;
		if (*s)
			s++;
	}
	return 0;
}

/* Up to max digits at *s into *v; false when there is none. */
static bool digits(const char **s, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (n < max && isdigit((unsigned char)**s))
		*v = *v * 10 + (*(*s)++ - '0'), n++;
	return n > 0;
}

/* "9:30" or "09.30" (HH:MM or H.MM) into out as HH:MM; -1 for anything else. */
static int time_of(const char *s, char out[6])
{
	int h, mi;
	if (!digits(&s, 2, &h) || (*s != ':' && *s != '.'))
		return -1;
	s++;
	const char *start = s;
	if (!digits(&s, 2, &mi) || s - start != 2 || *s != '\0' || h > 23 || mi > 59)
		return -1;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + mi / 10);
	out[4] = (char)('0' + mi % 10);
	out[5] = '\0';
	return 0;
}

static int call_schedule(const struct import_mapping *m, const struct csv_row *row,
                         struct call *c, struct kp_error *err)
{
	char parts[200], start[16];
	if (import_date_cell(m, row, IMPORT_CALL_DATE, c->one_off_date, err) ||
	    import_cell(m, row, IMPORT_CALL_DAYPARTS, parts, sizeof parts, 150, err) ||
	    import_cell(m, row, IMPORT_CALL_START, start, sizeof start, 10, err))
		return KP_ERR;
	if (parts[0] != '\0' && dayparts_of(parts, &c->dayparts) != 0)
		return kp_invalid(err, "dayparts", "invalid_choice");
	if (start[0] != '\0' && time_of(start, c->start_time) != 0)
		return kp_invalid(err, "start_time", "invalid_time");
	if (c->dayparts != 0)
		c->engagement = ENGAGEMENT_STRUCTURAL;
	return KP_OK;
}

int import_call_row(const struct import_mapping *m, const struct csv_row *row, int64_t org,
                    struct call *c, char activity[IMPORT_LABEL_SIZE], uint64_t *given,
                    struct kp_error *err)
{
	*given = import_given(m, row);
	call_init(c);
	c->organisation_id = org;
	if (import_cell(m, row, IMPORT_CALL_TITLE, c->title, sizeof c->title, CALL_TITLE_MAX,
	                err) ||
	    import_cell(m, row, IMPORT_CALL_DESCRIPTION, c->description, sizeof c->description,
	                CALL_TEXT_MAX, err) ||
	    import_cell(m, row, IMPORT_CALL_ACTIVITY, activity, IMPORT_LABEL_SIZE, LIST_LABEL_MAX,
	                err) ||
	    import_cell(m, row, IMPORT_CALL_PLACE, c->place, sizeof c->place, 100, err) ||
	    call_schedule(m, row, c, err) ||
	    import_number_cell(m, row, IMPORT_CALL_DURATION, CALL_MAX_DURATION_MINUTES,
	                       &c->duration_minutes, err) ||
	    import_number_cell(m, row, IMPORT_CALL_NEEDED, CALL_MAX_VOLUNTEERS,
	                       &c->volunteers_needed, err) ||
	    import_flag_cell(m, row, IMPORT_CALL_VOG, &c->requires_vog, err) ||
	    import_flag_cell(m, row, IMPORT_CALL_LICENCE, &c->requires_driving_licence, err))
		return KP_ERR;
	if (c->title[0] == '\0')
		return kp_invalid(err, "title", "required");
	if (activity[0] == '\0')
		return kp_invalid(err, "activity", "required");
	if (c->place[0] == '\0')
		return kp_invalid(err, "place", "required");
	const struct place *p = place_lookup(c->place, "place", err);
	if (p == NULL)
		return KP_ERR;
	c->lat = p->lat;
	c->lon = p->lon;
	return KP_OK;
}

void import_call_key(const struct call *c, char *key, size_t size)
{
	size_t n = 0;
	key[0] = '\0';
	lower_into(key, size, &n, "c:");
	lower_into(key, size, &n, c->title);
	lower_into(key, size, &n, "|");
	lower_into(key, size, &n, c->one_off_date);
}

/* --- hours --- */

/* "2", "2,5", "2.25", "2:30" hours into minutes; -1 when none of them. */
static int minutes_of_hours(const char *s)
{
	int h, mi;
	if (!digits(&s, 2, &h))
		return -1;
	if (*s == '\0')
		return h * 60;
	if (*s == ':') {
		s++;
		const char *start = s;
		if (!digits(&s, 2, &mi) || s - start != 2 || *s != '\0' || mi > 59)
			return -1;
		return h * 60 + mi;
	}
	if (*s != ',' && *s != '.')
		return -1;
	double part = 0, scale = 0.1;
	for (s++; *s; s++, scale /= 10) {
		if (!isdigit((unsigned char)*s) || scale < 1e-4)
			return -1;
		part += (*s - '0') * scale;
	}
	return h * 60 + (int)(part * 60 + 0.5);
}

static int hours_reference(const struct import_mapping *m, const struct csv_row *row,
                           struct import_hours *h, struct kp_error *err)
{
	char volunteer[24], call[24];
	long long id = 0;
	if (import_cell(m, row, IMPORT_HOUR_EMAIL, h->email, sizeof h->email, VOLUNTEER_EMAIL_MAX,
	                err) ||
	    import_cell(m, row, IMPORT_HOUR_VOLUNTEER, volunteer, sizeof volunteer, 20, err) ||
	    import_cell(m, row, IMPORT_HOUR_CALL, h->call, sizeof h->call, CALL_TITLE_MAX, err) ||
	    import_cell(m, row, IMPORT_HOUR_CALL_ID, call, sizeof call, 20, err))
		return KP_ERR;
	for (char *c = h->email; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	if (volunteer[0] != '\0' && parse_int(volunteer, 1, INT64_MAX, &id) != 0)
		return kp_invalid(err, "volunteer_id", "invalid_id");
	h->volunteer_id = id;
	id = 0;
	if (call[0] != '\0' && parse_int(call, 1, INT64_MAX, &id) != 0)
		return kp_invalid(err, "call_id", "invalid_id");
	h->call_id = id;
	if (h->email[0] == '\0' && h->volunteer_id == 0)
		return kp_invalid(err, m->column[IMPORT_HOUR_EMAIL] >= 0 ? "email" : "volunteer_id",
		                  "required");
	return KP_OK;
}

int import_hours_row(const struct import_mapping *m, const struct csv_row *row,
                     struct import_hours *h, uint64_t *given, struct kp_error *err)
{
	char hours[16];
	memset(h, 0, sizeof *h);
	*given = import_given(m, row);
	h->e.minutes = 0;
	if (hours_reference(m, row, h, err) ||
	    import_date_cell(m, row, IMPORT_HOUR_DATE, h->e.worked_on, err) ||
	    import_number_cell(m, row, IMPORT_HOUR_MINUTES, HOURS_MINUTES_MAX, &h->e.minutes, err) ||
	    import_cell(m, row, IMPORT_HOUR_HOURS, hours, sizeof hours, 10, err) ||
	    import_cell(m, row, IMPORT_HOUR_NOTE, h->e.note, sizeof h->e.note, HOURS_NOTE_MAX, err))
		return KP_ERR;
	if (h->e.worked_on[0] == '\0')
		return kp_invalid(err, "worked_on", "required");
	if (hours[0] != '\0' && (h->e.minutes = minutes_of_hours(hours)) < 0)
		return kp_invalid(err, "hours", "invalid_hours");
	if (h->e.minutes < HOURS_MINUTES_MIN || h->e.minutes > HOURS_MINUTES_MAX)
		return kp_fail_limit(err, KP_INVALID, "out_of_range",
		                     m->column[IMPORT_HOUR_HOURS] >= 0 ? "hours" : "minutes",
		                     HOURS_MINUTES_MAX);
	return KP_OK;
}

void import_hours_key(const struct import_hours *h, char *key, size_t size)
{
	char ids[64];
	size_t n = 0;
	snprintf(ids, sizeof ids, "h:%lld|%lld|", (long long)h->volunteer_id,
	         (long long)h->call_id);
	key[0] = '\0';
	lower_into(key, size, &n, ids);
	lower_into(key, size, &n, h->email);
	lower_into(key, size, &n, "|");
	lower_into(key, size, &n, h->e.worked_on);
	lower_into(key, size, &n, "|");
	lower_into(key, size, &n, h->call);
}
