/* E-mail notifications through the outbox (notify.h). */
#include "service/notify.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/journey.h"
#include "model/notification.h"
#include "service/service.h"
#include "util/parse.h"

#define NOTIFY_TEXT_MAX (64 * 1024)

bool notify_is_secret(const struct outbox_mail *m)
{
	return strncmp(m->dedupe_key, NOTIFY_SECRET_PREFIX, strlen(NOTIFY_SECRET_PREFIX)) == 0;
}

struct notifier notify_from(struct svc *s)
{
	return (struct notifier){ s->db, s->app, s->now, NULL, s->err };
}

void notify_link(const struct app *app, char *out, size_t cap, const char *path_fmt, ...)
{
	char path[512];
	va_list ap;
	va_start(ap, path_fmt);
	vsnprintf(path, sizeof path, path_fmt, ap);
	va_end(ap);
	if (app == NULL)
		snprintf(out, cap, "%s", path);
	else if (app->cfg.public_url[0] != '\0')
		snprintf(out, cap, "%s%s", app->cfg.public_url, path);
	else
		snprintf(out, cap, "http://%s:%d%s", app->cfg.host, app->cfg.port, path);
}

static void token_mac(const struct app *app, int64_t account_id, const char *kind,
                      char hex[33])
{
	unsigned char mac[16];
	char msg[96];
	snprintf(msg, sizeof msg, "unsubscribe:%" PRId64 ":%s", account_id, kind);
	crypto_generichash(mac, sizeof mac, (const unsigned char *)msg, strlen(msg),
	                   app->secret_key, sizeof app->secret_key);
	sodium_bin2hex(hex, 33, mac, sizeof mac);
}

void notify_unsubscribe_token(const struct app *app, int64_t account_id, int kind,
                              char out[NOTIFY_TOKEN_MAX])
{
	char hex[33];
	token_mac(app, account_id, notification_kind_name(kind), hex);
	snprintf(out, NOTIFY_TOKEN_MAX, "%" PRId64 "-%s-%s", account_id,
	         notification_kind_name(kind), hex);
}

int notify_unsubscribe_check(const struct app *app, const char *token, int64_t *account_id,
                             int *kind, struct kp_error *err)
{
	char copy[NOTIFY_TOKEN_MAX], hex[33];
	long long id = 0;
	if (token == NULL || strlen(token) >= sizeof copy)
		return kp_invalid(err, "token", "invalid_token");
	snprintf(copy, sizeof copy, "%s", token);
	char *first = strchr(copy, '-'), *last = strrchr(copy, '-');
	if (first == NULL || last == first)
		return kp_invalid(err, "token", "invalid_token");
	*first = *last = '\0';
	*kind = notification_kind_parse(first + 1);
	if (parse_int(copy, 1, INT64_MAX, &id) != 0 || *kind < 0)
		return kp_invalid(err, "token", "invalid_token");
	token_mac(app, id, first + 1, hex);
	if (strlen(last + 1) != 32 || sodium_memcmp(hex, last + 1, 32) != 0)
		return kp_invalid(err, "token", "invalid_token");
	*account_id = id;
	return KP_OK;
}

/* The footer of a notification: what it is and how to stop it. */
static int add_footer(const struct notifier *nf, const struct notice *n,
                      const struct mail_person *p, struct buf *body, char *url, size_t cap)
{
	char token[NOTIFY_TOKEN_MAX], page[600], settings[300];
	notify_unsubscribe_token(nf->app, p->account_id, n->kind, token);
	notify_link(nf->app, page, sizeof page, "/afmelden?token=%s", token);
	notify_link(nf->app, url, cap, "/api/unsubscribe?token=%s", token);
	notify_link(nf->app, settings, sizeof settings, "/instellingen");
	struct mail_var v[] = {
		{ "kind_label", notification_kind_label(n->kind, "nl"),
		  notification_kind_label(n->kind, "en") },
		{ "unsubscribe", page, NULL },
		{ "settings", settings, NULL },
	};
	struct buf ignored;
	buf_init(&ignored, 64);
	int rc = buf_appends(body, "\n") ? kp_internal(nf->err) : KP_OK;
	if (rc == KP_OK)
		rc = mail_render("footer", p->language, v, 3, &ignored, body, nf->err);
	buf_free(&ignored);
	return rc;
}

