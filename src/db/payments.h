/*
 * The stores of bank accounts and of what an organisation pays
 * (src/db/payments.c), in the conventions of db/store.h.
 *
 * Ownership: records are filled into memory the caller owns; a line handed
 * to a callback lives only for that call.
 */
#ifndef KP_DB_PAYMENTS_H
#define KP_DB_PAYMENTS_H

#include "db/store.h"
#include "model/payment.h"

/* A volunteer's account; KP_NOT_FOUND when they have none. */
int store_bank_account_get(struct db *db, int64_t volunteer_id, char iban[IBAN_MAX + 1],
                           char *holder, size_t holder_cap, struct kp_error *err);
int store_bank_account_put(struct db *db, int64_t volunteer_id, const char *iban,
                           const char *holder, int64_t now, struct kp_error *err);
int store_bank_account_delete(struct db *db, int64_t volunteer_id, struct kp_error *err);

/* The account an organisation pays from; KP_NOT_FOUND when it has none. */
int store_organisation_account_get(struct db *db, int64_t organisation_id,
                                   char iban[IBAN_MAX + 1], char bic[BIC_MAX + 1],
                                   struct kp_error *err);
int store_organisation_account_put(struct db *db, int64_t organisation_id, const char *iban,
                                   const char *bic, int64_t now, struct kp_error *err);

typedef int (*payment_line_fn)(void *ctx, const struct payment_line *l);
/* The approved, unpaid claims of the organisation incurred from `from` to
   `to` (inclusive dates), by volunteer name and id, then date, with the
   volunteer's name (or account holder) and IBAN. */
int store_payment_lines(struct db *db, int64_t organisation_id, const char *from,
                        const char *to, payment_line_fn each, void *ctx, struct kp_error *err);

#endif
