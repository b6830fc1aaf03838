/*
 * /api/volunteers/{id}/notes: a coordinator's private notes and contact log
 * about a volunteer (service/notes.h). GET lists them, the latest first;
 * POST adds one: {"kind": "note"|"contact", "body": …, and for a contact
 * "channel" (phone, email, visit, meeting, other) and "happened_on"}.
 */
#ifndef KP_API_NOTES_H
#define KP_API_NOTES_H

#include "api/api.h"

int notes_list(struct api_call *c);
int notes_create(struct api_call *c);

/* One note; the caller owns the result. */
json_t *note_to_json(const struct volunteer_note *n);

#endif
