/* /api/accounts and /api/signup: who can log in, and volunteers signing up themselves. */
#ifndef KP_API_ACCOUNTS_H
#define KP_API_ACCOUNTS_H

#include "api/api.h"

int accounts_list(struct api_call *c);
int accounts_create(struct api_call *c);
int accounts_update(struct api_call *c);
int accounts_signup(struct api_call *c);

#endif
