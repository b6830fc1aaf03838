/*
 * /api/locations: an organisation's locations (service/locations.h).
 * GET lists them (?organisation_id= for the administrator), each with the
 * professionals who work there (account_ids) and whether the caller does
 * (mine); POST adds one {name, address, place[, organisation_id]}; PATCH
 * /api/locations/{id} renames, moves or switches it off ({active: false}).
 * PUT /api/accounts/{id}/locations {location_ids: [...]} says where a
 * professional works.
 */
#ifndef KP_API_LOCATIONS_H
#define KP_API_LOCATIONS_H

#include "api/api.h"

int locations_list(struct api_call *c);
int locations_create(struct api_call *c);
int locations_update(struct api_call *c);
int account_locations_update(struct api_call *c);

#endif
