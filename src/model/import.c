/* Volunteer spreadsheet rows to volunteer records (import.h). */
#include "model/import.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "model/place.h"
#include "util/parse.h"

#define NAME_KEY_MAX 64

#define G(...) { __VA_ARGS__ }

/* Header names as spreadsheets write them, normalised (see normalise). */
static const struct import_column volunteer_columns[IMPORT_FIELD_COUNT] = {
	{ "first_name", "first_name", true, G("voornaam", "roepnaam", "firstname") },
	{ "last_name", "last_name", true, G("achternaam", "familienaam", "lastname", "surname") },
	{ "email", "email", false, G("email", "emailadres", "mail") },
	{ "phone", "phone", false, G("telefoon", "telefoonnummer", "mobiel", "phone") },
	{ "birth_year", "birth_year", false, G("geboortejaar", "birthyear") },
	{ "birth_date", "birth_year", false, G("geboortedatum", "birthdate") },
	{ "place", "place", true, G("woonplaats", "plaats", "place", "city") },
	{ "started_on", "started_on", false,
	  G("startdatum", "datumstart", "ingangsdatum", "datuminschrijving", "startedon") },
	{ "status", "status", false, G("status") },
	{ "hours_per_week", "hours_per_week", false, G("urenperweek", "hoursperweek") },
	{ "vog_date", "vog_date", false, G("vog", "vogdatum", "datumvog", "vogdate") },
	{ "motivation_text", "motivation_text", false,
	  G("motivatie", "motivation", "motivationtext") },
};

const struct import_schema import_volunteer_schema = {
	"volunteers", volunteer_columns, IMPORT_FIELD_COUNT, { IMPORT_BIRTH_YEAR, IMPORT_BIRTH_DATE },
};

const char *import_field_name(int f)
{
	return f >= 0 && f < IMPORT_FIELD_COUNT ? volunteer_columns[f].name : "";
}

/* The base letter of a two-byte UTF-8 Latin-1 letter (0xc3 xx), or 0. */
static char base_letter(unsigned char second)
{
	static const char map[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	unsigned char c = second | 0x20; /* upper and lower case share a base */
	if (c < 0xa0 || c > 0xbf)
		return 0;
	char b = map[c - 0xa0];
	return b == '/' ? 0 : b;
}

void import_normalise(const char *s, size_t n, char *out, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < n && s[i] && o + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xc3 && i + 1 < n && s[i + 1]) {
			char b = base_letter((unsigned char)s[++i]);
			if (b)
				out[o++] = b;
		} else if (isalnum(c)) {
			out[o++] = (char)tolower(c);
		}
	}
	out[o] = '\0';
}

static int field_of_header(const struct import_schema *schema, const char *header)
{
	char key[NAME_KEY_MAX], name[NAME_KEY_MAX];
	import_normalise(header, strlen(header), key, sizeof key);
	for (int f = 0; f < schema->n; f++)
		for (int i = 0; i < 6 && schema->columns[f].guesses[i] != NULL; i++)
			if (strcmp(schema->columns[f].guesses[i], key) == 0)
				return f;
	for (int f = 0; f < schema->n; f++) {
		const char *field = schema->columns[f].name;
		import_normalise(field, strlen(field), name, sizeof name);
		if (strcmp(name, key) == 0)
			return f;
	}
	return -1;
}

static int column_of_header(const struct csv_row *header, const char *name, size_t n)
{
	char want[NAME_KEY_MAX], have[NAME_KEY_MAX];
	import_normalise(name, n, want, sizeof want);
	for (int c = 0; c < header->n; c++) {
		import_normalise(header->cell[c], strlen(header->cell[c]), have, sizeof have);
		if (want[0] && strcmp(want, have) == 0)
			return c;
	}
	return -1;
}

