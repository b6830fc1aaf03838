/*
 * The right of access as a use case: everything stored about a volunteer,
 * handed section by section to a sink that the caller renders. Every section
 * holds only rows that belong to this volunteer:
 *
 *   person           the profile (lived experience only when the caller may
 *                    see it), the consent in force, the bank account and
 *                    whether a calendar feed address exists (not the address:
 *                    only its hash is kept)
 *   consent_event    every change of the consent
 *   account          the logins, each followed by its open sessions
 *   match            with the nazorg answer, each followed by its status history
 *   offer            calls the volunteer placed
 *   journey          at every organisation
 *   transfer         warm transfers about the volunteer
 *   training         trainings followed and certificates
 *   competence       the EVC-A self-assessment
 *   hour             hour entries at every organisation, corrected versions included
 *   expense          expense claims (whether a receipt is attached, not the file)
 *   note             the coordinators' private notes and contact log, of every
 *                    organisation
 *   newsletter       the newsletters that were sent to the volunteer
 *   audit            who viewed or changed the data, this export included
 *
 * It needs RES_VOLUNTEER ACT_EXPORT (the person, the network administrator).
 * The export is audited and read in one transaction, so it is one consistent
 * picture that lists its own making. The transaction may run more than once:
 * every attempt starts with restart, after which the caller forgets what an
 * earlier attempt handed over.
 *
 * Ownership: the sink and what it points to belong to the caller; a record
 * handed to a callback lives only for that call.
 */
#ifndef KP_SERVICE_EXPORT_H
#define KP_SERVICE_EXPORT_H

#include "db/hours.h"
#include "db/payments.h"
#include "service/service.h"

struct export_person {
	const struct volunteer *volunteer;
	const struct consent *consent;
	bool with_experience;        /* the caller may see lived experience */
	int64_t exported_at;
	char iban[IBAN_MAX + 1];     /* the bank account in full, "" when none */
	char iban_holder[PAYMENT_NAME_MAX * 4 + 1];
	int64_t calendar_feed_at;    /* when the calendar feed's address was made, 0: none */
};

/* Each callback gets ctx; a non-zero return stops the export. */
struct export_sink {
	void *ctx;
	void (*restart)(void *ctx);
	int (*person)(void *ctx, const struct export_person *p);   /* first, once */
	consent_event_fn consent_event;
	account_fn account;
	session_fn session;          /* a session of the account handed over last */
	/* a is the nazorg answer, NULL while there is none */
	int (*match)(void *ctx, const struct match *m, const struct aftercare *a);
	match_event_fn match_event;  /* a status change of the match handed over last */
	call_fn offer;
	journey_fn journey;
	transfer_fn transfer;
	training_fn training;
	competence_fn competence;
	hour_fn hour;
	expense_fn expense;
	note_fn note;
	newsletter_fn newsletter;  /* without markdown and renderings */
	audit_fn audit;
};

/* Exports volunteer_id to sink as described above. */
int volunteer_export(struct app *app, struct db *db, const struct principal *who,
                     int64_t volunteer_id, const struct export_sink *sink,
                     struct kp_error *err);

#endif
