/*
 * Expense claims and the allowance (docs/api.md, "Expenses"):
 *
 *   GET   /api/expenses                        claims the caller may see
 *   POST  /api/expenses                        submit a claim
 *   GET   /api/expenses/{id}                   one claim
 *   PATCH /api/expenses/{id}                   {"action": approve|reject|pay, "reason"}
 *   PUT   /api/expenses/{id}/receipt           the receipt as the raw body (JPEG, PNG,
 *                                              PDF; Content-Type must match the bytes)
 *   GET   /api/expenses/{id}/receipt           the receipt, for who may see the claim
 *   GET   /api/allowance-caps                  the caps by year
 *   PUT   /api/allowance-caps/{id}             one year's caps ({id} is the year)
 *   GET/PUT /api/organisations/{id}/expense-rates  rates per km by travel mode
 *   GET/PUT /api/volunteers/{id}/allowance-mode    actual costs or the fixed allowance, per
 *                                              organisation ({"organisation_id", "mode"})
 */
#ifndef KP_API_EXPENSES_H
#define KP_API_EXPENSES_H

#include "api/api.h"
#include "model/hours.h"

int expenses_index(struct api_call *c);
int expenses_create(struct api_call *c);
int expenses_show(struct api_call *c);
int expenses_update(struct api_call *c);
int expenses_receipt_put(struct api_call *c);
int expenses_receipt_get(struct api_call *c);
int allowance_caps_index(struct api_call *c);
int allowance_caps_update(struct api_call *c);
int expense_rates_show(struct api_call *c);
int expense_rates_update(struct api_call *c);
int allowance_mode_show(struct api_call *c);
int allowance_mode_update(struct api_call *c);

/* One claim; the caller owns the result. */
json_t *expense_to_json(const struct expense_claim *e);

#endif
