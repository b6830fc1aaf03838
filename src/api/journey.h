/*
 * The volunteer journey through the API:
 *
 *   GET  /api/journey/definitions            steps, exit reasons and outcomes, parts, competences
 *   GET  /api/journeys                       list (coordinator: own organisation; volunteer: own)
 *   POST /api/journeys                       start a journey (aanmelding)
 *   GET  /api/journeys/{id}                  journey with steps, exit interviews, requests
 *   POST /api/journeys/{id}/steps            take a step (guards of model/journey.h)
 *   PUT  /api/journeys/{id}/intake           plan the intake appointment {on_date, time, place}
 *   POST /api/journeys/{id}/exit-interview   record the exit interview; its outcome moves on
 *   POST /api/journeys/{id}/requests         the volunteer asks to pause or stop
 *   GET  /api/volunteers/{id}/journeys       every journey of a volunteer the caller may see
 *   GET/PUT /api/organisations/{id}/journey-settings
 *
 * Each handler parses the request, runs one use case of service/journey.h
 * and renders the journey with its history as it is after the commit.
 */
#ifndef KP_API_JOURNEY_H
#define KP_API_JOURNEY_H

#include "api/api.h"

int journey_definitions(struct api_call *c);
int journeys_list(struct api_call *c);
int journeys_create(struct api_call *c);
int journeys_show(struct api_call *c);
int journeys_step(struct api_call *c);
int journeys_intake(struct api_call *c);
int journeys_exit_interview(struct api_call *c);
int journeys_request(struct api_call *c);
int volunteer_journeys(struct api_call *c);
int journey_settings_show(struct api_call *c);
int journey_settings_update(struct api_call *c);

/* The journey document with its history, as the volunteer and the
   coordinator see it; NULL with c->err filled on failure. */
json_t *journey_full_json(struct api_call *c, const struct journey *j);


#endif
