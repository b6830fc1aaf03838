/*
 * Use cases of expense claims and the volunteer allowance: a claim
 * (kilometres at the organisation's rate, public transport, other costs, the
 * fixed allowance within the caps), its receipt, the coordinator's decision
 * and payment; the caps by year and an organisation's rates per km.
 *
 * Caps: an allowance claim that would take the volunteer past a cap at this
 * organisation is refused, naming the cap and what is left. When it fits
 * here but the volunteer's allowance from all organisations of the network
 * together would cross the month or year cap, the claim is stored with a
 * cap_warning that every organisation involved sees, without any of the
 * others' amounts.
 *
 * Who may do what is RES_EXPENSE, RES_APPROVAL and RES_ALLOWANCE; see
 * docs/permissions.md.
 *
 * Ownership: the caller owns every struct passed in; receipt_read hands the
 * caller a malloc'd buffer to free.
 */
#ifndef KP_SERVICE_EXPENSES_H
#define KP_SERVICE_EXPENSES_H

#include "db/hours.h"
#include "service/service.h"

/* Submits claim c (volunteer_id, kind, incurred_on, …). On success c is the
   stored claim. */
int expense_submit(struct app *app, struct db *db, const struct principal *who,
                   struct expense_claim *c, struct kp_error *err);

/* Approves, rejects (reason required) or pays claim id; *out is the result. */
int expense_decide(struct app *app, struct db *db, const struct principal *who, int64_t id,
                   int action, const char *reason, struct expense_claim *out,
                   struct kp_error *err);

int expense_read(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 struct expense_claim *out, struct kp_error *err);

int expenses_list(struct app *app, struct db *db, const struct principal *who,
                  const struct hours_filter *f, struct page pg, expense_fn each, void *ctx,
                  int64_t *total, struct kp_error *err);

/* Attaches the receipt data[0..len) to claim id while it is submitted: a
   JPEG, PNG or PDF by its first bytes, the type `declared` (the request's
   Content-Type, NULL when none) says, at most RECEIPT_BYTES_MAX. */
int receipt_attach(struct app *app, struct db *db, const struct principal *who, int64_t id,
                   const unsigned char *data, size_t len, const char *declared,
                   struct expense_claim *out, struct kp_error *err);

/* The receipt of claim id for a caller who may read the claim: *data
   (malloc'd, caller frees), *len and its content type in type. */
int receipt_read(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 unsigned char **data, size_t *len, char type[32], struct kp_error *err);

/* The caps of every year, and one year's new caps (the administrator). */
int allowance_caps_list(struct app *app, struct db *db, const struct principal *who,
                        caps_fn each, void *ctx, struct kp_error *err);
int allowance_caps_set(struct app *app, struct db *db, const struct principal *who,
                       const struct allowance_caps *c, struct kp_error *err);

/* An organisation's rate per km for travel modes car and bike (cents; -1:
   leave as it is) and what they are afterwards. */
struct expense_rates {
	int64_t car, bike;
};
int expense_rates_read(struct app *app, struct db *db, const struct principal *who,
                       int64_t organisation_id, struct expense_rates *out,
                       struct kp_error *err);
int expense_rates_set(struct app *app, struct db *db, const struct principal *who,
                      int64_t organisation_id, struct expense_rates *rates,
                      struct kp_error *err);

/* The allowance mode (enum allowance_mode) of volunteer_id at
   *organisation_id (0: the caller's organisation, else the volunteer's own;
   written back). Reading follows RES_EXPENSE, setting RES_ALLOWANCE UPDATE
   (the organisation's coordinators, the administrator). A claim that does
   not fit the mode is refused by expense_submit. */
int allowance_mode_read(struct app *app, struct db *db, const struct principal *who,
                        int64_t volunteer_id, int64_t *organisation_id, int *mode,
                        struct kp_error *err);
int allowance_mode_set(struct app *app, struct db *db, const struct principal *who,
                       int64_t volunteer_id, int64_t *organisation_id, int mode,
                       struct kp_error *err);

#endif
