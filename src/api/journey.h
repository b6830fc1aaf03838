/*
 * The volunteer journey through the API:
 *
 *   GET  /api/journey/definitions            steps, exit reasons and outcomes, parts, competences
 *   GET  /api/journeys                       list (coordinator: own organisation; volunteer: own)
 *   POST /api/journeys                       start a journey (aanmelding)
 *   GET  /api/journeys/{id}                  journey with steps, exit interviews, requests
 *   POST /api/journeys/{id}/steps            take a step (guards of model/journey.h)
 *   POST /api/journeys/{id}/exit-interview   record the exit interview; its outcome moves on
 *   POST /api/journeys/{id}/requests         the volunteer asks to pause or stop
 *   GET  /api/volunteers/{id}/journeys       every journey of a volunteer the caller may see
 *   GET/PUT /api/organisations/{id}/journey-settings
 */
#ifndef KP_API_JOURNEY_H
#define KP_API_JOURNEY_H

#include "api/api.h"

int journey_definitions(struct api_call *c);
int journeys_list(struct api_call *c);
int journeys_create(struct api_call *c);
int journeys_show(struct api_call *c);
int journeys_step(struct api_call *c);
int journeys_exit_interview(struct api_call *c);
int journeys_request(struct api_call *c);
int volunteer_journeys(struct api_call *c);
int journey_settings_show(struct api_call *c);
int journey_settings_update(struct api_call *c);

/* The journey document with its history, as the volunteer and the
   coordinator see it; NULL with c->err filled on failure. */
json_t *journey_full_json(struct api_call *c, const struct journey *j);

/* Moves j to `to` on date `on` with every guard checked, keeping the
   volunteer's status in step (home organisation). Runs inside the caller's
   transaction. `force` skips the step table for a transfer's referral. */
int journey_take_step(struct api_call *c, struct journey *j, int to, const char *on,
                      const char *notes, const char *vog_date, bool force);

/* The gate of POST /api/matches: may the volunteer be deployed on this call?
   Reads the journey at the call's organisation, else at the home organisation. */
int journey_check_match(struct api_call *c, const struct volunteer *v, const struct call *call);

#endif
