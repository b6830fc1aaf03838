/*
 * Paying volunteers: IBANs (ISO 13616, checked with mod 97) and the SEPA
 * credit-transfer file (pain.001.001.03) for the treasurer, without I/O.
 *
 * A payment line is one approved claim; the SEPA file pays each volunteer
 * once, the sum of their lines, in the order the lines come (by volunteer).
 * Text in the SEPA file is kept to the SEPA Latin character set: accented
 * letters lose their accent, anything else becomes a space.
 *
 * Ownership: every function works on memory its caller owns.
 */
#ifndef KP_MODEL_PAYMENT_H
#define KP_MODEL_PAYMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "model/organisation.h"
#include "util/buf.h"
#include "util/error.h"

#define IBAN_MAX 34
#define BIC_MAX 11
#define PAYMENT_NAME_MAX 70          /* SEPA: a name is at most 70 characters */
#define PAYMENT_BATCH_MAX 10000      /* lines in one export */
#define PAYMENT_FROM_ANY "2000-01-01" /* the start of a period without one */

/* Normalises `in` (spaces removed, upper case) into out and checks it: two
   letters, two check digits, 11 to 30 letters or digits, mod 97 == 1.
   KP_INVALID naming `field` ("invalid_iban") otherwise. */
int iban_check(const char *in, const char *field, char out[IBAN_MAX + 1],
               struct kp_error *err);

/* The IBAN of `country` (two letters) and `bban` (letters and digits, at
   most 30) with its check digits, into out. */
void iban_compose(const char *country, const char *bban, char out[IBAN_MAX + 1]);

/* The IBAN as shown to everyone but who pays: the country, then stars, then
   the last four characters, in groups of four ("NL** **** **** **43 00"). */
void iban_mask(const char *iban, char out[IBAN_MAX * 2]);

/* A BIC (8 or 11 letters and digits), or "" for none. */
int bic_check(const char *in, char out[BIC_MAX + 1], struct kp_error *err);

/* One approved claim, as the treasurer pays it. */
struct payment_line {
	int64_t claim_id;
	int64_t volunteer_id;
	char name[PAYMENT_NAME_MAX * 4 + 1];   /* the volunteer's, or the account holder's */
	char iban[IBAN_MAX + 1];               /* "" when the volunteer has none */
	char incurred_on[11];
	int kind;                              /* enum expense_kind */
	char description[500 * 4 + 1];
	int64_t amount_cents;
};

/* Who pays, and when. */
struct payment_batch {
	char message_id[36];          /* unique per file, at most 35 characters */
	char created[32];             /* YYYY-MM-DDThh:mm:ss */
	char execute_on[11];          /* YYYY-MM-DD */
	char debtor_name[ORGANISATION_NAME_MAX * 4 + 1]; /* cut to 70 characters */
	char debtor_iban[IBAN_MAX + 1];
	char debtor_bic[BIC_MAX + 1]; /* "" : NOTPROVIDED */
	char reference[36];           /* end-to-end prefix and remittance text */
};

/* Writes the pain.001.001.03 document paying lines[0..n) (by volunteer;
   lines without an IBAN are left out) into out. *paid is the number of
   transfers, *total_cents their sum. -1 when out is full. */
int payment_sepa_write(struct buf *out, const struct payment_batch *b,
                       const struct payment_line *lines, int n, int *paid,
                       int64_t *total_cents);

/* Writes `in` into out (cap bytes) in the SEPA character set, at most
   `max` characters. */
void payment_sepa_text(const char *in, size_t max, char *out, size_t cap);

#endif
