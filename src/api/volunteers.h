/* /api/volunteers handlers. */
#ifndef KP_API_VOLUNTEERS_H
#define KP_API_VOLUNTEERS_H

#include "api/api.h"
#include "model/volunteer.h"

int volunteers_list(struct api_call *c);
int volunteers_show(struct api_call *c);
int volunteers_create(struct api_call *c);
int volunteers_update(struct api_call *c);

/* The API representation; lived experience only when with_experience. */
json_t *volunteer_to_json(struct catalog *cat, const struct volunteer *v, bool with_experience);

#endif
