#include "service/notify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool notify_is_secret(const struct outbox_mail *m)
{
	return strncmp(m->dedupe_key, NOTIFY_SECRET_PREFIX, strlen(NOTIFY_SECRET_PREFIX)) == 0;
}

int notify_address(struct db *db, const char *to, int64_t organisation_id, const char *key,
                   const char *subject, const char *body, int64_t now, int *queued,
                   struct kp_error *err)
{
	static struct outbox_mail zero;
	struct outbox_mail m = zero;
	bool added = false;
	if (to == NULL || to[0] == '\0')
		return KP_OK;
	snprintf(m.recipient, sizeof m.recipient, "%s", to);
	snprintf(m.subject, sizeof m.subject, "%s", subject);
	snprintf(m.body, sizeof m.body, "%s", body);
	snprintf(m.dedupe_key, sizeof m.dedupe_key, "%s", key);
	m.organisation_id = organisation_id;
	m.created_at = now;
	if (store_outbox_add(db, &m, &added, err))
		return KP_ERR;
	if (added && queued != NULL)
		(*queued)++;
	return KP_OK;
}

struct fanout {
	struct db *db;
	int64_t organisation_id;
	const char *key, *subject, *body;
	int64_t now;
	int *queued;
	int recipients;
	struct kp_error *err;
};

static int to_one(void *ctx, const char *email)
{
	struct fanout *f = ctx;
	f->recipients++;
	return notify_address(f->db, email, f->organisation_id, f->key, f->subject, f->body,
	                      f->now, f->queued, f->err);
}

int notify_coordinators(struct db *db, int64_t organisation_id, const char *key,
                        const char *subject, const char *body, int64_t now, int *queued,
                        struct kp_error *err)
{
	struct fanout f = { db, organisation_id, key, subject, body, now, queued, 0, err };
	if (store_coordinator_emails(db, organisation_id, to_one, &f, err))
		return KP_ERR;
	if (f.recipients > 0)
		return KP_OK;
	struct organisation *o = malloc(sizeof *o);
	int rc = KP_ERR;
	if (o == NULL)
		return kp_internal(err);
	if (store_organisation_get(db, organisation_id, o, err) == KP_OK)
		rc = notify_address(db, o->email, organisation_id, key, subject, body, now, queued,
		                    err);
	free(o);
	return rc;
}
