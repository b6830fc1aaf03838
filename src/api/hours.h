/*
 * Hours (docs/api.md, "Hours"):
 *
 *   GET   /api/hours                          entries the caller may see (filters below)
 *   POST  /api/hours                          log an entry
 *   GET   /api/hours/totals?month=YYYY-MM     minutes and approved expenses per
 *                                             volunteer and organisation (.csv: as CSV)
 *   POST  /api/hours/approve                  {"ids": [...]}: all of them or none
 *   GET   /api/hours/{id}                     an entry with the versions it corrected
 *   PATCH /api/hours/{id}                     correct it: a new entry replaces it
 *   GET   /api/volunteers/{id}/hours/today    what the volunteer usually logs today
 *   POST  /api/volunteers/{id}/hours/repeat-week  "the same as last week"
 *   GET   /api/volunteers/{id}/year-statement?year=YYYY  hours, allowance and costs per
 *                                             organisation in a year (jaaroverzicht)
 */
#ifndef KP_API_HOURS_H
#define KP_API_HOURS_H

#include "api/api.h"
#include "model/hours.h"

int hours_index(struct api_call *c);
int hours_create(struct api_call *c);
int hours_show(struct api_call *c);
int hours_update(struct api_call *c);
int hours_approve_many(struct api_call *c);
int hours_totals_show(struct api_call *c);
int hours_totals_csv(struct api_call *c);
int volunteer_hours_today(struct api_call *c);
int volunteer_hours_repeat(struct api_call *c);
int volunteer_year_statement(struct api_call *c);

/* One entry; the caller owns the result. */
json_t *hour_to_json(struct catalog *cat, const struct hour_entry *e);

#endif
