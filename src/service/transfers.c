/* Warm transfers between organisations of the network (transfers.h). */
#include "service/transfers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/notification.h"
#include "service/journey.h"
#include "service/matches.h"
#include "service/notify.h"

#define ORG_NAME_CAP (ORGANISATION_NAME_MAX * 4 + 1)

static struct authz_target side_target(const struct transfer *t, int64_t org)
{
	return (struct authz_target){ .organisation_id = org, .volunteer_id = t->volunteer_id };
}

int transfer_side(const struct principal *who, const struct transfer *t, enum action act)
{
	struct authz_target from = side_target(t, t->from_organisation);
	struct authz_target to = side_target(t, t->to_organisation);
	if (who->role == ROLE_ADMIN)
		return SIDE_ADMIN;
	if (who->role == ROLE_VOLUNTEER)
		return authz_allows(who, RES_TRANSFER, act, &from) ? SIDE_VOLUNTEER : SIDE_NONE;
	if (authz_allows(who, RES_TRANSFER, act, &from))
		return SIDE_SENDER;
	if (transfer_receiver_sees(t->status) && authz_allows(who, RES_TRANSFER, act, &to))
		return SIDE_RECEIVER;
	return SIDE_NONE;
}

/* The failure for who is on no side: as for a target nobody may act on. */
static int no_side(struct svc *s, enum action act)
{
	struct authz_target none = { 0 };
	return svc_authorise(s, RES_TRANSFER, act, &none);
}

static int organisation_name(struct svc *s, int64_t id, char *out, size_t cap)
{
	struct organisation *o = malloc(sizeof *o);
	int rc = KP_ERR;
	if (o == NULL)
		return kp_internal(s->err);
	if (store_organisation_get(s->db, id, o, s->err) == KP_OK) {
		snprintf(out, cap, "%s", o->name);
		rc = KP_OK;
	}
	free(o);
	return rc;
}

struct mail {
	char key[64];
	char from[ORG_NAME_CAP], to[ORG_NAME_CAP];
	char link[400];
};

static int mail_awaiting(struct svc *s, struct mail *m, const struct transfer *t,
                         const struct volunteer *v)
{
	struct notifier nf = notify_from(s);
	struct mail_var vars[] = {
		{ "first_name", v->first_name, NULL },
		{ "from", m->from, NULL },
		{ "to", m->to, NULL },
		{ "link", m->link, NULL },
	};
	struct notice n = { "transfer_awaiting", NOTIFY_TRANSFER, m->key, t->from_organisation,
	                    vars, 4 };
	return notify_address(&nf, v->email, &n);
}

static int mail_offered(struct svc *s, struct mail *m, const struct transfer *t,
                        const struct volunteer *v)
{
	struct notifier nf = notify_from(s);
	struct mail_var vars[] = {
		{ "from", m->from, NULL },
		{ "first_name", v->first_name, NULL },
		{ "last_name", v->last_name, NULL },
		{ "message", t->message, NULL },
		{ "link", m->link, NULL },
	};
	struct notice n = { "transfer_offered", NOTIFY_TRANSFER, m->key, t->to_organisation,
	                    vars, 5 };
	return notify_coordinators(&nf, t->to_organisation, &n);
}

static int mail_decided(struct svc *s, struct mail *m, const struct transfer *t,
                        const struct volunteer *v)
{
	struct notifier nf = notify_from(s);
	struct mail_var vars[] = {
		{ "first_name", v->first_name, NULL },
		{ "last_name", v->last_name, NULL },
		{ "to", m->to, NULL },
		{ "accepted", t->status == TRANSFER_ACCEPTED ? "1" : "", NULL },
		{ "note", t->decision_note, NULL },
	};
	struct notice n = { "transfer_decided", NOTIFY_TRANSFER, m->key, t->from_organisation,
	                    vars, 5 };
	if (notify_coordinators(&nf, t->from_organisation, &n))
		return KP_ERR;
	/* The volunteer reads it in her own words, as on Mijn reis. */
	struct mail_var own[] = {
		{ "first_name", v->first_name, NULL },
		{ "from", m->from, NULL },
		{ "to", m->to, NULL },
		{ "accepted", t->status == TRANSFER_ACCEPTED ? "1" : "", NULL },
		{ "note", t->decision_note, NULL },
	};
	struct notice welcome = { "transfer_welcome", NOTIFY_TRANSFER, m->key, t->to_organisation,
		                  own, 5 };
	return notify_address(&nf, v->email, &welcome);
}

static int mail_state(struct svc *s, struct mail *m, const struct transfer *t,
                      const struct volunteer *v)
{
	if (organisation_name(s, t->from_organisation, m->from, sizeof m->from) ||
	    organisation_name(s, t->to_organisation, m->to, sizeof m->to))
		return KP_ERR;
	snprintf(m->key, sizeof m->key, "transfer:%lld:%s", (long long)t->id,
	         transfer_status_name(t->status));
	notify_link(s->app, m->link, sizeof m->link, "/doorverwijzingen/%lld", (long long)t->id);
	switch (t->status) {
	case TRANSFER_AWAITING_CONSENT:
		return mail_awaiting(s, m, t, v);
	case TRANSFER_OFFERED:
		return mail_offered(s, m, t, v);
	case TRANSFER_ACCEPTED:
	case TRANSFER_DECLINED:
		return mail_decided(s, m, t, v);
	default:
		return KP_OK;
	}
}

