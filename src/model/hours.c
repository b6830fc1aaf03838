/* Hours, expense claims and the allowance caps (hours.h). */
#include "model/hours.h"

#include <stdio.h>
#include <string.h>

#include "model/types.h"
#include "model/volunteer.h"
#include "util/error.h"
#include "util/parse.h"

static const char *const hour_statuses[HOUR_STATUS_COUNT] = { "logged", "approved",
	                                                        "corrected" };
static const char *const expense_kinds[EXPENSE_KIND_COUNT] = { "kilometres",
	"public_transport", "other", "allowance" };
static const char *const expense_statuses[EXPENSE_STATUS_COUNT] = { "submitted", "approved",
	                                                              "rejected", "paid" };
static const char *const expense_actions[EXPENSE_ACTION_COUNT] = { "approve", "reject", "pay" };

const char *hour_status_name(int s)
{
	return s >= 0 && s < HOUR_STATUS_COUNT ? hour_statuses[s] : NULL;
}

int hour_status_parse(const char *name)
{
	return names_find(hour_statuses, HOUR_STATUS_COUNT, name);
}

const char *expense_kind_name(int k)
{
	return k >= 0 && k < EXPENSE_KIND_COUNT ? expense_kinds[k] : NULL;
}

int expense_kind_parse(const char *name)
{
	return names_find(expense_kinds, EXPENSE_KIND_COUNT, name);
}

const char *expense_status_name(int s)
{
	return s >= 0 && s < EXPENSE_STATUS_COUNT ? expense_statuses[s] : NULL;
}

int expense_status_parse(const char *name)
{
	return names_find(expense_statuses, EXPENSE_STATUS_COUNT, name);
}

int expense_action_parse(const char *name)
{
	return names_find(expense_actions, EXPENSE_ACTION_COUNT, name);
}

#define HF(name, type, member) FIELD(struct hour_entry, name, type, member)
static const struct field_def hour_defs[] = {
	HF("worked_on", FIELD_TEXT, worked_on),
	HF("minutes", FIELD_BYTES, minutes),
	HF("note", FIELD_TEXT, note),
	HF("activity", FIELD_BYTES, activity_id),
};
const struct field_table hour_fields = { "hour_entry", hour_defs,
	                                  (int)(sizeof hour_defs / sizeof hour_defs[0]) };

int hour_entry_check(const struct hour_entry *e, int64_t today, int64_t other_minutes_that_day,
                     struct kp_error *err)
{
	long day = parse_date_days(e->worked_on);
	if (!parse_is_date(e->worked_on))
		return kp_invalid(err, "worked_on", "invalid_date");
	if (day > today)
		return kp_invalid(err, "worked_on", "date_in_future");
	if (e->minutes < HOURS_MINUTES_MIN || e->minutes > HOURS_MINUTES_MAX)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "minutes", HOURS_MINUTES_MAX);
	if (other_minutes_that_day + e->minutes > HOURS_MINUTES_MAX)
		return kp_fail_limit(err, KP_INVALID, "day_over_24h", "minutes",
		                     HOURS_MINUTES_MAX - other_minutes_that_day);
	return KP_OK;
}

int hour_entry_editable(const struct hour_entry *e, struct kp_error *err)
{
	if (e->status == HOUR_APPROVED)
		return kp_fail(err, KP_CONFLICT, "hours_locked", "status");
	if (e->status == HOUR_CORRECTED)
		return kp_fail(err, KP_CONFLICT, "already_corrected", "status");
	return KP_OK;
}

bool hour_date_plus(const char *date, int days, char out[11])
{
	if (!parse_is_date(date))
		return false;
	parse_format_date((parse_date_days(date) + days) * 86400LL, out);
	return true;
}

