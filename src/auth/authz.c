#include "auth/authz.h"

#include <stddef.h>

static bool own_org(const struct principal *who, const struct authz_target *t)
{
	return who->organisation_id > 0 && t->organisation_id == who->organisation_id;
}

static bool self(const struct principal *who, const struct authz_target *t)
{
	return who->volunteer_id > 0 && t->volunteer_id == who->volunteer_id;
}

static bool coordinator(const struct principal *who, enum resource res, enum action act,
                        const struct authz_target *t)
{
	switch (res) {
	case RES_ORGANISATION:
		return act == ACT_LIST || act == ACT_READ || (act == ACT_UPDATE && own_org(who, t));
	case RES_LIST_ITEM:
		return act == ACT_LIST || act == ACT_READ;
	case RES_VOLUNTEER:
	case RES_EXPERIENCE:
	case RES_CALL:
	case RES_MATCH:
		return act == ACT_LIST || own_org(who, t);
	case RES_ACCOUNT:
		return act == ACT_CREATE && own_org(who, t);
	default:
		return false;
	}
}

static bool professional(const struct principal *who, enum resource res, enum action act,
                         const struct authz_target *t)
{
	switch (res) {
	case RES_ORGANISATION:
	case RES_LIST_ITEM:
		return act == ACT_LIST || act == ACT_READ;
	case RES_CALL:
		return act == ACT_LIST || own_org(who, t);
	case RES_MATCH: /* sees who was matched, confirms that it works */
		return act == ACT_LIST || ((act == ACT_READ || act == ACT_UPDATE) && own_org(who, t));
	default:
		return false;
	}
}

static bool volunteer(const struct principal *who, enum resource res, enum action act,
                      const struct authz_target *t)
{
	switch (res) {
	case RES_ORGANISATION:
	case RES_LIST_ITEM:
		return act == ACT_LIST || act == ACT_READ;
	case RES_VOLUNTEER:
	case RES_EXPERIENCE:
		return (act == ACT_READ || act == ACT_UPDATE) && self(who, t);
	case RES_CALL: /* browses open calls; may post an offer of their own */
		return act == ACT_LIST || act == ACT_READ || (act == ACT_CREATE && self(who, t));
	case RES_MATCH: /* responds to a call, follows and may decline own matches */
		return act == ACT_LIST || self(who, t);
	default:
		return false;
	}
}

static bool referrer(const struct principal *who, enum resource res, enum action act,
                     const struct authz_target *t)
{
	switch (res) {
	case RES_ORGANISATION:
	case RES_LIST_ITEM:
		return act == ACT_LIST || act == ACT_READ;
	case RES_CALL: /* submits help requests and follows their status */
		return act == ACT_LIST || act == ACT_CREATE ||
		       (act == ACT_READ && t->created_by == who->account_id);
	default:
		return false;
	}
}

bool authz_allows(const struct principal *who, enum resource res, enum action act,
                  const struct authz_target *target)
{
	static const struct authz_target none = { 0, 0, 0 };
	const struct authz_target *t = target ? target : &none;
	switch (who->role) {
	case ROLE_ADMIN:
		return true;
	case ROLE_COORDINATOR:
		return coordinator(who, res, act, t);
	case ROLE_PROFESSIONAL:
		return professional(who, res, act, t);
	case ROLE_VOLUNTEER:
		return volunteer(who, res, act, t);
	case ROLE_REFERRER:
		return referrer(who, res, act, t);
	case ROLE_ANONYMOUS: /* the public social map and sign-up form need these */
		return (res == RES_ORGANISATION || res == RES_LIST_ITEM) &&
		       (act == ACT_LIST || act == ACT_READ);
	default:
		return false;
	}
}

struct authz_scope authz_list_scope(const struct principal *who, enum resource res)
{
	struct authz_scope s = { 0 };
	if (!authz_allows(who, res, ACT_LIST, NULL)) {
		s.none = true;
		return s;
	}
	if (who->role == ROLE_ADMIN || res == RES_ORGANISATION || res == RES_LIST_ITEM) {
		s.all = true;
		return s;
	}
	switch (who->role) {
	case ROLE_COORDINATOR:
	case ROLE_PROFESSIONAL:
		s.organisation_id = who->organisation_id;
		break;
	case ROLE_VOLUNTEER:
		if (res == RES_CALL)
			s.open_only = true;
		else
			s.volunteer_id = who->volunteer_id;
		break;
	case ROLE_REFERRER:
		s.created_by = who->account_id;
		break;
	default:
		s.none = true;
	}
	return s;
}