/* The mails of a transfer's new state; the key makes each go once. */
static int mail_for(struct svc *s, const struct transfer *t, const struct volunteer *known)
{
	struct mail *m = malloc(sizeof *m);
	struct volunteer *v = known ? NULL : malloc(sizeof *v);
	int rc = KP_ERR;
	if (m == NULL || (known == NULL && v == NULL))
		kp_internal(s->err);
	else if (known != NULL)
		rc = mail_state(s, m, t, known);
	else if (store_volunteer_get(s->db, t->volunteer_id, false, v, s->err) == KP_OK)
		rc = mail_state(s, m, t, v);
	free(m);
	free(v);
	return rc;
}

static int count_only(void *ctx, const struct transfer *t)
{
	(void)ctx;
	(void)t;
	return 0;
}

static int no_open_transfer(struct svc *s, int64_t volunteer)
{
	struct page pg = { 1, 0 };
	int64_t a = 0, b = 0;
	if (store_transfer_list(s->db, 0, volunteer, TRANSFER_AWAITING_CONSENT, pg, count_only,
	                        NULL, &a, s->err) ||
	    store_transfer_list(s->db, 0, volunteer, TRANSFER_OFFERED, pg, count_only, NULL, &b,
	                        s->err))
		return KP_ERR;
	return a + b > 0 ? kp_fail(s->err, KP_CONFLICT, "transfer_open", "volunteer_id") : KP_OK;
}

/* The transfer as asked, from the request and who asks. */
static int fill_new(struct svc *s, const struct transfer_request *r, struct transfer *t)
{
	bool by_volunteer = s->who->role == ROLE_VOLUNTEER;
	memset(t, 0, sizeof *t);
	t->volunteer_id = r->volunteer_id;
	if (by_volunteer) {
		if (r->volunteer_id && r->volunteer_id != s->who->volunteer_id)
			return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "volunteer_id");
		/* The volunteer's own request carries their consent; a coordinator's waits. */
		if (!r->parts_given)
			return kp_invalid(s->err, "shared_parts", "required");
		t->volunteer_id = s->who->volunteer_id;
	}
	t->to_organisation = r->to_organisation;
	snprintf(t->message, sizeof t->message, "%s", r->message);
	t->shared_parts = r->shared_parts;
	t->by_volunteer = by_volunteer;
	t->status = by_volunteer ? TRANSFER_OFFERED : TRANSFER_AWAITING_CONSENT;
	t->created_by = s->who->account_id;
	t->created_at = t->updated_at = s->now;
	t->consent_at = by_volunteer ? s->now : 0;
	return KP_OK;
}

static int check_receiver(struct svc *s, const struct transfer *t, struct organisation *o)
{
	if (store_organisation_get(s->db, t->to_organisation, o, s->err) || !o->active)
		return kp_invalid(s->err, "to_organisation_id", "unknown_reference");
	if (t->to_organisation == t->from_organisation)
		return kp_invalid(s->err, "to_organisation_id", "same_organisation");
	return KP_OK;
}

static int create(struct svc *s, struct transfer_request *r, struct volunteer *v,
                  struct organisation *o)
{
	struct transfer *t = &r->out;
	if (fill_new(s, r, t))
		return KP_ERR;
	if (store_volunteer_get(s->db, t->volunteer_id, false, v, s->err)) {
		if (s->err->kind == KP_NOT_FOUND)
			kp_invalid(s->err, "volunteer_id", "unknown_reference");
		return KP_ERR;
	}
	t->from_organisation = v->organisation_id;
	struct authz_target from = side_target(t, t->from_organisation);
	if (svc_authorise(s, RES_TRANSFER, ACT_CREATE, &from) || check_receiver(s, t, o) ||
	    no_open_transfer(s, v->id) || store_transfer_insert(s->db, t, s->err))
		return KP_ERR;
	return mail_for(s, t, v);
}

static int run_create(struct svc *s, void *arg)
{
	struct volunteer *v = malloc(sizeof *v);
	struct organisation *o = malloc(sizeof *o);
	int rc = v && o ? create(s, arg, v, o) : kp_internal(s->err);
	free(v);
	free(o);
	return rc;
}

int transfer_create(struct app *app, struct db *db, const struct principal *who,
                    struct transfer_request *r, struct kp_error *err)
{
	return svc_run(app, db, who, run_create, r, err);
}

/* The sending journey becomes "referred", unless it already ended; either
   way the work at the sending organisation ends (journey_take_step ends the
   matches with the step). */
