/* Reading, recording and withdrawing consents (consents.h). */
#include "service/consents.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/organisations.h"

int consent_target(struct svc *s, int64_t vid, struct consent *k, struct authz_target *t)
{
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, vid, false, v, s->err);
	int64_t org = rc == KP_OK ? v->organisation_id : 0;
	free(v);
	if (rc)
		return KP_ERR;
	if (k != NULL)
		return svc_volunteer_target(s, org, vid, k, t);
	memset(t, 0, sizeof *t);
	t->organisation_id = org;
	t->volunteer_id = vid;
	return KP_OK;
}

struct reading {
	int64_t vid;
	struct consent *out;
};

static int read_consent(struct svc *s, void *arg)
{
	struct reading *x = arg;
	struct authz_target t;
	return consent_target(s, x->vid, x->out, &t) ||
	               svc_authorise(s, RES_CONSENT, ACT_READ, &t)
	           ? KP_ERR
	           : KP_OK;
}

int consent_show(struct app *app, struct db *db, const struct principal *who, int64_t vid,
                 struct consent *out, struct kp_error *err)
{
	struct reading x = { vid, out };
	return svc_read(app, db, who, read_consent, &x, err);
}

static int check_organisations(struct svc *s, const struct consent *k)
{
	for (int i = 0; i < k->n_organisations; i++)
		if (organisation_check(s, k->organisations[i], "organisations"))
			return KP_ERR;
	return KP_OK;
}

/* Records next with `action` ("given" or "withdrawn"), audited, and queues
   the index refresh. */
static int record(struct svc *s, struct consent *next, const char *action)
{
	const char *audited = strcmp(action, "withdrawn") == 0 ? "withdraw" : "consent";
	if (store_consent_set(s->db, next, action, s->who->account_id, s->now, s->err) ||
	    svc_audit(s, audited, "consent", next->volunteer_id, 0, NULL))
		return KP_ERR;
	next->given_at = s->now;
	svc_after_volunteer(s, next->volunteer_id);
	return KP_OK;
}

static int write_given(struct svc *s, void *arg)
{
	struct consent *next = arg;
	struct consent k;
	struct authz_target t;
	if (consent_target(s, next->volunteer_id, &k, &t) ||
	    svc_authorise(s, RES_CONSENT, ACT_UPDATE, &t) || consent_validate(next, s->err) ||
	    check_organisations(s, next))
		return KP_ERR;
	return record(s, next, "given");
}

int consent_update(struct app *app, struct db *db, const struct principal *who,
                   struct consent *k, struct kp_error *err)
{
	return svc_run(app, db, who, write_given, k, err);
}

static int write_withdrawn(struct svc *s, void *arg)
{
	struct reading *x = arg;
	struct consent k;
	struct authz_target t;
	if (consent_target(s, x->vid, &k, &t) || svc_authorise(s, RES_CONSENT, ACT_DELETE, &t))
		return KP_ERR;
	consent_init(x->out, x->vid);
	snprintf(x->out->text_version, sizeof x->out->text_version, "%s",
	         k.text_version[0] ? k.text_version : CONSENT_TEXT_CURRENT);
	return record(s, x->out, "withdrawn");
}

int consent_withdraw(struct app *app, struct db *db, const struct principal *who, int64_t vid,
                     struct consent *out, struct kp_error *err)
{
	struct reading x = { vid, out };
	return svc_run(app, db, who, write_withdrawn, &x, err);
}
