/*
 * Use cases of a volunteer's consent: who beyond their own organisation may
 * see their profile, and whether their lived experience may be kept and
 * used. Reading it, recording a new one, and withdrawing everything at once.
 *
 * Every change is appended to the consent history, audited, and takes
 * effect with the next request; the matching index is refreshed after the
 * commit. A withdrawal is recorded against the text the consent was given
 * on.
 *
 * Ownership: the caller owns every struct passed in; results are written
 * into them. A target filled by consent_target points at the caller's
 * consent, which must outlive it.
 */
#ifndef KP_SERVICE_CONSENTS_H
#define KP_SERVICE_CONSENTS_H

#include "service/service.h"

/* Reads volunteer vid's consent in force into out. */
int consent_show(struct app *app, struct db *db, const struct principal *who, int64_t vid,
                 struct consent *out, struct kp_error *err);

/* Records k (for volunteer k->volunteer_id) as the consent in force; on
   success k->given_at is the moment it was recorded. */
int consent_update(struct app *app, struct db *db, const struct principal *who,
                   struct consent *k, struct kp_error *err);

/* Withdraws volunteer vid's consent; out is the consent in force after it. */
int consent_withdraw(struct app *app, struct db *db, const struct principal *who, int64_t vid,
                     struct consent *out, struct kp_error *err);

/* Inside a use case: fills t for volunteer vid (its organisation read from
   the store; KP_NOT_FOUND when there is none) and, unless k is NULL, loads
   its consent into *k for t. */
int consent_target(struct svc *s, int64_t vid, struct consent *k, struct authz_target *t);

#endif
