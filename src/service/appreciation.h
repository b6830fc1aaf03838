/*
 * Use cases of a volunteer's appreciation: the trainings followed with their
 * certificates, and the EVC-A self-assessment of general competences.
 *
 * Who may do what is RES_APPRECIATION: the coordinator of the volunteer's
 * organisation reads and records trainings and reads the self-assessment;
 * the volunteer keeps their own certificates and self-assessment.
 *
 * A training from the shared list also goes on the volunteer's profile,
 * where matching filters on it: the matching index is refreshed after the
 * commit, and other servers hear of it through the change log.
 *
 * Ownership: the caller owns every struct passed in; a record handed to a
 * callback lives only for that call.
 */
#ifndef KP_SERVICE_APPRECIATION_H
#define KP_SERVICE_APPRECIATION_H

#include "service/service.h"

/* Records training t for volunteer t->volunteer_id (training_id or title,
   completed_on not after today, certificate). On success t is the stored
   record. */
int training_create(struct app *app, struct db *db, const struct principal *who,
                    struct volunteer_training *t, struct kp_error *err);

/* The volunteer's trainings to each, by completion date. */
int training_list(struct app *app, struct db *db, const struct principal *who,
                  int64_t volunteer_id, training_fn each, void *ctx, struct kp_error *err);

/* Replaces the volunteer's self-assessment by ratings[0..n) (distinct
   competences, each stamped now). */
int competences_replace(struct app *app, struct db *db, const struct principal *who,
                        int64_t volunteer_id, struct competence_rating *ratings, int n,
                        struct kp_error *err);

/* The volunteer's self-assessment to each. */
int competences_read(struct app *app, struct db *db, const struct principal *who,
                     int64_t volunteer_id, competence_fn each, void *ctx,
                     struct kp_error *err);

#endif