static int refer_sending(struct svc *s, const struct transfer *t, const char *today)
{
	struct journey j;
	if (store_journey_find(s->db, t->volunteer_id, t->from_organisation, &j, s->err) == KP_OK)
		return journey_step_is_final(j.step)
		               ? KP_OK
		               : journey_take_step(s, &j, STEP_REFERRED, today,
		                                   "warme doorverwijzing", NULL, true);
	if (s->err->kind != KP_NOT_FOUND)
		return KP_ERR;
	*s->err = (struct kp_error){ 0 };
	return match_end_all(s, t->volunteer_id, t->from_organisation,
	                     "Doorverwezen naar een andere organisatie");
}

/* The journey at the receiving organisation: a new one, or the old one again. */
static int start_receiving(struct svc *s, const struct transfer *t, const char *today,
                           const char *note)
{
	struct journey j = { 0 };
	if (store_journey_find(s->db, t->volunteer_id, t->to_organisation, &j, s->err) == KP_OK) {
		if (journey_step_is_final(j.step))
			return journey_take_step(s, &j, STEP_SIGNED_UP, today, note, NULL, false);
		return journey_sync_status(s, &j, t->volunteer_id, -1);
	}
	if (s->err->kind != KP_NOT_FOUND)
		return KP_ERR;
	*s->err = (struct kp_error){ 0 };
	j = (struct journey){ .volunteer_id = t->volunteer_id, .organisation_id = t->to_organisation,
	                      .step = STEP_SIGNED_UP, .created_at = s->now, .updated_at = s->now };
	memcpy(j.step_on, today, sizeof j.step_on);
	memcpy(j.started_on, today, sizeof j.started_on);
	if (store_journey_insert(s->db, &j, s->who->account_id, note, s->err))
		return KP_ERR;
	return store_volunteer_set_status(s->db, t->volunteer_id, VOLUNTEER_APPLIED, s->now, s->err);
}

/* Hands the volunteer over: sending journey referred, receiving journey
   started, home organisation moved. */
static int hand_over(struct svc *s, const struct transfer *t)
{
	char today[11], note[700], from[ORG_NAME_CAP];
	journey_day_format(journey_day_of(s->now), today);
	if (organisation_name(s, t->from_organisation, from, sizeof from) ||
	    refer_sending(s, t, today) ||
	    store_volunteer_set_organisation(s->db, t->volunteer_id, t->to_organisation, s->now,
	                                     s->err))
		return KP_ERR;
	snprintf(note, sizeof note, "Warme doorverwijzing van %s", from);
	if (start_receiving(s, t, today, note))
		return KP_ERR;
	svc_after_volunteer(s, t->volunteer_id); /* new home organisation and status */
	return KP_OK;
}

static int check_decision(struct svc *s, const struct transfer_decision *d, int side)
{
	if (side == SIDE_NONE)
		return no_side(s, ACT_UPDATE);
	if (transfer_check_action(d->out.status, d->action, side, s->err))
		return KP_ERR;
	if (d->action == TACT_CONSENT && !d->parts_given)
		return kp_invalid(s->err, "shared_parts", "required");
	if (d->action == TACT_DECLINE && d->note[0] == '\0')
		return kp_invalid(s->err, "note", "required");
	return KP_OK;
}

static int run_decide(struct svc *s, void *arg)
{
	struct transfer_decision *d = arg;
	struct transfer *t = &d->out;
	if (store_transfer_get(s->db, d->id, t, s->err) ||
	    check_decision(s, d, transfer_side(s->who, t, ACT_UPDATE)))
		return KP_ERR;
	int from = t->status;
	t->status = transfer_next_status(from, d->action);
	t->updated_at = s->now;
	snprintf(t->decision_note, sizeof t->decision_note, "%s", d->note);
	if (d->action == TACT_CONSENT) {
		t->shared_parts = d->parts;
		t->consent_at = s->now;
	}
	if (d->action == TACT_ACCEPT || d->action == TACT_DECLINE)
		t->decided_by = s->who->account_id;
	if (store_transfer_update(s->db, t, from, s->err) ||
	    (d->action == TACT_ACCEPT && hand_over(s, t)))
		return KP_ERR;
	return mail_for(s, t, NULL);
}

int transfer_decide(struct app *app, struct db *db, const struct principal *who,
                    struct transfer_decision *d, struct kp_error *err)
{
	return svc_run(app, db, who, run_decide, d, err);
}

struct reading {
	int64_t id;
	struct transfer *out;
};

static int read_one(struct svc *s, void *arg)
{
	struct reading *r = arg;
	if (store_transfer_get(s->db, r->id, r->out, s->err))
		return KP_ERR;
	return transfer_side(s->who, r->out, ACT_READ) == SIDE_NONE ? no_side(s, ACT_READ) : KP_OK;
}

int transfer_get(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 struct transfer *out, struct kp_error *err)
{
	struct reading r = { id, out };
	return svc_read(app, db, who, read_one, &r, err);
}
