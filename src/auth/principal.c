#include "auth/principal.h"

#include <string.h>

static const char *const roles[ROLE_COUNT] = {
	"anonymous", "admin", "coordinator", "professional", "volunteer", "referrer",
};

const char *role_name(int role)
{
	return role >= 0 && role < ROLE_COUNT ? roles[role] : NULL;
}

int role_parse(const char *name)
{
	for (int i = 1; i < ROLE_COUNT; i++)
		if (strcmp(roles[i], name) == 0)
			return i;
	return -1;
}