/* The person's choice for the notice's kind (immediately when none). */
static int delivery_of(const struct notifier *nf, const struct notice *n,
                       const struct mail_person *p, int *d)
{
	char chosen[16];
	*d = DELIVERY_IMMEDIATELY;
	if (n->kind < 0 || p->account_id == 0)
		return KP_OK;
	if (store_notification_delivery(nf->db, p->account_id, notification_kind_name(n->kind),
	                                chosen, nf->err))
		return KP_ERR;
	if (delivery_parse(chosen) >= 0)
		*d = delivery_parse(chosen);
	return KP_OK;
}

static int queue(const struct notifier *nf, const char *to, const struct notice *n,
                 const struct mail_person *p, struct buf *subject, struct buf *body)
{
	static struct outbox_mail zero;
	struct outbox_mail *m = malloc(sizeof *m);
	bool added = false;
	int rc = KP_OK;
	if (m == NULL)
		return kp_internal(nf->err);
	*m = zero;
	if (n->kind >= 0 && p->account_id != 0 && nf->app != NULL)
		rc = add_footer(nf, n, p, body, m->unsubscribe_url, sizeof m->unsubscribe_url);
	snprintf(m->recipient, sizeof m->recipient, "%s", to);
	snprintf(m->subject, sizeof m->subject, "%s", subject->data ? subject->data : "");
	snprintf(m->body, sizeof m->body, "%s", body->data ? body->data : "");
	snprintf(m->dedupe_key, sizeof m->dedupe_key, "%s", n->key);
	m->organisation_id = n->organisation_id;
	m->newsletter_id = n->newsletter_id;
	m->created_at = nf->now;
	if (rc == KP_OK)
		rc = store_outbox_add(nf->db, m, &added, nf->err);
	if (rc == KP_OK && added && nf->queued != NULL)
		(*nf->queued)++;
	sodium_memzero(m->body, sizeof m->body);
	free(m);
	return rc;
}

int notify_address(const struct notifier *nf, const char *to, const struct notice *n)
{
	struct mail_person p;
	struct buf subject, body;
	int d = DELIVERY_IMMEDIATELY, rc;
	bool added = false;
	if (to == NULL || to[0] == '\0')
		return KP_OK;
	if (store_mail_person(nf->db, to, &p, nf->err) || delivery_of(nf, n, &p, &d))
		return KP_ERR;
	if (d == DELIVERY_NEVER)
		return KP_OK;
	buf_init(&subject, NOTIFY_TEXT_MAX);
	buf_init(&body, NOTIFY_TEXT_MAX);
	rc = mail_render(n->text, p.language, n->vars, n->n, &subject, &body, nf->err);
	if (rc == KP_OK && d == DELIVERY_DIGEST)
		rc = store_digest_add(nf->db, p.account_id, notification_kind_name(n->kind), n->key,
		                      subject.data ? subject.data : "", body.data ? body.data : "",
		                      nf->now, &added, nf->err);
	else if (rc == KP_OK)
		rc = queue(nf, to, n, &p, &subject, &body);
	if (body.data != NULL)
		sodium_memzero(body.data, body.len);
	buf_free(&subject);
	buf_free(&body);
	return rc;
}

struct fanout {
	const struct notifier *nf;
	const struct notice *n;
	int recipients;
};

static int to_one(void *ctx, const char *email)
{
	struct fanout *f = ctx;
	f->recipients++;
	return notify_address(f->nf, email, f->n) == KP_OK ? 0 : -1;
}

int notify_coordinators(const struct notifier *nf, int64_t organisation_id,
                        const struct notice *n)
{
	struct fanout f = { nf, n, 0 };
	struct kp_error inner = { 0 };
	struct notifier each = *nf;
	each.err = &inner;
	f.nf = &each;
	if (store_coordinator_emails(nf->db, organisation_id, to_one, &f, nf->err)) {
		if (inner.kind != 0)
			*nf->err = inner;
		return KP_ERR;
	}
	if (f.recipients > 0)
		return KP_OK;
	struct organisation *o = malloc(sizeof *o);
	int rc = KP_ERR;
	if (o == NULL)
		return kp_internal(nf->err);
	if (store_organisation_get(nf->db, organisation_id, o, nf->err) == KP_OK)
		rc = notify_address(nf, o->email, n);
	free(o);
	return rc;
}

int notify_account(const struct notifier *nf, int64_t account_id, const struct notice *n)
{
	char email[255];
	if (account_id == 0)
		return KP_OK;
	if (store_account_email(nf->db, account_id, email, nf->err))
		return KP_ERR;
	return notify_address(nf, email, n);
}

