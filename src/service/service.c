/* Running a use case: one transaction, retried when a race was lost (service.h). */
#include "service/service.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/audit_writer.h"
#include "match/match.h"

static void pause_before_retry(int attempt)
{
	/* A few milliseconds, growing, so racing writers fall out of step. */
	struct timespec ts = { 0, (long)(attempt * attempt) * 2000000L };
	nanosleep(&ts, NULL);
}

static void run_effect(struct svc *s, const struct svc_effect *e)
{
	struct kp_error err = { 0 };
	struct match_index *ix = s->app->index;
	int rc = KP_OK;
	switch (e->kind) {
	case SVC_REFRESH_VOLUNTEER:
		rc = match_index_refresh_volunteer(ix, s->db, e->id, &err);
		break;
	case SVC_REFRESH_CALL:
		rc = match_index_refresh_call(ix, s->db, e->id, &err);
		break;
	case SVC_REFRESH_MATCH:
		rc = match_index_refresh_match(ix, s->db, e->id, e->id2, &err);
		break;
	}
	/* The change log refreshes the index within a second anyway: log, go on. */
	if (rc != KP_OK)
		fprintf(stderr, "knooppunt: koppelindex niet bijgewerkt (%d, %lld): %s\n", e->kind,
		        (long long)e->id, err.code);
}

static int attempt(struct svc *s, svc_fn fn, void *arg)
{
	s->n_effects = 0;
	if (db_begin(s->db, s->err))
		return KP_ERR;
	if (fn(s, arg) != KP_OK || db_commit(s->db, s->err) != KP_OK) {
		db_rollback(s->db);
		return KP_ERR;
	}
	return KP_OK;
}

/* A use case's context with nothing queued yet. */
static struct svc svc_for(struct app *app, struct db *db, const struct principal *who,
                          struct kp_error *err)
{
	static const struct svc zero;
	struct svc s = zero;
	s.app = app;
	s.db = db;
	s.who = who;
	s.err = err;
	s.now = app->now();
	return s;
}

int svc_run(struct app *app, struct db *db, const struct principal *who, svc_fn fn, void *arg,
            struct kp_error *err)
{
	struct svc s = svc_for(app, db, who, err);
	int rc = KP_ERR;
	for (int i = 0; i < SVC_ATTEMPTS; i++) {
		if (i > 0) {
			atomic_fetch_add(&app->db_retries, 1);
			pause_before_retry(i);
		}
		*err = (struct kp_error){ 0 };
		s.now = app->now();
		rc = attempt(&s, fn, arg);
		if (rc == KP_OK || !err->retry)
			break;
	}
	if (rc == KP_OK)
		for (int i = 0; i < s.n_effects; i++)
			run_effect(&s, &s.effects[i]);
	return rc;
}

int svc_read(struct app *app, struct db *db, const struct principal *who, svc_fn fn, void *arg,
             struct kp_error *err)
{
	struct svc s = svc_for(app, db, who, err);
	bool opened = db_read_begin(db);
	int rc = fn(&s, arg);
	db_read_end(db, opened);
	return rc;
}

int svc_authorise(struct svc *s, enum resource res, enum action act,
                  const struct authz_target *target)
{
	if (authz_allows(s->who, res, act, target))
		return KP_OK;
	if (s->who->role == ROLE_ANONYMOUS)
		return kp_fail(s->err, KP_UNAUTHENTICATED, "not_logged_in", "");
	return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "");
}

int svc_volunteer_target(struct svc *s, int64_t org, int64_t vid, struct consent *consent,
                         struct authz_target *t)
{
	memset(t, 0, sizeof *t);
	t->organisation_id = org;
	t->volunteer_id = vid;
	t->consent = consent;
	return store_consent_get(s->db, vid, consent, s->err);
}

int svc_locations_target(struct svc *s, int64_t location_id, struct authz_target *t)
{
	t->outside_locations = false;
	if (s->who->role != ROLE_PROFESSIONAL)
		return KP_OK;
	return store_location_outside(s->db, s->who->account_id, location_id,
	                              &t->outside_locations, s->err);
}

int svc_check_meanwhile(struct svc *s, const struct field_table *t, int64_t id, int64_t base,
                        int64_t current, uint64_t changed)
{
	uint64_t since = 0;
	if (base <= 0 || base >= current || changed == 0)
		return KP_OK;
	if (store_fields_changed_since(s->db, t, id, base, &since, s->err))
		return KP_ERR;
	if (since & changed)
		return kp_fail(s->err, KP_CONFLICT, "changed_meanwhile",
		               field_first_name(t, since & changed));
	return KP_OK;
}

void svc_audit_fill(struct svc *s, const char *action, const char *resource,
                    int64_t volunteer_id, int64_t record_id, const char *reason,
                    struct audit_entry *e)
{
	*e = (struct audit_entry){
		.at = s->now,
		.account_id = s->who->account_id,
		.role = s->who->role,
		.organisation_id = s->who->organisation_id,
		.volunteer_id = volunteer_id,
		.record_id = record_id,
	};
	snprintf(e->action, sizeof e->action, "%s", action);
	snprintf(e->resource, sizeof e->resource, "%s", resource);
	snprintf(e->reason, sizeof e->reason, "%s", reason ? reason : "");
}

/* The ticket of the request this thread serves, while its views defer. */
static _Thread_local struct audit_ticket **deferred;

void svc_defer_audit(struct audit_ticket **ticket)
{
	deferred = ticket;
}

void svc_audit_wait(void *ticket, void (*done)(void *arg, bool ok), void *arg)
{
	audit_ticket_wait(ticket, done, arg);
}

int svc_audit_all(struct svc *s, const struct audit_entry *e, int n)
{
	/* A view writes nothing else: its rows join others in one group commit. */
	if (s->app->audit != NULL && !db_in_transaction(s->db))
		return deferred != NULL ? audit_writer_submit(s->app->audit, e, n, deferred, s->err)
		                        : audit_writer_append(s->app->audit, e, n, s->err);
	return store_audit_append_all(s->db, e, n, s->err);
}

int svc_audit(struct svc *s, const char *action, const char *resource, int64_t volunteer_id,
              int64_t record_id, const char *reason)
{
	struct audit_entry e;
	svc_audit_fill(s, action, resource, volunteer_id, record_id, reason, &e);
	return svc_audit_all(s, &e, 1);
}

static void after(struct svc *s, enum svc_effect_kind kind, int64_t id, int64_t id2)
{
	for (int i = 0; i < s->n_effects; i++)
		if (s->effects[i].kind == kind && s->effects[i].id == id && s->effects[i].id2 == id2)
			return;
	if (s->n_effects == SVC_EFFECTS_MAX) {
		fprintf(stderr, "knooppunt: te veel indexverversingen in één handeling; "
		                "de wijzigingslog vult aan\n");
		return;
	}
	s->effects[s->n_effects++] = (struct svc_effect){ kind, id, id2 };
}

void svc_after_volunteer(struct svc *s, int64_t id)
{
	after(s, SVC_REFRESH_VOLUNTEER, id, 0);
}

void svc_after_call(struct svc *s, int64_t id)
{
	after(s, SVC_REFRESH_CALL, id, 0);
}

void svc_after_match(struct svc *s, int64_t call_id, int64_t volunteer_id)
{
	after(s, SVC_REFRESH_MATCH, call_id, volunteer_id);
}
