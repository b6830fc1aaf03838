/* A person's own mail settings and unsubscribing (notifications.h). */
#include "service/notifications.h"

#include <stdio.h>
#include <string.h>

#include "mail/template.h"
#include "service/notify.h"

static int take_pref(void *ctx, const char *kind, const char *delivery)
{
	struct notification_settings *out = ctx;
	int k = notification_kind_parse(kind), d = delivery_parse(delivery);
	if (k >= 0 && k < NOTIFY_KIND_COUNT && d >= 0)
		out->delivery[k] = d;
	return 0;
}

static int read_settings(struct svc *s, struct notification_settings *out)
{
	struct mail_person p;
	for (int k = 0; k < NOTIFY_KIND_COUNT; k++)
		out->delivery[k] = DELIVERY_IMMEDIATELY;
	if (svc_authorise(s, RES_NOTIFICATION, ACT_READ, NULL) ||
	    store_mail_person(s->db, s->who->email, &p, s->err) ||
	    store_notification_prefs(s->db, s->who->account_id, take_pref, out, s->err))
		return KP_ERR;
	snprintf(out->language, sizeof out->language, "%s",
	         mail_lang_known(p.language) ? p.language : MAIL_LANG_DEFAULT);
	return KP_OK;
}

static int read_own(struct svc *s, void *arg)
{
	return read_settings(s, arg);
}

int notifications_get(struct app *app, struct db *db, const struct principal *who,
                      struct notification_settings *out, struct kp_error *err)
{
	memset(out, 0, sizeof *out);
	return svc_read(app, db, who, read_own, out, err);
}

struct change {
	const struct notification_settings *in;
	struct notification_settings *out;
};

static int write_own(struct svc *s, void *arg)
{
	struct change *c = arg;
	const struct notification_settings *in = c->in;
	if (svc_authorise(s, RES_NOTIFICATION, ACT_UPDATE, NULL))
		return KP_ERR;
	if (in->language[0] != '\0' && !mail_lang_known(in->language))
		return kp_invalid(s->err, "language", "invalid_choice");
	if (in->language[0] != '\0' &&
	    store_account_language_set(s->db, s->who->account_id, in->language, s->err))
		return KP_ERR;
	for (int k = 0; k < NOTIFY_KIND_COUNT; k++)
		if (in->delivery[k] >= 0 &&
		    store_notification_pref_set(s->db, s->who->account_id, notification_kind_name(k),
		                                delivery_name(in->delivery[k]), s->now, s->err))
			return KP_ERR;
	return read_settings(s, c->out);
}

int notifications_set(struct app *app, struct db *db, const struct principal *who,
                      const struct notification_settings *in,
                      struct notification_settings *out, struct kp_error *err)
{
	struct change c = { in, out };
	memset(out, 0, sizeof *out);
	return svc_run(app, db, who, write_own, &c, err);
}

struct unsubscribing {
	const char *token;
	int *kind;
};

/* Unsubscribing from the digest: every kind that went to it goes nowhere. */
static int digest_off(struct svc *s, int64_t account_id)
{
	char chosen[16];
	for (int k = 0; k < NOTIFY_KIND_COUNT; k++) {
		const char *kind = notification_kind_name(k);
		if (store_notification_delivery(s->db, account_id, kind, chosen, s->err))
			return KP_ERR;
		if (delivery_parse(chosen) == DELIVERY_DIGEST &&
		    store_notification_pref_set(s->db, account_id, kind,
		                                delivery_name(DELIVERY_NEVER), s->now, s->err))
			return KP_ERR;
	}
	return KP_OK;
}

/* The token is the credential: it names the account and the kind and is
   signed with the server's key, so it can only switch that kind off. */
static int write_unsubscribe(struct svc *s, void *arg)
{
	struct unsubscribing *u = arg;
	struct account a;
	int64_t account_id = 0;
	struct kp_error miss = { 0 };
	if (notify_unsubscribe_check(s->app, u->token, &account_id, u->kind, s->err))
		return KP_ERR;
	if (store_account_get(s->db, account_id, &a, NULL, &miss))
		return miss.kind == KP_NOT_FOUND ? kp_invalid(s->err, "token", "invalid_token")
		                                 : (*s->err = miss, KP_ERR);
	if (*u->kind == NOTIFY_DIGEST)
		return digest_off(s, account_id);
	return store_notification_pref_set(s->db, account_id, notification_kind_name(*u->kind),
	                                   delivery_name(DELIVERY_NEVER), s->now, s->err);
}

int notifications_unsubscribe(struct app *app, struct db *db, const char *token, int *kind,
                              struct kp_error *err)
{
	static const struct principal nobody = { .role = ROLE_ANONYMOUS };
	struct unsubscribing u = { token, kind };
	return svc_run(app, db, &nobody, write_unsubscribe, &u, err);
}