static int field_by_name(const struct import_schema *schema, const char *s, size_t n)
{
	while (n > 0 && s[0] == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (int f = 0; f < schema->n; f++) {
		const char *name = schema->columns[f].name;
		if (strlen(name) == n && strncmp(name, s, n) == 0)
			return f;
	}
	return -1;
}

static void unmap_column(struct import_mapping *m, int column)
{
	for (int f = 0; f < m->schema->n; f++)
		if (m->column[f] == column)
			m->column[f] = -1;
}

/* Applies one "header=field" pair. */
static int apply_pair(const struct csv_row *header, const char *s, size_t n,
                      struct import_mapping *m, struct kp_error *err)
{
	const char *eq = memchr(s, '=', n);
	if (eq == NULL)
		return kp_invalid(err, "mapping", "invalid_choice");
	int column = column_of_header(header, s, (size_t)(eq - s));
	int f = field_by_name(m->schema, eq + 1, n - (size_t)(eq - s) - 1);
	if (column < 0) {
		kp_invalid(err, "", "unknown_column");
		snprintf(err->field, sizeof err->field, "%.*s", (int)(eq - s), s);
		return KP_ERR;
	}
	if (f < 0)
		return kp_invalid(err, "mapping", "unknown_field");
	unmap_column(m, column);
	m->column[f] = column;
	return KP_OK;
}

static int apply_explicit(const struct csv_row *header, const char *text,
                          struct import_mapping *m, struct kp_error *err)
{
	if (strlen(text) > IMPORT_MAPPING_TEXT_MAX)
		return kp_fail_limit(err, KP_INVALID, "too_long", "mapping", IMPORT_MAPPING_TEXT_MAX);
	while (*text) {
		size_t n = strcspn(text, ",\n");
		if (n > 0 && apply_pair(header, text, n, m, err))
			return KP_ERR;
		text += n;
		if (*text)
			text++;
	}
	return KP_OK;
}

int import_mapping_build(const struct import_schema *schema, const struct csv_row *header,
                         const char *explicit, struct import_mapping *m, struct kp_error *err)
{
	m->schema = schema;
	for (int f = 0; f < IMPORT_COLUMNS_MAX; f++)
		m->column[f] = -1;
	for (int c = 0; c < header->n; c++) {
		int f = field_of_header(schema, header->cell[c]);
		if (f < 0)
			continue;
		if (m->column[f] >= 0)
			return kp_invalid(err, schema->columns[f].name, "duplicate_column");
		m->column[f] = c;
	}
	if (explicit != NULL && apply_explicit(header, explicit, m, err))
		return KP_ERR;
	const int *x = schema->exclusive;
	if (x[0] != x[1] && m->column[x[0]] >= 0 && m->column[x[1]] >= 0)
		return kp_invalid(err, schema->columns[x[0]].name, "duplicate_column");
	m->mask = 0;
	for (int f = 0; f < schema->n; f++) {
		if (schema->columns[f].required && m->column[f] < 0)
			return kp_invalid(err, schema->columns[f].name, "required");
		if (m->column[f] >= 0)
			m->mask |= 1ull << f;
	}
	return KP_OK;
}

uint64_t import_record_mask(const struct import_mapping *m, uint64_t fields,
                            const struct field_table *t)
{
	uint64_t mask = 0;
	for (int f = 0; f < m->schema->n; f++)
		if (fields & (1ull << f))
			mask |= field_bit(t, m->schema->columns[f].record_field);
	return mask;
}

/* Month number of a Dutch or English month name or abbreviation, or 0. */
static int month_of(const char *s, size_t n)
{
	static const char *const names[][4] = {
		{ "jan", "januari", "january", "" }, { "feb", "februari", "february", "" },
		{ "mrt", "maart", "mar", "march" }, { "apr", "april", "", "" },
		{ "mei", "may", "", "" }, { "jun", "juni", "june", "" },
		{ "jul", "juli", "july", "" }, { "aug", "augustus", "august", "" },
		{ "sep", "sept", "september", "" }, { "okt", "oktober", "oct", "october" },
		{ "nov", "november", "", "" }, { "dec", "december", "", "" },
	};
	char key[NAME_KEY_MAX];
	import_normalise(s, n, key, sizeof key);
	for (int m = 0; m < 12; m++)
		for (int i = 0; i < 4; i++)
			if (names[m][i][0] && strcmp(names[m][i], key) == 0)
				return m + 1;
	return 0;
}

/* Reads up to `max` digits at *s; -1 when there is none. */
static int number_at(const char **s, int max)
{
	int v = 0, n = 0;
	while (n < max && isdigit((unsigned char)**s))
		v = v * 10 + (*(*s)++ - '0'), n++;
	return n == 0 ? -1 : v;
}

static int write_date(int y, int m, int d, char out[11])
{
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return parse_is_date(out) ? 0 : -1;
}

/* A spreadsheet's day number: days since 1899-12-30. */
static int serial_date(long days, char out[11])
{
	long long unix_time = (long long)(days - 25569) * 86400;
	parse_format_date(unix_time, out);
	return 0;
}

/* 1 maart 2026, 1-mrt-2026 */
static int named_month_date(const char *s, char out[11])
{
	int d = number_at(&s, 2);
	if (d < 0 || (*s != ' ' && *s != '-'))
		return -1;
	const char *name = ++s;
	while (isalpha((unsigned char)*s) || *s == '.')
		s++;
	int m = month_of(name, (size_t)(s - name));
	if (m == 0 || (*s != ' ' && *s != '-'))
		return -1;
	s++;
	int y = number_at(&s, 4);
	return *s == '\0' ? write_date(y, m, d, out) : -1;
}

static int numeric_date(const char *s, char out[11])
{
	const char *start = s;
	int a = number_at(&s, 4);
	char sep = *s;
	if (a < 0 || (sep != '-' && sep != '/' && sep != '.'))
		return -1;
	s++;
	int b = number_at(&s, 2);
	if (b < 0 || *s != sep)
		return -1;
	s++;
	int c = number_at(&s, 4);
	if (c < 0 || *s != '\0')
		return -1;
	if (s - start >= 8 && a >= 1000)  /* 2026-03-01 */
		return write_date(a, b, c, out);
	return c >= 1000 ? write_date(c, b, a, out) : -1; /* 1-3-2026: day first */
}

int import_date(const char *in, char out[11])
{
	char s[40];
	size_t n = strlen(in);
	while (n > 0 && in[0] == ' ')
		in++, n--;
	if (n == 0 || n >= sizeof s)
		return -1;
	memcpy(s, in, n);
	s[n] = '\0';
	/* a time after the date ("2026-03-01 00:00:00") says nothing here */
	char *space = strchr(s, ' ');
	if (space != NULL && isdigit((unsigned char)s[0]) && strchr(space, ':') != NULL)
		*space = '\0';
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	long long days;
	if (parse_int(s, 1, 109574, &days) == 0 && strlen(s) == 5)
		return serial_date((long)days, out);
	if (numeric_date(s, out) == 0)
		return 0;
	return named_month_date(s, out);
}

/* A cell a spreadsheet would evaluate as a formula. A phone number may
   start with + (+31 6 …), and a negative number is not a formula either. */
static bool is_formula(const char *s)
{
	if (s[0] == '=' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
		return true;
	if (s[0] != '+' && s[0] != '-')
		return false;
	for (const char *p = s + 1; *p; p++)
		if (!isdigit((unsigned char)*p) && strchr(" -()", *p) == NULL)
			return true;
	return false;
}

int import_cell(const struct import_mapping *m, const struct csv_row *row, int f, char *out,
                size_t size, long max_chars, struct kp_error *err)
{
	const char *name = m->schema->columns[f].name;
	out[0] = '\0';
	int c = m->column[f];
	if (c < 0 || c >= row->n)
		return KP_OK;
	const char *s = row->cell[c];
	size_t n = strlen(s);
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n > 0 && is_formula(s))
		return kp_invalid(err, name, "formula_cell");
	if (n >= size)
		return kp_fail_limit(err, KP_INVALID, "too_long", name, max_chars);
	memcpy(out, s, n);
	out[n] = '\0';
	if (!parse_is_clean_utf8(out))
		return kp_invalid(err, name, "invalid_text");
	if (parse_utf8_length(out) > max_chars)
		return kp_fail_limit(err, KP_INVALID, "too_long", name, max_chars);
	return KP_OK;
}

static int status_of(const char *s)
{
	static const struct {
		const char *name;
		int status;
	} dutch[] = {
		{ "aangemeld", VOLUNTEER_APPLIED }, { "nieuw", VOLUNTEER_APPLIED },
		{ "actief", VOLUNTEER_ACTIVE }, { "gepauzeerd", VOLUNTEER_PAUSED },
		{ "pauze", VOLUNTEER_PAUSED }, { "gestopt", VOLUNTEER_STOPPED },
		{ "inactief", VOLUNTEER_STOPPED },
	};
	char key[NAME_KEY_MAX];
	import_normalise(s, strlen(s), key, sizeof key);
	if (key[0] == '\0')
		return VOLUNTEER_APPLIED;
	for (size_t i = 0; i < sizeof dutch / sizeof dutch[0]; i++)
		if (strcmp(dutch[i].name, key) == 0)
			return dutch[i].status;
	return volunteer_status_parse(key);
}

int import_date_cell(const struct import_mapping *m, const struct csv_row *row, int f,
                     char out[11], struct kp_error *err)
{
	char s[64];
	if (import_cell(m, row, f, s, sizeof s, 40, err))
		return KP_ERR;
	if (s[0] != '\0' && import_date(s, out) != 0)
		return kp_invalid(err, m->schema->columns[f].name, "invalid_date");
	return KP_OK;
}

int import_number_cell(const struct import_mapping *m, const struct csv_row *row, int f,
                       long long max, int *out, struct kp_error *err)
{
	char s[32];
	long long v = 0;
	if (import_cell(m, row, f, s, sizeof s, 20, err))
		return KP_ERR;
	if (s[0] == '\0')
		return KP_OK;
	if (parse_int(s, 0, max, &v) != 0)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", m->schema->columns[f].name, max);
	*out = (int)v;
	return KP_OK;
}

int import_flag_cell(const struct import_mapping *m, const struct csv_row *row, int f, int *out,
                     struct kp_error *err)
{
	static const char *const yes[] = { "ja", "j", "yes", "y", "1", "x", "waar", "true" };
	static const char *const no[] = { "nee", "n", "no", "0", "onwaar", "false" };
	char s[16], key[16];
	if (import_cell(m, row, f, s, sizeof s, 10, err))
		return KP_ERR;
	import_normalise(s, strlen(s), key, sizeof key);
	if (s[0] == '\0')
		return KP_OK;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcmp(yes[i], key) == 0)
			return *out = 1, KP_OK;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcmp(no[i], key) == 0)
			return *out = 0, KP_OK;
	return kp_invalid(err, m->schema->columns[f].name, "invalid_choice");
}

