/*
 * Paying volunteers (docs/api.md, "Payments"):
 *
 *   GET /api/volunteers/{id}/bank-account       {"has_iban", "iban" (masked), "holder"}
 *   PUT /api/volunteers/{id}/bank-account       {"iban", "holder"}; "iban": "" removes it
 *   GET /api/organisations/{id}/bank-account    the account the organisation pays from
 *   PUT /api/organisations/{id}/bank-account    {"iban", "bic"}
 *   GET /api/organisations/{id}/payments?from=&to=         how many claims, the total
 *   POST /api/organisations/{id}/payments/paid {"from", "to", "total_cents"}  paid, all
 *   GET /api/organisations/{id}/payments.csv?from=&to=     approved, unpaid claims
 *   GET /api/organisations/{id}/payments.xlsx?from=&to=    the same as a spreadsheet
 *   GET /api/organisations/{id}/payments.xml?from=&to=&execute_on=
 *                                              the SEPA credit transfer (pain.001.001.03)
 */
#ifndef KP_API_PAYMENTS_H
#define KP_API_PAYMENTS_H

#include "api/api.h"

int volunteer_bank_account_show(struct api_call *c);
int volunteer_bank_account_update(struct api_call *c);
int organisation_bank_account_show(struct api_call *c);
int organisation_bank_account_update(struct api_call *c);
int payments_csv(struct api_call *c);
int payments_xlsx(struct api_call *c);
int payments_xml(struct api_call *c);
int payments_show(struct api_call *c);
int payments_paid(struct api_call *c);

#endif
