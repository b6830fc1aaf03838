/*
 * One's own mail settings and unsubscribing (service/notifications.h):
 *   GET  /api/me/notifications   {"language", "notifications": {KIND: DELIVERY}}
 *   PUT  /api/me/notifications   the same, any part of it; answers as GET
 *   POST /api/unsubscribe?token=T   no login: the token of a notification mail
 *        switches its kind off; answers {"kind", "delivery": "never"}. Any
 *        body is ignored, so a mail program's one-click request
 *        ("List-Unsubscribe=One-Click", RFC 8058) works as well.
 * KIND is a notification kind (proposal, response, …), DELIVERY one of
 * immediately, digest, never.
 */
#ifndef KP_API_NOTIFICATIONS_H
#define KP_API_NOTIFICATIONS_H

#include "api/api.h"

#define UNSUBSCRIBE_BODY_MAX 1024

int me_notifications_show(struct api_call *c);
int me_notifications_update(struct api_call *c);
int unsubscribe(struct api_call *c);

#endif