struct gathering {
	struct buf items;
	int count;
};

static int gather(void *ctx, const char *kind, const char *subject, const char *body)
{
	struct gathering *g = ctx;
	(void)kind;
	g->count++;
	return buf_printf(&g->items, "== %s ==\n\n%s\n", subject, body);
}

/* The digest of `day` for one account: its waiting items in one mail. */
static int digest_one(const struct notifier *nf, int64_t account_id, int64_t before,
                      const char *day, int *mails)
{
	struct account a;
	struct mail_person p;
	struct gathering g = { .count = 0 };
	struct buf subject, body;
	char key[64];
	int rc;
	buf_init(&g.items, NOTIFY_TEXT_MAX);
	buf_init(&subject, NOTIFY_TEXT_MAX);
	buf_init(&body, NOTIFY_TEXT_MAX);
	rc = store_account_get(nf->db, account_id, &a, NULL, nf->err);
	if (rc == KP_OK)
		rc = store_digest_take(nf->db, account_id, before, day, gather, &g, nf->err);
	if (rc == KP_OK)
		rc = store_mail_person(nf->db, a.email, &p, nf->err);
	if (rc == KP_OK && g.count > 0 && a.active && p.account_id == account_id) {
		struct mail_var v[] = {
			{ "name", a.display_name, NULL },
			{ "date", day, NULL },
			{ "items", g.items.data, NULL },
		};
		/* Its footer and List-Unsubscribe turn the digest off (NOTIFY_DIGEST). */
		struct notice n = { "digest", NOTIFY_DIGEST, key, a.organisation_id, v, 3 };
		struct notifier quiet = *nf;
		snprintf(key, sizeof key, "digest:%s", day);
		quiet.queued = mails;
		rc = mail_render("digest", p.language, v, 3, &subject, &body, nf->err);
		if (rc == KP_OK)
			rc = queue(&quiet, a.email, &n, &p, &subject, &body);
	}
	buf_free(&g.items);
	buf_free(&subject);
	buf_free(&body);
	return rc;
}

#define DIGEST_BATCH 500

int notify_digests(const struct notifier *nf, int *mails)
{
	char day[11];
	int64_t ids[DIGEST_BATCH];
	int n = 0;
	/* The day whose digest is due: its DIGEST_HOUR_UTC has passed. */
	int64_t since = nf->now - (int64_t)DIGEST_HOUR_UTC * 3600;
	int64_t before = since - since % 86400 + (int64_t)DIGEST_HOUR_UTC * 3600;
	parse_format_date(since, day);
	*mails = 0;
	if (store_digest_accounts(nf->db, before, ids, DIGEST_BATCH, &n, nf->err))
		return KP_ERR;
	for (int i = 0; i < n; i++)
		if (digest_one(nf, ids[i], before, day, mails))
			return KP_ERR;
	return KP_OK;
}

struct vog_walk {
	const struct notifier *nf;
	long today;
};

static int vog_notice(void *ctx, const struct vog_due *d)
{
	struct vog_walk *w = ctx;
	char key[64], renew[11], link[300];
	long issued = journey_day_parse(d->vog_date);
	if (issued < 0 || d->max_age_months <= 0)
		return 0;
	long renew_on = journey_add_months(issued, d->max_age_months);
	if (w->today < renew_on - VOG_NOTICE_DAYS || w->today > renew_on)
		return 0;
	journey_day_format(renew_on, renew);
	snprintf(key, sizeof key, "vog-expiring:%lld:%s", (long long)d->volunteer_id, d->vog_date);
	notify_link(w->nf->app, link, sizeof link, "/mijn-gegevens");
	struct mail_var vars[] = {
		{ "first_name", d->first_name, NULL },
		{ "vog_date", d->vog_date, NULL },
		{ "organisation", d->organisation, NULL },
		{ "renew_on", renew, NULL },
		{ "link", link, NULL },
	};
	struct notice n = { "vog_expiring", NOTIFY_VOG_EXPIRING, key, d->organisation_id, vars, 5 };
	return notify_address(w->nf, d->email, &n) == KP_OK ? 0 : -1;
}

int notify_vog_expiring(const struct notifier *nf)
{
	struct vog_walk w = { nf, journey_day_of(nf->now) };
	return store_vog_expiry_walk(nf->db, vog_notice, &w, nf->err);
}
