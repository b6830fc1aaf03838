/*
 * The stores of hours, expense claims, kilometre rates and allowance caps
 * (src/db/hours.c), in the conventions of db/store.h: KP_OK or KP_ERR with
 * err filled in, KP_NOT_FOUND for a missing record, never a commit.
 *
 * Ownership: records are filled into memory the caller owns; a record handed
 * to a callback lives only for that call.
 */
#ifndef KP_DB_HOURS_H
#define KP_DB_HOURS_H

#include "db/store.h"
#include "model/hours.h"

/* Which hour entries or claims a list shows; 0 / "" / -1 for no filter. */
struct hours_filter {
	int64_t volunteer_id;
	int64_t organisation_id;
	char from[11], to[11];     /* inclusive dates */
	int status;                /* -1: any but corrected */
};

/* Inserts e with its status (and approval, when approved_by is set). */
int store_hour_insert(struct db *db, struct hour_entry *e, struct kp_error *err);
int store_hour_get(struct db *db, int64_t id, struct hour_entry *e, struct kp_error *err);
/* Hour entries keep hour_month_totals up to date as they are written and
   corrected; this recomputes it from the entries, for entries written
   around the store (the benchmark's bulk load). */
int store_hour_totals_rebuild(struct db *db, struct kp_error *err);
/* Marks entry id corrected by replaced_by. */
int store_hour_corrected(struct db *db, int64_t id, int64_t replaced_by, struct kp_error *err);
int store_hour_approve(struct db *db, int64_t id, int64_t by, int64_t at, struct kp_error *err);
/* Minutes of the volunteer on `date` in entries that count (not corrected),
   leaving out entry `except` (0: none). */
int store_hour_day_minutes(struct db *db, int64_t volunteer_id, const char *date,
                           int64_t except, int64_t *minutes, struct kp_error *err);
/* The entry that entry `id` corrected, 0 when none. */
int store_hour_previous(struct db *db, int64_t id, int64_t *previous, struct kp_error *err);
typedef int (*hour_fn)(void *ctx, const struct hour_entry *e);
/* Newest day first. */
int store_hour_list(struct db *db, const struct hours_filter *f, struct page pg, hour_fn each,
                    void *ctx, int64_t *total, struct kp_error *err);

struct hour_total {
	int64_t volunteer_id;
	int64_t organisation_id;
	int64_t minutes, approved_minutes, entries;
	int64_t expense_cents;      /* claims approved or paid that month */
};
typedef int (*hour_total_fn)(void *ctx, const struct hour_total *t);
/* Per volunteer and organisation for `month` (YYYY-MM); organisation 0: all. */
int store_hour_totals(struct db *db, int64_t organisation_id, const char *month,
                      hour_total_fn each, void *ctx, struct kp_error *err);

/* A volunteer's year at one organisation: hours (not corrected), and the
   claims approved or paid, split into the allowance and costs. */
struct year_line {
	int64_t organisation_id;
	char organisation[160 * 4 + 1];
	int64_t minutes, approved_minutes, entries;
	int64_t allowance_cents;    /* the fixed allowance (vrijwilligersvergoeding) */
	int64_t costs_cents;        /* reimbursed costs: kilometres, public transport, other */
	int64_t paid_cents;         /* of both, paid already */
};
typedef int (*year_line_fn)(void *ctx, const struct year_line *l);
/* Per organisation, by name, for the volunteer's `year`. */
int store_year_statement(struct db *db, int64_t volunteer_id, int year, year_line_fn each,
                         void *ctx, struct kp_error *err);

int store_expense_insert(struct db *db, struct expense_claim *c, struct kp_error *err);
int store_expense_get(struct db *db, int64_t id, struct expense_claim *c, struct kp_error *err);
/* Writes status, reason and the decision or payment stamps of c. */
int store_expense_update(struct db *db, const struct expense_claim *c, struct kp_error *err);
typedef int (*expense_fn)(void *ctx, const struct expense_claim *c);
int store_expense_list(struct db *db, const struct hours_filter *f, struct page pg,
                       expense_fn each, void *ctx, int64_t *total, struct kp_error *err);
/* Stores the receipt (base64 text) of claim id with its content type. */
int store_receipt_put(struct db *db, int64_t id, const char *type, const char *base64,
                      struct kp_error *err);
/* The receipt's base64 text into *out (malloc'd, caller frees). */
int store_receipt_get(struct db *db, int64_t id, char **out, struct kp_error *err);

/* Rate of organisation for travel_mode (a name); 0 when it has none. */
int store_expense_rate(struct db *db, int64_t organisation_id, const char *travel_mode,
                       int64_t *cents, struct kp_error *err);
int store_expense_rate_put(struct db *db, int64_t organisation_id, const char *travel_mode,
                           int64_t cents, struct kp_error *err);

/* The caps that hold in `year`: its own row or the latest earlier one. */
int store_allowance_caps(struct db *db, int year, struct allowance_caps *c,
                         struct kp_error *err);
int store_allowance_caps_put(struct db *db, const struct allowance_caps *c,
                             struct kp_error *err);
typedef int (*caps_fn)(void *ctx, const struct allowance_caps *c);
int store_allowance_caps_list(struct db *db, caps_fn each, void *ctx, struct kp_error *err);
/* Flags every allowance claim (not rejected) of the volunteer in the month
   (warning "network_month") or year ("network_year") of `date` with the
   warning, at every organisation, where it has none yet. */
int store_allowance_flag(struct db *db, int64_t volunteer_id, const char *date,
                         const char *warning, struct kp_error *err);
/* The volunteer's allowance mode at the organisation; ALLOWANCE_MODE_COSTS
   without a choice. */
int store_allowance_mode(struct db *db, int64_t volunteer_id, int64_t organisation_id,
                         int *mode, struct kp_error *err);
int store_allowance_mode_put(struct db *db, int64_t volunteer_id, int64_t organisation_id,
                             int mode, int64_t now, struct kp_error *err);
/* The volunteer's allowance (claims not rejected) in the month and year of
   `date`, and minutes that month; organisation 0: across the network. */
int store_allowance_sums(struct db *db, int64_t volunteer_id, int64_t organisation_id,
                         const char *date, struct allowance_sums *s, struct kp_error *err);

#endif
