/*
 * /api/transfers: warm transfers (warme doorverwijzing) of a volunteer to
 * another organisation of the network (model/transfer.h).
 *
 *   GET   /api/transfers          sender side, receiver side (once consented), the volunteer
 *   POST  /api/transfers          a coordinator proposes (awaiting_consent), or the
 *                                 volunteer asks with their consent (offered)
 *   GET   /api/transfers/{id}     the transfer and, while offered or accepted, exactly the
 *                                 consented profile parts ("profile")
 *   PATCH /api/transfers/{id}     {"action": consent|refuse|accept|decline|withdraw, …}
 *
 * Creating and deciding run the use cases of service/transfers.h (accepting
 * hands the volunteer over there); the handlers parse, call them and render
 * the transfer with the profile parts the caller may see, read live.
 */
#ifndef KP_API_TRANSFERS_H
#define KP_API_TRANSFERS_H

#include "api/api.h"

int transfers_list(struct api_call *c);
int transfers_create(struct api_call *c);
int transfers_show(struct api_call *c);
int transfers_update(struct api_call *c);

/* The transfer as every side sees it, without the shared profile; the
   caller owns the result. */
json_t *transfer_to_json(const struct transfer *t);

#endif
