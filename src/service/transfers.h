/*
 * Use cases of warm transfers (warme doorverwijzing, model/transfer.h): a
 * coordinator proposes a transfer or the volunteer asks for one, and the
 * sides decide on it (consent, refuse, accept, decline, withdraw).
 *
 * A volunteer has at most one open transfer (awaiting consent or offered).
 * A coordinator's transfer waits for the volunteer's consent, which fixes
 * the profile parts the receiver may see; the volunteer's own request
 * carries that consent. Accepting hands the volunteer over in the same
 * transaction: the sending journey becomes "referred", a journey starts (or
 * starts again) at the receiving organisation, which becomes the home
 * organisation. Every new state queues its mails in the outbox, once.
 *
 * Who acts is decided on the transfer as read inside the transaction
 * (transfer_side). The receiver sees nothing before the volunteer consented,
 * and nothing again once the volunteer refused or a side withdrew it.
 *
 * Ownership: the caller owns every struct passed in; `out` is written.
 */
#ifndef KP_SERVICE_TRANSFERS_H
#define KP_SERVICE_TRANSFERS_H

#include "service/service.h"

struct transfer_request {
	int64_t volunteer_id;                       /* 0 for a volunteer: themselves */
	int64_t to_organisation;
	char message[TRANSFER_MESSAGE_MAX * 4 + 1];
	uint32_t shared_parts;                      /* bits of enum transfer_part */
	bool parts_given;                           /* the request named shared_parts */
	struct transfer out;                        /* the new transfer */
};

struct transfer_decision {
	int64_t id;                                 /* the transfer */
	int action;                                 /* enum transfer_action */
	uint32_t parts;                             /* consent: the parts to share */
	bool parts_given;                           /* the request named shared_parts */
	char note[TRANSFER_NOTE_MAX * 4 + 1];       /* required to decline */
	struct transfer out;                        /* the transfer after the decision */
};

/* Which side of t who is on for `act` (enum transfer_side); SIDE_NONE when
   who may not see it. */
int transfer_side(const struct principal *who, const struct transfer *t, enum action act);

int transfer_create(struct app *app, struct db *db, const struct principal *who,
                    struct transfer_request *r, struct kp_error *err);

int transfer_decide(struct app *app, struct db *db, const struct principal *who,
                    struct transfer_decision *d, struct kp_error *err);

/* Reads transfer id for who may see it. */
int transfer_get(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 struct transfer *out, struct kp_error *err);

#endif
