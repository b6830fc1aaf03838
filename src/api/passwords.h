/*
 * The one-time links of accounts and one's own password:
 *   POST /api/invitations/accept {"token","password"}   sets the password, logs in
 *   POST /api/password-reset {"email"}                  202 always; mails a link
 *   POST /api/password-reset/confirm {"token","password"}
 *   PATCH /api/me/password {"current","new"}            keeps only this session
 */
#ifndef KP_API_PASSWORDS_H
#define KP_API_PASSWORDS_H

#include "api/api.h"

int invitations_accept(struct api_call *c);
int password_reset_create(struct api_call *c);
int password_reset_confirm_route(struct api_call *c);
int me_password_update(struct api_call *c);

#endif
