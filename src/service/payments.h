/*
 * Use cases of paying volunteers: a volunteer's bank account (IBAN, checked
 * with mod 97; personal data, shown masked), the account an organisation
 * pays from, and the treasurer's export of what is to be paid: the
 * approved, unpaid claims of one organisation in a period, with the
 * volunteers' names and unmasked IBANs. Marking the claims paid is a step
 * of its own: per claim (expense_decide with EXPENSE_PAY) or for the whole
 * period at once, guarded by the total the export showed.
 *
 * Who may do what: the bank account follows RES_VOLUNTEER (the volunteer
 * and the coordinators of their organisation set it; whoever may see the
 * volunteer sees it masked); the organisation's account and the export are
 * RES_PAYMENT, for the coordinators of the organisation, who pay. Every
 * export writes an audit row per volunteer in it.
 *
 * Ownership: the caller owns every struct passed in; payments_export fills
 * out->lines with a malloc'd array that payment_export_free releases.
 */
#ifndef KP_SERVICE_PAYMENTS_H
#define KP_SERVICE_PAYMENTS_H

#include "db/payments.h"
#include "model/organisation.h"
#include "service/service.h"

struct bank_account {
	bool has;
	char masked[IBAN_MAX * 2];
	char holder[PAYMENT_NAME_MAX * 4 + 1];
};

int bank_account_read(struct app *app, struct db *db, const struct principal *who,
                      int64_t volunteer_id, struct bank_account *out, struct kp_error *err);

/* Sets (iban checked; KP_INVALID "iban" otherwise) or, with iban "", removes
   the volunteer's account. *out is the result, masked. */
int bank_account_set(struct app *app, struct db *db, const struct principal *who,
                     int64_t volunteer_id, const char *iban, const char *holder,
                     struct bank_account *out, struct kp_error *err);

struct organisation_account {
	bool has;
	char iban[IBAN_MAX + 1];
	char bic[BIC_MAX + 1];
};

int organisation_account_read(struct app *app, struct db *db, const struct principal *who,
                              int64_t organisation_id, struct organisation_account *out,
                              struct kp_error *err);
int organisation_account_set(struct app *app, struct db *db, const struct principal *who,
                             int64_t organisation_id, const char *iban, const char *bic,
                             struct organisation_account *out, struct kp_error *err);

struct payment_export {
	char organisation[ORGANISATION_NAME_MAX * 4 + 1];
	struct organisation_account account;
	struct payment_line *lines;   /* by volunteer, then date */
	int n;
	int64_t total_cents;
};

/* What organisation_id has to pay for claims incurred from `from` to `to`
   (YYYY-MM-DD, inclusive; KP_INVALID naming the field otherwise). */
int payments_export(struct app *app, struct db *db, const struct principal *who,
                    int64_t organisation_id, const char *from, const char *to,
                    struct payment_export *out, struct kp_error *err);
void payment_export_free(struct payment_export *x);

/* The SEPA file of x, to be executed on `execute_on` (YYYY-MM-DD, today or
   later; "" : today), into out. KP_CONFLICT when the organisation has no
   account ("iban") or nothing has an IBAN to be paid on ("to"). */
int payments_sepa(struct app *app, const struct payment_export *x, int64_t organisation_id,
                  const char *execute_on, struct buf *out, struct kp_error *err);

/* What is to be paid without the IBANs (for the page before the files):
   the claims, their sum, and how many volunteers have no IBAN yet. */
struct payment_summary {
	int claims;
	int volunteers, without_iban;
	int64_t total_cents;
};
int payments_summary(struct app *app, struct db *db, const struct principal *who,
                     int64_t organisation_id, const char *from, const char *to,
                     struct payment_summary *out, struct kp_error *err);

/* Marks every approved, unpaid claim of the period paid, once the
   treasurer has paid them: only when their sum is still total_cents (what
   the export said), else KP_CONFLICT "payments_changed" naming
   "total_cents" and nothing changes. *out is what was marked. */
int payments_mark_paid(struct app *app, struct db *db, const struct principal *who,
                       int64_t organisation_id, const char *from, const char *to,
                       int64_t total_cents, struct payment_summary *out,
                       struct kp_error *err);

#endif
