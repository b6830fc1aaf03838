/*
 * Use cases of nazorg, the "did it work?" check 2-3 weeks after a match
 * became active: reading the answer of a match and recording it (good,
 * adjust or stop, with notes). Reading needs read access to the match,
 * answering update access (the call's organisation); only a match that
 * started can be answered: an active one from 14 days after it became active
 * (REMINDER_AFTERCARE_DAYS, when the question comes up), an ended one at once.
 *
 * Ownership: the caller owns every struct passed in; results are written
 * into them.
 */
#ifndef KP_SERVICE_AFTERCARE_H
#define KP_SERVICE_AFTERCARE_H

#include "service/service.h"

/* Whether m (loaded from the store) may get its nazorg answer at now. */
bool aftercare_open(const struct match *m, int64_t now);

/* The answer of match_id into a; KP_NOT_FOUND while there is none. */
int aftercare_read(struct app *app, struct db *db, const struct principal *who,
                   int64_t match_id, struct aftercare *a, struct kp_error *err);

/* Records a->answer and a->notes for match a->match_id; fills answered_by
   and answered_at. */
int aftercare_record(struct app *app, struct db *db, const struct principal *who,
                     struct aftercare *a, struct kp_error *err);

#endif
