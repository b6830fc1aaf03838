/*
 * Hours, expense claims and the volunteer allowance (vrijwilligersvergoeding):
 * the records and the rules, without I/O.
 *
 * An hour entry is minutes given on one day, on a match or an activity. It is
 * logged, then approved (and locked), or corrected: a correction is a new
 * entry, and the old one keeps its figures with status "corrected".
 * Per volunteer the minutes of one day never pass 24 hours.
 *
 * An expense claim is submitted, then approved or rejected (with a reason),
 * and an approved claim is paid. Amounts are euro cents; a kilometre claim's
 * amount is km × the organisation's rate for its travel mode.
 *
 * The allowance caps (per hour by age band, per month, per year) are data
 * kept by the network administrator by year: allowance_check compares a
 * claim against them and names the cap it would cross.
 *
 * Ownership: every function works on memory its caller owns.
 */
#ifndef KP_MODEL_HOURS_H
#define KP_MODEL_HOURS_H

#include <stdbool.h>
#include <stdint.h>

#include "model/field.h"
#include "util/error.h"

#define HOURS_MINUTES_MIN 1
#define HOURS_MINUTES_MAX (24 * 60)       /* per entry, and per volunteer per day */
#define HOURS_NOTE_MAX 500
#define HOURS_APPROVE_MAX 200             /* entries approved in one request */
#define EXPENSE_KM_MAX 2000               /* per claim */
#define EXPENSE_AMOUNT_MAX 1000000        /* cents: €10.000 per claim */
#define EXPENSE_DESCRIPTION_MAX 500
#define EXPENSE_REASON_MAX 500
#define EXPENSE_RATE_MAX 500              /* cents per km */
#define RECEIPT_BYTES_MAX (2 * 1024 * 1024)
#define ALLOWANCE_CAP_MAX 10000000        /* cents, any cap */
#define ALLOWANCE_ADULT_AGE 21

enum hour_status { HOUR_LOGGED, HOUR_APPROVED, HOUR_CORRECTED, HOUR_STATUS_COUNT };
const char *hour_status_name(int s);
int hour_status_parse(const char *name);

struct hour_entry {
	int64_t id;
	int64_t volunteer_id;
	int64_t organisation_id;  /* of the match's call, or the volunteer's home */
	int64_t match_id;         /* 0 for an activity without a match */
	int64_t activity_id;      /* list item, 0 when none */
	char worked_on[11];       /* YYYY-MM-DD */
	int minutes;              /* HOURS_MINUTES_MIN .. HOURS_MINUTES_MAX */
	char note[HOURS_NOTE_MAX * 4 + 1];
	int status;               /* enum hour_status */
	int64_t replaced_by;      /* the correction of a corrected entry, else 0 */
	int64_t created_by, created_at;
	int64_t approved_by, approved_at;
};

/* The fields a correction may change. */
extern const struct field_table hour_fields;

/* KP_OK when e may be stored on day `today` (days since 1970) given the
   volunteer's other minutes that day; else KP_INVALID naming the field. */
int hour_entry_check(const struct hour_entry *e, int64_t today, int64_t other_minutes_that_day,
                     struct kp_error *err);

/* KP_OK when e may still change (not approved, not already corrected);
   else KP_CONFLICT "locked" or "already_corrected". */
int hour_entry_editable(const struct hour_entry *e, struct kp_error *err);

/* The date seven days after `date` into out (YYYY-MM-DD), false when date
   is no date. */
bool hour_date_plus(const char *date, int days, char out[11]);

enum expense_kind {
	EXPENSE_KILOMETRES, EXPENSE_PUBLIC_TRANSPORT, EXPENSE_OTHER, EXPENSE_ALLOWANCE,
	EXPENSE_KIND_COUNT
};
const char *expense_kind_name(int k);
int expense_kind_parse(const char *name);

enum expense_status {
	EXPENSE_SUBMITTED, EXPENSE_APPROVED, EXPENSE_REJECTED, EXPENSE_PAID, EXPENSE_STATUS_COUNT
};
const char *expense_status_name(int s);
int expense_status_parse(const char *name);

/* What happens to a claim: approve, reject (with a reason), pay. */
enum expense_action { EXPENSE_APPROVE, EXPENSE_REJECT, EXPENSE_PAY, EXPENSE_ACTION_COUNT };
int expense_action_parse(const char *name);
/* The status after `action` from `from`; KP_CONFLICT "invalid_transition" when
   it cannot happen. */
int expense_transition(int from, int action, int *to, struct kp_error *err);

struct expense_claim {
	int64_t id;
	int64_t volunteer_id;
	int64_t organisation_id;
	int64_t match_id;         /* 0 when none */
	int kind;                 /* enum expense_kind */
	char incurred_on[11];
	int travel_mode;          /* enum travel_mode for kilometres, else -1 */
	int km;
	int64_t amount_cents;     /* kilometres: computed from the rate */
	char description[EXPENSE_DESCRIPTION_MAX * 4 + 1];
	int status;               /* enum expense_status */
	char reason[EXPENSE_REASON_MAX * 4 + 1];
	char cap_warning[32];     /* "network_month", "network_year" or "" */
	char receipt_type[32];    /* "" without a receipt */
	int64_t created_by, created_at;
	int64_t decided_by, decided_at, paid_at;
};

/* KP_OK when c's own fields are valid on day `today`; else KP_INVALID naming
   the field. A kilometre claim needs km and travel_mode, others an amount. */
int expense_claim_check(const struct expense_claim *c, int64_t today, struct kp_error *err);

/* The content type of a receipt by its first bytes (JPEG, PNG, PDF), NULL
   for anything else. */
const char *receipt_sniff(const unsigned char *data, size_t len);

/* How an organisation pays a volunteer's costs, chosen per volunteer:
   the actual costs (kilometres, public transport, other costs with a
   receipt) or the fixed allowance within the caps, never both. */
enum allowance_mode { ALLOWANCE_MODE_COSTS, ALLOWANCE_MODE_FIXED, ALLOWANCE_MODE_COUNT };
const char *allowance_mode_name(int m);
int allowance_mode_parse(const char *name);
/* KP_OK when a claim of `kind` fits the mode; else KP_INVALID naming "kind":
   "allowance_not_chosen" (an allowance under actual costs) or
   "costs_with_allowance" (actual costs under the fixed allowance). */
int expense_kind_allowed(int mode, int kind, struct kp_error *err);

struct allowance_caps {
	int year;
	int64_t per_hour_cents;        /* from ALLOWANCE_ADULT_AGE */
	int64_t per_hour_young_cents;  /* below it */
	int64_t per_month_cents;
	int64_t per_year_cents;
};

/* What has been received already, in the claim's month and year, and the
   minutes given that month (for the hourly cap). */
struct allowance_sums {
	int64_t month_cents;
	int64_t year_cents;
	int64_t month_minutes;
};

/* KP_OK when an allowance of `amount` cents fits the caps given the sums;
   else KP_INVALID naming "amount_cents" with the code of the cap crossed
   ("cap_per_hour", "cap_per_month", "cap_per_year") and the amount still
   left in err->limit (cents). young: the volunteer is below 21 that year. */
int allowance_check(const struct allowance_caps *caps, bool young, int64_t amount,
                    const struct allowance_sums *sums, struct kp_error *err);

/* Whether a volunteer born in birth_year (0: unknown) is below 21 in year. */
bool allowance_is_young(int birth_year, int year);

#endif
