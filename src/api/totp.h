/*
 * Two-factor sign-in (TOTP) and the network's rule (service/totp.h):
 *   GET    /api/me/totp                    {"enabled","pending","required"}
 *   POST   /api/me/totp                    a new pending secret: {"secret","uri"}
 *   POST   /api/me/totp/confirm {"code"}   turns it on
 *   DELETE /api/me/totp {"code"}           turns it off
 *   POST   /api/session/totp {"challenge","code"}   the login's second step
 *   POST   /api/session/totp/enrol {"challenge"}    a secret when enrolment is required
 *   GET    /api/network, PATCH /api/network {"totp_required"}   administrators
 */
#ifndef KP_API_TOTP_H
#define KP_API_TOTP_H

#include "api/api.h"

int me_totp_show(struct api_call *c);
int me_totp_create(struct api_call *c);
int me_totp_confirm(struct api_call *c);
int me_totp_delete(struct api_call *c);
int session_totp_complete(struct api_call *c);
int session_totp_enrol(struct api_call *c);
int network_show(struct api_call *c);
int network_update(struct api_call *c);

#endif
