/* Delivering the outbox (mailer.h). */
#include "sync/mailer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store.h"
#include "mail/html.h"
#include "model/newsletter.h"

int64_t mailer_backoff(int attempts)
{
	int64_t wait = MAILER_FIRST_WAIT_S;
	for (int i = 1; i < attempts && wait < MAILER_LONGEST_WAIT_S; i++)
		wait *= 2;
	return wait < MAILER_LONGEST_WAIT_S ? wait : MAILER_LONGEST_WAIT_S;
}

/* The newsletters of one run, read once each (a batch is mostly one). */
struct letters {
	struct newsletter *n;   /* the last one read; NULL until then */
	struct buf html;        /* the HTML part of the mail at hand */
};

/* The HTML part of m into l->html, or NULL for a mail of text only. */
static const char *html_of(struct db *db, const struct outbox_mail *m, struct letters *l,
                           struct kp_error *err)
{
	struct kp_error none = { 0 };
	if (m->newsletter_id <= 0)
		return NULL;
	if (l->n == NULL) {
		if ((l->n = malloc(sizeof *l->n)) == NULL) {
			kp_internal(err);
			return NULL;
		}
		l->n->id = 0;
	}
	if (l->n->id != m->newsletter_id &&
	    store_newsletter_get(db, m->newsletter_id, l->n, &none) != KP_OK) {
		l->n->id = 0;
		return NULL;
	}
	size_t len = strlen(l->n->text);
	if (strncmp(m->body, l->n->text, len) != 0)
		return NULL;
	l->html.len = 0; /* the next append writes over the last mail's */
	if (mail_html(&l->html, m->subject, l->n->html, m->body + len) != 0)
		return NULL; /* too large for a mail: the text alone still goes */
	return l->html.data;
}

static int deliver(const struct smtp_config *cfg, struct db *db, struct outbox_mail *m,
                   struct letters *l, int64_t now, struct mailer_result *out,
                   struct kp_error *err)
{
	char message_id[96];
	snprintf(message_id, sizeof message_id, "outbox-%lld-%lld@knooppunt", (long long)m->id,
	         (long long)m->created_at);
	struct smtp_mail mail = { m->recipient, m->subject, m->body, message_id, now,
		                  m->unsubscribe_url, html_of(db, m, l, err) };
	struct kp_error failed = { 0 };
	if (err->kind != KP_NONE)
		return KP_ERR;
	if (smtp_send(cfg, &mail, &failed) == KP_OK) {
		out->sent++;
		return store_outbox_mark_sent(db, m->id, now, err);
	}
	/* A mail the message format refuses will never pass: give up at once. */
	bool give_up = failed.kind == KP_INVALID || m->attempts + 1 >= MAILER_ATTEMPTS_MAX;
	char reason[sizeof failed.code + sizeof failed.detail + 2];
	snprintf(reason, sizeof reason, "%s%s%s", failed.code, failed.detail[0] ? ": " : "",
	         failed.detail);
	out->failed++;
	out->given_up += give_up;
	return store_outbox_mark_failed(db, m->id, now, now + mailer_backoff(m->attempts + 1),
	                                give_up, reason, err);
}

int mailer_run(const struct smtp_config *cfg, struct db *db, int64_t now,
               struct mailer_result *out, struct kp_error *err)
{
	int64_t ids[MAILER_BATCH];
	int n = 0, rc = KP_OK;
	*out = (struct mailer_result){ 0 };
	if (cfg->url[0] == '\0')
		return KP_OK;
	struct outbox_mail *m = malloc(sizeof *m);
	struct letters l = { NULL, { 0 } };
	if (m == NULL)
		return kp_internal(err);
	buf_init(&l.html, SMTP_MESSAGE_MAX / 2);
	if (store_outbox_due(db, now, ids, MAILER_BATCH, &n, err))
		rc = KP_ERR;
	for (int i = 0; i < n && rc == KP_OK; i++)
		if (store_outbox_get(db, ids[i], m, err) || deliver(cfg, db, m, &l, now, out, err))
			rc = KP_ERR;
	buf_free(&l.html);
	free(l.n);
	free(m);
	return rc;
}
