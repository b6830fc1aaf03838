/*
 * /api/newsletters (service/newsletters.h). GET lists the caller's: the
 * writers' newsletters, or a volunteer's archive. POST writes a draft:
 * {"subject", "markdown", "filter": {"organisation_id", "activity" (a code),
 * "theme" (a code), "place"}}. POST /api/newsletters/preview renders the same
 * body and counts its reach without storing it. GET /api/newsletters/{id}
 * shows one (with "html", and "reach" for its writers); PUT replaces a
 * draft (the same fields); POST /api/newsletters/{id}/send sends it.
 */
#ifndef KP_API_NEWSLETTERS_H
#define KP_API_NEWSLETTERS_H

#include "api/api.h"

int newsletters_list(struct api_call *c);
int newsletters_create(struct api_call *c);
int newsletters_preview(struct api_call *c);
int newsletters_show(struct api_call *c);
int newsletters_replace(struct api_call *c);
int newsletters_send(struct api_call *c);

#endif