static int text_cells(const struct import_mapping *m, const struct csv_row *row,
                      struct volunteer *v, struct kp_error *err)
{
	if (import_cell(m, row, IMPORT_FIRST_NAME, v->first_name, sizeof v->first_name,
	                VOLUNTEER_NAME_MAX, err) ||
	    import_cell(m, row, IMPORT_LAST_NAME, v->last_name, sizeof v->last_name,
	                VOLUNTEER_NAME_MAX, err) ||
	    import_cell(m, row, IMPORT_EMAIL, v->email, sizeof v->email, VOLUNTEER_EMAIL_MAX, err) ||
	    import_cell(m, row, IMPORT_PHONE, v->phone, sizeof v->phone, VOLUNTEER_PHONE_MAX, err) ||
	    import_cell(m, row, IMPORT_PLACE, v->place, sizeof v->place, 100, err) ||
	    import_cell(m, row, IMPORT_MOTIVATION, v->motivation_text, sizeof v->motivation_text,
	                VOLUNTEER_TEXT_MAX, err))
		return KP_ERR;
	for (char *c = v->email; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return KP_OK;
}

static int other_cells(const struct import_mapping *m, const struct csv_row *row,
                       struct volunteer *v, struct kp_error *err)
{
	char s[32], birth[11] = "";
	if (import_number_cell(m, row, IMPORT_BIRTH_YEAR, 2200, &v->birth_year, err) ||
	    import_date_cell(m, row, IMPORT_BIRTH_DATE, birth, err) ||
	    import_date_cell(m, row, IMPORT_STARTED_ON, v->started_on, err) ||
	    import_date_cell(m, row, IMPORT_VOG_DATE, v->vog_date, err) ||
	    import_number_cell(m, row, IMPORT_HOURS_PER_WEEK, VOLUNTEER_MAX_HOURS,
	                       &v->hours_per_week, err) ||
	    import_cell(m, row, IMPORT_STATUS, s, sizeof s, 20, err))
		return KP_ERR;
	if (birth[0] != '\0')
		v->birth_year = (birth[0] - '0') * 1000 + (birth[1] - '0') * 100 +
		                (birth[2] - '0') * 10 + (birth[3] - '0');
	v->status = status_of(s);
	if (v->status < 0)
		return kp_invalid(err, "status", "invalid_choice");
	return KP_OK;
}

uint64_t import_given(const struct import_mapping *m, const struct csv_row *row)
{
	uint64_t given = 0;
	for (int f = 0; f < m->schema->n; f++) {
		int c = m->column[f];
		if (c < 0 || c >= row->n)
			continue;
		const char *s = row->cell[c];
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s)
			given |= 1ull << f;
	}
	return given;
}

