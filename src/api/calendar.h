/*
 * Calendar feeds (service/calendar.h): the address of a volunteer's own feed
 * and of an organisation's agenda (GET: whether there is one, POST: a new
 * address, replacing the old, DELETE: revoke), and the feed itself,
 * GET /api/calendar/{token}.ics, text/calendar, for anyone holding the address.
 */
#ifndef KP_API_CALENDAR_H
#define KP_API_CALENDAR_H

#include "api/api.h"

int calendar_volunteer_show(struct api_call *c);
int calendar_volunteer_create(struct api_call *c);
int calendar_volunteer_revoke(struct api_call *c);
int calendar_organisation_show(struct api_call *c);
int calendar_organisation_create(struct api_call *c);
int calendar_organisation_revoke(struct api_call *c);
int calendar_feed(struct api_call *c);

#endif