int expense_transition(int from, int action, int *to, struct kp_error *err)
{
	static const int next[EXPENSE_ACTION_COUNT] = { EXPENSE_APPROVED, EXPENSE_REJECTED,
		                                        EXPENSE_PAID };
	bool ok = (action == EXPENSE_APPROVE || action == EXPENSE_REJECT) ?
	          from == EXPENSE_SUBMITTED : action == EXPENSE_PAY && from == EXPENSE_APPROVED;
	if (!ok || action < 0 || action >= EXPENSE_ACTION_COUNT)
		return kp_fail(err, KP_CONFLICT, "claim_transition", "action");
	*to = next[action];
	return KP_OK;
}

int expense_claim_check(const struct expense_claim *c, int64_t today, struct kp_error *err)
{
	long day = parse_date_days(c->incurred_on);
	if (!parse_is_date(c->incurred_on))
		return kp_invalid(err, "incurred_on", "invalid_date");
	if (day > today)
		return kp_invalid(err, "incurred_on", "date_in_future");
	if (c->kind == EXPENSE_KILOMETRES) {
		if (c->km < 1 || c->km > EXPENSE_KM_MAX)
			return kp_fail_limit(err, KP_INVALID, "out_of_range", "km", EXPENSE_KM_MAX);
		if (c->travel_mode != TRAVEL_CAR && c->travel_mode != TRAVEL_BIKE)
			return kp_invalid(err, "travel_mode", "invalid_choice");
		return KP_OK;
	}
	if (c->amount_cents < 1 || c->amount_cents > EXPENSE_AMOUNT_MAX)
		return kp_fail_limit(err, KP_INVALID, "out_of_range", "amount_cents",
		                     EXPENSE_AMOUNT_MAX);
	if (c->kind == EXPENSE_OTHER && c->description[0] == '\0')
		return kp_invalid(err, "description", "required");
	return KP_OK;
}

const char *receipt_sniff(const unsigned char *data, size_t len)
{
	if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
		return "image/jpeg";
	if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
		return "application/pdf";
	return NULL;
}

static const char *const allowance_modes[ALLOWANCE_MODE_COUNT] = { "costs", "fixed" };

const char *allowance_mode_name(int m)
{
	return m >= 0 && m < ALLOWANCE_MODE_COUNT ? allowance_modes[m] : NULL;
}

int allowance_mode_parse(const char *name)
{
	return names_find(allowance_modes, ALLOWANCE_MODE_COUNT, name);
}

int expense_kind_allowed(int mode, int kind, struct kp_error *err)
{
	if (mode == ALLOWANCE_MODE_FIXED && kind != EXPENSE_ALLOWANCE)
		return kp_invalid(err, "kind", "costs_with_allowance");
	if (mode != ALLOWANCE_MODE_FIXED && kind == EXPENSE_ALLOWANCE)
		return kp_invalid(err, "kind", "allowance_not_chosen");
	return KP_OK;
}

bool allowance_is_young(int birth_year, int year)
{
	return birth_year > 0 && year - birth_year < ALLOWANCE_ADULT_AGE;
}

int allowance_check(const struct allowance_caps *caps, bool young, int64_t amount,
                    const struct allowance_sums *sums, struct kp_error *err)
{
	int64_t rate = young ? caps->per_hour_young_cents : caps->per_hour_cents;
	int64_t by_hours = sums->month_minutes * rate / 60 - sums->month_cents;
	int64_t by_month = caps->per_month_cents - sums->month_cents;
	int64_t by_year = caps->per_year_cents - sums->year_cents;
	if (amount > by_year)
		return kp_fail_limit(err, KP_INVALID, "cap_per_year", "amount_cents",
		                     by_year > 0 ? by_year : 0);
	if (amount > by_month)
		return kp_fail_limit(err, KP_INVALID, "cap_per_month", "amount_cents",
		                     by_month > 0 ? by_month : 0);
	if (amount > by_hours)
		return kp_fail_limit(err, KP_INVALID, young ? "cap_per_hour_young" : "cap_per_hour",
		                     "amount_cents", by_hours > 0 ? by_hours : 0);
	return KP_OK;
}