int import_volunteer_row(const struct import_mapping *m, const struct csv_row *row, int64_t org,
                         const char *today, struct volunteer *v, uint64_t *given,
                         struct kp_error *err)
{
	*given = import_record_mask(m, import_given(m, row), &volunteer_fields);
	volunteer_init(v);
	v->organisation_id = org;
	snprintf(v->started_on, sizeof v->started_on, "%s", today);
	if (text_cells(m, row, v, err) || other_cells(m, row, v, err))
		return KP_ERR;
	if (v->place[0] != '\0') {
		const struct place *p = place_lookup(v->place, "place", err);
		if (p == NULL)
			return KP_ERR;
		v->lat = p->lat;
		v->lon = p->lon;
	}
	return volunteer_validate(v, err);
}

static void lower_into(char *out, size_t size, size_t *o, const char *s)
{
	for (; *s && *o + 1 < size; s++)
		out[(*o)++] = (char)tolower((unsigned char)*s);
	out[*o] = '\0';
}

void import_volunteer_key(const struct volunteer *v, char *key, size_t size)
{
	size_t o = 0;
	char year[16];
	key[0] = '\0';
	if (v->email[0] != '\0') {
		lower_into(key, size, &o, "e:");
		lower_into(key, size, &o, v->email);
		return;
	}
	snprintf(year, sizeof year, "|%d|", v->birth_year);
	lower_into(key, size, &o, "n:");
	lower_into(key, size, &o, v->first_name);
	lower_into(key, size, &o, "|");
	lower_into(key, size, &o, v->last_name);
	lower_into(key, size, &o, year);
	lower_into(key, size, &o, v->place);
}
