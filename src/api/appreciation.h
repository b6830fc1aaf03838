/*
 * Appreciation of a volunteer:
 *
 *   GET/POST /api/volunteers/{id}/trainings    trainings followed and certificates
 *   GET/PUT  /api/volunteers/{id}/competences  the EVC-A self-assessment (the volunteer's own;
 *                                              the coordinator reads it)
 *
 * Anniversaries (1, 5, 10 years) are tasks on GET /api/tasks.
 */
#ifndef KP_API_APPRECIATION_H
#define KP_API_APPRECIATION_H

#include "api/api.h"

int trainings_list(struct api_call *c);
int trainings_create(struct api_call *c);
int competences_show(struct api_call *c);
int competences_update(struct api_call *c);

/* One training or certificate; the caller owns the result. */
json_t *training_to_json(struct catalog *cat, const struct volunteer_training *t);
/* One self-assessed competence with its label in `lang`; the caller owns the result. */
json_t *competence_to_json(const struct competence_rating *r, const char *lang);

#endif
